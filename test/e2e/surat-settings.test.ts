// The region admin's correspondence settings in Chromium, on a phone: a
// numbering pattern without its required tokens is refused with the reason
// and changes nothing; a good one shows its example number at once; a
// document type's template is changed, and a new draft of that type starts
// from it. Staff without the permission are told so.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

describeInBrowser('Correspondence: the region admin sets numbering and templates in Chromium', (b) => {
  it('refuses a pattern without {nomor}, saves a good one with its example, and a changed template starts the next draft', async () => {
    const admin = await b.newPage();
    await b.signIn(admin, 'admin@sumedang.demo');
    await admin.goto(b.url('/staff/32.11'));
    await admin.getByRole('link', { name: 'Pengaturan naskah dinas' }).first().click();
    const numbering = admin.getByRole('region', { name: 'Pola penomoran' });
    await eventually(() => numbering.textContent()).toContain('{klasifikasi}/{nomor}/{kode_unit}/{tahun}');

    await numbering.getByLabel('Pola baru').fill('{klasifikasi}/{kode_unit}/{sifat}');
    await numbering.getByRole('button', { name: 'Simpan pola penomoran' }).click();
    await eventually(() => numbering.getByRole('alert').textContent()).toContain('{nomor}');
    expect(await numbering.getByRole('alert').textContent()).toContain('{sifat}');

    await numbering.getByLabel('Pola baru').fill('{kode_keamanan}/{nomor}/{kode_unit}/{bulan_romawi}/{tahun}');
    await numbering.getByRole('button', { name: 'Simpan pola penomoran' }).click();
    await eventually(() => numbering.getByRole('status').textContent()).toContain('Pola penomoran disimpan.');
    await eventually(() => numbering.textContent()).toMatch(/B\/017\/DISKOMINFO\/[IVX]+\/\d{4}/);
    expect(await overflowsHorizontally(admin)).toBe(false);

    // Surat Tugas's template: a new draft of that type starts from it.
    const templates = admin.getByRole('region', { name: 'Templat per jenis naskah' });
    await templates.locator('summary').filter({ hasText: /^Surat Tugas/ }).click();
    const form = admin.getByRole('form', { name: 'Surat Tugas' });
    await form.getByLabel('Pembuka').fill('Dasar: Peraturan Bupati Sumedang tentang SPBE.');
    await form.getByRole('button', { name: 'Simpan templat' }).click();
    await eventually(() => form.getByRole('status').textContent()).toBe('Templat disimpan.');

    const staf = await b.newPage();
    await b.signIn(staf, 'staf.aptika@sumedang.demo');
    await staf.goto(b.url('/staff/32.11/surat/outgoing/baru'));
    await staf.getByLabel('Jenis naskah').selectOption({ label: 'Surat Tugas' });
    await eventually(() => staf.getByLabel('Pembuka').inputValue()).toBe('Dasar: Peraturan Bupati Sumedang tentang SPBE.');
    await staf.goto(b.url('/staff/32.11/surat/pengaturan'));
    await eventually(() => staf.getByRole('alert').textContent()).toBeTruthy();
    expect(await staf.getByRole('region', { name: 'Pola penomoran' }).count()).toBe(0);
    expect([admin, staf].flatMap((p) => b.problems(p))).toEqual([]);
  });
});

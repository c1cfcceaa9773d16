// A service's application form in Chromium, on the demo region: the region's
// service manager, on a phone, opens the certificate of low income, sees its
// form in the live preview (the "other purpose" field appears only once
// "Lainnya" is chosen; the address offers the region's kecamatan, then that
// kecamatan's desa), adds a required field with the builder, saves,
// publishes, and a citizen then sees the new field on the public page.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

describeInBrowser('Service forms in Chromium', (b) => {
  it('builds a form field, previews the form and publishes it to the public page', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'layanan@sumedang.demo');
    await eventually(() => page.getByRole('heading', { name: 'Katalog layanan publik' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Surat Keterangan Tidak Mampu (SKTM)' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Formulir permohonan' }).isVisible()).toBe(true);

    // The live preview: a conditional field shows once its choice is made; the address's desa follow its kecamatan.
    await page.getByText('Pratinjau formulir (seperti dilihat pemohon)').click();
    const preview = page.locator('.layanan-preview');
    expect(await preview.getByLabel('Sebutkan keperluannya').count()).toBe(0);
    await preview.getByLabel('Lainnya').check();
    await eventually(() => preview.getByLabel('Sebutkan keperluannya').isVisible()).toBe(true);
    await preview.getByLabel('NIK pemohon').fill('3211010512900000');
    await eventually(() => preview.getByRole('alert').textContent()).toContain('0000');
    await eventually(() => preview.locator('#preview-alamat-district option').count()).toBeGreaterThan(20);
    await preview.locator('#preview-alamat-district').selectOption({ label: 'Wado' });
    await eventually(() => preview.locator('#preview-alamat-village option', { hasText: 'Cimungkal' }).count()).toBe(1);

    // A new required field, saved with the draft and published.
    await page.getByRole('button', { name: 'Tambah isian' }).click();
    const n = await page.locator('.layanan-def-field').count();
    await page.locator(`#fb-${n - 1}-label`).fill('Nama ibu kandung');
    await page.locator(`#fb-${n - 1}-key`).fill('nama_ibu');
    await page.locator('.layanan-def-field').nth(n - 1).getByLabel('Wajib diisi').check();
    await eventually(() => preview.getByLabel('Nama ibu kandung').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await eventually(() => page.getByText('Draf berisi perubahan yang belum diterbitkan.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await eventually(() => page.getByText('Diterbitkan sebagai versi 3.').isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    const citizen = await b.newPage({ viewport: PHONE });
    await citizen.goto(b.url('/r/32.11/layanan/surat-keterangan-tidak-mampu'));
    await eventually(() => citizen.getByRole('heading', { name: 'Isian formulir permohonan' }).isVisible()).toBe(true);
    expect(await citizen.locator('.layanan-form-list li').allTextContents()).toContain('Nama ibu kandung (wajib)');
    expect(await citizen.locator('.layanan-form-list').textContent()).toContain('Kartu Keluarga');
    expect(await overflowsHorizontally(citizen)).toBe(false);
  });
});

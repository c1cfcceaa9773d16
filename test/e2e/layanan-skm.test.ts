// The satisfaction survey (SKM) in Chromium, on the demo region: the
// kecamatan's counter clerk, on a 360 px phone, enters a paper form for the
// certificate of low income (nine questions, 1–4 each), and the month's
// result then counts one respondent more; the form is listed, corrected and
// deleted with a reason, and the result follows; the results page offers the
// Excel download and says where each population came from; anyone sees each
// published service's index and band on the public catalogue.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

describeInBrowser('Satisfaction survey in Chromium', (b) => {
  it('lets counter staff enter a paper form on a phone, and the result changes', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'loket.sumsel@sumedang.demo');
    const month = new Date(b.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
    const respondents = async () => {
      await page.goto(b.url(`/staff/32.11/layanan/skm?period=${month}`));
      await eventually(() => page.locator('.skm-index').isVisible()).toBe(true);
      return Number((await page.locator('section[aria-label="Semua layanan"] p.small').first().textContent())!.match(/(\d+) responden/)![1]);
    };
    const before = await respondents();

    await page.getByRole('link', { name: 'Isi formulir kertas' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Isi formulir SKM' }).isVisible()).toBe(true);
    await page.getByLabel('Layanan', { exact: true }).selectOption({ label: 'Surat Keterangan Tidak Mampu (SKTM) (Kecamatan Sumedang Selatan)' });
    expect(await page.locator('fieldset.skm-question').count()).toBe(9);
    for (let i = 1; i <= 9; i++) await page.locator(`input[name="U${i}"][value="${i === 4 ? 3 : 4}"]`).check();
    expect(await page.getByText('Dikelola dengan baik').isVisible()).toBe(true); // U8's own answer label
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Simpan formulir' }).click();
    await eventually(() => page.getByText('Formulir tersimpan (1 pada sesi ini).').isVisible()).toBe(true);

    expect(await respondents()).toBe(before + 1);
    expect(await overflowsHorizontally(page)).toBe(false);
    const download = page.getByRole('link', { name: 'Unduh hasil (Excel)' });
    expect(await download.getAttribute('href')).toBe(`/api/regions/32.11/layanan/skm/results.xlsx?period=${month}&lang=id`);
    // The year's populations were entered (the demo); the month's were not, and the certificate's comes from its applications served.
    await page.goto(b.url(`/staff/32.11/layanan/skm?period=${month.slice(0, 4)}`));
    await eventually(async () => (await page.locator('tr', { hasText: 'Surat Keterangan Tidak Mampu' }).first().textContent()) ?? '').toContain('jumlah diisi petugas');
    await page.goto(b.url(`/staff/32.11/layanan/skm?period=2026-10`));
    await eventually(async () => (await page.locator('tr', { hasText: 'Surat Keterangan Tidak Mampu' }).first().textContent()) ?? '').toContain('minimal 5 dari 5 pengguna) · jumlah dari permohonan selesai di Pamong');

    // The form just entered is in the list of the year's paper forms (newest first): correct it, then delete it.
    await page.getByRole('link', { name: 'Isi formulir kertas' }).click();
    const row = (u4: number) => page.locator('section[aria-labelledby="skm-forms"] tbody tr', { hasText: `U1:4 U2:4 U3:4 U4:${u4} U5:4 U6:4 U7:4 U8:4 U9:4` });
    await eventually(() => row(3).count()).toBe(1);
    expect(await row(3).textContent()).toContain('loket.sumsel@sumedang.demo');
    await row(3).getByRole('button', { name: 'Koreksi' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Koreksi formulir SKM kertas' }).isVisible()).toBe(true);
    expect(await page.locator('input[name="U4"][value="3"]').isChecked()).toBe(true);
    await page.locator('input[name="U4"][value="1"]').check();
    await page.getByRole('button', { name: 'Simpan koreksi' }).click();
    await eventually(() => page.getByText('Koreksi tersimpan').isVisible()).toBe(true);
    await eventually(() => row(1).count()).toBe(1);
    expect(await row(3).count()).toBe(0);
    expect(await row(1).textContent()).toContain('dikoreksi loket.sumsel@sumedang.demo');
    await row(1).getByRole('button', { name: 'Hapus' }).click();
    await row(1).getByLabel('Alasan penghapusan (tercatat di log audit)').fill('Formulir ganda');
    await row(1).getByRole('button', { name: 'Hapus formulir' }).click();
    await eventually(() => page.getByText('Formulir dihapus').isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await respondents()).toBe(before);
    expect(b.problems(page)).toEqual([]);
  });

  it('shows anyone the published services\' satisfaction index and band', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await page.goto(b.url('/r/32.11/layanan'));
    await eventually(() => page.locator('.layanan-skm-list li').count()).toBe(3);
    const sktm = page.locator('.layanan-skm-list li', { hasText: 'Surat Keterangan Tidak Mampu' });
    expect(await sktm.textContent()).toMatch(/Indeks \d{2},\d{2} · A Sangat baik/);
    expect(await page.locator('.layanan-skm-list li', { hasText: 'Rekomendasi UKL-UPL' }).textContent()).toContain('C Kurang baik');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });
});

// Training records in Chromium on a 360 px phone: the SPBE coordinator
// records the Digital Leadership Academy, adds the head of public works as a
// participant, marks them completed with a date and uploads their
// certificate; the list counts the completion and offers the year's export;
// the PUPR unit head then reads that participant and cannot change anything.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describeInBrowser('Training records in Chromium', (b) => {
  it('records a programme, a participant, their completion and certificate on a phone; the unit head reads it', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'spbe@sumedang.demo');
    await page.goto(b.url('/staff/32.11/pimpinan/pelatihan'));
    await eventually(() => page.getByRole('heading', { name: /^Pelatihan kepemimpinan digital/, level: 1 }).isVisible()).toBe(true);

    await page.getByLabel('Program', { exact: true }).fill('Digital Leadership Academy 2026');
    await page.getByLabel('Penyelenggara').fill('Kementerian Komdigi');
    await page.getByLabel('Tanggal mulai').fill('2026-10-05');
    await page.getByLabel('Tanggal selesai program').fill('2026-10-09');
    await page.getByLabel('Jam pelajaran (opsional)').fill('40');
    await page.getByRole('button', { name: 'Simpan program' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Peserta Digital Leadership Academy 2026' }).isVisible()).toBe(true);

    await page.getByLabel('Nama', { exact: true }).fill('Ir. Budi Santoso');
    await page.getByLabel('Unit', { exact: true }).selectOption({ label: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
    await page.getByLabel('Jabatan').fill('Kepala Dinas');
    await page.getByRole('button', { name: 'Tambah peserta' }).click();
    await eventually(() => page.getByText('Peserta ditambahkan.').isVisible()).toBe(true);

    await page.getByLabel('Tanggal selesai', { exact: true }).fill('2026-10-09');
    await page.getByRole('button', { name: 'Tandai Ir. Budi Santoso selesai' }).click();
    await eventually(() => page.getByText('Ir. Budi Santoso ditandai selesai.').isVisible()).toBe(true);
    await page.getByLabel(/^Unggah sertifikat Ir\. Budi Santoso/).setInputFiles({ name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer: PDF });
    await eventually(() => page.getByRole('link', { name: 'Sertifikat' }).isVisible()).toBe(true);

    const row = page.getByRole('row', { name: /Digital Leadership Academy 2026/ });
    await eventually(() => row.locator('td').last().textContent()).toBe('1/1');
    expect(await page.getByRole('link', { name: 'Unduh Excel (bukti SPBE)' }).getAttribute('href')).toBe('/api/regions/32.11/pimpinan/pelatihan/ekspor.xlsx?year=2026');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();

    const head = await b.newPage();
    await b.signIn(head, 'kepala.pupr@sumedang.demo');
    await head.goto(b.url('/staff/32.11/pimpinan/pelatihan'));
    await head.getByRole('button', { name: 'Digital Leadership Academy 2026' }).click();
    await eventually(() => head.getByText('Ir. Budi Santoso').isVisible()).toBe(true);
    expect(await head.getByRole('button', { name: 'Simpan program' }).count()).toBe(0);
    expect(await head.getByRole('button', { name: /^Tandai/ }).count()).toBe(0);
    expect(await head.getByRole('link', { name: 'Unduh Excel (bukti SPBE)' }).count()).toBe(0);
    expect(await overflowsHorizontally(head)).toBe(false);
    expect(b.problems(head)).toEqual([]);
  });
});

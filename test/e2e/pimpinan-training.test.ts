// Training records in Chromium on a 360 px phone: the SPBE coordinator
// records the Digital Leadership Academy, adds the head of public works as a
// participant, marks them completed with a date and uploads their
// certificate, then removes it (after saying no once to the confirmation);
// picks a staff account from the region's, which fills the name, unit and a
// position to correct; changes the programme's details, the API's refusal of
// an end before the start shown in the form; the list counts the completion
// and offers the year's export; the PUPR unit head then reads that
// participant and cannot change anything. On a 1366 px desk the keeper sees
// the demo's academy with its certificate and the same controls.
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

    // Removing the certificate asks first: no keeps it, yes removes it and keeps the participant.
    const unload = page.getByRole('button', { name: 'Hapus sertifikat Ir. Budi Santoso' });
    const asked: string[] = [];
    page.once('dialog', (d) => { asked.push(d.message()); void d.dismiss(); });
    await unload.click();
    await eventually(() => asked.length).toBe(1);
    expect(asked[0]).toContain('Hapus sertifikat Ir. Budi Santoso?');
    expect(await page.getByRole('link', { name: 'Sertifikat' }).isVisible()).toBe(true);
    page.once('dialog', (d) => void d.accept());
    await unload.click();
    await eventually(() => page.getByText('Sertifikat Ir. Budi Santoso dihapus.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Sertifikat' }).count()).toBe(0);
    expect(await page.getByText('Lulus/selesai').count()).toBe(1);

    // A staff account of the region: found by name, it fills the name, the unit and its role as a position to correct.
    await page.getByLabel('Cari akun pegawai (opsional)').fill('Fajar');
    await page.getByRole('button', { name: 'Pilih Fajar Petugas Diskominfo' }).click();
    await eventually(() => page.getByLabel('Nama', { exact: true }).inputValue()).toBe('Fajar Petugas Diskominfo');
    expect(await page.getByLabel('Unit', { exact: true }).locator('option:checked').textContent()).toBe('Dinas Komunikasi dan Informatika');
    expect(await page.getByLabel('Jabatan').inputValue()).toBe('Petugas');
    expect(await page.getByText('Akun: Fajar Petugas Diskominfo (petugas.kominfo@sumedang.demo)').isVisible()).toBe(true);
    await page.getByLabel('Jabatan').fill('GCIO');
    await page.getByRole('button', { name: 'Tambah peserta' }).click();
    await eventually(() => page.getByText('GCIO · Dinas Komunikasi dan Informatika').isVisible()).toBe(true);
    // The form is empty again, ready for a name typed by hand.
    expect(await page.getByLabel('Nama', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Cari akun pegawai (opsional)').isVisible()).toBe(true);

    // The programme's details, changed in place; the API's refusal is shown in the form and nothing is lost.
    await page.getByRole('button', { name: 'Ubah program' }).click();
    const edit = page.getByRole('form', { name: 'Ubah Digital Leadership Academy 2026' });
    expect(await edit.getByLabel('Program', { exact: true }).inputValue()).toBe('Digital Leadership Academy 2026');
    expect(await edit.getByLabel('Jam pelajaran (opsional)').inputValue()).toBe('40');
    await edit.getByLabel('Program', { exact: true }).fill('Digital Leadership Academy 2026 Angkatan II');
    await edit.getByLabel('Tanggal selesai program').fill('2026-10-01');
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
    await eventually(() => edit.getByRole('alert').textContent()).toBe('Tanggal selesai program tidak boleh sebelum tanggal mulainya.');
    expect(await edit.getByLabel('Program', { exact: true }).inputValue()).toBe('Digital Leadership Academy 2026 Angkatan II');
    await edit.getByLabel('Tanggal selesai program').fill('2026-10-09');
    await edit.getByLabel('Catatan (opsional)').fill('Angkatan II, di Bandung');
    expect(await overflowsHorizontally(page)).toBe(false);
    await edit.getByRole('button', { name: 'Simpan perubahan' }).click();
    await eventually(() => page.getByText('Program diperbarui.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Peserta Digital Leadership Academy 2026 Angkatan II' }).isVisible()).toBe(true);
    expect(await page.getByText('Angkatan II, di Bandung').isVisible()).toBe(true);
    await eventually(() => page.getByRole('button', { name: 'Digital Leadership Academy 2026 Angkatan II' }).isVisible()).toBe(true);
    expect(await page.getByRole('form', { name: /^Ubah / }).count()).toBe(0);
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
    expect(await head.getByRole('button', { name: /^Hapus sertifikat|^Ubah program/ }).count()).toBe(0);
    expect(await head.getByLabel('Cari akun pegawai (opsional)').count()).toBe(0);
    expect(await overflowsHorizontally(head)).toBe(false);
    expect(b.problems(head)).toEqual([]);
  });

  it('shows a keeper the demo\'s academy with its certificate and the new controls on a 1366 px desk', async () => {
    const desk = await b.newPage({ viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false });
    await b.signIn(desk, 'spbe@sumedang.demo');
    await desk.goto(b.url('/staff/32.11/pimpinan/pelatihan'));
    await desk.getByRole('button', { name: 'Digital Leadership Academy (DLA) Pemerintah Daerah' }).click();
    await eventually(() => desk.getByText('Dewi Kepala PUPR', { exact: true }).isVisible()).toBe(true);
    expect(await desk.getByRole('link', { name: 'Sertifikat' }).count()).toBe(1);
    expect(await desk.getByRole('button', { name: 'Hapus sertifikat Dewi Kepala PUPR' }).isVisible()).toBe(true);
    expect(await desk.getByText('Bupati · Dinas Komunikasi dan Informatika').isVisible()).toBe(true);
    const bimtek = desk.getByRole('row', { name: /Bimbingan Teknis Government Chief Information Officer/ });
    expect(await bimtek.locator('td').last().textContent()).toBe('0/3');
    await desk.getByRole('button', { name: 'Ubah program' }).click();
    const edit = desk.getByRole('form', { name: 'Ubah Digital Leadership Academy (DLA) Pemerintah Daerah' });
    expect(await edit.getByLabel('Penyelenggara').inputValue()).toBe('Kementerian Komunikasi dan Digital (Komdigi) bersama BPSDM Provinsi Jawa Barat');
    await desk.getByLabel('Cari akun pegawai (opsional)').fill('kepala');
    await eventually(() => desk.getByRole('list', { name: 'Akun pegawai yang cocok' }).getByRole('button').count()).toBeGreaterThan(1);
    expect(await overflowsHorizontally(desk)).toBe(false);
    expect(b.problems(desk)).toEqual([]);
  });
});

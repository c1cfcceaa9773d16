// Correspondence in Chromium, on a phone: Diskominfo's records clerk registers
// an incoming letter with its scan and distributes it to the head of the
// office; the head opens it and disposes it to the Aptika head with a
// deadline; the Aptika head routes it further to staff; staff report done and
// the report shows up the tree; the home counts follow. The demo's overdue
// disposition shows as overdue, and a restricted letter shows to unit staff
// only as existing.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describeInBrowser('Correspondence: register, distribute, dispose, follow up in Chromium', (b) => {
  it('takes an incoming letter from registration through a disposition tree to the report', async () => {
    const clerk = await b.newPage();
    await b.signIn(clerk, 'tu.kominfo@sumedang.demo');
    await clerk.goto(b.url('/staff/32.11/surat/register'));
    const form = clerk.getByRole('region', { name: 'Catat naskah masuk' });
    await form.getByLabel('Nomor naskah (sebagaimana tertulis)').fill('005/991/Setda/XII/2026');
    await form.getByLabel('Tanggal naskah').fill('2026-11-01');
    await form.getByLabel('Pengirim').fill('Sekretariat Daerah Kabupaten Sumedang');
    await form.getByLabel('Hal', { exact: true }).fill('Undangan rapat percepatan transformasi digital');
    await form.getByLabel('Kode klasifikasi arsip').fill('000.1.1');
    await form.getByLabel('Pindaian PDF (hingga 5 berkas, masing-masing 20 MB)').setInputFiles({ name: 'undangan.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByRole('button', { name: 'Catat' }).click();
    await eventually(() => form.getByRole('status').textContent()).toContain('Tercatat dengan nomor agenda 5/');
    expect(await overflowsHorizontally(clerk)).toBe(false);
    await form.getByRole('status').getByRole('link').click();
    await eventually(() => clerk.getByRole('heading', { level: 1 }).textContent()).toBe('Undangan rapat percepatan transformasi digital');
    expect(await clerk.getByRole('link', { name: 'undangan.pdf' }).isVisible()).toBe(true);
    const letterUrl = clerk.url();
    await clerk.getByRole('region', { name: 'Distribusikan kepada pimpinan' }).getByRole('button', { name: 'Distribusikan' }).click();
    await eventually(() => clerk.getByText('Didistribusikan').first().isVisible()).toBe(true);

    const head = await b.newPage();
    await b.signIn(head, 'kadis.kominfo@sumedang.demo');
    await head.goto(b.url('/staff/32.11/surat'));
    const unread = head.locator('.surat-counts li', { hasText: 'Naskah masuk belum dibaca' });
    await eventually(() => unread.locator('strong').textContent()).toBe('1');
    await head.getByRole('link', { name: 'Undangan rapat percepatan transformasi digital' }).click();
    const give = head.getByRole('form', { name: 'Beri disposisi' });
    await give.getByLabel('Kepada (boleh lebih dari satu)').selectOption({ label: 'Ujang Kabid Aptika (Dinas Komunikasi dan Informatika)' });
    await give.getByLabel('Instruksi').fill('Wakili saya dan siapkan paparan');
    await give.getByLabel('Batas waktu (kosongkan bila tidak ada)').fill('2');
    await give.getByRole('button', { name: 'Kirim disposisi' }).click();
    await eventually(() => head.locator('.surat-node').first().textContent()).toContain('Wakili saya dan siapkan paparan');
    await head.goto(b.url('/staff/32.11/surat'));
    await eventually(() => unread.locator('strong').textContent()).toBe('0');

    const kabid = await b.newPage();
    await b.signIn(kabid, 'kabid.aptika@sumedang.demo');
    await kabid.goto(letterUrl);
    const mine = kabid.locator('.surat-node').filter({ hasText: 'Wakili saya dan siapkan paparan' }).first();
    await mine.locator('summary', { hasText: 'Teruskan disposisi ini' }).click();
    const forward = kabid.getByRole('form', { name: 'Teruskan disposisi ini' });
    await forward.getByLabel('Kepada (boleh lebih dari satu)').selectOption({ label: 'Nenden Staf Aptika (Dinas Komunikasi dan Informatika)' });
    await forward.getByLabel('Instruksi').fill('Buat bahan paparan');
    await forward.getByRole('button', { name: 'Kirim disposisi' }).click();
    await eventually(() => kabid.locator('.surat-tree .surat-tree .surat-node').first().textContent()).toContain('Buat bahan paparan');

    const staf = await b.newPage();
    await b.signIn(staf, 'staf.aptika@sumedang.demo');
    await staf.goto(letterUrl);
    const task = staf.locator('.surat-node').filter({ hasText: 'Buat bahan paparan' }).last();
    await task.getByLabel('Catatan tindak lanjut / Laporan penyelesaian').fill('Paparan 10 halaman sudah dikirim ke Kabid');
    await task.getByRole('button', { name: 'Selesai dan laporkan' }).click();
    await eventually(() => task.textContent()).toContain('Laporan: Paparan 10 halaman sudah dikirim ke Kabid');

    await kabid.reload();
    await eventually(() => kabid.locator('.surat-tree .surat-tree .surat-node').first().textContent()).toContain('Paparan 10 halaman sudah dikirim ke Kabid');
    expect(b.problems(clerk).concat(b.problems(head), b.problems(kabid), b.problems(staf))).toEqual([]);
  });

  it('shows the demo\'s overdue disposition and keeps a restricted letter closed to unit staff', async () => {
    const head = await b.newPage();
    await b.signIn(head, 'kadis.kominfo@sumedang.demo');
    await head.goto(b.url('/staff/32.11/surat'));
    await head.getByRole('button', { name: 'Disposisi yang saya beri' }).click();
    const row = head.getByRole('region', { name: 'Disposisi' }).getByRole('row', { name: /Permintaan data aplikasi untuk evaluasi SPBE 2026/ });
    await eventually(() => row.textContent()).toContain('lewat batas');

    const staf = await b.newPage();
    await b.signIn(staf, 'staf.aptika@sumedang.demo');
    await staf.goto(b.url('/staff/32.11/surat/register?box=unit'));
    await eventually(() => staf.getByText('Isi tertutup (klasifikasi keamanan)').first().isVisible()).toBe(true);
    expect(await staf.content()).not.toContain('Penilaian kinerja pegawai');
  });
});

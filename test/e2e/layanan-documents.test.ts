// Issued documents in Chromium, on the demo region: a phone opens the
// verification page a demo certificate's QR code points at and reads that it
// is genuine (asli) with the holder masked, checks a file against it, and
// opens the revoked one and reads DICABUT with its reason; the service
// manager finds a document on the staff page (whose pattern numbers receipts
// only) and revokes it, and its verification page then says so; the
// kecamatan's letterhead gets a new signer; the records manager finds the
// results in the kecamatan's letter register with their PDF and origin.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DEMO_DOCUMENTS } from '../../src/modules/layanan/demo.js';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

describeInBrowser('Issued documents in Chromium', (b) => {
  const tokenOf = async (holder: string) =>
    (await b.ctx.database.rows<{ token: string }>(sql`select token from layanan_documents where region_code = '32.11' and holder_name = ${holder}`))[0].token;

  it('shows a phone that the demo certificate is genuine, checks a file, and shows the other revoked', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await page.goto(b.url(`/v/${await tokenOf(DEMO_DOCUMENTS[0].holder)}`));
    await eventually(() => page.getByRole('status').first().textContent()).toContain('Dokumen asli');
    expect(await page.getByText('Uj*** Sa******').isVisible()).toBe(true);
    expect(await page.getByText(/^400\.7\.22\/001\/KEC-SUMSEL\//).isVisible()).toBe(true);
    expect(await page.getByText(/SERTIFIKAT DEMO/).isVisible()).toBe(true);
    await page.getByLabel('Berkas PDF').setInputFiles({ name: 'surat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% bukan surat aslinya\n%%EOF\n') });
    await page.getByRole('button', { name: 'Periksa' }).click();
    await eventually(() => page.getByText('Berkas ini BERBEDA dari dokumen yang diterbitkan', { exact: false }).isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.goto(b.url(`/v/${await tokenOf(DEMO_DOCUMENTS[1].holder)}`));
    await eventually(() => page.getByRole('status').first().textContent()).toContain('DICABUT');
    expect(await page.getByText(DEMO_DOCUMENTS[1].revoked!, { exact: false }).isVisible()).toBe(true);

    await page.goto(b.url('/v/kode-tebakan-yang-tidak-ada'));
    await eventually(() => page.getByText('Dokumen tidak ditemukan', { exact: false }).isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
  });

  it('lets the service manager find a document and revoke it with a reason', async () => {
    const page = await b.newPage({ viewport: { width: 1200, height: 900 } });
    await b.signIn(page, 'layanan@sumedang.demo');
    await page.goto(b.url('/staff/32.11/layanan/dokumen'));
    // Results are numbered by the correspondence numbering; the pattern here is the receipts'.
    await eventually(() => page.getByRole('region', { name: 'Pola penomoran tanda bukti pembayaran' }).textContent()).toContain('Pola di bawah ini hanya menomori tanda bukti pembayaran.');
    await page.getByLabel('Cari nomor atau nama pemegang').fill('Ujang');
    await page.getByRole('button', { name: 'Cari' }).click();
    const item = page.locator('.layanan-list li', { hasText: 'Ujang Saepudin' });
    await eventually(() => item.count()).toBe(1);
    await item.getByRole('button', { name: 'Cabut' }).click();
    await item.getByLabel('Alasan pencabutan', { exact: false }).fill('Diterbitkan ganda; berlaku surat yang lebih baru.');
    await item.getByRole('button', { name: 'Cabut dokumen' }).click();
    await eventually(() => item.getByText('dicabut', { exact: true }).isVisible()).toBe(true);

    // The kecamatan has a new camat: the letterhead's signer changes for the next documents.
    await page.getByLabel('Perangkat daerah', { exact: true }).selectOption({ label: 'Kecamatan Sumedang Selatan' });
    await eventually(() => page.getByLabel('Nama penanda tangan').inputValue()).toBe('Drs. Asep Kurniawan, M.Si.');
    await page.getByLabel('Nama penanda tangan').fill('Hj. Neneng Rosita, S.IP.');
    await page.getByRole('button', { name: 'Simpan kop surat' }).click();
    await eventually(() => page.getByText('Kop surat tersimpan.').isVisible()).toBe(true);
    const [row] = await b.ctx.database.rows<{ signer_name: string }>(sql`select signer_name from layanan_letterheads l join units u on u.id = l.unit_id where u.code = 'KEC-SUMSEL'`);
    expect(row.signer_name).toBe('Hj. Neneng Rosita, S.IP.');

    await page.goto(b.url(`/v/${await tokenOf(DEMO_DOCUMENTS[0].holder)}`));
    await eventually(() => page.getByRole('status').first().textContent()).toContain('DICABUT');
    expect(await page.getByText('Diterbitkan ganda', { exact: false }).isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
  });

  it('keeps the demo\'s results in the kecamatan\'s letter register, where the records manager opens one with its PDF and its origin', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'arsip@sumedang.demo');
    await page.goto(b.url('/staff/32.11/surat/register?box=all'));
    const row = page.getByRole('row', { name: /Surat Keterangan Tidak Mampu/ }).first();
    await eventually(() => row.textContent()).toMatch(/400\.7\.22\/00[12]\/KEC-SUMSEL\//);
    // The newest is the demo's revoked certificate: its row and its page say so, with the reason.
    expect(await row.textContent()).toContain('Dicabut');
    await row.getByRole('link', { name: 'Surat Keterangan Tidak Mampu' }).click();
    await eventually(() => page.getByRole('note').textContent()).toContain('dokumen hasil layanan publik');
    expect(await page.getByRole('alert').textContent()).toMatch(/^Dicabut .*tidak sesuai hasil verifikasi lapangan/);
    expect(await page.locator('.surat-facts').textContent()).toContain('Diterbitkan oleh');
    const href = await page.getByRole('link', { name: 'Unduh PDF naskah bertanda tangan' }).getAttribute('href');
    const pdf = await page.request.get(new URL(href!, page.url()).toString());
    expect([pdf.status(), (await pdf.body()).subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });
});

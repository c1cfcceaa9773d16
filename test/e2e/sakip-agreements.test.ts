// Performance agreements in Chromium, on the demo region: the health
// office's planner drafts 2027's agreement of the office head from the
// Renstra, fills the parties, place and a programme's budget; the office
// head records the signing; the planner revises it with a reason when the
// head changes, the signed version still readable; the printable page shows
// both parties' signature columns without the app around it; and the Word
// file downloaded from it is a real .docx carrying the new head's name.
// Then a realisation's evidence on the indicator page: attached, downloaded,
// removed by the unit's planner on a phone.
import { beforeAll, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { sql } from 'drizzle-orm';
import { createUser, grantRole } from '../../src/platform/auth/service.js';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };

/** The names of a zip's entries and the text of word/document.xml, read with another zip reader than the server's. */
async function docxText(data: Buffer): Promise<{ names: string[]; document: string }> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  const names: string[] = [];
  let document = '';
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      if (entry.fileName !== 'word/document.xml') return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => { document = Buffer.concat(chunks).toString('utf8'); zip.readEntry(); }).on('error', reject);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return { names, document };
}

describeInBrowser('e-SAKIP performance agreements in Chromium', (b) => {
  beforeAll(async () => {
    // The demo has no head of the health office; the signing is theirs to record.
    const [{ id: dinkes }] = await b.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = '32.11' and code = 'DINKES'`);
    await b.ctx.database.db.transaction(async (tx) => {
      const userId = await createUser(tx, { email: 'kepala.dinkes@sumedang.test', name: 'Kepala Dinas Kesehatan', password: DEMO_PASSWORD });
      await grantRole(tx, '32.11', userId, 'unit_head', dinkes);
    });
  });

  it('drafts, edits, signs, revises and prints an agreement, and downloads it as Word', async () => {
    const planner = await b.newPage({ viewport: PHONE });
    await b.signIn(planner, 'perencana.dinkes@sumedang.demo');
    await eventually(() => planner.getByRole('link', { name: 'Perjanjian kinerja' }).isVisible()).toBe(true);
    await planner.getByRole('link', { name: 'Perjanjian kinerja' }).click();
    await eventually(() => planner.getByRole('heading', { name: 'Perjanjian kinerja' }).isVisible()).toBe(true);
    // 2026 (the clock's year): the demo's three, the health office's signed.
    const year2026 = planner.getByRole('table', { name: 'Perjanjian kinerja tahun 2026' });
    await eventually(() => year2026.getByRole('row', { name: /Dinas Kesehatan/ }).textContent()).toContain('Ditandatangani');
    expect(await year2026.getByRole('row', { name: /Dinas Komunikasi/ }).textContent()).toContain('Draf');

    await planner.getByLabel('Tahun perjanjian').selectOption('2027');
    await eventually(() => planner.getByText('Belum ada perjanjian kinerja tahun 2027.').isVisible()).toBe(true);
    await planner.getByText('Susun perjanjian kinerja 2027').click();
    // A unit planner drafts their own unit's only: no head-of-region choice, their unit alone.
    expect(await planner.getByLabel('Kepala daerah').count()).toBe(0);
    expect(await planner.getByLabel('Perangkat daerah').locator('option').allTextContents()).toEqual(['Dinas Kesehatan']);
    const first = planner.getByRole('group', { name: 'Pihak pertama' });
    await first.getByLabel('Nama lengkap dengan gelar').fill('dr. Ratna Sari, M.Kes.');
    await first.getByLabel('Jabatan').fill('Kepala Dinas Kesehatan');
    await first.getByLabel('NIP (opsional)').fill('197501012000032001');
    const second = planner.getByRole('group', { name: 'Pihak kedua (atasan)' });
    await second.getByLabel('Nama lengkap dengan gelar').fill('H. Dony Ahmad Munir');
    await second.getByLabel('Jabatan').fill('Bupati Sumedang');
    await planner.getByRole('button', { name: 'Susun draf' }).click();
    await eventually(() => planner.getByRole('heading', { name: 'Perjanjian kinerja 2027: Dinas Kesehatan' }).isVisible()).toBe(true);
    const targets = planner.getByRole('table', { name: 'Target kinerja tahun 2027' });
    expect(await targets.getByRole('row', { name: /Prevalensi stunting pada balita/ }).textContent()).toContain('10,00 %');
    expect(await planner.locator('.badge.pk-draft').first().textContent()).toBe('Draf');
    expect(await overflowsHorizontally(planner)).toBe(false);

    // The draft: another place, and the programme's budget typed with thousands dots.
    await planner.getByText('Ubah draf: para pihak, tempat, tanggal, anggaran').click();
    await planner.getByLabel('Tempat penandatanganan').fill('Jatinangor');
    await planner.getByLabel(/^Anggaran \(Rp\): 1\.02\.02/).fill('1.250.000.000');
    await planner.getByRole('button', { name: 'Simpan draf' }).click();
    await eventually(() => planner.getByRole('status').textContent()).toBe('Draf disimpan.');
    const programmes = planner.getByRole('table', { name: 'Program dan anggaran' });
    await eventually(() => programmes.textContent()).toContain('1.250.000.000');
    // A planner does not record the signing.
    expect(await planner.getByRole('button', { name: 'Catat sudah ditandatangani' }).count()).toBe(0);
    const agreementUrl = planner.url();

    // The office head records the signing, on the 15th of January.
    const head = await b.newPage(DESKTOP);
    head.on('dialog', (d) => void d.accept());
    await b.signIn(head, 'kepala.dinkes@sumedang.test');
    await head.goto(agreementUrl);
    await eventually(() => head.getByRole('button', { name: 'Catat sudah ditandatangani' }).isVisible()).toBe(true);
    await head.getByLabel(/^Tanggal ditandatangani/).fill('2027-01-15');
    await head.getByRole('button', { name: 'Catat sudah ditandatangani' }).click();
    await eventually(() => head.locator('.sakip-facts').textContent()).toContain('Jatinangor, 15 Januari 2027');
    expect(await head.locator('.sakip-facts').textContent()).toContain('kepala.dinkes@sumedang.test');
    expect(await head.getByRole('button', { name: 'Catat sudah ditandatangani' }).count()).toBe(0);
    await head.context().close();

    // The head changes: the planner revises, with the reason, naming the new head.
    await planner.reload();
    await eventually(() => planner.getByText('Revisi perjanjian kinerja').isVisible()).toBe(true);
    expect(await planner.getByText('Ubah draf: para pihak, tempat, tanggal, anggaran').count()).toBe(0);
    await planner.getByText('Revisi perjanjian kinerja').click();
    await planner.getByLabel('Alasan revisi').fill('Pergantian kepala dinas');
    const newHead = planner.getByRole('group', { name: 'Pihak pertama' });
    await newHead.getByLabel('Nama lengkap dengan gelar').fill('dr. Budi Santoso');
    await newHead.getByLabel('NIP (opsional)').fill('');
    await planner.getByRole('button', { name: 'Buat revisi' }).click();
    const versions = planner.locator('.revision-list');
    await eventually(() => versions.textContent()).toContain('Pergantian kepala dinas');
    expect(await versions.locator('li').count()).toBe(2);
    expect(await planner.locator('.sakip-facts').textContent()).toContain('dr. Budi Santoso');
    // Version 1 stays readable as signed.
    await versions.getByRole('link', { name: 'Versi 1' }).click();
    await eventually(() => planner.getByText('Ini versi 1; versi yang berlaku adalah versi 2.').isVisible()).toBe(true);
    expect(await planner.locator('.sakip-facts').textContent()).toContain('dr. Ratna Sari, M.Kes.');
    expect(await planner.locator('.sakip-facts').textContent()).toContain('Ditandatangani');
    await planner.getByRole('link', { name: 'Buka versi yang berlaku' }).click();
    await eventually(() => planner.locator('.sakip-facts').textContent()).toContain('dr. Budi Santoso');
    await planner.context().close();

    // The printable page of version 2, on a desktop: the statement and both parties' signature columns, no app chrome in print.
    const reader = await b.newPage(DESKTOP);
    await b.signIn(reader, 'perencana.dinkes@sumedang.demo');
    await reader.goto(agreementUrl);
    await eventually(() => reader.getByRole('link', { name: 'Halaman cetak' }).isVisible()).toBe(true);
    await reader.getByRole('link', { name: 'Halaman cetak' }).click();
    await eventually(() => reader.getByRole('heading', { level: 1, name: /PERJANJIAN KINERJA TAHUN 2027/ }).isVisible()).toBe(true);
    const doc = reader.locator('.pk-document');
    expect(await doc.textContent()).toContain('DINAS KESEHATAN');
    const signatures = reader.locator('.pk-signatures').first();
    const columns = await signatures.locator('.pk-signer').allTextContents();
    expect(columns).toHaveLength(2);
    expect(columns[0]).toContain('Pihak Kedua,');
    expect(columns[0]).toContain('H. Dony Ahmad Munir');
    expect(columns[1]).toContain('Jatinangor,');
    expect(columns[1]).toContain('Pihak Pertama,');
    expect(columns[1]).toContain('dr. Budi Santoso');
    // Side by side: the second party on the left, the first on the right.
    const [left, right] = await Promise.all([0, 1].map((i) => signatures.locator('.pk-signer').nth(i).boundingBox()));
    expect(left!.x).toBeLessThan(right!.x);
    expect(Math.abs(left!.y - right!.y)).toBeLessThan(2);
    expect(await reader.locator('.pk-table').first().textContent()).toContain('10,00 %');
    await reader.emulateMedia({ media: 'print' });
    expect(await reader.locator('header.site-header').isVisible()).toBe(false);
    expect(await reader.getByRole('navigation', { name: 'Menu SAKIP' }).isVisible()).toBe(false);
    expect(await reader.getByRole('button', { name: 'Cetak / simpan PDF' }).isVisible()).toBe(false);
    expect(await signatures.isVisible()).toBe(true);
    await reader.emulateMedia({ media: 'screen' });

    // The Word file from the same page: a zip with the WordprocessingML parts, the new head's name in it.
    const href = await reader.getByRole('link', { name: 'Unduh dokumen Word (.docx)' }).getAttribute('href');
    const download = await reader.request.get(b.url(href!));
    expect([download.status(), download.headers()['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(download.headers()['content-disposition']).toContain('.docx');
    const docx = await docxText(await download.body());
    expect(docx.names).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']));
    for (const text of ['PERJANJIAN KINERJA TAHUN 2027', 'dr. Budi Santoso', 'H. Dony Ahmad Munir', 'Pihak Pertama,', 'Prevalensi stunting pada balita', '1.250.000.000']) {
      expect(docx.document, text).toContain(text);
    }
    expect(b.problems(reader)).toEqual([]);
  });

  it('lets the unit\'s planner attach a realisation\'s evidence on the indicator page, and remove it', async () => {
    const [row] = await b.ctx.database.rows<{ plan_id: string; id: string }>(sql`select i.plan_id, i.id from sakip_indicators i join sakip_plans p on p.region_code = i.region_code and p.id = i.plan_id
      join units u on u.region_code = p.region_code and u.id = p.unit_id where i.region_code = '32.11' and u.code = 'DINKES' and i.name = 'Cakupan tablet tambah darah pada remaja putri'`);
    const page = await b.newPage({ viewport: PHONE });
    page.on('dialog', (d) => void d.accept());
    await b.signIn(page, 'perencana.dinkes@sumedang.demo');
    await page.goto(b.url(`/staff/32.11/sakip/rencana/${row.plan_id}/indikator/${row.id}`));
    const evidence = page.locator('section', { has: page.getByRole('heading', { name: 'Bukti dukung realisasi' }) });
    await eventually(() => evidence.getByText('Belum ada bukti dukung untuk periode ini.').isVisible()).toBe(true);
    // A text file is refused in words; a PDF is attached and listed for download.
    await evidence.getByLabel('Berkas bukti dukung').setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan bukti') });
    await evidence.getByRole('button', { name: /^Lampirkan ke realisasi/ }).click();
    await eventually(() => evidence.getByRole('alert').textContent()).toContain('Jenis berkas bukti dukung tidak diizinkan');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    await evidence.getByLabel('Berkas bukti dukung').setInputFiles({ name: 'laporan-ttd.pdf', mimeType: 'application/pdf', buffer: pdf });
    await evidence.getByRole('button', { name: /^Lampirkan ke realisasi/ }).click();
    await eventually(() => evidence.getByRole('link', { name: 'laporan-ttd.pdf' }).isVisible()).toBe(true);
    const href = await evidence.getByRole('link', { name: 'laporan-ttd.pdf' }).getAttribute('href');
    const file = await page.request.get(b.url(href!));
    expect([file.status(), file.headers()['content-type'], (await file.body()).equals(pdf)]).toEqual([200, 'application/pdf', true]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await evidence.getByRole('button', { name: 'Hapus laporan-ttd.pdf' }).click();
    await eventually(() => evidence.getByText('Belum ada bukti dukung untuk periode ini.').isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
  });
});

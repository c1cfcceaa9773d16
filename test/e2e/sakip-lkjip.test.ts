// The performance report (LKjIP) in Chromium, on the demo region: the health
// office's planner generates its 2025 draft, edits a section, sees it on the
// print page with its budget table (the site's frame hidden when printed),
// and downloads the Word and PDF files, then regenerates its figures and
// text; a visitor without an account, on a
// phone, finds the region's final 2025 report with its budget table on the
// public documents page, never the draft, and nothing wider than the screen;
// the coordinator reopens that report with a reason, and the public keeps
// reading its approved version, marked as being corrected.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };
const PROBLEM = 'Data e-PPGBM dari puskesmas wilayah utara terlambat masuk.';

describeInBrowser('e-SAKIP performance report (LKjIP) in Chromium', (b) => {
  it('lets a unit planner generate a draft, edit a section, print it and download it as Word and PDF', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'perencana.dinkes@sumedang.demo');
    await page.goto(b.url('/staff/32.11/sakip/lkjip?tahun=2025'));
    const list = page.getByRole('table', { name: 'LKjIP tahun 2025' });
    await eventually(() => list.getByRole('row', { name: /Kabupaten Sumedang/ }).isVisible()).toBe(true);
    expect(await list.getByRole('row', { name: /Kabupaten Sumedang/ }).textContent()).toContain('Final');

    // A planner generates only their own unit's report.
    expect(await page.getByLabel('Untuk').locator('option').allTextContents()).toEqual(['Dinas Kesehatan']);
    await page.getByRole('button', { name: 'Susun draf' }).click();
    await eventually(() => page.getByRole('heading', { name: /LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2025 · Dinas Kesehatan/ }).isVisible()).toBe(true);
    expect(await page.locator('.badge.report-draft').textContent()).toBe('Draf');
    // The generated draft text, then the planner's own.
    const problems = page.locator('form.lkjip-section', { has: page.getByLabel('C. Permasalahan') });
    await problems.getByLabel('C. Permasalahan').fill(PROBLEM);
    await problems.getByRole('button', { name: 'Simpan bagian ini' }).click();
    await eventually(() => problems.textContent()).toContain('perencana.dinkes@sumedang.demo');
    // A planner cannot finalise: the unit's head does.
    expect(await page.getByRole('button', { name: 'Setujui sebagai final' }).count()).toBe(0);

    const docxHref = await page.getByRole('link', { name: 'Unduh Word (.docx)' }).getAttribute('href');
    const pdfHref = await page.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
    await page.getByRole('link', { name: 'Halaman cetak' }).click();
    const doc = page.locator('article.lkjip-document');
    await eventually(() => doc.textContent()).toContain(PROBLEM);
    expect(await doc.textContent()).toContain('(DRAF)');
    expect(await page.getByRole('heading', { name: 'BAB III AKUNTABILITAS KINERJA' }).isVisible()).toBe(true);
    // Stunting: (2 × 14 − 13.8) / 14 = 101.43 %.
    expect(await page.getByRole('table', { name: 'Tabel 2. Capaian kinerja tahun 2025' }).getByRole('row', { name: /Prevalensi stunting pada balita/ }).textContent()).toContain('101,43 %');
    // Chapter III B: the health office's programme with its activity and sub-activity, judged against the target it serves.
    const budget = page.getByRole('table', { name: 'Tabel 3. Realisasi anggaran dan efisiensi tahun 2025' });
    expect(await budget.isVisible()).toBe(true);
    const programme = budget.getByRole('row', { name: /^1 1\.02\.02 PROGRAM PEMENUHAN/ });
    expect(await programme.textContent()).toMatch(/4\.750\.000\.000.*4\.275\.000\.000.*90,00 %.*104,92 %.*Efisien \(14,92\)/);
    expect(await budget.getByRole('row', { name: /Sub-kegiatan 1\.02\.02\.2\.02\.0001/ }).isVisible()).toBe(true);
    expect(await budget.getByRole('row', { name: /^Jumlah/ }).textContent()).toContain('4.750.000.000');
    expect(await doc.locator('[data-section="budget"]').textContent()).toContain('serapan 90,00 %');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Menu SAKIP' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cetak / simpan PDF' }).isVisible()).toBe(false);
    expect(await doc.isVisible()).toBe(true);
    expect(await budget.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The files, with the page's own session: a zip (Word) and a PDF.
    const docx = await page.request.get(b.url(docxHref!));
    expect([docx.status(), docx.headers()['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect((await docx.body()).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const pdf = await page.request.get(b.url(pdfHref!));
    expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const pdfBody = (await pdf.body()).toString('latin1');
    expect(pdfBody.startsWith('%PDF-')).toBe(true);
    expect(pdfBody.trimEnd().endsWith('%%EOF')).toBe(true);

    // Regenerating figures and text, once confirmed, replaces the planner's text with a new draft.
    await page.goBack();
    const edited = page.getByLabel('C. Permasalahan');
    await eventually(() => edited.inputValue()).toBe(PROBLEM);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Susun ulang angka dan naskah' }).click();
    await eventually(() => page.getByText('Angka dan naskah laporan disusun ulang dari data terbaru.').isVisible()).toBe(true);
    await eventually(() => edited.inputValue()).not.toBe(PROBLEM);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('shows a visitor on a phone the region\'s final report and published documents, without signing in', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await page.goto(b.url('/r/32.11/sakip?tahun=2025'));
    await eventually(() => page.getByRole('heading', { name: /Dokumen kinerja/ }).isVisible()).toBe(true);
    const report = page.getByRole('link', { name: 'LKjIP Kabupaten Sumedang tahun 2025' });
    await eventually(() => report.isVisible()).toBe(true);
    // The health office's draft (first journey) is not published.
    expect(await page.getByRole('link', { name: /LKjIP Dinas Kesehatan/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Indikator kinerja utama (IKU)' }).isVisible()).toBe(true);
    expect(await page.locator('.sakip-public').textContent()).toContain('Prevalensi stunting pada balita');
    expect(await overflowsHorizontally(page)).toBe(false);

    await report.click();
    await eventually(() => page.getByRole('heading', { name: 'BAB I PENDAHULUAN' }).isVisible()).toBe(true);
    expect(await page.locator('article.lkjip-document').textContent()).not.toContain('(DRAF)');
    // The region's whole budget: each unit's programme, Diskominfo's judged inefficient; the table scrolls inside its frame.
    const budget = page.getByRole('table', { name: 'Tabel 3. Realisasi anggaran dan efisiensi tahun 2025' });
    await budget.scrollIntoViewIfNeeded();
    expect(await budget.isVisible()).toBe(true);
    expect(await budget.getByRole('row', { name: /2\.16\.03 PROGRAM PENGELOLAAN APLIKASI INFORMATIKA/ }).textContent()).toMatch(/Dinas Komunikasi dan Informatika.*95,00 %.*89,44 %.*Tidak efisien \(-5,56\)/);
    expect(await budget.getByRole('row', { name: /^Jumlah/ }).textContent()).toContain('7.150.000.000');
    expect(await budget.evaluate((t) => getComputedStyle(t.parentElement!).overflowX)).toBe('auto');
    const pdfHref = await page.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
    const pdf = await page.request.get(b.url(pdfHref!));
    expect([pdf.status(), (await pdf.body()).subarray(0, 5).toString('latin1')]).toEqual([200, '%PDF-']);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });
  it('lets the coordinator reopen the region\'s final report with a reason, the public still reading the approved version', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'sakip@sumedang.demo');
    await page.goto(b.url('/staff/32.11/sakip/lkjip?tahun=2025'));
    const regionReport = page.getByRole('table', { name: 'LKjIP tahun 2025' }).getByRole('link', { name: 'Kabupaten Sumedang' });
    await eventually(() => regionReport.isVisible()).toBe(true);
    await regionReport.click();
    await eventually(() => page.locator('.badge.report-final').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Buka kembali untuk perbaikan' }).click();
    // The reason is required: the button waits for it.
    expect(await page.getByRole('button', { name: 'Buka kembali', exact: true }).isDisabled()).toBe(true);
    await page.getByLabel('Alasan membuka kembali').fill('Realisasi kemiskinan dikoreksi BPS');
    await page.getByRole('button', { name: 'Buka kembali', exact: true }).click();
    await eventually(() => page.locator('.badge.report-draft').isVisible()).toBe(true);
    const version = page.locator('li[data-version="1"]');
    expect(await version.textContent()).toMatch(/Versi 1.*disetujui sakip@sumedang\.demo.*dibuka kembali sakip@sumedang\.demo.*Alasan: Realisasi kemiskinan dikoreksi BPS/);
    await version.getByRole('link', { name: 'Halaman cetak' }).click();
    await eventually(() => page.locator('article.lkjip-document').isVisible()).toBe(true);
    expect(await page.locator('article.lkjip-document').textContent()).not.toContain('(DRAF)');
    expect(b.problems(page)).toEqual([]);
    await page.context().close();

    const visitor = await b.newPage({ viewport: PHONE });
    await visitor.goto(b.url('/r/32.11/sakip?tahun=2025'));
    const report = visitor.getByRole('link', { name: 'LKjIP Kabupaten Sumedang tahun 2025' });
    await eventually(() => report.isVisible()).toBe(true);
    expect(await visitor.getByRole('listitem').filter({ has: report }).textContent()).toContain('sedang diperbaiki');
    await report.click();
    await eventually(() => visitor.getByRole('note').isVisible()).toBe(true);
    expect(await visitor.getByRole('note').textContent()).toContain('Yang tampil adalah versi final terakhir');
    expect(await visitor.locator('article.lkjip-document').textContent()).not.toContain('(DRAF)');
    expect(await overflowsHorizontally(visitor)).toBe(false);
    expect(b.problems(visitor)).toEqual([]);
    await visitor.context().close();
  });
});

// Filing, retention, disposal and the SRIKANDI exchange in Chromium, on a
// phone: the region's records manager files an incoming letter into a new
// file from the letter's page and closes the file (its retention dates show);
// the schedule refuses an import with a bad row and lists it; the demo's file
// past its inactive period is proposed for destruction; the region admin
// (not the proposer) approves; the minutes download as a PDF and the file's
// letters lose their PDFs; a unit's letters export as a ZIP that imports into
// another unit, and a second import skips every letter already held; a
// unit's clerk exchanges for their own unit only.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const DEMO_LETTER = 'Undangan rapat koordinasi satu data Jawa Barat';
const OLD_FILE = /^Undangan dan rapat koordinasi \d{4}$/;

async function downloaded(page: Page, link: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return { name: download.suggestedFilename(), data: await readFile((await download.path())!) };
}

describeInBrowser('Correspondence records: filing, retention, disposal and exchange in Chromium', (b) => {
  it('files a letter into a new file and closes it, refuses a bad schedule, and takes a due file through destruction with minutes', async () => {
    const arsip = await b.newPage();
    await b.signIn(arsip, 'arsip@sumedang.demo');
    await arsip.goto(b.url('/staff/32.11/surat'));
    await arsip.getByRole('navigation', { name: 'Arsip dan pertukaran' }).getByRole('link', { name: 'Berkas arsip' }).click();
    await eventually(() => arsip.getByRole('table', { name: 'Berkas arsip' }).textContent()).toContain('Evaluasi SPBE 2026');
    expect(await overflowsHorizontally(arsip)).toBe(false);

    // From the letter's page: a new file 000.1 holds the 000.1.1 invitation.
    await arsip.goto(b.url('/staff/32.11/surat/register?box=all'));
    await arsip.getByRole('link', { name: DEMO_LETTER }).click();
    const filing = arsip.getByRole('region', { name: 'Pemberkasan' });
    await eventually(() => filing.textContent()).toContain('Naskah ini belum diberkaskan.');
    await filing.getByLabel('Nama berkas').fill('Rapat koordinasi 2026');
    await filing.getByLabel('Kode klasifikasi berkas').fill('000.1');
    await filing.getByRole('button', { name: 'Berkaskan' }).click();
    await eventually(() => filing.textContent()).toContain('Diberkaskan dalam Rapat koordinasi 2026 Terbuka');
    expect(await overflowsHorizontally(arsip)).toBe(false);

    // The file's page: closing it fixes its periods from the demo schedule (000: 2 years active, 3 inactive, musnah).
    await filing.getByRole('link', { name: 'Rapat koordinasi 2026' }).click();
    await eventually(() => arsip.getByRole('heading', { level: 1 }).textContent()).toBe('Rapat koordinasi 2026');
    expect(await arsip.getByRole('table', { name: 'Naskah dalam berkas (1)' }).textContent()).toContain(DEMO_LETTER);
    await arsip.getByRole('region', { name: 'Tutup berkas' }).getByRole('button', { name: 'Tutup berkas' }).click();
    const facts = arsip.locator('.surat-facts');
    await eventually(() => facts.textContent()).toContain('Ditutup2 Nov 2026');
    expect(await facts.textContent()).toContain('Aktif sampai2 Nov 2028Inaktif sampai2 Nov 2031Nasib akhirMusnah');
    expect(await arsip.getByRole('region', { name: 'Tutup berkas' }).count()).toBe(0);

    // The schedule: a file with one bad row is refused whole, every problem listed.
    await arsip.getByRole('link', { name: 'Jadwal retensi (JRA)' }).click();
    const schedule = arsip.getByRole('table', { name: 'Jadwal retensi arsip (JRA)' });
    await eventually(() => schedule.getByRole('row').count()).toBe(5);
    expect(await arsip.getByRole('link', { name: 'Unduh JRA (Excel)' }).getAttribute('href')).toBe('/api/regions/32.11/surat/retention.xlsx');
    const importing = arsip.getByRole('form', { name: 'Impor JRA dari CSV atau Excel' });
    await importing.getByLabel('Berkas JRA (.csv atau .xlsx)').setInputFiles({
      name: 'jra.csv', mimeType: 'text/csv', buffer: Buffer.from('Kode klasifikasi;Aktif (tahun);Inaktif (tahun);Keterangan\n000;2;3;Musnah\n800;dua;8;Musnah\n'),
    });
    await importing.getByRole('button', { name: 'Impor dan ganti JRA' }).click();
    await eventually(() => importing.locator('.problem-list').textContent()).toMatch(/baris 3/);
    expect(await schedule.getByRole('row').count()).toBe(5);
    // One row set on the spot: a code without a row joins the schedule.
    const setting = arsip.getByRole('form', { name: 'Atur satu baris JRA' });
    await setting.getByLabel('Klasifikasi').fill('600');
    await setting.getByLabel('Aktif (tahun)', { exact: true }).fill('5');
    await setting.getByLabel('Inaktif (tahun)').fill('10');
    await setting.getByLabel('Nasib akhir').selectOption('permanen');
    await setting.getByRole('button', { name: 'Simpan baris' }).click();
    await eventually(() => setting.getByRole('status').textContent()).toBe('Baris 600 disimpan.');
    await eventually(() => schedule.getByRole('row').count()).toBe(6);
    expect(await schedule.getByRole('row', { name: /^600/ }).textContent()).toMatch(/510Permanen/);
    expect(await overflowsHorizontally(arsip)).toBe(false);

    // The demo's file past its inactive period, fate musnah: proposed for destruction.
    await arsip.getByRole('link', { name: 'Penyusutan' }).click();
    const due = arsip.getByRole('form', { name: 'Usulkan penyusutan' });
    await due.getByRole('checkbox', { name: /— Undangan dan rapat koordinasi \d{4}$/ }).check();
    expect(await due.getByLabel('Tindakan').inputValue()).toBe('destroy');
    await due.getByLabel('Alasan').fill('Masa inaktif habis; nasib akhir musnah menurut JRA');
    await due.getByRole('button', { name: 'Usulkan penyusutan' }).click();
    await eventually(() => due.getByRole('status').textContent()).toBe('Usul penyusutan terkirim; menunggu keputusan.');
    const mine = arsip.getByRole('article', { name: /^Pemusnahan: Undangan dan rapat koordinasi/ });
    await eventually(() => mine.textContent()).toContain('Menunggu keputusan');
    expect(await mine.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    expect(await overflowsHorizontally(arsip)).toBe(false);

    // The region admin decides (they keep no files: the proposal names them).
    const admin = await b.newPage();
    await b.signIn(admin, 'admin@sumedang.demo');
    await admin.goto(b.url('/staff/32.11/surat/penyusutan'));
    const proposal = admin.getByRole('article', { name: /^Pemusnahan: Undangan dan rapat koordinasi/ });
    await eventually(() => proposal.textContent()).toContain('000.1 · Dinas Komunikasi dan Informatika · 2 naskah');
    expect(await admin.getByRole('region', { name: 'Berkas jatuh tempo' }).count()).toBe(0);
    await proposal.getByLabel('Catatan keputusan (boleh kosong)').fill('Disetujui setelah diperiksa');
    await proposal.getByRole('button', { name: 'Setujui' }).click();
    await eventually(() => proposal.textContent()).toContain('Disetujui');
    expect(await proposal.textContent()).toContain('Dimusnahkan');
    const minutes = await downloaded(admin, 'Unduh berita acara (PDF)');
    expect(minutes.data.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await overflowsHorizontally(admin)).toBe(false);

    // Destroyed: the register entries stay, the PDFs are gone.
    await arsip.reload();
    await mine.getByRole('link', { name: OLD_FILE }).click();
    await eventually(() => arsip.locator('.surat-facts').textContent()).toContain('Dimusnahkan');
    const letters = arsip.getByRole('table', { name: 'Naskah dalam berkas (2)' });
    expect(await letters.textContent()).toContain('Undangan rapat koordinasi pelaksanaan e-government');
    expect(await letters.getByRole('cell', { name: 'dihapus' }).count()).toBe(2);
    expect(b.problems(arsip).concat(b.problems(admin))).toEqual([]);
  });

  it('exports a unit\'s letters as a ZIP and imports it into another unit, then skips every letter held', async () => {
    const arsip = await b.newPage();
    await b.signIn(arsip, 'arsip@sumedang.demo');
    await arsip.goto(b.url('/staff/32.11/surat/pertukaran'));
    const exporting = arsip.getByRole('region', { name: 'Ekspor naskah' });
    await eventually(() => exporting.getByLabel('Perangkat daerah').locator('option').count()).toBeGreaterThan(1);
    await exporting.getByLabel('Perangkat daerah').selectOption({ label: 'Dinas Komunikasi dan Informatika' });
    const pkg = await downloaded(arsip, 'Unduh paket (ZIP)');
    expect(pkg.name).toMatch(/^naskah-32\.11-.+\.zip$/);
    expect(pkg.data.subarray(0, 2).toString()).toBe('PK');

    const importing = arsip.getByRole('form', { name: 'Impor paket' });
    await importing.getByLabel('Dicatat di register').selectOption({ label: 'Dinas Kesehatan' });
    await importing.getByLabel('Paket (.zip, paling besar 200 MB)').setInputFiles({ name: 'paket.zip', mimeType: 'application/zip', buffer: pkg.data });
    await importing.getByRole('button', { name: 'Impor' }).click();
    const region = arsip.getByRole('region', { name: 'Impor paket' });
    await eventually(() => region.getByRole('status').textContent()).toMatch(/^\d+ naskah diimpor, 0 dilewati karena sudah ada\.$/);
    const imported = Number((await region.getByRole('status').textContent())!.split(' ')[0]);
    expect(imported).toBeGreaterThanOrEqual(3);
    expect(await region.getByRole('link', { name: /^Agenda \d+$/ }).count()).toBe(imported);
    expect(await overflowsHorizontally(arsip)).toBe(false);

    await importing.getByRole('button', { name: 'Impor' }).click();
    await eventually(() => region.getByRole('status').textContent()).toBe(`0 naskah diimpor, ${imported} dilewati karena sudah ada.`);
    expect(await region.locator('li.surat-ref').count()).toBe(imported);
    expect(await overflowsHorizontally(arsip)).toBe(false);

    // A unit's records clerk exchanges and files for their own unit only, and proposes no disposal.
    const clerk = await b.newPage();
    await b.signIn(clerk, 'tu.kominfo@sumedang.demo');
    await clerk.goto(b.url('/staff/32.11/surat/pertukaran'));
    const units = clerk.getByRole('region', { name: 'Ekspor naskah' }).getByLabel('Perangkat daerah').locator('option');
    await eventually(() => units.allTextContents()).toEqual(['Dinas Komunikasi dan Informatika']);
    const links = clerk.getByRole('navigation', { name: 'Arsip dan pertukaran' }).getByRole('link');
    expect(await links.allTextContents()).toEqual(['Berkas arsip', 'Jadwal retensi (JRA)', 'Pertukaran SRIKANDI']);
    expect(b.problems(arsip).concat(b.problems(clerk))).toEqual([]);
  });
});

// The internal AKIP evaluation in Chromium, on the demo region: the
// Inspektorat's evaluator gives every sub-komponen its letter on the page,
// sees the score and predicate (all A: exactly 90, so A and not AA), adds a
// recommendation and finalises; the report prints without the navigation;
// the unit's planner records the recommendation's follow-up on a phone;
// the province's SAKIP coordinator compares Jawa Barat's kabupaten/kota.
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };
const R = '/api/regions/32.11/sakip';

describeInBrowser('e-SAKIP AKIP evaluation in Chromium', (b) => {
  let id = '';

  beforeAll(async () => {
    // 2024: the demo has KemenPANRB's 2024 result but no internal evaluation that year.
    const evaluator = await b.apiSession('evaluator@sumedang.demo');
    const units = await b.api<{ id: string; code: string }[]>('GET', '/api/regions/32.11/units', undefined, evaluator);
    const dinkes = units.find((u) => u.code === 'DINKES')!.id;
    id = (await b.api<{ id: string }>('POST', `${R}/evaluations`, { year: 2024, unitIds: [dinkes] }, evaluator)).id;
    await b.api('PUT', `${R}/evaluations/${id}/status`, { status: 'answering' }, evaluator);
    await b.api('PUT', `${R}/evaluations/${id}/units/${dinkes}/answers`, {
      answers: [{ criterion: '1.a.1', answer: 'Y', evidence: 'https://contoh.test/renstra-dinkes.pdf' }, { criterion: '1.a.2', answer: 'T', evidence: 'Belum disusun' }],
    }, await b.apiSession('perencana.dinkes@sumedang.demo'));
    await b.api('PUT', `${R}/evaluations/${id}/status`, { status: 'reviewing' }, evaluator);
  });

  it('lets the evaluator score every sub-komponen, see exactly 90 as A, recommend, finalise and print the report', async () => {
    const page = await b.newPage(DESKTOP);
    page.on('dialog', (d) => void d.accept());
    await b.signIn(page, 'evaluator@sumedang.demo');
    await eventually(() => page.getByRole('link', { name: 'Evaluasi AKIP' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Evaluasi AKIP' }).click();
    const list = page.getByRole('table', { name: 'Evaluasi internal per tahun' });
    await eventually(() => list.getByRole('row', { name: /Evaluasi AKIP 2025/ }).textContent()).toContain('77,30');
    expect(await list.getByRole('row', { name: /Evaluasi AKIP 2025/ }).textContent()).toContain('BB');
    await list.getByRole('link', { name: 'Evaluasi AKIP 2024' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Evaluasi AKIP 2024' }).isVisible()).toBe(true);
    // The unit's answers and evidence are there for the evaluator to read.
    const first = page.locator('.akip-sub[data-sub="1.a"]');
    await first.getByText('6 kriteria dan jawabannya').click();
    expect(await first.getByRole('link', { name: 'https://contoh.test/renstra-dinkes.pdf' }).isVisible()).toBe(true);

    const codes = ['1.a', '1.b', '1.c', '2.a', '2.b', '2.c', '3.a', '3.b', '3.c', '4.a', '4.b', '4.c'];
    for (const code of codes) {
      const sub = page.locator(`.akip-sub[data-sub="${code}"]`);
      await sub.getByLabel(`Nilai huruf ${code}`, { exact: true }).selectOption('A');
      await sub.getByLabel('Catatan').fill(`Catatan evaluator ${code}`);
      await sub.getByRole('button', { name: 'Simpan nilai' }).click();
      await eventually(() => sub.locator('p.small').first().textContent()).toContain('Nilai huruf: A');
    }
    const facts = page.locator('.sakip-facts');
    await eventually(() => facts.textContent()).toContain('90,00');
    expect(await facts.locator('.badge.predicate-A').textContent()).toBe('A');

    await page.getByLabel('Rekomendasi baru').fill('Lengkapi dokumen perencanaan kinerja Dinas Kesehatan');
    await page.getByLabel('Untuk').selectOption({ label: 'Dinas Kesehatan' });
    await page.getByRole('button', { name: 'Tambah rekomendasi' }).click();
    await eventually(() => page.locator('.akip-rec').count()).toBe(1);
    await page.getByRole('button', { name: 'Finalkan evaluasi' }).click();
    await eventually(() => facts.textContent()).toContain('Final');
    expect(await page.getByRole('button', { name: 'Simpan nilai' }).count()).toBe(0);
    expect(await facts.textContent()).toContain('evaluator@sumedang.demo');

    await page.getByRole('link', { name: 'Laporan hasil evaluasi' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Laporan Hasil Evaluasi AKIP 2024' }).isVisible()).toBe(true);
    const scores = page.getByRole('table', { name: 'Nilai per komponen dan sub-komponen' });
    expect(await scores.getByRole('row', { name: /Nilai akhir/ }).textContent()).toBe('Nilai akhir10090,00A');
    expect(await scores.getByRole('row', { name: /^1\. Perencanaan Kinerja/ }).textContent()).toContain('27,00');
    expect(await page.locator('.sakip-report').textContent()).toContain('Lengkapi dokumen perencanaan kinerja Dinas Kesehatan');
    await page.evaluate(() => { window.print = () => { (window as unknown as { printed: boolean }).printed = true; }; });
    await page.getByRole('button', { name: 'Cetak / simpan PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Menu SAKIP' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cetak / simpan PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Laporan Hasil Evaluasi AKIP 2024' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(b.problems(page)).toEqual([]);
    await page.context().close();

    // The health office's planner, on a phone, records the follow-up; only the evaluator may declare it done.
    const planner = await b.newPage({ viewport: PHONE });
    await b.signIn(planner, 'perencana.dinkes@sumedang.demo');
    await planner.goto(b.url(`/staff/32.11/sakip/evaluasi/${id}`));
    const rec = planner.locator('.akip-rec');
    await eventually(() => rec.isVisible()).toBe(true);
    expect(await rec.getByRole('button', { name: 'Nyatakan selesai' }).count()).toBe(0);
    await rec.getByLabel('Tindak lanjut dan buktinya').fill('Renstra perubahan disusun; draf terlampir');
    await rec.getByRole('button', { name: 'Catat tindak lanjut' }).click();
    await eventually(() => rec.getAttribute('data-status')).toBe('in_progress');
    expect(await rec.textContent()).toContain('Renstra perubahan disusun; draf terlampir — perencana.dinkes@sumedang.demo');
    expect(await overflowsHorizontally(planner)).toBe(false);
    expect(b.problems(planner)).toEqual([]);
    await planner.context().close();
  });

  it('lets the province\'s SAKIP coordinator compare its kabupaten/kota with the trend', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'sakip@jabarprov.demo');
    await eventually(() => page.getByRole('link', { name: 'Perbandingan kabupaten/kota' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Perbandingan kabupaten/kota' }).click();
    await eventually(() => page.getByRole('heading', { name: /AKIP kabupaten\/kota/ }).isVisible()).toBe(true);
    await page.getByLabel('Sampai tahun').selectOption('2025');
    const table = page.getByRole('table', { name: 'Nilai AKIP 2021–2025' });
    const sumedang = table.getByRole('row', { name: /Sumedang/ });
    await eventually(() => sumedang.textContent()).toContain('74,15');
    const cells = await sumedang.getByRole('cell').allTextContents();
    // Latest (official 2025), change from 2024, then 2021–2025: 2024 with the internal evaluation just finalised, 2025 with the demo's.
    expect(cells[0]).toContain('2025 · resmi');
    expect(cells[1]).toBe('▲ 2,75');
    expect(cells.slice(2, 7)).toEqual(['–', '–', '68,52 B', '71,40 BBint. 90,00 A', '74,15 BBint. 77,30 BB']);
    expect(cells[8]).toMatch(/^\d+,\d{2} % \(\d+\/\d+\)$/);
    // Efficiency 2025 by Sumedang's own method: its whole programme budget is 91,68 % absorbed.
    expect(cells[9]).toContain('91,68 %');
    expect(cells[9]).toContain('Capaian kinerja dikurangi serapan anggaran');
    // A kabupaten's staff have no province comparison.
    const regency = await b.newPage(DESKTOP);
    await b.signIn(regency, 'sakip@sumedang.demo');
    await eventually(() => regency.getByRole('link', { name: 'Evaluasi AKIP' }).isVisible()).toBe(true);
    expect(await regency.getByRole('link', { name: 'Perbandingan kabupaten/kota' }).count()).toBe(0);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
    await regency.context().close();
  });
});

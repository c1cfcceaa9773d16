// Village data in Chromium, on the demo region: the Wado kecamatan's officer,
// on a phone, opens the village data, sees 2025 rolled up by kecamatan and
// drills down to Sumedang Selatan's villages, enters 2026's figures for two
// of Wado's villages (only Wado's form is offered), and the indicator then
// shows the rolled-up figure as its realisation, never a form to type it.
// The coordinator clicks from the region overview down to one village; the
// officer lands on their own kecamatan's work, deletes a wrong value and
// downloads the import template.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

describeInBrowser('e-SAKIP village data in Chromium', (b) => {
  it('lets the kecamatan officer enter their villages, and the indicator shows the rolled-up figure', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'kecamatan.wado@sumedang.demo');
    const villageData = page.getByRole('navigation', { name: 'Menu SAKIP' }).getByRole('link', { name: 'Data desa' });
    await eventually(() => villageData.isVisible()).toBe(true);
    await villageData.click();
    await eventually(() => page.getByRole('heading', { name: 'Data desa/kelurahan' }).isVisible()).toBe(true);
    // The two kecamatan units, Wado marked as the officer's own.
    const kecamatan = page.getByRole('table').filter({ hasText: 'Sumedang Selatan' });
    expect(await kecamatan.getByRole('row', { name: /Wado/ }).textContent()).toContain('kecamatan Anda');
    await page.getByLabel('Tahun capaian').selectOption('2025');
    await page.getByRole('link', { name: 'Prevalensi stunting balita menurut data desa (e-PPGBM)' }).click();

    // 2025 by kecamatan: Wado 307/1941 = 15,82 %, Sumedang Selatan 292/2783 = 10,49 %, all 599/4724 = 12,68 %.
    await eventually(() => page.getByTestId('village-total').textContent()).toBe('12,68 %');
    const byKecamatan = page.getByRole('table', { name: /Per kecamatan, 2025/ });
    expect(await byKecamatan.getByRole('row', { name: /Wado/ }).textContent()).toContain('15,82');
    expect(await byKecamatan.getByRole('row', { name: /Sumedang Selatan/ }).textContent()).toContain('10,49');
    // 2025 is closed: no form for the officer.
    expect(await page.getByText('Periode ditutup (2025)').isVisible()).toBe(true);
    expect(await page.getByRole('form').count()).toBe(0);
    // Down to another kecamatan's villages, ranked.
    await byKecamatan.getByRole('link', { name: 'Sumedang Selatan' }).click();
    const villages = page.getByRole('table', { name: /Per desa\/kelurahan, 2025/ });
    await eventually(() => villages.getByRole('row').count()).toBe(15);
    expect(await villages.getByRole('row', { name: /Kota Kulon/ }).textContent()).toContain('7,36');
    await page.getByRole('link', { name: 'Semua kecamatan' }).click();

    // 2026: the officer's own kecamatan only.
    await page.getByLabel('Periode', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const form = page.getByRole('form', { name: 'Isi data desa Wado, 2026' });
    await eventually(() => form.isVisible()).toBe(true);
    expect(await page.getByRole('form', { name: /Sumedang Selatan/ }).count()).toBe(0);
    await form.getByLabel('Cimungkal: Balita stunting').fill('30');
    await form.getByLabel('Cimungkal: Balita diukur').fill('200');
    await form.getByLabel('Ganjaresik: Balita stunting').fill('12');
    await form.getByLabel('Ganjaresik: Balita diukur').fill('150');
    await form.getByRole('button', { name: 'Simpan data desa' }).click();
    // 42 / 350 = 12 %.
    await eventually(() => form.getByRole('status').textContent()).toContain('Realisasi indikator kini 12 %');
    await eventually(() => page.getByTestId('village-total').textContent()).toBe('12,00 %');
    expect(await overflowsHorizontally(page)).toBe(false);

    // A negative figure is refused with the API's words, and nothing changes.
    await form.getByLabel('Cimungkal: Balita stunting').fill('-3');
    await form.getByRole('button', { name: 'Simpan data desa' }).click();
    await eventually(() => form.getByRole('alert').textContent()).toContain('tidak boleh negatif');
    expect(await page.getByTestId('village-total').textContent()).toBe('12,00 %');

    // The indicator: its 2026 realisation is the villages' figure, rolled up, with no form to type it.
    await page.getByRole('link', { name: 'Prevalensi stunting balita menurut data desa (e-PPGBM)' }).click();
    await eventually(() => page.getByText('Diukur per desa/kelurahan: realisasinya dihitung dari data desa.').isVisible()).toBe(true);
    await page.getByLabel('Tahun capaian').selectOption('2026');
    await eventually(() => page.locator('.plan-facts').textContent()).toContain('12 %');
    // Lower is better against 2026's 12.00: 100 %.
    expect(await page.locator('.plan-facts').textContent()).toContain('100,00 %');
    expect(await page.getByRole('button', { name: /Simpan realisasi/ }).count()).toBe(0);
    expect(b.problems(page)).toEqual([]);
  });

  it('takes the coordinator from the region overview down to a village, by clicking', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'sakip@sumedang.demo');
    await eventually(() => page.getByRole('link', { name: 'Ringkasan daerah' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Ringkasan daerah' }).click();
    await page.getByLabel('Tahun capaian').selectOption('2025');
    // The unit to its Renstra, at the same year.
    const byUnit = page.getByRole('table', { name: 'Kinerja per perangkat daerah, tahun 2025' });
    await eventually(() => byUnit.getByRole('link', { name: 'Dinas Kesehatan' }).isVisible()).toBe(true);
    await byUnit.getByRole('link', { name: 'Dinas Kesehatan' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Renstra Dinas Kesehatan');
    expect(new URL(page.url()).searchParams.get('tahun')).toBe('2025');
    // Its target's indicator, then the indicator by kecamatan.
    await page.getByRole('link', { name: 'Prevalensi stunting balita menurut data desa (e-PPGBM)' }).click();
    await eventually(() => page.getByRole('link', { name: 'Lihat per kecamatan dan desa' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Lihat per kecamatan dan desa' }).click();
    const byKecamatan = page.getByRole('table', { name: /Per kecamatan, 2025/ });
    // Wado 307 / 1941 = 15,82 %, against 2025's 14,00 (lower is better): 87,02 %.
    await eventually(() => byKecamatan.getByRole('row', { name: /Wado/ }).textContent()).toContain('15,82');
    expect(await byKecamatan.getByRole('row', { name: /Wado/ }).textContent()).toContain('87,02 %');
    expect(await page.getByTestId('village-total').textContent()).toBe('12,68 %');
    expect(await page.getByRole('table', { name: /Per desa\/kelurahan/ }).count()).toBe(0);
    // One kecamatan's villages.
    await byKecamatan.getByRole('link', { name: 'Wado' }).click();
    const villages = page.getByRole('table', { name: /Per desa\/kelurahan, 2025/ });
    await eventually(() => villages.getByRole('row').count()).toBe(11);
    expect(await villages.getByRole('row', { name: /Cimungkal/ }).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('kecamatan')).toBe('32.11.01');
    expect(b.problems(page)).toEqual([]);
  });

  it('lands the kecamatan officer on their villages, deletes a wrong value with a reason, and gives the import template', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'kecamatan.wado@sumedang.demo');
    const work = page.getByRole('region', { name: 'Data desa kecamatan Anda: Wado' });
    await eventually(() => work.isVisible()).toBe(true);
    expect(await page.getByText('Buat rencana baru').count()).toBe(0);
    await work.getByRole('link', { name: 'Prevalensi stunting balita menurut data desa (e-PPGBM)' }).click();
    // Straight to Wado's 2026 villages, with the entry form (the first test's 30 / 200 and 12 / 150: 12 %).
    const form = page.getByRole('form', { name: 'Isi data desa Wado, 2026' });
    await eventually(() => form.isVisible()).toBe(true);
    await eventually(() => page.getByTestId('village-total').textContent()).toBe('12,00 %');
    const villages = page.getByRole('table', { name: /Per desa\/kelurahan, 2026/ });
    expect(await villages.getByRole('row').count()).toBe(11);

    // Ganjaresik's figure was Cimungkal's: deleted with a reason, the realisation is 30 / 200 = 15 %.
    const row = villages.getByRole('row', { name: /Ganjaresik/ });
    await row.getByText('Hapus', { exact: true }).click();
    const remove = row.getByRole('form', { name: 'Hapus nilai Ganjaresik' });
    await remove.getByLabel('Alasan menghapus (wajib)').fill('Angka Cimungkal tertulis di Ganjaresik');
    await remove.getByRole('button', { name: 'Hapus nilai' }).click();
    await eventually(() => page.getByTestId('village-total').textContent()).toBe('15,00 %');
    expect(await villages.getByRole('row', { name: /Ganjaresik/ }).getByText('Hapus', { exact: true }).count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);

    // The template beside the import: Wado's ten villages in the import's columns (semicolons, as Excel in Indonesian reads), Cimungkal's value in it.
    await page.getByText('Impor dari CSV atau Excel').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh templat CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('data-desa-32.11.01-2026.csv');
    const lines = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('kode_desa;nama_desa;kecamatan;nilai;penyebut;catatan');
    expect(lines).toHaveLength(11);
    expect(lines.find((l) => l.startsWith('32.11.01.2001;'))).toBe('32.11.01.2001;Cimungkal;Wado;30;200;');
    const xlsx = page.getByRole('link', { name: 'Unduh templat Excel' });
    expect(await xlsx.getAttribute('href')).toContain('/values/2026/template.xlsx?district=32.11.01');
    expect(b.problems(page)).toEqual([]);
  });
});

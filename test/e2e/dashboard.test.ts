// The dashboards in the browser, against complaints filed and handled through
// the API: the head of region's tiles, breakdowns, trend and CSV; the
// governor's province roll-up; the public statistics; and who may not see what.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatNumber } from '../../web/src/format.js';
import { estimateText, type TimeEstimate } from '../../src/modules/complaints/domain/times.js';
import { parseCsv } from '../../src/platform/csv.js';
import { describeInBrowser, eventually, overflowsHorizontally, type ApiSession } from './browser.js';

const R = '/api/regions/32.11';
const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };

interface Row {
  key: string | null;
  label: { id: string; en: string };
  [metric: string]: unknown;
}
interface Report {
  period: { from: string; to: string };
  totals: Record<string, unknown>;
  rows: Row[];
}

/** How the page writes a figure: "66,7%", a time as its bucket ("2–4 jam"), "–" for nothing measured yet. */
function figure(metric: string, v: unknown): string {
  if (v === null) return '–';
  if (typeof v === 'object') return estimateText(v as TimeEstimate).id;
  const n = formatNumber(v as number, 'id');
  return metric.endsWith('Pct') ? `${n}%` : n;
}
const COLUMNS = ['received', 'backlog', 'overdue', 'responseCompliancePct', 'resolutionCompliancePct', 'responseTimeMedian', 'responseTimeP90', 'resolutionTimeMedian', 'resolutionTimeP90'];
const TILES = ['Diterima', 'Belum selesai', 'Lewat batas waktu', 'Tanggapan tepat waktu', 'Penyelesaian tepat waktu', 'Median waktu tanggapan (perkiraan)', 'P90 waktu tanggapan (perkiraan)', 'Median waktu penyelesaian (perkiraan)', 'P90 waktu penyelesaian (perkiraan)'];

/** The report table as text, row by row, total last. */
const tableRows = (page: Page) => page.locator('.report-table tbody tr, .report-table tfoot tr').evaluateAll((rows) =>
  rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
const expectedRows = (report: Report) => [
  ...report.rows.map((r) => [r.label.id, ...COLUMNS.map((c) => figure(c, r[c]))]),
  ['Jumlah', ...COLUMNS.map((c) => figure(c, report.totals[c]))],
];

describeInBrowser('dashboards in Chromium', (b) => {
  let bupati: ApiSession;
  let governor: ApiSession;

  beforeAll(async () => {
    const categories = await b.api<{ id: string; code: string }[]>('GET', `${R}/categories`);
    const cat = (code: string) => categories.find((c) => c.code === code)!.id;
    const coordinator = await b.apiSession('koordinator@sumedang.demo');
    const units = await b.api<{ id: string; code: string }[]>('GET', `${R}/units`, undefined, coordinator);
    const unit = (code: string) => units.find((u) => u.code === code)!.id;
    const submit = async (category: string, districtCode: string | null) => (await b.api<{ id: string }>('POST', `${R}/complaints`, {
      categoryId: cat(category), description: `Laporan uji dasbor untuk ${category}, mohon ditangani`,
      answers: category === 'jalan-rusak' ? { tingkat_kerusakan: 'sedang' } : {}, districtCode,
    })).id;
    const act = (session: ApiSession, id: string, body: unknown) => b.api('POST', `${R}/complaints/${id}/actions`, body, session);

    // Monday 2 November 2026, 09:00 WIB: five reports.
    const road = await submit('jalan-rusak', '32.11.01');
    const road2 = await submit('jalan-rusak', '32.11.02');
    const rubbish = await submit('sampah', '32.11.01');
    await submit('sampah', null);
    const light = await submit('pju', '32.11.01');
    await b.advanceHours(1);
    await act(coordinator, road, { action: 'dispatch', unitId: unit('PUPR') });
    await act(coordinator, road2, { action: 'dispatch', unitId: unit('PUPR') });
    await act(coordinator, rubbish, { action: 'dispatch', unitId: unit('DLH') });
    await act(coordinator, light, { action: 'reject', reason: 'incomplete', message: 'Mohon sebutkan lokasi lampu.' });
    await b.advanceHours(2);
    const pupr = await b.apiSession('petugas.pupr@sumedang.demo');
    await act(pupr, road, { action: 'respond', message: 'Kami cek ke lokasi.' });
    await b.advanceHours(5);
    await act(pupr, road, { action: 'resolve', message: 'Sudah ditambal.' });
    await act(await b.apiSession('petugas.dlh@sumedang.demo'), rubbish, { action: 'respond', message: 'Diangkut besok pagi.' });
    // Wednesday 12:00: the unverified report and the unanswered road are past their deadlines.
    await b.advanceHours(43);
    bupati = await b.apiSession('bupati@sumedang.demo');
    governor = await b.apiSession('gubernur@jabarprov.demo');
  });

  it('shows the head of region the figures of the API in tiles and table, by unit, category and month', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'bupati@sumedang.demo');
    await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Dasbor', exact: true }).click();
    await eventually(() => page.getByRole('heading', { name: 'Dasbor pengaduan' }).isVisible()).toBe(true);
    // This year up to this month, in Sumedang's time.
    expect(await page.getByLabel('Dari bulan').inputValue()).toBe('2026-01');
    expect(await page.getByLabel('Sampai bulan').inputValue()).toBe('2026-11');
    const byUnit = await b.api<Report>('GET', `${R}/dashboard?from=2026-01&to=2026-11&by=unit`, undefined, bupati);
    expect(byUnit.totals).toMatchObject({ received: 5, backlog: 3, overdue: 2, responded: 2, respondedInTime: 2, resolved: 1 });

    const tiles = page.locator('.tile');
    await eventually(() => tiles.locator('dt').allTextContents()).toEqual(TILES);
    expect(await tiles.locator('dd').allTextContents()).toEqual(COLUMNS.map((c) => figure(c, byUnit.totals[c]) + (
      c === 'responseCompliancePct' ? '2 dari 2' : c === 'resolutionCompliancePct' ? '1 dari 1' : '')));
    expect(await tiles.locator('dd').first().textContent()).toBe('5');
    // Responses after 3 h (road) and 8 h (rubbish), the road resolved after 8 h: each time shown as the bucket it falls in.
    expect(await page.locator('.tile[data-metric="responseTimeMedian"] dd').textContent()).toBe('2–4 jam');
    expect(await page.locator('.tile[data-metric="resolutionTimeP90"] dd').textContent()).toBe('8–12 jam');
    await eventually(() => tableRows(page)).toEqual(expectedRows(byUnit));
    // Busiest first; the unverified and the rejected report have no unit.
    expect((await tableRows(page)).map((r) => r.slice(0, 2))).toEqual([
      ['Belum didisposisikan', '2'], ['Dinas Pekerjaan Umum dan Penataan Ruang', '2'], ['Dinas Lingkungan Hidup dan Kehutanan', '1'], ['Jumlah', '5'],
    ]);
    await page.screenshot({ path: '/tmp/pamong-dashboard-unit.png', fullPage: true });

    await page.getByLabel('Kategori', { exact: true }).check();
    await eventually(() => page.url()).toContain('by=category');
    const byCategory = await b.api<Report>('GET', `${R}/dashboard?from=2026-01&to=2026-11&by=category`, undefined, bupati);
    await eventually(() => tableRows(page)).toEqual(expectedRows(byCategory));
    // Sorting by a column: busiest first, then the other way.
    const received = page.locator('.report-table').getByRole('columnheader', { name: 'Diterima' });
    await received.getByRole('button').click();
    expect(await received.getAttribute('aria-sort')).toBe('descending');
    await received.getByRole('button').click();
    expect(await received.getAttribute('aria-sort')).toBe('ascending');
    const ascending = [...byCategory.rows].sort((x, y) => (x.received as number) - (y.received as number)).map((r) => r.label.id);
    expect((await tableRows(page)).slice(0, -1).map((r) => r[0])).toEqual(ascending);
    // The chart shows the chosen figure per row, in the table's order.
    await page.getByLabel('Ukuran pada grafik').selectOption({ label: 'Lewat batas waktu' });
    const chart = page.locator('figure', { has: page.getByText('Lewat batas waktu menurut kategori') });
    await eventually(() => chart.locator('svg g title').allTextContents()).toEqual(
      [...byCategory.rows].sort((x, y) => (x.received as number) - (y.received as number)).map((r) => `${r.label.id}: ${r.overdue}`));

    // The CSV is exactly this view: same period and breakdown.
    const link = page.getByRole('link', { name: 'Unduh CSV' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`${R}/dashboard.csv?from=2026-01&to=2026-11&by=category&lang=id`);
    const csv = await (await page.context().request.get(b.url(href))).text();
    // Read as Excel in Indonesian reads it: ';' between columns.
    const { rows: lines, separator } = parseCsv(csv);
    expect(separator).toBe(';');
    expect(lines[0].slice(0, 3)).toEqual(['Kategori', 'Diterima', 'Ditanggapi']);
    expect(lines.slice(1).map((l) => [l[0], l[1]])).toEqual([...byCategory.rows.map((r) => [r.label.id, String(r.received)]), ['Jumlah', '5']]);

    await page.getByLabel('Bulan', { exact: true }).check();
    const byMonth = await b.api<Report>('GET', `${R}/dashboard?from=2026-01&to=2026-11&by=month`, undefined, bupati);
    await eventually(() => tableRows(page)).toEqual(expectedRows(byMonth));
    expect(byMonth.rows).toHaveLength(11);
    // The trend: a point per month, November holding the five reports.
    const trend = page.locator('figure', { has: page.getByText('Laporan diterima dan selesai per bulan') });
    expect(await trend.locator('.line-1 circle').count()).toBe(11);
    expect(await trend.locator('table tr').last().textContent()).toBe('Nov51');

    // Another period: nothing was received in October.
    await page.getByLabel('Dari bulan').fill('2026-10');
    await page.getByLabel('Sampai bulan').fill('2026-10');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await eventually(() => page.url()).toContain('from=2026-10&to=2026-10');
    await eventually(() => tiles.locator('dd').first().textContent()).toBe('0');
    expect(await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')).toBe(`${R}/dashboard.csv?from=2026-10&to=2026-10&by=month&lang=id`);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('fits the dashboard on a 360 px phone without sideways scrolling', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'bupati@sumedang.demo');
    await page.goto(b.url('/staff/32.11/dasbor?by=district'));
    await eventually(() => page.locator('.report-table tbody tr').count()).toBeGreaterThan(0);
    await eventually(() => page.locator('.chart svg').count()).toBe(2);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: '/tmp/pamong-dashboard-phone.png', fullPage: true });
    await page.context().close();
  });

  it('shows the governor\'s office the province roll-up with Sumedang\'s row', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'gubernur@jabarprov.demo');
    await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Rekap provinsi' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Rekap provinsi', level: 1 }).isVisible()).toBe(true);
    const rollup = await b.api<Report>('GET', '/api/regions/32/dashboard/regions?from=2026-01&to=2026-11', undefined, governor);
    await eventually(() => tableRows(page)).toEqual(expectedRows(rollup));
    const sumedang = (await tableRows(page)).find((r) => r[0] === 'Kabupaten Sumedang')!;
    expect(sumedang.slice(0, 4)).toEqual(['Kabupaten Sumedang', '5', '3', '2']);
    expect(await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')).toBe('/api/regions/32/dashboard/regions.csv?from=2026-01&to=2026-11&lang=id');
    await page.screenshot({ path: '/tmp/pamong-province.png', fullPage: true });
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('shows anyone the public statistics, and a friendly word when the region has them off', async () => {
    const page = await b.newPage();
    await page.goto(b.url('/r/32.11'));
    await page.getByRole('link', { name: 'Statistik pengaduan' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Statistik pengaduan' }).isVisible()).toBe(true);
    const stats = await b.api<{ totals: Record<string, unknown>; byCategory: Row[] }>('GET', `${R}/statistics?year=2026`);
    const tiles = page.locator('.tile');
    await eventually(() => tiles.locator('dd').allTextContents()).toEqual(
      ['received', 'resolved', 'responseCompliancePct', 'resolutionCompliancePct', 'responseTimeMedian', 'resolutionTimeMedian'].map((m) => figure(m, stats.totals[m])));
    expect(await tiles.locator('dd').first().textContent()).toBe('5');
    const rows = await page.locator('table.data tbody tr').evaluateAll((trs) => trs.map((r) => [...r.children].map((c) => c.textContent)));
    expect(rows).toEqual(stats.byCategory.map((c) => [c.label.id, figure('received', c.received), figure('resolved', c.resolved), figure('resolutionCompliancePct', c.resolutionCompliancePct)]));
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: '/tmp/pamong-statistics.png', fullPage: true });

    const admin = await b.apiSession('admin@sumedang.demo');
    const settings = await b.api<{ complaints: Record<string, unknown> }>('GET', `${R}/settings`, undefined, admin);
    await b.api('PUT', `${R}/settings`, { complaints: { ...settings.complaints, publicStatistics: false } }, admin);
    // A later visitor (the statistics may stay in a browser's cache for five minutes).
    const later = await b.newPage();
    await later.goto(b.url('/r/32.11'));
    await eventually(() => later.getByRole('link', { name: 'Lacak laporan' }).isVisible()).toBe(true);
    expect(await later.getByRole('link', { name: 'Statistik pengaduan' }).count()).toBe(0);
    await later.goto(b.url('/r/32.11/statistik'));
    await eventually(() => later.getByText('Kabupaten Sumedang belum membuka statistik pengaduan untuk publik.').isVisible()).toBe(true);
    expect(await later.locator('.tile').count()).toBe(0);
    await b.api('PUT', `${R}/settings`, settings, admin);
    expect(b.problems(page)).toEqual([]);
    expect(b.problems(later)).toEqual([]);
    await page.context().close();
    await later.context().close();
  });

  it('keeps the head of region out of the admin pages and the province roll-up', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'bupati@sumedang.demo');
    const nav = page.getByRole('navigation', { name: 'Menu petugas' });
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toContain('Dasbor');
    for (const hidden of ['Administrasi', 'Log audit', 'Rekap provinsi']) expect(links).not.toContain(hidden);
    for (const path of ['/staff/32.11/admin', '/staff/32.11/admin/pegawai', '/staff/32.11/admin/audit']) {
      await page.goto(b.url(path));
      await eventually(() => page.getByRole('alert').textContent()).toBe('Anda tidak berwenang membuka halaman ini.');
    }
    await page.context().close();
  });
});

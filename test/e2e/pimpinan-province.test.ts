// The province's page in Chromium: the governor sees the demo's
// kabupaten/kota side by side on the leader's figures, ranked by the figure
// chosen, on a phone (the table scrolls inside its frame) and on a desk; a
// kabupaten/kota's name links to its page only for who may open it; the map
// shades every kabupaten/kota of Jawa Barat by the chosen figure (those
// without one hatched), names each on keyboard focus, and credits its source.
import { expect, it } from 'vitest';
import { refreshFigures } from '../../src/modules/pimpinan/service/figures.js';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const DESK = { viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false };

describeInBrowser('The province\'s page in Chromium', (b) => {
  it('shows the governor the kabupaten/kota ranked by a figure, with its months, on a phone and a desk', async () => {
    // What the worker's sweep does every hour: read each kabupaten/kota's figures.
    await refreshFigures(b.ctx, '32.11');
    const governor = await b.apiSession('gubernur@jabarprov.demo');
    const api = await b.api<{ regions: { code: string; name: string; figures: { ref: string; value: number | null; rank: number | null }[] }[] }>('GET', '/api/regions/32/pimpinan/provinsi', undefined, governor);
    const withIndex = api.regions.filter((r) => r.figures.some((f) => f.ref === 'spbe.index' && f.value !== null));
    expect(withIndex.length).toBeGreaterThan(0);
    expect(api.regions.length).toBeGreaterThan(0);
    for (const options of [undefined, DESK]) {
      const page = await b.newPage(options);
      await b.signIn(page, 'gubernur@jabarprov.demo');
      await page.goto(b.url('/staff/32/pimpinan'));
      await page.getByRole('link', { name: 'Kabupaten/kota di provinsi ini, berdampingan' }).click();
      await eventually(() => page.getByRole('button', { name: 'Tampilkan 12 bulan terakhir' }).isVisible()).toBe(true);
      const table = page.getByRole('table', { name: /^Kabupaten\/kota di .*Jawa Barat$/i });
      await eventually(() => table.locator('tbody tr').count()).toBe(api.regions.length);
      // Ranked by the SPBE index: the region ranked first on it leads the table.
      await page.getByLabel('Urutkan menurut').selectOption({ label: 'Evaluasi SPBE: Indeks SPBE terakhir' });
      const first = api.regions.find((r) => r.figures.some((f) => f.ref === 'spbe.index' && f.rank === 1));
      expect(first).toBeDefined();
      await eventually(() => table.locator('tbody tr').first().locator('th').textContent()).toBe(first!.name);
      // The governor may not open a kabupaten's own leader's page: names are not links.
      expect(await table.locator('tbody th a').count()).toBe(0);
      // Choosing a figure loads its last twelve months.
      await eventually(() => page.locator('figure.chart figcaption').textContent()).toBe('Tren: Indeks SPBE terakhir');
      // The map: all 27 kabupaten/kota of Jawa Barat, shaded by the SPBE index where it is known, hatched where not.
      const map = page.getByRole('group', { name: /^Peta kabupaten\/kota .*Jawa Barat diwarnai menurut Indeks SPBE terakhir$/i });
      await eventually(() => map.isVisible()).toBe(true);
      const areas = map.locator('path[data-code]');
      expect(await areas.count()).toBe(27);
      const fill = (code: string) => map.locator(`path[data-code="${code}"]`).getAttribute('fill');
      for (const r of withIndex) expect(await fill(r.code), r.name).toMatch(/^#[0-9a-f]{6}$/);
      expect(await fill('32.01')).toBe('url(#province-map-shades-none)'); // Kabupaten Bogor: not in the demo
      expect(await page.getByRole('list', { name: 'Keterangan warna' }).locator('li').count()).toBeGreaterThan(1);
      // Keyboard: a kabupaten/kota is a tab stop named with its figure and rank, repeated under the map.
      const sumedang = map.locator('path[data-code="32.11"]');
      await sumedang.focus();
      const named = await sumedang.getAttribute('aria-label');
      expect(named).toMatch(/^Kabupaten Sumedang: .+/i);
      await eventually(() => page.locator('.choropleth-focus').textContent()).toBe(named);
      expect(await page.getByText(/geoBoundaries .*CC BY 3\.0 IGO/).isVisible()).toBe(true);
      // It fits the screen, phone or desk, and is drawn large enough to read.
      const box = (await map.boundingBox())!;
      const width = page.viewportSize()!.width;
      expect(box.width).toBeLessThanOrEqual(width);
      expect(box.width).toBeGreaterThan(Math.min(300, width - 60));
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(b.problems(page)).toEqual([]);
      await page.context().close();
    }
  }, 120_000);
});

// The showcase demo in the browser, as a first start leaves it: the head of
// region's dashboard has a year of months, and the SPBE coordinator compares
// Sumedang with the other Jawa Barat regions and learns from them.
import { beforeAll, expect, it } from 'vitest';
import { seedShowcase } from '../../src/demo/showcase.js';
import { describeInBrowser, eventually } from './browser.js';

const DESKTOP = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };

describeInBrowser('showcase demo', (b) => {
  beforeAll(async () => {
    await seedShowcase(b.ctx);
  }, 180_000);

  it('shows the head of region a year of complaints, month by month', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'bupati@sumedang.demo');
    await page.goto(b.url('/staff/32.11/dasbor?from=2025-11&to=2026-11&by=month'));
    await eventually(() => page.locator('.report-table tbody tr').count()).toBe(13);
    const overdue = page.locator('.tile', { hasText: 'Lewat batas waktu' }).locator('dd');
    await eventually(async () => Number((await overdue.textContent())?.replace(/\D/g, '') || 0)).toBeGreaterThan(0);
    expect(b.problems(page)).toEqual([]);
  });

  it('ranks Sumedang among the Jawa Barat regions and names the leaders to learn from', async () => {
    const page = await b.newPage(DESKTOP);
    await b.signIn(page, 'spbe@sumedang.demo');
    await page.goto(b.url('/staff/32.11/spbe/perbandingan'));
    const ranking = page.locator('table.ranking');
    for (const name of ['Kota Bandung', 'Kabupaten Bandung', 'Kabupaten Garut', 'Kota Bogor', 'Kabupaten Sumedang']) {
      await eventually(() => ranking.textContent()).toContain(name);
    }
    await page.goto(b.url('/staff/32.11/spbe/belajar'));
    await eventually(() => page.locator('main').textContent()).toContain('Kota Bandung');
    await eventually(() => page.locator('main').textContent()).toContain('Arsitektur SPBE disusun bersama');
    expect(b.problems(page)).toEqual([]);
  });
});

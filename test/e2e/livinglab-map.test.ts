// The Living Lab adoption map in Chromium, on a phone, on the demo with the
// showcase's adoption (Kota Bandung took Sumedang's complaint categories):
// anyone opens the map from the catalogue, Jawa Barat is shaded and the
// others are not, the SVG is an image with a text alternative, shading by
// published solutions changes the picture, the tables list the province's
// figures and the adoption from Sumedang; filtering by kind or module (kept in
// the address, so a link opens the same view) changes the map and the tables;
// and choosing Jawa Barat on the map opens the catalogue of that province.
import { expect, it } from 'vitest';
import { enableRegion } from '../../src/platform/regions/service.js';
import { seedLivinglabShowcase } from '../../src/modules/livinglab/demo.js';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

describeInBrowser('Living Lab adoption map in Chromium', (b) => {
  it('shades Jawa Barat, offers tables for screen readers and filters the catalogue by a province', async () => {
    await b.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, '32.73');
      expect(await seedLivinglabShowcase(tx, '32.11', ['32.73'], b.clock.now())).toBe(true);
    });
    const page = await b.newPage({ viewport: PHONE });
    await page.goto(b.url('/livinglab'));
    await page.getByRole('link', { name: 'Peta adopsi Indonesia dan silsilah adopsi' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Peta adopsi Living Lab' }).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/livinglab/peta');

    const map = page.getByRole('img', { name: /^Peta provinsi Indonesia diwarnai menurut Adopsi/ });
    await eventually(() => map.isVisible()).toBe(true);
    expect(await map.getAttribute('aria-label')).toContain('Jawa Barat: 1 adopsi');
    const fill = (code: string) => page.locator(`svg.livinglab-map path[data-code="${code}"]`).getAttribute('fill');
    const jabar = await fill('32');
    expect(jabar).not.toBe(await fill('35'));
    expect(await fill('35')).toBe(await fill('11')); // nothing adopted in Jawa Timur nor Aceh
    expect(await page.locator('svg.livinglab-map path').count()).toBe(33);
    // Shaded by published solutions, Jawa Barat (Sumedang's) stays coloured, by its count.
    await page.getByLabel('Solusi terbit', { exact: true }).check();
    await eventually(() => map.isVisible()).toBe(false);
    const bySolutions = page.getByRole('img', { name: /^Peta provinsi Indonesia diwarnai menurut Solusi terbit/ });
    await eventually(() => bySolutions.getAttribute('aria-label')).toMatch(/Jawa Barat: \d+ solusi terbit/);
    expect(await fill('32')).not.toBe(await fill('35'));

    // The tables: the province's row and the adoption from Sumedang.
    const row = page.locator('.livinglab-province-table tr[data-code="32"]');
    expect((await row.locator('td').allTextContents())[1]).toBe('1');
    const lineage = page.getByRole('table', { name: 'Siapa mengadopsi dari siapa' });
    expect(await lineage.locator('thead th').allTextContents()).toEqual(['Dari', 'Ke', 'Solusi', 'Versi', 'Tanggal']);
    const cells = await lineage.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['Kabupaten Sumedang', 'Kota Bandung', 'Kategori pengaduan dan tenggat Sumedang', '1']);
    expect(await page.getByRole('img', { name: /^Grafik silsilah: 1 adopsi antara 2 daerah/ }).isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    // Filters narrow the map, the graph and the tables together, and live in the address.
    await page.getByLabel('Jenis', { exact: true }).selectOption('application');
    await eventually(() => new URL(page.url()).searchParams.get('jenis')).toBe('application');
    await eventually(() => page.getByText('Belum ada adopsi.').isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Siapa mengadopsi dari siapa' }).count()).toBe(0);
    await eventually(async () => (await row.locator('td').allTextContents())[1]).toBe('0');
    // A shared link opens the same filtered view: only the complaints module's packages.
    await page.goto(b.url('/livinglab/peta?modul=complaints&ukuran=solusi'));
    await eventually(() => page.getByLabel('Paket modul').inputValue()).toBe('complaints');
    await eventually(() => lineage.locator('tbody tr').count()).toBe(1);
    expect((await lineage.locator('tbody tr td').allTextContents()).slice(0, 3)).toEqual(['Kabupaten Sumedang', 'Kota Bandung', 'Kategori pengaduan dan tenggat Sumedang']);
    expect(await page.getByLabel('Solusi terbit', { exact: true }).isChecked()).toBe(true);
    // Another module's packages: nothing adopted.
    await page.getByLabel('Paket modul').selectOption('sakip');
    await eventually(() => new URL(page.url()).searchParams.get('modul')).toBe('sakip');
    await eventually(() => page.getByText('Belum ada adopsi.').isVisible()).toBe(true);
    await eventually(async () => (await row.locator('td').allTextContents())[1]).toBe('0');
    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await eventually(() => lineage.locator('tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('modul')).toBe(null);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    // Choosing Jawa Barat on the map opens the catalogue of the province.
    await page.locator('svg.livinglab-map a:has(path[data-code="32"])').click();
    await eventually(() => new URL(page.url()).searchParams.get('province')).toBe('32');
    await eventually(() => page.locator('.livinglab-list li').count()).toBeGreaterThan(0);
    expect(b.problems(page)).toEqual([]);
  });
});

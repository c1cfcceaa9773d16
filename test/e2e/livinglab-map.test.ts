// The Living Lab adoption map in Chromium, on a phone, on the demo with the
// showcase's adoption (Kota Bandung took Sumedang's complaint categories):
// anyone opens the map from the catalogue, Jawa Barat is shaded and the
// others are not, the SVG is an image with a text alternative, shading by
// published solutions changes the picture, the tables list the province's
// figures and the adoption from Sumedang; filtering by kind or module (kept in
// the address, so a link opens the same view) changes the map and the tables;
// a province chosen from the list, or Jawa Barat chosen on the map, opens its
// kabupaten/kota map (Kota Bandung shaded, the geoBoundaries attribution under
// it, a table of the same numbers), and from there the province's catalogue.
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

    // A province from the list: its kabupaten/kota, nothing adopted in Jawa Timur's.
    await page.getByLabel('Peta kabupaten/kota provinsi').selectOption('35');
    await eventually(() => page.getByRole('heading', { name: 'Kabupaten/kota di Jawa Timur' }).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('provinsi')).toBe('35');
    await page.getByRole('link', { name: 'Kembali ke peta Indonesia' }).click();
    // Choosing Jawa Barat on the map opens its kabupaten/kota, shaded by adoptions: Kota Bandung's, not Kabupaten Bogor's.
    await page.locator('svg.livinglab-map a:has(path[data-code="32"])').click();
    await eventually(() => new URL(page.url()).searchParams.get('provinsi')).toBe('32');
    await page.getByLabel('Adopsi', { exact: true }).check(); // the shared link above shaded by published solutions
    const regencies = page.getByRole('group', { name: /^Peta kabupaten\/kota Jawa Barat diwarnai menurut Adopsi/ });
    await eventually(() => regencies.isVisible()).toBe(true);
    expect(await regencies.locator('path[data-code]').count()).toBe(27);
    const kabFill = (code: string) => regencies.locator(`path[data-code="${code}"]`).getAttribute('fill');
    expect(await kabFill('32.73')).not.toBe(await kabFill('32.01'));
    expect(await regencies.getByRole('img', { name: 'Kota Bandung: 1 adopsi' }).count()).toBe(1);
    expect(await page.locator('.livinglab-attribution').textContent()).toMatch(/^Batas kabupaten\/kota: geoBoundaries .*CC BY 3\.0 IGO/);
    expect(await page.locator('.livinglab-attribution').isVisible()).toBe(true);
    const bandung = page.getByRole('table', { name: 'Solusi terbit dan adopsi per kabupaten/kota di Jawa Barat' }).locator('tr[data-code="32.73"]');
    expect(await bandung.locator('th, td').allTextContents()).toEqual(['Kota Bandung', '0', '1']);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);

    // From there, the catalogue of the province.
    await page.getByRole('link', { name: 'Katalog solusi Jawa Barat' }).click();
    await eventually(() => new URL(page.url()).searchParams.get('province')).toBe('32');
    await eventually(() => page.locator('.livinglab-list li').count()).toBeGreaterThan(0);
    expect(b.problems(page)).toEqual([]);
  });
});

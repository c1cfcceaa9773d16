// Public services in Chromium, on the demo region: a citizen on a 360 px phone
// opens the public catalogue, searches it, and reads a service's standard
// (delivery components first, then management) and its unit's pledge without
// the page scrolling sideways; a unit's service manager changes a standard,
// is refused publishing while a component is empty, publishes, and the
// public page then shows the new version.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

describeInBrowser('Public services in Chromium', (b) => {
  it('shows a citizen on a phone the catalogue and a service\'s standard with its pledge', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await page.goto(b.url('/r/32.11/layanan'));
    await eventually(() => page.getByRole('heading', { name: 'Layanan publik Kabupaten Sumedang' }).isVisible()).toBe(true);
    await eventually(() => page.locator('.layanan-list li').count()).toBe(3);
    expect(await page.getByText('Surat Keterangan Domisili').count()).toBe(0); // a draft
    await page.getByLabel('Cari layanan').fill('reklame');
    await page.getByRole('button', { name: 'Cari' }).click();
    await eventually(() => page.locator('.layanan-list li').count()).toBe(1);
    expect(await page.locator('.layanan-list li').textContent()).toContain('Berbayar');

    await page.getByLabel('Cari layanan').fill('');
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('link', { name: 'Surat Keterangan Tidak Mampu (SKTM)' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Surat Keterangan Tidak Mampu (SKTM)' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Komponen penyampaian pelayanan', 'Komponen pengelolaan pelayanan', 'Isian formulir permohonan', 'Maklumat pelayanan Kecamatan Sumedang Selatan',
    ]);
    expect(await page.locator('[data-component="timeLimit"] dd').textContent()).toContain('1 hari kerja');
    expect(await page.locator('[data-component="cost"] dd').textContent()).toContain('Gratis');
    expect(await page.locator('[data-component="requirements"] li').count()).toBe(4);
    expect(await page.locator('.layanan-pledge').textContent()).toContain('Kecamatan Sumedang Selatan');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });

  it('lets a unit\'s service manager publish a changed standard, refused while a component is empty, and the public reads the new version', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'layanan.dpmptsp@sumedang.demo');
    await eventually(() => page.getByRole('heading', { name: 'Katalog layanan publik' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Izin Penyelenggaraan Reklame' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Standar pelayanan: Izin Penyelenggaraan Reklame' }).isVisible()).toBe(true);

    // An empty component: saved as a draft, refused on publishing in words.
    await page.getByLabel('7. Dasar Hukum').fill('');
    await page.getByLabel('Jangka waktu (hari kerja)').fill('7');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await eventually(() => page.getByText('Draf disimpan.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('7. Dasar Hukum');

    await page.getByLabel('7. Dasar Hukum').fill('Peraturan Daerah Kabupaten Sumedang tentang Pajak Daerah dan Retribusi Daerah.');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await eventually(() => page.getByText('Draf berisi perubahan yang belum diterbitkan.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await eventually(() => page.getByText('Diterbitkan sebagai versi 2.').isVisible()).toBe(true);
    await eventually(() => page.locator('.layanan-list details summary').count()).toBe(2);
    expect(await overflowsHorizontally(page)).toBe(false);

    const citizen = await b.newPage({ viewport: PHONE });
    await citizen.goto(b.url('/r/32.11/layanan/izin-reklame'));
    await eventually(() => citizen.locator('[data-component="timeLimit"] dd').textContent()).toContain('7 hari kerja');
    expect(await citizen.getByText('Standar pelayanan versi 2', { exact: false }).isVisible()).toBe(true);
  });
});

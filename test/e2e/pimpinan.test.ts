// The head of region's page in Chromium: the head lands on it after signing
// in; every module's figures are there as the API gives them, each with how
// it is computed and as of when; a figure's trend opens on demand; it fits a
// 360 px phone and lays tiles side by side on a 1366 px desk; it prints as a
// briefing without the app's bars. Staff without the permission are told so.
import { expect, it } from 'vitest';
import { formatNumber } from '../../web/src/format.js';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const DESK = { viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false };

describeInBrowser('The leader\'s page in Chromium', (b) => {
  it('lands the head of region on every module\'s figures, with method, as-of and trend, on a phone', async () => {
    const bupati = await b.apiSession('bupati@sumedang.demo');
    const page = await b.newPage();
    await b.signIn(page, 'bupati@sumedang.demo');
    await eventually(() => new URL(page.url()).pathname).toBe('/staff/32.11/pimpinan');
    await eventually(() => page.getByRole('heading', { name: /^Dasbor pimpinan · Kabupaten Sumedang/, level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('heading', { name: 'Yang menunggu Anda hari ini' }).isVisible()).toBe(true);
    // The briefing as a PDF, downloaded with the head of region's session.
    const pdf = page.getByRole('link', { name: 'Unduh PDF untuk rapat' });
    expect(await pdf.getAttribute('href')).toBe('/api/regions/32.11/pimpinan/bahan-rapat.pdf?lang=id');
    const download = await page.request.get(b.url('/api/regions/32.11/pimpinan/bahan-rapat.pdf?lang=id'));
    expect([download.status(), download.headers()['content-type'], (await download.body()).subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);

    const api = await b.api<{ modules: { title: { id: string }; tiles: { key: string; title: { id: string }; value: number | null; method: { id: string } }[] }[] }>('GET', '/api/regions/32.11/pimpinan', undefined, bupati);
    for (const m of api.modules) {
      await eventually(() => page.getByRole('heading', { name: m.title.id, level: 2 }).isVisible()).toBe(true);
      for (const tile of m.tiles) {
        const card = page.getByRole('article', { name: tile.title.id });
        const shown = tile.value === null ? 'Belum ada data' : formatNumber(tile.value, 'id', 2);
        expect(await card.locator('.pimpinan-figure').textContent()).toContain(shown);
        expect(await card.textContent()).toMatch(/Per \d/);
      }
    }

    // How a figure is computed is one tap away.
    const spbe = page.getByRole('article', { name: 'Indeks SPBE terakhir' });
    await spbe.getByText('Cara menghitung').click();
    await eventually(() => spbe.getByText(/Indeks hasil evaluasi SPBE tahun terakhir/).isVisible()).toBe(true);

    // Its trend over five years, from the recorded evaluations.
    await spbe.getByRole('button', { name: 'Tampilkan tren' }).click();
    await spbe.getByRole('button', { name: '5 tahun' }).click();
    await eventually(() => spbe.locator('figure.chart figcaption').textContent()).toBe('Tren: Indeks SPBE terakhir');
    await eventually(() => spbe.locator('figure.chart svg circle').count()).toBeGreaterThan(0);
    expect(await overflowsHorizontally(page)).toBe(false);

    // The figures say when they were read, and are read again on demand.
    await eventually(() => page.getByText(/^Angka dibaca .+; dibaca ulang tiap 15 menit\./).isVisible()).toBe(true);
    const reread = page.waitForResponse((r) => r.url().endsWith('/api/regions/32.11/pimpinan/perbarui') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Baca ulang sekarang' }).click();
    expect((await reread).status()).toBe(200);
    await eventually(() => page.getByRole('button', { name: 'Baca ulang sekarang' }).isEnabled()).toBe(true);

    // The briefing prints without the app's menu and buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Cetak ringkasan' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Baca ulang sekarang' }).isVisible()).toBe(false);
    expect(await spbe.getByText(/Indeks hasil evaluasi SPBE tahun terakhir/).isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('lays the tiles side by side on a desk, and tells an officer the page is not theirs', async () => {
    const page = await b.newPage(DESK);
    await b.signIn(page, 'bupati@sumedang.demo');
    await eventually(() => page.locator('.pimpinan-tile').count()).toBeGreaterThan(3);
    const boxes = await page.locator('.pimpinan-module').first().locator('.pimpinan-tile').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(boxes.length).toBeGreaterThan(1);
    expect(boxes[1]).toBe(boxes[0]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.context().close();

    const officer = await b.newPage();
    await b.signIn(officer, 'staf.aptika@sumedang.demo');
    await officer.goto(b.url('/staff/32.11/pimpinan'));
    await eventually(() => officer.getByRole('alert').textContent()).toBeTruthy();
    expect(await officer.locator('.pimpinan-tile').count()).toBe(0);
    expect(b.problems(officer)).toEqual([]);
  });

  it('ranks the units\' digital adoption for the head of region, lowest first, on a phone', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'bupati@sumedang.demo');
    await page.getByRole('link', { name: /^Adopsi digital perangkat daerah/ }).click();
    const table = page.getByRole('table', { name: /^Adopsi digital perangkat daerah Kabupaten Sumedang, tahun \d{4}$/ });
    await eventually(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await table.locator('thead th').allTextContents()).toContain('Pengaduan dijawab di Pamong tepat waktu');
    const scores = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).filter((x) => x !== '–').map((x) => Number(x.replace('%', '').replace(',', '.')));
    expect(scores).toEqual([...scores].sort((x, y) => x - y));
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });

  it('lets a unit head see their own unit\'s adoption and choose the weekly digest\'s day, on a phone', async () => {
    const page = await b.newPage();
    await b.signIn(page, 'kepala.pupr@sumedang.demo');
    await page.goto(b.url('/staff/32.11/pimpinan/adopsi'));
    const table = page.getByRole('table', { name: /^Adopsi digital perangkat daerah Kabupaten Sumedang/ });
    await eventually(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody th').textContent()).toBe('Dinas Pekerjaan Umum dan Penataan Ruang');
    await page.getByRole('link', { name: 'Ringkasan mingguan lewat email' }).click();
    await eventually(() => page.getByText('Anda belum memilih: ringkasan datang setiap Senin.').isVisible()).toBe(true);
    await page.getByLabel('Kirim setiap').selectOption({ label: 'Rabu' });
    await page.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => page.getByText('Tersimpan: ringkasan datang setiap Rabu.').isVisible()).toBe(true);
    const api = await b.api<{ day: number | null; chosen: boolean }>('GET', '/api/regions/32.11/pimpinan/ringkasan', undefined, await b.apiSession('kepala.pupr@sumedang.demo'));
    expect(api).toMatchObject({ day: 3, chosen: true });
    await page.getByLabel('Kirim setiap').selectOption({ label: 'Jangan kirim' });
    await page.getByRole('button', { name: 'Simpan' }).click();
    await eventually(() => page.getByText('Tersimpan: ringkasan tidak dikirim lagi.').isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });
});

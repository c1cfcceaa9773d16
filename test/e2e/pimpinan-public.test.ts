// The public version of the leader's page in Chromium, on a 360 px phone: the
// region admin ticks two of the leader's figures in the region's settings; a
// visitor who is not signed in opens /r/32.11/dasbor and sees those two, each
// with how it is computed and as of when in WIB, the links to the open data
// (CSV in Indonesian and English, JSON, the DCAT catalogue),
// and not a third figure; in English too.
import { expect, it } from 'vitest';
import { formatNumber } from '../../web/src/format.js';
import { refreshFigures } from '../../src/modules/pimpinan/service/figures.js';
import { describeInBrowser, eventually, overflowsHorizontally } from './browser.js';

const PUBLISHED = [
  { ref: 'complaints.received-this-month', id: 'Pengaduan masuk bulan ini', en: 'Complaints received this month' },
  { ref: 'spbe.index', id: 'Indeks SPBE terakhir', en: 'Latest SPBE index' },
];
const KEPT = 'Pengaduan lewat batas waktu';

describeInBrowser('The leader\'s public figures in Chromium', (b) => {
  it('publishes the two figures the region admin ticks, and a signed-out visitor sees them and not a third', async () => {
    await refreshFigures(b.ctx, '32.11');

    // Before the region chooses, the public page says nothing is published.
    const early = await b.newPage();
    await early.goto(b.url('/r/32.11/dasbor'));
    await eventually(() => early.getByRole('heading', { name: 'Angka utama Kabupaten Sumedang', level: 1 }).isVisible()).toBe(true);
    await eventually(() => early.getByText('Kabupaten Sumedang belum menerbitkan angka apa pun.').isVisible()).toBe(true);
    await early.context().close();

    const admin = await b.newPage();
    await b.signIn(admin, 'admin@sumedang.demo');
    await admin.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Administrasi' }).click();
    await admin.locator('main').getByRole('link', { name: 'Pengaturan', exact: true }).click();
    const form = admin.getByRole('form', { name: 'Dasbor pimpinan: angka untuk publik' });
    await eventually(() => form.getByLabel(KEPT).isVisible()).toBe(true);
    expect(await form.getByRole('checkbox', { checked: true }).count()).toBe(0);
    for (const p of PUBLISHED) await form.getByLabel(p.id, { exact: true }).check();
    await form.getByRole('button', { name: 'Simpan pilihan' }).click();
    await eventually(() => form.getByRole('status').textContent()).toBe('Pilihan angka untuk publik disimpan.');
    expect(await form.getByText('2 angka diterbitkan').isVisible()).toBe(true);
    // The interval of the kept figures, saved after the publication: the publication stays.
    const interval = admin.getByRole('form', { name: 'Dasbor pimpinan: pembacaan angka' });
    await interval.getByLabel('Baca ulang angka daerah setiap (menit)').fill('30');
    await interval.getByRole('button', { name: 'Simpan jarak pembacaan' }).click();
    await eventually(() => interval.getByRole('status').textContent()).toBe('Pengaturan dasbor pimpinan tersimpan.');
    const saved = await b.api<{ pimpinan: { figuresMinutes: number; published: string[] } }>('GET', '/api/regions/32.11/settings', undefined, await b.apiSession('admin@sumedang.demo'));
    expect(saved.pimpinan).toMatchObject({ figuresMinutes: 30, published: PUBLISHED.map((p) => p.ref) });
    expect(await overflowsHorizontally(admin)).toBe(false);
    expect(b.problems(admin)).toEqual([]);

    const page = await b.api<{ figures: { ref: string; value: number | null }[] }>('GET', '/api/regions/32.11/pimpinan/publik');
    expect(page.figures.map((f) => f.ref)).toEqual(PUBLISHED.map((p) => p.ref));

    // A visitor who has not been here (a browser may keep the public answer for a minute).
    const visitor = await b.newPage();
    await visitor.goto(b.url('/r/32.11/dasbor'));
    await eventually(() => visitor.locator('.pimpinan-tile').count()).toBe(2);
    expect(await visitor.getByRole('button', { name: 'Keluar' }).count()).toBe(0);
    for (const [i, p] of PUBLISHED.entries()) {
      const card = visitor.getByRole('article', { name: p.id });
      const value = page.figures[i].value;
      expect(await card.locator('.pimpinan-figure').textContent()).toContain(value === null ? 'Belum ada data' : formatNumber(value, 'id', 2));
      expect(await card.textContent()).toMatch(/Per \d{1,2} \w+ \d{4}, \d{2}\.\d{2} WIB/);
      await card.getByText('Cara menghitung').click();
      await eventually(() => card.locator('.pimpinan-method p').first().isVisible()).toBe(true);
    }
    expect(await visitor.getByRole('article', { name: KEPT }).count()).toBe(0);
    expect(await visitor.locator('main').textContent()).not.toContain(KEPT);
    expect(await visitor.getByRole('link', { name: 'Unduh CSV', exact: true }).getAttribute('href')).toBe('/api/regions/32.11/pimpinan/publik.csv');
    expect(await visitor.getByRole('link', { name: 'Unduh CSV (bahasa Inggris)' }).getAttribute('href')).toBe('/api/regions/32.11/pimpinan/publik.csv?lang=en');
    expect(await visitor.getByRole('link', { name: 'Unduh JSON' }).getAttribute('href')).toBe('/api/regions/32.11/pimpinan/publik');
    expect(await visitor.getByRole('link', { name: 'Katalog DCAT (JSON-LD)' }).getAttribute('href')).toBe('/api/regions/32.11/pimpinan/publik/dcat.jsonld');
    expect(await overflowsHorizontally(visitor)).toBe(false);

    // In English, from the language switch.
    await visitor.getByRole('button', { name: 'English' }).click();
    await eventually(() => visitor.getByRole('heading', { name: 'Headline figures of Kabupaten Sumedang', level: 1 }).isVisible()).toBe(true);
    for (const p of PUBLISHED) await eventually(() => visitor.getByRole('article', { name: p.en }).isVisible()).toBe(true);
    expect(b.problems(visitor)).toEqual([]);
    await visitor.context().close();

    // A month later Pamong has read the figures again: each card lists its months' readings.
    await b.advanceHours(31 * 24);
    await refreshFigures(b.ctx, '32.11');
    const later = await b.newPage();
    await later.goto(b.url('/r/32.11/dasbor'));
    const spbe = later.getByRole('article', { name: PUBLISHED[1].id });
    await spbe.getByText('12 bulan terakhir').click();
    const months = spbe.getByRole('table', { name: 'Indeks SPBE terakhir: bacaan terakhir tiap bulan' });
    await eventually(() => months.locator('tbody tr').count()).toBe(2);
    expect(await months.locator('tbody th').allTextContents()).toEqual(['Nov 2026', 'Des 2026']);
    expect(await overflowsHorizontally(later)).toBe(false);
    expect(b.problems(later)).toEqual([]);
  });
});

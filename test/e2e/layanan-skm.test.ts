// The satisfaction survey (SKM) in Chromium, on the demo region: the
// kecamatan's counter clerk, on a 360 px phone, enters a paper form for the
// certificate of low income (nine questions, 1–4 each), and the month's
// result then counts one respondent more; anyone sees each published
// service's index and band on the public catalogue.
import { expect, it } from 'vitest';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

describeInBrowser('Satisfaction survey in Chromium', (b) => {
  it('lets counter staff enter a paper form on a phone, and the result changes', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await b.signIn(page, 'loket.sumsel@sumedang.demo');
    const month = new Date(b.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
    const respondents = async () => {
      await page.goto(b.url(`/staff/32.11/layanan/skm?period=${month}`));
      await eventually(() => page.locator('.skm-index').isVisible()).toBe(true);
      return Number((await page.locator('section[aria-label="Semua layanan"] p.small').first().textContent())!.match(/(\d+) responden/)![1]);
    };
    const before = await respondents();

    await page.getByRole('link', { name: 'Isi formulir kertas' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Isi formulir SKM' }).isVisible()).toBe(true);
    await page.getByLabel('Layanan', { exact: true }).selectOption({ label: 'Surat Keterangan Tidak Mampu (SKTM) (Kecamatan Sumedang Selatan)' });
    expect(await page.locator('fieldset.skm-question').count()).toBe(9);
    for (let i = 1; i <= 9; i++) await page.locator(`input[name="U${i}"][value="${i === 4 ? 3 : 4}"]`).check();
    expect(await page.getByText('Dikelola dengan baik').isVisible()).toBe(true); // U8's own answer label
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Simpan formulir' }).click();
    await eventually(() => page.getByText('Formulir tersimpan (1 pada sesi ini).').isVisible()).toBe(true);

    expect(await respondents()).toBe(before + 1);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });

  it('shows anyone the published services\' satisfaction index and band', async () => {
    const page = await b.newPage({ viewport: PHONE });
    await page.goto(b.url('/r/32.11/layanan'));
    await eventually(() => page.locator('.layanan-skm-list li').count()).toBe(3);
    const sktm = page.locator('.layanan-skm-list li', { hasText: 'Surat Keterangan Tidak Mampu' });
    expect(await sktm.textContent()).toMatch(/Indeks \d{2},\d{2} · A Sangat baik/);
    expect(await page.locator('.layanan-skm-list li', { hasText: 'Rekomendasi UKL-UPL' }).textContent()).toContain('C Kurang baik');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(b.problems(page)).toEqual([]);
  });
});

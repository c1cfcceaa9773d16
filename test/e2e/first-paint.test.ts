// On a slow phone the report form's first step comes with the HTML, painted
// by the server, one round trip before the app's script. These tests hold the
// script back, as a slow connection does, and check that the person can
// start, that the app keeps their choice when it takes over, and that the
// painted form works by itself when sent before the app has arrived.
import { expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { describeInBrowser, eventually } from './browser.js';

/** Holds the app's entry script until `release` is called. */
async function holdScript(page: Page): Promise<{ release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route: Route) => {
    await released;
    await route.continue();
  });
  return { release };
}

/** Opens a page without waiting for its (held) script: a module script holds DOMContentLoaded back. */
async function openPainted(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('form[data-first-paint]').waitFor();
}

/** The app has drawn the form itself (its choices are named `category`; the painted ones `kategori`). */
const appForm = (page: Page) => page.locator('form:not([data-first-paint]) input[name="category"]').first();

describeInBrowser('the report form painted by the server', (b) => {
  it('shows the categories before the script arrives and keeps the choice when the app takes over', async () => {
    const page = await b.newPage();
    const script = await holdScript(page);
    await openPainted(page, b.url('/r/32.11/lapor'));
    expect(await page.locator('form[data-first-paint]').count()).toBe(1);
    expect(await page.title()).toBe('Buat laporan · Pamong');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Buat laporan');
    expect(await page.getByRole('heading', { name: 'Apa masalahnya?' }).isVisible()).toBe(true);
    expect(await page.locator('.step-count').textContent()).toBe('Langkah 1 dari 6');
    expect(await page.locator('.brand-region').textContent()).toBe('Kabupaten Sumedang');
    // Styled already: the stylesheet came inside the HTML.
    expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await page.getByLabel('Sampah menumpuk').check();
    expect(await appForm(page).count()).toBe(0);

    script.release();
    await eventually(() => appForm(page).count()).toBeGreaterThan(0);
    expect(await page.locator('form[data-first-paint]').count()).toBe(0);
    expect(await page.getByLabel('Sampah menumpuk').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Ceritakan lebih lanjut' }).isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('goes on from the painted form sent before the app arrived: the category is in the address', async () => {
    const page = await b.newPage();
    const script = await holdScript(page);
    await openPainted(page, b.url('/r/32.11/lapor'));
    await page.getByRole('button', { name: 'Lanjut' }).click();
    // Nothing chosen: the browser itself asks for a choice and stays.
    expect(new URL(page.url()).search).toBe('');
    await page.getByLabel('Jalan rusak atau berlubang').check();
    await Promise.all([page.waitForURL(/kategori=/, { waitUntil: 'commit' }), page.getByRole('button', { name: 'Lanjut' }).click({ noWaitAfter: true })]);
    await page.locator('form[data-first-paint]').waitFor();
    expect(await page.getByLabel('Jalan rusak atau berlubang').isChecked()).toBe(true);

    script.release();
    await eventually(() => page.getByRole('heading', { name: 'Ceritakan lebih lanjut' }).isVisible()).toBe(true);
    // The category's own question is asked: the app knows which category it is.
    expect(await page.getByText('Seberapa parah kerusakannya?').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Kembali' }).click();
    expect(await page.getByLabel('Jalan rusak atau berlubang').isChecked()).toBe(true);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('opens a link naming a category by its code at the details, in English for someone who chose it', async () => {
    const page = await b.newPage();
    await page.context().addCookies([{ name: 'pamong_lang', value: 'en', url: b.url('/') }]);
    const script = await holdScript(page);
    await openPainted(page, b.url('/r/32.11/lapor?kategori=sampah'));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { name: 'What is the problem?' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Uncollected rubbish').isChecked()).toBe(true);
    script.release();
    await eventually(() => page.locator('#description').isVisible()).toBe(true);
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });

  it('leaves a region that does not exist to the app', async () => {
    const page = await b.newPage();
    const answer = await page.request.get(b.url('/r/99.99/lapor'));
    expect(answer.status()).toBe(200);
    expect(await answer.text()).not.toContain('data-first-paint');
    await page.goto(b.url('/r/99.99/lapor'));
    await eventually(() => page.getByRole('alert').first().isVisible()).toBe(true);
    await page.context().close();
  });
});

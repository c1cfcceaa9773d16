// What staff meet first: where sign-in lands each role, the dispatch note
// reaching the timeline, dashboard times in readable units marked as estimates,
// the audit log in words with filters, selects and tables that fit a phone and
// a desk screen, a footer that fits the module, and a visible focus ring.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, eventually, overflowsHorizontally, PHONE } from './browser.js';

const R = '/api/regions/32.11';
const DESK = { width: 1366, height: 768 };
const desk = { viewport: DESK, isMobile: false, hasTouch: false };

/** Selects whose chosen option's text is wider than the box shows (the user reads half a word). */
async function clippedSelects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    return [...document.querySelectorAll('select')].filter((s) => s.offsetParent !== null).flatMap((s) => {
      const style = getComputedStyle(s);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = s.selectedOptions[0]?.text ?? '';
      // Padding on both sides and about 1.5rem for the arrow.
      const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 1.5 * parseFloat(style.fontSize);
      return canvas.measureText(text).width > room ? [`${s.id || s.name}: "${text}" in ${s.clientWidth}px`] : [];
    });
  });
}

/**
 * Focuses every visible control (as the keyboard would) and returns those whose
 * focus ring has less than 3:1 contrast against the colour it is drawn on.
 */
async function weakFocusRings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgba = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number).concat([1]).slice(0, 4) as [number, number, number, number];
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    /** The opaque colour behind an element's outside: its ancestors' backgrounds composited over white. */
    const behind = (el: Element) => {
      const layers: number[][] = [];
      for (let p = el.parentElement; p; p = p.parentElement) {
        const c = rgba(getComputedStyle(p).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] === 1) break;
      }
      return layers.reverse().reduce((under, [r, g, b, a]) => [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)], [255, 255, 255]);
    };
    const contrast = (a: number[], b: number[]) => {
      const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
      return (x + 0.05) / (y + 0.05);
    };
    const weak: string[] = [];
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea')]
      .filter((el) => el.offsetParent !== null && !(el as HTMLButtonElement).disabled && getComputedStyle(el).visibility !== 'hidden');
    for (const el of controls) {
      el.focus({ focusVisible: true } as FocusOptions);
      if (document.activeElement !== el) continue;
      const style = getComputedStyle(el);
      const ratio = style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 0 : contrast(rgba(style.outlineColor), behind(el));
      if (ratio < 3) weak.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 30)}": ${ratio.toFixed(2)}:1`);
      el.blur();
    }
    return weak;
  });
}

describeInBrowser('what staff meet', (b) => {
  let trackingCode = '';
  let complaintId = '';

  beforeAll(async () => {
    const categories = await b.api<{ id: string; code: string }[]>('GET', `${R}/categories`);
    const road = categories.find((c) => c.code === 'jalan-rusak')!;
    const filed = await b.api<{ id: string; trackingCode: string }>('POST', `${R}/complaints`, {
      categoryId: road.id, description: 'Lubang besar di Jalan Angkrek dekat pasar, membahayakan pemotor', answers: { tingkat_kerusakan: 'berat' },
    });
    trackingCode = filed.trackingCode;
    complaintId = filed.id;
  });

  it.each([
    ['bupati@sumedang.demo', '/staff/32.11/pimpinan'],
    ['spbe@sumedang.demo', '/staff/32.11/spbe'],
    ['inspektorat@sumedang.demo', '/staff/32.11/spbe'],
    ['admin@pamong.demo', '/staff/32/admin'],
    ['admin@sumedang.demo', '/staff/32.11/admin'],
    ['koordinator@sumedang.demo', '/staff/32.11'],
    ['loket@sumedang.demo', '/staff/32.11'],
    // A unit officer with no complaint and no SPBE task still lands on the inbox.
    ['petugas.kominfo@sumedang.demo', '/staff/32.11'],
  ])('lands %s where their work is, %s', async (email, path) => {
    const page = await b.newPage();
    await b.signIn(page, email);
    await eventually(() => new URL(page.url()).pathname).toBe(path);
    await page.context().close();
  });

  it('lands a unit officer on SPBE when their unit has indicators to fill and no complaint waits', async () => {
    const coordinator = await b.apiSession('spbe@sumedang.demo');
    const frameworks = await b.api<{ code: string; versions: { id: string; version: number }[] }[]>('GET', '/api/spbe/frameworks');
    const version = frameworks.find((f) => f.code === 'pemdi-2026')!.versions[0];
    const doc = await b.api<{ document: { indicators: { code: string }[] } }>('GET', `/api/spbe/frameworks/pemdi-2026/versions/${version.version}`);
    const units = await b.api<{ id: string; code: string }[]>('GET', `${R}/units`, undefined, await b.apiSession('admin@sumedang.demo'));
    const kominfo = units.find((u) => u.code === 'DISKOMINFO')!.id;
    const ev = await b.api<{ id: string }>('POST', `${R}/spbe/evaluations`, { year: 2026, versionId: version.id }, coordinator);
    await b.api('PUT', `${R}/spbe/evaluations/${ev.id}/assignments`, { assignments: doc.document.indicators.map((i) => ({ indicator: i.code, unitId: kominfo })) }, coordinator);
    await b.api('POST', `${R}/spbe/evaluations/${ev.id}/advance`, { to: 'self_assessment' }, coordinator);
    const page = await b.newPage();
    await b.signIn(page, 'petugas.kominfo@sumedang.demo');
    await eventually(() => new URL(page.url()).pathname).toBe('/staff/32.11/spbe');
    await page.context().close();
  });

  it('keeps the coordinator\'s note when dispatching, on a desk screen and a phone', async () => {
    for (const opts of [desk, {}]) {
      const page = await b.newPage(opts);
      await b.signIn(page, 'koordinator@sumedang.demo');
      if (opts === desk) {
        await page.goto(b.url(`/staff/32.11/complaints/${complaintId}`));
        await page.getByLabel('Catatan (opsional)').fill('Mohon ditangani sebelum musim hujan');
        await page.getByRole('button', { name: 'Teruskan', exact: true }).click();
        await eventually(() => page.locator('.timeline').textContent()).toContain('Mohon ditangani sebelum musim hujan');
      } else {
        await page.goto(b.url(`/staff/32.11/complaints/${complaintId}`));
        await eventually(() => page.locator('.timeline').textContent()).toContain('Mohon ditangani sebelum musim hujan');
        expect(await overflowsHorizontally(page)).toBe(false);
      }
      expect(b.problems(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('shows a 2-minute response time as under 5 minutes, and says medians are estimates', async () => {
    const officer = await b.apiSession('petugas.pupr@sumedang.demo');
    await b.advanceHours(2 / 60);
    await b.api('POST', `${R}/complaints/${complaintId}/actions`, { action: 'respond', message: 'Tim menuju lokasi.' }, officer);
    for (const opts of [desk, {}]) {
      const page = await b.newPage(opts);
      await b.signIn(page, 'bupati@sumedang.demo');
      await page.goto(b.url('/staff/32.11/dasbor'));
      const tile = page.locator('[data-metric="responseTimeMedian"]').first();
      // The bucket it is known to, not a made-up figure inside it ("30 menit" before the minute buckets).
      await eventually(() => tile.locator('dd').textContent()).toBe('< 5 menit');
      expect(await tile.locator('dt').textContent()).toBe('Median waktu tanggapan (perkiraan)');
      // The tile points to the explanation of how the estimate is made.
      const note = await tile.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${note}"]`).textContent()).toContain('ditampilkan sebagai kelompok tempat nilainya berada');
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await clippedSelects(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('shows the audit log in words, filtered by record, person and date', async () => {
    for (const opts of [desk, {}]) {
      const page = await b.newPage(opts);
      await b.signIn(page, 'admin@sumedang.demo');
      await page.goto(b.url('/staff/32.11/admin/audit'));
      await page.getByLabel('Catatan (kode pelacakan)').fill(trackingCode.toLowerCase());
      await page.getByRole('button', { name: 'Saring', exact: true }).click();
      const entries = page.locator('.audit-entry');
      await eventually(() => entries.count()).toBe(2);
      expect(await entries.nth(1).textContent()).toBe(
        `Pengaduan: Verifikasi dan teruskan2 Nov 2026, 09.00 WIBPengaduan: ${trackingCode}oleh Siti Koordinator (koordinator@sumedang.demo)Menunggu verifikasi → Diteruskan ke perangkat daerah`);
      expect(await entries.nth(0).textContent()).toContain('Diteruskan ke perangkat daerah → Sedang ditangani');
      // Filters are in the address; a person narrows further, a date range outside empties the list.
      expect(new URL(page.url()).searchParams.get('catatan')).toBe(trackingCode.toLowerCase());
      await page.getByLabel('Orang (nama atau email)').fill('koordinator');
      await page.getByRole('button', { name: 'Saring', exact: true }).click();
      await eventually(() => entries.count()).toBe(1);
      await page.getByLabel('Dari tanggal').fill('2026-11-03');
      await page.getByRole('button', { name: 'Saring', exact: true }).click();
      await eventually(() => page.getByText('Tidak ada catatan yang cocok dengan saringan ini.').isVisible()).toBe(true);
      await page.getByRole('link', { name: 'Hapus saringan' }).click();
      await eventually(() => entries.count()).toBe(2);
      expect(await page.getByLabel('Dari tanggal').inputValue()).toBe('');
      expect(await page.locator('main').textContent()).not.toMatch(/\b(to|from): /);
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(b.problems(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('fits the escalation ladder, and every select and table of the staff pages, at 1366 px and 360 px', async () => {
    const pages = ['/staff/32.11', `/staff/32.11/complaints/${complaintId}`, '/staff/32.11/dasbor', '/staff/32.11/loket', '/staff/32.11/admin/pengaturan',
      '/staff/32.11/admin/batas-waktu', '/staff/32.11/admin/disposisi', '/staff/32.11/admin/hari-libur', '/staff/32.11/admin/audit'];
    for (const opts of [desk, { viewport: PHONE }]) {
      const page = await b.newPage(opts);
      await b.signIn(page, 'admin@sumedang.demo');
      for (const path of pages) {
        await page.goto(b.url(path));
        await eventually(() => page.locator('main h1').count()).toBe(1);
        await page.waitForLoadState('networkidle');
        // On a phone the native picker shows a long unit name in full; on a desk screen the box must.
        if (opts === desk) expect(await clippedSelects(page), path).toEqual([]);
        expect(await overflowsHorizontally(page), `${path} at ${page.viewportSize()!.width}px`).toBe(false);
      }
      // The ladder's longest role, spelled out in full, fits its box.
      await page.goto(b.url('/staff/32.11/admin/pengaturan'));
      const role = page.getByRole('group', { name: 'Langkah 1' }).getByLabel('Beri tahu');
      await role.selectOption({ label: 'Koordinator pengaduan' });
      expect(await clippedSelects(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('says in the footer what this part of Pamong is', async () => {
    const page = await b.newPage(desk);
    await b.signIn(page, 'spbe@sumedang.demo');
    const footer = page.locator('.site-footer');
    await eventually(() => footer.textContent()).toContain('evaluasi SPBE');
    expect(await footer.textContent()).not.toContain('pengaduan');
    await page.goto(b.url('/r/32.11'));
    await eventually(() => footer.textContent()).toContain('layanan pengaduan masyarakat');
    await page.goto(b.url('/notifikasi'));
    await eventually(() => footer.textContent()).toContain('platform layanan digital pemerintah daerah');
    await page.context().close();
  });

  it('draws a focus ring of at least 3:1 against every background it appears on', async () => {
    for (const opts of [desk, {}]) {
      const page = await b.newPage(opts);
      await page.goto(b.url('/r/32.11'));
      await eventually(() => page.locator('main h1').count()).toBe(1);
      expect(await weakFocusRings(page)).toEqual([]);
      await b.signIn(page, 'koordinator@sumedang.demo');
      for (const path of ['/staff/32.11', `/staff/32.11/complaints/${complaintId}`, '/staff/32.11/dasbor']) {
        await page.goto(b.url(path));
        await eventually(() => page.locator('main h1').count()).toBe(1);
        await page.waitForLoadState('networkidle');
        expect(await weakFocusRings(page), path).toEqual([]);
      }
      await page.context().close();
    }
  });
});

// The report form's first step, painted into the HTML by the server
// (http/first-paint.ts): what it says, in which language, and that nothing a
// region admin types can become markup. The browser side (the app taking
// over) is test/e2e/first-paint.test.ts.
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';

const built = existsSync(new URL('../../../web/dist/index.html', import.meta.url));

describeWithApp('the report form painted by the server', (h) => {
  it.runIf(built)('paints the active categories as a plain form, grouped, with the inline styles and the page title', async () => {
    const page = await h.api('GET', '/r/32.11/lapor');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = page.raw;
    expect(html).toContain('<title>Buat laporan · Pamong</title>');
    expect(html).toMatch(/<form class="card report-form" method="get" action="\/r\/32\.11\/lapor" data-first-paint>/);
    expect(html).toContain('<span class="brand-region">Kabupaten Sumedang</span>');
    expect(html).toContain('<legend>Infrastruktur</legend>');
    const categories = (await h.api('GET', '/api/regions/32.11/categories')).body as { id: string; nameId: string }[];
    const painted = [...html.matchAll(/<input type="radio" name="kategori" value="([^"]+)" required>/g)].map((m) => m[1]);
    expect(painted.sort()).toEqual(categories.map((c) => c.id).sort());
    expect(html).toMatch(/<style>[^<]*\.site-header/);
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    // Compressed like every answer: on a slow phone each KB costs 20 ms.
    const compressed = await h.app.inject({ method: 'GET', url: '/r/32.11/lapor', headers: { 'accept-encoding': 'br' } });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.rawPayload.length).toBeLessThan(html.length / 3);
  });

  it.runIf(built)('checks the category the address names, and speaks the language the app will speak', async () => {
    // The browser's language does not decide: the app takes Indonesian unless the person chose English (its cookie).
    const browserSaysEnglish = await h.api('GET', '/r/32.11/lapor', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(browserSaysEnglish.raw).toContain('<html lang="id">');
    expect(browserSaysEnglish.raw).toContain('<h2 tabindex="-1">Apa masalahnya?</h2>');
    const html = (await h.api('GET', '/r/32.11/lapor?kategori=sampah', { headers: { cookie: 'pamong_lang=en' } })).raw;
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2 tabindex="-1">What is the problem?</h2>');
    expect(html).toMatch(/value="[^"]+" required checked><span>Uncollected rubbish<\/span>/);
    expect(html.match(/ checked>/g)).toHaveLength(1);
  });

  it.runIf(built)('escapes what a region admin wrote, and leaves other pages and unknown regions to the app', async () => {
    const admin = await h.signIn('admin@sumedang.demo');
    const saved = await h.api('POST', '/api/regions/32.11/admin/categories', { session: admin, body: {
      code: 'xss', nameId: '<img src=x onerror=alert(1)>"Air"', nameEn: 'Water', group: '</legend><script>alert(2)</script>',
    } });
    expect(saved.status, saved.raw).toBe(201);
    const html = (await h.api('GET', '/r/32.11/lapor')).raw;
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;Air&quot;');
    expect(html).toContain('&lt;/legend&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert(2)');
    for (const path of ['/r/99.99/lapor', '/r/32.11/lacak', '/r/32.11/lapor/lain']) {
      const other = await h.api('GET', path);
      expect([path, other.status, other.raw.includes('data-first-paint')]).toEqual([path, 200, false]);
    }
  });
});

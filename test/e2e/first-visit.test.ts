// What a citizen's phone receives on a first visit: compressed answers, JSON
// included; only the citizen pages' script (no staff, dashboard or SPBE code
// or texts); the report form's data asked for while that script downloads,
// and asked for once. The time on a slow connection is in bench/slow3g.ts.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { REPORT_FORM } from '../../bench/page-weight.js';
import { describeInBrowser, eventually } from './browser.js';

const indexHtml = readFileSync(fileURLToPath(new URL('../../web/dist/index.html', import.meta.url)), 'utf8');
const entryScript = /<script type="module"[^>]* src="([^"]+)"/.exec(indexHtml)?.[1];

/** A GET whose answer is read as sent (fetch would decompress it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body });
      });
    }).on('error', reject).end();
  });
}

describeInBrowser('a citizen\'s first visit', (b) => {
  it('compresses JSON answers the client accepts compressed, Brotli first, and leaves tiny ones alone', async () => {
    const categories = b.url('/api/regions/32.11/categories');
    const plain = await rawGet(categories, {});
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const br = await rawGet(categories, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-type']).toMatch(/application\/json/);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.bytes).toBeLessThan(plain.bytes / 2);

    const gzip = await rawGet(categories, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');

    // The region profile is a few hundred bytes: compressing it would not pay.
    const profile = await rawGet(b.url('/api/regions/32.11'), { 'accept-encoding': 'br' });
    expect(profile.headers['content-encoding']).toBeUndefined();
  });

  it('sends the same JSON whether it is compressed in one call (up to 256 KB) or streamed (larger)', async () => {
    for (const path of ['/api/regions/32.11/categories', '/api/docs/json']) {
      const plain = await rawGet(b.url(path), {});
      const br = await rawGet(b.url(path), { 'accept-encoding': 'br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    }
    expect((await rawGet(b.url('/api/docs/json'), {})).bytes).toBeGreaterThan(256 * 1024);
  });

  it('caches the hashed script for good and the reference data for a while, never the HTML', async () => {
    expect(entryScript).toMatch(/^\/assets\/index-.+\.js$/);
    const script = await rawGet(b.url(entryScript!), { 'accept-encoding': 'br' });
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-encoding']).toBe('br');
    for (const encoding of ['br', 'identity']) expect((await rawGet(b.url(REPORT_FORM), { 'accept-encoding': encoding })).headers['cache-control']).toBe('no-cache');
    expect((await rawGet(b.url('/api/regions/32.11/areas'), {})).headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect((await rawGet(b.url('/api/regions/32.11/categories'), {})).headers['cache-control']).toMatch(/^public, max-age=\d+/);
  });

  it('loads only the citizen pages\' script, and asks for the form\'s data once, while that script downloads', async () => {
    const page = await b.newPage();
    const scripts: { url: string; body: string }[] = [];
    const asked: { path: string; at: number }[] = [];
    let scriptArrived = Infinity;
    page.on('request', (req) => asked.push({ path: new URL(req.url()).pathname, at: performance.now() }));
    page.on('response', async (res) => {
      if (res.request().resourceType() !== 'script') return;
      scriptArrived = Math.min(scriptArrived, performance.now());
      scripts.push({ url: new URL(res.url()).pathname, body: (await res.body()).toString() });
    });
    // Every request takes 300 ms more: the script cannot be there before the data's requests start.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: -1, uploadThroughput: -1 });
    await page.goto(b.url(REPORT_FORM));
    await eventually(() => page.getByRole('radio').count()).toBeGreaterThan(0);

    await eventually(() => scripts.length).toBe(1);
    expect(scripts[0].url).toBe(entryScript);
    // Neither the staff screens' texts nor their code came with it.
    expect(scripts[0].body).not.toContain('Administrasi daerah');
    expect(scripts[0].body).not.toContain('Isian mandiri');

    for (const path of ['/api/regions/32.11', '/api/regions/32.11/categories', '/api/regions/32.11/areas']) {
      const requests = asked.filter((r) => r.path === path);
      expect(requests, path).toHaveLength(1);
      expect(requests[0].at, path).toBeLessThan(scriptArrived);
    }
    // The inline script that asks early is allowed by the Content-Security-Policy.
    expect(b.problems(page)).toEqual([]);
    await page.context().close();
  });
});

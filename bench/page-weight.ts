// What a citizen's phone downloads on a first visit to the report form: the
// HTML, JavaScript and CSS, each measured gzip-compressed, plus what actually
// crossed the wire (the server sends precompressed Brotli when accepted).
//
//   npx tsx bench/page-weight.ts        (needs `npm run build:web` and Chromium)
//
// The 200 KB budget itself is asserted in test/e2e/citizen-pages.test.ts.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM, withDemoInBrowser } from './browser.js';

export const REPORT_FORM = '/r/32.11/lapor';
export const BUDGET_BYTES = 200 * 1024;
/**
 * The report form's scripts as sent (Brotli). On slow 3G (bench/slow3g.ts) they
 * start after the HTML (2 s) and a request's latency (2 s); at 50 KB/s 40 KB
 * take 0.8 s more, which leaves room to run before the 5 s goal. React alone
 * was 55 KB of it: the app runs on preact/compat (web/vite.config.ts).
 */
export const SCRIPT_WIRE_BUDGET_BYTES = 40 * 1024;

export interface PageWeight {
  files: { path: string; type: string; bytes: number; gzipBytes: number; wireBytes: number }[];
  /** Sum of the gzip sizes of the HTML, JS and CSS loaded. */
  gzipBytes: number;
  /** Response bodies as transferred (Brotli here). */
  wireBytes: number;
}

const counted = new Set(['document', 'script', 'stylesheet']);

/** Loads a page in a fresh profile (nothing cached) and weighs what it loaded. */
export async function measureFirstVisit(page: Page, url: string): Promise<PageWeight> {
  const pending: Promise<PageWeight['files'][number] | null>[] = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (!counted.has(type) || res.status() !== 200) return;
    pending.push((async () => {
      const body = await res.body();
      const sizes = await res.request().sizes();
      return { path: new URL(res.url()).pathname, type, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length, wireBytes: sizes.responseBodySize };
    })().catch(() => null));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const files = (await Promise.all(pending)).filter((f): f is PageWeight['files'][number] => f !== null);
  return { files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0), wireBytes: files.reduce((s, f) => s + f.wireBytes, 0) };
}

export function describeWeight(w: PageWeight): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows = w.files.map((f) => `  ${f.type.padEnd(10)} ${f.path.padEnd(36)} ${kb(f.bytes).padStart(9)} raw ${kb(f.gzipBytes).padStart(9)} gzip ${kb(f.wireBytes).padStart(9)} on the wire`);
  return [`First visit to ${REPORT_FORM}:`, ...rows, `  total: ${kb(w.gzipBytes)} gzip (budget ${kb(BUDGET_BYTES)}), ${kb(w.wireBytes)} on the wire`].join('\n');
}

/** Serves the demo on an embedded database and weighs a first visit in headless Chromium; null without Chromium. */
export const firstVisitWeight = () => withDemoInBrowser(async (browser, url) => {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true })).newPage();
  return measureFirstVisit(page, url(REPORT_FORM));
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const weight = await firstVisitWeight();
  console.log(weight ? describeWeight(weight) : `No Chromium at ${CHROMIUM}`);
}

// A citizen's first visit to the report form on a slow 3G phone connection:
// headless Chromium with a cold cache, the network throttled through the
// DevTools protocol, timed until the form can be used.
//
//   npx tsx bench/slow3g.ts             (needs `npm run build:web` and Chromium)
//   BENCH_ONLY=slow3g npm run bench     the same inside the bench's summary
//
// "Usable" means the category choices are on the screen, painted: in the DOM
// (drawn by the server, src/platform/http/first-paint.ts, or by the app) and
// after the page's first contentful paint, with the description field, where
// the form shows it, enabled. The moment the app has taken over (its own
// choices drawn) is reported too. CDP adds its latency to every request (not
// once per connection) and shares the bandwidth between the requests in
// flight. The CPU is not throttled: this measures the network.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { CHROMIUM, withDemoInBrowser } from './browser.js';
import { REPORT_FORM } from './page-weight.js';
import { median } from './support.js';

export const SLOW_3G = { latencyMs: 2000, kbitPerSecond: 400 };
export const GOAL_MS = 5000;

export interface Visit {
  /** Milliseconds from the start of the navigation until the form is usable. */
  usableMs: number;
  /** Until the app's script has drawn the form itself. */
  appMs: number;
  /** What the page loaded, in the order it started. */
  requests: { path: string; startMs: number; endMs: number; wireBytes: number }[];
}

export interface Slow3g {
  visits: Visit[];
  minMs: number;
  medianMs: number;
  maxMs: number;
  /** Median time until the app had drawn the form itself. */
  appMedianMs: number;
}

/**
 * Marks the moment the form becomes usable, in the page's own clock (ms since
 * the navigation started). Plain text: tsx would wrap a function's inner
 * functions in a helper the page does not have.
 */
const watchUsable = `
  const choices = () => document.querySelector('input[name="category"], form[data-first-paint] input[type="radio"]');
  const usable = () => {
    if (!choices()) return false;
    const description = document.querySelector('#description');
    return !description || !description.disabled;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__paintedAt = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__inDomAt === undefined && usable()) window.__inDomAt = performance.now();
    if (window.__appAt === undefined && document.querySelector('input[name="category"]')) {
      window.__appAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
`;

type Watched = { __inDomAt?: number; __paintedAt?: number; __appAt?: number };

async function visit(browser: Browser, url: string): Promise<Visit> {
  // A new context is a new profile: nothing cached, no cookies.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'id-ID' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const bytesPerSecond = (SLOW_3G.kbitPerSecond * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: SLOW_3G.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond,
    });
    await page.addInitScript({ content: watchUsable });
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => {
      const w = window as unknown as Watched;
      return w.__inDomAt !== undefined && w.__paintedAt !== undefined && w.__appAt !== undefined;
    }, null, { timeout: 120_000, polling: 100 });
    return await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      const w = window as unknown as Required<Watched>;
      return {
        usableMs: Math.max(w.__inDomAt, w.__paintedAt),
        appMs: w.__appAt,
        requests: entries
          .map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, startMs: e.startTime, endMs: e.responseEnd, wireBytes: e.transferSize }))
          .sort((a, b) => a.startMs - b.startMs),
      };
    });
  } finally {
    await context.close();
  }
}

/** Several cold visits to the report form on the throttled connection; null without Chromium. */
export async function slow3gBench(rounds: number): Promise<Slow3g | null> {
  return withDemoInBrowser(async (browser, url) => {
    const visits: Visit[] = [];
    for (let i = 0; i < rounds; i++) visits.push(await visit(browser, url(REPORT_FORM)));
    const times = visits.map((v) => v.usableMs);
    return { visits, minMs: Math.min(...times), medianMs: median(times), maxMs: Math.max(...times), appMedianMs: median(visits.map((v) => v.appMs)) };
  });
}

/** The requests of the median visit, as a timeline. */
export function describeVisit(r: Slow3g): string {
  const sorted = [...r.visits].sort((a, b) => a.usableMs - b.usableMs);
  const v = sorted[Math.floor((sorted.length - 1) / 2)];
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `Median visit to ${REPORT_FORM} (latency ${SLOW_3G.latencyMs} ms per request, ${SLOW_3G.kbitPerSecond} kbit/s):`,
    ...v.requests.map((q) => `  ${s(q.startMs).padStart(7)} → ${s(q.endMs).padStart(7)} ${(q.wireBytes / 1024).toFixed(1).padStart(6)} KB  ${q.path}`),
    `  usable at ${s(v.usableMs)}; the app took over at ${s(v.appMs)}`,
  ].join('\n');
}

export const describeTimes = (r: Slow3g) => `${(r.medianMs / 1000).toFixed(2)} s median (min ${(r.minMs / 1000).toFixed(2)}, max ${(r.maxMs / 1000).toFixed(2)}, ${r.visits.length} cold visits; the app took over at ${(r.appMedianMs / 1000).toFixed(2)} s median)`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await slow3gBench(Number(process.env.BENCH_SLOW3G_ROUNDS ?? 5));
  console.log(r ? `${describeTimes(r)}\n${describeVisit(r)}` : `No Chromium at ${CHROMIUM}`);
}

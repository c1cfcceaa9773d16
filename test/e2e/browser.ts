// Browser journeys: a real server on a real (PGlite) database seeded with the
// demo region, the built web app, and Debian's Chromium driven by playwright-core.
// Each test file gets its own server, database and browser.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../src/platform/context.js';
import { buildServer } from '../../src/server.js';
import { DEMO_PASSWORD } from '../../src/demo/seed.js';
import { cloneDatabase, testConfig } from '../harness.js';
import { builtFingerprint, sourceFingerprint } from '../../web/build.js';
import { TestClock } from '../clock.js';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
const web = fileURLToPath(new URL('../../web', import.meta.url));

/** A phone: the smallest screen the app must fit without sideways scrolling. */
export const PHONE = { width: 360, height: 740 };

export interface ApiSession {
  cookie: string;
  csrf: string;
}

export interface BrowserHarness {
  ctx: AppContext;
  clock: TestClock;
  browser: Browser;
  url(path: string): string;
  /**
   * A fresh browser profile (own cookies), phone-sized unless told otherwise,
   * in a time zone far from Indonesia (dates must follow the region, not the
   * browser), with its clock following the server's test clock.
   */
  newPage(opts?: BrowserContextOptions): Promise<Page>;
  /** Moves the server's clock and every open page's clock. */
  advanceHours(hours: number): Promise<void>;
  /** Signs in through the sign-in page. */
  signIn(page: Page, email: string): Promise<void>;
  /** Calls the JSON API directly (for setup), anonymously or with a session from apiSession. */
  api<T = unknown>(method: string, path: string, body?: unknown, session?: ApiSession): Promise<T>;
  apiSession(email: string): Promise<ApiSession>;
  /** Script errors and Content-Security-Policy violations seen on a page. */
  problems(page: Page): string[];
}

export function describeInBrowser(name: string, body: (b: BrowserHarness) => void): void {
  if (!existsSync(CHROMIUM)) {
    const reason = `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
    if (process.env.PAMONG_REQUIRE_BROWSER === '1') {
      describe(name, () => {
        it('runs in Chromium', () => {
          throw new Error(`${reason}; PAMONG_REQUIRE_BROWSER=1 requires the browser journeys to run`);
        });
      });
    } else {
      console.warn(`[e2e] skipping "${name}": ${reason}`);
      describe.skip(`${name} (skipped: ${reason})`, () => body({} as BrowserHarness));
    }
    return;
  }

  describe(name, () => {
    const b = {} as BrowserHarness;
    let app: FastifyInstance;
    let base = '';
    const contexts: BrowserContext[] = [];
    const seen = new WeakMap<Page, string[]>();

    beforeAll(async () => {
      checkWebBuild();
      const database = await cloneDatabase('pglite', 'demo');
      b.clock = new TestClock();
      b.ctx = { database, config: testConfig(), clock: b.clock };
      app = await buildServer(b.ctx);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('server has no port');
      base = `http://127.0.0.1:${address.port}`;
      b.browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    });

    afterAll(async () => {
      await b.browser?.close();
      await app?.close();
      await b.ctx?.database.close();
    });

    b.url = (path) => `${base}${path}`;
    b.newPage = async (opts = {}) => {
      const context = await b.browser.newContext({
        viewport: PHONE, isMobile: true, hasTouch: true, locale: 'id-ID', timezoneId: 'America/New_York', ...opts,
      });
      await context.clock.setFixedTime(b.clock.now());
      contexts.push(context);
      context.on('close', () => contexts.splice(contexts.indexOf(context), 1));
      const page = await context.newPage();
      const problems: string[] = [];
      seen.set(page, problems);
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
      });
      return page;
    };
    b.advanceHours = async (hours) => {
      b.clock.advanceHours(hours);
      for (const c of contexts) await c.clock.setFixedTime(b.clock.now());
    };
    b.signIn = async (page, email) => {
      await page.goto(b.url('/masuk'));
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await eventually(() => page.getByRole('button', { name: 'Keluar' }).isVisible()).toBe(true);
    };
    b.api = async <T,>(method: string, path: string, body?: unknown, session?: ApiSession) => {
      const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(b.url(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json as T;
    };
    b.apiSession = async (email) => {
      const res = await fetch(b.url('/api/auth/sign-in'), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      if (!res.ok) throw new Error(`sign-in ${email}: ${res.status}`);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pamong_session='))!.split(';')[0];
      return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    };
    b.problems = (page) => seen.get(page) ?? [];

    body(b);
  });
}

/** The journeys test the built app: refuse to run against a missing or stale build. */
function checkWebBuild(): void {
  const index = join(web, 'dist', 'index.html');
  if (!existsSync(index)) throw new Error('web/dist is missing: run `npm run build:web` first (npm test does).');
  // The build records the fingerprint of its sources (web/build.ts): compare contents, not file times.
  if (builtFingerprint() !== sourceFingerprint()) throw new Error('web/dist was built from other sources than web/src: run `npm run build:web` first (npm test does).');
}

/** Polls until the expectation holds: pages render after network calls, and CI machines are slow. */
export const eventually = <T,>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** True when the page is wider than the screen (the user would have to scroll sideways). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** A solid-colour PNG of any size, built by hand (no image library needed). */
export async function pngBuffer(width: number, height: number, rgb: [number, number, number] = [120, 90, 60]): Promise<Buffer> {
  const { crc32, deflateSync } = await import('node:zlib');
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

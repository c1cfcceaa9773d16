// The demo served in-process on an embedded database, opened in headless
// Chromium: shared by the page-weight and slow-connection benches.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Runs `use` against a freshly seeded demo server and a browser; null without Chromium. */
export async function withDemoInBrowser<T>(use: (browser: Browser, url: (path: string) => string) => Promise<T>): Promise<T | null> {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const { openDatabase } = await import('../src/platform/db/client.js');
  const { prepareDatabase } = await import('../src/platform/bootstrap.js');
  const { seedDemo } = await import('../src/demo/seed.js');
  const { loadConfig } = await import('../src/platform/config.js');
  const { systemClock } = await import('../src/platform/context.js');
  const { buildServer } = await import('../src/server.js');

  const database = await openDatabase({});
  await prepareDatabase(database, systemClock.now());
  const ctx = { database, config: { ...loadConfig({}), workers: false, smtp: null }, clock: systemClock };
  await seedDemo(ctx);
  const app = await buildServer(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    return await use(browser, (path) => `http://127.0.0.1:${port}${path}`);
  } finally {
    await browser.close();
    await app.close();
    await database.close();
  }
}

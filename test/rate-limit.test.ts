// Rate limits are counted in the database: two servers on one database (two
// instances behind a load balancer) share every limit, and one address
// spraying a password over many accounts is stopped, not just one account.
// An instance answers the first quarter of a limit from memory and settles it
// within a second, so N instances let through at most max + (N − 1)·⌊max/4⌋
// hits of a key in a window, one instance exactly max (see rate-limit.ts).
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'drizzle-orm';
import { describeWithApp } from './harness.js';
import { buildServer } from '../src/server.js';
import { demoAccounts, DEMO_PASSWORD } from '../src/demo/seed.js';
import Fastify from 'fastify';
import { installRateLimits, purgeRateLimits, SETTLE_MS, type RateLimit } from '../src/platform/http/rate-limit.js';
import { AppError } from '../src/platform/errors.js';

describeWithApp('rate limits across instances', (h) => {
  let second: FastifyInstance;
  let third: FastifyInstance;
  /** Alternates between the two instances, as a load balancer would. */
  let turn = 0;
  const send = (opts: InjectOptions) => (turn++ % 2 === 0 ? h.app : second).inject(opts);
  const signIn = (email: string, password: string, remoteAddress: string) => send({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });

  let categoryId: string;
  beforeAll(async () => {
    second = await buildServer(h.ctx);
    third = await buildServer(h.ctx);
    categoryId = (await h.api('GET', '/api/regions/32.11/categories')).body[0].id;
  });
  afterAll(async () => Promise.all([second?.close(), third?.close()]));

  let filed = 0;
  /** A complaint filed from `address`. */
  const complaint = (address: string): InjectOptions => ({
    method: 'POST', url: '/api/regions/32.11/complaints', remoteAddress: address,
    payload: { categoryId, description: `Laporan berulang dari satu alamat nomor ${filed++}`, answers: { tingkat_kerusakan: 'ringan' } },
  });
  const file = async (app: FastifyInstance, address: string) => (await app.inject(complaint(address))).statusCode;
  /** Files from `address` through `app` until refused; how many went through. */
  const fileUntilRefused = async (app: FastifyInstance, address: string) => {
    let through = 0;
    while ((await file(app, address)) === 201) through++;
    return through;
  };
  const max = () => h.ctx.config.intakePerMinute;
  /** What an instance may let through before the database has heard of a key. */
  const share = () => Math.floor(max() / 4);
  const storedHits = async (address: string) => (await h.ctx.database.rows<{ hits: number }>(sql`select hits from rate_limits where key = ${`intake|${address}`}`))[0]?.hits;

  it('refuses one address that sprays a password over many accounts, with Retry-After', async () => {
    const spray = '203.0.113.7';
    for (let i = 0; i < h.ctx.config.signInFailuresPerAddress; i++) {
      expect((await signIn(`warga${i}@contoh.test`, 'Rahasia-2026!', spray)).statusCode).toBe(401);
    }
    const refused = await signIn('warga-lain@contoh.test', 'Rahasia-2026!', spray);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'request.rate_limited', messages: { id: expect.any(String), en: expect.any(String) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Even the right password waits: the address is slowed down, whoever it tries.
    expect((await signIn('admin@pamong.demo', DEMO_PASSWORD, spray)).statusCode).toBe(429);
    // Another address is not affected, and the window ends.
    expect((await signIn('admin@pamong.demo', DEMO_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
    h.clock.advance(15 * 60_000);
    expect((await signIn('admin@pamong.demo', DEMO_PASSWORD, spray)).statusCode).toBe(200);
  });

  it('does not count successful sign-ins against an office address', async () => {
    const office = '192.0.2.10';
    const accounts = demoAccounts.map((a) => a.email);
    for (let i = 0; i < h.ctx.config.signInFailuresPerAddress * 2; i++) {
      expect((await signIn(accounts[i % accounts.length], DEMO_PASSWORD, office)).statusCode).toBe(200);
    }
  });

  it('shares the intake limit between instances', async () => {
    const address = '203.0.113.20';
    const statuses: number[] = [];
    for (let i = 0; i < max() + 1; i++) statuses.push((await send(complaint(address))).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    const refused = await send(complaint(address));
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(60_000);
    expect((await send(complaint(address))).statusCode).toBe(201);
  });

  it('lets exactly the limit through one instance', async () => {
    expect(await fileUntilRefused(h.app, '203.0.113.30')).toBe(max());
  });

  it('lets at most a quarter of the limit past each other instance, then every instance refuses', async () => {
    const address = '203.0.113.31';
    // The worst case: two instances take their share before the third uses up the limit.
    for (let i = 0; i < share(); i++) {
      expect(await file(second, address)).toBe(201);
      expect(await file(third, address)).toBe(201);
    }
    const through = 2 * share() + await fileUntilRefused(h.app, address);
    expect(through).toBeGreaterThanOrEqual(max());
    expect(through).toBeLessThanOrEqual(max() + 2 * share());
    for (const app of [h.app, second, third]) expect(await file(app, address)).toBe(429);
  });

  it('holds the bound for a concurrent burst over three instances, and lets the limit through', async () => {
    const address = '203.0.113.37';
    const instances = [h.app, second, third];
    const statuses = await Promise.all(Array.from({ length: 6 * max() }, (_, i) => file(instances[i % 3], address)));
    const through = statuses.filter((s) => s === 201).length;
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    expect(through).toBeGreaterThanOrEqual(max());
    expect(through).toBeLessThanOrEqual(max() + 2 * share());
  });

  it('shares the count: an instance new to a used-up key lets through at most its share', async () => {
    const address = '203.0.113.32';
    expect(await fileUntilRefused(h.app, address)).toBe(max());
    expect(await fileUntilRefused(second, address)).toBeLessThanOrEqual(share());
  });

  it('settles counts kept in memory with the database within a second', async () => {
    const address = '203.0.113.33';
    for (let i = 0; i < share(); i++) expect(await file(h.app, address)).toBe(201);
    await vi.waitFor(async () => expect(await storedHits(address)).toBe(share()), { timeout: 3 * SETTLE_MS, interval: 100 });
  });

  it('keeps the count across a restart, and settles what was in memory when stopping', async () => {
    const [used, inMemory] = ['203.0.113.34', '203.0.113.35'];
    const before = await buildServer(h.ctx);
    for (let i = 0; i < max() - 1; i++) expect(await file(before, used)).toBe(201);
    for (let i = 0; i < share(); i++) expect(await file(before, inMemory)).toBe(201);
    await before.close();
    expect(await storedHits(inMemory)).toBe(share());
    const after = await buildServer(h.ctx);
    try {
      const through = await fileUntilRefused(after, used);
      expect(through).toBeGreaterThanOrEqual(1);
      expect(through).toBeLessThanOrEqual(1 + share());
    } finally {
      await after.close();
    }
  });

  it('purges counters a day after their window, and counts afresh afterwards', async () => {
    const address = '203.0.113.36';
    expect(await fileUntilRefused(third, address)).toBe(max());
    expect(await storedHits(address)).toBe(max() + 1); // the refused hit counts too
    h.clock.advance(86_400_000 + 60_000);
    await purgeRateLimits(h.ctx);
    expect(await storedHits(address)).toBeUndefined();
    expect(await fileUntilRefused(third, address)).toBe(max());
  });

  /**
   * A route limited to 4 refusals a minute whose answers all wait for one
   * gate: `burst` requests are in flight at once, as a bank's callbacks are
   * when payments come in together. Statuses of the burst, then of one more
   * request after `refusals` refused ones.
   */
  const burstThenRefusals = async (failuresOnly: RateLimit['failuresOnly'], burst: number, refusals: number) => {
    const app = Fastify();
    installRateLimits(app, h.ctx);
    app.setErrorHandler((err, _request, reply) => reply.status(err instanceof AppError ? err.status : 500).send({ code: (err as AppError).code }));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const limits = [{ name: `burst-${failuresOnly}`, max: 4, windowSeconds: 60, failuresOnly }];
    app.post('/call', { config: { limits } }, async (request, reply) => {
      await gate;
      return reply.status((request.body as { ok: boolean }).ok ? 200 : 401).send({});
    });
    try {
      const call = (ok: boolean) => app.inject({ method: 'POST', url: '/call', payload: { ok }, remoteAddress: '192.0.2.99' });
      const inFlight = Array.from({ length: burst }, () => call(true));
      await new Promise((resolve) => setTimeout(resolve, 200)); // every one has arrived and holds whatever it holds
      open();
      const statuses = (await Promise.all(inFlight)).map((r) => r.statusCode);
      for (let i = 0; i < refusals; i++) await call(false);
      return { statuses, next: (await call(true)).statusCode };
    } finally {
      await app.close();
    }
  };

  it('never refuses a burst of accepted requests on a limit that counts refusals once refused, and still stops the refused', async () => {
    const after = await burstThenRefusals('after', 20, 4);
    expect(after.statuses).toEqual(Array(20).fill(200));
    expect(after.next).toBe(429);
    // Sign-in holds a hit per attempt in flight: a parallel burst of guesses stops at the limit, and an accepted one gives its hit back.
    const held = await burstThenRefusals('held', 20, 0);
    expect(held.statuses.filter((s) => s === 200).length).toBe(4);
    expect(held.statuses.filter((s) => s !== 200)).toEqual(Array(16).fill(429));
    expect(held.next).toBe(429); // the burst's refused attempts are refusals too
  });
}, { config: { signInFailuresPerAddress: 6, intakePerMinute: 8 } });

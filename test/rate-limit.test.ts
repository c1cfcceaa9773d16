// Rate limits are counted in the database: two servers on one database (two
// instances behind a load balancer) share every limit, and one address
// spraying a password over many accounts is stopped, not just one account.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { describeWithApp } from './harness.js';
import { buildServer } from '../src/server.js';
import { demoAccounts, DEMO_PASSWORD } from '../src/demo/seed.js';

describeWithApp('rate limits across instances', (h) => {
  let second: FastifyInstance;
  /** Alternates between the two instances, as a load balancer would. */
  let turn = 0;
  const send = (opts: InjectOptions) => (turn++ % 2 === 0 ? h.app : second).inject(opts);
  const signIn = (email: string, password: string, remoteAddress: string) => send({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });

  beforeAll(async () => {
    second = await buildServer(h.ctx);
    await second.ready();
  });
  afterAll(async () => second?.close());

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
    const categoryId = (await h.api('GET', '/api/regions/32.11/categories')).body[0].id;
    const file = (i: number) => send({
      method: 'POST', url: '/api/regions/32.11/complaints', remoteAddress: '203.0.113.20',
      payload: { categoryId, description: `Laporan berulang dari satu alamat nomor ${i}`, answers: { tingkat_kerusakan: 'ringan' } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < h.ctx.config.intakePerMinute + 1; i++) statuses.push((await file(i)).statusCode);
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    const refused = await file(99);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    h.clock.advance(60_000);
    expect((await file(100)).statusCode).toBe(201);
  });
}, { config: { signInFailuresPerAddress: 6, intakePerMinute: 8 } });

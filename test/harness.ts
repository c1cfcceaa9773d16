// Test harness: a real database per test file (a clone of the migrated
// template, on PGlite and, when PAMONG_TEST_DATABASE_URL is set, on PostgreSQL),
// the real server driven through inject, and a clock the test moves.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import type { AppContext } from '../src/platform/context.js';
import { buildServer } from '../src/server.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { TestClock } from './clock.js';
import { createUser, grantRole, openSession } from '../src/platform/auth/service.js';
import type { Role } from '../src/platform/auth/policy.js';
import { withDatabase, type Template } from './global-setup.js';
import { deadlineHandlers, sweepDeadlines } from '../src/platform/deadlines/sweep.js';

export type Engine = 'pglite' | 'postgres';
export const engines: Engine[] = process.env.PAMONG_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh database: migrated, or migrated with the demo seeded at the test clock's start. */
export async function cloneDatabase(engine: Engine, from: Template = 'migrated'): Promise<Database> {
  if (engine === 'pglite') {
    const tar = readFileSync(inject('pgliteTemplates')[from]);
    return openDatabase({ loadDataDir: new Blob([tar]) });
  }
  const url = process.env.PAMONG_TEST_DATABASE_URL!;
  const template = inject('postgresTemplates')![from];
  const name = `${template}_c${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  return openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 5 });
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Harness {
  engine: Engine;
  ctx: AppContext;
  app: FastifyInstance;
  clock: TestClock;
  /** Calls the API; with a session, sends its cookie and CSRF token. */
  api(method: InjectOptions['method'], url: string, opts?: { body?: unknown; session?: Session; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: string }>;
  signIn(email: string, password?: string): Promise<Session>;
  /** A new person holding one role (in one unit, for a unit role), signed in (without hashing a password: a second saved per person). */
  sessionWithRole(region: string, role: Role, email: string, unitId?: string): Promise<Session>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), publicUrl: 'http://pamong.test', smtp: null, workers: false, checkResponses: true, ...overrides };
}

/**
 * Runs a suite once per engine with a fresh database seeded with the demo region.
 * `setup` may add fixtures before the server starts.
 */
export function describeWithApp(name: string, body: (h: Harness) => void, opts: { seed?: boolean; config?: Partial<Config> } = {}) {
  for (const engine of engines) {
    describe(`${name} [${engine}]`, () => {
      const h = { engine } as Harness;
      beforeAll(async () => {
        const database = await cloneDatabase(engine, opts.seed === false ? 'migrated' : 'demo');
        h.clock = new TestClock();
        h.ctx = { database, config: testConfig(opts.config), clock: h.clock };
        h.app = await buildServer(h.ctx);
        await h.app.ready();
        h.api = async (method, url, o = {}) => {
          const headers: Record<string, string> = { ...(o.headers ?? {}) };
          if (o.session) {
            headers.cookie = o.session.cookie;
            headers['x-csrf-token'] = o.session.csrf;
          }
          const res = await h.app.inject({ method, url, headers, ...(o.body === undefined ? {} : typeof o.body === 'string' || Buffer.isBuffer(o.body) ? { payload: o.body } : { payload: o.body as object }) });
          let parsed: unknown = undefined;
          try {
            parsed = res.json();
          } catch {
            parsed = undefined;
          }
          return { status: res.statusCode, body: parsed, headers: res.headers, raw: res.body };
        };
        h.signIn = async (email, password = DEMO_PASSWORD) => {
          const res = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
          if (res.statusCode !== 200) throw new Error(`sign-in ${email} failed: ${res.body}`);
          const cookie = res.cookies.find((c) => c.name === 'pamong_session')!;
          return { cookie: `pamong_session=${cookie.value}`, csrf: res.json().csrfToken };
        };
        h.sessionWithRole = async (region, role, email, unitId) => {
          const db = h.ctx.database.db;
          const user = await createUser(db, { email, name: email });
          await grantRole(db, region, user, role, unitId ?? null);
          const opened = await openSession(db, h.clock.now(), user);
          return { cookie: `pamong_session=${opened.sessionId}`, csrf: opened.csrfToken };
        };
      });
      afterAll(async () => {
        await h.app?.close();
        await h.ctx?.database.close();
      });
      body(h);
    });
  }
}

/** The deadline sweep over one module's stages: a module's tests move the clock past other modules' demo deadlines and count their own steps. */
export const sweepModule = (ctx: AppContext, module: string, batch = 200) => sweepDeadlines(ctx, batch, deadlineHandlers(), [module]);

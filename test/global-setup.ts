// Builds two templates per engine, migrated and migrated with the demo seeded;
// every test file clones one (seeding took 2–4 s per suite and engine).
import '../src/modules/registry.js'; // installs the modules
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/client.js';
import { prepareDatabase } from '../src/platform/bootstrap.js';
import { TEST_START, TestClock } from './clock.js';
import { seedDemo } from '../src/demo/seed.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/client.js';
import { TEST_ENV } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Tar files of PGlite data directories. */
    pgliteTemplates: Record<Template, string>;
    /** Names of PostgreSQL template databases. */
    postgresTemplates: Record<Template, string> | null;
  }
}

export type Template = 'migrated' | 'demo';

/** The demo as every test file's harness would seed it: at the test clock's start. */
const seedAtStart = (database: Database) => seedDemo({ database, config: loadConfig({}), clock: new TestClock() });

export default async function setup(project: TestProject) {
  // One name per run: runs side by side (two checkouts) keep their own templates.
  const id = `${process.pid}_${randomBytes(3).toString('hex')}`;
  // The demo seals a secret with the key the test files use, and hashes its passwords at their cost.
  Object.assign(process.env, TEST_ENV);
  const dir = join(tmpdir(), `pamong-test-${id}`);
  mkdirSync(dir, { recursive: true });
  const lite = await openDatabase({ smallWal: true });
  await prepareDatabase(lite, TEST_START);
  const dump = async (name: Template) => {
    const file = join(dir, `${name}.tar`);
    await lite.pglite!.query('checkpoint'); // the log before it is recycled: every clone loads the folder
    writeFileSync(file, Buffer.from(await (await lite.pglite!.dumpDataDir('none')).arrayBuffer()));
    return file;
  };
  const migrated = await dump('migrated');
  await seedAtStart(lite);
  project.provide('pgliteTemplates', { migrated, demo: await dump('demo') });
  await lite.close();

  const url = process.env.PAMONG_TEST_DATABASE_URL;
  const base = `pamong_tpl_${id}`;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const create = async (name: string, from?: string) => {
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}${from ? ` template ${from}` : ''}`);
      return openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 2 });
    };
    const db = await create(base);
    await prepareDatabase(db, TEST_START);
    await db.close();
    const demo = await create(`${base}_demo`, base);
    await seedAtStart(demo);
    await demo.close();
    await admin.end();
  }
  project.provide('postgresTemplates', url ? { migrated: base, demo: `${base}_demo` } : null);

  return async () => {
    rmSync(dir, { recursive: true, force: true }); // ~110 MB of tar files per run
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Clones are named after the template, so they all go with it.
      const { rows } = await admin.query(`select datname from pg_database where datname like $1 order by datname desc`, [`${base}%`]);
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

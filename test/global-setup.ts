// Builds one migrated template per engine; every test file clones it.
import '../src/modules/registry.js'; // installs the modules
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/client.js';
import { prepareDatabase } from '../src/platform/bootstrap.js';
import { TEST_START } from './clock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const dir = join(tmpdir(), `pamong-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const lite = await openDatabase({});
  await prepareDatabase(lite, TEST_START);
  const dump = await lite.pglite!.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await lite.close();
  project.provide('pgliteTemplate', file);

  const url = process.env.PAMONG_TEST_DATABASE_URL;
  let template: string | null = null;
  if (url) {
    template = `pamong_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const db = await openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 2 });
    await prepareDatabase(db, TEST_START);
    await db.close();
    await admin.end();
  }
  project.provide('postgresTemplate', template);

  return async () => {
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Clones are named after the template, so they all go with it.
      const { rows } = await admin.query(`select datname from pg_database where datname like $1 order by datname desc`, [`${template}%`]);
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

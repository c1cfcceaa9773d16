// Migration histories (docs/MODULES.md, Migrations): the platform's in
// drizzle/ and one per module. Their snapshots must be in step with the
// schemas (or the next generate would emit changes nobody made, such as
// dropping another history's tables), and a database made with the single
// history of before must upgrade to exactly what a new database gets.
import '../src/modules/registry.js'; // installs the modules
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { openDatabase, sql, type Database } from '../src/platform/db/client.js';
import { migrate, migrationHistories, type MigrationHistory } from '../src/platform/db/migrations.js';
import { modules } from '../src/platform/modules/registry.js';
import * as platformTables from '../src/platform/schema.js';
import { generate, root, schemaHistories } from '../scripts/db-generate.js';
import { engines, type Engine } from './harness.js';
import { withDatabase } from './global-setup.js';

/** The last migration the single history had, before the modules kept their own. */
const LAST_OF_SINGLE_HISTORY = '0011_settings_per_module';

const scratch = mkdtempSync(join(tmpdir(), 'pamong-migrations-'));
const opened: Database[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** An empty database; PostgreSQL ones are named after the test template, so the test run drops them. */
async function emptyDatabase(engine: Engine): Promise<Database> {
  let database: Database;
  if (engine === 'pglite') database = await openDatabase({});
  else {
    const url = process.env.PAMONG_TEST_DATABASE_URL!;
    const name = `${inject('postgresTemplates')!.migrated}_m${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    database = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 2 });
  }
  opened.push(database);
  return database;
}

/** Every file under a folder with its content. */
function contents(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  return Object.fromEntries(files.map((f) => [relative(dir, join(f.parentPath, f.name)), readFileSync(join(f.parentPath, f.name), 'utf8')]));
}

interface Journal { entries: { idx: number; when: number; tag: string }[] }
const journalOf = (folder: string): Journal => JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8'));

/** The tables the latest snapshot of a history knows. */
function snapshotTables(out: string): string[] {
  const meta = join(root, out, 'meta');
  const latest = readdirSync(meta).filter((f) => f.endsWith('_snapshot.json')).sort().at(-1)!;
  const snapshot = JSON.parse(readFileSync(join(meta, latest), 'utf8')) as { tables: Record<string, { name: string }> };
  return Object.values(snapshot.tables).map((t) => t.name).sort();
}

const tableNames = (exports: Record<string, unknown>) => Object.values(exports).filter((v) => is(v, PgTable)).map((t) => getTableName(t as PgTable)).sort();

/** What a database is made of: tables, columns, constraints, indexes, functions, triggers, and what each history recorded. */
async function anatomy(database: Database) {
  const q = <T>(query: ReturnType<typeof sql>) => database.rows<T>(query);
  const schemas = sql`('public', 'drizzle')`;
  return {
    relations: await q(sql`select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ${schemas} order by 1, 2`),
    columns: await q(sql`select table_schema, table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default
      from information_schema.columns where table_schema in ${schemas} order by 1, 2, 4`),
    constraints: await q(sql`select c.conrelid::regclass::text as owner, c.conname, pg_get_constraintdef(c.oid) as def
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname in ${schemas} order by 1, 2`),
    indexes: await q(sql`select schemaname, tablename, indexname, indexdef from pg_indexes where schemaname in ${schemas} order by 1, 2, 3`),
    functions: await q(sql`select p.proname, pg_get_functiondef(p.oid) as def from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ${schemas} and p.prokind = 'f' order by 1, 2`),
    triggers: await q(sql`select tgrelid::regclass::text as owner, tgname from pg_trigger where not tgisinternal order by 1, 2`),
    histories: await Promise.all(migrationHistories().map(async (h) => ({
      history: h.name,
      applied: await q(sql`select id, hash, created_at::text from ${sql.identifier('drizzle')}.${sql.identifier(h.table)} order by id`),
    }))),
  };
}

describe('migration histories', () => {
  it('the platform and every module with tables have a history; the modules each their own table', () => {
    const histories = migrationHistories();
    expect(histories.map((h) => h.name)).toEqual(['platform', ...modules().filter((m) => Object.keys(m.tables).length).map((m) => m.name)]);
    expect(new Set(histories.map((h) => h.table)).size).toBe(histories.length);
    expect(new Set(histories.map((h) => h.folder)).size).toBe(histories.length);
  });

  it('each history\'s snapshot holds exactly its own tables, so generating for one never sees another\'s', () => {
    const owners: Record<string, string[]> = { platform: tableNames(platformTables) };
    for (const m of modules()) owners[m.name] = tableNames(m.tables);
    for (const h of schemaHistories()) expect(snapshotTables(h.out), h.name).toEqual(owners[h.name]);
  });

  it('generating for the platform and for each module on the current schemas makes no migration', () => {
    for (const h of schemaHistories()) {
      const dir = join(scratch, `generate-${h.name}`);
      cpSync(join(root, h.out), join(dir, h.out), { recursive: true });
      const before = contents(dir);
      const result = generate(h, ['--name', 'unexpected'], dir);
      expect(result.status, `${h.name}: ${result.stderr}`).toBe(0);
      expect(result.stdout, h.name).toContain('No schema changes');
      expect(contents(dir), h.name).toEqual(before);
    }
  }, 180_000);
});

/** drizzle/ as databases had it before the modules kept their own histories. */
function singleHistory(): MigrationHistory {
  const folder = join(scratch, 'single-history');
  cpSync(join(root, 'drizzle'), folder, { recursive: true });
  const journal = journalOf(folder);
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === LAST_OF_SINGLE_HISTORY) + 1);
  expect(journal.entries.at(-1)?.tag).toBe(LAST_OF_SINGLE_HISTORY);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  return { name: 'platform', folder, table: '__drizzle_migrations' };
}

/** A small history of hand-written migrations (a stand-in for a module's). */
function handHistory(name: string, entries: { tag: string; when: number; sql: string }[]): MigrationHistory {
  const folder = join(scratch, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'meta'), { recursive: true });
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries: entries.map((e, idx) => ({ idx, version: '7', when: e.when, tag: e.tag, breakpoints: true })) }));
  for (const e of entries) writeFileSync(join(folder, `${e.tag}.sql`), e.sql);
  return { name, folder, table: `__drizzle_migrations_${name}` };
}

const tableExists = async (database: Database, name: string) =>
  (await database.rows<{ present: boolean }>(sql`select to_regclass(${name}) is not null as present`))[0].present;

for (const engine of engines) {
  describe(`migrating [${engine}]`, () => {
    it('a database made with the single history upgrades to exactly what a new database gets', async () => {
      const upgraded = await emptyDatabase(engine);
      await migrate(upgraded, [singleHistory()]);
      expect(await tableExists(upgraded, 'complaints')).toBe(true);
      await migrate(upgraded);

      const fresh = await emptyDatabase(engine);
      await migrate(fresh);

      const [before, after] = [await anatomy(upgraded), await anatomy(fresh)];
      expect(before).toEqual(after);
      // Every history recorded each of its migrations once, and a table of the database belongs to exactly one history.
      for (const [i, h] of migrationHistories().entries()) expect(after.histories[i].applied, h.name).toHaveLength(journalOf(h.folder).entries.length);
      const owned = schemaHistories().flatMap((h) => snapshotTables(h.out)).sort();
      expect(before.relations.filter((r: any) => r.nspname === 'public' && r.relkind === 'r').map((r: any) => r.relname).sort()).toEqual(owned);

      // Starting again changes nothing.
      await migrate(fresh);
      expect(await anatomy(fresh)).toEqual(after);
    }, 120_000);

    it('complaint deadlines and escalation steps move to the platform\'s stage tables, row for row', async () => {
      const database = await emptyDatabase(engine);
      await migrate(database, [singleHistory()]);
      const [a, b] = ['6f1c2a54-0000-4000-8000-000000000001', '6f1c2a54-0000-4000-8000-000000000002'];
      await database.db.execute(sql`insert into sla_policies (region_code, stage, amount, unit) values ('32.11', 'verification', 2, 'working_days')`);
      await database.db.execute(sql`insert into complaint_deadlines (region_code, complaint_id, stage, due_at, target_at, met_at, round, escalation_step, next_check_at) values
        ('32.11', ${a}, 'verification', '2026-11-03T17:00:00Z', null, null, 1, 1, '2026-11-04T17:00:00Z'),
        ('32.11', ${a}, 'response', '2026-11-04T02:00:00Z', '2026-11-03T02:00:00Z', '2026-11-03T05:00:00Z', 0, 0, null),
        ('32.73', ${b}, 'resolution', '2026-11-20T17:00:00Z', null, null, 0, 0, '2026-11-20T17:00:00Z')`);
      await database.db.execute(sql`insert into complaint_escalations (region_code, complaint_id, stage, round, step, role, at) values
        ('32.11', ${a}, 'verification', 1, 1, 'unit_head', '2026-11-03T17:00:05Z')`);
      await migrate(database);
      expect(await tableExists(database, 'complaint_deadlines')).toBe(false);
      expect(await tableExists(database, 'complaint_escalations')).toBe(false);
      const rows = await database.rows(sql`select region_code, module, record_type, record_id::text, stage, unit, due_at::text, target_at::text, met_at::text,
        paused_at::text, round, escalation_step, next_check_at::text from stage_deadlines order by record_id, stage`);
      const at = (t: string) => new Date(t).getTime();
      expect(rows.map((r: any) => ({ ...r, due_at: at(r.due_at), target_at: r.target_at && at(r.target_at), met_at: r.met_at && at(r.met_at), next_check_at: r.next_check_at && at(r.next_check_at) }))).toEqual([
        { region_code: '32.11', module: 'complaints', record_type: 'complaint', record_id: a, stage: 'response', unit: 'hours', due_at: at('2026-11-04T02:00:00Z'),
          target_at: at('2026-11-03T02:00:00Z'), met_at: at('2026-11-03T05:00:00Z'), paused_at: null, round: 0, escalation_step: 0, next_check_at: null },
        // The region's own rule counts verification in working days.
        { region_code: '32.11', module: 'complaints', record_type: 'complaint', record_id: a, stage: 'verification', unit: 'working_days', due_at: at('2026-11-03T17:00:00Z'),
          target_at: null, met_at: null, paused_at: null, round: 1, escalation_step: 1, next_check_at: at('2026-11-04T17:00:00Z') },
        { region_code: '32.73', module: 'complaints', record_type: 'complaint', record_id: b, stage: 'resolution', unit: 'working_days', due_at: at('2026-11-20T17:00:00Z'),
          target_at: null, met_at: null, paused_at: null, round: 0, escalation_step: 0, next_check_at: at('2026-11-20T17:00:00Z') },
      ]);
      expect(await database.rows(sql`select record_id::text, stage, round, step, rung from stage_escalations`)).toEqual([
        { record_id: a, stage: 'verification', round: 1, step: 1, rung: { role: 'unit_head' } },
      ]);
    }, 120_000);

    it('a migration that arrives older than the last one applied stops the start instead of being skipped', async () => {
      const database = await emptyDatabase(engine);
      const first = { tag: '0000_first', when: 2_000, sql: 'CREATE TABLE "probe_first" ("id" integer);' };
      await migrate(database, [handHistory('probe', [first])]);
      // A merge kept the other branch's journal entry with its earlier timestamp.
      const stale = { tag: '0001_stale', when: 1_000, sql: 'CREATE TABLE "probe_second" ("id" integer);' };
      await expect(migrate(database, [handHistory('probe', [first, stale])])).rejects.toThrow(/0001_stale of probe are older than the last one applied/);
      expect(await tableExists(database, 'probe_second')).toBe(false);
      // Generated again, it is newer and runs.
      await migrate(database, [handHistory('probe', [first, { ...stale, tag: '0001_again', when: 3_000 }])]);
      expect(await tableExists(database, 'probe_second')).toBe(true);
    });
  });
}

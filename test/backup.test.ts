// Backup and restore follow declared relations (platform/modules/relations.ts):
// the shared rows a region points at travel with it and are matched by their
// natural key in another database; a module that points at shared rows
// without declaring it is refused at start. The whole round trip through the
// command line, compared row for row, is `npm run verify -- backup`.
import { expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { cloneDatabase, describeWithApp } from './harness.js';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { backupRegion, restoreRegion } from '../src/platform/backup.js';
import { checkSharedRelations, referencesUser } from '../src/platform/modules/relations.js';
import { defineModule } from '../src/platform/modules/contract.js';
import { users } from '../src/platform/schema.js';
import { registry } from '../src/modules/registry.js';
import type { AppContext } from '../src/platform/context.js';

const REGION = '32.11';

/** A module with one region table; `extra` adds its columns. */
const widgetModule = (extra: Record<string, ReturnType<typeof uuid>>, sharedRelations?: ReturnType<typeof referencesUser>[]) => defineModule({
  name: 'widgets',
  title: { id: 'Widget', en: 'Widgets' },
  tables: { widgets: pgTable('widgets', { regionCode: text('region_code').notNull(), id: uuid('id').notNull(), ...extra }) },
  migrations: new URL('file:///nowhere/'),
  sharedRelations,
});

it('refuses a module whose region rows point at people without declaring it', () => {
  expect(() => checkSharedRelations([...registry, widgetModule({ ownerUserId: uuid('owner_user_id') })]))
    .toThrow('Module widgets: widgets.owner_user_id points at the shared table users but no sharedRelations entry declares it');
  expect(() => checkSharedRelations([...registry, widgetModule({ checkedBy: uuid('checked_by') })])).toThrow(/widgets\.checked_by points at the shared table users/);
  // A Drizzle foreign key says it whatever the column is called.
  expect(() => checkSharedRelations([...registry, widgetModule({ approver: uuid('approver').references(() => users.id) })])).toThrow(/widgets\.approver points at the shared table users/);
  // Another module's shared table too: an SPBE framework version.
  expect(() => checkSharedRelations([...registry, widgetModule({ versionId: uuid('version_id') })])).toThrow(/widgets\.version_id points at the shared table spbe_framework_versions/);
  expect(() => checkSharedRelations([...registry, widgetModule({ ownerUserId: uuid('owner_user_id') }, [referencesUser('widgets', 'owner_user_id')])])).not.toThrow();
});

it('refuses a declaration that names a table it does not own or a table that is not shared', () => {
  expect(() => checkSharedRelations([...registry, widgetModule({}, [referencesUser('complaints', 'reporter_user_id')])])).toThrow(/complaints is not a region table of widgets/);
  expect(() => checkSharedRelations([...registry, widgetModule({ unitId: uuid('unit_id') }, [{ from: { table: 'widgets', column: 'unit_id' }, to: { table: 'units', column: 'id' }, naturalKey: ['code'] }])]))
    .toThrow(/units is not a shared table/);
  expect(() => checkSharedRelations([...registry, widgetModule({ ownerUserId: uuid('owner_user_id') }, [{ ...referencesUser('widgets', 'owner_user_id'), naturalKey: ['name'] }])]))
    .toThrow(/users is matched by id and \(email\) elsewhere/);
});

it('installModules runs the check: the application does not start with such a module', async () => {
  // A fresh copy of the platform's registry: the one the tests share is installed already.
  vi.resetModules();
  const fresh = await import('../src/platform/modules/registry.js');
  expect(() => fresh.installModules([widgetModule({ ownerUserId: uuid('owner_user_id') })])).toThrow(/no sharedRelations entry declares it/);
  expect(() => fresh.modules()).toThrow(/No modules installed/);
});

async function backupLines(ctx: AppContext): Promise<string[]> {
  const lines: string[] = [];
  await backupRegion(ctx, REGION, async (line) => void lines.push(line));
  return lines;
}

async function* each(lines: string[]) {
  yield* lines;
}

describeWithApp('backup follows declared relations', (h) => {
  it('keeps exact decimals exact: every digit and the scale of a numeric column', async () => {
    const exact = '123456789012345.123450';
    const [target] = await h.ctx.database.rows<{ region_code: string; plan_id: string; indicator_id: string; year: number; version: number }>(
      sql`select region_code, plan_id, indicator_id, year, version from sakip_targets where region_code = ${REGION} and value is not null limit 1`);
    await h.ctx.database.db.execute(sql`update sakip_targets set value = ${exact}::numeric where region_code = ${REGION} and indicator_id = ${target.indicator_id} and year = ${target.year} and version = ${target.version}`);
    const lines = await backupLines(h.ctx);
    const copy = await cloneDatabase(h.engine);
    try {
      await restoreRegion({ ...h.ctx, database: copy }, each(lines), { replace: true });
      const [restored] = await copy.rows<{ value: string }>(sql`select value::text as value from sakip_targets
        where region_code = ${REGION} and indicator_id = ${target.indicator_id} and year = ${target.year} and version = ${target.version}`);
      expect(restored.value).toBe(exact);
    } finally {
      await copy.close();
    }
  });

  it('carries the people and framework versions the region points at, and points at the ones another database already holds', async () => {
    const lines = await backupLines(h.ctx);
    const rows = (table: string) => lines.map((l) => JSON.parse(l)).filter((l) => l.table === table).map((l) => l.row);
    // Staff through grants (platform), SPBE versions through evaluations (module), their frameworks first.
    expect(rows('users').map((u) => u.email)).toEqual(expect.arrayContaining(['koordinator@sumedang.demo', 'spbe@sumedang.demo']));
    const versions = rows('spbe_framework_versions');
    expect(versions.length).toBeGreaterThan(0);
    const order = lines.map((l) => JSON.parse(l).table);
    expect(order.indexOf('spbe_frameworks')).toBeLessThan(order.indexOf('spbe_framework_versions'));
    expect(rows('spbe_frameworks').map((f) => f.code)).toEqual(expect.arrayContaining(versions.map((v) => v.framework_code)));

    // Another database: the same coordinator under another id, the same framework version under another id.
    const target = await cloneDatabase(h.engine);
    try {
      const ctx = { ...h.ctx, database: target };
      const [other] = await target.rows<{ id: string }>(sql`insert into users (email, name) values ('KOORDINATOR@sumedang.demo', 'Koordinator lain') returning id`);
      await target.db.execute(sql`update spbe_framework_versions set id = gen_random_uuid()`);
      await restoreRegion(ctx, each(lines));
      const grants = await target.rows<{ email: string; user_id: string }>(sql`select u.email, g.user_id from grants g join users u on u.id = g.user_id where g.region_code = ${REGION}`);
      expect(grants.find((g) => g.email === 'KOORDINATOR@sumedang.demo')?.user_id).toBe(other.id);
      const [dangling] = await target.rows<{ n: number }>(sql`select count(*)::int as n from spbe_evaluations e where e.region_code = ${REGION}
        and not exists (select 1 from spbe_framework_versions v where v.id = e.version_id)`);
      expect(dangling.n).toBe(0);
      const [evaluations] = await target.rows<{ n: number }>(sql`select count(*)::int as n from spbe_evaluations where region_code = ${REGION}`);
      expect(evaluations.n).toBeGreaterThan(0);
      const [twice] = await target.rows<{ n: number }>(sql`select count(*)::int as n from users where lower(email) = 'koordinator@sumedang.demo'`);
      expect(twice.n).toBe(1);
    } finally {
      await target.close();
    }
  });

  it('restores from a file read line by line, as `pamong restore --in` does, without losing the first line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pamong-restore-'));
    const file = join(dir, 'region.ndjson');
    writeFileSync(file, `${(await backupLines(h.ctx)).join('\n')}\n`);
    const target = await cloneDatabase(h.engine);
    try {
      // readline emits lines as it reads them; the restore opens its transaction first.
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      const { region, rows } = await restoreRegion({ ...h.ctx, database: target }, lines, { replace: true });
      expect(region).toBe(REGION);
      expect(Object.values(rows).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    } finally {
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

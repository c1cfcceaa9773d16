// A region's backup and restore: every region-owned table (filtered by
// region_code), the region's row with its settings, and the shared rows its
// data points at (the people in it, the SPBE framework versions its
// evaluations are pinned to). One JSON object per line, rows exactly as
// PostgreSQL prints them (row_to_json) and reads them back
// (json_populate_recordset), so types round-trip on both engines: timestamps
// to the microsecond, bytea, arrays, jsonb.
//
// The backup reads one consistent snapshot (REPEATABLE READ). The restore
// runs in one transaction: all of it or nothing.
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from './context.js';
import { queryRows, type Queryable } from './db/client.js';
import * as platformTables from './schema.js';
import { modules } from './modules/registry.js';
import { forgetRegionConfig } from './cache.js';

export const BACKUP_FORMAT = 'pamong-region-backup/1';

type Row = Record<string, unknown>;
type Line = { format: string; region: string; createdAt: string } | { table: string; row: Row } | { end: true; rows: Record<string, number> };

/** Every table: the platform's and each installed module's. */
const allTables = (): PgTable[] => [platformTables, ...modules().map((m) => m.tables)].flatMap((t) => Object.values(t) as PgTable[]);

/** Every table whose rows belong to one region. */
export function regionTables(): string[] {
  return allTables()
    .map((t) => getTableConfig(t))
    .filter((c) => c.columns.some((col) => col.name === 'region_code'))
    .map((c) => c.name);
}

/** Columns that point at shared rows, by name: people (…user_id, …_by) and SPBE framework versions. */
export const pointsAtUser = (column: string) => column.endsWith('user_id') || column.endsWith('_by');
export const pointsAtVersion = (column: string) => column === 'version_id';

export function columnsOf(table: string): string[] {
  const t = allTables().find((x) => getTableConfig(x).name === table)!;
  return getTableConfig(t).columns.map((c) => c.name);
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** The shared rows a region's data points at. */
function sharedRows(regionCode: string): { table: string; query: SQL }[] {
  const refs = (match: (c: string) => boolean) => regionTables().flatMap((t) => columnsOf(t).filter(match).map((c) => sql`select ${ident(c)} from ${ident(t)} where region_code = ${regionCode}`));
  const users = sql.join(refs(pointsAtUser), sql` union `);
  const versions = sql.join(refs(pointsAtVersion), sql` union `);
  return [
    { table: 'users', query: sql`select row_to_json(x) as row from users x where id in (${users})` },
    { table: 'spbe_frameworks', query: sql`select row_to_json(x) as row from spbe_frameworks x where code in (select framework_code from spbe_framework_versions where id in (${versions}))` },
    { table: 'spbe_framework_versions', query: sql`select row_to_json(x) as row from spbe_framework_versions x where id in (${versions})` },
    { table: 'regions', query: sql`select row_to_json(x) as row from regions x where code = ${regionCode}` },
  ];
}

/** Writes a region's backup, one line at a time; returns the row count per table. */
export async function backupRegion(ctx: AppContext, regionCode: string, write: (line: string) => Promise<void>): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  const put = (line: Line) => write(JSON.stringify(line) + '\n');
  await ctx.database.db.transaction(async (tx) => {
    const [found] = await queryRows(tx, sql`select 1 from regions where code = ${regionCode}`);
    if (!found) throw new Error(`Daerah ${regionCode} tidak aktif di basis data ini / region ${regionCode} is not enabled in this database`);
    await put({ format: BACKUP_FORMAT, region: regionCode, createdAt: ctx.clock.now().toISOString() });
    const sources = [...sharedRows(regionCode), ...regionTables().map((t) => ({ table: t, query: sql`select row_to_json(x) as row from ${ident(t)} x where region_code = ${regionCode}` }))];
    for (const { table, query } of sources) {
      rows[table] = 0;
      // A cursor keeps memory flat however large the table.
      await tx.execute(sql`declare backup_rows no scroll cursor for ${query}`);
      for (;;) {
        const batch = await queryRows<{ row: Row }>(tx, sql`fetch forward 500 from backup_rows`);
        for (const r of batch) await put({ table, row: r.row });
        rows[table] += batch.length;
        if (batch.length < 500) break;
      }
      await tx.execute(sql`close backup_rows`);
    }
    await put({ end: true, rows });
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  return rows;
}

export class RestoreError extends Error {}

interface Remap { users: Map<string, string>; versions: Map<string, string> }

function remapped(row: Row, remap: Remap): Row {
  const out: Row = { ...row };
  for (const [column, value] of Object.entries(row)) {
    if (typeof value !== 'string') continue;
    if (pointsAtUser(column) && remap.users.has(value)) out[column] = remap.users.get(value);
    if (pointsAtVersion(column) && remap.versions.has(value)) out[column] = remap.versions.get(value);
  }
  return out;
}

async function insertRows(tx: Queryable, table: string, rows: Row[], conflict: SQL = sql``): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await queryRows<{ n: number }>(tx, sql`with ins as (insert into ${ident(table)} select * from json_populate_recordset(null::${ident(table)}, ${JSON.stringify(rows)}::json) ${conflict} returning 1)
    select count(*)::int as n from ins`);
  return inserted[0].n;
}

/**
 * Restores a region from backup lines. People already in the database (by id,
 * then by email) and framework versions already there (by framework and
 * version number) are kept and the region's rows pointed at them. A region
 * already present is refused unless `replace`, which deletes its rows first.
 */
export async function restoreRegion(ctx: AppContext, lines: AsyncIterable<string>, opts: { replace?: boolean } = {}): Promise<{ region: string; rows: Record<string, number> }> {
  const result = await ctx.database.db.transaction(async (tx) => {
    let region: string | null = null;
    let end: Record<string, number> | null = null;
    const counted: Record<string, number> = {};
    const remap: Remap = { users: new Map(), versions: new Map() };
    const pending = new Map<string, Row[]>();
    const tables = new Set(regionTables());

    const flush = async (table: string) => {
      const rows = pending.get(table) ?? [];
      pending.delete(table);
      if (rows.length === 0) return;
      counted[table] = (counted[table] ?? 0) + rows.length;
      if (table === 'users') {
        for (const u of rows) {
          const [same] = await queryRows<{ id: string }>(tx, sql`select id from users where id = ${u.id}::uuid or lower(email) = lower(${u.email}) order by (id = ${u.id}::uuid) desc limit 1`);
          if (same && same.id !== u.id) remap.users.set(u.id as string, same.id);
          if (!same) await insertRows(tx, 'users', [u]);
        }
      } else if (table === 'spbe_frameworks') {
        await insertRows(tx, table, rows, sql`on conflict do nothing`);
      } else if (table === 'spbe_framework_versions') {
        for (const v of rows) {
          const [same] = await queryRows<{ id: string }>(tx, sql`select id from spbe_framework_versions where framework_code = ${v.framework_code} and version = ${v.version}`);
          if (same) remap.versions.set(v.id as string, same.id);
          else await insertRows(tx, table, [v]);
        }
      } else if (table === 'regions') {
        const [present] = await queryRows(tx, sql`select 1 from regions where code = ${region}`);
        if (present && !opts.replace) throw new RestoreError(`Daerah ${region} sudah ada; gunakan --replace untuk menggantinya / region ${region} already exists; use --replace to replace it`);
        if (present) {
          for (const t of tables) await tx.execute(sql`delete from ${ident(t)} where region_code = ${region}`);
          await tx.execute(sql`delete from regions where code = ${region}`);
        }
        await insertRows(tx, table, rows);
      } else if (tables.has(table)) {
        const n = await insertRows(tx, table, rows.map((r) => remapped(r, remap)));
        if (n !== rows.length) throw new RestoreError(`${table}: ${rows.length - n} rows not restored`);
      } else {
        throw new RestoreError(`Tabel tidak dikenal / unknown table: ${table}`);
      }
    };

    for await (const text of lines) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as Line;
      if (region === null) {
        if (!('format' in line) || line.format !== BACKUP_FORMAT) throw new RestoreError(`Bukan cadangan Pamong / not a Pamong backup (expected ${BACKUP_FORMAT})`);
        region = line.region;
        continue;
      }
      if ('end' in line) {
        end = line.rows;
        break;
      }
      if (!('table' in line)) throw new RestoreError('Baris tidak dikenal / unknown line');
      // Tables come one after another: a new table means the previous one is complete.
      for (const t of pending.keys()) if (t !== line.table) await flush(t);
      const batch = pending.get(line.table) ?? [];
      batch.push(line.row);
      pending.set(line.table, batch);
      if (batch.length >= 500) await flush(line.table);
    }
    for (const t of [...pending.keys()]) await flush(t);
    if (!region || !end) throw new RestoreError('Cadangan terpotong / the backup is truncated');
    for (const [table, n] of Object.entries(end)) {
      if ((counted[table] ?? 0) !== n) throw new RestoreError(`Cadangan tidak lengkap / incomplete backup: ${table} has ${counted[table] ?? 0} of ${n} rows`);
    }
    // Serial ids continue after the restored ones (never moved back: other regions share the sequences).
    for (const table of tables) {
      for (const column of columnsOf(table)) {
        const [seq] = await queryRows<{ name: string | null }>(tx, sql`select pg_get_serial_sequence(${table}, ${column}) as name`);
        if (seq?.name) await tx.execute(sql`select setval(${seq.name}, greatest((select max(${ident(column)}) from ${ident(table)}), (select last_value from ${sql.raw(seq.name)})))`);
      }
    }
    return { region, rows: end };
  });
  forgetRegionConfig();
  return result;
}

// A region's backup and restore: every region-owned table (filtered by
// region_code), the region's row with its settings, and the shared rows its
// data points at as the platform and the modules declare them
// (sharedRelations: the people in it, the SPBE framework versions its
// evaluations are pinned to). One JSON object per line, rows exactly as
// PostgreSQL prints them (row_to_json) and reads them back
// (json_populate_recordset), so types round-trip on both engines: timestamps
// to the microsecond, bytea, arrays, jsonb; `numeric` columns are written as
// text, so an exact decimal keeps its digits and scale through JavaScript.
//
// The backup reads one consistent snapshot (REPEATABLE READ). The restore
// runs in one transaction: all of it or nothing.
import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from './context.js';
import { queryRows, type Queryable } from './db/client.js';
import { modules } from './modules/registry.js';
import { columnsByTable, numericColumnsByTable, regionTablesOf, relationsOf } from './modules/relations.js';
import { forgetRegionConfig } from './cache.js';

export const BACKUP_FORMAT = 'pamong-region-backup/1';

type Row = Record<string, unknown>;
type Line = { format: string; region: string; createdAt: string } | { table: string; row: Row } | { end: true; rows: Record<string, number> };

/** Every table whose rows belong to one region. */
export const regionTables = (): string[] => regionTablesOf(modules());

export const columnsOf = (table: string): string[] => columnsByTable(modules()).get(table)!;

/**
 * A shared table the region's rows point at, as the declared relations
 * (platform/modules/relations.ts) say: which region columns point at its key,
 * how the same row is found in another database, and which shared rows it
 * needs first.
 */
export interface SharedTable {
  table: string;
  key: string;
  naturalKey: string[];
  pointers: { table: string; column: string }[];
  parents: { table: string; column: string; references: string }[];
}

/** The shared tables, parents before the tables that need them. */
export function sharedTables(): SharedTable[] {
  const found = new Map<string, SharedTable>();
  const entry = (table: string, key: string, naturalKey: string[]) => {
    if (!found.has(table)) found.set(table, { table, key, naturalKey, pointers: [], parents: [] });
    return found.get(table)!;
  };
  for (const r of relationsOf(modules())) {
    const t = entry(r.to.table, r.to.column, r.naturalKey);
    t.pointers.push(r.from);
    for (const p of r.parents ?? []) {
      entry(p.table, p.column, [p.column]);
      if (!t.parents.some((q) => q.table === p.table && q.references === p.references)) t.parents.push(p);
    }
  }
  const ordered: SharedTable[] = [];
  const visit = (t: SharedTable) => {
    if (ordered.includes(t)) return;
    for (const p of t.parents) visit(found.get(p.table)!);
    ordered.push(t);
  };
  for (const t of found.values()) visit(t);
  return ordered;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** A table's columns, its `numeric` ones as text (json_populate_recordset reads them back exactly). */
function exactColumns(table: string): SQL {
  const numeric = numericColumnsByTable(modules()).get(table) ?? [];
  if (numeric.length === 0) return sql`x.*`;
  return sql.join(columnsOf(table).map((c) => (numeric.includes(c) ? sql`x.${ident(c)}::text as ${ident(c)}` : sql`x.${ident(c)}`)), sql`, `);
}

/** The keys of a shared table's rows the region needs: pointed at by its rows, or needed by another shared row it needs. */
function neededKeys(shared: SharedTable[], table: string, regionCode: string): SQL {
  const direct = shared.find((s) => s.table === table)!.pointers.map((p) => sql`select ${ident(p.column)} from ${ident(p.table)} where region_code = ${regionCode}`);
  const viaChildren = shared.flatMap((child) => child.parents.filter((p) => p.table === table)
    .map((p) => sql`select ${ident(p.references)} from ${ident(child.table)} where ${ident(child.key)} in (${neededKeys(shared, child.table, regionCode)})`));
  return sql.join([...direct, ...viaChildren], sql` union `);
}

/** The shared rows a region's data points at, and the region's own row. */
function sharedRows(regionCode: string): { table: string; query: SQL }[] {
  const shared = sharedTables();
  return [
    ...shared.map((s) => ({ table: s.table, query: sql`select row_to_json(x) as row from ${ident(s.table)} x where ${ident(s.key)} in (${neededKeys(shared, s.table, regionCode)})` })),
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
    const sources = [...sharedRows(regionCode), ...regionTables().map((t) => ({ table: t, query: sql`select row_to_json(x) as row from (select ${exactColumns(t)} from ${ident(t)} x where region_code = ${regionCode}) x` }))];
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

/** Ids of shared rows the backup named that this database holds under another id, per shared table. */
type Remap = Map<string, Map<string, string>>;

/** Points a row's declared columns at the rows this database holds. */
function remapped(row: Row, columns: { column: string; table: string }[], remap: Remap): Row {
  const out: Row = { ...row };
  for (const { column, table } of columns) {
    const to = remap.get(table)?.get(row[column] as string);
    if (to !== undefined) out[column] = to;
  }
  return out;
}

/**
 * Keeps a shared row found by its key, else points at the row with the same
 * natural key (compared as text, ignoring case, as emails are), else inserts it.
 */
async function restoreShared(tx: Queryable, s: SharedTable, row: Row, remap: Remap): Promise<void> {
  const r = sql`json_populate_record(null::${ident(s.table)}, ${JSON.stringify(row)}::json) r`;
  const [same] = await queryRows<{ key: string }>(tx, sql`select x.${ident(s.key)} as key from ${ident(s.table)} x, ${r} where x.${ident(s.key)} = r.${ident(s.key)}`);
  if (same) return;
  if (s.naturalKey.length) {
    const matches = s.naturalKey.map((c) => sql`lower(x.${ident(c)}::text) = lower(r.${ident(c)}::text)`);
    const [twin] = await queryRows<{ key: string }>(tx, sql`select x.${ident(s.key)} as key from ${ident(s.table)} x, ${r} where ${sql.join(matches, sql` and `)} limit 1`);
    if (twin) {
      remap.set(s.table, (remap.get(s.table) ?? new Map()).set(row[s.key] as string, twin.key));
      return;
    }
  }
  await insertRows(tx, s.table, [row]);
}

async function insertRows(tx: Queryable, table: string, rows: Row[], conflict: SQL = sql``): Promise<number> {
  if (rows.length === 0) return 0;
  // The stored columns by name: a generated one (a search vector) is computed again, never written.
  const columns = sql.join(columnsOf(table).map((c) => ident(c)), sql`, `);
  const inserted = await queryRows<{ n: number }>(tx, sql`with ins as (insert into ${ident(table)} (${columns}) select ${columns} from json_populate_recordset(null::${ident(table)}, ${JSON.stringify(rows)}::json) ${conflict} returning 1)
    select count(*)::int as n from ins`);
  return inserted[0].n;
}

/**
 * Restores a region from backup lines. Shared rows already in the database
 * (by key, then by the natural key their relation declares: a person's email,
 * a framework version's framework and number) are kept and the region's rows
 * pointed at them. A region already present is refused unless `replace`,
 * which deletes its rows first.
 */
export async function restoreRegion(ctx: AppContext, lines: AsyncIterable<string>, opts: { replace?: boolean } = {}): Promise<{ region: string; rows: Record<string, number> }> {
  // Take the iterator now, before the first await: a readline interface emits
  // lines as soon as it reads them, and those emitted before anyone iterates
  // are lost (on PostgreSQL, opening the transaction takes long enough to lose the header).
  const iterator = lines[Symbol.asyncIterator]();
  const input: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
  const result = await ctx.database.db.transaction(async (tx) => {
    let region: string | null = null;
    let end: Record<string, number> | null = null;
    const counted: Record<string, number> = {};
    const remap: Remap = new Map();
    const pending = new Map<string, Row[]>();
    const tables = new Set(regionTables());
    const shared = new Map(sharedTables().map((s) => [s.table, s]));
    const pointers = new Map<string, { column: string; table: string }[]>();
    for (const s of shared.values()) for (const p of s.pointers) pointers.set(p.table, [...(pointers.get(p.table) ?? []), { column: p.column, table: s.table }]);

    const flush = async (table: string) => {
      const rows = pending.get(table) ?? [];
      pending.delete(table);
      if (rows.length === 0) return;
      counted[table] = (counted[table] ?? 0) + rows.length;
      const s = shared.get(table);
      if (s) {
        const parents = s.parents.map((p) => ({ column: p.references, table: p.table }));
        for (const row of rows) await restoreShared(tx, s, remapped(row, parents, remap), remap);
      } else if (table === 'regions') {
        const [present] = await queryRows(tx, sql`select 1 from regions where code = ${region}`);
        if (present && !opts.replace) throw new RestoreError(`Daerah ${region} sudah ada; gunakan --replace untuk menggantinya / region ${region} already exists; use --replace to replace it`);
        if (present) {
          for (const t of tables) await tx.execute(sql`delete from ${ident(t)} where region_code = ${region}`);
          await tx.execute(sql`delete from regions where code = ${region}`);
        }
        await insertRows(tx, table, rows);
      } else if (tables.has(table)) {
        const n = await insertRows(tx, table, rows.map((r) => remapped(r, pointers.get(table) ?? [], remap)));
        if (n !== rows.length) throw new RestoreError(`${table}: ${rows.length - n} rows not restored`);
      } else {
        throw new RestoreError(`Tabel tidak dikenal / unknown table: ${table}`);
      }
    };

    for await (const text of input) {
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

// Many rows in one statement with one parameter per table, a JSON array the
// database expands (json_to_recordset): a few hundred rows cost the client
// little more than one, where a multi-row VALUES insert builds and sends a
// parameter per cell; and several tables in one statement (data-modifying
// CTEs), one round trip. Not for bytea columns (JSON carries no bytes).
// The parameter is `json`, not `jsonb`: the database then only checks the
// text when it binds it, instead of building a jsonb tree that
// the record set takes apart again (an adoption's 250 KB bound in 0.5 ms
// instead of 2.6 ms, BENCHMARKS.md session 25).
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Queryable } from './client.js';

/** Rows for one table; `skipConflicts` leaves out rows that would break a unique key. */
export interface InsertPart<T extends PgTable = PgTable> {
  table: T;
  rows: readonly T['$inferInsert'][];
  skipConflicts?: boolean;
}

/** Rows for `table`, typed by it: a list of these goes to insertTogether. */
export const insertPart = <T extends PgTable>(table: T, rows: readonly T['$inferInsert'][], skipConflicts = false): InsertPart => ({ table, rows, skipConflicts });

/**
 * The value every row gives a column, when they all give the same plain one
 * (a region code, the instant, the actor): sent once as a parameter instead
 * of once per row, so the JSON the database parses holds only what varies.
 */
function sharedValue(records: readonly Record<string, unknown>[], key: string): { value: unknown } | null {
  const first = records[0][key] ?? null;
  const plain = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date;
  if (!plain(first)) return null;
  const same = (v: unknown) => (first instanceof Date ? v instanceof Date && v.getTime() === first.getTime() : v === first);
  return records.every((r) => same(r[key] ?? null)) ? { value: first } : null;
}

/**
 * The insert of a part. A column no row sets keeps its default; a nullable
 * one some rows leave out is null there; a required one some rows leave out
 * is a mistake (it would lose its default), refused before anything is sent.
 */
function insertOf({ table, rows, skipConflicts }: InsertPart): SQL {
  const records = rows as readonly Record<string, unknown>[];
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => records.some((r) => r[key] !== undefined));
  const partial = columns.find(([key, c]) => c.notNull && records.some((r) => r[key] === undefined));
  if (partial) throw new Error(`insertAll: some rows of ${getTableName(table)} leave ${partial[1].name} out`);
  const shared = new Map(records.length < 2 ? [] : columns.flatMap(([key]) => {
    const found = sharedValue(records, key);
    return found ? [[key, found.value] as const] : [];
  }));
  // The record set needs a column: when every column is shared, the first one still goes per row.
  if (shared.size === columns.length) shared.delete(columns[0][0]);
  const varying = columns.filter(([key]) => !shared.has(key));
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const values = sql.join(columns.map(([key, c]) => (shared.has(key) ? sql`${shared.get(key)}::${sql.raw(c.getSQLType())}` : sql.raw(`"${c.name}"`))), sql`, `);
  const types = sql.raw(varying.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  // Plain loops: an adoption sends several hundred rows, and building them through map/fromEntries cost more than the JSON itself.
  const keys = varying.map(([key, c]) => [key, c.name] as const);
  const out: Record<string, unknown>[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const row: Record<string, unknown> = {};
    for (const [key, name] of keys) row[name] = records[i][key] ?? null;
    out[i] = row;
  }
  const json = JSON.stringify(out);
  return sql`insert into ${table} (${names}) select ${values} from json_to_recordset(${json}::json) as r(${types})${skipConflicts ? sql` on conflict do nothing` : sql``}`;
}

/** Inserts the parts' rows in one statement; the answer is how many rows each part wrote (fewer than given only with skipConflicts). */
export async function insertTogether(tx: Queryable, parts: readonly InsertPart[]): Promise<number[]> {
  const used = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.rows.length > 0);
  const written = parts.map(() => 0);
  if (used.length === 0) return written;
  if (used.length === 1 && !used[0].p.skipConflicts) {
    await tx.execute(insertOf(used[0].p));
    written[used[0].i] = used[0].p.rows.length;
    return written;
  }
  const ctes = sql.join(used.map(({ p, i }) => sql`${sql.raw(`w${i}`)} as (${insertOf(p)} returning 1)`), sql`, `);
  const counts = sql.join(used.map(({ i }) => sql.raw(`(select count(*)::int from w${i}) as n${i}`)), sql`, `);
  const [row] = await queryRows<Record<string, number>>(tx, sql`with ${ctes} select ${counts}`);
  for (const { i } of used) written[i] = Number(row[`n${i}`]);
  return written;
}

/** Inserts `rows` into `table` in one statement; the answer is how many were written. */
export async function insertAll<T extends PgTable>(tx: Queryable, table: T, rows: readonly T['$inferInsert'][], opts: { skipConflicts?: boolean } = {}): Promise<number> {
  return (await insertTogether(tx, [insertPart(table, rows, opts.skipConflicts)]))[0];
}

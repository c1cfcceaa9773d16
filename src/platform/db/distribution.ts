// How the schema spreads over a Citus cluster, sharded by region. A national
// instance (552 regions) outgrows one PostgreSQL server; Citus splits tables
// by a distribution column across nodes, and a query that names one region
// goes to one node. That only works when every key of a region's table
// includes `region_code`: Citus refuses a primary key, a unique index or a
// foreign key between sharded tables that leaves it out. This file reads the
// live schema (every module's tables included), says where each table goes,
// lists what would stop Citus, and writes the DDL an operator runs
// (`pamong citus-ddl`; README, "Operations").
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

export type Placement = 'distributed' | 'reference' | 'coordinator';

/**
 * Tables that stay on the coordinator as plain tables: queues, counters and
 * credentials looked up before the region is known, written by every
 * request or by the workers, never joined with a region's rows.
 */
const coordinatorTables: Record<string, string> = {
  sessions: 'looked up by the session cookie on every request, before the region is known',
  password_resets: 'a token looked up before the account, let alone the region, is known',
  pending_registrations: 'a citizen\'s registration, not yet anyone\'s',
  rate_limits: 'counters settled every second by every instance',
  idempotency_keys: 'claimed in the same transaction as the create they guard, by a key only',
  outbox: 'the email queue of every region and of the platform',
  jobs: 'the job queue of every region and of the platform',
};

export interface TableShape {
  name: string;
  /** Whether it has region_code, and whether that may be null. */
  regionCode: 'not null' | 'nullable' | 'none';
}

export interface KeyShape {
  table: string;
  name: string;
  kind: 'primary key' | 'unique' | 'foreign key';
  columns: string[];
  /** A foreign key's target. */
  references?: { table: string; columns: string[] };
}

export interface SchemaShape {
  tables: TableShape[];
  keys: KeyShape[];
}

/** The tables and keys of the current schema, from PostgreSQL's catalog (PGlite answers the same). */
export async function readSchemaShape(database: Database): Promise<SchemaShape> {
  const tables = await database.rows<{ name: string; region_code: string | null }>(sql`
    select c.relname as name,
      (select case when a.attnotnull then 'not null' else 'nullable' end from pg_attribute a
        where a.attrelid = c.oid and a.attname = 'region_code' and not a.attisdropped) as region_code
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relname`);
  // Constraints, and unique indexes that are not a constraint's (expression columns count as none).
  const keys = await database.rows<{ table: string; name: string; kind: string; columns: string[]; ftable: string | null; fcolumns: string[] | null }>(sql`
    select c.relname as "table", con.conname as name,
      case con.contype when 'p' then 'primary key' when 'u' then 'unique' else 'foreign key' end as kind,
      array(select a.attname::text from unnest(con.conkey) k join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k) as columns,
      fc.relname as ftable,
      case when con.contype = 'f' then array(select a.attname::text from unnest(con.confkey) k join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k) end as fcolumns
    from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_class fc on fc.oid = con.confrelid
    where n.nspname = current_schema() and con.contype in ('p', 'u', 'f')
    union all
    select c.relname, ic.relname, 'unique',
      array(select a.attname::text from unnest(i.indkey::int2[]) k join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k),
      null, null
    from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and i.indisunique and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid)
    order by 1, 2`);
  return {
    tables: tables.map((t) => ({ name: t.name, regionCode: (t.region_code ?? 'none') as TableShape['regionCode'] })),
    keys: keys.map((k) => ({
      table: k.table, name: k.name, kind: k.kind as KeyShape['kind'], columns: k.columns,
      ...(k.ftable ? { references: { table: k.ftable, columns: k.fcolumns ?? [] } } : {}),
    })),
  };
}

/** Where a table goes: a region's rows are sharded by region_code; shared data is copied to every node. */
export function placementOf(table: TableShape): Placement {
  if (table.name in coordinatorTables) return 'coordinator';
  return table.regionCode === 'not null' ? 'distributed' : 'reference';
}

/** What would stop Citus from distributing the schema by region, in words; empty when nothing does. */
export function distributionProblems(shape: SchemaShape): string[] {
  const placement = new Map(shape.tables.map((t) => [t.name, placementOf(t)]));
  const problems: string[] = [];
  for (const t of shape.tables) {
    if (t.regionCode === 'nullable' && placement.get(t.name) !== 'coordinator') {
      problems.push(`${t.name}: region_code may be null, so its rows cannot be sharded by region (make it not null, or keep the table on the coordinator)`);
    }
  }
  for (const key of shape.keys) {
    const from = placement.get(key.table);
    if (from === 'distributed' && !key.columns.includes('region_code')) {
      problems.push(`${key.table}: ${key.kind} ${key.name} (${key.columns.join(', ') || 'an expression'}) leaves out region_code`);
    }
    if (key.kind !== 'foreign key' || !key.references) continue;
    const to = placement.get(key.references.table);
    if (to === 'distributed') {
      const paired = key.columns.findIndex((c) => c === 'region_code');
      if (from !== 'distributed' || paired < 0 || key.references.columns[paired] !== 'region_code') {
        problems.push(`${key.table}: foreign key ${key.name} points into the sharded table ${key.references.table} without pairing region_code with region_code`);
      }
    } else if (to === 'coordinator' && from !== 'coordinator') {
      problems.push(`${key.table}: foreign key ${key.name} points at ${key.references.table}, which stays on the coordinator`);
    }
  }
  return problems;
}

/** The statements that distribute the schema on a Citus cluster, to run once on the coordinator after `pamong migrate`. */
export function citusDdl(shape: SchemaShape): string {
  const by = (p: Placement) => shape.tables.filter((t) => placementOf(t) === p).map((t) => t.name);
  const [first, ...colocated] = by('distributed');
  const problems = distributionProblems(shape);
  const lines = [
    '-- Pamong on Citus, sharded by region (generated by `pamong citus-ddl` from the live schema).',
    '-- Run on the coordinator, after `pamong migrate`, before any data is loaded.',
    ...(problems.length ? ['-- NOT READY: Citus would refuse these:', ...problems.map((p) => `--   ${p}`)] : []),
    'CREATE EXTENSION IF NOT EXISTS citus;',
    '',
    '-- Shared data, copied to every node (joined with any region\'s rows):',
    ...by('reference').map((t) => `SELECT create_reference_table('${t}');`),
    '',
    '-- A region\'s rows, sharded by region_code and placed together (a region\'s joins stay on one node):',
    ...(first ? [`SELECT create_distributed_table('${first}', 'region_code');`] : []),
    ...colocated.map((t) => `SELECT create_distributed_table('${t}', 'region_code', colocate_with => '${first}');`),
    '',
    '-- Kept on the coordinator as plain tables:',
    ...by('coordinator').map((t) => `--   ${t}: ${coordinatorTables[t]}`),
    'SELECT citus_add_local_table_to_metadata(t) FROM unnest(ARRAY[' + by('coordinator').map((t) => `'${t}'`).join(', ') + ']::regclass[]) AS t;',
  ];
  return `${lines.join('\n')}\n`;
}

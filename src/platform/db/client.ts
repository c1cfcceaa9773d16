// One database interface over both engines: PGlite (embedded) and a
// PostgreSQL server. Both speak the same SQL and run the same migrations (migrations.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';

// Queries are written with the query builder and SQL; the relational query API
// (which would need every module's tables here) is not used.
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Run raw SQL and get rows back, the same on both engines. */
  rows<T = Record<string, unknown>>(query: SQL, tx?: Queryable): Promise<T[]>;
  /** True when the database answers; used by /healthz. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** PostgreSQL: send the hot paths' statements named (see db/prepared.ts), or unnamed behind a transaction pooler. */
  namedStatements?: boolean;
}

/** Raw SQL rows, the same on both engines (timestamps come back as strings). */
export async function queryRows<T = Record<string, unknown>>(db: Queryable, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Work the next transaction opened in this async context does first, inside
 * it: a request's idempotency claim (http/idempotency.ts), so that the claim
 * commits or rolls back with the create.
 */
export interface TransactionPrelude { run: ((tx: Tx) => Promise<void>) | null }
export const transactionPrelude = new AsyncLocalStorage<TransactionPrelude>();

function withPrelude(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) => transaction(async (tx) => {
    const prelude = transactionPrelude.getStore();
    const run = prelude?.run;
    if (!prelude || !run) return work(tx);
    prelude.run = null;
    try {
      await run(tx);
      return await work(tx);
    } catch (err) {
      prelude.run = run; // rolled back: the claim is still to be made
      throw err;
    }
  }, config)) as Db['transaction'];
  return db;
}

// PostgreSQL returns bigint and numeric as strings; count(*) must be a number.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string; // PGlite folder; undefined means in memory
  loadDataDir?: Blob; // PGlite: start from a dump (tests clone a template)
  /**
   * PGlite: write-ahead log in 1 MB segments, at most two kept. For a folder copied many times (the tests' templates:
   * the default keeps about 50 MB of log that every clone would load).
   */
  smallWal?: boolean;
  poolSize?: number;
  /** PostgreSQL: false behind PgBouncer < 1.21 in transaction mode (Config.namedStatements). */
  namedStatements?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 20,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its server must not crash the process.
    pool.on('error', () => undefined);
    const db = withPrelude(drizzlePg(pool) as unknown as Db);
    return {
      kind: 'postgres',
      db,
      pool,
      namedStatements: opts.namedStatements ?? true,
      rows: <T>(q: SQL, tx?: Queryable) => queryRows<T>(tx ?? db, q),
      ping: () => pool.query('select 1').then(() => true, () => false),
      close: () => pool.end(),
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  // Loaded only when used: the embedded engine's code alone takes ~50 MB of memory.
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  const smallWal = { initDbStartParams: ['--wal-segsize=1'], startParams: [...PGlite.defaultStartParams, '-c', 'min_wal_size=2MB', '-c', 'max_wal_size=2MB'] };
  const client = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, ...(opts.smallWal ? smallWal : {}) });
  const db = withPrelude(drizzlePglite(client) as unknown as Db);
  return {
    kind: 'pglite',
    db,
    pglite: client,
    rows: <T>(q: SQL, tx?: Queryable) => queryRows<T>(tx ?? db, q),
    ping: () => client.query('select 1').then(() => true, () => false),
    close: () => client.close(),
  };
}

export { sql };

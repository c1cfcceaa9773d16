// Reads that may be a few seconds old (dashboards, public statistics, public
// lists, Open311 GET) can go to a PostgreSQL streaming replica
// (DATABASE_REPLICA_URL), so that a province's busy public pages do not load
// the primary. A monitor asks both servers every second how far the replica
// is behind: while it is within DATABASE_REPLICA_MAX_LAG, such reads go
// there; when it lags more, cannot be reached, or a read on it fails, they go
// to the primary, and come back once the replica has caught up.
import client from 'prom-client';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { openDatabase, type Database } from './client.js';

export interface Replica {
  database: Database;
  /** True while the last check found it reachable and within the allowed lag. */
  usable(): boolean;
  /** A read failed on it: use the primary until the next check says otherwise. */
  markDown(): void;
  close(): Promise<void>;
}

/** Stale-tolerant reads of this process, by where they ran: replica | primary. */
export const staleReads = new client.Counter({ name: 'pamong_stale_reads_total', help: 'Reads that may be slightly stale, by the server that answered them', labelNames: ['target'], registers: [] });

/** How far behind the replica is, in ms: 0 when it has replayed everything the primary has written. */
async function lagMs(primary: Database, replica: Database): Promise<number> {
  const [{ lsn }] = await primary.rows<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`);
  const [r] = await replica.rows<{ standby: boolean; bytes: number | string | null; since_ms: number | string | null }>(sql`select pg_is_in_recovery() as standby,
      pg_wal_lsn_diff(${lsn}::pg_lsn, pg_last_wal_replay_lsn()) as bytes,
      extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000 as since_ms`);
  if (!r.standby) throw new Error('DATABASE_REPLICA_URL is not a replica (pg_is_in_recovery() is false)');
  // Caught up: nothing to replay, however long ago the last write was.
  if (r.bytes === null || Number(r.bytes) <= 0) return 0;
  return r.since_ms === null ? Number.POSITIVE_INFINITY : Number(r.since_ms);
}

export async function openReplica(primary: Database, url: string, maxLagMs: number, log: { warn(o: object, m: string): void; info(o: object, m: string): void }, everyMs = 1_000): Promise<Replica> {
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  let ok = false;
  let reason = 'not checked yet';
  const check = async () => {
    const was = ok;
    try {
      const lag = await lagMs(primary, database);
      ok = lag <= maxLagMs;
      reason = ok ? 'within lag' : `${Math.round(lag)} ms behind (allowed ${maxLagMs})`;
    } catch (err) {
      ok = false;
      reason = (err as Error).message;
    }
    if (ok === was) return;
    if (ok) log.info({ replica: 'in use', reason }, 'stale reads go to the replica');
    else log.warn({ replica: 'not used', reason }, 'stale reads go to the primary');
  };
  await check();
  // A check that waits on an unreachable replica (up to the connection timeout) is not joined by more.
  let checking: Promise<void> | null = null;
  const timer = setInterval(() => {
    checking ??= check().finally(() => (checking = null));
  }, everyMs);
  timer.unref();
  return {
    database,
    usable: () => ok,
    markDown: () => {
      ok = false;
    },
    close: async () => {
      clearInterval(timer);
      await database.close();
    },
  };
}

/**
 * Runs a read that may be a few seconds old on the replica when there is a
 * usable one, else on the primary; a read that fails on the replica (it went
 * down between checks) runs again on the primary. Only for reads.
 */
export async function staleRead<T>(ctx: AppContext, read: (ctx: AppContext) => Promise<T>): Promise<T> {
  const replica = ctx.replica;
  if (replica?.usable()) {
    try {
      const answer = await read({ ...ctx, database: replica.database });
      staleReads.inc({ target: 'replica' });
      return answer;
    } catch (err) {
      if (err instanceof AppError) throw err;
      replica.markDown();
    }
  }
  staleReads.inc({ target: 'primary' });
  return read(ctx);
}

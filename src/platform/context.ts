// What every use case receives: the database, configuration and the clock.
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Replica } from './db/replica.js';

/** Injectable so tests can move time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface AppContext {
  database: Database;
  config: Config;
  clock: Clock;
  /** A streaming replica for reads that may be a few seconds old (db/replica.ts `staleRead`), when DATABASE_REPLICA_URL is set. */
  replica?: Replica;
}

// What every use case receives: the database, configuration and the clock.
import type { Config } from './config.js';
import type { Database } from './db/client.js';

/** Injectable so tests can move time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface AppContext {
  database: Database;
  config: Config;
  clock: Clock;
}

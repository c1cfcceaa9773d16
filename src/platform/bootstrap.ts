// Opens the database and brings it to a usable state: migrations, the area
// registry, national holidays and the SPBE frameworks. Safe to run at every start.
import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import { systemClock, type AppContext, type Clock } from './context.js';
import { migrate, openDatabase, type Database } from './db/client.js';
import { loadAreas } from './regions/load-areas.js';
import { nationalHolidays } from './regions/holidays.js';
import { seedSpbe } from '../modules/spbe/seed.js';

export async function prepareDatabase(database: Database, now: Date): Promise<void> {
  await migrate(database);
  await loadAreas(database);
  const year = now.getUTCFullYear();
  const days = nationalHolidays([year - 1, year, year + 1, year + 2]);
  await database.db.execute(sql`insert into national_holidays (date, name)
    select date, name from jsonb_to_recordset(${JSON.stringify(days)}::jsonb) as h(date date, name text)
    on conflict (date) do nothing`);
  await seedSpbe(database, now);
}

export async function openContext(config: Config, clock: Clock = systemClock): Promise<AppContext> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  await prepareDatabase(database, clock.now());
  return { database, config, clock };
}

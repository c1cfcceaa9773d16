// Opens the database and brings it to a usable state: migrations, the area
// registry, national holidays and each module's reference data (e.g. the SPBE
// frameworks). Safe to run at every start.
import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import { systemClock, type AppContext, type Clock } from './context.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrations.js';
import { loadAreas } from './regions/load-areas.js';
import { modules } from './modules/registry.js';
import { installSecretKey } from './secrets.js';

/** `directUrl`: migrate on the PostgreSQL server itself when `database` goes through a transaction pooler (Config.databaseDirectUrl). */
export async function prepareDatabase(database: Database, now: Date, directUrl?: string): Promise<void> {
  if (directUrl) {
    const direct = await openDatabase({ databaseUrl: directUrl, poolSize: 1 });
    try {
      await migrate(direct);
    } finally {
      await direct.close();
    }
  } else {
    await migrate(database);
  }
  await loadAreas(database);
  const year = now.getUTCFullYear();
  const years = [year - 1, year, year + 1, year + 2];
  const [{ known }] = await database.rows<{ known: number }>(sql`select count(distinct extract(year from date))::int as known from national_holidays
    where date >= ${`${years[0]}-01-01`}::date and date <= ${`${years[3]}-12-31`}::date`);
  if (known < years.length) {
    // The holiday library holds every country's rules (~25 MB in memory): loaded only when a year is missing.
    const { nationalHolidays } = await import('./calendar/holidays.js');
    await database.db.execute(sql`insert into national_holidays (date, name)
      select date, name from jsonb_to_recordset(${JSON.stringify(nationalHolidays(years))}::jsonb) as h(date date, name text)
      on conflict (date) do nothing`);
  }
  for (const m of modules()) await m.prepare?.(database, now);
}

export async function openContext(config: Config, clock: Clock = systemClock): Promise<AppContext> {
  // Before anything reads a stored secret (modules' prepare rewrites clear ones): a malformed key stops the start here.
  const { warning } = installSecretKey(config);
  if (warning) console.warn(`Pamong: ${warning}`);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir, namedStatements: config.namedStatements });
  await prepareDatabase(database, clock.now(), config.databaseDirectUrl);
  return { database, config, clock };
}

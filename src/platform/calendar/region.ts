// A region's working-day calendar from the database: its time zone and its
// days off (national holidays, cuti bersama, local days).
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../db/client.js';
import { findRegionCached, getRegion, type Region } from '../regions/service.js';
import type { MeasurePeriod } from '../modules/contract.js';
import { firstDayAfterMonth, startOfLocalDate, type WorkCalendar } from './calendar.js';

const DAY = 86_400_000;

/** The local dates whose holidays a deadline starting at `from` may need. */
export function holidayWindow(from: Date, days = 180): { start: string; end: string } {
  return { start: new Date(from.getTime() - 2 * DAY).toISOString().slice(0, 10), end: new Date(from.getTime() + days * DAY).toISOString().slice(0, 10) };
}

/**
 * The region's holidays (national, cuti bersama, local), between two dates
 * when given, as one SQL value (a JSON array of 'YYYY-MM-DD'), so a use case
 * can read them in the same query as the rest of what it needs (the values
 * may be placeholders of a prepared statement).
 */
export function holidaysSql(regionCode: string | Placeholder, window?: { start: string | Placeholder; end: string | Placeholder }): SQL {
  const within = window ? sql`and date between ${window.start}::date and ${window.end}::date` : sql``;
  return sql`(select coalesce(json_agg(h.date order by h.date), '[]'::json) from (
      select date from national_holidays where true ${within}
      union select date from region_holidays where region_code = ${regionCode} ${within}) h)`;
}

export function calendarOf(region: Pick<Region, 'utcOffsetMinutes'>, holidays: string[]): WorkCalendar {
  return { utcOffsetMinutes: region.utcOffsetMinutes, holidays: new Set(holidays) };
}

/** A region's calendar with the holidays between `from` and `to` (to: `days` after `from`). */
export async function regionCalendar(db: Queryable, regionCode: string, from: Date, to?: Date): Promise<WorkCalendar> {
  const region = await getRegion(db, regionCode);
  const days = to ? Math.ceil((to.getTime() - from.getTime()) / DAY) + 180 : undefined;
  const [row] = await queryRows<{ holidays: string[] }>(db, sql`select ${holidaysSql(regionCode, holidayWindow(from, days))} as holidays`);
  return calendarOf(region, row.holidays);
}

/** A measure's period as instants in the region's time: from its first month's first local midnight to the one after its last month; null for an unknown region. */
export async function periodInstants(db: Queryable, regionCode: string, period: Pick<MeasurePeriod, 'fromMonth' | 'toMonth'>): Promise<{ from: Date; to: Date } | null> {
  const region = await findRegionCached(db, regionCode);
  if (!region) return null;
  return { from: startOfLocalDate(`${period.fromMonth}-01`, region), to: startOfLocalDate(firstDayAfterMonth(period.toMonth), region) };
}

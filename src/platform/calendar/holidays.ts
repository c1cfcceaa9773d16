// Indonesian national public holidays, from the `date-holidays` data set.
// Pure: no I/O; the library computes dates (incl. Hijri and Chinese calendars) in memory.
//
// This is only the national baseline: cuti bersama (SKB 3 Menteri) and local
// holidays are not in the library and must be added by the region's calendar.
import Holidays from 'date-holidays';

export interface NationalHoliday {
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  /** Indonesian name; ' / '-joined when several holidays share a date. */
  name: string;
}

// Why: date-holidays 3.37 labels 27 Rajab (Isra Mikraj) as "Maulid Nabi
// Muhammad" in Indonesian, which would show two "Maulid" days a year.
const NAME_FIXES: Readonly<Record<string, string>> = { '27 Rajab': 'Isra Mikraj Nabi Muhammad' };

export function nationalHolidays(years: number[]): NationalHoliday[] {
  const hd = new Holidays('ID', { languages: ['id'], types: ['public'] });
  const byDate = new Map<string, string[]>();
  for (const year of new Set(years)) {
    if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
    for (const h of hd.getHolidays(year, 'id')) {
      if (h.type !== 'public') continue;
      // Why: `date` is local wall-clock time ('YYYY-MM-DD hh:mm:ss [offset]'); the
      // `start`/`end` instants would shift Hijri holidays (which begin at sunset) a day early.
      const date = h.date.slice(0, 10);
      if (!date.startsWith(`${year}-`)) continue;
      const name = NAME_FIXES[h.rule] ?? h.name;
      const names = byDate.get(date);
      if (!names) byDate.set(date, [name]);
      else if (!names.includes(name)) names.push(name);
    }
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, names]) => ({ date, name: names.join(' / ') }));
}

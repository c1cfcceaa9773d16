// A region's working-day calendar. Pure: no I/O, no clock, no machine time zone.
//
// Every "local" computation shifts the UTC instant by the region's fixed
// offset and reads the UTC fields of the shifted value. Indonesia has no DST,
// so a fixed offset per region (WIB/WITA/WIT) is exact, and the result does
// not depend on the TZ of the server or the test runner.

export type DurationUnit = 'hours' | 'working_days';

export interface WorkCalendar {
  /** Region's fixed offset: WIB 420, WITA 480, WIT 540 (Indonesia has no DST). */
  utcOffsetMinutes: number;
  /** Local dates 'YYYY-MM-DD' that are not working days (national + cuti bersama + local). */
  holidays: ReadonlySet<string>;
  /** 1=Mon..7=Sun local weekdays that are working days; default Mon-Fri {1,2,3,4,5}. */
  workingWeekdays?: ReadonlySet<number>;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MON_TO_FRI: ReadonlySet<number> = new Set([1, 2, 3, 4, 5]);
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function offsetMs(cal: Pick<WorkCalendar, 'utcOffsetMinutes'>): number {
  if (!Number.isFinite(cal.utcOffsetMinutes)) {
    throw new RangeError(`utcOffsetMinutes must be a finite number, got ${cal.utcOffsetMinutes}`);
  }
  return cal.utcOffsetMinutes * 60_000;
}

function assertValidDate(at: Date, what: string): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new RangeError(`${what} is not a valid Date`);
}

// Why: durations come from configuration (region/category rules); a
// fractional or negative amount is a data error, not something to round.
function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Duration amount must be a non-negative integer, got ${amount}`);
  }
}

// Why: without any working weekday a count over working days would never finish.
function assertSomeWorkingWeekday(cal: WorkCalendar): void {
  const weekdays = cal.workingWeekdays ?? MON_TO_FRI;
  if (![1, 2, 3, 4, 5, 6, 7].some((d) => weekdays.has(d))) {
    throw new RangeError('workingWeekdays must contain at least one weekday in 1..7');
  }
}

/** Midnight of a local date, as the UTC epoch ms of the same wall-clock date (a "shifted" value). */
function parseLocalDate(localDate: string): number {
  const m = LOCAL_DATE.exec(localDate);
  if (!m) throw new RangeError(`Expected a local date 'YYYY-MM-DD', got '${localDate}'`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Reject dates that Date.UTC silently rolls over, such as 2026-02-30.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: '${localDate}'`);
  }
  return ms;
}

function formatShifted(shiftedMs: number): string {
  return new Date(shiftedMs).toISOString().slice(0, 10);
}

/** Local midnight of the day holding a shifted instant, shifted. */
const dayOf = (shiftedMs: number) => shiftedMs - (((shiftedMs % DAY_MS) + DAY_MS) % DAY_MS);

/**
 * Whether a local date is a working day. Why: weekends are read from the date
 * itself (not from any Date in the machine's zone), holidays from the region's
 * calendar, so the answer is the same on every server.
 */
export function isWorkingDay(localDate: string, cal: WorkCalendar): boolean {
  const utcDay = new Date(parseLocalDate(localDate)).getUTCDay(); // 0=Sun..6=Sat
  const isoWeekday = utcDay === 0 ? 7 : utcDay;
  const weekdays = cal.workingWeekdays ?? MON_TO_FRI;
  return weekdays.has(isoWeekday) && !cal.holidays.has(localDate);
}

/** 'YYYY-MM-DD' of an instant in the region's local time (shift by offset, read UTC fields). */
export function localDateOf(at: Date, cal: Pick<WorkCalendar, 'utcOffsetMinutes'>): string {
  assertValidDate(at, 'at');
  return formatShifted(at.getTime() + offsetMs(cal));
}

/** The instant a local date 'YYYY-MM-DD' begins in the region (00:00 local). */
export function startOfLocalDate(localDate: string, cal: Pick<WorkCalendar, 'utcOffsetMinutes'>): Date {
  return new Date(parseLocalDate(localDate) - offsetMs(cal));
}

/**
 * The instant `amount` units after `start`.
 *
 * - 'hours': calendar hours, start + amount × 1 h, ignoring weekends and
 *   holidays. Why: the national "2×24 jam" first-response rule counts clock
 *   hours, not office hours.
 * - 'working_days': the end of the Nth working day counted AFTER the local day
 *   of `start`, i.e. 00:00 local time of the day following the Nth working day,
 *   returned as a UTC instant. Why: "N hari kerja sejak diterima" does not count
 *   the day of receipt, and the agency has the whole last day. Weekends (per
 *   `workingWeekdays`) and holidays are skipped. amount 0 = end of the start's
 *   local day (even when that day is itself not a working day).
 */
export function addDuration(start: Date, amount: number, unit: DurationUnit, cal: WorkCalendar): Date {
  assertValidDate(start, 'start');
  assertAmount(amount);

  if (unit === 'hours') return new Date(start.getTime() + amount * HOUR_MS);
  if (unit !== 'working_days') throw new RangeError(`Unknown duration unit '${String(unit)}'`);
  assertSomeWorkingWeekday(cal);

  const offset = offsetMs(cal);
  let day = dayOf(start.getTime() + offset);
  let counted = 0;
  while (counted < amount) {
    day += DAY_MS;
    if (isWorkingDay(formatShifted(day), cal)) counted++;
  }
  // End of `day` = next local midnight; unshift back to a real UTC instant.
  return new Date(day + DAY_MS - offset);
}

/** Milliseconds between `from` and `to` that fall on local working days (0 when `to` is not after `from`). */
export function workingTimeBetween(from: Date, to: Date, cal: WorkCalendar): number {
  assertValidDate(from, 'from');
  assertValidDate(to, 'to');
  const offset = offsetMs(cal);
  const [a, b] = [from.getTime() + offset, to.getTime() + offset];
  let total = 0;
  for (let day = dayOf(a); day < b; day += DAY_MS) {
    if (isWorkingDay(formatShifted(day), cal)) total += Math.min(b, day + DAY_MS) - Math.max(a, day);
  }
  return total;
}

/**
 * The instant `ms` of working-day time after `from`: time on weekends and
 * holidays does not count. Why: a deadline in working days that was paused
 * moves by the working time the pause took, not by the calendar time.
 */
export function addWorkingTime(from: Date, ms: number, cal: WorkCalendar): Date {
  assertValidDate(from, 'from');
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be a non-negative number, got ${ms}`);
  if (ms === 0) return new Date(from.getTime());
  assertSomeWorkingWeekday(cal);
  const offset = offsetMs(cal);
  const a = from.getTime() + offset;
  let left = ms;
  for (let day = dayOf(a); ; day += DAY_MS) {
    if (!isWorkingDay(formatShifted(day), cal)) continue;
    const begin = Math.max(a, day);
    if (left <= day + DAY_MS - begin) return new Date(begin + left - offset);
    left -= day + DAY_MS - begin;
  }
}

/** Milliseconds until `dueAt`; negative when overdue, 0 exactly at the deadline. */
export function timeLeftMs(dueAt: Date, now: Date): number {
  return dueAt.getTime() - now.getTime();
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A local date as Indonesian letters write it: 2026-12-06 → "6 Desember 2026". */
export function indonesianDate(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number);
  return `${d} ${MONTHS_ID[m - 1]} ${y}`;
}

/** The first day (YYYY-MM-DD) of the month after a YYYY-MM month: a period's end, exclusive. */
export function firstDayAfterMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

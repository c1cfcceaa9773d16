// Complaint deadlines (SLA). Pure: no I/O, no clock, no machine time zone.
//
// Every "local" computation shifts the UTC instant by the region's fixed
// offset and reads the UTC fields of the shifted value. Indonesia has no DST,
// so a fixed offset per region (WIB/WITA/WIT) is exact, and the result does
// not depend on the TZ of the server or the test runner.

export type SlaStage = 'verification' | 'response' | 'resolution';

export const slaStageLabel: Record<SlaStage, { id: string; en: string }> = {
  verification: { id: 'Verifikasi', en: 'Verification' },
  response: { id: 'Tanggapan pertama', en: 'First response' },
  resolution: { id: 'Penyelesaian', en: 'Resolution' },
};
export type SlaUnit = 'hours' | 'working_days';

export interface SlaRule {
  stage: SlaStage;
  amount: number;
  unit: SlaUnit;
  /** Internal service target, stricter than `amount`; null when there is none. */
  targetAmount: number | null;
}

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

function offsetMs(cal: WorkCalendar): number {
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
    throw new RangeError(`SLA amount must be a non-negative integer, got ${amount}`);
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
export function localDateOf(at: Date, cal: WorkCalendar): string {
  assertValidDate(at, 'at');
  return formatShifted(at.getTime() + offsetMs(cal));
}

/**
 * Deadline for `amount` units from `start`.
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
export function addSla(start: Date, amount: number, unit: SlaUnit, cal: WorkCalendar): Date {
  assertValidDate(start, 'start');
  assertAmount(amount);

  if (unit === 'hours') return new Date(start.getTime() + amount * HOUR_MS);
  if (unit !== 'working_days') throw new RangeError(`Unknown SLA unit '${String(unit)}'`);

  const weekdays = cal.workingWeekdays ?? MON_TO_FRI;
  // Why: without any working weekday the count below would never finish.
  if (![1, 2, 3, 4, 5, 6, 7].some((d) => weekdays.has(d))) {
    throw new RangeError('workingWeekdays must contain at least one weekday in 1..7');
  }

  const offset = offsetMs(cal);
  const startShifted = start.getTime() + offset;
  let day = startShifted - (((startShifted % DAY_MS) + DAY_MS) % DAY_MS); // local midnight of the start day, shifted
  let counted = 0;
  while (counted < amount) {
    day += DAY_MS;
    if (isWorkingDay(formatShifted(day), cal)) counted++;
  }
  // End of `day` = next local midnight; unshift back to a real UTC instant.
  return new Date(day + DAY_MS - offset);
}

/** Due and (optional) target instants for a rule. Why: the target uses the same unit as the due date. */
export function deadlinesFor(start: Date, rule: SlaRule, cal: WorkCalendar): { dueAt: Date; targetAt: Date | null } {
  return {
    dueAt: addSla(start, rule.amount, rule.unit, cal),
    targetAt: rule.targetAmount === null ? null : addSla(start, rule.targetAmount, rule.unit, cal),
  };
}

/** Milliseconds until `dueAt`; negative when overdue, 0 exactly at the deadline. */
export function timeLeftMs(dueAt: Date, now: Date): number {
  return dueAt.getTime() - now.getTime();
}

// Why these defaults: verification within 1×24 h of receipt; first response
// within the national 2×24 h, aiming for 1×24 h; resolution within 14 working days.
export const DEFAULT_SLA: Record<SlaStage, SlaRule> = Object.freeze({
  verification: Object.freeze({ stage: 'verification', amount: 24, unit: 'hours', targetAmount: null }),
  response: Object.freeze({ stage: 'response', amount: 48, unit: 'hours', targetAmount: 24 }),
  resolution: Object.freeze({ stage: 'resolution', amount: 14, unit: 'working_days', targetAmount: null }),
} satisfies Record<SlaStage, SlaRule>);

/**
 * Effective rule per stage. Why: precedence is category override > region
 * default > DEFAULT_SLA, decided per stage, so a category can tighten one stage
 * and inherit the rest. Within one list, the last rule for a stage wins; rules
 * for unknown stages are ignored. Returns fresh objects (never DEFAULT_SLA's).
 */
export function resolveRules(regionDefaults: SlaRule[], categoryOverrides: SlaRule[]): Record<SlaStage, SlaRule> {
  const out: Record<SlaStage, SlaRule> = {
    verification: { ...DEFAULT_SLA.verification },
    response: { ...DEFAULT_SLA.response },
    resolution: { ...DEFAULT_SLA.resolution },
  };
  for (const rule of [...regionDefaults, ...categoryOverrides]) {
    if (Object.prototype.hasOwnProperty.call(out, rule.stage)) out[rule.stage] = { ...rule };
  }
  return out;
}

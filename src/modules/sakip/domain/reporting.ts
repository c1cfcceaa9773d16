// Reporting periods as a SAKIP coordinator runs them: when units' reports
// are due (working days after the period ends, on the region's calendar),
// who is reminded and told when a report is not in (the region's ladder),
// and what state each unit's report is in. Pure: no database, no clock.
import { z } from 'zod';
import type { Words } from '../../../platform/errors.js';
import { addDuration, type WorkCalendar } from '../../../platform/calendar/calendar.js';

const HOUR = 3_600_000;

/** Who a rung of the ladder tells: the unit's planners, the unit's head, or the region's SAKIP coordinators. */
export const ladderAudiences = ['planners', 'unit_head', 'coordinator'] as const;
export type LadderAudience = (typeof ladderAudiences)[number];

export const reportingRung = z.object({
  /** Hours from the due time: negative is a reminder before it, 0 at it, positive after it. */
  afterHours: z.number().int().min(-24 * 30).max(24 * 60),
  to: z.enum(ladderAudiences),
});
export type ReportingRung = z.infer<typeof reportingRung>;

const dueDays = z.number().int().min(0).max(120);

export const reportingSettings = z.object({
  /**
   * Working days after a period ends by which units report, per kind of
   * period. The region's own rule: the defaults are common practice, not a
   * regulation.
   */
  dueWorkingDays: z.object({ month: dueDays.default(5), quarter: dueDays.default(10), year: dueDays.default(20) }).prefault({}),
  /** Who is told, in order, while a unit's report is not in. */
  ladder: z.array(reportingRung).min(1).max(5)
    .refine((rungs) => rungs.every((r, i) => i === 0 || r.afterHours >= rungs[i - 1].afterHours), { message: 'rungs in order of afterHours' })
    .default([
      { afterHours: -72, to: 'planners' },
      { afterHours: 0, to: 'unit_head' },
      { afterHours: 72, to: 'coordinator' },
    ]),
});
export type ReportingSettings = z.infer<typeof reportingSettings>;

/**
 * The default due time: the end of the Nth working day after the period's
 * last day (0: the end of its last day), in the region's time, skipping its
 * weekends and holidays.
 */
export function defaultDueAt(periodEnd: Date, workingDays: number, cal: WorkCalendar): Date {
  return addDuration(new Date(periodEnd.getTime() - 1), workingDays, 'working_days', cal);
}

/** A due date as the coordinator gives it (a local date): the end of that day in the region's time. */
export function endOfLocalDay(localDate: string, utcOffsetMinutes: number): Date {
  const [y, m, d] = localDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1) - utcOffsetMinutes * 60_000);
}

/** The local date whose end is the due time (the inverse of endOfLocalDay). */
export function localDueDate(dueAt: Date, utcOffsetMinutes: number): string {
  return new Date(dueAt.getTime() - 1 + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** When the sweep first looks at a unit's deadline: at the first rung when it is a reminder before the due time, else at the due time. */
export function firstCheckAt(dueAt: Date, ladder: readonly ReportingRung[]): Date {
  return new Date(dueAt.getTime() + Math.min(0, ladder[0]?.afterHours ?? 0) * HOUR);
}

/**
 * A unit's report: submitted by the due time (reported) or after it
 * (reported_late); not submitted while it may still be (pending), past the
 * due time (late), or in a closed period (missing).
 */
export type ReportStatus = 'reported' | 'reported_late' | 'pending' | 'late' | 'missing';
export const reportStatuses = ['reported', 'reported_late', 'pending', 'late', 'missing'] as const satisfies readonly ReportStatus[];

export const reportStatusLabels: Record<ReportStatus, Words> = {
  reported: { id: 'Sudah melapor tepat waktu', en: 'Reported on time' },
  reported_late: { id: 'Melapor terlambat', en: 'Reported late' },
  pending: { id: 'Belum melapor (belum jatuh tempo)', en: 'Not reported yet (not yet due)' },
  late: { id: 'Terlambat: belum melapor setelah batas waktu', en: 'Late: not reported after the due time' },
  missing: { id: 'Tidak melapor: periode sudah ditutup', en: 'Missing: the period was closed without it' },
};

export function reportStatus(r: { submittedAt: Date | null; dueAt: Date; locked: boolean; now: Date }): ReportStatus {
  // The due time is the first instant after the last day: on time is strictly before it.
  if (r.submittedAt) return r.submittedAt < r.dueAt ? 'reported' : 'reported_late';
  if (r.locked) return 'missing';
  return r.now < r.dueAt ? 'pending' : 'late';
}

/** The due time in words for a notice: "Rabu, 14 Oktober 2026 pukul 24.00 WIB" / "the end of Wednesday, 14 October 2026 (WIB)". */
export function dueWords(dueAt: Date, region: { timezone: string; timezoneLabel: string }): Words {
  const lastDay = new Date(dueAt.getTime() - 1);
  const day = (locale: string) => new Intl.DateTimeFormat(locale, { timeZone: region.timezone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(lastDay);
  return { id: `${day('id-ID')} pukul 24.00 ${region.timezoneLabel}`, en: `the end of ${day('en-GB')} (${region.timezoneLabel})` };
}

// Pure dashboard math: what one complaint adds to the summary table, the
// metrics read from it (percentiles: times.ts), the reporting period.
import { timezoneOf, utcOffsetMinutes } from '../../../platform/regions/areas.js';
import type { Text } from '../../../platform/i18n.js';
import { BUCKET_MINUTES, bucketOf, quantile, type TimeEstimate } from './times.js';

export const OPEN_STATUSES = ['submitted', 'dispatched', 'in_progress'] as const;
/** Stands for "no unit yet" in the summary key (primary keys cannot hold null). */
export const NO_UNIT = '00000000-0000-0000-0000-000000000000';
/** Stands for "no district given". */
export const NO_DISTRICT = '';
/**
 * The district of the roll-up rows: every complaint counts twice in the
 * summary, under its district and under ALL_DISTRICTS. Views that do not split
 * by district read only the roll-up rows, whose number is bounded by months ×
 * categories × units however many complaints there are.
 */
export const ALL_DISTRICTS = '*';

export const COUNTERS = ['received', 'open', 'resolved', 'rejected', 'merged', 'transferred', 'responded', 'respondedInTime', 'resolvedInTime', 'escalatedOpen'] as const;
export type Counter = (typeof COUNTERS)[number];

/** Counts and time histograms (counts per BUCKET_MINUTES bucket) of a set of complaints; adds up across rows. */
export type Tally = Record<Counter, number> & { responseTimes: number[]; resolutionTimes: number[] };

export function emptyTally(): Tally {
  const t = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>;
  return { ...t, responseTimes: BUCKET_MINUTES.map(() => 0), resolutionTimes: BUCKET_MINUTES.map(() => 0) };
}

export function addTally(a: Tally, b: Tally, sign: 1 | -1 = 1): Tally {
  const t = Object.fromEntries(COUNTERS.map((c) => [c, a[c] + sign * b[c]])) as Record<Counter, number>;
  return {
    ...t,
    responseTimes: a.responseTimes.map((v, i) => v + sign * b.responseTimes[i]),
    resolutionTimes: a.resolutionTimes.map((v, i) => v + sign * b.resolutionTimes[i]),
  };
}

export const isZero = (t: Tally) => COUNTERS.every((c) => t[c] === 0) && [...t.responseTimes, ...t.resolutionTimes].every((v) => v === 0);

/** The fields of a complaint row that the summary depends on. */
export interface ComplaintFacts {
  regionCode: string;
  categoryId: string;
  unitId: string | null;
  districtCode: string | null;
  status: string;
  submittedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  firstResponseInTime: boolean | null;
  resolvedInTime: boolean | null;
  /** An open deadline already escalated by the SLA sweep (complaints.escalated_open); absent is false. */
  escalatedOpen?: boolean;
}

export interface StatsKey {
  regionCode: string;
  /** First day of the local month of submission, YYYY-MM-01. */
  month: string;
  categoryId: string;
  unitId: string;
  districtCode: string;
}

export const offsetOf = (regionCode: string) => utcOffsetMinutes[timezoneOf(regionCode)];

/** The region's local calendar month (YYYY-MM) of an instant. */
export function localMonth(at: Date, offsetMinutes: number): string {
  return new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 7);
}

/** What one complaint adds to the summary. */
export function contribution(c: ComplaintFacts): { key: StatsKey; tally: Tally } {
  const t = emptyTally();
  t.received = 1;
  if ((OPEN_STATUSES as readonly string[]).includes(c.status)) t.open = 1;
  if (c.status === 'rejected') t.rejected = 1;
  if (c.status === 'merged') t.merged = 1;
  if (c.status === 'transferred') t.transferred = 1;
  if (c.escalatedOpen) t.escalatedOpen = 1;
  if (c.firstResponseAt) {
    t.responded = 1;
    if (c.firstResponseInTime) t.respondedInTime = 1;
    t.responseTimes[bucketOf(c.firstResponseAt.getTime() - c.submittedAt.getTime())] = 1;
  }
  if (c.resolvedAt) {
    t.resolved = 1;
    if (c.resolvedInTime) t.resolvedInTime = 1;
    t.resolutionTimes[bucketOf(c.resolvedAt.getTime() - c.submittedAt.getTime())] = 1;
  }
  const key: StatsKey = {
    regionCode: c.regionCode, month: `${localMonth(c.submittedAt, offsetOf(c.regionCode))}-01`, categoryId: c.categoryId,
    unitId: c.unitId ?? NO_UNIT, districtCode: c.districtCode ?? NO_DISTRICT,
  };
  return { key, tally: t };
}

export const keyString = (k: StatsKey) => [k.regionCode, k.month, k.categoryId, k.unitId, k.districtCode].join('|');

/**
 * The summary changes for a complaint going from `before` to `after`: the old
 * contribution taken out, the new one put in (each under its district and
 * under ALL_DISTRICTS), zero changes dropped, in key order
 * (so concurrent transactions lock summary rows in the same order).
 */
export function statsChanges(before: ComplaintFacts | null, after: ComplaintFacts): { key: StatsKey; tally: Tally }[] {
  const changes = new Map<string, { key: StatsKey; tally: Tally }>();
  const put = (c: { key: StatsKey; tally: Tally }, sign: 1 | -1) => {
    const k = keyString(c.key);
    changes.set(k, { key: c.key, tally: addTally(changes.get(k)?.tally ?? emptyTally(), c.tally, sign) });
  };
  const putBoth = (c: { key: StatsKey; tally: Tally }, sign: 1 | -1) => {
    put(c, sign);
    put({ key: { ...c.key, districtCode: ALL_DISTRICTS }, tally: c.tally }, sign);
  };
  if (before) putBoth(contribution(before), -1);
  putBoth(contribution(after), 1);
  return [...changes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c).filter((c) => !isZero(c.tally));
}

export interface Metrics {
  received: number;
  responded: number;
  respondedInTime: number;
  /** Share of first responses within the response deadline, in percent. */
  responseCompliancePct: number | null;
  resolved: number;
  resolvedInTime: number;
  resolutionCompliancePct: number | null;
  /** Times from submission, known to their histogram bucket (see times.ts quantile); null when nothing was measured. */
  responseTimeMedian: TimeEstimate | null;
  responseTimeP90: TimeEstimate | null;
  resolutionTimeMedian: TimeEstimate | null;
  resolutionTimeP90: TimeEstimate | null;
  rejected: number;
  merged: number;
  transferred: number;
  /** Still open now (submitted, dispatched or in progress). */
  backlog: number;
  /** Open now with a deadline already past. */
  overdue: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (part: number, whole: number) => (whole === 0 ? null : round1((100 * part) / whole));

export function metrics(t: Tally, overdue: number): Metrics {
  return {
    received: t.received,
    responded: t.responded,
    respondedInTime: t.respondedInTime,
    responseCompliancePct: pct(t.respondedInTime, t.responded),
    resolved: t.resolved,
    resolvedInTime: t.resolvedInTime,
    resolutionCompliancePct: pct(t.resolvedInTime, t.resolved),
    responseTimeMedian: quantile(t.responseTimes, 0.5),
    responseTimeP90: quantile(t.responseTimes, 0.9),
    resolutionTimeMedian: quantile(t.resolutionTimes, 0.5),
    resolutionTimeP90: quantile(t.resolutionTimes, 0.9),
    rejected: t.rejected,
    merged: t.merged,
    transferred: t.transferred,
    backlog: t.open,
    overdue,
  };
}

export const dimensions = ['unit', 'category', 'district', 'month'] as const;
export type Dimension = (typeof dimensions)[number] | 'region';

export interface Group {
  key: string;
  tally: Tally;
  overdue: number;
}

export interface ReportRow extends Metrics {
  /** Unit or category id, district code, YYYY-MM or region code; null for "no unit" / "no district". */
  key: string | null;
  label: Text;
}

export interface Report {
  period: Period & { timezone: string };
  by: Dimension;
  totals: Metrics;
  rows: ReportRow[];
}

/** Rows in the given order, and totals that are their sum. */
export function buildReport(period: Report['period'], by: Dimension, groups: Group[], labelOf: (key: string) => Text): Report {
  const total = groups.reduce((t, g) => addTally(t, g.tally), emptyTally());
  const overdue = groups.reduce((n, g) => n + g.overdue, 0);
  return {
    period, by, totals: metrics(total, overdue),
    rows: groups.map((g) => ({
      key: g.key === NO_UNIT || g.key === NO_DISTRICT ? null : g.key, label: labelOf(g.key), ...metrics(g.tally, g.overdue),
    })),
  };
}

// Reporting period: whole local months.

export interface Period {
  from: string; // YYYY-MM
  to: string; // YYYY-MM, inclusive
}

export const MAX_PERIOD_MONTHS = 60;

const monthIndex = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const fromIndex = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

/**
 * The period asked for. A missing bound stays in the other bound's year; with
 * neither, the current year. Null when `from` is after `to` or it spans more than five years.
 */
export function resolvePeriod(q: { from?: string; to?: string }, currentYear: number): Period | null {
  const from = q.from ?? `${(q.to ?? String(currentYear)).slice(0, 4)}-01`;
  const to = q.to ?? `${from.slice(0, 4)}-12`;
  const months = monthIndex(to) - monthIndex(from) + 1;
  return months >= 1 && months <= MAX_PERIOD_MONTHS ? { from, to } : null;
}

export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let i = monthIndex(p.from); i <= monthIndex(p.to); i++) out.push(fromIndex(i));
  return out;
}

/** The instant a local month (YYYY-MM) starts in a time zone offset from UTC. */
export function monthStart(ym: string, offsetMinutes: number): Date {
  return new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)) - 1, 1) - offsetMinutes * 60_000);
}

/** The first instant after the period. */
export const periodEnd = (p: Period, offsetMinutes: number) => monthStart(fromIndex(monthIndex(p.to) + 1), offsetMinutes);

const monthNames = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function monthLabel(ym: string): Text {
  const m = Number(ym.slice(5, 7)) - 1;
  const y = ym.slice(0, 4);
  return { id: `${monthNames.id[m]} ${y}`, en: `${monthNames.en[m]} ${y}` };
}

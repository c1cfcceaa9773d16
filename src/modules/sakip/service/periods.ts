// Reporting periods: a year (2026), a quarter (2026-Q1) or a month (2026-03).
export type PeriodKind = 'year' | 'quarter' | 'month';

export interface Period { year: number; kind: PeriodKind; /** Quarter 1–4 or month 1–12; 0 for a year. */ index: number }

export const PERIOD_PATTERN = /^(\d{4})(?:-(Q[1-4]|0[1-9]|1[0-2]))?$/;

export function parsePeriod(period: string): Period {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new RangeError(`not a period: ${period}`);
  const year = Number(m[1]);
  if (!m[2]) return { year, kind: 'year', index: 0 };
  if (m[2].startsWith('Q')) return { year, kind: 'quarter', index: Number(m[2].slice(1)) };
  return { year, kind: 'month', index: Number(m[2]) };
}

export const periodKind = (period: string): PeriodKind => parsePeriod(period).kind;

/** The instant the period begins, at midnight in a region `utcOffsetMinutes` east of UTC. */
export function periodStart(p: Period, utcOffsetMinutes: number): Date {
  const month = p.kind === 'year' ? 0 : p.kind === 'quarter' ? (p.index - 1) * 3 : p.index - 1;
  return new Date(Date.UTC(p.year, month, 1) - utcOffsetMinutes * 60_000);
}

/** Every period of its kind in a year, in order: what a full year of reporting holds. */
export function periodsOfYear(kind: PeriodKind, year: number): string[] {
  if (kind === 'year') return [String(year)];
  if (kind === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

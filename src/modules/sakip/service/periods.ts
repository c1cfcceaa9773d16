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

/** The months a period spans, 1–12: [first, last]. */
function monthsOf(p: Period): [number, number] {
  if (p.kind === 'year') return [1, 12];
  if (p.kind === 'quarter') return [p.index * 3 - 2, p.index * 3];
  return [p.index, p.index];
}

/** A quarter's three months as YYYY-MM (2026-Q2 → 2026-04, 2026-05, 2026-06); none for a month or a year. */
export function quarterMonths(period: string): string[] {
  const p = parsePeriod(period);
  if (p.kind !== 'quarter') return [];
  const [first] = monthsOf(p);
  return [first, first + 1, first + 2].map((m) => `${p.year}-${String(m).padStart(2, '0')}`);
}

/** The period's first and last month as YYYY-MM: what another module's measure is read for. */
export function monthRange(p: Period): { fromMonth: string; toMonth: string } {
  const [first, last] = monthsOf(p);
  const month = (m: number) => `${p.year}-${String(m).padStart(2, '0')}`;
  return { fromMonth: month(first), toMonth: month(last) };
}

/** The instant the period begins, at midnight in a region `utcOffsetMinutes` east of UTC. */
export function periodStart(p: Period, utcOffsetMinutes: number): Date {
  return new Date(Date.UTC(p.year, monthsOf(p)[0] - 1, 1) - utcOffsetMinutes * 60_000);
}

/** The instant the period ends: midnight after its last day, in the region's time. */
export function periodEnd(p: Period, utcOffsetMinutes: number): Date {
  return new Date(Date.UTC(p.year, monthsOf(p)[1], 1) - utcOffsetMinutes * 60_000);
}

/** Every period of its kind in a year, in order: what a full year of reporting holds. */
export function periodsOfYear(kind: PeriodKind, year: number): string[] {
  if (kind === 'year') return [String(year)];
  if (kind === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The period itself and those that contain it, smallest first: 2026-03 → 2026-03, 2026-Q1, 2026. */
export function periodAndContainers(period: string): string[] {
  const p = parsePeriod(period);
  if (p.kind === 'year') return [period];
  if (p.kind === 'quarter') return [period, String(p.year)];
  return [period, `${p.year}-Q${Math.ceil(p.index / 3)}`, String(p.year)];
}

/** Whether `inner` lies within `outer`, itself included (2026-03 lies within 2026-Q1 and 2026, not within 2026-Q2 nor 2026-02). */
export const isWithin = (inner: string, outer: string): boolean => periodAndContainers(inner).includes(outer);

/** Order within a year: the year first, then months and quarters by when they end (2026-03 before 2026-Q1). */
export const periodOrder = (period: string): number => {
  const p = parsePeriod(period);
  return p.kind === 'year' ? 0 : p.kind === 'quarter' ? p.index * 3 : p.index;
};

/**
 * What a measure is read for, given the region's open reporting periods:
 * each period of a kind it measures, else that period's year when it
 * measures years (the yearly SPBE index beside an open quarter); each once,
 * by year and then as periodOrder sorts them.
 */
export function periodsToRead(open: readonly string[], kinds: readonly PeriodKind[]): string[] {
  const wanted = new Set<string>();
  for (const period of open) {
    const p = parsePeriod(period);
    if (kinds.includes(p.kind)) wanted.add(period);
    else if (kinds.includes('year')) wanted.add(String(p.year));
  }
  return [...wanted].sort((a, b) => parsePeriod(a).year - parsePeriod(b).year || periodOrder(a) - periodOrder(b));
}

// The periods a leader's trend is read over, from the region's local date:
// the last twelve months (this one included, so far) or the last five years.
import type { MeasurePeriod } from '../../../platform/modules/contract.js';

export type TrendKind = 'month' | 'year';

export const TREND_LENGTH: Record<TrendKind, number> = { month: 12, year: 5 };

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

/** The periods ending with the one holding `localDate` (YYYY-MM-DD), oldest first. */
export function trendPeriods(kind: TrendKind, localDate: string): MeasurePeriod[] {
  const year = Number(localDate.slice(0, 4));
  const m = Number(localDate.slice(5, 7));
  return Array.from({ length: TREND_LENGTH[kind] }, (_, i) => {
    const back = TREND_LENGTH[kind] - 1 - i;
    if (kind === 'year') return { kind, year: year - back, fromMonth: month(year - back, 1), toMonth: month(year - back, 12) };
    const index = year * 12 + (m - 1) - back;
    const at = month(Math.floor(index / 12), (index % 12) + 1);
    return { kind, year: Math.floor(index / 12), fromMonth: at, toMonth: at };
  });
}

/** How a period is labelled on the wire: 2026 or 2026-03. */
export const periodKey = (p: MeasurePeriod) => (p.kind === 'year' ? String(p.year) : p.fromMonth);

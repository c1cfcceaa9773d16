// Before and after an adoption, in calendar periods: the adopter's figure
// for the full period before the one it adopted in, and for the latest full
// period since. Quarters where a measure has them (complaints, services),
// years where not (the SPBE index). Pure: dates are the region's local dates.
import type { MeasurePeriod } from '../../../platform/modules/contract.js';

type Kind = 'quarter' | 'year';

const two = (n: number) => String(n).padStart(2, '0');

/** The quarter or year holding a local date 'YYYY-MM-DD'. */
export function periodHolding(kind: Kind, localDate: string): MeasurePeriod {
  const year = Number(localDate.slice(0, 4));
  if (kind === 'year') return { kind, year, fromMonth: `${year}-01`, toMonth: `${year}-12` };
  const q = Math.floor((Number(localDate.slice(5, 7)) - 1) / 3);
  return { kind, year, fromMonth: `${year}-${two(q * 3 + 1)}`, toMonth: `${year}-${two(q * 3 + 3)}` };
}

/** The period just before. */
export function previousPeriod(p: MeasurePeriod): MeasurePeriod {
  if (p.kind === 'year') return periodHolding('year', `${p.year - 1}-06-01`);
  const month = Number(p.fromMonth.slice(5, 7));
  return month === 1 ? periodHolding('quarter', `${p.year - 1}-12-01`) : periodHolding('quarter', `${p.year}-${two(month - 3)}-01`);
}

/** How a period is written: "2026-Q3", "2025". */
export const periodLabel = (p: MeasurePeriod): string => (p.kind === 'year' ? String(p.year) : `${p.year}-Q${(Number(p.fromMonth.slice(5, 7)) + 2) / 3}`);

/**
 * The periods to compare for an adoption on `adopted` seen on `today`: the
 * full period before the adoption's, and the latest full period after it
 * (null while none has ended yet).
 */
export function beforeAndAfter(kind: Kind, adopted: string, today: string): { before: MeasurePeriod; after: MeasurePeriod | null } {
  const during = periodHolding(kind, adopted);
  const lastFull = previousPeriod(periodHolding(kind, today));
  return { before: previousPeriod(during), after: lastFull.fromMonth > during.fromMonth ? lastFull : null };
}

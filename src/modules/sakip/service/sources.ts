// Realisations taken from another module's measure, so a region's figure is
// never typed twice: the SPBE index from its evaluations, the share of
// complaints answered on time from the complaints module. The value goes
// through the same use case as a typed one (who may, which periods, locking),
// with a note of where it came from and how it is measured. A person takes
// one period here; the sweep (source-sync.ts) takes the open periods itself.
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { findMeasure, readMeasure, type NamedMeasure } from '../../../platform/modules/measures.js';
import { indicatorIn, planFor } from './data.js';
import { monthRange, parsePeriod } from './periods.js';
import { enterRealisation } from './targets.js';

/** The measure an indicator takes its realisations from; refused when it has none (or its module is gone). */
export function sourceOf(indicator: { source: string | null }): NamedMeasure {
  const found = indicator.source ? findMeasure(indicator.source) : undefined;
  if (!found) throw new AppError('sakip.source_missing');
  return found;
}

/**
 * The measure's value for the region's period, with the note stored beside
 * it; refused when the measure does not measure that kind of period or has
 * no value for it yet. Always the region's own figure: `regionCode` is the
 * indicator's region.
 */
export async function readSource(ctx: AppContext, found: NamedMeasure, regionCode: string, period: string): Promise<{ value: string; note: string }> {
  const p = parsePeriod(period);
  if (!found.measure.periods.includes(p.kind)) throw new AppError('sakip.source_period_unsupported', { period, periods: [...found.measure.periods] });
  const value = await readMeasure(ctx, found.measure, regionCode, { kind: p.kind, year: p.year, ...monthRange(p) });
  if (value === null) throw new AppError('sakip.source_no_value', { period, source: found.ref });
  const { title, method } = found.measure;
  return { value, note: `Diambil otomatis dari ${title.id}: ${method.id} / Taken from ${title.en}: ${method.en}` };
}

export async function realisationFromSource(
  ctx: AppContext, region: { code: string; utcOffsetMinutes: number }, actor: Actor, planId: string, indicatorId: string, period: string, reason?: string,
) {
  const db = ctx.database.db;
  const indicator = await indicatorIn(db, await planFor(db, region.code, planId), indicatorId);
  const taken = await readSource(ctx, sourceOf(indicator), region.code, period);
  return enterRealisation(ctx, region, actor, planId, indicatorId, period, { ...taken, ...(reason ? { reason } : {}) });
}

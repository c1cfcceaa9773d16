// Realisations taken from another module's measure, so a region's figure is
// never typed twice: the SPBE index from its evaluations, the share of
// complaints answered on time from the complaints module. The value goes
// through the same use case as a typed one (who may, which periods, locking),
// with a note of where it came from and how it is measured.
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { findMeasure, readMeasure } from '../../../platform/modules/measures.js';
import { indicatorIn, planFor } from './data.js';
import { monthRange, parsePeriod } from './periods.js';
import { enterRealisation } from './targets.js';

export async function realisationFromSource(
  ctx: AppContext, region: { code: string; utcOffsetMinutes: number }, actor: Actor, planId: string, indicatorId: string, period: string, reason?: string,
) {
  const db = ctx.database.db;
  const indicator = await indicatorIn(db, await planFor(db, region.code, planId), indicatorId);
  const found = indicator.source ? findMeasure(indicator.source) : undefined;
  if (!found) throw new AppError('sakip.source_missing');
  const p = parsePeriod(period);
  if (!found.measure.periods.includes(p.kind)) throw new AppError('sakip.source_period_unsupported', { period, periods: [...found.measure.periods] });
  const value = await readMeasure(ctx, found.measure, region.code, { kind: p.kind, year: p.year, ...monthRange(p) });
  if (value === null) throw new AppError('sakip.source_no_value', { period, source: found.ref });
  const { title, method } = found.measure;
  return enterRealisation(ctx, region, actor, planId, indicatorId, period, {
    value, note: `Diambil otomatis dari ${title.id}: ${method.id} / Taken from ${title.en}: ${method.en}`, ...(reason ? { reason } : {}),
  });
}

// A tile's trend: its measure read for each of the last twelve months or five
// years of the region's local calendar. Only a measure some tile names as its
// trend is read here (the page offers nothing else).
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import type { Region } from '../../../platform/regions/service.js';
import { findMeasure, readMeasure } from '../../../platform/modules/measures.js';
import { listTiles } from '../../../platform/modules/tiles.js';
import { periodKey, trendPeriods, type TrendKind } from '../domain/periods.js';

export async function tileTrend(ctx: AppContext, region: Region, ref: string, kind: TrendKind) {
  const found = listTiles().some(({ module, tile }) => tile.trend && `${module}.${tile.trend}` === ref) ? findMeasure(ref) : undefined;
  if (!found) throw new AppError('pimpinan.trend_not_found');
  const { measure } = found;
  if (!measure.periods.includes(kind)) throw new AppError('pimpinan.trend_period', { periods: [...measure.periods] });
  const periods = trendPeriods(kind, localDateOf(ctx.clock.now(), calendarOf(region, [])));
  const values = await Promise.all(periods.map((p) => readMeasure(ctx, measure, region.code, p)));
  return {
    ref, title: measure.title, method: measure.method, measure: measure.measure, kind,
    points: periods.map((p, i) => ({ period: periodKey(p), value: values[i] })),
  };
}

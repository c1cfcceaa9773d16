// The region overview recomputed from the raw targets and realisations, plan
// by plan, as it was before the stored summary (service/figures.ts): the
// reference the tests compare the summary's answer with, and the naive
// baseline of `npm run bench`. Not served.
import type { AppContext } from '../../../platform/context.js';
import { activePlans, count, emptyTally, overviewView, regionUnits, regionYear, type Tally } from './overview.js';
import { planFigures, type RegionView } from './views.js';

export async function regionOverviewFromRaw(ctx: AppContext, region: RegionView, askedYear?: number) {
  const year = askedYear ?? regionYear(ctx, region.utcOffsetMinutes);
  const [plans, unitRows] = await Promise.all([activePlans(ctx.database.db, region.code, year), regionUnits(ctx, region.code)]);
  const byUnit = new Map<string | null, Tally>();
  const iku = emptyTally();
  for (const plan of plans) {
    const { data, indicators } = await planFigures(ctx.database.db, region, plan, year);
    const nodeUnit = new Map(data.nodes.map((n) => [n.id, n.unitId ?? plan.unitId]));
    const byId = new Map([...indicators.values()].flat().map((v) => [v.view.id, v]));
    for (const i of data.indicators) {
      const figures = byId.get(i.id)!;
      const a = figures.view.achievement;
      const unitId = nodeUnit.get(i.nodeId) ?? null;
      const tally = byUnit.get(unitId) ?? emptyTally();
      byUnit.set(unitId, tally);
      const reported = (a.realisation?.reported.length ?? 0) > 0;
      count(tally, i.id, a.target !== null, reported, figures.figure);
      if (plan.kind === 'rpjmd' && i.isIku) count(iku, i.id, a.target !== null, reported, figures.figure);
    }
  }
  return overviewView(region, year, plans, unitRows, byUnit, iku);
}

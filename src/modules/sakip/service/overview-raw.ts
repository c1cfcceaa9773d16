// The region overview recomputed from the raw targets and realisations, plan
// by plan, as it was before the stored summary (service/figures.ts): the
// reference the tests compare the summary's answer with, and the naive
// baseline of `npm run bench`. Not served.
import type { AppContext } from '../../../platform/context.js';
import { planFor } from './data.js';
import type { EfficiencySource, PlanYear, PlanYearReader } from './efficiency.js';
import { tallyOf } from '../domain/achievement.js';
import { activePlans, overviewView, regionUnits, regionYear, responsibleUnit, UnitTallies } from './overview.js';
import { planFigures, type RegionView } from './views.js';

export async function regionOverviewFromRaw(ctx: AppContext, region: RegionView, askedYear?: number) {
  const year = askedYear ?? regionYear(ctx, region.utcOffsetMinutes);
  const [plans, unitRows] = await Promise.all([activePlans(ctx.database.db, region.code, year), regionUnits(ctx, region.code)]);
  const counted = new UnitTallies();
  for (const plan of plans) {
    const { data, indicators } = await planFigures(ctx.database.db, region, plan, year);
    const nodeUnit = new Map(data.nodes.map((n) => [n.id, responsibleUnit(plan, n)]));
    const byId = new Map([...indicators.values()].flat().map((v) => [v.view.id, v]));
    for (const i of data.indicators) {
      const figures = byId.get(i.id)!;
      const a = figures.view.achievement;
      const reported = (a.realisation?.reported.length ?? 0) > 0;
      counted.count(nodeUnit.get(i.nodeId) ?? null, plan.kind === 'rpjmd' && i.isIku, a.target !== null, reported, figures.figure);
    }
  }
  return overviewView(region, year, null, plans, unitRows, counted);
}

/** The budgeted plans' year for the efficiency, recomputed from the raw rows plan by plan (withEfficiency's reader before the summary). */
export const rawPlanYears: PlanYearReader = async (db, region, planIds, year, needs) => {
  const out = new Map<string, PlanYear>();
  for (const id of planIds) {
    const { data, indicators } = await planFigures(db, region, await planFor(db, region.code, id), year);
    const byNode = [...indicators];
    out.set(id, {
      nodes: data.nodes,
      tallies: new Map(!needs.tallies ? [] : byNode.map(([nodeId, list]) => [nodeId, tallyOf(list.map((i) => i.figure))])),
      outputs: new Map(!needs.outputs ? [] : byNode.map(([nodeId, list]) => [nodeId, list
        .map((i) => ({ name: i.view.name, polarity: i.view.polarity, target: i.view.achievement.target?.value ?? null, realised: i.view.achievement.realisation?.value ?? null }))
        .filter((o) => o.target !== null && o.realised !== null)])),
    });
  }
  return out;
};

/** Efficiency from the raw rows: each plan's figures recomputed, each unit's budget from every budget node. */
export const RAW: EfficiencySource = { planYears: rawPlanYears, storedBudgets: false, period: null };

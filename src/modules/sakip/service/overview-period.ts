// The region overview for one quarter or month: each unit's indicators
// counted as the yearly overview counts them, but each judged by its
// action-plan target for that period against that period's realisation (as a
// budget node's period is, efficiency.ts nodeBudget), and the budget rows
// inside the period for absorption and efficiency. An occasional drill, so it
// is computed from the raw rows inside that one period (its realisations,
// action targets and budget rows): no stored summary as for the year. A quarter's
// target and realisation are the indicator's quarter rows, or, for one
// entered by month, the months inside aggregated by its rule (sum, average,
// last) as the year aggregates its periods: a month not reported is never a
// zero, so a quarter part-reported shows its reported months (and the
// indicator counts as reported). A quarter's budget adds the months inside; a
// month is its own rows.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { tallyOf } from '../domain/achievement.js';
import { sakipActionTargets, sakipIndicators, sakipNodes, sakipPlans, sakipRealisations } from '../schema.js';
import { periodFigure, STORED, valuesByIndicator, withEfficiency, type EfficiencyRegion, type EfficiencySource, type OutputFigure, type PlanYear, type PlanYearReader } from './efficiency.js';
import { activePlans, overviewView, regionOverview, regionUnits, responsibleUnit, targetFocus, UnitTallies } from './overview.js';
import { parsePeriod, quarterMonths } from './periods.js';

/**
 * The plans' nodes, and each indicator with its action-plan target and
 * realisation of `period` and their achievement (periodFigure: a quarter's
 * own rows, else its months by the indicator's rule). One query per kind of
 * rows, the period's and, for a quarter, its months'.
 */
async function periodFigures(db: Queryable, regionCode: string, planIds: readonly string[], period: string) {
  if (planIds.length === 0) return { nodes: [], indicators: [] };
  const ids = [...planIds];
  const { year } = parsePeriod(period);
  const periods = [period, ...quarterMonths(period)];
  const i = sakipIndicators;
  const a = sakipActionTargets;
  const r = sakipRealisations;
  // In turn, not together: `db` may be a transaction's one connection.
  const nodes = await db.select({ id: sakipNodes.id, planId: sakipNodes.planId, parentId: sakipNodes.parentId, kind: sakipNodes.kind, unitId: sakipNodes.unitId, title: sakipNodes.title, code: sakipNodes.code })
    .from(sakipNodes).where(and(eq(sakipNodes.regionCode, regionCode), inArray(sakipNodes.planId, ids)))
    .orderBy(asc(sakipNodes.position), asc(sakipNodes.createdAt), asc(sakipNodes.id));
  const indicators = await db.select({ id: i.id, planId: i.planId, nodeId: i.nodeId, name: i.name, polarity: i.polarity, aggregation: i.aggregation, isIku: i.isIku })
    .from(i).where(and(eq(i.regionCode, regionCode), inArray(i.planId, ids)))
    .orderBy(asc(i.position), asc(i.createdAt), asc(i.id));
  const targets = valuesByIndicator(await db.select({ indicatorId: a.indicatorId, period: a.period, value: a.value }).from(a)
    .where(and(eq(a.regionCode, regionCode), inArray(a.planId, ids), eq(a.year, year), inArray(a.period, periods))));
  const realised = valuesByIndicator(await db.select({ indicatorId: r.indicatorId, period: r.period, value: r.value }).from(r)
    .where(and(eq(r.regionCode, regionCode), inArray(r.planId, ids), eq(r.year, year), inArray(r.period, periods))));
  return { nodes, indicators: indicators.map((x) => ({ ...x, ...periodFigure(x, period, targets.get(x.id), realised.get(x.id)) })) };
}

/** The budgeted plans' nodes with their indicators' figures of the period, for withEfficiency. */
const periodPlanYears = (period: string): PlanYearReader => async (db, region, planIds, _year, needs) => {
  const { nodes, indicators } = await periodFigures(db, region.code, planIds, period);
  const out = new Map<string, PlanYear>(planIds.map((id) => [id, { nodes: [], tallies: new Map(), outputs: new Map() }]));
  for (const { planId, ...n } of nodes) out.get(planId)!.nodes.push(n);
  for (const [planId, y] of out) {
    const mine = indicators.filter((x) => x.planId === planId);
    for (const n of y.nodes) {
      const own = mine.filter((x) => x.nodeId === n.id);
      if (own.length === 0) continue;
      if (needs.tallies) y.tallies.set(n.id, tallyOf(own.map((x) => x.figure)));
      const outputs: OutputFigure[] = own.filter((x) => x.target !== null && x.realised !== null).map(({ name, polarity, target, realised }) => ({ name, polarity, target, realised }));
      if (needs.outputs && outputs.length > 0) y.outputs.set(n.id, outputs);
    }
  }
  return out;
};

const periodSource = (period: string): EfficiencySource => ({ planYears: periodPlanYears(period), storedBudgets: false, period });

/** The region's units in a quarter or month (see above); outside every active plan is refused. */
async function regionPeriodOverview(ctx: AppContext, region: EfficiencyRegion, period: string) {
  const db = ctx.database.db;
  const { year } = parsePeriod(period);
  const [plans, unitRows] = await Promise.all([activePlans(db, region.code, year), regionUnits(ctx, region.code)]);
  if (plans.length === 0) {
    const spans = await db.select({ startYear: sakipPlans.startYear, endYear: sakipPlans.endYear }).from(sakipPlans)
      .where(and(eq(sakipPlans.regionCode, region.code), eq(sakipPlans.status, 'active')));
    throw new AppError('sakip.period_outside_plan', spans.length === 0 ? undefined
      : { period, startYear: Math.min(...spans.map((s) => s.startYear)), endYear: Math.max(...spans.map((s) => s.endYear)) });
  }
  const { nodes, indicators } = await periodFigures(db, region.code, plans.map((p) => p.id), period);
  const planOf = new Map(plans.map((p) => [p.id, p]));
  const nodeOf = new Map(nodes.map((n) => [n.id, n]));
  const counted = new UnitTallies();
  for (const x of indicators) {
    const plan = planOf.get(x.planId)!;
    counted.count(responsibleUnit(plan, nodeOf.get(x.nodeId)!), plan.kind === 'rpjmd' && x.isIku, x.target !== null, x.realised !== null, x.figure);
  }
  return overviewView(region, year, period, plans, unitRows, counted);
}

/**
 * The overview as served: the year's (from the stored summaries) or, with a
 * quarter or month, that period's; with efficiency by unit, by the targets in
 * focus (the RPJMD's, or `unit`'s) and for the whole region.
 */
export async function regionOverviewAt(ctx: AppContext, region: EfficiencyRegion, asked: { year?: number; period?: string; unit?: string }) {
  const focus = await targetFocus(ctx.database.db, region.code, asked.unit);
  const p = asked.period === undefined ? null : parsePeriod(asked.period);
  if (p === null || p.kind === 'year') {
    return withEfficiency(ctx, region, await regionOverview(ctx, region, p?.year ?? asked.year), focus, STORED);
  }
  return withEfficiency(ctx, region, await regionPeriodOverview(ctx, region, asked.period!), focus, periodSource(asked.period!));
}

// A plan as people read it: the performance tree, or the same as a table
// (one row per indicator, a column per year), each indicator with its current
// targets and its achievement for a chosen year (and, when sourced, its
// automatic sync), each node with indicators with the achievement of its
// indicators together, and the plan's problems.
// Figures are exact decimals: shown half up to two decimals, with the exact
// value beside them.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { round2, type Dec } from '../../../platform/decimal.js';
import { AppError } from '../../../platform/errors.js';
import { achievement, aggregatePeriods, forDisplay, tallyAverage, targetAchievement, type Achievement, type AchievementTally, type AchievementFigure, type AggregationRule, type Polarity, type TargetValue } from '../domain/achievement.js';
import { trafficLight, type TrafficBand } from '../domain/efficiency.js';
import { buildTree, planProblems, planTable, type NodeKind, type PlanNode, type TreeItem } from '../domain/tree.js';
import { sakipRealisations } from '../schema.js';
import { domainPlan, loadPlanData, planFor, type IndicatorRow, type NodeRow, type PlanRow, type RealisationRow, type TargetRow } from './data.js';
import { periodKind, periodsOfYear } from './periods.js';
import { planHeader, unitOf } from './plans.js';
import { indicatorBrief, nodeBrief } from './reads.js';
import { sourceSyncsOf } from './source-sync.js';
import { targetView } from './targets.js';

/** Full precision, plain notation (never exponent notation). */
const exact = (x: Dec) => x.toFixed();

/** The band is chosen by the figure as shown (two decimals), so a figure and its colour never disagree. */
const bandOf = (percent: Dec, bands: readonly TrafficBand[]) => {
  const band = trafficLight(round2(percent), bands);
  return { label: band.label, colour: band.colour };
};

export function resultOf(a: Achievement, bands: readonly TrafficBand[]) {
  if (!a.computable) return { computable: false as const, reason: a.reason };
  return {
    computable: true as const, percent: forDisplay(a.percent), percentExact: exact(a.percent), basis: a.basis,
    targetUsed: a.targetUsed === null ? null : exact(a.targetUsed), band: bandOf(a.percent, bands),
  };
}

export const targetValueOf = (t: TargetRow): TargetValue => (t.value !== null ? { type: 'single', value: t.value } : { type: 'range', low: t.low!, high: t.high! });

interface Context {
  plan: PlanRow;
  year: number;
  years: number[];
  bands: readonly TrafficBand[];
  targets: Map<string, TargetRow>;
  realisations: Map<string, RealisationRow[]>;
}

/**
 * One indicator's year: its current target, its realisations of the year
 * added up by its rule, and the achievement (null without a target or a
 * value). The plan views and the stored summary (service/figures.ts) both use it.
 */
export function yearFigure(i: Pick<IndicatorRow, 'aggregation' | 'polarity'>, target: TargetRow | undefined, rows: readonly Pick<RealisationRow, 'period' | 'value'>[], year: number) {
  const kind = rows.length > 0 ? periodKind(rows[0].period) : null;
  const values = new Map(rows.map((r) => [r.period, r.value]));
  const aggregate = kind === null ? null : aggregatePeriods(i.aggregation as AggregationRule, periodsOfYear(kind, year).map((period) => ({ period, value: values.get(period) ?? null })));
  const figure = target && aggregate?.value ? achievement(i.polarity as Polarity, targetValueOf(target), aggregate.value) : null;
  return { kind, aggregate, figure };
}

/** One indicator's achievement in the year: its target, its periods added up by its rule, and the figure. */
function indicatorAchievement(c: Context, i: IndicatorRow) {
  const target = c.targets.get(`${i.id}:${c.year}`);
  const { kind, aggregate, figure } = yearFigure(i, target, c.realisations.get(i.id) ?? [], c.year);
  return {
    figure,
    view: {
      year: c.year,
      target: target ? targetView(target) : null,
      realisation: aggregate === null ? null : {
        periodKind: kind!, value: aggregate.value === null ? null : exact(aggregate.value), reported: aggregate.reported, missing: aggregate.missing, complete: aggregate.complete,
      },
      result: figure === null ? null : resultOf(figure, c.bands),
    },
  };
}

function indicatorView(c: Context, i: IndicatorRow) {
  const { figure, view } = indicatorAchievement(c, i);
  return {
    figure,
    view: {
      ...indicatorBrief(i),
      targets: c.years.map((year) => {
        const t = c.targets.get(`${i.id}:${year}`);
        return { year, target: t ? targetView(t) : null };
      }),
      achievement: view,
    },
  };
}

/** A node's indicators together (the plain average of those with a figure), as a sasaran's achievement is reported. */
export function summaryOf(c: { bands: readonly TrafficBand[] }, parts: { id: string; figure: AchievementFigure | null }[]) {
  if (parts.length === 0) return null;
  const t = targetAchievement(parts.map((p) => ({ indicator: p.id, achievement: p.figure })));
  if (!t.ok) return { ok: false as const, error: t.error, indicators: t.indicators };
  return { ok: true as const, percent: forDisplay(t.percent), percentExact: exact(t.percent), used: t.used, excluded: t.excluded, complete: t.complete, band: bandOf(t.percent, c.bands) };
}

/** Many indicators taken together by count (a unit's in the overview): their average, and how many are in it and left out. */
export function tallySummaryOf(c: { bands: readonly TrafficBand[] }, tally: AchievementTally) {
  const t = tallyAverage(tally);
  if (t === null) return null;
  if (!t.ok) return t;
  return { ok: true as const, percent: forDisplay(t.percent), percentExact: exact(t.percent), used: t.used, excluded: t.excluded, complete: t.complete, band: bandOf(t.percent, c.bands) };
}


/** The year shown: the one asked for (inside the plan), else the current year in the region, kept inside the plan. */
function chosenYear(ctx: AppContext, plan: PlanRow, utcOffsetMinutes: number, asked?: number): number {
  if (asked !== undefined) {
    if (asked < plan.startYear || asked > plan.endYear) throw new AppError('sakip.year_outside_plan', { year: asked, startYear: plan.startYear, endYear: plan.endYear });
    return asked;
  }
  const now = new Date(ctx.clock.now().getTime() + utcOffsetMinutes * 60_000).getUTCFullYear();
  return Math.min(plan.endYear, Math.max(plan.startYear, now));
}

export interface RegionView { code: string; utcOffsetMinutes: number; settings: { sakip: { bands: TrafficBand[] } } }

/**
 * Everything a plan's figures for one year need: its rows, the year's
 * realisations, and each indicator's view and achievement grouped by node.
 */
export async function planFigures(db: Queryable, region: RegionView, plan: PlanRow, year: number) {
  // In turn, not together: `db` may be a transaction's one connection.
  const data = await loadPlanData(db, plan);
  const rows = await db.select().from(sakipRealisations).where(and(eq(sakipRealisations.regionCode, region.code), eq(sakipRealisations.planId, plan.id), eq(sakipRealisations.year, year)));
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);
  const realisations = new Map<string, RealisationRow[]>();
  for (const r of rows) realisations.set(r.indicatorId, [...(realisations.get(r.indicatorId) ?? []), r]);
  const c: Context = { plan, year, years, bands: region.settings.sakip.bands, targets: new Map(data.targets.map((t) => [`${t.indicatorId}:${t.year}`, t])), realisations };
  const indicators = new Map<string, ReturnType<typeof indicatorView>[]>();
  for (const i of data.indicators) indicators.set(i.nodeId, [...(indicators.get(i.nodeId) ?? []), indicatorView(c, i)]);
  return { c, data, indicators };
}

async function prepare(ctx: AppContext, region: RegionView, planId: string, askedYear?: number) {
  const plan = await planFor(ctx.database.db, region.code, planId);
  const year = chosenYear(ctx, plan, region.utcOffsetMinutes, askedYear);
  const [{ c, data, indicators }, unit, syncs] = await Promise.all([planFigures(ctx.database.db, region, plan, year), unitOf(ctx, plan), sourceSyncsOf(ctx.database.db, plan)]);
  const domain = domainPlan(plan, data);
  /** An indicator as the views answer it: its sync beside its figures (null when typed, or while the plan is a draft). */
  const withSync = (view: ReturnType<typeof indicatorView>['view']) => ({ ...view, sourceSync: syncs.get(view.id) ?? null });
  return { c, data, domain, indicators, withSync, header: planHeader(plan, unit), problems: planProblems(domain) };
}

type TreeNode = PlanNode & { row: NodeRow };

export async function planTreeView(ctx: AppContext, region: RegionView, planId: string, askedYear?: number) {
  const { c, data, indicators, withSync, header, problems } = await prepare(ctx, region, planId, askedYear);
  const nodes: TreeNode[] = data.nodes.map((n) => ({ id: n.id, kind: n.kind as NodeKind, parentId: n.parentId, name: n.title, code: n.code, order: n.position, row: n }));
  const { roots, detached } = buildTree(nodes);
  const out = (item: TreeItem<TreeNode>): unknown => {
    const own = indicators.get(item.node.id) ?? [];
    return {
      ...nodeBrief(item.node.row), number: item.number, depth: item.depth,
      indicators: own.map((i) => withSync(i.view)), summary: summaryOf(c, own.map((i) => ({ id: i.view.id, figure: i.figure }))),
      children: item.children.map(out),
    };
  };
  return { plan: header, year: c.year, years: c.years, problems, tree: roots.map(out), detached: detached.map((n) => nodeBrief(n.row)) };
}

export async function planTableView(ctx: AppContext, region: RegionView, planId: string, askedYear?: number) {
  const { c, data, domain, indicators, withSync, header, problems } = await prepare(ctx, region, planId, askedYear);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const views = new Map([...indicators.values()].flat().map((i) => [i.view.id, withSync(i.view)]));
  const rows = planTable(domain).map((r) => ({
    number: r.number, depth: r.depth, node: nodeBrief(byId.get(r.node.id)!), indicator: r.indicator === null ? null : views.get(r.indicator.id)!,
  }));
  return { plan: header, year: c.year, years: c.years, problems, rows };
}

// Budget absorption and efficiency as people read them: a node's budget by
// period with its absorption and efficiency (its indicators' achievement
// against its absorption, by the region's method), and the same by unit for
// the region's overview and the province's comparison (fields added to
// theirs). A node's budget is its own entry for the period, else the sum of
// its children's (a programme without its own pagu is its activities').
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { Dec } from '../../../platform/decimal.js';
import { AppError } from '../../../platform/errors.js';
import { achievement, valueOfPeriod, type AchievementTally, type AggregationRule, type Polarity } from '../domain/achievement.js';
import {
  addBudgets as sum, budgetView, efficiencyMethodView, efficiencyView as judged, percentView, type Budget, type EfficiencySettings, type OutputRealisation,
} from '../domain/efficiency.js';
import {
  sakipActionTargets, sakipBudgetVersions, sakipBudgets, sakipIndicators, sakipIndicatorYearFigures, sakipNodes, sakipRealisations, sakipReportingPeriods,
} from '../schema.js';
import { nodeIn, planFor, type NodeRow, type PlanRow } from './data.js';
import { isWithin, periodAndContainers, periodOrder, quarterMonths } from './periods.js';
import { nodeBrief } from './reads.js';
import { planFigures, summaryOf, tallySummaryOf, type RegionView } from './views.js';
import { getRegion } from '../../../platform/regions/service.js';
import { regionOverview, responsibleUnit, type TargetFocus, type Tally } from './overview.js';
import { BUDGET_KINDS, rolledUpBudgets, storedUnitBudgets, yearEntries } from './unit-budgets.js';

export type EfficiencyRegion = RegionView & { settings: { sakip: EfficiencySettings } };
export type BudgetRow = typeof sakipBudgets.$inferSelect;

interface Figure { polarity: string; target: string | null; realised: string | null }

/** An indicator as an output of its node's budget (method 2): a single target and a realisation. */
const outputsOf = (budget: Budget | null, figures: readonly OutputFigure[]): OutputRealisation[] => (budget === null ? [] : figures
  .filter((f) => f.target !== null && f.realised !== null)
  .map((f) => ({ output: f.name, budgetCeiling: budget.ceiling, budgetRealised: budget.spending, volumeTarget: f.target!, volumeRealised: f.realised! })));

async function budgetRowsOf(db: Queryable, regionCode: string, planIds: string[], year: number): Promise<BudgetRow[]> {
  if (planIds.length === 0) return [];
  return db.select().from(sakipBudgets).where(and(eq(sakipBudgets.regionCode, regionCode), inArray(sakipBudgets.planId, planIds), eq(sakipBudgets.year, year)));
}

/** An indicator's rows of one kind (action-plan targets or realisations) in a year: value by period. */
export type PeriodValues = ReadonlyMap<string, string>;

/** Rows of one kind by indicator, each indicator's values by period. */
export function valuesByIndicator(rows: readonly { indicatorId: string; period: string; value: string }[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const r of rows) out.set(r.indicatorId, (out.get(r.indicatorId) ?? new Map<string, string>()).set(r.period, r.value));
  return out;
}

const NONE: PeriodValues = new Map();

/**
 * An indicator's quarter or month: its action-plan target (one value) against
 * its realisation, each the period's own row or, for a quarter entered by
 * month, its months aggregated by the indicator's rule (valueOfPeriod); the
 * achievement is null without either.
 */
export function periodFigure(i: { polarity: string; aggregation: string }, period: string, targets: PeriodValues = NONE, realisations: PeriodValues = NONE) {
  const months = quarterMonths(period);
  const valueOf = (values: PeriodValues) => valueOfPeriod(i.aggregation as AggregationRule, period, months, values)?.toFixed() ?? null;
  const target = valueOf(targets);
  const realised = valueOf(realisations);
  return { target, realised, figure: target === null || realised === null ? null : achievement(i.polarity as Polarity, { type: 'single', value: target }, realised) };
}

/** The year a node's budget is read for: the one asked for, inside the plan. */
function yearIn(plan: PlanRow, year: number) {
  if (year < plan.startYear || year > plan.endYear) throw new AppError('sakip.year_outside_plan', { year, startYear: plan.startYear, endYear: plan.endYear });
  return year;
}

/**
 * A budget node's year: each period entered (with its absorption, lock and
 * efficiency: the period's achievement is its indicators' action-plan targets
 * against that period's realisations, a quarter's from its months when they
 * were entered by month: periodFigure), the year's total (own or from its
 * children) with the year's efficiency (its indicators' achievement as the
 * plan shows it), its children's totals, and every replaced version.
 */
export async function nodeBudget(ctx: AppContext, region: EfficiencyRegion, planId: string, nodeId: string, year: number) {
  const db = ctx.database.db;
  const settings = region.settings.sakip;
  const plan = await planFor(db, region.code, planId);
  const node = await nodeIn(db, plan, nodeId);
  if (!BUDGET_KINDS.includes(node.kind)) throw new AppError('sakip.budget_node_kind', { kind: node.kind });
  yearIn(plan, year);
  const [{ data, indicators }, rows, older, closed] = await Promise.all([
    planFigures(db, region, plan, year),
    budgetRowsOf(db, region.code, [plan.id], year),
    db.select().from(sakipBudgetVersions).where(and(eq(sakipBudgetVersions.regionCode, region.code), eq(sakipBudgetVersions.nodeId, node.id)))
      .orderBy(asc(sakipBudgetVersions.period), asc(sakipBudgetVersions.version)),
    db.select({ period: sakipReportingPeriods.period }).from(sakipReportingPeriods)
      .where(and(eq(sakipReportingPeriods.regionCode, region.code), eq(sakipReportingPeriods.year, year), eq(sakipReportingPeriods.status, 'closed'))),
  ]);
  // Locked: closed itself, or inside a closed period (as service/reporting.ts locks).
  const locked = (period: string) => periodAndContainers(period).some((p) => closed.some((c) => c.period === p));
  const own = indicators.get(node.id) ?? [];
  const ids = own.map((i) => i.view.id);
  const [actions, realised] = (ids.length === 0 ? [[], []] : await Promise.all([
    db.select().from(sakipActionTargets).where(and(eq(sakipActionTargets.regionCode, region.code), inArray(sakipActionTargets.indicatorId, ids), eq(sakipActionTargets.year, year))),
    db.select().from(sakipRealisations).where(and(eq(sakipRealisations.regionCode, region.code), inArray(sakipRealisations.indicatorId, ids), eq(sakipRealisations.year, year))),
  ])).map(valuesByIndicator);
  const totals = rolledUpBudgets(data.nodes, rows, String(year));
  const yearBudget = totals.get(node.id) ?? null;
  const yearFigures = own.map((i) => ({
    name: i.view.name, polarity: i.view.polarity, target: i.view.achievement.target?.value ?? null, realised: i.view.achievement.realisation?.value ?? null,
  }));
  const yearSummary = summaryOf(region.settings.sakip, own.map((i) => ({ id: i.view.id, figure: i.figure })));
  const ownRows = rows.filter((r) => r.nodeId === node.id).sort((a, b) => periodOrder(a.period) - periodOrder(b.period));
  const periods = ownRows.map((r) => {
    const budget = { ceiling: new Dec(r.ceiling), spending: new Dec(r.spending) };
    // A year row's efficiency is the year's; a quarter's or month's compares its action-plan targets with its realisations (a quarter's months by their rule).
    const inPeriod = r.period === String(year) ? null
      : own.map((i) => ({ id: i.view.id, name: i.view.name, polarity: i.view.polarity, ...periodFigure(i.view, r.period, actions.get(i.view.id), realised.get(i.view.id)) }));
    const figures: OutputFigure[] = inPeriod ?? yearFigures;
    const summary = inPeriod === null ? yearSummary : summaryOf(region.settings.sakip, inPeriod);
    return {
      period: r.period, ceiling: r.ceiling, spending: r.spending, absorption: budgetView(budget)!.absorption, version: r.version, enteredAt: r.enteredAt, enteredBy: r.enteredByLabel, reason: r.reason, afterClose: r.afterClose,
      locked: locked(r.period),
      achievement: summary?.ok ? percentView(new Dec(summary.percentExact)) : null,
      efficiency: judged(settings, summary?.ok ? summary.percentExact : null, budget, outputsOf(budget, figures)),
    };
  });
  return {
    node: nodeBrief(node), year, years: Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, n) => plan.startYear + n),
    method: efficiencyMethodView(settings),
    periods,
    total: {
      source: ownRows.length > 0 ? 'own' as const : yearBudget === null ? null : 'children' as const,
      budget: budgetView(yearBudget),
      achievement: yearSummary?.ok ? percentView(new Dec(yearSummary.percentExact)) : null,
      efficiency: judged(settings, yearSummary?.ok ? yearSummary.percentExact : null, yearBudget, outputsOf(yearBudget, yearFigures)),
    },
    children: data.nodes.filter((n) => n.parentId === node.id && BUDGET_KINDS.includes(n.kind)).map((n) => ({ node: nodeBrief(n), budget: budgetView(totals.get(n.id) ?? null) })),
    history: older.map((v) => ({
      period: v.period, version: v.version, ceiling: v.ceiling, spending: v.spending, enteredAt: v.enteredAt, enteredBy: v.enteredByLabel, reason: v.reason, afterClose: v.afterClose,
    })),
  };
}

// ---------------------------------------------------------------------------
// By unit, for the region's overview and the province's comparison

interface OverviewLike {
  year: number;
  /** A quarter or month (read with its period's source), null for the year. */
  period: string | null;
  plans: { id: string; kind: 'rpjmd' | 'renstra'; unitId: string | null }[];
  units: { unit: { id: string } | null; achievement: { ok: boolean; percentExact?: string } | null }[];
  iku: { achievement: { ok: boolean; percentExact?: string } | null };
}

/** An indicator as an output of its node's budget (method 2): its name, single target and realisation. */
export type OutputFigure = Figure & { name: string };

type PlanBrief = Pick<PlanRow, 'id' | 'kind' | 'unitId'>;
type NodeBrief = Pick<NodeRow, 'id' | 'parentId' | 'kind' | 'unitId' | 'title' | 'code'>;

/**
 * A budgeted plan's year as efficiency reads it: its nodes, each node's
 * indicators counted together (their achievement), and, when the region
 * judges by the output index, each node's indicators as outputs.
 */
export interface PlanYear {
  nodes: NodeBrief[];
  tallies: Map<string, AchievementTally>;
  outputs: Map<string, OutputFigure[]>;
}

/** What to read besides the nodes: the per-node tallies (a target's achievement) and the outputs (the output index). */
export interface PlanYearNeeds { tallies: boolean; outputs: boolean }

/** Reads the budgeted plans' year: from the stored summary when serving, from the raw rows for the tests and the bench. */
export type PlanYearReader = (db: Queryable, region: RegionView, planIds: string[], year: number, needs: PlanYearNeeds) => Promise<Map<string, PlanYear>>;

/** The plans' nodes and their indicators' figures from the stored yearly summary, counted per node in SQL. */
export const summaryPlanYears: PlanYearReader = async (db, region, planIds, year, needs) => {
  const f = sakipIndicatorYearFigures;
  const i = sakipIndicators;
  const figuresOf = and(eq(f.regionCode, region.code), inArray(f.planId, planIds), eq(f.year, year));
  const joined = and(eq(i.regionCode, f.regionCode), eq(i.id, f.indicatorId));
  // In turn, not together: `db` may be a transaction's one connection.
  const nodes = await db.select({ id: sakipNodes.id, planId: sakipNodes.planId, parentId: sakipNodes.parentId, kind: sakipNodes.kind, unitId: sakipNodes.unitId, title: sakipNodes.title, code: sakipNodes.code })
    .from(sakipNodes).where(and(eq(sakipNodes.regionCode, region.code), inArray(sakipNodes.planId, planIds)))
    .orderBy(asc(sakipNodes.position), asc(sakipNodes.createdAt), asc(sakipNodes.id));
  const tallies = !needs.tallies ? [] : await db.select({ planId: f.planId, nodeId: i.nodeId, indicators: sql<number>`count(*)::int`, used: sql<number>`count(${f.percent})::int`, sum: sql<string>`coalesce(sum(${f.percent}), 0)::text` })
    .from(f).innerJoin(i, joined).where(figuresOf).groupBy(f.planId, i.nodeId);
  const outputs = !needs.outputs ? [] : await db.select({ planId: f.planId, nodeId: i.nodeId, name: i.name, polarity: i.polarity, target: f.targetValue, realised: f.realised })
    .from(f).innerJoin(i, joined).where(and(figuresOf, isNotNull(f.targetValue), isNotNull(f.realised)))
    .orderBy(asc(i.position), asc(i.createdAt), asc(i.id));
  const out = new Map<string, PlanYear>(planIds.map((id) => [id, { nodes: [], tallies: new Map(), outputs: new Map() }]));
  for (const { planId, ...n } of nodes) out.get(planId)!.nodes.push(n);
  for (const { planId, nodeId, ...t } of tallies) out.get(planId)!.tallies.set(nodeId, t);
  for (const { planId, nodeId, ...o } of outputs) {
    const byNode = out.get(planId)!.outputs;
    byNode.set(nodeId, [...(byNode.get(nodeId) ?? []), o]);
  }
  return out;
};

/** A plan with a budget in the year (or the quarter or month read): its nodes' budgets rolled up, with its figures. */
export interface BudgetedPlan extends PlanYear {
  plan: PlanBrief;
  budgets: Map<string, Budget | null>;
}

/**
 * The plans among `plans` with a budget in the year, or in `period` (a
 * quarter or month of it: the budget rows inside it), with their figures (the
 * others are left out); on any connection, so a report can count the same
 * budget inside its transaction.
 */
export async function budgetedPlans(db: Queryable, region: EfficiencyRegion, plans: readonly PlanBrief[], year: number,
  read: PlanYearReader = summaryPlanYears, needs: { tallies: boolean } = { tallies: true }, period: string | null = null): Promise<BudgetedPlan[]> {
  const ids = plans.map((p) => p.id);
  const span = period ?? String(year);
  const rows = period === null ? await yearEntries(db, region.code, ids, [year]) : (await budgetRowsOf(db, region.code, ids, year)).filter((r) => isWithin(r.period, span));
  const budgeted = plans.filter((p) => rows.some((r) => r.planId === p.id));
  if (budgeted.length === 0) return [];
  const years = await read(db, region, budgeted.map((p) => p.id), year, { ...needs, outputs: region.settings.sakip.method === 'output_index' });
  return budgeted.map((plan) => {
    const y = years.get(plan.id)!;
    return { plan, ...y, budgets: rolledUpBudgets(y.nodes, rows.filter((r) => r.planId === plan.id), span) };
  });
}

/** A node's indicators together (as a sasaran's achievement is reported): the exact percent, or null without one. */
export function nodeAchievement(settings: EfficiencySettings, b: BudgetedPlan, nodeId: string): string | null {
  const s = tallySummaryOf(settings, b.tallies.get(nodeId) ?? { indicators: 0, used: 0, sum: '0' });
  return s?.ok ? s.percentExact : null;
}

/** A node's indicators as outputs of `budget` (method 2; read only when the region judges by it). */
export const nodeOutputs = (b: BudgetedPlan, nodeId: string, budget: Budget | null) => outputsOf(budget, b.outputs.get(nodeId) ?? []);

/** The target (sasaran) a programme serves: the one it hangs from. */
export const servedTarget = (b: BudgetedPlan, node: NodeBrief) => b.nodes.find((n) => n.id === node.parentId && n.kind === 'target') ?? null;

export interface ProgrammeBudget { from: BudgetedPlan; node: NodeBrief; unitId: string | null; budget: Budget }
export interface UnitBudget { renstra: ProgrammeBudget[]; rpjmd: ProgrammeBudget[]; outputs: OutputRealisation[] }

/**
 * Each unit's budgeted programmes (the node's unit, else its plan's), and
 * every budget node's own indicators as outputs of its budget (method 2).
 */
export function budgetsByUnit(plans: readonly BudgetedPlan[]): Map<string | null, UnitBudget> {
  const byUnit = new Map<string | null, UnitBudget>();
  for (const b of plans) {
    for (const n of b.nodes) {
      const budget = b.budgets.get(n.id) ?? null;
      if (budget === null) continue;
      const unitId = responsibleUnit(b.plan, n);
      const u = byUnit.get(unitId) ?? { renstra: [], rpjmd: [], outputs: [] };
      byUnit.set(unitId, u);
      if (n.kind === 'programme') u[b.plan.kind as 'rpjmd' | 'renstra'].push({ from: b, node: n, unitId, budget });
      u.outputs.push(...nodeOutputs(b, n.id, budget));
    }
  }
  return byUnit;
}

/**
 * The programmes a unit's budget is: its Renstra's, or, when its Renstra has
 * none that year, the RPJMD programmes it leads, so that one budget is never
 * counted twice.
 */
export const countedProgrammes = (u: UnitBudget) => (u.renstra.length > 0 ? u.renstra : u.rpjmd);

/**
 * Where efficiency's figures come from: the stored summaries when serving;
 * the raw rows for the tests and the bench's naive side (overview-raw.ts);
 * a quarter's or month's raw rows (`period`, overview-period.ts).
 */
export interface EfficiencySource { planYears: PlanYearReader; storedBudgets: boolean; period: string | null }
export const STORED: EfficiencySource = { planYears: summaryPlanYears, storedBudgets: true, period: null };

/** A unit's counted budget and, when the region judges by the output index, its budget nodes' indicators as outputs. */
interface UnitFigures { budget: Budget | null; outputs: OutputRealisation[] }

/**
 * Each unit's counted budget: from the stored roll-up (service/unit-budgets.ts),
 * or, by the output index (which needs every output) and from the raw rows,
 * from every budgeted plan's nodes.
 */
async function unitFigures(db: Queryable, region: EfficiencyRegion, plans: readonly PlanBrief[], year: number, source: EfficiencySource): Promise<Map<string | null, UnitFigures>> {
  if (source.storedBudgets && region.settings.sakip.method !== 'output_index') {
    const stored = (await storedUnitBudgets(db, [region.code], year)).get(region.code) ?? new Map<string | null, Budget>();
    return new Map([...stored].map(([unitId, budget]) => [unitId, { budget, outputs: [] }]));
  }
  const byUnit = budgetsByUnit(await budgetedPlans(db, region, plans, year, source.planYears, { tallies: false }, source.period));
  return new Map([...byUnit].map(([unitId, u]) => [unitId, { budget: sum(countedProgrammes(u).map((p) => p.budget)), outputs: u.outputs }]));
}

/**
 * The overview with each unit's budget (its counted programmes), absorption
 * and efficiency; the targets (sasaran) in focus with budgeted programmes
 * under them, each its achievement against their absorption; and the
 * region's total: its RPJMD key indicators' achievement against the whole
 * budget. Only the plans in focus are read node by node.
 */
export async function withEfficiency<T extends OverviewLike>(ctx: AppContext, region: EfficiencyRegion, overview: T, focus: TargetFocus = null, source: EfficiencySource = STORED) {
  if (overview.period !== source.period) throw new Error(`the overview of ${overview.period ?? overview.year} with ${source.period ?? 'the year'}'s figures`);
  const settings = region.settings.sakip;
  const db = ctx.database.db;
  const inFocus = (p: PlanBrief) => p.kind === 'rpjmd' || (focus !== null && p.unitId === focus.unitId);
  const shown = await budgetedPlans(db, region, overview.plans.filter(inFocus), overview.year, source.planYears, { tallies: true }, source.period);
  const byUnit = await unitFigures(db, region, overview.plans, overview.year, source);
  // A target (sasaran) against the programmes serving it: its indicators' achievement and their budget.
  const targets = shown.flatMap((b) => b.nodes.filter((n) => n.kind === 'target' && (focus === null || responsibleUnit(b.plan, n) === focus.unitId)).flatMap((t) => {
    const budget = sum(b.nodes.filter((n) => n.parentId === t.id).map((n) => b.budgets.get(n.id) ?? null).filter((x): x is Budget => x !== null));
    if (budget === null) return [];
    const achieved = nodeAchievement(settings, b, t.id);
    return [{
      planId: b.plan.id, planKind: b.plan.kind as 'rpjmd' | 'renstra', unitId: responsibleUnit(b.plan, t), node: { id: t.id, title: t.title, code: t.code },
      achievement: achieved === null ? null : percentView(new Dec(achieved)), budget: budgetView(budget),
      efficiency: judged(settings, achieved, budget, nodeOutputs(b, t.id, budget)),
    }];
  }));
  const units = overview.units.map((row: T['units'][number]) => {
    const u = byUnit.get(row.unit?.id ?? null);
    const budget = u?.budget ?? null;
    return { ...row, budget: budgetView(budget), efficiency: budget === null ? null : judged(settings, percentOf(row.achievement), budget, u!.outputs) };
  });
  return {
    ...overview, units, targetsUnitId: focus?.unitId ?? null, targets,
    efficiencyMethod: efficiencyMethodView(settings), total: regionTotal(settings, byUnit, overview.iku.achievement),
  };
}

const percentOf = (a: { ok: boolean; percentExact?: string } | null | undefined) => (a?.ok ? a.percentExact! : null);

/** The whole budget (each unit's counted programmes) against the RPJMD key indicators' achievement. */
function regionTotal(settings: EfficiencySettings, byUnit: Map<string | null, UnitFigures>, ikuAchievement: OverviewLike['iku']['achievement']) {
  const all = [...byUnit.values()];
  const total = sum(all.map((u) => u.budget).filter((b): b is Budget => b !== null));
  return { budget: budgetView(total), efficiency: total === null ? null : judged(settings, percentOf(ikuAchievement), total, all.flatMap((u) => u.outputs)) };
}

/** Only the overview's total: no target's or unit's figures. */
export async function efficiencyTotal(ctx: AppContext, region: EfficiencyRegion, overview: OverviewLike, source: EfficiencySource = STORED) {
  const byUnit = await unitFigures(ctx.database.db, region, overview.plans, overview.year, source);
  return { year: overview.year, method: efficiencyMethodView(region.settings.sakip), ...regionTotal(region.settings.sakip, byUnit, overview.iku.achievement) };
}

/**
 * Each region's efficiency over all its budgets in a year, for the province
 * comparison, by the region's own method: the stored budgets of all the
 * regions in one read, against each one's RPJMD key indicators (`iku`,
 * counted in SQL). A region judging by the output index has its overview
 * computed (the index needs every output); one without a budget has nothing
 * to judge.
 */
export async function regionEfficiencies(ctx: AppContext, codes: readonly string[], year: number, iku: Map<string, Pick<Tally, 'indicators' | 'used' | 'sum'>>) {
  const db = ctx.database.db;
  const stored = await storedUnitBudgets(db, codes, year);
  const out = new Map<string, Awaited<ReturnType<typeof efficiencyTotal>>>();
  for (const code of codes) {
    const region = await getRegion(db, code);
    const settings = region.settings.sakip;
    const units = stored.get(code);
    if (units === undefined) out.set(code, { year, method: efficiencyMethodView(settings), budget: null, efficiency: null });
    else if (settings.method === 'output_index') out.set(code, await efficiencyTotal(ctx, region, await regionOverview(ctx, region, year)));
    else {
      const achievement = tallySummaryOf({ bands: settings.bands }, iku.get(code) ?? { indicators: 0, used: 0, sum: '0' });
      const byUnit = new Map([...units].map(([unitId, budget]) => [unitId, { budget, outputs: [] }]));
      out.set(code, { year, method: efficiencyMethodView(settings), ...regionTotal(settings, byUnit, achievement) });
    }
  }
  return out;
}

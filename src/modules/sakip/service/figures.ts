// The stored yearly achievement summary (sakip_indicator_year_figures): each
// indicator of an active plan per year of the plan, as the region overview
// counts it, counted again per unit (service/unit-tallies.ts), so that the
// overview and the province comparison read a few rows per unit, and a
// plan's nodes their indicators' narrow rows, instead of recomputing every
// indicator from its targets and realisations. Every change that moves a row rewrites it in the
// change's own transaction (refreshFigures); a draft plan has no rows, and
// its structure changes only while it is a draft. `pamong rebuild-sakip-figures`
// and every start (prepare) rebuild what is missing or wrong.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../../platform/db/client.js';
import { sakipIndicators, sakipIndicatorYearFigures, sakipNodes, sakipPlans, sakipRealisations, sakipTargets } from '../schema.js';
import type { PlanRow, RealisationRow, TargetRow } from './data.js';
import { yearFigure } from './views.js';
import { rebuildRegionUnitBudgets, regionsMissingUnitBudgets } from './unit-budgets.js';
import { countedColumns, moveTallies, rebuildRegionTallies, regionsMissingTallies } from './unit-tallies.js';

type FigureRow = typeof sakipIndicatorYearFigures.$inferInsert;

/** Which rows of a plan to rewrite: some indicators, one year, or (neither) all of them. */
export interface FigureScope { indicatorIds?: readonly string[]; year?: number }

const INSERT_CHUNK = 1_000;

/** The rows a plan should have for `scope`, computed from its raw targets and realisations. */
async function computeRows(tx: Queryable, plan: PlanRow, scope: FigureScope): Promise<FigureRow[]> {
  const { regionCode } = plan;
  const some = <T extends typeof sakipIndicators.id | typeof sakipTargets.indicatorId | typeof sakipRealisations.indicatorId>(column: T) =>
    scope.indicatorIds ? inArray(column, [...scope.indicatorIds]) : undefined;
  // In turn, not together: `tx` is one connection.
  const indicators = await tx.select({ id: sakipIndicators.id, aggregation: sakipIndicators.aggregation, polarity: sakipIndicators.polarity, isIku: sakipIndicators.isIku, nodeUnitId: sakipNodes.unitId })
    .from(sakipIndicators).innerJoin(sakipNodes, and(eq(sakipNodes.regionCode, sakipIndicators.regionCode), eq(sakipNodes.id, sakipIndicators.nodeId)))
    .where(and(eq(sakipIndicators.regionCode, regionCode), eq(sakipIndicators.planId, plan.id), some(sakipIndicators.id)));
  const targets = await tx.select().from(sakipTargets)
    .where(and(eq(sakipTargets.regionCode, regionCode), eq(sakipTargets.planId, plan.id), some(sakipTargets.indicatorId), scope.year === undefined ? undefined : eq(sakipTargets.year, scope.year)))
    .orderBy(asc(sakipTargets.version));
  const realisations = await tx.select({ indicatorId: sakipRealisations.indicatorId, year: sakipRealisations.year, period: sakipRealisations.period, value: sakipRealisations.value }).from(sakipRealisations)
    .where(and(eq(sakipRealisations.regionCode, regionCode), eq(sakipRealisations.planId, plan.id), some(sakipRealisations.indicatorId), scope.year === undefined ? undefined : eq(sakipRealisations.year, scope.year)));
  const current = new Map<string, TargetRow>();
  for (const t of targets) current.set(`${t.indicatorId}:${t.year}`, t); // ascending versions: the last one stays
  const realised = new Map<string, Pick<RealisationRow, 'period' | 'value'>[]>();
  for (const r of realisations) {
    const key = `${r.indicatorId}:${r.year}`;
    realised.set(key, [...(realised.get(key) ?? []), r]);
  }
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) if (scope.year === undefined || scope.year === y) years.push(y);
  return indicators.flatMap((i) => years.map((year): FigureRow => {
    const target = current.get(`${i.id}:${year}`);
    const { aggregate, figure } = yearFigure(i, target, realised.get(`${i.id}:${year}`) ?? [], year);
    return {
      regionCode, indicatorId: i.id, year, planId: plan.id, unitId: i.nodeUnitId ?? plan.unitId,
      hasTarget: target !== undefined, reported: (aggregate?.reported.length ?? 0) > 0,
      percent: figure?.computable ? figure.percent.toFixed() : null,
      excluded: figure === null ? 'no_realisation' : figure.computable ? null : figure.reason,
      iku: plan.kind === 'rpjmd' && i.isIku,
      targetValue: target?.value ?? null, realised: aggregate?.value?.toFixed() ?? null,
    };
  }));
}

/**
 * Rewrites a plan's summary rows for `scope` inside the caller's transaction:
 * recomputed when the plan is active, removed when it is not. Call it after
 * the change is written, with the plan row as it is now.
 */
export async function refreshFigures(tx: Queryable, plan: PlanRow, scope: FigureScope = {}): Promise<number> {
  const f = sakipIndicatorYearFigures;
  const removed = await tx.delete(f).where(and(eq(f.regionCode, plan.regionCode), eq(f.planId, plan.id),
    scope.indicatorIds ? inArray(f.indicatorId, [...scope.indicatorIds]) : undefined, scope.year === undefined ? undefined : eq(f.year, scope.year)))
    .returning(countedColumns);
  const rows = plan.status === 'active' ? await computeRows(tx, plan, scope) : [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insert(f).values(rows.slice(i, i + INSERT_CHUNK));
  const whole = scope.indicatorIds === undefined && scope.year === undefined;
  await moveTallies(tx, plan.regionCode, plan.id, whole, removed, rows.map((r) => ({ ...r, unitId: r.unitId ?? null, percent: r.percent ?? null })));
  return rows.length;
}

/** Rebuilds one region's summary, its tallies per unit (service/unit-tallies.ts) and its units' stored budgets (service/unit-budgets.ts) from its raw rows, in one transaction. Returns the rows written and how many differed before. */
export async function rebuildRegionFigures(tx: Queryable, regionCode: string): Promise<{ rows: number; differing: number }> {
  const f = sakipIndicatorYearFigures;
  const key = (r: FigureRow) => [r.indicatorId, r.year, r.planId, r.unitId ?? '', r.hasTarget, r.reported, r.percent ?? '', r.excluded ?? '', r.iku, r.targetValue ?? '', r.realised ?? ''].join('|');
  const before = new Set((await tx.select().from(f).where(eq(f.regionCode, regionCode))).map(key));
  const beforeCount = before.size;
  await tx.delete(f).where(eq(f.regionCode, regionCode));
  const plans = await tx.select().from(sakipPlans).where(and(eq(sakipPlans.regionCode, regionCode), eq(sakipPlans.status, 'active')));
  let rows = 0;
  let same = 0;
  for (const plan of plans) {
    const computed = await computeRows(tx, plan, {});
    same += computed.filter((r) => before.has(key(r))).length;
    for (let i = 0; i < computed.length; i += INSERT_CHUNK) await tx.insert(f).values(computed.slice(i, i + INSERT_CHUNK));
    rows += computed.length;
  }
  const tallies = await rebuildRegionTallies(tx, regionCode);
  const budgets = await rebuildRegionUnitBudgets(tx, regionCode);
  return { rows: rows + tallies.rows + budgets.rows, differing: rows - same + (beforeCount - same) + tallies.differing + budgets.differing };
}

/** `pamong rebuild-sakip-figures`: every region (or one), each in its own transaction. */
export async function rebuildFigures(database: Database, regionCode?: string) {
  const regions = regionCode ? [regionCode]
    : (await database.db.selectDistinct({ code: sakipPlans.regionCode }).from(sakipPlans).orderBy(asc(sakipPlans.regionCode))).map((r) => r.code);
  let rows = 0;
  let differing = 0;
  for (const code of regions) {
    const r = await database.db.transaction((tx) => rebuildRegionFigures(tx, code));
    rows += r.rows;
    differing += r.differing;
  }
  return { regions: regions.length, rows, differing };
}

/**
 * At every start: the regions with an active plan that has indicators but no
 * summary row for its first year, a summarised plan-year with no tally, or a
 * budgeted plan-year with no stored unit budget (a database from before they
 * existed), are rebuilt. Each check goes plan by plan through an index, so a
 * start costs about the number of plans, not of indicators (a scan of every
 * indicator took 0.5 s at 135,000); rows lost one by one are for
 * `pamong rebuild-sakip-figures`.
 */
export async function rebuildMissingFigures(database: Database): Promise<void> {
  const f = sakipIndicatorYearFigures;
  const p = sakipPlans;
  const i = sakipIndicators;
  const missing = await database.db.selectDistinct({ code: p.regionCode }).from(p).where(and(eq(p.status, 'active'),
    sql`exists (select 1 from ${i} where ${i.regionCode} = ${p.regionCode} and ${i.planId} = ${p.id})`,
    sql`not exists (select 1 from ${f} where ${f.regionCode} = ${p.regionCode} and ${f.year} = ${p.startYear} and ${f.planId} = ${p.id})`));
  const codes = new Set([...missing.map((m) => m.code), ...await regionsMissingTallies(database.db), ...await regionsMissingUnitBudgets(database)]);
  for (const code of [...codes].sort()) await rebuildFigures(database, code);
}

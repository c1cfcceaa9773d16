// The stored yearly achievement summary (service/figures.ts), its tallies
// per unit (service/unit-tallies.ts) and units' budgets
// (service/unit-budgets.ts) against a full recomputation: random
// sequences of the writes that move them (targets set and revised,
// realisations and budgets entered and corrected, plans activated and
// returned to draft, a draft's node units and indicators edited) leave them
// equal to the rows recomputed from scratch, and the overview and its
// efficiency read from them equal, field by field, to the same recomputed
// from the raw rows, for the region and for each unit's targets.
import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { anonymousActor, type Actor } from '../../platform/auth/policy.js';
import { AppError } from '../../platform/errors.js';
import { getRegion } from '../../platform/regions/service.js';
import { sakipIndicators, sakipIndicatorYearFigures, sakipNodes, sakipPlans, sakipUnitYearBudgets, sakipUnitYearTallies } from './schema.js';
import { rebuildMissingFigures, rebuildRegionFigures } from './service/figures.js';
import { editIndicator } from './service/indicators.js';
import { editNode } from './service/nodes.js';
import { regionOverview } from './service/overview.js';
import { RAW, regionOverviewFromRaw } from './service/overview-raw.js';
import { efficiencyTotal, withEfficiency } from './service/efficiency.js';
import { setPlanStatus } from './service/plans.js';
import { setBudget } from './service/budget.js';
import { BUDGET_KINDS } from './service/unit-budgets.js';
import { enterRealisation, setTarget } from './service/targets.js';
import { periodsOfYear } from './service/periods.js';
import { provinceComparison } from './service/evaluation-results.js';

const REGION = '32.11';
const coordinator: Actor = { ...anonymousActor, kind: 'user', name: 'Koordinator uji', grants: [{ regionCode: REGION, role: 'sakip_coordinator', unitId: null }] };

describeWithApp('SAKIP achievement summary', (h) => {
  let indicators: { id: string; planId: string; nodeId: string }[];
  let plans: string[];
  let units: (string | null)[];
  let budgetNodes: { id: string; planId: string }[];

  beforeAll(async () => {
    const db = h.ctx.database.db;
    indicators = await db.select({ id: sakipIndicators.id, planId: sakipIndicators.planId, nodeId: sakipIndicators.nodeId }).from(sakipIndicators).where(eq(sakipIndicators.regionCode, REGION));
    plans = [...new Set(indicators.map((i) => i.planId))];
    const nodes = await db.select({ id: sakipNodes.id, planId: sakipNodes.planId, kind: sakipNodes.kind, unitId: sakipNodes.unitId }).from(sakipNodes).where(eq(sakipNodes.regionCode, REGION));
    units = [null, ...new Set(nodes.map((n) => n.unitId).filter((u) => u !== null))];
    budgetNodes = nodes.filter((n) => BUDGET_KINDS.includes(n.kind));
    const owners = await db.select({ unitId: sakipPlans.unitId }).from(sakipPlans).where(eq(sakipPlans.regionCode, REGION));
    focusUnits = [...new Set([...units, ...owners.map((o) => o.unitId)].filter((u) => u !== null))];
  });

  let focusUnits: string[];

  /** Rebuilding from scratch changes no row, and the overview read from the summary is the one recomputed from the raw rows. */
  const budgetedTargets = new Map<number, number>();
  async function expectSummaryCurrent() {
    const rebuilt = await h.ctx.database.db.transaction((tx) => rebuildRegionFigures(tx, REGION));
    expect(rebuilt.differing).toBe(0);
    const region = await getRegion(h.ctx.database.db, REGION);
    for (const year of [2025, 2026]) {
      const overview = await regionOverview(h.ctx, region, year);
      expect(overview).toEqual(await regionOverviewFromRaw(h.ctx, region, year));
      // Efficiency (the demo budgets 2025) read from the summary is the one recomputed plan by plan.
      const efficiency = await withEfficiency(h.ctx, region, overview);
      expect(efficiency).toEqual(await withEfficiency(h.ctx, region, overview, null, RAW));
      // Each unit's targets, as its drill-down lists them.
      let targets = 0;
      for (const unitId of focusUnits) {
        const focused = await withEfficiency(h.ctx, region, overview, { unitId });
        expect(focused).toEqual(await withEfficiency(h.ctx, region, overview, { unitId }, RAW));
        targets += focused.targets.length;
      }
      // The province's shorter path to the same total.
      expect(await efficiencyTotal(h.ctx, region, overview)).toEqual({ year, method: efficiency.efficiencyMethod, ...efficiency.total });
      budgetedTargets.set(year, targets);
    }
    // The province's IKU counts, from the summary in SQL, are the recomputed overview's.
    const province = await provinceComparison(h.ctx, await getRegion(h.ctx.database.db, '32'), { from: 2025, to: 2026, targetsYear: 2025 });
    const mine = province.regions.find((r) => r.code === REGION)!;
    const { iku } = await regionOverviewFromRaw(h.ctx, region, 2025);
    expect(mine.targets).toMatchObject({ year: 2025, indicators: iku.indicators, withTarget: iku.withTarget, met: iku.met });
    // And its efficiency, from the stored budgets of all its regions at once, the recomputed total.
    expect(mine.efficiency).toEqual(await efficiencyTotal(h.ctx, region, await regionOverviewFromRaw(h.ctx, region, 2025), RAW));
  }

  const value = fc.constantFrom('0', '-3', '7', '7.5', '8', '12.90', '100', '33.333333', '0.000001');
  const rupiah = fc.constantFrom('0', '1', '250000000', '999999999.99', '1000000000');
  const budgetPeriod = fc.constantFrom(...[2025, 2026].flatMap((y) => [String(y), ...periodsOfYear('quarter', y)]));
  const period = fc.constantFrom(...[2025, 2026].flatMap((y) => [String(y), ...periodsOfYear('quarter', y), ...periodsOfYear('month', y)]));
  const write = fc.oneof(
    fc.record({ op: fc.constant('target' as const), i: fc.nat(), year: fc.constantFrom(2025, 2026, 2027), value, high: value }),
    fc.record({ op: fc.constant('realise' as const), i: fc.nat(), period, value }),
    fc.record({ op: fc.constant('status' as const), p: fc.nat(), active: fc.boolean() }),
    fc.record({ op: fc.constant('nodeUnit' as const), i: fc.nat(), u: fc.nat() }),
    fc.record({ op: fc.constant('budget' as const), n: fc.nat(), period: budgetPeriod, ceiling: rupiah, spending: rupiah }),
    fc.record({ op: fc.constant('indicator' as const), i: fc.nat(), iku: fc.boolean(), lower: fc.boolean(), aggregation: fc.constantFrom('sum', 'average', 'last') }),
  );

  async function apply(w: typeof write extends fc.Arbitrary<infer T> ? T : never) {
    const region = await getRegion(h.ctx.database.db, REGION);
    const ind = (i: number) => indicators[i % indicators.length];
    try {
      if (w.op === 'target') {
        const x = ind(w.i);
        const [row] = await h.ctx.database.db.select({ targetType: sakipIndicators.targetType }).from(sakipIndicators).where(and(eq(sakipIndicators.regionCode, REGION), eq(sakipIndicators.id, x.id)));
        await setTarget(h.ctx, REGION, coordinator, x.planId, x.id, row.targetType === 'single' ? { year: w.year, value: w.value, reason: 'uji' } : { year: w.year, low: w.value, high: w.high, reason: 'uji' });
      } else if (w.op === 'realise') {
        const x = ind(w.i);
        await enterRealisation(h.ctx, region, coordinator, x.planId, x.id, w.period, { value: w.value, reason: 'koreksi uji' });
      } else if (w.op === 'status') {
        await setPlanStatus(h.ctx, REGION, coordinator, plans[w.p % plans.length], w.active ? 'active' : 'draft');
      } else if (w.op === 'nodeUnit') {
        const x = ind(w.i);
        await editNode(h.ctx, REGION, coordinator, x.planId, x.nodeId, { unitId: units[w.u % units.length] });
      } else if (w.op === 'budget') {
        const n = budgetNodes[w.n % budgetNodes.length];
        await setBudget(h.ctx, REGION, coordinator, n.planId, n.id, w.period, { ceiling: w.ceiling, spending: w.spending, reason: 'koreksi uji' });
      } else {
        const x = ind(w.i);
        await editIndicator(h.ctx, REGION, coordinator, x.planId, x.id, { isIku: w.iku, polarity: w.lower ? 'lower_is_better' : 'higher_is_better', aggregation: w.aggregation });
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err; // refused writes (a closed plan, a range, a future period) change nothing
    }
  }

  it('starts equal to the recomputation on the demo', async () => {
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from sakip_indicator_year_figures where region_code = ${REGION}`);
    expect(n).toBe(indicators.length * 5); // every indicator of the demo's active plans, each year of 2025–2029
    await expectSummaryCurrent();
    expect(budgetedTargets.get(2025)).toBeGreaterThan(0); // the demo's 2025 budgets: the units' targets compared are not empty
  });

  it('loses no count when reports of one unit arrive at once', async () => {
    const region = await getRegion(h.ctx.database.db, REGION);
    // Every indicator of the first plan, its value of 2026's first quarter entered in parallel (one connection each on PostgreSQL).
    const same = indicators.filter((i) => i.planId === indicators[0].planId);
    expect(same.length).toBeGreaterThan(2);
    const results = await Promise.allSettled(same.map((x, n) => enterRealisation(h.ctx, region, coordinator, x.planId, x.id, '2026-Q1', { value: String(40 + n), reason: 'serentak' })));
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(2);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(AppError); // a refusal (e.g. a kind of period mixed), never a lost update or a deadlock
    await expectSummaryCurrent();
  });

  it('stays equal to a full recomputation after any sequence of writes', async () => {
    await fc.assert(fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 8 }), async (writes) => {
      for (const w of writes) await apply(w);
      await expectSummaryCurrent();
    }), { numRuns: 25 });
    // The sequences did move the figures: some plan is a draft (no rows) or active with changed targets, and budgets were entered.
    const [{ n, budgets }] = await h.ctx.database.rows<{ n: number; budgets: number }>(sql`select
      (select count(*)::int from sakip_targets where region_code = ${REGION} and reason = 'uji') as n,
      (select count(*)::int from sakip_budgets where region_code = ${REGION} and reason = 'koreksi uji') as budgets`);
    expect(n).toBeGreaterThan(0);
    expect(budgets).toBeGreaterThan(0);
  });

  it('is rebuilt at start when rows are missing (a database from before the summary)', async () => {
    for (const p of plans) await setPlanStatus(h.ctx, REGION, coordinator, p, 'active').catch(() => undefined);
    const region = await getRegion(h.ctx.database.db, REGION);
    const before = await withEfficiency(h.ctx, region, await regionOverview(h.ctx, region, 2025));
    expect(before.total.budget).not.toBeNull();
    const stored = [sakipIndicatorYearFigures, sakipUnitYearTallies, sakipUnitYearBudgets];
    for (const table of stored) await h.ctx.database.db.delete(table).where(eq(table.regionCode, REGION));
    const emptied = await withEfficiency(h.ctx, region, await regionOverview(h.ctx, region, 2025));
    expect([emptied.units, emptied.total.budget]).toEqual([[], null]);
    await rebuildMissingFigures(h.ctx.database);
    expect(await withEfficiency(h.ctx, region, await regionOverview(h.ctx, region, 2025))).toEqual(before);
    // The tallies alone, or the stored budgets alone, missing are found too.
    for (const table of stored.slice(1)) {
      await h.ctx.database.db.delete(table).where(eq(table.regionCode, REGION));
      expect(await withEfficiency(h.ctx, region, await regionOverview(h.ctx, region, 2025))).not.toEqual(before);
      await rebuildMissingFigures(h.ctx.database);
      expect(await withEfficiency(h.ctx, region, await regionOverview(h.ctx, region, 2025))).toEqual(before);
    }
    const active = await h.ctx.database.db.select({ id: sakipPlans.id }).from(sakipPlans).where(and(eq(sakipPlans.regionCode, REGION), eq(sakipPlans.status, 'active')));
    expect(active.length).toBeGreaterThan(0);
  });
});

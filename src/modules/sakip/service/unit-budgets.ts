// Budgets rolled up: a budget node's budget is its own entries, else its
// children's (a programme without its own pagu is its activities'); and the
// stored yearly budget of each unit (sakip_unit_year_budgets): per active
// plan and year, the programmes each unit leads with a budget, counted and
// added up. The region view and the province comparison read these few rows
// per unit instead of every budget node and entry, so their time does not
// grow with the budget. Every change that moves a row rewrites its plan-year
// in the change's own transaction: a budget entry (service/budget.ts), the
// plan's activation or return to draft (service/plans.ts); an active plan's
// tree does not change. Rebuilt with the achievement summary
// (service/figures.ts), at every start when missing.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../../platform/db/client.js';
import { Dec } from '../../../platform/decimal.js';
import { addBudgets, type Budget } from '../domain/efficiency.js';
import { sakipBudgets, sakipNodes, sakipPlans, sakipUnitYearBudgets } from '../schema.js';
import type { NodeRow, PlanRow } from './data.js';
import { isWithin } from './periods.js';

/** The kinds of node that carry a budget (DPA: programme, kegiatan, sub-kegiatan). */
export const BUDGET_KINDS: readonly string[] = ['programme', 'activity', 'sub_activity'];

type BudgetEntry = { nodeId: string; period: string; ceiling: string; spending: string };

/**
 * Each budget node's budget within `period` (a year, or a quarter or month
 * inside it): its own rows inside the period added up, else its children's
 * budgets added up; null when neither has any.
 */
export function rolledUpBudgets(nodes: readonly Pick<NodeRow, 'id' | 'parentId' | 'kind'>[], rows: readonly BudgetEntry[], period: string): Map<string, Budget | null> {
  const out = new Map<string, Budget | null>();
  const children = new Map<string, (typeof nodes)[number][]>();
  for (const n of nodes) if (n.parentId) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const ownRows = new Map<string, BudgetEntry[]>();
  for (const r of rows) if (isWithin(r.period, period)) ownRows.set(r.nodeId, [...(ownRows.get(r.nodeId) ?? []), r]);
  const of = (n: (typeof nodes)[number]): Budget | null => {
    if (out.has(n.id)) return out.get(n.id)!;
    const own = addBudgets(ownRows.get(n.id) ?? []);
    const total = own ?? addBudgets((children.get(n.id) ?? []).filter((c) => BUDGET_KINDS.includes(c.kind)).map(of).filter((b): b is Budget => b !== null));
    out.set(n.id, total);
    return total;
  };
  for (const n of nodes) if (BUDGET_KINDS.includes(n.kind)) of(n);
  return out;
}

/** Each node's budget rows of the given years added up in SQL, one row per node and year. */
export async function yearEntries(db: Queryable, regionCode: string, planIds: readonly string[], years?: readonly number[]) {
  if (planIds.length === 0) return [];
  const b = sakipBudgets;
  const rows = await db.select({ planId: b.planId, nodeId: b.nodeId, year: b.year, ceiling: sql<string>`sum(${b.ceiling})::text`, spending: sql<string>`sum(${b.spending})::text` })
    .from(b).where(and(eq(b.regionCode, regionCode), inArray(b.planId, [...planIds]), years ? inArray(b.year, [...years]) : undefined))
    .groupBy(b.planId, b.nodeId, b.year);
  return rows.map((r) => ({ ...r, period: String(r.year) }));
}

type UnitYearRow = typeof sakipUnitYearBudgets.$inferInsert;

/** A plan's rows for `years` (all its years when not given), from its budget nodes and entries. */
async function computeRows(tx: Queryable, plan: PlanRow, years?: readonly number[]): Promise<UnitYearRow[]> {
  // In turn, not together: `tx` is one connection.
  const nodes = await tx.select({ id: sakipNodes.id, parentId: sakipNodes.parentId, kind: sakipNodes.kind, unitId: sakipNodes.unitId }).from(sakipNodes)
    .where(and(eq(sakipNodes.regionCode, plan.regionCode), eq(sakipNodes.planId, plan.id), inArray(sakipNodes.kind, [...BUDGET_KINDS])));
  const entries = await yearEntries(tx, plan.regionCode, [plan.id], years);
  const out: UnitYearRow[] = [];
  for (const year of new Set(entries.map((e) => e.year))) {
    const budgets = rolledUpBudgets(nodes, entries.filter((e) => e.year === year), String(year));
    const byUnit = new Map<string | null, Budget[]>();
    for (const n of nodes) {
      const budget = budgets.get(n.id) ?? null;
      if (n.kind !== 'programme' || budget === null) continue;
      const unitId = n.unitId ?? plan.unitId;
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), budget]);
    }
    const base = { regionCode: plan.regionCode, planId: plan.id, year };
    if (byUnit.size === 0) out.push({ ...base, unitId: null, programmes: 0, ceiling: '0', spending: '0' });
    for (const [unitId, list] of byUnit) {
      const total = addBudgets(list)!;
      out.push({ ...base, unitId, programmes: list.length, ceiling: total.ceiling.toFixed(), spending: total.spending.toFixed() });
    }
  }
  return out;
}

/**
 * Rewrites a plan's rows for one year (or all) inside the caller's
 * transaction, after the change is written: recomputed when the plan is
 * active, removed when it is not. The caller holds the plan row locked for
 * update, so that two entries in one plan rewrite it one after the other.
 */
export async function refreshUnitBudgets(tx: Queryable, plan: PlanRow, year?: number): Promise<void> {
  const u = sakipUnitYearBudgets;
  await tx.delete(u).where(and(eq(u.regionCode, plan.regionCode), eq(u.planId, plan.id), year === undefined ? undefined : eq(u.year, year)));
  if (plan.status !== 'active') return;
  const rows = await computeRows(tx, plan, year === undefined ? undefined : [year]);
  if (rows.length > 0) await tx.insert(u).values(rows);
}

/** Rebuilds a region's rows from its active plans' nodes and entries. Returns the rows written and how many differed before. */
export async function rebuildRegionUnitBudgets(tx: Queryable, regionCode: string): Promise<{ rows: number; differing: number }> {
  const u = sakipUnitYearBudgets;
  const key = (r: UnitYearRow) => [r.planId, r.year, r.unitId ?? '', r.programmes, new Dec(r.ceiling).toFixed(), new Dec(r.spending).toFixed()].join('|');
  const before = new Set((await tx.select().from(u).where(eq(u.regionCode, regionCode))).map(key));
  await tx.delete(u).where(eq(u.regionCode, regionCode));
  const plans = await tx.select().from(sakipPlans).where(and(eq(sakipPlans.regionCode, regionCode), eq(sakipPlans.status, 'active')));
  let rows = 0;
  let same = 0;
  for (const plan of plans) {
    const computed = await computeRows(tx, plan);
    same += computed.filter((r) => before.has(key(r))).length;
    if (computed.length > 0) await tx.insert(u).values(computed);
    rows += computed.length;
  }
  return { rows, differing: rows - same + (before.size - same) };
}

/** The regions with an active plan's year that has budget entries but no roll-up row (a database from before it existed): per plan and year, by index. */
export async function regionsMissingUnitBudgets(database: Database): Promise<string[]> {
  const b = sakipBudgets;
  const u = sakipUnitYearBudgets;
  const p = sakipPlans;
  const rows = await database.rows<{ code: string }>(sql`select distinct ${p.regionCode} as code from ${p} cross join generate_series(${p.startYear}, ${p.endYear}) as y(year)
    where ${p.status} = 'active'
      and exists (select 1 from ${b} where ${b.regionCode} = ${p.regionCode} and ${b.planId} = ${p.id} and ${b.year} = y.year)
      and not exists (select 1 from ${u} where ${u.regionCode} = ${p.regionCode} and ${u.planId} = ${p.id} and ${u.year} = y.year)`);
  return rows.map((r) => r.code);
}

/**
 * Each unit's counted budget in each region for a year: the programmes of its
 * Renstra, or, when its Renstra has none that year, the RPJMD programmes it
 * leads (one budget is never counted twice). Regions without a budget are left out.
 */
export async function storedUnitBudgets(db: Queryable, regionCodes: readonly string[], year: number): Promise<Map<string, Map<string | null, Budget>>> {
  const out = new Map<string, Map<string | null, Budget>>();
  if (regionCodes.length === 0) return out;
  const u = sakipUnitYearBudgets;
  const rows = await db.select({
    regionCode: u.regionCode, unitId: u.unitId, kind: sakipPlans.kind,
    ceiling: sql<string>`sum(${u.ceiling})::text`, spending: sql<string>`sum(${u.spending})::text`,
  }).from(u).innerJoin(sakipPlans, and(eq(sakipPlans.regionCode, u.regionCode), eq(sakipPlans.id, u.planId)))
    .where(and(inArray(u.regionCode, [...regionCodes]), eq(u.year, year), sql`${u.programmes} > 0`, eq(sakipPlans.status, 'active')))
    .groupBy(u.regionCode, u.unitId, sakipPlans.kind);
  for (const kind of ['renstra', 'rpjmd']) {
    for (const r of rows.filter((x) => x.kind === kind)) {
      const units = out.get(r.regionCode) ?? new Map<string | null, Budget>();
      out.set(r.regionCode, units);
      if (!units.has(r.unitId)) units.set(r.unitId, { ceiling: new Dec(r.ceiling), spending: new Dec(r.spending) });
    }
  }
  return out;
}

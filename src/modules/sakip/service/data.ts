// Reading a plan's rows, finding one record of it, and what every use case
// checks the same way: that the plan is a draft, that a unit is the region's,
// that a value is an exact decimal, and that a change adds no problem to the
// plan (domain/tree.ts planProblems).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { Dec } from '../../../platform/decimal.js';
import { AppError } from '../../../platform/errors.js';
import { units } from '../../../platform/schema.js';
import { kindsInPlan, type PlanKind } from '../domain/kinds.js';
import { parseTargetNumber, planProblems, type NodeKind, type Plan, type RawTarget, type TreeProblem, type TreeProblemCode } from '../domain/tree.js';
import { sakipIndicators, sakipNodes, sakipPlans, sakipRealisations, sakipTargets, sakipVillageIndicators } from '../schema.js';

export type PlanRow = typeof sakipPlans.$inferSelect;
export type NodeRow = typeof sakipNodes.$inferSelect;
export type IndicatorRow = typeof sakipIndicators.$inferSelect;
export type TargetRow = typeof sakipTargets.$inferSelect;
export type RealisationRow = typeof sakipRealisations.$inferSelect;

export async function planFor(db: Queryable, regionCode: string, id: string, lock?: 'update' | 'share'): Promise<PlanRow> {
  const q = db.select().from(sakipPlans).where(and(eq(sakipPlans.regionCode, regionCode), eq(sakipPlans.id, id)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw new AppError('sakip.plan_not_found');
  return row;
}

export async function nodeIn(db: Queryable, plan: PlanRow, id: string): Promise<NodeRow> {
  const [row] = await db.select().from(sakipNodes).where(and(eq(sakipNodes.regionCode, plan.regionCode), eq(sakipNodes.planId, plan.id), eq(sakipNodes.id, id)));
  if (!row) throw new AppError('sakip.node_not_found', { nodeId: id });
  return row;
}

export type VillageRuleRow = typeof sakipVillageIndicators.$inferSelect;

/** How the indicator's villages roll up, when it is measured per village; null otherwise. */
export async function villageRuleOf(db: Queryable, regionCode: string, indicatorId: string): Promise<VillageRuleRow | null> {
  const [row] = await db.select().from(sakipVillageIndicators).where(and(eq(sakipVillageIndicators.regionCode, regionCode), eq(sakipVillageIndicators.indicatorId, indicatorId)));
  return row ?? null;
}

export async function indicatorIn(db: Queryable, plan: PlanRow, id: string, lock?: 'update'): Promise<IndicatorRow> {
  const q = db.select().from(sakipIndicators).where(and(eq(sakipIndicators.regionCode, plan.regionCode), eq(sakipIndicators.planId, plan.id), eq(sakipIndicators.id, id)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw new AppError('sakip.indicator_not_found');
  return row;
}

/** The structure (nodes, indicators) changes only while the plan is a draft. */
export function ensureDraft(plan: PlanRow): void {
  if (plan.status !== 'draft') throw new AppError('sakip.plan_active');
}

/** Every unit named is an active unit of the region. */
export async function ensureUnits(db: Queryable, regionCode: string, ids: readonly (string | null | undefined)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((u): u is string => !!u))];
  if (wanted.length === 0) return;
  const found = await db.select({ id: units.id }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.active, true), inArray(units.id, wanted)));
  if (found.length !== wanted.length) throw new AppError('unit.not_found');
}

export function ensureKindInPlan(plan: PlanRow, kind: NodeKind): void {
  if (!kindsInPlan[plan.kind as PlanKind].includes(kind)) throw new AppError('sakip.kind_not_in_plan', { kind, planKind: plan.kind });
}

// ---------------------------------------------------------------------------
// Government codes (Permendagri 90/2019): programme = bidang.NN, activity =
// programme.X.NN (X = 1 province, 2 regency/city), sub-activity = activity.NNNN.

const codePattern: Partial<Record<NodeKind, RegExp>> = {
  programme: /^(\d|X)\.(\d{2}|XX)\.\d{2}$/,
  activity: /^(\d|X)\.(\d{2}|XX)\.\d{2}\.[12]\.\d{2}$/,
  sub_activity: /^(\d|X)\.(\d{2}|XX)\.\d{2}\.[12]\.\d{2}\.\d{4}$/,
};

/**
 * A programme, activity or sub-activity needs its government code, and an
 * activity's or sub-activity's code starts with its parent's; other nodes may
 * carry the plan's own numbering. Returns the code to store.
 */
export function checkCode(kind: NodeKind, code: string | null | undefined, parent: { kind: string; code: string | null } | null): string | null {
  const pattern = codePattern[kind];
  const value = code?.trim() || null;
  if (!pattern) return value;
  if (value === null || !pattern.test(value)) throw new AppError('sakip.code_invalid', { code: value ?? '' });
  if ((kind === 'activity' || kind === 'sub_activity') && parent?.code && !value.startsWith(`${parent.code}.`)) throw new AppError('sakip.code_invalid', { code: value, parentCode: parent.code });
  return value;
}

// ---------------------------------------------------------------------------
// Exact decimal input

const MAX_INTEGER_DIGITS = 15;
const MAX_DECIMALS = 6;

/**
 * A target or realisation as typed: a plain decimal with a point (a string,
 * or a JSON number), within 15 digits before the point and 6 after, negative
 * only where the indicator allows it. Returns the decimal text stored in the
 * numeric column: the text as typed, a number as its decimal.
 */
export function decimalInput(raw: string | number, allowsNegative: boolean): string {
  const d = parseTargetNumber(raw);
  if (d === null) throw new AppError('sakip.value_not_numeric', { value: String(raw) });
  if (d.isZero()) return '0';
  if (d.isNegative() && !allowsNegative) throw new AppError('sakip.value_negative', { value: String(raw) });
  if (d.decimalPlaces() > MAX_DECIMALS || d.abs().gte(new Dec(10).pow(MAX_INTEGER_DIGITS))) throw new AppError('sakip.value_out_of_range', { value: String(raw) });
  // As typed ("12.50" keeps its two places; PostgreSQL writes ".5" as 0.5); a JSON number as its decimal.
  return typeof raw === 'string' ? raw.trim() : d.toFixed();
}

// ---------------------------------------------------------------------------
// A plan as the domain sees it

export interface PlanData {
  nodes: NodeRow[];
  indicators: IndicatorRow[];
  /** The current (latest) version of each indicator's target per year. */
  targets: TargetRow[];
}

export const targetOf = (t: TargetRow): RawTarget => (t.value !== null ? { type: 'single', value: t.value } : { type: 'range', low: t.low, high: t.high });

export async function loadPlanData(db: Queryable, plan: PlanRow): Promise<PlanData> {
  // In turn, not together: `db` may be a transaction's one connection.
  const nodes = await db.select().from(sakipNodes).where(and(eq(sakipNodes.regionCode, plan.regionCode), eq(sakipNodes.planId, plan.id))).orderBy(asc(sakipNodes.position), asc(sakipNodes.createdAt), asc(sakipNodes.id));
  const indicators = await db.select().from(sakipIndicators).where(and(eq(sakipIndicators.regionCode, plan.regionCode), eq(sakipIndicators.planId, plan.id))).orderBy(asc(sakipIndicators.position), asc(sakipIndicators.createdAt), asc(sakipIndicators.id));
  const versions = await db.select().from(sakipTargets).where(and(eq(sakipTargets.regionCode, plan.regionCode), eq(sakipTargets.planId, plan.id))).orderBy(asc(sakipTargets.indicatorId), asc(sakipTargets.year), asc(sakipTargets.version));
  const current = new Map<string, TargetRow>();
  for (const t of versions) current.set(`${t.indicatorId}:${t.year}`, t);
  return { nodes, indicators, targets: [...current.values()] };
}

export function domainPlan(plan: PlanRow, data: PlanData): Plan {
  return {
    period: { startYear: plan.startYear, endYear: plan.endYear },
    nodes: data.nodes.map((n) => ({ id: n.id, kind: n.kind as NodeKind, parentId: n.parentId, name: n.title, code: n.code, order: n.position })),
    indicators: data.indicators.map((i) => ({ id: i.id, nodeId: i.nodeId, name: i.name, targetType: i.targetType as 'single' | 'range', allowsNegative: i.allowsNegative })),
    targets: data.targets.map((t) => ({ indicatorId: t.indicatorId, year: t.year, target: targetOf(t) })),
  };
}

/**
 * What a draft may lack while it is being built: a target (sasaran) gets its
 * node before its indicator. It is shown as a problem and stops activation.
 */
export const tolerated: ReadonlySet<TreeProblemCode> = new Set(['target_without_indicator']);

const problemKey = (p: TreeProblem) => [p.code, p.nodeId, p.indicatorId ?? '', p.year ?? '', (p.cycle ?? []).join('>')].join('|');

/**
 * Runs a change inside the caller's transaction and refuses it (the whole
 * transaction rolls back) when it adds a problem the plan did not have, other
 * than those a draft may have; problems already there do not stop it.
 */
export async function withoutNewProblems<T>(tx: Queryable, plan: PlanRow, change: () => Promise<T>, after: () => Promise<PlanRow> = async () => plan): Promise<T> {
  const before = new Set(planProblems(domainPlan(plan, await loadPlanData(tx, plan))).map(problemKey));
  const result = await change();
  const changed = await after();
  const added = planProblems(domainPlan(changed, await loadPlanData(tx, changed))).filter((p) => !tolerated.has(p.code) && !before.has(problemKey(p)));
  if (added.length > 0) throw new AppError('sakip.change_invalid', { problems: added });
  return result;
}

export { actorLabel } from '../../../platform/auth/policy.js';

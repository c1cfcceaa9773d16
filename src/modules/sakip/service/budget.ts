// A programme's, activity's or sub-activity's budget per period (ceiling and
// spending in rupiah, corrections kept as versions) and an indicator's action
// plan (a target per quarter or month of a year; the year's is the plan's).
// Both are entered by the node's or indicator's units or the coordinator, in
// one kind of period per year, and follow the reporting-period lock as
// realisations do: in a closed period only the coordinator changes them,
// with a reason. One transaction per use case, audited inside it.
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { Dec } from '../../../platform/decimal.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import { can, type Actor } from '../../../platform/auth/policy.js';
import { sakipActionTargets, sakipBudgetVersions, sakipBudgets, sakipTargets } from '../schema.js';
import { ensureMayReport, reportingUnits } from './access.js';
import { actorLabel, decimalInput, indicatorIn, nodeIn, planFor, type PlanRow } from './data.js';
import { BUDGET_KINDS, refreshUnitBudgets } from './unit-budgets.js';
import { parsePeriod, periodKind, periodOrder, type Period } from './periods.js';
import { lockingPeriod } from './reporting.js';

/**
 * What every entry for a period checks: the period is inside the plan, of
 * the same kind as the year's other entries, and, when a closed period locks
 * it, the actor is the coordinator and gives a reason. Returns what locks it.
 */
async function periodEntry(tx: Queryable, actor: Actor, plan: PlanRow, period: string, sameYear: readonly { period: string }[], reason: string | null) {
  const p = parsePeriod(period);
  if (p.year < plan.startYear || p.year > plan.endYear) throw new AppError('sakip.period_outside_plan', { period, startYear: plan.startYear, endYear: plan.endYear });
  const other = sameYear.filter((r) => periodKind(r.period) !== p.kind).map((r) => r.period).sort();
  if (other.length > 0) throw new AppError('sakip.period_kind_mixed', { period, existing: other });
  const lockedBy = await lockingPeriod(tx, plan.regionCode, period);
  if (lockedBy && !can(actor, 'sakip.manage', plan.regionCode)) throw new AppError('sakip.period_locked', { period, lockedBy });
  if (lockedBy && !reason) throw new AppError('sakip.correction_reason_required', { period, lockedBy });
  return { p, lockedBy };
}

export interface BudgetInput { ceiling: string | number; spending: string | number; reason?: string }

/**
 * Enters or corrects a budget node's ceiling (pagu) and spending for one
 * period, in rupiah, neither negative. A correction keeps the version it
 * replaces; sending what is already there changes nothing.
 */
export async function setBudget(ctx: AppContext, regionCode: string, actor: Actor, planId: string, nodeId: string, period: string, input: BudgetInput) {
  await ctx.database.db.transaction(async (tx) => {
    // Locked for update, not share: the plan's stored unit budgets are rewritten one entry after the other.
    const plan = await planFor(tx, regionCode, planId, 'update');
    const node = await nodeIn(tx, plan, nodeId);
    if (!BUDGET_KINDS.includes(node.kind)) throw new AppError('sakip.budget_node_kind', { kind: node.kind });
    ensureMayReport(actor, regionCode, reportingUnits(plan, node, { sharedUnitIds: [] }));
    const fields = { ceiling: decimalInput(input.ceiling, false), spending: decimalInput(input.spending, false) };
    const reason = input.reason?.trim() || null;
    const sameYear = await tx.select().from(sakipBudgets)
      .where(and(eq(sakipBudgets.regionCode, regionCode), eq(sakipBudgets.nodeId, node.id), eq(sakipBudgets.year, parsePeriod(period).year))).for('update');
    const { p, lockedBy } = await periodEntry(tx, actor, plan, period, sameYear, reason);
    const before = sameYear.find((r) => r.period === period);
    if (before && new Dec(before.ceiling).eq(fields.ceiling) && new Dec(before.spending).eq(fields.spending)) return;
    if (before) {
      const { year: _year, ...replaced } = before;
      await tx.insert(sakipBudgetVersions).values(replaced);
    }
    const now = ctx.clock.now();
    const entered = { enteredAt: now, enteredBy: actor.userId, enteredByLabel: actorLabel(actor), version: (before?.version ?? 0) + 1, reason, afterClose: lockedBy !== null };
    await tx.insert(sakipBudgets).values({ regionCode, planId: plan.id, nodeId: node.id, period, year: p.year, ...fields, ...entered })
      .onConflictDoUpdate({ target: [sakipBudgets.regionCode, sakipBudgets.nodeId, sakipBudgets.period], set: { ...fields, ...entered } });
    await refreshUnitBudgets(tx, plan, p.year);
    await audit(tx, now, actor, regionCode, 'sakip.budget', 'sakip_node', node.id,
      { planId: plan.id, period, version: entered.version, ...(reason ? { reason } : {}), ...(lockedBy ? { lockedBy } : {}) },
      before ? changedFields({ ceiling: before.ceiling, spending: before.spending }, fields) : { before: null, after: fields });
  });
}

export interface ActionTargetInput { value: string | number; reason?: string }

const ensureWithinYear = (p: Period, period: string) => {
  if (p.kind === 'year') throw new AppError('sakip.action_period_year', { period });
};

/** Sets or changes an indicator's action-plan target for a quarter or a month; sending the same value changes nothing. */
export async function setActionTarget(ctx: AppContext, regionCode: string, actor: Actor, planId: string, indicatorId: string, period: string, input: ActionTargetInput) {
  ensureWithinYear(parsePeriod(period), period);
  await ctx.database.db.transaction(async (tx) => {
    const plan = await planFor(tx, regionCode, planId, 'share');
    const indicator = await indicatorIn(tx, plan, indicatorId, 'update');
    const node = await nodeIn(tx, plan, indicator.nodeId);
    ensureMayReport(actor, regionCode, reportingUnits(plan, node, indicator));
    const value = decimalInput(input.value, indicator.allowsNegative);
    const reason = input.reason?.trim() || null;
    const sameYear = await tx.select().from(sakipActionTargets)
      .where(and(eq(sakipActionTargets.regionCode, regionCode), eq(sakipActionTargets.indicatorId, indicator.id), eq(sakipActionTargets.year, parsePeriod(period).year)));
    const { p, lockedBy } = await periodEntry(tx, actor, plan, period, sameYear, reason);
    const before = sameYear.find((r) => r.period === period);
    if (before && new Dec(before.value).eq(value)) return;
    const now = ctx.clock.now();
    const set = { value, reason, setAt: now, setBy: actor.userId, setByLabel: actorLabel(actor) };
    await tx.insert(sakipActionTargets).values({ regionCode, planId: plan.id, indicatorId: indicator.id, period, year: p.year, ...set })
      .onConflictDoUpdate({ target: [sakipActionTargets.regionCode, sakipActionTargets.indicatorId, sakipActionTargets.period], set });
    await audit(tx, now, actor, regionCode, 'sakip.action_target', 'sakip_indicator', indicator.id,
      { planId: plan.id, period, ...(reason ? { reason } : {}), ...(lockedBy ? { lockedBy } : {}) },
      { before: before ? { value: before.value } : null, after: { value } });
  });
}

/** An indicator's action plan for a year: the year's target (the plan's current one) and the target of each quarter or month set. */
export async function actionPlan(ctx: AppContext, regionCode: string, planId: string, indicatorId: string, year: number) {
  const db = ctx.database.db;
  const plan = await planFor(db, regionCode, planId);
  const indicator = await indicatorIn(db, plan, indicatorId);
  if (year < plan.startYear || year > plan.endYear) throw new AppError('sakip.year_outside_plan', { year, startYear: plan.startYear, endYear: plan.endYear });
  const [targets, rows] = await Promise.all([
    db.select().from(sakipTargets).where(and(eq(sakipTargets.regionCode, regionCode), eq(sakipTargets.indicatorId, indicator.id), eq(sakipTargets.year, year))).orderBy(asc(sakipTargets.version)),
    db.select().from(sakipActionTargets).where(and(eq(sakipActionTargets.regionCode, regionCode), eq(sakipActionTargets.indicatorId, indicator.id), eq(sakipActionTargets.year, year))),
  ]);
  const current = targets.at(-1);
  return {
    indicatorId: indicator.id, year,
    yearTarget: current ? { value: current.value, low: current.low, high: current.high, version: current.version } : null,
    periodKind: rows.length === 0 ? null : periodKind(rows[0].period) as 'quarter' | 'month',
    periods: rows.sort((a, b) => periodOrder(a.period) - periodOrder(b.period))
      .map((r) => ({ period: r.period, value: r.value, setAt: r.setAt, setBy: r.setByLabel, reason: r.reason })),
  };
}

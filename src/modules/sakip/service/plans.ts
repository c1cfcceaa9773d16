// Plans: the region's RPJMD and each unit's Renstra. Creating, renaming or
// re-dating a draft, and activating (only a plan without problems) or
// returning it to draft. One transaction each, audited inside it.
import { isUniqueViolation } from '../../../platform/db/violations.js';
import { and, asc, desc, eq, gte, lte, ne, or } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import { planProblems } from '../domain/tree.js';
import { sakipPlans, sakipRealisations } from '../schema.js';
import { ensureMayEditPlan } from './access.js';
import { domainPlan, ensureDraft, ensureUnits, loadPlanData, planFor, withoutNewProblems, type PlanRow } from './data.js';
import { refreshFigures } from './figures.js';
import { refreshUnitBudgets } from './unit-budgets.js';
import { refreshSourceSyncs } from './source-sync.js';

/** RPJMD and Renstra run five years; a shorter plan (a transitional RPD) is allowed, a longer one is not. */
export const MAX_PLAN_YEARS = 5;

function checkPeriod(startYear: number, endYear: number): void {
  if (endYear < startYear || endYear - startYear >= MAX_PLAN_YEARS) throw new AppError('sakip.plan_period_invalid', { startYear, endYear });
}

export type NewPlan = { kind: 'rpjmd'; startYear: number; endYear?: number; title: string } | { kind: 'renstra'; unitId: string; startYear: number; endYear?: number; title: string };

export async function createPlan(ctx: AppContext, regionCode: string, actor: Actor, input: NewPlan): Promise<string> {
  const unitId = input.kind === 'renstra' ? input.unitId : null;
  const endYear = input.endYear ?? input.startYear + MAX_PLAN_YEARS - 1;
  checkPeriod(input.startYear, endYear);
  ensureMayEditPlan(actor, { regionCode, unitId });
  return ctx.database.db.transaction(async (tx) => {
    await ensureUnits(tx, regionCode, [unitId]);
    const now = ctx.clock.now();
    const [plan] = await tx.insert(sakipPlans).values({
      regionCode, kind: input.kind, unitId, startYear: input.startYear, endYear, title: input.title, status: 'draft', createdAt: now, updatedAt: now,
    }).onConflictDoNothing().returning();
    if (!plan) throw new AppError('sakip.plan_exists', { startYear: input.startYear });
    await audit(tx, now, actor, regionCode, 'sakip.plan_create', 'sakip_plan', plan.id, { kind: plan.kind, unitId, startYear: plan.startYear, endYear, title: plan.title });
    return plan.id;
  });
}

/** The title at any time; the period only in a draft, and only when every target and realisation stays inside it. */
export async function updatePlan(ctx: AppContext, regionCode: string, actor: Actor, planId: string, input: { title?: string; startYear?: number; endYear?: number }) {
  await ctx.database.db.transaction(async (tx) => {
    const plan = await planFor(tx, regionCode, planId, 'update');
    ensureMayEditPlan(actor, plan);
    const startYear = input.startYear ?? plan.startYear;
    const endYear = input.endYear ?? (input.startYear !== undefined ? startYear + (plan.endYear - plan.startYear) : plan.endYear);
    const redated = startYear !== plan.startYear || endYear !== plan.endYear;
    if (redated) {
      ensureDraft(plan);
      checkPeriod(startYear, endYear);
      const [outside] = await tx.select({ period: sakipRealisations.period }).from(sakipRealisations)
        .where(and(eq(sakipRealisations.regionCode, regionCode), eq(sakipRealisations.planId, plan.id), or(lte(sakipRealisations.year, startYear - 1), gte(sakipRealisations.year, endYear + 1)))).limit(1);
      if (outside) throw new AppError('sakip.period_outside_plan', { period: outside.period, startYear, endYear });
    }
    const next = { title: input.title ?? plan.title, startYear, endYear };
    const now = ctx.clock.now();
    await withoutNewProblems(tx, plan, async () => {
      const [updated] = await tx.update(sakipPlans).set({ ...next, updatedAt: now }).where(and(eq(sakipPlans.regionCode, regionCode), eq(sakipPlans.id, plan.id)))
        .returning().catch((err: unknown) => {
          throw isUniqueViolation(err) ? new AppError('sakip.plan_exists', { startYear }) : err;
        });
      return updated;
    }, () => planFor(tx, regionCode, plan.id));
    const change = changedFields({ title: plan.title, startYear: plan.startYear, endYear: plan.endYear }, next);
    if (Object.keys(change.after ?? {}).length > 0) await audit(tx, now, actor, regionCode, 'sakip.plan_update', 'sakip_plan', plan.id, {}, change);
  });
}

/**
 * Activating needs a plan without any problem and no other active plan of the
 * same owner over the same years; returning to draft (to change its
 * structure) is always possible.
 */
export async function setPlanStatus(ctx: AppContext, regionCode: string, actor: Actor, planId: string, status: 'draft' | 'active') {
  await ctx.database.db.transaction(async (tx) => {
    const plan = await planFor(tx, regionCode, planId, 'update');
    if (plan.status === status) return;
    if (status === 'active') {
      const problems = planProblems(domainPlan(plan, await loadPlanData(tx, plan)));
      if (problems.length > 0) throw new AppError('sakip.plan_not_ready', { problems });
      const [overlap] = await tx.select({ title: sakipPlans.title }).from(sakipPlans).where(and(
        eq(sakipPlans.regionCode, regionCode), ne(sakipPlans.id, plan.id), eq(sakipPlans.status, 'active'), eq(sakipPlans.kind, plan.kind),
        plan.unitId === null ? undefined : eq(sakipPlans.unitId, plan.unitId),
        lte(sakipPlans.startYear, plan.endYear), gte(sakipPlans.endYear, plan.startYear),
      )).limit(1);
      if (overlap) throw new AppError('sakip.plan_overlap', { title: overlap.title });
    }
    const now = ctx.clock.now();
    await tx.update(sakipPlans).set({ status, updatedAt: now }).where(and(eq(sakipPlans.regionCode, regionCode), eq(sakipPlans.id, plan.id)));
    await refreshFigures(tx, { ...plan, status });
    await refreshUnitBudgets(tx, { ...plan, status });
    await refreshSourceSyncs(tx, { ...plan, status }, now);
    await audit(tx, now, actor, regionCode, 'sakip.plan_status', 'sakip_plan', plan.id, {}, { before: { status: plan.status }, after: { status } });
  });
}

export async function listPlans(ctx: AppContext, regionCode: string, filter: { kind?: 'rpjmd' | 'renstra'; unitId?: string }) {
  const rows = await ctx.database.db.select({ plan: sakipPlans, unit: { id: units.id, code: units.code, name: units.name } }).from(sakipPlans)
    .leftJoin(units, and(eq(units.regionCode, sakipPlans.regionCode), eq(units.id, sakipPlans.unitId)))
    .where(and(
      eq(sakipPlans.regionCode, regionCode),
      filter.kind ? eq(sakipPlans.kind, filter.kind) : undefined,
      filter.unitId ? eq(sakipPlans.unitId, filter.unitId) : undefined,
    ))
    .orderBy(desc(sakipPlans.kind), asc(units.code), asc(sakipPlans.startYear)); // the RPJMD first, then each unit's Renstra
  return rows.map((r) => planHeader(r.plan, r.unit));
}

export async function planSummary(ctx: AppContext, regionCode: string, planId: string) {
  const plan = await planFor(ctx.database.db, regionCode, planId);
  return planHeader(plan, await unitOf(ctx, plan));
}

export async function unitOf(ctx: AppContext, plan: PlanRow) {
  if (!plan.unitId) return null;
  const [unit] = await ctx.database.db.select({ id: units.id, code: units.code, name: units.name }).from(units)
    .where(and(eq(units.regionCode, plan.regionCode), eq(units.id, plan.unitId)));
  return unit ?? null;
}

export const planHeader = (plan: PlanRow, unit: { id: string; code: string; name: string } | null) => ({
  id: plan.id, kind: plan.kind, unit: unit?.id ? unit : null, startYear: plan.startYear, endYear: plan.endYear, title: plan.title, status: plan.status,
  createdAt: plan.createdAt, updatedAt: plan.updatedAt,
});

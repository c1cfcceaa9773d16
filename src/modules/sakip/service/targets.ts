// Yearly targets, kept as versions: the first is set, every later one is a
// formal revision with its reason, who and when. Realisations per period
// (a year, quarter or month inside the plan), entered by the indicator's
// units, kept as versions too; in a closed (locked) period only the SAKIP
// coordinator changes them, with a reason.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import type { AppContext } from '../../../platform/context.js';
import { Dec } from '../../../platform/decimal.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import { can, type Actor } from '../../../platform/auth/policy.js';
import { sakipRealisations, sakipRealisationVersions, sakipTargets } from '../schema.js';
import { ensureMayEditPlan, ensureMayReport, reportingUnits } from './access.js';
import { actorLabel, decimalInput, indicatorIn, nodeIn, planFor, villageRuleOf, type IndicatorRow, type PlanRow, type RealisationRow, type TargetRow } from './data.js';
import { parsePeriod, periodKind, periodOrder, periodStart } from './periods.js';
import { lockingPeriod } from './reporting.js';
import { refreshFigures } from './figures.js';

export interface TargetInput { year: number; value?: string | number; low?: string | number; high?: string | number; reason?: string }

export const targetView = (t: TargetRow) => ({
  year: t.year, version: t.version, type: t.value !== null ? 'single' as const : 'range' as const, value: t.value, low: t.low, high: t.high,
  reason: t.reason, setAt: t.setAt, setBy: t.setByLabel,
});

/** The values to store, checked against the indicator: its target type, exact decimals, negatives, a range's order. */
function targetValues(indicator: IndicatorRow, input: TargetInput): { value: string | null; low: string | null; high: string | null } {
  const single = input.value !== undefined;
  const range = input.low !== undefined || input.high !== undefined;
  if (indicator.targetType === 'single' ? !single || range : single || input.low === undefined || input.high === undefined) {
    throw new AppError('sakip.target_type_mismatch', { targetType: indicator.targetType });
  }
  if (single) return { value: decimalInput(input.value!, indicator.allowsNegative), low: null, high: null };
  const low = decimalInput(input.low!, indicator.allowsNegative);
  const high = decimalInput(input.high!, indicator.allowsNegative);
  if (new Dec(low).gt(high)) throw new AppError('sakip.range_inverted', { low, high });
  return { value: null, low, high };
}

const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : new Dec(a).eq(b));

/**
 * Sets the year's target (version 1) or revises it (the next version, with a
 * reason). A target must fall in the plan's years. Allowed in a draft and in
 * an active plan, to whoever may edit the plan.
 */
export async function setTarget(ctx: AppContext, regionCode: string, actor: Actor, planId: string, indicatorId: string, input: TargetInput) {
  return ctx.database.db.transaction(async (tx) => {
    const plan = await planFor(tx, regionCode, planId, 'share');
    ensureMayEditPlan(actor, plan);
    const indicator = await indicatorIn(tx, plan, indicatorId, 'update');
    if (input.year < plan.startYear || input.year > plan.endYear) throw new AppError('sakip.year_outside_plan', { year: input.year, startYear: plan.startYear, endYear: plan.endYear });
    const values = targetValues(indicator, input);
    const [current] = await tx.select().from(sakipTargets)
      .where(and(eq(sakipTargets.regionCode, regionCode), eq(sakipTargets.indicatorId, indicator.id), eq(sakipTargets.year, input.year)))
      .orderBy(desc(sakipTargets.version)).limit(1);
    const reason = input.reason?.trim() || null;
    if (current) {
      if (!reason) throw new AppError('sakip.reason_required');
      if (same(current.value, values.value) && same(current.low, values.low) && same(current.high, values.high)) throw new AppError('sakip.target_unchanged');
    }
    const now = ctx.clock.now();
    const [row] = await tx.insert(sakipTargets).values({
      regionCode, planId: plan.id, indicatorId: indicator.id, year: input.year, version: (current?.version ?? 0) + 1, ...values, reason,
      setAt: now, setBy: actor.userId, setByLabel: actorLabel(actor),
    }).returning();
    await refreshFigures(tx, plan, { indicatorIds: [indicator.id], year: row.year });
    const shown = (t: { value: string | null; low: string | null; high: string | null }) => (t.value !== null ? { value: t.value } : { low: t.low, high: t.high });
    await audit(tx, now, actor, regionCode, current ? 'sakip.target_revise' : 'sakip.target_set', 'sakip_indicator', indicator.id,
      { planId: plan.id, year: row.year, version: row.version, ...(reason ? { reason } : {}) },
      { before: current ? shown(current) : null, after: shown(row) });
    return targetView(row);
  });
}

/** Every version of every year's target, oldest first: the revision history. */
export async function targetHistory(ctx: AppContext, regionCode: string, planId: string, indicatorId: string) {
  const db = ctx.database.db;
  const plan = await planFor(db, regionCode, planId);
  const indicator = await indicatorIn(db, plan, indicatorId);
  const rows = await db.select().from(sakipTargets).where(and(eq(sakipTargets.regionCode, regionCode), eq(sakipTargets.indicatorId, indicator.id)))
    .orderBy(asc(sakipTargets.year), asc(sakipTargets.version));
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);
  return {
    indicatorId: indicator.id,
    years: years.map((year) => {
      const versions = rows.filter((r) => r.year === year).map(targetView);
      return { year, current: versions.at(-1) ?? null, versions };
    }),
  };
}

export interface RealisationInput { value: string | number; note?: string; obstacles?: string; followUp?: string; reason?: string }

/** A realisation, current (sakip_realisations) or replaced (sakip_realisation_versions). */
export const realisationView = (r: Omit<RealisationRow, 'year'>) => ({
  period: r.period, year: parsePeriod(r.period).year, value: r.value, note: r.note, obstacles: r.obstacles, followUp: r.followUp, enteredAt: r.enteredAt, enteredBy: r.enteredByLabel,
  version: r.version, reason: r.reason, afterClose: r.afterClose, fromVillages: r.fromVillages,
});

const sameRealisation = (a: { value: string; note: string; obstacles: string; followUp: string }, b: typeof a) =>
  new Dec(a.value).eq(b.value) && a.note === b.note && a.obstacles === b.obstacles && a.followUp === b.followUp;

/**
 * What every change of a period's figures checks, in the caller's
 * transaction: the period is inside the plan and already begun (in the
 * region's time); in a closed (locked) period only the coordinator changes
 * it, with a reason. Returns the closed period that locks it, if any.
 */
export async function periodGuard(tx: Queryable, region: { code: string; utcOffsetMinutes: number }, actor: Actor, plan: PlanRow, period: string, reason: string | null, now: Date): Promise<string | null> {
  const p = parsePeriod(period);
  if (p.year < plan.startYear || p.year > plan.endYear) throw new AppError('sakip.period_outside_plan', { period, startYear: plan.startYear, endYear: plan.endYear });
  if (periodStart(p, region.utcOffsetMinutes) > now) throw new AppError('sakip.period_not_started', { period });
  const lockedBy = await lockingPeriod(tx, region.code, period);
  if (lockedBy && !can(actor, 'sakip.manage', region.code)) throw new AppError('sakip.period_locked', { period, lockedBy });
  if (lockedBy && !reason) throw new AppError('sakip.correction_reason_required', { period, lockedBy });
  return lockedBy;
}

/** The periods of the indicator's year already reported as another kind (a quarter beside a year): refused, they would not add up. */
export function ensureSameKind(period: string, periods: readonly string[]): void {
  const other = [...new Set(periods.filter((r) => periodKind(r) !== periodKind(period)))].sort();
  if (other.length > 0) throw new AppError('sakip.period_mixed', { period, existing: other });
}

/**
 * Writes one period's realisation inside the caller's transaction, after the
 * caller's checks: a correction keeps the version it replaces; the same
 * figures again change nothing. `fromVillages` records a figure rolled up
 * from the indicator's villages (service/villages.ts).
 */
export async function writeRealisation(
  tx: Queryable, now: Date, actor: Actor, plan: PlanRow, indicator: IndicatorRow, period: string,
  input: { value: string; note?: string; obstacles?: string; followUp?: string }, opts: { reason: string | null; lockedBy: string | null; fromVillages: boolean },
) {
  const regionCode = plan.regionCode;
  const p = parsePeriod(period);
  const sameYear = await tx.select().from(sakipRealisations)
    .where(and(eq(sakipRealisations.regionCode, regionCode), eq(sakipRealisations.indicatorId, indicator.id), eq(sakipRealisations.year, p.year)));
  ensureSameKind(period, sameYear.map((r) => r.period));
  const before = sameYear.find((r) => r.period === period);
  const fields = {
    value: input.value, note: input.note ?? before?.note ?? '', obstacles: input.obstacles ?? before?.obstacles ?? '', followUp: input.followUp ?? before?.followUp ?? '',
  };
  if (before && sameRealisation(before, fields)) return realisationView(before);
  if (before) {
    const { year: _year, ...replaced } = before;
    await tx.insert(sakipRealisationVersions).values(replaced);
  }
  const { reason, lockedBy, fromVillages } = opts;
  const entered = { enteredAt: now, enteredBy: actor.userId, enteredByLabel: actorLabel(actor), version: (before?.version ?? 0) + 1, reason, afterClose: lockedBy !== null, fromVillages };
  const [row] = await tx.insert(sakipRealisations).values({ regionCode, planId: plan.id, indicatorId: indicator.id, period, year: p.year, ...fields, ...entered })
    .onConflictDoUpdate({ target: [sakipRealisations.regionCode, sakipRealisations.indicatorId, sakipRealisations.period], set: { ...fields, ...entered } })
    .returning();
  await refreshFigures(tx, plan, { indicatorIds: [indicator.id], year: p.year });
  const was = before ? { value: before.value, note: before.note, obstacles: before.obstacles, followUp: before.followUp } : null;
  await audit(tx, now, actor, regionCode, 'sakip.realisation', 'sakip_indicator', indicator.id,
    { planId: plan.id, period, version: row.version, ...(reason ? { reason } : {}), ...(lockedBy ? { lockedBy } : {}), ...(fromVillages ? { fromVillages } : {}) },
    was ? changedFields(was, fields) : { before: null, after: fields });
  return realisationView(row);
}

/**
 * Removes one period's realisation inside the caller's transaction, after
 * the caller's checks: what an indicator measured per village has once its
 * last village value is deleted (no figure, rather than a 0 nobody
 * reported). The removed row is kept as a version, so its history stays
 * readable; the yearly summary follows.
 */
export async function removeRealisation(tx: Queryable, now: Date, actor: Actor, plan: PlanRow, indicator: IndicatorRow, period: string, opts: { reason: string | null; lockedBy: string | null }) {
  const key = and(eq(sakipRealisations.regionCode, plan.regionCode), eq(sakipRealisations.indicatorId, indicator.id), eq(sakipRealisations.period, period));
  const [before] = await tx.select().from(sakipRealisations).where(key).for('update');
  if (!before) return;
  const { year, ...replaced } = before;
  await tx.insert(sakipRealisationVersions).values(replaced);
  await tx.delete(sakipRealisations).where(key);
  await refreshFigures(tx, plan, { indicatorIds: [indicator.id], year });
  await audit(tx, now, actor, plan.regionCode, 'sakip.realisation_removed', 'sakip_indicator', indicator.id,
    { planId: plan.id, period, version: before.version, ...(opts.reason ? { reason: opts.reason } : {}), ...(opts.lockedBy ? { lockedBy: opts.lockedBy } : {}) },
    { before: { value: before.value, note: before.note }, after: null });
}

/**
 * Enters (or corrects) what the indicator achieved in one period: inside
 * the plan, already begun, not locked unless by the coordinator with a
 * reason (periodGuard), and of the same kind (year, quarter or month) as
 * the indicator's other realisations of that year, so that they add up by
 * its rule. An indicator measured per village takes its realisation from
 * its villages, never typed.
 */
export async function enterRealisation(ctx: AppContext, region: { code: string; utcOffsetMinutes: number }, actor: Actor, planId: string, indicatorId: string, period: string, input: RealisationInput) {
  const regionCode = region.code;
  parsePeriod(period);
  return ctx.database.db.transaction(async (tx) => {
    const plan = await planFor(tx, regionCode, planId, 'share');
    const indicator = await indicatorIn(tx, plan, indicatorId, 'update');
    const node = await nodeIn(tx, plan, indicator.nodeId);
    ensureMayReport(actor, regionCode, reportingUnits(plan, node, indicator));
    if (await villageRuleOf(tx, regionCode, indicator.id)) throw new AppError('sakip.realisation_from_villages');
    const now = ctx.clock.now();
    const reason = input.reason?.trim() || null;
    const lockedBy = await periodGuard(tx, region, actor, plan, period, reason, now);
    const value = decimalInput(input.value, indicator.allowsNegative);
    return writeRealisation(tx, now, actor, plan, indicator, period, { ...input, value }, { reason, lockedBy, fromVillages: false });
  });
}

export async function listRealisations(ctx: AppContext, regionCode: string, planId: string, indicatorId: string) {
  const db = ctx.database.db;
  const plan = await planFor(db, regionCode, planId);
  const indicator = await indicatorIn(db, plan, indicatorId);
  const rows = await db.select().from(sakipRealisations).where(and(eq(sakipRealisations.regionCode, regionCode), eq(sakipRealisations.indicatorId, indicator.id)));
  return rows.map(realisationView).sort((a, b) => a.year - b.year || periodOrder(a.period) - periodOrder(b.period));
}

/** Every version of one period's realisation, oldest first, each with who entered it, when and why: its correction history. */
export async function realisationHistory(ctx: AppContext, regionCode: string, planId: string, indicatorId: string, period: string) {
  const db = ctx.database.db;
  const plan = await planFor(db, regionCode, planId);
  const indicator = await indicatorIn(db, plan, indicatorId);
  const of = <T extends typeof sakipRealisations | typeof sakipRealisationVersions>(t: T) => and(eq(t.regionCode, regionCode), eq(t.indicatorId, indicator.id), eq(t.period, period));
  const [[current], older] = await Promise.all([
    db.select().from(sakipRealisations).where(of(sakipRealisations)),
    db.select().from(sakipRealisationVersions).where(of(sakipRealisationVersions)).orderBy(asc(sakipRealisationVersions.version)),
  ]);
  const versions = [...older, ...(current ? [current] : [])].map(realisationView);
  return { indicatorId: indicator.id, period, current: current ? realisationView(current) : null, versions };
}

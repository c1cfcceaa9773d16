// Indicators of a draft plan's nodes: how each is measured (definition,
// formula, unit, data source, and another module's measure it is taken from), which way is better, single or range targets and how
// its periods add up; key indicators (IKU) and the units sharing one.
import { and, eq, lt, max } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { findMeasure } from '../../../platform/modules/measures.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { AggregationRule, Polarity } from '../domain/achievement.js';
import { sakipIndicators, sakipRealisations, sakipTargets, sakipActionTargets } from '../schema.js';
import { ensureMayEditPlan } from './access.js';
import { ensureDraft, ensureUnits, indicatorIn, nodeIn, planFor, withoutNewProblems, type IndicatorRow } from './data.js';
import { touch } from './nodes.js';

export interface IndicatorFields {
  name: string;
  definition: string;
  formula: string;
  measure: string;
  dataSource: string;
  polarity: Polarity;
  targetType: 'single' | 'range';
  aggregation: AggregationRule;
  isIku: boolean;
  allowsNegative: boolean;
  sharedUnitIds: string[];
  /** Another module's measure ("spbe.index") its realisations can be taken from; null: typed by people. */
  source: string | null;
}

/** A source must be a measure some installed module offers. */
function ensureSource(source: string | null | undefined): void {
  if (source && !findMeasure(source)) throw new AppError('sakip.source_unknown', { source });
}

const fieldsOf = (i: IndicatorRow) => ({
  nodeId: i.nodeId, name: i.name, definition: i.definition, formula: i.formula, measure: i.measure, dataSource: i.dataSource, polarity: i.polarity,
  targetType: i.targetType, aggregation: i.aggregation, isIku: i.isIku, allowsNegative: i.allowsNegative, sharedUnitIds: i.sharedUnitIds, source: i.source,
});

export async function addIndicator(ctx: AppContext, regionCode: string, actor: Actor, planId: string, nodeId: string, input: IndicatorFields): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const plan = await planFor(tx, regionCode, planId, 'update');
    ensureMayEditPlan(actor, plan);
    ensureDraft(plan);
    const node = await nodeIn(tx, plan, nodeId);
    ensureSource(input.source);
    const sharedUnitIds = [...new Set(input.sharedUnitIds)];
    await ensureUnits(tx, regionCode, sharedUnitIds);
    const [last] = await tx.select({ position: max(sakipIndicators.position) }).from(sakipIndicators)
      .where(and(eq(sakipIndicators.regionCode, regionCode), eq(sakipIndicators.nodeId, node.id)));
    const now = ctx.clock.now();
    const [row] = await tx.insert(sakipIndicators).values({
      regionCode, planId: plan.id, nodeId: node.id, ...input, sharedUnitIds, position: (last?.position ?? -1) + 1, createdAt: now, updatedAt: now,
    }).returning();
    await touch(tx, plan, now);
    await audit(tx, now, actor, regionCode, 'sakip.indicator_add', 'sakip_indicator', row.id, { planId: plan.id, ...fieldsOf(row) });
    return row.id;
  });
}

/**
 * Any field, and the node it sits on (within the plan). A change that would
 * leave a stored target or realisation wrong (a range indicator with single
 * targets, a negative value where negatives are no longer allowed) is refused.
 */
export async function editIndicator(ctx: AppContext, regionCode: string, actor: Actor, planId: string, indicatorId: string, input: Partial<IndicatorFields> & { nodeId?: string }) {
  await ctx.database.db.transaction(async (tx) => {
    const plan = await planFor(tx, regionCode, planId, 'update');
    ensureMayEditPlan(actor, plan);
    ensureDraft(plan);
    const indicator = await indicatorIn(tx, plan, indicatorId, 'update');
    if (input.nodeId !== undefined) await nodeIn(tx, plan, input.nodeId);
    if (input.sharedUnitIds !== undefined) await ensureUnits(tx, regionCode, input.sharedUnitIds);
    ensureSource(input.source);
    const next = { ...fieldsOf(indicator), ...input, ...(input.sharedUnitIds ? { sharedUnitIds: [...new Set(input.sharedUnitIds)] } : {}) };
    if (indicator.allowsNegative && !next.allowsNegative) {
      const [negative] = await tx.select({ value: sakipRealisations.value }).from(sakipRealisations)
        .where(and(eq(sakipRealisations.regionCode, regionCode), eq(sakipRealisations.indicatorId, indicator.id), lt(sakipRealisations.value, '0'))).limit(1);
      if (negative) throw new AppError('sakip.value_negative', { value: negative.value });
    }
    const change = changedFields(fieldsOf(indicator), next);
    if (Object.keys(change.after ?? {}).length === 0) return;
    const now = ctx.clock.now();
    await withoutNewProblems(tx, plan, () => tx.update(sakipIndicators).set({ ...next, updatedAt: now })
      .where(and(eq(sakipIndicators.regionCode, regionCode), eq(sakipIndicators.id, indicator.id))));
    await touch(tx, plan, now);
    await audit(tx, now, actor, regionCode, 'sakip.indicator_update', 'sakip_indicator', indicator.id, { planId: plan.id }, change);
  });
}

/** Only an indicator with no target and no realisation yet (a mistake while drafting) is removed; the rest is history. */
export async function removeIndicator(ctx: AppContext, regionCode: string, actor: Actor, planId: string, indicatorId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const plan = await planFor(tx, regionCode, planId, 'update');
    ensureMayEditPlan(actor, plan);
    ensureDraft(plan);
    const indicator = await indicatorIn(tx, plan, indicatorId, 'update');
    const [target] = await tx.select({ year: sakipTargets.year }).from(sakipTargets)
      .where(and(eq(sakipTargets.regionCode, regionCode), eq(sakipTargets.indicatorId, indicator.id))).limit(1);
    const [realisation] = await tx.select({ period: sakipRealisations.period }).from(sakipRealisations)
      .where(and(eq(sakipRealisations.regionCode, regionCode), eq(sakipRealisations.indicatorId, indicator.id))).limit(1);
    const [action] = await tx.select({ period: sakipActionTargets.period }).from(sakipActionTargets)
      .where(and(eq(sakipActionTargets.regionCode, regionCode), eq(sakipActionTargets.indicatorId, indicator.id))).limit(1);
    if (target || realisation || action) throw new AppError('sakip.indicator_in_use');
    const now = ctx.clock.now();
    await withoutNewProblems(tx, plan, () => tx.delete(sakipIndicators).where(and(eq(sakipIndicators.regionCode, regionCode), eq(sakipIndicators.id, indicator.id))));
    await touch(tx, plan, now);
    await audit(tx, now, actor, regionCode, 'sakip.indicator_remove', 'sakip_indicator', indicator.id, { planId: plan.id }, { before: fieldsOf(indicator), after: null });
  });
}

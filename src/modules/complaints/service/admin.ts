// Region admin: categories with their questions, routing table with history, SLA policies.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import { forgetRegionConfig } from '../../../platform/cache.js';
import { units } from '../../../platform/schema.js';
import { categories, routingRules, slaPolicies } from '../schema.js';
import type { Question } from '../domain/questions.js';
import type { SlaStage, SlaUnit } from '../domain/sla.js';

export interface CategoryInput {
  code: string; nameId: string; nameEn: string; description?: string; group?: string; keywords?: string; questions?: Question[]; locationRequired?: boolean; active?: boolean;
}

export async function listCategories(ctx: AppContext, regionCode: string, includeInactive = false) {
  return ctx.database.db.select().from(categories)
    .where(and(eq(categories.regionCode, regionCode), includeInactive ? undefined : eq(categories.active, true)))
    .orderBy(categories.group, categories.nameId);
}

export async function saveCategory(ctx: AppContext, actor: Actor, regionCode: string, input: CategoryInput, id?: string) {
  const saved = await ctx.database.db.transaction(async (tx) => {
    const values = { ...input, description: input.description ?? '', group: input.group ?? '', keywords: input.keywords ?? '', questions: input.questions ?? [] };
    let row;
    if (id) {
      const [previous] = await tx.select().from(categories).where(and(eq(categories.regionCode, regionCode), eq(categories.id, id))).for('update');
      if (!previous) throw new AppError('category.not_found');
      [row] = await tx.update(categories).set(values).where(and(eq(categories.regionCode, regionCode), eq(categories.id, id))).returning();
      const editable = (c: typeof previous) => Object.fromEntries(Object.keys(values).map((k) => [k, c[k as keyof typeof c]]));
      await audit(tx, ctx.clock.now(), actor, regionCode, 'category.update', 'category', row.id, { code: input.code }, changedFields(editable(previous), editable(row)));
    } else {
      [row] = await tx.insert(categories).values({ regionCode, ...values }).onConflictDoNothing().returning();
      if (!row) throw new AppError('category.code_taken');
      await audit(tx, ctx.clock.now(), actor, regionCode, 'category.create', 'category', row.id, { code: input.code });
    }
    return row;
  });
  forgetRegionConfig(); // intake caches the categories
  return saved;
}

export async function routingHistory(ctx: AppContext, regionCode: string) {
  return ctx.database.db.select().from(routingRules).where(eq(routingRules.regionCode, regionCode)).orderBy(routingRules.categoryId, desc(routingRules.validFrom));
}

/** Routes a category to a unit from now on; the previous rule is closed, not overwritten. */
export async function setRoute(ctx: AppContext, actor: Actor, regionCode: string, categoryId: string, unitId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [cat] = await tx.select().from(categories).where(and(eq(categories.regionCode, regionCode), eq(categories.id, categoryId)));
    if (!cat) throw new AppError('category.not_found');
    const [unit] = await tx.select().from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId)));
    if (!unit) throw new AppError('unit.not_found');
    const closed = await tx.update(routingRules).set({ validTo: now })
      .where(and(eq(routingRules.regionCode, regionCode), eq(routingRules.categoryId, categoryId), isNull(routingRules.validTo)))
      .returning({ unitId: routingRules.unitId });
    await tx.insert(routingRules).values({ regionCode, categoryId, unitId, validFrom: now, createdBy: actor.userId });
    await audit(tx, now, actor, regionCode, 'routing.set', 'category', categoryId, { unitId }, { before: closed[0] ? { unitId: closed[0].unitId } : null, after: { unitId } });
  });
}

export async function listSla(ctx: AppContext, regionCode: string) {
  return ctx.database.db.select().from(slaPolicies).where(eq(slaPolicies.regionCode, regionCode));
}

export async function setSla(
  ctx: AppContext, actor: Actor, regionCode: string,
  input: { categoryId: string | null; stage: SlaStage; amount: number; unit: SlaUnit; targetAmount: number | null },
) {
  await ctx.database.db.transaction(async (tx) => {
    if (input.categoryId) {
      const [cat] = await tx.select().from(categories).where(and(eq(categories.regionCode, regionCode), eq(categories.id, input.categoryId)));
      if (!cat) throw new AppError('category.not_found');
    }
    const [previous] = await tx.delete(slaPolicies).where(and(
      eq(slaPolicies.regionCode, regionCode), eq(slaPolicies.stage, input.stage),
      input.categoryId ? eq(slaPolicies.categoryId, input.categoryId) : isNull(slaPolicies.categoryId),
    )).returning({ amount: slaPolicies.amount, unit: slaPolicies.unit, targetAmount: slaPolicies.targetAmount });
    await tx.insert(slaPolicies).values({ regionCode, ...input });
    const after = { amount: input.amount, unit: input.unit, targetAmount: input.targetAmount };
    await audit(tx, ctx.clock.now(), actor, regionCode, 'sla.set', 'sla', `${input.categoryId ?? 'default'}:${input.stage}`, input, previous ? changedFields(previous, after) : { before: null, after });
  });
  forgetRegionConfig(); // intake caches the deadline rules
}

// Region admin: categories with their questions, routing table with history, SLA policies.
// Each change is a tx-level function (write, audit) the admin's use cases and
// the Living Lab package (service/package.ts) share; the use cases add the
// transaction and forget the cached region configuration after it.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Queryable } from '../../../platform/db/client.js';
import { insertPart, insertTogether } from '../../../platform/db/insert-all.js';
import { AppError } from '../../../platform/errors.js';
import { audit, auditMany, auditPart, changedFields, type AuditChange, type AuditEntry } from '../../../platform/audit/audit.js';
import { forgetRegionConfig } from '../../../platform/cache.js';
import { units } from '../../../platform/schema.js';
import { categories, routingRules, slaPolicies } from '../schema.js';
import type { Question } from '../domain/questions.js';
import type { SlaStage, SlaUnit } from '../domain/sla.js';

export interface CategoryInput {
  code: string; nameId: string; nameEn: string; description?: string; group?: string; keywords?: string; questions?: Question[]; locationRequired?: boolean; active?: boolean;
}

export interface SlaInput { categoryId: string | null; stage: SlaStage; amount: number; unit: SlaUnit; targetAmount: number | null }

export async function listCategories(ctx: AppContext, regionCode: string, includeInactive = false) {
  return ctx.database.db.select().from(categories)
    .where(and(eq(categories.regionCode, regionCode), includeInactive ? undefined : eq(categories.active, true)))
    .orderBy(categories.group, categories.nameId);
}

/** A category's stored fields: the input with the optional ones filled in. */
const categoryValues = (input: CategoryInput) => ({
  ...input, description: input.description ?? '', group: input.group ?? '', keywords: input.keywords ?? '', questions: input.questions ?? [],
});
const categoryCreated = (id: string, code: string): AuditEntry => ({ action: 'category.create', entity: 'category', entityId: id, detail: { code } });

/** Adds a category, or changes the region's category `id`, with its audit entry (only the fields that changed). */
export async function writeCategory(tx: Queryable, now: Date, actor: Actor, regionCode: string, input: CategoryInput, id?: string) {
  const values = categoryValues(input);
  if (id) {
    const [previous] = await tx.select().from(categories).where(and(eq(categories.regionCode, regionCode), eq(categories.id, id))).for('update');
    if (!previous) throw new AppError('category.not_found');
    const [row] = await tx.update(categories).set(values).where(and(eq(categories.regionCode, regionCode), eq(categories.id, id))).returning();
    const editable = (c: typeof previous) => Object.fromEntries(Object.keys(values).map((k) => [k, c[k as keyof typeof c]]));
    await audit(tx, now, actor, regionCode, 'category.update', 'category', row.id, { code: input.code }, changedFields(editable(previous), editable(row)));
    return row;
  }
  const [row] = await tx.insert(categories).values({ regionCode, ...values }).onConflictDoNothing().returning();
  if (!row) throw new AppError('category.code_taken');
  await auditMany(tx, now, actor, regionCode, [categoryCreated(row.id, input.code)]);
  return row;
}

export async function saveCategory(ctx: AppContext, actor: Actor, regionCode: string, input: CategoryInput, id?: string) {
  const saved = await ctx.database.db.transaction((tx) => writeCategory(tx, ctx.clock.now(), actor, regionCode, input, id));
  forgetRegionConfig(); // intake caches the categories
  return saved;
}

export async function routingHistory(ctx: AppContext, regionCode: string) {
  return ctx.database.db.select().from(routingRules).where(eq(routingRules.regionCode, regionCode)).orderBy(routingRules.categoryId, desc(routingRules.validFrom));
}

/** Routes the region's category to the region's unit from `now` on; the previous rule is closed, not overwritten. */
export async function routeCategory(tx: Queryable, now: Date, actor: Actor, regionCode: string, categoryId: string, unitId: string) {
  const [cat] = await tx.select().from(categories).where(and(eq(categories.regionCode, regionCode), eq(categories.id, categoryId)));
  if (!cat) throw new AppError('category.not_found');
  const [unit] = await tx.select().from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId)));
  if (!unit) throw new AppError('unit.not_found');
  const closed = await tx.update(routingRules).set({ validTo: now })
    .where(and(eq(routingRules.regionCode, regionCode), eq(routingRules.categoryId, categoryId), isNull(routingRules.validTo)))
    .returning({ unitId: routingRules.unitId });
  await tx.insert(routingRules).values(routingRow(now, actor, regionCode, categoryId, unitId));
  await auditMany(tx, now, actor, regionCode, [routingSet(categoryId, unitId, closed[0]?.unitId ?? null)]);
}
const routingRow = (now: Date, actor: Actor, regionCode: string, categoryId: string, unitId: string) => ({ regionCode, categoryId, unitId, validFrom: now, createdBy: actor.userId });
const routingSet = (categoryId: string, unitId: string, previousUnitId: string | null): AuditEntry => ({
  action: 'routing.set', entity: 'category', entityId: categoryId, detail: { unitId }, change: { before: previousUnitId ? { unitId: previousUnitId } : null, after: { unitId } },
});

/** Routes a category to a unit from now on; the previous rule is closed, not overwritten. */
export async function setRoute(ctx: AppContext, actor: Actor, regionCode: string, categoryId: string, unitId: string) {
  await ctx.database.db.transaction((tx) => routeCategory(tx, ctx.clock.now(), actor, regionCode, categoryId, unitId));
}

export async function listSla(ctx: AppContext, regionCode: string) {
  return ctx.database.db.select().from(slaPolicies).where(eq(slaPolicies.regionCode, regionCode));
}

const slaOf = (regionCode: string, stage: SlaStage, categoryId: string | null) => and(
  eq(slaPolicies.regionCode, regionCode), eq(slaPolicies.stage, stage),
  categoryId ? eq(slaPolicies.categoryId, categoryId) : isNull(slaPolicies.categoryId),
);
const slaEntity = (categoryId: string | null, stage: SlaStage) => `${categoryId ?? 'default'}:${stage}`;

/** Sets a stage's deadline, region-wide (categoryId null) or for the region's category, replacing the one before. */
export async function writeSla(tx: Queryable, now: Date, actor: Actor, regionCode: string, input: SlaInput) {
  if (input.categoryId) {
    const [cat] = await tx.select().from(categories).where(and(eq(categories.regionCode, regionCode), eq(categories.id, input.categoryId)));
    if (!cat) throw new AppError('category.not_found');
  }
  const [previous] = await tx.delete(slaPolicies).where(slaOf(regionCode, input.stage, input.categoryId))
    .returning({ amount: slaPolicies.amount, unit: slaPolicies.unit, targetAmount: slaPolicies.targetAmount });
  await tx.insert(slaPolicies).values({ regionCode, ...input });
  await auditMany(tx, now, actor, regionCode, [slaSet(input, previous)]);
}
type SlaValues = { amount: number; unit: string; targetAmount: number | null };
const slaSet = (input: SlaInput, previous: SlaValues | undefined): AuditEntry => {
  const after = { amount: input.amount, unit: input.unit, targetAmount: input.targetAmount };
  const change: AuditChange = previous ? changedFields(previous, after) : { before: null, after };
  return { action: 'sla.set', entity: 'sla', entityId: slaEntity(input.categoryId, input.stage), detail: { ...input }, change };
};

/** Removes a category's own deadline for a stage (the region's default applies again); false when it had none. */
export async function removeSla(tx: Queryable, now: Date, actor: Actor, regionCode: string, categoryId: string, stage: SlaStage): Promise<boolean> {
  const [previous] = await tx.delete(slaPolicies).where(slaOf(regionCode, stage, categoryId))
    .returning({ amount: slaPolicies.amount, unit: slaPolicies.unit, targetAmount: slaPolicies.targetAmount });
  if (!previous) return false;
  await audit(tx, now, actor, regionCode, 'sla.remove', 'sla', slaEntity(categoryId, stage), { categoryId, stage }, { before: previous, after: null });
  return true;
}

export async function setSla(ctx: AppContext, actor: Actor, regionCode: string, input: SlaInput) {
  await ctx.database.db.transaction((tx) => writeSla(tx, ctx.clock.now(), actor, regionCode, input));
  forgetRegionConfig(); // intake caches the deadline rules
}

/** A category the region does not have yet, with its own deadlines and the region's unit that handles it. */
export interface NewCategory { input: CategoryInput; deadlines: Omit<SlaInput, 'categoryId'>[]; unitId: string | null }

/**
 * Adds categories the region does not have, with their deadlines and routing,
 * in one statement (every table and the audit): the same rows and entries
 * as writeCategory, writeSla and routeCategory one by one (a new category has
 * no deadline or rule to replace). The caller has checked the units are the region's.
 */
export async function addCategories(tx: Queryable, now: Date, actor: Actor, regionCode: string, list: readonly NewCategory[]) {
  if (list.length === 0) return [];
  const rows = list.map((c) => ({ regionCode, id: randomUUID(), ...categoryValues(c.input) }));
  const deadlines: (SlaInput & { regionCode: string })[] = [];
  const routes: ReturnType<typeof routingRow>[] = [];
  const entries: AuditEntry[] = [];
  for (const [i, c] of list.entries()) {
    const categoryId = rows[i].id;
    entries.push(categoryCreated(categoryId, c.input.code));
    for (const d of c.deadlines) {
      const input: SlaInput = { categoryId, ...d };
      deadlines.push({ regionCode, ...input });
      entries.push(slaSet(input, undefined));
    }
    if (c.unitId) {
      routes.push(routingRow(now, actor, regionCode, categoryId, c.unitId));
      entries.push(routingSet(categoryId, c.unitId, null));
    }
  }
  // One statement; a code the region already has writes no category, and the caller's transaction rolls the rest back.
  const [written] = await insertTogether(tx, [
    insertPart(categories, rows, true), insertPart(slaPolicies, deadlines), insertPart(routingRules, routes), auditPart(now, actor, regionCode, entries),
  ]);
  if (written < list.length) throw new AppError('category.code_taken');
  return rows;
}

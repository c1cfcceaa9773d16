// The region's service catalogue as staff manage it: create a service (a
// draft), edit its draft standard, publish it (a new version when the draft
// changed), archive it, delete a draft never published. One transaction per
// use case, audited inside it; a unit's service manager only touches their
// own unit's services (access.ts).
import { and, asc, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import { defaultDefinition, definitionProblems, partProblems, type Definition } from '../domain/definition.js';
import { emptyStandard, missingComponents, normaliseStandard, publication, type Publishable, type ServiceStatus, type Standard } from '../domain/standard.js';
import { layananServices, layananStandardVersions } from '../schema.js';
import { actorLabel, ensureManagesUnit, managesUnit, unitIn } from './access.js';

export type ServiceRow = typeof layananServices.$inferSelect;

/** A draft as staff send it; a definition part left out keeps what the draft holds (a new service: the default). */
export interface ServiceInput extends Partial<Definition> { slug: string; name: string; summary: string; unitId: string; standard?: Standard }

async function serviceFor(db: Queryable, regionCode: string, id: string, lock?: 'update'): Promise<ServiceRow> {
  const q = db.select().from(layananServices).where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.id, id)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw new AppError('layanan.service_not_found');
  return row;
}

async function ensureSlugFree(db: Queryable, regionCode: string, slug: string, exceptId: string | null): Promise<void> {
  const [other] = await db.select({ id: layananServices.id }).from(layananServices).where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.slug, slug)));
  if (other && other.id !== exceptId) throw new AppError('layanan.slug_taken', { slug });
}

export async function latestVersion(db: Queryable, regionCode: string, serviceId: string) {
  const [v] = await db.select().from(layananStandardVersions)
    .where(and(eq(layananStandardVersions.regionCode, regionCode), eq(layananStandardVersions.serviceId, serviceId)))
    .orderBy(desc(layananStandardVersions.version)).limit(1);
  return v ?? null;
}

export const definitionOf = (s: Definition): Definition => ({ form: s.form, workflow: s.workflow, result: s.result, tariff: s.tariff });
const draftOf = (s: ServiceRow): Publishable => ({ name: s.name, summary: s.summary, standard: s.draft, ...definitionOf(s) });
const versionOf = (v: typeof layananStandardVersions.$inferSelect): Publishable => ({ name: v.name, summary: v.summary, standard: v.standard, ...definitionOf(v) });

/**
 * The definition a draft will hold: the parts sent over those kept, refused
 * (422) when a part breaks its own rules or a stage names a unit not of the
 * region. How the parts fit each other is publishing's check: a draft may be
 * half-way through an edit.
 */
export async function checkedDefinition(db: Queryable, regionCode: string, kept: Definition, input: Partial<Definition>): Promise<Definition> {
  const d: Definition = { form: input.form ?? kept.form, workflow: input.workflow ?? kept.workflow, result: input.result ?? kept.result, tariff: input.tariff ?? kept.tariff };
  const problems = partProblems(d);
  if (problems.length > 0) throw new AppError('layanan.definition_invalid', { problems });
  for (const unitId of new Set(d.workflow.stages.map((s) => s.actor.unitId).filter((u): u is string => u !== null))) await unitIn(db, regionCode, unitId);
  return d;
}

/** What a service's draft holds: its address, names, owning unit, standard and definition. */
export type DraftFields = { slug: string; name: string; summary: string; unitId: string; draft: Standard } & Definition;

/**
 * Inserts a new draft service and audits it, in the caller's transaction;
 * the caller has checked the unit, the slug and the definition. `detail`
 * joins the audit entry's (e.g. the Living Lab package it came from).
 */
export async function insertDraft(tx: Queryable, regionCode: string, actor: Actor, now: Date, fields: DraftFields, detail: Record<string, unknown> = {}): Promise<string> {
  const [row] = await tx.insert(layananServices).values({
    regionCode, ...fields, status: 'draft', version: 0, createdAt: now, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor),
  }).returning({ id: layananServices.id });
  await audit(tx, now, actor, regionCode, 'layanan.service_create', 'layanan_service', row.id, { slug: fields.slug, unitId: fields.unitId, ...detail });
  return row.id;
}

export async function createService(ctx: AppContext, regionCode: string, actor: Actor, input: ServiceInput): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    await unitIn(tx, regionCode, input.unitId);
    ensureManagesUnit(actor, regionCode, input.unitId);
    await ensureSlugFree(tx, regionCode, input.slug, null);
    const definition = await checkedDefinition(tx, regionCode, defaultDefinition(), input);
    return insertDraft(tx, regionCode, actor, ctx.clock.now(), {
      slug: input.slug, unitId: input.unitId, name: input.name, summary: input.summary, draft: normaliseStandard(input.standard ?? emptyStandard()), ...definition,
    });
  });
}

type Auditable = { slug: string; name: string; summary: string; unitId: string; draft: Standard } & Definition;
/** A draft's fields with its standard's components beside them, so the audit log shows each component (and definition part) that changed. */
const auditable = ({ draft, ...rest }: Auditable): Record<string, unknown> => ({ ...rest, ...draft });

/**
 * Replaces a service's draft with `fields` and audits each field and
 * component that changed, in the caller's transaction (the caller locked the
 * row and checked the unit, the slug and the definition). Published versions
 * are never touched: the public reads the new draft only once it is published.
 */
export async function replaceDraft(tx: Queryable, regionCode: string, actor: Actor, now: Date, before: ServiceRow, fields: DraftFields, detail: Record<string, unknown> = {}): Promise<void> {
  await tx.update(layananServices).set({ ...fields, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) })
    .where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.id, before.id)));
  await audit(tx, now, actor, regionCode, 'layanan.service_update', 'layanan_service', before.id, { slug: fields.slug, ...detail },
    changedFields(auditable({ slug: before.slug, name: before.name, summary: before.summary, unitId: before.unitId, draft: before.draft, ...definitionOf(before) }), auditable(fields)));
}

/** Replaces the draft (name, address, summary, owning unit, standard); what the public reads changes only when it is published. */
export async function updateService(ctx: AppContext, regionCode: string, actor: Actor, id: string, input: ServiceInput & { standard: Standard }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const before = await serviceFor(tx, regionCode, id, 'update');
    ensureManagesUnit(actor, regionCode, before.unitId);
    if (input.unitId !== before.unitId) {
      await unitIn(tx, regionCode, input.unitId);
      ensureManagesUnit(actor, regionCode, input.unitId);
    }
    if (input.slug !== before.slug) await ensureSlugFree(tx, regionCode, input.slug, id);
    const definition = await checkedDefinition(tx, regionCode, before, input);
    const fields = { slug: input.slug, name: input.name, summary: input.summary, unitId: input.unitId, draft: normaliseStandard(input.standard), ...definition };
    await replaceDraft(tx, regionCode, actor, ctx.clock.now(), before, fields);
  });
}

/**
 * Publishes the draft: refused while a component is empty; a new version
 * when it differs from the last one published (earlier versions stay as they
 * were), the same version again for an archived service left unchanged.
 */
export async function publishService(ctx: AppContext, regionCode: string, actor: Actor, id: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const service = await serviceFor(tx, regionCode, id, 'update');
    ensureManagesUnit(actor, regionCode, service.unitId);
    const missing = missingComponents(service.draft);
    if (missing.length > 0) throw new AppError('layanan.standard_incomplete', { missing });
    const problems = definitionProblems(service, service.draft);
    if (problems.length > 0) throw new AppError('layanan.definition_incomplete', { problems });
    const latest = await latestVersion(tx, regionCode, id);
    const draft = draftOf(service);
    const step = publication(service.status as ServiceStatus, latest && versionOf(latest), draft);
    if (step === 'unchanged') throw new AppError('layanan.unchanged');
    const now = ctx.clock.now();
    const version = step === 'new_version' ? service.version + 1 : service.version;
    if (step === 'new_version') {
      await tx.insert(layananStandardVersions).values({
        regionCode, serviceId: id, version, name: draft.name, summary: draft.summary, standard: service.draft, ...definitionOf(service), publishedAt: now, publishedBy: actor.userId, publishedByLabel: actorLabel(actor),
      });
    }
    await tx.update(layananServices).set({ status: 'published', version, updatedAt: now })
      .where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.id, id)));
    await audit(tx, now, actor, regionCode, 'layanan.service_publish', 'layanan_service', id, { slug: service.slug, version, newVersion: step === 'new_version' });
  });
}

/** Takes a published service off the public catalogue; its versions stay readable to staff, and publishing brings it back. */
export async function archiveService(ctx: AppContext, regionCode: string, actor: Actor, id: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const service = await serviceFor(tx, regionCode, id, 'update');
    ensureManagesUnit(actor, regionCode, service.unitId);
    if (service.status !== 'published') throw new AppError('layanan.not_published');
    const now = ctx.clock.now();
    await tx.update(layananServices).set({ status: 'archived', updatedAt: now }).where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.id, id)));
    await audit(tx, now, actor, regionCode, 'layanan.service_archive', 'layanan_service', id, { slug: service.slug, version: service.version });
  });
}

/** Deletes a draft that was never published (a published one has versions people may have relied on: archive it). */
export async function deleteService(ctx: AppContext, regionCode: string, actor: Actor, id: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const service = await serviceFor(tx, regionCode, id, 'update');
    ensureManagesUnit(actor, regionCode, service.unitId);
    if (service.version > 0) throw new AppError('layanan.published_once');
    await tx.delete(layananServices).where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.id, id)));
    await audit(tx, ctx.clock.now(), actor, regionCode, 'layanan.service_delete', 'layanan_service', id, { slug: service.slug });
  });
}

const unitColumns = { id: units.id, code: units.code, name: units.name };

/** The catalogue as staff see it: every service with its status, whether the signed-in person may edit it. */
export async function listServices(ctx: AppContext, regionCode: string, actor: Actor) {
  const rows = await ctx.database.db.select({ s: layananServices, unit: unitColumns }).from(layananServices)
    .innerJoin(units, and(eq(units.regionCode, layananServices.regionCode), eq(units.id, layananServices.unitId)))
    .where(eq(layananServices.regionCode, regionCode)).orderBy(asc(layananServices.name));
  return rows.map(({ s, unit }) => ({
    id: s.id, slug: s.slug, name: s.name, summary: s.summary, status: s.status as ServiceStatus, version: s.version || null, unit,
    updatedAt: s.updatedAt, editable: managesUnit(actor, regionCode, s.unitId),
  }));
}

/** One service for its editor: the draft, the version in force, and whether the draft holds changes not yet published. */
export async function serviceDetail(ctx: AppContext, regionCode: string, actor: Actor, id: string) {
  const db = ctx.database.db;
  const s = await serviceFor(db, regionCode, id);
  const [[unit], latest] = await Promise.all([
    db.select(unitColumns).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, s.unitId))),
    latestVersion(db, regionCode, id),
  ]);
  const step = publication(s.status as ServiceStatus, latest && versionOf(latest), draftOf(s));
  return {
    id: s.id, slug: s.slug, name: s.name, summary: s.summary, status: s.status as ServiceStatus, unit,
    standard: s.draft, ...definitionOf(s), missing: missingComponents(s.draft), problems: definitionProblems(s, s.draft), version: s.version || null, publishedAt: latest?.publishedAt ?? null,
    unpublishedChanges: step === 'new_version' && s.version > 0, updatedAt: s.updatedAt, updatedBy: s.updatedByLabel, editable: managesUnit(actor, regionCode, s.unitId),
  };
}

export async function listVersions(ctx: AppContext, regionCode: string, id: string) {
  const db = ctx.database.db;
  await serviceFor(db, regionCode, id);
  const rows = await db.select({ version: layananStandardVersions.version, name: layananStandardVersions.name, publishedAt: layananStandardVersions.publishedAt, publishedBy: layananStandardVersions.publishedByLabel })
    .from(layananStandardVersions).where(and(eq(layananStandardVersions.regionCode, regionCode), eq(layananStandardVersions.serviceId, id)))
    .orderBy(desc(layananStandardVersions.version));
  return rows;
}

export async function readVersion(ctx: AppContext, regionCode: string, id: string, version: number) {
  const db = ctx.database.db;
  await serviceFor(db, regionCode, id);
  const [v] = await db.select().from(layananStandardVersions)
    .where(and(eq(layananStandardVersions.regionCode, regionCode), eq(layananStandardVersions.serviceId, id), eq(layananStandardVersions.version, version)));
  if (!v) throw new AppError('layanan.version_not_found');
  return { version: v.version, name: v.name, summary: v.summary, standard: v.standard, ...definitionOf(v), publishedAt: v.publishedAt, publishedBy: v.publishedByLabel };
}

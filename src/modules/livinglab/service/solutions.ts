// The owner region's side of a solution: its draft, what its modules can
// package, publishing a version (the package read from the region's working
// configuration at that moment) and its learning kit. Only the owner region
// reaches these (its Living Lab officer); the public reads versions only.
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import { notifyStaff } from '../../../platform/notify/staff.js';
import { findPackageKind, listPackageKinds } from '../../../platform/modules/packages.js';
import type { PackageKind } from '../../../platform/modules/contract.js';
import { checkUploads, type Upload } from '../../../platform/files.js';
import { livinglabAdoptions, livinglabKitFiles, livinglabSolutions, livinglabVersions } from '../schema.js';
import { KIT_MAX_BYTES, KIT_TYPES, type ApplicationFacts, type Domain, type KitKind, type Mentor } from '../domain/solution.js';
import { sameDraft } from '../domain/draft.js';

export interface SolutionInput {
  kind: 'package' | 'application';
  packageKind?: string | null;
  contentKeys?: string[];
  title: string;
  summary: string;
  description: string;
  domain: Domain;
  sector: string | null;
  application?: ApplicationFacts | null;
  mentor: Mentor | null;
}

type SolutionRow = typeof livinglabSolutions.$inferSelect;

/** What each installed module can package, with the region's candidates. */
export async function packageOffer(ctx: AppContext, regionCode: string) {
  const db = ctx.database.db;
  return Promise.all(listPackageKinds().map(async ({ ref, module, kind }) => ({
    ref, module, title: kind.title, formatVersion: kind.formatVersion, candidates: await kind.candidates(db, regionCode),
  })));
}

/** The package kind a solution names, or the stable error when this installation does not have it. */
export function packageKindOf(ref: string) {
  const found = findPackageKind(ref);
  if (!found) throw new AppError('livinglab.package_kind_unknown', { packageKind: ref });
  return found;
}

/** Reads the package from the region's configuration now: what the draft would publish. */
async function exportPackage(tx: Queryable, regionCode: string, row: Pick<SolutionRow, 'packageKind' | 'contentKeys'>) {
  const { kind } = packageKindOf(row.packageKind!);
  // The module's own words for what it can package: nothing at all, or a choice it does not have, is said here, not deep in the module.
  const candidates = await kind.candidates(tx, regionCode);
  if (!candidates.length) throw new AppError('livinglab.package_empty');
  const unknown = row.contentKeys.filter((k) => !candidates.some((c) => c.key === k));
  if (unknown.length) throw new AppError('livinglab.candidate_unknown', { keys: unknown });
  const content = await kind.export(tx, regionCode, row.contentKeys);
  const checked = kind.content.safeParse(content);
  if (!checked.success) throw new AppError('livinglab.package_invalid', { issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  const units = kind.units(checked.data);
  return { content: checked.data, formatVersion: kind.formatVersion, summary: kind.summary(checked.data), units, tags: packageTags(kind, checked.data) };
}

/** The kind's catalogue labels for a package, each once, bounded (the catalogue filters on them). */
export const packageTags = (kind: PackageKind, content: unknown) => [...new Set(kind.tags?.(content) ?? [])].filter((t) => t.length <= 200).slice(0, 200);

/** The kind's fields fit the kind: a package names a module's package kind, an application its facts. */
function checkKind(input: SolutionInput) {
  if (input.kind === 'package') {
    if (!input.packageKind) throw new AppError('request.invalid', { packageKind: 'required for a package' });
    if (input.application) throw new AppError('livinglab.wrong_kind', { field: 'application' });
    packageKindOf(input.packageKind);
  } else {
    if (!input.application) throw new AppError('request.invalid', { application: 'required for an application' });
    if (input.packageKind || input.contentKeys?.length) throw new AppError('livinglab.wrong_kind', { field: 'packageKind' });
  }
}

const draftValues = (input: SolutionInput) => ({
  kind: input.kind, packageKind: input.kind === 'package' ? input.packageKind! : null,
  contentKeys: input.kind === 'package' ? [...new Set(input.contentKeys ?? [])] : [],
  title: input.title, summary: input.summary, description: input.description, domain: input.domain, sector: input.sector,
  application: input.kind === 'application' ? input.application! : null, mentor: input.mentor,
});

export async function createSolution(ctx: AppContext, regionCode: string, actor: Actor, input: SolutionInput): Promise<string> {
  checkKind(input);
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const values = draftValues(input);
    if (values.kind === 'package') await exportPackage(tx, regionCode, values); // refuses an empty or broken package now, not at publication
    const [row] = await tx.insert(livinglabSolutions).values({ regionCode, ...values, createdAt: now, updatedAt: now, updatedBy: actor.userId }).returning({ id: livinglabSolutions.id });
    await audit(tx, now, actor, regionCode, 'livinglab.solution_create', 'solution', row.id, { title: input.title, kind: input.kind });
    return row.id;
  });
}

async function ownSolution(tx: Queryable, regionCode: string, id: string, lock = false): Promise<SolutionRow> {
  const q = tx.select().from(livinglabSolutions).where(and(eq(livinglabSolutions.regionCode, regionCode), eq(livinglabSolutions.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('livinglab.solution_not_found');
  return row;
}

export async function updateSolution(ctx: AppContext, regionCode: string, actor: Actor, id: string, input: SolutionInput): Promise<void> {
  checkKind(input);
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const before = await ownSolution(tx, regionCode, id, true);
    // A published solution keeps its kind: its adopters took that kind of thing.
    if (before.latestVersion !== null && (before.kind !== input.kind || before.packageKind !== (input.packageKind ?? null))) throw new AppError('livinglab.wrong_kind', { field: 'kind' });
    const values = draftValues(input);
    if (values.kind === 'package') await exportPackage(tx, regionCode, values);
    await tx.update(livinglabSolutions).set({ ...values, updatedAt: now, updatedBy: actor.userId })
      .where(and(eq(livinglabSolutions.regionCode, regionCode), eq(livinglabSolutions.id, id)));
    const pick = (r: Record<string, unknown>) => Object.fromEntries(Object.keys(values).map((k) => [k, r[k]]));
    await audit(tx, now, actor, regionCode, 'livinglab.solution_update', 'solution', id, { title: input.title }, changedFields(pick(before), pick(values)));
  });
}

export async function deleteSolution(ctx: AppContext, regionCode: string, actor: Actor, id: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const row = await ownSolution(tx, regionCode, id, true);
    if (row.latestVersion !== null) throw new AppError('livinglab.published_once');
    await tx.delete(livinglabKitFiles).where(and(eq(livinglabKitFiles.regionCode, regionCode), eq(livinglabKitFiles.solutionId, id)));
    await tx.delete(livinglabSolutions).where(and(eq(livinglabSolutions.regionCode, regionCode), eq(livinglabSolutions.id, id)));
    await audit(tx, ctx.clock.now(), actor, regionCode, 'livinglab.solution_delete', 'solution', id, { title: row.title });
  });
}

/**
 * Publishes the draft as the next version: the package as the region's
 * configuration holds it now. Adopters of an earlier version are told, in
 * their own region, that a new one is out.
 */
export async function publishSolution(ctx: AppContext, regionCode: string, actor: Actor, id: string, changelog: string): Promise<number> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await ownSolution(tx, regionCode, id, true);
    const pkg = row.kind === 'package' ? await exportPackage(tx, regionCode, row) : null;
    const draft = {
      title: row.title, summary: row.summary, description: row.description, domain: row.domain, sector: row.sector,
      content: pkg?.content ?? null, application: row.application, mentor: row.mentor,
    };
    if (row.latestVersion !== null) {
      const [latest] = await tx.select().from(livinglabVersions)
        .where(and(eq(livinglabVersions.regionCode, regionCode), eq(livinglabVersions.solutionId, id), eq(livinglabVersions.number, row.latestVersion)));
      if (latest && sameDraft(latest, draft)) throw new AppError('livinglab.unchanged');
    }
    const number = (row.latestVersion ?? 0) + 1;
    await tx.insert(livinglabVersions).values({
      regionCode, solutionId: id, number, kind: row.kind, packageKind: row.packageKind, formatVersion: pkg?.formatVersion ?? null,
      ...draft, tags: pkg?.tags ?? [], changelog, publishedAt: now, publishedBy: actor.userId,
    });
    await tx.update(livinglabSolutions).set({ latestVersion: number, updatedAt: now }).where(and(eq(livinglabSolutions.regionCode, regionCode), eq(livinglabSolutions.id, id)));
    await audit(tx, now, actor, regionCode, 'livinglab.solution_publish', 'solution', id, { title: row.title, version: number });
    if (number > 1) await tellAdopters(ctx, tx, now, { id, title: row.title, number, changelog });
    return number;
  });
}

async function tellAdopters(ctx: AppContext, tx: Queryable, now: Date, version: { id: string; title: string; number: number; changelog: string }) {
  const adopters = await tx.select({ regionCode: livinglabAdoptions.regionCode, version: livinglabAdoptions.version }).from(livinglabAdoptions)
    .where(and(eq(livinglabAdoptions.solutionId, version.id), lt(livinglabAdoptions.version, version.number)));
  for (const a of adopters) {
    await notifyStaff(tx, now, {
      regionCode: a.regionCode, roles: ['livinglab_officer'], otherwise: ['region_admin'],
      template: {
        subject: { id: 'Versi baru solusi yang Anda adopsi: <%= it.title %> versi <%= it.number %>', en: 'New version of a solution you adopted: <%= it.title %> version <%= it.number %>' },
        body: {
          id: 'Daerah Anda mengadopsi versi <%= it.yours %>. Lihat perbedaannya dan terapkan yang Anda pilih.<% if (it.changelog) { %>\nCatatan perubahan: <%= it.changelog %><% } %>',
          en: 'Your region adopted version <%= it.yours %>. See the difference and apply what you choose.<% if (it.changelog) { %>\nChanges: <%= it.changelog %><% } %>',
        },
      },
      data: { title: version.title, number: version.number, yours: a.version, changelog: version.changelog },
      link: `/staff/${a.regionCode}/livinglab/adopsi/${version.id}`, email: { publicUrl: ctx.config.publicUrl },
    });
  }
}

/** The region's own solutions, drafts included, newest change first. */
export async function listOwnSolutions(ctx: AppContext, regionCode: string) {
  const db = ctx.database.db;
  const rows = await db.select({
    id: livinglabSolutions.id, kind: livinglabSolutions.kind, packageKind: livinglabSolutions.packageKind, title: livinglabSolutions.title,
    summary: livinglabSolutions.summary, domain: livinglabSolutions.domain, latestVersion: livinglabSolutions.latestVersion,
    featured: livinglabSolutions.featured, hidden: livinglabSolutions.hidden, curatorNote: livinglabSolutions.curatorNote, updatedAt: livinglabSolutions.updatedAt,
    // Written out: a one-table select names its columns bare, and a bare "id" here would be the adoption's.
    adopters: sql<number>`(select count(*)::int from livinglab_adoptions a where a.solution_id = livinglab_solutions.id)`,
  }).from(livinglabSolutions).where(eq(livinglabSolutions.regionCode, regionCode)).orderBy(desc(livinglabSolutions.updatedAt));
  return rows;
}

/** One of the region's solutions with its draft, what it would publish now, its versions and its kit. */
export async function ownSolutionDetail(ctx: AppContext, regionCode: string, id: string) {
  const db = ctx.database.db;
  const row = await ownSolution(db, regionCode, id);
  const pkg = row.kind === 'package' ? await exportPackage(db, regionCode, row) : null;
  const versions = await db.select({ number: livinglabVersions.number, changelog: livinglabVersions.changelog, publishedAt: livinglabVersions.publishedAt })
    .from(livinglabVersions).where(and(eq(livinglabVersions.regionCode, regionCode), eq(livinglabVersions.solutionId, id))).orderBy(desc(livinglabVersions.number));
  return {
    id: row.id, kind: row.kind as 'package' | 'application', packageKind: row.packageKind, contentKeys: row.contentKeys,
    title: row.title, summary: row.summary, description: row.description, domain: row.domain as Domain, sector: row.sector,
    application: row.application, mentor: row.mentor, latestVersion: row.latestVersion,
    featured: row.featured, hidden: row.hidden, curatorNote: row.curatorNote, updatedAt: row.updatedAt,
    package: pkg && { summary: pkg.summary, units: pkg.units, content: pkg.content },
    versions, kit: await kitFiles(db, regionCode, id),
  };
}

export async function kitFiles(db: Queryable, regionCode: string, solutionId: string) {
  return db.select({ id: livinglabKitFiles.id, kind: livinglabKitFiles.kind, title: livinglabKitFiles.title, fileName: livinglabKitFiles.fileName, contentType: livinglabKitFiles.contentType, size: livinglabKitFiles.size })
    .from(livinglabKitFiles).where(and(eq(livinglabKitFiles.regionCode, regionCode), eq(livinglabKitFiles.solutionId, solutionId))).orderBy(asc(livinglabKitFiles.kind), asc(livinglabKitFiles.title));
}

/** Every kit type any part accepts: the upload reader's first check; the part's own list is checked after. */
export const kitPolicy = { types: [...new Set(Object.values(KIT_TYPES).flat())], maxBytes: KIT_MAX_BYTES, maxFiles: 1, typeError: 'livinglab.kit_type' } as const;

export async function addKitFile(ctx: AppContext, regionCode: string, actor: Actor, solutionId: string, part: { kind: KitKind; title: string }, uploads: Upload[]): Promise<string> {
  if (uploads.length !== 1) throw new AppError('livinglab.kit_file_missing');
  const [file] = await checkUploads(uploads, kitPolicy);
  if (!KIT_TYPES[part.kind].includes(file.contentType) && !(part.kind === 'screenshot' && file.contentType.startsWith('image/'))) throw new AppError('livinglab.kit_type');
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await ownSolution(tx, regionCode, solutionId, true);
    const [row] = await tx.insert(livinglabKitFiles).values({
      regionCode, solutionId, kind: part.kind, title: part.title, fileName: file.fileName, contentType: file.contentType, size: file.data.length, data: file.data, uploadedAt: now, uploadedBy: actor.userId,
    }).returning({ id: livinglabKitFiles.id });
    await audit(tx, now, actor, regionCode, 'livinglab.kit_add', 'solution', solutionId, { file: file.fileName, kind: part.kind });
    return row.id;
  });
}

export async function deleteKitFile(ctx: AppContext, regionCode: string, actor: Actor, solutionId: string, fileId: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [gone] = await tx.delete(livinglabKitFiles)
      .where(and(eq(livinglabKitFiles.regionCode, regionCode), eq(livinglabKitFiles.solutionId, solutionId), eq(livinglabKitFiles.id, fileId)))
      .returning({ fileName: livinglabKitFiles.fileName });
    if (!gone) throw new AppError('file.not_found');
    await audit(tx, ctx.clock.now(), actor, regionCode, 'livinglab.kit_delete', 'solution', solutionId, { file: gone.fileName });
  });
}

/** A kit file's bytes: the owner reads its drafts' files, anyone a published solution's. */
export async function readKitFile(ctx: AppContext, regionCode: string, solutionId: string, fileId: string, publishedOnly: boolean) {
  const db = ctx.database.db;
  const [row] = await db.select({ fileName: livinglabKitFiles.fileName, contentType: livinglabKitFiles.contentType, data: livinglabKitFiles.data })
    .from(livinglabKitFiles).innerJoin(livinglabSolutions, and(eq(livinglabSolutions.regionCode, livinglabKitFiles.regionCode), eq(livinglabSolutions.id, livinglabKitFiles.solutionId)))
    .where(and(
      eq(livinglabKitFiles.regionCode, regionCode), eq(livinglabKitFiles.solutionId, solutionId), eq(livinglabKitFiles.id, fileId),
      publishedOnly ? sql`${livinglabSolutions.latestVersion} is not null and not ${livinglabSolutions.hidden}` : undefined,
    ));
  if (!row) throw new AppError('file.not_found');
  return row;
}

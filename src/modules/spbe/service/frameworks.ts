// Frameworks and their versions: read by everyone (drafts only by platform
// admins), edited only as drafts, activated only when complete.
import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { num } from '../../../platform/decimal.js';
import { activationProblems, frameworkDocument, structureProblems, type Band, type FrameworkDocument, type Indicator } from '../domain/framework.js';
import { spbeFrameworks, spbeFrameworkVersions } from '../schema.js';

export type VersionRow = typeof spbeFrameworkVersions.$inferSelect;
export type VersionStatus = 'draft' | 'active' | 'retired';

/** A version by id, as pinned by an evaluation. */
export async function versionById(db: Queryable, id: string): Promise<VersionRow> {
  const [row] = await db.select().from(spbeFrameworkVersions).where(eq(spbeFrameworkVersions.id, id));
  if (!row) throw new AppError('spbe.version_not_found');
  return row;
}

async function versionByNumber(db: Queryable, framework: string, version: number, opts: { includeDrafts: boolean; lock?: boolean }): Promise<VersionRow> {
  const q = db.select().from(spbeFrameworkVersions).where(and(eq(spbeFrameworkVersions.frameworkCode, framework), eq(spbeFrameworkVersions.version, version)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row || (row.status === 'draft' && !opts.includeDrafts)) throw new AppError('spbe.version_not_found');
  return row;
}

function summary(row: VersionRow) {
  const { weightSum, problems } = activationProblems(row.document);
  return {
    id: row.id, framework: row.frameworkCode, version: row.version, status: row.status as VersionStatus, note: row.note, copiedFrom: row.copiedFrom,
    createdAt: row.createdAt, updatedAt: row.updatedAt, activatedAt: row.activatedAt, retiredAt: row.retiredAt,
    indicatorCount: row.document.indicators.length, weightSum: num(weightSum),
    /** What would stop activation (empty for a complete version). */
    problems: weightSum.eq(100) ? problems : [{ path: 'indicators', message: { id: `jumlah bobot ${weightSum.toString()}, bukan 100`, en: `weights sum to ${weightSum.toString()}, not 100` } }, ...problems],
  };
}

export function versionView(row: VersionRow) {
  return { ...summary(row), document: row.document };
}

export async function listFrameworks(ctx: AppContext, includeDrafts: boolean) {
  const db = ctx.database.db;
  const frameworks = await db.select().from(spbeFrameworks).orderBy(asc(spbeFrameworks.code));
  const versions = await db.select().from(spbeFrameworkVersions).orderBy(asc(spbeFrameworkVersions.frameworkCode), desc(spbeFrameworkVersions.version));
  return frameworks.map((f) => ({
    code: f.code, name: { id: f.nameId, en: f.nameEn }, regulation: f.regulation, note: f.note,
    versions: versions.filter((v) => v.frameworkCode === f.code && (includeDrafts || v.status !== 'draft')).map(summary),
  }));
}

export async function getVersion(ctx: AppContext, framework: string, version: number, includeDrafts: boolean) {
  return versionView(await versionByNumber(ctx.database.db, framework, version, { includeDrafts }));
}

export async function createFramework(ctx: AppContext, input: { code: string; name: { id: string; en: string }; regulation?: string; note?: string }) {
  const [row] = await ctx.database.db.insert(spbeFrameworks).values({
    code: input.code, nameId: input.name.id, nameEn: input.name.en, regulation: input.regulation ?? '', note: input.note ?? '', createdAt: ctx.clock.now(),
  }).onConflictDoNothing().returning();
  if (!row) throw new AppError('spbe.framework_exists');
  return { code: row.code, name: { id: row.nameId, en: row.nameEn }, regulation: row.regulation, note: row.note, versions: [] };
}

function checkStructure(doc: FrameworkDocument): void {
  const problems = structureProblems(doc);
  if (problems.length > 0) throw new AppError('spbe.framework_invalid', { problems });
}

/** A new draft: a copy of an existing version (the usual way to correct an active one) or a whole new document. */
export async function createVersion(ctx: AppContext, framework: string, input: { copyFrom?: number; document?: FrameworkDocument; note?: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const [fw] = await tx.select().from(spbeFrameworks).where(eq(spbeFrameworks.code, framework)).for('update');
    if (!fw) throw new AppError('spbe.framework_not_found');
    const source = input.copyFrom !== undefined ? await versionByNumber(tx, framework, input.copyFrom, { includeDrafts: true }) : null;
    const document = source?.document ?? input.document;
    if (!document) throw new AppError('request.invalid', { copyFrom: 'give copyFrom or document' });
    checkStructure(document);
    const [{ last }] = await tx.select({ last: max(spbeFrameworkVersions.version) }).from(spbeFrameworkVersions).where(eq(spbeFrameworkVersions.frameworkCode, framework));
    const now = ctx.clock.now();
    const [row] = await tx.insert(spbeFrameworkVersions).values({
      frameworkCode: framework, version: (last ?? 0) + 1, status: 'draft', note: input.note ?? (source ? `Salinan versi ${source.version} / copy of version ${source.version}` : ''),
      document, copiedFrom: source?.id ?? null, createdAt: now, updatedAt: now,
    }).returning();
    return versionView(row);
  });
}

/** Changes a draft; anything else is immutable, so evaluations pinned to it keep their results. */
async function editDraft(ctx: AppContext, framework: string, version: number, change: (doc: FrameworkDocument) => FrameworkDocument, note?: string) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await versionByNumber(tx, framework, version, { includeDrafts: true, lock: true });
    if (row.status !== 'draft') throw new AppError('spbe.version_immutable', { status: row.status });
    const document = frameworkDocument.parse(change(structuredClone(row.document)));
    checkStructure(document);
    const [updated] = await tx.update(spbeFrameworkVersions).set({ document, note: note ?? row.note, updatedAt: ctx.clock.now() }).where(eq(spbeFrameworkVersions.id, row.id)).returning();
    return versionView(updated);
  });
}

export const replaceDocument = (ctx: AppContext, framework: string, version: number, document: FrameworkDocument, note?: string) =>
  editDraft(ctx, framework, version, () => document, note);

export interface IndicatorChange { name?: Indicator['name']; weight?: number; capability?: Indicator['capability']; criteria?: Indicator['criteria'] }

export const changeIndicator = (ctx: AppContext, framework: string, version: number, code: string, change: IndicatorChange) =>
  editDraft(ctx, framework, version, (doc) => {
    const ind = doc.indicators.find((i) => i.code === code);
    if (!ind) throw new AppError('spbe.indicator_not_found');
    Object.assign(ind, Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)));
    return doc;
  });

export const setPredicates = (ctx: AppContext, framework: string, version: number, predicates: Band[]) =>
  editDraft(ctx, framework, version, (doc) => ({ ...doc, predicates }));

/** Draft → active, only when complete; the framework's previous active version retires (its evaluations keep it). */
export async function activate(ctx: AppContext, framework: string, version: number) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await versionByNumber(tx, framework, version, { includeDrafts: true, lock: true });
    if (row.status !== 'draft') throw new AppError('spbe.version_immutable', { status: row.status });
    const { weightSum, problems } = activationProblems(row.document);
    if (!weightSum.eq(100)) throw new AppError('spbe.weights_not_100', { weightSum: weightSum.toString() });
    if (problems.length > 0) throw new AppError('spbe.framework_invalid', { problems });
    const now = ctx.clock.now();
    await tx.update(spbeFrameworkVersions).set({ status: 'retired', retiredAt: now, updatedAt: now })
      .where(and(eq(spbeFrameworkVersions.frameworkCode, framework), eq(spbeFrameworkVersions.status, 'active')));
    const [updated] = await tx.update(spbeFrameworkVersions).set({ status: 'active', activatedAt: now, updatedAt: now }).where(eq(spbeFrameworkVersions.id, row.id)).returning();
    return versionView(updated);
  });
}

export async function retire(ctx: AppContext, framework: string, version: number) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await versionByNumber(tx, framework, version, { includeDrafts: true, lock: true });
    if (row.status !== 'active') throw new AppError('spbe.version_not_active', { status: row.status });
    const now = ctx.clock.now();
    const [updated] = await tx.update(spbeFrameworkVersions).set({ status: 'retired', retiredAt: now, updatedAt: now }).where(eq(spbeFrameworkVersions.id, row.id)).returning();
    return versionView(updated);
  });
}

/** Only a draft that no evaluation can have pinned may be thrown away. */
export async function deleteDraft(ctx: AppContext, framework: string, version: number) {
  await ctx.database.db.transaction(async (tx) => {
    const row = await versionByNumber(tx, framework, version, { includeDrafts: true, lock: true });
    if (row.status !== 'draft') throw new AppError('spbe.version_immutable', { status: row.status });
    await tx.delete(spbeFrameworkVersions).where(eq(spbeFrameworkVersions.id, row.id));
  });
}

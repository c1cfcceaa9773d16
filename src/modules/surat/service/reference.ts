// The shared reference lists: loaded from the module's own copy at every
// start (rows already there are left alone, so corrections survive), read by
// every region, corrected by the platform administrator with the old and new
// row kept (surat_reference_changes).
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Database, Queryable, Tx } from '../../../platform/db/client.js';
import { containing } from '../../../platform/db/like.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { classificationRows, documentTypeRows } from '../reference/read.js';
import { suratClassifications, suratDocumentTypes, suratReferenceChanges } from '../schema.js';

const BATCH = 500;

/** Loads the shipped lists into the shared tables, keeping every row already there (and its corrections). */
export async function loadReference(database: Database, now: Date): Promise<void> {
  const db = database.db;
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(suratClassifications);
  const rows = classificationRows();
  if (n < rows.length) {
    for (let i = 0; i < rows.length; i += BATCH) {
      await db.insert(suratClassifications).values(rows.slice(i, i + BATCH).map((r) => ({ ...r, updatedAt: now }))).onConflictDoNothing();
    }
  }
  await db.insert(suratDocumentTypes).values(documentTypeRows().map((r) => ({ ...r, updatedAt: now }))).onConflictDoNothing();
}

export interface ClassificationView { code: string; name: string; level: number; parentCode: string | null; active: boolean; revision: number }

/** Classification codes: the children of a code (the top level without one), or those matching a search by code prefix or name. */
export async function listClassifications(db: Queryable, q: { parent?: string; search?: string; includeInactive?: boolean }): Promise<ClassificationView[]> {
  const c = suratClassifications;
  const where = and(
    q.includeInactive ? undefined : eq(c.active, true),
    q.search
      ? or(ilike(c.code, `${q.search.replace(/[%_\\]/g, '')}%`), ilike(c.name, containing(q.search)))
      : q.parent ? eq(c.parentCode, q.parent) : sql`${c.parentCode} is null`,
  );
  return db.select({ code: c.code, name: c.name, level: c.level, parentCode: c.parentCode, active: c.active, revision: c.revision })
    .from(c).where(where).orderBy(asc(c.code)).limit(q.search ? 50 : 1000);
}

/** One active classification code, or the stable error a letter or file without a valid one gets. */
export async function requireClassification(db: Queryable, code: string): Promise<{ code: string; name: string }> {
  const [row] = await db.select({ code: suratClassifications.code, name: suratClassifications.name }).from(suratClassifications)
    .where(and(eq(suratClassifications.code, code), eq(suratClassifications.active, true)));
  if (!row) throw new AppError('surat.classification_unknown', { code });
  return row;
}

export async function listDocumentTypes(db: Queryable, includeInactive = false) {
  const t = suratDocumentTypes;
  return db.select({ code: t.code, name: t.name, layout: t.layout, title: t.title, active: t.active, revision: t.revision })
    .from(t).where(includeInactive ? undefined : eq(t.active, true)).orderBy(asc(t.name));
}

export async function requireDocumentType(db: Queryable, code: string) {
  const [row] = await db.select().from(suratDocumentTypes).where(and(eq(suratDocumentTypes.code, code), eq(suratDocumentTypes.active, true)));
  if (!row) throw new AppError('surat.document_type_unknown');
  return row;
}

export interface ClassificationCorrection { name?: string; active?: boolean; reason: string }
export interface DocumentTypeCorrection { name?: string; layout?: 'korespondensi' | 'berjudul'; title?: string | null; active?: boolean; reason: string }

/** A platform administrator's correction of one row: the row changes, its revision goes up, and the change is kept with its reason. */
export async function correctReference(
  tx: Tx, list: 'classification' | 'document_type', code: string, change: ClassificationCorrection | DocumentTypeCorrection, actor: Actor, now: Date,
): Promise<{ revision: number }> {
  const table = list === 'classification' ? suratClassifications : suratDocumentTypes;
  const [row] = await tx.select().from(table).where(eq(table.code, code)).for('update');
  if (!row) throw new AppError('surat.reference_not_found');
  const { reason, ...fields } = change;
  const current = row as Record<string, unknown>;
  const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => v !== undefined && current[k] !== v));
  if (Object.keys(changed).length === 0) throw new AppError('surat.reference_unchanged');
  const revision = row.revision + 1;
  await tx.update(table).set({ ...changed, revision, updatedAt: now }).where(eq(table.code, code));
  const before = Object.fromEntries(Object.keys(changed).map((k) => [k, current[k]]));
  await tx.insert(suratReferenceChanges).values({ list, code, revision, before, after: changed, reason, at: now, byLabel: actor.name });
  return { revision };
}

/** The corrections of one row, newest first. */
export async function referenceHistory(db: Queryable, list: 'classification' | 'document_type', code: string) {
  const h = suratReferenceChanges;
  return db.select({ revision: h.revision, before: h.before, after: h.after, reason: h.reason, at: h.at, by: h.byLabel })
    .from(h).where(and(eq(h.list, list), eq(h.code, code))).orderBy(sql`${h.revision} desc`);
}

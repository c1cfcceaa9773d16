// The audit log: who did what to which record, inside the use case's transaction;
// and reading it back with the names people know (the person, and what the
// record's module calls it, e.g. a complaint's tracking code), filtered by
// person, record and dates.
import { and, desc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog, users } from '../schema.js';
import type { Db, Queryable } from '../db/client.js';
import { containing } from '../db/like.js';
import { insertPart, insertTogether, type InsertPart } from '../db/insert-all.js';
import { actorLabel, type Actor } from '../auth/policy.js';
import { modules } from '../modules/registry.js';
import type { Words } from '../errors.js';

/** What the platform itself records, in words; modules add theirs in their contract's `auditActions`. */
export const platformAuditActions = {
  'unit.create': { id: 'Menambah perangkat daerah', en: 'Added a unit' },
  'grant.create': { id: 'Memberi peran', en: 'Granted a role' },
  'grant.revoke': { id: 'Mencabut peran', en: 'Revoked a role' },
  'invitation.create': { id: 'Mengundang pegawai', en: 'Invited staff' },
  'invitation.resend': { id: 'Mengirim ulang undangan', en: 'Resent an invitation' },
  'invitation.cancel': { id: 'Membatalkan undangan', en: 'Cancelled an invitation' },
  'invitation.accept': { id: 'Menerima undangan', en: 'Accepted an invitation' },
  'holiday.set': { id: 'Menetapkan hari libur', en: 'Set a day off' },
  'holiday.remove': { id: 'Menghapus hari libur', en: 'Removed a day off' },
  'api_key.create': { id: 'Membuat kunci API', en: 'Created an API key' },
  'api_key.revoke': { id: 'Mencabut kunci API', en: 'Revoked an API key' },
  'region.enable': { id: 'Mengaktifkan daerah', en: 'Switched the region on' },
  'region.settings': { id: 'Mengubah pengaturan daerah', en: 'Changed the region\'s settings' },
} satisfies Record<string, Words>;

/**
 * The audit actions modules add, declared to the type checker so that a
 * mistyped action is a compile error (see docs/MODULES.md):
 * `declare module '…/platform/audit/audit.js' { interface ModuleAuditActions extends Record<keyof typeof myActions, true> {} }`
 */
export interface ModuleAuditActions {}
export type AuditAction = keyof typeof platformAuditActions | keyof ModuleAuditActions;

/** What a change replaced, for actions that edit a record: the fields before and after, as the use case saw them. */
export interface AuditChange { before: Record<string, unknown> | null; after: Record<string, unknown> | null }

/** One entry of the log, as a use case states it (auditMany writes several at once). */
export interface AuditEntry { action: AuditAction; entity: string; entityId: string; detail?: Record<string, unknown>; change?: AuditChange }

export async function audit(
  tx: Queryable,
  at: Date,
  actor: Actor,
  regionCode: string,
  action: AuditAction,
  entity: string,
  entityId: string,
  detail: Record<string, unknown> = {},
  change: AuditChange = { before: null, after: null },
): Promise<void> {
  await auditMany(tx, at, actor, regionCode, [{ action, entity, entityId, detail, change }]);
}

/** Several entries by the same person at the same instant, in one statement, in the order given (nothing written for none). */
export async function auditMany(tx: Queryable, at: Date, actor: Actor, regionCode: string, entries: readonly AuditEntry[]): Promise<void> {
  await insertTogether(tx, [auditPart(at, actor, regionCode, entries)]);
}

/** The log rows of the entries, for a use case that writes them in the same statement as its own rows (db/insert-all). */
export function auditPart(at: Date, actor: Actor, regionCode: string, entries: readonly AuditEntry[]): InsertPart {
  const label = actorLabel(actor);
  return insertPart(auditLog, entries.map((e) => ({
    regionCode, at, actorUserId: actor.userId, actorLabel: label,
    action: e.action, entity: e.entity, entityId: e.entityId, detail: e.detail ?? {}, before: e.change?.before ?? null, after: e.change?.after ?? null,
  })));
}

/** The fields of `after` whose value differs from `before`, with both values: what an edit changed, nothing else. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): AuditChange {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])), after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) };
}

let catalogue: Map<string, Words> | null = null;
/** Words for an action: the platform's and every module's. */
export function auditActionLabel(action: string): Words | null {
  catalogue ??= new Map<string, Words>([
    ...Object.entries(platformAuditActions),
    ...modules().flatMap((m) => Object.entries<Words>(m.auditActions ?? {})),
  ]);
  return catalogue.get(action) ?? null;
}

export interface AuditFilter {
  /** Entries older than this id (paging). */
  before?: number;
  entity?: string;
  entityId?: string;
  /** Part of the acting person's name or email. */
  person?: string;
  /** A record: a complaint's tracking code, or a record id. */
  record?: string;
  /** Instants bounding the entries, from inclusive, to exclusive. */
  from?: Date;
  to?: Date;
  limit: number;
}

export async function listAudit(db: Db, regionCode: string, f: AuditFilter) {
  const actorUser = alias(users, 'actor_user');
  const subjectUser = alias(users, 'subject_user');
  const person = f.person?.trim() ? containing(f.person.trim()) : null;
  const record = f.record?.trim();
  const labellers = modules().flatMap((m) => (m.auditLabels ? [m.auditLabels] : []));
  // A record is an id, or what a module calls it (a complaint's tracking code).
  const recordIds = record ? [record, ...(await Promise.all(labellers.map((l) => l.find(db, regionCode, record)))).flat()] : [];
  const entries = await db
    .select({
      id: auditLog.id, at: auditLog.at, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, detail: auditLog.detail,
      before: auditLog.before, after: auditLog.after,
      actorUserId: auditLog.actorUserId, actorLabel: auditLog.actorLabel, actorName: actorUser.name,
      subjectName: subjectUser.name, subjectEmail: subjectUser.email,
    })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorUserId))
    .leftJoin(subjectUser, and(eq(auditLog.entity, 'user'), sql`${subjectUser.id}::text = ${auditLog.entityId}`))
    .where(and(
      eq(auditLog.regionCode, regionCode),
      f.before ? lt(auditLog.id, f.before) : undefined,
      f.entity ? eq(auditLog.entity, f.entity) : undefined,
      f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
      person ? or(ilike(auditLog.actorLabel, person), ilike(actorUser.name, person)) : undefined,
      record ? inArray(auditLog.entityId, recordIds) : undefined,
      f.from ? gte(auditLog.at, f.from) : undefined,
      f.to ? lt(auditLog.at, f.to) : undefined,
    ))
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
  // What people call each record, asked of the module that owns its kind, once per page.
  const labels = new Map<string, string>();
  for (const l of labellers) {
    const ids = entries.filter((e) => e.entity === l.entity).map((e) => e.entityId);
    if (ids.length > 0) for (const [id, label] of await l.labels(db, regionCode, ids)) labels.set(`${l.entity}:${id}`, label);
  }
  return entries.map((e) => ({ ...e, actionLabel: auditActionLabel(e.action), recordLabel: labels.get(`${e.entity}:${e.entityId}`) ?? null }));
}

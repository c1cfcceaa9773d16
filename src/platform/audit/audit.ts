// The audit log: who did what to which record, inside the use case's transaction;
// and reading it back with the names people know (the person, and what the
// record's module calls it, e.g. a complaint's tracking code), filtered by
// person, record and dates.
import { and, desc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog, users } from '../schema.js';
import type { Db, Queryable } from '../db/client.js';
import type { Actor } from '../auth/policy.js';
import { modules } from '../modules/registry.js';

export async function audit(
  tx: Queryable,
  at: Date,
  actor: Actor,
  regionCode: string,
  action: string,
  entity: string,
  entityId: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(auditLog).values({
    regionCode, at, actorUserId: actor.userId, actorLabel: actor.kind === 'user' ? (actor.email ?? actor.name) : actor.name,
    action, entity, entityId, detail,
  });
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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAudit(db: Db, regionCode: string, f: AuditFilter) {
  const actorUser = alias(users, 'actor_user');
  const subjectUser = alias(users, 'subject_user');
  const person = f.person?.trim() ? `%${escapeLike(f.person.trim())}%` : null;
  const record = f.record?.trim();
  const labellers = modules().flatMap((m) => (m.auditLabels ? [m.auditLabels] : []));
  // A record is an id, or what a module calls it (a complaint's tracking code).
  const recordIds = record ? [record, ...(await Promise.all(labellers.map((l) => l.find(db, regionCode, record)))).flat()] : [];
  const entries = await db
    .select({
      id: auditLog.id, at: auditLog.at, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, detail: auditLog.detail,
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
  return entries.map((e) => ({ ...e, recordLabel: labels.get(`${e.entity}:${e.entityId}`) ?? null }));
}

// The audit log: who did what to which record, inside the use case's transaction;
// and reading it back with the names people know (the person, a complaint's
// tracking code), filtered by person, record and dates.
import { and, desc, eq, gte, ilike, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog, users } from '../schema.js';
import type { Queryable } from '../db/client.js';
import type { Actor } from '../auth/policy.js';
import { complaints } from '../../modules/complaints/schema.js';

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

export async function listAudit(db: Queryable, regionCode: string, f: AuditFilter) {
  const actorUser = alias(users, 'actor_user');
  const subjectUser = alias(users, 'subject_user');
  const person = f.person?.trim() ? `%${escapeLike(f.person.trim())}%` : null;
  const record = f.record?.trim();
  return db
    .select({
      id: auditLog.id, at: auditLog.at, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, detail: auditLog.detail,
      actorUserId: auditLog.actorUserId, actorLabel: auditLog.actorLabel, actorName: actorUser.name,
      // What people call the record: a complaint's tracking code, a person's name and email.
      trackingCode: complaints.trackingCode, subjectName: subjectUser.name, subjectEmail: subjectUser.email,
    })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorUserId))
    .leftJoin(complaints, and(eq(auditLog.entity, 'complaint'), eq(complaints.regionCode, auditLog.regionCode), sql`${complaints.id}::text = ${auditLog.entityId}`))
    .leftJoin(subjectUser, and(eq(auditLog.entity, 'user'), sql`${subjectUser.id}::text = ${auditLog.entityId}`))
    .where(and(
      eq(auditLog.regionCode, regionCode),
      f.before ? lt(auditLog.id, f.before) : undefined,
      f.entity ? eq(auditLog.entity, f.entity) : undefined,
      f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
      person ? or(ilike(auditLog.actorLabel, person), ilike(actorUser.name, person)) : undefined,
      record ? or(eq(auditLog.entityId, record), eq(complaints.trackingCode, record.toUpperCase())) : undefined,
      f.from ? gte(auditLog.at, f.from) : undefined,
      f.to ? lt(auditLog.at, f.to) : undefined,
    ))
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}

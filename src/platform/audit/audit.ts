// The audit log: who did what to which record, inside the use case's transaction.
import { auditLog } from '../schema.js';
import type { Queryable } from '../db/client.js';
import type { Actor } from '../auth/policy.js';

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

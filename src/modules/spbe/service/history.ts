// The history of an evaluation: one row per change, written in the change's transaction.
import type { Queryable } from '../../../platform/db/client.js';
import { actorLabel, type Actor } from '../../../platform/auth/policy.js';
import { spbeHistory } from '../schema.js';

export { actorLabel } from '../../../platform/auth/policy.js';

export async function record(
  tx: Queryable, at: Date, actor: Actor, ev: { regionCode: string; id: string }, indicator: string | null, action: string, detail: Record<string, unknown> = {},
) {
  await tx.insert(spbeHistory).values({ regionCode: ev.regionCode, evaluationId: ev.id, indicatorCode: indicator, at, actorUserId: actor.userId, actorLabel: actorLabel(actor), action, detail });
}

// What the leader's dashboard reads, for the modules' tile tests: a module's
// tiles as the head of region gets them over HTTP, and a person as an actor
// for readAttention.
import { sql } from 'drizzle-orm';
import type { Harness, Session } from '../harness.js';
import { loadActor } from '../../src/platform/auth/service.js';
import type { Actor } from '../../src/platform/auth/policy.js';

/** The module's tiles in the region as `session` reads them, by key. */
export async function tilesOf(h: Harness, session: Session, region: string, module: string): Promise<Map<string, any>> {
  const res = await h.api('GET', `/api/regions/${region}/tiles`, { session });
  if (res.status !== 200) throw new Error(`tiles: ${res.status} ${res.raw}`);
  return new Map((res.body as any[]).filter((t) => t.module === module).map((t) => [t.key, t]));
}

/** The person with this email, as the policy sees them. */
export async function actorByEmail(h: Harness, email: string): Promise<Actor> {
  const [user] = await h.ctx.database.rows<{ id: string }>(sql`select id from users where lower(email) = lower(${email})`);
  if (!user) throw new Error(`no user ${email}`);
  return (await loadActor(h.ctx.database.db, user.id))!;
}

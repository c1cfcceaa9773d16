// External assessors: granted region by region by a platform admin (one
// person may assess many regions), and what an SPBE user sees across regions.
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { allowedActions, type Actor, type Permission } from '../../../platform/auth/policy.js';
import { createUser, grantRole, passwordLink } from '../../../platform/auth/service.js';
import { INVITATION_DAYS } from '../../../platform/auth/invitations.js';
import { assessorWelcomeEmail } from '../../../platform/auth/emails.js';
import { enqueueEmail } from '../../../platform/notify/outbox.js';
import { areas, grants, regions, users } from '../../../platform/schema.js';
import { spbeEvaluations } from '../schema.js';

const ROLE = 'external_assessor';

export async function listAssessors(ctx: AppContext) {
  const rows = await ctx.database.db.select({ userId: users.id, name: users.name, email: users.email, regionCode: grants.regionCode })
    .from(grants).innerJoin(users, eq(users.id, grants.userId)).where(eq(grants.role, ROLE)).orderBy(users.name, grants.regionCode);
  const byUser = new Map<string, { userId: string; name: string; email: string; regions: string[] }>();
  for (const r of rows) {
    const u = byUser.get(r.userId) ?? { userId: r.userId, name: r.name, email: r.email, regions: [] };
    u.regions.push(r.regionCode);
    byUser.set(r.userId, u);
  }
  return [...byUser.values()];
}

/**
 * Sets the regions an external assessor may assess; grants outside the list
 * are revoked. A new account gets no password from the admin: its owner
 * chooses one through the emailed link.
 */
export async function setAssessorRegions(ctx: AppContext, actor: Actor, input: { email: string; name: string; regions: string[] }) {
  return ctx.database.db.transaction(async (tx) => {
    const wanted = [...new Set(input.regions)];
    const enabled = wanted.length === 0 ? [] : await tx.select({ code: regions.code }).from(regions).where(inArray(regions.code, wanted));
    if (enabled.length !== wanted.length) throw new AppError('region.not_found', { regions: wanted.filter((c) => !enabled.some((e) => e.code === c)) });
    const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${input.email})`);
    const now = ctx.clock.now();
    let userId = existing?.id;
    if (!userId) {
      userId = await createUser(tx, { email: input.email, name: input.name });
      const link = await passwordLink(ctx, tx, userId, INVITATION_DAYS * 24 * 60);
      await enqueueEmail(tx, now, null, assessorWelcomeEmail({ to: input.email, name: input.name, link, days: INVITATION_DAYS }));
    }
    const removed = await tx.delete(grants).where(and(eq(grants.userId, userId), eq(grants.role, ROLE), wanted.length ? notInArray(grants.regionCode, wanted) : undefined)).returning();
    for (const g of removed) await audit(tx, now, actor, g.regionCode, 'grant.revoke', 'user', userId, { role: ROLE });
    const had = await tx.select({ regionCode: grants.regionCode }).from(grants).where(and(eq(grants.userId, userId), eq(grants.role, ROLE)));
    for (const code of wanted.filter((c) => !had.some((h) => h.regionCode === c))) {
      await grantRole(tx, code, userId, ROLE, null);
      await audit(tx, now, actor, code, 'grant.create', 'user', userId, { role: ROLE });
    }
    return { userId, email: input.email, regions: wanted.sort() };
  });
}

/** The caller's SPBE regions, what they may do in each, and the evaluations there that are still running. */
export async function mySpbe(ctx: AppContext, actor: Actor) {
  const codes = [...new Set(actor.grants.map((g) => g.regionCode))];
  if (codes.length === 0) return [];
  const db = ctx.database.db;
  const names = await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, codes));
  const running = await db.select({ regionCode: spbeEvaluations.regionCode, id: spbeEvaluations.id, year: spbeEvaluations.year, stage: spbeEvaluations.stage })
    .from(spbeEvaluations).where(and(inArray(spbeEvaluations.regionCode, codes), notInArray(spbeEvaluations.stage, ['closed']))).orderBy(spbeEvaluations.year);
  return codes.sort().map((code) => ({
    code, name: names.find((n) => n.code === code)?.name ?? code,
    permissions: allowedActions(actor, code).filter((p: Permission) => p.startsWith('spbe.')),
    evaluations: running.filter((e) => e.regionCode === code).map(({ regionCode: _r, ...e }) => e),
  })).filter((r) => r.permissions.length > 0);
}

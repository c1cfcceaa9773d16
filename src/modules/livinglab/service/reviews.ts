// Ratings and reviews: only officials of a region that adopted a solution
// rate it (five marks and a review, one rating per person, changed at will);
// the owner region answers; a curator hides a review with a reason. The
// public reads the averages and the visible reviews, by region, never by name.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { areas } from '../../../platform/schema.js';
import { livinglabAdoptions, livinglabRatings, livinglabSolutions } from '../schema.js';
import { curates } from './curation.js';

export const MARKS = ['fitness', 'ease', 'stability', 'support', 'documentation'] as const;
export type Marks = Record<(typeof MARKS)[number], number>;

const r = livinglabRatings;

export async function rate(ctx: AppContext, regionCode: string, actor: Actor, solutionId: string, input: Marks & { review: string }): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const [adopted] = await tx.select({ id: livinglabAdoptions.id }).from(livinglabAdoptions)
      .where(and(eq(livinglabAdoptions.regionCode, regionCode), eq(livinglabAdoptions.solutionId, solutionId)));
    if (!adopted) throw new AppError('livinglab.not_adopter');
    const now = ctx.clock.now();
    const values = { fitness: input.fitness, ease: input.ease, stability: input.stability, support: input.support, documentation: input.documentation, review: input.review, ratedAt: now };
    const [row] = await tx.insert(r).values({ regionCode, solutionId, userId: actor.userId!, ...values })
      .onConflictDoUpdate({ target: [r.regionCode, r.solutionId, r.userId], set: { ...values, hidden: false, moderationNote: null } })
      .returning({ id: r.id });
    await audit(tx, now, actor, regionCode, 'livinglab.rate', 'solution', solutionId, { ...values, ratedAt: undefined });
    return row.id;
  });
}

/** The owner region's answer to a review of its solution. */
export async function answerReview(ctx: AppContext, ownerRegion: string, actor: Actor, solutionId: string, ratingId: string, answer: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [own] = await tx.select({ id: livinglabSolutions.id }).from(livinglabSolutions).where(and(eq(livinglabSolutions.regionCode, ownerRegion), eq(livinglabSolutions.id, solutionId)));
    if (!own) throw new AppError('livinglab.solution_not_found');
    const now = ctx.clock.now();
    const [done] = await tx.update(r).set({ answer, answeredAt: now, answeredBy: actor.userId }).where(and(eq(r.solutionId, solutionId), eq(r.id, ratingId))).returning({ id: r.id });
    if (!done) throw new AppError('livinglab.rating_not_found');
    await audit(tx, now, actor, ownerRegion, 'livinglab.review_answer', 'solution', solutionId, { ratingId });
  });
}

/** A curator hides (or shows again) a review, saying why. */
export async function moderateReview(ctx: AppContext, curatorRegion: string, actor: Actor, solutionId: string, ratingId: string, input: { hidden: boolean; note: string | null }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [sol] = await tx.select({ regionCode: livinglabSolutions.regionCode }).from(livinglabSolutions).where(eq(livinglabSolutions.id, solutionId));
    if (!sol) throw new AppError('livinglab.solution_not_found');
    if (!actor.platformAdmin && !curates(curatorRegion, sol.regionCode)) throw new AppError('livinglab.not_curator');
    const [done] = await tx.update(r).set({ hidden: input.hidden, moderationNote: input.note }).where(and(eq(r.solutionId, solutionId), eq(r.id, ratingId))).returning({ region: r.regionCode });
    if (!done) throw new AppError('livinglab.rating_not_found');
    await audit(tx, ctx.clock.now(), actor, curatorRegion, 'livinglab.review_moderate', 'solution', solutionId, { ratingId, ...input });
  });
}

/** Averages per mark over visible ratings, and the visible reviews newest first, by the rater's region. */
export async function publicRatings(ctx: AppContext, solutionId: string) {
  const db = ctx.database.db;
  const visible = and(eq(r.solutionId, solutionId), eq(r.hidden, false));
  const [avg] = await db.select({
    count: sql<number>`count(*)::int`,
    ...Object.fromEntries(MARKS.map((m) => [m, sql<string | null>`round(avg(${r[m]}), 2)::text`])) as Record<(typeof MARKS)[number], ReturnType<typeof sql<string | null>>>,
  }).from(r).where(visible);
  const reviews = await db.select({
    id: r.id, regionCode: r.regionCode, regionName: areas.name, fitness: r.fitness, ease: r.ease, stability: r.stability, support: r.support, documentation: r.documentation,
    review: r.review, ratedAt: r.ratedAt, answer: r.answer, answeredAt: r.answeredAt,
  }).from(r).innerJoin(areas, eq(areas.code, r.regionCode)).where(visible).orderBy(desc(r.ratedAt));
  return { count: avg?.count ?? 0, averages: Object.fromEntries(MARKS.map((m) => [m, (avg as unknown as Record<string, string | null> | undefined)?.[m] ?? null])) as Record<(typeof MARKS)[number], string | null>, reviews };
}

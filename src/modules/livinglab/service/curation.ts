// Curators keep the catalogue honest: a platform curator (platform admin)
// anywhere, a province's curator for the province and its kabupaten/kota.
// They feature, hide (with a reason the owner reads) or mark a solution as
// superseded by a better one; they never change its content.
import { and, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import { areas } from '../../../platform/schema.js';
import { livinglabRatings, livinglabSolutions } from '../schema.js';

export interface Curation { featured: boolean; hidden: boolean; note: string | null; supersededBy: string | null }

/** Whether a curator acting for `curatorRegion` reaches a solution of `ownerRegion`: the same region or one of its kabupaten/kota. */
export const curates = (curatorRegion: string, ownerRegion: string): boolean => ownerRegion === curatorRegion || ownerRegion.startsWith(`${curatorRegion}.`);

export async function curate(ctx: AppContext, curatorRegion: string, actor: Actor, solutionId: string, input: Curation): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(livinglabSolutions).where(and(eq(livinglabSolutions.id, solutionId), sql`${livinglabSolutions.latestVersion} is not null`)).for('update');
    if (!row) throw new AppError('livinglab.solution_not_found');
    if (!actor.platformAdmin && !curates(curatorRegion, row.regionCode)) throw new AppError('livinglab.not_curator');
    if (input.supersededBy) {
      const [other] = await tx.select({ id: livinglabSolutions.id }).from(livinglabSolutions)
        .where(and(eq(livinglabSolutions.id, input.supersededBy), sql`${livinglabSolutions.latestVersion} is not null and not ${livinglabSolutions.hidden}`));
      if (!other || other.id === solutionId) throw new AppError('livinglab.superseded_by_itself');
    }
    const after = { featured: input.featured, hidden: input.hidden, curatorNote: input.note, supersededBy: input.supersededBy };
    const before = { featured: row.featured, hidden: row.hidden, curatorNote: row.curatorNote, supersededBy: row.supersededBy };
    await tx.update(livinglabSolutions).set(after).where(and(eq(livinglabSolutions.regionCode, row.regionCode), eq(livinglabSolutions.id, solutionId)));
    // Recorded in the owner's log too: the owner sees who hid or featured its solution and why.
    for (const region of new Set([row.regionCode, curatorRegion])) {
      await audit(tx, ctx.clock.now(), actor, region, 'livinglab.curate', 'solution', solutionId, { title: row.title, curator: curatorRegion }, changedFields(before, after));
    }
  });
}

/** Solutions of regions the curator reaches: the platform's curator all of them. */
function reach(column: typeof livinglabSolutions.regionCode, curatorRegion: string, actor: Actor): SQL | undefined {
  return actor.platformAdmin ? undefined : or(eq(column, curatorRegion), like(column, `${curatorRegion}.%`));
}

/**
 * What curators have hidden within the curator's reach: solutions (gone from
 * the catalogue, so only found here) and reviews, newest first, each with the
 * note the curator left, so that a hide can be taken back.
 */
export async function hiddenItems(ctx: AppContext, curatorRegion: string, actor: Actor) {
  const db = ctx.database.db;
  const s = livinglabSolutions;
  const solutions = await db.select({
    id: s.id, title: s.title, regionCode: s.regionCode, regionName: areas.name, latestVersion: s.latestVersion, featured: s.featured,
    curatorNote: s.curatorNote, supersededBy: s.supersededBy, updatedAt: s.updatedAt,
  }).from(s).innerJoin(areas, eq(areas.code, s.regionCode))
    .where(and(eq(s.hidden, true), sql`${s.latestVersion} is not null`, reach(s.regionCode, curatorRegion, actor)))
    .orderBy(desc(s.updatedAt));
  const r = livinglabRatings;
  const reviews = await db.select({
    id: r.id, solutionId: r.solutionId, solutionTitle: s.title, regionCode: r.regionCode, regionName: areas.name, review: r.review, ratedAt: r.ratedAt,
    moderationNote: r.moderationNote,
  }).from(r).innerJoin(s, eq(s.id, r.solutionId)).innerJoin(areas, eq(areas.code, r.regionCode))
    .where(and(eq(r.hidden, true), sql`${s.latestVersion} is not null`, reach(s.regionCode, curatorRegion, actor)))
    .orderBy(desc(r.ratedAt));
  return { solutions, reviews };
}

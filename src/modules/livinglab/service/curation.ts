// Curators keep the catalogue honest: a platform curator (platform admin)
// anywhere, a province's curator for the province and its kabupaten/kota.
// They feature, hide (with a reason the owner reads) or mark a solution as
// superseded by a better one; they never change its content.
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import { livinglabSolutions } from '../schema.js';

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

// A unit's service pledge (maklumat pelayanan): the unit's own words, or the
// reference text until it writes them. Shown with every service the unit
// publishes.
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { standardReferenceData } from '../reference/read.js';
import { layananPledges } from '../schema.js';
import { actorLabel, ensureManagesUnit, unitIn } from './access.js';

export interface Pledge { text: string; isDefault: boolean; updatedAt: Date | null; updatedBy: string | null }

const defaultPledge = (): Pledge => ({ text: standardReferenceData().maklumat_contoh, isDefault: true, updatedAt: null, updatedBy: null });

/** The pledges of these units, each its own or the reference text. */
export async function pledgesOf(db: Queryable, regionCode: string, unitIds: readonly string[]): Promise<Map<string, Pledge>> {
  const rows = unitIds.length === 0 ? [] : await db.select().from(layananPledges)
    .where(and(eq(layananPledges.regionCode, regionCode), inArray(layananPledges.unitId, [...new Set(unitIds)])));
  const own = new Map(rows.map((r) => [r.unitId, { text: r.text, isDefault: false, updatedAt: r.updatedAt, updatedBy: r.updatedByLabel }]));
  return new Map(unitIds.map((u) => [u, own.get(u) ?? defaultPledge()]));
}

export async function unitPledge(ctx: AppContext, regionCode: string, unitId: string) {
  const db = ctx.database.db;
  const unit = await unitIn(db, regionCode, unitId);
  return { unit, ...(await pledgesOf(db, regionCode, [unitId])).get(unitId)! };
}

export async function setPledge(ctx: AppContext, regionCode: string, actor: Actor, unitId: string, text: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    await unitIn(tx, regionCode, unitId);
    ensureManagesUnit(actor, regionCode, unitId);
    const before = (await pledgesOf(tx, regionCode, [unitId])).get(unitId)!;
    if (!before.isDefault && before.text === text) return;
    const now = ctx.clock.now();
    const set = { text, updatedAt: now, updatedBy: actor.userId, updatedByLabel: actorLabel(actor) };
    await tx.insert(layananPledges).values({ regionCode, unitId, ...set }).onConflictDoUpdate({ target: [layananPledges.regionCode, layananPledges.unitId], set });
    await audit(tx, now, actor, regionCode, 'layanan.pledge_update', 'unit', unitId, {}, { before: { text: before.isDefault ? null : before.text }, after: { text } });
  });
}

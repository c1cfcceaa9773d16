// What waits on a reader in complaints, for the leader's "what needs me
// today": open complaints whose escalation reached a rung of the region's
// ladder held by the reader (a unit role for their own unit's complaints only,
// as the escalation notice goes).
import { and, asc, eq, gte, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AttentionSource } from '../../../platform/modules/contract.js';
import { findRegionCached } from '../../../platform/regions/service.js';
import { isUnitRole } from '../../../platform/auth/policy.js';
import { categories, complaints } from '../schema.js';
import { OPEN_STATUSES } from '../domain/dashboard.js';

/** At most this many: the list is a prompt to act, the inbox holds the rest. */
const SHOWN = 20;

export const escalatedToMe: AttentionSource = {
  key: 'escalated',
  title: { id: 'Pengaduan dieskalasikan kepada Anda', en: 'Complaints escalated to you' },
  async read(ctx, actor, regionCode) {
    const region = await findRegionCached(ctx.database.db, regionCode);
    if (!region) return [];
    const grants = actor.grants.filter((g) => g.regionCode === regionCode);
    // Each rung the reader holds: complaints whose escalation reached it (in the reader's units, for a unit role).
    const reached: SQL[] = region.settings.complaints.escalation.flatMap((rung, i) => grants.filter((g) => g.role === rung.role).map((g) => {
      const level = gte(complaints.escalationLevel, i + 1);
      if (!isUnitRole(g.role)) return level;
      return g.unitId ? and(level, eq(complaints.unitId, g.unitId))! : sql`false`;
    }));
    if (reached.length === 0) return [];
    const rows = await ctx.database.db.select({
      id: complaints.id, code: complaints.trackingCode, category: categories.nameId, categoryEn: categories.nameEn, due: complaints.nextDueAt,
      since: sql<Date | null>`(select max(e.at) from complaint_events e where e.region_code = ${complaints.regionCode} and e.complaint_id = ${complaints.id} and e.kind = 'escalated')`.mapWith(complaints.nextDueAt),
    }).from(complaints)
      .leftJoin(categories, and(eq(categories.regionCode, complaints.regionCode), eq(categories.id, complaints.categoryId)))
      .where(and(eq(complaints.regionCode, regionCode), inArray(complaints.status, [...OPEN_STATUSES]), eq(complaints.escalatedOpen, true), or(...reached)))
      .orderBy(asc(complaints.nextDueAt), asc(complaints.id)).limit(SHOWN);
    return rows.map((r) => ({
      title: { id: `Pengaduan ${r.code}`, en: `Complaint ${r.code}` },
      detail: r.category ? { id: r.category, en: r.categoryEn ?? r.category } : null,
      since: r.since, due: r.due, link: `/staff/${regionCode}/complaints/${r.id}`,
    }));
  },
};

// What an overdue complaint stage does on each rung of the region's escalation
// ladder. The platform's deadline sweep (platform/deadlines/sweep.ts) claims
// the due stages and makes each step happen once; this handler, in the same
// transaction, flags the complaint, writes its timeline and tells people.
import { and, eq, sql } from 'drizzle-orm';
import type { DeadlineHandler } from '../../../platform/modules/contract.js';
import { notifyStaff } from '../../../platform/notify/staff.js';
import { getRegion } from '../../../platform/regions/service.js';
import type { Role } from '../../../platform/auth/policy.js';
import { complaintEvents, complaints } from '../schema.js';
import { overdue } from '../domain/notices.js';
import { restateMany } from './stats.js';

const stageLabel: Record<string, { id: string; en: string }> = {
  verification: { id: 'verifikasi', en: 'verification' },
  response: { id: 'tanggapan pertama', en: 'first response' },
  resolution: { id: 'penyelesaian', en: 'resolution' },
};

export const complaintDeadlineHandler: DeadlineHandler = {
  // The region's ladder as it is now (settings: complaints.escalation).
  async ladder(tx, { regionCode }) {
    return (await getRegion(tx, regionCode)).settings.complaints.escalation;
  },

  async onEscalate(tx, steps, ctx) {
    const moves: Parameters<typeof restateMany>[1] = [];
    for (const { deadline: d, step, rung, at: now } of steps) {
      const role = rung.role as Role;
      const [c] = await tx.select().from(complaints).where(and(eq(complaints.regionCode, d.regionCode), eq(complaints.id, d.recordId))).for('update');
      // The stage is open and escalated: the complaint is overdue for sure, and the summary counts it from now on.
      const [after] = await tx.update(complaints).set({ escalationLevel: sql`greatest(${complaints.escalationLevel}, ${step})`, escalatedOpen: true, updatedAt: now })
        .where(and(eq(complaints.regionCode, d.regionCode), eq(complaints.id, d.recordId))).returning();
      moves.push({ before: c, after });
      const label = stageLabel[d.stage] ?? { id: d.stage, en: d.stage };
      await tx.insert(complaintEvents).values({
        regionCode: d.regionCode, complaintId: d.recordId, at: now, kind: 'escalated', actorUserId: null, actorLabel: 'sistem',
        public: true, message: null, detail: { stage: d.stage, step, role, dueAt: d.dueAt.toISOString() },
      });
      // Unit roles hear about their own unit's work; region roles about any.
      const unitId = role === 'unit_head' || role === 'officer' ? c.unitId : null;
      // A unit head is told about their own unit's work only; nobody to tell means the coordinators hear of it.
      await notifyStaff(tx, now, {
        regionCode: d.regionCode, roles: role === 'unit_head' && !unitId ? [] : [role], unitId, otherwise: ['coordinator'],
        template: overdue, data: { code: c.trackingCode, stage: label, step },
        link: `/staff/${d.regionCode}/complaints/${d.recordId}`, email: { publicUrl: ctx.config.publicUrl },
      });
    }
    // Last, in key order: the summary rows stay locked only until commit.
    await restateMany(tx, moves);
  },
};

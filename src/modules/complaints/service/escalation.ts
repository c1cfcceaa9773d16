// What an overdue complaint stage does on each rung of the region's escalation
// ladder. The platform's deadline sweep (platform/deadlines/sweep.ts) claims
// the due stages and makes each step happen once; this handler, in the same
// transaction, flags the complaint, writes its timeline and tells people.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DeadlineHandler } from '../../../platform/modules/contract.js';
import { enqueueEmail, notifyInApp } from '../../../platform/notify/outbox.js';
import { getRegion } from '../../../platform/regions/service.js';
import { users } from '../../../platform/schema.js';
import type { Role } from '../../../platform/auth/policy.js';
import { complaintEvents, complaints } from '../schema.js';
import { usersWithRole } from './workflow.js';
import { restateMany } from '../dashboard/stats.js';

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
      const people = role === 'unit_head' && !unitId ? [] : await usersWithRole(tx, d.regionCode, [role], unitId);
      const recipients = people.length > 0 ? people : await usersWithRole(tx, d.regionCode, ['coordinator'], null);
      const ids = [...new Set(recipients.map((p) => p.userId))];
      const subject = {
        id: `Lewat batas waktu ${label.id}: ${c.trackingCode}`,
        en: `Overdue ${label.en}: ${c.trackingCode}`,
      };
      const body = {
        id: `Batas waktu ${label.id} terlewati. Eskalasi tingkat ${step}.`,
        en: `The ${label.en} deadline passed. Escalation level ${step}.`,
      };
      const link = `/staff/${d.regionCode}/complaints/${d.recordId}`;
      await notifyInApp(tx, now, d.regionCode, ids, subject, body, link);
      if (ids.length > 0) {
        const emails = await tx.select({ email: users.email }).from(users).where(inArray(users.id, ids));
        for (const e of emails) {
          await enqueueEmail(tx, now, d.regionCode, {
            to: e.email, subject: `${subject.id} / ${subject.en}`,
            text: `${body.id}\n${ctx.config.publicUrl}${link}\n\n---\n${body.en}`,
          });
        }
      }
    }
    // Last, in key order: the summary rows stay locked only until commit.
    await restateMany(tx, moves);
  },
};

// The SLA sweep: overdue stages climb the region's escalation ladder.
// Runs from the database: rows are claimed with FOR UPDATE SKIP LOCKED (safe with
// several instances), each step is a primary-keyed row (never twice), and the
// next check time is stored (survives restarts).
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { notifyStaff } from '../../../platform/notify/staff.js';
import { getRegion, type Region } from '../../../platform/regions/service.js';
import { complaintDeadlines, complaintEscalations, complaintEvents, complaints } from '../schema.js';
import { overdue } from '../domain/notices.js';
import { restateMany } from '../dashboard/stats.js';

interface DueRow { region_code: string; complaint_id: string; stage: string; round: number; escalation_step: number; due_at: Date | string }

const stageLabel: Record<string, { id: string; en: string }> = {
  verification: { id: 'verifikasi', en: 'verification' },
  response: { id: 'tanggapan pertama', en: 'first response' },
  resolution: { id: 'penyelesaian', en: 'resolution' },
};

/** The stages due for a check, oldest first, claimed by this sweep (through the partial index on next_check_at). */
export const dueDeadlines = (now: Date, batch: number) =>
  sql`select region_code, complaint_id, stage, round, escalation_step, due_at from complaint_deadlines
      where next_check_at is not null and next_check_at <= ${now}
      order by next_check_at limit ${batch} for update skip locked`;

/** Escalates up to `batch` overdue stages; returns how many steps were taken. */
export async function sweepOverdue(ctx: AppContext, batch = 200): Promise<number> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const due = await ctx.database.rows<DueRow>(dueDeadlines(now, batch), tx);
    const regions = new Map<string, Region>();
    const moves: Parameters<typeof restateMany>[1] = [];
    let steps = 0;
    for (const d of due) {
      const region = regions.get(d.region_code) ?? (await getRegion(tx, d.region_code));
      regions.set(region.code, region);
      const ladder = region.settings.complaints.escalation;
      const step = d.escalation_step + 1;
      const rung = ladder[Math.min(step, ladder.length) - 1];
      const following = ladder[step];
      const dueAt = new Date(d.due_at);
      await tx.update(complaintDeadlines)
        .set({ escalationStep: step, nextCheckAt: following ? new Date(dueAt.getTime() + following.afterHours * 3_600_000) : null })
        .where(and(eq(complaintDeadlines.regionCode, d.region_code), eq(complaintDeadlines.complaintId, d.complaint_id), eq(complaintDeadlines.stage, d.stage)));
      const inserted = await tx.insert(complaintEscalations)
        .values({ regionCode: d.region_code, complaintId: d.complaint_id, stage: d.stage, round: d.round, step, role: rung.role, at: now })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) continue;
      steps++;
      const [c] = await tx.select().from(complaints).where(and(eq(complaints.regionCode, d.region_code), eq(complaints.id, d.complaint_id))).for('update');
      // The stage is open and escalated: the complaint is overdue for sure, and the summary counts it from now on.
      const [after] = await tx.update(complaints).set({ escalationLevel: sql`greatest(${complaints.escalationLevel}, ${step})`, escalatedOpen: true, updatedAt: now })
        .where(and(eq(complaints.regionCode, d.region_code), eq(complaints.id, d.complaint_id))).returning();
      moves.push({ before: c, after });
      const label = stageLabel[d.stage] ?? { id: d.stage, en: d.stage };
      await tx.insert(complaintEvents).values({
        regionCode: d.region_code, complaintId: d.complaint_id, at: now, kind: 'escalated', actorUserId: null, actorLabel: 'sistem',
        public: true, message: null, detail: { stage: d.stage, step, role: rung.role, dueAt: dueAt.toISOString() },
      });
      // Unit roles hear about their own unit's work; region roles about any.
      const unitId = rung.role === 'unit_head' || rung.role === 'officer' ? c.unitId : null;
      // A unit head is told about their own unit's work only; nobody to tell means the coordinators hear of it.
      await notifyStaff(tx, now, {
        regionCode: d.region_code, roles: rung.role === 'unit_head' && !unitId ? [] : [rung.role], unitId, otherwise: ['coordinator'],
        template: overdue, data: { code: c.trackingCode, stage: label, step },
        link: `/staff/${d.region_code}/complaints/${d.complaint_id}`, email: { publicUrl: ctx.config.publicUrl },
      });
    }
    // Last, in key order: the summary rows stay locked only until commit.
    await restateMany(tx, moves);
    return steps;
  });
}

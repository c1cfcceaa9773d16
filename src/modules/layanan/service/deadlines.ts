// What an application's deadlines do when the platform's sweep reaches them
// (platform/deadlines/sweep.ts claims each step once, in its transaction).
// The decision deadline: a reminder a day (24 hours) before, to the decision
// stage's role; at the deadline with no decision, fiktif positif: recorded on
// the application and its timeline, told to the unit's head and the service
// managers, and to the applicant. A stage's own target: its role is told.
import { and, eq, isNull } from 'drizzle-orm';
import type { DeadlineHandler, EscalationRung } from '../../../platform/modules/contract.js';
import { notifyStaff } from '../../../platform/notify/staff.js';
import { enqueueEmail } from '../../../platform/notify/outbox.js';
import { decisionSoon, deemedGrantedNotice, stageOverdue } from '../domain/notices.js';
import { layananApplicationEvents, layananApplications, layananStandardVersions } from '../schema.js';
import { DECISION_STAGE, REMINDER_HOURS_BEFORE } from '../domain/journey.js';

// afterHours counts from the deadline (the filing starts the sweep looking from
// the reminder's hour: checkFrom).
const decisionLadder: readonly EscalationRung[] = [{ afterHours: -REMINDER_HOURS_BEFORE, kind: 'reminder' }, { afterHours: 0, kind: 'deemed_granted' }];
const stageLadder: readonly EscalationRung[] = [{ afterHours: 0, kind: 'stage_overdue' }];

export const applicationDeadlineHandler: DeadlineHandler = {
  async ladder(_tx, { stage }) {
    return stage === DECISION_STAGE ? decisionLadder : stageLadder;
  },

  async onEscalate(tx, steps, ctx) {
    for (const { deadline: d, rung, at: now } of steps) {
      const [row] = await tx.select({ app: layananApplications, service: layananStandardVersions.name, workflow: layananStandardVersions.workflow }).from(layananApplications)
        .innerJoin(layananStandardVersions, and(eq(layananStandardVersions.regionCode, layananApplications.regionCode),
          eq(layananStandardVersions.serviceId, layananApplications.serviceId), eq(layananStandardVersions.version, layananApplications.version)))
        .where(and(eq(layananApplications.regionCode, d.regionCode), eq(layananApplications.id, d.recordId))).for('update', { of: layananApplications });
      if (!row) continue;
      const { app } = row;
      const link = `/staff/${d.regionCode}/layanan/permohonan/${app.id}`;
      const data = { no: app.registrationNo, service: row.service };
      if (rung.kind === 'deemed_granted') {
        // Only once, and only if still undecided (the clock is met by a decision, but a sweep may race it).
        const marked = await tx.update(layananApplications).set({ fiktifPositifAt: now, updatedAt: now })
          .where(and(eq(layananApplications.regionCode, d.regionCode), eq(layananApplications.id, app.id), isNull(layananApplications.fiktifPositifAt), isNull(layananApplications.decision)))
          .returning({ id: layananApplications.id });
        if (marked.length === 0) continue;
        await tx.insert(layananApplicationEvents).values({
          regionCode: d.regionCode, applicationId: app.id, at: now, kind: 'deemed_granted', stage: app.stage, actorUserId: null, actorLabel: 'sistem',
          public: true, message: null, detail: { dueAt: d.dueAt.toISOString() },
        });
        // The unit's head, and the service managers in every case (below): a unit without a head does not tell the managers twice.
        await notifyStaff(tx, now, { regionCode: d.regionCode, roles: ['unit_head'], unitId: app.unitId, otherwise: [], template: deemedGrantedNotice, data, link, email: { publicUrl: ctx.config.publicUrl } });
        await notifyStaff(tx, now, { regionCode: d.regionCode, roles: ['layanan_manager'], unitId: null, otherwise: [], template: deemedGrantedNotice, data, link, email: { publicUrl: ctx.config.publicUrl } });
        if (app.applicantEmail) {
          const track = `${ctx.config.publicUrl}/r/${d.regionCode}/layanan/permohonan/${app.registrationNo}`;
          await enqueueEmail(tx, now, d.regionCode, {
            to: app.applicantEmail,
            subject: `[${app.registrationNo}] Fiktif positif / Deemed granted`,
            text: `Batas waktu keputusan atas permohonan Anda untuk ${row.service} telah lewat tanpa keputusan. Menurut UU 30/2014 Pasal 53 sebagaimana diubah, permohonan Anda dianggap dikabulkan secara hukum; pimpinan perangkat daerah telah diberi tahu.\n\nLihat: ${track}\n\n---\n`
              + `The decision deadline of your application for ${row.service} passed without a decision. Under Law 30/2014 Art. 53 as amended, it is deemed granted; the unit's head has been told.\nSee: ${track}`,
          });
        }
        continue;
      }
      // A reminder, or a stage past its own target: the acting role of the stage it waits at.
      const stage = row.workflow.stages.find((s) => s.key === app.stage);
      if (!stage || app.status !== 'in_process') continue;
      await notifyStaff(tx, now, {
        regionCode: d.regionCode, roles: [stage.actor.role], unitId: stage.actor.unitId ?? app.unitId, otherwise: ['layanan_manager'],
        template: rung.kind === 'reminder' ? decisionSoon : stageOverdue, data, link, email: { publicUrl: ctx.config.publicUrl },
      });
    }
  },
};

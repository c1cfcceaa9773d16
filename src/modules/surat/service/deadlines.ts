// What a disposition's deadline does when the platform's sweep reaches it
// (domain/disposition.ts LADDERS): before it, the recipient is reminded; at
// it, with the disposition still open, the one who gave the instruction is
// told (and the recipient again), in-app and by email.
import { and, eq, inArray } from 'drizzle-orm';
import type { DeadlineHandler } from '../../../platform/modules/contract.js';
import { notifyPeople } from '../../../platform/notify/staff.js';
import { LADDERS } from '../domain/disposition.js';
import { dispositionDueSoon, dispositionOverdue, localDeadline } from '../domain/notices.js';
import { getRegion } from '../../../platform/regions/service.js';
import { suratDispositions, suratLetters } from '../schema.js';


export const dispositionDeadlineHandler: DeadlineHandler = {
  async ladder(_tx, { stage }) {
    return LADDERS[stage] ?? [];
  },
  async onEscalate(tx, steps, ctx) {
    for (const { deadline: dl, rung, at: now } of steps) {
      const [row] = await tx.select({ d: suratDispositions, subject: suratLetters.subject }).from(suratDispositions)
        .innerJoin(suratLetters, and(eq(suratLetters.regionCode, suratDispositions.regionCode), eq(suratLetters.id, suratDispositions.letterId)))
        .where(and(eq(suratDispositions.regionCode, dl.regionCode), eq(suratDispositions.id, dl.recordId), inArray(suratDispositions.status, ['unread', 'in_progress'])));
      if (!row) continue;
      const { d } = row;
      const link = `/staff/${dl.regionCode}/surat/naskah/${d.letterId}`;
      const email = { publicUrl: ctx.config.publicUrl };
      const due = localDeadline(dl.dueAt, (await getRegion(tx, dl.regionCode)).utcOffsetMinutes);
      if (rung.kind === 'reminder') {
        await notifyPeople(tx, now, [d.toUserId], { regionCode: dl.regionCode, template: dispositionDueSoon, data: { subject: row.subject, due }, link, email });
        continue;
      }
      const to = d.fromUserId ? [d.fromUserId, d.toUserId] : [d.toUserId];
      await notifyPeople(tx, now, to, { regionCode: dl.regionCode, template: dispositionOverdue, data: { subject: row.subject, to: d.toLabel, due }, link, email });
    }
  },
};

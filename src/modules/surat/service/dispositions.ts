// Dispositions: the leader routes a letter down the organisation with an
// instruction, priority and deadline; each recipient may route it further
// (the tree); the recipient follows up with notes and completes it with a
// report that goes back to whoever gave it; the giver may withdraw it while
// unread. Deadlines run on the platform's stage deadlines (working days or
// hours in the region's calendar) and escalate to the giver (deadlines.ts).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { queryRows, type Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { addDuration, type DurationUnit } from '../../../platform/calendar/calendar.js';
import { regionCalendar } from '../../../platform/calendar/region.js';
import { meetStages, startStages } from '../../../platform/deadlines/deadlines.js';
import { notifyPeople } from '../../../platform/notify/staff.js';
import { units, users } from '../../../platform/schema.js';
import type { Urgency } from '../domain/letter.js';
import { canWithdraw, isOpen, reminderLead, STAGE, type DispositionStatus } from '../domain/disposition.js';
import { dispositionDone, dispositionGiven, localDeadline } from '../domain/notices.js';
import { getRegion } from '../../../platform/regions/service.js';
import { suratDispositionNotes, suratDispositions, suratLetterPeople, suratLetters } from '../schema.js';
import { addPeople, letterFor, UNIT_ROLES, viewerOf } from './access.js';
import { requireHolders } from './incoming.js';

export const RECORD_TYPE = 'disposition';
const recordKey = (regionCode: string, id: string) => ({ regionCode, module: 'surat', recordType: RECORD_TYPE, recordId: id });

/** Who may receive a disposition: anyone holding a correspondence role or heading a unit in the region. */
export const RECIPIENT_ROLES = [...UNIT_ROLES, 'surat_records_manager', 'head_of_region'];

export interface DisposeInput {
  /** The disposition being routed further; none when the leader disposes the letter itself. */
  parentId?: string | null;
  to: string[];
  instruction: string;
  priority: Urgency;
  due?: { amount: number; unit: DurationUnit } | null;
}

/** A disposition addressed to the actor, locked for the change. */
async function ownDisposition(tx: Tx, regionCode: string, actor: Actor, id: string) {
  const [d] = await tx.select().from(suratDispositions).where(and(eq(suratDispositions.regionCode, regionCode), eq(suratDispositions.id, id))).for('update');
  if (!d) throw new AppError('surat.disposition_not_found');
  if (d.toUserId !== actor.userId) {
    // Someone on the letter sees the tree, so the disposition exists for them; anyone else gets "not found".
    const [on] = await tx.select({ one: sql`1` }).from(suratLetterPeople)
      .where(and(eq(suratLetterPeople.regionCode, regionCode), eq(suratLetterPeople.letterId, d.letterId), eq(suratLetterPeople.userId, actor.userId!)));
    throw new AppError(on ? 'surat.disposition_not_yours' : 'surat.disposition_not_found');
  }
  return d;
}

/** Gives a disposition to one or more people: the leader of a letter, or the recipient of a disposition routing it further. */
export async function dispose(ctx: AppContext, regionCode: string, actor: Actor, letterId: string, input: DisposeInput) {
  const viewer = viewerOf(actor, regionCode);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { letter } = await letterFor(tx, viewer, letterId, 'open', true);
    if (letter.direction !== 'incoming') throw new AppError('surat.wrong_direction');
    if (input.parentId) {
      const parent = await ownDisposition(tx, regionCode, actor, input.parentId);
      if (parent.letterId !== letterId) throw new AppError('surat.disposition_not_found');
      if (!isOpen(parent.status as DispositionStatus)) throw new AppError('surat.disposition_state', { status: parent.status });
      // Routing it further is acting on it.
      if (parent.status === 'unread') await tx.update(suratDispositions).set({ status: 'in_progress', readAt: now }).where(and(eq(suratDispositions.regionCode, regionCode), eq(suratDispositions.id, parent.id)));
    } else {
      const [leader] = await tx.select({ one: sql`1` }).from(suratLetterPeople).where(and(eq(suratLetterPeople.regionCode, regionCode),
        eq(suratLetterPeople.letterId, letterId), eq(suratLetterPeople.userId, actor.userId!), eq(suratLetterPeople.reason, 'leader')));
      if (!leader) throw new AppError('surat.not_disposer');
    }
    const to = [...new Set(input.to)];
    if (to.includes(actor.userId!)) throw new AppError('surat.disposition_self');
    await requireHolders(tx, regionCode, to, RECIPIENT_ROLES, null);
    const people = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, to));
    const unitOf = await recipientUnits(tx, regionCode, to);
    let dueAt: Date | null = null;
    if (input.due) dueAt = addDuration(now, input.due.amount, input.due.unit, await regionCalendar(tx, regionCode, now));
    const rows = await tx.insert(suratDispositions).values(people.map((p) => ({
      regionCode, letterId, parentId: input.parentId ?? null, fromUserId: actor.userId, fromLabel: actor.name, toUserId: p.id, toLabel: p.name, toUnitId: unitOf.get(p.id) ?? null,
      instruction: input.instruction, priority: input.priority, dueAmount: input.due?.amount ?? null, dueUnit: input.due?.unit ?? null, dueAt, status: 'unread' as const, createdAt: now,
    }))).returning({ id: suratDispositions.id, toUserId: suratDispositions.toUserId });
    if (input.due && dueAt) {
      const stage = STAGE[input.due.unit];
      const checkFrom = new Date(Math.max(now.getTime(), dueAt.getTime() - reminderLead(stage) * 3_600_000));
      for (const r of rows) await startStages(tx, recordKey(regionCode, r.id), [{ stage, unit: input.due.unit, dueAt, targetAt: null, checkFrom }]);
    }
    await addPeople(tx, regionCode, letterId, to.map((userId) => ({ userId, reason: 'disposition' as const })), now);
    await notifyPeople(tx, now, to, {
      regionCode, template: dispositionGiven, data: { subject: letter.subject, from: actor.name, instruction: input.instruction, due: dueAt ? localDeadline(dueAt, (await getRegion(tx, regionCode)).utcOffsetMinutes) : '' },
      link: `/staff/${regionCode}/surat/naskah/${letterId}`, email: { publicUrl: ctx.config.publicUrl },
    });
    await audit(tx, now, actor, regionCode, 'surat.dispose', 'surat_letter', letterId, { to: people.map((p) => p.name), priority: input.priority, parent: input.parentId ?? null });
    return { ids: rows.map((r) => r.id), dueAt };
  });
}

/** The unit each recipient holds a unit role in (the first one), for the tree's labels and unit counts. */
async function recipientUnits(tx: Tx, regionCode: string, userIds: string[]) {
  const rows = await queryRows<{ userId: string; unitId: string }>(tx, sql`select distinct on (g.user_id) g.user_id as "userId", g.unit_id as "unitId" from grants g
    where g.region_code = ${regionCode} and g.unit_id is not null and g.user_id in (${sql.join(userIds.map((u) => sql`${u}::uuid`), sql`, `)}) order by g.user_id, g.created_at`);
  return new Map(rows.map((r) => [r.userId, r.unitId]));
}

/** The giver withdraws a disposition its recipient has not read yet. */
export async function withdraw(ctx: AppContext, regionCode: string, actor: Actor, id: string) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [d] = await tx.select().from(suratDispositions).where(and(eq(suratDispositions.regionCode, regionCode), eq(suratDispositions.id, id))).for('update');
    if (!d || d.fromUserId !== actor.userId) throw new AppError('surat.disposition_not_found');
    if (!canWithdraw(d.status as DispositionStatus)) throw new AppError(d.status === 'withdrawn' ? 'surat.disposition_state' : 'surat.disposition_read', { status: d.status });
    await tx.update(suratDispositions).set({ status: 'withdrawn', withdrawnAt: now }).where(and(eq(suratDispositions.regionCode, regionCode), eq(suratDispositions.id, id)));
    await meetStages(tx, recordKey(regionCode, id), 'all', now);
    // The recipient leaves the letter unless another live disposition of it is theirs.
    const [other] = await tx.select({ one: sql`1` }).from(suratDispositions).where(and(eq(suratDispositions.regionCode, regionCode), eq(suratDispositions.letterId, d.letterId),
      eq(suratDispositions.toUserId, d.toUserId), sql`${suratDispositions.status} <> 'withdrawn'`));
    if (!other) {
      await tx.delete(suratLetterPeople).where(and(eq(suratLetterPeople.regionCode, regionCode), eq(suratLetterPeople.letterId, d.letterId),
        eq(suratLetterPeople.userId, d.toUserId), eq(suratLetterPeople.reason, 'disposition')));
    }
    await audit(tx, now, actor, regionCode, 'surat.disposition_withdraw', 'surat_disposition', id, { to: d.toLabel });
  });
}

/** The recipient records a follow-up note (it is now in progress). */
export async function followUp(ctx: AppContext, regionCode: string, actor: Actor, id: string, body: string) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const d = await ownDisposition(tx, regionCode, actor, id);
    if (!isOpen(d.status as DispositionStatus)) throw new AppError('surat.disposition_state', { status: d.status });
    await tx.insert(suratDispositionNotes).values({ regionCode, dispositionId: id, kind: 'note', body, authorUserId: actor.userId, authorLabel: actor.name, at: now });
    if (d.status === 'unread') await tx.update(suratDispositions).set({ status: 'in_progress', readAt: now }).where(and(eq(suratDispositions.regionCode, regionCode), eq(suratDispositions.id, id)));
    await audit(tx, now, actor, regionCode, 'surat.disposition_follow_up', 'surat_disposition', id, {});
  });
}

/** The recipient completes it with a report, which goes back to the one who gave it. */
export async function complete(ctx: AppContext, regionCode: string, actor: Actor, id: string, report: string) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const d = await ownDisposition(tx, regionCode, actor, id);
    if (!isOpen(d.status as DispositionStatus)) throw new AppError('surat.disposition_state', { status: d.status });
    await tx.update(suratDispositions).set({ status: 'done', doneAt: now, report, readAt: d.readAt ?? now }).where(and(eq(suratDispositions.regionCode, regionCode), eq(suratDispositions.id, id)));
    await tx.insert(suratDispositionNotes).values({ regionCode, dispositionId: id, kind: 'report', body: report, authorUserId: actor.userId, authorLabel: actor.name, at: now });
    await meetStages(tx, recordKey(regionCode, id), 'all', now);
    const [letter] = await tx.select({ subject: suratLetters.subject }).from(suratLetters).where(and(eq(suratLetters.regionCode, regionCode), eq(suratLetters.id, d.letterId)));
    if (d.fromUserId) {
      await notifyPeople(tx, now, [d.fromUserId], {
        regionCode, template: dispositionDone, data: { subject: letter.subject, to: d.toLabel, report }, link: `/staff/${regionCode}/surat/naskah/${d.letterId}`, email: { publicUrl: ctx.config.publicUrl },
      });
    }
    await audit(tx, now, actor, regionCode, 'surat.disposition_done', 'surat_disposition', id, {});
  });
}

/** The viewer's dispositions: received (to act on) or given (to watch), newest first, with the letter's subject (they are on every such letter). */
export async function myDispositions(ctx: AppContext, regionCode: string, actor: Actor, box: 'received' | 'given', status: DispositionStatus | 'open' | null, limit: number, offset: number) {
  const d = suratDispositions;
  const mine = box === 'received' ? eq(d.toUserId, actor.userId!) : eq(d.fromUserId, actor.userId!);
  const statusWhere = status === 'open' ? inArray(d.status, ['unread', 'in_progress']) : status ? eq(d.status, status) : undefined;
  const now = ctx.clock.now();
  const rows = await ctx.database.db.select({
    id: d.id, letterId: d.letterId, subject: suratLetters.subject, agendaNumber: suratLetters.agendaNumber, agendaYear: suratLetters.agendaYear, security: suratLetters.security,
    from: d.fromLabel, to: d.toLabel, unit: units.name, instruction: d.instruction, priority: d.priority, dueAt: d.dueAt, status: d.status, createdAt: d.createdAt, doneAt: d.doneAt,
  }).from(d)
    .innerJoin(suratLetters, and(eq(suratLetters.regionCode, d.regionCode), eq(suratLetters.id, d.letterId)))
    .leftJoin(units, and(eq(units.regionCode, d.regionCode), eq(units.id, d.toUnitId)))
    .where(and(eq(d.regionCode, regionCode), mine, statusWhere)).orderBy(desc(d.createdAt), desc(d.id)).limit(limit + 1).offset(offset);
  return {
    items: rows.slice(0, limit).map((r) => ({ ...r, overdue: r.dueAt !== null && (r.status === 'unread' || r.status === 'in_progress') && r.dueAt < now })),
    hasMore: rows.length > limit,
  };
}

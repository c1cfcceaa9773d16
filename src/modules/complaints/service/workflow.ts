// Staff and citizen actions on a complaint, one transaction each.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { actorLabel, can, type Actor } from '../../../platform/auth/policy.js';
import { handledUnits } from '../domain/staff.js';
import { AppError } from '../../../platform/errors.js';
import { matchesHash } from '../../../platform/auth/secrets.js';
import { audit } from '../../../platform/audit/audit.js';
import { enqueueEmail } from '../../../platform/notify/outbox.js';
import { notifyStaff } from '../../../platform/notify/staff.js';
import { newForUnit } from '../domain/notices.js';
import { findRegion, type Region } from '../../../platform/regions/service.js';
import { letterBook } from '../../../platform/modules/letters.js';
import { governmentName } from '../../layanan/index.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { units } from '../../../platform/schema.js';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { categories, complaintEvents, complaints, routingRules } from '../schema.js';
import { citizenWindowEnd, nextStatus, statusLabel, type Action, type RejectionReason, type Status } from '../domain/status.js';
import { meetDeadlines, nextDueSql, ownDeadlines, startDeadlines } from './deadlines.js';
import { newTrackingCode } from '../domain/tracking.js';
import { TRANSFER_CLASSIFICATION, TRANSFER_DOCUMENT_TYPE, transferParagraphs, transferSubject } from '../domain/transfer-letter.js';
import { deadlineOutcomes, restateStats } from './stats.js';

export type Command =
  | { action: 'dispatch'; unitId: string; note?: string }
  | { action: 'reject'; reason: RejectionReason; message: string }
  | { action: 'merge'; intoTrackingCode: string }
  | { action: 'acknowledge' }
  | { action: 'respond'; message: string }
  | { action: 'dispose'; unitId: string; note: string }
  | { action: 'transfer'; regionCode: string; note: string }
  | { action: 'resolve'; message: string }
  | { action: 'note'; message: string };

export type CitizenCommand = { action: 'rate'; rating: number; comment?: string } | { action: 'reopen'; reason: string };

type ComplaintRow = typeof complaints.$inferSelect;

async function lockComplaint(tx: Queryable, regionCode: string, id: string): Promise<ComplaintRow> {
  const [row] = await tx.select().from(complaints).where(and(eq(complaints.regionCode, regionCode), eq(complaints.id, id))).for('update');
  if (!row) throw new AppError('complaint.not_found');
  return row;
}

async function checkUnit(tx: Queryable, regionCode: string, unitId: string): Promise<{ id: string; name: string }> {
  const [unit] = await tx.select().from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId), eq(units.active, true)));
  if (!unit) throw new AppError('unit.not_found');
  return unit;
}

/** Which permission an action needs, and whether unit roles are limited to their own units. */
const needs: Record<Command['action'], { permission: 'complaint.triage' | 'complaint.handle' | 'complaint.transfer'; unitScoped: boolean }> = {
  dispatch: { permission: 'complaint.triage', unitScoped: false },
  reject: { permission: 'complaint.triage', unitScoped: false },
  merge: { permission: 'complaint.triage', unitScoped: false },
  transfer: { permission: 'complaint.transfer', unitScoped: false },
  acknowledge: { permission: 'complaint.handle', unitScoped: true },
  respond: { permission: 'complaint.handle', unitScoped: true },
  dispose: { permission: 'complaint.handle', unitScoped: true },
  resolve: { permission: 'complaint.handle', unitScoped: true },
  note: { permission: 'complaint.handle', unitScoped: true },
};

/** The unit the routing table proposes for a category, if any. */
export async function proposedUnit(db: Queryable, regionCode: string, categoryId: string): Promise<string | null> {
  const [rule] = await db
    .select({ unitId: routingRules.unitId })
    .from(routingRules)
    .where(and(eq(routingRules.regionCode, regionCode), eq(routingRules.categoryId, categoryId), isNull(routingRules.validTo)));
  return rule?.unitId ?? null;
}

/** Whether the actor's roles allow an action in the region (unit roles are further limited to their own units). */
export function mayPerform(actor: Actor, regionCode: string, action: Command['action']): boolean {
  // Triage roles may also note; unit roles handle only within their units.
  return can(actor, needs[action].permission, regionCode) || (action === 'note' && can(actor, 'complaint.triage', regionCode));
}

export async function performAction(ctx: AppContext, region: Region, actor: Actor, complaintId: string, cmd: Command): Promise<Status> {
  const need = needs[cmd.action];
  if (!mayPerform(actor, region.code, cmd.action)) throw new AppError('auth.forbidden');
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const c = await lockComplaint(tx, region.code, complaintId);
    if (need.unitScoped) {
      const mine = handledUnits(actor, region.code);
      if (mine !== null && (!c.unitId || !mine.has(c.unitId))) throw new AppError('auth.forbidden');
    }
    const to = nextStatus(c.status as Status, cmd.action as Action);
    if (!to) throw new AppError('complaint.invalid_transition', { status: c.status, action: cmd.action });
    const patch: Partial<ComplaintRow> = { status: to, updatedAt: now };
    let event: { kind: string; public: boolean; message: string | null; detail?: Record<string, unknown> } = {
      kind: cmd.action, public: true, message: null,
    };
    let notifyUnit: string | null = null;

    switch (cmd.action) {
      case 'dispatch': {
        const unit = await checkUnit(tx, region.code, cmd.unitId);
        Object.assign(patch, { unitId: unit.id, verifiedAt: now, dispatchedAt: now });
        event = { kind: 'dispatched', public: true, message: cmd.note ?? null, detail: { unitId: unit.id, unitName: unit.name } };
        await meetDeadlines(tx, region.code, c.id, ['verification'], now);
        await startDeadlines(tx, region, c.id, c.categoryId, ['response', 'resolution'], now);
        notifyUnit = unit.id;
        break;
      }
      case 'reject':
        Object.assign(patch, { rejectionReason: cmd.reason, closedAt: now });
        event = { kind: 'rejected', public: true, message: cmd.message, detail: { reason: cmd.reason } };
        await meetDeadlines(tx, region.code, c.id, 'all', now);
        break;
      case 'merge': {
        const [target] = await tx
          .select({ id: complaints.id, status: complaints.status })
          .from(complaints)
          .where(and(eq(complaints.regionCode, region.code), eq(complaints.trackingCode, cmd.intoTrackingCode)));
        if (!target) throw new AppError('complaint.not_found');
        if (target.id === c.id) throw new AppError('complaint.merge_self');
        if (['rejected', 'merged', 'transferred'].includes(target.status)) throw new AppError('complaint.invalid_transition', { target: target.status });
        Object.assign(patch, { mergedInto: target.id, closedAt: now });
        event = { kind: 'merged', public: true, message: null, detail: { into: cmd.intoTrackingCode } };
        await meetDeadlines(tx, region.code, c.id, 'all', now);
        await tx.insert(complaintEvents).values({
          regionCode: region.code, complaintId: target.id, at: now, kind: 'merged_in', actorUserId: actor.userId, actorLabel: actor.name,
          public: false, message: null, detail: { from: c.trackingCode },
        });
        break;
      }
      case 'acknowledge':
        patch.acknowledgedAt = now;
        event = { kind: 'acknowledged', public: true, message: null };
        break;
      case 'respond':
        Object.assign(patch, { acknowledgedAt: c.acknowledgedAt ?? now, firstResponseAt: c.firstResponseAt ?? now });
        event = { kind: 'responded', public: true, message: cmd.message };
        await meetDeadlines(tx, region.code, c.id, ['response'], now);
        break;
      case 'dispose': {
        const unit = await checkUnit(tx, region.code, cmd.unitId);
        if (unit.id === c.unitId) throw new AppError('request.invalid', { unitId: 'same unit' });
        Object.assign(patch, { unitId: unit.id, acknowledgedAt: null });
        event = { kind: 'disposed', public: true, message: cmd.note, detail: { fromUnitId: c.unitId, unitId: unit.id, unitName: unit.name } };
        notifyUnit = unit.id;
        break;
      }
      case 'transfer': {
        const target = await transferTarget(tx, region, cmd.regionCode);
        const trackingCode = newTrackingCode();
        const [copy] = await tx.insert(complaints).values({
          ...c, regionCode: target.code, id: undefined, trackingCode, status: 'submitted', unitId: null,
          submittedAt: now, verifiedAt: null, dispatchedAt: null, acknowledgedAt: null, firstResponseAt: null, resolvedAt: null,
          closedAt: null, escalationLevel: 0, escalatedOpen: false, reopenCount: 0, transferredFrom: c.trackingCode, transferredTo: null, updatedAt: now,
          firstResponseInTime: null, resolvedInTime: null,
          categoryId: await matchingCategory(tx, c.categoryId, region.code, target.code),
        }).returning();
        await restateStats(tx, null, copy);
        await tx.insert(complaintEvents).values({
          regionCode: target.code, complaintId: copy.id, at: now, kind: 'transferred_in', actorUserId: actor.userId, actorLabel: actor.name,
          public: true, message: cmd.note, detail: { fromRegion: region.code, fromTrackingCode: c.trackingCode },
        });
        await startDeadlines(tx, target, copy.id, copy.categoryId, ['verification'], now);
        await tx.update(complaints).set({ nextDueAt: nextDueSql(target.code, copy.id) }).where(and(eq(complaints.regionCode, target.code), eq(complaints.id, copy.id)));
        await writeTransferLetter(tx, ctx, region, target, actor, c, trackingCode, cmd.note, now);
        Object.assign(patch, { transferredTo: trackingCode, closedAt: now });
        event = { kind: 'transferred', public: true, message: cmd.note, detail: { toRegion: target.code, toRegionName: target.name, toTrackingCode: trackingCode } };
        await meetDeadlines(tx, region.code, c.id, 'all', now);
        break;
      }
      case 'resolve':
        Object.assign(patch, { resolvedAt: now, firstResponseAt: c.firstResponseAt ?? now, acknowledgedAt: c.acknowledgedAt ?? now });
        event = { kind: 'resolved', public: true, message: cmd.message };
        await meetDeadlines(tx, region.code, c.id, ['response', 'resolution'], now);
        break;
      case 'note':
        event = { kind: 'note', public: false, message: cmd.message };
        break;
    }

    Object.assign(patch, await deadlineOutcomes(tx, c, patch));
    // After the deadlines changed: still an escalated deadline open? (the dashboard's overdue count, see schema.ts)
    const escalatedOpen = sql<boolean>`exists (select 1 from stage_deadlines d where ${ownDeadlines('d', { regionCode: sql`${c.regionCode}`, id: sql`${c.id}` })}
      and d.met_at is null and d.escalation_step > 0)`;
    const [after] = await tx.update(complaints).set({ ...patch, escalatedOpen, nextDueAt: nextDueSql(c.regionCode, c.id) }).where(and(eq(complaints.regionCode, region.code), eq(complaints.id, c.id))).returning();
    await tx.insert(complaintEvents).values({
      regionCode: region.code, complaintId: c.id, at: now, kind: event.kind, actorUserId: actor.userId, actorLabel: actor.name,
      public: event.public, message: event.message, detail: event.detail ?? {},
    });
    await audit(tx, now, actor, region.code, `complaint.${cmd.action}`, 'complaint', c.id, { from: c.status, to });
    if (notifyUnit) await notifyUnitStaff(tx, now, region, notifyUnit, c.trackingCode, c.id);
    if (event.public && event.kind !== 'acknowledged' && to !== c.status || cmd.action === 'respond') {
      await emailReporter(tx, ctx, now, region, c, to, event.message, to === 'resolved' ? windowNote('resolved', region, now) : undefined);
    }
    await restateStats(tx, c, after);
    return to;
  });
}

/** Citizen actions, proven by the tracking code and the reporter's key (their receipt). */
export async function citizenAction(ctx: AppContext, region: Region, trackingCode: string, reporterKey: string, cmd: CitizenCommand): Promise<Status> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [found] = await tx.select({ id: complaints.id }).from(complaints).where(and(eq(complaints.regionCode, region.code), eq(complaints.trackingCode, trackingCode)));
    if (!found) throw new AppError('complaint.not_found');
    const c = await lockComplaint(tx, region.code, found.id);
    if (!matchesHash(reporterKey, c.reporterKeyHash)) throw new AppError('complaint.not_reporter');
    const to = nextStatus(c.status as Status, cmd.action);
    if (!to) throw new AppError('complaint.invalid_transition', { status: c.status, action: cmd.action });
    const windowEnds = citizenWindowEnd(c.resolvedAt, region.settings.complaints.reopenWindowDays);
    if (!windowEnds || now > windowEnds) throw new AppError('complaint.reopen_window_closed');
    let after: ComplaintRow;
    if (cmd.action === 'rate') {
      [after] = await tx.update(complaints).set({ status: to, rating: cmd.rating, ratingComment: cmd.comment ?? null, closedAt: now, updatedAt: now })
        .where(and(eq(complaints.regionCode, region.code), eq(complaints.id, c.id))).returning();
    } else {
      await startDeadlines(tx, region, c.id, c.categoryId, ['response', 'resolution'], now);
      // Back to work: a rating given to the answer stays in the timeline (the 'rated' event), not on the reopened complaint.
      [after] = await tx.update(complaints).set({
        status: to, resolvedAt: null, resolvedInTime: null, closedAt: null, rating: null, ratingComment: null,
        reopenCount: c.reopenCount + 1, acknowledgedAt: null, updatedAt: now, nextDueAt: nextDueSql(c.regionCode, c.id),
      }).where(and(eq(complaints.regionCode, region.code), eq(complaints.id, c.id))).returning();
      if (c.unitId) await notifyUnitStaff(tx, now, region, c.unitId, c.trackingCode, c.id);
    }
    if (cmd.action === 'rate') await emailReporter(tx, ctx, now, region, c, to, null, windowNote('rated', region, c.resolvedAt!));
    await tx.insert(complaintEvents).values({
      regionCode: region.code, complaintId: c.id, at: now, kind: cmd.action === 'rate' ? 'rated' : 'reopened', actorUserId: null,
      actorLabel: 'pelapor', public: true, message: cmd.action === 'rate' ? (cmd.comment ?? null) : cmd.reason,
      detail: cmd.action === 'rate' ? { rating: cmd.rating } : {},
    });
    await restateStats(tx, c, after);
    return to;
  });
}

/** Categories are per region: the same code at the other level, else its first category. */
async function matchingCategory(tx: Queryable, categoryId: string, fromRegion: string, toRegion: string): Promise<string> {
  const [from] = await tx.select({ code: categories.code }).from(categories).where(and(eq(categories.regionCode, fromRegion), eq(categories.id, categoryId)));
  const candidates = await tx.select({ id: categories.id, code: categories.code }).from(categories)
    .where(and(eq(categories.regionCode, toRegion), eq(categories.active, true))).orderBy(categories.code);
  const match = candidates.find((k) => k.code === from?.code) ?? candidates[0];
  if (!match) throw new AppError('complaint.transfer_target_invalid');
  return match.id;
}

async function transferTarget(tx: Queryable, region: Region, code: string): Promise<Region> {
  const target = await findRegion(tx, code);
  // Between a regency/city and its own province, in either direction.
  const related = target && (target.code === region.parentCode || target.parentCode === region.code);
  if (!target || !related) throw new AppError('complaint.transfer_target_invalid');
  return target;
}

/**
 * The transfer's letter (pelimpahan), when the region keeps a letter register:
 * numbered and filed as the region's outgoing letter and delivered to the
 * receiving region's register, in the transfer's transaction.
 */
async function writeTransferLetter(tx: Queryable, ctx: AppContext, region: Region, target: Region, actor: Actor, c: ComplaintRow, toTrackingCode: string, note: string, now: Date) {
  const book = letterBook();
  if (!book) return;
  const [category] = await tx.select({ name: categories.nameId }).from(categories).where(and(eq(categories.regionCode, region.code), eq(categories.id, c.categoryId)));
  const facts = {
    fromTrackingCode: c.trackingCode, toTrackingCode, category: category?.name ?? '-', receivedOn: localDateOf(c.submittedAt, calendarOf(region, [])),
    fromRegion: governmentName(region), toRegion: governmentName(target), note,
  };
  await book.write(tx, {
    regionCode: region.code, unitId: null, classificationCode: TRANSFER_CLASSIFICATION, documentTypeCode: TRANSFER_DOCUMENT_TYPE, security: 'biasa',
    origin: 'complaints', externalRef: `complaints:transfer:${c.id}`, subject: transferSubject(facts), addressee: facts.toRegion,
    summary: `Pengaduan ${c.trackingCode} dilimpahkan kepada ${facts.toRegion} (${toTrackingCode}).`, paragraphs: transferParagraphs(facts),
    deliverTo: target.code, publicUrl: ctx.config.publicUrl, at: now, by: { userId: actor.userId, label: actorLabel(actor) },
  });
}

async function notifyUnitStaff(tx: Tx | Queryable, now: Date, region: Region, unitId: string, trackingCode: string, complaintId: string) {
  await notifyStaff(tx, now, {
    regionCode: region.code, roles: ['officer', 'unit_head'], unitId, template: newForUnit, data: { code: trackingCode },
    link: `/staff/${region.code}/complaints/${complaintId}`, email: false,
  });
}

/** A time as the region reads it, for emails: "16 November 2026 pukul 09.00 WIB". */
function regionTime(at: Date, region: Region, locale: 'id' | 'en'): string {
  const format = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { timeZone: region.timezone, dateStyle: 'long', timeStyle: 'short' });
  return `${format.format(at)} ${region.timezoneLabel}`;
}

/** What the reporter may still do after a resolution (or after rating it): the window is the same either way. */
function windowNote(after: 'resolved' | 'rated', region: Region, resolvedAt: Date): { id: string; en: string } {
  const until = citizenWindowEnd(resolvedAt, region.settings.complaints.reopenWindowDays)!;
  const [id, en] = [regionTime(until, region, 'id'), regionTime(until, region, 'en')];
  return after === 'resolved'
    ? {
        id: `Jika masalahnya belum selesai, Anda dapat membuka kembali laporan ini, atau memberi nilai atas jawabannya, sampai ${id} melalui tautan pada tanda terima Anda.`,
        en: `If the problem is not solved, you can reopen this report, or rate the answer, until ${en} from the link in your receipt.`,
      }
    : {
        id: `Terima kasih atas penilaian Anda. Anda masih dapat membuka kembali laporan ini sampai ${id} melalui tautan pada tanda terima Anda.`,
        en: `Thank you for your rating. You can still reopen this report until ${en} from the link in your receipt.`,
      };
}

async function emailReporter(
  tx: Queryable, ctx: AppContext, now: Date, region: Region, c: ComplaintRow, to: Status, message: string | null, note?: { id: string; en: string },
) {
  if (!c.reporterEmail) return;
  const link = `${ctx.config.publicUrl}/r/${region.code}/lacak/${c.trackingCode}`;
  const label = statusLabel[to];
  await enqueueEmail(tx, now, region.code, {
    to: c.reporterEmail,
    subject: `[${c.trackingCode}] ${label.id} / ${label.en}`,
    text: `Status pengaduan Anda kini: ${label.id}.${message ? `\n\n${message}` : ''}${note ? `\n\n${note.id}` : ''}\n\nLihat: ${link}\n\n---\n`
      + `Your complaint's status is now: ${label.en}.${note ? `\n\n${note.en}` : ''}\nSee: ${link}`,
  });
}

// Outgoing letters and memos (nota dinas): drafting from the document type's
// template, verification in tiers (paraf) with return-with-notes, and what a
// person on the letter reads of it. Signing and numbering are in signing.ts,
// sending in sending.ts. One transaction per use case, audit inside it.
import { and, asc, desc, eq, inArray, max, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors.js';
import { notifyInApp } from '../../../platform/notify/outbox.js';
import { findRegion } from '../../../platform/regions/service.js';
import { grants, units, users } from '../../../platform/schema.js';
import { bodyText, type LetterBody, type SecurityClass, type Urgency } from '../domain/letter.js';
import { afterApproval, editable, newRound, submittedStatus, type ReviewStatus } from '../domain/outgoing.js';
import { suratLetterPeople, suratLetters, suratRecipients, suratReviews } from '../schema.js';
import { actorLabel, addPeople, holdsIn, letterFor, openSql, UNIT_ROLES, unitIn, viewerOf, visibleSql, type LetterRow } from './access.js';
import { requireClassification, requireDocumentType } from './reference.js';
import { templateOf } from './settings.js';
import { fileOfLetter } from './records.js';

export type RecipientInput =
  | { role: 'to' | 'cc'; kind: 'unit'; unitId: string }
  | { role: 'to' | 'cc'; kind: 'region'; regionCode: string }
  | { role: 'to' | 'cc'; kind: 'email'; email: string; name: string };

export interface DraftInput {
  direction: 'outgoing' | 'memo';
  unitId: string;
  documentTypeCode: string;
  classificationCode: string;
  security: SecurityClass;
  urgency: Urgency;
  subject: string;
  /** Opening and closing left out are taken from the document type's template. */
  body: Omit<LetterBody, 'opening' | 'closing'> & { opening?: string; closing?: string };
  recipients: RecipientInput[];
  signerUserId: string;
  signerPosition: string;
  /** In the order they initial. */
  verifierUserIds: string[];
}

/** Who may sign a unit's letters: its signers and head, or the head of region. */
const SIGNER_ROLES = ['surat_signer', 'unit_head', 'head_of_region'];

async function personName(tx: Queryable, userId: string) {
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name ?? '';
}

/** Whether the person holds one of the roles in the region, in the unit (for unit roles) or region-wide. */
async function holds(tx: Queryable, regionCode: string, userId: string, roles: string[], unitId: string | null): Promise<boolean> {
  const [row] = await tx.select({ one: sql`1` }).from(grants).where(and(
    eq(grants.regionCode, regionCode), eq(grants.userId, userId), inArray(grants.role, roles),
    unitId ? or(eq(grants.unitId, unitId), sql`${grants.unitId} is null`) : undefined,
  )).limit(1);
  return Boolean(row);
}

/** The recipients as rows, each checked: a unit of the region, another region on this installation, or an email address (a memo: units only). */
async function recipientRows(tx: Queryable, regionCode: string, direction: DraftInput['direction'], input: RecipientInput[]) {
  if (!input.some((r) => r.role === 'to')) throw new AppError('surat.no_recipient');
  const rows = [];
  for (const [position, r] of input.entries()) {
    if (direction === 'memo' && r.kind !== 'unit') throw new AppError('surat.memo_internal');
    if (r.kind === 'unit') {
      const unit = await unitIn(tx, regionCode, r.unitId);
      rows.push({ role: r.role, kind: r.kind, unitId: unit.id, name: unit.name, position });
    } else if (r.kind === 'region') {
      const region = r.regionCode === regionCode ? null : await findRegion(tx, r.regionCode);
      if (!region) throw new AppError('surat.region_not_found');
      rows.push({ role: r.role, kind: r.kind, targetRegionCode: region.code, name: region.name, position });
    } else {
      rows.push({ role: r.role, kind: r.kind, email: r.email, name: r.name, position });
    }
  }
  return rows;
}

/** Checks the signer and verifiers and gives the letter's columns and people for them. */
async function checkPeople(tx: Queryable, regionCode: string, input: DraftInput) {
  if (!(await holds(tx, regionCode, input.signerUserId, SIGNER_ROLES, input.unitId))) throw new AppError('surat.signer_not_allowed');
  for (const v of input.verifierUserIds) {
    if (!(await holds(tx, regionCode, v, ['surat_verifier'], null))) throw new AppError('surat.verifier_not_allowed');
  }
  return { signerUserId: input.signerUserId, signerName: await personName(tx, input.signerUserId), signerPosition: input.signerPosition };
}

/** The drafter must hold a correspondence role in the unit the letter is drafted for. */
function ensureDrafterIn(actor: Actor, regionCode: string, unitId: string) {
  if (!holdsIn(actor, regionCode, unitId, [...UNIT_ROLES])) throw new AppError('surat.unit_not_yours');
}

/**
 * The round a submission will start: the one after the last round anyone
 * acted in. Its reviews are written while drafting, all `waiting`, so the
 * verifiers' order is kept with the draft; submitting makes the first pending.
 */
async function plannedRound(tx: Queryable, regionCode: string, letterId: string): Promise<number> {
  const [row] = await tx.select({ round: max(suratReviews.round) }).from(suratReviews)
    .where(and(eq(suratReviews.regionCode, regionCode), eq(suratReviews.letterId, letterId), sql`${suratReviews.status} <> 'waiting'`));
  return (row?.round ?? 0) + 1;
}

async function writeDraftParts(tx: Tx, regionCode: string, letterId: string, input: DraftInput, recipients: Awaited<ReturnType<typeof recipientRows>>, now: Date) {
  await tx.delete(suratRecipients).where(and(eq(suratRecipients.regionCode, regionCode), eq(suratRecipients.letterId, letterId)));
  await tx.insert(suratRecipients).values(recipients.map((r) => ({ regionCode, letterId, ...r })));
  const round = await plannedRound(tx, regionCode, letterId);
  await tx.delete(suratReviews).where(and(eq(suratReviews.regionCode, regionCode), eq(suratReviews.letterId, letterId), sql`${suratReviews.round} >= ${round}`));
  for (const r of newRound(input.verifierUserIds)) {
    await tx.insert(suratReviews).values({ regionCode, letterId, round, ...r, status: 'waiting', verifierLabel: await personName(tx, r.verifierUserId) });
  }
  // The verifiers and signer named now are the letter's; those replaced by an edit are no longer on it.
  await tx.delete(suratLetterPeople).where(and(eq(suratLetterPeople.regionCode, regionCode), eq(suratLetterPeople.letterId, letterId), inArray(suratLetterPeople.reason, ['verifier', 'signer'])));
  await addPeople(tx, regionCode, letterId, [
    ...input.verifierUserIds.map((userId) => ({ userId, reason: 'verifier' as const })),
    { userId: input.signerUserId, reason: 'signer' as const },
  ], now);
}

/** The letter's own columns from a draft's input (opening and closing from the template where left out). */
async function draftColumns(tx: Queryable, regionCode: string, input: DraftInput) {
  const type = await requireDocumentType(tx, input.documentTypeCode);
  await requireClassification(tx, input.classificationCode);
  const template = await templateOf(tx, regionCode, type);
  const body: LetterBody = { ...input.body, opening: input.body.opening ?? template.opening, closing: input.body.closing ?? template.closing };
  return {
    direction: input.direction, unitId: input.unitId, documentTypeCode: type.code, classificationCode: input.classificationCode,
    security: input.security, urgency: input.urgency, subject: input.subject, body, contentText: bodyText(body),
  };
}

export async function createDraft(ctx: AppContext, regionCode: string, actor: Actor, input: DraftInput): Promise<{ id: string }> {
  ensureDrafterIn(actor, regionCode, input.unitId);
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await unitIn(tx, regionCode, input.unitId);
    const columns = await draftColumns(tx, regionCode, input);
    const recipients = await recipientRows(tx, regionCode, input.direction, input.recipients);
    const signer = await checkPeople(tx, regionCode, input);
    const [letter] = await tx.insert(suratLetters).values({
      regionCode, ...columns, ...signer, status: 'draft', senderName: '', createdAt: now, createdBy: actor.userId, createdByLabel: actorLabel(actor), updatedAt: now,
    }).returning({ id: suratLetters.id });
    await addPeople(tx, regionCode, letter.id, [{ userId: actor.userId!, reason: 'drafter' }], now);
    await writeDraftParts(tx, regionCode, letter.id, input, recipients, now);
    await audit(tx, now, actor, regionCode, 'surat.draft_create', 'letter', letter.id, { direction: input.direction, documentType: columns.documentTypeCode });
    return letter;
  });
}

/** The drafter's own draft (or one returned to them), locked for the change. */
async function ownDraft(tx: Tx, regionCode: string, actor: Actor, letterId: string) {
  const { letter } = await letterFor(tx, viewerOf(actor, regionCode), letterId, 'open', true);
  if (letter.direction === 'incoming') throw new AppError('surat.wrong_direction');
  if (letter.createdBy !== actor.userId) throw new AppError('surat.not_drafter');
  if (!editable(letter.status)) throw new AppError('surat.not_draft');
  return letter;
}

export async function updateDraft(ctx: AppContext, regionCode: string, actor: Actor, letterId: string, input: DraftInput): Promise<void> {
  ensureDrafterIn(actor, regionCode, input.unitId);
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const before = await ownDraft(tx, regionCode, actor, letterId);
    await unitIn(tx, regionCode, input.unitId);
    const columns = await draftColumns(tx, regionCode, input);
    const recipients = await recipientRows(tx, regionCode, input.direction, input.recipients);
    const signer = await checkPeople(tx, regionCode, input);
    await tx.update(suratLetters).set({ ...columns, ...signer, updatedAt: now }).where(and(eq(suratLetters.regionCode, regionCode), eq(suratLetters.id, letterId)));
    await writeDraftParts(tx, regionCode, letterId, input, recipients, now);
    const was = { subject: before.subject, classificationCode: before.classificationCode, security: before.security, urgency: before.urgency, documentTypeCode: before.documentTypeCode, signerUserId: before.signerUserId };
    const is = { subject: columns.subject, classificationCode: columns.classificationCode, security: columns.security, urgency: columns.urgency, documentTypeCode: columns.documentTypeCode, signerUserId: signer.signerUserId };
    await audit(tx, now, actor, regionCode, 'surat.draft_update', 'letter', letterId, {}, changedFields(was, is));
  });
}

/** The verifiers of the latest round (planned or acted), in order. */
async function verifiersOf(tx: Queryable, regionCode: string, letterId: string): Promise<string[]> {
  const r = suratReviews;
  const rows = await tx.select({ userId: r.verifierUserId }).from(r)
    .where(and(eq(r.regionCode, regionCode), eq(r.letterId, letterId), sql`${r.round} = (select max(round) from ${r} x where x.region_code = ${regionCode} and x.letter_id = ${letterId}::uuid)`))
    .orderBy(asc(r.step));
  return rows.map((x) => x.userId);
}

const notice = (id: string, en: string) => ({ id, en });
const letterLink = (regionCode: string, letterId: string) => `/staff/${regionCode}/surat/outgoing/${letterId}`;

/** Submits a draft (again, after a return: a new round) to its first verifier, or to its signer when it has none. */
export async function submit(ctx: AppContext, regionCode: string, actor: Actor, letterId: string): Promise<{ status: string; round: number }> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const letter = await ownDraft(tx, regionCode, actor, letterId);
    const round = await plannedRound(tx, regionCode, letterId);
    const [first] = await tx.update(suratReviews).set({ status: 'pending' })
      .where(and(eq(suratReviews.regionCode, regionCode), eq(suratReviews.letterId, letterId), eq(suratReviews.round, round), eq(suratReviews.step, 1)))
      .returning({ userId: suratReviews.verifierUserId });
    const status = submittedStatus(first ? 1 : 0);
    await tx.update(suratLetters).set({ status, updatedAt: now }).where(and(eq(suratLetters.regionCode, regionCode), eq(suratLetters.id, letterId)));
    await notifyInApp(tx, now, regionCode, [first?.userId ?? letter.signerUserId!],
      first ? notice('Naskah menunggu paraf Anda', 'A letter awaits your initials') : notice('Naskah menunggu tanda tangan Anda', 'A letter awaits your signature'),
      notice(letter.subject, letter.subject), letterLink(regionCode, letterId));
    await audit(tx, now, actor, regionCode, 'surat.draft_submit', 'letter', letterId, { round });
    return { status, round };
  });
}

/**
 * The current tier's verifier initials (the next tier's turn, or the signer's
 * after the last) or returns the letter to its drafter with notes (the round ends).
 */
export async function review(ctx: AppContext, regionCode: string, actor: Actor, letterId: string, action: 'approve' | 'return', note: string | undefined): Promise<{ status: string }> {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const { letter } = await letterFor(tx, viewerOf(actor, regionCode), letterId, 'open', true);
    if (letter.direction === 'incoming') throw new AppError('surat.wrong_direction');
    const r = suratReviews;
    const [current] = letter.status === 'verifying'
      ? await tx.select().from(r).where(and(eq(r.regionCode, regionCode), eq(r.letterId, letterId), eq(r.status, 'pending')))
      : [];
    if (!current || current.verifierUserId !== actor.userId) throw new AppError('surat.review_not_yours');
    const [{ steps }] = await tx.select({ steps: sql<number>`count(*)::int` }).from(r).where(and(eq(r.regionCode, regionCode), eq(r.letterId, letterId), eq(r.round, current.round)));
    const at = (step: number) => and(eq(r.regionCode, regionCode), eq(r.letterId, letterId), eq(r.round, current.round), eq(r.step, step));
    await tx.update(r).set({ status: action === 'approve' ? 'approved' : 'returned', note: note ?? null, actedAt: now }).where(at(current.step));
    let status: string = letter.status;
    if (action === 'return') {
      status = 'returned';
      await notifyInApp(tx, now, regionCode, [letter.createdBy!], notice('Naskah dikembalikan dengan catatan', 'A letter was returned with notes'), notice(note ?? '', note ?? ''), letterLink(regionCode, letterId));
    } else {
      const next = afterApproval(steps, current.step);
      if (next === 'to_sign') {
        status = 'to_sign';
        await notifyInApp(tx, now, regionCode, [letter.signerUserId!], notice('Naskah menunggu tanda tangan Anda', 'A letter awaits your signature'), notice(letter.subject, letter.subject), letterLink(regionCode, letterId));
      } else {
        const [nextReview] = await tx.update(r).set({ status: 'pending' }).where(at(next.next)).returning({ userId: r.verifierUserId });
        await notifyInApp(tx, now, regionCode, [nextReview.userId], notice('Naskah menunggu paraf Anda', 'A letter awaits your initials'), notice(letter.subject, letter.subject), letterLink(regionCode, letterId));
      }
    }
    if (status !== letter.status) await tx.update(suratLetters).set({ status, updatedAt: now }).where(and(eq(suratLetters.regionCode, regionCode), eq(suratLetters.id, letterId)));
    await audit(tx, now, actor, regionCode, action === 'approve' ? 'surat.review_approve' : 'surat.review_return', 'letter', letterId, { round: current.round, step: current.step, ...(note ? { note } : {}) });
    return { status };
  });
}

/** An outgoing letter as a person who may open it reads it: its fields, recipients and every round of verification. */
export async function outgoingLetter(ctx: AppContext, regionCode: string, actor: Actor, letterId: string) {
  const db = ctx.database.db;
  const { letter } = await letterFor(db, viewerOf(actor, regionCode), letterId, 'open');
  if (letter.direction === 'incoming') throw new AppError('surat.wrong_direction');
  return outgoingView(db, letter);
}

export async function outgoingView(db: Queryable, letter: LetterRow) {
  const { regionCode, id } = letter;
  const recipients = await db.select({
    role: suratRecipients.role, kind: suratRecipients.kind, unitId: suratRecipients.unitId, regionCode: suratRecipients.targetRegionCode,
    email: suratRecipients.email, name: suratRecipients.name, deliveredAt: suratRecipients.deliveredAt,
  }).from(suratRecipients).where(and(eq(suratRecipients.regionCode, regionCode), eq(suratRecipients.letterId, id))).orderBy(asc(suratRecipients.position));
  const reviews = await db.select({
    round: suratReviews.round, step: suratReviews.step, verifierUserId: suratReviews.verifierUserId, verifier: suratReviews.verifierLabel,
    status: suratReviews.status, note: suratReviews.note, actedAt: suratReviews.actedAt,
  }).from(suratReviews).where(and(eq(suratReviews.regionCode, regionCode), eq(suratReviews.letterId, id))).orderBy(asc(suratReviews.round), asc(suratReviews.step));
  const verifiers = await verifiersOf(db, regionCode, id);
  const [unit] = await db.select({ name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, letter.unitId)));
  const file = await fileOfLetter(db, regionCode, letter.fileId);
  return {
    id, direction: letter.direction as 'outgoing' | 'memo', status: letter.status, unitId: letter.unitId, unit: unit?.name ?? '',
    documentTypeCode: letter.documentTypeCode!, classificationCode: letter.classificationCode, security: letter.security, urgency: letter.urgency,
    subject: letter.subject, body: letter.body!, number: letter.number, letterDate: letter.letterDate,
    signerUserId: letter.signerUserId, signerName: letter.signerName ?? '', signerPosition: letter.signerPosition ?? '',
    signMethod: letter.signMethod as 'electronic' | 'paper' | null, signedAt: letter.signedAt, sha256: letter.sha256,
    verifierUserIds: verifiers, origin: letter.origin, revoked: letter.revokedAt ? { at: letter.revokedAt, reason: letter.revokeReason ?? '' } : null, recipients, reviews: reviews.map((r) => ({ ...r, status: r.status as ReviewStatus })), file, createdBy: letter.createdByLabel, drafterUserId: letter.createdBy, createdAt: letter.createdAt, updatedAt: letter.updatedAt,
  };
}

/**
 * The outgoing boxes of the home counts: `mine`, what I drafted and is not
 * signed yet (drafts and returned ones first); `to_verify`, waiting for my
 * initials; `to_sign`, waiting for my signature; `signed`, signed letters
 * and memos I may see, those not sent yet first. The first three hold only
 * letters I am on (so I open them); `signed` shows a letter I may only see
 * exists without its subject, as every register does.
 */
export type OutgoingBox = 'mine' | 'to_verify' | 'to_sign' | 'signed';

export async function outgoingBox(ctx: AppContext, regionCode: string, actor: Actor, box: OutgoingBox, limit: number, offset: number) {
  const viewer = viewerOf(actor, regionCode);
  const l = suratLetters;
  const me = sql`${viewer.userId}::uuid`;
  const which: Record<OutgoingBox, { where: SQL; first?: SQL }> = {
    mine: { where: sql`${l.createdBy} = ${me} and ${l.status} in ('draft', 'returned', 'verifying', 'to_sign')`, first: sql`${l.status} in ('draft', 'returned')` },
    to_verify: {
      where: sql`${l.status} = 'verifying' and exists (select 1 from ${suratReviews} r where r.region_code = ${l.regionCode} and r.letter_id = ${l.id} and r.verifier_user_id = ${me} and r.status = 'pending')`,
    },
    to_sign: { where: sql`${l.status} = 'to_sign' and ${l.signerUserId} = ${me}` },
    signed: { where: and(inArray(l.status, ['signed', 'sent']), visibleSql(viewer))!, first: sql`${l.status} = 'signed'` },
  };
  const opened = openSql(viewer);
  const rows = await ctx.database.db.select({
    id: l.id, direction: l.direction, status: l.status, unitId: l.unitId, unitName: units.name, number: l.number, letterDate: l.letterDate,
    security: l.security, urgency: l.urgency, signMethod: l.signMethod, updatedAt: l.updatedAt, open: sql<boolean>`${opened}`,
    subject: sql<string | null>`case when ${opened} then ${l.subject} end`,
  }).from(l).innerJoin(units, and(eq(units.regionCode, l.regionCode), eq(units.id, l.unitId)))
    .where(and(eq(l.regionCode, regionCode), inArray(l.direction, ['outgoing', 'memo']), which[box].where))
    .orderBy(...(which[box].first ? [desc(which[box].first)] : []), desc(l.updatedAt), desc(l.id)).limit(limit + 1).offset(offset);
  return {
    items: rows.slice(0, limit).map(({ open, ...r }) => ({ ...r, direction: r.direction as 'outgoing' | 'memo', signMethod: r.signMethod as 'electronic' | 'paper' | null, access: open ? 'open' as const : 'exists' as const })),
    hasMore: rows.length > limit,
  };
}

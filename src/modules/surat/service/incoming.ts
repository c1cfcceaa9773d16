// Incoming letters: registration by a unit's records clerk (agenda number per
// unit and local year, the scanned PDF), distribution to the leader, the
// letter's page (opening it marks it read for the person), its files.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { checkUploads, type Upload } from '../../../platform/files.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { calendarOf } from '../../../platform/calendar/region.js';
import { getRegion } from '../../../platform/regions/service.js';
import { counter } from '../../../platform/db/counters.js';
import { notifyPeople } from '../../../platform/notify/staff.js';
import { grants, units, users } from '../../../platform/schema.js';
import type { SecurityClass, Urgency } from '../domain/letter.js';
import { letterDistributed } from '../domain/notices.js';
import { pdfsText } from './pdf-text.js';
import { suratAttachments, suratDispositionNotes, suratDispositions, suratLetterPeople, suratLetters, suratNumberCounters } from '../schema.js';
import { actorLabel, addPeople, holdsIn, letterFor, unitIn, viewerOf, type Viewer } from './access.js';
import { requireClassification, requireDocumentType } from './reference.js';
import { fileOfLetter } from './records.js';
import { dispositionTree } from '../domain/disposition.js';

/** A scanned letter or attachment: a PDF by its content, at most 20 MB, five per request. */
export const scanPolicy = { types: ['application/pdf'], maxBytes: 20 * 1024 * 1024, maxFiles: 5, typeError: 'surat.not_pdf' } as const;

/** Who may receive a letter as its leader: the unit's leaders and head, or the head of region. */
export const LEADER_ROLES = ['surat_leader', 'unit_head', 'head_of_region'];

export interface IncomingInput {
  unitId: string;
  documentTypeCode?: string | null;
  number: string;
  letterDate: string;
  senderName: string;
  subject: string;
  summary: string;
  classificationCode: string;
  security: SecurityClass;
  urgency: Urgency;
}

/** The region's local date at an instant. */
export async function localDate(db: Queryable, regionCode: string, at: Date): Promise<string> {
  return localDateOf(at, calendarOf(await getRegion(db, regionCode), []));
}

/**
 * The next agenda number of a unit's register in a year: one counter row per
 * unit and year, incremented in the registering transaction (the row lock
 * makes concurrent registrations wait), so agenda numbers never skip or repeat.
 */
export async function nextAgendaNumber(tx: Queryable, regionCode: string, unitId: string, year: number): Promise<number> {
  return counter(tx, suratNumberCounters, { regionCode, series: `agenda:${unitId}`, year }).next();
}

/** Stores checked PDFs as a letter's files. */
export async function storeScans(tx: Queryable, regionCode: string, letterId: string, files: { fileName: string; data: Buffer; contentType: string }[], by: string | null, now: Date) {
  if (files.length === 0) return;
  await tx.insert(suratAttachments).values(files.map((f) => ({
    regionCode, letterId, fileName: f.fileName, contentType: f.contentType, size: f.data.length, data: f.data, sha256: createHash('sha256').update(f.data).digest('hex'), uploadedAt: now, uploadedBy: by,
  })));
}

/** A clerk registers a letter that arrived at their unit: the next agenda number, its scans, and the clerk on the letter. */
export async function registerIncoming(ctx: AppContext, regionCode: string, actor: Actor, input: IncomingInput, uploads: Upload[]) {
  if (!holdsIn(actor, regionCode, input.unitId, ['surat_clerk'])) throw new AppError('surat.unit_not_yours');
  const files = await checkUploads(uploads, scanPolicy);
  const contentText = await pdfsText(files); // read before the transaction: it holds no lock while PDF.js works
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    await unitIn(tx, regionCode, input.unitId);
    await requireClassification(tx, input.classificationCode);
    if (input.documentTypeCode) await requireDocumentType(tx, input.documentTypeCode);
    const year = Number((await localDate(tx, regionCode, now)).slice(0, 4));
    const agendaNumber = await nextAgendaNumber(tx, regionCode, input.unitId, year);
    const [letter] = await tx.insert(suratLetters).values({
      regionCode, direction: 'incoming', unitId: input.unitId, documentTypeCode: input.documentTypeCode ?? null, agendaYear: year, agendaNumber,
      number: input.number, letterDate: input.letterDate, receivedAt: now, senderName: input.senderName, subject: input.subject, summary: input.summary,
      classificationCode: input.classificationCode, security: input.security, urgency: input.urgency, status: 'registered', contentText,
      createdAt: now, createdBy: actor.userId, createdByLabel: actorLabel(actor), updatedAt: now,
    }).returning({ id: suratLetters.id });
    await storeScans(tx, regionCode, letter.id, files, actor.userId, now);
    await addPeople(tx, regionCode, letter.id, [{ userId: actor.userId!, reason: 'registrar' }], now);
    await audit(tx, now, actor, regionCode, 'surat.incoming_register', 'surat_letter', letter.id, { agenda: `${agendaNumber}/${year}`, number: input.number, files: files.length });
    return { id: letter.id, agendaNumber, agendaYear: year };
  });
}

/** People of the region holding one of the roles (in the unit, for unit roles; region-wide roles anywhere). */
async function holdersAmong(tx: Queryable, regionCode: string, userIds: string[], roles: string[], unitId: string | null) {
  const rows = await tx.selectDistinct({ id: grants.userId }).from(grants)
    .where(and(eq(grants.regionCode, regionCode), inArray(grants.userId, userIds), inArray(grants.role, roles),
      unitId ? sql`(${grants.unitId} is null or ${grants.unitId} = ${unitId})` : undefined));
  return new Set(rows.map((r) => r.id));
}

/** Whether every named person holds one of the roles; the stable error names nobody (ids of another region's people are not confirmed). */
export async function requireHolders(tx: Queryable, regionCode: string, userIds: string[], roles: string[], unitId: string | null) {
  const held = await holdersAmong(tx, regionCode, userIds, roles, unitId);
  if (userIds.some((id) => !held.has(id))) throw new AppError('surat.person_not_found');
}

/** The clerk hands a registered letter to its unit's leader(s) (or the head of region), who are told. */
export async function distribute(ctx: AppContext, regionCode: string, actor: Actor, letterId: string, leaderIds: string[]) {
  const viewer = viewerOf(actor, regionCode);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { letter } = await letterFor(tx, viewer, letterId, 'open', true);
    if (letter.direction !== 'incoming') throw new AppError('surat.wrong_direction');
    if (!holdsIn(actor, regionCode, letter.unitId, ['surat_clerk'])) throw new AppError('surat.unit_not_yours');
    if (letter.status !== 'registered') throw new AppError('surat.already_distributed');
    const leaders = [...new Set(leaderIds)];
    await requireHolders(tx, regionCode, leaders, LEADER_ROLES, letter.unitId);
    await tx.update(suratLetters).set({ status: 'distributed', updatedAt: now }).where(and(eq(suratLetters.regionCode, regionCode), eq(suratLetters.id, letterId)));
    await addPeople(tx, regionCode, letterId, leaders.map((userId) => ({ userId, reason: 'leader' as const })), now);
    await notifyPeople(tx, now, leaders, {
      regionCode, template: letterDistributed, data: { subject: letter.subject, sender: letter.senderName, agenda: `${letter.agendaNumber}/${letter.agendaYear}` },
      link: `/staff/${regionCode}/surat/naskah/${letterId}`, email: { publicUrl: ctx.config.publicUrl },
    });
    await audit(tx, now, actor, regionCode, 'surat.distribute', 'surat_letter', letterId, { leaders: leaders.length });
  });
}

/** The names of people, by id. */
async function namesOf(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Marks a letter (and the dispositions of it addressed to the viewer) read, as opening it in SRIKANDI does. */
async function markRead(tx: Tx, v: Viewer, letterId: string, now: Date) {
  await tx.update(suratLetterPeople).set({ readAt: now })
    .where(and(eq(suratLetterPeople.regionCode, v.regionCode), eq(suratLetterPeople.letterId, letterId), eq(suratLetterPeople.userId, v.userId), isNull(suratLetterPeople.readAt)));
  await tx.update(suratDispositions).set({ status: 'in_progress', readAt: now })
    .where(and(eq(suratDispositions.regionCode, v.regionCode), eq(suratDispositions.letterId, letterId), eq(suratDispositions.toUserId, v.userId), eq(suratDispositions.status, 'unread')));
}

/**
 * One letter as the viewer may see it: everything when they may open it
 * (files, the people on it, the disposition tree with notes and reports),
 * else only that it exists (agenda, number, date, class). Opening it marks it
 * read for them.
 */
export async function letterDetail(ctx: AppContext, regionCode: string, actor: Actor, letterId: string) {
  const viewer = viewerOf(actor, regionCode);
  return ctx.database.db.transaction(async (tx) => {
    const { letter, access, standing } = await letterFor(tx, viewer, letterId, 'exists');
    const [unit] = await tx.select({ name: units.name, code: units.code }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, letter.unitId)));
    const base = {
      id: letter.id, direction: letter.direction, unit: { id: letter.unitId, name: unit.name, code: unit.code }, agendaNumber: letter.agendaNumber, agendaYear: letter.agendaYear,
      number: letter.number, letterDate: letter.letterDate, receivedAt: letter.receivedAt, security: letter.security, urgency: letter.urgency, status: letter.status,
      classificationCode: letter.classificationCode, access,
    };
    if (access !== 'open') return { ...base, subject: null, senderName: null, summary: null, documentTypeCode: null, file: null, attachments: [], people: [], dispositions: [] };
    if (standing === 'party') await markRead(tx, viewer, letterId, ctx.clock.now());
    const files = await tx.select({ id: suratAttachments.id, fileName: suratAttachments.fileName, size: suratAttachments.size, sha256: suratAttachments.sha256 })
      .from(suratAttachments).where(and(eq(suratAttachments.regionCode, regionCode), eq(suratAttachments.letterId, letterId))).orderBy(asc(suratAttachments.uploadedAt));
    const people = await tx.select({ userId: suratLetterPeople.userId, reason: suratLetterPeople.reason, readAt: suratLetterPeople.readAt }).from(suratLetterPeople)
      .where(and(eq(suratLetterPeople.regionCode, regionCode), eq(suratLetterPeople.letterId, letterId))).orderBy(asc(suratLetterPeople.addedAt));
    const dispositions = await tx.select().from(suratDispositions).where(and(eq(suratDispositions.regionCode, regionCode), eq(suratDispositions.letterId, letterId))).orderBy(asc(suratDispositions.createdAt));
    const notes = dispositions.length
      ? await tx.select().from(suratDispositionNotes).where(and(eq(suratDispositionNotes.regionCode, regionCode), inArray(suratDispositionNotes.dispositionId, dispositions.map((d) => d.id)))).orderBy(asc(suratDispositionNotes.at))
      : [];
    const names = await namesOf(tx, people.map((p) => p.userId));
    const file = await fileOfLetter(tx, regionCode, letter.fileId);
    const now = ctx.clock.now();
    const tree = dispositionTree(dispositions.map((d) => ({
      id: d.id, parentId: d.parentId, from: { userId: d.fromUserId, name: d.fromLabel }, to: { userId: d.toUserId, name: d.toLabel }, instruction: d.instruction, priority: d.priority,
      dueAt: d.dueAt, overdue: d.dueAt !== null && (d.status === 'unread' || d.status === 'in_progress') && d.dueAt < now, status: d.status,
      createdAt: d.createdAt, readAt: d.readAt, doneAt: d.doneAt, report: d.report,
      notes: notes.filter((n) => n.dispositionId === d.id).map((n) => ({ kind: n.kind, body: n.body, author: n.authorLabel, at: n.at })),
    })));
    return {
      ...base, subject: letter.subject, senderName: letter.senderName, summary: letter.summary, documentTypeCode: letter.documentTypeCode, file,
      attachments: files, people: people.map((p) => ({ ...p, name: names.get(p.userId) ?? '' })), dispositions: tree,
    };
  });
}

/** A file of a letter the viewer may open. */
export async function readAttachment(ctx: AppContext, regionCode: string, actor: Actor, letterId: string, attachmentId: string) {
  const viewer = viewerOf(actor, regionCode);
  const db = ctx.database.db;
  await letterFor(db, viewer, letterId, 'open');
  const [file] = await db.select({ fileName: suratAttachments.fileName, data: suratAttachments.data, contentType: suratAttachments.contentType }).from(suratAttachments)
    .where(and(eq(suratAttachments.regionCode, regionCode), eq(suratAttachments.letterId, letterId), eq(suratAttachments.id, attachmentId)));
  if (!file) throw new AppError('surat.attachment_not_found');
  return file;
}

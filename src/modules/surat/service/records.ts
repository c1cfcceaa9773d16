// Filing and retention: the region's retention schedule (JRA), files
// (berkas) of a unit under a classification code, closing a file (its
// periods fixed from the schedule), the files due at a date, and disposal
// proposals (transfer, destroy, keep permanently) decided by someone other
// than the proposer, with their minutes (berita acara). One transaction per
// use case, audited inside it.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { audit, auditMany } from '../../../platform/audit/audit.js';
import { rolesWith, unitsReached, type Actor } from '../../../platform/auth/policy.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { parseCsv } from '../../../platform/csv.js';
import { AppError } from '../../../platform/errors.js';
import type { Region } from '../../../platform/regions/service.js';
import { units } from '../../../platform/schema.js';
import { isXlsxNumber, readXlsx, type XlsxLimits } from '../../../platform/xlsx.js';
import {
  ancestorsOf, coveringRule, dueAt, FATE_LABEL, isUnder, mayTake, periodsOf, readSchedule, SCHEDULE_HEADER, statusAfter, type DisposalAction, type Fate,
} from '../domain/retention.js';
import { suratAttachments, suratClassifications, suratDisposals, suratFiles, suratLetters, suratRetention } from '../schema.js';
import { actorLabel, letterFor, unitIn, viewerOf, visibleSql } from './access.js';
import { disposalMinutes } from './minutes.js';
import { requireClassification } from './reference.js';

type RegionRef = Pick<Region, 'code' | 'name' | 'utcOffsetMinutes'>;
const today = (ctx: AppContext, region: RegionRef) => localDateOf(ctx.clock.now(), region);

// ---------------------------------------------------------------------------
// The retention schedule (JRA)

export interface RetentionInput { activeYears: number; inactiveYears: number; fate: Fate; note?: string }

export async function listRetention(db: Queryable, regionCode: string) {
  const r = suratRetention;
  return db.select({ classificationCode: r.classificationCode, name: suratClassifications.name, activeYears: r.activeYears, inactiveYears: r.inactiveYears, fate: sql<Fate>`${r.fate}`, note: r.note, updatedAt: r.updatedAt })
    .from(r).innerJoin(suratClassifications, eq(suratClassifications.code, r.classificationCode))
    .where(eq(r.regionCode, regionCode)).orderBy(asc(r.classificationCode));
}

/** Sets one row of the schedule (a new one, or a change); files already closed keep the periods they were given. */
export async function setRetention(ctx: AppContext, regionCode: string, actor: Actor, code: string, input: RetentionInput) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await requireClassification(tx, code);
    const key = and(eq(suratRetention.regionCode, regionCode), eq(suratRetention.classificationCode, code));
    const [before] = await tx.select().from(suratRetention).where(key).for('update');
    const row = { activeYears: input.activeYears, inactiveYears: input.inactiveYears, fate: input.fate, note: input.note ?? '' };
    await tx.insert(suratRetention).values({ regionCode, classificationCode: code, ...row, updatedAt: now })
      .onConflictDoUpdate({ target: [suratRetention.regionCode, suratRetention.classificationCode], set: { ...row, updatedAt: now } });
    await audit(tx, now, actor, regionCode, 'surat.retention_set', 'surat_retention', code, {},
      { before: before ? { activeYears: before.activeYears, inactiveYears: before.inactiveYears, fate: before.fate, note: before.note } : null, after: row });
    return { classificationCode: code, ...row };
  });
}

/** A schedule is a few hundred rows: far below these. */
const scheduleXlsxLimits: XlsxLimits = { maxEntries: 100, maxUnpackedBytes: 10 * 1024 * 1024, maxRows: 10_000, maxColumns: 30, tooLarge: 'surat.retention_invalid', unreadable: 'surat.retention_invalid' };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A schedule file as rows of text: an .xlsx (checked by content, first sheet) or else UTF-8 text read as CSV (comma or semicolon). */
async function scheduleRows(data: Buffer): Promise<string[][]> {
  const type = await fileTypeFromBuffer(data);
  if (type?.mime === XLSX_TYPE) {
    const [sheet] = await readXlsx(data, scheduleXlsxLimits);
    return (sheet?.rows ?? []).map((row) => row.map((c) => (c === null ? '' : isXlsxNumber(c) ? c.number : String(c))));
  }
  let text = '';
  try {
    if (type) throw new Error(type.mime);
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new AppError('surat.retention_invalid', { issues: ['berkas bukan CSV UTF-8 atau XLSX / not a UTF-8 CSV or an XLSX file'] });
  }
  if (text.includes('\u0000')) throw new AppError('surat.retention_invalid', { issues: ['berkas bukan CSV UTF-8 atau XLSX / not a UTF-8 CSV or an XLSX file'] });
  return parseCsv(text).rows;
}

/**
 * Replaces the region's whole schedule with a file's: every row valid (a
 * known, active classification code given once, whole years, a fate) or
 * nothing saved. Rows for codes the file leaves out are removed; files
 * already closed keep their periods.
 */
export async function importRetention(ctx: AppContext, regionCode: string, actor: Actor, data: Buffer) {
  const read = readSchedule(await scheduleRows(data));
  const issues = read.problems.map((p) => `baris ${p.row}: ${p.problem}`);
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (read.rows.length) {
      const known = new Set((await tx.select({ code: suratClassifications.code }).from(suratClassifications)
        .where(and(inArray(suratClassifications.code, read.rows.map((r) => r.classificationCode)), eq(suratClassifications.active, true)))).map((r) => r.code));
      for (const r of read.rows) if (!known.has(r.classificationCode)) issues.push(`baris ${r.row}: kode ${r.classificationCode} tidak ada dalam klasifikasi arsip / unknown classification code`);
    }
    if (issues.length) throw new AppError('surat.retention_invalid', { issues });
    const before = await tx.select({ code: suratRetention.classificationCode }).from(suratRetention).where(eq(suratRetention.regionCode, regionCode)).for('update');
    await tx.delete(suratRetention).where(eq(suratRetention.regionCode, regionCode));
    await tx.insert(suratRetention).values(read.rows.map((r) => ({
      regionCode, classificationCode: r.classificationCode, activeYears: r.activeYears, inactiveYears: r.inactiveYears, fate: r.fate, note: r.note, updatedAt: now,
    })));
    await audit(tx, now, actor, regionCode, 'surat.retention_set', 'surat_retention', regionCode, { imported: read.rows.length, replaced: before.length });
    return { rows: read.rows.length, removed: before.filter((b) => !read.rows.some((r) => r.classificationCode === b.code)).length };
  });
}

/** The schedule as an Excel workbook in the columns the import reads, so it can be edited and imported back. */
export async function exportRetention(db: Queryable, region: RegionRef) {
  const rows = await listRetention(db, region.code);
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const data = [
    [...SCHEDULE_HEADER.map(bold), bold('Nama klasifikasi')],
    ...rows.map((r) => [
      { value: r.classificationCode, type: String }, { value: r.activeYears, type: Number }, { value: r.inactiveYears, type: Number },
      { value: FATE_LABEL[r.fate], type: String }, { value: r.note, type: String }, { value: r.name, type: String },
    ]),
  ];
  const buffer = await writeXlsxFile(data as SheetData, { sheet: 'JRA', columns: [{ width: 18 }, { width: 14 }, { width: 14 }, { width: 24 }, { width: 40 }, { width: 60 }], stickyRowsCount: 1 }).toBuffer();
  return { fileName: `jra-${region.code}.xlsx`, data: buffer };
}

// ---------------------------------------------------------------------------
// Files (berkas)

/** The units whose files the actor keeps: null for every unit (the records manager), else the units where they are a clerk. */
const filingUnits = (actor: Actor, regionCode: string) => unitsReached(actor, regionCode, new Set(rolesWith('surat.file')));

function requireFilingUnit(actor: Actor, regionCode: string, unitId: string) {
  const reach = filingUnits(actor, regionCode);
  if (reach !== null && !reach.has(unitId)) throw new AppError('surat.unit_not_yours');
}

type FileRow = typeof suratFiles.$inferSelect;

/** A file of the region the actor keeps, else "not found" (another unit's file for a clerk, or another region's). */
async function fileFor(db: Queryable, actor: Actor, regionCode: string, fileId: string, lock = false): Promise<FileRow> {
  const q = db.select().from(suratFiles).where(and(eq(suratFiles.regionCode, regionCode), eq(suratFiles.id, fileId)));
  const [file] = lock ? await q.for('update') : await q;
  const reach = filingUnits(actor, regionCode);
  if (!file || (reach !== null && !reach.has(file.unitId))) throw new AppError('surat.file_not_found');
  return file;
}

const letterCount = sql<number>`(select count(*)::int from ${suratLetters} l where l.region_code = ${suratFiles.regionCode} and l.file_id = ${suratFiles.id})`;
const fileColumns = {
  id: suratFiles.id, unitId: suratFiles.unitId, unitName: units.name, classificationCode: suratFiles.classificationCode, title: suratFiles.title, description: suratFiles.description,
  status: suratFiles.status, openedOn: suratFiles.openedOn, closedOn: suratFiles.closedOn, activeUntil: suratFiles.activeUntil, inactiveUntil: suratFiles.inactiveUntil,
  fate: suratFiles.fate, letters: letterCount,
};
const withUnit = and(eq(units.regionCode, suratFiles.regionCode), eq(units.id, suratFiles.unitId));

export async function createFile(ctx: AppContext, region: RegionRef, actor: Actor, input: { unitId: string; classificationCode: string; title: string; description?: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await unitIn(tx, region.code, input.unitId);
    requireFilingUnit(actor, region.code, input.unitId);
    await requireClassification(tx, input.classificationCode);
    const [file] = await tx.insert(suratFiles).values({
      regionCode: region.code, unitId: input.unitId, classificationCode: input.classificationCode, title: input.title, description: input.description ?? '',
      status: 'open', openedOn: today(ctx, region), createdAt: now, createdBy: actor.userId, createdByLabel: actorLabel(actor),
    }).returning({ id: suratFiles.id });
    await audit(tx, now, actor, region.code, 'surat.file_create', 'surat_file', file.id, { unitId: input.unitId, classificationCode: input.classificationCode, title: input.title });
    return fileView(tx, region.code, file.id);
  });
}

async function fileView(db: Queryable, regionCode: string, fileId: string) {
  const [row] = await db.select(fileColumns).from(suratFiles).innerJoin(units, withUnit).where(and(eq(suratFiles.regionCode, regionCode), eq(suratFiles.id, fileId)));
  return row;
}

/** The files the actor keeps (one unit, or all they keep), newest first, each with its number of letters. */
export async function listFiles(db: Queryable, regionCode: string, actor: Actor, q: { unitId?: string; status?: string }) {
  const reach = filingUnits(actor, regionCode);
  if (q.unitId && reach !== null && !reach.has(q.unitId)) throw new AppError('surat.unit_not_yours');
  const unitsWanted = q.unitId ? [q.unitId] : reach === null ? null : [...reach];
  if (unitsWanted?.length === 0) return [];
  return db.select(fileColumns).from(suratFiles).innerJoin(units, withUnit)
    .where(and(eq(suratFiles.regionCode, regionCode), unitsWanted ? inArray(suratFiles.unitId, unitsWanted) : undefined, q.status ? eq(suratFiles.status, q.status) : undefined))
    .orderBy(desc(suratFiles.createdAt));
}

/** One file and the letters in it the person may see (a letter they may only see exists shows no subject). */
export async function getFile(db: Queryable, regionCode: string, actor: Actor, fileId: string) {
  await fileFor(db, actor, regionCode, fileId);
  const viewer = viewerOf(actor, regionCode);
  const file = await fileView(db, regionCode, fileId);
  const l = suratLetters;
  const letters = await db.select({ id: l.id, direction: l.direction, number: l.number, letterDate: l.letterDate, subject: l.subject, security: l.security, classificationCode: l.classificationCode, filedAt: l.filedAt, hasPdf: sql<boolean>`${l.pdf} is not null` })
    .from(l).where(and(eq(l.regionCode, regionCode), eq(l.fileId, fileId), visibleSql(viewer))).orderBy(asc(l.letterDate), asc(l.createdAt));
  return { ...file, letterList: letters };
}

/** The record file holding a letter, as its page names it (id, title, status), or null. */
export async function fileOfLetter(db: Queryable, regionCode: string, fileId: string | null) {
  if (!fileId) return null;
  const [file] = await db.select({ id: suratFiles.id, title: suratFiles.title, status: suratFiles.status }).from(suratFiles)
    .where(and(eq(suratFiles.regionCode, regionCode), eq(suratFiles.id, fileId)));
  return file ?? null;
}

/**
 * Files a letter: one the person may open, of the file's unit, classified
 * under the file's code, into an open file. A letter already in another open
 * file moves; one in a closed file stays where it is.
 */
export async function addLetterToFile(ctx: AppContext, regionCode: string, actor: Actor, fileId: string, letterId: string) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const file = await fileFor(tx, actor, regionCode, fileId, true);
    if (file.status !== 'open') throw new AppError('surat.file_closed');
    const { letter } = await letterFor(tx, viewerOf(actor, regionCode), letterId, 'open', true);
    if (letter.unitId !== file.unitId || !isUnder(letter.classificationCode, file.classificationCode)) throw new AppError('surat.file_classification');
    if (letter.fileId && letter.fileId !== file.id) {
      const [previous] = await tx.select({ status: suratFiles.status }).from(suratFiles).where(and(eq(suratFiles.regionCode, regionCode), eq(suratFiles.id, letter.fileId))).for('update');
      if (previous && previous.status !== 'open') throw new AppError('surat.file_closed');
    }
    await tx.update(suratLetters).set({ fileId: file.id, filedAt: now, updatedAt: now }).where(and(eq(suratLetters.regionCode, regionCode), eq(suratLetters.id, letter.id)));
    await audit(tx, now, actor, regionCode, 'surat.file_add', 'surat_letter', letter.id, { fileId: file.id }, { before: { fileId: letter.fileId }, after: { fileId: file.id } });
    return fileView(tx, regionCode, file.id);
  });
}

/** Closes a file today (the region's date): its periods and fate come from the schedule row covering its code then. */
export async function closeFile(ctx: AppContext, region: RegionRef, actor: Actor, fileId: string) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const file = await fileFor(tx, actor, region.code, fileId, true);
    if (file.status !== 'open') throw new AppError('surat.file_closed');
    const rules = await tx.select().from(suratRetention)
      .where(and(eq(suratRetention.regionCode, region.code), inArray(suratRetention.classificationCode, ancestorsOf(file.classificationCode))));
    const rule = coveringRule(rules.map((r) => ({ ...r, fate: r.fate as Fate })), file.classificationCode);
    if (!rule) throw new AppError('surat.no_retention', { code: file.classificationCode });
    const closedOn = today(ctx, region);
    const periods = periodsOf(closedOn, rule);
    await tx.update(suratFiles).set({ status: 'closed', closedOn, ...periods }).where(and(eq(suratFiles.regionCode, region.code), eq(suratFiles.id, file.id)));
    await audit(tx, now, actor, region.code, 'surat.file_close', 'surat_file', file.id, { retention: rule.classificationCode, closedOn, ...periods });
    return fileView(tx, region.code, file.id);
  });
}

// ---------------------------------------------------------------------------
// Due files and disposal proposals

/** The region's files due at a date (the region's today by default): for transfer, or for their fate. */
export async function dueFiles(ctx: AppContext, region: RegionRef, date?: string) {
  const at = date ?? today(ctx, region);
  const rows = await ctx.database.db.select(fileColumns).from(suratFiles).innerJoin(units, withUnit)
    .where(and(eq(suratFiles.regionCode, region.code), inArray(suratFiles.status, ['closed', 'transferred']), sql`${suratFiles.activeUntil} <= ${at}`))
    .orderBy(asc(suratFiles.activeUntil));
  return { date: at, files: rows.flatMap((f) => { const due = dueAt(f, at); return due ? [{ ...f, due }] : []; }) };
}

const disposalColumns = {
  id: suratDisposals.id, action: sql<DisposalAction>`${suratDisposals.action}`, status: suratDisposals.status, fileIds: suratDisposals.fileIds, reason: suratDisposals.reason,
  proposedAt: suratDisposals.proposedAt, proposedBy: suratDisposals.proposedByLabel, decidedAt: suratDisposals.decidedAt, decidedBy: suratDisposals.decidedByLabel,
  decisionNote: suratDisposals.decisionNote, hasMinutes: sql<boolean>`${suratDisposals.minutes} is not null`,
};

/** Proposals with the files they name, so the one who decides sees what they decide on without keeping files themselves. */
async function withFiles<D extends { fileIds: string[] }>(db: Queryable, regionCode: string, rows: D[]) {
  const ids = [...new Set(rows.flatMap((r) => r.fileIds))];
  const files = ids.length === 0 ? [] : await db.select(fileColumns).from(suratFiles).innerJoin(units, withUnit)
    .where(and(eq(suratFiles.regionCode, regionCode), inArray(suratFiles.id, ids)));
  const byId = new Map(files.map((f) => [f.id, f]));
  return rows.map((r) => ({ ...r, files: r.fileIds.flatMap((id) => byId.get(id) ?? []) }));
}

export async function listDisposals(db: Queryable, regionCode: string) {
  return withFiles(db, regionCode, await db.select(disposalColumns).from(suratDisposals).where(eq(suratDisposals.regionCode, regionCode)).orderBy(desc(suratDisposals.proposedAt)));
}

async function disposalView(db: Queryable, regionCode: string, id: string) {
  const [row] = await db.select(disposalColumns).from(suratDisposals).where(and(eq(suratDisposals.regionCode, regionCode), eq(suratDisposals.id, id)));
  if (!row) throw new AppError('surat.disposal_not_found');
  return (await withFiles(db, regionCode, [row]))[0];
}

/** The files a proposal names, locked, each checked to allow the action today: any that does not is named in surat.not_due. */
async function filesAllowing(tx: Tx, regionCode: string, fileIds: string[], action: DisposalAction, date: string) {
  const files = await tx.select().from(suratFiles).where(and(eq(suratFiles.regionCode, regionCode), inArray(suratFiles.id, fileIds))).orderBy(asc(suratFiles.id)).for('update');
  if (files.length !== fileIds.length) throw new AppError('surat.file_not_found');
  const notDue = files.filter((f) => !mayTake(f, action, date));
  if (notDue.length) throw new AppError('surat.not_due', { files: notDue.map((f) => f.title) });
  return files;
}

export async function proposeDisposal(ctx: AppContext, region: RegionRef, actor: Actor, input: { action: DisposalAction; fileIds: string[]; reason: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const fileIds = [...new Set(input.fileIds)];
    const files = await filesAllowing(tx, region.code, fileIds, input.action, today(ctx, region));
    // The files are locked: a proposal made at the same moment waits here and then sees this one.
    const pending = await tx.select({ fileIds: suratDisposals.fileIds }).from(suratDisposals).where(and(eq(suratDisposals.regionCode, region.code), eq(suratDisposals.status, 'proposed')));
    const taken = new Set(pending.flatMap((d) => d.fileIds));
    const twice = files.filter((f) => taken.has(f.id));
    if (twice.length) throw new AppError('surat.disposal_pending', { files: twice.map((f) => f.title) });
    const [row] = await tx.insert(suratDisposals).values({
      regionCode: region.code, action: input.action, status: 'proposed', fileIds, reason: input.reason, proposedAt: now, proposedBy: actor.userId, proposedByLabel: actorLabel(actor),
    }).returning({ id: suratDisposals.id });
    await audit(tx, now, actor, region.code, 'surat.disposal_propose', 'surat_disposal', row.id, { action: input.action, files: fileIds.length, reason: input.reason });
    return disposalView(tx, region.code, row.id);
  });
}

/**
 * Approves or rejects a proposal (never the proposer). Approval checks the
 * files again, changes their status, makes the minutes, and for destruction
 * removes the letters' PDFs and attachments: their register entries (number,
 * date, subject) stay.
 */
export async function decideDisposal(ctx: AppContext, region: RegionRef, actor: Actor, id: string, input: { approve: boolean; note: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [disposal] = await tx.select().from(suratDisposals).where(and(eq(suratDisposals.regionCode, region.code), eq(suratDisposals.id, id))).for('update');
    if (!disposal) throw new AppError('surat.disposal_not_found');
    if (disposal.proposedBy && disposal.proposedBy === actor.userId) throw new AppError('surat.disposal_own');
    if (disposal.status !== 'proposed') throw new AppError('surat.disposal_decided');
    const decided = { status: input.approve ? 'approved' : 'rejected', decidedAt: now, decidedBy: actor.userId, decidedByLabel: actorLabel(actor), decisionNote: input.note };
    let minutes: Buffer | null = null;
    if (input.approve) {
      const action = disposal.action as DisposalAction;
      const date = today(ctx, region);
      const files = await filesAllowing(tx, region.code, disposal.fileIds, action, date);
      await tx.update(suratFiles).set({ status: statusAfter[action] }).where(and(eq(suratFiles.regionCode, region.code), inArray(suratFiles.id, disposal.fileIds)));
      const letters = await tx.select({ id: suratLetters.id }).from(suratLetters).where(and(eq(suratLetters.regionCode, region.code), inArray(suratLetters.fileId, disposal.fileIds)));
      if (action === 'destroy' && letters.length) {
        const ids = letters.map((l) => l.id);
        await tx.delete(suratAttachments).where(and(eq(suratAttachments.regionCode, region.code), inArray(suratAttachments.letterId, ids)));
        await tx.update(suratLetters).set({ pdf: null, contentText: '', updatedAt: now }).where(and(eq(suratLetters.regionCode, region.code), inArray(suratLetters.id, ids)));
      }
      const unitNames = new Map((await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.regionCode, region.code))).map((u) => [u.id, u.name]));
      const counts = new Map((await tx.select({ fileId: suratLetters.fileId, n: sql<number>`count(*)::int` }).from(suratLetters)
        .where(and(eq(suratLetters.regionCode, region.code), inArray(suratLetters.fileId, disposal.fileIds))).groupBy(suratLetters.fileId)).map((c) => [c.fileId, c.n]));
      minutes = await disposalMinutes({
        region: region.name, action, date, reason: disposal.reason, note: input.note, proposedBy: disposal.proposedByLabel, decidedBy: actorLabel(actor),
        files: files.map((f) => ({ title: f.title, unit: unitNames.get(f.unitId) ?? '', classificationCode: f.classificationCode, closedOn: f.closedOn, letters: counts.get(f.id) ?? 0 })),
      });
      await auditMany(tx, now, actor, region.code, files.map((f) => ({ action: 'surat.disposal_decide' as const, entity: 'surat_file', entityId: f.id, detail: { disposalId: id, action }, change: { before: { status: f.status }, after: { status: statusAfter[action] } } })));
    }
    await tx.update(suratDisposals).set({ ...decided, minutes }).where(and(eq(suratDisposals.regionCode, region.code), eq(suratDisposals.id, id)));
    await audit(tx, now, actor, region.code, 'surat.disposal_decide', 'surat_disposal', id, { approve: input.approve, note: input.note }, { before: { status: 'proposed' }, after: { status: decided.status } });
    return disposalView(tx, region.code, id);
  });
}

export async function disposalMinutesFile(db: Queryable, regionCode: string, id: string) {
  const [row] = await db.select({ minutes: suratDisposals.minutes }).from(suratDisposals).where(and(eq(suratDisposals.regionCode, regionCode), eq(suratDisposals.id, id)));
  if (!row?.minutes) throw new AppError('surat.disposal_not_found');
  return { fileName: `berita-acara-penyusutan-${id.slice(0, 8)}.pdf`, data: row.minutes };
}

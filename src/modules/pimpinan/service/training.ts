// Training records for digital leadership (issue 15): programmes the region's
// people attend, their participants by unit and position, completion, and
// certificates kept as files. The keepers (permission pimpinan.training:
// region admin, head of region, delegates, SPBE coordinator) manage and read
// everything; a unit head (pimpinan.training_read) reads their own unit's
// participants only. One transaction per use case, audited inside it. The
// year's records export as XLSX or CSV: the SPBE coordinator's evidence.
import { and, asc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { containing } from '../../../platform/db/like.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import { roleLabel, roleNames, rolesWith, unitsReached, type Actor, type Role } from '../../../platform/auth/policy.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { csvDialect, csvFile } from '../../../platform/csv.js';
import { AppError } from '../../../platform/errors.js';
import type { CheckedFile, UploadPolicy } from '../../../platform/files.js';
import type { Locale } from '../../../platform/i18n.js';
import type { Region } from '../../../platform/regions/service.js';
import { grants, units, users } from '../../../platform/schema.js';
import {
  completionProblem, countByUnit, datesInOrder, EXPORT_HEADER, exportRows, type ParticipantStatus, type TrainingKind,
} from '../domain/training.js';
import { pimpinanTrainingParticipants as P, pimpinanTrainings as T } from '../schema.js';

type RegionRef = Pick<Region, 'code' | 'utcOffsetMinutes' | 'timezone'>;

/** A certificate: a PDF or a picture of one, checked by content (images re-encoded as JPEG). */
export const certificatePolicy: UploadPolicy = {
  types: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 5 * 1024 * 1024,
  maxFiles: 1,
  typeError: 'pimpinan.certificate_type',
};

export interface TrainingInput { title: string; organiser: string; kind: TrainingKind; startDate: string; endDate: string; hours?: number | null; notes?: string }
export interface ParticipantInput {
  userId?: string | null; name?: string; nip?: string | null; unitId: string; position: string;
  status?: ParticipantStatus; completedOn?: string | null;
}
export type ParticipantChange = Partial<Omit<ParticipantInput, 'userId'>>;

/** The units whose participants the actor reads: null for all (a keeper), else their own units as unit head. */
const readingUnits = (actor: Actor, regionCode: string) => unitsReached(actor, regionCode, new Set(rolesWith('pimpinan.training_read')));

const today = (ctx: AppContext, region: RegionRef) => localDateOf(ctx.clock.now(), region);

const programmeColumns = {
  id: T.id, title: T.title, organiser: T.organiser, kind: sql<TrainingKind>`${T.kind}`, startDate: T.startDate, endDate: T.endDate,
  hours: T.hours, notes: T.notes, createdAt: T.createdAt,
};
const participantColumns = {
  id: P.id, trainingId: P.trainingId, userId: P.userId, name: P.name, nip: P.nip, unitId: P.unitId, unitName: units.name, position: P.position,
  status: sql<ParticipantStatus>`${P.status}`, completedOn: P.completedOn,
  certificate: sql<{ fileName: string; contentType: string; size: number; uploadedAt: string } | null>`case when ${P.certificateName} is null then null
    else json_build_object('fileName', ${P.certificateName}, 'contentType', ${P.certificateType}, 'size', ${P.certificateSize}, 'uploadedAt', ${P.certificateAt}) end`,
};

type ParticipantRow = Awaited<ReturnType<typeof participantsOf>>[number];
const participantView = (regionCode: string, p: ParticipantRow) => ({
  ...p,
  certificate: p.certificate ? { ...p.certificate, uploadedAt: new Date(p.certificate.uploadedAt), url: `/api/regions/${regionCode}/pimpinan/pelatihan/${p.trainingId}/peserta/${p.id}/sertifikat` } : null,
});

async function participantsOf(db: Queryable, regionCode: string, trainingIds: string[], reach: Set<string> | null) {
  if (trainingIds.length === 0 || (reach && reach.size === 0)) return [];
  return db.select(participantColumns).from(P)
    .innerJoin(units, and(eq(units.regionCode, P.regionCode), eq(units.id, P.unitId)))
    .where(and(eq(P.regionCode, regionCode), inArray(P.trainingId, trainingIds), reach ? inArray(P.unitId, [...reach]) : undefined))
    .orderBy(asc(units.name), asc(P.name), asc(P.id));
}

/**
 * The programmes starting in a local year with their participants' and
 * completions' counts, and the counts per unit over the year. A unit head sees
 * only programmes their unit's people attend, counted over their units.
 */
export async function listTrainings(ctx: AppContext, actor: Actor, region: RegionRef, year: number) {
  const db = ctx.database.db;
  const reach = readingUnits(actor, region.code);
  const programmes = await db.select(programmeColumns).from(T)
    .where(and(eq(T.regionCode, region.code), gte(T.startDate, `${year}-01-01`), lt(T.startDate, `${year + 1}-01-01`)))
    .orderBy(asc(T.startDate), asc(T.title), asc(T.id));
  const people = await participantsOf(db, region.code, programmes.map((p) => p.id), reach);
  const unitNames = new Map(people.map((p) => [p.unitId, p.unitName]));
  const counted = programmes.map((p) => {
    const mine = people.filter((x) => x.trainingId === p.id);
    return { ...p, participants: mine.length, completed: mine.filter((x) => x.status === 'completed').length, certificates: mine.filter((x) => x.certificate).length };
  });
  // The units a keeper may add participants from (the region's units list is not every keeper's to read).
  const choices = reach ? [] : await db.select({ id: units.id, code: units.code, name: units.name }).from(units)
    .where(and(eq(units.regionCode, region.code), eq(units.active, true))).orderBy(asc(units.name));
  return {
    year,
    own: reach !== null,
    unitChoices: choices,
    programmes: reach ? counted.filter((p) => p.participants > 0) : counted,
    units: countByUnit(people).map((c) => ({ ...c, name: unitNames.get(c.unitId)! })),
  };
}

async function programmeFor(db: Queryable, regionCode: string, trainingId: string, lock = false) {
  const q = db.select(programmeColumns).from(T).where(and(eq(T.regionCode, regionCode), eq(T.id, trainingId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('pimpinan.training_not_found');
  return row;
}

/** One programme and its participants (a unit head: their units' only, and not a programme none of them attends). */
export async function readTraining(ctx: AppContext, actor: Actor, regionCode: string, trainingId: string) {
  const db = ctx.database.db;
  const reach = readingUnits(actor, regionCode);
  const programme = await programmeFor(db, regionCode, trainingId);
  const people = await participantsOf(db, regionCode, [trainingId], reach);
  if (reach && people.length === 0) throw new AppError('pimpinan.training_not_found');
  return { ...programme, participants: people.map((p) => participantView(regionCode, p)) };
}

function checkDates(input: { startDate: string; endDate: string }) {
  if (!datesInOrder(input.startDate, input.endDate)) throw new AppError('pimpinan.training_dates', { startDate: input.startDate, endDate: input.endDate });
}

const programmeAudit = (p: { title: string; organiser: string; kind: string; startDate: string; endDate: string; hours: number | null; notes: string }) =>
  ({ title: p.title, organiser: p.organiser, kind: p.kind, startDate: p.startDate, endDate: p.endDate, hours: p.hours, notes: p.notes });

export async function createTraining(ctx: AppContext, actor: Actor, regionCode: string, input: TrainingInput) {
  checkDates(input);
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx.insert(T).values({
      regionCode, title: input.title, organiser: input.organiser, kind: input.kind, startDate: input.startDate, endDate: input.endDate,
      hours: input.hours ?? null, notes: input.notes ?? '', createdBy: actor.userId, createdAt: now,
    }).returning({ id: T.id });
    const created = await programmeFor(tx, regionCode, row.id);
    await audit(tx, now, actor, regionCode, 'pimpinan.training_create', 'pimpinan_training', row.id, {}, { before: null, after: programmeAudit(created) });
    return { ...created, participants: [] };
  });
}

export async function updateTraining(ctx: AppContext, actor: Actor, regionCode: string, trainingId: string, change: Partial<TrainingInput>) {
  return ctx.database.db.transaction(async (tx) => {
    const before = await programmeFor(tx, regionCode, trainingId, true);
    const after = { ...programmeAudit(before), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as ReturnType<typeof programmeAudit>;
    checkDates(after);
    // A completion date may not fall before the programme's (new) start.
    if (after.startDate > before.startDate) {
      const [early] = await tx.select({ id: P.id }).from(P)
        .where(and(eq(P.regionCode, regionCode), eq(P.trainingId, trainingId), lt(P.completedOn, after.startDate))).limit(1);
      if (early) throw new AppError('pimpinan.participant_completion', { problem: 'a participant completed before the new start date' });
    }
    const now = ctx.clock.now();
    await tx.update(T).set({ ...after }).where(and(eq(T.regionCode, regionCode), eq(T.id, trainingId)));
    await audit(tx, now, actor, regionCode, 'pimpinan.training_update', 'pimpinan_training', trainingId, {}, changedFields(programmeAudit(before), after));
    return programmeFor(tx, regionCode, trainingId);
  });
}

/** Removes a programme with its participants and their certificates. */
export async function deleteTraining(ctx: AppContext, actor: Actor, regionCode: string, trainingId: string) {
  return ctx.database.db.transaction(async (tx) => {
    const before = await programmeFor(tx, regionCode, trainingId, true);
    const removed = await tx.delete(P).where(and(eq(P.regionCode, regionCode), eq(P.trainingId, trainingId))).returning({ id: P.id });
    await tx.delete(T).where(and(eq(T.regionCode, regionCode), eq(T.id, trainingId)));
    await audit(tx, ctx.clock.now(), actor, regionCode, 'pimpinan.training_delete', 'pimpinan_training', trainingId, { participants: removed.length },
      { before: programmeAudit(before), after: null });
  });
}

async function requireUnit(db: Queryable, regionCode: string, unitId: string) {
  const [unit] = await db.select({ id: units.id }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId), eq(units.active, true)));
  if (!unit) throw new AppError('pimpinan.training_unit_unknown', { unitId });
}

async function participantFor(db: Queryable, regionCode: string, trainingId: string, participantId: string, lock = false) {
  const q = db.select({ id: P.id, userId: P.userId, name: P.name, nip: P.nip, unitId: P.unitId, position: P.position, status: sql<ParticipantStatus>`${P.status}`, completedOn: P.completedOn })
    .from(P).where(and(eq(P.regionCode, regionCode), eq(P.trainingId, trainingId), eq(P.id, participantId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('pimpinan.participant_not_found');
  return row;
}

async function participantView1(db: Queryable, regionCode: string, trainingId: string, participantId: string) {
  const [row] = await db.select(participantColumns).from(P)
    .innerJoin(units, and(eq(units.regionCode, P.regionCode), eq(units.id, P.unitId)))
    .where(and(eq(P.regionCode, regionCode), eq(P.trainingId, trainingId), eq(P.id, participantId)));
  return participantView(regionCode, row);
}

function checkCompletion(status: ParticipantStatus, completedOn: string | null, programme: { startDate: string }, localToday: string) {
  const problem = completionProblem(status, completedOn, programme, localToday);
  if (problem) throw new AppError('pimpinan.participant_completion', { problem });
}

/** Adds a participant: a staff account of the region (named from it unless a name is given) or a named person, in an active unit. */
export async function addParticipant(ctx: AppContext, actor: Actor, region: RegionRef, trainingId: string, input: ParticipantInput) {
  return ctx.database.db.transaction(async (tx) => {
    const programme = await programmeFor(tx, region.code, trainingId, true);
    await requireUnit(tx, region.code, input.unitId);
    let name = input.name?.trim() ?? '';
    if (input.userId) {
      const [member] = await tx.select({ name: users.name }).from(users)
        .where(and(eq(users.id, input.userId), sql`exists (select 1 from ${grants} where ${grants.regionCode} = ${region.code} and ${grants.userId} = ${users.id})`));
      if (!member) throw new AppError('pimpinan.training_user_unknown');
      const [twice] = await tx.select({ id: P.id }).from(P).where(and(eq(P.regionCode, region.code), eq(P.trainingId, trainingId), eq(P.userId, input.userId)));
      if (twice) throw new AppError('pimpinan.participant_duplicate');
      name ||= member.name;
    }
    if (!name) throw new AppError('request.invalid', { name: 'a name or a user is required' });
    const status = input.status ?? 'enrolled';
    const completedOn = input.completedOn ?? null;
    checkCompletion(status, completedOn, programme, today(ctx, region));
    const now = ctx.clock.now();
    const values = { userId: input.userId ?? null, name, nip: input.nip ?? null, unitId: input.unitId, position: input.position, status, completedOn };
    const [row] = await tx.insert(P).values({ regionCode: region.code, trainingId, ...values, createdAt: now }).returning({ id: P.id });
    await audit(tx, now, actor, region.code, 'pimpinan.participant_add', 'pimpinan_training_participant', row.id, { trainingId }, { before: null, after: values });
    return participantView1(tx, region.code, trainingId, row.id);
  });
}

/** Changes a participant: unit, position, name, NIP, status with its completion date (mark completed: status completed and the date). */
export async function updateParticipant(ctx: AppContext, actor: Actor, region: RegionRef, trainingId: string, participantId: string, change: ParticipantChange) {
  return ctx.database.db.transaction(async (tx) => {
    const programme = await programmeFor(tx, region.code, trainingId, true);
    const before = await participantFor(tx, region.code, trainingId, participantId, true);
    if (change.unitId !== undefined && change.unitId !== before.unitId) await requireUnit(tx, region.code, change.unitId);
    const status = change.status ?? before.status;
    // Leaving completed drops the date unless one is given; becoming completed needs one.
    const completedOn = change.completedOn !== undefined ? change.completedOn : status === 'completed' ? before.completedOn : null;
    checkCompletion(status, completedOn, programme, today(ctx, region));
    const old = { name: before.name, nip: before.nip, unitId: before.unitId, position: before.position, status: before.status, completedOn: before.completedOn };
    const next = {
      name: change.name?.trim() || before.name, nip: change.nip !== undefined ? change.nip : before.nip, unitId: change.unitId ?? before.unitId,
      position: change.position ?? before.position, status, completedOn,
    };
    await tx.update(P).set(next).where(and(eq(P.regionCode, region.code), eq(P.id, participantId)));
    await audit(tx, ctx.clock.now(), actor, region.code, 'pimpinan.participant_update', 'pimpinan_training_participant', participantId, { trainingId }, changedFields(old, next));
    return participantView1(tx, region.code, trainingId, participantId);
  });
}

export async function removeParticipant(ctx: AppContext, actor: Actor, regionCode: string, trainingId: string, participantId: string) {
  return ctx.database.db.transaction(async (tx) => {
    await programmeFor(tx, regionCode, trainingId, true);
    const before = await participantFor(tx, regionCode, trainingId, participantId, true);
    await tx.delete(P).where(and(eq(P.regionCode, regionCode), eq(P.id, participantId)));
    await audit(tx, ctx.clock.now(), actor, regionCode, 'pimpinan.participant_remove', 'pimpinan_training_participant', participantId, { trainingId },
      { before: { name: before.name, unitId: before.unitId, position: before.position, status: before.status }, after: null });
  });
}

/** Keeps a checked certificate file on the participant, replacing the one before. */
export async function uploadCertificate(ctx: AppContext, actor: Actor, regionCode: string, trainingId: string, participantId: string, file: CheckedFile) {
  return ctx.database.db.transaction(async (tx) => {
    await programmeFor(tx, regionCode, trainingId, true);
    await participantFor(tx, regionCode, trainingId, participantId, true);
    const now = ctx.clock.now();
    await tx.update(P).set({
      certificateName: file.fileName, certificateType: file.contentType, certificateSize: file.data.length, certificateData: file.data, certificateAt: now, certificateBy: actor.userId,
    }).where(and(eq(P.regionCode, regionCode), eq(P.id, participantId)));
    await audit(tx, now, actor, regionCode, 'pimpinan.certificate_upload', 'pimpinan_training_participant', participantId,
      { trainingId, fileName: file.fileName, contentType: file.contentType, bytes: file.data.length });
    return participantView1(tx, regionCode, trainingId, participantId);
  });
}

/** Removes a participant's certificate file (the participant stays); said so when they have none. */
export async function removeCertificate(ctx: AppContext, actor: Actor, regionCode: string, trainingId: string, participantId: string) {
  return ctx.database.db.transaction(async (tx) => {
    await programmeFor(tx, regionCode, trainingId, true);
    await participantFor(tx, regionCode, trainingId, participantId, true);
    const [held] = await tx.select({ fileName: P.certificateName, contentType: P.certificateType, bytes: P.certificateSize }).from(P)
      .where(and(eq(P.regionCode, regionCode), eq(P.id, participantId)));
    if (!held?.fileName) throw new AppError('pimpinan.certificate_missing');
    await tx.update(P).set({ certificateName: null, certificateType: null, certificateSize: null, certificateData: null, certificateAt: null, certificateBy: null })
      .where(and(eq(P.regionCode, regionCode), eq(P.id, participantId)));
    await audit(tx, ctx.clock.now(), actor, regionCode, 'pimpinan.certificate_remove', 'pimpinan_training_participant', participantId,
      { trainingId, fileName: held.fileName, contentType: held.contentType, bytes: held.bytes });
    return participantView1(tx, regionCode, trainingId, participantId);
  });
}

/** Which role names a position first: the head of region, a unit's head, then the platform's roles and the modules' in their declared order. */
const positionRank = (role: string) => {
  const first = ['head_of_region', 'unit_head'].indexOf(role);
  const declared = roleNames().indexOf(role as Role);
  return first >= 0 ? first - 2 : declared >= 0 ? declared : Number.MAX_SAFE_INTEGER;
};

/**
 * The region's staff accounts a keeper may name as participants (the region's
 * staff list is the region admin's): at most 20 whose name or email holds the
 * words, each with the unit of their unit role (when one active unit) and a
 * position to start from (the role's name; the keeper writes the real one).
 */
export async function staffChoices(ctx: AppContext, regionCode: string, q: string) {
  const words = q.trim();
  const rows = await ctx.database.db.select({
    userId: users.id, name: users.name, email: users.email,
    roles: sql<string[]>`array_agg(distinct ${grants.role}::text)`,
    unitIds: sql<string[]>`array_remove(array_agg(distinct ${grants.unitId}::text), null)`,
  }).from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(eq(grants.regionCode, regionCode), words ? or(ilike(users.name, containing(words)), ilike(users.email, containing(words))) : undefined))
    .groupBy(users.id, users.name, users.email)
    .orderBy(asc(users.name), asc(users.id))
    .limit(20);
  const unitIds = [...new Set(rows.flatMap((r) => r.unitIds))];
  const named = unitIds.length === 0 ? [] : await ctx.database.db.select({ id: units.id, name: units.name }).from(units)
    .where(and(eq(units.regionCode, regionCode), inArray(units.id, unitIds), eq(units.active, true)));
  const unitName = new Map(named.map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const own = r.unitIds.filter((id) => unitName.has(id));
    const unitId = own.length === 1 ? own[0] : null;
    const [role] = [...r.roles].sort((a, b) => positionRank(a) - positionRank(b));
    return { userId: r.userId, name: r.name, email: r.email, unitId, unitName: unitId ? unitName.get(unitId)! : null, position: role ? roleLabel(role).id : '' };
  });
}

/** A participant's certificate, for a keeper or the participant's unit head. */
export async function certificateFile(ctx: AppContext, actor: Actor, regionCode: string, trainingId: string, participantId: string) {
  const [row] = await ctx.database.db.select({ unitId: P.unitId, fileName: P.certificateName, contentType: P.certificateType, data: P.certificateData }).from(P)
    .where(and(eq(P.regionCode, regionCode), eq(P.trainingId, trainingId), eq(P.id, participantId)));
  const reach = readingUnits(actor, regionCode);
  if (!row || (reach && !reach.has(row.unitId))) throw new AppError('pimpinan.participant_not_found');
  if (!row.data || !row.fileName || !row.contentType) throw new AppError('pimpinan.certificate_missing');
  return { fileName: row.fileName, contentType: row.contentType, data: row.data };
}

/** The year's training records, one row per participant, as an Excel workbook or a CSV in the reader's dialect. */
export async function exportTrainings(ctx: AppContext, region: RegionRef, year: number, file: { format: 'csv' | 'xlsx'; locale: Locale }) {
  const db = ctx.database.db;
  const programmes = await db.select(programmeColumns).from(T)
    .where(and(eq(T.regionCode, region.code), gte(T.startDate, `${year}-01-01`), lt(T.startDate, `${year + 1}-01-01`)))
    .orderBy(asc(T.startDate), asc(T.title), asc(T.id));
  const people = await participantsOf(db, region.code, programmes.map((p) => p.id), null);
  const rows = exportRows(programmes.map((p) => ({
    ...p,
    participants: people.filter((x) => x.trainingId === p.id).map((x) => ({ ...x, unit: x.unitName, certificate: x.certificate !== null })),
  })));
  const fileName = `pelatihan-${region.code}-${year}.${file.format}`;
  if (file.format === 'csv') return { fileName, data: Buffer.from(csvFile(EXPORT_HEADER, rows, csvDialect(file.locale, region.timezone))) };
  const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
  const data = [EXPORT_HEADER.map(bold), ...rows.map((r) => r.map((v) => (v === null ? null : { value: v, type: typeof v === 'number' ? Number : String })))];
  const widths = [40, 28, 22, 24, 14, 30, 22, 30, 26, 14, 16, 12].map((width) => ({ width }));
  return { fileName, data: await writeXlsxFile(data as SheetData, { sheet: 'Pelatihan', columns: widths, stickyRowsCount: 1 }).toBuffer() };
}

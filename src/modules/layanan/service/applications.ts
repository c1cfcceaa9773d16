// Applications (permohonan): filing under the service's published version,
// the stage actions of staff, the citizen's resubmission and withdrawal, each
// one transaction with its timeline event, its effect on the decision clock
// (platform deadlines, record type `application`) and the applicant's email.
import { isUniqueViolation } from '../../../platform/db/violations.js';
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { checkUploads, type CheckedFile, type Upload, type UploadPolicy } from '../../../platform/files.js';
import { unitsReached, type Actor } from '../../../platform/auth/policy.js';
import { addDuration, localDateOf, type WorkCalendar } from '../../../platform/calendar/calendar.js';
import { calendarOf, holidayWindow, holidaysSql, regionCalendar } from '../../../platform/calendar/region.js';
import { meetStages, pauseStages, resumeStages, stageUpsertOf, stageValues, startStages, type RecordKey, type StageClock } from '../../../platform/deadlines/deadlines.js';
import { emailInsert, enqueueEmail, type EmailPayload } from '../../../platform/notify/outbox.js';
import { notifyStaff, staffNoticeValues, staffNoticeWith, type StaffNotice } from '../../../platform/notify/staff.js';
import { prepare, preparedFamily, runPrepared } from '../../../platform/db/prepared.js';
import { claimInsert, claimValues, rethrowConflict, takeClaim } from '../../../platform/http/idempotency.js';
import { newReadableCode } from '../../../platform/codes.js';
import type { Region } from '../../../platform/regions/service.js';
import { DOCUMENT_MAX_MB, DOCUMENT_TYPES, type Answers, type DocumentInfo } from '../domain/form.js';
import { computeFee } from '../domain/tariff.js';
import type { Stage } from '../domain/workflow.js';
import { actionsNeedingReason, DECISION_STAGE, decisionWorkingDays, finalStatuses, REMINDER_HOURS_BEFORE, firstPosition, servedStatuses, openStaffActions, step, type Action, type ApplicationStatus, type Position, type StaffAction, type Step } from '../domain/journey.js';
import { applicantEmail, arrivedAtStage } from '../domain/notices.js';
import { layananApplicationEvents, layananApplicationFiles, layananApplications, layananServices, layananSkmResponses, layananStandardVersions } from '../schema.js';
import { checkAnswers } from './answers.js';
import { createBill } from './payments/bills.js';
import { issueResult } from './documents.js';
import { localToday, surveyForm } from './skm.js';
import { fillTemplate } from '../domain/template.js';
import { actorLabel, isApplicant, reachesUnit, type Applicants } from './access.js';

export const REGISTRATION_PREFIX = 'PLY';

/** What documents an application may carry: any of the form's document types, at most the form's largest size, by content. */
export const documentPolicy: UploadPolicy = {
  types: Object.values(DOCUMENT_TYPES), maxBytes: DOCUMENT_MAX_MB * 1024 * 1024, maxFiles: 20, typeError: 'layanan.document_type',
};

export const recordKey = (regionCode: string, id: string): RecordKey => ({ regionCode, module: 'layanan', recordType: 'application', recordId: id });

/** The version an application was filed under. */
async function versionOf(db: Queryable, regionCode: string, serviceId: string, version: number) {
  const [v] = await db.select().from(layananStandardVersions).where(and(eq(layananStandardVersions.regionCode, regionCode),
    eq(layananStandardVersions.serviceId, serviceId), eq(layananStandardVersions.version, version)));
  return v;
}

/** Uploads by the form field they answer, checked by content; their description for the form's check. */
async function checkedDocuments(uploads: Upload[]): Promise<{ files: CheckedFile[]; info: Record<string, DocumentInfo[]> }> {
  if (uploads.some((u) => !u.field)) throw new AppError('layanan.document_field_missing');
  const files = await checkUploads(uploads, documentPolicy);
  const info: Record<string, DocumentInfo[]> = {};
  for (const f of files) (info[f.field!] ??= []).push({ fileName: f.fileName, sizeBytes: f.data.length, contentType: f.contentType });
  return { files, info };
}

const fileRows = (regionCode: string, applicationId: string, files: CheckedFile[], round: number, at: Date) => files.map((f) => ({
  regionCode, applicationId, fieldKey: f.field!, fileName: f.fileName, contentType: f.contentType, bytes: f.data.length,
  sha256: createHash('sha256').update(f.data).digest('hex'), data: f.data, round, uploadedAt: at,
}));

export interface Applicant { name: string; email?: string | null; phone?: string | null }

export interface Filing {
  answers: unknown;
  /** Counter staff filing for a walk-in, and integrations, name them (the route checked who may); a signed-in citizen files as themself. */
  applicant?: Applicant;
  /** An integration's own reference for it, unique per API key. */
  externalRef?: string | null;
}

/** How an application came in: a signed-in citizen on the web, counter staff for a walk-in, or an integration with the region's API key. */
function channelOf(actor: Actor, filing: Filing): 'web' | 'counter' | 'api' {
  if (actor.kind === 'api_key' && actor.apiKeyId && filing.applicant) return 'api';
  if (actor.kind !== 'user' || !actor.userId) throw new AppError('auth.required');
  return filing.applicant !== undefined ? 'counter' : 'web';
}

/** The instant's region-local date, and the calendar for working days, read once per use case. */
async function clockOf(db: Queryable, region: Region, now: Date) {
  const cal = await regionCalendar(db, region.code, now);
  return { cal, today: localDateOf(now, cal) };
}

const P = sql.placeholder;

/** The application columns filing sets; the rest take their defaults. */
const filedFields = [
  'regionCode', 'id', 'registrationNo', 'serviceId', 'version', 'unitId', 'channel', 'applicantUserId', 'applicantApiKeyId', 'externalRef',
  'applicantName', 'applicantEmail', 'applicantPhone', 'answers', 'status', 'stage', 'decision', 'feeAmount', 'filedAt', 'updatedAt', 'filedBy', 'filedByLabel',
] as const satisfies readonly (keyof typeof layananApplications.$inferInsert)[];

/**
 * What filing reads, in one prepared statement: the service with the version
 * it takes applications under, the region's holidays for the decision clock
 * and, for an integration's reference, the application that already used it.
 */
const filingRead = prepare('pamong_layanan_filing_read', sql`select s.status, s.unit_id, v.version, v.name, v.standard, v.form, v.workflow, v.tariff,
    ${holidaysSql(P('region'), { start: P('start'), end: P('end') })} as holidays,
    (select a.registration_no from ${layananApplications} a where a.region_code = s.region_code
      and a.applicant_api_key_id = ${P('apiKeyId')}::uuid and a.external_ref = ${P('externalRef')}::text limit 1) as past_registration_no
  from ${layananServices} s
  join ${layananStandardVersions} v on v.region_code = s.region_code and v.service_id = s.id and v.version = s.version
  where s.region_code = ${P('region')} and s.id = ${P('serviceId')}::uuid`);

type Version = typeof layananStandardVersions.$inferSelect;
interface FilingRow extends Pick<Version, 'version' | 'name' | 'standard' | 'form' | 'workflow' | 'tariff'> {
  status: string; unit_id: string; holidays: string[]; past_registration_no: string | null;
}

/**
 * What filing writes, in one statement (PostgreSQL runs every part of a WITH
 * to completion in the statement's own transaction: all of it is stored or
 * none): the application, its documents, the timeline event, the decision
 * clock (and the first stage's), the first stage's people told in-app and by
 * email, the applicant's email and, with an Idempotency-Key, the key's claim.
 * One shape per number of documents and clocks, with or without each of the
 * rest: e.g. `3f1cet-` (flags: applicant email, staff told, key).
 */
const filingWrite = preparedFamily<string>('pamong_layanan_filing_write', (db, shape) => {
  const [, files, clocks, flags] = /^(\d+)f(\d+)c(.+)$/.exec(shape)!;
  const writes: SQL[] = [
    db.insert(layananApplications).values(Object.fromEntries(filedFields.map((f) => [f, P(f)])) as never).getSQL(),
    ...(Number(files) > 0
      ? [db.insert(layananApplicationFiles).values(Array.from({ length: Number(files) }, (_, i) => ({
          regionCode: P('regionCode'), applicationId: P('id'), fieldKey: P(`file${i}Field`), fileName: P(`file${i}Name`), contentType: P(`file${i}Type`),
          bytes: P(`file${i}Bytes`), sha256: P(`file${i}Sha256`), data: P(`file${i}Data`), round: 1, uploadedAt: P('filedAt'),
        }))).getSQL()]
      : []),
    db.insert(layananApplicationEvents).values({
      regionCode: P('regionCode'), applicationId: P('id'), at: P('filedAt'), kind: 'filed', stage: P('stage'), actorUserId: P('filedBy'),
      actorLabel: P('filedByLabel'), public: true, message: null, detail: P('eventDetail'),
    }).getSQL(),
    stageUpsertOf(db, { regionCode: P('regionCode'), module: 'layanan', recordType: 'application', recordId: P('id') }, Number(clocks)).getSQL(),
    ...(flags[0] === 'e' ? [emailInsert(db, P('filedAt'), P('regionCode'), P('applicantMail')).getSQL()] : []),
    ...(flags[2] === 'k' ? [claimInsert(db).getSQL()] : []),
  ];
  const entries = writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w})`);
  if (flags[1] === 't') entries.push(staffNoticeWith('notice', true));
  return sql`with ${sql.join(entries, sql`, `)} select 1`;
});

/**
 * Files an application: a signed-in citizen for themself (channel web), or
 * counter staff of the service's unit for a walk-in (channel counter). The
 * answers and documents must fit the published form exactly; the decision
 * clock starts at filing. One statement reads (filingRead), one writes
 * (filingWrite); the area registry is read once per process.
 */
export async function fileApplication(ctx: AppContext, region: Region, actor: Actor, serviceId: string, filing: Filing, uploads: Upload[]) {
  const now = ctx.clock.now();
  const channel = channelOf(actor, filing);
  const externalRef = channel === 'api' ? filing.externalRef?.trim() || null : null;
  const window = holidayWindow(now);
  const [row] = await runPrepared<FilingRow>(ctx.database, filingRead, {
    region: region.code, serviceId, start: window.start, end: window.end, apiKeyId: externalRef ? actor.apiKeyId : null, externalRef,
  });
  if (!row) throw new AppError('layanan.service_not_found');
  if (row.status !== 'published') throw new AppError('layanan.not_taking_applications');
  const version = row;
  const unitId = row.unit_id;
  if (channel === 'counter' && !reachesUnit(actor, region.code, unitId, 'layanan.file')) throw new AppError('layanan.not_your_unit');
  const { files, info } = await checkedDocuments(uploads);
  const cal = calendarOf(region, row.holidays);
  const check = await checkAnswers(ctx.database.db, region.code, version.form, filing.answers, info, localDateOf(now, cal));
  if (!check.ok) throw new AppError('layanan.answers_invalid', { fields: check.errors });
  // An integration files each of its cases once: a reference it already used names the application it made.
  if (row.past_registration_no) throw new AppError('layanan.external_ref_used', { externalRef, registrationNo: row.past_registration_no });
  const applicant: Applicant = filing.applicant ?? { name: actor.name, email: actor.email };
  const fee = computeFee(version.tariff, check.answers);
  const stages = version.workflow.stages;
  const pos = firstPosition(stages);
  const id = randomUUID();
  const registrationNo = newReadableCode(REGISTRATION_PREFIX);
  const { dueAt, clocks } = filingClocks(version.standard.timeLimitDays, stages, now, cal);
  const notice = stageNotice(ctx, region.code, { id, registrationNo, unitId }, stages, pos.stage, version.name);
  const mail = applicantMail(ctx, region.code, { registrationNo, email: applicant.email ?? null, service: version.name, status: pos.status, reason: null, filed: true });
  const claim = takeClaim();
  const application: Pick<typeof layananApplications.$inferInsert, (typeof filedFields)[number]> = {
    regionCode: region.code, id, registrationNo, serviceId, version: version.version, unitId, channel,
    applicantUserId: channel === 'web' ? actor.userId : null, applicantApiKeyId: channel === 'api' ? actor.apiKeyId : null, externalRef,
    applicantName: applicant.name, applicantEmail: applicant.email ?? null, applicantPhone: applicant.phone ?? null,
    answers: check.answers, status: pos.status, stage: pos.stage, decision: null, feeAmount: fee > 0 ? fee : null,
    filedAt: now, updatedAt: now, filedBy: actor.userId ?? null, filedByLabel: actorLabel(actor),
  };
  const shape = `${files.length}f${clocks.length}c${mail ? 'e' : '-'}${notice ? 't' : '-'}${claim ? 'k' : '-'}`;
  await runPrepared(ctx.database, filingWrite(ctx.database.db, shape), {
    ...application,
    ...Object.fromEntries(fileRows(region.code, id, files, 1, now).flatMap((f, i) => [
      [`file${i}Field`, f.fieldKey], [`file${i}Name`, f.fileName], [`file${i}Type`, f.contentType], [`file${i}Bytes`, f.bytes], [`file${i}Sha256`, f.sha256], [`file${i}Data`, f.data],
    ])),
    eventDetail: { channel, version: version.version },
    ...stageValues(clocks),
    ...(mail ? { applicantMail: mail } : {}),
    ...(notice ? staffNoticeValues('notice', now, notice) : {}),
    ...(claim ? claimValues(claim) : {}),
  }).catch((err: unknown) => {
    // The same reference filed at the same moment by a concurrent request.
    if (isUniqueViolation(err, 'layanan_applications_external_idx')) throw new AppError('layanan.external_ref_used', { externalRef });
    return rethrowConflict(err);
  });
  return { id, registrationNo, dueAt, fee };
}

/**
 * Starts a newly filed application's clocks: the decision deadline (the
 * standard's working days; the sweep looks from the reminder's hour) and the
 * first stage's own target. Returns the decision deadline.
 */
export async function startClocks(tx: Queryable, regionCode: string, applicationId: string, timeLimitDays: number, stages: readonly Stage[], filedAt: Date, cal: WorkCalendar): Promise<Date> {
  const { dueAt, clocks } = filingClocks(timeLimitDays, stages, filedAt, cal);
  await startStages(tx, recordKey(regionCode, applicationId), clocks);
  return dueAt;
}

/** The clocks a newly filed application starts with (startClocks), and its decision deadline. */
function filingClocks(timeLimitDays: number, stages: readonly Stage[], filedAt: Date, cal: WorkCalendar): { dueAt: Date; clocks: StageClock[] } {
  const dueAt = addDuration(filedAt, decisionWorkingDays(timeLimitDays), 'working_days', cal);
  const checkFrom = new Date(dueAt.getTime() - REMINDER_HOURS_BEFORE * 3_600_000);
  return { dueAt, clocks: [{ stage: DECISION_STAGE, unit: 'working_days', dueAt, targetAt: null, checkFrom }, ...stageClock(stages, firstPosition(stages).stage, filedAt, cal)] };
}

/** A stage's own clock (its internal target in working days), if it has one. */
function stageClock(stages: readonly Stage[], key: string | null, now: Date, cal: WorkCalendar) {
  const stage = stages.find((s) => s.key === key);
  return stage?.days ? [{ stage: `stage:${stage.key}`, unit: 'working_days' as const, dueAt: addDuration(now, stage.days, 'working_days', cal), targetAt: null }] : [];
}

/** The unit that acts at a stage: the one it names, else the service's. */
const actingUnit = (stage: Stage, serviceUnitId: string) => stage.actor.unitId ?? serviceUnitId;

/** Whether the actor holds the stage's role for its unit (a region-wide grant of the role reaches every unit). */
export function actsAt(actor: Actor, regionCode: string, stage: Stage, serviceUnitId: string): boolean {
  const reach = unitsReached(actor, regionCode, new Set([stage.actor.role]));
  return reach === null || reach.has(actingUnit(stage, serviceUnitId));
}

/** The notice to the people of the stage an application arrived at (none when it waits at no stage). */
function stageNotice(ctx: AppContext, regionCode: string, app: { id: string; registrationNo: string; unitId: string }, stages: readonly Stage[], key: string | null, service: string): StaffNotice | null {
  const stage = stages.find((s) => s.key === key);
  if (!stage) return null;
  return {
    regionCode, roles: [stage.actor.role], unitId: actingUnit(stage, app.unitId), otherwise: ['layanan_manager'],
    template: arrivedAtStage, data: { no: app.registrationNo, service, stage: { id: stage.name.id, en: stage.name.en ?? stage.name.id } },
    link: `/staff/${regionCode}/layanan/permohonan/${app.id}`, email: { publicUrl: ctx.config.publicUrl },
  };
}

async function tellActors(tx: Tx, ctx: AppContext, regionCode: string, app: { id: string; registrationNo: string; unitId: string }, stages: readonly Stage[], key: string | null, service: string, now: Date) {
  const notice = stageNotice(ctx, regionCode, app, stages, key, service);
  if (notice) await notifyStaff(tx, now, notice);
}

type ApplicantNews = { registrationNo: string; email: string | null; service: string; status: ApplicationStatus; reason: string | null; note?: string | null; filed?: boolean };

/** The applicant's email about their application, when they gave an address. */
function applicantMail(ctx: AppContext, regionCode: string, a: ApplicantNews): EmailPayload | null {
  if (!a.email) return null;
  const link = `${ctx.config.publicUrl}/r/${regionCode}/layanan/permohonan/${a.registrationNo}`;
  return { to: a.email, ...applicantEmail({ no: a.registrationNo, service: a.service, status: a.status, reason: a.reason, note: a.note, link, filed: a.filed }) };
}

async function emailApplicant(tx: Queryable, ctx: AppContext, regionCode: string, a: ApplicantNews, now: Date) {
  const mail = applicantMail(ctx, regionCode, a);
  if (mail) await enqueueEmail(tx, now, regionCode, mail);
}

/** An application locked for a use case, with the version it was filed under. */
async function lockApplication(tx: Tx, regionCode: string, id: string) {
  const [app] = await tx.select().from(layananApplications).where(and(eq(layananApplications.regionCode, regionCode), eq(layananApplications.id, id))).for('update');
  if (!app) throw new AppError('layanan.application_not_found');
  const version = await versionOf(tx, regionCode, app.serviceId, app.version);
  return { app, version };
}

const positionOf = (app: typeof layananApplications.$inferSelect): Position => ({ status: app.status as ApplicationStatus, stage: app.stage, decision: app.decision as Position['decision'] });

/** Moves an application by one action: the row, the event, the clocks, the people told. */
/**
 * Records one step of an application, as every use case and the demo do: the
 * row's new position (and decision, reasons, finish), the timeline event, the
 * decision clock by the step's effect, and the stages' own targets as it
 * leaves one and enters the next. Returns whether it entered a stage to work.
 */
export async function recordStep(tx: Queryable, regionCode: string, applicationId: string, stages: readonly Stage[], from: Position, moved: Step,
  e: { action: Action; reason: string | null; at: Date; actor: Actor | null; actorLabel?: string }): Promise<boolean> {
  const { to } = moved;
  const { at, reason } = e;
  const decided = to.decision !== from.decision;
  await tx.update(layananApplications).set({
    status: to.status, stage: to.stage, decision: to.decision, updatedAt: at,
    ...(decided ? { decidedAt: at, decisionReason: reason } : {}),
    ...(e.action === 'return' ? { returnReason: reason } : {}),
    ...(finalStatuses.has(to.status) ? { finishedAt: at } : {}),
  }).where(and(eq(layananApplications.regionCode, regionCode), eq(layananApplications.id, applicationId)));
  await tx.insert(layananApplicationEvents).values({
    regionCode, applicationId, at, kind: e.action, stage: from.stage, actorUserId: e.actor?.userId ?? null,
    actorLabel: e.actor ? actorLabel(e.actor) : e.actorLabel ?? 'sistem', public: true, message: reason, detail: { to: to.status, toStage: to.stage },
  });
  const key = recordKey(regionCode, applicationId);
  if (moved.clock === 'pause') await pauseStages(tx, key, 'all', at);
  else if (moved.clock === 'resume') await resumeStages(tx, key, 'all', at);
  else if (moved.clock === 'meet') await meetStages(tx, key, [DECISION_STAGE], at);
  else if (moved.clock === 'stop') await meetStages(tx, key, 'all', at);
  if (to.stage === from.stage) return false;
  if (from.stage) await meetStages(tx, key, [`stage:${from.stage}`], at);
  if (to.status !== 'in_process') return false;
  const clock = stageClock(stages, to.stage, at, await regionCalendar(tx, regionCode, at));
  if (clock.length > 0) await startStages(tx, key, clock);
  return true;
}

/** Days a citizen has to pay a service fee billed on approval. */
export const FEE_DUE_DAYS = 30;

/**
 * Moves an application by one action: recorded, the stage's people told, the
 * applicant emailed. Approving an application with a fee bills it (the
 * applicant pays through the bill's page); issuing makes the result document
 * from the version's template, numbered, signed and verifiable.
 */
async function move(tx: Tx, ctx: AppContext, region: Region, actor: Actor | null, loaded: Awaited<ReturnType<typeof lockApplication>>, action: Action, reason: string | null, now: Date) {
  const { app, version } = loaded;
  const stages = version.workflow.stages;
  const from = positionOf(app);
  const fee = app.feeAmount ?? 0;
  const moved = step(stages, from, action, { payBeforeIssue: version.tariff.payBeforeIssue && fee > 0, paid: false });
  if (!moved) throw new AppError('layanan.action_not_open', { action, status: from.status, stage: from.stage });
  const { to } = moved;
  let billingCode: string | null = null;
  if (action === 'approve' && fee > 0) {
    const dueDate = localToday(new Date(now.getTime() + FEE_DUE_DAYS * 86_400_000), region);
    const bill = await createBill(tx, region, now, { kind: 'retribusi', serviceId: app.serviceId, unitId: app.unitId, applicationId: app.id, payerName: app.applicantName, amount: fee, dueDate }, actor ? actorLabel(actor) : 'sistem');
    billingCode = bill.billingCode;
  }
  if (action === 'issue') await issueApplicationResult(tx, ctx, region, actor!, loaded);
  if (await recordStep(tx, region.code, app.id, stages, from, moved, { action, reason, at: now, actor })) {
    await tellActors(tx, ctx, region.code, app, stages, to.stage, version.name, now);
  }
  if (to.status !== from.status || to.decision !== from.decision) {
    const payment = billingCode ? `Retribusi Rp${fee.toLocaleString('id-ID')}, kode bayar ${billingCode}: ${ctx.config.publicUrl}/r/${region.code}/bayar/${billingCode}` : null;
    const survey = surveyOpen({ status: to.status, finishedAt: now }) && app.applicantUserId
      ? `Mohon isi survei kepuasan masyarakat (9 pertanyaan) tentang layanan ini: ${ctx.config.publicUrl}/permohonan-saya/${region.code}/${app.id}` : null;
    const note = [payment, survey].filter(Boolean).join('\n\n') || null;
    await emailApplicant(tx, ctx, region.code, { registrationNo: app.registrationNo, email: app.applicantEmail, service: version.name, status: to.status, reason: actionsNeedingReason.has(action) ? reason : null, note }, now);
  }
  return to;
}

/** The result document of an application, filled from its version's template on the unit's letterhead. */
async function issueApplicationResult(tx: Tx, ctx: AppContext, region: Region, actor: Actor, { app, version }: Awaited<ReturnType<typeof lockApplication>>) {
  const answers = app.answers as Answers;
  const filled = (builtins: { nomor: string; tanggal: string }) =>
    fillTemplate(version.result, version.form, answers, { ...builtins, nama_layanan: version.name, pemohon: app.applicantName });
  const head = filled({ nomor: '', tanggal: localToday(ctx.clock.now(), region) });
  await issueResult(ctx, tx, {
    regionCode: region.code, actor, applicationId: app.id, serviceId: app.serviceId, unitId: app.unitId, holder: app.applicantName,
    title: head.title, signerPosition: head.signer, filing: version.result, paragraphs: (slot) => filled({ nomor: slot.number, tanggal: slot.localDate }).paragraphs,
  });
}

/**
 * A bill of an application was paid (service/payments/credit.ts, in the
 * crediting transaction): an issuance waiting for it opens, and the issuing
 * stage's people are told. A payment at any other position changes nothing.
 */
export async function releasePaidApplication(ctx: AppContext, tx: Tx, regionCode: string, applicationId: string, at: Date) {
  const loaded = await lockApplication(tx, regionCode, applicationId);
  const { app, version } = loaded;
  const stages = version.workflow.stages;
  const from = positionOf(app);
  const moved = step(stages, from, 'paid', { payBeforeIssue: true, paid: true });
  if (!moved) return;
  if (await recordStep(tx, regionCode, app.id, stages, from, moved, { action: 'paid', reason: null, at, actor: null, actorLabel: 'sistem' })) {
    await tellActors(tx, ctx, regionCode, app, stages, moved.to.stage, version.name, at);
  }
}

/** Staff act on the stage an application waits at: only its role, for its unit; return, refuse and send back need a reason. */
export async function actOnApplication(ctx: AppContext, region: Region, actor: Actor, id: string, input: { action: StaffAction; reason?: string | null }) {
  const now = ctx.clock.now();
  const reason = input.reason?.trim() || null;
  if (actionsNeedingReason.has(input.action) && !reason) throw new AppError('layanan.reason_required', { action: input.action });
  return ctx.database.db.transaction(async (tx) => {
    const loaded = await lockApplication(tx, region.code, id);
    const stage = loaded.version.workflow.stages.find((s) => s.key === loaded.app.stage);
    if (!stage || !openStaffActions(loaded.version.workflow.stages, positionOf(loaded.app)).includes(input.action)) {
      throw new AppError('layanan.action_not_open', { action: input.action, status: loaded.app.status, stage: loaded.app.stage });
    }
    if (!actsAt(actor, region.code, stage, loaded.app.unitId)) throw new AppError('layanan.not_your_stage', { stage: stage.key, role: stage.actor.role });
    return move(tx, ctx, region, actor, loaded, input.action, reason, now);
  });
}

/** Only the citizen who filed it (signed in) acts as its applicant. */
function ensureApplicant(actor: Actor, app: Applicants) {
  if (!isApplicant(actor, app)) throw new AppError('layanan.application_not_found');
}

/**
 * The citizen completes a returned application: new answers checked against
 * the same version's form, documents added as a new round (earlier ones kept
 * on the record); the clock resumes.
 */
export async function resubmitApplication(ctx: AppContext, region: Region, actor: Actor, id: string, input: { answers: unknown; note?: string | null }, uploads: Upload[]) {
  const now = ctx.clock.now();
  const { files, info } = await checkedDocuments(uploads);
  return ctx.database.db.transaction(async (tx) => {
    const loaded = await lockApplication(tx, region.code, id);
    ensureApplicant(actor, loaded.app);
    if (loaded.app.status !== 'returned') throw new AppError('layanan.action_not_open', { action: 'resubmit', status: loaded.app.status, stage: loaded.app.stage });
    // Documents given before still count: the citizen sends only what was missing or wrong.
    const kept = await tx.select({ field: layananApplicationFiles.fieldKey, fileName: layananApplicationFiles.fileName, bytes: layananApplicationFiles.bytes, contentType: layananApplicationFiles.contentType, round: layananApplicationFiles.round })
      .from(layananApplicationFiles).where(and(eq(layananApplicationFiles.regionCode, region.code), eq(layananApplicationFiles.applicationId, id)));
    const round = Math.max(0, ...kept.map((k) => k.round)) + 1;
    const documents: Record<string, DocumentInfo[]> = { ...Object.fromEntries(Object.entries(groupLatest(kept))), ...info };
    const { today } = await clockOf(tx, region, now);
    const check = await checkAnswers(tx, region.code, loaded.version.form, input.answers, documents, today);
    if (!check.ok) throw new AppError('layanan.answers_invalid', { fields: check.errors });
    await tx.update(layananApplications).set({ answers: check.answers, feeAmount: nonZero(computeFee(loaded.version.tariff, check.answers)) })
      .where(and(eq(layananApplications.regionCode, region.code), eq(layananApplications.id, id)));
    if (files.length > 0) await tx.insert(layananApplicationFiles).values(fileRows(region.code, id, files, round, now));
    return move(tx, ctx, region, actor, loaded, 'resubmit', input.note?.trim() || null, now);
  });
}

const nonZero = (fee: number) => (fee > 0 ? fee : null);

/** For each field, the documents of its latest round: a later upload replaces the earlier for that field. */
function groupLatest(rows: { field: string; fileName: string; bytes: number; contentType: string; round: number }[]): Record<string, DocumentInfo[]> {
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.field, Math.max(latest.get(r.field) ?? 0, r.round));
  const out: Record<string, DocumentInfo[]> = {};
  for (const r of rows) if (r.round === latest.get(r.field)) (out[r.field] ??= []).push({ fileName: r.fileName, sizeBytes: r.bytes, contentType: r.contentType });
  return out;
}

/**
 * The applicant's satisfaction survey about a decided application (PermenPANRB
 * 14/2017): once per application, refused whole like a paper form, counted on
 * the local date it was finished, channel `online`.
 */
export async function answerApplicationSurvey(ctx: AppContext, region: Region, actor: Actor, id: string, input: Parameters<typeof surveyForm>[0]) {
  const form = surveyForm(input);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const { app } = await lockApplication(tx, region.code, id);
    ensureApplicant(actor, app);
    if (!surveyOpen(app)) throw new AppError('layanan.survey_not_open');
    const [answered] = await tx.select({ id: layananSkmResponses.id }).from(layananSkmResponses)
      .where(and(eq(layananSkmResponses.regionCode, region.code), eq(layananSkmResponses.applicationId, id)));
    if (answered) throw new AppError('layanan.survey_answered');
    const [row] = await tx.insert(layananSkmResponses).values({
      regionCode: region.code, serviceId: app.serviceId, unitId: app.unitId, serviceDate: localToday(app.finishedAt!, region), ...form,
      channel: 'online', applicationId: id, enteredAt: now, enteredBy: actor.userId, enteredByLabel: actorLabel(actor),
    }).returning({ id: layananSkmResponses.id });
    return { id: row.id };
  });
}

/** An application whose service was delivered (issued, or decided without issuing, or refused) invites its applicant to the survey. */
export const surveyOpen = (app: { status: string; finishedAt: Date | null }) => (servedStatuses as readonly string[]).includes(app.status) && app.finishedAt !== null;

/** The citizen withdraws an application not yet decided. */
export async function withdrawApplication(ctx: AppContext, region: Region, actor: Actor, id: string) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const loaded = await lockApplication(tx, region.code, id);
    ensureApplicant(actor, loaded.app);
    return move(tx, ctx, region, actor, loaded, 'withdraw', null, now);
  });
}

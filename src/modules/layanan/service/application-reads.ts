// Reading applications: staff's queue and one application with what the
// reader may do next; the applicant's own; the public status by registration
// number (no personal data: what the citizen needs to follow it on a phone);
// a document's bytes for those allowed to read it.
import { and, asc, count, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { can, unitsReached, rolesWith, type Actor } from '../../../platform/auth/policy.js';
import { stageDeadlines, units } from '../../../platform/schema.js';
import { prepare, runPrepared } from '../../../platform/db/prepared.js';
import type { Words } from '../../../platform/errors.js';
import { openCitizenActions, openStaffActions, openStatuses, DECISION_STAGE, type ApplicationStatus, type Position } from '../domain/journey.js';
import { layananApplicationEvents, layananApplicationFiles, layananApplications, layananBills, layananDocuments, layananSkmResponses, layananStandardVersions } from '../schema.js';
import { verifyUrlOf } from './documents.js';
import { actsAt, surveyOpen } from './applications.js';
import { isApplicant, type Applicants } from './access.js';

const versionJoin = and(eq(layananStandardVersions.regionCode, layananApplications.regionCode),
  eq(layananStandardVersions.serviceId, layananApplications.serviceId), eq(layananStandardVersions.version, layananApplications.version));

/** The decision deadline of each application: due at, met, waiting (paused). */
const decisionClock = {
  dueAt: stageDeadlines.dueAt, metAt: stageDeadlines.metAt, pausedAt: stageDeadlines.pausedAt,
};
const decisionJoin = and(eq(stageDeadlines.regionCode, layananApplications.regionCode), eq(stageDeadlines.module, 'layanan'),
  eq(stageDeadlines.recordType, 'application'), eq(stageDeadlines.recordId, layananApplications.id), eq(stageDeadlines.stage, DECISION_STAGE));

/** Undecided past the decision deadline, its clock running (fiktif positif included); on a query joined to `decisionJoin`. */
const undecidedPast = (now: Date) =>
  sql`${layananApplications.decision} is null and ${stageDeadlines.metAt} is null and ${stageDeadlines.pausedAt} is null and ${stageDeadlines.dueAt} < ${now}`;

/** The region's applications undecided past their decision deadline now, for the leader's figures. */
export async function countOverdue(ctx: AppContext, regionCode: string): Promise<number> {
  const [{ total }] = await ctx.database.db.select({ total: count() }).from(layananApplications).innerJoin(stageDeadlines, decisionJoin)
    .where(and(eq(layananApplications.regionCode, regionCode), inArray(layananApplications.status, openStatuses), undecidedPast(ctx.clock.now())));
  return total;
}

export interface QueueFilter {
  status?: ApplicationStatus;
  unitId?: string;
  serviceId?: string;
  /** Only those whose decision deadline has passed undecided (fiktif positif included). */
  overdue?: boolean;
  limit: number;
  offset: number;
}

/** Staff's queue: the applications of the units the reader reaches (all for region roles), oldest first, with their decision deadline. */
export async function applicationQueue(ctx: AppContext, regionCode: string, actor: Actor, f: QueueFilter) {
  const now = ctx.clock.now();
  const reach = unitsReached(actor, regionCode, new Set(rolesWith('layanan.read')));
  const where: (SQL | undefined)[] = [eq(layananApplications.regionCode, regionCode)];
  if (reach !== null) where.push(reach.size > 0 ? inArray(layananApplications.unitId, [...reach]) : sql`false`);
  if (f.status) where.push(eq(layananApplications.status, f.status));
  if (f.unitId) where.push(eq(layananApplications.unitId, f.unitId));
  if (f.serviceId) where.push(eq(layananApplications.serviceId, f.serviceId));
  if (f.overdue) where.push(undecidedPast(now));
  const cond = and(...where);
  const rows = await ctx.database.db.select({
    id: layananApplications.id, registrationNo: layananApplications.registrationNo, service: layananStandardVersions.name, serviceId: layananApplications.serviceId,
    unit: { id: units.id, code: units.code, name: units.name }, applicantName: layananApplications.applicantName, channel: layananApplications.channel,
    status: layananApplications.status, stage: layananApplications.stage, decision: layananApplications.decision, filedAt: layananApplications.filedAt,
    fiktifPositifAt: layananApplications.fiktifPositifAt, ...decisionClock,
    // The name of the stage it waits at, from the version it was filed under.
    stageName: sql<string | null>`(select s->'name'->>'id' from jsonb_array_elements(${layananStandardVersions.workflow}->'stages') s where s->>'key' = ${layananApplications.stage})`,
  }).from(layananApplications)
    .innerJoin(layananStandardVersions, versionJoin)
    .innerJoin(units, and(eq(units.regionCode, layananApplications.regionCode), eq(units.id, layananApplications.unitId)))
    .leftJoin(stageDeadlines, decisionJoin)
    .where(cond).orderBy(asc(layananApplications.filedAt), asc(layananApplications.id)).limit(f.limit).offset(f.offset);
  const [{ total }] = await ctx.database.db.select({ total: count() }).from(layananApplications).leftJoin(stageDeadlines, decisionJoin).where(cond);
  return { total, items: rows.map((r) => ({ ...r, overdue: isOverdue(r, now) })) };
}

const isOverdue = (r: { decision: string | null; dueAt: Date | null; metAt: Date | null; pausedAt: Date | null }, now: Date) =>
  r.decision === null && r.dueAt !== null && r.metAt === null && r.pausedAt === null && r.dueAt < now;

/** Who the reader is to an application: its applicant, staff who may read it, or nobody (not found). */
function readerOf(actor: Actor, regionCode: string, app: Applicants & { unitId: string }): 'applicant' | 'staff' | null {
  if (isApplicant(actor, app)) return 'applicant';
  if (!can(actor, 'layanan.read', regionCode)) return null;
  const reach = unitsReached(actor, regionCode, new Set(rolesWith('layanan.read')));
  return reach === null || reach.has(app.unitId) ? 'staff' : null;
}

/** One application as its applicant or staff read it: answers, documents, timeline, clock, and the reader's open actions. */
export async function applicationDetail(ctx: AppContext, regionCode: string, actor: Actor, id: string) {
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const [row] = await db.select({ app: layananApplications, version: layananStandardVersions, unit: { id: units.id, code: units.code, name: units.name }, ...decisionClock })
    .from(layananApplications).innerJoin(layananStandardVersions, versionJoin)
    .innerJoin(units, and(eq(units.regionCode, layananApplications.regionCode), eq(units.id, layananApplications.unitId)))
    .leftJoin(stageDeadlines, decisionJoin)
    .where(and(eq(layananApplications.regionCode, regionCode), eq(layananApplications.id, id)));
  const reader = row ? readerOf(actor, regionCode, row.app) : null;
  if (!row || !reader) throw new AppError('layanan.application_not_found');
  const { app, version } = row;
  const stages = version.workflow.stages;
  const pos: Position = { status: app.status as ApplicationStatus, stage: app.stage, decision: app.decision as Position['decision'] };
  const stage = stages.find((s) => s.key === app.stage);
  const staffActions = reader === 'staff' && stage && actsAt(actor, regionCode, stage, app.unitId) ? openStaffActions(stages, pos) : [];
  const [files, events, documents] = await Promise.all([
    db.select({ id: layananApplicationFiles.id, field: layananApplicationFiles.fieldKey, fileName: layananApplicationFiles.fileName, contentType: layananApplicationFiles.contentType,
      bytes: layananApplicationFiles.bytes, sha256: layananApplicationFiles.sha256, round: layananApplicationFiles.round, uploadedAt: layananApplicationFiles.uploadedAt })
      .from(layananApplicationFiles).where(and(eq(layananApplicationFiles.regionCode, regionCode), eq(layananApplicationFiles.applicationId, id)))
      .orderBy(asc(layananApplicationFiles.round), asc(layananApplicationFiles.fieldKey)),
    db.select({ at: layananApplicationEvents.at, kind: layananApplicationEvents.kind, stage: layananApplicationEvents.stage, actor: layananApplicationEvents.actorLabel, message: layananApplicationEvents.message })
      .from(layananApplicationEvents).where(and(eq(layananApplicationEvents.regionCode, regionCode), eq(layananApplicationEvents.applicationId, id)))
      .orderBy(asc(layananApplicationEvents.at), asc(layananApplicationEvents.id)),
    db.select({ id: layananDocuments.id, kind: layananDocuments.kind, number: layananDocuments.number, title: layananDocuments.title, issuedAt: layananDocuments.issuedAt,
      token: layananDocuments.token, revokedAt: layananDocuments.revokedAt, revokeReason: layananDocuments.revokeReason })
      .from(layananDocuments).where(and(eq(layananDocuments.regionCode, regionCode), eq(layananDocuments.applicationId, id))).orderBy(asc(layananDocuments.issuedAt)),
  ]);
  const [answered] = await db.select({ id: layananSkmResponses.id }).from(layananSkmResponses)
    .where(and(eq(layananSkmResponses.regionCode, regionCode), eq(layananSkmResponses.applicationId, id)));
  const bill = app.feeAmount ? (await db.select({ billingCode: layananBills.billingCode, amount: layananBills.amount, status: layananBills.status, dueDate: layananBills.dueDate })
    .from(layananBills).where(and(eq(layananBills.regionCode, regionCode), eq(layananBills.applicationId, id))).orderBy(desc(layananBills.createdAt)).limit(1))[0] ?? null : null;
  return {
    id: app.id, registrationNo: app.registrationNo, reader,
    service: { id: app.serviceId, name: version.name, version: app.version }, unit: row.unit,
    applicant: { name: app.applicantName, email: app.applicantEmail, phone: app.applicantPhone }, channel: app.channel, externalRef: app.externalRef,
    status: pos.status, stage: stage ? { key: stage.key, name: stage.name, kind: stage.kind, role: stage.actor.role } : null,
    stages: stages.map((s) => ({ key: s.key, name: s.name, kind: s.kind })),
    decision: pos.decision, decisionReason: app.decisionReason, returnReason: app.status === 'returned' ? app.returnReason : null,
    fee: app.feeAmount, filedAt: app.filedAt, decidedAt: app.decidedAt, finishedAt: app.finishedAt,
    decisionDueAt: row.dueAt, clockStopped: row.pausedAt !== null, overdue: isOverdue({ decision: app.decision, dueAt: row.dueAt, metAt: row.metAt, pausedAt: row.pausedAt }, now),
    fiktifPositifAt: app.fiktifPositifAt,
    form: version.form, answers: app.answers, files,
    // The result (and receipts): verified by anyone at /v/{token}, downloaded by the applicant and staff.
    documents: documents.map(({ token, ...d }) => ({ ...d, verifyUrl: verifyUrlOf(ctx, token) })),
    survey: answered ? 'answered' as const : surveyOpen(app) ? 'open' as const : 'not_open' as const,
    bill,
    // Staff read who did what; the applicant reads what happened (staff names stay inside).
    timeline: events.map((e) => ({ ...e, actor: reader === 'staff' || e.actor === 'sistem' ? e.actor : null })),
    actions: reader === 'staff' ? staffActions : openCitizenActions(pos),
  };
}

/** The signed-in citizen's own applications, in every region, newest first. */
export async function myApplications(ctx: AppContext, actor: Actor) {
  if (!actor.userId) return [];
  return ctx.database.db.select({
    id: layananApplications.id, regionCode: layananApplications.regionCode, registrationNo: layananApplications.registrationNo, service: layananStandardVersions.name,
    status: layananApplications.status, filedAt: layananApplications.filedAt, fiktifPositifAt: layananApplications.fiktifPositifAt,
  }).from(layananApplications).innerJoin(layananStandardVersions, versionJoin)
    .where(eq(layananApplications.applicantUserId, actor.userId))
    .orderBy(desc(layananApplications.filedAt)).limit(200);
}

/**
 * What an integration filed with its API key, by its own reference or changed
 * after a moment (to poll), oldest change first so the last item's
 * `updatedAt` is the next `changedSince`.
 */
export async function integrationApplications(ctx: AppContext, regionCode: string, actor: Actor, f: { externalRef?: string; changedSince?: Date; limit: number; offset: number }) {
  if (!actor.apiKeyId) return { total: 0, items: [] };
  const cond = and(eq(layananApplications.regionCode, regionCode), eq(layananApplications.applicantApiKeyId, actor.apiKeyId),
    f.externalRef ? eq(layananApplications.externalRef, f.externalRef) : undefined,
    f.changedSince ? gt(layananApplications.updatedAt, f.changedSince) : undefined);
  const items = await ctx.database.db.select({
    id: layananApplications.id, registrationNo: layananApplications.registrationNo, externalRef: layananApplications.externalRef,
    service: layananStandardVersions.name, status: layananApplications.status, stage: layananApplications.stage, decision: layananApplications.decision,
    filedAt: layananApplications.filedAt, updatedAt: layananApplications.updatedAt, fiktifPositifAt: layananApplications.fiktifPositifAt,
  }).from(layananApplications).innerJoin(layananStandardVersions, versionJoin)
    .where(cond).orderBy(asc(layananApplications.updatedAt), asc(layananApplications.id)).limit(f.limit).offset(f.offset);
  const [{ total }] = await ctx.database.db.select({ total: count() }).from(layananApplications).where(cond);
  return { total, items };
}

/**
 * The public status in one prepared statement (a citizen's phone asks often):
 * the stage's name from the version filed under, the decision clock and the
 * public timeline built in SQL. Exported for the bench's bare baseline, which
 * sends the same statement.
 */
export const statusStatement = prepare('pamong_layanan_status', sql`select a.registration_no, v.name as service, a.status, a.stage,
    (select s->'name' from jsonb_array_elements(v.workflow->'stages') s where s->>'key' = a.stage limit 1) as stage_name,
    a.decision, a.filed_at, a.decided_at, a.fiktif_positif_at, d.due_at, d.paused_at,
    (select coalesce(json_agg(json_build_object('at', e.at, 'kind', e.kind, 'stage', e.stage) order by e.at, e.id), '[]'::json)
      from layanan_application_events e where e.region_code = a.region_code and e.application_id = a.id and e.public) as timeline
  from layanan_applications a
  join layanan_standard_versions v on v.region_code = a.region_code and v.service_id = a.service_id and v.version = a.version
  left join stage_deadlines d on d.region_code = a.region_code and d.module = 'layanan' and d.record_type = 'application' and d.record_id = a.id and d.stage = ${DECISION_STAGE}
  where a.region_code = ${sql.placeholder('region')} and a.registration_no = ${sql.placeholder('number')}`);

export interface StatusRow {
  registration_no: string; service: string; status: ApplicationStatus; stage: string | null; stage_name: Words | null; decision: string | null;
  filed_at: Date; decided_at: Date | null; fiktif_positif_at: Date | null; due_at: Date | null; paused_at: Date | null;
  timeline: { at: string; kind: string; stage: string | null }[];
}

/** What anyone with the registration number reads: service, status, stage, dates, public timeline kinds; no names, answers or documents. */
export async function publicApplicationStatus(ctx: AppContext, regionCode: string, registrationNo: string) {
  const [row] = await runPrepared<StatusRow>(ctx.database, statusStatement, { region: regionCode, number: registrationNo });
  if (!row) throw new AppError('layanan.application_not_found');
  return {
    registrationNo: row.registration_no, service: row.service, status: row.status,
    stage: row.stage && row.stage_name ? { key: row.stage, name: row.stage_name } : null, decision: row.decision,
    filedAt: row.filed_at, decidedAt: row.decided_at, decisionDueAt: row.due_at, clockStopped: row.paused_at !== null, fiktifPositifAt: row.fiktif_positif_at,
    timeline: row.timeline.map((e) => ({ at: new Date(e.at), kind: e.kind, stage: e.stage })),
  };
}

/** An issued document of an application (its result), for its applicant or staff who may read it. */
export async function applicationDocument(ctx: AppContext, regionCode: string, actor: Actor, id: string, documentId: string) {
  const [row] = await ctx.database.db.select({ doc: layananDocuments, applicantUserId: layananApplications.applicantUserId, applicantApiKeyId: layananApplications.applicantApiKeyId, unitId: layananApplications.unitId })
    .from(layananDocuments).innerJoin(layananApplications, and(eq(layananApplications.regionCode, layananDocuments.regionCode), eq(layananApplications.id, layananDocuments.applicationId)))
    .where(and(eq(layananDocuments.regionCode, regionCode), eq(layananDocuments.applicationId, id), eq(layananDocuments.id, documentId)));
  if (!row || !readerOf(actor, regionCode, row)) throw new AppError('layanan.document_not_found');
  return { fileName: `${row.doc.number.replaceAll('/', '-')}.pdf`, data: row.doc.pdf };
}

/** A document of an application, for its applicant or staff who may read it. */
export async function applicationFile(ctx: AppContext, regionCode: string, actor: Actor, id: string, fileId: string) {
  const [row] = await ctx.database.db.select({ file: layananApplicationFiles, applicantUserId: layananApplications.applicantUserId, applicantApiKeyId: layananApplications.applicantApiKeyId, unitId: layananApplications.unitId })
    .from(layananApplicationFiles).innerJoin(layananApplications, and(eq(layananApplications.regionCode, layananApplicationFiles.regionCode), eq(layananApplications.id, layananApplicationFiles.applicationId)))
    .where(and(eq(layananApplicationFiles.regionCode, regionCode), eq(layananApplicationFiles.applicationId, id), eq(layananApplicationFiles.id, fileId)));
  if (!row || !readerOf(actor, regionCode, row)) throw new AppError('file.not_found');
  return row.file;
}

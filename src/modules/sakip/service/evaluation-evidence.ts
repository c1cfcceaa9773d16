// Evidence files (bukti dukung) of a unit's answers in the internal AKIP
// evaluation: whoever answers for the unit (its head or planner, or the
// coordinator) attaches and removes them on one kriteria while the
// evaluation takes answers; they and the Inspektorat's evaluators list and
// download them. Checked as a realisation's evidence is (service/evidence.ts);
// once the evaluation leaves the answering stage nothing changes.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { can, type Actor } from '../../../platform/auth/policy.js';
import type { CheckedFile } from '../../../platform/files.js';
import { sakipEvaluationEvidence } from '../schema.js';
import { actorLabel } from './data.js';
import { criterionCodes, ensureMayAnswer, evaluationRow, pinned, unitsAnswered } from './evaluation.js';
import { evidenceFileColumns, evidenceFileView, MAX_EVIDENCE_FILES } from './evidence.js';

const E = sakipEvaluationEvidence;
const listed = { ...evidenceFileColumns(E), evaluationId: E.evaluationId, unitId: E.unitId, criterion: E.criterion };

const answerEvidenceView = (regionCode: string, e: Awaited<ReturnType<typeof answerEvidence>>[number]) => ({
  ...evidenceFileView(e, `/api/regions/${regionCode}/sakip/evaluations/${e.evaluationId}/evidence/${e.id}`), unitId: e.unitId, criterion: e.criterion,
});

/** The units whose evidence the actor sees: null for every unit (evaluators, the coordinator); none at all is refused. */
function unitsSeen(actor: Actor, regionCode: string): Set<string> | null {
  if (can(actor, 'sakip.evaluate', regionCode)) return null;
  const reach = unitsAnswered(actor, regionCode);
  if (reach !== null && reach.size === 0) throw new AppError('sakip.not_your_unit');
  return reach;
}

async function answerEvidence(db: Queryable, regionCode: string, evaluationId: string, unitIds: Set<string> | null, criterion?: string) {
  if (unitIds?.size === 0) return [];
  return db.select(listed).from(E).where(and(
    eq(E.regionCode, regionCode), eq(E.evaluationId, evaluationId),
    unitIds ? inArray(E.unitId, [...unitIds]) : undefined, criterion ? eq(E.criterion, criterion) : undefined,
  )).orderBy(asc(E.unitId), asc(E.criterion), asc(E.uploadedAt), asc(E.fileName));
}

/** Attaches checked files to a unit's answer of one kriteria, all or none; returns that answer's files. */
export async function addAnswerEvidence(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, unitId: string, criterion: string, files: CheckedFile[]) {
  if (files.length === 0) throw new AppError('request.invalid', { evidence: 'at least one file is required' });
  return ctx.database.db.transaction(async (tx) => {
    // Locked for update: two uploads to one answer count each other's files.
    const row = await evaluationRow(tx, regionCode, evaluationId, 'update');
    ensureMayAnswer(row, regionCode, actor, unitId);
    if (!criterionCodes(pinned(row)).has(criterion)) throw new AppError('sakip.criterion_unknown', { value: criterion });
    const unit = new Set([unitId]);
    const existing = await answerEvidence(tx, regionCode, evaluationId, unit, criterion);
    if (existing.length + files.length > MAX_EVIDENCE_FILES) throw new AppError('file.too_many', { max: MAX_EVIDENCE_FILES, existing: existing.length });
    const now = ctx.clock.now();
    await tx.insert(E).values(files.map((f) => ({
      regionCode, evaluationId, unitId, criterion, fileName: f.fileName, contentType: f.contentType, bytes: f.data.length, data: f.data,
      uploadedAt: now, uploadedBy: actor.userId, uploadedByLabel: actorLabel(actor),
    })));
    await audit(tx, now, actor, regionCode, 'sakip.evaluation_evidence_add', 'sakip_evaluation', evaluationId, { unitId, criterion, files: files.map((f) => f.fileName) });
    return (await answerEvidence(tx, regionCode, evaluationId, unit, criterion)).map((e) => answerEvidenceView(regionCode, e));
  });
}

/** The evaluation's evidence files the actor may see (without their content), by unit and kriteria. */
export async function listAnswerEvidence(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string) {
  const db = ctx.database.db;
  await evaluationRow(db, regionCode, evaluationId);
  return (await answerEvidence(db, regionCode, evaluationId, unitsSeen(actor, regionCode))).map((e) => answerEvidenceView(regionCode, e));
}

async function evidenceRow(db: Queryable, regionCode: string, evaluationId: string, evidenceId: string) {
  const [row] = await db.select().from(E).where(and(eq(E.regionCode, regionCode), eq(E.evaluationId, evaluationId), eq(E.id, evidenceId)));
  if (!row) throw new AppError('file.not_found');
  return row;
}

/** One evidence file with its content, for an evaluator or whoever answers for its unit. */
export async function answerEvidenceFile(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, evidenceId: string) {
  const seen = unitsSeen(actor, regionCode);
  const row = await evidenceRow(ctx.database.db, regionCode, evaluationId, evidenceId);
  if (seen !== null && !seen.has(row.unitId)) throw new AppError('sakip.not_your_unit');
  return row;
}

/** Removes one evidence file while the evaluation takes answers. */
export async function removeAnswerEvidence(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, evidenceId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const evaluation = await evaluationRow(tx, regionCode, evaluationId, 'update');
    const row = await evidenceRow(tx, regionCode, evaluationId, evidenceId);
    ensureMayAnswer(evaluation, regionCode, actor, row.unitId);
    await tx.delete(E).where(and(eq(E.regionCode, regionCode), eq(E.id, row.id)));
    await audit(tx, ctx.clock.now(), actor, regionCode, 'sakip.evaluation_evidence_remove', 'sakip_evaluation', evaluationId, { unitId: row.unitId, criterion: row.criterion, file: row.fileName });
  });
}

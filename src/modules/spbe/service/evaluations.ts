// The evaluation cycle's use cases, one transaction each, every change written
// to spbe_history. Stage changes lock the evaluation row exclusively; answer
// changes take a shared lock on it, so no answer changes under a stage move.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError, errorEntry } from '../../../platform/errors.js';
import type { CheckedFile, UploadPolicy } from '../../../platform/files.js';
import { isUnitRole, type Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import { ensureAllowed, nextStage, type Action, type AnswerStatus, type Stage } from '../domain/cycle.js';
import { levelRange, type FrameworkDocument } from '../domain/framework.js';
import { score } from '../domain/scoring.js';
import { spbeAnswers, spbeEvaluations, spbeEvidence, spbeHistory } from '../schema.js';
import { record } from './history.js';
import { versionById } from './frameworks.js';
import { recordEvaluationResult } from './results.js';

export type EvaluationRow = typeof spbeEvaluations.$inferSelect;
export type AnswerRow = typeof spbeAnswers.$inferSelect;

export const evidencePolicy: UploadPolicy = {
  types: [
    'application/pdf', 'image/jpeg', 'image/png',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
  typeError: 'spbe.evidence_type_not_allowed',
};
export const MAX_EVIDENCE_PER_INDICATOR = 20;

export async function evaluationFor(db: Queryable, regionCode: string, id: string, lock?: 'update' | 'share'): Promise<EvaluationRow> {
  const q = db.select().from(spbeEvaluations).where(and(eq(spbeEvaluations.regionCode, regionCode), eq(spbeEvaluations.id, id)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw new AppError('spbe.evaluation_not_found');
  return row;
}

async function answerFor(tx: Queryable, ev: EvaluationRow, indicator: string): Promise<AnswerRow> {
  const [row] = await tx.select().from(spbeAnswers)
    .where(and(eq(spbeAnswers.regionCode, ev.regionCode), eq(spbeAnswers.evaluationId, ev.id), eq(spbeAnswers.indicatorCode, indicator))).for('update');
  if (!row) throw new AppError('spbe.indicator_not_found');
  return row;
}

function checkLevel(doc: FrameworkDocument, level: number): void {
  const { min, max } = levelRange(doc);
  if (!Number.isInteger(level) || level < min || level > max) throw new AppError('spbe.level_invalid', { level, min, max });
}

/** Officers and unit heads fill only the indicators assigned to their own unit. */
function ensureOwnUnit(actor: Actor, regionCode: string, unitId: string | null): void {
  if (actor.platformAdmin) return;
  if (!actor.grants.some((g) => g.regionCode === regionCode && isUnitRole(g.role) && g.unitId === unitId)) throw new AppError('spbe.not_your_unit');
}

const status = (a: AnswerRow) => a.status as AnswerStatus;
const stageOf = (ev: EvaluationRow) => ev.stage as Stage;

export async function openEvaluation(ctx: AppContext, regionCode: string, actor: Actor, input: { year: number; versionId: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const version = await versionById(tx, input.versionId);
    if (version.status !== 'active') throw new AppError('spbe.version_not_active', { status: version.status });
    const now = ctx.clock.now();
    const [ev] = await tx.insert(spbeEvaluations).values({
      regionCode, year: input.year, versionId: version.id, stage: 'draft', openedAt: now, openedBy: actor.userId, updatedAt: now,
    }).onConflictDoNothing().returning();
    if (!ev) throw new AppError('spbe.evaluation_exists', { year: input.year });
    await tx.insert(spbeAnswers).values(version.document.indicators.map((i) => ({ regionCode, evaluationId: ev.id, indicatorCode: i.code, status: 'unassigned', updatedAt: now })));
    await record(tx, now, actor, ev, null, 'open', { year: input.year, framework: version.frameworkCode, version: version.version });
    return ev.id;
  });
}

/** Assigns indicators to units (OPD); null takes an assignment back, only while in draft. */
export async function assign(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, items: { indicator: string; unitId: string | null }[]) {
  await ctx.database.db.transaction(async (tx) => {
    const ev = await evaluationFor(tx, regionCode, evaluationId, 'share');
    const unitIds = [...new Set(items.map((i) => i.unitId).filter((u): u is string => u !== null))];
    const found = unitIds.length === 0 ? [] : await tx.select({ id: units.id }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.active, true), inArray(units.id, unitIds)));
    if (found.length !== unitIds.length) throw new AppError('unit.not_found');
    const now = ctx.clock.now();
    for (const item of items) {
      const answer = await answerFor(tx, ev, item.indicator);
      ensureAllowed('assign', stageOf(ev), status(answer));
      if (item.unitId === null && ev.stage !== 'draft') throw new AppError('spbe.wrong_stage', { action: 'unassign', stage: ev.stage, allowedStages: ['draft'] });
      if (answer.unitId === item.unitId) continue;
      const next: AnswerStatus = item.unitId === null ? 'unassigned' : answer.status === 'unassigned' ? 'pending' : status(answer);
      await tx.update(spbeAnswers).set({ unitId: item.unitId, status: next, updatedAt: now })
        .where(and(eq(spbeAnswers.regionCode, regionCode), eq(spbeAnswers.evaluationId, ev.id), eq(spbeAnswers.indicatorCode, item.indicator)));
      await record(tx, now, actor, ev, item.indicator, 'assign', { from: answer.unitId, to: item.unitId });
    }
  });
}

export interface SelfAssessment { level?: number | null; explanation?: string; links?: { url: string; label: string }[] }

/** The unit's answer, with new evidence files (already checked by content); all or nothing. */
export async function saveAnswer(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, indicator: string, input: SelfAssessment, files: CheckedFile[]) {
  await ctx.database.db.transaction(async (tx) => {
    const ev = await evaluationFor(tx, regionCode, evaluationId, 'share');
    const answer = await answerFor(tx, ev, indicator);
    ensureAllowed('fill', stageOf(ev), status(answer));
    ensureOwnUnit(actor, regionCode, answer.unitId);
    if (input.level !== undefined && input.level !== null) checkLevel((await versionById(tx, ev.versionId)).document, input.level);
    if (files.length > 0) {
      const existing = await tx.select({ id: spbeEvidence.id }).from(spbeEvidence)
        .where(and(eq(spbeEvidence.regionCode, regionCode), eq(spbeEvidence.evaluationId, ev.id), eq(spbeEvidence.indicatorCode, indicator)));
      if (existing.length + files.length > MAX_EVIDENCE_PER_INDICATOR) throw new AppError('file.too_many', { max: MAX_EVIDENCE_PER_INDICATOR, existing: existing.length });
    }
    const now = ctx.clock.now();
    await tx.update(spbeAnswers).set({
      ...(input.level !== undefined ? { selfLevel: input.level } : {}),
      ...(input.explanation !== undefined ? { explanation: input.explanation } : {}),
      ...(input.links !== undefined ? { links: input.links } : {}),
      updatedAt: now,
    }).where(and(eq(spbeAnswers.regionCode, regionCode), eq(spbeAnswers.evaluationId, ev.id), eq(spbeAnswers.indicatorCode, indicator)));
    if (files.length > 0) {
      await tx.insert(spbeEvidence).values(files.map((f) => ({
        regionCode, evaluationId: ev.id, indicatorCode: indicator, fileName: f.fileName.slice(0, 200), contentType: f.contentType, bytes: f.data.length, data: f.data, uploadedAt: now, uploadedBy: actor.userId,
      })));
    }
    await record(tx, now, actor, ev, indicator, 'fill', {
      ...(input.level !== undefined && input.level !== answer.selfLevel ? { level: { from: answer.selfLevel, to: input.level } } : {}),
      ...(input.explanation !== undefined && input.explanation !== answer.explanation ? { explanation: input.explanation } : {}),
      ...(input.links !== undefined ? { links: input.links } : {}),
      ...(files.length > 0 ? { files: files.map((f) => f.fileName) } : {}),
    });
  });
}

export async function deleteEvidence(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, evidenceId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const ev = await evaluationFor(tx, regionCode, evaluationId, 'share');
    const [file] = await tx.select({ indicatorCode: spbeEvidence.indicatorCode, fileName: spbeEvidence.fileName }).from(spbeEvidence)
      .where(and(eq(spbeEvidence.regionCode, regionCode), eq(spbeEvidence.evaluationId, ev.id), eq(spbeEvidence.id, evidenceId)));
    if (!file) throw new AppError('file.not_found');
    const answer = await answerFor(tx, ev, file.indicatorCode);
    ensureAllowed('fill', stageOf(ev), status(answer));
    ensureOwnUnit(actor, regionCode, answer.unitId);
    await tx.delete(spbeEvidence).where(and(eq(spbeEvidence.regionCode, regionCode), eq(spbeEvidence.id, evidenceId)));
    await record(tx, ctx.clock.now(), actor, ev, file.indicatorCode, 'evidence_remove', { file: file.fileName });
  });
}

type Change = { set: Partial<AnswerRow>; action: string; detail: Record<string, unknown> };
/** A rule for one answer: checks it may happen now and says what changes; writes nothing. */
type Rule = (ev: EvaluationRow, answer: AnswerRow, tx: Queryable, now: Date) => Promise<Change>;

/** Applies a rule to one answer: checks, writes the change and its history line. */
async function applyRule(tx: Queryable, now: Date, actor: Actor, ev: EvaluationRow, indicator: string, rule: Rule) {
  const answer = await answerFor(tx, ev, indicator);
  const { set, action, detail } = await rule(ev, answer, tx, now);
  await tx.update(spbeAnswers).set({ ...set, updatedAt: now })
    .where(and(eq(spbeAnswers.regionCode, ev.regionCode), eq(spbeAnswers.evaluationId, ev.id), eq(spbeAnswers.indicatorCode, indicator)));
  await record(tx, now, actor, ev, indicator, action, detail);
}

/** One step on one answer, in its own transaction. */
async function step(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, indicator: string, rule: Rule) {
  await ctx.database.db.transaction(async (tx) => {
    const ev = await evaluationFor(tx, regionCode, evaluationId, 'share');
    await applyRule(tx, ctx.clock.now(), actor, ev, indicator, rule);
  });
}

export interface BulkFailure { indicator: string; code: string; messages: { id: string; en: string }; details?: unknown }

/**
 * The same step on many answers, in one transaction and all or nothing: each
 * answer goes through exactly the rule (and history line) of the single
 * step; if any is refused, nothing is saved and every refusal is listed per
 * indicator, so the person can deselect those and apply again.
 */
async function steps(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, action: Action, items: { indicator: string; rule: Rule }[]) {
  await ctx.database.db.transaction(async (tx) => {
    const ev = await evaluationFor(tx, regionCode, evaluationId, 'share');
    ensureAllowed(action, stageOf(ev)); // a wrong stage or a closed evaluation is one answer, not one per indicator
    const now = ctx.clock.now();
    const failures: BulkFailure[] = [];
    for (const { indicator, rule } of items) {
      try {
        await applyRule(tx, now, actor, ev, indicator, rule);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const [, id, en] = errorEntry(err.code);
        failures.push({ indicator, code: err.code, messages: { id, en }, ...(err.details === undefined ? {} : { details: err.details }) });
      }
    }
    if (failures.length > 0) throw new AppError('spbe.bulk_refused', { failures });
  });
  return { count: items.length };
}

export const submitAnswer = (ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, indicator: string) =>
  step(ctx, regionCode, actor, evaluationId, indicator, async (ev, answer, _tx, now) => {
    ensureAllowed('submit', stageOf(ev), status(answer));
    ensureOwnUnit(actor, regionCode, answer.unitId);
    if (answer.selfLevel === null) throw new AppError('request.invalid', { level: 'choose a level before submitting' });
    return { set: { status: 'submitted', submittedAt: now }, action: 'submit', detail: { level: answer.selfLevel } };
  });

/** The coordinator accepts an answer or returns it to the unit with a note. */
const reviewRule = (decision: 'accept' | 'return', note: string | null): Rule => async (ev, answer, _tx, now) => {
  ensureAllowed('review', stageOf(ev), status(answer));
  return { set: { status: decision === 'accept' ? 'accepted' : 'returned', reviewNote: note, reviewedAt: now }, action: decision, detail: { note } };
};

export const reviewAnswer = (ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, indicator: string, decision: 'accept' | 'return', note: string | null) =>
  step(ctx, regionCode, actor, evaluationId, indicator, reviewRule(decision, note));

export const reviewAnswers = (ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, indicators: string[], decision: 'accept' | 'return', note: string | null) =>
  steps(ctx, regionCode, actor, evaluationId, 'review', indicators.map((indicator) => ({ indicator, rule: reviewRule(decision, note) })));

/** The internal assessor validates an accepted answer or returns it to the unit. */
const validationRule = (decision: 'validate' | 'return', note: string | null): Rule => async (ev, answer, _tx, now) => {
  ensureAllowed('validate', stageOf(ev), status(answer));
  return decision === 'validate'
    ? { set: { status: 'validated', validatedAt: now, reviewNote: note ?? answer.reviewNote }, action: 'validate', detail: { note } }
    : { set: { status: 'returned', reviewNote: note, reviewedAt: now }, action: 'return_validation', detail: { note } };
};

export const validateAnswer = (ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, indicator: string, decision: 'validate' | 'return', note: string | null) =>
  step(ctx, regionCode, actor, evaluationId, indicator, validationRule(decision, note));

export const validateAnswers = (ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, indicators: string[], decision: 'validate' | 'return', note: string | null) =>
  steps(ctx, regionCode, actor, evaluationId, 'validate', indicators.map((indicator) => ({ indicator, rule: validationRule(decision, note) })));

export interface Assessment { level: number; reason: string; interviewNote?: string | null; visitNote?: string | null }

/** The external assessor's final level with its reason, and interview and visit notes. */
const assessmentRule = (actor: Actor, input: Assessment): Rule => async (ev, answer, tx, now) => {
  ensureAllowed('assess', stageOf(ev), status(answer));
  checkLevel((await versionById(tx, ev.versionId)).document, input.level);
  return {
    set: {
      finalLevel: input.level, finalReason: input.reason, assessedAt: now, assessedBy: actor.userId,
      ...(input.interviewNote !== undefined ? { interviewNote: input.interviewNote } : {}),
      ...(input.visitNote !== undefined ? { visitNote: input.visitNote } : {}),
    },
    action: 'assess',
    detail: { level: { from: answer.finalLevel, to: input.level }, selfLevel: answer.selfLevel, reason: input.reason, interviewNote: input.interviewNote, visitNote: input.visitNote },
  };
};

export const assessAnswer = (ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, indicator: string, input: Assessment) =>
  step(ctx, regionCode, actor, evaluationId, indicator, assessmentRule(actor, input));

export const assessAnswers = (ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, items: (Assessment & { indicator: string })[]) =>
  steps(ctx, regionCode, actor, evaluationId, 'assess', items.map(({ indicator, ...input }) => ({ indicator, rule: assessmentRule(actor, input) })));

/** What the region shares with other regions for this indicator: a practice note and chosen evidence files. */
export const sharePractice = (ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, indicator: string, input: { shared: boolean; note: string | null; evidenceIds: string[] }) =>
  step(ctx, regionCode, actor, evaluationId, indicator, async (ev, answer, tx) => {
    ensureAllowed('share_practice', stageOf(ev), status(answer));
    const files = await tx.select({ id: spbeEvidence.id }).from(spbeEvidence)
      .where(and(eq(spbeEvidence.regionCode, regionCode), eq(spbeEvidence.evaluationId, ev.id), eq(spbeEvidence.indicatorCode, indicator)));
    const own = new Set(files.map((f) => f.id));
    if (input.evidenceIds.some((id) => !own.has(id))) throw new AppError('file.not_found');
    const chosen = input.shared ? input.evidenceIds : [];
    await tx.update(spbeEvidence).set({ shared: false }).where(and(eq(spbeEvidence.regionCode, regionCode), eq(spbeEvidence.evaluationId, ev.id), eq(spbeEvidence.indicatorCode, indicator)));
    if (chosen.length > 0) await tx.update(spbeEvidence).set({ shared: true }).where(and(eq(spbeEvidence.regionCode, regionCode), inArray(spbeEvidence.id, chosen)));
    return { set: { practiceShared: input.shared, practiceNote: input.note }, action: 'share_practice', detail: { shared: input.shared, note: input.note, evidence: chosen } };
  });

const stamp: Record<Exclude<Stage, 'draft'>, keyof EvaluationRow> = {
  self_assessment: 'selfAssessmentAt', internal_validation: 'internalValidationAt', external_assessment: 'externalAssessmentAt', final: 'finalAt', closed: 'closedAt',
};

/** Moves to the next stage when every answer is ready for it; finalising records the result. */
export async function moveStage(ctx: AppContext, regionCode: string, actor: Actor, evaluationId: string, to: Exclude<Stage, 'draft'>) {
  return ctx.database.db.transaction(async (tx) => {
    const ev = await evaluationFor(tx, regionCode, evaluationId, 'update');
    const answers = await tx.select().from(spbeAnswers).where(and(eq(spbeAnswers.regionCode, regionCode), eq(spbeAnswers.evaluationId, ev.id)));
    const next = nextStage(stageOf(ev), answers.map((a) => ({ indicator: a.indicatorCode, status: status(a), finalLevel: a.finalLevel })));
    if (next.to !== to) throw new AppError('spbe.wrong_stage', { stage: ev.stage, next: next.to });
    if (next.blocking.length > 0) throw new AppError('spbe.stage_incomplete', { stage: ev.stage, to, indicators: next.blocking });
    const now = ctx.clock.now();
    if (to === 'final') {
      const version = await versionById(tx, ev.versionId);
      const final = score(version.document, new Map(answers.map((a) => [a.indicatorCode, a.finalLevel])));
      await recordEvaluationResult(tx, ev, version, final, now);
    }
    await tx.update(spbeEvaluations).set({ stage: to, [stamp[to]]: now, updatedAt: now }).where(and(eq(spbeEvaluations.regionCode, regionCode), eq(spbeEvaluations.id, ev.id)));
    await record(tx, now, actor, ev, null, 'stage', { from: ev.stage, to });
    return to;
  });
}

export async function evidenceFile(ctx: AppContext, regionCode: string, evaluationId: string, evidenceId: string) {
  const [file] = await ctx.database.db.select().from(spbeEvidence)
    .where(and(eq(spbeEvidence.regionCode, regionCode), eq(spbeEvidence.evaluationId, evaluationId), eq(spbeEvidence.id, evidenceId)));
  if (!file) throw new AppError('file.not_found');
  return file;
}

export async function history(ctx: AppContext, regionCode: string, evaluationId: string) {
  await evaluationFor(ctx.database.db, regionCode, evaluationId);
  return ctx.database.db.select({
    id: spbeHistory.id, at: spbeHistory.at, indicator: spbeHistory.indicatorCode, action: spbeHistory.action, actor: spbeHistory.actorLabel, detail: spbeHistory.detail,
  }).from(spbeHistory).where(and(eq(spbeHistory.regionCode, regionCode), eq(spbeHistory.evaluationId, evaluationId))).orderBy(asc(spbeHistory.id));
}

// The Inspektorat's internal AKIP evaluation on the PermenPANRB 88/2021
// worksheet: an evaluator opens the year's evaluation (pinning the worksheet
// version as it is), the units answer the kriteria with evidence, evaluators
// give each sub-komponen its letter with a note, and finalising stores the
// score and predicate computed by domain/evaluation.ts (never here). A final
// evaluation is read-only except its recommendations' follow-up, which moves
// open → in progress → done. One transaction per use case, audited inside it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { can, rolesWith, unitsReached, type Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import { lkeFramework, lkeFrameworkFromSource, scoreEvaluation, suggestLetterFromCriteria, type LkeFramework } from '../domain/evaluation.js';
import { readSakipReference, sakipReferenceFiles } from '../reference/read.js';
import { sakipEvaluationAnswers, sakipEvaluationReviews, sakipEvaluations, sakipRecommendationFollowUps, sakipRecommendations } from '../schema.js';
import { actorLabel } from './data.js';

// ---------------------------------------------------------------------------
// Worksheet versions: shipped with the module; a corrected worksheet is a new
// key, so an evaluation or result never changes meaning under a later fix.

const worksheetSources = {
  'permenpanrb-88-2021': () => lkeFrameworkFromSource(readSakipReference(sakipReferenceFiles.lke)),
} as const satisfies Record<string, () => LkeFramework>;
export type WorksheetVersion = keyof typeof worksheetSources;
export const worksheetVersions = Object.keys(worksheetSources) as [WorksheetVersion, ...WorksheetVersion[]];
export const CURRENT_WORKSHEET: WorksheetVersion = 'permenpanrb-88-2021';

const loaded = new Map<string, LkeFramework>();
export function worksheet(version: string): LkeFramework {
  const make = (worksheetSources as Record<string, () => LkeFramework>)[version];
  if (!make) throw new AppError('sakip.worksheet_unknown', { value: version });
  if (!loaded.has(version)) loaded.set(version, make());
  return loaded.get(version)!;
}

export const evaluationStatuses = ['draft', 'answering', 'reviewing', 'final'] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];
/** The stages an evaluation may move to from each: reviewing can send it back for answers; final is the end. */
const nextStatuses: Record<EvaluationStatus, EvaluationStatus[]> = {
  draft: ['answering'],
  answering: ['reviewing'],
  reviewing: ['answering', 'final'],
  final: [],
};

export const followUpStatuses = ['open', 'in_progress', 'done'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

type EvaluationRow = typeof sakipEvaluations.$inferSelect;

export async function evaluationRow(db: Queryable, regionCode: string, id: string, lock?: 'update' | 'share'): Promise<EvaluationRow> {
  const q = db.select().from(sakipEvaluations).where(and(eq(sakipEvaluations.regionCode, regionCode), eq(sakipEvaluations.id, id)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw new AppError('sakip.evaluation_not_found');
  return row;
}

/** The worksheet the evaluation was opened with, as stored (checked again: a stored row is data too). */
export const pinned = (row: EvaluationRow): LkeFramework => lkeFramework.parse(row.worksheet);

export function ensureStatus(row: EvaluationRow, allowed: EvaluationStatus[]): void {
  if (row.status === 'final') throw new AppError('sakip.evaluation_final');
  if (!allowed.includes(row.status as EvaluationStatus)) throw new AppError('sakip.evaluation_status', { status: row.status, allowed });
}

const by = (actor: Actor) => ({ id: actor.userId, label: actorLabel(actor) });

// ---------------------------------------------------------------------------
// Use cases

/** Opens the year's evaluation as a draft, pinning the worksheet; by default every active unit answers. */
export async function openEvaluation(ctx: AppContext, regionCode: string, actor: Actor, input: { year: number; worksheetVersion?: string; unitIds?: string[] }) {
  const version = input.worksheetVersion ?? CURRENT_WORKSHEET;
  const framework = worksheet(version);
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const regionUnits = await tx.select({ id: units.id }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.active, true))).orderBy(asc(units.code));
    const known = new Set(regionUnits.map((u) => u.id));
    const unitIds = input.unitIds ?? regionUnits.map((u) => u.id);
    const stranger = unitIds.find((u) => !known.has(u));
    if (stranger) throw new AppError('unit.not_found', { unitId: stranger });
    const [row] = await tx.insert(sakipEvaluations).values({
      regionCode, year: input.year, worksheetVersion: version, worksheet: framework, unitIds: [...new Set(unitIds)], status: 'draft', createdAt: now, updatedAt: now,
    }).onConflictDoNothing().returning();
    if (!row) throw new AppError('sakip.evaluation_exists', { year: input.year });
    await audit(tx, now, actor, regionCode, 'sakip.evaluation_open', 'sakip_evaluation', row.id, { year: input.year, worksheetVersion: version, units: unitIds.length });
    return row.id;
  });
}

/**
 * Moves the evaluation to its next stage. Final needs every sub-komponen
 * scored and stores the published score and predicate with who and when.
 */
export async function setEvaluationStatus(ctx: AppContext, regionCode: string, actor: Actor, id: string, status: EvaluationStatus) {
  await ctx.database.db.transaction(async (tx) => {
    const row = await evaluationRow(tx, regionCode, id, 'update');
    if (row.status === status) return;
    ensureStatus(row, evaluationStatuses.filter((s) => nextStatuses[s].includes(status)));
    const now = ctx.clock.now();
    let final = {};
    if (status === 'final') {
      const reviews = await tx.select().from(sakipEvaluationReviews).where(and(eq(sakipEvaluationReviews.regionCode, regionCode), eq(sakipEvaluationReviews.evaluationId, id)));
      const score = scoreEvaluation(pinned(row), Object.fromEntries(reviews.map((r) => [r.subComponent, r.letter])));
      if (!score.ok) throw new AppError('sakip.evaluation_incomplete', { missing: score.missing });
      final = { score: score.published.toFixed(2), predicate: score.predicate.code, finalisedAt: now, finalisedBy: actor.userId, finalisedByLabel: actorLabel(actor) };
    }
    await tx.update(sakipEvaluations).set({ status, updatedAt: now, ...final }).where(and(eq(sakipEvaluations.regionCode, regionCode), eq(sakipEvaluations.id, id)));
    await audit(tx, now, actor, regionCode, status === 'final' ? 'sakip.evaluation_final' : 'sakip.evaluation_status', 'sakip_evaluation', id, final, { before: { status: row.status }, after: { status } });
  });
}

export async function setEvaluationNotes(ctx: AppContext, regionCode: string, actor: Actor, id: string, notes: string) {
  await ctx.database.db.transaction(async (tx) => {
    const row = await evaluationRow(tx, regionCode, id, 'update');
    ensureStatus(row, ['draft', 'answering', 'reviewing']);
    const now = ctx.clock.now();
    await tx.update(sakipEvaluations).set({ notes, updatedAt: now }).where(and(eq(sakipEvaluations.regionCode, regionCode), eq(sakipEvaluations.id, id)));
    await audit(tx, now, actor, regionCode, 'sakip.evaluation_notes', 'sakip_evaluation', id, {}, { before: { notes: row.notes }, after: { notes } });
  });
}

/** The evaluation's units this actor answers for: null is every unit (the coordinator). */
export const unitsAnswered = (actor: Actor, regionCode: string) => unitsReached(actor, regionCode, new Set(rolesWith('sakip.answer')));

/** Answering (and attaching its evidence) for an evaluated unit: its head or planner, or the coordinator, while answering. */
export function ensureMayAnswer(row: EvaluationRow, regionCode: string, actor: Actor, unitId: string): void {
  if (!row.unitIds.includes(unitId)) throw new AppError('sakip.unit_not_evaluated', { unitId });
  const reach = unitsAnswered(actor, regionCode);
  if (reach !== null && !reach.has(unitId)) throw new AppError('sakip.not_your_unit');
  ensureStatus(row, ['answering']);
}

export const criterionCodes = (framework: LkeFramework) => new Set(framework.components.flatMap((c) => c.subComponents.flatMap((s) => s.criteria.map((k) => k.code))));

export interface CriterionAnswerInput { criterion: string; answer: string; evidence: string }

/**
 * A unit's answers to kriteria (upserted), while the evaluation is open for
 * answers. Only that unit's head or planner, or the region's coordinator.
 */
export async function answerCriteria(ctx: AppContext, regionCode: string, actor: Actor, id: string, unitId: string, answers: CriterionAnswerInput[]) {
  await ctx.database.db.transaction(async (tx) => {
    const row = await evaluationRow(tx, regionCode, id, 'share');
    ensureMayAnswer(row, regionCode, actor, unitId);
    const framework = pinned(row);
    const criteria = criterionCodes(framework);
    const allowed = Object.keys(framework.criterionAnswers);
    for (const a of answers) {
      if (!criteria.has(a.criterion)) throw new AppError('sakip.criterion_unknown', { value: a.criterion });
      if (!allowed.includes(a.answer)) throw new AppError('sakip.answer_invalid', { value: a.answer, allowed });
    }
    const now = ctx.clock.now();
    const who = by(actor);
    for (const a of answers) {
      const values = { answer: a.answer, evidence: a.evidence, answeredAt: now, answeredBy: who.id, answeredByLabel: who.label };
      await tx.insert(sakipEvaluationAnswers).values({ regionCode, evaluationId: id, unitId, criterion: a.criterion, ...values })
        .onConflictDoUpdate({ target: [sakipEvaluationAnswers.regionCode, sakipEvaluationAnswers.evaluationId, sakipEvaluationAnswers.unitId, sakipEvaluationAnswers.criterion], set: values });
    }
    await audit(tx, now, actor, regionCode, 'sakip.evaluation_answer', 'sakip_evaluation', id, { unitId, criteria: answers.map((a) => a.criterion) });
  });
}

/** An evaluator's letter for a sub-komponen, with the note behind it, while reviewing. */
export async function reviewSubComponent(ctx: AppContext, regionCode: string, actor: Actor, id: string, subComponent: string, input: { letter: string; note: string }) {
  await ctx.database.db.transaction(async (tx) => {
    const row = await evaluationRow(tx, regionCode, id, 'share');
    ensureStatus(row, ['reviewing']);
    const framework = pinned(row);
    if (!framework.components.some((c) => c.subComponents.some((s) => s.code === subComponent))) throw new AppError('sakip.sub_component_unknown', { value: subComponent });
    const allowed = framework.letters.map((l) => l.letter);
    if (!allowed.includes(input.letter)) throw new AppError('sakip.letter_invalid', { value: input.letter, allowed });
    const now = ctx.clock.now();
    const who = by(actor);
    const values = { letter: input.letter, note: input.note, reviewedAt: now, reviewedBy: who.id, reviewedByLabel: who.label };
    const [before] = await tx.select().from(sakipEvaluationReviews).where(and(eq(sakipEvaluationReviews.regionCode, regionCode), eq(sakipEvaluationReviews.evaluationId, id), eq(sakipEvaluationReviews.subComponent, subComponent)));
    await tx.insert(sakipEvaluationReviews).values({ regionCode, evaluationId: id, subComponent, ...values })
      .onConflictDoUpdate({ target: [sakipEvaluationReviews.regionCode, sakipEvaluationReviews.evaluationId, sakipEvaluationReviews.subComponent], set: values });
    await audit(tx, now, actor, regionCode, 'sakip.evaluation_review', 'sakip_evaluation', id, { subComponent }, { before: before ? { letter: before.letter, note: before.note } : null, after: { letter: input.letter, note: input.note } });
  });
}

/** A recommendation for the region or one evaluated unit, while answering or reviewing. */
export async function addRecommendation(ctx: AppContext, regionCode: string, actor: Actor, id: string, input: { text: string; subComponent?: string | null; unitId?: string | null }) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await evaluationRow(tx, regionCode, id, 'update');
    ensureStatus(row, ['answering', 'reviewing']);
    const framework = pinned(row);
    if (input.subComponent && !framework.components.some((c) => c.subComponents.some((s) => s.code === input.subComponent))) throw new AppError('sakip.sub_component_unknown', { value: input.subComponent });
    if (input.unitId && !row.unitIds.includes(input.unitId)) throw new AppError('sakip.unit_not_evaluated', { unitId: input.unitId });
    const existing = await tx.select({ id: sakipRecommendations.id }).from(sakipRecommendations).where(and(eq(sakipRecommendations.regionCode, regionCode), eq(sakipRecommendations.evaluationId, id)));
    const now = ctx.clock.now();
    const who = by(actor);
    const [rec] = await tx.insert(sakipRecommendations).values({
      regionCode, evaluationId: id, subComponent: input.subComponent ?? null, unitId: input.unitId ?? null, text: input.text, status: 'open', position: existing.length,
      createdAt: now, createdBy: who.id, createdByLabel: who.label,
    }).returning();
    await audit(tx, now, actor, regionCode, 'sakip.recommendation_add', 'sakip_recommendation', rec.id, { evaluationId: id, unitId: rec.unitId, subComponent: rec.subComponent });
    return rec.id;
  });
}

/**
 * A step of a recommendation's follow-up, once the evaluation is final (the
 * report issued): the unit it names (its head or planner), the coordinator
 * or an evaluator reports progress; only an evaluator, who verifies the
 * evidence, declares it done or reopens it.
 */
export async function followUpRecommendation(ctx: AppContext, regionCode: string, actor: Actor, id: string, recommendationId: string, input: { status: FollowUpStatus; note: string }) {
  await ctx.database.db.transaction(async (tx) => {
    const row = await evaluationRow(tx, regionCode, id, 'share');
    const [rec] = await tx.select().from(sakipRecommendations)
      .where(and(eq(sakipRecommendations.regionCode, regionCode), eq(sakipRecommendations.evaluationId, id), eq(sakipRecommendations.id, recommendationId))).for('update');
    if (!rec) throw new AppError('sakip.recommendation_not_found');
    if (row.status !== 'final') throw new AppError('sakip.evaluation_status', { status: row.status, allowed: ['final'] });
    const reach = unitsReached(actor, regionCode, new Set(rolesWith('sakip.follow_up')));
    if (reach !== null && (rec.unitId === null || !reach.has(rec.unitId))) throw new AppError('sakip.not_your_unit');
    const evaluator = can(actor, 'sakip.evaluate', regionCode);
    const from = rec.status as FollowUpStatus;
    const to = input.status;
    // Progress notes keep it in progress; only the evaluator closes (done) or reopens what was done.
    const allowed = (from === 'open' && to === 'in_progress') || (from === 'in_progress' && to === 'in_progress')
      || (evaluator && to === 'done' && from !== 'done') || (evaluator && from === 'done' && to === 'in_progress');
    if (!allowed) throw new AppError('sakip.follow_up_invalid', { from, to });
    const now = ctx.clock.now();
    const who = by(actor);
    const steps = await tx.select({ seq: sakipRecommendationFollowUps.seq }).from(sakipRecommendationFollowUps)
      .where(and(eq(sakipRecommendationFollowUps.regionCode, regionCode), eq(sakipRecommendationFollowUps.recommendationId, recommendationId)));
    await tx.insert(sakipRecommendationFollowUps).values({ regionCode, recommendationId, seq: steps.length + 1, status: to, note: input.note, at: now, by: who.id, byLabel: who.label });
    await tx.update(sakipRecommendations).set({ status: to }).where(and(eq(sakipRecommendations.regionCode, regionCode), eq(sakipRecommendations.id, recommendationId)));
    await audit(tx, now, actor, regionCode, 'sakip.recommendation_follow_up', 'sakip_recommendation', recommendationId, { note: input.note }, { before: { status: from }, after: { status: to } });
  });
}

// ---------------------------------------------------------------------------
// Reads

export async function listEvaluations(ctx: AppContext, regionCode: string) {
  const rows = await ctx.database.db.select().from(sakipEvaluations).where(eq(sakipEvaluations.regionCode, regionCode)).orderBy(asc(sakipEvaluations.year));
  return rows.map((r) => ({
    id: r.id, year: r.year, status: r.status as EvaluationStatus, worksheetVersion: r.worksheetVersion,
    score: r.score, predicate: r.predicate === null ? null : predicateView(pinned(r), r.predicate),
  }));
}

const predicateView = (framework: LkeFramework, code: string) => {
  const p = framework.predicates.find((x) => x.code === code)!;
  return { code: p.code, label: p.label };
};

/**
 * The whole evaluation as the worksheet reads: components, sub-komponen and
 * kriteria with every unit's answers, the letter suggested from a unit's
 * answers (single-source rule, a hint only), the evaluator's letter and note,
 * the score when every sub-komponen has its letter, the recommendations with
 * their follow-up.
 */
export async function evaluationView(ctx: AppContext, regionCode: string, id: string) {
  const db = ctx.database.db;
  const row = await evaluationRow(db, regionCode, id);
  const framework = pinned(row);
  const [answers, reviews, recs, unitRows] = await Promise.all([
    db.select().from(sakipEvaluationAnswers).where(and(eq(sakipEvaluationAnswers.regionCode, regionCode), eq(sakipEvaluationAnswers.evaluationId, id))),
    db.select().from(sakipEvaluationReviews).where(and(eq(sakipEvaluationReviews.regionCode, regionCode), eq(sakipEvaluationReviews.evaluationId, id))),
    db.select().from(sakipRecommendations).where(and(eq(sakipRecommendations.regionCode, regionCode), eq(sakipRecommendations.evaluationId, id))).orderBy(asc(sakipRecommendations.position)),
    row.unitIds.length === 0 ? [] : db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), inArray(units.id, row.unitIds))).orderBy(asc(units.code)),
  ]);
  const steps = recs.length === 0 ? [] : await db.select().from(sakipRecommendationFollowUps)
    .where(and(eq(sakipRecommendationFollowUps.regionCode, regionCode), inArray(sakipRecommendationFollowUps.recommendationId, recs.map((r) => r.id))))
    .orderBy(asc(sakipRecommendationFollowUps.seq));
  const unitOf = new Map(unitRows.map((u) => [u.id, u]));
  const answersOf = new Map<string, Record<string, string>>(unitRows.map((u) => [u.id, {}]));
  for (const a of answers) {
    const ofUnit = answersOf.get(a.unitId);
    if (ofUnit) ofUnit[a.criterion] = a.answer;
  }
  const reviewOf = new Map(reviews.map((r) => [r.subComponent, r]));
  const score = scoreEvaluation(framework, Object.fromEntries(reviews.map((r) => [r.subComponent, r.letter])));
  const scored = score.ok ? new Map(score.components.flatMap((c) => c.subComponents.map((s) => [s.code, s.score.toFixed(2)]))) : new Map<string, string>();
  const criterionCount = framework.components.reduce((n, c) => n + c.subComponents.reduce((m, s) => m + s.criteria.length, 0), 0);
  return {
    id: row.id, year: row.year, status: row.status as EvaluationStatus, worksheetVersion: row.worksheetVersion, regulation: framework.regulation, notes: row.notes,
    letters: framework.letters, answerScheme: Object.entries(framework.criterionAnswers).map(([answer, value]) => ({ answer, value })),
    predicates: framework.predicates.map((p) => ({ code: p.code, label: p.label, min: p.min, minInclusive: p.minInclusive, max: p.max, maxInclusive: p.maxInclusive })),
    units: unitRows.map((u) => ({ ...u, answered: Object.keys(answersOf.get(u.id) ?? {}).length, criteria: criterionCount })),
    components: framework.components.map((c) => ({
      code: c.code, name: c.name, weight: c.weight,
      score: score.ok ? score.components.find((x) => x.code === c.code)!.score.toFixed(2) : null,
      subComponents: c.subComponents.map((s) => {
        const review = reviewOf.get(s.code);
        return {
          code: s.code, kind: s.kind, name: s.name, weight: s.weight,
          letter: review?.letter ?? null, note: review?.note ?? '',
          reviewed: review ? { at: review.reviewedAt, by: review.reviewedByLabel } : null,
          score: scored.get(s.code) ?? null,
          suggestions: unitRows.map((u) => {
            const hint = suggestLetterFromCriteria(framework, s.code, answersOf.get(u.id) ?? {});
            return { unitId: u.id, letter: hint.ok ? hint.suggestion : null, met: hint.ok ? hint.met : null, total: s.criteria.length };
          }),
          criteria: s.criteria.map((k) => ({
            code: k.code, text: k.text,
            answers: answers.filter((a) => a.criterion === k.code).map((a) => ({ unitId: a.unitId, answer: a.answer, evidence: a.evidence, at: a.answeredAt, by: a.answeredByLabel })),
          })),
        };
      }),
    })),
    score: score.ok
      ? { complete: true as const, total: score.published.toFixed(2), predicate: { code: score.predicate.code, label: score.predicate.label }, missing: [] as string[] }
      : { complete: false as const, total: null, predicate: null, missing: score.missing },
    final: row.status === 'final' && row.score !== null && row.predicate !== null
      ? { score: row.score, predicate: predicateView(framework, row.predicate), at: row.finalisedAt!, by: row.finalisedByLabel ?? '' }
      : null,
    recommendations: recs.map((r) => ({
      id: r.id, subComponent: r.subComponent, unit: r.unitId === null ? null : unitOf.get(r.unitId) ?? null, text: r.text, status: r.status as FollowUpStatus,
      created: { at: r.createdAt, by: r.createdByLabel },
      followUps: steps.filter((f) => f.recommendationId === r.id).map((f) => ({ seq: f.seq, status: f.status as FollowUpStatus, note: f.note, at: f.at, by: f.byLabel })),
    })),
  };
}

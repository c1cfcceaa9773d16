// What a region's staff read: the list of evaluations, one evaluation with the
// self-assessed and final results side by side, and the actor's own tasks.
import { and, asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { can, isUnitRole, type Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import { answerStatuses, stages, type Stage } from '../domain/cycle.js';
import { domainOf, levelName, type FrameworkDocument } from '../domain/framework.js';
import { score } from '../domain/scoring.js';
import { spbeAnswers, spbeEvaluations, spbeEvidence, spbeFrameworks, spbeFrameworkVersions, spbeResults } from '../schema.js';
import { evaluationFor, type AnswerRow, type EvaluationRow } from './evaluations.js';
import { versionById } from './frameworks.js';

export function stageDates(ev: EvaluationRow): { stage: Stage; at: Date | null }[] {
  const at: Record<Stage, Date | null> = {
    draft: ev.openedAt, self_assessment: ev.selfAssessmentAt, internal_validation: ev.internalValidationAt,
    external_assessment: ev.externalAssessmentAt, final: ev.finalAt, closed: ev.closedAt,
  };
  return stages.map((stage) => ({ stage, at: at[stage] }));
}

export const evidenceUrl = (regionCode: string, evaluationId: string, id: string) => `/api/regions/${regionCode}/spbe/evaluations/${evaluationId}/evidence/${id}`;

export async function listEvaluations(ctx: AppContext, regionCode: string) {
  const rows = await ctx.database.db
    .select({ ev: spbeEvaluations, framework: spbeFrameworkVersions.frameworkCode, version: spbeFrameworkVersions.version, nameId: spbeFrameworks.nameId, nameEn: spbeFrameworks.nameEn, result: spbeResults })
    .from(spbeEvaluations)
    .innerJoin(spbeFrameworkVersions, eq(spbeFrameworkVersions.id, spbeEvaluations.versionId))
    .innerJoin(spbeFrameworks, eq(spbeFrameworks.code, spbeFrameworkVersions.frameworkCode))
    .leftJoin(spbeResults, and(eq(spbeResults.regionCode, spbeEvaluations.regionCode), eq(spbeResults.evaluationId, spbeEvaluations.id)))
    .where(eq(spbeEvaluations.regionCode, regionCode))
    .orderBy(desc(spbeEvaluations.year));
  return rows.map((r) => ({
    id: r.ev.id, year: r.ev.year, stage: r.ev.stage, stages: stageDates(r.ev),
    framework: { code: r.framework, version: r.version, versionId: r.ev.versionId, name: { id: r.nameId, en: r.nameEn } },
    finalIndex: r.result ? Number(r.result.index) : null, predicate: r.result?.predicate ?? null, published: r.result?.published ?? false,
  }));
}

type EvidenceMeta = Omit<typeof spbeEvidence.$inferSelect, 'data'>;

function answerView(doc: FrameworkDocument, regionCode: string, a: AnswerRow, evidence: EvidenceMeta[]) {
  const ind = doc.indicators.find((i) => i.code === a.indicatorCode)!;
  return {
    indicator: {
      code: ind.code, number: ind.number, name: ind.name, aspect: ind.aspect, domain: domainOf(doc, ind), weight: ind.weight, capability: ind.capability,
      // The criteria shown beside the choice, with each level's name on this indicator's scale.
      levels: doc.levels.map((l) => ({ level: l.level, name: levelName(doc, ind, l.level), criteria: ind.criteria[String(l.level)] ?? null })),
    },
    unitId: a.unitId, status: a.status,
    selfLevel: a.selfLevel, selfLevelName: a.selfLevel === null ? null : levelName(doc, ind, a.selfLevel),
    explanation: a.explanation, links: a.links, submittedAt: a.submittedAt, reviewNote: a.reviewNote, reviewedAt: a.reviewedAt, validatedAt: a.validatedAt,
    finalLevel: a.finalLevel, finalLevelName: a.finalLevel === null ? null : levelName(doc, ind, a.finalLevel),
    finalReason: a.finalReason, interviewNote: a.interviewNote, visitNote: a.visitNote, assessedAt: a.assessedAt,
    practiceShared: a.practiceShared, practiceNote: a.practiceNote,
    evidence: evidence.filter((e) => e.indicatorCode === a.indicatorCode).map((e) => ({
      id: e.id, fileName: e.fileName, contentType: e.contentType, bytes: e.bytes, uploadedAt: e.uploadedAt, shared: e.shared, url: evidenceUrl(regionCode, a.evaluationId, e.id),
    })),
  };
}

/** Everything about one evaluation; `unitId` narrows the answers to one unit's indicators. */
export async function evaluationDetail(ctx: AppContext, regionCode: string, evaluationId: string, filter: { unitId?: string } = {}) {
  const db = ctx.database.db;
  const ev = await evaluationFor(db, regionCode, evaluationId);
  const version = await versionById(db, ev.versionId);
  const [framework] = await db.select().from(spbeFrameworks).where(eq(spbeFrameworks.code, version.frameworkCode));
  const doc = version.document;
  const answers = await db.select().from(spbeAnswers).where(and(eq(spbeAnswers.regionCode, regionCode), eq(spbeAnswers.evaluationId, ev.id)));
  const evidence = await db.select({
    id: spbeEvidence.id, regionCode: spbeEvidence.regionCode, evaluationId: spbeEvidence.evaluationId, indicatorCode: spbeEvidence.indicatorCode, fileName: spbeEvidence.fileName,
    contentType: spbeEvidence.contentType, bytes: spbeEvidence.bytes, shared: spbeEvidence.shared, uploadedAt: spbeEvidence.uploadedAt, uploadedBy: spbeEvidence.uploadedBy,
  }).from(spbeEvidence).where(and(eq(spbeEvidence.regionCode, regionCode), eq(spbeEvidence.evaluationId, ev.id))).orderBy(asc(spbeEvidence.uploadedAt));
  const unitList = await db.select({ id: units.id, code: units.code, name: units.name, active: units.active }).from(units).where(eq(units.regionCode, regionCode)).orderBy(asc(units.name));
  const [result] = await db.select().from(spbeResults).where(and(eq(spbeResults.regionCode, regionCode), eq(spbeResults.evaluationId, ev.id)));
  const byCode = new Map(answers.map((a) => [a.indicatorCode, a]));
  const ordered = doc.indicators.map((i) => byCode.get(i.code)!).filter((a) => !filter.unitId || a.unitId === filter.unitId);
  return {
    id: ev.id, year: ev.year, stage: ev.stage, stages: stageDates(ev),
    framework: { code: version.frameworkCode, name: { id: framework.nameId, en: framework.nameEn }, version: version.version, versionId: version.id, status: version.status },
    levels: doc.levels, domains: doc.domains, aspects: doc.aspects,
    published: result?.published ?? false,
    units: unitList,
    progress: Object.fromEntries(answerStatuses.map((s) => [s, answers.filter((a) => a.status === s).length])),
    // Self-assessed and final results side by side; a score appears once all its indicators have a level.
    scores: {
      self: score(doc, new Map(answers.map((a) => [a.indicatorCode, a.selfLevel]))),
      final: score(doc, new Map(answers.map((a) => [a.indicatorCode, a.finalLevel]))),
    },
    answers: ordered.map((a) => answerView(doc, regionCode, a, evidence)),
  };
}

export type Task = { evaluationId: string; year: number; stage: string; indicator: string; number: number; name: { id: string; en: string }; status: string; action: 'fill' | 'review' | 'validate' | 'assess' };

/** The answers waiting for this person, by what they can do with them. */
export async function tasksFor(ctx: AppContext, regionCode: string, actor: Actor): Promise<Task[]> {
  const db = ctx.database.db;
  const open = await db.select().from(spbeEvaluations).where(and(eq(spbeEvaluations.regionCode, regionCode), notInArray(spbeEvaluations.stage, ['final', 'closed'])));
  if (open.length === 0) return [];
  const ownUnits = new Set(actor.grants.filter((g) => g.regionCode === regionCode && isUnitRole(g.role)).map((g) => g.unitId));
  const manage = can(actor, 'spbe.manage', regionCode);
  const validate = can(actor, 'spbe.validate', regionCode);
  const assess = can(actor, 'spbe.assess', regionCode);
  const answers = await db.select().from(spbeAnswers).where(and(eq(spbeAnswers.regionCode, regionCode), inArray(spbeAnswers.evaluationId, open.map((e) => e.id))));
  const tasks: Task[] = [];
  for (const ev of open) {
    const doc = (await versionById(db, ev.versionId)).document;
    for (const ind of doc.indicators) {
      const a = answers.find((x) => x.evaluationId === ev.id && x.indicatorCode === ind.code);
      if (!a) continue;
      const filling = ev.stage === 'self_assessment' || ev.stage === 'internal_validation';
      const action: Task['action'] | null =
        filling && (a.status === 'pending' || a.status === 'returned') && ownUnits.has(a.unitId) ? 'fill'
          : filling && manage && a.status === 'submitted' ? 'review'
            : ev.stage === 'internal_validation' && validate && a.status === 'accepted' ? 'validate'
              : ev.stage === 'external_assessment' && assess && a.finalLevel === null ? 'assess'
                : null;
      if (action) tasks.push({ evaluationId: ev.id, year: ev.year, stage: ev.stage, indicator: ind.code, number: ind.number, name: ind.name, status: a.status, action });
    }
  }
  return tasks;
}

// Targets, the fewest-steps plan to reach one, and "what if" simulation.
// Nothing here changes an evaluation's answers.
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { levelName, levelRange, type FrameworkDocument } from '../domain/framework.js';
import { fewestSteps } from '../domain/plan.js';
import { score } from '../domain/scoring.js';
import { spbeAnswers, spbeEvaluations, spbeTargets } from '../schema.js';
import { evaluationFor, type EvaluationRow } from './evaluations.js';
import { versionById } from './frameworks.js';

const targetView = (t: typeof spbeTargets.$inferSelect) => ({ year: t.year, targetIndex: Number(t.targetIndex), outOfReach: t.outOfReach, maxRisePerYear: t.maxRisePerYear, note: t.note, setAt: t.setAt });

/** One level per indicator per year: a realistic pace for documents, processes and services. */
export const DEFAULT_MAX_RISE_PER_YEAR = 1;

export async function listTargets(ctx: AppContext, regionCode: string) {
  const rows = await ctx.database.db.select().from(spbeTargets).where(eq(spbeTargets.regionCode, regionCode)).orderBy(asc(spbeTargets.year));
  return rows.map(targetView);
}

/** `maxRisePerYear` left out keeps the target's remembered pace (the default for a new target). */
export async function setTarget(ctx: AppContext, regionCode: string, actor: Actor, year: number, input: { targetIndex: number; outOfReach: string[]; maxRisePerYear?: number; note: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const values = {
      targetIndex: input.targetIndex.toFixed(2), outOfReach: [...new Set(input.outOfReach)], note: input.note, setAt: now, setBy: actor.userId,
      ...(input.maxRisePerYear !== undefined ? { maxRisePerYear: input.maxRisePerYear } : {}),
    };
    const [row] = await tx.insert(spbeTargets).values({ regionCode, year, ...values }).onConflictDoUpdate({ target: [spbeTargets.regionCode, spbeTargets.year], set: values }).returning();
    await audit(tx, now, actor, regionCode, 'spbe.target', 'spbe_target', String(year), { targetIndex: values.targetIndex, outOfReach: values.outOfReach, maxRisePerYear: row.maxRisePerYear });
    return targetView(row);
  });
}

export type Basis = 'final' | 'self';

/** An evaluation's levels: final ones once finalised, otherwise the self-assessment so far. */
async function levelsOf(db: Queryable, ev: EvaluationRow, basis?: Basis) {
  const used: Basis = basis ?? (ev.stage === 'final' || ev.stage === 'closed' ? 'final' : 'self');
  const rows = await db.select().from(spbeAnswers).where(and(eq(spbeAnswers.regionCode, ev.regionCode), eq(spbeAnswers.evaluationId, ev.id)));
  return { basis: used, levels: new Map(rows.map((a) => [a.indicatorCode, used === 'final' ? a.finalLevel : a.selfLevel])) };
}

async function baselineFor(db: Queryable, regionCode: string, year: number, evaluationId?: string): Promise<EvaluationRow> {
  if (evaluationId) return evaluationFor(db, regionCode, evaluationId);
  const [ev] = await db.select().from(spbeEvaluations).where(and(eq(spbeEvaluations.regionCode, regionCode), lte(spbeEvaluations.year, year))).orderBy(desc(spbeEvaluations.year)).limit(1);
  if (!ev) throw new AppError('spbe.no_baseline');
  return ev;
}

const indicatorLabel = (doc: FrameworkDocument, code: string) => {
  const ind = doc.indicators.find((i) => i.code === code)!;
  return { code, number: ind.number, name: ind.name, aspect: ind.aspect, weight: ind.weight };
};

/**
 * The gap to the year's target and the plan with the fewest level steps,
 * starting from the latest evaluation up to that year (or the one given).
 * Indicators without a level yet count at the lowest level. Each indicator
 * rises at most `maxRisePerYear` (given, else the target's, else 1) levels
 * for every year between the baseline and the target year; a baseline in the
 * target year itself still has that year ahead of it, so at least one year.
 */
export async function plan(ctx: AppContext, regionCode: string, year: number, opts: { evaluationId?: string; targetIndex?: number; basis?: Basis; maxRisePerYear?: number }) {
  const db = ctx.database.db;
  const [target] = await db.select().from(spbeTargets).where(and(eq(spbeTargets.regionCode, regionCode), eq(spbeTargets.year, year)));
  const targetIndex = opts.targetIndex ?? (target ? Number(target.targetIndex) : null);
  if (targetIndex === null) throw new AppError('spbe.target_not_found');
  const ev = await baselineFor(db, regionCode, year, opts.evaluationId);
  const version = await versionById(db, ev.versionId);
  const doc = version.document;
  const { min, max } = levelRange(doc);
  const { basis, levels } = await levelsOf(db, ev, opts.basis);
  const outOfReach = new Set(target?.outOfReach ?? []);
  const perYear = opts.maxRisePerYear ?? target?.maxRisePerYear ?? DEFAULT_MAX_RISE_PER_YEAR;
  const years = Math.max(1, year - ev.year);
  const result = fewestSteps(doc.indicators.map((i) => ({ code: i.code, weight: i.weight, level: levels.get(i.code) ?? min, outOfReach: outOfReach.has(i.code) })), targetIndex, max, perYear * years);
  return {
    year, baseline: { evaluationId: ev.id, year: ev.year, stage: ev.stage, basis, framework: { code: version.frameworkCode, version: version.version } },
    rise: { perYear, years, levels: perYear * years },
    assumedLowest: doc.indicators.filter((i) => typeof levels.get(i.code) !== 'number').map((i) => i.code),
    outOfReach: doc.indicators.filter((i) => outOfReach.has(i.code)).map((i) => i.code),
    ...result,
    steps: result.steps.map((s) => {
      const ind = doc.indicators.find((i) => i.code === s.code)!;
      return { ...s, indicator: indicatorLabel(doc, s.code), fromName: levelName(doc, ind, s.from), toName: levelName(doc, ind, s.to) };
    }),
  };
}

/** Scores for hypothetical levels over an evaluation's own (or over a version with no levels), never stored. */
export async function simulate(ctx: AppContext, regionCode: string, input: { evaluationId?: string; versionId?: string; basis?: Basis; levels: Record<string, number> }) {
  const db = ctx.database.db;
  const ev = input.evaluationId ? await evaluationFor(db, regionCode, input.evaluationId) : null;
  const versionId = ev?.versionId ?? input.versionId;
  if (!versionId) throw new AppError('request.invalid', { evaluationId: 'give evaluationId or versionId' });
  const version = await versionById(db, versionId);
  if (version.status === 'draft') throw new AppError('spbe.version_not_active', { status: version.status });
  const doc = version.document;
  const { min, max } = levelRange(doc);
  for (const [code, level] of Object.entries(input.levels)) {
    if (!doc.indicators.some((i) => i.code === code)) throw new AppError('spbe.indicator_not_found', { indicator: code });
    if (level < min || level > max) throw new AppError('spbe.level_invalid', { indicator: code, level, min, max });
  }
  const base = ev ? await levelsOf(db, ev, input.basis) : { basis: null, levels: new Map<string, number | null>() };
  const simulated = new Map([...base.levels, ...Object.entries(input.levels)]);
  return {
    framework: { code: version.frameworkCode, version: version.version, versionId: version.id },
    basis: base.basis,
    baseline: score(doc, base.levels),
    simulated: score(doc, simulated),
    changed: Object.entries(input.levels).filter(([code, level]) => base.levels.get(code) !== level).map(([code, level]) => ({ ...indicatorLabel(doc, code), from: base.levels.get(code) ?? null, to: level })),
  };
}

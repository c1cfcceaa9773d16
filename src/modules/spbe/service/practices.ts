// A region's SPBE practices per indicator (spbe_practices): its own, written
// by its SPBE coordinator, or adopted from another region in the Living Lab
// (the package kind `spbe.practices`, declared here). The evaluation screen
// shows them next to the indicator with the evidence checklist to prepare;
// nothing here touches an evaluation's answers.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { PackageKind } from '../../../platform/modules/contract.js';
import { areas } from '../../../platform/schema.js';
import {
  contentProblems, evidenceFromFile, practiceKey, practiceLine, practiceRef, practicesContent, practicesSummary, practicesTags, PRACTICES_FORMAT_VERSION,
  type PackagedPractice, type PracticeFields, type PracticesContent,
} from '../domain/practice.js';
import { spbeAnswers, spbeEvaluations, spbeEvidence, spbeFrameworkVersions, spbePractices } from '../schema.js';

type PracticeRow = typeof spbePractices.$inferSelect;

/** Each framework's indicators (code → "44. name") across its non-draft versions, the newest version's words first. */
async function indicatorNames(db: Queryable, frameworks: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (frameworks.length === 0) return names;
  const versions = await db.select({ framework: spbeFrameworkVersions.frameworkCode, status: spbeFrameworkVersions.status, document: spbeFrameworkVersions.document })
    .from(spbeFrameworkVersions).where(inArray(spbeFrameworkVersions.frameworkCode, [...new Set(frameworks)])).orderBy(desc(spbeFrameworkVersions.version));
  for (const v of versions) {
    if (v.status === 'draft') continue;
    for (const i of v.document.indicators) {
      const ref = practiceRef(v.framework, i.code);
      if (!names.has(ref)) names.set(ref, `indikator ${i.number}. ${i.name.id} (${v.framework})`);
    }
  }
  return names;
}

/** The indicators a package names, each known to this installation's frameworks, or spbe.package_indicator_unknown. */
async function knownIndicators(db: Queryable, content: PracticesContent) {
  const names = await indicatorNames(db, content.practices.map((p) => p.framework));
  const unknown = content.practices.map((p) => practiceRef(p.framework, p.indicator)).filter((ref) => !names.has(ref));
  if (unknown.length > 0) throw new AppError('spbe.package_indicator_unknown', { indicators: unknown });
  return names;
}

const fieldsOf = (p: PracticeFields): PracticeFields => ({ note: p.note, explanation: p.explanation, sop: p.sop, evidence: p.evidence.map((e) => ({ title: e.title, description: e.description, kind: e.kind })) });

async function practiceRows(db: Queryable, regionCode: string, lock = false) {
  const q = db.select().from(spbePractices).where(eq(spbePractices.regionCode, regionCode)).orderBy(asc(spbePractices.frameworkCode), asc(spbePractices.indicatorCode));
  return lock ? q.for('update') : q;
}

/**
 * What the region shared in its finished evaluations (practice note, its
 * explanation, the shared files as checklist items), the latest year per
 * indicator: a practice it has not written down in spbe_practices yet.
 */
async function sharedAnswers(db: Queryable, regionCode: string): Promise<Map<string, PackagedPractice>> {
  const rows = await db.select({
    evaluationId: spbeAnswers.evaluationId, indicator: spbeAnswers.indicatorCode, framework: spbeFrameworkVersions.frameworkCode,
    note: spbeAnswers.practiceNote, explanation: spbeAnswers.explanation,
  }).from(spbeAnswers)
    .innerJoin(spbeEvaluations, and(eq(spbeEvaluations.regionCode, spbeAnswers.regionCode), eq(spbeEvaluations.id, spbeAnswers.evaluationId)))
    .innerJoin(spbeFrameworkVersions, eq(spbeFrameworkVersions.id, spbeEvaluations.versionId))
    .where(and(eq(spbeAnswers.regionCode, regionCode), eq(spbeAnswers.practiceShared, true), inArray(spbeEvaluations.stage, ['final', 'closed'])))
    .orderBy(desc(spbeEvaluations.year));
  const files = rows.length === 0 ? [] : await db.select({ evaluationId: spbeEvidence.evaluationId, indicator: spbeEvidence.indicatorCode, fileName: spbeEvidence.fileName, contentType: spbeEvidence.contentType })
    .from(spbeEvidence).where(and(eq(spbeEvidence.regionCode, regionCode), eq(spbeEvidence.shared, true), inArray(spbeEvidence.evaluationId, [...new Set(rows.map((r) => r.evaluationId))])))
    .orderBy(asc(spbeEvidence.fileName));
  const found = new Map<string, PackagedPractice>();
  for (const r of rows) {
    const ref = practiceRef(r.framework, r.indicator);
    if (found.has(ref)) continue; // an older year's
    found.set(ref, {
      framework: r.framework, indicator: r.indicator, indicatorName: '', note: r.note ?? '', explanation: r.explanation, sop: '',
      evidence: files.filter((f) => f.evaluationId === r.evaluationId && f.indicator === r.indicator).slice(0, 30).map(evidenceFromFile),
    });
  }
  return found;
}

/** Everything the region can package, by `framework/indicator`: its written practices first, then what it shared in evaluations. */
async function regionPractices(db: Queryable, regionCode: string): Promise<Map<string, PackagedPractice>> {
  const all = await sharedAnswers(db, regionCode);
  for (const r of await practiceRows(db, regionCode)) {
    all.set(practiceRef(r.frameworkCode, r.indicatorCode), { framework: r.frameworkCode, indicator: r.indicatorCode, indicatorName: '', ...fieldsOf(r) });
  }
  const names = await indicatorNames(db, [...all.values()].map((p) => p.framework));
  for (const [ref, p] of all) p.indicatorName = names.get(ref) ?? p.indicator;
  return new Map([...all].sort(([a], [b]) => a.localeCompare(b, 'id', { numeric: true })));
}

const view = (r: PracticeRow, names: Map<string, string>) => ({
  framework: r.frameworkCode, indicator: r.indicatorCode, indicatorName: names.get(practiceRef(r.frameworkCode, r.indicatorCode)) ?? null,
  ...fieldsOf(r), adoptedFrom: r.adoptedFrom, updatedAt: r.updatedAt,
});

/** The region's practices (of one framework or indicator when asked), for its SPBE screens. */
export async function listPractices(ctx: AppContext, regionCode: string, q: { framework?: string; indicator?: string }) {
  const db = ctx.database.db;
  const rows = (await practiceRows(db, regionCode)).filter((r) => (!q.framework || r.frameworkCode === q.framework) && (!q.indicator || r.indicatorCode === q.indicator));
  const names = await indicatorNames(db, rows.map((r) => r.frameworkCode));
  return rows.map((r) => view(r, names));
}

/** Writes the region's own practice for an indicator (the coordinator adapts an adopted one the same way). */
export async function setPractice(ctx: AppContext, regionCode: string, actor: Actor, framework: string, indicator: string, input: PracticeFields) {
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const names = await indicatorNames(tx, [framework]);
    if (!names.has(practiceRef(framework, indicator))) throw new AppError('spbe.indicator_not_found');
    const fields = fieldsOf(input);
    const [row] = await tx.insert(spbePractices).values({ regionCode, frameworkCode: framework, indicatorCode: indicator, ...fields, updatedAt: now, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: [spbePractices.regionCode, spbePractices.frameworkCode, spbePractices.indicatorCode], set: { ...fields, updatedAt: now, updatedBy: actor.userId } })
      .returning();
    await audit(tx, now, actor, regionCode, 'spbe.practice_set', 'spbe_practice', practiceRef(framework, indicator), { framework, indicator });
    return view(row, names);
  });
}

export async function deletePractice(ctx: AppContext, regionCode: string, actor: Actor, framework: string, indicator: string) {
  await ctx.database.db.transaction(async (tx) => {
    const gone = await tx.delete(spbePractices)
      .where(and(eq(spbePractices.regionCode, regionCode), eq(spbePractices.frameworkCode, framework), eq(spbePractices.indicatorCode, indicator)))
      .returning({ indicator: spbePractices.indicatorCode });
    if (gone.length === 0) throw new AppError('spbe.practice_not_found');
    await audit(tx, ctx.clock.now(), actor, regionCode, 'spbe.practice_delete', 'spbe_practice', practiceRef(framework, indicator), { framework, indicator });
  });
}

async function preview(db: Queryable, regionCode: string, content: PracticesContent) {
  const names = await knownIndicators(db, content);
  const ours = new Map((await practiceRows(db, regionCode)).map((r) => [practiceRef(r.frameworkCode, r.indicatorCode), fieldsOf(r)]));
  return content.practices.map((p) => {
    const ref = practiceRef(p.framework, p.indicator);
    return practiceLine(p, names.get(ref)!, ours.get(ref));
  });
}

/**
 * Writes the chosen practices as adopted ones (from the package's region);
 * a practice the region has is replaced only when its line is taken. Checked
 * whole before anything is written: spbe.package_invalid (an indicator
 * twice), spbe.package_indicator_unknown (a framework or indicator this
 * installation does not have).
 */
async function apply(tx: Tx, regionCode: string, content: PracticesContent, plan: { take: ReadonlySet<string> }, actor: Actor, now: Date) {
  const problems = contentProblems(content);
  if (problems.length > 0) throw new AppError('spbe.package_invalid', { problems });
  await knownIndicators(tx, content);
  const ours = new Map((await practiceRows(tx, regionCode, true)).map((r) => [practiceRef(r.frameworkCode, r.indicatorCode), fieldsOf(r)]));
  const chosen = content.practices.filter((p) => plan.take.has(practiceKey(p.framework, p.indicator)))
    .filter((p) => practiceLine(p, '', ours.get(practiceRef(p.framework, p.indicator))).kind !== 'same');
  const adoptedFrom = { code: content.region.code, name: content.region.name };
  for (const p of chosen) {
    const fields = { ...fieldsOf(p), adoptedFrom, updatedAt: now, updatedBy: actor.userId };
    await tx.insert(spbePractices).values({ regionCode, frameworkCode: p.framework, indicatorCode: p.indicator, ...fields })
      .onConflictDoUpdate({ target: [spbePractices.regionCode, spbePractices.frameworkCode, spbePractices.indicatorCode], set: fields });
    await audit(tx, now, actor, regionCode, 'spbe.practice_adopt', 'spbe_practice', practiceRef(p.framework, p.indicator), {
      framework: p.framework, indicator: p.indicator, from: adoptedFrom.code, replaced: ours.has(practiceRef(p.framework, p.indicator)),
    });
  }
  return { applied: chosen.length };
}

export const practicesPackage: PackageKind<PracticesContent> = {
  key: 'practices',
  title: { id: 'Praktik SPBE per indikator (bukti dukung, SOP)', en: 'SPBE practices per indicator (evidence, SOP)' },
  formatVersion: PRACTICES_FORMAT_VERSION,
  content: practicesContent,
  async candidates(db, regionCode) {
    return [...(await regionPractices(db, regionCode)).entries()].map(([key, p]) => ({ key, label: `Praktik ${p.indicatorName}` }));
  },
  async export(db, regionCode, keys) {
    const all = await regionPractices(db, regionCode);
    const unknown = keys.filter((k) => !all.has(k));
    if (unknown.length > 0) throw new AppError('spbe.practice_not_found', { keys: unknown });
    const [region] = await db.select({ name: areas.name }).from(areas).where(eq(areas.code, regionCode));
    return { region: { code: regionCode, name: region?.name ?? regionCode }, practices: [...all].filter(([k]) => keys.length === 0 || keys.includes(k)).map(([, p]) => p) };
  },
  units: () => [],
  keys: (content) => content.practices.map((p) => practiceKey(p.framework, p.indicator)),
  summary: practicesSummary,
  tags: practicesTags,
  preview: (db, regionCode, content) => preview(db, regionCode, content),
  apply: (tx, regionCode, content, plan, actor, now) => apply(tx, regionCode, content, plan, actor, now),
};

// Results per area and year (finalised evaluations and imported history):
// publication, trend, ranking, comparison and "learn from the leaders".
// Everything here that another region or the public sees reads only
// published results.
import { and, asc, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { areas } from '../../../platform/schema.js';
import { Dec, num, round2 } from '../../../platform/decimal.js';
import { levelName, levelRange } from '../domain/framework.js';
import { frameworkBreaks, type ParsedImport, type LineProblem } from '../domain/results.js';
import { predicateFor, type Scores } from '../domain/scoring.js';
import { spbeAnswers, spbeEvaluations, spbeEvidence, spbeFrameworks, spbeFrameworkVersions, spbeResults } from '../schema.js';
import type { VersionRow } from './frameworks.js';
import { record } from './history.js';

export const NATIONAL = '00';
type ResultRow = typeof spbeResults.$inferSelect;

const byCode = (list: { code: string; value: number | null }[]) => Object.fromEntries(list.filter((s) => s.value !== null).map((s) => [s.code, s.value!]));

/** The final result of an evaluation; unpublished until the region publishes it. */
export async function recordEvaluationResult(tx: Queryable, ev: { regionCode: string; id: string; year: number }, version: VersionRow, final: Scores, now: Date) {
  const values = {
    frameworkCode: version.frameworkCode, versionId: version.id, version: version.version, index: String(final.index), predicate: final.predicate,
    domains: byCode(final.domains), aspects: byCode(final.aspects), source: 'evaluation', evaluationId: ev.id, published: false, publishedAt: null, recordedAt: now,
  };
  await tx.insert(spbeResults).values({ regionCode: ev.regionCode, year: ev.year, ...values })
    .onConflictDoUpdate({ target: [spbeResults.regionCode, spbeResults.year], set: values });
}

/**
 * Imports published history, all or nothing. `onlyRegion` limits a region's
 * own import to its own code. A result that came from an evaluation here is
 * never overwritten by an import.
 */
export async function importResults(tx: Queryable, parsed: ParsedImport, opts: { now: Date; onlyRegion: string | null }) {
  if (parsed.problems.length > 0) throw new AppError('spbe.import_invalid', { problems: parsed.problems });
  const problems: LineProblem[] = [];
  const codes = [...new Set(parsed.rows.map((r) => r.regionCode).filter((c) => c !== NATIONAL))];
  const known = codes.length === 0 ? [] : await tx.select({ code: areas.code, level: areas.level }).from(areas).where(inArray(areas.code, codes));
  const regionOk = new Set(known.filter((a) => a.level === 'province' || a.level === 'regency').map((a) => a.code));
  const frameworks = new Set((await tx.select({ code: spbeFrameworks.code }).from(spbeFrameworks)).map((f) => f.code));
  const versions = await tx.select().from(spbeFrameworkVersions).where(ne(spbeFrameworkVersions.status, 'draft'));
  const fromEvaluation = await tx.select({ regionCode: spbeResults.regionCode, year: spbeResults.year }).from(spbeResults)
    .where(and(eq(spbeResults.source, 'evaluation'), inArray(spbeResults.regionCode, [...new Set(parsed.rows.map((r) => r.regionCode))])));
  const rows = parsed.rows.map((r) => {
    const bad = (id: string, en: string) => problems.push({ line: r.line, message: { id, en } });
    if (opts.onlyRegion !== null && r.regionCode !== opts.onlyRegion) bad(`region_code ${r.regionCode}: impor ini hanya untuk ${opts.onlyRegion}`, `region_code ${r.regionCode}: this import is for ${opts.onlyRegion} only`);
    else if (r.regionCode !== NATIONAL && !regionOk.has(r.regionCode)) bad(`region_code ${r.regionCode} bukan provinsi atau kabupaten/kota`, `region_code ${r.regionCode} is not a province or regency/city`);
    if (fromEvaluation.some((e) => e.regionCode === r.regionCode && e.year === r.year)) bad(`${r.regionCode} ${r.year} sudah memiliki hasil dari evaluasi`, `${r.regionCode} ${r.year} already has a result from an evaluation`);
    if (!frameworks.has(r.framework)) bad(`kerangka ${r.framework} tidak dikenal`, `unknown framework ${r.framework}`);
    const version = r.version === null ? null : versions.find((v) => v.frameworkCode === r.framework && v.version === r.version);
    if (r.version !== null && !version) bad(`versi ${r.framework}@${r.version} tidak dikenal`, `unknown version ${r.framework}@${r.version}`);
    let predicate = r.predicate ? { id: r.predicate, en: r.predicate } : null;
    if (version) {
      const doc = version.document;
      const { min, max } = levelRange(doc);
      if (r.index < min || r.index > max) bad(`indeks ${r.index} di luar ${min}..${max}`, `index ${r.index} is outside ${min}..${max}`);
      for (const c of Object.keys(r.domains)) if (!doc.domains.some((d) => d.code === c)) bad(`${r.framework}@${r.version} tidak memiliki domain ${c}`, `${r.framework}@${r.version} has no domain ${c}`);
      for (const c of Object.keys(r.aspects)) if (!doc.aspects.some((a) => a.code === c)) bad(`${r.framework}@${r.version} tidak memiliki aspek ${c}`, `${r.framework}@${r.version} has no aspect ${c}`);
      predicate = predicateFor(r.index, doc.predicates)?.name ?? null;
    }
    return {
      regionCode: r.regionCode, year: r.year, frameworkCode: r.framework, versionId: version?.id ?? null, version: r.version, index: String(r.index), predicate,
      domains: r.domains, aspects: r.aspects, source: 'import', evaluationId: null, published: true, publishedAt: opts.now, recordedAt: opts.now,
    };
  });
  if (problems.length > 0) throw new AppError('spbe.import_invalid', { problems });
  for (const row of rows) {
    const { regionCode: _r, year: _y, ...set } = row;
    await tx.insert(spbeResults).values(row).onConflictDoUpdate({ target: [spbeResults.regionCode, spbeResults.year], set });
  }
  return { imported: rows.length };
}

export async function setPublication(ctx: AppContext, regionCode: string, actor: Actor, year: number, published: boolean) {
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx.update(spbeResults).set({ published, publishedAt: published ? now : null })
      .where(and(eq(spbeResults.regionCode, regionCode), eq(spbeResults.year, year))).returning();
    if (!row) throw new AppError('spbe.result_not_found');
    if (row.evaluationId) await record(tx, now, actor, { regionCode, id: row.evaluationId }, null, published ? 'publish' : 'unpublish');
    await audit(tx, now, actor, regionCode, published ? 'spbe.publish' : 'spbe.unpublish', 'spbe_result', String(year));
  });
}

function resultView(r: ResultRow) {
  return {
    year: r.year, index: Number(r.index), predicate: r.predicate, framework: { code: r.frameworkCode, version: r.version },
    domains: r.domains, aspects: r.aspects, source: r.source, evaluationId: r.evaluationId, published: r.published, publishedAt: r.publishedAt,
  };
}

/**
 * A region's results over the years, with a marker where the framework
 * changed. The public (published results only) is not told which evaluation
 * a result came from: that record is the region's own.
 */
export async function trend(db: Queryable, regionCode: string, includeUnpublished: boolean) {
  const rows = await db.select().from(spbeResults)
    .where(and(eq(spbeResults.regionCode, regionCode), includeUnpublished ? undefined : eq(spbeResults.published, true))).orderBy(asc(spbeResults.year));
  const breaks = frameworkBreaks(rows.map((r) => ({ year: r.year, frameworkCode: r.frameworkCode, version: r.version })));
  return rows.map((r, i) => ({ ...resultView(r), evaluationId: includeUnpublished ? r.evaluationId : null, frameworkChanged: breaks[i] }));
}

export async function areaName(db: Queryable, code: string) {
  if (code === NATIONAL) return { code, name: 'Nasional', kind: 'nasional', parentCode: null };
  const [a] = await db.select({ code: areas.code, name: areas.name, kind: areas.kind, parentCode: areas.parentCode }).from(areas).where(eq(areas.code, code));
  if (!a || (a.kind !== 'provinsi' && a.kind !== 'kabupaten' && a.kind !== 'kota')) throw new AppError('region.not_found');
  return a;
}

export type RankBy = { by: 'index' } | { by: 'domain' | 'aspect'; code: string };
const valueOf = (r: ResultRow, by: RankBy): number | null =>
  by.by === 'index' ? Number(r.index) : ((by.by === 'domain' ? r.domains : r.aspects)[by.code] ?? null);

/** Published results of a year with their areas; the framework defaults to the one most results used. */
async function publishedYear(db: Queryable, year: number, framework?: string) {
  const rows = await db.select({ r: spbeResults, name: areas.name, kind: areas.kind, parentCode: areas.parentCode })
    .from(spbeResults).innerJoin(areas, eq(areas.code, spbeResults.regionCode))
    .where(and(eq(spbeResults.year, year), eq(spbeResults.published, true)));
  const counts = new Map<string, number>();
  for (const x of rows) counts.set(x.r.frameworkCode, (counts.get(x.r.frameworkCode) ?? 0) + 1);
  const chosen = framework ?? [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  return { rows: rows.filter((x) => x.r.frameworkCode === chosen), framework: chosen, frameworks: [...counts.keys()].sort() };
}

/** Standard competition ranking (1, 2, 2, 4) by value, highest first; equal values in code order. */
function rank<T extends { value: number; code: string }>(items: T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
  return sorted.map((x) => ({ ...x, rank: 1 + sorted.filter((y) => y.value > x.value).length }));
}

export interface RankingQuery { year: number; framework?: string; province?: string; kind?: 'provinsi' | 'kabupaten' | 'kota' }

export async function ranking(ctx: AppContext, q: RankingQuery & RankBy) {
  const db = ctx.database.db;
  const { rows, framework, frameworks } = await publishedYear(db, q.year, q.framework);
  const scoped = rows.filter((x) => (!q.province || x.parentCode === q.province) && (!q.kind || x.kind === q.kind));
  const valued = scoped.map((x) => ({ x, code: x.r.regionCode, value: valueOf(x.r, q) })).filter((v): v is { x: typeof scoped[number]; code: string; value: number } => v.value !== null);
  const [national] = await db.select().from(spbeResults).where(and(eq(spbeResults.regionCode, NATIONAL), eq(spbeResults.year, q.year), eq(spbeResults.published, true)));
  return {
    year: q.year, by: q.by, code: q.by === 'index' ? null : q.code, framework, frameworks,
    national: national && national.frameworkCode === framework ? valueOf(national, q) : null,
    rows: rank(valued).map(({ x, value, rank: r }) => ({
      rank: r, regionCode: x.r.regionCode, name: x.name, kind: x.kind, parentCode: x.parentCode, value, index: Number(x.r.index), predicate: x.r.predicate,
    })),
  };
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : num(round2(values.reduce((s, v) => s.plus(v), new Dec(0)).div(values.length)));
}

/**
 * Where a region stands in a year among published peers: all regions, its
 * province's kabupaten/kota (or, for a province, its own), and regions of the
 * same kind. The region's own result counts even if it is not published; no
 * other region's unpublished result is ever read.
 */
export async function comparison(ctx: AppContext, regionCode: string, year: number) {
  const db = ctx.database.db;
  const me = await areaName(db, regionCode);
  const [own] = await db.select().from(spbeResults).where(and(eq(spbeResults.regionCode, regionCode), eq(spbeResults.year, year)));
  const { rows, framework } = await publishedYear(db, year, own?.frameworkCode);
  const peers = rows.filter((x) => x.r.regionCode !== regionCode);
  const group = me.kind === 'provinsi' ? regionCode : me.parentCode;
  const scopes = [
    { scope: 'all' as const, members: peers },
    { scope: 'province' as const, members: peers.filter((x) => x.parentCode === group) },
    { scope: 'kind' as const, members: peers.filter((x) => x.kind === me.kind) },
  ];
  const codes = (key: 'domains' | 'aspects') => [...new Set([...(own ? Object.keys(own[key]) : []), ...peers.flatMap((x) => Object.keys(x.r[key]))])].sort();
  return {
    year, region: me, framework,
    own: own ? resultView(own) : null,
    scopes: scopes.map(({ scope, members }) => {
      const all = own ? [...members.map((x) => Number(x.r.index)), Number(own.index)] : [];
      return {
        scope, count: members.length,
        rank: own ? 1 + all.filter((v) => v > Number(own.index)).length : null, of: own ? all.length : members.length,
        mean: {
          index: mean(members.map((x) => Number(x.r.index))),
          domains: Object.fromEntries(codes('domains').map((c) => [c, mean(members.map((x) => x.r.domains[c]).filter((v) => v !== undefined))])),
          aspects: Object.fromEntries(codes('aspects').map((c) => [c, mean(members.map((x) => x.r.aspects[c]).filter((v) => v !== undefined))])),
        },
      };
    }),
  };
}

export const sharedEvidenceUrl = (regionCode: string, id: string) => `/api/regions/${regionCode}/spbe/shared-evidence/${id}`;

/** Regions whose published final level on an indicator is high, with what they chose to share. */
export async function leaders(ctx: AppContext, q: { framework: string; indicator: string; minLevel: number }) {
  const db = ctx.database.db;
  const rows = await db.select({
    regionCode: spbeAnswers.regionCode, evaluationId: spbeAnswers.evaluationId, year: spbeEvaluations.year, versionId: spbeFrameworkVersions.id, version: spbeFrameworkVersions.version,
    level: spbeAnswers.finalLevel, practiceShared: spbeAnswers.practiceShared, practiceNote: spbeAnswers.practiceNote, name: areas.name, kind: areas.kind,
  })
    .from(spbeAnswers)
    .innerJoin(spbeEvaluations, and(eq(spbeEvaluations.regionCode, spbeAnswers.regionCode), eq(spbeEvaluations.id, spbeAnswers.evaluationId)))
    .innerJoin(spbeFrameworkVersions, eq(spbeFrameworkVersions.id, spbeEvaluations.versionId))
    .innerJoin(spbeResults, and(eq(spbeResults.regionCode, spbeEvaluations.regionCode), eq(spbeResults.evaluationId, spbeEvaluations.id), eq(spbeResults.published, true)))
    .innerJoin(areas, eq(areas.code, spbeAnswers.regionCode))
    .where(and(
      eq(spbeFrameworkVersions.frameworkCode, q.framework), eq(spbeAnswers.indicatorCode, q.indicator), gte(spbeAnswers.finalLevel, q.minLevel),
      inArray(spbeEvaluations.stage, ['final', 'closed']),
    ))
    .orderBy(sql`${spbeAnswers.finalLevel} desc`, sql`${spbeEvaluations.year} desc`, asc(areas.name));
  const shared = rows.filter((r) => r.practiceShared);
  const files = shared.length === 0 ? [] : await db.select({
    id: spbeEvidence.id, regionCode: spbeEvidence.regionCode, evaluationId: spbeEvidence.evaluationId, fileName: spbeEvidence.fileName, contentType: spbeEvidence.contentType, bytes: spbeEvidence.bytes,
  }).from(spbeEvidence).where(and(
    eq(spbeEvidence.shared, true), eq(spbeEvidence.indicatorCode, q.indicator), inArray(spbeEvidence.evaluationId, shared.map((r) => r.evaluationId)),
  ));
  const versions = new Map<string, VersionRow['document']>();
  for (const r of rows) if (!versions.has(r.versionId)) versions.set(r.versionId, (await db.select({ d: spbeFrameworkVersions.document }).from(spbeFrameworkVersions).where(eq(spbeFrameworkVersions.id, r.versionId)))[0].d);
  return rows.map((r) => {
    const doc = versions.get(r.versionId)!;
    const ind = doc.indicators.find((i) => i.code === q.indicator);
    return {
      regionCode: r.regionCode, name: r.name, kind: r.kind, year: r.year, framework: { code: q.framework, version: r.version },
      indicator: ind ? { code: ind.code, number: ind.number, name: ind.name } : null,
      level: r.level, levelName: ind && r.level !== null ? levelName(doc, ind, r.level) : null,
      practiceNote: r.practiceShared ? r.practiceNote : null,
      evidence: r.practiceShared ? files.filter((f) => f.regionCode === r.regionCode && f.evaluationId === r.evaluationId)
        .map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, bytes: f.bytes, url: sharedEvidenceUrl(r.regionCode, f.id) })) : [],
    };
  });
}

/** A file a region shared with its practice, once its result is published; anything else is not found. */
export async function sharedEvidence(ctx: AppContext, regionCode: string, id: string) {
  const [row] = await ctx.database.db.select({ fileName: spbeEvidence.fileName, contentType: spbeEvidence.contentType, data: spbeEvidence.data })
    .from(spbeEvidence)
    .innerJoin(spbeAnswers, and(eq(spbeAnswers.regionCode, spbeEvidence.regionCode), eq(spbeAnswers.evaluationId, spbeEvidence.evaluationId), eq(spbeAnswers.indicatorCode, spbeEvidence.indicatorCode)))
    .innerJoin(spbeResults, and(eq(spbeResults.regionCode, spbeEvidence.regionCode), eq(spbeResults.evaluationId, spbeEvidence.evaluationId)))
    .where(and(eq(spbeEvidence.regionCode, regionCode), eq(spbeEvidence.id, id), eq(spbeEvidence.shared, true), eq(spbeAnswers.practiceShared, true), eq(spbeResults.published, true)));
  if (!row) throw new AppError('file.not_found');
  return row;
}

// KemenPANRB's official AKIP result of a region per year (recorded by the
// region's SAKIP coordinator or a platform admin, the predicate computed from
// the worksheet version's bands), and the province's comparison of its
// kabupaten/kota: the latest official (else final internal) score and
// predicate, the trend over the years, and the share of the RPJMD's key
// indicators met (counted from the stored summary, service/overview.ts), and
// its efficiency by its own method (service/efficiency.ts).
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { Dec, hasPlaces, round2 } from '../../../platform/decimal.js';
import { areas } from '../../../platform/schema.js';
import { childRegions, type Region } from '../../../platform/regions/service.js';
import { predicateFor } from '../domain/evaluation.js';
import { sakipEvaluations, sakipOfficialResults } from '../schema.js';
import { actorLabel } from './data.js';
import { CURRENT_WORKSHEET, worksheet } from './evaluation.js';
import { ikuCounts } from './overview.js';
import { regionEfficiencies } from './efficiency.js';

export const predicateOf = (version: string, code: string) => {
  const p = worksheet(version).predicates.find((x) => x.code === code);
  return { code, label: p?.label ?? code };
};

/** A published score: 0–100 with at most two decimals, as text to stay exact. */
function publishedScore(raw: string | number): Dec {
  const text = String(raw).trim();
  if (!/^\d{1,3}(\.\d+)?$/.test(text) || !hasPlaces(text, 2)) throw new AppError('sakip.score_invalid', { value: text });
  const score = new Dec(text);
  if (score.gt(100)) throw new AppError('sakip.score_invalid', { value: text });
  return score;
}

/** Records (or corrects) the year's official result; the predicate is read from the version's bands, never typed in. */
export async function recordOfficialResult(ctx: AppContext, regionCode: string, actor: Actor, year: number, input: { score: string | number; source: string; worksheetVersion?: string }) {
  const version = input.worksheetVersion ?? CURRENT_WORKSHEET;
  const framework = worksheet(version);
  const score = publishedScore(input.score);
  const predicate = predicateFor(score, framework)!;
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const values = { score: score.toFixed(2), predicate: predicate.code, worksheetVersion: version, source: input.source, recordedAt: now, recordedBy: actor.userId, recordedByLabel: actorLabel(actor) };
    const [before] = await tx.select().from(sakipOfficialResults).where(and(eq(sakipOfficialResults.regionCode, regionCode), eq(sakipOfficialResults.year, year))).for('update');
    await tx.insert(sakipOfficialResults).values({ regionCode, year, ...values })
      .onConflictDoUpdate({ target: [sakipOfficialResults.regionCode, sakipOfficialResults.year], set: values });
    await audit(tx, now, actor, regionCode, 'sakip.official_result', 'sakip_official_result', String(year), { source: input.source },
      { before: before ? { score: before.score, predicate: before.predicate } : null, after: { score: values.score, predicate: values.predicate } });
  });
}

type ResultRow = typeof sakipOfficialResults.$inferSelect;
const resultView = (r: ResultRow) => ({
  year: r.year, score: r.score, predicate: predicateOf(r.worksheetVersion, r.predicate), worksheetVersion: r.worksheetVersion, source: r.source,
  recorded: { at: r.recordedAt, by: r.recordedByLabel },
});

export async function listOfficialResults(ctx: AppContext, regionCode: string) {
  const rows = await ctx.database.db.select().from(sakipOfficialResults).where(eq(sakipOfficialResults.regionCode, regionCode)).orderBy(asc(sakipOfficialResults.year));
  return rows.map(resultView);
}

interface Scored { score: string; predicate: { code: string; label: string } }

/**
 * The province's kabupaten/kota side by side over `from`–`to`: each year's
 * official and final internal score, the latest (official first: it is the
 * one published), its change from the year before, and the share of the
 * RPJMD's key indicators met in `targetsYear`.
 */
export async function provinceComparison(ctx: AppContext, province: Region, q: { from: number; to: number; targetsYear: number }) {
  if (province.parentCode !== null) throw new AppError('sakip.not_province');
  const db = ctx.database.db;
  const codes = (await childRegions(db, province.code)).sort();
  const years: number[] = [];
  for (let y = q.from; y <= q.to; y++) years.push(y);
  const [names, official, internal, iku] = codes.length === 0 ? [[], [], [], new Map()] : await Promise.all([
    db.select({ code: areas.code, name: areas.name, kind: areas.kind }).from(areas).where(inArray(areas.code, codes)),
    db.select().from(sakipOfficialResults).where(and(inArray(sakipOfficialResults.regionCode, codes), gte(sakipOfficialResults.year, q.from), lte(sakipOfficialResults.year, q.to))),
    db.select({ regionCode: sakipEvaluations.regionCode, year: sakipEvaluations.year, score: sakipEvaluations.score, predicate: sakipEvaluations.predicate, version: sakipEvaluations.worksheetVersion })
      .from(sakipEvaluations).where(and(inArray(sakipEvaluations.regionCode, codes), eq(sakipEvaluations.status, 'final'), gte(sakipEvaluations.year, q.from), lte(sakipEvaluations.year, q.to))),
    ikuCounts(ctx, codes, q.targetsYear),
  ]);
  const efficiencies = await regionEfficiencies(ctx, codes, q.targetsYear, iku);
  const regions = [];
  for (const code of codes) {
    const trend = years.map((year) => {
      const o = official.find((r) => r.regionCode === code && r.year === year);
      const i = internal.find((r) => r.regionCode === code && r.year === year && r.score !== null && r.predicate !== null);
      return {
        year,
        official: o ? { score: o.score, predicate: predicateOf(o.worksheetVersion, o.predicate) } as Scored : null,
        internal: i ? { score: i.score!, predicate: predicateOf(i.version, i.predicate!) } as Scored : null,
      };
    });
    const withScore = trend.map((t) => ({ year: t.year, source: t.official ? 'official' as const : 'internal' as const, result: t.official ?? t.internal })).filter((t) => t.result !== null);
    const last = withScore.at(-1);
    const previous = withScore.at(-2);
    const targets = iku.get(code) ?? { indicators: 0, withTarget: 0, met: 0 };
    const area = names.find((n) => n.code === code);
    regions.push({
      code, name: area?.name ?? code, kind: area?.kind ?? '',
      latest: last ? { year: last.year, source: last.source, score: last.result!.score, predicate: last.result!.predicate } : null,
      change: last && previous ? new Dec(last.result!.score).minus(previous.result!.score).toFixed(2) : null,
      trend,
      targets: { year: q.targetsYear, met: targets.met, withTarget: targets.withTarget, indicators: targets.indicators,
        percent: targets.withTarget === 0 ? null : round2(new Dec(targets.met).times(100).div(targets.withTarget)).toFixed(2) },
      efficiency: efficiencies.get(code)!,
    });
  }
  return { province: { code: province.code, name: province.name }, from: q.from, to: q.to, targetsYear: q.targetsYear, years, regions };
}

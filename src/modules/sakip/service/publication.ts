// What a region publishes for a year, readable without signing in: the
// documents the law asks regions to publish (RPJMD, Renstra, IKU, PK, LKjIP)
// and the AKIP result. Publishing follows the records' own state, never a
// separate switch: an active plan (its tree, indicators and targets; no
// realisations, which are still being reported), the last signed version of
// each agreement, a final LKjIP, KemenPANRB's recorded result and a final
// internal evaluation. Drafts never appear, and no one's sign-in name does.
import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Region } from '../../../platform/regions/service.js';
import { units } from '../../../platform/schema.js';
import { sakipEvaluations, sakipOfficialResults, sakipPlans } from '../schema.js';
import { listAgreements, signedVersionView } from './agreements.js';
import { predicateOf } from './evaluation-results.js';
import { listReports } from './lkjip.js';
import { planTableView } from './views.js';

/** The active plans covering the year as published: the tree's rows with each indicator's definition and yearly targets. */
async function publishedPlans(ctx: AppContext, region: Region, year: number) {
  const plans = await ctx.database.db.select({ id: sakipPlans.id }).from(sakipPlans)
    .leftJoin(units, and(eq(units.regionCode, sakipPlans.regionCode), eq(units.id, sakipPlans.unitId)))
    .where(and(eq(sakipPlans.regionCode, region.code), eq(sakipPlans.status, 'active'), lte(sakipPlans.startYear, year), gte(sakipPlans.endYear, year)))
    .orderBy(sql`${sakipPlans.unitId} is not null`, asc(units.code));
  const tables = await Promise.all(plans.map((p) => planTableView(ctx, region, p.id, year)));
  return tables.map((t) => ({
    id: t.plan.id, kind: t.plan.kind, title: t.plan.title, unit: t.plan.unit, startYear: t.plan.startYear, endYear: t.plan.endYear, years: t.years,
    rows: t.rows.map((r) => ({
      number: r.number, depth: r.depth, node: { kind: r.node.kind, code: r.node.code, title: r.node.title },
      indicator: r.indicator && {
        name: r.indicator.name, definition: r.indicator.definition, formula: r.indicator.formula, measure: r.indicator.measure, dataSource: r.indicator.dataSource,
        polarity: r.indicator.polarity, isIku: r.indicator.isIku,
        targets: r.indicator.targets.map((x) => ({ year: x.year, target: x.target && { type: x.target.type, value: x.target.value, low: x.target.low, high: x.target.high } })),
      },
    })),
  }));
}

/** Each agreement of the year at its last signed version (a revision still in draft leaves the signed one published). */
async function signedAgreements(ctx: AppContext, region: Region, year: number) {
  const out = [];
  for (const a of await listAgreements(ctx, region, { year })) {
    const v = await signedVersionView(ctx, region, a.id);
    if (!v) continue;
    out.push({
      id: v.id, level: v.level, unit: v.unit, subunit: v.subunit, version: v.version, signedOn: v.signedOn,
      firstParty: { name: v.firstParty.name, position: v.firstParty.position }, secondParty: v.secondParty && { name: v.secondParty.name, position: v.secondParty.position },
      targets: v.targets.map((t) => ({ target: t.target, indicator: t.indicator, measure: t.measure, type: t.type, value: t.value, low: t.low, high: t.high })),
      programmes: v.programmes.map((p) => ({ code: p.code, title: p.title, budget: p.budget })),
    });
  }
  return out;
}

async function akipResult(ctx: AppContext, regionCode: string, year: number) {
  const db = ctx.database.db;
  const [[official], [internal]] = await Promise.all([
    db.select().from(sakipOfficialResults).where(and(eq(sakipOfficialResults.regionCode, regionCode), eq(sakipOfficialResults.year, year))),
    db.select().from(sakipEvaluations).where(and(eq(sakipEvaluations.regionCode, regionCode), eq(sakipEvaluations.year, year), eq(sakipEvaluations.status, 'final'))),
  ]);
  return {
    official: official ? { score: official.score, predicate: predicateOf(official.worksheetVersion, official.predicate), source: official.source } : null,
    internal: internal?.score && internal.predicate ? { score: internal.score, predicate: predicateOf(internal.worksheetVersion, internal.predicate) } : null,
  };
}

/** The years a visitor can choose: those of the region's active plans. */
async function publishedYears(ctx: AppContext, regionCode: string) {
  const plans = await ctx.database.db.select({ startYear: sakipPlans.startYear, endYear: sakipPlans.endYear }).from(sakipPlans)
    .where(and(eq(sakipPlans.regionCode, regionCode), eq(sakipPlans.status, 'active'), isNull(sakipPlans.unitId)));
  const years = new Set<number>();
  for (const p of plans) for (let y = p.startYear; y <= p.endYear; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

export async function publicDocuments(ctx: AppContext, region: Region, year: number) {
  const [years, plans, agreements, reports, akip] = await Promise.all([
    publishedYears(ctx, region.code), publishedPlans(ctx, region, year), signedAgreements(ctx, region, year),
    listReports(ctx, region.code, { year, published: true }), akipResult(ctx, region.code, year),
  ]);
  return {
    region: { code: region.code, name: region.name }, year, years, plans, agreements,
    reports: reports.map((r) => ({ id: r.id, year: r.year, unit: r.unit, subject: r.subject, finalisedAt: r.finalisedAt!, underRevision: r.status !== 'final' })),
    akip,
  };
}

// The region's performance in one year, by unit: every indicator of the
// active plans covering the year (the RPJMD's and each Renstra's) counted for
// the unit responsible for it (its node's unit, else its plan's; RPJMD
// indicators without one are the region's own), with how many have a target,
// were reported, met their target, and their achievement together. Also the
// share of the RPJMD's key indicators (IKU) met, which the dashboard shows.
// Read from the stored yearly summary (service/figures.ts); overview-raw.ts
// computes the same from the raw rows, for the tests and the bench.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { units } from '../../../platform/schema.js';
import { Dec } from '../../../platform/decimal.js';
import type { AchievementFigure, NotComputable } from '../domain/achievement.js';
import { sakipIndicators, sakipIndicatorYearFigures, sakipPlans } from '../schema.js';
import { summaryOf, type RegionView } from './views.js';

export interface Tally {
  indicators: number;
  withTarget: number;
  reported: number;
  met: number;
  parts: { id: string; figure: AchievementFigure | null }[];
}

export const emptyTally = (): Tally => ({ indicators: 0, withTarget: 0, reported: 0, met: 0, parts: [] });

const HUNDRED = new Dec(100);

export function count(t: Tally, id: string, hasTarget: boolean, reported: boolean, figure: AchievementFigure | null): void {
  t.indicators += 1;
  if (hasTarget) t.withTarget += 1;
  if (reported) t.reported += 1;
  if (figure?.computable && figure.percent.gte(HUNDRED)) t.met += 1;
  t.parts.push({ id, figure });
}

/** The current year in the region. */
export const regionYear = (ctx: AppContext, utcOffsetMinutes: number) => new Date(ctx.clock.now().getTime() + utcOffsetMinutes * 60_000).getUTCFullYear();

/** The active plans covering the year, in the order the overview lists them. */
export const activePlans = (db: Queryable, regionCode: string, year: number) => db.select().from(sakipPlans).where(and(
  eq(sakipPlans.regionCode, regionCode), eq(sakipPlans.status, 'active'), lte(sakipPlans.startYear, year), gte(sakipPlans.endYear, year),
)).orderBy(asc(sakipPlans.kind), asc(sakipPlans.title));

export const regionUnits = (ctx: AppContext, regionCode: string) =>
  ctx.database.db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.regionCode, regionCode));

/** The answer from the tallies: a row per unit (the region's own first, then by name), and the RPJMD's IKU. */
export function overviewView(region: RegionView, year: number, plans: { id: string; kind: string; title: string; unitId: string | null }[],
  unitRows: { id: string; code: string; name: string }[], byUnit: Map<string | null, Tally>, iku: Tally) {
  const unitOf = new Map(unitRows.map((u) => [u.id, u]));
  const view = (t: Tally) => ({
    indicators: t.indicators, withTarget: t.withTarget, reported: t.reported, met: t.met, achievement: summaryOf({ bands: region.settings.sakip.bands }, t.parts),
  });
  const rows = [...byUnit.entries()].map(([unitId, t]) => ({ unit: unitId === null ? null : unitOf.get(unitId) ?? null, ...view(t) }))
    .sort((a, b) => (a.unit === null ? -1 : b.unit === null ? 1 : a.unit.name.localeCompare(b.unit.name, 'id')));
  return {
    year,
    plans: plans.map((p) => ({ id: p.id, kind: p.kind as 'rpjmd' | 'renstra', title: p.title, unitId: p.unitId })),
    units: rows,
    iku: view(iku),
  };
}

const f = sakipIndicatorYearFigures;

export async function regionOverview(ctx: AppContext, region: RegionView, askedYear?: number) {
  const year = askedYear ?? regionYear(ctx, region.utcOffsetMinutes);
  // The summary's rows in the order the plans and their indicators are listed, so each unit's parts add up in the same
  // order; the plans are ranked first, so that thousands of rows are not sorted by title.
  const ranked = ctx.database.db.select({ id: sakipPlans.id, rank: sql<number>`row_number() over (order by ${sakipPlans.kind}, ${sakipPlans.title})`.as('rank') })
    .from(sakipPlans).where(and(eq(sakipPlans.regionCode, region.code), eq(sakipPlans.status, 'active'), lte(sakipPlans.startYear, year), gte(sakipPlans.endYear, year)))
    .as('ranked');
  const [plans, unitRows, figures] = await Promise.all([
    activePlans(ctx.database.db, region.code, year),
    regionUnits(ctx, region.code),
    ctx.database.db.select({ id: f.indicatorId, unitId: f.unitId, hasTarget: f.hasTarget, reported: f.reported, percent: f.percent, excluded: f.excluded, iku: f.iku })
      .from(f)
      .innerJoin(ranked, eq(ranked.id, f.planId))
      .innerJoin(sakipIndicators, and(eq(sakipIndicators.regionCode, f.regionCode), eq(sakipIndicators.id, f.indicatorId)))
      .where(and(eq(f.regionCode, region.code), eq(f.year, year)))
      .orderBy(asc(ranked.rank), asc(sakipIndicators.position), asc(sakipIndicators.createdAt), asc(sakipIndicators.id)),
  ]);
  const byUnit = new Map<string | null, Tally>();
  const iku = emptyTally();
  for (const r of figures) {
    const figure: AchievementFigure | null = r.percent !== null ? { computable: true, percent: new Dec(r.percent) }
      : r.excluded === 'no_realisation' ? null : { computable: false, reason: r.excluded as NotComputable };
    const tally = byUnit.get(r.unitId) ?? emptyTally();
    byUnit.set(r.unitId, tally);
    count(tally, r.id, r.hasTarget, r.reported, figure);
    if (r.iku) count(iku, r.id, r.hasTarget, r.reported, figure);
  }
  return overviewView(region, year, plans, unitRows, byUnit, iku);
}

/** The RPJMD's key indicators (IKU) of each region in one year, counted in SQL: what the province compares. */
export async function ikuCounts(ctx: AppContext, regionCodes: string[], year: number) {
  if (regionCodes.length === 0) return new Map<string, { indicators: number; withTarget: number; met: number }>();
  const rows = await ctx.database.db.select({
    code: f.regionCode, indicators: sql<number>`count(*)::int`, withTarget: sql<number>`(count(*) filter (where ${f.hasTarget}))::int`,
    met: sql<number>`(count(*) filter (where ${f.percent} >= 100))::int`,
  }).from(f).innerJoin(sakipPlans, and(eq(sakipPlans.regionCode, f.regionCode), eq(sakipPlans.id, f.planId)))
    .where(and(inArray(f.regionCode, regionCodes), eq(f.year, year), eq(f.iku, true), eq(sakipPlans.status, 'active')))
    .groupBy(f.regionCode);
  return new Map(rows.map(({ code, ...counts }) => [code, counts]));
}

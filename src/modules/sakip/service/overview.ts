// The region's performance in one year, by unit: every indicator of the
// active plans covering the year (the RPJMD's and each Renstra's) counted for
// the unit responsible for it (its node's unit, else its plan's; RPJMD
// indicators without one are the region's own), with how many have a target,
// were reported, met their target, and their achievement together. Also the
// share of the RPJMD's key indicators (IKU) met, which the dashboard shows.
// Read from the stored yearly summary counted per unit (service/figures.ts,
// service/unit-tallies.ts): a few rows per unit whatever the number of
// indicators; overview-raw.ts computes the same from the raw rows, for the
// tests and the bench. (The summary holds active plans only.) A quarter's or
// month's overview is counted the same way from that period's rows
// (overview-period.ts).
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { units } from '../../../platform/schema.js';
import { AppError } from '../../../platform/errors.js';
import { addExact } from '../../../platform/decimal.js';
import type { AchievementFigure } from '../domain/achievement.js';
import { sakipPlans, sakipUnitYearTallies } from '../schema.js';
import { tallySummaryOf, type RegionView } from './views.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';

/** Indicators counted together: how many, with a target, reported, met, and their achievement's exact sum. */
export interface Tally { indicators: number; withTarget: number; reported: number; met: number; used: number; sum: string }

const emptyTally = (): Tally => ({ indicators: 0, withTarget: 0, reported: 0, met: 0, used: 0, sum: '0' });

/** One indicator into a tally. */
function count(t: Tally, hasTarget: boolean, reported: boolean, figure: AchievementFigure | null): void {
  t.indicators += 1;
  if (hasTarget) t.withTarget += 1;
  if (reported) t.reported += 1;
  if (figure?.computable) {
    if (figure.percent.gte(100)) t.met += 1;
    t.used += 1;
    t.sum = addExact(t.sum, figure.percent);
  }
}

/** Two tallies together. */
function add(t: Tally, u: Tally): void {
  t.indicators += u.indicators;
  t.withTarget += u.withTarget;
  t.reported += u.reported;
  t.met += u.met;
  t.used += u.used;
  t.sum = addExact(t.sum, u.sum);
}

/**
 * Indicators counted for their responsible unit, with the RPJMD's key
 * indicators (IKU) apart: the yearly overview adds stored tallies, the
 * period's (overview-period.ts) and the raw year's (overview-raw.ts) count
 * indicator by indicator.
 */
export class UnitTallies {
  readonly byUnit = new Map<string | null, Tally>();
  readonly iku = emptyTally();

  private of(unitId: string | null): Tally {
    const tally = this.byUnit.get(unitId) ?? emptyTally();
    this.byUnit.set(unitId, tally);
    return tally;
  }

  /** One indicator of `unitId`'s; `iku`: an RPJMD key indicator. */
  count(unitId: string | null, iku: boolean, hasTarget: boolean, reported: boolean, figure: AchievementFigure | null): void {
    count(this.of(unitId), hasTarget, reported, figure);
    if (iku) count(this.iku, hasTarget, reported, figure);
  }

  /** Indicators already counted together. */
  add(unitId: string | null, iku: boolean, t: Tally): void {
    add(this.of(unitId), t);
    if (iku) add(this.iku, t);
  }
}

/** The unit responsible for a node's indicators and budget: its own, else its plan's owner (none: the region's own). */
export const responsibleUnit = (plan: { unitId: string | null }, node: { unitId: string | null }) => node.unitId ?? plan.unitId;

/** The current year in the region. */
export const regionYear = (ctx: AppContext, utcOffsetMinutes: number) => Number(localDateOf(ctx.clock.now(), { utcOffsetMinutes }).slice(0, 4));

/** The active plans covering the year, in the order the overview lists them. */
export const activePlans = (db: Queryable, regionCode: string, year: number) => db.select().from(sakipPlans).where(and(
  eq(sakipPlans.regionCode, regionCode), eq(sakipPlans.status, 'active'), lte(sakipPlans.startYear, year), gte(sakipPlans.endYear, year),
)).orderBy(asc(sakipPlans.kind), asc(sakipPlans.title));

export const regionUnits = (ctx: AppContext, regionCode: string) =>
  ctx.database.db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.regionCode, regionCode));

/** The targets (sasaran) a view lists: the RPJMD's (the region's own, whoever leads them), or one unit's (its Renstra's and the RPJMD's it leads). */
export type TargetFocus = { unitId: string } | null;

/** The focus asked for: a unit of the region (another region's is not found), or the RPJMD's targets. */
export async function targetFocus(db: Queryable, regionCode: string, unitId: string | undefined): Promise<TargetFocus> {
  if (unitId === undefined) return null;
  const [found] = await db.select({ id: units.id }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.id, unitId)));
  if (!found) throw new AppError('unit.not_found');
  return { unitId };
}

/** The answer from the tallies: a row per unit (the region's own first, then by name), and the RPJMD's IKU; `period` a quarter or month, null for the year. */
export function overviewView(region: RegionView, year: number, period: string | null, plans: { id: string; kind: string; title: string; unitId: string | null }[],
  unitRows: { id: string; code: string; name: string }[], { byUnit, iku }: UnitTallies) {
  const unitOf = new Map(unitRows.map((u) => [u.id, u]));
  const view = (t: Tally) => ({
    indicators: t.indicators, withTarget: t.withTarget, reported: t.reported, met: t.met, achievement: tallySummaryOf({ bands: region.settings.sakip.bands }, t),
  });
  const rows = [...byUnit.entries()].map(([unitId, t]) => ({ unit: unitId === null ? null : unitOf.get(unitId) ?? null, ...view(t) }))
    .sort((a, b) => (a.unit === null ? -1 : b.unit === null ? 1 : a.unit.name.localeCompare(b.unit.name, 'id')));
  return {
    year,
    period,
    plans: plans.map((p) => ({ id: p.id, kind: p.kind as 'rpjmd' | 'renstra', title: p.title, unitId: p.unitId })),
    units: rows,
    iku: view(iku),
  };
}

const t = sakipUnitYearTallies;

export async function regionOverview(ctx: AppContext, region: RegionView, askedYear?: number) {
  const year = askedYear ?? regionYear(ctx, region.utcOffsetMinutes);
  const [plans, unitRows, tallies] = await Promise.all([
    activePlans(ctx.database.db, region.code, year),
    regionUnits(ctx, region.code),
    // Per unit, IKU apart: at most two rows per unit and plan.
    ctx.database.db.select({
      unitId: t.unitId, iku: t.iku, indicators: sql<number>`sum(${t.indicators})::int`, withTarget: sql<number>`sum(${t.withTarget})::int`,
      reported: sql<number>`sum(${t.reported})::int`, met: sql<number>`sum(${t.met})::int`, used: sql<number>`sum(${t.used})::int`, sum: sql<string>`sum(${t.sum})::text`,
    }).from(t).where(and(eq(t.regionCode, region.code), eq(t.year, year))).groupBy(t.unitId, t.iku),
  ]);
  const counted = new UnitTallies();
  for (const { unitId, iku, ...t } of tallies) counted.add(unitId, iku, t);
  return overviewView(region, year, null, plans, unitRows, counted);
}

/** The RPJMD's key indicators (IKU) of each region in one year, counted in SQL: what the province compares, and its efficiency's achievement. */
export async function ikuCounts(ctx: AppContext, regionCodes: string[], year: number) {
  if (regionCodes.length === 0) return new Map<string, Omit<Tally, 'reported'>>();
  const rows = await ctx.database.db.select({
    code: t.regionCode, indicators: sql<number>`sum(${t.indicators})::int`, withTarget: sql<number>`sum(${t.withTarget})::int`,
    met: sql<number>`sum(${t.met})::int`, used: sql<number>`sum(${t.used})::int`, sum: sql<string>`sum(${t.sum})::text`,
  }).from(t).where(and(inArray(t.regionCode, regionCodes), eq(t.year, year), eq(t.iku, true))).groupBy(t.regionCode);
  return new Map(rows.map(({ code, ...counts }) => [code, counts]));
}

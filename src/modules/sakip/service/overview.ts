// The region's performance in one year, by unit: every indicator of the
// active plans covering the year (the RPJMD's and each Renstra's) counted for
// the unit responsible for it (its node's unit, else its plan's; RPJMD
// indicators without one are the region's own), with how many have a target,
// were reported, met their target, and their achievement together. Also the
// share of the RPJMD's key indicators (IKU) met, which the dashboard shows.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { units } from '../../../platform/schema.js';
import { Dec } from '../../../platform/decimal.js';
import type { Achievement } from '../domain/achievement.js';
import { sakipPlans } from '../schema.js';
import { planFigures, summaryOf, type RegionView } from './views.js';

interface Tally {
  indicators: number;
  withTarget: number;
  reported: number;
  met: number;
  parts: { id: string; figure: Achievement | null }[];
}

const emptyTally = (): Tally => ({ indicators: 0, withTarget: 0, reported: 0, met: 0, parts: [] });

const HUNDRED = new Dec(100);

function count(t: Tally, id: string, hasTarget: boolean, reported: boolean, figure: Achievement | null): void {
  t.indicators += 1;
  if (hasTarget) t.withTarget += 1;
  if (reported) t.reported += 1;
  if (figure?.computable && figure.percent.gte(HUNDRED)) t.met += 1;
  t.parts.push({ id, figure });
}

/** The current year in the region. */
const regionYear = (ctx: AppContext, utcOffsetMinutes: number) => new Date(ctx.clock.now().getTime() + utcOffsetMinutes * 60_000).getUTCFullYear();

export async function regionOverview(ctx: AppContext, region: RegionView, askedYear?: number) {
  const db = ctx.database.db;
  const year = askedYear ?? regionYear(ctx, region.utcOffsetMinutes);
  const [plans, unitRows] = await Promise.all([
    db.select().from(sakipPlans).where(and(
      eq(sakipPlans.regionCode, region.code), eq(sakipPlans.status, 'active'), lte(sakipPlans.startYear, year), gte(sakipPlans.endYear, year),
    )).orderBy(asc(sakipPlans.kind), asc(sakipPlans.title)),
    db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.regionCode, region.code)),
  ]);
  const byUnit = new Map<string | null, Tally>();
  const iku = emptyTally();
  for (const plan of plans) {
    const { data, indicators } = await planFigures(ctx.database.db, region, plan, year);
    const nodeUnit = new Map(data.nodes.map((n) => [n.id, n.unitId ?? plan.unitId]));
    const byId = new Map([...indicators.values()].flat().map((v) => [v.view.id, v]));
    for (const i of data.indicators) {
      const figures = byId.get(i.id)!;
      const a = figures.view.achievement;
      const unitId = nodeUnit.get(i.nodeId) ?? null;
      const tally = byUnit.get(unitId) ?? emptyTally();
      byUnit.set(unitId, tally);
      const reported = (a.realisation?.reported.length ?? 0) > 0;
      count(tally, i.id, a.target !== null, reported, figures.figure);
      if (plan.kind === 'rpjmd' && i.isIku) count(iku, i.id, a.target !== null, reported, figures.figure);
    }
  }
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

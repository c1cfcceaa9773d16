// The yearly achievement summary counted per plan, year, unit and IKU
// (sakip_unit_year_tallies): what the region overview and the province
// comparison read, a few rows per unit whatever the number of indicators.
// An active plan's indicators, their units and IKU do not change, so all its
// rows are written from the summary when it is activated (or rebuilt), and a
// target or realisation then moves its one row by the difference between
// the summary rows it removed and wrote: an UPDATE adding the difference, so
// two reports in one unit wait for each other instead of losing one.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { addExact, Dec, multiplyExact } from '../../../platform/decimal.js';
import { sakipIndicatorYearFigures, sakipPlans, sakipUnitYearTallies } from '../schema.js';

/** What a summary row adds to its tally. */
export interface CountedRow { year: number; unitId: string | null; iku: boolean; hasTarget: boolean; reported: boolean; percent: string | null }

const f = sakipIndicatorYearFigures;
const t = sakipUnitYearTallies;

/** The summary's columns a tally counts, for `returning` what a refresh removed. */
export const countedColumns = { year: f.year, unitId: f.unitId, iku: f.iku, hasTarget: f.hasTarget, reported: f.reported, percent: f.percent };

interface Difference { year: number; unitId: string | null; iku: boolean; indicators: number; withTarget: number; reported: number; met: number; used: number; sum: string }

/** The rows written minus the rows removed, per year, unit and IKU; keys that did not move are left out. */
function differences(removed: readonly CountedRow[], written: readonly CountedRow[]): Difference[] {
  const out = new Map<string, Difference>();
  const count = (r: CountedRow, sign: 1 | -1) => {
    const key = `${r.year}|${r.unitId ?? ''}|${r.iku}`;
    const d = out.get(key) ?? { year: r.year, unitId: r.unitId, iku: r.iku, indicators: 0, withTarget: 0, reported: 0, met: 0, used: 0, sum: '0' };
    out.set(key, d);
    d.indicators += sign;
    if (r.hasTarget) d.withTarget += sign;
    if (r.reported) d.reported += sign;
    if (r.percent !== null) {
      if (new Dec(r.percent).gte(100)) d.met += sign;
      d.used += sign;
      d.sum = addExact(d.sum, sign === 1 ? r.percent : multiplyExact(r.percent, '-1'));
    }
  };
  for (const r of removed) count(r, -1);
  for (const r of written) count(r, 1);
  return [...out.values()].filter((d) => d.indicators !== 0 || d.withTarget !== 0 || d.reported !== 0 || d.met !== 0 || d.used !== 0 || !new Dec(d.sum).isZero());
}

/** Rewrites the tallies of a region (or one plan of it) from its summary rows, counted in SQL. */
async function rewriteFromSummary(tx: Queryable, regionCode: string, planId?: string): Promise<void> {
  await tx.delete(t).where(and(eq(t.regionCode, regionCode), planId === undefined ? undefined : eq(t.planId, planId)));
  await tx.insert(t).select(tx.select({
    regionCode: f.regionCode, planId: f.planId, year: f.year, unitId: f.unitId, iku: f.iku,
    indicators: sql<number>`count(*)::int`.as('indicators'),
    withTarget: sql<number>`(count(*) filter (where ${f.hasTarget}))::int`.as('with_target'),
    reported: sql<number>`(count(*) filter (where ${f.reported}))::int`.as('reported'),
    met: sql<number>`(count(*) filter (where ${f.percent} >= 100))::int`.as('met'),
    used: sql<number>`count(${f.percent})::int`.as('used'),
    sum: sql<string>`coalesce(sum(${f.percent}), 0)`.as('sum'),
  }).from(f).where(and(eq(f.regionCode, regionCode), planId === undefined ? undefined : eq(f.planId, planId)))
    .groupBy(f.regionCode, f.planId, f.year, f.unitId, f.iku));
}

/**
 * After a refresh of a plan's summary rows (removed, then written): the whole
 * plan's tallies rewritten, or each moved one changed by the difference. A
 * tally missing for a moved key (rows written by hand) is counted afresh.
 */
export async function moveTallies(tx: Queryable, regionCode: string, planId: string, whole: boolean, removed: readonly CountedRow[], written: readonly CountedRow[]): Promise<void> {
  if (whole) return rewriteFromSummary(tx, regionCode, planId);
  for (const d of differences(removed, written)) {
    const key = and(eq(t.regionCode, regionCode), eq(t.planId, planId), eq(t.year, d.year), d.unitId === null ? isNull(t.unitId) : eq(t.unitId, d.unitId), eq(t.iku, d.iku));
    const moved = await tx.update(t).set({
      indicators: sql`${t.indicators} + ${d.indicators}`, withTarget: sql`${t.withTarget} + ${d.withTarget}`, reported: sql`${t.reported} + ${d.reported}`,
      met: sql`${t.met} + ${d.met}`, used: sql`${t.used} + ${d.used}`, sum: sql`${t.sum} + ${d.sum}::numeric`,
    }).where(key).returning({ indicators: t.indicators });
    if (moved.length === 0) return rewriteFromSummary(tx, regionCode, planId);
  }
}

/** Rebuilds a region's tallies from its summary. Returns the rows written and how many differed before. */
export async function rebuildRegionTallies(tx: Queryable, regionCode: string): Promise<{ rows: number; differing: number }> {
  const key = (r: typeof t.$inferSelect) => [r.planId, r.year, r.unitId ?? '', r.iku, r.indicators, r.withTarget, r.reported, r.met, r.used, new Dec(r.sum).toFixed()].join('|');
  const read = async () => (await tx.select().from(t).where(eq(t.regionCode, regionCode))).map(key);
  const before = new Set(await read());
  await rewriteFromSummary(tx, regionCode);
  const after = await read();
  const same = after.filter((k) => before.has(k)).length;
  return { rows: after.length, differing: after.length - same + (before.size - same) };
}

/** The regions with an active plan whose first year has summary rows but no tally (a database from before they existed): per plan, by index. */
export async function regionsMissingTallies(db: Queryable): Promise<string[]> {
  const p = sakipPlans;
  const rows = await db.selectDistinct({ code: p.regionCode }).from(p).where(and(eq(p.status, 'active'),
    sql`exists (select 1 from ${f} where ${f.regionCode} = ${p.regionCode} and ${f.year} = ${p.startYear} and ${f.planId} = ${p.id})`,
    sql`not exists (select 1 from ${t} where ${t.regionCode} = ${p.regionCode} and ${t.planId} = ${p.id} and ${t.year} = ${p.startYear})`));
  return rows.map((r) => r.code);
}

// Reading the dashboard: sums over the summary table (complaint_stats). Overdue
// work is the complaints the SLA sweep has already escalated (counted in the
// summary, escalated_open) plus those with a deadline past but not swept yet,
// counted live from the open deadlines (the platform's partial index stage_deadlines_open_idx):
// with the worker running, a handful at most, so the dashboard costs the same
// however many complaints there are.
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { handledUnits } from '../domain/staff.js';
import { AppError } from '../../../platform/errors.js';
import type { Text } from '../../../platform/i18n.js';
import { childRegions, type Region } from '../../../platform/regions/service.js';
import { areas } from '../../../platform/schema.js';
import { regionReference } from './reference.js';
import {
  ALL_DISTRICTS, COUNTERS, NO_DISTRICT, NO_UNIT, buildReport, emptyTally, monthLabel, monthStart, monthsOf, periodEnd,
  type Dimension, type Group, type Period, type Report, type Tally,
} from '../domain/dashboard.js';
import { counterColumn, localMonthSql } from './stats.js';
import { BUCKET_MINUTES } from '../domain/times.js';

interface Scope {
  regionCodes: string[];
  period: Period;
  /** The regions' UTC offset: one province shares one time zone. */
  offsetMinutes: number;
  /** Unit heads see their own units only; null is every unit. */
  unitIds: string[] | null;
}

const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The grouping key, on the summary table and on complaints. */
const statsKey: Record<Dimension, SQL> = {
  unit: sql`unit_id::text`,
  category: sql`category_id::text`,
  district: sql`district_code`,
  month: sql`to_char(month, 'YYYY-MM')`,
  region: sql`region_code`,
};
const complaintKey = (dim: Dimension, offsetMinutes: number): SQL => ({
  unit: sql`coalesce(c.unit_id, ${NO_UNIT}::uuid)::text`,
  category: sql`c.category_id::text`,
  district: sql`coalesce(c.district_code, ${NO_DISTRICT})`,
  month: sql`to_char(${localMonthSql(sql`c.submitted_at`, offsetMinutes)}, 'YYYY-MM')`,
  region: sql`c.region_code`,
})[dim];

const sumArray = (name: string) => sql.raw(`array[${BUCKET_MINUTES.map((_, i) => `sum(${name}[${i + 1}])::int`).join(', ')}]`);

/** The summed summary rows per key: reads complaint_stats only. */
export function tallyQuery(scope: Scope, dim: Dimension): SQL {
  return sql`select ${statsKey[dim]} as key,
      ${sql.raw(COUNTERS.map((c) => `sum(${counterColumn[c]})::int as "${c}"`).join(', '))},
      ${sumArray('response_times')} as "responseTimes", ${sumArray('resolution_times')} as "resolutionTimes"
    from complaint_stats
    where region_code in (${list(scope.regionCodes)})
      and month between ${`${scope.period.from}-01`}::date and ${`${scope.period.to}-01`}::date
      ${scope.unitIds ? sql`and unit_id in (${list(scope.unitIds)})` : sql``}
      and ${dim === 'district' ? sql`district_code <> ${ALL_DISTRICTS}` : sql`district_code = ${ALL_DISTRICTS}`}
    group by 1`;
}

/**
 * Complaints received in the period with an open deadline already past that
 * the sweep has not escalated yet (the escalated ones are in the summary), per key.
 */
export function overdueQuery(scope: Scope, dim: Dimension, now: Date): SQL {
  return sql`select ${complaintKey(dim, scope.offsetMinutes)} as key, count(distinct c.id)::int as overdue
    from stage_deadlines d
    join complaints c on c.region_code = d.region_code and c.id = d.record_id
    where d.module = 'complaints' and d.record_type = 'complaint'
      and d.region_code in (${list(scope.regionCodes)}) and d.met_at is null and d.due_at < ${now}
      and d.escalation_step = 0 and not c.escalated_open
      and c.submitted_at >= ${monthStart(scope.period.from, scope.offsetMinutes)} and c.submitted_at < ${periodEnd(scope.period, scope.offsetMinutes)}
      ${scope.unitIds ? sql`and c.unit_id in (${list(scope.unitIds)})` : sql``}
    group by 1`;
}

/**
 * overdueQuery without parallel workers: it reads a handful of rows, but the
 * table's statistics (mostly old, met deadlines) make the planner expect
 * thousands, and starting workers would cost more than the whole answer.
 */
function liveOverdue(ctx: AppContext, scope: Scope, dim: Dimension) {
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return ctx.database.rows<{ key: string; overdue: number }>(overdueQuery(scope, dim, ctx.clock.now()), tx);
  });
}

async function groups(ctx: AppContext, scope: Scope, dim: Dimension, withOverdue: boolean): Promise<Map<string, Group>> {
  const db = ctx.database;
  if (scope.unitIds?.length === 0) return new Map();
  const [tallies, overdue] = await Promise.all([
    db.rows<Tally & { key: string }>(tallyQuery(scope, dim)),
    withOverdue ? liveOverdue(ctx, scope, dim) : [],
  ]);
  const byKey = new Map<string, Group>();
  for (const { key, ...tally } of tallies) byKey.set(key, { key, tally, overdue: withOverdue ? tally.escalatedOpen : 0 });
  for (const o of overdue) {
    const g = byKey.get(o.key);
    if (g) g.overdue += o.overdue;
  }
  return byKey;
}

const noUnit: Text = { id: 'Belum didisposisikan', en: 'Not yet assigned to a unit' };
const noDistrict: Text = { id: 'Tanpa kecamatan', en: 'No district given' };
const same = (name: string): Text => ({ id: name, en: name });

async function labels(db: Queryable, regionCode: string, dim: Dimension, keys: string[]): Promise<Map<string, Text>> {
  const out = new Map<string, Text>();
  if (keys.length === 0) return out;
  if (dim === 'unit') {
    out.set(NO_UNIT, noUnit);
    const { unitNames } = await regionReference(db, regionCode);
    for (const k of keys) if (unitNames.has(k)) out.set(k, same(unitNames.get(k)!));
  } else if (dim === 'category') {
    const { categories } = await regionReference(db, regionCode);
    for (const k of keys) if (categories.has(k)) out.set(k, { id: categories.get(k)!.nameId, en: categories.get(k)!.nameEn });
  } else if (dim === 'district' || dim === 'region') {
    if (dim === 'district') out.set(NO_DISTRICT, noDistrict);
    for (const a of await db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, keys))) out.set(a.code, same(a.name));
  } else {
    for (const k of keys) out.set(k, monthLabel(k));
  }
  return out;
}

async function report(ctx: AppContext, region: Region, scope: Scope, dim: Dimension, order: string[] | null, withOverdue = true): Promise<Report> {
  const found = await groups(ctx, scope, dim, withOverdue);
  const keys = order ?? [...found.keys()];
  const named = await labels(ctx.database.db, region.code, dim, keys);
  const rows = keys.map((key) => found.get(key) ?? { key, tally: emptyTally(), overdue: 0 });
  const label = (key: string) => named.get(key) ?? same(key);
  // Busiest first; months and regions keep their own order.
  if (!order) rows.sort((a, b) => b.tally.received - a.tally.received || label(a.key).id.localeCompare(label(b.key).id, 'id'));
  return buildReport({ ...scope.period, timezone: region.timezoneLabel }, dim, rows, label);
}

export async function regionDashboard(ctx: AppContext, region: Region, actor: Actor, period: Period, by: Exclude<Dimension, 'region'>): Promise<Report> {
  const mine = handledUnits(actor, region.code);
  const scope: Scope = { regionCodes: [region.code], period, offsetMinutes: region.utcOffsetMinutes, unitIds: mine && [...mine] };
  // Every month of the period has a row, so a chart shows the quiet ones too.
  return report(ctx, region, scope, by, by === 'month' ? monthsOf(period) : null);
}

/** A province and each of its enabled kabupaten/kota, one row each. */
export async function provinceRollup(ctx: AppContext, province: Region, actor: Actor, period: Period): Promise<Report> {
  if (province.parentCode !== null) throw new AppError('dashboard.not_province');
  // A unit head of the province sees only their unit there, never the regencies.
  if (handledUnits(actor, province.code) !== null) throw new AppError('auth.forbidden');
  const codes = [province.code, ...(await childRegions(ctx.database.db, province.code)).sort()];
  return report(ctx, province, { regionCodes: codes, period, offsetMinutes: province.utcOffsetMinutes, unitIds: null }, 'region', codes);
}

/** The public statistics page: aggregated numbers only, by category and by month. */
export async function publicStatistics(ctx: AppContext, region: Region, year: number) {
  if (!region.settings.complaints.publicStatistics) throw new AppError('statistics.not_public');
  const period: Period = { from: `${year}-01`, to: `${year}-12` };
  const scope: Scope = { regionCodes: [region.code], period, offsetMinutes: region.utcOffsetMinutes, unitIds: null };
  const byCategory = await report(ctx, region, scope, 'category', null, false);
  const byMonth = await report(ctx, region, scope, 'month', monthsOf(period), false);
  const shown = (m: Report['totals']) => ({
    received: m.received, resolved: m.resolved, responseCompliancePct: m.responseCompliancePct, resolutionCompliancePct: m.resolutionCompliancePct,
    responseTimeMedian: m.responseTimeMedian, resolutionTimeMedian: m.resolutionTimeMedian,
  });
  return {
    region: { code: region.code, name: region.name }, year, timezone: region.timezoneLabel,
    totals: shown(byCategory.totals),
    byCategory: byCategory.rows.map((r) => ({ key: r.key, label: r.label, ...shown(r) })),
    byMonth: byMonth.rows.map((r) => ({ key: r.key, label: r.label, ...shown(r) })),
  };
}

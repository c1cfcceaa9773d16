// Keeping the summary table (complaint_stats) in step with complaints, inside
// the transaction of each change, and rebuilding it from the raw tables.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { getRegion, listEnabledRegions } from '../../../platform/regions/service.js';
import { complaints } from '../schema.js';
import { stageDeadlines } from '../../../platform/schema.js';
import { BUCKET_MINUTES } from '../domain/times.js';
import { ALL_DISTRICTS, COUNTERS, NO_DISTRICT, NO_UNIT, OPEN_STATUSES, addTally, isZero, keyString, offsetOf, statsChanges, type ComplaintFacts, type Counter, type StatsKey, type Tally } from '../domain/dashboard.js';

export type ComplaintRow = typeof complaints.$inferSelect;

export const counterColumn: Record<Counter, string> = {
  received: 'received', open: 'open', resolved: 'resolved', rejected: 'rejected', merged: 'merged', transferred: 'transferred',
  responded: 'responded', respondedInTime: 'responded_in_time', resolvedInTime: 'resolved_in_time', escalatedOpen: 'escalated_open',
};
const bucketIndexes = BUCKET_MINUTES.map((_, i) => i + 1); // PostgreSQL arrays start at 1
const arrayLiteral = (values: number[]) => `{${values.join(',')}}`;
const rowsOf = async <T>(tx: Queryable, q: SQL) => ((await tx.execute(q)) as unknown as { rows: T[] }).rows;
const addArrays = (name: string) =>
  sql.raw(`${name} = array[${bucketIndexes.map((i) => `complaint_stats.${name}[${i}] + excluded.${name}[${i}]`).join(', ')}]`);

/** A summary key and tally as statement values: the values themselves, or sql.placeholder()s of a prepared statement. */
interface RowValues {
  key: Record<keyof StatsKey, unknown>;
  counts: Record<Counter, unknown>;
  /** The histograms as PostgreSQL array literals. */
  responseTimes: unknown;
  resolutionTimes: unknown;
}

const valuesOf = (key: StatsKey, t: Tally): RowValues => ({ key, counts: t, responseTimes: arrayLiteral(t.responseTimes), resolutionTimes: arrayLiteral(t.resolutionTimes) });

/** Adds tallies to summary rows (creating them), in the order given; returns each row's key and new `received`. */
function addToRows(rows: RowValues[]): SQL {
  const values = rows.map(({ key, counts, responseTimes, resolutionTimes }) => sql`(${key.regionCode}, ${key.month}::date, ${key.categoryId}::uuid, ${key.unitId}::uuid, ${key.districtCode},
      ${sql.join(COUNTERS.map((c) => sql`${counts[c]}::integer`), sql`, `)}, ${responseTimes}::integer[], ${resolutionTimes}::integer[])`);
  return sql`insert into complaint_stats (region_code, month, category_id, unit_id, district_code,
      ${sql.raw(COUNTERS.map((c) => counterColumn[c]).join(', '))}, response_times, resolution_times)
    values ${sql.join(values, sql`, `)}
    on conflict (region_code, month, category_id, unit_id, district_code) do update set
      ${sql.raw(COUNTERS.map((c) => `${counterColumn[c]} = complaint_stats.${counterColumn[c]} + excluded.${counterColumn[c]}`).join(', '))},
      ${addArrays('response_times')}, ${addArrays('resolution_times')}
    returning region_code, month::text, category_id, unit_id, district_code, received`;
}

/** Applies summary changes in one statement (rows locked in the order given). */
async function apply(tx: Queryable, changes: { key: StatsKey; tally: Tally }[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = await rowsOf<{ region_code: string; month: string; category_id: string; unit_id: string; district_code: string; received: number }>(
    tx, addToRows(changes.map((c) => valuesOf(c.key, c.tally))));
  // No complaint left under a key (all moved to another unit): drop the row, as a rebuild would.
  for (const row of rows.filter((r) => r.received === 0)) {
    await tx.execute(sql`delete from complaint_stats where region_code = ${row.region_code} and month = ${row.month}::date
      and category_id = ${row.category_id} and unit_id = ${row.unit_id} and district_code = ${row.district_code}`);
  }
}

/** A new complaint adds to two rows: its district's and the roll-up (see ALL_DISTRICTS), placeholders stats0_… and stats1_… in key order. */
const statsPlaceholder = (row: number, name: string) => sql.placeholder(`stats${row}_${name}`);
const newComplaintPlaceholders = (row: number): RowValues => ({
  key: {
    regionCode: statsPlaceholder(row, 'regionCode'), month: statsPlaceholder(row, 'month'), categoryId: statsPlaceholder(row, 'categoryId'),
    unitId: statsPlaceholder(row, 'unitId'), districtCode: statsPlaceholder(row, 'districtCode'),
  },
  counts: Object.fromEntries(COUNTERS.map((c) => [c, statsPlaceholder(row, c)])) as Record<Counter, unknown>,
  responseTimes: statsPlaceholder(row, 'responseTimes'),
  resolutionTimes: statsPlaceholder(row, 'resolutionTimes'),
});

/**
 * A new complaint's summary write, for intake's prepared statement (values
 * from newComplaintStatsValues). A new complaint only adds, so no row can
 * fall to zero.
 */
export const newComplaintStatsSql = (): SQL => addToRows([newComplaintPlaceholders(0), newComplaintPlaceholders(1)]);

export function newComplaintStatsValues(after: ComplaintFacts): Record<string, unknown> {
  return Object.fromEntries(statsChanges(null, after).flatMap(({ key, tally }, row) => {
    const v = valuesOf(key, tally);
    const flat = { ...v.key, ...v.counts, responseTimes: v.responseTimes, resolutionTimes: v.resolutionTimes };
    return Object.entries(flat).map(([k, value]) => [`stats${row}_${k}`, value]);
  }));
}

/**
 * Moves a complaint's contribution to the summary from its old row to its new
 * one; `before` is null for a new complaint. Call it after every change to a
 * complaint row that touches ComplaintFacts, in the same transaction, with the
 * row as read (locked) and as written; call it last, as it holds the summary
 * rows' locks until commit.
 */
export async function restateStats(tx: Queryable, before: ComplaintRow | null, after: ComplaintRow): Promise<void> {
  await restateMany(tx, [{ before, after }]);
}

/** restateStats for several complaints at once: their changes summed per row and applied in key order, so concurrent writers lock rows in the same order. */
export async function restateMany(tx: Queryable, moves: { before: ComplaintRow | null; after: ComplaintRow }[]): Promise<void> {
  const byKey = new Map<string, { key: StatsKey; tally: Tally }>();
  for (const { before, after } of moves) {
    for (const change of statsChanges(before, after)) {
      const k = keyString(change.key);
      const prev = byKey.get(k);
      byKey.set(k, prev ? { key: change.key, tally: addTally(prev.tally, change.tally) } : change);
    }
  }
  await apply(tx, [...byKey.keys()].sort().map((k) => byKey.get(k)!).filter((c) => !isZero(c.tally)));
}

/** Whether a stage was met by `at`: compared with its deadline now, before a reopen can restart it. */
async function metInTime(tx: Queryable, c: ComplaintRow, stage: 'response' | 'resolution', at: Date): Promise<boolean> {
  const [d] = await tx.select({ dueAt: stageDeadlines.dueAt }).from(stageDeadlines)
    .where(and(eq(stageDeadlines.regionCode, c.regionCode), eq(stageDeadlines.module, 'complaints'), eq(stageDeadlines.recordType, 'complaint'),
      eq(stageDeadlines.recordId, c.id), eq(stageDeadlines.stage, stage)));
  return !d || at <= d.dueAt; // no deadline, none missed
}

/** The deadline outcomes a patch implies: fixed when the first response or the resolution is recorded. */
export async function deadlineOutcomes(tx: Queryable, c: ComplaintRow, patch: Partial<ComplaintRow>): Promise<Partial<ComplaintRow>> {
  const out: Partial<ComplaintRow> = {};
  if (patch.firstResponseAt && !c.firstResponseAt) out.firstResponseInTime = await metInTime(tx, c, 'response', patch.firstResponseAt);
  if (patch.resolvedAt !== undefined) out.resolvedInTime = patch.resolvedAt ? await metInTime(tx, c, 'resolution', patch.resolvedAt) : null;
  return out;
}

/** The local month (first day) of a timestamp column, in SQL. */
export const localMonthSql = (col: SQL, offsetMinutes: number) =>
  sql`date_trunc('month', (${col} at time zone 'UTC') + ${offsetMinutes}::int * interval '1 minute')::date`;

/** The summary's columns in the order aggregate() gives them (the table's own order differs: columns added later come last). */
const summaryColumns = sql.raw(['region_code', 'month', 'category_id', 'unit_id', 'district_code', ...COUNTERS.map((c) => counterColumn[c]), 'response_times', 'resolution_times'].join(', '));

/** The summary rows of one region, aggregated from the complaints table: the same definitions as domain.contribution, with the roll-up rows. */
function aggregate(regionCode: string): SQL {
  const thresholds = `array[${BUCKET_MINUTES.map((m) => m * 60).join(',')}]::numeric[]`;
  // width_bucket gives 0 below the first bound: a negative duration counts in the first bucket, as in bucketOf.
  const bucket = (end: string) =>
    sql.raw(`case when ${end} is not null then greatest(1, width_bucket(extract(epoch from ${end} - submitted_at), ${thresholds})) end`);
  const histogram = (b: string) => sql.raw(`array[${bucketIndexes.map((i) => `count(*) filter (where ${b} = ${i})`).join(', ')}]::integer[]`);
  const open = sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `);
  return sql`
    select region_code, month, category_id, unit_id, case when grouping(district_code) = 1 then ${ALL_DISTRICTS} else district_code end,
      count(*)::int, count(*) filter (where status in (${open}))::int, count(*) filter (where resolved_at is not null)::int,
      count(*) filter (where status = 'rejected')::int, count(*) filter (where status = 'merged')::int,
      count(*) filter (where status = 'transferred')::int, count(*) filter (where first_response_at is not null)::int,
      count(*) filter (where first_response_at is not null and first_response_in_time)::int,
      count(*) filter (where resolved_at is not null and resolved_in_time)::int, count(*) filter (where escalated_open)::int,
      ${histogram('response_bucket')}, ${histogram('resolution_bucket')}
    from (
      select region_code, ${localMonthSql(sql.raw('submitted_at'), offsetOf(regionCode))} as month, category_id,
        coalesce(unit_id, ${NO_UNIT}::uuid) as unit_id, coalesce(district_code, ${NO_DISTRICT}) as district_code,
        status, first_response_at, resolved_at, first_response_in_time, resolved_in_time, escalated_open,
        ${bucket('first_response_at')} as response_bucket, ${bucket('resolved_at')} as resolution_bucket
      from complaints where region_code = ${regionCode}
    ) c
    group by region_code, month, category_id, unit_id, grouping sets ((district_code), ())`;
}

export interface RebuildResult {
  regions: number;
  rows: number;
  /** Summary rows that differed from the rebuilt ones (0 when the incremental path kept it exact). */
  differing: number;
}

/** Recomputes the summary of one region (or all) from the raw tables, in one transaction. */
export async function rebuildStats(ctx: AppContext, regionCode?: string): Promise<RebuildResult> {
  return ctx.database.db.transaction(async (tx) => {
    const codes = regionCode ? [(await getRegion(tx, regionCode)).code] : (await listEnabledRegions(tx)).map((r) => r.code);
    if (codes.length === 0) return { regions: 0, rows: 0, differing: 0 };
    // Writers wait until we are done; a change committed before is in what we read.
    await tx.execute(sql`lock table complaint_stats in share row exclusive mode`);
    await tx.execute(sql`create temp table rebuilt_stats (like complaint_stats) on commit drop`);
    for (const code of codes) await tx.execute(sql`insert into rebuilt_stats (${summaryColumns}) ${aggregate(code)}`);
    const scope = sql`region_code in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`;
    const [{ differing }] = await rowsOf<{ differing: number }>(tx, sql`select count(*)::int as differing from (
      (select * from complaint_stats where ${scope} except all select * from rebuilt_stats)
      union all (select * from rebuilt_stats except all select * from complaint_stats where ${scope})) d`);
    await tx.execute(sql`delete from complaint_stats where ${scope}`);
    const [{ n }] = await rowsOf<{ n: number }>(tx, sql`with ins as (insert into complaint_stats select * from rebuilt_stats returning 1) select count(*)::int as n from ins`);
    return { regions: codes.length, rows: n, differing };
  });
}

// The dashboard at scale (PostgreSQL): a region's yearly dashboard read by
// Pamong's own query function (summary table) against the plain GROUP BY over
// the raw complaints, first with 100 thousand complaints across 30 regions,
// then with many more (10 million in the issue; BENCH_DASHBOARD_COMPLAINTS).
//
// The generator writes, in SQL, only what the dashboard reads: complaints with
// realistic statuses and times over the last two years, their open deadlines
// (escalated by the sweep once past due, as a running worker leaves them), and
// the summary rebuilt by rebuildStats, the same code as `pamong rebuild-stats`.
import '../src/modules/registry.js'; // installs the modules
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/client.js';
import { enableRegion, getRegion, type Region } from '../src/platform/regions/service.js';
import { anonymousActor, type Actor } from '../src/platform/auth/policy.js';
import { regionDashboard, tallyQuery } from '../src/modules/complaints/service/dashboard.js';
import { rebuildStats } from '../src/modules/complaints/service/stats.js';
import { NO_UNIT, monthStart, periodEnd, type Period } from '../src/modules/complaints/domain/dashboard.js';
import { BUCKET_MINUTES } from '../src/modules/complaints/domain/times.js';
import { prepareDatabase } from '../src/platform/bootstrap.js';
import { openDatabase } from '../src/platform/db/client.js';
import { adminQuery, contextOf, databaseUrl, dropDatabase, median, type Result } from './support.js';

const REGIONS = 30;
const DB = 'pamong_bench_scale';

/** Regions, units, categories and districts the generated complaints use, numbered for the generator. */
async function setUpRegions(database: Database): Promise<string[]> {
  const codes = (await database.rows<{ code: string }>(sql`select code from areas where level = 'regency'
    and exists (select 1 from areas d where d.parent_code = areas.code and d.level = 'district') order by code limit ${REGIONS}`)).map((r) => r.code);
  for (const code of codes) await enableRegion(database.db, code);
  await database.db.execute(sql.raw(`
    create table bench_regions as select (row_number() over (order by code) - 1)::int as idx, code from regions;
    insert into units (region_code, code, name) select code, 'U' || i, 'Dinas uji ' || i from regions, generate_series(0, 7) i;
    insert into categories (region_code, code, name_id, name_en) select code, 'k' || i, 'Kategori uji ' || i, 'Test category ' || i from regions, generate_series(0, 7) i;
    create table bench_categories as select r.idx as region_idx, substr(c.code, 2)::int as idx, c.id, u.id as unit_id
      from bench_regions r join categories c on c.region_code = r.code join units u on u.region_code = r.code and u.code = 'U' || substr(c.code, 2);
    create table bench_districts as select r.idx as region_idx, (row_number() over (partition by r.idx order by a.code) - 1)::int as idx, a.code
      from bench_regions r join areas a on a.parent_code = r.code and a.level = 'district';
    create table bench_district_counts as select region_idx, count(*)::int as n from bench_districts group by 1;`));
  return codes;
}

/**
 * Complaints number `from`..`to` (1-based) of `total`: each region gets a
 * contiguous run of numbers (so one region's rows sit together, as they would
 * after a while), times are spread pseudo-randomly over the last two years,
 * and the status follows the age: a month after submission 99% are finished,
 * the rest is the long-running backlog.
 */
async function generate(database: Database, from: number, to: number, now: Date): Promise<void> {
  const n = to - from + 1;
  const h = (seed: number) => `(abs(hashint8extended(g, ${seed})) % 1000000007)::int`; // deterministic pseudo-random numbers per row
  await database.db.execute(sql.raw(`
    insert into complaints (region_code, id, tracking_code, category_id, status, description, answers, district_code, anonymous, confidential,
      channel, unit_id, submitted_at, first_response_at, resolved_at, first_response_in_time, resolved_in_time, closed_at, updated_at)
    select r.code, gen_random_uuid(), 'GEN-' || g, c.id, s.status, 'Pengaduan uji beban nomor ' || g, '{}', d.code, true, false,
      'web', case when s.status in ('submitted', 'rejected') then null else c.unit_id end, t.at,
      case when s.status not in ('submitted', 'rejected') then t.at + make_interval(hours => ${h(31)} % 96) end,
      case when s.status in ('resolved', 'closed') then t.at + make_interval(hours => ${h(17)} % 500) end,
      case when s.status not in ('submitted', 'rejected') then ${h(31)} % 96 <= 48 end,
      case when s.status in ('resolved', 'closed') then ${h(17)} % 500 <= 336 end,
      case when s.status in ('closed', 'rejected', 'merged', 'transferred') then t.at + interval '30 days' end, t.at
    from generate_series(${from}, ${to}) g
    cross join lateral (select ((g - ${from})::bigint * ${REGIONS} / ${n})::int as region_idx,
      timestamptz '${now.toISOString()}' - make_interval(secs => (${h(1)} % 63072000)::double precision) as at) t
    join bench_regions r on r.idx = t.region_idx
    join bench_categories c on c.region_idx = r.idx and c.idx = ${h(7)} % 8
    join bench_district_counts dc on dc.region_idx = r.idx
    join bench_districts d on d.region_idx = r.idx and d.idx = ${h(13)} % dc.n
    cross join lateral (select case
      when t.at < timestamptz '${now.toISOString()}' - interval '30 days' then
        case when ${h(3)} % 1000 < 600 then 'closed' when ${h(3)} % 1000 < 800 then 'resolved' when ${h(3)} % 1000 < 890 then 'rejected'
             when ${h(3)} % 1000 < 920 then 'merged' when ${h(3)} % 1000 < 990 then 'transferred' else 'in_progress' end
      else
        case when ${h(3)} % 100 < 20 then 'submitted' when ${h(3)} % 100 < 45 then 'dispatched' when ${h(3)} % 100 < 70 then 'in_progress'
             when ${h(3)} % 100 < 90 then 'resolved' else 'rejected' end
      end as status) s`));
}

/**
 * The open deadlines of complaints `from`..`to` (met ones never count as
 * overdue), as the running worker leaves them: those past due escalated once,
 * and their complaints marked as escalated (the dashboard counts them from the summary).
 */
async function generateDeadlines(database: Database, from: number, to: number, now: Date): Promise<void> {
  await database.db.execute(sql.raw(`
    insert into stage_deadlines (region_code, module, record_type, record_id, stage, unit, due_at, escalation_step, next_check_at)
    select region_code, 'complaints', 'complaint', id, x.stage, case x.stage when 'resolution' then 'working_days' else 'hours' end, submitted_at + x.after, case when submitted_at + x.after < timestamptz '${now.toISOString()}' then 1 else 0 end, null
    from complaints cross join lateral (values
      ('verification', interval '24 hours', 'submitted'), ('response', interval '49 hours', 'dispatched'),
      ('resolution', interval '14 days', 'dispatched'), ('resolution', interval '14 days', 'in_progress')) x(stage, after, status)
    where complaints.status = x.status and tracking_code like 'GEN-%' and substr(tracking_code, 5)::int between ${from} and ${to}`));
  await database.db.execute(sql.raw(`
    update complaints c set escalated_open = true from stage_deadlines d
    where d.region_code = c.region_code and d.module = 'complaints' and d.record_id = c.id and d.met_at is null and d.escalation_step > 0 and not c.escalated_open`));
}

interface IndexDefinition { drop: string; create: string }

/** Bulk loads go faster without the indexes; they are rebuilt afterwards exactly as they were. */
async function dropIndexes(database: Database, table: string): Promise<IndexDefinition[]> {
  const pk = await database.rows<{ name: string; def: string }>(sql`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = ${table}::regclass and contype = 'p'`);
  const others = await database.rows<{ name: string; def: string }>(sql`select indexname as name, indexdef as def from pg_indexes
    where tablename = ${table} and indexname not in (select conname from pg_constraint where conrelid = ${table}::regclass)`);
  const defs = [
    ...pk.map((p) => ({ drop: `alter table ${table} drop constraint "${p.name}"`, create: `alter table ${table} add constraint "${p.name}" ${p.def}` })),
    ...others.map((i) => ({ drop: `drop index "${i.name}"`, create: i.def })),
  ];
  for (const d of defs) await database.db.execute(sql.raw(d.drop));
  return defs;
}

/** The same report the old way: one GROUP BY over the raw complaints of the region and period. */
function plainGroupBy(region: Region, period: Period) {
  const thresholds = `array[${BUCKET_MINUTES.map((m) => m * 60).join(',')}]::numeric[]`;
  const histogram = (end: string) => sql.raw(`array[${BUCKET_MINUTES.map((_, i) => `count(*) filter (where ${end} is not null and greatest(1, width_bucket(extract(epoch from ${end} - submitted_at), ${thresholds})) = ${i + 1})`).join(', ')}]`);
  return sql`select coalesce(unit_id, ${NO_UNIT}::uuid) as key, count(*)::int as received,
      count(*) filter (where status in ('submitted', 'dispatched', 'in_progress'))::int as open, count(*) filter (where resolved_at is not null)::int as resolved,
      count(*) filter (where status = 'rejected')::int as rejected, count(*) filter (where status = 'merged')::int as merged,
      count(*) filter (where status = 'transferred')::int as transferred, count(*) filter (where first_response_at is not null)::int as responded,
      count(*) filter (where first_response_in_time)::int as responded_in_time, count(*) filter (where resolved_in_time)::int as resolved_in_time,
      ${histogram('first_response_at')} as response_times, ${histogram('resolved_at')} as resolution_times
    from complaints
    where region_code = ${region.code} and submitted_at >= ${monthStart(period.from, region.utcOffsetMinutes)} and submitted_at < ${periodEnd(period, region.utcOffsetMinutes)}
    group by 1`;
}

async function timeMs(run: () => Promise<unknown>, times = 5): Promise<number> {
  await run(); // warm: plans, caches
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

export interface ScaleFigures { complaints: number; summaryRows: number; dashboardMs: number; plainMs: number; generateSeconds: number }

export async function dashboardBench(total: number): Promise<{ figures: ScaleFigures[]; plan: string; results: Result[] }> {
  const small = Math.min(100_000, total);
  await dropDatabase(DB);
  await adminQuery(`create database ${DB}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(DB), poolSize: 4 });
  const figures: ScaleFigures[] = [];
  let plan = '';
  try {
    const now = new Date();
    await prepareDatabase(database, now);
    await setUpRegions(database);
    const ctx = contextOf(database);
    const region = await getRegion(database.db, (await database.rows<{ code: string }>(sql`select code from bench_regions where idx = 0`))[0].code);
    const actor: Actor = { ...anonymousActor, kind: 'user', userId: NO_UNIT, name: 'bench', grants: [{ regionCode: region.code, role: 'head_of_region', unitId: null }] };
    const year = now.getUTCFullYear();
    const period: Period = { from: `${year}-01`, to: `${year}-12` };

    let done = 0;
    for (const size of small < total ? [small, total] : [total]) {
      const t0 = performance.now();
      const bulk = size - done > 500_000;
      const defs = bulk ? await dropIndexes(database, 'complaints') : [];
      await generate(database, done + 1, size, now);
      // Index builds get memory and parallel workers in their session.
      const client = await database.pool!.connect();
      try {
        await client.query(`set maintenance_work_mem = '512MB'; set max_parallel_maintenance_workers = 2`);
        for (const d of defs) await client.query(d.create);
      } finally {
        client.release();
      }
      await generateDeadlines(database, done + 1, size, now);
      await rebuildStats(ctx);
      // What autovacuum does on a running server: statistics, visibility map, no dead rows left by the rebuild.
      await database.db.execute(sql`vacuum (analyze) complaints, stage_deadlines, complaint_stats`);
      done = size;
      const generateSeconds = (performance.now() - t0) / 1000;
      const [{ n }] = await database.rows<{ n: number }>(sql`select count(*)::int as n from complaint_stats where region_code = ${region.code}`);
      const dashboardMs = await timeMs(() => regionDashboard(ctx, region, actor, period, 'unit'));
      const plainMs = await timeMs(() => database.rows(plainGroupBy(region, period)));
      figures.push({ complaints: size, summaryRows: n, dashboardMs, plainMs, generateSeconds });
    }
    const scope = { regionCodes: [region.code], period, offsetMinutes: region.utcOffsetMinutes, unitIds: null };
    plan = (await database.rows<Record<string, string>>(sql`explain analyze ${tallyQuery(scope, 'unit')}`)).map((r) => Object.values(r)[0]).join('\n');
  } finally {
    await database.close();
    if (!process.env.BENCH_KEEP) await dropDatabase(DB);
  }
  const big = figures[figures.length - 1];
  const base = figures[0];
  const fmt = (n: number) => n.toLocaleString('en-US');
  const results: Result[] = [
    {
      section: 'dashboard', what: `yearly dashboard of a region, ${fmt(big.complaints)} complaints in ${REGIONS} regions`,
      figure: `${big.dashboardMs.toFixed(1)} ms vs plain GROUP BY ${big.plainMs.toFixed(1)} ms = ${(big.plainMs / big.dashboardMs).toFixed(0)}× faster`,
      goal: '≥ 20× faster than the plain GROUP BY', met: big.plainMs / big.dashboardMs >= 20,
    },
    {
      section: 'dashboard', what: `the same at ${fmt(big.complaints)} vs ${fmt(base.complaints)} complaints`,
      figure: `${big.dashboardMs.toFixed(1)} ms vs ${base.dashboardMs.toFixed(1)} ms = ${(big.dashboardMs / base.dashboardMs).toFixed(2)}×`,
      goal: 'within 2× of the time at 100 k', met: big.dashboardMs <= 2 * base.dashboardMs,
      ...(big.complaints < 10_000_000 ? { note: `run at ${fmt(big.complaints)} complaints; the issue's 10 million: BENCH_DASHBOARD_COMPLAINTS=10000000` } : {}),
    },
  ];
  return { figures, plan, results };
}

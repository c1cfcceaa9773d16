// e-SAKIP at scale (issue 11): the region view and the province comparison
// read from the stored yearly achievement summary counted per unit and the
// units' stored budgets (service/unit-tallies.ts, unit-budgets.ts), against the naive
// recomputation from the raw targets and realisations
// (bench/sakip-baseline-server.ts), each server on its own copy of the data,
// in ABBA pairs of rounds; both again on data 10× smaller; Pamong on the full
// data against Pamong on the small, both served at once, in ABBA pairs (the
// growth ratio); and entering one realisation in the full region against an
// empty one.
//
// The data, generated once per database in bulk SQL: a province (Jawa Barat,
// 32) of 27 kabupaten/kota, each with 60 units, an active RPJMD (200
// indicators, 40 of them IKU) and a Renstra per unit (80 indicators each):
// 5,000 indicators, a target per year 2025–2029 (a tenth revised once), and
// 12 monthly realisations of 2026 each; under each Renstra target a programme
// with a 2026 budget by quarter, so the region view judges efficiency. The
// first region is generated, its summary rows written by the module's own
// rebuild (service/figures.ts), and the other 26 are copies under their own
// region codes; then each gets 300 of its own villages with monthly values
// (generateVillages). The data 10× smaller scales all of it.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/client.js';
import { enableRegion } from '../src/platform/regions/service.js';
import { createUser, grantRole, openSession } from '../src/platform/auth/service.js';
import { rebuildRegionFigures } from '../src/modules/sakip/service/figures.js';
import { freshDatabase, median, spread, startPamong, startServer, verdict, type BenchDatabase, type Result, type Server, type Spread } from './support.js';

const PROVINCE = '32';
/** A region of another province with one plan and one indicator: "an empty region" for the write. */
const EMPTY_REGION = '33.01';
const YEAR = 2026;

export interface SakipSettings { rounds: number; regions: number; port: number; log: (line: string) => void }

interface Dataset {
  regions: string[];
  cookie: string;
  csrf: string;
  /** An indicator of a Renstra in the first region, and the empty region's only one, for the write. */
  full: { region: string; planId: string; indicatorId: string };
  empty: { region: string; planId: string; indicatorId: string };
  indicators: number;
  realisations: number;
  /** Budget rows (a programme's quarter) and villages with values, per region. */
  budgets: number;
  villages: number;
  generateSeconds: number;
}

/** Statements one at a time (PGlite takes one per query). */
async function script(db: Database, text: string): Promise<void> {
  for (const statement of text.split(/;\s*\n/)) if (statement.replace(/--.*$/gm, '').trim()) await db.db.execute(sql.raw(statement));
}

const h = (expr: string, salt: number) => `(abs(hashtext(${expr} || '${salt}')) % 1000)`; // deterministic pseudo-random 0–999 per row

/** One region's units, plans, tree, indicators, targets and realisations; `scale` 1 is the issue's size. */
async function generateRegion(db: Database, code: string, scale: number): Promise<void> {
  const units = Math.max(1, Math.round(60 * scale));
  const rpjmd = Math.round(200 * scale);
  await script(db, `
    insert into units (region_code, code, name) select '${code}', 'OPD' || lpad(u::text, 2, '0'), 'Dinas uji ' || lpad(u::text, 2, '0') from generate_series(1, ${units}) u;
    insert into sakip_plans (region_code, kind, unit_id, start_year, end_year, title, status, created_at, updated_at)
      select '${code}', 'rpjmd', null, 2025, 2029, 'RPJMD uji 2025–2029', 'active', now(), now()
      union all select '${code}', 'renstra', id, 2025, 2029, 'Renstra ' || name || ' 2025–2029', 'active', now(), now() from units where region_code = '${code}';
    create table bench_plans as select id, unit_id, kind, case kind when 'rpjmd' then ${rpjmd} else 80 end as n,
      row_number() over (order by kind, unit_id) as idx from sakip_plans where region_code = '${code}';
    insert into sakip_nodes (region_code, plan_id, parent_id, kind, title, position, created_at, updated_at)
      select '${code}', id, null, 'goal', 'Tujuan uji', 0, now(), now() from bench_plans;
    -- a target (sasaran) per four indicators; half of the RPJMD's have a lead unit
    insert into sakip_nodes (region_code, plan_id, parent_id, kind, title, unit_id, position, created_at, updated_at)
      select '${code}', p.id, g.id, 'target', 'Sasaran uji ' || t, case when p.kind = 'rpjmd' and t % 2 = 0 then
        (select id from units where region_code = '${code}' order by code offset (t % ${units}) limit 1) end, t, now(), now()
      from bench_plans p join sakip_nodes g on g.region_code = '${code}' and g.plan_id = p.id and g.kind = 'goal'
      cross join generate_series(0, (p.n + 3) / 4 - 1) t;
    insert into sakip_indicators (region_code, plan_id, node_id, name, measure, polarity, target_type, aggregation, is_iku, position, created_at, updated_at)
      select '${code}', p.id, s.id, 'Indikator uji ' || (s.position * 4 + i), '%',
        case when ${h(`s.id::text || i`, 1)} < 250 then 'lower_is_better' else 'higher_is_better' end,
        case when ${h(`s.id::text || i`, 2)} < 100 then 'range' else 'single' end,
        (array['sum', 'average', 'last'])[1 + ${h(`s.id::text || i`, 3)} % 3],
        p.kind = 'rpjmd' and (s.position * 4 + i) % 5 = 0, i, now(), now()
      from bench_plans p join sakip_nodes s on s.region_code = '${code}' and s.plan_id = p.id and s.kind = 'target'
      cross join generate_series(0, 3) i where s.position * 4 + i < p.n;
    insert into sakip_targets (region_code, plan_id, indicator_id, year, version, value, low, high, set_at, set_by_label)
      select '${code}', i.plan_id, i.id, y, 1,
        case when i.target_type = 'single' then 40 + ${h('i.id::text', 4)} % 60 + y - 2025 end,
        case when i.target_type = 'range' then 40 + ${h('i.id::text', 4)} % 60 end,
        case when i.target_type = 'range' then 45 + ${h('i.id::text', 4)} % 60 end, now(), 'bench'
      from sakip_indicators i cross join generate_series(2025, 2029) y where i.region_code = '${code}';
    insert into sakip_targets (region_code, plan_id, indicator_id, year, version, value, low, high, reason, set_at, set_by_label)
      select region_code, plan_id, indicator_id, year, 2, value + 1, low, high + 1, 'Revisi uji', now(), 'bench'
      from sakip_targets where region_code = '${code}' and year = ${YEAR} and ${h('indicator_id::text', 5)} < 100;
    -- monthly values around the target: a sum spreads it over the months, the others hover around it
    insert into sakip_realisations (region_code, plan_id, indicator_id, period, year, value, entered_at, entered_by_label)
      select '${code}', i.plan_id, i.id, '${YEAR}-' || lpad(m::text, 2, '0'), ${YEAR},
        round((40 + ${h('i.id::text', 4)} % 60) * (0.8 + ${h(`i.id::text || m`, 6)} / 2500.0) / case i.aggregation when 'sum' then 12 else 1 end, 2),
        now(), 'bench'
      from sakip_indicators i cross join generate_series(1, 12) m where i.region_code = '${code}';
    -- a programme under each Renstra target, budgeted for the year by quarter: a pagu, and spending of 60–100 % of it
    insert into sakip_nodes (region_code, plan_id, parent_id, kind, title, position, created_at, updated_at)
      select '${code}', s.plan_id, s.id, 'programme', 'Program uji ' || s.position, 0, now(), now()
      from sakip_nodes s join bench_plans p on p.id = s.plan_id where s.region_code = '${code}' and s.kind = 'target' and p.kind = 'renstra';
    insert into sakip_budgets (region_code, plan_id, node_id, period, year, ceiling, spending, entered_at, entered_by_label)
      select '${code}', n.plan_id, n.id, '${YEAR}-Q' || q, ${YEAR}, 250000000 + ${h('n.id::text', 7)} * 100000,
        round((250000000 + ${h('n.id::text', 7)} * 100000) * (0.6 + ${h(`n.id::text || q`, 8)} / 2500.0)), now(), 'bench'
      from sakip_nodes n cross join generate_series(1, 4) q where n.region_code = '${code}' and n.kind = 'programme';
    drop table bench_plans;`);
}

/**
 * A region's village data (issue 11: 300 villages): its first 300
 * desa/kelurahan, each kecamatan among them a unit of its own, and two
 * indicators of the first Renstra measured per village every month, a count
 * and a rate. Generated per region, after the copies, from its own villages.
 */
async function generateVillages(db: Database, code: string, scale: number): Promise<number> {
  await script(db, `
    create table bench_villages as select code, parent_code as district from areas where level = 'village' and code like '${code}.%' order by code limit ${Math.round(300 * scale)};
    insert into units (region_code, code, name) select '${code}', 'KEC' || replace(district, '.', ''), 'Kecamatan uji ' || district from (select distinct district from bench_villages) d;
    insert into sakip_kecamatan_units (region_code, unit_id, district_code, set_at, set_by_label)
      select '${code}', u.id, v.district, now(), 'bench' from (select distinct district from bench_villages) v join units u on u.region_code = '${code}' and u.code = 'KEC' || replace(v.district, '.', '');
    insert into sakip_village_indicators (region_code, indicator_id, plan_id, rollup, scale, numerator_label, denominator_label, set_at, set_by_label)
      select '${code}', i.id, i.plan_id, case when i.position = 0 then 'sum' else 'rate' end, case when i.position = 0 then null else 100 end,
        'Jumlah', case when i.position = 0 then '' else 'Diukur' end, now(), 'bench'
      from sakip_indicators i join sakip_nodes s on s.region_code = i.region_code and s.id = i.node_id
      where i.region_code = '${code}' and i.plan_id = (select id from sakip_plans where region_code = '${code}' and kind = 'renstra' order by unit_id limit 1)
        and s.position = 0 and i.position < 2;
    insert into sakip_village_values (region_code, indicator_id, period, village_code, plan_id, year, district_code, value, denominator, entered_at, entered_by_label)
      select '${code}', vi.indicator_id, '${YEAR}-' || lpad(m::text, 2, '0'), v.code, vi.plan_id, ${YEAR}, v.district,
        ${h(`v.code || m`, 9)} % 50, case when vi.rollup = 'rate' then 50 + ${h(`v.code || m`, 10)} % 50 end, now(), 'bench'
      from sakip_village_indicators vi cross join bench_villages v cross join generate_series(1, 12) m where vi.region_code = '${code}';
    drop table bench_villages;`);
  return (await db.rows<{ n: number }>(sql`select count(distinct village_code)::int as n from sakip_village_values where region_code = ${code}`))[0].n;
}

/** The first region's rows under every other region's code (ids are unique per region only). */
async function copyRegion(db: Database, from: string, to: string[]): Promise<void> {
  for (const table of ['units', 'sakip_plans', 'sakip_nodes', 'sakip_indicators', 'sakip_targets', 'sakip_realisations', 'sakip_indicator_year_figures', 'sakip_budgets', 'sakip_unit_year_budgets', 'sakip_unit_year_tallies']) {
    const columns = (await db.rows<{ c: string }>(sql`select column_name as c from information_schema.columns where table_name = ${table} and table_schema = current_schema() order by ordinal_position`)).map((r) => r.c);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const select = columns.map((c) => (c === 'region_code' ? 'r.code' : `t."${c}"`)).join(', ');
    await db.db.execute(sql.raw(`insert into ${table} (${list}) select ${select} from ${table} t cross join unnest(array[${to.map((c) => `'${c}'`).join(',')}]::text[]) as r(code) where t.region_code = '${from}'`));
  }
}

async function generate(db: Database, scale: number, regionCount: number): Promise<Dataset> {
  const t0 = performance.now();
  const regions = (await db.rows<{ code: string }>(sql`select code from areas where parent_code = ${PROVINCE} and level = 'regency' order by code limit ${regionCount}`)).map((r) => r.code);
  for (const code of [PROVINCE, ...regions, EMPTY_REGION]) await enableRegion(db.db, code);
  await generateRegion(db, regions[0], scale);
  await db.db.transaction((tx) => rebuildRegionFigures(tx, regions[0]));
  await copyRegion(db, regions[0], regions.slice(1));
  const villageCounts = [];
  for (const code of regions) villageCounts.push(await generateVillages(db, code, scale));
  const villages = villageCounts[0]; // the measured region's (a small kota has fewer than 300)
  // The empty region: one unit, an RPJMD with one indicator and its 2026 target.
  await script(db, `
    insert into units (region_code, code, name) values ('${EMPTY_REGION}', 'OPD01', 'Dinas uji');
    insert into sakip_plans (region_code, kind, start_year, end_year, title, status, created_at, updated_at) values ('${EMPTY_REGION}', 'rpjmd', 2025, 2029, 'RPJMD kosong', 'active', now(), now());
    insert into sakip_nodes (region_code, plan_id, kind, title, position, created_at, updated_at) select region_code, id, 'target', 'Sasaran', 0, now(), now() from sakip_plans where region_code = '${EMPTY_REGION}';
    insert into sakip_indicators (region_code, plan_id, node_id, name, polarity, target_type, aggregation, position, created_at, updated_at)
      select region_code, plan_id, id, 'Indikator', 'higher_is_better', 'single', 'sum', 0, now(), now() from sakip_nodes where region_code = '${EMPTY_REGION}';
    insert into sakip_targets (region_code, plan_id, indicator_id, year, version, value, set_at, set_by_label)
      select region_code, plan_id, id, ${YEAR}, 1, 100, now(), 'bench' from sakip_indicators where region_code = '${EMPTY_REGION}';`);
  await db.db.transaction((tx) => rebuildRegionFigures(tx, EMPTY_REGION));
  // The SAKIP coordinator of every region and of the province, signed in.
  const userId = await createUser(db.db, { email: 'koordinator@sakip.bench', name: 'Koordinator SAKIP' });
  for (const code of [PROVINCE, ...regions, EMPTY_REGION]) await grantRole(db.db, code, userId, 'sakip_coordinator', null);
  const session = await openSession(db.db, new Date(), userId);
  // Settled tables before any timing, for both servers alike (the naive one reads a copy): a bulk load
  // leaves autovacuum and checkpoint work that would otherwise race the first rounds of the full size.
  await db.db.execute(sql`vacuum analyze`);
  await db.db.execute(sql`checkpoint`);
  const pick = async (region: string, kind: string) => (await db.rows<{ planId: string; indicatorId: string }>(sql`select i.plan_id as "planId", i.id as "indicatorId"
    from sakip_indicators i join sakip_plans p on p.region_code = i.region_code and p.id = i.plan_id where i.region_code = ${region} and p.kind = ${kind} order by i.id limit 1`))[0];
  const [{ indicators, realisations, budgets }] = await db.rows<{ indicators: number; realisations: number; budgets: number }>(sql`select
    (select count(*)::int from sakip_indicators where region_code = ${regions[0]}) as indicators,
    (select count(*)::int from sakip_realisations where region_code = ${regions[0]}) as realisations,
    (select count(*)::int from sakip_budgets where region_code = ${regions[0]}) as budgets`);
  return {
    regions, cookie: `pamong_session=${session.sessionId}`, csrf: session.csrfToken,
    full: { region: regions[0], ...(await pick(regions[0], 'renstra')) }, empty: { region: EMPTY_REGION, ...(await pick(EMPTY_REGION, 'rpjmd')) },
    indicators, realisations, budgets, villages, generateSeconds: (performance.now() - t0) / 1000,
  };
}

/** Milliseconds of one request, checked to succeed. */
async function timed(url: string, init: RequestInit = {}): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${body.slice(0, 300)}`);
  return ms;
}

/** The median of `times` sequential runs. */
async function round(run: () => Promise<number>, times: number): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) ms.push(await run());
  return median(ms);
}


/**
 * `pairs` ABBA pairs (A first in even pairs): each side's per-round medians.
 * Each round starts after a pause, so neither side is timed while the other's
 * leftovers (a naive server's garbage collection after a 1.5 s answer) still
 * hold one of the two cores.
 */
async function abba(a: () => Promise<number>, b: () => Promise<number>, pairs: number): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] };
  const settled = async (side: () => Promise<number>) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return side();
  };
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      out.a.push(await settled(a));
      out.b.push(await settled(b));
    } else {
      out.b.push(await settled(b));
      out.a.push(await settled(a));
    }
  }
  return out;
}

export interface SakipMeasure {
  engine: string;
  scale: number;
  regions: number;
  indicators: number;
  realisations: number;
  budgets: number;
  villages: number;
  generateSeconds: number;
  view: { pamong: number[]; naive: number[] };
  province: { pamong: number[]; naive: number[] };
}

/** One size on one engine, generated and served: Pamong on the data, the naive server on its copy. */
interface ServedSize {
  scale: number;
  data: Dataset;
  pamong: Server;
  naive: Server;
  view: (srv: Server) => Promise<number>;
  province: (srv: Server) => Promise<number>;
  close: () => Promise<void>;
}

async function serveSize(engine: 'postgres' | 'pglite', scale: number, port: number, s: SakipSettings): Promise<ServedSize> {
  const name = `pamong_bench_sakip_${scale === 1 ? 'full' : 'small'}`;
  const base: BenchDatabase = await freshDatabase(engine, name, { seed: false });
  let copy: BenchDatabase | null = null;
  const servers: Server[] = [];
  const close = async () => {
    for (const srv of servers) await srv.stop();
    await copy?.remove();
    await base.remove();
  };
  try {
    const db = await base.open(4);
    let data: Dataset;
    try {
      data = await generate(db, scale, s.regions);
    } finally {
      await db.close();
    }
    s.log(`${engine}, scale ${scale}: ${data.regions.length} regions of ${data.indicators} indicators, ${data.realisations} realisations, ${data.budgets} budget rows and ${data.villages} villages generated in ${data.generateSeconds.toFixed(0)} s`);
    copy = await base.copy();
    const pamong = await startPamong(base.env, port, { quiet: true });
    servers.push(pamong);
    const naive = await startServer(['bench/sakip-baseline-server.ts'], copy.env, port + 1, { quiet: true });
    servers.push(naive);
    const headers = { cookie: data.cookie };
    const view = (srv: Server) => timed(srv.url(`/api/regions/${data.full.region}/sakip/overview?year=${YEAR}`), { headers });
    const province = (srv: Server) => timed(srv.url(`/api/regions/${PROVINCE}/sakip/province-comparison?targetsYear=${YEAR}`), { headers });
    // Warm-up: plans, caches, JIT on both sides.
    for (const srv of servers) {
      await view(srv);
      await province(srv);
    }
    return { scale, data, pamong, naive, view, province, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Pamong against the naive recomputation on one size, reads in ABBA pairs. */
async function measureSize(engine: string, size: ServedSize, rounds: number): Promise<SakipMeasure> {
  const { data, pamong, naive } = size;
  const naiveTimes = size.scale === 1 ? 1 : 3; // a full naive province comparison takes a minute or more
  const v = await abba(() => round(() => size.view(pamong), 5), () => round(() => size.view(naive), naiveTimes), rounds);
  const p = await abba(() => round(() => size.province(pamong), 5), () => round(() => size.province(naive), naiveTimes), rounds);
  return {
    engine, scale: size.scale, regions: data.regions.length, indicators: data.indicators, realisations: data.realisations, budgets: data.budgets, villages: data.villages, generateSeconds: data.generateSeconds,
    view: { pamong: v.a, naive: v.b }, province: { pamong: p.a, naive: p.b },
  };
}

/** Entering one realisation (a correction) in the full region against the empty region, in ABBA pairs. */
async function measureWrite(size: ServedSize, rounds: number): Promise<{ full: number[]; empty: number[] }> {
  const { data, pamong } = size;
  const write = (w: Dataset['full'], n = { calls: 0 }) => () => round(() => timed(pamong.url(`/api/regions/${w.region}/sakip/plans/${w.planId}/indicators/${w.indicatorId}/realisations/${YEAR}-12`), {
    method: 'PUT', headers: { cookie: data.cookie, 'x-csrf-token': data.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ value: String(50 + (n.calls++ % 2)), reason: 'Koreksi uji beban' }), // alternating values: every call is a correction
  }), 5);
  const [full, empty] = [write(data.full), write(data.empty)];
  await full();
  await empty();
  const w = await abba(full, empty, rounds);
  return { full: w.a, empty: w.b };
}

const ratios = (num: number[], den: number[]) => num.map((x, i) => x / den[i]);
const fmt = (x: Spread, digits = 1) => `${x.min.toFixed(digits)}–**${x.median.toFixed(digits)}**–${x.max.toFixed(digits)}`;

export async function sakipBench(engine: 'postgres' | 'pglite', s: SakipSettings): Promise<{ results: Result[]; table: string[] }> {
  // Both sizes are served at once, so the full / small ratios compare rounds
  // taken side by side (ABBA), not rounds minutes apart.
  const servedSmall = await serveSize(engine, 0.1, s.port, s);
  let servedFull: ServedSize | null = null;
  let small: SakipMeasure, full: SakipMeasure, w: { full: number[]; empty: number[] };
  const growthOf = { view: { full: [] as number[], small: [] as number[] }, province: { full: [] as number[], small: [] as number[] } };
  try {
    servedFull = await serveSize(engine, 1, s.port + 2, s);
    small = await measureSize(engine, servedSmall, s.rounds);
    full = await measureSize(engine, servedFull, s.rounds);
    for (const key of ['view', 'province'] as const) {
      const [f, sm] = [servedFull, servedSmall];
      const g = await abba(() => round(() => f[key](f.pamong), 5), () => round(() => sm[key](sm.pamong), 5), s.rounds);
      growthOf[key] = { full: g.a, small: g.b };
    }
    w = await measureWrite(servedFull, s.rounds);
  } finally {
    await servedFull?.close();
    await servedSmall.close();
  }
  const results: Result[] = [];
  const table: string[] = [];
  const add = (what: string, goal: string, r: Spread, meets: (x: number) => boolean, figure: string) => {
    const v = verdict(r, meets);
    results.push({ section: 'e-SAKIP', what: `${what}, ${engine}`, figure, goal, met: v === 'noise' ? null : v, ...(v === 'noise' ? { note: 'within noise: the spread straddles the goal' } : {}) });
    table.push(`| ${what} | ${engine} | ${figure} | ${goal} | ${v === 'noise' ? 'within noise' : v ? 'yes' : '**no**'} |`);
  };
  for (const [what, key] of [['region view', 'view'], ['province comparison', 'province']] as const) {
    for (const m of [full, small]) {
      const speedup = spread(ratios(m[key].naive, m[key].pamong));
      add(`${what}, ${m.indicators.toLocaleString('en-US')} indicators × ${m.regions} regions: naive / summary`, '≥ 10× faster', speedup, (x) => x >= 10,
        `${median(m[key].pamong).toFixed(1)} ms vs ${median(m[key].naive).toFixed(0)} ms, ratio ${fmt(speedup)}`);
    }
    const g = growthOf[key];
    const growth = spread(ratios(g.full, g.small));
    add(`${what}: full / 10× smaller data, side by side`, 'within 2×', growth, (x) => x <= 2,
      `${median(g.full).toFixed(1)} ms vs ${median(g.small).toFixed(1)} ms, ratio ${fmt(growth, 2)}`);
  }
  const growth = spread(ratios(w.full, w.empty));
  add('entering one realisation: full region / empty region', 'within 2×', growth, (x) => x <= 2,
    `${median(w.full).toFixed(1)} ms vs ${median(w.empty).toFixed(1)} ms, ratio ${fmt(growth, 2)}`);
  table.push('', `Data (${engine}): full ${full.regions} regions × ${full.indicators} indicators, ${full.realisations} realisations, ${full.budgets} budget rows and ${full.villages} villages each, generated in ${full.generateSeconds.toFixed(0)} s; small ${small.regions} × ${small.indicators}, ${small.realisations}, ${small.budgets}, ${small.villages}, in ${small.generateSeconds.toFixed(0)} s.`);
  return { results, table };
}

// The leader's dashboard's speed goals (issue 15, Speed), over HTTP, one
// signed-in client asking one request after another (a head of region opens
// the page; nobody opens it 50 times at once).
//
// Page vs tile: the demo with the showcase (a year of complaints in five
// kabupaten/kota, five years of SPBE, SAKIP results, the Living Lab and
// coaching; layanan's and surat's demo records). The head of region's page
// as it is served (every module's tiles from the region's kept readings, at
// most its interval old, and what waits on the reader, read live) against
// each tile read live alone (`GET …/pimpinan/tiles/:ref`): per round, the
// page's p95 and the slowest tile's p95; the page and the tiles alternate
// which goes first. Goal: page p95 ≤ 2× the slowest tile's. (The page's
// first opening after the interval reads every tile live; session 22
// measured that path at 2.5× on PostgreSQL and 4× on PGlite.)
//
// Province: two databases with Jawa Barat and its kabupaten/kota switched on,
// 3 in one and 27 in the other, each region's figures read once into the
// snapshot; the governor's province page on each, in ABBA pairs of rounds.
// Goal: p95 at 27 ≤ 2× p95 at 3.
import { sql } from 'drizzle-orm';
import { openSession } from '../src/platform/auth/service.js';
import { enableRegion } from '../src/platform/regions/service.js';
import { seedShowcase } from '../src/demo/showcase.js';
import { listTiles } from '../src/platform/modules/tiles.js';
import { refreshFigures } from '../src/modules/pimpinan/service/figures.js';
import { DEMO_PROVINCE, DEMO_REGION } from '../src/demo/seed.js';
import type { Database } from '../src/platform/db/client.js';
import { contextOf, freshDatabase, median, percentile, sequentialLatencies, spread, startPamong, verdict, type BenchDatabase, type Result, type Server, type Spread } from './support.js';

export interface PimpinanSettings {
  engine: 'postgres' | 'pglite';
  rounds: number;
  /** Requests per path and round. */
  requests: number;
  port: number;
  log: (line: string) => void;
}

const p95 = (xs: number[]) => percentile(xs, 0.95);
const fig = (s: Spread) => `${s.min.toFixed(2)}–**${s.median.toFixed(2)}**–${s.max.toFixed(2)}×`;

async function sessionOf(database: Database, email: string): Promise<string> {
  const [user] = await database.rows<{ id: string }>(sql`select id from users where email = ${email}`);
  return `pamong_session=${(await openSession(database.db, new Date(), user.id)).sessionId}`;
}

/** Switches on the province's first `count` kabupaten/kota (the demo region among them) and reads each one's figures into the snapshot. */
async function provinceOf(database: Database, count: number): Promise<void> {
  const ctx = contextOf(database);
  const children = await database.rows<{ code: string }>(sql`select code from areas where parent_code = ${DEMO_PROVINCE} and level = 'regency' order by code <> ${DEMO_REGION}, code limit ${count}`);
  if (children.length < count) throw new Error(`the area registry has ${children.length} kabupaten/kota in ${DEMO_PROVINCE}, not ${count}`);
  for (const { code } of children) if (code !== DEMO_REGION) await enableRegion(database.db, code);
  for (const code of [DEMO_PROVINCE, ...children.map((c) => c.code)]) await refreshFigures(ctx, code);
}

export async function pimpinanBench(s: PimpinanSettings): Promise<{ results: Result[]; table: string[] }> {
  const results: Result[] = [];
  const table: string[] = [];
  const dbs: BenchDatabase[] = [];
  const servers: Server[] = [];
  try {
    // ---- the head of region's page against its slowest tile ----
    s.log(`pimpinan ${s.engine}: the demo and its showcase`);
    const full = await freshDatabase(s.engine, 'pamong_bench_pimpinan');
    dbs.push(full);
    let database = await full.open();
    await seedShowcase(contextOf(database));
    const headCookie = await sessionOf(database, 'bupati@sumedang.demo');
    await database.close();
    const server = await startPamong(full.env, s.port);
    servers.push(server);
    const page = `/api/regions/${DEMO_REGION}/pimpinan`;
    const tiles = listTiles().map(({ module, tile }) => `${module}.${tile.key}`);
    const tilePath = (ref: string) => `/api/regions/${DEMO_REGION}/pimpinan/tiles/${ref}`;
    await sequentialLatencies(server, headCookie, [page, ...tiles.map(tilePath)], 3 * (tiles.length + 1));
    const ratios: number[] = [];
    const pageP95: number[] = [];
    const slowest: { ref: string; p95: number }[] = [];
    for (let round = 0; round < s.rounds; round++) {
      const measurePage = async () => p95(await sequentialLatencies(server, headCookie, [page], s.requests));
      const measureTiles = async () => {
        const each: { ref: string; p95: number }[] = [];
        for (const ref of tiles) each.push({ ref, p95: p95(await sequentialLatencies(server, headCookie, [tilePath(ref)], s.requests)) });
        return each.sort((a, b) => b.p95 - a.p95)[0];
      };
      let pageMs: number;
      let tile: { ref: string; p95: number };
      if (round % 2 === 0) {
        pageMs = await measurePage();
        tile = await measureTiles();
      } else {
        tile = await measureTiles();
        pageMs = await measurePage();
      }
      pageP95.push(pageMs);
      slowest.push(tile);
      ratios.push(pageMs / tile.p95);
      s.log(`pimpinan ${s.engine} round ${round + 1}: page p95 ${pageMs.toFixed(1)} ms, slowest tile ${tile.ref} p95 ${tile.p95.toFixed(1)} ms`);
    }
    const pageSpread = spread(ratios);
    const pageMet = verdict(pageSpread, (x) => x <= 2);
    const slowestNames = [...new Set(slowest.map((t) => t.ref))].join(', ');
    table.push(`| page vs slowest tile | ${s.engine} | ${median(pageP95).toFixed(1)} ms | ${median(slowest.map((t) => t.p95)).toFixed(1)} ms (${slowestNames}) | ${fig(pageSpread)} | ${pageMet === 'noise' ? 'within noise' : pageMet ? 'met' : '**not met**'} |`);
    results.push({ section: 'pimpinan', what: `head of region's page p95 vs its slowest tile's, ${s.engine}`, figure: fig(pageSpread), goal: '≤ 2×', met: pageMet === 'noise' ? false : pageMet, note: pageMet === 'noise' ? 'within noise' : undefined });
    await server.stop();
    servers.length = 0;

    // ---- the province's page at 3 and at 27 kabupaten/kota ----
    const sizes = [3, 27];
    const cookies: string[] = [];
    for (const [k, size] of sizes.entries()) {
      s.log(`pimpinan ${s.engine}: province with ${size} kabupaten/kota`);
      const db = await freshDatabase(s.engine, `pamong_bench_province${size}`);
      dbs.push(db);
      database = await db.open();
      await provinceOf(database, size);
      cookies.push(await sessionOf(database, 'gubernur@jabarprov.demo'));
      await database.close();
      servers.push(await startPamong(db.env, s.port + 1 + k));
    }
    const province = `/api/regions/${DEMO_PROVINCE}/pimpinan/provinsi`;
    for (const k of [0, 1]) await sequentialLatencies(servers[k], cookies[k], [province], 5);
    const small: number[] = [];
    const large: number[] = [];
    const provinceRatios: number[] = [];
    for (let round = 0; round < s.rounds; round++) {
      const order = round % 2 === 0 ? [0, 1, 1, 0] : [1, 0, 0, 1];
      const times: number[][] = [[], []];
      for (const k of order) times[k].push(...(await sequentialLatencies(servers[k], cookies[k], [province], s.requests)));
      small.push(p95(times[0]));
      large.push(p95(times[1]));
      provinceRatios.push(p95(times[1]) / p95(times[0]));
    }
    const provinceSpread = spread(provinceRatios);
    const provinceMet = verdict(provinceSpread, (x) => x <= 2);
    table.push(`| province page, 27 vs 3 kab/kota | ${s.engine} | ${median(large).toFixed(1)} ms | ${median(small).toFixed(1)} ms | ${fig(provinceSpread)} | ${provinceMet === 'noise' ? 'within noise' : provinceMet ? 'met' : '**not met**'} |`);
    results.push({ section: 'pimpinan', what: `province page p95 at 27 kabupaten/kota vs 3, ${s.engine}`, figure: fig(provinceSpread), goal: '≤ 2×', met: provinceMet === 'noise' ? false : provinceMet, note: provinceMet === 'noise' ? 'within noise' : undefined });
    return { results, table };
  } finally {
    for (const server of servers) await server.stop();
    for (const db of dbs) await db.remove();
  }
}

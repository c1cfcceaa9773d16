// Correspondence at scale (issue 14, Speed): a unit's register and a search
// with 1 million letters in the region must stay within 2× of their time at
// 10,000. Two databases (PostgreSQL) with the demo region, one holding
// BENCH_SURAT_SMALL (10,000) and one BENCH_SURAT_LETTERS (1,000,000)
// generated incoming letters spread over the region's units (Indonesian
// subjects from word lists, 90 % biasa, the rest restricted or confidential,
// each with its registrar on it), inserted with SQL. One Pamong server per
// database; Diskominfo's records clerk (tu.kominfo@sumedang.demo) asks, one
// request at a time, for the unit's register (first page, 25) and for a mix
// of word searches over everything they may see. Rounds alternate the two
// servers in ABBA order; per round the median latency; the figure is the
// ratio large/small per pair (min–median–max). The numbering goal (1,000
// letters signed concurrently) comes with the outgoing-letter slice.
import { sql } from 'drizzle-orm';
import { openSession } from '../src/platform/auth/service.js';
import { queryRows } from '../src/platform/db/client.js';
import { freshDatabase, median, sequentialLatencies, spread, startPamong, verdict, type BenchDatabase, type Result, type Server } from './support.js';

export interface SuratSettings { small: number; large: number; rounds: number; requests: number; port: number; log: (line: string) => void }

const REGION = '32.11';
const WORDS = ['rapat', 'koordinasi', 'undangan', 'laporan', 'anggaran', 'perizinan', 'pengaduan', 'stunting', 'sekolah', 'jalan', 'banjir', 'pegawai', 'data', 'aplikasi', 'evaluasi', 'kinerja', 'pelatihan', 'kesehatan', 'pajak', 'retribusi'];
const SEARCHES = ['rapat koordinasi', 'stunting', 'laporan anggaran', 'perizinan', 'banjir jalan', 'evaluasi kinerja pegawai'];

/** Generates `n` incoming letters in the region's units, each with its registrar on it, in batches of 100,000. */
async function generate(db: BenchDatabase, n: number): Promise<{ cookie: string; unitId: string }> {
  const database = await db.open();
  const d = database.db;
  const words = sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(',')}]`);
  for (let from = 0; from < n; from += 100_000) {
    const to = Math.min(n, from + 100_000);
    await d.execute(sql`with u as (select array_agg(id order by code) ids from units where region_code = ${REGION}),
      g as (select i, (select ids from u) ids from generate_series(${from + 1}::int, ${to}::int) i),
      l as (insert into surat_letters (region_code, direction, unit_id, agenda_year, agenda_number, number, letter_date, received_at, sender_name, subject, summary,
          classification_code, security, urgency, status, created_at, created_by, created_by_label, updated_at)
        select ${REGION}, 'incoming', ids[1 + i % array_length(ids, 1)], 2025, i, 'B/' || i || '/2025', date '2025-01-01' + (i % 365),
          timestamptz '2025-01-01' + i * interval '30 seconds', 'Dinas ' || (${words})[1 + i % 20],
          initcap((${words})[1 + (i * 7) % 20]) || ' ' || (${words})[1 + (i * 13) % 20] || ' ' || (${words})[1 + (i * 3) % 20] || ' tahun 2025', '',
          '000.1.1', case when i % 10 = 0 then 'terbatas' when i % 25 = 0 then 'rahasia' else 'biasa' end, 'biasa', 'registered',
          timestamptz '2025-01-01' + i * interval '30 seconds', (select id from users where email = 'admin@sumedang.demo'), 'bench', now()
        from g returning region_code, id, created_at)
      insert into surat_letter_people (region_code, letter_id, user_id, reason, added_at)
        select region_code, id, (select id from users where email = 'admin@sumedang.demo'), 'registrar', created_at from l`);
  }
  await d.execute(sql`analyze`);
  const [{ id: userId }] = await queryRows<{ id: string }>(d, sql`select id from users where email = 'tu.kominfo@sumedang.demo'`);
  const [{ id: unitId }] = await queryRows<{ id: string }>(d, sql`select id from units where region_code = ${REGION} and code = 'DISKOMINFO'`);
  const session = await openSession(d, new Date(), userId);
  await database.close();
  return { cookie: `pamong_session=${session.sessionId}`, unitId };
}

/** The median latency (ms) of `count` requests one after another, cycling through `paths`. */
const medianLatency = async (server: Server, cookie: string, paths: string[], count: number) => median(await sequentialLatencies(server, cookie, paths, count));

export async function suratBench(s: SuratSettings): Promise<{ results: Result[]; table: string[] }> {
  const sizes = [s.small, s.large];
  const dbs: BenchDatabase[] = [];
  const servers: Server[] = [];
  const sessions: { cookie: string; unitId: string }[] = [];
  try {
    for (const [i, n] of sizes.entries()) {
      s.log(`surat: generating ${n.toLocaleString('en-US')} letters`);
      const db = await freshDatabase('postgres', `pamong_bench_surat_${i}`);
      dbs.push(db);
      sessions.push(await generate(db, n));
      servers.push(await startPamong(db.env, s.port + i, { quiet: true }));
    }
    const kinds = {
      register: (k: number) => [`/api/regions/${REGION}/surat/letters?box=unit&unitId=${sessions[k].unitId}`],
      search: () => SEARCHES.map((q) => `/api/regions/${REGION}/surat/letters?box=all&q=${encodeURIComponent(q)}`),
    };
    const results: Result[] = [];
    const table: string[] = [];
    for (const [kind, paths] of Object.entries(kinds)) {
      // Warm-up, then ABBA pairs of rounds.
      for (const k of [0, 1]) await medianLatency(servers[k], sessions[k].cookie, paths(k), 20);
      const ratios: number[] = [];
      const small: number[] = [];
      const large: number[] = [];
      for (let r = 0; r < s.rounds; r++) {
        const order = r % 2 === 0 ? [0, 1] : [1, 0];
        const m: number[] = [];
        for (const k of order) m[k] = await medianLatency(servers[k], sessions[k].cookie, paths(k), s.requests);
        small.push(m[0]);
        large.push(m[1]);
        ratios.push(m[1] / m[0]);
      }
      const sp = spread(ratios);
      const met = verdict(sp, (x) => x <= 2);
      const fig = `${sp.min.toFixed(2)}–**${sp.median.toFixed(2)}**–${sp.max.toFixed(2)}×`;
      table.push(`| ${kind} | ${median(small).toFixed(1)} ms | ${median(large).toFixed(1)} ms | ${fig} | ${met === 'noise' ? 'within noise' : met ? 'met' : '**not met**'} |`);
      results.push({ section: 'surat', what: `${kind} at ${s.large.toLocaleString('en-US')} letters vs ${s.small.toLocaleString('en-US')}`, figure: fig, goal: '≤ 2×', met: met === 'noise' ? false : met, note: met === 'noise' ? 'within noise' : undefined });
    }
    return { results, table };
  } finally {
    for (const server of servers) await server.stop();
    for (const db of dbs) await db.remove();
  }
}

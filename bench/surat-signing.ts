// Numbering under concurrent signing (issue 14, Speed): letters waiting for
// the signature of Diskominfo's head in the demo region are signed on paper
// by 50 clients at once, each round 1,000 of them, through Pamong and through
// a bare node:http + SQL baseline taking the same counter lock and writing the
// same rows (bench/surat-signing-baseline-server.ts), each on its own copy of
// the data. Every round must give its 1,000 letters 1,000 distinct numbers
// that advance the series' counter by exactly 1,000 (no gap, no repeat);
// rounds alternate the order ABBA and the figure is the throughput ratio
// Pamong / baseline per pair (min–median–max).
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'node:http';
import { sql } from 'drizzle-orm';
import { openSession } from '../src/platform/auth/service.js';
import { queryRows } from '../src/platform/db/client.js';
import { freshDatabase, spread, startPamong, startServer, verdict, type BenchDatabase, type Result, type Server } from './support.js';

export interface SigningSettings { letters: number; clients: number; rounds: number; port: number; log: (line: string) => void }

const REGION = '32.11';
const O = `/api/regions/${REGION}/surat/outgoing`;

interface Signer { cookie: string; csrf: string }

async function sessionOf(db: BenchDatabase, email: string): Promise<Signer> {
  const database = await db.open();
  try {
    const [{ id }] = await queryRows<{ id: string }>(database.db, sql`select id from users where email = ${email}`);
    const s = await openSession(database.db, new Date(), id);
    return { cookie: `pamong_session=${s.sessionId}`, csrf: s.csrfToken };
  } finally {
    await database.close();
  }
}

async function call(server: Server, method: string, path: string, who: Signer, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(server.url(path), { method, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, json: await res.json() };
}

/**
 * One letter drafted and submitted through Pamong's API (no verifiers: it
 * waits for the signature), then copied in SQL to `count` letters, so each
 * is what the module itself makes.
 */
async function prepare(base: BenchDatabase, port: number, count: number): Promise<string[]> {
  const server = await startPamong(base.env, port, { quiet: true });
  try {
    const drafter = await sessionOf(base, 'staf.aptika@sumedang.demo');
    const database = await base.open();
    const [{ unit, signer }] = await queryRows<{ unit: string; signer: string }>(database.db, sql`
      select (select id from units where region_code = ${REGION} and code = 'DISKOMINFO') as unit, (select id from users where email = 'kadis.kominfo@sumedang.demo') as signer`);
    const draft = await call(server, 'POST', O, drafter, {
      direction: 'outgoing', unitId: unit, documentTypeCode: 'surat-undangan', classificationCode: '000.1.1', security: 'biasa', urgency: 'biasa',
      subject: 'Undangan rapat koordinasi satu data kabupaten', body: { addressee: 'Kepala Perangkat Daerah se-Kabupaten Sumedang', place: 'Sumedang', content: 'Kami mengundang Bapak/Ibu pada rapat koordinasi satu data.' },
      recipients: [{ role: 'to', kind: 'unit', unitId: unit }], signerUserId: signer, signerPosition: 'Kepala Dinas Komunikasi dan Informatika', verifierUserIds: [],
    });
    if (draft.json.status !== 'draft') throw new Error(`draft → ${draft.status} ${JSON.stringify(draft.json)}`);
    const submitted = await call(server, 'POST', `${O}/${draft.json.id}/submit`, drafter);
    if (submitted.json.status !== 'to_sign') throw new Error(`submit → ${submitted.status} ${JSON.stringify(submitted.json)}`);
    const columns = (await queryRows<{ name: string }>(database.db, sql`select column_name as name from information_schema.columns
      where table_name = 'surat_letters' and column_name <> 'id' and is_generated = 'NEVER' order by ordinal_position`)).map((c) => `"${c.name}"`).join(', ');
    await database.db.execute(sql`insert into surat_letters (${sql.raw(columns)}) select ${sql.raw(columns)} from surat_letters, generate_series(2, ${count}) where region_code = ${REGION} and id = ${draft.json.id}::uuid`);
    const ids = await queryRows<{ id: string }>(database.db, sql`select id from surat_letters where region_code = ${REGION} and status = 'to_sign' and subject = 'Undangan rapat koordinasi satu data kabupaten' order by id`);
    await database.close();
    if (ids.length !== count) throw new Error(`expected ${count} letters to sign, found ${ids.length}`);
    return ids.map((r) => r.id);
  } finally {
    await server.stop();
  }
}

function sign(agent: Agent, port: number, id: string, who: Signer): Promise<number> {
  const body = JSON.stringify({ method: 'paper' });
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: `${O}/${id}/sign`, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: who.cookie, 'x-csrf-token': who.csrf } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The series' counter and how many distinct numbers the letters have. */
async function numbering(db: BenchDatabase, ids: string[]): Promise<{ counter: number; distinct: number }> {
  const database = await db.open();
  try {
    const [row] = await queryRows<{ counter: number; distinct: number }>(database.db, sql`select
      (select coalesce(sum(last), 0)::int from surat_number_counters where region_code = ${REGION} and series like '000.1.1/%') as counter,
      (select count(distinct number)::int from surat_letters where region_code = ${REGION} and id = any(${`{${ids.join(",")}}`}::uuid[]) and status = 'signed') as distinct`);
    return row;
  } finally {
    await database.close();
  }
}

/** Signs `ids` at once through `clients` sockets; the seconds it took, checked for 1,000 consecutive numbers. */
async function round(server: Server, db: BenchDatabase, ids: string[], who: Signer, clients: number, name: string): Promise<number> {
  const before = await numbering(db, ids);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const started = performance.now();
  const statuses = await Promise.all(ids.map((id) => sign(agent, server.port, id, who)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const refused = statuses.filter((s) => s !== 200).length;
  if (refused) throw new Error(`${name}: ${refused} of ${ids.length} signings refused (${[...new Set(statuses)].join(', ')})`);
  const after = await numbering(db, ids);
  if (after.distinct !== ids.length || after.counter - before.counter !== ids.length) {
    throw new Error(`${name}: ${after.distinct} distinct numbers for ${ids.length} letters, counter moved by ${after.counter - before.counter}`);
  }
  return ids.length / seconds;
}

export async function suratSigningBench(s: SigningSettings): Promise<{ results: Result[]; table: string[] }> {
  const base = await freshDatabase('postgres', 'pamong_bench_surat_signing');
  let copy: BenchDatabase | null = null;
  const servers: Server[] = [];
  try {
    s.log(`surat signing: preparing ${(s.letters * (s.rounds + 1)).toLocaleString('en-US')} letters to sign`);
    const ids = await prepare(base, s.port, s.letters * (s.rounds + 1));
    copy = await base.copy();
    const signer = [await sessionOf(base, 'kadis.kominfo@sumedang.demo'), await sessionOf(copy, 'kadis.kominfo@sumedang.demo')];
    servers.push(await startPamong(base.env, s.port, { quiet: true }));
    servers.push(await startServer(['bench/surat-signing-baseline-server.ts'], copy.env, s.port + 1, { quiet: true }));
    const dbs = [base, copy];
    const batch = (r: number) => ids.slice(r * s.letters, (r + 1) * s.letters);
    // The first batch warms both up; then ABBA pairs, each side signing the same letters of its own copy.
    for (const k of [0, 1]) await round(servers[k], dbs[k], batch(0), signer[k], s.clients, k ? 'baseline' : 'Pamong');
    const rates: number[][] = [[], []];
    for (let r = 1; r <= s.rounds; r++) {
      for (const k of r % 2 ? [0, 1] : [1, 0]) rates[k].push(await round(servers[k], dbs[k], batch(r), signer[k], s.clients, k ? 'baseline' : 'Pamong'));
    }
    const ratios = rates[0].map((p, i) => p / rates[1][i]);
    const sp = spread(ratios);
    const met = verdict(sp, (x) => x >= 0.7);
    const fig = `${sp.min.toFixed(2)}–**${sp.median.toFixed(2)}**–${sp.max.toFixed(2)}×`;
    const median = (xs: number[]) => spread(xs).median;
    return {
      table: [`| ${s.letters.toLocaleString('en-US')} letters signed on paper by ${s.clients} clients at once, each round ${s.letters.toLocaleString('en-US')} consecutive numbers, none repeated | ${median(rates[0]).toFixed(0)} /s | ${median(rates[1]).toFixed(0)} /s | ${fig} | ${met === 'noise' ? 'within noise' : met ? 'met' : '**not met**'} |`],
      results: [{ section: 'surat', what: `signing ${s.letters} letters, ${s.clients} clients: throughput vs baseline`, figure: fig, goal: '≥ 0.7×', met: met === 'noise' ? false : met, note: met === 'noise' ? 'within noise' : undefined }],
    };
  } finally {
    for (const server of servers) await server.stop();
    await copy?.remove();
    await base.remove();
  }
}

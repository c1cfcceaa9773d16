// Filing an application and the public status page (issue 12, Speed):
// Pamong against a bare node:http server doing the same work
// (bench/layanan-filing-baseline-server.ts), each on its own copy of the
// data, in ABBA pairs of rounds (bench/http.ts `compare`).
//
// Filing: the demo region's certificate of low income
// (surat-keterangan-tidak-mampu, version 2: NIK, name, address, purpose and
// three documents kk, ktp, pengantar) filed by signed-in citizens through the
// citizen's route, as the web app sends it: multipart with the answers as
// JSON in `permohonan` and each document in `berkas.<field>`. All three
// documents are PDFs (the form accepts PDF, JPEG and PNG): Pamong re-encodes
// images with sharp, which would dominate both sides' time and is not what
// "files checked by content" measures; with PDFs both sides only check the
// magic bytes and the size. Pamong runs as production does (log level info,
// background worker on) behind a reverse proxy (PAMONG_TRUST_PROXY=true):
// each filing comes from its own citizen's address (X-Forwarded-For), so the
// route's limit of 10 filings a minute per address counts every request, as
// in life, and refuses none. The citizens are 50 accounts with a session each,
// taken in turn.
//
// Status: GET …/public/applications/:registrationNo for applications filed
// through Pamong's own use case before the data is copied, the same set on
// both sides, at random. Before the rounds, both sides' answers for one
// application are compared: the run stops if they differ.
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import { createUser, openSession } from '../src/platform/auth/service.js';
import { getRegion } from '../src/platform/regions/service.js';
import { fileApplication } from '../src/modules/layanan/service/applications.js';
import { applicationFiling } from '../test/support/multipart.js';
import { compare, named, trackingRequests, type Comparison } from './http.js';
import { contextOf, freshDatabase, startPamong, startServer, verdict, type BenchDatabase, type LoadRequest, type Result } from './support.js';

const REGION = '32.11';
export const FILING_SERVICE = 'surat-keterangan-tidak-mampu';
const CITIZENS = 50;

export interface FilingSettings {
  seconds: number; rounds: number; connections: number; port: number;
  /** Requests per server and round, instead of `seconds` split in rounds. */
  amount?: number;
  /** Applications filed before the rounds, for the status page to ask for. */
  tracked: number;
  /** Size of each of the three PDFs, in KB. */
  fileKb: number;
  engine: 'postgres' | 'pglite';
  log: (line: string) => void;
}

/** A PDF of about `kb` KB: the header file-type and the baseline look for, a binary stream (a scan) and the trailer. */
function pdf(kb: number, seed: number): Buffer {
  const body = randomBytes(Math.max(0, kb * 1024 - 120));
  body[0] = seed;
  return Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Length ' + body.length + '>>stream\n', 'latin1'), body, Buffer.from('\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')]);
}

interface Prepared {
  serviceId: string;
  citizens: { cookie: string; csrf: string }[];
  body: { contentType: string; data: Buffer };
  registrationNos: string[];
}

/** Citizens with sessions, the filing's body, and `tracked` applications filed through Pamong's use case, in the database before it is copied. */
async function prepare(base: BenchDatabase, s: FilingSettings): Promise<Prepared> {
  const database = await base.open(4);
  try {
    const ctx = contextOf(database);
    const region = await getRegion(database.db, REGION);
    const [{ id: serviceId }] = await database.rows<{ id: string }>(sql`select id from layanan_services where region_code = ${REGION} and slug = ${FILING_SERVICE}`);
    const [place] = await database.rows<{ district: string; village: string }>(sql`select d.code as district, v.code as village from areas d join areas v on v.parent_code = d.code
      where d.parent_code = ${REGION} and d.level = 'district' order by d.code, v.code limit 1`);
    const answers = { nik: `${place.district.replaceAll('.', '')}4207850003`, nama: 'Siti Aminah', alamat: { street: 'Jl. Mawar 3 RT 02/RW 05', ...place }, keperluan: 'sekolah' };
    const documents = ['kk', 'ktp', 'pengantar'].map((field, i) => ({ field, name: `${field}.pdf`, data: pdf(s.fileKb, i) }));
    const citizens = [];
    const actors = [];
    for (let i = 0; i < CITIZENS; i++) {
      const userId = await createUser(database.db, { email: `warga.bench${i}@contoh.id`, name: `Warga Uji ${i}` });
      const session = await openSession(database.db, new Date(), userId);
      citizens.push({ cookie: `pamong_session=${session.sessionId}`, csrf: session.csrfToken });
      actors.push(session.actor);
    }
    const registrationNos: string[] = [];
    for (let i = 0; i < s.tracked; i++) {
      const filed = await fileApplication(ctx, region, actors[i % CITIZENS], serviceId, { answers }, documents.map((d) => ({ fileName: d.name, data: d.data, field: d.field })));
      registrationNos.push(filed.registrationNo);
    }
    const f = applicationFiling(answers, documents);
    return { serviceId, citizens, body: { contentType: f.headers['content-type'], data: f.body }, registrationNos };
  } finally {
    await database.close();
  }
}

/** Filings in turn from each citizen, each from an address of its own. */
function filingRequests(p: Prepared, path: string): LoadRequest[] {
  let n = 0;
  return [{ method: 'POST', setupRequest: (req) => {
    const i = n++;
    const who = p.citizens[i % p.citizens.length];
    return {
      ...req, path, body: p.body.data,
      headers: { ...req.headers, 'content-type': p.body.contentType, cookie: who.cookie, 'x-csrf-token': who.csrf, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
    };
  } }];
}

/** Both servers' answers for one application, which must be the same JSON. */
async function sameStatus(urls: string[]): Promise<void> {
  const bodies = await Promise.all(urls.map(async (url) => {
    const res = await fetch(url);
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  }));
  if (!isDeepStrictEqual(bodies[0], bodies[1])) throw new Error(`the status answers differ:\n${JSON.stringify(bodies[0])}\n${JSON.stringify(bodies[1])}`);
}

/** Rows a filing writes, per table, for the check that both sides wrote the same. */
async function rowsWritten(db: BenchDatabase): Promise<Record<string, number>> {
  const database = await db.open(1);
  try {
    const [r] = await database.rows<Record<string, number>>(sql`select
      (select count(*)::int from layanan_applications where region_code = ${REGION}) as applications,
      (select count(*)::int from layanan_application_files where region_code = ${REGION}) as files,
      (select coalesce(sum(bytes), 0)::bigint::text from layanan_application_files where region_code = ${REGION}) as "fileBytes",
      (select count(*)::int from layanan_application_events where region_code = ${REGION}) as events,
      (select count(*)::int from stage_deadlines where region_code = ${REGION} and module = 'layanan') as deadlines,
      (select count(*)::int from notifications where region_code = ${REGION}) as notifications,
      (select count(*)::int from outbox where region_code = ${REGION}) as outbox`);
    return r;
  } finally {
    await database.close();
  }
}

const GOALS = { filing: 0.7, status: 0.8 };

export async function layananFilingBench(s: FilingSettings): Promise<{ comparisons: Comparison[]; results: Result[]; rows: string[] }> {
  const base = await freshDatabase(s.engine, 'pamong_bench_filing');
  let copy: BenchDatabase | null = null;
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  const comparisons: Comparison[] = [];
  const rows: string[] = [];
  try {
    const p = await prepare(base, s);
    copy = await base.copy();
    const before = await rowsWritten(base);
    const ours = await startPamong({ ...named(base.env, 'bench-pamong'), LOG_LEVEL: 'info', PAMONG_WORKERS: 'true', PAMONG_TRUST_PROXY: 'true' }, s.port);
    servers.push(ours);
    const bare = await startServer(['bench/layanan-filing-baseline-server.ts'], named(copy.env, 'bench-baseline'), s.port + 1);
    servers.push(bare);
    const statusPath = `/api/regions/${REGION}/layanan/public/applications/`;
    await sameStatus([ours.url(statusPath + p.registrationNos[0]), bare.url(statusPath + p.registrationNos[0])]);
    s.log(`${s.engine}: ${p.registrationNos.length} applications filed for the status page; three PDFs of ${s.fileKb} KB per filing`);
    const filingPath = `/api/regions/${REGION}/layanan/services/${p.serviceId}/applications`;
    const o = { seconds: s.seconds, rounds: s.rounds, connections: s.connections, port: s.port, amount: s.amount };
    // Status first, while both copies hold the same applications (the faster side files more of them).
    const status = await compare(ours, bare, o, {
      ours: { method: 'GET', requests: trackingRequests(statusPath, p.registrationNos) }, base: { method: 'GET', requests: trackingRequests(statusPath, p.registrationNos) },
    }, s.engine === 'postgres');
    comparisons.push({ what: 'public status page data (GET)', engine: s.engine, ...status, openLoop: [] });
    const filing = await compare(ours, bare, o, { ours: { method: 'POST', requests: filingRequests(p, filingPath) }, base: { method: 'POST', requests: filingRequests(p, filingPath) } }, s.engine === 'postgres');
    comparisons.push({ what: `filing with three ${s.fileKb} KB PDFs (POST)`, engine: s.engine, ...filing, openLoop: [] });
    for (const srv of servers.splice(0)) await srv.stop();
    // What each side wrote per application it filed (warm-up included): the same rows, or the comparison means nothing.
    const perFiling = (a: Record<string, number>) => {
      const n = a.applications - before.applications;
      return Object.fromEntries(Object.keys(before).filter((k) => k !== 'applications').map((k) => [k, n ? +((Number(a[k]) - Number(before[k])) / n).toFixed(2) : 0]));
    };
    const [pw, bw] = [perFiling(await rowsWritten(base)), perFiling(await rowsWritten(copy))];
    rows.push(`| ${s.engine} | Pamong | ${Object.values(pw).join(' | ')} |`, `| ${s.engine} | baseline | ${Object.values(bw).join(' | ')} |`);
    if (!isDeepStrictEqual(pw, bw)) throw new Error(`the two sides wrote different rows per filing: Pamong ${JSON.stringify(pw)}, baseline ${JSON.stringify(bw)}`);
  } finally {
    for (const srv of servers) await srv.stop();
    await copy?.remove();
    await base.remove();
  }
  const results: Result[] = comparisons.map((c) => {
    const goal = c.what.startsWith('filing') ? GOALS.filing : GOALS.status;
    const v = verdict(c.ratio, (x) => x >= goal);
    const met = v === true && c.ours.errors === 0;
    return {
      section: 'layanan throughput', what: `${c.what}, ${c.engine}`,
      figure: `${c.ratio.median.toFixed(2)}× median of ${s.rounds} ABBA rounds (${c.ratio.min.toFixed(2)}–${c.ratio.max.toFixed(2)}; ${Math.round(c.ours.rps)} vs ${Math.round(c.base.rps)} req/s${c.ours.errors ? `; ${c.ours.errors} errors ${JSON.stringify(c.ours.statuses)}` : ''})${v === 'noise' ? ': within noise' : ''}`,
      goal: `≥ ${goal}× baseline`, met: v === 'noise' && c.ours.errors === 0 ? null : met,
      ...(v === 'noise' ? { note: 'within noise: the spread of the rounds straddles the goal' } : {}),
    };
  });
  return { comparisons, results, rows };
}

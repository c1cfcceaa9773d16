// npm run bench: Pamong against a bare node:http + hand-written SQL baseline,
// in the same run, on PostgreSQL and on PGlite. Load comes from this process
// (autocannon); the servers run as separate processes on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/client.js';
import { prepareDatabase } from '../src/platform/bootstrap.js';
import { seedDemo } from '../src/demo/seed.js';
import { loadConfig } from '../src/platform/config.js';
import { systemClock } from '../src/platform/context.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PORT = 3810;

interface Run { rps: number; p99: number; errors: number }
interface Row { what: string; engine: string; ours: Run; base: Run; goal: string; met: boolean }

async function prepare(engine: 'postgres' | 'pglite'): Promise<Record<string, string>> {
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query('drop database if exists pamong_bench with (force)');
    await admin.query('create database pamong_bench');
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = '/pamong_bench';
    const database = await openDatabase({ databaseUrl: url.toString() });
    await prepareDatabase(database, new Date());
    await seedDemo({ database, config: loadConfig({}), clock: systemClock });
    await database.close();
    return { DATABASE_URL: url.toString() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pamong-bench-'));
  const database = await openDatabase({ dataDir: dir });
  await prepareDatabase(database, new Date());
  await seedDemo({ database, config: loadConfig({}), clock: systemClock });
  await database.close();
  return { PAMONG_DATA_DIR: dir };
}

async function start(script: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...script], {
    env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', PAMONG_WORKERS: 'false', PAMONG_DEMO: 'false', PAMONG_INTAKE_PER_MINUTE: '100000000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    const up = await fetch(`http://127.0.0.1:${PORT}/healthz`).then((r) => r.status < 500, () => false)
      || await fetch(`http://127.0.0.1:${PORT}/track/none`).then(() => true, () => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server ${script.join(' ')} did not start`);
}

async function stop(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

async function load(opts: { path: string; method?: 'GET' | 'POST'; body?: string }): Promise<Run> {
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}${opts.path}`, method: opts.method ?? 'GET', connections: CONNECTIONS, duration: DURATION,
    headers: { 'content-type': 'application/json' }, body: opts.body,
  });
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  return client.connect().then(() => client.end().then(() => true), () => false);
}

const description = 'Sampah menumpuk di tepi jalan dekat pasar, sudah tiga hari belum diangkut';
const rows: Row[] = [];
const notes: string[] = [];

for (const engine of ['postgres', 'pglite'] as const) {
  if (engine === 'postgres' && !(await reachable(PG_URL))) {
    notes.push('PostgreSQL not reachable: skipped');
    continue;
  }
  const env = await prepare(engine);
  const pamong = await start(['src/cli.ts', 'serve'], env);
  const categories = await (await fetch(`http://127.0.0.1:${PORT}/api/regions/32.11/categories`)).json() as { id: string; code: string }[];
  const categoryId = categories.find((c) => c.code === 'sampah')!.id;
  const ours = await load({ path: '/api/regions/32.11/complaints', method: 'POST', body: JSON.stringify({ categoryId, description }) });
  const rss = rssMb(pamong);
  const created = await (await fetch(`http://127.0.0.1:${PORT}/api/regions/32.11/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId, description }) })).json() as { trackingCode: string };
  const oursTrack = await load({ path: `/api/regions/32.11/complaints/track/${created.trackingCode}` });
  await stop(pamong);
  notes.push(`${engine}: Pamong RSS after the intake run ${rss} MB`);

  const base = await start(['bench/baseline-server.ts'], env);
  const baseIntake = await load({ path: '/intake', method: 'POST', body: JSON.stringify({ description }) });
  const baseTrack = await load({ path: `/track/${created.trackingCode}` });
  await stop(base);
  if (env.PAMONG_DATA_DIR) rmSync(env.PAMONG_DATA_DIR, { recursive: true, force: true });

  const floor = engine === 'postgres' ? { intake: 0.7, track: 0.8 } : { intake: 0.6, track: 0.6 };
  rows.push({
    what: 'complaint intake (POST)', engine, ours, base: baseIntake, goal: `≥ ${floor.intake}× throughput${engine === 'postgres' ? ', p99 ≤ 2× baseline' : ''}`,
    met: ours.rps >= floor.intake * baseIntake.rps && (engine !== 'postgres' || ours.p99 <= 2 * baseIntake.p99) && ours.errors === 0,
  });
  rows.push({
    what: 'tracking page data (GET)', engine, ours: oursTrack, base: baseTrack, goal: `≥ ${floor.track}× throughput`,
    met: oursTrack.rps >= floor.track * baseTrack.rps && oursTrack.errors === 0,
  });
}

const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '–');
console.log(`\nPamong benchmarks — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
console.log(`autocannon, ${CONNECTIONS} connections, ${DURATION} s per run, loopback\n`);
console.log('| what | engine | Pamong req/s | baseline req/s | ratio | Pamong p99 ms | baseline p99 ms | errors | goal | met |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.what} | ${r.engine} | ${r.ours.rps} | ${r.base.rps} | ${ratio(r.ours.rps, r.base.rps)} | ${r.ours.p99} | ${r.base.p99} | ${r.ours.errors}/${r.base.errors} | ${r.goal} | ${r.met ? 'yes' : 'no'} |`);
}
for (const n of notes) console.log(`\n- ${n}`);

// How much of each request outlives a young-generation collection, at any
// commit: one server (its own code migrates and seeds the demo region on its
// own PostgreSQL database, production settings), 300 complaints filed, 5 s of
// tracking to warm up, then BENCH_SECONDS of tracking from 50 connections
// with V8's `--trace-gc-nvp`. It prints throughput, server CPU per request,
// and per scavenge the bytes that survived, the pause and the helper threads'
// work. Found issue 9's tracking regression (BENCHMARKS.md, session 25) by
// bisecting commits on the surviving bytes, which vary far less between runs
// than throughput does.
//
//   npx tsx bench/gc.ts <commit | HEAD>      e.g. npx tsx bench/gc.ts ea035e8
//   BENCH_SECONDS=15 BENCH_PORT=3831
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/platform/db/client.js';
import { trackingRequests } from './http.js';
import { intakeMix } from './intake-mix.js';
import { adminQuery, cpuMs, databaseUrl, dropDatabase, envNumber, load, root } from './support.js';

const ref = process.argv[2];
if (!ref) throw new Error('usage: npx tsx bench/gc.ts <commit | HEAD>');
const seconds = envNumber('BENCH_SECONDS', 15);
const port = envNumber('BENCH_PORT', 3831);
const work = mkdtempSync(join(tmpdir(), 'pamong-gc-'));
const checkout = ref === 'HEAD' ? root : join(work, 'checkout');
if (ref !== 'HEAD') {
  execFileSync('git', ['worktree', 'add', '--detach', checkout, ref], { cwd: root, stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'));
  if (existsSync(join(root, 'web/dist'))) symlinkSync(join(root, 'web/dist'), join(checkout, 'web/dist'));
}
const database = 'pamong_gc';
await dropDatabase(database);
await adminQuery(`create database ${database}`);
const url = databaseUrl(database);
const trace = join(work, 'gc.log');
const server = spawn(process.execPath, ['--trace-gc-nvp', '--import', 'tsx', 'src/cli.ts', 'serve'], {
  cwd: checkout,
  env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: url, PAMONG_DEMO: 'true', LOG_LEVEL: 'info', PAMONG_WORKERS: 'true', PAMONG_INTAKE_PER_MINUTE: '100000000' },
  stdio: ['ignore', openSync(trace, 'w'), 'inherit'],
});
const exited = new Promise((resolve) => server.once('exit', resolve));
const at = (path: string) => `http://127.0.0.1:${port}${path}`;
/** The scavenges traced since line `from`: V8 writes one `gc=s` line per scavenge among the server's log lines. */
const scavenges = (from: number) => readFileSync(trace, 'utf8').split('\n').slice(from).filter((line) => line.includes('gc=s '));
const average = (lines: string[], field: string) => lines.reduce((sum, line) => sum + Number(new RegExp(`\\b${field}=([\\d.]+)`).exec(line)?.[1] ?? 0), 0) / lines.length;
try {
  let up = false;
  for (let i = 0; i < 480 && !up; i++) {
    up = await fetch(at('/healthz')).then((r) => r.ok, () => false);
    if (!up) await new Promise((r) => setTimeout(r, 250));
  }
  if (!up) throw new Error(`${ref}: the server did not answer`);
  const db = await openDatabase({ databaseUrl: url, poolSize: 1 });
  const mix = await intakeMix(db, '32.11').finally(() => db.close());
  const codes: string[] = [];
  for (let i = 0; i < 300; i++) {
    const r = mix[i % mix.length];
    const res = await fetch(at('/api/regions/32.11/complaints'), { method: 'POST', headers: { 'content-type': r.contentType }, body: new Uint8Array(r.body) });
    if (res.status !== 201) throw new Error(`${ref}: intake answered ${res.status} ${await res.text()}`);
    codes.push(((await res.json()) as { trackingCode: string }).trackingCode);
  }
  const requests = trackingRequests('/api/regions/32.11/complaints/track/', codes);
  await load({ url: at('/'), seconds: 5, connections: 50, requests });
  const from = readFileSync(trace, 'utf8').split('\n').length;
  const cpuBefore = cpuMs(server.pid!);
  const run = await load({ url: at('/'), seconds, connections: 50, requests });
  const cpu = (cpuMs(server.pid!) - cpuBefore) / run.requests;
  const s = scavenges(from);
  const gcMicros = (s.length * (average(s, 'pause') + average(s, 'background.scavenge.parallel'))) / run.requests * 1000;
  console.log(`${ref}: ${run.rps.toFixed(0)} req/s, server CPU ${cpu.toFixed(3)} ms/request, ${run.errors} errors; ${s.length} scavenges: `
    + `${(average(s, 'new_space_survived') / 1e6).toFixed(2)} MB survived each, pause ${average(s, 'pause').toFixed(2)} ms + helpers ${average(s, 'background.scavenge.parallel').toFixed(2)} ms; `
    + `${gcMicros.toFixed(1)} µs of scavenging per request`);
} finally {
  server.kill('SIGTERM');
  await exited;
  await dropDatabase(database);
  if (ref !== 'HEAD') execFileSync('git', ['worktree', 'remove', '--force', checkout], { cwd: root, stdio: 'ignore' });
  rmSync(work, { recursive: true, force: true });
}

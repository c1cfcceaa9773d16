// Shared by `npm run bench` and `npm run verify`: databases prepared from
// scratch, servers started as separate processes on loopback, load from
// autocannon in the calling process, and the server's memory and CPU read
// from /proc.
import '../src/modules/registry.js'; // installs the modules
import { performance } from 'node:perf_hooks';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { prepareDatabase } from '../src/platform/bootstrap.js';
import { seedDemo } from '../src/demo/seed.js';
import { loadConfig } from '../src/platform/config.js';
import { systemClock, type AppContext } from '../src/platform/context.js';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Any database on the PostgreSQL server; the bench creates its own databases next to it. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const envNumber = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
};

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  return client.connect().then(() => client.end().then(() => true), () => false);
}

export async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** Process ids of the server's backends serving connections named `application`. */
export async function postgresBackends(application: string): Promise<number[]> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return (await admin.query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [application])).rows.map((r) => r.pid);
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`drop database if exists ${name} with (force)`);
}

export interface BenchDatabase {
  engine: 'postgres' | 'pglite';
  /** Environment for a server process using it. */
  env: Record<string, string>;
  open(poolSize?: number): Promise<Database>;
  /** A copy of the same data for a second server: PostgreSQL a new database from this one as template, PGlite a new folder. */
  copy(): Promise<BenchDatabase>;
  remove(): Promise<void>;
}

/** A fresh database of one engine: migrated with its reference data, and (unless `seed: false`) the demo region. */
export async function freshDatabase(engine: 'postgres' | 'pglite', name = 'pamong_bench', opts: { seed?: boolean } = {}): Promise<BenchDatabase> {
  const make = (env: Record<string, string>, open: BenchDatabase['open'], copy: BenchDatabase['copy'], remove: BenchDatabase['remove']): BenchDatabase => ({ engine, env, open, copy, remove });
  if (engine === 'postgres') {
    await dropDatabase(name);
    await adminQuery(`create database ${name}`);
    const url = databaseUrl(name);
    const db: BenchDatabase = make(
      { DATABASE_URL: url },
      (poolSize) => openDatabase({ databaseUrl: url, poolSize }),
      async () => {
        const copy = `${name}_copy`;
        await dropDatabase(copy);
        await adminQuery(`create database ${copy} template ${name}`);
        const copyUrl = databaseUrl(copy);
        return make({ DATABASE_URL: copyUrl }, (poolSize) => openDatabase({ databaseUrl: copyUrl, poolSize }), () => Promise.reject(new Error('a copy of a copy')), () => dropDatabase(copy));
      },
      () => dropDatabase(name),
    );
    await seed(await db.open(), opts.seed !== false);
    return db;
  }
  const pglite = (dir: string): BenchDatabase => make(
    { PAMONG_DATA_DIR: dir },
    () => openDatabase({ dataDir: dir }),
    async () => {
      const other = mkdtempSync(join(tmpdir(), 'pamong-bench-'));
      cpSync(dir, other, { recursive: true });
      return pglite(other);
    },
    async () => rmSync(dir, { recursive: true, force: true }),
  );
  const db = pglite(mkdtempSync(join(tmpdir(), 'pamong-bench-')));
  await seed(await db.open(), opts.seed !== false);
  return db;
}

async function seed(database: Database, demo: boolean): Promise<void> {
  await prepareDatabase(database, systemClock.now());
  if (demo) await seedDemo(contextOf(database));
  await database.close();
}

export function contextOf(database: Database, overrides: Partial<AppContext['config']> = {}): AppContext {
  return { database, config: { ...loadConfig({}), workers: false, smtp: null, ...overrides }, clock: systemClock };
}

export interface Server {
  port: number;
  pid: number;
  child: ChildProcess;
  url(path: string): string;
  /** SIGTERM and wait for a graceful exit. */
  stop(): Promise<void>;
  /** SIGKILL: no cleanup of any kind. */
  kill(): Promise<void>;
}

/** Settings every server process of the bench and verify gets, unless overridden. */
const serverDefaults = {
  HOST: '127.0.0.1', PAMONG_WORKERS: 'false', PAMONG_DEMO: 'false', PAMONG_INTAKE_PER_MINUTE: '100000000', LOG_LEVEL: 'warn',
};

/**
 * Starts `pamong serve` (or another script of the repository) as its own
 * process and waits until it answers on `port`.
 */
export async function startServer(args: string[], env: Record<string, string>, port: number, opts: { quiet?: boolean; cwd?: string } = {}): Promise<Server> {
  // A server left over from an interrupted run would answer in place of the new one.
  if (await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false)) throw new Error(`port ${port} is taken by another server (left over from an interrupted run?)`);
  // BENCH_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to every server: Node refuses profiling flags in NODE_OPTIONS.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
    cwd: opts.cwd ?? root,
    env: { ...process.env, ...serverDefaults, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', opts.quiet ? 'ignore' : 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const server: Server = {
    port, pid: child.pid!, child,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    async stop() {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
  };
  for (let i = 0; i < 240; i++) {
    if (gone) throw new Error(`${args.join(' ')} exited before answering`);
    if (await fetch(server.url('/healthz')).then(() => true, () => false)) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.kill();
  throw new Error(`${args.join(' ')} did not answer on port ${port}`);
}

/** `pamong serve` of this checkout, or of another one (`cwd`, e.g. an older commit for bench/ab.ts). */
export const startPamong = (env: Record<string, string>, port: number, opts?: { quiet?: boolean; cwd?: string }) => startServer(['src/cli.ts', 'serve'], env, port, opts);

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
}

export interface Load {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  errors: number;
  statuses: Record<string, number>;
}

export type LoadRequest = NonNullable<autocannon.Options['requests']>[number];

/** Loads a server from this process with autocannon for a bounded time. */
export async function load(opts: {
  url: string; seconds: number; connections: number; requests?: LoadRequest[]; method?: 'GET' | 'POST'; body?: string;
  headers?: Record<string, string>; overallRate?: number;
  /** A number of requests to send instead of a time. */
  amount?: number;
}): Promise<Load> {
  const r = await autocannon({
    // A run of `amount` requests ends at the first sample after the last answer: samples every 10 ms, not every second, so its time is its own.
    url: opts.url, duration: opts.seconds, ...(opts.amount ? { amount: opts.amount, sampleInt: 10 } : {}), connections: opts.connections, method: opts.method ?? 'GET', body: opts.body,
    headers: { 'content-type': 'application/json', ...opts.headers }, requests: opts.requests, overallRate: opts.overallRate, timeout: 10,
  });
  const statuses: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) statuses[k] = (v as { count: number }).count;
  return {
    requests: r.requests.total, seconds: r.duration, rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx, statuses,
  };
}

export const machine = () => `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The value below which `p` of the samples fall (nearest rank), e.g. p = 0.95. */
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
};

/** Wall time of `count` GETs one after another as one signed-in client (cycling through `paths`), in ms; any answer but 200 stops the run. */
export async function sequentialLatencies(server: Server, cookie: string, paths: string[], count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const path = paths[i % paths.length];
    const started = performance.now();
    const res = await fetch(server.url(path), { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}

export interface Spread { min: number; median: number; max: number }
export const spread = (xs: number[]): Spread => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) });

/** Met when the median meets the goal and the whole spread does too; within noise when the spread straddles it. */
export function verdict(r: Spread, meets: (x: number) => boolean): boolean | 'noise' {
  if (meets(r.min) && meets(r.max) && meets(r.median)) return true;
  if (!meets(r.min) && !meets(r.max) && !meets(r.median)) return false;
  return 'noise';
}

/** One line of the summary: a figure next to its goal. */
export interface Result {
  section: string;
  what: string;
  figure: string;
  goal: string;
  met: boolean | null; // null: reported only, or skipped
  note?: string;
}

export function printResults(title: string, results: Result[], intro: string[] = []): void {
  console.log(`\n## ${title}\n`);
  for (const line of intro) console.log(line);
  if (intro.length) console.log('');
  console.log('| section | what | figure | goal | met |');
  console.log('|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.section} | ${r.what} | ${r.figure} | ${r.goal} | ${r.met === null ? '–' : r.met ? 'yes' : '**no**'} |`);
  const notes = results.filter((r) => r.note);
  if (notes.length) console.log('');
  for (const r of notes) console.log(`- ${r.what}: ${r.note}`);
}

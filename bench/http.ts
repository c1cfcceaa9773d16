// Complaint intake and the tracking page: Pamong against the bare baseline
// (bench/baseline-server.ts) doing the same database work, on one engine.
// Both servers run at once, each on its own copy of the same data (its own
// PostgreSQL database, or its own PGlite folder); the load alternates between
// them in pairs of rounds, in the order ABBA (Pamong first in one pair, the
// baseline first in the next), so neither always runs on a warmer machine.
// Each pair gives a ratio; the verdict reads the spread of those ratios.
import { anonymousActor } from '../src/platform/auth/policy.js';
import { getRegion } from '../src/platform/regions/service.js';
import { submitComplaint } from '../src/modules/complaints/service/intake.js';
import { listCategories } from '../src/modules/complaints/service/admin.js';
import { existsSync } from 'node:fs';
import { contextOf, cpuMs, freshDatabase, load, median, postgresBackends, startPamong, startServer, type Load, type LoadRequest, type Result, type Server } from './support.js';

export interface HttpOptions { seconds: number; rounds: number; connections: number; port: number }

export interface Comparison {
  what: string;
  engine: string;
  ours: Load & { cpuMsPerRequest: number; dbCpuMsPerRequest: number | null };
  base: Load & { cpuMsPerRequest: number; dbCpuMsPerRequest: number | null };
  /** Pamong's throughput over the baseline's, per pair of rounds: min, median, max. */
  ratio: { min: number; median: number; max: number };
}

const description = 'Sampah menumpuk di tepi jalan dekat pasar, sudah tiga hari belum diangkut';
/** The tracking load asks for these many different complaints, at random. */
const TRACKED = 500;

/** CPU time of the PostgreSQL backends serving one application (by application_name), in ms. */
async function backendCpuMs(application: string): Promise<number> {
  const pids = await postgresBackends(application);
  return pids.reduce((sum, pid) => sum + (existsSync(`/proc/${pid}/stat`) ? cpuMs(pid) : 0), 0);
}

/** Runs `requests` against a server and counts the server's CPU time (and its database backends') per answered request. */
async function measured(server: Server, seconds: number, connections: number, shape: { method: 'GET' | 'POST'; path?: string; body?: string; requests?: LoadRequest[] }, application?: string) {
  const before = cpuMs(server.pid);
  const dbBefore = application ? await backendCpuMs(application) : 0;
  const result = await load({ url: server.url(shape.path ?? '/'), seconds, connections, method: shape.method, body: shape.body, requests: shape.requests });
  return { ...result, cpuMs: cpuMs(server.pid) - before, dbCpuMs: application ? (await backendCpuMs(application)) - dbBefore : 0 };
}

/**
 * Pairs of rounds in the order ABBA: ours then base, base then ours, and so
 * on. Requests and time add up; p99 is the median of the rounds'. A baseline
 * that fails requests stops the run: a ratio against a broken baseline means nothing.
 */
async function compare(
  ours: Server, base: Server, o: HttpOptions,
  shapes: { ours: Parameters<typeof measured>[3]; base: Parameters<typeof measured>[3] }, postgres: boolean,
): Promise<Pick<Comparison, 'ours' | 'base' | 'ratio'>> {
  await measured(ours, 2, o.connections, shapes.ours); // warm up: JIT, pools, prepared statements
  await measured(base, 2, o.connections, shapes.base);
  const apps = postgres ? { ours: 'bench-pamong', base: 'bench-baseline' } : { ours: undefined, base: undefined };
  const rounds = { ours: [] as Awaited<ReturnType<typeof measured>>[], base: [] as Awaited<ReturnType<typeof measured>>[] };
  const seconds = o.seconds / o.rounds;
  for (let i = 0; i < o.rounds; i++) {
    const runOurs = async () => rounds.ours.push(await measured(ours, seconds, o.connections, shapes.ours, apps.ours));
    const runBase = async () => rounds.base.push(await measured(base, seconds, o.connections, shapes.base, apps.base));
    if (i % 2 === 0) {
      await runOurs();
      await runBase();
    } else {
      await runBase();
      await runOurs();
    }
    const baseRound = rounds.base[i];
    if (baseRound.errors > 0) throw new Error(`The baseline failed ${baseRound.errors} requests (${JSON.stringify(baseRound.statuses)}): its figures cannot be compared with`);
  }
  const sum = (rs: Awaited<ReturnType<typeof measured>>[]) => {
    const requests = rs.reduce((s, r) => s + r.requests, 0);
    const seconds = rs.reduce((s, r) => s + r.seconds, 0);
    const statuses: Record<string, number> = {};
    for (const r of rs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
    return {
      requests, seconds, rps: requests / seconds, p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)),
      errors: rs.reduce((s, r) => s + r.errors, 0), statuses, cpuMsPerRequest: rs.reduce((s, r) => s + r.cpuMs, 0) / Math.max(1, requests),
      dbCpuMsPerRequest: postgres ? rs.reduce((s, r) => s + r.dbCpuMs, 0) / Math.max(1, requests) : null,
    };
  };
  const ratios = rounds.ours.map((r, i) => r.rps / rounds.base[i].rps);
  return { ours: sum(rounds.ours), base: sum(rounds.base), ratio: { min: Math.min(...ratios), median: median(ratios), max: Math.max(...ratios) } };
}

export async function httpBench(engine: 'postgres' | 'pglite', o: HttpOptions): Promise<{ comparisons: Comparison[]; results: Result[] }> {
  const db = await freshDatabase(engine);
  // Complaints to track, filed through the real intake before the servers start.
  const database = await db.open();
  const ctx = contextOf(database);
  const region = await getRegion(database.db, '32.11');
  const categoryId = (await listCategories(ctx, '32.11')).find((c) => c.code === 'sampah')!.id;
  const codes: string[] = [];
  for (let i = 0; i < TRACKED; i++) {
    const input = {
      categoryId, description, answers: {}, districtCode: null, villageCode: null, lat: null, lng: null, address: null,
      anonymous: true, confidential: false, reporterName: null, reporterEmail: null, reporterPhone: null, channel: 'web' as const,
    };
    codes.push((await submitComplaint(ctx, region, anonymousActor, input, [])).trackingCode);
  }
  await database.close();

  const baseDb = await db.copy();
  // Named connections, so the database's own CPU time can be told apart per server.
  const named = (env: Record<string, string>, name: string) => (env.DATABASE_URL ? { DATABASE_URL: `${env.DATABASE_URL}?application_name=${name}` } : env);
  const ours = await startPamong(named(db.env, 'bench-pamong'), o.port);
  const base = await startServer(['bench/baseline-server.ts'], named(baseDb.env, 'bench-baseline'), o.port + 1);
  const comparisons: Comparison[] = [];
  try {
    const intakeBody = JSON.stringify({ categoryId, description });
    const intake = await compare(ours, base, o, {
      ours: { method: 'POST', path: '/api/regions/32.11/complaints', body: intakeBody },
      base: { method: 'POST', path: '/intake', body: JSON.stringify({ description }) },
    }, engine === 'postgres');
    comparisons.push({ what: 'complaint intake (POST)', engine, ...intake });
    const pick = (prefix: string): LoadRequest[] => [{ method: 'GET', setupRequest: (req) => ({ ...req, path: prefix + codes[Math.floor(Math.random() * codes.length)] }) }];
    const tracking = await compare(ours, base, o, {
      ours: { method: 'GET', requests: pick('/api/regions/32.11/complaints/track/') },
      base: { method: 'GET', requests: pick('/track/') },
    }, engine === 'postgres');
    comparisons.push({ what: 'tracking page data (GET)', engine, ...tracking });
  } finally {
    await ours.stop();
    await base.stop();
    await db.remove();
    await baseDb.remove();
  }

  const floor = engine === 'postgres' ? { intake: 0.7, tracking: 0.8 } : { intake: 0.6, tracking: 0.6 };
  const results: Result[] = comparisons.map((c) => {
    const intake = c.what.startsWith('complaint intake');
    const withP99 = intake && engine === 'postgres';
    const f = intake ? floor.intake : floor.tracking;
    const { min, median: mid, max } = c.ratio;
    const p99Met = !withP99 || c.ours.p99 <= 2 * c.base.p99;
    // Met only when the whole spread of the pairs clears the goal; a median that clears it with a spread that does not is noise.
    const verdict = mid < f ? 'not met' : min < f ? 'within noise' : 'met';
    return {
      section: 'throughput', what: `${c.what}, ${engine}`,
      figure: `${mid.toFixed(2)}× median of ${o.rounds} ABBA rounds (${min.toFixed(2)}–${max.toFixed(2)}; ${Math.round(c.ours.rps)} vs ${Math.round(c.base.rps)} req/s${withP99 ? `; p99 ${c.ours.p99} vs ${c.base.p99} ms = ${(c.ours.p99 / c.base.p99).toFixed(2)}×` : ''}${c.ours.errors ? `; ${c.ours.errors} errors` : ''})${verdict === 'within noise' ? ': within noise' : ''}`,
      goal: `≥ ${f}× baseline${withP99 ? ', p99 ≤ 2× baseline' : ''}`,
      met: verdict === 'met' && p99Met && c.ours.errors === 0,
    };
  });
  return { comparisons, results };
}

export function comparisonTable(comparisons: Comparison[]): string[] {
  const lines = [
    '| what | engine | Pamong req/s | baseline req/s | ratio (min–median–max of rounds) | Pamong p50/p99 ms | baseline p50/p99 ms | CPU ms/request: Pamong server + database | baseline server + database | errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const cpu = (r: Comparison['ours']) => `${r.cpuMsPerRequest.toFixed(2)}${r.dbCpuMsPerRequest === null ? ' (database inside)' : ` + ${r.dbCpuMsPerRequest.toFixed(2)}`}`;
  for (const c of comparisons) {
    lines.push(`| ${c.what} | ${c.engine} | ${Math.round(c.ours.rps)} | ${Math.round(c.base.rps)} | ${c.ratio.min.toFixed(2)}–${c.ratio.median.toFixed(2)}–${c.ratio.max.toFixed(2)} | ${c.ours.p50}/${c.ours.p99} | ${c.base.p50}/${c.base.p99} | ${cpu(c.ours)} | ${cpu(c.base)} | ${c.ours.errors}/${c.base.errors} |`);
  }
  return lines;
}

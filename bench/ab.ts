// Is a change a regression? Pamong at an earlier commit against this
// checkout, both as production runs them (log level info, worker on), each on
// its own PostgreSQL database that its own code migrated and seeded, loaded
// with the same intake mix and tracking requests in ABBA pairs of rounds. The
// ratio is this checkout's throughput over the earlier commit's, per pair.
//
//   npx tsx bench/ab.ts <commit>     e.g. npx tsx bench/ab.ts ea035e8
//   BENCH_SECONDS=30 BENCH_ROUNDS=6 BENCH_PORT=3820
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/platform/db/client.js';
import { compare, comparisonTable, mixRequests, trackingRequests, type Comparison } from './http.js';
import { intakeMix, type IntakeRequest } from './intake-mix.js';
import { adminQuery, databaseUrl, dropDatabase, envNumber, machine, root, startPamong, type Server } from './support.js';

const ref = process.argv[2];
if (!ref) throw new Error('usage: npx tsx bench/ab.ts <commit>');
const o = { seconds: envNumber('BENCH_SECONDS', 30), rounds: envNumber('BENCH_ROUNDS', 6), connections: 50, port: envNumber('BENCH_PORT', 3820) };
/** Complaints filed through each server before the rounds, for tracking to ask for. */
const TRACKED = 300;

interface Side { name: string; database: string; server: Server; mix: IntakeRequest[]; codes: string[] }

/** Starts one side's server on a new database; its own code migrates it and seeds the demo region. */
async function side(name: string, application: string, port: number, cwd: string): Promise<Side> {
  const database = `pamong_ab_${name}`;
  await dropDatabase(database);
  await adminQuery(`create database ${database}`);
  const url = databaseUrl(database);
  const server = await startPamong({ DATABASE_URL: `${url}?application_name=${application}`, PAMONG_DEMO: 'true', LOG_LEVEL: 'info', PAMONG_WORKERS: 'true' }, port, { cwd });
  const db = await openDatabase({ databaseUrl: url, poolSize: 1 });
  const mix = await intakeMix(db, '32.11').finally(() => db.close());
  const codes: string[] = [];
  for (let i = 0; i < TRACKED; i++) {
    const r = mix[i % mix.length];
    const res = await fetch(server.url('/api/regions/32.11/complaints'), { method: 'POST', headers: { 'content-type': r.contentType }, body: new Uint8Array(r.body) });
    if (res.status !== 201) throw new Error(`${name}: intake answered ${res.status} ${await res.text()}`);
    codes.push(((await res.json()) as { trackingCode: string }).trackingCode);
  }
  return { name, database, server, mix, codes };
}

const tracking = (s: Side) => trackingRequests('/api/regions/32.11/complaints/track/', s.codes);

const checkout = mkdtempSync(join(tmpdir(), 'pamong-ab-'));
execFileSync('git', ['worktree', 'add', '--detach', checkout, ref], { cwd: root, stdio: 'ignore' });
symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'));
// The same built web app on both sides: with it, a server also serves the app's files and inlines their script hashes in its headers.
if (existsSync(join(root, 'web/dist'))) symlinkSync(join(root, 'web/dist'), join(checkout, 'web/dist'));
const sides: Side[] = [];
try {
  const before = await side('before', 'bench-baseline', o.port, checkout);
  sides.push(before);
  const after = await side('after', 'bench-pamong', o.port + 1, root);
  sides.push(after);
  const comparisons: Comparison[] = [];
  const intake = await compare(after.server, before.server, o, {
    ours: { method: 'POST', requests: mixRequests(after.mix, '/api/regions/32.11/complaints') },
    base: { method: 'POST', requests: mixRequests(before.mix, '/api/regions/32.11/complaints') },
  }, true);
  comparisons.push({ what: 'complaint intake (POST)', engine: 'postgres', ...intake, openLoop: [] });
  const track = await compare(after.server, before.server, o, { ours: { method: 'GET', requests: tracking(after) }, base: { method: 'GET', requests: tracking(before) } }, true);
  comparisons.push({ what: 'tracking page data (GET)', engine: 'postgres', ...track, openLoop: [] });

  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  console.log(`\n## This checkout (${head}) against ${ref}\n\nMachine: ${machine()}. ${o.rounds} ABBA pairs of rounds, ${o.seconds} s per server and test; "Pamong" is this checkout, "baseline" is ${ref}.\n`);
  for (const line of comparisonTable(comparisons)) console.log(line);
  for (const c of comparisons) {
    const { min, max } = c.ratio;
    const verdict = max < 1 ? 'slower in every pair: a regression' : min > 1 ? 'faster in every pair' : 'within noise';
    console.log(`- ${c.what}: median ${c.ratio.median.toFixed(2)}× (${min.toFixed(2)}–${max.toFixed(2)}), ${verdict}`);
  }
} finally {
  for (const s of sides) {
    await s.server.stop();
    await dropDatabase(s.database);
  }
  execFileSync('git', ['worktree', 'remove', '--force', checkout], { cwd: root, stdio: 'ignore' });
}

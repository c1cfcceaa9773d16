// npm run verify: the slow robustness checks, separate from `npm test`.
// Prints every check with what it found and exits non-zero if one failed.
//
//   npm run verify [-- crash outage hostile backup pooler cluster replica soak]   (default: all)
//   VERIFY_SOAK_MINUTES=10   HOSTILE_RUNS=1000   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
//
// The outage part stops the local PostgreSQL for a few seconds and always
// starts it again, also when interrupted.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { envNumber, machine, postgresReachable, root } from '../../bench/support.js';
import { crashSafety } from './crash.js';
import { ensurePostgresRunning, outage } from './outage.js';
import { backupRoundTrip } from './backup.js';
import { soak } from './soak.js';
import { pooler } from './pooler.js';
import { cluster } from './cluster.js';
import { replica } from './replica.js';
import { check, type Check } from './report.js';

const all = ['crash', 'outage', 'hostile', 'backup', 'pooler', 'cluster', 'replica', 'soak'];
const args = process.argv.slice(2).filter((a) => all.includes(a));
const parts = args.length ? args : (process.env.VERIFY_ONLY?.split(',') ?? all);
const started = performance.now();
const checks: Check[] = [];
const log = (line: string) => console.error(`[verify ${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
const PORT = envNumber('VERIFY_PORT', 3840);

// Whatever happens, PostgreSQL is left running.
process.on('exit', () => parts.includes('outage') && ensurePostgresRunning());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (parts.includes('outage')) ensurePostgresRunning();
    process.exit(130);
  });
}

const postgres = await postgresReachable();
const engines = postgres ? (['postgres', 'pglite'] as const) : (['pglite'] as const);
const attempt = async (part: string, run: () => Promise<Check[]>) => {
  log(part);
  try {
    checks.push(...(await run()));
  } catch (err) {
    // A failed command's own words (its stderr) say more than our stack.
    const said = (err as { stderr?: string }).stderr?.trim().split('\n').slice(-6).join(' ');
    checks.push(check(part, 'runs to the end', false, `${String((err as Error).stack ?? err).split('\n').slice(0, 2).join(' ')}${said ? `: ${said}` : ''}`));
  }
};

if (parts.includes('crash')) for (const engine of engines) await attempt(`crash safety, ${engine}`, () => crashSafety(engine, PORT));
if (parts.includes('outage')) {
  if (postgres) await attempt('database outage, postgres', () => outage(PORT + 1));
  else checks.push(check('database outage', 'skipped', true, 'PostgreSQL not reachable'));
}
if (parts.includes('hostile')) {
  await attempt('hostile input', async () => {
    const runs = envNumber('HOSTILE_RUNS', 1000);
    log(`hostile input and tenant isolation: vitest, ${runs} requests per property and engine`);
    const res = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/hostile.test.ts', 'test/isolation.test.ts'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, HOSTILE_RUNS: String(runs), ...(postgres ? { PAMONG_TEST_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' } : {}) },
    });
    const out = `${res.stdout}\n${res.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    const summary = /Tests\s+(.+)/.exec(out)?.[1]?.trim() ?? 'no summary';
    const failure = /(Counterexample: .{0,400}|AssertionError: .{0,400})/.exec(out)?.[1];
    return [check('hostile input', `every route and Open311 under ${runs} random and ${runs} nearly valid requests per engine; tenant isolation from the route table`, res.status === 0, `${summary}${failure ? `; ${failure}` : ''}`)];
  });
}
if (parts.includes('backup')) for (const engine of engines) await attempt(`backup and restore, ${engine}`, () => backupRoundTrip(engine, PORT + 2));
if (parts.includes('pooler')) {
  if (postgres) await attempt('PgBouncer, transaction mode', () => pooler(PORT + 4, PORT + 5));
  else checks.push(check('PgBouncer', 'skipped', true, 'PostgreSQL not reachable'));
}
if (parts.includes('cluster')) {
  if (postgres) await attempt('instances behind HAProxy', () => cluster(PORT + 6, PORT + 9));
  else checks.push(check('instances behind HAProxy', 'skipped', true, 'PostgreSQL not reachable'));
}
// Its own throwaway PostgreSQL primary and replica (ports 5491, 5492): needs only PostgreSQL's binaries.
if (parts.includes('replica')) await attempt('streaming replica', () => replica(PORT + 10));
if (parts.includes('soak')) await attempt(`soak, ${engines[0]}`, () => soak(engines[0], envNumber('VERIFY_SOAK_MINUTES', 10), PORT + 3));

const failed = checks.filter((c) => !c.ok);
console.log(`\n## Pamong verify, ${new Date().toISOString().slice(0, 10)}: ${checks.length - failed.length} passed, ${failed.length} failed (${((performance.now() - started) / 60_000).toFixed(1)} min)\n`);
console.log(`Machine: ${machine()}. Command: ${process.env.VERIFY_SOAK_MINUTES ? `VERIFY_SOAK_MINUTES=${process.env.VERIFY_SOAK_MINUTES} ` : ''}npm run verify${args.length ? ` -- ${args.join(' ')}` : ''}\n`);
console.log('| part | check | result | found |');
console.log('|---|---|---|---|');
for (const c of checks) console.log(`| ${c.part} | ${c.check} | ${c.ok ? 'pass' : '**FAIL**'} | ${c.detail.replace(/\|/g, '/')} |`);
process.exitCode = failed.length ? 1 : 0;

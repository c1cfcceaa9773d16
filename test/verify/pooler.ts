// PgBouncer in transaction mode (Debian's, 1.18) between Pamong and
// PostgreSQL, with fewer server connections than Pamong's pool, so that one
// Pamong connection's statements land on several server sessions. Pamong
// migrates an empty database over DATABASE_DIRECT_URL (the migration lock is
// a session lock), seeds the demo and serves mixed load through the pooler
// with DATABASE_NAMED_STATEMENTS=false; every acknowledged report must be
// stored. The same load with named statements shows the trap the README
// describes: PgBouncer 1.18 does not carry a prepared statement from one
// server session to another.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { adminQuery, databaseUrl, dropDatabase, load, sleep, startPamong, type Server } from '../../bench/support.js';
import { mixedRequests } from '../../bench/memory.js';
import { check, type Check } from './report.js';

const NAME = 'pamong_verify_pooler';
/** Server connections PgBouncer keeps: fewer than Pamong's pool of 20. */
const SERVER_CONNECTIONS = 4;

async function complaintsStored(): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl(NAME) });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('select count(*)::int as n from complaints')).rows[0].n;
  } finally {
    await client.end();
  }
}

export async function pooler(port: number, poolerPort: number): Promise<Check[]> {
  const part = 'PgBouncer, transaction mode';
  if (spawnSync('pgbouncer', ['--version']).error) return [check(part, 'skipped', true, 'pgbouncer not installed (apt-get install pgbouncer)')];
  const dir = mkdtempSync(join(tmpdir(), 'pamong-pgbouncer-'));
  chmodSync(dir, 0o777); // PgBouncer refuses to run as root: it runs as postgres and writes its log here
  const direct = new URL(databaseUrl(NAME));
  writeFileSync(join(dir, 'userlist.txt'), `"${direct.username || 'postgres'}" ""\n`);
  writeFileSync(join(dir, 'pgbouncer.ini'), [
    '[databases]',
    `${NAME} = host=${direct.hostname} port=${direct.port || 5432} dbname=${NAME}`,
    '[pgbouncer]',
    `listen_addr = 127.0.0.1`, `listen_port = ${poolerPort}`, 'unix_socket_dir =',
    'auth_type = trust', `auth_file = ${join(dir, 'userlist.txt')}`,
    'pool_mode = transaction', `default_pool_size = ${SERVER_CONNECTIONS}`, 'max_client_conn = 200',
    `logfile = ${join(dir, 'pgbouncer.log')}`, 'ignore_startup_parameters = extra_float_digits,application_name',
  ].join('\n'));
  await dropDatabase(NAME);
  await adminQuery(`create database ${NAME}`);
  const bouncer = spawn('pgbouncer', [...(process.getuid?.() === 0 ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  const servers: Server[] = [];
  try {
    await sleep(500);
    const pooled = `postgres://${direct.username || 'postgres'}@127.0.0.1:${poolerPort}/${NAME}`;
    const unnamed = await startPamong({ DATABASE_URL: pooled, DATABASE_DIRECT_URL: direct.toString(), DATABASE_NAMED_STATEMENTS: 'false', PAMONG_DEMO: 'true', PAMONG_WORKERS: 'true' }, port, { quiet: true });
    servers.push(unnamed);
    const requests = await mixedRequests(unnamed);
    const before = await complaintsStored();
    const result = await load({ url: unnamed.url('/'), seconds: 20, connections: 20, requests });
    const acknowledged = result.statuses['201'] ?? 0;
    const stored = (await complaintsStored()) - before;
    await unnamed.stop();
    servers.pop();

    const named = await startPamong({ DATABASE_URL: pooled, PAMONG_WORKERS: 'false' }, port, { quiet: true });
    servers.push(named);
    const trap = await load({ url: named.url('/'), seconds: 10, connections: 20, requests: await mixedRequests(named).catch(() => requests) });
    return [
      check(part, `migrated over DATABASE_DIRECT_URL, seeded and served mixed load through PgBouncer (${SERVER_CONNECTIONS} server connections for a pool of 20) with unnamed statements`,
        // Stored may exceed acknowledged by the reports in flight when the load stopped (at most one per connection), never fall short.
        result.errors === 0 && result.requests > 0 && stored >= acknowledged && stored - acknowledged <= 20,
        `${result.requests} requests in 20 s (${Math.round(result.rps)} req/s, p99 ${result.p99} ms), ${result.errors} errors, statuses ${JSON.stringify(result.statuses)}; ${acknowledged} reports acknowledged, ${stored} stored (the rest in flight at the end)`),
      check(part, 'the trap the README names: named prepared statements through PgBouncer 1.18 in transaction mode fail', trap.errors > 0,
        `${trap.errors} of ${trap.requests} requests failed with named statements (statuses ${JSON.stringify(trap.statuses)})`),
    ];
  } finally {
    for (const s of servers) await s.stop();
    bouncer.kill('SIGTERM');
    await new Promise((r) => bouncer.once('exit', r));
    await dropDatabase(NAME);
    rmSync(dir, { recursive: true, force: true });
  }
}

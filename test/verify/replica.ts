// Reads that may be slightly stale go to a streaming replica
// (DATABASE_REPLICA_URL). A throwaway primary and replica are made here with
// PostgreSQL's own tools (initdb, pg_basebackup, pg_ctl; as the postgres
// user, on ports of their own: the shared server allows no replication), and
// Pamong runs on them. Checked: the public list is served by the replica and
// shows a new report within a second or two; while replay is paused (the
// replica lags) and after the replica is stopped, the same reads go to the
// primary without a failed request; when the replica catches up they go back.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sleep, startPamong, type Server } from '../../bench/support.js';
import { sampleCategory, signIn } from '../../bench/memory.js';
import { check, type Check } from './report.js';

const PRIMARY_PORT = 5491;
const REPLICA_PORT = 5492;
const MAX_LAG_SECONDS = 2;

const bin = (name: string) => join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().at(-1)!, 'bin', name);
/** PostgreSQL's tools refuse to run as root: run them as postgres then. */
const asPostgres = (tool: string, args: string[]) => execFileSync(process.getuid?.() === 0 ? 'runuser' : bin(tool), process.getuid?.() === 0 ? ['-u', 'postgres', '--', bin(tool), ...args] : args, { stdio: 'pipe' });

async function sqlOn(port: number, database: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/${database}` });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function staleReadCounts(server: Server): Promise<{ replica: number; primary: number }> {
  const text = await (await fetch(server.url('/metrics'))).text();
  const count = (target: string) => Number(new RegExp(`^pamong_stale_reads_total\\{target="${target}"\\} (\\S+)`, 'm').exec(text)?.[1] ?? 0);
  return { replica: count('replica'), primary: count('primary') };
}

export async function replica(port: number): Promise<Check[]> {
  const part = 'streaming replica';
  if (!existsSync('/usr/lib/postgresql')) return [check(part, 'skipped', true, "PostgreSQL's server binaries not installed (apt-get install postgresql)")];
  const dir = mkdtempSync(join(tmpdir(), 'pamong-replica-'));
  chmodSync(dir, 0o777);
  const primaryDir = join(dir, 'primary');
  const replicaDir = join(dir, 'replica');
  const started: string[] = [];
  let server: Server | null = null;
  try {
    asPostgres('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    appendFileSync(join(primaryDir, 'postgresql.conf'), `\nport = ${PRIMARY_PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\n`);
    asPostgres('pg_ctl', ['-D', primaryDir, '-l', join(dir, 'primary.log'), '-w', 'start']);
    started.push(primaryDir);
    await sqlOn(PRIMARY_PORT, 'postgres', 'create database pamong');
    asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(PRIMARY_PORT), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream']);
    appendFileSync(join(replicaDir, 'postgresql.conf'), `\nport = ${REPLICA_PORT}\n`);
    asPostgres('pg_ctl', ['-D', replicaDir, '-l', join(dir, 'replica.log'), '-w', 'start']);
    started.push(replicaDir);

    server = await startPamong({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${PRIMARY_PORT}/pamong`, DATABASE_REPLICA_URL: `postgres://postgres@127.0.0.1:${REPLICA_PORT}/pamong`,
      DATABASE_REPLICA_MAX_LAG: String(MAX_LAG_SECONDS), PAMONG_DEMO: 'true',
    }, port, { quiet: true });
    const front = server;
    const categoryId = await sampleCategory(front);
    const report = async () => ((await (await fetch(front.url('/api/regions/32.11/complaints'), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId, description: `Sampah menumpuk di tepi jalan, laporan ${Date.now()}` }),
    })).json()) as { trackingCode: string }).trackingCode;
    const listed = async () => {
      const res = await fetch(front.url('/api/regions/32.11/complaints/public?limit=20'));
      return { status: res.status, codes: res.status === 200 ? ((await res.json()) as { trackingCode: string }[]).map((r) => r.trackingCode) : [] };
    };
    /** Polls the public list until `code` shows; how long it took, or null. */
    const seenWithin = async (code: string, ms: number) => {
      const from = Date.now();
      while (Date.now() - from < ms) {
        if ((await listed()).codes.includes(code)) return Date.now() - from;
        await sleep(100);
      }
      return null;
    };
    const checks: Check[] = [];

    // 1. Caught up: the list comes from the replica and shows a new report quickly.
    await sleep(1_500);
    let before = await staleReadCounts(front);
    const first = await report();
    const took = await seenWithin(first, 5_000);
    const head = await signIn(front, 'bupati@sumedang.demo');
    const dashboard = (await fetch(front.url('/api/regions/32.11/dashboard'), { headers: { cookie: head.cookie } })).status;
    let after = await staleReadCounts(front);
    checks.push(check(part, 'the public list and the dashboard are read on the replica; a new report shows within 2 s', took !== null && took <= 2_000 && dashboard === 200 && after.replica >= before.replica + 2 && after.primary === before.primary,
      `seen after ${took ?? 'never'} ms; dashboard ${dashboard}; reads on the replica +${after.replica - before.replica}, on the primary +${after.primary - before.primary}`));

    // 2. Lagging: replay paused, the replica falls behind; reads go to the primary and see the newest report.
    await sqlOn(REPLICA_PORT, 'pamong', 'select pg_wal_replay_pause()');
    const second = await report();
    await sleep((MAX_LAG_SECONDS + 1.5) * 1000);
    before = await staleReadCounts(front);
    const whileLagging = await listed();
    after = await staleReadCounts(front);
    checks.push(check(part, `a replica more than ${MAX_LAG_SECONDS} s behind is not read: the primary answers, with the newest report`,
      whileLagging.status === 200 && whileLagging.codes.includes(second) && after.primary > before.primary && after.replica === before.replica,
      `list ${whileLagging.status}, newest report ${whileLagging.codes.includes(second) ? 'shown' : 'missing'}; reads on the primary +${after.primary - before.primary}, on the replica +${after.replica - before.replica}`));
    await sqlOn(REPLICA_PORT, 'pamong', 'select pg_wal_replay_resume()');
    await sleep(2_000);
    before = await staleReadCounts(front);
    await listed();
    after = await staleReadCounts(front);
    checks.push(check(part, 'once it has caught up, the replica is read again', after.replica > before.replica, `reads on the replica +${after.replica - before.replica} after resuming replay`));

    // 3. Down: stopped at once; every read in the next seconds still answers (from the primary).
    asPostgres('pg_ctl', ['-D', replicaDir, '-m', 'immediate', 'stop']);
    started.pop();
    before = await staleReadCounts(front);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push((await listed()).status);
      await sleep(100);
    }
    after = await staleReadCounts(front);
    checks.push(check(part, 'with the replica down every read still answers, from the primary', statuses.every((s) => s === 200) && after.primary >= before.primary + 20,
      `${statuses.filter((s) => s === 200).length} of ${statuses.length} answered 200; reads on the primary +${after.primary - before.primary}`));
    return checks;
  } finally {
    await server?.stop();
    for (const d of started.reverse()) {
      try {
        asPostgres('pg_ctl', ['-D', d, '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

// Database outage: PostgreSQL stops under load and starts again. Requests fail
// fast with a 503 in the standard error shape, /healthz says so, and service
// resumes by itself. PostgreSQL is started again whatever happens (other work
// on this machine uses it).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { freshDatabase, sleep, startPamong } from '../../bench/support.js';
import { sampleCategory } from '../../bench/memory.js';
import { check, type Check } from './report.js';

const cluster = () => readdirSync('/etc/postgresql')[0];
const pgctl = (action: 'stop' | 'start') => execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster(), 'main', action], { stdio: 'ignore' });
const ready = () => {
  try {
    execFileSync('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']);
    return true;
  } catch {
    return false;
  }
};

/** Starts PostgreSQL if it is not running; also on the way out of this process, however it ends. */
export function ensurePostgresRunning(): void {
  if (ready()) return;
  try {
    pgctl('start');
  } catch {
    // already starting, or started by someone else
  }
  for (let i = 0; i < 60 && !ready(); i++) execFileSync('sleep', ['0.5']);
}

interface Answer { at: number; ms: number; status: number; code?: string; shape: boolean; retryAfter: string | null; error?: string }

export async function outage(port: number): Promise<Check[]> {
  const part = 'database outage, postgres';
  const checks: Check[] = [];
  const db = await freshDatabase('postgres', 'pamong_verify_outage');
  const server = await startPamong({ ...db.env, PAMONG_WORKERS: 'true' }, port, { quiet: true });
  const answers: Answer[] = [];
  const health: { at: number; status: number; body: string }[] = [];
  let stopping = false;
  let stoppedAt = 0;
  let startedAt = 0;
  try {
    const categoryId = await sampleCategory(server);
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await fetch(server.url('/api/regions/32.11/complaints'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ categoryId, description: 'Saluran air tersumbat di jalan utama desa' }) });
      codes.push(((await res.json()) as { trackingCode: string }).trackingCode);
    }
    const t0 = performance.now();
    const client = async (i: number) => {
      for (let k = 0; !stopping; k++) {
        const write = (i + k) % 3 === 0;
        const started = performance.now();
        const answer: Answer = { at: started - t0, ms: 0, status: 0, shape: false, retryAfter: null };
        try {
          const res = await fetch(server.url(write ? '/api/regions/32.11/complaints' : `/api/regions/32.11/complaints/track/${codes[k % codes.length]}`), {
            method: write ? 'POST' : 'GET', headers: { 'content-type': 'application/json' },
            body: write ? JSON.stringify({ categoryId, description: 'Saluran air tersumbat di jalan utama desa' }) : undefined,
            signal: AbortSignal.timeout(20_000),
          });
          answer.status = res.status;
          answer.retryAfter = res.headers.get('retry-after');
          const body = (await res.json()) as { error?: { code: string; status: number; message: string; messages: { id: string; en: string } } };
          answer.code = body.error?.code;
          answer.shape = !body.error || (typeof body.error.message === 'string' && !!body.error.messages?.id && !!body.error.messages?.en && body.error.status === res.status);
        } catch (err) {
          answer.error = (err as Error).name;
        }
        answer.ms = performance.now() - started;
        answers.push(answer);
        if (answer.status !== 200 && answer.status !== 201) await sleep(50);
      }
    };
    const watcher = async () => {
      while (!stopping) {
        const res = await fetch(server.url('/healthz'), { signal: AbortSignal.timeout(20_000) }).catch(() => null);
        health.push({ at: performance.now() - t0, status: res?.status ?? 0, body: res ? await res.text() : '' });
        await sleep(250);
      }
    };
    const running = [...Array.from({ length: 10 }, (_, i) => client(i)), watcher()];
    await sleep(3_000);
    stoppedAt = performance.now() - t0;
    pgctl('stop');
    await sleep(6_000);
    pgctl('start');
    startedAt = performance.now() - t0;
    while (!ready()) await sleep(200);
    await sleep(6_000);
    stopping = true;
    await Promise.all(running);
  } finally {
    ensurePostgresRunning();
    await server.stop();
    await db.remove().catch(() => undefined);
  }

  const ok = (a: Answer) => a.status === 200 || a.status === 201;
  const before = answers.filter((a) => a.at < stoppedAt - 100);
  const during = answers.filter((a) => a.at > stoppedAt + 1_500 && a.at < startedAt);
  const failures = answers.filter((a) => !ok(a));
  const hung = answers.filter((a) => a.error);
  const wrong = failures.filter((a) => a.status !== 503 || a.code !== 'service.unavailable' || !a.shape || a.retryAfter === null);
  const slowest = Math.max(0, ...failures.map((a) => a.ms));
  const firstOkAfter = answers.filter((a) => a.at > startedAt && ok(a)).map((a) => a.at)[0];
  const tail = answers.filter((a) => a.at > startedAt + 3_000);
  checks.push(check(part, 'before the outage every request succeeds', before.length > 0 && before.every(ok), `${before.filter(ok).length}/${before.length} succeeded`));
  checks.push(check(part, 'during the outage requests fail fast with 503 service.unavailable in the standard shape, with Retry-After', during.length > 0 && failures.length > 0 && wrong.length === 0 && hung.length === 0 && slowest < 6_000,
    `${failures.length} failed requests, ${wrong.length} of them not a well-formed 503, ${hung.length} without an answer, slowest failure ${slowest.toFixed(0)} ms; statuses ${JSON.stringify(Object.fromEntries([...new Set(answers.map((a) => a.status))].map((s) => [s, answers.filter((a) => a.status === s).length])))}`));
  const downHealth = health.filter((h) => h.at > stoppedAt + 1_500 && h.at < startedAt);
  const upHealth = health.filter((h) => h.at > startedAt + 3_000);
  checks.push(check(part, '/healthz reports the database down, then up', downHealth.length > 0 && downHealth.every((h) => h.status === 503 && h.body.includes('"database":"down"')) && upHealth.length > 0 && upHealth.every((h) => h.status === 200),
    `during: ${[...new Set(downHealth.map((h) => h.status))].join('/')}, after: ${[...new Set(upHealth.map((h) => h.status))].join('/')}`));
  checks.push(check(part, 'service resumes by itself when PostgreSQL is back', firstOkAfter !== undefined && tail.length > 0 && tail.every(ok),
    `first success ${firstOkAfter === undefined ? 'never' : `${((firstOkAfter - startedAt) / 1000).toFixed(1)} s`} after the start command; ${tail.filter(ok).length}/${tail.length} succeeded from 3 s on`));
  return checks;
}

// Three Pamong instances behind HAProxy (Debian's) on one PostgreSQL, each
// with its background worker: a session opened on one instance holds on the
// others, a rate limit holds across them within its documented bound, and
// when one instance is killed (-9) under load no acknowledged report is lost,
// no receipt email goes out twice, and requests fail for a bounded time only.
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { freshDatabase, sleep, startPamong, type Server } from '../../bench/support.js';
import { sampleCategory, signIn } from '../../bench/memory.js';
import { startSmtp } from '../support/smtp.js';
import { check, type Check } from './report.js';

const INSTANCES = 3;
/** The longest stretch of failing requests accepted after an instance dies: HAProxy's health check (every 0.5 s, down after 2 failures) plus the requests in flight on it. */
export const FAILOVER_BOUND_MS = 3_000;
const LOAD_SECONDS = 16;
const KILL_AFTER_MS = 6_000;

function haproxyConfig(port: number, backends: number[]): string {
  return [
    'global', '  maxconn 2000',
    'defaults', '  mode http', '  timeout connect 1s', '  timeout client 30s', '  timeout server 30s',
    // A request that never reached an instance (refused connection) is safe to send to another, whatever its method.
    '  retries 3', '  option redispatch', '  retry-on conn-failure',
    `frontend pamong`, `  bind 127.0.0.1:${port}`, '  default_backend instances',
    'backend instances', '  balance roundrobin', '  option httpchk GET /healthz', '  http-check expect status 200',
    '  default-server inter 500 fall 2 rise 2',
    ...backends.map((p, i) => `  server pamong${i + 1} 127.0.0.1:${p} check`),
  ].join('\n') + '\n';
}

export async function cluster(port: number, proxyPort: number): Promise<Check[]> {
  const part = `${INSTANCES} instances behind HAProxy`;
  if (spawnSync('haproxy', ['-v']).error) return [check(part, 'skipped', true, 'haproxy not installed (apt-get install haproxy)')];
  const db = await freshDatabase('postgres', 'pamong_verify_cluster');
  const smtp = await startSmtp();
  const dir = mkdtempSync(join(tmpdir(), 'pamong-haproxy-'));
  const instances: Server[] = [];
  const ports = Array.from({ length: INSTANCES }, (_, i) => port + i);
  writeFileSync(join(dir, 'haproxy.cfg'), haproxyConfig(proxyPort, ports));
  const proxy = spawn('haproxy', ['-db', '-f', join(dir, 'haproxy.cfg')], { stdio: 'ignore' });
  const front = { url: (path: string) => `http://127.0.0.1:${proxyPort}${path}` } as Server;
  const checks: Check[] = [];
  try {
    const env = { ...db.env, PAMONG_WORKERS: 'true', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' };
    for (const p of ports) instances.push(await startPamong(env, p, { quiet: true }));
    await sleep(1_500); // HAProxy sees every instance up (rise 2 × 0.5 s)

    // A session opened through one instance is good on all of them (round robin spreads the requests).
    const staff = await signIn(front, 'koordinator@sumedang.demo');
    const inbox = await Promise.all(Array.from({ length: INSTANCES * 3 }, () => fetch(front.url('/api/regions/32.11/inbox'), { headers: { cookie: staff.cookie } }).then((r) => r.status)));
    checks.push(check(part, 'a session opened on one instance holds on every instance', inbox.every((s) => s === 200), `inbox answered ${JSON.stringify(inbox)} to ${inbox.length} requests spread over ${INSTANCES} instances`));

    // Wrong passwords for one account from one address: 10 a minute, shared through the database (platform/http/rate-limit.ts: at most max + (N − 1)·⌊max/4⌋).
    const bound = 10 + (INSTANCES - 1) * Math.floor(10 / 4);
    // All attempts in one fixed window: start just after a minute begins when the current one is nearly over (argon2 makes each attempt slow).
    if (new Date().getSeconds() > 40) await sleep((61 - new Date().getSeconds()) * 1000);
    const attempts: number[] = [];
    for (let i = 0; i < 25; i++) {
      attempts.push((await fetch(front.url('/api/auth/sign-in'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bupati@sumedang.demo', password: `salah-${i}` }) })).status);
    }
    const refused = attempts.filter((s) => s === 429).length;
    const tried = attempts.filter((s) => s === 401).length;
    checks.push(check(part, `a rate limit holds across instances (wrong passwords for one account: at most ${bound} tried)`, tried >= 10 && tried <= bound && refused === attempts.length - tried,
      `${tried} tried (401), ${refused} refused (429) of ${attempts.length}`));

    // Kill one instance in the middle of reports and tracking.
    const categoryId = await sampleCategory(front);
    const acknowledged: string[] = [];
    const failures: number[] = [];
    const started = Date.now();
    let n = 0;
    let finish: (r: autocannon.Result) => void = () => undefined;
    let fail: (e: unknown) => void = () => undefined;
    const finished = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
    const instance = autocannon({
      url: front.url('/'), connections: 20, duration: LOAD_SECONDS, timeout: 10,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req, path: '/api/regions/32.11/complaints',
            headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            // One report in ten leaves an email: enough receipts for the workers to share, few enough to drain in seconds.
            body: JSON.stringify({ categoryId, description: `Sampah menumpuk di tepi jalan nomor ${++n}, belum diangkut`, ...(n % 10 === 0 ? { anonymous: false, reporter: { name: `Warga ${n}`, email: `warga${n}@klaster.test` } } : {}) }),
          }),
          onResponse: (status, body) => {
            if (status === 201) acknowledged.push((JSON.parse(body) as { trackingCode: string }).trackingCode);
          },
        },
        { method: 'GET', path: '/api/regions/32.11/complaints/public' },
      ],
    }, (err, r) => (err ? fail(err) : finish(r)));
    instance.on('response', (_client: unknown, status: number) => {
      if (status >= 400) failures.push(Date.now() - started);
    });
    instance.on('reqError', () => failures.push(Date.now() - started));
    const killer = sleep(KILL_AFTER_MS).then(async () => {
      await instances[1].kill();
      return fetch(instances[1].url('/healthz')).then(() => 'still answering', () => 'gone');
    });
    const result = await finished;
    const killed = await killer;
    const window = failures.length ? Math.max(...failures) - Math.min(...failures) : 0;
    checks.push(check(part, `one instance killed (-9) under load: requests fail for at most ${FAILOVER_BOUND_MS / 1000} s, then all succeed`,
      killed === 'gone' && window <= FAILOVER_BOUND_MS && failures.every((t) => t >= KILL_AFTER_MS - 100) && failures.length === result.non2xx + result.errors,
      `${result.requests.total} requests in ${LOAD_SECONDS} s, instance 2 killed at ${KILL_AFTER_MS / 1000} s (then ${killed}); ${failures.length} failed (${result.non2xx} non-2xx, ${result.errors} errors), all within ${(window / 1000).toFixed(2)} s${failures.length ? ` from ${(Math.min(...failures) / 1000).toFixed(2)} s` : ''}`));

    // Every acknowledged report is stored once; the two survivors' workers send the receipts, none twice.
    const database = await db.open();
    try {
      // autocannon hands over the bodies of some answers only; every one it hands over is checked by code, and all answers by count.
      const [{ stored, distinct }] = await database.rows<{ stored: number; distinct: number }>(sql`select count(*)::int as stored, count(distinct tracking_code)::int as distinct
        from complaints where tracking_code in (select jsonb_array_elements_text(${JSON.stringify(acknowledged)}::jsonb))`);
      const [{ all }] = await database.rows<{ all: number }>(sql`select count(*)::int as all from complaints where description like 'Sampah menumpuk di tepi jalan nomor %'`);
      const answered = result.statusCodeStats?.['201']?.count ?? 0;
      checks.push(check(part, 'no acknowledged report is lost, none is stored twice', stored === acknowledged.length && distinct === acknowledged.length && all >= answered && all - answered <= 20 + failures.length,
        `${answered} acknowledged with 201, ${all} stored (the rest in flight at the kill or the end); of ${acknowledged.length} receipts read back, ${stored} found by tracking code (${distinct} distinct)`));
    } finally {
      await database.close();
    }
    // Wait for the outbox to drain, but for the killed instance's leased batch (its lease runs 5 minutes).
    const outbox = async () => {
      const d = await db.open();
      try {
        const [o] = await d.rows<{ due: number; sent: number; failed: number; error: string | null }>(sql`select count(*) filter (where sent_at is null and next_attempt_at <= now())::int as due,
            count(*) filter (where sent_at is not null)::int as sent, count(*) filter (where last_error is not null)::int as failed, max(last_error) as error
          from outbox where payload->>'to' like '%@klaster.test'`);
        return o;
      } finally {
        await d.close();
      }
    };
    let queue = await outbox();
    for (let i = 0; i < 60 && queue.due > 0; i++) {
      await sleep(1_000);
      queue = await outbox();
    }
    const receipts = new Map<string, Set<string>>();
    for (const m of smtp.mails.filter((x) => x.to.some((t) => t.endsWith('@klaster.test')))) {
      const code = /ADU-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(m.raw)?.[0] ?? '?';
      const id = /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1] ?? randomUUID();
      receipts.set(code, (receipts.get(code) ?? new Set()).add(id));
    }
    const doubled = [...receipts.values()].filter((ids) => ids.size > 1).length;
    checks.push(check(part, 'the workers of all instances share the outbox: every receipt due is sent, none as two messages',       // The killed instance may have delivered part of its batch without marking it: those stay leased, and a resend after the lease keeps the Message-ID.
      doubled === 0 && queue.due === 0 && queue.failed === 0 && receipts.size >= queue.sent && receipts.size <= queue.sent + 20,
      `${queue.sent} receipts marked sent, ${receipts.size} received (${receipts.size - queue.sent} delivered by the killed instance before it could mark them), ${queue.due} still due, ${queue.failed} failed${queue.error ? ` (${queue.error})` : ''}, ${doubled} sent as two messages`));
    return checks;
  } finally {
    for (const s of instances) await s.stop();
    proxy.kill('SIGTERM');
    await new Promise((r) => proxy.once('exit', r));
    await smtp.close();
    await db.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

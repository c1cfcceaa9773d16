// Crash safety: kill -9 during a burst of submissions, during the email
// outbox and during the SLA sweep, on one engine; after a restart nothing
// acknowledged is lost, nothing is there twice, and every side effect of a
// complaint (timeline, deadline, receipt email, summary) is there exactly once.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { contextOf, freshDatabase, root, startPamong, sleep, type BenchDatabase } from '../../bench/support.js';
import { sampleCategory } from '../../bench/memory.js';
import { addOverdue } from '../../bench/sweep.js';
import { rebuildStats } from '../../src/modules/complaints/service/stats.js';
import { sweepDeadlines } from '../../src/platform/deadlines/sweep.js';
import { createTransport, sendPendingEmails } from '../../src/platform/notify/outbox.js';
import { startSmtp } from '../support/smtp.js';
import { check, type Check } from './report.js';

const BURST_CONNECTIONS = 20;

/** Files complaints from many clients at once until the server dies; returns the acknowledged ones. */
async function burstUntilKilled(url: string, categoryId: string, kill: () => Promise<void>) {
  const acknowledged: { trackingCode: string; email: string }[] = [];
  let lost = 0;
  let n = 0;
  let dead = false;
  const client = async () => {
    while (!dead) {
      const email = `warga${++n}@contoh.test`;
      try {
        const res = await fetch(`${url}/api/regions/32.11/complaints`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ categoryId, description: 'Jalan berlubang besar di depan sekolah dasar', reporter: { email } }),
        });
        if (res.status === 201) acknowledged.push({ trackingCode: ((await res.json()) as { trackingCode: string }).trackingCode, email });
      } catch {
        lost++; // the answer never came: the complaint may or may not be stored
      }
    }
  };
  const clients = Array.from({ length: BURST_CONNECTIONS }, client);
  // Kill once a good number has been acknowledged, with requests in flight.
  while (acknowledged.length < 150) await sleep(20);
  await kill();
  dead = true;
  await Promise.all(clients);
  return { acknowledged, lost, sent: n };
}

/** Runs test/verify/child.ts and kills it with SIGKILL after its first committed batch. */
async function killAfterFirstBatch(job: 'sweep' | 'send', env: Record<string, string>): Promise<{ killedAfter: number; finished: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/verify/child.ts', job], {
    cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let killedAfter = 0;
  let finished = false;
  for await (const line of createInterface({ input: child.stdout! })) {
    const m = /total (\d+)/.exec(line);
    if (m) {
      killedAfter = Number(m[1]);
      child.kill('SIGKILL');
      break;
    }
    if (line === 'done') finished = true;
  }
  await exited;
  return { killedAfter, finished };
}

export async function crashSafety(engine: 'postgres' | 'pglite', port: number): Promise<Check[]> {
  const part = `crash safety, ${engine}`;
  const checks: Check[] = [];
  const db: BenchDatabase = await freshDatabase(engine, 'pamong_verify_crash');
  try {
    // 1. kill -9 during a burst of submissions, then restart.
    let server = await startPamong(db.env, port, { quiet: true });
    const categoryId = await sampleCategory(server);
    const burst = await burstUntilKilled(server.url(''), categoryId, () => server.kill());
    server = await startPamong(db.env, port, { quiet: true });
    const health = await fetch(server.url('/healthz'));
    checks.push(check(part, 'restarts after kill -9 during a burst', health.status === 200,
      `${burst.sent} sent, ${burst.acknowledged.length} acknowledged with 201, ${burst.lost} without an answer; /healthz ${health.status} after restart`));
    let missing = 0;
    for (const a of burst.acknowledged) {
      const res = await fetch(server.url(`/api/regions/32.11/complaints/track/${a.trackingCode}`));
      if (res.status !== 200) missing++;
    }
    await server.stop();

    const database = await db.open();
    const ctx = contextOf(database);
    try {
      const codes = burst.acknowledged.map((a) => a.trackingCode);
      const [{ stored, distinct }] = await database.rows<{ stored: number; distinct: number }>(sql`select count(*)::int as stored, count(distinct tracking_code)::int as distinct
        from complaints where tracking_code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`);
      checks.push(check(part, 'every acknowledged complaint is there, exactly once', missing === 0 && stored === codes.length && distinct === codes.length,
        `${stored} of ${codes.length} found by tracking code (${missing} missing through the API)`));
      const sides = await database.rows<{ code: string; events: number; deadlines: number; emails: number }>(sql`select c.tracking_code as code,
          (select count(*)::int from complaint_events e where e.region_code = c.region_code and e.complaint_id = c.id and e.kind = 'submitted') as events,
          (select count(*)::int from stage_deadlines d where d.region_code = c.region_code and d.record_id = c.id) as deadlines,
          (select count(*)::int from outbox o where o.payload->>'to' = c.reporter_email) as emails
        from complaints c where c.reporter_email like 'warga%@contoh.test'`);
      const wrong = sides.filter((s) => s.events !== 1 || s.deadlines !== 1 || s.emails !== 1);
      const [{ orphans }] = await database.rows<{ orphans: number }>(sql`select count(*)::int as orphans from outbox o
        where o.payload->>'to' like 'warga%@contoh.test' and not exists (select 1 from complaints c where c.reporter_email = o.payload->>'to')`);
      checks.push(check(part, 'each stored complaint has its timeline entry, deadline and one receipt email; nothing from a lost one', wrong.length === 0 && orphans === 0,
        `${sides.length} stored (${sides.length - codes.length} of them filed just before the kill without an answer); ${wrong.length} incomplete; ${orphans} emails without a complaint`));
      const rebuilt = await rebuildStats(ctx, '32.11');
      checks.push(check(part, 'the dashboard summary is in step after the crash', rebuilt.differing === 0, `rebuild found ${rebuilt.differing} differing summary rows`));

      // 2. kill -9 while the outbox sends, then send the rest after the lease of the killed sender ran out.
      const smtp = await startSmtp();
      await database.close();
      const sending = await killAfterFirstBatch('send', { ...db.env, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' });
      const later = await db.open();
      const laterCtx = { ...contextOf(later, { smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Pamong <no-reply@pamong.local>' } }), clock: { now: () => new Date(Date.now() + 6 * 60_000) } };
      const transport = createTransport(laterCtx);
      while ((await sendPendingEmails(laterCtx, transport)) > 0);
      transport?.close();
      await smtp.close();
      const [{ rows, unsent }] = await later.rows<{ rows: number; unsent: number }>(sql`select count(*)::int as rows, count(*) filter (where sent_at is null)::int as unsent
        from outbox where payload->>'to' like 'warga%@contoh.test'`);
      const ids = smtp.mails.filter((m) => m.to.some((t) => t.endsWith('@contoh.test'))).map((m) => /^Message-ID:\s*(\S+)/im.exec(m.raw)?.[1] ?? '');
      const distinctIds = new Set(ids).size;
      const resent = ids.length - distinctIds;
      checks.push(check(part, 'kill -9 while sending: every email delivered, none as two different messages', unsent === 0 && distinctIds === rows && resent <= 10,
        `killed after ${sending.killedAfter} sent; ${rows} outbox rows, ${distinctIds} distinct messages received, ${resent} resent with the same Message-ID (the batch in flight; receivers drop such a resend)`));

      // 3. kill -9 during the SLA sweep, restart, sweep again.
      await addOverdue(later, 0, 300);
      await later.close();
      const sweeping = await killAfterFirstBatch('sweep', db.env);
      const after = await db.open();
      try {
        // The complaints' escalations only: other modules' demo records have escalation steps of their own (e-SAKIP's late unit report).
        const [{ before }] = await after.rows<{ before: number }>(sql`select count(*)::int as before from stage_escalations where module = 'complaints'`);
        while ((await sweepDeadlines(contextOf(after))) > 0);
        const [e] = await after.rows<{ deadlines: number; wrongStep: number; escalations: number; doubled: number; events: number; complaints: number }>(sql`select
            (select count(*)::int from stage_deadlines d join complaints c on c.region_code = d.region_code and c.id = d.record_id where c.tracking_code like 'SWP-%') as deadlines,
            (select count(*)::int from stage_deadlines d join complaints c on c.region_code = d.region_code and c.id = d.record_id
              where c.tracking_code like 'SWP-%' and (d.escalation_step <> 1 or d.next_check_at <> d.due_at + interval '24 hours')) as "wrongStep",
            (select count(*)::int from stage_escalations where module = 'complaints') as escalations,
            (select count(*)::int from (select 1 from stage_escalations where module = 'complaints' group by region_code, record_id, stage, round having count(*) > 1) x) as doubled,
            (select count(*)::int from complaint_events where kind = 'escalated') as events,
            (select count(distinct complaint_id)::int from complaint_events where kind = 'escalated') as complaints`);
        checks.push(check(part, 'kill -9 during the SLA sweep: each overdue stage escalated exactly once', sweeping.killedAfter > 0 && e.escalations === 300 && e.doubled === 0 && e.wrongStep === 0 && e.events === 300 && e.complaints === 300,
          `killed after ${sweeping.killedAfter} steps (${before} committed before the kill); then ${e.escalations} escalations for ${e.deadlines} overdue stages, ${e.doubled} doubled, ${e.wrongStep} with a wrong next step, ${e.events} timeline entries`));
      } finally {
        await after.close();
      }
    } catch (err) {
      await database.close().catch(() => undefined);
      throw err;
    }
  } finally {
    await db.remove();
  }
  return checks;
}

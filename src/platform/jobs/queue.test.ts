// The job queue: a job queued in a transaction runs only if it commits, once
// per attempt even with two workers, retries with backoff, is set aside after
// its last attempt, and a crashed worker's job is taken again when its lease ends.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { describeWithApp } from '../../../test/harness.js';
import type { JobDeclaration } from '../modules/contract.js';
import { backoffMs, claimJobs, enqueueJob, runDueJobs } from './queue.js';

describeWithApp('job queue', (h) => {
  const ran: string[] = [];
  let failures = 0;
  const note: JobDeclaration<{ text: string }> = {
    name: 'test.note', payload: z.object({ text: z.string().min(1) }),
    async run(_ctx, p) { ran.push(p.text); },
  };
  const flaky: JobDeclaration<{ n: number }> = {
    name: 'test.flaky', payload: z.object({ n: z.number() }), maxAttempts: 3,
    async run() { failures++; throw new Error('server down'); },
  };
  const slow: JobDeclaration<Record<string, never>> = { name: 'test.slow', payload: z.object({}), leaseSeconds: 60, async run() { ran.push('slow'); } };
  const declared = new Map<string, JobDeclaration>([note, flaky, slow].map((j) => [j.name, j as JobDeclaration]));
  const run = () => runDueJobs(h.ctx, 10, declared);
  const jobRow = async (id: number) => (await h.ctx.database.rows<{ attempts: number; run_at: string; failed_at: string | null; last_error: string | null }>(
    sql`select attempts, run_at::text, failed_at::text, last_error from jobs where id = ${id}`))[0];

  it('checks the payload when a job is queued', async () => {
    await expect(enqueueJob(h.ctx.database.db, h.clock.now(), note, { text: '' })).rejects.toThrow();
    await expect(enqueueJob(h.ctx.database.db, h.clock.now(), note, { nope: 1 } as never)).rejects.toThrow();
  });

  it('runs a job only if the transaction that queued it commits, and once', async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      await enqueueJob(tx, h.clock.now(), note, { text: 'committed' });
    });
    await expect(h.ctx.database.db.transaction(async (tx) => {
      await enqueueJob(tx, h.clock.now(), note, { text: 'rolled back' });
      throw new Error('use case failed');
    })).rejects.toThrow('use case failed');
    expect(await run()).toBe(1);
    expect(ran).toEqual(['committed']);
    expect(await run()).toBe(0);
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from jobs`);
    expect(n).toBe(0);
  });

  it('waits for a job queued for later', async () => {
    ran.length = 0;
    await enqueueJob(h.ctx.database.db, h.clock.now(), note, { text: 'tomorrow' }, { runAt: new Date(h.clock.now().getTime() + 86_400_000) });
    expect(await run()).toBe(0);
    h.clock.advanceHours(24);
    expect(await run()).toBe(1);
    expect(ran).toEqual(['tomorrow']);
  });

  it('gives each job to one worker even when two run at once', async () => {
    ran.length = 0;
    for (let i = 0; i < 12; i++) await enqueueJob(h.ctx.database.db, h.clock.now(), note, { text: `n${i}` });
    const [a, b] = await Promise.all([runDueJobs(h.ctx, 5, declared), runDueJobs(h.ctx, 5, declared)]);
    let rest = 0;
    for (let n = await run(); n > 0; n = await run()) rest += n;
    expect(a + b + rest).toBe(12);
    expect(ran.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `n${i}`).sort());
  });

  it('retries a failing job with exponential backoff, then sets it aside', async () => {
    const id = await enqueueJob(h.ctx.database.db, h.clock.now(), flaky, { n: 1 });
    expect(await run()).toBe(1);
    let row = await jobRow(id);
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBe('server down');
    expect(new Date(row.run_at).getTime()).toBe(h.clock.now().getTime() + backoffMs(1));
    expect(await run()).toBe(0); // not before its time
    h.clock.advance(backoffMs(1));
    expect(await run()).toBe(1);
    expect(new Date((await jobRow(id)).run_at).getTime()).toBe(h.clock.now().getTime() + backoffMs(2));
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    h.clock.advance(backoffMs(2));
    expect(await run()).toBe(1);
    row = await jobRow(id);
    expect(row.attempts).toBe(3);
    expect(row.failed_at).not.toBeNull();
    h.clock.advanceHours(24);
    expect(await run()).toBe(0);
    expect(failures).toBe(3);
  });

  it('takes a crashed worker\'s job again when its lease runs out, with the job\'s own lease', async () => {
    ran.length = 0;
    await enqueueJob(h.ctx.database.db, h.clock.now(), slow, {});
    // A worker claims it and dies before settling it.
    expect(await claimJobs(h.ctx, 10, declared)).toHaveLength(1);
    expect(await run()).toBe(0);
    h.clock.advance(59_000);
    expect(await run()).toBe(0);
    h.clock.advance(1_000);
    expect(await run()).toBe(1);
    expect(ran).toEqual(['slow']);
  });

  it('sets aside a job no installed module declares', async () => {
    await h.ctx.database.db.execute(sql`insert into jobs (name, payload, created_at, run_at, max_attempts) values ('gone.job', '{}', ${h.clock.now()}, ${h.clock.now()}, 1)`);
    expect(await run()).toBe(1);
    const [row] = await h.ctx.database.rows<{ failed_at: string | null; last_error: string }>(sql`select failed_at::text, last_error from jobs where name = 'gone.job'`);
    expect(row.failed_at).not.toBeNull();
    expect(row.last_error).toContain('gone.job');
  });

  it('shows the queue and the runs in /metrics', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toMatch(/pamong_jobs\{name="test.flaky",state="failed"\} 1/);
    expect(res.body).toMatch(/pamong_jobs\{name="gone.job",state="failed"\} 1/);
    expect(res.body).toMatch(/pamong_job_runs_total\{name="test.flaky",outcome="retry"\} [1-9]/);
    expect(res.body).toMatch(/pamong_job_runs_total\{name="test.note",outcome="done"\} [1-9]/);
  });
}, { seed: false });

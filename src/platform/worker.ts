// Background work, every tick: the periodic sweeps (the platform's deadline
// sweep, each module's sweeps, the email outbox), then the job queue
// (platform/jobs). All state is in the database, so the poll interval only
// decides how soon work is picked up, and several workers may run at once.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.js';
import { createTransport, sendPendingEmails } from './notify/outbox.js';
import { modules } from './modules/registry.js';
import { purgeRateLimits } from './http/rate-limit.js';
import { purgeIdempotencyKeys } from './http/idempotency.js';
import { sweepDeadlines } from './deadlines/sweep.js';
import { runDueJobs } from './jobs/queue.js';
import { sweepItems } from './jobs/metrics.js';

export interface Worker { stop(): Promise<void> }

export function startWorker(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs = 5_000): Worker {
  const transport = createTransport(ctx);
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async () => {
    try {
      const done: Record<string, number> = {};
      // Drain each backlog in batches, then wait for the next tick.
      const drain = async (name: string, batch: () => Promise<number>) => {
        for (let n = await batch(); n > 0 && !stopped; n = await batch()) {
          done[name] = (done[name] ?? 0) + n;
          sweepItems.inc({ name }, n);
        }
      };
      await drain('deadlines', () => sweepDeadlines(ctx));
      for (const sweep of modules().flatMap((m) => m.sweeps ?? [])) await drain(sweep.name, () => sweep.run(ctx));
      await drain('email', () => sendPendingEmails(ctx, transport));
      // Jobs are counted by runDueJobs itself (pamong_job_runs_total).
      for (let n = await runDueJobs(ctx); n > 0 && !stopped; n = await runDueJobs(ctx)) done.jobs = (done.jobs ?? 0) + n;
      if (Object.keys(done).length > 0) log.info(done, 'worker tick');
      await purgeRateLimits(ctx);
      await purgeIdempotencyKeys(ctx);
    } catch (err) {
      log.error({ err }, 'worker tick failed');
    }
  };
  const timer = setInterval(() => {
    if (!running) running = tick().finally(() => (running = null));
  }, intervalMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport?.close();
    },
  };
}

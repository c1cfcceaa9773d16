// Background work: each module's jobs (e.g. the complaints' deadline sweep)
// and the email outbox. All state is in the database, so the poll interval
// only decides how soon work is picked up.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.js';
import { createTransport, sendPendingEmails } from './notify/outbox.js';
import { modules } from './modules/registry.js';
import { purgeRateLimits } from './http/rate-limit.js';
import { purgeIdempotencyKeys } from './http/idempotency.js';

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
        for (let n = await batch(); n > 0 && !stopped; n = await batch()) done[name] = (done[name] ?? 0) + n;
      };
      for (const job of modules().flatMap((m) => m.jobs ?? [])) await drain(job.name, () => job.run(ctx));
      await drain('email', () => sendPendingEmails(ctx, transport));
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

// Background work: the SLA sweep and the email outbox. All state is in the
// database, so the poll interval only decides how soon work is picked up.
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from './context.js';
import { createTransport, sendPendingEmails } from './notify/outbox.js';
import { sweepOverdue } from '../modules/complaints/service/escalation.js';
import { purgeRateLimits } from './http/rate-limit.js';
import { purgeIdempotencyKeys } from './http/idempotency.js';

export interface Worker { stop(): Promise<void> }

export function startWorker(ctx: AppContext, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs = 5_000): Worker {
  const transport = createTransport(ctx);
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = async () => {
    try {
      let escalated = 0;
      let sent = 0;
      // Drain the backlogs in batches, then wait for the next tick.
      for (let n = await sweepOverdue(ctx); n > 0 && !stopped; n = await sweepOverdue(ctx)) escalated += n;
      for (let n = await sendPendingEmails(ctx, transport); n > 0 && !stopped; n = await sendPendingEmails(ctx, transport)) sent += n;
      if (escalated || sent) log.info({ escalated, sent }, 'worker tick');
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

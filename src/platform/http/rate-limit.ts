// Rate limits kept in the database, so that every instance behind a load
// balancer counts the same hits. A route declares its limits in
// `config.limits`; each is a fixed-window counter, and all of a route's
// counters are bumped by one upsert statement.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { preparedFamily, runPrepared } from '../db/prepared.js';

export interface RateLimit {
  /** Names the counter: routes that share a name share the count. */
  name: string;
  max: number;
  windowSeconds: number;
  /**
   * Who is counted. Unset: the client address, counted on arrival, before the
   * body is read. A function: a key from the validated request (e.g. address
   * and email), counted once the body is known.
   */
  by?: (request: FastifyRequest) => string;
  /** Count only refused attempts: an answer below 400 gives its hit back (sign-in per address). */
  failuresOnly?: boolean;
}

/** Where a request's limits stand after counting it. */
interface Counted { limit: RateLimit; key: string; windowStart: Date; hits: number }

declare module 'fastify' {
  interface FastifyContextConfig {
    limits?: RateLimit[];
  }
  interface FastifyRequest {
    counted: Counted[];
  }
}

const P = sql.placeholder;

/** Bumps n counters; a counter whose window has passed starts again at 1. */
const bump = preparedFamily<number>('pamong_rate_limit', (_db, n) => sql`
  insert into rate_limits (key, window_start, hits)
  values ${sql.join(Array.from({ length: n }, (_, i) => sql`(${P(`k${i}`)}, ${P(`w${i}`)}::timestamptz, 1)`), sql`, `)}
  on conflict (key) do update set
    hits = case when excluded.window_start > rate_limits.window_start then 1 else rate_limits.hits + 1 end,
    window_start = greatest(rate_limits.window_start, excluded.window_start)
  returning key, hits`);

export function installRateLimits(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('counted', null as never);

  const count = async (request: FastifyRequest, reply: FastifyReply, limits: RateLimit[]) => {
    if (limits.length === 0) return;
    const now = ctx.clock.now().getTime();
    const pending = limits.map((limit) => {
      const ms = limit.windowSeconds * 1000;
      return { limit, key: `${limit.name}|${limit.by ? limit.by(request) : request.ip}`, windowStart: new Date(Math.floor(now / ms) * ms) };
    });
    const values = Object.fromEntries(pending.flatMap((p, i) => [[`k${i}`, p.key], [`w${i}`, p.windowStart.toISOString()]]));
    const rows = await runPrepared<{ key: string; hits: number }>(ctx.database, bump(ctx.database.db, pending.length), values);
    const hits = new Map(rows.map((r) => [r.key, Number(r.hits)]));
    const counted = pending.map((p) => ({ ...p, hits: hits.get(p.key) ?? 1 }));
    request.counted = [...(request.counted ?? []), ...counted];
    const over = counted.filter((c) => c.hits > c.limit.max);
    if (over.length > 0) {
      const waitMs = Math.max(...over.map((c) => c.windowStart.getTime() + c.limit.windowSeconds * 1000 - now));
      reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
      throw new AppError('request.rate_limited');
    }
  };
  const limitsOf = (request: FastifyRequest) => request.routeOptions.config?.limits ?? [];

  app.addHook('onRequest', async (request, reply) => count(request, reply, limitsOf(request).filter((l) => !l.by)));
  app.addHook('preHandler', async (request, reply) => count(request, reply, limitsOf(request).filter((l) => l.by)));
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 400) return;
    const refunds = (request.counted ?? []).filter((c) => c.limit.failuresOnly);
    for (const c of refunds) {
      await ctx.database.rows(sql`update rate_limits set hits = hits - 1 where key = ${c.key} and window_start = ${c.windowStart.toISOString()}::timestamptz and hits > 0`);
    }
  });
}

/** Counters whose window ended a day ago are only clutter (the worker calls this). */
export async function purgeRateLimits(ctx: AppContext): Promise<void> {
  await ctx.database.rows(sql`delete from rate_limits where window_start < ${new Date(ctx.clock.now().getTime() - 86_400_000).toISOString()}::timestamptz`);
}

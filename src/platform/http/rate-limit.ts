// Rate limits shared by every instance on one database, at almost no cost per
// request. A route declares its limits in `config.limits`; each is a
// fixed-window counter per subject, kept in the table rate_limits.
//
// An instance counts hits in memory and settles them with the database every
// second, in one statement for all its keys. While the count it knows for a
// key (the database's at the last settle, plus its own hits since) is within a
// quarter of the limit, a request goes on without waiting for the database;
// past that, its hit is settled first and the database's count decides.
//
// The bound: an instance lets through at most ⌊max/4⌋ hits of a key and window
// that the database has not heard of, so with N instances a key gets at most
// max + (N − 1)·⌊max/4⌋ hits in a window, and exactly max with one instance. A
// restarted instance counts as one more, and a crashed one loses at most its
// ⌊max/4⌋ unsettled hits per key (closing settles them first). Limits below 4
// always ask the database.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { prepare, runPrepared } from '../db/prepared.js';

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
  /**
   * Count only refused attempts (answers of 400 or more). 'held': every
   * attempt holds a hit from its arrival and an accepted one gives it back, so
   * a parallel burst of guesses is stopped at the limit too (sign-in).
   * 'after': an attempt counts once it is refused, so a burst of accepted
   * requests is never refused for its size (a bank's payment callbacks, where
   * a refused one costs only a lookup and an HMAC).
   */
  failuresOnly?: 'held' | 'after';
}

/** The part of a limit an instance may count without asking the database (see the bound above). */
const LOCAL_SHARE = 1 / 4;
/** How often an instance settles its counts with the database. */
export const SETTLE_MS = 1_000;

/** One key's count in the current window, as this instance knows it. */
interface Counter {
  key: string;
  windowStart: number;
  windowEnd: number;
  /** This instance's hits in the window, less those given back. */
  counted: number;
  /** How many of them the last settle carried... */
  settledUpTo: number;
  /** ...and the database's count it answered. */
  settled: number;
}

/** A request's hit (or, for limits counted after, its look): its counter, and its place among this instance's hits of the window. */
interface Counted { limit: RateLimit; counter: Counter; place: number }

declare module 'fastify' {
  interface FastifyContextConfig {
    limits?: RateLimit[];
  }
  interface FastifyRequest {
    counted: Counted[] | null;
  }
}

const P = sql.placeholder;

/**
 * Adds each key's hits since the last settle (negative when failures-only hits
 * were given back). A newer window starts the count again; hits of an older
 * window, settled late, change nothing.
 */
const settleStatement = prepare('pamong_rate_limit_settle', sql`
  insert into rate_limits as r (key, window_start, hits)
  select * from unnest(${P('keys')}::text[], ${P('windows')}::timestamptz[], ${P('hits')}::int[])
  on conflict (key) do update set
    hits = case when excluded.window_start > r.window_start then excluded.hits
                when excluded.window_start = r.window_start then r.hits + excluded.hits
                else r.hits end,
    window_start = greatest(r.window_start, excluded.window_start)
  returning key, hits`);

/** This instance's counters, and their settling with the database one statement at a time (each sees the ones before). */
function counters(ctx: AppContext) {
  const byKey = new Map<string, Counter>();
  let inFlight: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;

  const write = async () => {
    const now = ctx.clock.now().getTime();
    const batch: Counter[] = [];
    for (const c of byKey.values()) {
      if (c.windowEnd <= now) byKey.delete(c.key); // its window is over: its count limits nothing any more
      else if (c.counted !== c.settledUpTo) batch.push(c);
    }
    if (batch.length === 0) return;
    const upTo = batch.map((c) => c.counted);
    const rows = await runPrepared<{ key: string; hits: number }>(ctx.database, settleStatement, {
      keys: batch.map((c) => c.key), windows: batch.map((c) => new Date(c.windowStart).toISOString()), hits: batch.map((c, i) => upTo[i] - c.settledUpTo),
    });
    const hits = new Map(rows.map((r) => [r.key, Number(r.hits)]));
    batch.forEach((c, i) => {
      c.settledUpTo = upTo[i];
      c.settled = hits.get(c.key) ?? c.settled;
    });
  };

  return {
    /**
     * Counts a hit (or, with `count` false, only looks where the next one
     * would stand); `local` when the count stays within this instance's share,
     * so the database need not be asked now.
     */
    hit(key: string, limit: RateLimit, now: number, count = true): { counter: Counter; place: number; local: boolean } {
      const ms = limit.windowSeconds * 1000;
      const windowStart = Math.floor(now / ms) * ms;
      let counter = byKey.get(key);
      if (!counter || counter.windowStart < windowStart) {
        counter = { key, windowStart, windowEnd: windowStart + ms, counted: 0, settledUpTo: 0, settled: 0 };
        byKey.set(key, counter);
      }
      const place = count ? ++counter.counted : counter.counted + 1;
      return { counter, place, local: counter.settled + place - counter.settledUpTo <= Math.floor(limit.max * LOCAL_SHARE) };
    },
    /**
     * The database's count up to a hit, once settled: hits of one batch take
     * consecutive numbers, so of a burst only those past the limit are refused.
     * (A hit given back meanwhile may move a later one up by one.)
     */
    numberOf({ counter, place }: Counted): number {
      return counter.settled - (counter.settledUpTo - place);
    },
    giveBack(counter: Counter): void {
      counter.counted--;
    },
    /** Resolves once every count made so far is in the database, and `settled` holds its answer. */
    settle(): Promise<void> {
      next ??= inFlight.catch(() => undefined).then(() => {
        next = null;
        return (inFlight = write());
      });
      return next;
    },
  };
}

export function installRateLimits(app: FastifyInstance, ctx: AppContext): void {
  const local = counters(ctx);
  app.decorateRequest('counted', null);

  /** Counts the request against `limits`; a promise only when the database has to be asked. */
  const count = (request: FastifyRequest, reply: FastifyReply, limits: RateLimit[]): Promise<void> | undefined => {
    if (limits.length === 0) return undefined;
    const now = ctx.clock.now().getTime();
    const hits = limits.map((limit) => ({ limit, ...local.hit(`${limit.name}|${limit.by ? limit.by(request) : request.ip}`, limit, now, limit.failuresOnly !== 'after') }));
    request.counted = [...(request.counted ?? []), ...hits];
    if (hits.every((h) => h.local)) return undefined;
    return local.settle().then(() => {
      const over = hits.filter((h) => local.numberOf(h) > h.limit.max);
      if (over.length === 0) return;
      const waitMs = Math.max(...over.map((h) => h.counter.windowEnd - now));
      reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
      throw new AppError('request.rate_limited');
    });
  };
  // Callback hooks that return at once for routes without limits: most requests pay nothing.
  const hook = (which: (limit: RateLimit) => boolean) => (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const limits = request.routeOptions.config?.limits;
    const asked = limits && count(request, reply, limits.filter(which));
    if (!asked) return done();
    asked.then(() => done(), done);
  };
  app.addHook('onRequest', hook((l) => !l.by));
  app.addHook('preHandler', hook((l) => !!l.by));
  app.addHook('onResponse', (request, reply, done) => {
    const refused = reply.statusCode >= 400;
    for (const c of request.counted ?? []) {
      if (c.limit.failuresOnly === 'held' && !refused) local.giveBack(c.counter);
      if (c.limit.failuresOnly === 'after' && refused) local.hit(c.counter.key, c.limit, ctx.clock.now().getTime());
    }
    done();
  });

  const timer = setInterval(() => local.settle().catch((err) => app.log.error({ err }, 'rate limits not settled')), SETTLE_MS).unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await local.settle().catch((err) => app.log.error({ err }, 'rate limits not settled on close'));
  });
}

/** Counters whose window ended a day ago are only clutter (the worker calls this). */
export async function purgeRateLimits(ctx: AppContext): Promise<void> {
  await ctx.database.rows(sql`delete from rate_limits where window_start < ${new Date(ctx.clock.now().getTime() - 86_400_000).toISOString()}::timestamptz`);
}

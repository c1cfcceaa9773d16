// The job queue: named jobs that modules declare (contract: `jobs`), queued in
// the caller's transaction and run by a worker at least once.
//
// A worker claims due jobs with FOR UPDATE SKIP LOCKED (several workers never
// take the same job; on PGlite's single connection they take turns) and, in
// the same statement, pushes run_at forward by the job's lease. The claim
// commits before the job runs, so a worker that dies mid-job leaves the job
// to be taken again when the lease runs out. A failure is retried with
// exponential backoff until max_attempts, then the job is set aside (failed_at).
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/client.js';
import type { JobDeclaration } from '../modules/contract.js';
import { modules } from '../modules/registry.js';
import { jobs } from '../schema.js';
import { jobRuns } from './metrics.js';

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_LEASE_SECONDS = 300;
/** Retry after 10 s, 20 s, 40 s ... at most an hour. */
export const backoffMs = (attempts: number) => Math.min(10_000 * 2 ** (attempts - 1), 3_600_000);

/** Queues a job in the caller's transaction: it runs only if that commits. The payload is checked now. */
export async function enqueueJob<P>(db: Queryable, now: Date, job: JobDeclaration<P>, payload: P, options: { runAt?: Date } = {}): Promise<number> {
  const [row] = await db.insert(jobs).values({
    name: job.name, payload: job.payload.parse(payload), createdAt: now, runAt: options.runAt ?? now,
    maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  }).returning({ id: jobs.id });
  return row.id;
}

/** Every installed module's jobs, by name. */
export function declaredJobs(): Map<string, JobDeclaration> {
  return new Map(modules().flatMap((m) => m.jobs ?? []).map((j) => [j.name, j]));
}

export interface ClaimedJob { id: number; name: string; payload: unknown; attempts: number; max_attempts: number }

/** Leases up to `batch` due jobs to this worker (committed at once: the lease outlives a crash). */
export async function claimJobs(ctx: AppContext, batch: number, declared: Map<string, JobDeclaration>): Promise<ClaimedJob[]> {
  const now = ctx.clock.now();
  const leases = [...declared.values()].filter((j) => j.leaseSeconds).map((j) => sql`when ${j.name} then ${j.leaseSeconds}::int`);
  const lease = leases.length ? sql`(case name ${sql.join(leases, sql` `)} else ${DEFAULT_LEASE_SECONDS}::int end)` : sql`${DEFAULT_LEASE_SECONDS}::int`;
  return ctx.database.rows<ClaimedJob>(
    sql`update jobs set run_at = ${now}::timestamptz + ${lease} * interval '1 second', attempts = attempts + 1
        where id in (select id from jobs where failed_at is null and run_at <= ${now}
                     order by run_at, id limit ${batch} for update skip locked)
        returning id, name, payload, attempts, max_attempts`,
  );
}

/** Runs a claimed job and settles it: deleted when done, else retried later or set aside. */
async function runClaimed(ctx: AppContext, job: ClaimedJob, declaration: JobDeclaration | undefined): Promise<void> {
  try {
    if (job.attempts > job.max_attempts) throw new Error('lease ran out on the last attempt (the worker stopped)');
    if (!declaration) throw new Error(`no installed module declares job ${job.name}`);
    await declaration.run(ctx, declaration.payload.parse(job.payload));
    await ctx.database.db.delete(jobs).where(eq(jobs.id, job.id));
    jobRuns.inc({ name: job.name, outcome: 'done' });
  } catch (err) {
    const last = job.attempts >= job.max_attempts;
    const at = ctx.clock.now();
    await ctx.database.db.update(jobs)
      .set({ lastError: String((err as Error)?.message ?? err).slice(0, 500), ...(last ? { failedAt: at } : { runAt: new Date(at.getTime() + backoffMs(job.attempts)) }) })
      .where(eq(jobs.id, job.id));
    jobRuns.inc({ name: job.name, outcome: last ? 'failed' : 'retry' });
  }
}

/**
 * Runs up to `batch` due jobs, one after another; returns how many it ran
 * (done or not). `declared` is the installed modules' jobs unless given.
 */
export async function runDueJobs(ctx: AppContext, batch = 10, declared = declaredJobs()): Promise<number> {
  const claimed = await claimJobs(ctx, batch, declared);
  for (const job of claimed) await runClaimed(ctx, job, declared.get(job.name));
  return claimed.length;
}

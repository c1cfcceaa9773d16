// The background work in /metrics: runs counted by the process that ran them,
// and the queue as the database holds it (the same from every instance).
import client from 'prom-client';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';

/** Jobs run by this process, by name and outcome: done | retry | failed. */
export const jobRuns = new client.Counter({ name: 'pamong_job_runs_total', help: 'Jobs run by this process, by outcome', labelNames: ['name', 'outcome'], registers: [] });

/** Items the periodic sweeps of this process handled (deadline steps, emails sent ...). */
export const sweepItems = new client.Counter({ name: 'pamong_sweep_items_total', help: 'Items handled by the periodic sweeps of this process', labelNames: ['name'], registers: [] });

export function registerJobMetrics(registry: client.Registry, ctx: AppContext): void {
  registry.registerMetric(jobRuns);
  registry.registerMetric(sweepItems);
  new client.Gauge({
    name: 'pamong_jobs',
    help: 'Jobs in the queue by name and state: due (waiting for a worker), later (leased, backing off or scheduled), failed (set aside)',
    labelNames: ['name', 'state'],
    registers: [registry],
    async collect() {
      const now = ctx.clock.now();
      const rows = await ctx.database.rows<{ name: string; state: string; n: number }>(sql`select name,
          case when failed_at is not null then 'failed' when run_at <= ${now} then 'due' else 'later' end as state, count(*)::int as n
        from jobs group by 1, 2`);
      this.reset();
      for (const r of rows) this.set({ name: r.name, state: r.state }, r.n);
    },
  });
}

// The SLA sweep at scale (PostgreSQL): escalating 1,000 overdue complaints
// among 10 thousand open ones, then among 1 million (BENCH_SWEEP_OPEN), with
// the real sweep (sweepDeadlines) until nothing is due. The open deadlines that
// are not due yet only live in stage_deadlines: the sweep never reads
// their complaints, so only that table and its index grow.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/client.js';
import { dueStages, sweepDeadlines } from '../src/platform/deadlines/sweep.js';
import { contextOf, freshDatabase, type Result } from './support.js';

const OVERDUE = 1_000;
const REGION = '32.11';

/** Open deadlines due later (spread over the next 30 days), up to `total` in all. */
async function addOpen(database: Database, total: number): Promise<void> {
  const [{ n }] = await database.rows<{ n: number }>(sql`select count(*)::int as n from stage_deadlines where met_at is null`);
  if (total <= n) return;
  await database.db.execute(sql`insert into stage_deadlines (region_code, module, record_type, record_id, stage, unit, due_at, next_check_at)
    select ${REGION}, 'complaints', 'complaint', gen_random_uuid(), 'resolution', 'working_days', t, t
    from (select now() + interval '1 hour' + make_interval(secs => (abs(hashint8extended(g, 5)) % 2592000)::double precision) as t
          from generate_series(1, ${total - n}) g) x`);
  await database.db.execute(sql`analyze stage_deadlines`);
}

/** Overdue complaints, dispatched to a unit that has a unit head, each with its passed response deadline. */
export async function addOverdue(database: Database, batch: number, count = OVERDUE): Promise<void> {
  await database.db.execute(sql`
    with c as (
      insert into complaints (region_code, id, tracking_code, category_id, status, description, answers, anonymous, confidential, channel, unit_id, submitted_at, updated_at)
      select ${REGION}, gen_random_uuid(), 'SWP-' || ${batch} || '-' || g, k.id, 'dispatched', 'Pengaduan uji sapuan nomor ' || g, '{}', true, false, 'web', u.id,
        now() - interval '3 days', now() - interval '3 days'
      from generate_series(1, ${count}) g
      join categories k on k.region_code = ${REGION} and k.code = 'jalan-rusak'
      join units u on u.region_code = ${REGION} and u.code = 'PUPR'
      returning region_code, id)
    insert into stage_deadlines (region_code, module, record_type, record_id, stage, unit, due_at, next_check_at)
    select region_code, 'complaints', 'complaint', id, 'response', 'hours', t, t from c, date_trunc('milliseconds', now() - interval '1 hour') t`);  // whole milliseconds, as deadlines computed in JavaScript
}

async function timedSweep(database: Database): Promise<{ ms: number; steps: number }> {
  const ctx = contextOf(database);
  const t0 = performance.now();
  let steps = 0;
  for (let n = await sweepDeadlines(ctx); n > 0; n = await sweepDeadlines(ctx)) steps += n;
  return { ms: performance.now() - t0, steps };
}

export interface SweepFigures { open: number; ms: number; steps: number }

export async function sweepBench(bigOpen: number): Promise<{ figures: SweepFigures[]; plan: string; results: Result[] }> {
  const db = await freshDatabase('postgres', 'pamong_bench_sweep');
  const database = await db.open(4);
  const figures: SweepFigures[] = [];
  let plan = '';
  try {
    for (const [i, open] of [10_000, bigOpen].entries()) {
      await addOpen(database, open);
      await addOverdue(database, i);
      if (open === bigOpen) {
        plan = await database.db.transaction(async (tx) => (await database.rows<Record<string, string>>(sql`explain analyze ${dueStages(new Date(), 200)}`, tx))
          .map((r) => Object.values(r)[0]).join('\n'));
      }
      figures.push({ open, ...(await timedSweep(database)) });
    }
  } finally {
    await database.close();
    await db.remove();
  }
  const [small, big] = figures;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const indexLine = plan.split('\n').find((l) => l.includes('stage_deadlines_sweep_idx'));
  const usesIndex = !!indexLine && !/Seq Scan/.test(plan);
  const results: Result[] = [
    {
      section: 'SLA sweep', what: `escalating ${fmt(OVERDUE)} overdue among ${fmt(big.open)} open vs among ${fmt(small.open)}`,
      figure: `${(big.ms / 1000).toFixed(2)} s vs ${(small.ms / 1000).toFixed(2)} s = ${(big.ms / small.ms).toFixed(2)}× (${big.steps} and ${small.steps} steps)`,
      goal: 'within 2×, exactly 1,000 steps each', met: big.ms <= 2 * small.ms && big.steps === OVERDUE && small.steps === OVERDUE,
      ...(big.open < 1_000_000 ? { note: `run among ${fmt(big.open)} open; the issue's 1 million: BENCH_SWEEP_OPEN=1000000` } : {}),
    },
    {
      section: 'SLA sweep', what: 'the claim query reads the partial index, no full scan', figure: indexLine ? indexLine.replace(/^[\s>-]*/, '').replace(/\s+\(.*$/, '') : 'see plan',
      goal: 'index, no sequential scan', met: usesIndex,
    },
  ];
  return { figures, plan, results };
}

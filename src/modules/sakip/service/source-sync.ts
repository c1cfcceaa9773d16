// Sourced indicators take their realisations by themselves (issue 11), so a
// region's IKU on digital government is never typed twice: a sweep reads
// each sourced indicator's measure for the region's open reporting periods
// and enters what changed through the same use case as a person
// (enterRealisation: who may, locking, the summary, the audit), as
// "Pamong's automatic sync", with a SAKIP coordinator's rights in that one
// region and no more. "Ambil dari sumber" (sources.ts) stays for a person.
//
// State is a row per sourced indicator of an active plan
// (sakip_source_syncs), kept eagerly rather than computed by every sweep
// from all the indicators: an indicator's source changes only while its plan
// is a draft, so the rows change exactly when a plan is activated or
// returned to draft (refreshSourceSyncs, in that transaction); rows written
// past the use cases (the demo, a database from before) are enrolled at
// every start (prepare). The sweep then reads only its due rows, through an
// index, and drops a row whose plan or source is gone.
import { and, between, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { Dec } from '../../../platform/decimal.js';
import { AppError, errorCatalogue, errorMessages, type ErrorCode } from '../../../platform/errors.js';
import { systemActor } from '../../../platform/auth/policy.js';
import { findMeasure } from '../../../platform/modules/measures.js';
import { findRegion, type Region } from '../../../platform/regions/service.js';
import { sakipIndicators, sakipPlans, sakipRealisations, sakipReportingPeriods, sakipSourceSyncs, type SourceSyncOutcome } from '../schema.js';
import type { PlanRow } from './data.js';
import { periodsToRead } from './periods.js';
import { lockingPeriod } from './reporting.js';
import { readSource } from './sources.js';
import { enterRealisation } from './targets.js';

/** Who the audit trail and the realisation name: Pamong, not a person. */
export const SYNC_LABEL = 'Sinkron otomatis Pamong / Pamong automatic sync';

/** Rows claimed per sweep run; each indicator is a few reads and at most a write per open period. */
const BATCH = 20;
/** How long a claimed row is held by the run that took it: taken again after this if that run died. */
const LEASE_MS = 10 * 60_000;
const HOUR = 3_600_000;

type SyncRow = typeof sakipSourceSyncs.$inferSelect;

/**
 * Enrols the sourced indicators of active plans that have no row yet, due
 * at once: everywhere (at start), or in one region or plan.
 */
export async function enrolSourceSyncs(db: Queryable, now: Date, scope: { regionCode?: string; planId?: string } = {}): Promise<void> {
  await db.execute(sql`insert into sakip_source_syncs (region_code, indicator_id, plan_id, next_at)
    select i.region_code, i.id, i.plan_id, ${now}::timestamptz from sakip_indicators i
    join sakip_plans p on p.region_code = i.region_code and p.id = i.plan_id
    where i.source is not null and p.status = 'active'
      ${scope.regionCode ? sql`and i.region_code = ${scope.regionCode}` : sql``}
      ${scope.planId ? sql`and i.plan_id = ${scope.planId}` : sql``}
    on conflict do nothing`);
}

/** In the transaction that changes a plan's status, with the plan as it is now: an active plan's sourced indicators get their rows, a draft's go. */
export async function refreshSourceSyncs(tx: Queryable, plan: PlanRow, now: Date): Promise<void> {
  if (plan.status === 'active') return enrolSourceSyncs(tx, now, { regionCode: plan.regionCode, planId: plan.id });
  await tx.delete(sakipSourceSyncs).where(and(eq(sakipSourceSyncs.regionCode, plan.regionCode), eq(sakipSourceSyncs.planId, plan.id)));
}

/**
 * The sweep: claims up to BATCH due rows of any region by pushing their
 * next_at forward (a lease, under SKIP LOCKED, in one statement that commits
 * before the work), then syncs each. Returns how many it took.
 */
export async function sweepSourceSyncs(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const claimed = await ctx.database.rows<{ region_code: string; indicator_id: string; plan_id: string }>(
    sql`update sakip_source_syncs set next_at = ${new Date(now.getTime() + LEASE_MS)}
        where (region_code, indicator_id) in (select region_code, indicator_id from sakip_source_syncs
                                              where next_at <= ${now} order by next_at limit ${BATCH} for update skip locked)
        returning region_code, indicator_id, plan_id`,
  );
  const regions = new Map<string, Promise<Region | null>>();
  for (const row of claimed) {
    if (!regions.has(row.region_code)) regions.set(row.region_code, findRegion(ctx.database.db, row.region_code));
    await syncIndicator(ctx, await regions.get(row.region_code)!, { regionCode: row.region_code, indicatorId: row.indicator_id, planId: row.plan_id });
  }
  return claimed.length;
}

/**
 * One indicator: for each period to read (the region's open reporting
 * periods in the plan's years, as its measure measures them), the measure's
 * value is entered when it differs from the current realisation. Each entry
 * is the use case's own transaction, so one refusal never undoes another
 * period; every refusal is recorded as the period's outcome, never thrown.
 */
async function syncIndicator(ctx: AppContext, region: Region | null, key: { regionCode: string; indicatorId: string; planId: string }): Promise<void> {
  const db = ctx.database.db;
  const s = sakipSourceSyncs;
  const row = and(eq(s.regionCode, key.regionCode), eq(s.indicatorId, key.indicatorId));
  const [plan] = await db.select().from(sakipPlans).where(and(eq(sakipPlans.regionCode, key.regionCode), eq(sakipPlans.id, key.planId)));
  const [indicator] = await db.select().from(sakipIndicators).where(and(eq(sakipIndicators.regionCode, key.regionCode), eq(sakipIndicators.id, key.indicatorId)));
  if (!region || plan?.status !== 'active' || !indicator?.source) {
    await db.delete(s).where(row);
    return;
  }
  const now = ctx.clock.now();
  const open = await db.select({ period: sakipReportingPeriods.period }).from(sakipReportingPeriods).where(and(
    eq(sakipReportingPeriods.regionCode, region.code), eq(sakipReportingPeriods.status, 'open'), between(sakipReportingPeriods.year, plan.startYear, plan.endYear),
  ));
  const found = findMeasure(indicator.source);
  const actor = systemActor(SYNC_LABEL, region.code, ['sakip_coordinator']);
  const outcomes: SourceSyncOutcome[] = [];
  // A source whose module is gone measures nothing: each open period says so.
  for (const period of found ? periodsToRead(open.map((o) => o.period), found.measure.periods) : open.map((o) => o.period)) {
    let value: string | null = null;
    try {
      if (!found) throw new AppError('sakip.source_missing');
      // The sync never corrects a closed period (a person does, with a reason).
      const lockedBy = await lockingPeriod(db, region.code, period);
      if (lockedBy) throw new AppError('sakip.period_locked', { period, lockedBy });
      const taken = await readSource(ctx, found, region.code, period);
      value = taken.value;
      const [current] = await db.select({ value: sakipRealisations.value }).from(sakipRealisations)
        .where(and(eq(sakipRealisations.regionCode, region.code), eq(sakipRealisations.indicatorId, indicator.id), eq(sakipRealisations.period, period)));
      if (current && new Dec(current.value).eq(value)) {
        outcomes.push({ period, result: 'unchanged', value });
        continue;
      }
      await enterRealisation(ctx, region, actor, plan.id, indicator.id, period, taken);
      outcomes.push({ period, result: 'entered', value });
    } catch (err) {
      outcomes.push(err instanceof AppError
        ? { period, result: 'refused', value, code: err.code, ...(err.details === undefined ? {} : { details: err.details }) }
        : { period, result: 'failed', value, code: 'internal', error: String((err as Error)?.message ?? err).slice(0, 500) });
    }
  }
  await db.update(s).set({ lastRunAt: now, outcomes, nextAt: new Date(now.getTime() + region.settings.sakip.sourceSyncHours * HOUR) }).where(row);
}

/** A sync as the indicator's answer shows it: when it ran and runs next, and each period's outcome in words. */
export function sourceSyncView(row: SyncRow) {
  return {
    lastRunAt: row.lastRunAt, nextAt: row.nextAt,
    outcomes: row.outcomes.map((o) => ({
      period: o.period, result: o.result, value: o.value, code: o.code ?? null,
      message: o.code && errorCatalogue().has(o.code) ? errorMessages(o.code as ErrorCode, o.details) : null,
    })),
  };
}

/** A plan's syncs by indicator, for its views. */
export async function sourceSyncsOf(db: Queryable, plan: Pick<PlanRow, 'regionCode' | 'id'>): Promise<Map<string, ReturnType<typeof sourceSyncView>>> {
  const rows = await db.select().from(sakipSourceSyncs).where(and(eq(sakipSourceSyncs.regionCode, plan.regionCode), eq(sakipSourceSyncs.planId, plan.id)));
  return new Map(rows.map((r) => [r.indicatorId, sourceSyncView(r)]));
}

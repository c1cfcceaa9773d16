// Stage deadlines of any module's records: start, meet, pause and resume,
// inside the caller's transaction. The sweep that escalates them is sweep.ts;
// what a step does is the module's (contract: `deadlines`).
import { and, eq, inArray, isNotNull, isNull, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/client.js';
import { stageDeadlines } from '../schema.js';
import { addWorkingTime, workingTimeBetween, type DurationUnit } from '../calendar/calendar.js';
import { regionCalendar } from '../calendar/region.js';

/** Whose deadlines: one record of one module. */
export interface RecordKey {
  regionCode: string;
  module: string;
  recordType: string;
  recordId: string;
}

/** A stage's clock, computed by the module (e.g. with addDuration on the region's calendar). */
export interface StageClock {
  stage: string;
  unit: DurationUnit;
  dueAt: Date;
  targetAt: Date | null;
  /**
   * When the sweep first looks at it, if before the due time: a ladder whose
   * first rung is a reminder (negative afterHours) needs it checked from then.
   */
  checkFrom?: Date;
}

const ofRecord = (k: RecordKey) => and(
  eq(stageDeadlines.regionCode, k.regionCode), eq(stageDeadlines.module, k.module),
  eq(stageDeadlines.recordType, k.recordType), eq(stageDeadlines.recordId, k.recordId),
);
const ofStages = (stages: readonly string[] | 'all') => (stages === 'all' ? undefined : inArray(stageDeadlines.stage, [...stages]));

/**
 * Starts the clock of some stages, as a statement not yet run (a use case may
 * send it with its other writes); a stage started before (a reopened
 * complaint) starts a new round: not met, not paused, nothing escalated.
 */
export function stageUpsert(db: Queryable, rows: PgInsertValue<typeof stageDeadlines>[]) {
  return db
    .insert(stageDeadlines)
    .values(rows)
    .onConflictDoUpdate({
      target: [stageDeadlines.regionCode, stageDeadlines.module, stageDeadlines.recordType, stageDeadlines.recordId, stageDeadlines.stage],
      set: {
        unit: sql`excluded.unit`, dueAt: sql`excluded.due_at`, targetAt: sql`excluded.target_at`, metAt: null, pausedAt: null,
        escalationStep: 0, nextCheckAt: sql`excluded.next_check_at`, round: sql`${stageDeadlines.round} + 1`,
      },
    });
}

/** When the sweep first looks at a stage: its due time, or the earlier instant it asks to be checked from. */
const nextCheckOf = (c: StageClock) => (c.checkFrom && c.checkFrom < c.dueAt ? c.checkFrom : c.dueAt);

/** The rows that start some stages of a record. */
const stageRows = (key: RecordKey, clocks: StageClock[]) =>
  clocks.map((c) => ({ ...key, stage: c.stage, unit: c.unit, dueAt: c.dueAt, targetAt: c.targetAt, nextCheckAt: nextCheckOf(c) }));

/**
 * startStages as a statement not yet run, for a prepared statement: `count`
 * stages of one record (whose key's parts may be placeholders), each stage's
 * values placeholders named `${prefix}${i}…` that stageValues gives.
 */
export function stageUpsertOf(db: Queryable, key: { [K in keyof RecordKey]: RecordKey[K] | Placeholder }, count: number, prefix = 'clock') {
  const P = (i: number, name: string) => sql.placeholder(`${prefix}${i}${name}`);
  return stageUpsert(db, Array.from({ length: count }, (_, i) => ({
    ...key, stage: P(i, 'Stage'), unit: P(i, 'Unit'), dueAt: P(i, 'DueAt'), targetAt: P(i, 'TargetAt'), nextCheckAt: P(i, 'NextCheckAt'),
  })));
}

/** The values of stageUpsertOf's placeholders that start these stages. */
export function stageValues(clocks: StageClock[], prefix = 'clock'): Record<string, unknown> {
  return Object.fromEntries(clocks.flatMap((c, i) => Object.entries({ Stage: c.stage, Unit: c.unit, DueAt: c.dueAt, TargetAt: c.targetAt, NextCheckAt: nextCheckOf(c) })
    .map(([name, value]) => [`${prefix}${i}${name}`, value])));
}

/** Starts (or restarts) the clock of some stages. */
export async function startStages(db: Queryable, key: RecordKey, clocks: StageClock[]): Promise<void> {
  if (clocks.length > 0) await stageUpsert(db, stageRows(key, clocks));
}

/** Marks open stages as met (or moot): they stop counting and never escalate. */
export async function meetStages(db: Queryable, key: RecordKey, stages: readonly string[] | 'all', at: Date): Promise<void> {
  await db.update(stageDeadlines).set({ metAt: at, pausedAt: null, nextCheckAt: null })
    .where(and(ofRecord(key), isNull(stageDeadlines.metAt), ofStages(stages)));
}

/** Stops the clock of open stages (an application waiting for the citizen): nothing escalates while paused. */
export async function pauseStages(db: Queryable, key: RecordKey, stages: readonly string[] | 'all', at: Date): Promise<void> {
  await db.update(stageDeadlines).set({ pausedAt: at, nextCheckAt: null })
    .where(and(ofRecord(key), isNull(stageDeadlines.metAt), isNull(stageDeadlines.pausedAt), ofStages(stages)));
}

/**
 * Restarts paused stages: each due (and target) time moves by the time the
 * pause took, counted in the stage's unit (calendar time for hours, working
 * time for working days, on the region's calendar).
 */
export async function resumeStages(db: Queryable, key: RecordKey, stages: readonly string[] | 'all', at: Date): Promise<void> {
  const paused = await db.select().from(stageDeadlines)
    .where(and(ofRecord(key), isNull(stageDeadlines.metAt), isNotNull(stageDeadlines.pausedAt), ofStages(stages)));
  if (paused.length === 0) return;
  const from = new Date(Math.min(...paused.map((d) => d.pausedAt!.getTime())));
  const latestDue = new Date(Math.max(at.getTime(), ...paused.map((d) => d.dueAt.getTime())));
  const calendar = paused.some((d) => d.unit === 'working_days')
    ? await regionCalendar(db, key.regionCode, from, new Date(latestDue.getTime() + (at.getTime() - from.getTime())))
    : null;
  for (const d of paused) {
    const push = (t: Date) => (d.unit === 'working_days'
      ? addWorkingTime(t, workingTimeBetween(d.pausedAt!, at, calendar!), calendar!)
      : new Date(t.getTime() + at.getTime() - d.pausedAt!.getTime()));
    const dueAt = push(d.dueAt);
    await db.update(stageDeadlines)
      .set({
        dueAt, targetAt: d.targetAt && push(d.targetAt), pausedAt: null,
        // Once escalated, the sweep works out when the next rung is due (it knows the ladder).
        nextCheckAt: d.escalationStep === 0 ? dueAt : at,
      })
      .where(and(ofRecord(key), eq(stageDeadlines.stage, d.stage)));
  }
}

/** A record's earliest open, running deadline, as SQL (for a column the record keeps in step, e.g. complaints.next_due_at). */
export const nextDueSql = (key: RecordKey): SQL<Date | null> => sql<Date | null>`(select min(d.due_at) from ${stageDeadlines} d
  where d.region_code = ${key.regionCode} and d.module = ${key.module} and d.record_type = ${key.recordType}
    and d.record_id = ${key.recordId} and d.met_at is null and d.paused_at is null)`;

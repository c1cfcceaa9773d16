// Storing and meeting deadlines: the I/O around domain/sla.ts (the calendar is the platform's).
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.js';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Region } from '../../../platform/regions/service.js';
import { complaintDeadlines } from '../schema.js';
import { deadlinesFor, resolveRules, type SlaRule, type SlaStage } from '../domain/sla.js';
import type { WorkCalendar } from '../../../platform/calendar/calendar.js';
import { calendarOf, holidaysSql, holidayWindow } from '../../../platform/calendar/region.js';

export interface RuleRow { categoryId: string | null; stage: SlaStage; amount: number; unit: SlaRule['unit']; targetAmount: number | null }

/** The SLA policies of a region (only those that apply to a category, when given), as one SQL value. */
export function rulesSql(regionCode: string, categoryId?: string): SQL {
  return sql`(select coalesce(json_agg(json_build_object('categoryId', category_id, 'stage', stage, 'amount', amount, 'unit', unit, 'targetAmount', target_amount)), '[]'::json)
    from sla_policies where region_code = ${regionCode} ${categoryId ? sql`and (category_id is null or category_id = ${categoryId}::uuid)` : sql``})`;
}

/** The rules of a category: the region's defaults, overridden by the category's own. */
export function rulesOf(rows: RuleRow[], categoryId: string): Record<SlaStage, SlaRule> {
  const toRule = (r: RuleRow): SlaRule => ({ stage: r.stage, amount: r.amount, unit: r.unit, targetAmount: r.targetAmount });
  return resolveRules(rows.filter((r) => r.categoryId === null).map(toRule), rows.filter((r) => r.categoryId === categoryId).map(toRule));
}

/** Rules and calendar in one round trip. */
async function deadlineFacts(db: Queryable, region: Region, categoryId: string, from: Date) {
  const [row] = await queryRows<{ rules: RuleRow[]; holidays: string[] }>(db, sql`select ${rulesSql(region.code, categoryId)} as rules, ${holidaysSql(region.code, holidayWindow(from))} as holidays`);
  return { rules: rulesOf(row.rules, categoryId), calendar: calendarOf(region, row.holidays) };
}

type DeadlineRow = typeof complaintDeadlines.$inferInsert;

/** The deadline rows of some stages starting at `start`. */
export function deadlineRows(
  regionCode: string, complaintId: string, stages: SlaStage[], rules: Record<SlaStage, SlaRule>, cal: WorkCalendar, start: Date,
): DeadlineRow[] {
  return stages.map((stage) => {
    const { dueAt, targetAt } = deadlinesFor(start, rules[stage], cal);
    return { regionCode, complaintId, stage, dueAt, targetAt, nextCheckAt: dueAt };
  });
}

/** Starts (or, after a reopen, restarts) the clock of some stages; not yet run, so intake can send it with its other writes. */
export function deadlineUpsert(db: Queryable, rows: PgInsertValue<typeof complaintDeadlines>[]) {
  return db
    .insert(complaintDeadlines)
    .values(rows)
    .onConflictDoUpdate({
      target: [complaintDeadlines.regionCode, complaintDeadlines.complaintId, complaintDeadlines.stage],
      set: {
        dueAt: sql`excluded.due_at`, targetAt: sql`excluded.target_at`, metAt: null, escalationStep: 0,
        nextCheckAt: sql`excluded.next_check_at`, round: sql`${complaintDeadlines.round} + 1`,
      },
    });
}

/** Starts (or, after a reopen, restarts) the clock of some stages. */
export async function startDeadlines(
  db: Queryable, region: Region, complaintId: string, categoryId: string, stages: SlaStage[], start: Date,
): Promise<void> {
  const { rules, calendar } = await deadlineFacts(db, region, categoryId, start);
  await deadlineUpsert(db, deadlineRows(region.code, complaintId, stages, rules, calendar, start));
}

/** Marks stages as met (or moot): they stop counting and never escalate. */
export async function meetDeadlines(db: Queryable, regionCode: string, complaintId: string, stages: SlaStage[] | 'all', at: Date): Promise<void> {
  await db
    .update(complaintDeadlines)
    .set({ metAt: at, nextCheckAt: null })
    .where(
      and(
        eq(complaintDeadlines.regionCode, regionCode),
        eq(complaintDeadlines.complaintId, complaintId),
        isNull(complaintDeadlines.metAt),
        stages === 'all' ? undefined : sql`${complaintDeadlines.stage} in ${stages}`,
      ),
    );
}

/** A complaint's earliest open deadline, as SQL for the update that follows a change to its deadlines (complaints.next_due_at). */
export const nextDueSql = (regionCode: string, complaintId: string) => sql<Date | null>`(select min(d.due_at) from ${complaintDeadlines} d
  where d.region_code = ${regionCode} and d.complaint_id = ${complaintId} and d.met_at is null)`;

// A complaint's deadlines: its rules (domain/sla.ts) on the region's calendar,
// stored and escalated by the platform's stage-deadline engine (platform/deadlines).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../../platform/db/client.js';
import type { Region } from '../../../platform/regions/service.js';
import { meetStages, nextDueSql as nextStageDueSql, startStages, type RecordKey, type StageClock } from '../../../platform/deadlines/deadlines.js';
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

/** A complaint's deadlines in the platform's stage-deadline engine. */
export const complaintRecord = (regionCode: string, complaintId: string): RecordKey => ({ regionCode, module: 'complaints', recordType: 'complaint', recordId: complaintId });

/** A complaint's deadlines in SQL: `alias` holds stage_deadlines rows, `complaint` the complaint's alias (or columns). */
export const ownDeadlines = (alias: string, complaint: { regionCode: SQL | string; id: SQL | string } = { regionCode: 'c.region_code', id: 'c.id' }) => {
  const col = (v: SQL | string) => (typeof v === 'string' ? sql.raw(v) : v);
  return sql`${sql.raw(alias)}.region_code = ${col(complaint.regionCode)} and ${sql.raw(alias)}.module = 'complaints'
    and ${sql.raw(alias)}.record_type = 'complaint' and ${sql.raw(alias)}.record_id = ${col(complaint.id)}`;
};

/** The clocks of some stages starting at `start`. */
export function stageClocks(stages: SlaStage[], rules: Record<SlaStage, SlaRule>, cal: WorkCalendar, start: Date): StageClock[] {
  return stages.map((stage) => ({ stage, unit: rules[stage].unit, ...deadlinesFor(start, rules[stage], cal) }));
}

/** Starts (or, after a reopen, restarts) the clock of some stages. */
export async function startDeadlines(
  db: Queryable, region: Region, complaintId: string, categoryId: string, stages: SlaStage[], start: Date,
): Promise<void> {
  const { rules, calendar } = await deadlineFacts(db, region, categoryId, start);
  await startStages(db, complaintRecord(region.code, complaintId), stageClocks(stages, rules, calendar, start));
}

/** Marks stages as met (or moot): they stop counting and never escalate. */
export async function meetDeadlines(db: Queryable, regionCode: string, complaintId: string, stages: SlaStage[] | 'all', at: Date): Promise<void> {
  await meetStages(db, complaintRecord(regionCode, complaintId), stages, at);
}

/** A complaint's earliest open deadline, as SQL for the update that follows a change to its deadlines (complaints.next_due_at). */
export const nextDueSql = (regionCode: string, complaintId: string) => nextStageDueSql(complaintRecord(regionCode, complaintId));

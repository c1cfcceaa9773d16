// Storing and meeting deadlines: the I/O around domain/sla.ts.
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { nationalHolidays, regionHolidays } from '../../../platform/schema.js';
import type { Queryable } from '../../../platform/db/client.js';
import type { Region } from '../../../platform/regions/service.js';
import { complaintDeadlines, slaPolicies } from '../schema.js';
import { deadlinesFor, resolveRules, type SlaRule, type SlaStage, type WorkCalendar } from '../domain/sla.js';

const DAY = 86_400_000;

/** The region's working calendar for the days around `from`. */
export async function workCalendar(db: Queryable, region: Region, from: Date, days = 180): Promise<WorkCalendar> {
  const start = new Date(from.getTime() - 2 * DAY).toISOString().slice(0, 10);
  const end = new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);
  const national = await db.select({ date: nationalHolidays.date }).from(nationalHolidays).where(and(gte(nationalHolidays.date, start), lte(nationalHolidays.date, end)));
  const local = await db
    .select({ date: regionHolidays.date })
    .from(regionHolidays)
    .where(and(eq(regionHolidays.regionCode, region.code), gte(regionHolidays.date, start), lte(regionHolidays.date, end)));
  return { utcOffsetMinutes: region.utcOffsetMinutes, holidays: new Set([...national, ...local].map((h) => h.date)) };
}

export async function slaRules(db: Queryable, regionCode: string, categoryId: string): Promise<Record<SlaStage, SlaRule>> {
  const rows = await db
    .select()
    .from(slaPolicies)
    .where(and(eq(slaPolicies.regionCode, regionCode), or(isNull(slaPolicies.categoryId), eq(slaPolicies.categoryId, categoryId))));
  const toRule = (r: (typeof rows)[number]): SlaRule => ({ stage: r.stage as SlaStage, amount: r.amount, unit: r.unit as SlaRule['unit'], targetAmount: r.targetAmount });
  return resolveRules(rows.filter((r) => r.categoryId === null).map(toRule), rows.filter((r) => r.categoryId !== null).map(toRule));
}

/** Starts (or, after a reopen, restarts) the clock of some stages. */
export async function startDeadlines(
  db: Queryable, region: Region, complaintId: string, categoryId: string, stages: SlaStage[], start: Date,
): Promise<void> {
  const rules = await slaRules(db, region.code, categoryId);
  const cal = await workCalendar(db, region, start);
  for (const stage of stages) {
    const { dueAt, targetAt } = deadlinesFor(start, rules[stage], cal);
    await db
      .insert(complaintDeadlines)
      .values({ regionCode: region.code, complaintId, stage, dueAt, targetAt, nextCheckAt: dueAt })
      .onConflictDoUpdate({
        target: [complaintDeadlines.regionCode, complaintDeadlines.complaintId, complaintDeadlines.stage],
        set: { dueAt, targetAt, metAt: null, escalationStep: 0, nextCheckAt: dueAt, round: sql`${complaintDeadlines.round} + 1` },
      });
  }
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

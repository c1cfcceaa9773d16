// Reporting periods: the SAKIP coordinator opens a period with a due time,
// every unit with indicators to report gets a stage deadline (escalated by
// the platform's sweep, service/escalation.ts), a unit's planner submits the
// unit's report, and the coordinator closes the period, which locks its
// realisations and those of every period inside it, or reopens it with a
// reason. One transaction per use case, audited inside it.
import { and, asc, eq, gte, inArray, isNull, like, lte } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Region } from '../../../platform/regions/service.js';
import { stageDeadlines, units } from '../../../platform/schema.js';
import { regionCalendar } from '../../../platform/calendar/region.js';
import { meetStages, startStages, type RecordKey } from '../../../platform/deadlines/deadlines.js';
import { defaultDueAt, endOfLocalDay, firstCheckAt, localDueDate, reportStatus, reportStatusLabels, reportStatuses, type ReportStatus } from '../domain/reporting.js';
import { sakipIndicators, sakipNodes, sakipPlans, sakipRealisations, sakipReportingPeriods, sakipUnitReports } from '../schema.js';
import { ensureMayReport, reportingUnits } from './access.js';
import { actorLabel } from './data.js';
import { isWithin, parsePeriod, periodAndContainers, periodEnd, periodOrder, periodStart } from './periods.js';

type PeriodRow = typeof sakipReportingPeriods.$inferSelect;
type ReportingRegion = Pick<Region, 'code' | 'utcOffsetMinutes' | 'settings'>;

/** A unit's report deadline in the platform's stage-deadline engine: one stage, `report`. */
export const unitReportRecord = (regionCode: string, reportId: string): RecordKey => ({ regionCode, module: 'sakip', recordType: 'unit_report', recordId: reportId });
const STAGE = 'report';

/**
 * The closed period that locks `period`: itself or the smallest closed period
 * containing it; null when none. The rows read are locked against a
 * concurrent close or reopen until the caller's transaction ends.
 */
export async function lockingPeriod(tx: Queryable, regionCode: string, period: string, opts: { self: boolean } = { self: true }): Promise<string | null> {
  const candidates = periodAndContainers(period).slice(opts.self ? 0 : 1);
  if (candidates.length === 0) return null;
  const rows = await tx.select({ period: sakipReportingPeriods.period, status: sakipReportingPeriods.status }).from(sakipReportingPeriods)
    .where(and(eq(sakipReportingPeriods.regionCode, regionCode), inArray(sakipReportingPeriods.period, candidates))).for('share');
  return candidates.find((c) => rows.some((r) => r.period === c && r.status === 'closed')) ?? null;
}

async function periodRow(tx: Queryable, regionCode: string, period: string, lock?: 'update' | 'share'): Promise<PeriodRow> {
  const q = tx.select().from(sakipReportingPeriods).where(and(eq(sakipReportingPeriods.regionCode, regionCode), eq(sakipReportingPeriods.period, period)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw new AppError('sakip.reporting_period_not_found', { period });
  return row;
}

interface YearIndicator { planId: string; indicatorId: string; name: string; units: string[] }

/** What a year asks units to report: the indicators of the active plans covering it, each with its reporting units (access.ts). */
async function indicatorsOfYear(db: Queryable, regionCode: string, year: number): Promise<YearIndicator[]> {
  const rows = await db.select({
    planId: sakipPlans.id, planUnit: sakipPlans.unitId, nodeUnit: sakipNodes.unitId, indicatorId: sakipIndicators.id, name: sakipIndicators.name, shared: sakipIndicators.sharedUnitIds,
  }).from(sakipIndicators)
    .innerJoin(sakipPlans, and(eq(sakipPlans.regionCode, sakipIndicators.regionCode), eq(sakipPlans.id, sakipIndicators.planId)))
    .innerJoin(sakipNodes, and(eq(sakipNodes.regionCode, sakipIndicators.regionCode), eq(sakipNodes.id, sakipIndicators.nodeId)))
    .where(and(eq(sakipIndicators.regionCode, regionCode), eq(sakipPlans.status, 'active'), lte(sakipPlans.startYear, year), gte(sakipPlans.endYear, year)))
    .orderBy(asc(sakipPlans.kind), asc(sakipPlans.id), asc(sakipIndicators.position), asc(sakipIndicators.id));
  return rows.map((r) => ({ planId: r.planId, indicatorId: r.indicatorId, name: r.name, units: reportingUnits({ unitId: r.planUnit }, { unitId: r.nodeUnit }, { sharedUnitIds: r.shared }) }));
}

/**
 * Opens a reporting period of the region: once it has begun, not inside a
 * closed period, with a due time that is not before the period ends and has
 * not passed (by default the region's number of working days after its last
 * day). Each active unit with indicators to report that year gets its report
 * and deadline, checked from the ladder's first reminder.
 */
export async function openReportingPeriod(ctx: AppContext, region: ReportingRegion, actor: Actor, input: { period: string; dueDate?: string }) {
  const p = parsePeriod(input.period);
  const regionCode = region.code;
  const settings = region.settings.sakip.reporting;
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (periodStart(p, region.utcOffsetMinutes) > now) throw new AppError('sakip.period_not_started', { period: input.period });
    const locked = await lockingPeriod(tx, regionCode, input.period);
    if (locked === input.period) throw new AppError('sakip.reporting_period_exists', { period: input.period });
    if (locked) throw new AppError('sakip.period_locked', { period: input.period, lockedBy: locked });
    const end = periodEnd(p, region.utcOffsetMinutes);
    const dueAt = input.dueDate
      ? endOfLocalDay(input.dueDate, region.utcOffsetMinutes)
      : defaultDueAt(end, settings.dueWorkingDays[p.kind], await regionCalendar(tx, regionCode, end));
    if (dueAt < end || dueAt <= now) throw new AppError('sakip.due_invalid', { period: input.period, dueDate: localDueDate(dueAt, region.utcOffsetMinutes) });
    const by = { openedAt: now, openedBy: actor.userId, openedByLabel: actorLabel(actor) };
    const [opened] = await tx.insert(sakipReportingPeriods).values({ regionCode, period: input.period, year: p.year, status: 'open', dueAt, ...by }).onConflictDoNothing().returning();
    if (!opened) throw new AppError('sakip.reporting_period_exists', { period: input.period });
    const named = [...new Set((await indicatorsOfYear(tx, regionCode, p.year)).flatMap((i) => i.units))];
    const reporting = named.length === 0 ? [] : await tx.select({ id: units.id }).from(units)
      .where(and(eq(units.regionCode, regionCode), eq(units.active, true), inArray(units.id, named))).orderBy(asc(units.code));
    if (reporting.length > 0) {
      const reports = await tx.insert(sakipUnitReports).values(reporting.map((u) => ({ regionCode, period: input.period, unitId: u.id }))).returning();
      const checkFrom = firstCheckAt(dueAt, settings.ladder);
      for (const r of reports) await startStages(tx, unitReportRecord(regionCode, r.id), [{ stage: STAGE, unit: 'working_days', dueAt, targetAt: null, checkFrom }]);
    }
    await audit(tx, now, actor, regionCode, 'sakip.period_open', 'sakip_reporting_period', input.period, { dueAt: dueAt.toISOString(), units: reporting.length });
  });
}

export type PeriodStatusChange = { status: 'closed' } | { status: 'open'; reason: string };

/**
 * Closes a period (locking it and every period inside it; the deadlines of
 * reports not in stop: they are missing) or reopens it with a reason, unless
 * a period containing it is still closed. Reopening restarts no deadline.
 */
export async function setReportingPeriodStatus(ctx: AppContext, region: ReportingRegion, actor: Actor, period: string, change: PeriodStatusChange) {
  const regionCode = region.code;
  await ctx.database.db.transaction(async (tx) => {
    const row = await periodRow(tx, regionCode, period, 'update');
    if (row.status === change.status) return;
    const now = ctx.clock.now();
    const where = and(eq(sakipReportingPeriods.regionCode, regionCode), eq(sakipReportingPeriods.period, period));
    if (change.status === 'closed') {
      await tx.update(sakipReportingPeriods).set({ status: 'closed', closedAt: now, closedBy: actor.userId, closedByLabel: actorLabel(actor) }).where(where);
      const open = await tx.select({ id: sakipUnitReports.id, period: sakipUnitReports.period }).from(sakipUnitReports)
        .where(and(eq(sakipUnitReports.regionCode, regionCode), like(sakipUnitReports.period, `${row.year}%`), isNull(sakipUnitReports.submittedAt)));
      for (const r of open.filter((o) => isWithin(o.period, period))) await meetStages(tx, unitReportRecord(regionCode, r.id), 'all', now);
      await audit(tx, now, actor, regionCode, 'sakip.period_close', 'sakip_reporting_period', period, {}, { before: { status: 'open' }, after: { status: 'closed' } });
      return;
    }
    const locked = await lockingPeriod(tx, regionCode, period, { self: false });
    if (locked) throw new AppError('sakip.period_locked', { period, lockedBy: locked });
    await tx.update(sakipReportingPeriods).set({
      status: 'open', closedAt: null, closedBy: null, closedByLabel: null, reopenedAt: now, reopenedBy: actor.userId, reopenedByLabel: actorLabel(actor), reopenReason: change.reason,
    }).where(where);
    await audit(tx, now, actor, regionCode, 'sakip.period_reopen', 'sakip_reporting_period', period, { reason: change.reason }, { before: { status: 'closed' }, after: { status: 'open' } });
  });
}

/**
 * A unit's planner (or the coordinator) submits the unit's report for an
 * open, unlocked period: its deadline is met, on time or late. Indicators
 * without a realisation do not stop it; the period's view lists them.
 */
export async function submitUnitReport(ctx: AppContext, region: ReportingRegion, actor: Actor, period: string, unitId: string, input: { note?: string }) {
  const regionCode = region.code;
  ensureMayReport(actor, regionCode, [unitId]);
  await ctx.database.db.transaction(async (tx) => {
    await periodRow(tx, regionCode, period, 'share');
    const locked = await lockingPeriod(tx, regionCode, period);
    if (locked) throw new AppError('sakip.period_locked', { period, lockedBy: locked });
    const [report] = await tx.select().from(sakipUnitReports)
      .where(and(eq(sakipUnitReports.regionCode, regionCode), eq(sakipUnitReports.period, period), eq(sakipUnitReports.unitId, unitId))).for('update');
    if (!report) throw new AppError('sakip.unit_not_reporting', { period, unitId });
    if (report.submittedAt) throw new AppError('sakip.report_submitted', { period });
    const now = ctx.clock.now();
    const note = input.note ?? '';
    await tx.update(sakipUnitReports).set({ submittedAt: now, submittedBy: actor.userId, submittedByLabel: actorLabel(actor), note })
      .where(and(eq(sakipUnitReports.regionCode, regionCode), eq(sakipUnitReports.id, report.id)));
    await meetStages(tx, unitReportRecord(regionCode, report.id), 'all', now);
    await audit(tx, now, actor, regionCode, 'sakip.report_submit', 'sakip_unit_report', report.id, { period, unitId, ...(note ? { note } : {}) });
  });
}

// ---------------------------------------------------------------------------
// Reading

const personOf = (at: Date | null, label: string | null) => (at ? { at, by: label ?? '' } : null);

/** Periods with each unit's report: its status, escalation level, and which of its indicators have a realisation in the period. */
async function periodViews(ctx: AppContext, region: ReportingRegion, rows: PeriodRow[]) {
  const db = ctx.database.db;
  const regionCode = region.code;
  const now = ctx.clock.now();
  const years = [...new Set(rows.map((r) => r.year))];
  if (years.length === 0) return [];
  const [sameYears, reports, realised, indicators] = await Promise.all([
    db.select({ period: sakipReportingPeriods.period, status: sakipReportingPeriods.status }).from(sakipReportingPeriods)
      .where(and(eq(sakipReportingPeriods.regionCode, regionCode), inArray(sakipReportingPeriods.year, years))),
    db.select({ report: sakipUnitReports, unit: { id: units.id, code: units.code, name: units.name }, step: stageDeadlines.escalationStep }).from(sakipUnitReports)
      .innerJoin(units, and(eq(units.regionCode, sakipUnitReports.regionCode), eq(units.id, sakipUnitReports.unitId)))
      .leftJoin(stageDeadlines, and(eq(stageDeadlines.regionCode, sakipUnitReports.regionCode), eq(stageDeadlines.module, 'sakip'), eq(stageDeadlines.recordType, 'unit_report'),
        eq(stageDeadlines.recordId, sakipUnitReports.id), eq(stageDeadlines.stage, STAGE)))
      .where(and(eq(sakipUnitReports.regionCode, regionCode), inArray(sakipUnitReports.period, rows.map((r) => r.period))))
      .orderBy(asc(units.code)),
    db.select({ indicatorId: sakipRealisations.indicatorId, period: sakipRealisations.period }).from(sakipRealisations)
      .where(and(eq(sakipRealisations.regionCode, regionCode), inArray(sakipRealisations.year, years))),
    Promise.all(years.map(async (y) => [y, await indicatorsOfYear(db, regionCode, y)] as const)).then((e) => new Map(e)),
  ]);
  const closed = new Set(sameYears.filter((r) => r.status === 'closed').map((r) => r.period));
  return rows.map((row) => {
    const lockedBy = periodAndContainers(row.period).find((c) => closed.has(c)) ?? null;
    const reportedHere = new Set(realised.filter((r) => isWithin(r.period, row.period)).map((r) => r.indicatorId));
    const unitViews = reports.filter((r) => r.report.period === row.period).map(({ report, unit, step }) => {
      const own = indicators.get(row.year)!.filter((i) => i.units.includes(unit.id));
      const status = reportStatus({ submittedAt: report.submittedAt, dueAt: row.dueAt, locked: lockedBy !== null, now });
      return {
        unit, status, statusLabel: reportStatusLabels[status], submitted: personOf(report.submittedAt, report.submittedByLabel), note: report.note,
        escalationLevel: step ?? 0,
        indicators: {
          total: own.length, reported: own.filter((i) => reportedHere.has(i.indicatorId)).length,
          missing: own.filter((i) => !reportedHere.has(i.indicatorId)).map(({ planId, indicatorId, name }) => ({ planId, indicatorId, name })),
        },
      };
    });
    const counts = Object.fromEntries(reportStatuses.map((s) => [s, unitViews.filter((u) => u.status === s).length])) as Record<ReportStatus, number>;
    return {
      period: row.period, kind: parsePeriod(row.period).kind, year: row.year, status: row.status, locked: lockedBy !== null, lockedBy,
      dueAt: row.dueAt, dueDate: localDueDate(row.dueAt, region.utcOffsetMinutes),
      opened: personOf(row.openedAt, row.openedByLabel)!, closed: personOf(row.closedAt, row.closedByLabel),
      reopened: row.reopenedAt ? { at: row.reopenedAt, by: row.reopenedByLabel ?? '', reason: row.reopenReason ?? '' } : null,
      counts, units: unitViews,
    };
  });
}

/** Newest first: by year, the year itself before its quarters and months, later ones first. */
const newestFirst = (a: PeriodRow, b: PeriodRow) => {
  const rank = (r: PeriodRow) => (parsePeriod(r.period).kind === 'year' ? 100 : periodOrder(r.period) * 2 + (parsePeriod(r.period).kind === 'quarter' ? 1 : 0));
  return b.year - a.year || rank(b) - rank(a);
};

export async function listReportingPeriods(ctx: AppContext, region: ReportingRegion, filter: { year?: number }) {
  const rows = await ctx.database.db.select().from(sakipReportingPeriods)
    .where(and(eq(sakipReportingPeriods.regionCode, region.code), filter.year === undefined ? undefined : eq(sakipReportingPeriods.year, filter.year)));
  return periodViews(ctx, region, rows.sort(newestFirst));
}

export async function reportingPeriodView(ctx: AppContext, region: ReportingRegion, period: string) {
  const row = await periodRow(ctx.database.db, region.code, period);
  return (await periodViews(ctx, region, [row]))[0];
}

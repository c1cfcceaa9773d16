// What a unit's report deadline does on each rung of the region's ladder
// (settings: sakip.reporting.ladder). The platform's deadline sweep claims
// the due deadlines and makes each step happen once; this handler, in the
// same transaction, tells the rung's people in-app and by email: a reminder
// before the due time, then that the report is overdue.
import { and, eq, inArray } from 'drizzle-orm';
import type { DeadlineHandler } from '../../../platform/modules/contract.js';
import { notifyStaff } from '../../../platform/notify/staff.js';
import { getRegion, type Region } from '../../../platform/regions/service.js';
import { units } from '../../../platform/schema.js';
import { reportDueSoon, reportOverdue } from '../domain/notices.js';
import { dueWords, type LadderAudience } from '../domain/reporting.js';
import { sakipUnitReports } from '../schema.js';

/** Who a rung tells, and who hears instead when nobody holds the role (a report must never go unheard of). */
const audiences: Record<LadderAudience, { roles: string[]; ofUnit: boolean; otherwise: string[] }> = {
  planners: { roles: ['sakip_planner'], ofUnit: true, otherwise: ['sakip_coordinator'] },
  unit_head: { roles: ['unit_head'], ofUnit: true, otherwise: ['sakip_coordinator'] },
  coordinator: { roles: ['sakip_coordinator'], ofUnit: false, otherwise: ['region_admin'] },
};

export const unitReportDeadlineHandler: DeadlineHandler = {
  // The region's ladder as it is now.
  async ladder(tx, { regionCode }) {
    return (await getRegion(tx, regionCode)).settings.sakip.reporting.ladder;
  },

  async onEscalate(tx, steps, ctx) {
    const regions = new Map<string, Region>();
    const reports = [];
    for (const regionCode of new Set(steps.map((s) => s.deadline.regionCode))) {
      const ids = steps.filter((s) => s.deadline.regionCode === regionCode).map((s) => s.deadline.recordId);
      reports.push(...await tx.select({ report: sakipUnitReports, unitName: units.name }).from(sakipUnitReports)
        .innerJoin(units, and(eq(units.regionCode, sakipUnitReports.regionCode), eq(units.id, sakipUnitReports.unitId)))
        .where(and(eq(sakipUnitReports.regionCode, regionCode), inArray(sakipUnitReports.id, ids))));
    }
    for (const { deadline: d, step, rung, at } of steps) {
      const found = reports.find((r) => r.report.regionCode === d.regionCode && r.report.id === d.recordId);
      // Submitted or gone since the step was due: nothing to say.
      if (!found || found.report.submittedAt) continue;
      const region = regions.get(d.regionCode) ?? (await getRegion(tx, d.regionCode));
      regions.set(d.regionCode, region);
      const to = rung.to as LadderAudience;
      const who = audiences[to];
      await notifyStaff(tx, at, {
        regionCode: d.regionCode, roles: who.roles, unitId: who.ofUnit ? found.report.unitId : null, otherwise: who.otherwise,
        template: rung.afterHours < 0 ? reportDueSoon : reportOverdue[to],
        data: { unit: found.unitName, period: found.report.period, due: dueWords(d.dueAt, region), step },
        link: `/staff/${d.regionCode}/sakip/pelaporan/${found.report.period}`, email: { publicUrl: ctx.config.publicUrl },
      });
    }
  },
};

// The demo region's performance report (LKjIP) for 2025, generated from the
// RPJMD's 2025 figures in February 2026, its texts left as generated, and
// approved by the coordinator: final, so the public page shows one.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.js';
import { getRegion } from '../../platform/regions/service.js';
import { users } from '../../platform/schema.js';
import { sakipReports } from './schema.js';
import { sourcePlan } from './service/agreements.js';
import { insertReport } from './service/lkjip.js';

export const DEMO_REPORT_YEAR = 2025;

export async function seedLkjipDemo(tx: Queryable, regionCode: string): Promise<void> {
  const email = 'sakip@sumedang.demo';
  const [person] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
  const by = { id: person?.id ?? null, label: email };
  const region = await getRegion(tx, regionCode);
  const plan = await sourcePlan(tx, regionCode, DEMO_REPORT_YEAR, null, 'sakip.report_no_plan');
  const { report } = await insertReport(tx, region, plan, DEMO_REPORT_YEAR, new Date(Date.UTC(2026, 1, 10, 3)), by);
  const finalisedAt = new Date(Date.UTC(2026, 1, 24, 3));
  await tx.update(sakipReports).set({ status: 'final', finalisedAt, finalisedBy: by.id, finalisedByLabel: by.label, updatedAt: finalisedAt })
    .where(and(eq(sakipReports.regionCode, regionCode), eq(sakipReports.id, report.id)));
}

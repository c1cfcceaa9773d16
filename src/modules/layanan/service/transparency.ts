// The region's public account of its services in a year (the region's local
// year of filing): per service, applications filed, decided, decided on time
// (by the decision deadline, which moves later by the time spent waiting for
// the citizen), the median days from filing to decision, how many are deemed
// granted (fiktif positif), and still open. Counted in SQL over the year's
// applications; no personal data.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Region } from '../../../platform/regions/service.js';
import { DECISION_STAGE, openStatuses } from '../domain/journey.js';
import { startOfLocalDate } from '../../../platform/calendar/calendar.js';

export interface ServiceAccount {
  serviceId: string;
  slug: string;
  name: string;
  filed: number;
  decided: number;
  onTime: number;
  /** Share of decided applications decided by their deadline, 0–100 with one decimal; null before any decision. */
  onTimePercent: number | null;
  medianDays: number | null;
  deemedGranted: number;
  open: number;
}

export async function yearAccount(ctx: AppContext, region: Region, year: number): Promise<{ year: number; services: ServiceAccount[] }> {
  return { year, services: await accountBetween(ctx, region, `${year}-01-01`, `${year + 1}-01-01`) };
}

/** The account of applications filed from one local date (inclusive) to another (exclusive), per service. */
export async function accountBetween(ctx: AppContext, region: Region, fromDate: string, untilDate: string): Promise<ServiceAccount[]> {
  const [from, until] = [startOfLocalDate(fromDate, region), startOfLocalDate(untilDate, region)];
  const rows = await ctx.database.rows<{ service_id: string; slug: string; name: string; filed: number; decided: number; on_time: number; median_days: string | null; deemed: number; open: number }>(sql`
    select s.id as service_id, s.slug, s.name,
      count(a.id)::int as filed,
      count(a.decided_at)::int as decided,
      count(*) filter (where a.decided_at is not null and d.due_at is not null and a.decided_at <= d.due_at)::int as on_time,
      (percentile_cont(0.5) within group (order by extract(epoch from (a.decided_at - a.filed_at)) / 86400) filter (where a.decided_at is not null))::text as median_days,
      count(a.fiktif_positif_at)::int as deemed,
      count(*) filter (where a.status in (${sql.join(openStatuses.map((x) => sql`${x}`), sql`, `)}))::int as open
    from layanan_services s
    join layanan_applications a on a.region_code = s.region_code and a.service_id = s.id
      and a.filed_at >= ${from} and a.filed_at < ${until}
    left join stage_deadlines d on d.region_code = a.region_code and d.module = 'layanan' and d.record_type = 'application'
      and d.record_id = a.id and d.stage = ${DECISION_STAGE}
    where s.region_code = ${region.code}
    group by s.id, s.slug, s.name
    order by s.name`);
  return rows.map((r) => ({
    serviceId: r.service_id, slug: r.slug, name: r.name, filed: r.filed, decided: r.decided, onTime: r.on_time,
    onTimePercent: r.decided > 0 ? Math.round((r.on_time / r.decided) * 1000) / 10 : null,
    medianDays: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
    deemedGranted: r.deemed, open: r.open,
  }));
}

// How far each unit submits its performance reports in Pamong by their due
// time, for the leader's ranking of units' digital adoption. A unit's report
// for a reporting period is due at the period's due time (set when the SAKIP
// coordinator opens it: by default the region's number of working days after
// the period ends, domain/reporting.ts), on time when submitted before it.
import { sql } from 'drizzle-orm';
import type { AdoptionMeasure } from '../../../platform/modules/contract.js';
import { periodInstants } from '../../../platform/calendar/region.js';

export const sakipAdoption: AdoptionMeasure[] = [{
  key: 'reports-on-time',
  title: { id: 'Laporan realisasi kinerja dikirim tepat waktu', en: 'Performance realisation reports submitted on time' },
  method: {
    id: 'Dari laporan perangkat daerah untuk periode pelaporan e-SAKIP (bulan, triwulan atau tahun) yang batas waktunya jatuh dalam periode itu (waktu daerah) dan sudah dikirim atau sudah lewat batas waktunya, yang dikirim di Pamong sebelum batas waktu. Batas waktu adalah yang ditetapkan koordinator saat membuka periode pelaporan (bawaan: 5, 10 atau 20 hari kerja setelah periode berakhir, aturan daerah, bukan ketentuan peraturan). Laporan yang belum dikirim dan belum jatuh tempo belum dihitung.',
    en: 'Of the units\' reports for e-SAKIP reporting periods (a month, a quarter or a year) whose due time falls in the period (the region\'s time) and that are submitted or past their due time, those submitted in Pamong before the due time. The due time is the one the coordinator set when opening the reporting period (by default 5, 10 or 20 working days after the period ends: the region\'s rule, not a regulation\'s). Reports not submitted and not yet due are not counted yet.',
  },
  async read(ctx, regionCode, period) {
    // A due time is the first instant after the last day it allows: one at the start of the next month is due in this one.
    const bounds = await periodInstants(ctx.database.db, regionCode, period);
    if (!bounds) return [];
    const { from, to } = bounds;
    const now = ctx.clock.now();
    return ctx.database.rows<{ unitId: string; done: number; total: number }>(sql`
      select r.unit_id as "unitId",
        (count(*) filter (where r.submitted_at < p.due_at))::int as done,
        count(*)::int as total
      from sakip_reporting_periods p
      join sakip_unit_reports r on r.region_code = p.region_code and r.period = p.period
      where p.region_code = ${regionCode} and p.due_at > ${from} and p.due_at <= ${to}
        and (r.submitted_at is not null or p.due_at <= ${now})
      group by r.unit_id`);
  },
}];

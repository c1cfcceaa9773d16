// What the complaints module measures for other modules to take (e-SAKIP's
// indicator "complaints answered on time"), from the monthly summary table.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { ModuleMeasure } from '../../../platform/modules/contract.js';
import { Dec, round2 } from '../../../platform/decimal.js';
import { ALL_DISTRICTS } from '../domain/dashboard.js';

/** Complaints received in the local months given (YYYY-MM, both inclusive) that were answered, and answered in time. */
export async function answeredInTime(ctx: AppContext, regionCode: string, fromMonth: string, toMonth: string): Promise<{ responded: number; inTime: number }> {
  const [row] = await ctx.database.rows<{ responded: number; inTime: number }>(sql`
    select coalesce(sum(responded), 0)::int as responded, coalesce(sum(responded_in_time), 0)::int as "inTime"
    from complaint_stats
    where region_code = ${regionCode} and district_code = ${ALL_DISTRICTS}
      and month between ${`${fromMonth}-01`}::date and ${`${toMonth}-01`}::date`);
  return row ?? { responded: 0, inTime: 0 };
}

export const complaintMeasures: ModuleMeasure[] = [{
  key: 'responded-in-time',
  title: { id: 'Pengaduan ditanggapi tepat waktu', en: 'Complaints answered on time' },
  method: {
    id: 'Persentase pengaduan yang diterima dalam periode itu dan tanggapan pertamanya diberikan sebelum batas waktu, dari yang sudah ditanggapi (seperti di dasbor), dua desimal dibulatkan setengah ke atas.',
    en: 'The share of complaints received in the period whose first answer came before its deadline, of those answered (as on the dashboard), to two decimals rounded half up.',
  },
  measure: '%',
  periods: ['year', 'quarter', 'month'],
  async read(ctx, regionCode, period) {
    const { responded, inTime } = await answeredInTime(ctx, regionCode, period.fromMonth, period.toMonth);
    if (responded === 0) return null;
    return round2(new Dec(inTime).times(100).div(responded)).toFixed(2);
  },
}];

// How far each unit answers its complaints in Pamong on time, for the
// leader's ranking of units' digital adoption, from the monthly summary table.
import { sql } from 'drizzle-orm';
import type { AdoptionMeasure } from '../../../platform/modules/contract.js';
import { ALL_DISTRICTS, NO_UNIT } from '../domain/dashboard.js';

export const complaintAdoption: AdoptionMeasure[] = [{
  key: 'answered-on-time',
  title: { id: 'Pengaduan dijawab di Pamong tepat waktu', en: 'Complaints answered in Pamong on time' },
  method: {
    id: 'Dari pengaduan yang diterima dalam periode itu dan diteruskan ke unit (tanpa yang ditolak, digabung atau dilimpahkan), yang tanggapan pertamanya diberikan di Pamong sebelum batas waktunya. Pengaduan yang belum ditanggapi dihitung belum, sehingga angka bulan berjalan naik saat tanggapan masuk.',
    en: 'Of the complaints received in the period and routed to the unit (not rejected, merged or transferred), those whose first answer was given in Pamong before its deadline. Complaints not answered yet count as not done, so the current month\'s figure rises as answers come in.',
  },
  async read(ctx, regionCode, period) {
    const rows = await ctx.database.rows<{ unitId: string; done: number; total: number }>(sql`
      select unit_id as "unitId", sum(responded_in_time)::int as done, sum(received - rejected - merged - transferred)::int as total
      from complaint_stats
      where region_code = ${regionCode} and district_code = ${ALL_DISTRICTS} and unit_id <> ${NO_UNIT}
        and month between ${`${period.fromMonth}-01`}::date and ${`${period.toMonth}-01`}::date
      group by unit_id
      having sum(received - rejected - merged - transferred) > 0`);
    return rows;
  },
}];

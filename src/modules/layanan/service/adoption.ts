// How far each unit decides its services' applications in Pamong, for the
// leader's ranking of units' digital adoption: a decision taken by an officer
// before the decision deadline, rather than an application deemed granted
// because the deadline passed undecided (fiktif positif, service/deadlines.ts).
import { sql } from 'drizzle-orm';
import type { AdoptionMeasure } from '../../../platform/modules/contract.js';
import { periodInstants } from '../../../platform/calendar/region.js';

export const layananAdoption: AdoptionMeasure[] = [{
  key: 'decided-in-pamong',
  title: { id: 'Permohonan layanan diputus di Pamong', en: 'Service applications decided in Pamong' },
  method: {
    id: 'Dari permohonan layanan milik unit yang diputus dalam periode itu (waktu daerah), yaitu disetujui atau ditolak, atau dianggap dikabulkan karena batas waktu keputusan lewat tanpa keputusan (fiktif positif, dihitung pada saat itu), yang diputus petugas di Pamong sebelum menjadi fiktif positif. Permohonan fiktif positif dihitung belum, juga bila kemudian diputus.',
    en: 'Of the unit\'s service applications decided in the period (the region\'s time), i.e. approved or refused, or deemed granted because the decision deadline passed without a decision (fiktif positif, counted at that moment), those decided by an officer in Pamong before becoming fiktif positif. Applications deemed granted count as not done, also when decided later.',
  },
  async read(ctx, regionCode, period) {
    const bounds = await periodInstants(ctx.database.db, regionCode, period);
    if (!bounds) return [];
    const { from, to } = bounds;
    return ctx.database.rows<{ unitId: string; done: number; total: number }>(sql`
      select unit_id as "unitId",
        (count(*) filter (where fiktif_positif_at is null))::int as done,
        count(*)::int as total
      from layanan_applications
      where region_code = ${regionCode}
        and coalesce(fiktif_positif_at, decided_at) >= ${from} and coalesce(fiktif_positif_at, decided_at) < ${to}
      group by unit_id`);
  },
}];

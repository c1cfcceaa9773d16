// How far each unit follows up the dispositions it is given in Pamong, for
// the leader's ranking of units' digital adoption.
import { sql } from 'drizzle-orm';
import type { AdoptionMeasure } from '../../../platform/modules/contract.js';
import { periodInstants } from '../../../platform/calendar/region.js';

export const suratAdoption: AdoptionMeasure[] = [{
  key: 'dispositions-followed-up',
  title: { id: 'Disposisi ditindaklanjuti tepat waktu', en: 'Dispositions followed up on time' },
  method: {
    id: 'Dari disposisi yang diberikan kepada orang di unit itu dalam periode (tidak ditarik) dan sudah selesai atau sudah lewat batas waktunya, yang diselesaikan dengan laporan di Pamong paling lambat pada batas waktunya (atau kapan pun bila tanpa batas waktu). Disposisi yang masih dalam batas waktu belum dihitung.',
    en: 'Of the dispositions given to people of the unit in the period (not withdrawn) that are done or past their deadline, those completed with a report in Pamong by their deadline (or at any time when they have none). Dispositions still within their deadline are not counted yet.',
  },
  async read(ctx, regionCode, period) {
    const bounds = await periodInstants(ctx.database.db, regionCode, period);
    if (!bounds) return [];
    const { from, to } = bounds;
    const now = ctx.clock.now();
    return ctx.database.rows<{ unitId: string; done: number; total: number }>(sql`
      select to_unit_id as "unitId",
        (count(*) filter (where status = 'done' and (due_at is null or done_at <= due_at)))::int as done,
        count(*)::int as total
      from surat_dispositions
      where region_code = ${regionCode} and to_unit_id is not null and status <> 'withdrawn'
        and created_at >= ${from} and created_at < ${to}
        and (status = 'done' or due_at < ${now})
      group by to_unit_id`);
  },
}];

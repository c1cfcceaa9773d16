// How far each unit fills the SPBE indicators assigned to it with evidence in
// Pamong, for the leader's ranking of units' digital adoption. An indicator
// is tied to a unit by its assignment (spbe_answers.unit_id, set by the SPBE
// coordinator); the unit's officers fill it and attach the evidence.
import { sql } from 'drizzle-orm';
import type { AdoptionMeasure } from '../../../platform/modules/contract.js';

export const spbeAdoption: AdoptionMeasure[] = [{
  key: 'indicators-with-evidence',
  title: { id: 'Indikator SPBE diisi dengan bukti dukung', en: 'SPBE indicators filled with evidence' },
  method: {
    id: 'Dari indikator evaluasi SPBE tahun periode itu yang ditugaskan kepada unit (evaluasi yang sudah melewati tahap draf, sehingga unit dapat mengisinya), yang jawabannya di Pamong memuat tingkat penilaian mandiri dan paling sedikit satu berkas bukti dukung. Unit dihitung menurut penugasan indikator saat ini; indikator yang belum ditugaskan tidak dihitung.',
    en: 'Of the indicators of the SPBE evaluation of the period\'s year assigned to the unit (an evaluation past its draft stage, so the unit can fill them), those whose answer in Pamong has a self-assessed level and at least one evidence file. Units are counted by the indicator\'s current assignment; indicators not assigned are not counted.',
  },
  async read(ctx, regionCode, period) {
    return ctx.database.rows<{ unitId: string; done: number; total: number }>(sql`
      select a.unit_id as "unitId",
        (count(*) filter (where a.self_level is not null and exists (
          select 1 from spbe_evidence e
          where e.region_code = a.region_code and e.evaluation_id = a.evaluation_id and e.indicator_code = a.indicator_code)))::int as done,
        count(*)::int as total
      from spbe_evaluations ev
      join spbe_answers a on a.region_code = ev.region_code and a.evaluation_id = ev.id
      where ev.region_code = ${regionCode} and ev.year = ${period.year} and ev.stage <> 'draft' and a.unit_id is not null
      group by a.unit_id`);
  },
}];

// The impact of a solution where it was adopted: for each adopting region,
// each figure the installed modules measure (SPBE index, complaints answered
// on time, services decided on time, satisfaction index) before the adoption
// and in the latest full period since, read from those modules' own data
// through the registry. Before and after is not cause and effect: the answer
// says so, and a figure nobody measured stays empty.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { listMeasures, readMeasure } from '../../../platform/modules/measures.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { getRegion } from '../../../platform/regions/service.js';
import { livinglabAdoptions } from '../schema.js';
import { beforeAndAfter, periodLabel } from '../domain/impact.js';
import { publishedForAdoption } from './catalogue.js';

export const IMPACT_CAVEAT = {
  id: 'Angka sebelum dan sesudah adopsi bukan hubungan sebab-akibat: banyak hal lain ikut berubah di daerah pengadopsi.',
  en: 'Figures before and after an adoption are not cause and effect: much else changes in the adopting region too.',
};

export async function solutionImpact(ctx: AppContext, solutionId: string) {
  const db = ctx.database.db;
  await publishedForAdoption(db, solutionId);
  const adoptions = await db.select({ regionCode: livinglabAdoptions.regionCode, adoptedAt: livinglabAdoptions.adoptedAt, version: livinglabAdoptions.version })
    .from(livinglabAdoptions).where(and(eq(livinglabAdoptions.solutionId, solutionId))).orderBy(livinglabAdoptions.adoptedAt);
  const measures = listMeasures();
  const now = ctx.clock.now();
  const regions = await Promise.all(adoptions.map(async (a) => {
    const region = await getRegion(db, a.regionCode);
    const figures = await Promise.all(measures.map(async ({ ref, measure }) => {
      const kind = measure.periods.includes('quarter') ? 'quarter' : 'year';
      const { before, after } = beforeAndAfter(kind, localDateOf(a.adoptedAt, region), localDateOf(now, region));
      const [was, is] = await Promise.all([readMeasure(ctx, measure, a.regionCode, before), after && readMeasure(ctx, measure, a.regionCode, after)]);
      return {
        ref, title: measure.title, method: measure.method, measure: measure.measure,
        before: { period: periodLabel(before), value: was },
        after: after ? { period: periodLabel(after), value: is } : null,
      };
    }));
    return { regionCode: a.regionCode, regionName: region.name, adoptedAt: a.adoptedAt, version: a.version, figures };
  }));
  return { caveat: IMPACT_CAVEAT, adopters: regions };
}

// What the SPBE module measures for other modules to take (e-SAKIP's
// indicator "SPBE index"): a year's recorded result.
import { and, eq } from 'drizzle-orm';
import type { ModuleMeasure } from '../../../platform/modules/contract.js';
import { spbeResults } from '../schema.js';

export const spbeMeasures: ModuleMeasure[] = [{
  key: 'index',
  title: { id: 'Indeks SPBE', en: 'SPBE index' },
  method: {
    id: 'Indeks hasil evaluasi SPBE tahun itu (skala 0–5): dari evaluasi yang difinalkan di Pamong atau hasil resmi yang diimpor.',
    en: 'That year\'s SPBE evaluation index (scale 0–5): from an evaluation finalised in Pamong or imported official results.',
  },
  measure: 'indeks',
  periods: ['year'],
  async read(ctx, regionCode, period) {
    const [row] = await ctx.database.db.select({ index: spbeResults.index }).from(spbeResults)
      .where(and(eq(spbeResults.regionCode, regionCode), eq(spbeResults.year, period.year)));
    return row?.index ?? null;
  },
}];

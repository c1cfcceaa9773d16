// The SPBE figure the leader's dashboard shows without knowing this module.
import { and, desc, eq } from 'drizzle-orm';
import type { DashboardTile } from '../../../platform/modules/contract.js';
import { spbeResults, spbeTargets } from '../schema.js';

export const spbeTiles: DashboardTile[] = [{
  key: 'index',
  title: { id: 'Indeks SPBE terakhir', en: 'Latest SPBE index' },
  method: {
    id: 'Indeks hasil evaluasi SPBE tahun terakhir yang tercatat (skala 0–5), dari evaluasi yang difinalkan atau hasil resmi yang diimpor; dibandingkan dengan target tahun itu bila ada.',
    en: 'The index of the latest recorded SPBE evaluation year (scale 0–5), from a finalised evaluation or imported official results; compared with that year\'s target when one is set.',
  },
  permission: 'spbe.read',
  async read(ctx, regionCode) {
    const db = ctx.database.db;
    const [latest] = await db.select({ year: spbeResults.year, index: spbeResults.index, recordedAt: spbeResults.recordedAt }).from(spbeResults)
      .where(eq(spbeResults.regionCode, regionCode)).orderBy(desc(spbeResults.year)).limit(1);
    if (!latest) return { value: null, unit: null, asOf: ctx.clock.now(), link: `/staff/${regionCode}/spbe` };
    const [target] = await db.select({ index: spbeTargets.targetIndex }).from(spbeTargets)
      .where(and(eq(spbeTargets.regionCode, regionCode), eq(spbeTargets.year, latest.year)));
    return {
      value: Number(latest.index),
      unit: target ? { id: `tahun ${latest.year}, target ${target.index}`, en: `year ${latest.year}, target ${target.index}` } : { id: `tahun ${latest.year}`, en: `year ${latest.year}` },
      asOf: latest.recordedAt, link: `/staff/${regionCode}/spbe`,
    };
  },
}];

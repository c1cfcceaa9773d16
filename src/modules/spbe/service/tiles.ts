// The SPBE figures the leader's dashboard shows without knowing this module:
// the latest index against that year's target, and the next steps of the
// fewest-steps plan towards the region's next target.
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import type { DashboardTile, TileReading } from '../../../platform/modules/contract.js';
import { AppError } from '../../../platform/errors.js';
import { findRegionCached } from '../../../platform/regions/service.js';
import { spbeResults, spbeTargets } from '../schema.js';
import { plan } from './targets.js';

const HOME = (region: string) => `/staff/${region}/spbe`;
const TARGETS = (region: string) => `/staff/${region}/spbe/target`;

export const spbeTiles: DashboardTile[] = [
  {
    key: 'index',
    title: { id: 'Indeks SPBE terakhir', en: 'Latest SPBE index' },
    method: {
      id: 'Indeks hasil evaluasi SPBE tahun terakhir yang tercatat (skala 0–5), dari evaluasi yang difinalkan atau hasil resmi yang diimpor; dibandingkan dengan target tahun itu bila ada: baik bila mencapai target, buruk bila di bawahnya.',
      en: 'The index of the latest recorded SPBE evaluation year (scale 0–5), from a finalised evaluation or imported official results; compared with that year\'s target when one is set: good when it reaches the target, bad below it.',
    },
    permission: 'spbe.read',
    trend: 'index',
    better: 'higher',
    async read(ctx, regionCode): Promise<TileReading> {
      const [latest] = await ctx.database.db.select({ year: spbeResults.year, index: spbeResults.index, recordedAt: spbeResults.recordedAt, target: spbeTargets.targetIndex })
        .from(spbeResults)
        .leftJoin(spbeTargets, and(eq(spbeTargets.regionCode, spbeResults.regionCode), eq(spbeTargets.year, spbeResults.year)))
        .where(eq(spbeResults.regionCode, regionCode)).orderBy(desc(spbeResults.year)).limit(1);
      if (!latest) return { value: null, unit: null, asOf: ctx.clock.now(), link: HOME(regionCode) };
      const value = Number(latest.index);
      return {
        value,
        unit: latest.target ? { id: `tahun ${latest.year}, target ${latest.target}`, en: `year ${latest.year}, target ${latest.target}` } : { id: `tahun ${latest.year}`, en: `year ${latest.year}` },
        asOf: latest.recordedAt, link: HOME(regionCode),
        tone: latest.target === null ? null : value >= Number(latest.target) ? 'good' : 'bad',
      };
    },
  },
  {
    key: 'plan',
    title: { id: 'Langkah berikutnya menuju target SPBE', en: 'Next steps towards the SPBE target' },
    method: {
      id: 'Rencana dengan langkah kenaikan tingkat paling sedikit menuju target indeks terdekat (tahun berjalan atau sesudahnya, waktu setempat daerah), dari evaluasi terakhir sampai tahun itu (tingkat final bila sudah final, selain itu penilaian mandiri), dengan batas kenaikan per indikator per tahun dari target; angkanya jumlah langkah, di bawahnya indikator yang dinaikkan lebih dulu (bobot terbesar).',
      en: 'The plan with the fewest level steps towards the nearest target index (this year or later, the region\'s local time), from the latest evaluation up to that year (final levels once final, otherwise the self-assessment), within the target\'s rise per indicator per year; the figure is the number of steps, below it the indicators raised first (largest weight).',
    },
    permission: 'spbe.read',
    async read(ctx, regionCode): Promise<TileReading> {
      const now = ctx.clock.now();
      const link = TARGETS(regionCode);
      const region = await findRegionCached(ctx.database.db, regionCode);
      if (!region) return { value: null, unit: null, asOf: now, link };
      const thisYear = new Date(now.getTime() + region.utcOffsetMinutes * 60_000).getUTCFullYear();
      const [target] = await ctx.database.db.select({ year: spbeTargets.year }).from(spbeTargets)
        .where(and(eq(spbeTargets.regionCode, regionCode), gte(spbeTargets.year, thisYear))).orderBy(asc(spbeTargets.year)).limit(1);
      if (!target) return { value: null, unit: { id: `belum ada target tahun ${thisYear} atau sesudahnya`, en: `no target set for ${thisYear} or later` }, asOf: now, link };
      let planned: Awaited<ReturnType<typeof plan>>;
      try {
        planned = await plan(ctx, regionCode, target.year, {});
      } catch (err) {
        if (err instanceof AppError && err.code === 'spbe.no_baseline') return { value: null, unit: { id: 'belum ada evaluasi sebagai titik awal', en: 'no evaluation yet to start from' }, asOf: now, link };
        throw err;
      }
      const towards = `target ${planned.targetIndex.toFixed(2)} tahun ${target.year}, indeks kini ${planned.currentIndex.toFixed(2)}`;
      const towardsEn = `target ${planned.targetIndex.toFixed(2)} for ${target.year}, index now ${planned.currentIndex.toFixed(2)}`;
      if (planned.gap <= 0) return { value: 0, unit: { id: `langkah: ${towards}, sudah tercapai`, en: `steps: ${towardsEn}, already reached` }, asOf: now, link, tone: 'good' };
      if (!planned.reachable) {
        return { value: null, unit: { id: `${towards}: tidak terjangkau, paling tinggi ${planned.maxIndex.toFixed(2)}`, en: `${towardsEn}: out of reach, at most ${planned.maxIndex.toFixed(2)}` }, asOf: now, link, tone: 'bad' };
      }
      return {
        value: planned.stepCount,
        unit: { id: `langkah kenaikan tingkat menuju ${towards}`, en: `level steps towards ${towardsEn}` },
        asOf: now, link,
        items: planned.steps.slice(0, 5).map((s) => ({
          label: { id: `${s.indicator.number}. ${s.indicator.name.id}`, en: `${s.indicator.number}. ${s.indicator.name.en}` },
          value: { id: `tingkat ${s.from} → ${s.to}`, en: `level ${s.from} → ${s.to}` },
          link: `${HOME(regionCode)}/evaluasi/${planned.baseline.evaluationId}/indikator/${encodeURIComponent(s.code)}`,
        })),
      };
    },
  },
];

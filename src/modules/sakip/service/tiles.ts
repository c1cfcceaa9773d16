// The e-SAKIP figures the leader's dashboard shows without knowing this
// module: the share of regional KPIs met, the region's budget efficiency
// against them, and the latest AKIP predicate.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { DashboardTile, TileReading } from '../../../platform/modules/contract.js';
import { findRegionCached, type Region } from '../../../platform/regions/service.js';
import { regionOverview } from './overview.js';
import { efficiencyTotal } from './efficiency.js';

const HOME = (region: string) => `/staff/${region}/sakip`;

/** The overview of the current year, or of the year before when the current year has no IKU reported yet; null when neither has. */
async function reportedOverview(ctx: AppContext, region: Region) {
  let view = await regionOverview(ctx, region);
  if (view.iku.reported === 0) view = await regionOverview(ctx, region, view.year - 1);
  return view.iku.reported === 0 ? null : view;
}

/** Reads a tile for a known region; nothing to show for an unknown one. */
const forRegion = (link: (region: string) => string, figure: (ctx: AppContext, region: Region) => Promise<Omit<TileReading, 'asOf' | 'link'> | null>): DashboardTile['read'] =>
  async (ctx, regionCode) => {
    const region = await findRegionCached(ctx.database.db, regionCode);
    const shown = region ? await figure(ctx, region) : null;
    return { value: null, unit: null, ...shown, asOf: ctx.clock.now(), link: link(regionCode) };
  };

export const sakipTiles: DashboardTile[] = [
  {
    key: 'iku',
    title: { id: 'IKU daerah tercapai', en: 'Regional KPIs met' },
    method: {
      id: 'Persentase indikator kinerja utama (IKU) RPJMD aktif yang capaiannya 100 % atau lebih, dari IKU yang sudah dilaporkan pada tahun berjalan (atau tahun sebelumnya bila tahun berjalan belum dilaporkan). Capaian dihitung tepat menurut arah dan jenis target indikator.',
      en: 'The share of the active RPJMD\'s key performance indicators (IKU) achieving 100 % or more, among those reported in the current year (or the year before when the current year has no report yet). Achievement is exact, by each indicator\'s direction and target type.',
    },
    permission: 'sakip.read',
    better: 'higher',
    read: forRegion(HOME, async (ctx, region) => {
      const view = await reportedOverview(ctx, region);
      if (!view) return null;
      const { met, reported, indicators } = view.iku;
      return {
        value: Math.round((met / reported) * 1000) / 10,
        unit: { id: `%, ${met} dari ${reported} IKU dilaporkan (${indicators} IKU), tahun ${view.year}`, en: `%, ${met} of ${reported} reported IKU (${indicators} in all), year ${view.year}` },
      };
    }),
  },
  {
    key: 'efficiency',
    title: { id: 'Efisiensi anggaran daerah', en: 'Regional budget efficiency' },
    method: {
      id: 'Capaian IKU RPJMD lawan seluruh anggaran program perangkat daerah pada tahun berjalan (atau tahun sebelumnya bila tahun berjalan belum ada anggaran atau IKU yang dilaporkan), menurut metode efisiensi daerah (pengaturan SAKIP; bawaan capaian % − serapan %), seperti total pada Ringkasan daerah. Efisien baik, cukup efisien perlu perhatian, tidak efisien buruk, menurut ambang daerah.',
      en: 'The RPJMD\'s key indicators\' achievement against all the units\' programme budgets in the current year (or the year before while the current year has no budget or reported IKU), by the region\'s efficiency method (SAKIP settings; by default achievement % − absorption %), as the total on the region overview. Efficient is good, fairly efficient to watch, inefficient bad, by the region\'s threshold.',
    },
    permission: 'sakip.read',
    read: forRegion((region) => `${HOME(region)}/ringkasan`, async (ctx, region) => {
      // This year's, or last year's while this year's budget or IKU are not in yet.
      const thisYear = await regionOverview(ctx, region);
      for (const view of [thisYear, await regionOverview(ctx, region, thisYear.year - 1)]) {
        const { efficiency, method } = await efficiencyTotal(ctx, region, view);
        if (!efficiency?.computable || view.iku.reported === 0) continue;
        return {
          value: Number(efficiency.value),
          unit: { id: `${efficiency.label.id}, ${method.label.id}, tahun ${view.year}`, en: `${efficiency.label.en}, ${method.label.en}, year ${view.year}` },
          tone: efficiency.category === 'efficient' ? 'good' : efficiency.category === 'fairly_efficient' ? 'watch' : 'bad',
        };
      }
      return { value: null, unit: { id: `belum dapat dihitung (anggaran atau IKU belum ada), tahun ${thisYear.year}`, en: `not computable yet (no budget or IKU), year ${thisYear.year}` } };
    }),
  },
  {
    key: 'akip-predicate',
    title: { id: 'Predikat AKIP terakhir', en: 'Latest AKIP predicate' },
    method: {
      id: 'Nilai dan predikat (AA, A, BB, B, CC, C, D) evaluasi AKIP tahun terakhir: hasil resmi KemenPANRB yang dicatat, atau bila tahun itu belum ada, evaluasi internal Inspektorat yang sudah final.',
      en: 'The score and predicate (AA, A, BB, B, CC, C, D) of the latest AKIP evaluation year: KemenPANRB\'s official result as recorded, or, where that year has none, the Inspektorat\'s finalised internal evaluation.',
    },
    permission: 'sakip.read',
    better: 'higher',
    read: forRegion((region) => `${HOME(region)}/evaluasi`, async (ctx, region) => {
      // One query: the latest year of either, the official result first within a year.
      const [latest] = await ctx.database.rows<{ year: number; score: string; predicate: string; official: boolean }>(sql`
        select year, score::text as score, predicate, official from (
          select year, score, predicate, true as official from sakip_official_results where region_code = ${region.code}
          union all
          select year, score, predicate, false from sakip_evaluations where region_code = ${region.code} and status = 'final' and score is not null
        ) e order by year desc, official desc limit 1`);
      if (!latest) return null;
      const [by, byEn] = latest.official ? ['hasil resmi KemenPANRB', 'KemenPANRB\'s official result'] : ['evaluasi internal', 'internal evaluation'];
      return {
        value: Number(latest.score),
        unit: { id: `dari 100, predikat ${latest.predicate}, tahun ${latest.year} (${by})`, en: `of 100, predicate ${latest.predicate}, year ${latest.year} (${byEn})` },
      };
    }),
  },
];

// The e-SAKIP figure the leader's dashboard shows without knowing this module.
import type { DashboardTile } from '../../../platform/modules/contract.js';
import { findRegionCached } from '../../../platform/regions/service.js';
import { regionOverview } from './overview.js';

export const sakipTiles: DashboardTile[] = [{
  key: 'iku',
  title: { id: 'IKU daerah tercapai', en: 'Regional KPIs met' },
  method: {
    id: 'Persentase indikator kinerja utama (IKU) RPJMD aktif yang capaiannya 100 % atau lebih, dari IKU yang sudah dilaporkan pada tahun berjalan (atau tahun sebelumnya bila tahun berjalan belum dilaporkan). Capaian dihitung tepat menurut arah dan jenis target indikator.',
    en: 'The share of the active RPJMD\'s key performance indicators (IKU) achieving 100 % or more, among those reported in the current year (or the year before when the current year has no report yet). Achievement is exact, by each indicator\'s direction and target type.',
  },
  permission: 'sakip.read',
  async read(ctx, regionCode) {
    const link = `/staff/${regionCode}/sakip`;
    const region = await findRegionCached(ctx.database.db, regionCode);
    if (!region) return { value: null, unit: null, asOf: ctx.clock.now(), link };
    let view = await regionOverview(ctx, region);
    if (view.iku.reported === 0) view = await regionOverview(ctx, region, view.year - 1);
    if (view.iku.reported === 0) return { value: null, unit: null, asOf: ctx.clock.now(), link };
    const { met, reported, indicators } = view.iku;
    return {
      value: Math.round((met / reported) * 1000) / 10,
      unit: { id: `%, ${met} dari ${reported} IKU dilaporkan (${indicators} IKU), tahun ${view.year}`, en: `%, ${met} of ${reported} reported IKU (${indicators} in all), year ${view.year}` },
      asOf: ctx.clock.now(), link,
    };
  },
}];

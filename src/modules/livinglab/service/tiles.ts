// The Living Lab figures the leader's dashboard shows without knowing this
// module: the solutions the region adopted, and its digital-spending
// proposals waiting for the SPBE team's decision.
import { and, count, eq, gte, sql } from 'drizzle-orm';
import type { DashboardTile } from '../../../platform/modules/contract.js';
import { findRegionCached } from '../../../platform/regions/service.js';
import { livinglabAdoptions, livinglabProposals } from '../schema.js';

export const livinglabTiles: DashboardTile[] = [
  {
    key: 'adopted',
    title: { id: 'Solusi diadopsi', en: 'Solutions adopted' },
    method: {
      id: 'Solusi dari daerah lain (katalog Living Lab atau berkas paket) yang diadopsi daerah ini sejak 1 Januari tahun ini, waktu setempat daerah; jumlah seluruhnya sejak awal disebut di sampingnya. Satu solusi dihitung sekali, walau versi barunya diterapkan lagi.',
      en: 'Solutions from other regions (the Living Lab catalogue or a package file) the region adopted since 1 January this year, in the region\'s local time; the total since the start is given beside it. A solution counts once, even when a new version of it is applied again.',
    },
    permission: 'livinglab.read',
    better: 'higher',
    async read(ctx, regionCode) {
      const now = ctx.clock.now();
      const link = `/staff/${regionCode}/livinglab`;
      const region = await findRegionCached(ctx.database.db, regionCode);
      if (!region) return { value: null, unit: null, asOf: now, link };
      const offset = region.utcOffsetMinutes * 60_000;
      const year = new Date(now.getTime() + offset).getUTCFullYear();
      const a = livinglabAdoptions;
      const [row] = await ctx.database.db.select({ thisYear: sql<number>`(count(*) filter (where ${gte(a.adoptedAt, new Date(Date.UTC(year, 0, 1) - offset))}))::int`, total: count() })
        .from(a).where(eq(a.regionCode, regionCode));
      return {
        value: row.thisYear,
        unit: { id: `solusi tahun ${year}, ${row.total} seluruhnya`, en: `solutions in ${year}, ${row.total} in all` },
        asOf: now, link,
      };
    },
  },
  {
    key: 'proposals-waiting',
    title: { id: 'Usulan belanja digital menunggu keputusan', en: 'Digital-spending proposals awaiting a decision' },
    method: {
      id: 'Usulan aplikasi baru atau belanja digital dari perangkat daerah, untuk tahun anggaran mana pun, yang belum diputus tim SPBE (disetujui, diganti adopsi, atau ditolak), saat ini.',
      en: 'Units\' proposals of a new application or digital spending, for any budget year, not yet decided by the SPBE team (approved, adopt instead, or refused), now.',
    },
    permission: 'livinglab.portfolio.read',
    async read(ctx, regionCode) {
      const now = ctx.clock.now();
      const p = livinglabProposals;
      const [row] = await ctx.database.db.select({ n: count() }).from(p).where(and(eq(p.regionCode, regionCode), eq(p.status, 'submitted')));
      return { value: row.n, unit: { id: 'usulan', en: 'proposals' }, asOf: now, link: `/staff/${regionCode}/livinglab/usulan` };
    },
  },
];

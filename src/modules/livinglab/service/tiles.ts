// The Living Lab figures the leader's dashboard shows without knowing this
// module: the solutions the region adopted, its digital-spending proposals
// waiting for the SPBE team's decision, and how far the coaching cohort in
// the region (a province: its kabupaten/kota) has reached its goals.
import { and, count, eq, gte, sql } from 'drizzle-orm';
import type { DashboardTile } from '../../../platform/modules/contract.js';
import { findRegionCached } from '../../../platform/regions/service.js';
import { livinglabAdoptions, livinglabProposals } from '../schema.js';
import { provinceProgress } from './coaching.js';

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
  {
    key: 'coaching-goals',
    title: { id: 'Sasaran pendampingan tercapai', en: 'Coaching goals reached' },
    method: {
      id: 'Dari sasaran daerah dampingan di daerah ini (untuk provinsi: kabupaten/kota di bawahnya) pada program pendampingan Living Lab yang berjalan atau selesai, yang sudah tercapai: sasaran indeks SPBE bila indeks terakhir mencapai targetnya, sasaran lain bila sudah ditandai selesai. Di bawahnya daerah dampingan dengan capaian terendah.',
      en: 'Of the goals of the coached regions in this region (for a province: its kabupaten/kota) in Living Lab coaching programmes under way or finished, those reached: an SPBE index goal when the latest index meets its target, any other goal once marked done. Below it, the coached regions with the lowest share.',
    },
    permission: 'livinglab.read',
    better: 'higher',
    async read(ctx, regionCode) {
      const now = ctx.clock.now();
      const region = await findRegionCached(ctx.database.db, regionCode);
      const link = `/staff/${regionCode}/livinglab/pendampingan${region?.kind === 'provinsi' ? '/provinsi' : ''}`;
      const byPilot = new Map<string, { name: string; reached: number; total: number }>();
      for (const programme of await provinceProgress(ctx, regionCode)) {
        for (const pilot of programme.pilots) {
          const row = byPilot.get(pilot.regionCode) ?? { name: pilot.regionName, reached: 0, total: 0 };
          row.total += pilot.goals.length;
          row.reached += pilot.goals.filter((g) => g.reached).length;
          byPilot.set(pilot.regionCode, row);
        }
      }
      const rows = [...byPilot.values()].filter((r) => r.total > 0);
      const reached = rows.reduce((n, r) => n + r.reached, 0);
      const total = rows.reduce((n, r) => n + r.total, 0);
      if (total === 0) return { value: null, unit: { id: 'belum ada sasaran pendampingan', en: 'no coaching goals yet' }, asOf: now, link };
      return {
        value: Math.round((reached / total) * 1000) / 10,
        unit: { id: `%, ${reached} dari ${total} sasaran, ${rows.length} daerah dampingan`, en: `%, ${reached} of ${total} goals, ${rows.length} coached regions` },
        asOf: now, link,
        items: rows.sort((a, b) => a.reached / a.total - b.reached / b.total || a.name.localeCompare(b.name)).slice(0, 5)
          .map((r) => ({ label: { id: r.name, en: r.name }, value: { id: `${r.reached} dari ${r.total}`, en: `${r.reached} of ${r.total}` }, link })),
      };
    },
  },
];

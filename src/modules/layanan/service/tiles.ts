// The public-services figures the leader's dashboard shows without knowing
// this module, and what it measures for e-SAKIP's indicators: decisions on
// time, applications past their decision deadline, deemed grants (fiktif
// positif) and the satisfaction index.
import type { DashboardTile, MeasurePeriod, ModuleMeasure, TileReading } from '../../../platform/modules/contract.js';
import type { AppContext } from '../../../platform/context.js';
import { firstDayAfterMonth } from '../../../platform/calendar/calendar.js';
import { findRegionCached, type Region } from '../../../platform/regions/service.js';
import { Dec, round2 } from '../../../platform/decimal.js';
import { accountBetween } from './transparency.js';
import { countOverdue } from './application-reads.js';
import { localToday, skmOverall } from './skm.js';

const QUEUE = (region: string) => `/staff/${region}/layanan/permohonan`;

type YearTotals = { decided: number; onTime: number; deemedGranted: number };

/**
 * Year accounts being computed, by instance, region and year: the dashboard
 * reads its tiles at once (one request, Promise.all), and two of them
 * (decided on time, fiktif positif) need the same account, so the second
 * waits for the first's instead of computing it again. Dropped when it
 * settles: a later request computes afresh, nothing is ever served stale.
 */
const computing = new WeakMap<AppContext, Map<string, Promise<YearTotals>>>();

/** The region's year-to-date totals over its services' account (applications filed in the local year). */
function yearTotals(ctx: AppContext, region: Region, year: number): Promise<YearTotals> {
  const inFlight = computing.get(ctx) ?? new Map<string, Promise<YearTotals>>();
  computing.set(ctx, inFlight);
  const key = `${region.code}/${year}`;
  const known = inFlight.get(key);
  if (known) return known;
  const totals = accountBetween(ctx, region, `${year}-01-01`, `${year + 1}-01-01`).then((services) => {
    const sum = (k: keyof YearTotals) => services.reduce((n, s) => n + s[k], 0);
    return { decided: sum('decided'), onTime: sum('onTime'), deemedGranted: sum('deemedGranted') };
  }).finally(() => inFlight.delete(key));
  inFlight.set(key, totals);
  return totals;
}

const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/** Reads a tile for the region, or says there is nothing to show when the region is unknown. */
type Figure = Pick<TileReading, 'value' | 'unit' | 'tone'>;
const tileOf = (tile: Omit<DashboardTile, 'read'> & { link: (region: string) => string; figure: (ctx: AppContext, region: Region, year: number) => Promise<Figure> }): DashboardTile => ({
  key: tile.key, title: tile.title, method: tile.method, permission: tile.permission, trend: tile.trend, better: tile.better,
  async read(ctx, regionCode) {
    const link = tile.link(regionCode);
    const region = await findRegionCached(ctx.database.db, regionCode);
    if (!region) return { value: null, unit: null, asOf: ctx.clock.now(), link };
    const year = Number(localToday(ctx.clock.now(), region).slice(0, 4));
    return { ...(await tile.figure(ctx, region, year)), asOf: ctx.clock.now(), link };
  },
});

export const layananTiles: DashboardTile[] = [
  tileOf({
    key: 'decided-on-time',
    title: { id: 'Permohonan diputus tepat waktu', en: 'Applications decided on time' },
    method: {
      id: 'Persentase permohonan yang diajukan tahun ini (tahun daerah) dan sudah diputus (disetujui atau ditolak) yang diputus sebelum batas waktu keputusannya; batas waktu bergeser selama permohonan menunggu pemohon melengkapi.',
      en: 'The share of applications filed this year (the region\'s year) and already decided (approved or refused) that were decided by their decision deadline; the deadline moves later while an application waits for the applicant.',
    },
    better: 'higher',
    permission: 'layanan.read',
    trend: 'decided-on-time',
    link: QUEUE,
    async figure(ctx, region, year) {
      const t = await yearTotals(ctx, region, year);
      if (t.decided === 0) return { value: null, unit: null };
      return {
        value: percent(t.onTime, t.decided),
        unit: { id: `%, ${t.onTime} dari ${t.decided} diputus, tahun ${year}`, en: `%, ${t.onTime} of ${t.decided} decided, year ${year}` },
      };
    },
  }),
  tileOf({
    key: 'overdue',
    title: { id: 'Permohonan lewat batas waktu keputusan', en: 'Applications past their decision deadline' },
    method: {
      id: 'Permohonan yang masih berjalan, belum diputus, dan batas waktu keputusannya sudah lewat saat ini (waktu menunggu pemohon tidak dihitung); termasuk yang sudah fiktif positif.',
      en: 'Open applications not yet decided whose decision deadline has passed now (time waiting for the applicant not counted); deemed granted (fiktif positif) ones included.',
    },
    better: 'lower',
    permission: 'layanan.read',
    link: (region) => `${QUEUE(region)}?terlambat=1`,
    async figure(ctx, region) {
      return { value: await countOverdue(ctx, region.code), unit: { id: 'permohonan', en: 'applications' } };
    },
  }),
  tileOf({
    key: 'fiktif-positif',
    title: { id: 'Fiktif positif', en: 'Deemed granted (fiktif positif)' },
    method: {
      id: 'Permohonan yang diajukan tahun ini (tahun daerah) dan dianggap dikabulkan karena batas waktu keputusan lewat tanpa keputusan (UU 30/2014 Pasal 53 sebagaimana diubah); sasarannya nol.',
      en: 'Applications filed this year (the region\'s year) that are deemed granted because the decision deadline passed without a decision (Law 30/2014 Article 53 as amended); the goal is zero.',
    },
    better: 'lower',
    permission: 'layanan.read',
    link: (region) => `${QUEUE(region)}?terlambat=1`,
    async figure(ctx, region, year) {
      const t = await yearTotals(ctx, region, year);
      return { value: t.deemedGranted, unit: { id: `permohonan, tahun ${year}`, en: `applications, year ${year}` }, tone: t.deemedGranted > 0 ? 'bad' : 'good' };
    },
  }),
  tileOf({
    key: 'skm',
    title: { id: 'Indeks kepuasan masyarakat (SKM)', en: 'Community satisfaction index (SKM)' },
    method: {
      id: 'Nilai SKM tahun ini menurut PermenPANRB 14/2017: rata-rata tiap unsur dari semua responden layanan daerah, bobot sama, × 25, dengan mutu A–D; tahun sebelumnya bila tahun ini belum ada responden.',
      en: 'This year\'s SKM value by PermenPANRB 14/2017: each element\'s average over all respondents of the region\'s services, equal weights, × 25, with its A–D band; the year before when this year has no respondents yet.',
    },
    better: 'higher',
    permission: 'layanan.read',
    trend: 'skm',
    link: (region) => `/staff/${region}/layanan/skm`,
    async figure(ctx, region, year) {
      let shown = year;
      let overall = await skmOverall(ctx, region.code, String(year));
      if (overall.respondents === 0) overall = await skmOverall(ctx, region.code, String(shown = year - 1));
      if (overall.converted === null) return { value: null, unit: null };
      const band = overall.band ? `, mutu ${overall.band.grade}` : '';
      return {
        value: overall.converted,
        unit: { id: `dari 100${band}, ${overall.respondents} responden, tahun ${shown}`, en: `of 100${band.replace('mutu', 'band')}, ${overall.respondents} respondents, year ${shown}` },
      };
    },
  }),
];

/** The period's key as the survey names it: 2026, 2026-Q3, 2026-07. */
const skmPeriodOf = (p: MeasurePeriod) =>
  p.kind === 'year' ? String(p.year) : p.kind === 'quarter' ? `${p.year}-Q${(Number(p.fromMonth.slice(5)) + 2) / 3}` : p.fromMonth;

export const layananMeasures: ModuleMeasure[] = [
  {
    key: 'decided-on-time',
    title: { id: 'Permohonan layanan diputus tepat waktu', en: 'Service applications decided on time' },
    method: {
      id: 'Persentase permohonan yang diajukan dalam periode itu dan sudah diputus yang diputus sebelum batas waktu keputusannya (seperti di halaman akuntabilitas publik), dua desimal dibulatkan setengah ke atas.',
      en: 'The share of applications filed in the period and decided that were decided by their decision deadline (as on the public accountability page), to two decimals rounded half up.',
    },
    measure: '%',
    periods: ['year', 'quarter', 'month'],
    async read(ctx, regionCode, period) {
      const region = await findRegionCached(ctx.database.db, regionCode);
      if (!region) return null;
      const services = await accountBetween(ctx, region, `${period.fromMonth}-01`, firstDayAfterMonth(period.toMonth));
      const decided = services.reduce((n, s) => n + s.decided, 0);
      if (decided === 0) return null;
      return round2(new Dec(services.reduce((n, s) => n + s.onTime, 0)).times(100).div(decided)).toFixed(2);
    },
  },
  {
    key: 'skm',
    title: { id: 'Nilai SKM layanan publik', en: 'Public-service SKM value' },
    method: {
      id: 'Nilai indeks kepuasan masyarakat daerah dalam periode itu (PermenPANRB 14/2017, skala 25–100), dari semua responden layanan daerah.',
      en: 'The region\'s community satisfaction value in the period (PermenPANRB 14/2017, scale 25–100), over all respondents of the region\'s services.',
    },
    measure: 'indeks',
    periods: ['year', 'quarter', 'month'],
    async read(ctx, regionCode, period) {
      const region = await findRegionCached(ctx.database.db, regionCode);
      if (!region) return null;
      const overall = await skmOverall(ctx, regionCode, skmPeriodOf(period));
      return overall.converted === null ? null : overall.converted.toFixed(2);
    },
  },
];

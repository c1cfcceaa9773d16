// The complaint figures the leader's dashboard shows without knowing this module.
import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DashboardTile, TileReading } from '../../../platform/modules/contract.js';
import { findRegionCached } from '../../../platform/regions/service.js';
import { units } from '../../../platform/schema.js';
import { complaints } from '../schema.js';
import { localMonth, offsetOf, OPEN_STATUSES } from '../domain/dashboard.js';
import { answeredInTime } from './measures.js';

const INBOX = (region: string) => `/staff/${region}`;
const OVERDUE_INBOX = (region: string) => `${INBOX(region)}?overdue=1`;

/** The rung (1-based, as complaints.escalation_level counts) of the region's ladder that reaches the head of region, or null. */
export async function headOfRegionStep(ctx: Parameters<DashboardTile['read']>[0], regionCode: string): Promise<number | null> {
  const region = await findRegionCached(ctx.database.db, regionCode);
  const at = region?.settings.complaints.escalation.findIndex((rung) => rung.role === 'head_of_region') ?? -1;
  return at < 0 ? null : at + 1;
}

export const complaintTiles: DashboardTile[] = [
  {
    key: 'overdue',
    title: { id: 'Pengaduan lewat batas waktu', en: 'Complaints past their deadline' },
    method: {
      id: 'Pengaduan yang belum selesai dan batas waktu tahap berikutnya sudah lewat, dihitung saat ini; sasarannya nol. Di bawahnya lima perangkat daerah dengan pengaduan lewat batas waktu terbanyak (yang belum didisposisikan dihitung tanpa perangkat daerah).',
      en: 'Complaints not yet resolved whose next stage deadline has passed, counted now; the goal is zero. Below it, the five units with most such complaints (those not yet dispatched counted without a unit).',
    },
    permission: 'dashboard.read',
    better: 'lower',
    async read(ctx, regionCode) {
      const now = ctx.clock.now();
      // One query: the units' counts, the total over all of them before the limit.
      const rows = await ctx.database.db.select({ unit: units.name, n: count(), total: sql<number>`(sum(count(*)) over ())::int` }).from(complaints)
        .leftJoin(units, and(eq(units.regionCode, complaints.regionCode), eq(units.id, complaints.unitId)))
        .where(and(eq(complaints.regionCode, regionCode), inArray(complaints.status, [...OPEN_STATUSES]), lt(complaints.nextDueAt, now)))
        .groupBy(complaints.unitId, units.name).orderBy(sql`count(*) desc`, units.name).limit(5);
      const total = rows[0]?.total ?? 0;
      return {
        value: total, unit: { id: 'pengaduan', en: 'complaints' }, asOf: now, link: OVERDUE_INBOX(regionCode), tone: total === 0 ? 'good' : 'bad',
        // The inbox has no unit filter: each opens the overdue inbox.
        items: rows.map((r) => ({ label: r.unit ? { id: r.unit, en: r.unit } : { id: 'Belum didisposisikan', en: 'Not yet assigned to a unit' }, value: { id: String(r.n), en: String(r.n) }, link: OVERDUE_INBOX(regionCode) })),
      };
    },
  },
  {
    key: 'received-this-month',
    title: { id: 'Pengaduan masuk bulan ini', en: 'Complaints received this month' },
    method: {
      id: 'Pengaduan yang diterima sejak tanggal 1 bulan ini, waktu setempat daerah.',
      en: 'Complaints received since the 1st of this month, in the region\'s local time.',
    },
    permission: 'dashboard.read',
    async read(ctx, regionCode) {
      const now = ctx.clock.now();
      const offset = offsetOf(regionCode) * 60_000;
      const local = new Date(now.getTime() + offset);
      const monthStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - offset);
      const [row] = await ctx.database.db.select({ n: count() }).from(complaints)
        .where(and(eq(complaints.regionCode, regionCode), gte(complaints.submittedAt, monthStart)));
      return { value: row.n, unit: { id: 'pengaduan', en: 'complaints' }, asOf: now, link: `/staff/${regionCode}/dasbor` };
    },
  },
  {
    key: 'answered-on-time',
    title: { id: 'Pengaduan ditanggapi tepat waktu', en: 'Complaints answered on time' },
    method: {
      id: 'Persentase pengaduan yang diterima tahun ini (Januari sampai bulan ini, waktu setempat daerah) dan sudah ditanggapi yang tanggapan pertamanya diberikan sebelum batas waktu, seperti di dasbor pengaduan.',
      en: 'The share of complaints received this year (January to this month, the region\'s local time) and answered whose first answer came before its deadline, as on the complaints dashboard.',
    },
    permission: 'dashboard.read',
    better: 'higher',
    trend: 'responded-in-time',
    async read(ctx, regionCode): Promise<TileReading> {
      const now = ctx.clock.now();
      const month = localMonth(now, offsetOf(regionCode));
      const year = month.slice(0, 4);
      const link = `/staff/${regionCode}/dasbor?from=${year}-01&to=${month}&by=unit&metric=responseCompliancePct`;
      const { responded, inTime } = await answeredInTime(ctx, regionCode, `${year}-01`, month);
      if (responded === 0) return { value: null, unit: { id: `belum ada yang ditanggapi, tahun ${year}`, en: `none answered yet, year ${year}` }, asOf: now, link };
      return {
        value: Math.round((inTime / responded) * 1000) / 10,
        unit: { id: `%, ${inTime} dari ${responded} ditanggapi, tahun ${year}`, en: `%, ${inTime} of ${responded} answered, year ${year}` },
        asOf: now, link,
      };
    },
  },
  {
    key: 'escalated-to-head',
    title: { id: 'Pengaduan dieskalasikan ke kepala daerah', en: 'Complaints escalated to the head of region' },
    method: {
      id: 'Pengaduan yang belum selesai, masih punya batas waktu terbuka yang sudah dieskalasikan, dan eskalasinya sudah mencapai jenjang kepala daerah pada tangga eskalasi daerah (pengaturan pengaduan), dihitung saat ini.',
      en: 'Complaints not yet resolved that still have an open deadline already escalated, and whose escalation reached the head of region\'s rung of the region\'s escalation ladder (complaint settings), counted now.',
    },
    permission: 'dashboard.read',
    better: 'lower',
    async read(ctx, regionCode): Promise<TileReading> {
      const now = ctx.clock.now();
      const link = OVERDUE_INBOX(regionCode);
      const step = await headOfRegionStep(ctx, regionCode);
      if (step === null) return { value: null, unit: { id: 'tangga eskalasi daerah tidak sampai ke kepala daerah', en: 'the region\'s escalation ladder does not reach the head of region' }, asOf: now, link };
      const [row] = await ctx.database.db.select({ n: count() }).from(complaints)
        .where(and(eq(complaints.regionCode, regionCode), inArray(complaints.status, [...OPEN_STATUSES]), eq(complaints.escalatedOpen, true), gte(complaints.escalationLevel, step)));
      return { value: row.n, unit: { id: 'pengaduan', en: 'complaints' }, asOf: now, link };
    },
  },
];

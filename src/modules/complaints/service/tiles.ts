// The complaint figures the leader's dashboard shows without knowing this module.
import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DashboardTile } from '../../../platform/modules/contract.js';
import { findRegion } from '../../../platform/regions/service.js';
import { complaints } from '../schema.js';

/** Statuses still waiting on the region (resolved work waits on the citizen). */
const waiting = ['submitted', 'dispatched', 'in_progress'];

export const complaintTiles: DashboardTile[] = [
  {
    key: 'overdue',
    title: { id: 'Pengaduan lewat batas waktu', en: 'Complaints past their deadline' },
    method: {
      id: 'Pengaduan yang belum selesai dan batas waktu tahap berikutnya sudah lewat, dihitung saat ini.',
      en: 'Complaints not yet resolved whose next stage deadline has passed, counted now.',
    },
    permission: 'dashboard.read',
    async read(ctx, regionCode) {
      const now = ctx.clock.now();
      const [row] = await ctx.database.db.select({ n: count() }).from(complaints)
        .where(and(eq(complaints.regionCode, regionCode), inArray(complaints.status, waiting), lt(complaints.nextDueAt, now)));
      return { value: row.n, unit: { id: 'pengaduan', en: 'complaints' }, asOf: now, link: `/staff/${regionCode}?overdue=1` };
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
      const region = await findRegion(ctx.database.db, regionCode);
      const offset = (region?.utcOffsetMinutes ?? 420) * 60_000;
      const local = new Date(now.getTime() + offset);
      const monthStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - offset);
      const [row] = await ctx.database.db.select({ n: count() }).from(complaints)
        .where(and(eq(complaints.regionCode, regionCode), gte(complaints.submittedAt, monthStart)));
      return { value: row.n, unit: { id: 'pengaduan', en: 'complaints' }, asOf: now, link: `/staff/${regionCode}/dasbor` };
    },
  },
];

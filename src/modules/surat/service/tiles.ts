// The correspondence figures the leader's dashboard shows without knowing
// this module: dispositions past their deadline, letters waiting for a signature.
import { and, count, eq, inArray, lt } from 'drizzle-orm';
import type { DashboardTile } from '../../../platform/modules/contract.js';
import { suratDispositions, suratLetters } from '../schema.js';

/** A disposition still to be acted on (its deadline runs). */
export const OPEN_DISPOSITION = ['unread', 'in_progress'] as const;

export const suratTiles: DashboardTile[] = [
  {
    key: 'dispositions-overdue',
    title: { id: 'Disposisi lewat batas waktu', en: 'Dispositions past their deadline' },
    method: {
      id: 'Disposisi di daerah ini yang belum dibaca atau masih dikerjakan dan batas waktunya (yang diberikan pemberi disposisi) sudah lewat, dihitung saat ini; disposisi tanpa batas waktu tidak dihitung. Sasarannya nol.',
      en: 'Dispositions in the region still unread or in progress whose deadline (as the person disposing gave it) has passed, counted now; dispositions without a deadline are not counted. The goal is zero.',
    },
    permission: 'surat.read',
    better: 'lower',
    async read(ctx, regionCode) {
      const now = ctx.clock.now();
      const d = suratDispositions;
      const [row] = await ctx.database.db.select({ n: count() }).from(d)
        .where(and(eq(d.regionCode, regionCode), inArray(d.status, [...OPEN_DISPOSITION]), lt(d.dueAt, now)));
      return { value: row.n, unit: { id: 'disposisi', en: 'dispositions' }, asOf: now, link: `/staff/${regionCode}/surat`, tone: row.n === 0 ? 'good' : 'bad' };
    },
  },
  {
    key: 'letters-to-sign',
    title: { id: 'Naskah menunggu tanda tangan', en: 'Letters waiting for a signature' },
    method: {
      id: 'Surat keluar dan nota dinas di daerah ini yang sudah diparaf semua pemeriksa dan menunggu tanda tangan penandatangannya, saat ini. Tautannya membuka naskah yang menunggu tanda tangan Anda sendiri.',
      en: 'Outgoing letters and memos in the region initialled by every verifier and waiting for their signer\'s signature, now. Its link opens those waiting for your own signature.',
    },
    permission: 'surat.read',
    async read(ctx, regionCode) {
      const now = ctx.clock.now();
      const l = suratLetters;
      const [row] = await ctx.database.db.select({ n: count() }).from(l).where(and(eq(l.regionCode, regionCode), eq(l.status, 'to_sign')));
      return { value: row.n, unit: { id: 'naskah', en: 'letters' }, asOf: now, link: `/staff/${regionCode}/surat/outgoing?box=to_sign` };
    },
  },
];

// What waits on a reader in correspondence, for the leader's "what needs me
// today": letters for their signature, and dispositions to them that are
// unread or past their deadline. They are on every such letter, so its
// subject is theirs to see.
import { and, asc, eq, inArray, lt, or } from 'drizzle-orm';
import type { AttentionSource } from '../../../platform/modules/contract.js';
import { units } from '../../../platform/schema.js';
import { suratDispositions, suratLetters } from '../schema.js';
import { OPEN_DISPOSITION } from './tiles.js';

/** At most this many of each: the list is a prompt to act, the module's boxes hold the rest. */
const SHOWN = 20;

export const suratAttention: AttentionSource[] = [
  {
    key: 'to-sign',
    title: { id: 'Naskah menunggu tanda tangan Anda', en: 'Letters waiting for your signature' },
    async read(ctx, actor, regionCode) {
      if (!actor.userId) return [];
      const l = suratLetters;
      const rows = await ctx.database.db.select({ id: l.id, subject: l.subject, unit: units.name, since: l.updatedAt }).from(l)
        .innerJoin(units, and(eq(units.regionCode, l.regionCode), eq(units.id, l.unitId)))
        .where(and(eq(l.regionCode, regionCode), eq(l.status, 'to_sign'), eq(l.signerUserId, actor.userId)))
        .orderBy(asc(l.updatedAt), asc(l.id)).limit(SHOWN);
      return rows.map((r) => ({
        title: { id: r.subject, en: r.subject }, detail: { id: r.unit, en: r.unit },
        since: r.since, due: null, link: `/staff/${regionCode}/surat/outgoing/${r.id}`,
      }));
    },
  },
  {
    key: 'dispositions',
    title: { id: 'Disposisi untuk Anda: belum dibaca atau lewat batas waktu', en: 'Dispositions to you: unread or past their deadline' },
    async read(ctx, actor, regionCode) {
      if (!actor.userId) return [];
      const d = suratDispositions;
      const now = ctx.clock.now();
      const rows = await ctx.database.db.select({
        letterId: d.letterId, subject: suratLetters.subject, from: d.fromLabel, instruction: d.instruction, since: d.createdAt, due: d.dueAt,
      }).from(d)
        .innerJoin(suratLetters, and(eq(suratLetters.regionCode, d.regionCode), eq(suratLetters.id, d.letterId)))
        .where(and(eq(d.regionCode, regionCode), eq(d.toUserId, actor.userId), inArray(d.status, [...OPEN_DISPOSITION]), or(eq(d.status, 'unread'), lt(d.dueAt, now))))
        .orderBy(asc(d.dueAt), asc(d.createdAt)).limit(SHOWN);
      return rows.map((r) => ({
        title: { id: r.subject, en: r.subject },
        detail: { id: `Dari ${r.from}: ${r.instruction}`, en: `From ${r.from}: ${r.instruction}` },
        since: r.since, due: r.due, link: `/staff/${regionCode}/surat/naskah/${r.letterId}`,
      }));
    },
  },
];

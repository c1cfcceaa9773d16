// What waits on a reader in the Living Lab, for the leader's "what needs me
// today": the proposals waiting for a decision, when the reader is on the
// region's SPBE team (they decide).
import { and, asc, eq } from 'drizzle-orm';
import type { AttentionSource } from '../../../platform/modules/contract.js';
import { can } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import { livinglabProposals } from '../schema.js';

/** At most this many: the list is a prompt to act, the proposals page holds the rest. */
const SHOWN = 20;

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

export const proposalsToDecide: AttentionSource = {
  key: 'proposals',
  title: { id: 'Usulan belanja digital menunggu keputusan Anda', en: 'Digital-spending proposals awaiting your decision' },
  async read(ctx, actor, regionCode) {
    // The platform admin may do anything, but is not the SPBE team.
    if (actor.platformAdmin || !can(actor, 'livinglab.decide', regionCode)) return [];
    const p = livinglabProposals;
    const rows = await ctx.database.db.select({ id: p.id, title: p.title, year: p.year, cost: p.estimatedCost, unit: units.name, since: p.proposedAt }).from(p)
      .innerJoin(units, and(eq(units.regionCode, p.regionCode), eq(units.id, p.unitId)))
      .where(and(eq(p.regionCode, regionCode), eq(p.status, 'submitted'))).orderBy(asc(p.proposedAt), asc(p.id)).limit(SHOWN);
    return rows.map((r) => ({
      title: { id: r.title, en: r.title },
      detail: { id: `${r.unit}, tahun anggaran ${r.year}, ${rupiah(r.cost)}`, en: `${r.unit}, budget year ${r.year}, ${rupiah(r.cost)}` },
      since: r.since, due: null, link: `/staff/${regionCode}/livinglab/usulan/${r.id}`,
    }));
  },
};

// What waits on a reader in public services, for the leader's "what needs me
// today": applications in process at a stage whose acting role the reader
// holds for the stage's unit, past that stage's own target (its clock
// `stage:<key>` among the platform's stage deadlines).
import { sql } from 'drizzle-orm';
import type { AttentionSource } from '../../../platform/modules/contract.js';
import { STAGE_ROLES } from '../domain/workflow.js';

/** At most this many: the list is a prompt to act, the queue holds the rest. */
const SHOWN = 20;

export const stagesPastTarget: AttentionSource = {
  key: 'stage-overdue',
  title: { id: 'Permohonan di tahap Anda yang lewat target', en: 'Applications at your stage past its target' },
  async read(ctx, actor, regionCode) {
    // Every stage role is a unit role: the reader acts for the units they hold it in.
    const held = actor.grants.filter((g) => g.regionCode === regionCode && g.unitId && (STAGE_ROLES as readonly string[]).includes(g.role));
    if (held.length === 0) return [];
    const pairs = sql.join(held.map((g) => sql`(${g.role}, ${g.unitId})`), sql`, `);
    const rows = await ctx.database.rows<{ id: string; no: string; service: string; stage: string; due: Date | string }>(sql`
      select a.id, a.registration_no as no, v.name as service, s->'name'->>'id' as stage, d.due_at as due
      from layanan_applications a
      join layanan_standard_versions v on v.region_code = a.region_code and v.service_id = a.service_id and v.version = a.version
      join stage_deadlines d on d.region_code = a.region_code and d.module = 'layanan' and d.record_type = 'application' and d.record_id = a.id
        and d.stage = 'stage:' || a.stage and d.met_at is null and d.paused_at is null and d.due_at < ${ctx.clock.now()}
      cross join lateral jsonb_array_elements(v.workflow->'stages') s
      where a.region_code = ${regionCode} and a.status = 'in_process' and s->>'key' = a.stage
        and (s->'actor'->>'role', coalesce(s->'actor'->>'unitId', a.unit_id::text)) in (${pairs})
      order by d.due_at, a.id limit ${SHOWN}`);
    return rows.map((r) => ({
      title: { id: `${r.no} · ${r.service}`, en: `${r.no} · ${r.service}` },
      detail: { id: `Tahap ${r.stage}`, en: `Stage ${r.stage}` },
      since: null, due: new Date(r.due), link: `/staff/${regionCode}/layanan/permohonan/${r.id}`,
    }));
  },
};

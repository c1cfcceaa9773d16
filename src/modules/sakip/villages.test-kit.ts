// What the village-data tests share: the demo's people (and Bandung's SAKIP
// coordinator, a foreign region's) signed in, the health office's Renstra
// and its village-measured indicators, and helpers to enter, import and
// count village values.
import { sql } from 'drizzle-orm';
import type { Harness, Session } from '../../../test/harness.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { enableRegion } from '../../platform/regions/service.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import { VILLAGE_INDICATORS } from './demo-villages.js';

export const R = '/api/regions/32.11/sakip';

/** A multipart body with the village file and, if given, the options beside it. */
export function upload(data: Buffer | string, name: string, options?: unknown) {
  const boundary = '----pamongdesa';
  const parts = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`), Buffer.from(data), Buffer.from('\r\n')];
  if (options !== undefined) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify(options)}\r\n`));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The kit's sessions, the health office's plan and indicator ids, filled in by `prepare` (call it in beforeAll). */
export function villageKit(h: Harness) {
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const kit = {
    s, ids, plan: '',
    auditCount: async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where region_code = '32.11' and action like 'sakip.%'`))[0].n,
    valueCount: async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from sakip_village_values where region_code = '32.11'`))[0].n,
    /** An indicator's village routes, by its key in ids. */
    V: (key: string) => `${R}/plans/${kit.plan}/villages/${ids[key]}`,
    put: (who: string, key: string, period: string, values: unknown[], reason?: string) =>
      h.api('PUT', `${kit.V(key)}/values/${period}`, { session: s[who], body: { values, ...(reason ? { reason } : {}) } }),
    importFile: (who: string, key: string, period: string, data: Buffer | string, name: string, options?: unknown) => {
      const u = upload(data, name, options);
      return h.api('POST', `${kit.V(key)}/values/${period}/import`, { session: s[who], body: u.body, headers: u.headers });
    },
    async prepare() {
      await h.ctx.database.db.transaction(async (tx) => {
        await enableRegion(tx, '32.73');
        const bandung = await createUser(tx, { email: 'sakip@bandung.test', name: 'Koordinator SAKIP Bandung', password: DEMO_PASSWORD });
        await grantRole(tx, '32.73', bandung, 'sakip_coordinator', null);
      });
      for (const [k, email] of Object.entries({
        coordinator: 'sakip@sumedang.demo', officer: 'kecamatan.wado@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', bandung: 'sakip@bandung.test', bupati: 'bupati@sumedang.demo',
      })) s[k] = await h.signIn(email);
      const plans = (await h.api('GET', `${R}/plans`, { session: s.coordinator })).body;
      kit.plan = plans.find((p: any) => p.unit?.code === 'DINKES').id;
      const rows = (await h.api('GET', `${R}/plans/${kit.plan}/table?year=2025`, { session: s.coordinator })).body.rows.filter((r: any) => r.indicator);
      const idOf = (name: string) => rows.find((r: any) => r.indicator.name === name).indicator.id;
      ids.stunting = idOf(VILLAGE_INDICATORS.stunting.name);
      ids.water = idOf(VILLAGE_INDICATORS.water.name);
      ids.mothers = idOf('Jumlah ibu hamil yang mendapatkan layanan kesehatan sesuai standar');
    },
  };
  return kit;
}

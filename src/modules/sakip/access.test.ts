// Who may do what in e-SAKIP: staff roles read, the coordinator changes the
// region's plans, a unit planner changes only their own unit's Renstra and
// reports only their own unit's indicators (its Renstra's, the RPJMD targets
// it leads, those it shares), and refused calls leave nothing behind.
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import { sql } from 'drizzle-orm';

const R = '/api/regions/32.11/sakip';

describeWithApp('SAKIP access', (h) => {
  const s: Record<string, Session> = {};
  const plans: Record<string, string> = {};
  /** Indicator ids by plan and name. */
  const indicators: Record<string, Record<string, string>> = {};
  const auditCount = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where region_code = '32.11' and action like 'sakip.%'`))[0].n;

  beforeAll(async () => {
    const [dpmptsp] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = '32.11' and code = 'DPMPTSP'`);
    await h.ctx.database.db.transaction(async (tx) => {
      const userId = await createUser(tx, { email: 'perencana.dpmptsp@sumedang.test', name: 'Perencana DPMPTSP', password: DEMO_PASSWORD });
      await grantRole(tx, '32.11', userId, 'sakip_planner', dpmptsp.id);
    });
    for (const [k, email] of Object.entries({
      coordinator: 'sakip@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', kominfo: 'perencana.kominfo@sumedang.demo', dpmptsp: 'perencana.dpmptsp@sumedang.test',
      bupati: 'bupati@sumedang.demo', evaluator: 'evaluator@sumedang.demo', unitHead: 'kepala.pupr@sumedang.demo', admin: 'admin@sumedang.demo',
      officer: 'petugas.pupr@sumedang.demo', spbe: 'spbe@sumedang.demo',
    })) s[k] = await h.signIn(email);
    for (const p of (await h.api('GET', `${R}/plans`, { session: s.coordinator })).body) {
      const key = p.unit?.code ?? 'RPJMD';
      plans[key] = p.id;
      const rows = (await h.api('GET', `${R}/plans/${p.id}/table`, { session: s.coordinator })).body.rows;
      indicators[key] = Object.fromEntries(rows.filter((r: any) => r.indicator).map((r: any) => [r.indicator.name, r.indicator.id]));
    }
  });

  it('lets the region\'s SAKIP staff, unit heads, the Inspektorat and the head of region read; nobody else', async () => {
    for (const who of ['coordinator', 'dinkes', 'bupati', 'evaluator', 'unitHead', 'admin']) {
      const res = await h.api('GET', `${R}/plans/${plans.RPJMD}/tree`, { session: s[who] });
      expect(res.status, who).toBe(200);
    }
    for (const who of ['officer', 'spbe']) {
      const res = await h.api('GET', `${R}/plans`, { session: s[who] });
      expect([res.status, res.body.error.code], who).toEqual([403, 'auth.forbidden']);
    }
    expect((await h.api('GET', `${R}/plans`)).status).toBe(401);
  });

  it('lets readers write nothing', async () => {
    const before = await auditCount();
    const attempts: [string, 'POST' | 'PUT' | 'PATCH', string, unknown][] = [
      ['bupati', 'POST', `${R}/plans`, { kind: 'rpjmd', startYear: 2030, title: 'Dari bupati' }],
      ['evaluator', 'PUT', `${R}/plans/${plans.RPJMD}/indicators/${indicators.RPJMD['Tingkat kemiskinan']}/realisations/2026`, { value: '9' }],
      ['unitHead', 'PATCH', `${R}/plans/${plans.DINKES}`, { title: 'Dari kepala unit' }],
      ['admin', 'PUT', `${R}/plans/${plans.DINKES}/status`, { status: 'draft' }],
      // Activating and returning plans to draft is the coordinator's.
      ['dinkes', 'PUT', `${R}/plans/${plans.DINKES}/status`, { status: 'draft' }],
    ];
    for (const [who, method, url, body] of attempts) {
      const res = await h.api(method, url, { session: s[who], body });
      expect([res.status, res.body.error.code], `${who} ${method} ${url}`).toEqual([403, 'auth.forbidden']);
    }
    expect(await auditCount()).toBe(before);
  });

  it('lets a unit planner create and change only their own unit\'s Renstra, never the RPJMD', async () => {
    const units = Object.fromEntries((await h.api('GET', '/api/regions/32.11/units', { session: s.dinkes })).body.map((u: any) => [u.code, u.id]));
    const own = await h.api('POST', `${R}/plans`, { session: s.dinkes, body: { kind: 'renstra', unitId: units.DINKES, startYear: 2030, title: 'Renstra Dinkes 2030–2034' } });
    expect([own.status, own.body.unit.code]).toEqual([201, 'DINKES']);
    const D = `${R}/plans/${own.body.id}`;
    const goal = await h.api('POST', `${D}/nodes`, { session: s.dinkes, body: { kind: 'goal', parentId: null, title: 'Meningkatnya derajat kesehatan' } });
    expect(goal.status).toBe(201);

    const before = await auditCount();
    const refused: [string, 'POST' | 'PUT' | 'PATCH' | 'DELETE', string, unknown, string][] = [
      ['dinkes', 'POST', `${R}/plans`, { kind: 'renstra', unitId: units.DISDIK, startYear: 2030, title: 'Renstra dinas lain' }, 'sakip.not_your_unit'],
      ['dinkes', 'POST', `${R}/plans`, { kind: 'rpjmd', startYear: 2030, title: 'RPJMD dari perencana' }, 'sakip.coordinator_only'],
      ['kominfo', 'PATCH', D, { title: 'Diubah Diskominfo' }, 'sakip.not_your_unit'],
      ['kominfo', 'POST', `${D}/nodes`, { kind: 'goal', parentId: null, title: 'Tujuan dari Diskominfo' }, 'sakip.not_your_unit'],
      ['kominfo', 'PATCH', `${D}/nodes/${goal.body.id}`, { title: 'Diubah Diskominfo' }, 'sakip.not_your_unit'],
      ['kominfo', 'POST', `${D}/nodes/${goal.body.id}/move`, { parentId: null, position: 0 }, 'sakip.not_your_unit'],
      ['kominfo', 'POST', `${D}/nodes/${goal.body.id}/indicators`, { name: 'Indikator Diskominfo', polarity: 'higher_is_better' }, 'sakip.not_your_unit'],
      ['kominfo', 'DELETE', `${D}/nodes/${goal.body.id}`, undefined, 'sakip.not_your_unit'],
      ['kominfo', 'POST', `${R}/plans/${plans.DINKES}/indicators/${indicators.DINKES['Prevalensi stunting pada balita']}/targets`, { year: 2027, value: '1', reason: 'Bukan urusan kami' }, 'sakip.not_your_unit'],
      ['dinkes', 'POST', `${R}/plans/${plans.RPJMD}/indicators/${indicators.RPJMD['Prevalensi stunting pada balita']}/targets`, { year: 2027, value: '9', reason: 'Usul dinas' }, 'sakip.coordinator_only'],
      ['dinkes', 'PATCH', `${R}/plans/${plans.RPJMD}`, { title: 'RPJMD diubah dinas' }, 'sakip.coordinator_only'],
    ];
    for (const [who, method, url, body, code] of refused) {
      const res = await h.api(method, url, { session: s[who], ...(body === undefined ? {} : { body }) });
      expect([res.status, res.body.error?.code], `${who} ${method} ${url}`).toEqual([403, code]);
    }
    expect(await auditCount()).toBe(before);
    // Their own active Renstra's targets they revise themselves; the coordinator changes any plan.
    const revised = await h.api('POST', `${R}/plans/${plans.DINKES}/indicators/${indicators.DINKES['Prevalensi stunting pada balita']}/targets`,
      { session: s.dinkes, body: { year: 2027, value: '10.5', reason: 'Mengikuti tren 2025' } });
    expect([revised.status, revised.body.version, revised.body.setBy]).toEqual([201, 2, 'perencana.dinkes@sumedang.demo']);
    expect((await h.api('PATCH', D, { session: s.coordinator, body: { title: 'Renstra Dinas Kesehatan 2030–2034' } })).body.title).toBe('Renstra Dinas Kesehatan 2030–2034');
  });

  it('lets a unit planner report their own unit\'s indicators: its Renstra\'s, the RPJMD targets it leads, and those it shares', async () => {
    const put = (who: string, plan: string, name: string, period: string) =>
      h.api('PUT', `${R}/plans/${plans[plan]}/indicators/${indicators[plan][name]}/realisations/${period}`, { session: s[who], body: { value: '1', note: `oleh ${who}` } });
    const allowed: [string, string, string, string][] = [
      ['dinkes', 'DINKES', 'Jumlah ibu hamil yang mendapatkan layanan kesehatan sesuai standar', '2026-Q1'],
      ['dinkes', 'RPJMD', 'Prevalensi stunting pada balita', '2026-Q1'],
      ['kominfo', 'RPJMD', 'Persentase pengaduan yang ditanggapi tepat waktu', '2026-Q1'],
      ['dpmptsp', 'RPJMD', 'Persentase pengaduan yang ditanggapi tepat waktu', '2026-Q2'],
      ['coordinator', 'DISKOMINFO', 'Indeks SPBE', '2026'],
    ];
    for (const [who, plan, name, period] of allowed) expect((await put(who, plan, name, period)).status, `${who} ${name}`).toBe(200);
    const before = await auditCount();
    const refused: [string, string, string][] = [
      ['dinkes', 'RPJMD', 'Indeks Pembangunan Manusia (IPM)'],
      ['dinkes', 'DISKOMINFO', 'Indeks SPBE'],
      ['kominfo', 'DINKES', 'Prevalensi stunting pada balita'],
      ['dpmptsp', 'RPJMD', 'Indeks SPBE'],
    ];
    for (const [who, plan, name] of refused) {
      const res = await put(who, plan, name, '2026');
      expect([res.status, res.body.error.code], `${who} ${name}`).toEqual([403, 'sakip.not_your_unit']);
    }
    expect(await auditCount()).toBe(before);
  });
});

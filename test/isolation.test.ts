// Tenant isolation, generated from the route table: every route that is not
// public, called as every role of a foreign region (and with a foreign API
// key), against the demo region's real records, must be refused and change nothing.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { describeWithApp, testConfig, type Session } from './harness.js';
import { isUnitRole, roleNames } from '../src/platform/auth/policy.js';
import { createApiKey, createUser, grantRole } from '../src/platform/auth/service.js';
import { anonymousActor } from '../src/platform/auth/policy.js';
import { enableRegion } from '../src/platform/regions/service.js';
import { units } from '../src/platform/schema.js';
import { installAccess } from '../src/platform/http/access.js';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { TestClock } from './clock.js';
import type { Database } from '../src/platform/db/client.js';

const VICTIM = '32.11';
const FOREIGN = '32.73';

async function fingerprint(db: Database): Promise<string> {
  const tables = ['complaints', 'complaint_events', 'stage_deadlines', 'units', 'grants', 'invitations', 'categories', 'routing_rules', 'sla_policies', 'api_keys', 'region_holidays', 'audit_log', 'regions',
    'spbe_evaluations', 'spbe_answers', 'spbe_evidence', 'spbe_history', 'spbe_targets', 'spbe_results'];
  const parts: string[] = [];
  for (const t of tables) {
    const [row] = await db.rows<{ n: number; h: string }>(sql.raw(`select count(*)::int as n, coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as h from ${t} x`));
    parts.push(`${t}:${row.n}:${row.h}`);
  }
  return parts.join('|');
}

describeWithApp('tenant isolation', (h) => {
  const sessions: Record<string, Session> = {};
  let foreignKey: string;
  const ids: Record<string, string> = {};

  it('sets up a foreign region with every role', async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, FOREIGN);
      const [unit] = await tx.insert(units).values({ regionCode: FOREIGN, code: 'DPU', name: 'Dinas PU Kota Bandung' }).returning();
      for (const role of roleNames()) {
        const userId = await createUser(tx, { email: `${role}@bandung.test`, name: `Bandung ${role}`, password: DEMO_PASSWORD });
        await grantRole(tx, FOREIGN, userId, role, isUnitRole(role) ? unit.id : null);
      }
      await createUser(tx, { email: 'warga@bandung.test', name: 'Warga', password: DEMO_PASSWORD });
    });
    for (const role of roleNames()) sessions[role] = await h.signIn(`${role}@bandung.test`);
    sessions.citizen = await h.signIn('warga@bandung.test');
    foreignKey = (await createApiKey(h.ctx, { ...anonymousActor, name: 'test' }, FOREIGN, 'bandung')).key;

    // Real records of the victim region to aim at.
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const cats = (await h.api('GET', `/api/regions/${VICTIM}/categories`)).body;
    const sampah = cats.find((c: any) => c.code === 'sampah');
    const created = await h.api('POST', `/api/regions/${VICTIM}/complaints`, { body: { categoryId: sampah.id, description: 'Sampah menumpuk di alun-alun Sumedang', confidential: true } });
    ids.id = created.body.id;
    ids.code = created.body.trackingCode;
    ids.categoryId = sampah.id;
    ids.serviceCode = sampah.code;
    const unitList = (await h.api('GET', `/api/regions/${VICTIM}/units`, { session: coordinator })).body;
    ids.unitId = unitList[0].id;
    const admin = await h.signIn('admin@sumedang.demo');
    ids.grantId = (await h.api('GET', `/api/regions/${VICTIM}/staff`, { session: admin })).body[0].grantId;
    ids.apiKeyId = (await h.api('GET', `/api/regions/${VICTIM}/api-keys`, { session: admin })).body[0].id;
    ids.invitationId = (await h.api('POST', `/api/regions/${VICTIM}/invitations`, { session: admin, body: { email: 'calon@sumedang.go.id', role: 'coordinator' } })).body.id;
    const spbe = await h.signIn('spbe@sumedang.demo');
    const evaluation = (await h.api('GET', `/api/regions/${VICTIM}/spbe/evaluations`, { session: spbe })).body[0];
    ids.evaluationId = evaluation.id;
    ids.versionId = evaluation.framework.versionId;
    ids.evidenceId = (await h.api('GET', `/api/regions/${VICTIM}/spbe/evaluations/${evaluation.id}`, { session: spbe })).body.answers.flatMap((a: any) => a.evidence)[0].id;
  });

  /** Fills a route's parameters with the victim region's real records. */
  function concrete(url: string): string {
    return url
      .replace(':region', VICTIM)
      .replace(/\/complaints\/:id/, `/complaints/${ids.id}`)
      .replace(/\/categories\/:id|\/routing\/:id/, (m) => m.replace(':id', ids.categoryId))
      .replace(':grantId', ids.grantId)
      .replace(':invitationId', ids.invitationId)
      .replace(/\/api-keys\/:id/, `/api-keys/${ids.apiKeyId}`)
      .replace(':code', ids.code)
      .replace(':photoId', '00000000-0000-4000-8000-000000000000')
      .replace(':date', '2026-12-24')
      .replace(':evaluationId', ids.evaluationId)
      .replace(':evidenceId', ids.evidenceId)
      .replace(':indicator', '44')
      .replace(':year', '2025')
      .replace(/:service_code|:serviceCode/, ids.serviceCode)
      .replace(/:service_request_id|:requestId|:token/, ids.code)
      .replace(/:format|:fmt|:ext/, 'json');
  }

  /** A body that would be accepted if access were (wrongly) granted. */
  function bodyFor(method: string, url: string): unknown {
    if (method === 'GET' || method === 'DELETE') return undefined;
    if (url.endsWith('/actions')) return { action: 'dispatch', unitId: ids.unitId };
    if (url.endsWith('/units')) return { code: 'EVIL', name: 'Unit jahat' };
    if (url.endsWith('/invitations')) return { email: 'evil@bandung.test', role: 'region_admin' };
    if (url.includes('/holidays/')) return { name: 'Libur palsu', kind: 'local' };
    if (url.endsWith('/settings')) return { complaints: { reopenWindowDays: 1, escalation: [{ role: 'coordinator', afterHours: 0 }], publicStatistics: false } };
    if (url.endsWith('/api-keys')) return { name: 'evil' };
    if (url.includes('/admin/categories')) return { code: 'evil', nameId: 'Jahat', nameEn: 'Evil' };
    if (url.includes('/admin/routing/')) return { unitId: ids.unitId };
    if (url.endsWith('/admin/sla')) return { categoryId: null, stage: 'response', amount: 1, unit: 'hours', targetAmount: null };
    if (url.includes('/counter/complaints')) return { categoryId: ids.categoryId, description: 'Pengaduan palsu dari daerah lain' };
    if (url.endsWith('/spbe/evaluations')) return { year: 2027, versionId: ids.versionId };
    if (url.endsWith('/assignments')) return { assignments: [{ indicator: '44', unitId: ids.unitId }] };
    if (url.endsWith('/advance')) return { to: 'closed' };
    if (url.endsWith('/review')) return { decision: 'accept' };
    if (url.endsWith('/validation')) return { decision: 'validate' };
    if (url.endsWith('/assessment')) return { level: 5, reason: 'Penilaian palsu' };
    if (url.endsWith('/practice')) return { shared: false, note: null };
    if (url.endsWith('/answers/:indicator')) return { level: 5 };
    if (url.endsWith('/publication')) return { published: false };
    if (url.includes('/spbe/targets/')) return { targetIndex: 5 };
    if (url.endsWith('/spbe/simulate')) return { evaluationId: ids.evaluationId, levels: { 44: 5 } };
    if (url.startsWith('/open311/')) return { jurisdiction_id: VICTIM, service_code: ids.serviceCode, lat: -6.85, long: 107.92, description: 'Pengaduan palsu dari daerah lain' };
    return {};
  }

  it('refuses every non-public route to every foreign role and key, changing nothing', async () => {
    const guarded = h.app.routeTable.filter((r) => r.access !== 'public' && (r.url.includes(':region') || r.url.startsWith('/open311/')));
    // The table is generated: it must cover the complaint workflow and region admin at least.
    expect(guarded.length).toBeGreaterThan(20);
    const before = await fingerprint(h.ctx.database);
    const callers: [string, Record<string, string>][] = [
      ...Object.entries(sessions).map(([role, s]): [string, Record<string, string>] => [role, { cookie: s.cookie, 'x-csrf-token': s.csrf }]),
      ['api-key', { 'x-api-key': foreignKey }],
    ];
    const leaks: string[] = [];
    for (const route of guarded) {
      const url = concrete(route.url) + (route.url.startsWith('/open311/') ? `?jurisdiction_id=${VICTIM}` : '');
      for (const [who, headers] of callers) {
        const body = bodyFor(route.method, route.url);
        const res = await h.app.inject({ method: route.method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body as object }) });
        if (![401, 403, 404].includes(res.statusCode)) leaks.push(`${who} ${route.method} ${route.url} -> ${res.statusCode}`);
        else expect(res.json().error?.code ?? res.json()[0]?.code).toBeTruthy();
      }
    }
    expect(leaks).toEqual([]);
    expect(await fingerprint(h.ctx.database)).toBe(before);
  });

  it('shows a foreign coordinator none of the victim region\'s complaints in their own inbox', async () => {
    const res = await h.api('GET', `/api/regions/${FOREIGN}/inbox`, { session: sessions.coordinator });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain(ids.code);
  });

  it('keeps a confidential complaint out of every public listing', async () => {
    const res = await h.api('GET', `/api/regions/${VICTIM}/complaints/public`);
    expect(JSON.stringify(res.body)).not.toContain(ids.code);
  });
});

it('refuses to start when a route declares no access rule', () => {
  const app = Fastify();
  installAccess(app, { database: null as never, config: testConfig(), clock: new TestClock() });
  expect(() => app.get('/api/forgotten', async () => 'oops')).toThrow(/declares no access rule/);
});

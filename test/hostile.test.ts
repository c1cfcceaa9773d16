// Hostile input, property-based (fast-check), over every route of the route
// table, Open311 included: random and malicious path parameters, query
// strings, headers, bodies and files, sent anonymously, with a platform
// admin's or a coordinator's session, with an API key or with junk
// credentials. Whatever arrives: never a 5xx, never a stack trace, errors in
// the standard shape (Open311's own on Open311), and a rejected write stores
// nothing. HOSTILE_RUNS sets the number of requests (npm run verify sends more).
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from './harness.js';
import { DEMO_API_KEY } from '../src/demo/seed.js';
import type { Database } from '../src/platform/db/client.js';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 150);

/** Every table a request could write to (the area registry and national holidays are read-only reference data). */
const tables = ['regions', 'users', 'units', 'grants', 'invitations', 'pending_registrations', 'sessions', 'password_resets', 'api_keys', 'audit_log', 'region_holidays', 'notifications', 'outbox',
  'categories', 'routing_rules', 'sla_policies', 'complaints', 'complaint_events', 'complaint_photos', 'stage_deadlines', 'stage_escalations', 'complaint_stats',
  'spbe_frameworks', 'spbe_framework_versions', 'spbe_evaluations', 'spbe_answers', 'spbe_evidence', 'spbe_history', 'spbe_targets', 'spbe_results',
  'sakip_plans', 'sakip_nodes', 'sakip_indicators', 'sakip_targets', 'sakip_realisations', 'sakip_realisation_versions', 'sakip_reporting_periods', 'sakip_unit_reports',
  'sakip_agreements', 'sakip_agreement_versions', 'sakip_agreement_rows',
  'sakip_evaluations', 'sakip_evaluation_answers', 'sakip_evaluation_reviews', 'sakip_recommendations', 'sakip_recommendation_follow_ups', 'sakip_official_results'];

async function fingerprint(db: Database): Promise<string> {
  const parts = tables.map((t) => `select '${t}' as t, count(*)::int as n, coalesce(md5(string_agg(md5(x::text), ',' order by md5(x::text))), '') as h from ${t} x`);
  const rows = await db.rows<{ t: string; n: number; h: string }>(sql.raw(parts.join(' union all ')));
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join('|');
}

const nasty = [
  "' OR '1'='1", "'; drop table complaints; --", '" onmouseover="alert(1)', '<script>alert(1)</script>', '../../../etc/passwd', '..%2f..%2fetc%2fpasswd',
  '%00', '\u0000', '%', '%%', '%E0%A4%A', '${7*7}', '{{7*7}}', '__proto__', 'constructor', 'prototype', 'NaN', 'Infinity', '-1', '1e309', '9'.repeat(40),
  '[]', '{}', 'null', 'true', ' ', '\t\n', '😀'.repeat(50), 'a'.repeat(5_000), 'ADU-AAAA-AAAA', '00000000-0000-0000-0000-000000000000', '32.11', '32.11.01',
  '2026-02-30', '9999-12-31', 'xml', 'json', 'csv', '\uD800', 'ᴬᴰᵁ', 'SELECT pg_sleep(10)',
];
const hostile = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...nasty));

const queryKeys = ['limit', 'offset', 'status', 'from', 'to', 'by', 'lang', 'kunci', 'jurisdiction_id', 'api_key', 'start_date', 'end_date', 'q', 'year', 'unread',
  'service_request_id', 'service_code', 'overdue', 'unitId', 'before', 'entity', 'entityId', '__proto__', 'constructor[prototype][x]'];
const bodyKeys = ['categoryId', 'description', 'answers', 'districtCode', 'villageCode', 'lat', 'lng', 'long', 'address', 'anonymous', 'confidential', 'reporter',
  'action', 'unitId', 'note', 'message', 'reason', 'intoTrackingCode', 'regionCode', 'key', 'rating', 'comment', 'email', 'password', 'name', 'role', 'code',
  'nameId', 'nameEn', 'questions', 'active', 'stage', 'amount', 'unit', 'targetAmount', 'kind', 'complaints', 'reopenWindowDays', 'escalation', 'publicStatistics', 'token',
  'jurisdiction_id', 'service_code', 'api_key', 'address_string', 'media_url', 'year', 'versionId', 'level', 'decision', 'to', 'assignments', 'levels',
  'evaluationId', 'targetIndex', 'published', 'shared', 'value', 'low', 'high', 'startYear', 'endYear', 'title', 'parentId', 'position', 'polarity',
  'targetType', 'aggregation', 'allowsNegative', 'sharedUnitIds', 'period', 'dueDate', '__proto__', 'constructor'];

function multipart(boundary: string, parts: { name: string; filename?: string; data: Uint8Array | string }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n${p.filename !== undefined ? 'Content-Type: image/png\r\n' : ''}\r\n`));
    chunks.push(Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const PNG_MAGIC = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const STACK = /\n\s+at\s|node_modules|\/work\/|\.ts:\d+|\.js:\d+:\d+/;

describeWithApp('hostile input', (h) => {
  const sessions: Record<string, Session> = {};
  const real: Record<string, string> = {};

  beforeAll(async () => {
    sessions.admin = await h.signIn('admin@pamong.demo');
    sessions.staff = await h.signIn('koordinator@sumedang.demo');
    const categories = (await h.api('GET', '/api/regions/32.11/categories')).body;
    real.categoryId = categories.find((c: { code: string }) => c.code === 'sampah').id;
    const created = await h.api('POST', '/api/regions/32.11/complaints', { body: { categoryId: real.categoryId, description: 'Sampah menumpuk di depan pasar Sumedang', reporter: { email: 'warga@contoh.test' } } });
    real.id = created.body.id;
    real.code = created.body.trackingCode;
    real.unitId = (await h.api('GET', '/api/regions/32.11/units', { session: sessions.staff })).body[0].id;
    const spbe = await h.signIn('spbe@sumedang.demo');
    const evaluation = (await h.api('GET', '/api/regions/32.11/spbe/evaluations', { session: spbe })).body[0];
    real.evaluationId = evaluation?.id ?? real.id;
    // A draft e-SAKIP plan with a target and its indicator, so that writes reach the use cases' checks.
    const plan = await h.api('POST', '/api/regions/32.11/sakip/plans', { session: sessions.admin, body: { kind: 'rpjmd', startYear: 2026, title: 'RPJMD uji masukan liar' } });
    real.planId = plan.body.id;
    const P = `/api/regions/32.11/sakip/plans/${real.planId}`;
    const goal = await h.api('POST', `${P}/nodes`, { session: sessions.admin, body: { kind: 'goal', parentId: null, title: 'Tujuan' } });
    const target = await h.api('POST', `${P}/nodes`, { session: sessions.admin, body: { kind: 'target', parentId: goal.body.id, title: 'Sasaran' } });
    real.nodeId = target.body.id;
    real.indicatorId = (await h.api('POST', `${P}/nodes/${real.nodeId}/indicators`, { session: sessions.admin, body: { name: 'Indikator', polarity: 'lower_is_better' } })).body.id;
  });

  const plausible: Record<string, fc.Arbitrary<string>> = {
    region: fc.oneof({ weight: 6, arbitrary: fc.constant('32.11') }, { weight: 1, arbitrary: fc.constantFrom('32', '32.73', '99.99', '11') }),
    id: fc.oneof(fc.constant('REAL_ID'), fc.uuid()),
    grantId: fc.uuid(),
    invitationId: fc.uuid(),
    photoId: fc.uuid(),
    evaluationId: fc.oneof(fc.constant('REAL_EVALUATION'), fc.uuid()),
    evidenceId: fc.uuid(),
    code: fc.oneof(fc.constant('REAL_CODE'), fc.stringMatching(/^ADU-[A-Z2-9]{4}-[A-Z2-9]{4}$/)),
    token: fc.constant('REAL_CODE'),
    service_request_id: fc.constant('REAL_CODE'),
    service_code: fc.constantFrom('sampah', 'jalan-rusak', 'nope'),
    format: fc.constantFrom('json', 'xml', 'csv'),
    date: fc.constantFrom('2026-12-24', '2026-13-01'),
    year: fc.constantFrom('2025', '2026', '0'),
    framework: fc.constantFrom('spbe-2020', 'pemdi-2026', 'nope'),
    version: fc.constantFrom('1', '2', '0'),
    indicator: fc.constantFrom('1', '44', '999'),
    planId: fc.oneof(fc.constant('REAL_PLAN'), fc.uuid()),
    nodeId: fc.oneof(fc.constant('REAL_NODE'), fc.uuid()),
    indicatorId: fc.oneof(fc.constant('REAL_INDICATOR'), fc.uuid()),
    period: fc.constantFrom('2026', '2026-Q1', '2026-10', '2025-Q4', '2026-Q3', '2031', '2026-13', '2026-Q5'),
    unitId: fc.oneof(fc.constant('REAL_UNIT'), fc.uuid()),
    subComponent: fc.constantFrom('1.a', '4.c', '9.z'),
    recommendationId: fc.uuid(),
  };
  const param = (name: string) => fc.oneof({ weight: 3, arbitrary: plausible[name] ?? hostile }, { weight: 1, arbitrary: hostile });
  const value = fc.oneof(hostile, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('REAL_CATEGORY', 'REAL_UNIT', 'REAL_CODE', 'dispatch', 'resolve', 'reject', 'merge', 'transfer', '32.11.01', 'warga@contoh.test', 'pamong-demo-2026'));
  /** A body the route would accept, to mutate: the rejections that come late (in the use case, not the schema) are where a half-done write could hide. */
  const template = (method: string, url: string): Record<string, unknown> => {
    if (url.endsWith('/complaints') || url.endsWith('/counter/complaints')) {
      return { categoryId: 'REAL_CATEGORY', description: 'Lampu jalan mati sejak minggu lalu', districtCode: '32.11.01', reporter: { email: 'warga@contoh.test' }, anonymous: false };
    }
    if (url.endsWith('/actions')) return { action: 'dispatch', unitId: 'REAL_UNIT', note: 'Mohon ditindaklanjuti' };
    if (url.endsWith('/rate')) return { key: 'kunci-pelapor-palsu', rating: 5 };
    if (url.endsWith('/reopen')) return { key: 'kunci-pelapor-palsu', reason: 'Belum selesai' };
    if (url.endsWith('/similar')) return { categoryId: 'REAL_CATEGORY', description: 'Lampu jalan mati', villageCode: null };
    if (url.startsWith('/open311/') && method === 'POST') return { jurisdiction_id: '32.11', service_code: 'sampah', lat: -6.85, long: 107.92, description: 'Sampah menumpuk di depan pasar', email: 'warga@contoh.test' };
    if (url.endsWith('/units')) return { code: 'BARU', name: 'Dinas Baru' };
    if (url.endsWith('/invitations')) return { email: 'baru@contoh.test', role: 'officer', unitId: 'REAL_UNIT' };
    if (url.includes('/auth/invitation')) return { token: 'undangan-palsu-panjang', name: 'Petugas Baru', password: 'kata-sandi-panjang' };
    if (url.includes('/auth/verify-email')) return { token: 'verifikasi-palsu-panjang' };
    if (url.includes('/holidays/')) return { name: 'Libur daerah', kind: 'local' };
    if (url.endsWith('/settings')) return { complaints: { reopenWindowDays: 14, escalation: [{ role: 'unit_head', afterHours: 0 }], publicStatistics: true } };
    if (url.endsWith('/api-keys')) return { name: 'integrasi' };
    if (url.includes('/admin/categories')) return { code: 'baru', nameId: 'Kategori baru', nameEn: 'New category' };
    if (url.includes('/admin/routing/')) return { unitId: 'REAL_UNIT' };
    if (url.endsWith('/admin/sla')) return { categoryId: 'REAL_CATEGORY', stage: 'response', amount: 2, unit: 'working_days', targetAmount: null };
    if (url.includes('/auth/sign-in')) return { email: 'admin@pamong.demo', password: 'salah-sekali-pasti' };
    if (url.includes('/auth/register')) return { email: 'baru@contoh.test', name: 'Warga Baru', password: 'kata-sandi-panjang' };
    if (url.includes('/password-reset/confirm')) return { token: 'token-palsu', password: 'kata-sandi-panjang' };
    if (url.includes('/password-reset')) return { email: 'warga@contoh.test' };
    if (url.endsWith('/api/regions') && method === 'POST') return { code: '32.73', admin: { email: 'admin@bandung.test', name: 'Admin' } };
    if (url.endsWith('/spbe/evaluations')) return { year: 2027, versionId: 'REAL_ID' };
    if (url.endsWith('/sakip/plans')) return { kind: 'renstra', unitId: 'REAL_UNIT', startYear: 2026, title: 'Renstra uji' };
    if (url.endsWith('/sakip/plans/:planId/nodes')) return { kind: 'target', parentId: 'REAL_NODE', title: 'Sasaran turunan' };
    if (url.endsWith('/move')) return { parentId: 'REAL_NODE', position: 0 };
    if (url.endsWith('/indicators')) return { name: 'Indikator baru', polarity: 'higher_is_better', targetType: 'range' };
    if (url.endsWith('/targets')) return { year: 2026, value: '12.5', reason: 'Revisi' };
    if (url.includes('/realisations/')) return { value: '12.5', note: 'Catatan', reason: 'Koreksi' };
    if (url.endsWith('/reporting-periods')) return { period: '2026-10', dueDate: '2027-01-15' };
    if (url.endsWith('/reporting-periods/:period/status')) return { status: 'open', reason: 'Dibuka kembali' };
    if (url.endsWith('/submit')) return { note: 'Laporan triwulan' };
    if (url.endsWith('/sakip/agreements')) return { year: 2026, level: 'unit', unitId: 'REAL_UNIT', firstParty: { name: 'Kepala', position: 'Kepala Dinas' }, secondParty: { name: 'Bupati', position: 'Bupati' } };
    if (url.endsWith('/revise')) return { reason: 'Pergantian pejabat' };
    if (url.endsWith('/sakip/evaluations')) return { year: 2027 };
    if (url.endsWith('/answers')) return { answers: [{ criterion: '1.a.1', answer: 'Y', evidence: 'https://contoh.test/bukti' }] };
    if (url.includes('/reviews/')) return { letter: 'A', note: 'Catatan' };
    if (url.endsWith('/recommendations')) return { text: 'Rekomendasi', unitId: 'REAL_UNIT' };
    if (url.endsWith('/follow-ups')) return { status: 'in_progress', note: 'Tindak lanjut' };
    if (url.includes('/official-results/')) return { score: '72.35', source: 'Surat KemenPANRB' };
    if (url.endsWith('/status')) return { status: 'active' };
    return {};
  };
  const mutation = fc.record({
    set: fc.dictionary(fc.oneof(fc.constantFrom(...bodyKeys), hostile), value, { maxKeys: 2 }),
    drop: fc.array(fc.constantFrom(...bodyKeys), { maxLength: 2 }),
  });
  const body = fc.oneof(
    fc.record({ kind: fc.constant('near' as const), value: mutation }),
    fc.record({ kind: fc.constant('near' as const), value: mutation }),
    fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
    fc.record({ kind: fc.constant('json' as const), value: fc.dictionary(fc.oneof(fc.constantFrom(...bodyKeys), hostile), value, { maxKeys: 8 }) }),
    fc.record({ kind: fc.constant('raw' as const), value: fc.oneof(hostile, fc.constantFrom('{', '{"a":', '[1,2', '{"__proto__":{"x":1}}', '\u0000{}')) }),
    fc.record({ kind: fc.constant('form' as const), value: fc.dictionary(fc.oneof(fc.constantFrom(...bodyKeys), hostile), hostile, { maxKeys: 6 }) }),
    fc.record({
      kind: fc.constant('multipart' as const),
      value: fc.array(fc.record({
        name: fc.constantFrom('complaint', 'photos', 'file', 'evidence', 'csv', 'x'),
        filename: fc.option(fc.oneof(hostile, fc.constantFrom('foto.png', '../../x.png', 'a.exe')), { nil: undefined }),
        data: fc.oneof(hostile, fc.uint8Array({ maxLength: 512 }), fc.uint8Array({ maxLength: 256 }).map((b) => Uint8Array.from([...PNG_MAGIC, ...b])),
          fc.dictionary(fc.constantFrom(...bodyKeys), value, { maxKeys: 5 }).map((o) => JSON.stringify(o))),
      }), { maxLength: 5 }),
    }),
    fc.constant({ kind: 'none' as const, value: null }),
  );
  const request = fc.record({
    route: fc.integer({ min: 0, max: 10_000 }),
    params: fc.record(Object.fromEntries(Object.keys(plausible).map((k) => [k, param(k)])) as Record<string, fc.Arbitrary<string>>),
    encodePath: fc.boolean(),
    query: fc.dictionary(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...queryKeys) }, { weight: 1, arbitrary: hostile }), fc.oneof(hostile, fc.array(hostile, { maxLength: 3 })), { maxKeys: 5 }),
    caller: fc.constantFrom('anonymous', 'admin', 'staff', 'apikey', 'junk'),
    body,
    contentType: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/xml', 'application/json; charset=utf-16', 'multipart/form-data', 'image/png') }),
    language: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hostile }),
    wrongCsrf: fc.boolean(),
  });

  type HostileRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;
  const fill = (v: string) => v.replace('REAL_ID', real.id).replace('REAL_EVALUATION', real.evaluationId).replace('REAL_CODE', real.code)
    .replace('REAL_CATEGORY', real.categoryId).replace('REAL_UNIT', real.unitId).replace('REAL_PLAN', real.planId).replace('REAL_NODE', real.nodeId)
    .replace('REAL_INDICATOR', real.indicatorId);

  /** Sends one generated request and checks everything a hostile request must never get. */
  async function send(r: HostileRequest, route: { method: string; url: string }) {
    const path = route.url.replace(/:(\w+)/g, (_, name: string) => {
      const v = fill(r.params[name] ?? 'x');
      if (!r.encodePath) return v;
      try {
        return encodeURIComponent(v);
      } catch {
        return v; // a lone surrogate cannot be encoded: sent as it is
      }
    });
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(r.query)) for (const one of [v].flat()) search.append(k, fill(one));
    const headers: Record<string, string> = {};
    const caller = route.url === '/api/auth/sign-out' && (r.caller === 'admin' || r.caller === 'staff') ? 'anonymous' : r.caller;
    if (caller === 'admin' || caller === 'staff') {
      headers.cookie = sessions[caller].cookie;
      headers['x-csrf-token'] = r.wrongCsrf ? 'x' : sessions[caller].csrf;
    }
    if (caller === 'apikey') headers['x-api-key'] = DEMO_API_KEY;
    if (caller === 'junk') {
      headers.cookie = 'pamong_session=bm90LWEtc2Vzc2lvbg; pamong_lang=xx';
      headers['x-api-key'] = 'pmg_junk';
    }
    if (r.language !== undefined) headers['accept-language'] = r.language.replace(/[^\x20-\x7e]/g, '');
    let payload: string | Buffer | undefined;
    const b = r.body;
    if (route.method !== 'GET' && route.method !== 'DELETE' || b.kind !== 'none') {
      if (b.kind === 'json') [payload, headers['content-type']] = [fill(JSON.stringify(b.value)), 'application/json'];
      if (b.kind === 'near') {
        const near: Record<string, unknown> = { ...template(route.method, route.url), ...b.value.set };
        for (const k of b.value.drop) delete near[k];
        [payload, headers['content-type']] = [fill(JSON.stringify(near)), 'application/json'];
      }
      if (b.kind === 'raw') [payload, headers['content-type']] = [b.value, 'application/json'];
      if (b.kind === 'form') [payload, headers['content-type']] = [new URLSearchParams(b.value).toString(), 'application/x-www-form-urlencoded'];
      if (b.kind === 'multipart') [payload, headers['content-type']] = [multipart('pamongX', b.value.map((p) => ({ ...p, data: typeof p.data === 'string' ? fill(p.data) : p.data }))), 'multipart/form-data; boundary=pamongX'];
    }
    if (r.contentType !== undefined && payload !== undefined) headers['content-type'] = r.contentType;
    const writes = route.method !== 'GET';
    const before = writes ? await fingerprint(h.ctx.database) : '';
    const res = await h.app.inject({ method: route.method as 'GET', url: `${path}${search.size ? `?${search}` : ''}`, headers, ...(payload === undefined ? {} : { payload }) });
    const described = `${route.method} ${path} as ${caller} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
    expect(res.statusCode, described).toBeLessThan(500);
    const type = String(res.headers['content-type'] ?? '');
    if (/json|xml|text/.test(type)) expect(STACK.test(res.body), described).toBe(false);
    if (res.statusCode >= 400 && type.includes('json')) {
      const error = res.json();
      const standard = { error: expect.objectContaining({ code: expect.any(String), status: res.statusCode, message: expect.any(String), messages: { id: expect.any(String), en: expect.any(String) } }) };
      // Open311 answers with its own error list, even for a URL the router could not decode.
      if (route.url.startsWith('/open311/') && Array.isArray(error)) expect(error, described).toEqual([{ code: res.statusCode, description: expect.any(String) }]);
      else expect(error, described).toEqual(standard);
    }
    if (writes && res.statusCode >= 400) expect(await fingerprint(h.ctx.database), `${described}: a rejected write changed the database`).toBe(before);
  }

  it(`never answers 5xx, never leaks a stack trace, and a rejected write stores nothing (${RUNS} random requests)`, async () => {
    expect(h.app.routeTable.length).toBeGreaterThan(90);
    const routes = h.app.routeTable;
    await fc.assert(fc.asyncProperty(request, async (r) => send(r, routes[r.route % routes.length])), { numRuns: RUNS });
    expect((await h.api('GET', '/healthz')).status).toBe(200);
  });

  it(`stores nothing from a write rejected late, in the use case (${RUNS} nearly valid writes)`, async () => {
    const writes = h.app.routeTable.filter((r) => r.method !== 'GET');
    const nearlyValid = request.map((r) => ({
      ...r, params: { ...r.params, region: '32.11' }, encodePath: true, contentType: undefined, language: undefined, wrongCsrf: false, query: {},
      caller: r.caller === 'staff' || r.caller === 'junk' ? 'admin' : r.caller,
    }));
    await fc.assert(fc.asyncProperty(nearlyValid, mutation, async (r, m) => send({ ...r, body: { kind: 'near', value: m } }, writes[r.route % writes.length])), { numRuns: RUNS });
  });
}, { config: { intakePerMinute: 1_000_000 } });

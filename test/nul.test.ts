// A NUL character (U+0000) cannot be stored by PostgreSQL; it used to come
// back as a 500. Generated from the route table: every route refuses it in the
// URL, in headers and in the body with 400 request.nul_character, before any
// query runs; multipart fields and file names likewise.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from './harness.js';
import { DEMO_API_KEY } from '../src/demo/seed.js';

const NUL = '\u0000';

function multipart(parts: { name: string; filename?: string; data: string | Buffer }[]): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    chunks.push(Buffer.from(`--nulX\r\nContent-Disposition: ${disposition}\r\n${p.filename === undefined ? '' : 'Content-Type: image/png\r\n'}\r\n`), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from('--nulX--\r\n'));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': 'multipart/form-data; boundary=nulX' } };
}

describeWithApp('NUL characters', (h) => {
  let admin: Session;
  let categoryId: string;
  const written = async () => (await h.ctx.database.rows<{ n: string }>(sql`
    select (select count(*) from complaints) || '/' || (select count(*) from audit_log) || '/' || (select count(*) from users) || '/' || (select count(*) from units) || '/' ||
      (select count(*) from categories) || '/' || (select count(*) from region_holidays) || '/' || (select count(*) from api_keys) as n`))[0].n;

  beforeAll(async () => {
    admin = await h.signIn('admin@pamong.demo');
    categoryId = (await h.api('GET', '/api/regions/32.11/categories')).body[0].id;
  });

  /** The route's URL with plausible parameters; `nulIn` puts a NUL into that parameter. */
  const urlOf = (url: string, nulIn?: string) => url.replace(/:(\w+)/g, (_, name: string) => (name === nulIn ? `a%00b` : name === 'region' ? '32.11' : name === 'format' ? 'json' : 'x'));
  const expectRefused = (res: { statusCode: number; json(): any }, described: string) => {
    expect(res.statusCode, described).toBe(400);
    const body = res.json();
    // Open311 answers in its own error list; everything else in the standard shape.
    const code = Array.isArray(body) ? body[0].description : body.error.code;
    if (Array.isArray(body)) expect(code, described).toMatch(/NUL/);
    else expect(body.error, described).toMatchObject({ code: 'request.nul_character', status: 400, messages: { id: expect.any(String), en: expect.any(String) } });
  };

  it('refuses a NUL in the path, the query, a header and the body of every route', async () => {
    const routes = h.app.routeTable;
    expect(routes.length).toBeGreaterThan(90);
    const before = await written();
    for (const route of routes) {
      const method = route.method as 'GET';
      const session = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
      const query = route.url.startsWith('/open311/') ? '?jurisdiction_id=32.11&' : '?';
      // Query parameters: a filter, a search text, a jurisdiction.
      for (const q of ['q=a%00b', 'status=%00', `x%00=1`, 'jurisdiction_id=32%00']) {
        expectRefused(await h.app.inject({ method, url: `${urlOf(route.url)}${query}${q}`, headers: session }), `${route.method} ${route.url} query ${q}`);
      }
      for (const name of route.url.match(/:(\w+)/g) ?? []) {
        expectRefused(await h.app.inject({ method, url: urlOf(route.url, name.slice(1)) + query, headers: session }), `${route.method} ${route.url} param ${name}`);
      }
      for (const header of ['idempotency-key', 'x-api-key']) {
        expectRefused(await h.app.inject({ method, url: urlOf(route.url) + query, headers: { ...session, [header]: `k${NUL}` } }), `${route.method} ${route.url} header ${header}`);
      }
      if (route.method === 'GET') continue;
      // Bodies: every string field a create or change carries, and a NUL in a key (answers are jsonb).
      const fields = ['description', 'name', 'code', 'nameId', 'nameEn', 'email', 'note', 'message', 'reason', 'comment', 'service_code', 'explanation'];
      const json = { ...Object.fromEntries(fields.map((f) => [f, `teks cukup panjang ${NUL} di sini`])), categoryId, reporter: { name: `Budi${NUL}` }, answers: { [`a${NUL}`]: 'x' } };
      const apiKey = route.access === 'api_key' ? { 'x-api-key': DEMO_API_KEY } : session;
      expectRefused(await h.app.inject({ method, url: urlOf(route.url) + query, headers: apiKey, payload: json }), `${route.method} ${route.url} JSON body`);
      if (route.url.endsWith('/results/import')) expectRefused(await h.app.inject({ method, url: urlOf(route.url) + query, headers: { ...apiKey, 'content-type': 'text/csv' }, payload: `region_code,year\n32.11${NUL},2025\n` }), `${route.method} ${route.url} CSV body`);
    }
    expect(await written()).toBe(before);
  });

  it('refuses a NUL in Open311 form fields', async () => {
    const form = new URLSearchParams({ jurisdiction_id: '32.11', service_code: 'sampah', lat: '-6.85', long: '107.92', description: `Sampah menumpuk ${NUL} di pasar` });
    const res = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    expectRefused(res, 'Open311 form');
  });

  it('refuses a NUL in multipart JSON fields and file names', async () => {
    const session = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const complaint = JSON.stringify({ categoryId, description: `Jalan berlubang ${NUL} besar`, reporter: { name: 'Budi' } });
    const clean = JSON.stringify({ categoryId, description: 'Jalan berlubang besar sekali', reporter: { name: 'Budi' } });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const before = await written();
    for (const url of ['/api/regions/32.11/complaints', '/api/regions/32.11/counter/complaints']) {
      for (const parts of [[{ name: 'complaint', data: complaint }], [{ name: 'complaint', data: clean }, { name: 'photos', filename: `foto${NUL}.png`, data: png }]]) {
        const { payload, headers } = multipart(parts);
        expectRefused(await h.app.inject({ method: 'POST', url, headers: { ...session, ...headers }, payload }), `multipart ${url}`);
      }
    }
    const evaluation = (await h.api('GET', '/api/regions/32.11/spbe/evaluations', { session: admin })).body[0];
    const answer = multipart([{ name: 'answer', data: JSON.stringify({ explanation: `Sudah ${NUL}` }) }]);
    expectRefused(await h.app.inject({ method: 'PUT', url: `/api/regions/32.11/spbe/evaluations/${evaluation.id}/answers/1`, headers: { ...session, ...answer.headers }, payload: answer.payload }), 'multipart SPBE answer');
    expect(await written()).toBe(before);
  });
});

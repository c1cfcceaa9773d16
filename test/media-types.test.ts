// Every route accepts the bodies it documents and refuses others with 415 in
// the standard shape, generated from the route table: JSON everywhere,
// multipart only where files are uploaded (complaint photos, evidence,
// workbooks, applications' documents (citizens, counters and integrations), a signer's certificate, a file to
// verify, a retention schedule, a letter-exchange package, the scan of a letter signed on paper), CSV only for imports (SPBE results, layanan's bank statements and
// tax bills), and
// form fields only on Open311 POST requests (the spec posts forms).
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from './harness.js';
import { DEMO_API_KEY } from '../src/demo/seed.js';

const accepting: Record<string, (url: string) => boolean> = {
  form: (url) => url === '/open311/v2/requests.:format',
  multipart: (url) => /\/(counter\/)?complaints$|\/answers\/:indicator$|\/sakip\/plans\/:planId(\/villages\/:indicatorId\/values\/:period)?\/import$|\/realisations\/:period\/evidence$|\/criteria\/:criterion\/evidence$/.test(url)
    || /\/layanan\/(counter\/|integrations\/)?services\/:serviceId\/applications$|\/layanan\/(integrations\/)?applications\/:applicationId\/resubmit$|\/layanan\/documents\/signer\/local$|^\/api\/verify\/:token\/check$/.test(url)
    || /\/livinglab\/solutions\/:solutionId\/kit$/.test(url) || /\/livinglab\/coaching\/pilots\/:pilotId\/files$/.test(url),
  csv: (url) => url.endsWith('/results/import') || /\/layanan\/(payments\/reconciliations|bills\/tax-import)$/.test(url),
};
const bodies: Record<string, { type: string; payload: string }> = {
  form: { type: 'application/x-www-form-urlencoded', payload: 'categoryId=x&description=Jalan+berlubang+besar' },
  multipart: { type: 'multipart/form-data; boundary=mtX', payload: '--mtX\r\nContent-Disposition: form-data; name="x"\r\n\r\n{}\r\n--mtX--\r\n' },
  csv: { type: 'text/csv', payload: 'region_code,year\n32.11,2025\n' },
  xml: { type: 'application/xml', payload: '<complaint/>' },
  text: { type: 'text/plain', payload: 'Jalan berlubang besar' },
};

describeWithApp('request media types', (h) => {
  it('refuses an undocumented body type on every write route with 415', async () => {
    // A caller the route lets in: the body type is checked once access is granted.
    const admin = await h.signIn('admin@pamong.demo');
    const writes = h.app.routeTable.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(40);
    const [{ n: before }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from complaints`);
    const wrong: string[] = [];
    for (const route of writes) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => (name === 'region' ? '32.11' : name === 'format' ? 'json' : 'x')) + (route.url.startsWith('/open311/') ? '?jurisdiction_id=32.11' : '');
      for (const [kind, body] of Object.entries(bodies)) {
        // A route takes what it declares (config.bodyTypes); the list above pins the older modules' declarations.
        if (accepting[kind]?.(route.url) || route.bodyTypes?.includes(kind as never)) continue;
        const res = await h.app.inject({ method: route.method as 'POST', url, headers: { 'content-type': body.type, ...(route.access === 'api_key' ? { 'x-api-key': DEMO_API_KEY } : { cookie: admin.cookie, 'x-csrf-token': admin.csrf }) }, payload: body.payload });
        const error = res.json();
        const code = Array.isArray(error) ? error[0].code : error.error?.code;
        if (res.statusCode !== 415 || (code !== 'request.unsupported_media_type' && code !== 415)) wrong.push(`${kind} ${route.method} ${route.url} -> ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
    }
    expect(wrong).toEqual([]);
    const [{ n: after }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from complaints`);
    expect(after).toBe(before);
  });

  it('files no complaint from a form-encoded intake', async () => {
    const categoryId = (await h.api('GET', '/api/regions/32.11/categories')).body[0].id;
    const form = new URLSearchParams({ categoryId, description: 'Jalan berlubang besar di depan sekolah' });
    const res = await h.app.inject({ method: 'POST', url: '/api/regions/32.11/complaints', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'request.unsupported_media_type', messages: { id: expect.any(String), en: expect.any(String) } });
  });

  it('still takes Open311 requests as form fields', async () => {
    const form = new URLSearchParams({ jurisdiction_id: '32.11', service_code: 'sampah', lat: '-6.85', long: '107.92', description: 'Sampah menumpuk di depan pasar' });
    const res = await h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': DEMO_API_KEY }, payload: form.toString() });
    expect(res.statusCode).toBe(201);
  });
}, { config: { intakePerMinute: 1_000_000 } });

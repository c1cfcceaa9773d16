// The platform around the modules: the area registry, switching regions on,
// citizen accounts, operations endpoints, API docs, headers and rate limits.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from './harness.js';
import { tokenFromLastEmail } from './support/mailbox.js';

describeWithApp('platform', (h) => {
  it('knows every province and kabupaten/kota with their time zones', async () => {
    const rows = await h.ctx.database.rows<{ level: string; n: number }>(sql`select level, count(*)::int as n from areas group by level order by level`);
    const by = Object.fromEntries(rows.map((r) => [r.level, r.n]));
    expect(by.province).toBe(38);
    expect(by.regency).toBe(514);
    expect(by.district).toBeGreaterThan(7000);
    expect(by.village).toBeGreaterThan(80000);
    const zones = await h.ctx.database.rows<{ code: string; name: string; timezone: string }>(
      sql`select code, name, timezone from areas where code in ('32.11', '51.71', '91.71', '64') order by code`);
    expect(zones).toEqual([
      { code: '32.11', name: 'Kabupaten Sumedang', timezone: 'Asia/Jakarta' },
      { code: '51.71', name: 'Kota Denpasar', timezone: 'Asia/Makassar' },
      { code: '64', name: 'Kalimantan Timur', timezone: 'Asia/Makassar' },
      { code: '91.71', name: 'Kota Jayapura', timezone: 'Asia/Jayapura' },
    ]);
    const districts = await h.api('GET', '/api/regions/32.11/areas');
    expect(districts.body).toHaveLength(26);
    const outside = await h.api('GET', '/api/regions/32.11/areas?parent=33.01');
    expect(outside.body.error.code).toBe('area.not_in_region');
  });

  it('lets only a platform admin switch a region on, with its first admin', async () => {
    const regionAdmin = await h.signIn('admin@sumedang.demo');
    const refused = await h.api('POST', '/api/regions', { session: regionAdmin, body: { code: '91.71' } });
    expect(refused.status).toBe(403);
    const platform = await h.signIn('admin@pamong.demo');
    const res = await h.api('POST', '/api/regions', { session: platform, body: { code: '91.71', admin: { email: 'admin@jayapura.test' } } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: '91.71', name: 'Kota Jayapura', timezoneLabel: 'WIT' });
    expect((await h.api('POST', '/api/regions', { session: platform, body: { code: '91.71' } })).body.error.code).toBe('region.already_enabled');
    expect((await h.api('POST', '/api/regions', { session: platform, body: { code: '32.11.01' } })).status).toBe(400);
    // The first admin is invited: they choose their own name and password.
    const token = await tokenFromLastEmail(h.ctx.database, 'admin@jayapura.test', '/undangan');
    await h.api('POST', '/api/auth/invitation/accept', { body: { token, name: 'Admin Jayapura', password: 'sandi-jayapura-123' } });
    const jayapura = await h.signIn('admin@jayapura.test', 'sandi-jayapura-123');
    const unit = await h.api('POST', '/api/regions/91.71/units', { session: jayapura, body: { code: 'PUPR', name: 'Dinas PUPR Kota Jayapura' } });
    expect(unit.status).toBe(201);
    const audit = await h.api('GET', '/api/regions/91.71/audit', { session: jayapura });
    expect(audit.body.map((a: any) => a.action)).toEqual(['unit.create', 'invitation.accept', 'invitation.create', 'region.enable']);
  });

  it('keeps a region admin from revoking what only a platform admin grants', async () => {
    const regionAdmin = await h.signIn('admin@sumedang.demo');
    const staff = (await h.api('GET', '/api/regions/32.11/staff', { session: regionAdmin })).body;
    const assessor = staff.find((g: any) => g.role === 'external_assessor');
    const refused = await h.api('DELETE', `/api/regions/32.11/staff/${assessor.grantId}`, { session: regionAdmin });
    expect(refused.status).toBe(403);
    expect((await h.api('GET', '/api/regions/32.11/staff', { session: regionAdmin })).body).toHaveLength(staff.length);
    const platform = await h.signIn('admin@pamong.demo');
    expect((await h.api('DELETE', `/api/regions/32.11/staff/${assessor.grantId}`, { session: platform })).status).toBe(200);
  });

  it('lets a citizen register and follow their own reports', async () => {
    const reg = await h.api('POST', '/api/auth/register', { body: { email: 'warga@example.id', name: 'Warga Sumedang', password: 'sandi-warga-panjang' } });
    expect(reg.status).toBe(202);
    const token = await tokenFromLastEmail(h.ctx.database, 'warga@example.id', '/verifikasi-email');
    expect((await h.api('POST', '/api/auth/verify-email', { body: { token } })).status).toBe(200);
    const me = await h.signIn('warga@example.id', 'sandi-warga-panjang');
    const cats = (await h.api('GET', '/api/regions/32.11/categories')).body;
    const pju = cats.find((c: any) => c.code === 'pju').id;
    const sent = await h.api('POST', '/api/regions/32.11/complaints', { session: me, body: { categoryId: pju, description: 'Lampu jalan mati di depan masjid agung' } });
    const mine = await h.api('GET', '/api/me/complaints', { session: me });
    expect(mine.body.map((c: any) => c.trackingCode)).toEqual([sent.body.trackingCode]);
    const other = await h.signIn('loket@sumedang.demo');
    expect((await h.api('GET', '/api/me/complaints', { session: other })).body).toEqual([]);
  });

  it('reports health and Prometheus metrics', async () => {
    const health = await h.api('GET', '/healthz');
    expect(health.body).toEqual({ status: 'ok', database: 'ok', engine: h.engine });
    const metrics = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('pamong_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('process_resident_memory_bytes');
  });

  it('documents the API as OpenAPI from the same schemas that validate', async () => {
    const doc = await h.api('GET', '/api/docs/json');
    expect(doc.body.openapi).toMatch(/^3\./);
    const intake = doc.body.paths['/api/regions/{region}/complaints'].post;
    expect(intake.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['categoryId', 'description']));
  });

  it('serves the web app\'s HTML uncached, so a deploy never strands a client on old assets', async () => {
    for (const url of ['/', '/r/32.11/lapor']) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toMatch(/no-cache|max-age=0/);
    }
  });

  it('sends strict security headers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/regions' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('rate-limits anonymous intake and sign-in with the standard error', async () => {
    let last = 0;
    let body: any;
    for (let i = 0; i < 12; i++) {
      const res = await h.api('POST', '/api/auth/sign-in', { body: { email: 'x@y.id', password: 'salah-salah' } });
      last = res.status;
      body = res.body;
    }
    expect(last).toBe(429);
    expect(body.error.code).toBe('request.rate_limited');
    const cats = (await h.api('GET', '/api/regions/32.11/categories')).body;
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await h.api('POST', '/api/regions/32.11/complaints', { body: { categoryId: cats[0].id, description: `Percobaan banjir laporan nomor ${i}`, answers: { tingkat_kerusakan: 'ringan' } } });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(20);
  });
});

// Every JSON answer under /api is declared by a schema, which also decides
// what is sent: a key the schema does not name never leaves the server.
import { expect, it } from 'vitest';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildServer } from '../src/server.js';
import { instant } from '../src/platform/http/responses.js';
import { describeWithApp } from './harness.js';

describeWithApp('declared answers', (h) => {
  it('declares a success answer for every route under /api, with a JSON schema or its content types', async () => {
    const doc = h.app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
    const routes = h.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(routes.length).toBeGreaterThan(90);
    const undeclared = routes.filter((r) => {
      const operation = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const success = Object.entries(operation?.responses ?? {}).filter(([status]) => status.startsWith('2')).map(([, answer]) => answer);
      return !success.some((answer) => Object.values(answer.content ?? {}).some((media) => media.schema !== undefined));
    });
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('declares the errors each route can give, with the one error shape', async () => {
    const doc = h.app.swagger() as unknown as { paths: Record<string, Record<string, { responses: Record<string, { description: string; content?: Record<string, { schema?: { $ref?: string } }> }> }>> };
    const track = doc.paths['/api/regions/{region}/complaints/track/{code}'].get.responses;
    expect(track['404'].description).toMatch(/complaint\.not_found.*region\.not_found/);
    expect(track['404'].content!['application/json'].schema!.$ref).toBe('#/components/schemas/Error');
    // Edge codes come from the route's declaration: access, idempotency, rate limits.
    const intake = doc.paths['/api/regions/{region}/complaints'].post.responses;
    expect(Object.keys(intake)).toEqual(expect.arrayContaining(['201', '400', '404', '409', '413', '415', '422', '429', '500', '503']));
    const inbox = doc.paths['/api/regions/{region}/inbox'].get.responses;
    expect(inbox['401'].description).toMatch(/auth\.required/);
    expect(inbox['403'].description).toMatch(/auth\.forbidden/);
  });

  it.each([true, false])('sends only what the schema names, whatever the handler returns (answers checked: %s)', async (checkResponses) => {
    const app = await buildServer({ ...h.ctx, config: { ...h.ctx.config, checkResponses } });
    app.withTypeProvider<ZodTypeProvider>().get('/api/test/extra', {
      config: { access: 'public' },
      schema: { response: { 200: z.object({ trackingCode: z.string(), at: instant, reporter: z.object({ role: z.string() }).nullable() }) } },
    }, async () => ({ trackingCode: 'ADU-TEST', at: new Date('2026-12-05T01:02:03.004Z'), reporter: { role: 'pelapor', email: 'warga@contoh.id' }, reporterPhone: '0812' }) as never);
    await app.ready();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/test/extra' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ trackingCode: 'ADU-TEST', at: '2026-12-05T01:02:03.004Z', reporter: { role: 'pelapor' } });
      expect(res.body).not.toMatch(/warga@contoh\.id|0812/);
    } finally {
      await app.close();
    }
  });

  it('refuses an answer that drifts from its declaration where answers are checked', async () => {
    const app = await buildServer(h.ctx);
    app.withTypeProvider<ZodTypeProvider>().get('/api/test/drift', {
      config: { access: 'public' },
      schema: { response: { 200: z.object({ count: z.number().int() }) } },
    }, async () => ({ count: 'banyak' }) as never);
    await app.ready();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/test/drift' });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('internal');
      expect(res.body).not.toMatch(/banyak/);
    } finally {
      await app.close();
    }
  });

  it('shows anyone only the settings a module made public', async () => {
    const profile = await h.api('GET', '/api/regions/32.11');
    expect(profile.body.settings).toEqual({ complaints: { reopenWindowDays: 14, publicStatistics: true } });
    const admin = await h.signIn('admin@sumedang.demo');
    expect((await h.api('GET', '/api/regions/32.11/settings', { session: admin })).body.complaints.escalation.length).toBeGreaterThan(0);
  });

  it('never names the reporter on the tracking page, even a reporter who chose to be named', async () => {
    const lights = (await h.api('GET', '/api/regions/32.11/categories')).body.find((c: { code: string }) => c.code === 'pju');
    const filed = await h.api('POST', '/api/regions/32.11/complaints', {
      body: {
        categoryId: lights.id, description: 'Lampu jalan di depan pasar padam sejak seminggu',
        anonymous: false, reporter: { name: 'Siti Warga Sumedang', email: 'siti.warga@contoh.id', phone: '081234567890' },
      },
    });
    expect(filed.status).toBe(201);
    const track = await h.api('GET', `/api/regions/32.11/complaints/track/${filed.body.trackingCode}?kunci=${encodeURIComponent(filed.body.reporterKey)}`);
    expect(track.status).toBe(200);
    expect(track.body.isReporter).toBe(true);
    expect(track.body.reporter).toBeNull();
    expect(track.raw).not.toMatch(/Siti Warga|siti\.warga|081234567890/);
    // Staff who may see it do.
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const staff = await h.api('GET', `/api/regions/32.11/complaints/${filed.body.id}`, { session: coordinator });
    expect(staff.body.reporter).toEqual({ name: 'Siti Warga Sumedang', email: 'siti.warga@contoh.id', phone: '081234567890' });
  });
});

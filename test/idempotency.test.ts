// A retry must not file a second complaint (or a second unit, API key...):
// with an Idempotency-Key, a repeat of a create returns the first answer.
import { beforeAll, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { describeWithApp, type Session } from './harness.js';
import { DEMO_API_KEY } from '../src/demo/seed.js';
import { api, ApiError, setCsrfToken } from '../web/src/api.js';

describeWithApp('idempotency keys', (h) => {
  let categoryId: string;
  let admin: Session;
  const count = async (table: string, where = 'true') => (await h.ctx.database.rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table} where ${where}`)))[0].n;
  const complaintsLike = (text: string) => count('complaints', `description like '${text}%'`);

  beforeAll(async () => {
    categoryId = (await h.api('GET', '/api/regions/32.11/categories')).body.find((c: { code: string }) => c.code === 'sampah').id;
    admin = await h.signIn('admin@sumedang.demo');
  });
  const intake = (key: string, description: string, extra: object = {}) => h.api('POST', '/api/regions/32.11/complaints', {
    headers: { 'idempotency-key': key }, body: { categoryId, description, reporter: { email: 'warga@contoh.test' }, ...extra },
  });

  it('files one complaint for a submission sent twice with one key, and answers the retry with the same receipt', async () => {
    const key = randomUUID();
    const first = await intake(key, 'Sampah menumpuk di Jalan Mawar, dikirim dua kali');
    expect(first.status).toBe(201);
    // The answer is lost on the way (the phone loses its signal); the app retries with the same key.
    const retry = await intake(key, 'Sampah menumpuk di Jalan Mawar, dikirim dua kali');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await complaintsLike('Sampah menumpuk di Jalan Mawar')).toBe(1);
    // One receipt email, not two.
    expect(await count('outbox', `payload::text like '%${first.body.trackingCode}%'`)).toBe(1);
  });

  it('never stores the reporter key readable, only sealed with the idempotency key', async () => {
    const key = randomUUID();
    const first = await intake(key, 'Sampah di Jalan Kenanga belum diangkut seminggu');
    const rows = await h.ctx.database.rows<{ answer: string }>(sql`select encode(answer, 'escape') as answer from idempotency_keys`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.answer.includes(first.body.reporterKey) || r.answer.includes(first.body.trackingCode))).toBe(false);
  });

  it('refuses the same key with a different body', async () => {
    const key = randomUUID();
    expect((await intake(key, 'Sampah di Jalan Melati menghalangi trotoar')).status).toBe(201);
    const other = await intake(key, 'Sampah di Jalan Melati menghalangi trotoar dan jalan');
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: 'idempotency.key_reused', messages: { id: expect.any(String), en: expect.any(String) } });
    expect(await complaintsLike('Sampah di Jalan Melati')).toBe(1);
  });

  it('runs concurrent repeats once', async () => {
    const key = randomUUID();
    const answers = await Promise.all([1, 2, 3].map(() => intake(key, 'Sampah di Jalan Anggrek dikirim bersamaan')));
    expect(await complaintsLike('Sampah di Jalan Anggrek')).toBe(1);
    const filed = answers.filter((a) => a.status === 201);
    expect(filed.length).toBeGreaterThan(0);
    expect(new Set(filed.map((a) => a.body.trackingCode)).size).toBe(1);
    for (const a of answers.filter((x) => x.status !== 201)) expect(a.body.error.code).toBe('idempotency.in_progress');
  });

  it('gives the receipt back when the server died between filing the complaint and answering', async () => {
    const key = randomUUID();
    const description = 'Sampah di Jalan Dahlia, server mati sesudah menyimpan';
    // Any write after the complaint's own statement fails, as if the process died right after it.
    const update = vi.spyOn(h.ctx.database.db, 'update').mockImplementation(() => {
      throw new Error('the process died');
    });
    let first: Awaited<ReturnType<typeof intake>>;
    try {
      first = await intake(key, description);
      expect(update).not.toHaveBeenCalled();
    } finally {
      update.mockRestore();
    }
    expect(first.status).toBe(201);
    const retry = await intake(key, description);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await complaintsLike('Sampah di Jalan Dahlia')).toBe(1);
  });

  it('still refuses to create twice when the server died between a staff create and its answer', async () => {
    const key = randomUUID();
    const unit = () => h.api('POST', '/api/regions/32.11/units', { session: admin, headers: { 'idempotency-key': key }, body: { code: 'UJI_MATI', name: 'Dinas Uji Server Mati' } });
    expect((await unit()).status).toBe(201);
    // As if the process was killed after the commit, before the answer was stored.
    await h.ctx.database.rows(sql`update idempotency_keys set status = null, answer = null`);
    const retry = await unit();
    expect(retry.status).toBe(409);
    expect(retry.body.error.code).toBe('idempotency.in_progress');
    expect(await count('units', `code = 'UJI_MATI'`)).toBe(1);
  });

  it('does not spend a key on a refused request, and lets keys expire after a day', async () => {
    const key = randomUUID();
    expect((await intake(key, 'Sampah di Jalan Cempaka', { districtCode: '32.73.01' })).status).toBe(400);
    expect((await intake(key, 'Sampah di Jalan Cempaka dekat sekolah')).status).toBe(201);
    h.clock.advanceHours(25);
    const later = await intake(key, 'Sampah di Jalan Cempaka dekat sekolah');
    expect(later.status).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await complaintsLike('Sampah di Jalan Cempaka')).toBe(2);
  });

  it('deduplicates multipart intake with photos', async () => {
    const key = randomUUID();
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const complaint = JSON.stringify({ categoryId, description: 'Sampah di Jalan Teratai, dengan foto' });
    const payload = Buffer.concat([
      Buffer.from(`--idemX\r\nContent-Disposition: form-data; name="complaint"\r\n\r\n${complaint}\r\n`),
      Buffer.from('--idemX\r\nContent-Disposition: form-data; name="photos"; filename="foto.png"\r\nContent-Type: image/png\r\n\r\n'), png, Buffer.from('\r\n--idemX--\r\n'),
    ]);
    const send = () => h.app.inject({ method: 'POST', url: '/api/regions/32.11/complaints', headers: { 'content-type': 'multipart/form-data; boundary=idemX', 'idempotency-key': key }, payload });
    const [first, retry] = [await send(), await send()];
    expect(first.statusCode).toBe(201);
    expect(retry.json().trackingCode).toBe(first.json().trackingCode);
    expect(await complaintsLike('Sampah di Jalan Teratai')).toBe(1);
    expect(await count('complaint_photos', `complaint_id = '${first.json().id}'`)).toBe(1);
  });

  it('deduplicates Open311 requests posted as form fields', async () => {
    const key = randomUUID();
    const form = new URLSearchParams({ jurisdiction_id: '32.11', service_code: 'sampah', lat: '-6.85', long: '107.92', description: 'Sampah di Jalan Flamboyan lewat Open311' }).toString();
    const send = () => h.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': DEMO_API_KEY, 'idempotency-key': key }, payload: form });
    const [first, retry] = [await send(), await send()];
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()[0].service_request_id).toBe(first.json()[0].service_request_id);
    expect(await complaintsLike('Sampah di Jalan Flamboyan')).toBe(1);
  });

  it('deduplicates staff creates: an API key is made once and shown again only to the same caller', async () => {
    const key = randomUUID();
    const create = (session: Session) => h.api('POST', '/api/regions/32.11/api-keys', { session, headers: { 'idempotency-key': key }, body: { name: 'integrasi-idempoten' } });
    const [first, retry] = [await create(admin), await create(admin)];
    expect(first.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await count('api_keys', `name = 'integrasi-idempoten'`)).toBe(1);
    // The same key from another caller is another request: it never sees the first caller's answer.
    const other = await create(await h.signIn('admin@pamong.demo'));
    expect(other.status).toBe(201);
    expect(other.body.key).not.toBe(first.body.key);

    const unitKey = randomUUID();
    const unit = () => h.api('POST', '/api/regions/32.11/units', { session: admin, headers: { 'idempotency-key': unitKey }, body: { code: 'UJI_IDEM', name: 'Dinas Uji Idempoten' } });
    const [u1, u2] = [await unit(), await unit()];
    expect([u1.status, u2.status]).toEqual([201, 201]);
    expect(u2.body.id).toBe(u1.body.id);

    const counterKey = randomUUID();
    const file = () => h.api('POST', '/api/regions/32.11/counter/complaints', {
      session: admin, headers: { 'idempotency-key': counterKey }, body: { categoryId, description: 'Sampah di Jalan Bougenvil, lapor di loket', anonymous: false, reporter: { name: 'Ibu Sri' } },
    });
    const [c1, c2] = [await file(), await file()];
    expect(c2.body.trackingCode).toBe(c1.body.trackingCode);
    expect(await complaintsLike('Sampah di Jalan Bougenvil')).toBe(1);
  });

  it('lets the web app retry a submission whose answer was lost, with the same key', async () => {
    // The network between the web app and the server: the first answer never arrives.
    let lose = true;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (path: string, init: RequestInit) => {
      const res = await h.app.inject({ method: init.method as 'POST', url: path, headers: init.headers as Record<string, string>, payload: init.body as string });
      if (lose) {
        lose = false;
        throw new TypeError('Failed to fetch');
      }
      return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type']) } });
    }) as typeof fetch;
    // As on a citizen's page: the session was read once (nobody signed in).
    setCsrfToken(null);
    try {
      const submit = () => api<{ trackingCode: string }>('/api/regions/32.11/complaints', { method: 'POST', body: { categoryId, description: 'Sampah di Jalan Kamboja, sinyal hilang' } });
      await expect(submit()).rejects.toBeInstanceOf(ApiError);
      const retried = await submit();
      expect(await complaintsLike('Sampah di Jalan Kamboja')).toBe(1);
      expect((await h.ctx.database.rows<{ t: string }>(sql`select tracking_code as t from complaints where description like 'Sampah di Jalan Kamboja%'`))[0].t).toBe(retried.trackingCode);
      // Once answered, the same text sent again is a new submission.
      await submit();
      expect(await complaintsLike('Sampah di Jalan Kamboja')).toBe(2);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('documents the header on every create and refuses a malformed key', async () => {
    const doc = (await h.api('GET', '/api/docs/json')).body;
    const params = doc.paths['/api/regions/{region}/complaints'].post.parameters;
    expect(params.some((p: { in: string; name: string }) => p.in === 'header' && p.name === 'idempotency-key')).toBe(true);
    const bad = await intake('pendek', 'Sampah di Jalan Seroja menumpuk');
    expect(bad.status).toBe(400);
  });
}, { config: { intakePerMinute: 1000 } });

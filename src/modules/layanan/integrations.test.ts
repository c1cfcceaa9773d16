// An integration (e.g. a national licensing system) files and follows
// applications with the region's API key: it names the applicant as the
// counter does, its own reference is unique per key, a retry with the same
// Idempotency-Key files once, it polls what changed, completes a returned
// application and downloads the issued result; nobody else (another key, a
// citizen, staff routes) reaches it through the integration's door, and it
// reaches nothing it did not file. The public accountability page counts
// what it filed like any other application.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { applicationFiling } from '../../../test/support/multipart.js';
import { createApiKey, createUser, openSession } from '../../platform/auth/service.js';
import { anonymousActor } from '../../platform/auth/policy.js';
import { DEMO_API_KEY } from '../../demo/seed.js';
import { sweepDeadlines } from '../../platform/deadlines/sweep.js';

const R = '/api/regions/32.11/layanan';
const I = `${R}/integrations`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const KEY = { 'x-api-key': DEMO_API_KEY };

describeWithApp('Integrations filing with an API key', (h) => {
  const s: Record<string, Session> = {};
  let sktm = '';
  let otherKey = '';
  let place = { district: '', village: '' };
  let png = Buffer.alloc(0);
  const answers = () => ({ nik: `${place.district.replaceAll('.', '')}4207850003`, nama: 'Budi Santoso', alamat: { street: 'Jl. Kenanga 5', ...place }, keperluan: 'sekolah' });
  const documents = () => [{ field: 'kk', name: 'kk.pdf', data: PDF }, { field: 'ktp', name: 'ktp.png', data: png }, { field: 'pengantar', name: 'pengantar.pdf', data: PDF }];
  const applicant = { name: 'Budi Santoso', email: 'budi.santoso@example.id' };
  const count = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from layanan_applications where region_code = '32.11'`))[0].n;
  const file = (extra: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const f = applicationFiling(answers(), documents(), { applicant, ...extra });
    return h.api('POST', `${I}/services/${sktm}/applications`, { body: f.body, headers: { ...f.headers, ...KEY, ...headers } });
  };

  beforeAll(async () => {
    for (const [k, email] of Object.entries({ clerk: 'loket.sumsel@sumedang.demo', camat: 'camat.sumsel@sumedang.demo' })) s[k] = await h.signIn(email);
    const citizen = await createUser(h.ctx.database.db, { email: 'budi.santoso@example.id', name: 'Budi Santoso' });
    const session = await openSession(h.ctx.database.db, h.clock.now(), citizen);
    s.citizen = { cookie: `pamong_session=${session.sessionId}`, csrf: session.csrfToken };
    otherKey = (await createApiKey(h.ctx, { ...anonymousActor, name: 'test' }, '32.11', 'Sistem lain')).key;
    [{ id: sktm }] = await h.ctx.database.rows<{ id: string }>(sql`select id from layanan_services where region_code = '32.11' and slug = 'surat-keterangan-tidak-mampu'`);
    [place] = await h.ctx.database.rows<{ district: string; village: string }>(sql`select d.code as district, v.code as village from areas d join areas v on v.parent_code = d.code
      where d.parent_code = '32.11' and d.level = 'district' order by d.code, v.code limit 1`);
    png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ccc' } }).png().toBuffer();
  });

  let app = { id: '', registrationNo: '' };

  it('files with the key, once per Idempotency-Key and once per reference; the applicant is told by email', async () => {
    const before = await count();
    const first = await file({ externalRef: 'OSS-2026-0001' }, { 'idempotency-key': 'oss-kirim-0001' });
    expect(first.status, first.raw).toBe(201);
    expect(first.body.registrationNo).toMatch(/^PLY-/);
    app = first.body;
    // The same request again (a timeout on the sender's side): the first answer, nothing filed twice.
    const retry = await file({ externalRef: 'OSS-2026-0001' }, { 'idempotency-key': 'oss-kirim-0001' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.registrationNo).toBe(app.registrationNo);
    // The same reference sent as a new submission: refused, naming the application it already made.
    const twice = await file({ externalRef: 'OSS-2026-0001' }, { 'idempotency-key': 'oss-kirim-0002' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('layanan.external_ref_used');
    expect(twice.body.error.details.registrationNo).toBe(app.registrationNo);
    expect(twice.body.error.messages.id).toContain(`permohonan ${app.registrationNo}`);
    expect(await count()).toBe(before + 1);

    const [row] = await h.ctx.database.rows<{ channel: string; applicant_user_id: string | null; filed_by_label: string; external_ref: string }>(sql`
      select channel, applicant_user_id, filed_by_label, external_ref from layanan_applications where id = ${app.id}`);
    expect(row).toEqual({ channel: 'api', applicant_user_id: null, filed_by_label: 'api-key:Demo Open311', external_ref: 'OSS-2026-0001' });
    const [mail] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from outbox where payload->>'to' = 'budi.santoso@example.id' and payload->>'subject' like ${`[${app.registrationNo}]%`}`);
    expect(mail.n).toBe(1);
  });

  it('refuses a filing without a valid key, without an applicant, or with answers that do not fit the form, and saves nothing', async () => {
    const before = await count();
    const f = applicationFiling(answers(), documents(), { applicant });
    expect((await h.api('POST', `${I}/services/${sktm}/applications`, { body: f.body, headers: f.headers })).body.error.code).toBe('auth.invalid_api_key');
    expect((await h.api('POST', `${I}/services/${sktm}/applications`, { body: f.body, headers: { ...f.headers, 'x-api-key': 'pmg_salah_kunci' } })).body.error.code).toBe('auth.invalid_api_key');
    // A signed-in person cannot use the integration's door.
    expect((await h.api('POST', `${I}/services/${sktm}/applications`, { session: s.clerk, body: f.body, headers: f.headers })).body.error.code).toBe('auth.invalid_api_key');
    const noApplicant = applicationFiling(answers(), documents());
    expect((await h.api('POST', `${I}/services/${sktm}/applications`, { body: noApplicant.body, headers: { ...noApplicant.headers, ...KEY } })).status).toBe(400);
    const bad = await file({ externalRef: 'OSS-2026-0002' }, {});
    expect(bad.status).toBe(201); // a second case of its own is fine
    const wrong = applicationFiling({ ...answers(), nik: '123' }, documents(), { applicant, externalRef: 'OSS-2026-0003' });
    const refused = await h.api('POST', `${I}/services/${sktm}/applications`, { body: wrong.body, headers: { ...wrong.headers, ...KEY } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('layanan.answers_invalid');
    expect(await count()).toBe(before + 1);
  });

  it('polls what changed since it last looked, finds a case by its reference, and completes one returned to it', async () => {
    const list = async (q: string, key = KEY) => (await h.api('GET', `${I}/applications${q}`, { headers: key })).body;
    const all = await list('');
    expect(all.items.map((x: any) => x.externalRef).sort()).toEqual(['OSS-2026-0001', 'OSS-2026-0002']);
    expect((await list('?externalRef=OSS-2026-0001')).items.map((x: any) => x.registrationNo)).toEqual([app.registrationNo]);
    const since = all.items.at(-1).updatedAt;
    expect((await list(`?changedSince=${encodeURIComponent(since)}`)).total).toBe(0);

    h.clock.advanceHours(1);
    const returned = await h.api('POST', `${R}/applications/${app.id}/actions`, { session: s.clerk, body: { action: 'return', reason: 'Pindaian KK terpotong.' } });
    expect(returned.body.status).toBe('returned');
    const changed = await list(`?changedSince=${encodeURIComponent(since)}`);
    expect(changed.items.map((x: any) => [x.registrationNo, x.status])).toEqual([[app.registrationNo, 'returned']]);

    const detail = await h.api('GET', `${I}/applications/${app.id}`, { headers: KEY });
    expect(detail.body).toMatchObject({ reader: 'applicant', externalRef: 'OSS-2026-0001', status: 'returned', returnReason: 'Pindaian KK terpotong.', actions: ['resubmit', 'withdraw'] });
    const again = applicationFiling(answers(), [{ field: 'kk', name: 'kk-utuh.pdf', data: PDF }]);
    const resubmitted = await h.api('POST', `${I}/applications/${app.id}/resubmit`, { body: again.body, headers: { ...again.headers, ...KEY } });
    expect(resubmitted.status, resubmitted.raw).toBe(200);
    expect(resubmitted.body.status).toBe('in_process');
  });

  it('downloads the issued result through its door; nobody else reaches the case there, and the key reaches nothing else', async () => {
    for (const [who, action] of [[s.clerk, 'complete'], [s.camat, 'approve'], [s.clerk, 'issue']] as const) {
      expect((await h.api('POST', `${R}/applications/${app.id}/actions`, { session: who, body: { action } })).status).toBe(200);
    }
    const detail = (await h.api('GET', `${I}/applications/${app.id}`, { headers: KEY })).body;
    expect(detail.status).toBe('finished');
    const [doc] = detail.documents;
    const pdf = await h.app.inject({ method: 'GET', url: `${I}/applications/${app.id}/documents/${doc.id}/pdf`, headers: KEY });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Another key of the same region, the applicant's own account, staff through the integration's door: none of them.
    const other = { 'x-api-key': otherKey };
    expect((await h.api('GET', `${I}/applications/${app.id}`, { headers: other })).status).toBe(404);
    expect((await h.api('GET', `${I}/applications`, { headers: other })).body.total).toBe(0);
    expect((await h.app.inject({ method: 'GET', url: `${I}/applications/${app.id}/documents/${doc.id}/pdf`, headers: other })).statusCode).toBe(404);
    expect((await h.api('POST', `${I}/applications/${app.id}/withdraw`, { headers: other })).status).toBe(404);
    expect((await h.api('GET', `${R}/applications/${app.id}`, { session: s.citizen })).status).toBe(404);
    expect((await h.api('GET', `${I}/applications/${app.id}`, { session: s.clerk })).body.error.code).toBe('auth.invalid_api_key');
    // The key is no staff member: no queue, no actions, no citizen's application.
    expect((await h.api('GET', `${R}/applications`, { headers: KEY })).status).toBe(401);
    expect((await h.api('POST', `${R}/applications/${app.id}/actions`, { headers: KEY, body: { action: 'issue' } })).status).toBe(401);
    const [citizens] = await h.ctx.database.rows<{ id: string }>(sql`select id from layanan_applications where region_code = '32.11' and channel = 'web' limit 1`);
    expect((await h.api('GET', `${I}/applications/${citizens.id}`, { headers: KEY })).status).toBe(404);
  });

  it('counts them on the public accountability page: filed, open, decided on time or late, deemed granted', async () => {
    const year = Number(new Date(h.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 4));
    const account = async () => (await h.api('GET', `${R}/public/accountability?year=${year}`)).body.services.find((x: any) => x.serviceId === sktm);
    const act = async (who: string, action: string, reason?: string) => {
      const session = await h.signIn(who === 'clerk' ? 'loket.sumsel@sumedang.demo' : 'camat.sumsel@sumedang.demo');
      return (await h.api('POST', `${R}/applications/${late.id}/actions`, { session, body: { action, reason } })).status;
    };
    // The integration's other case is withdrawn, so only the new one waits past its deadline below.
    const other = (await h.api('GET', `${I}/applications?externalRef=OSS-2026-0002`, { headers: KEY })).body.items[0];
    expect((await h.api('POST', `${I}/applications/${other.id}/withdraw`, { headers: KEY })).status).toBe(200);
    const before = await account();
    const late = (await file({ externalRef: 'OSS-2026-0100' })).body;
    expect(await account()).toMatchObject({ filed: before.filed + 1, open: before.open + 1, decided: before.decided, deemedGranted: before.deemedGranted });
    // The year's applications of the service the sweep has marked deemed granted (the demo's undecided ones pass their deadlines too).
    const marked = async () => (await h.ctx.database.rows<{ id: string }>(sql`select id from layanan_applications where region_code = '32.11'
      and service_id = ${sktm} and fiktif_positif_at is not null and extract(year from filed_at + interval '7 hours') = ${year}`)).map((r) => r.id);
    const markedBefore = await marked();
    // Thirty days on, undecided: deemed granted; then refused after its deadline, it is decided but not on time, and no longer open.
    h.clock.advanceHours(24 * 30);
    await sweepDeadlines(h.ctx);
    await sweepDeadlines(h.ctx);
    const markedAfter = await marked();
    expect(markedAfter).toContain(late.id);
    const deemed = before.deemedGranted + markedAfter.length - markedBefore.length;
    expect((await account()).deemedGranted).toBe(deemed);
    expect(await act('clerk', 'complete')).toBe(200);
    expect(await act('camat', 'refuse', 'Bukan warga kecamatan ini.')).toBe(200);
    const after = await account();
    expect(after).toMatchObject({ filed: before.filed + 1, open: before.open, decided: before.decided + 1, onTime: before.onTime, deemedGranted: deemed });
    expect(after.onTimePercent).toBe(Math.round((after.onTime / after.decided) * 1000) / 10);
  });
});

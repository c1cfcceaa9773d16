// The satisfaction survey (SKM) through the API, on the demo region: the
// demo's year of forms gives each published service its band and sample;
// counter staff enter paper forms for their own unit's services only; a bad
// form is refused with its code and nothing is saved; the index of a
// hand-computed example comes out exact, by period; the public page shows the
// index and nothing about who answered.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';

const R = '/api/regions/32.11/layanan';
const all = (v: number | null) => Object.fromEntries(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((c) => [c, v]));
const form = (values: (number | null)[]) => Object.fromEntries(values.map((v, i) => [`U${i + 1}`, v]));

describeWithApp('Satisfaction survey (SKM)', (h) => {
  const s: Record<string, Session> = {};
  const service: Record<string, string> = {};
  const counts = async () => (await h.ctx.database.rows<{ forms: number; audits: number }>(sql`select
    (select count(*)::int from layanan_skm_responses where region_code = '32.11') as forms,
    (select count(*)::int from audit_log where region_code = '32.11' and action like 'layanan.skm%') as audits`))[0];

  beforeAll(async () => {
    for (const [k, email] of Object.entries({ clerk: 'loket.sumsel@sumedang.demo', manager: 'layanan@sumedang.demo', dpmptsp: 'layanan.dpmptsp@sumedang.demo', bupati: 'bupati@sumedang.demo' })) {
      s[k] = await h.signIn(email);
    }
    for (const row of await h.ctx.database.rows<{ id: string; slug: string }>(sql`select id, slug from layanan_services where region_code = '32.11'`)) service[row.slug] = row.id;
  });

  it('gives the demo year each service its index and band, and says whose sample is large enough', async () => {
    const res = await h.api('GET', `${R}/skm?period=2026`, { session: s.bupati });
    expect(res.status).toBe(200);
    expect(res.body.instrument.version).toBe('permenpanrb-14-2017');
    expect(res.body.period).toEqual({ key: '2026', kind: 'year', from: '2026-01-01', until: '2027-01-01' });
    const by = Object.fromEntries(res.body.services.map((x: any) => [x.service.slug, x]));
    expect(Object.keys(by).sort()).toEqual(['izin-reklame', 'rekomendasi-ukl-upl', 'surat-keterangan-tidak-mampu']);
    expect([by['surat-keterangan-tidak-mampu'].band.grade, by['izin-reklame'].band.grade, by['rekomendasi-ukl-upl'].band.grade]).toEqual(['A', 'B', 'C']);
    expect(by['surat-keterangan-tidak-mampu'].sufficient).toBe(true);
    expect(by['rekomendasi-ukl-upl']).toMatchObject({ sufficient: false });
    expect(by['rekomendasi-ukl-upl'].respondents).toBeLessThan(by['rekomendasi-ukl-upl'].requiredSample);
    expect(by['surat-keterangan-tidak-mampu'].elements).toHaveLength(9);
    expect(res.body.units).toHaveLength(3);
    expect(res.body.overall.respondents).toBe(res.body.services.reduce((n: number, x: any) => n + x.respondents, 0));
    // Every service has its population, so the whole has one too.
    expect(res.body.overall.population).toBe(res.body.services.reduce((n: number, x: any) => n + x.population, 0));
  });

  it('lets counter staff enter a paper form for their unit\'s service, and the result counts it', async () => {
    const before = (await h.api('GET', `${R}/skm?period=2026-11&serviceId=${service['surat-keterangan-tidak-mampu']}`, { session: s.clerk })).body.overall.respondents;
    const res = await h.api('POST', `${R}/skm/responses`, {
      session: s.clerk, body: { serviceId: service['surat-keterangan-tidak-mampu'], serviceDate: '2026-11-02', answers: all(4), gender: 'female', ageBand: '30_39' },
    });
    expect(res.status).toBe(201);
    const after = await h.api('GET', `${R}/skm?period=2026-11&serviceId=${service['surat-keterangan-tidak-mampu']}`, { session: s.clerk });
    expect(after.body.overall.respondents).toBe(before + 1);
    expect(after.body.services).toHaveLength(1);
    const [row] = await h.ctx.database.rows<{ channel: string; entered_by_label: string; answers: any }>(sql`select channel, entered_by_label, answers from layanan_skm_responses where id = ${res.body.id}`);
    expect(row).toMatchObject({ channel: 'paper', entered_by_label: 'loket.sumsel@sumedang.demo' });
    expect(row.answers[7]).toEqual({ code: 'U8', name: 'Penanganan Pengaduan, Saran dan Masukan', value: 4 });
  });

  it('refuses a bad form with its code and saves nothing', async () => {
    const before = await counts();
    const sktm = service['surat-keterangan-tidak-mampu'];
    const bad: [Session, unknown, number, string][] = [
      [s.clerk, { serviceId: sktm, serviceDate: '2026-10-01', answers: { ...all(3), U3: 5 } }, 422, 'layanan.skm_answer_out_of_range'],
      [s.clerk, { serviceId: sktm, serviceDate: '2026-10-01', answers: { ...all(3), U1: 0, U9: 2.5 } }, 422, 'layanan.skm_answer_out_of_range'],
      [s.clerk, { serviceId: sktm, serviceDate: '2026-10-01', answers: all(null) }, 422, 'layanan.skm_form_empty'],
      [s.clerk, { serviceId: sktm, serviceDate: '2026-11-03', answers: all(3) }, 422, 'layanan.skm_future_date'],
      [s.clerk, { serviceId: sktm, serviceDate: '2026-10-01', answers: { U1: 3 } }, 400, 'request.invalid'],
      [s.clerk, { serviceId: sktm, serviceDate: '2026-02-30', answers: all(3) }, 400, 'request.invalid'],
      [s.clerk, { serviceId: '00000000-0000-4000-8000-000000000000', serviceDate: '2026-10-01', answers: all(3) }, 404, 'layanan.service_not_found'],
      [s.clerk, { serviceId: service['izin-reklame'], serviceDate: '2026-10-01', answers: all(3) }, 403, 'layanan.not_your_unit'],
      [s.dpmptsp, { serviceId: sktm, serviceDate: '2026-10-01', answers: all(3) }, 403, 'layanan.not_your_unit'],
      [s.manager, { serviceId: service['surat-keterangan-domisili'], serviceDate: '2026-10-01', answers: all(3) }, 409, 'layanan.skm_never_published'],
      [s.bupati, { serviceId: sktm, serviceDate: '2026-10-01', answers: all(3) }, 403, 'auth.forbidden'],
    ];
    for (const [session, body, status, code] of bad) {
      const res = await h.api('POST', `${R}/skm/responses`, { session, body });
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const named = await h.api('POST', `${R}/skm/responses`, { session: s.clerk, body: { serviceId: sktm, serviceDate: '2026-10-01', answers: { ...all(3), U1: 0, U9: 7 } } });
    expect(named.body.error.messages).toMatchObject({ id: expect.stringContaining('U1, U9'), en: expect.stringContaining('U1, U9') });
    expect((await h.api('POST', `${R}/skm/responses`, { body: { serviceId: sktm, serviceDate: '2026-10-01', answers: all(3) } })).status).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('computes a hand-checked example exactly, in every period that holds it and only there', async () => {
    const sktm = service['surat-keterangan-tidak-mampu'];
    // Nothing in the demo falls in January 2025 (its forms cover the last 365 days).
    for (const answers of [[4, 4, 3, 3, 4, 3, 4, 2, 3], [3, 4, 3, 2, 4, 3, 3, 3, 3], [4, null, 3, 3, 4, 4, 4, 3, 2]]) {
      expect((await h.api('POST', `${R}/skm/responses`, { session: s.clerk, body: { serviceId: sktm, serviceDate: '2025-01-10', answers: form(answers) } })).status).toBe(201);
    }
    for (const period of ['2025-01', '2025-Q1', '2025-S1']) {
      const res = await h.api('GET', `${R}/skm?period=${period}&serviceId=${sktm}`, { session: s.manager });
      expect(res.status).toBe(200);
      // Σ NRR = 89/3, IKM = 89/27 = 3.2963, × 25 = 82.407… → 82.41, B.
      expect(res.body.overall).toMatchObject({ respondents: 3, ikm: 3.2963, converted: 82.41, band: { grade: 'B', performance: 'Baik' }, unanswered: [], population: null, requiredSample: null, sufficient: null });
      expect(res.body.overall.elements.map((e: any) => [e.code, e.answered, e.nrr])).toEqual([
        ['U1', 3, 3.6667], ['U2', 2, 4], ['U3', 3, 3], ['U4', 3, 2.6667], ['U5', 3, 4], ['U6', 3, 3.3333], ['U7', 3, 3.6667], ['U8', 3, 2.6667], ['U9', 3, 2.6667],
      ]);
    }
    const q2 = await h.api('GET', `${R}/skm?period=2025-Q2&serviceId=${sktm}`, { session: s.manager });
    expect(q2.body.overall).toMatchObject({ respondents: 0, converted: null, band: null });

    // The population sets the sample: 3 users need all 3; 10 need 10.
    expect((await h.api('PUT', `${R}/skm/populations`, { session: s.clerk, body: { serviceId: sktm, period: '2025-01', population: 3 } })).status).toBe(200);
    expect((await h.api('GET', `${R}/skm?period=2025-01&serviceId=${sktm}`, { session: s.clerk })).body.overall).toMatchObject({ population: 3, requiredSample: 3, sufficient: true });
    await h.api('PUT', `${R}/skm/populations`, { session: s.clerk, body: { serviceId: sktm, period: '2025-01', population: 10 } });
    expect((await h.api('GET', `${R}/skm?period=2025-01&serviceId=${sktm}`, { session: s.clerk })).body.overall).toMatchObject({ population: 10, requiredSample: 10, sufficient: false });
    // Another period's population is not this one's.
    expect((await h.api('GET', `${R}/skm?period=2025-Q1&serviceId=${sktm}`, { session: s.clerk })).body.overall.population).toBeNull();
  });

  it('refuses a malformed period, another unit\'s population and unknown filters with their codes', async () => {
    const before = await counts();
    for (const period of ['2026-13', '2026-Q5', '26', 'semester']) {
      const res = await h.api('GET', `${R}/skm?period=${period}`, { session: s.manager });
      expect([res.status, res.body.error?.code]).toEqual([400, 'layanan.skm_period_invalid']);
    }
    expect((await h.api('GET', `${R}/public/skm?period=2026-S3`)).body.error.code).toBe('layanan.skm_period_invalid');
    const put = (session: Session, body: unknown) => h.api('PUT', `${R}/skm/populations`, { session, body });
    expect((await put(s.clerk, { serviceId: service['surat-keterangan-tidak-mampu'], period: '2026-7', population: 5 })).body.error.code).toBe('layanan.skm_period_invalid');
    expect((await put(s.clerk, { serviceId: service['izin-reklame'], period: '2026', population: 5 })).body.error.code).toBe('layanan.not_your_unit');
    expect((await put(s.clerk, { serviceId: service['surat-keterangan-tidak-mampu'], period: '2026', population: -1 })).body.error.code).toBe('request.invalid');
    expect((await h.api('GET', `${R}/skm?serviceId=00000000-0000-4000-8000-000000000000`, { session: s.manager })).body.error.code).toBe('layanan.service_not_found');
    expect((await h.api('GET', `${R}/skm?unitId=00000000-0000-4000-8000-000000000000`, { session: s.manager })).body.error.code).toBe('unit.not_found');
    expect(await counts()).toEqual(before);
  });

  it('filters by unit: only that unit\'s services and the unit itself', async () => {
    const [unit] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = '32.11' and code = 'DPMPTSP'`);
    const res = await h.api('GET', `${R}/skm?period=2026&unitId=${unit.id}`, { session: s.manager });
    expect(res.body.services.map((x: any) => x.service.slug)).toEqual(['izin-reklame']);
    expect(res.body.units.map((u: any) => u.unit.code)).toEqual(['DPMPTSP']);
    expect(res.body.units[0].converted).toBe(res.body.services[0].converted);
  });

  it('shows anyone each published service\'s index, band and respondents, and nothing about who answered', async () => {
    const res = await h.api('GET', `${R}/public/skm?period=2026`);
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.body.services.map((x: any) => [x.slug, x.band.grade]))).toEqual({ 'rekomendasi-ukl-upl': 'C', 'izin-reklame': 'B', 'surat-keterangan-tidak-mampu': 'A' });
    const staff = await h.api('GET', `${R}/skm?period=2026`, { session: s.manager });
    for (const x of res.body.services) {
      const own = staff.body.services.find((y: any) => y.service.slug === x.slug);
      expect([x.respondents, x.converted]).toEqual([own.respondents, own.converted]);
    }
    expect(res.raw).not.toMatch(/gender|ageBand|education|occupation|female|entered|loket/);
  });
});

// The satisfaction survey (SKM) through the API, on the demo region: the
// demo's year of forms gives each published service its band and sample;
// counter staff enter paper forms for their own unit's services only; a bad
// form is refused with its code and nothing is saved; the index of a
// hand-computed example comes out exact, by period; the public page shows the
// index and nothing about who answered. Without an entered population a
// service's applications served in the period count (by local date, withdrawn
// ones not); paper forms are listed, corrected and deleted (audited), online
// answers are not staff's to change; the results come as Excel too.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import readExcelFile from 'read-excel-file/node';
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

  it('counts a service\'s applications served in the period as its population when none was entered, and an entered one wins', async () => {
    const sktm = service['surat-keterangan-tidak-mampu'];
    const oct = async () => (await h.api('GET', `${R}/skm?period=2026-10`, { session: s.bupati })).body;
    const bySlug = (body: any) => Object.fromEntries(body.services.map((x: any) => [x.service.slug, x]));
    // October 2026 in the demo: four certificates issued and one refused; one withdrawn (not served) and one deemed granted still open.
    const withdrawn = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from layanan_applications
      where region_code = '32.11' and service_id = ${sktm} and status = 'withdrawn' and finished_at >= '2026-09-30T17:00:00Z' and finished_at < '2026-10-31T17:00:00Z'`);
    expect(withdrawn[0].n).toBe(1);
    let body = await oct();
    expect(bySlug(body)['surat-keterangan-tidak-mampu']).toMatchObject({ population: 5, populationSource: 'applications', requiredSample: 5 });
    // No entered figure and nothing served: unknown, and so are the unit's and the whole's.
    expect(bySlug(body)['izin-reklame']).toMatchObject({ population: null, populationSource: null, requiredSample: null, sufficient: null });
    expect(body.overall).toMatchObject({ population: null, populationSource: null });
    // The year's entered figures stay what they were.
    const year = (await h.api('GET', `${R}/skm?period=2026`, { session: s.bupati })).body;
    expect(year.services.map((x: any) => x.populationSource)).toEqual(['entered', 'entered', 'entered']);
    expect(year.overall.populationSource).toBe('entered');

    // Entered figures for the other two: the whole sums all three, from both sources.
    await h.api('PUT', `${R}/skm/populations`, { session: s.manager, body: { serviceId: service['izin-reklame'], period: '2026-10', population: 7 } });
    await h.api('PUT', `${R}/skm/populations`, { session: s.manager, body: { serviceId: service['rekomendasi-ukl-upl'], period: '2026-10', population: 11 } });
    body = await oct();
    expect(body.overall).toMatchObject({ population: 5 + 7 + 11, populationSource: 'mixed', requiredSample: expect.any(Number) });
    expect(body.units.find((u: any) => u.unit.code === 'DPMPTSP')).toMatchObject({ population: 7, populationSource: 'entered' });
    // A figure staff enter (walk-ins not in Pamong) wins over the applications.
    await h.api('PUT', `${R}/skm/populations`, { session: s.clerk, body: { serviceId: sktm, period: '2026-10', population: 40 } });
    body = await oct();
    expect(bySlug(body)['surat-keterangan-tidak-mampu']).toMatchObject({ population: 40, populationSource: 'entered', requiredSample: 37 });
    expect(body.overall).toMatchObject({ population: 58, populationSource: 'entered' });
  });

  it('counts an application by the local date it was finished', async () => {
    const sktm = service['surat-keterangan-tidak-mampu'];
    const sept = async () => (await h.api('GET', `${R}/skm?period=2026-09&serviceId=${sktm}`, { session: s.bupati })).body.overall;
    const before = await sept();
    expect(before.populationSource).toBe('applications');
    // 30 September 23:30 UTC is 1 October 06:30 in Sumedang (WIB): October's, not September's.
    const [app] = await h.ctx.database.rows<{ id: string }>(sql`select id from layanan_applications where region_code = '32.11' and service_id = ${sktm}
      and status = 'finished' and finished_at < '2026-09-30T17:00:00Z' order by finished_at desc limit 1`);
    await h.ctx.database.rows(sql`update layanan_applications set finished_at = '2026-09-30T23:30:00Z' where id = ${app.id}`);
    expect((await sept()).population ?? 0).toBe(before.population - 1);
    await h.ctx.database.rows(sql`update layanan_applications set finished_at = '2026-09-30T16:30:00Z' where id = ${app.id}`);
    expect((await sept()).population).toBe(before.population);
  });

  it('lets staff list, correct and delete paper forms of their units, audited, and the results follow', async () => {
    const sktm = service['surat-keterangan-tidak-mampu'];
    // February 2025 holds nothing else: the results are this form's alone.
    const feb = async () => (await h.api('GET', `${R}/skm?period=2025-02&serviceId=${sktm}`, { session: s.clerk })).body.overall;
    const first = (await h.api('POST', `${R}/skm/responses`, { session: s.clerk, body: { serviceId: sktm, serviceDate: '2025-02-10', answers: all(3) } })).body.id;
    h.clock.advance(60_000);
    const id = (await h.api('POST', `${R}/skm/responses`, { session: s.clerk, body: { serviceId: sktm, serviceDate: '2025-02-11', answers: all(2), gender: 'male' } })).body.id;
    expect(await feb()).toMatchObject({ respondents: 2, converted: 62.5 });

    const list = await h.api('GET', `${R}/skm/responses?serviceId=${sktm}&period=2025-02`, { session: s.clerk });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((x: any) => x.id)).toEqual([id, first]);
    expect(list.body.items[0]).toMatchObject({ service: { id: sktm, slug: 'surat-keterangan-tidak-mampu' }, serviceDate: '2025-02-11', answers: all(2), gender: 'male', enteredBy: 'loket.sumsel@sumedang.demo', correctedAt: null });
    const page2 = await h.api('GET', `${R}/skm/responses?serviceId=${sktm}&period=2025-02&limit=1&offset=1`, { session: s.clerk });
    expect([page2.body.total, page2.body.items.map((x: any) => x.id)]).toEqual([2, [first]]);
    // Another unit's staff see none of these; the region's manager sees them.
    expect((await h.api('GET', `${R}/skm/responses?period=2025-02`, { session: s.dpmptsp })).body).toEqual({ total: 0, items: [] });
    expect((await h.api('GET', `${R}/skm/responses?period=2025-02`, { session: s.manager })).body.total).toBe(2);
    expect((await h.api('GET', `${R}/skm/responses`, { session: s.bupati })).status).toBe(403);

    // Corrected: checked as entering is; refused corrections change nothing.
    const put = (session: Session, body: unknown, to = id) => h.api('PUT', `${R}/skm/responses/${to}`, { session, body });
    const refused: [Session, unknown, number, string][] = [
      [s.clerk, { serviceDate: '2025-02-11', answers: { ...all(4), U5: 5 } }, 422, 'layanan.skm_answer_out_of_range'],
      [s.clerk, { serviceDate: '2025-02-11', answers: all(null) }, 422, 'layanan.skm_form_empty'],
      [s.clerk, { serviceDate: '2026-11-03', answers: all(4) }, 422, 'layanan.skm_future_date'],
      [s.dpmptsp, { serviceDate: '2025-02-11', answers: all(4) }, 403, 'layanan.not_your_unit'],
      [s.bupati, { serviceDate: '2025-02-11', answers: all(4) }, 403, 'auth.forbidden'],
    ];
    for (const [session, body, status, code] of refused) {
      const res = await put(session, body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await put(s.clerk, { serviceDate: '2025-02-11', answers: all(4) }, '00000000-0000-4000-8000-000000000000')).body.error.code).toBe('layanan.skm_form_not_found');
    expect(await feb()).toMatchObject({ respondents: 2, converted: 62.5 });
    const corrected = await put(s.clerk, { serviceDate: '2025-02-12', answers: { ...all(4), U9: null }, ageBand: '20_29' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ id, serviceDate: '2025-02-12', answers: { ...all(4), U9: null }, gender: null, ageBand: '20_29', correctedBy: 'loket.sumsel@sumedang.demo' });
    // U1–U8: (3 + 4) / 2; U9: 3 alone. IKM = (8 × 3.5 + 3) / 9 = 3.4444, × 25 = 86.11.
    expect(await feb()).toMatchObject({ respondents: 2, converted: 86.11, band: { grade: 'B' } });
    const [audited] = await h.ctx.database.rows<{ detail: any }>(sql`select detail from audit_log where action = 'layanan.skm_response_correct' and entity_id = ${id}`);
    expect(audited.detail).toMatchObject({ before: { serviceDate: '2025-02-11', answers: all(2), gender: 'male' }, after: { serviceDate: '2025-02-12', answers: { ...all(4), U9: null }, ageBand: '20_29' } });

    // Deleted with a reason, kept in the audit log.
    const del = (session: Session, body: unknown, to = id) => h.api('DELETE', `${R}/skm/responses/${to}`, { session, body });
    expect((await del(s.clerk, { reason: '  ' })).body.error.code).toBe('request.invalid');
    expect((await del(s.dpmptsp, { reason: 'Salah layanan' })).body.error.code).toBe('layanan.not_your_unit');
    expect((await del(s.clerk, { reason: 'Formulir ganda: sudah dimasukkan kemarin' })).status).toBe(200);
    expect((await del(s.clerk, { reason: 'Lagi' })).body.error.code).toBe('layanan.skm_form_not_found');
    expect(await feb()).toMatchObject({ respondents: 1, converted: 75 });
    const [gone] = await h.ctx.database.rows<{ detail: any; actor_label: string }>(sql`select detail, actor_label from audit_log where action = 'layanan.skm_response_delete' and entity_id = ${id}`);
    expect(gone.detail).toMatchObject({ reason: 'Formulir ganda: sudah dimasukkan kemarin', form: { serviceDate: '2025-02-12', answers: { ...all(4), U9: null } }, enteredBy: 'loket.sumsel@sumedang.demo' });
  });

  it('never lets staff change or delete an applicant\'s online answer', async () => {
    const sktm = service['surat-keterangan-tidak-mampu'];
    const [unit] = await h.ctx.database.rows<{ unit_id: string }>(sql`select unit_id from layanan_services where id = ${sktm}`);
    const [online] = await h.ctx.database.rows<{ id: string }>(sql`insert into layanan_skm_responses
      (region_code, service_id, unit_id, service_date, instrument_version, answers, channel, entered_at, entered_by_label)
      values ('32.11', ${sktm}, ${unit.unit_id}, '2025-03-05', 'permenpanrb-14-2017',
        ${JSON.stringify(['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'].map((code) => ({ code, name: code, value: 4 })))}::jsonb, 'online', now(), 'warga@sumedang.demo') returning id`);
    const before = await counts();
    for (const res of [
      await h.api('PUT', `${R}/skm/responses/${online.id}`, { session: s.clerk, body: { serviceDate: '2025-03-05', answers: all(1) } }),
      await h.api('DELETE', `${R}/skm/responses/${online.id}`, { session: s.manager, body: { reason: 'Tidak suka jawabannya' } }),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([409, 'layanan.skm_online_answer']);
      expect(res.body.error.messages).toMatchObject({ id: expect.stringContaining('daring'), en: expect.stringContaining('online') });
    }
    expect(await counts()).toEqual(before);
    expect((await h.api('GET', `${R}/skm/responses?period=2025-03`, { session: s.manager })).body.items.map((x: any) => x.id)).not.toContain(online.id);
  });

  it('exports the results as Excel, cell for cell the JSON results, in the reader\'s language', async () => {
    const json = (await h.api('GET', `${R}/skm?period=2026`, { session: s.bupati })).body;
    const res = await h.app.inject({ method: 'GET', url: `${R}/skm/results.xlsx?period=2026`, headers: { cookie: s.bupati.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('skm-32.11-2026.xlsx');
    const sheets = await readExcelFile(res.rawPayload);
    expect(sheets.map((x) => x.sheet)).toEqual(['Keseluruhan', 'Per layanan', 'Per perangkat daerah']);
    const [overall, services, units] = sheets.map((x) => x.data as unknown as (string | number | null)[][]);
    expect(overall.slice(1, 6).map((r) => r.slice(0, 2))).toEqual([['Periode', '2026'], ['Dari tanggal', '2026-01-01'], ['Sampai sebelum tanggal', '2027-01-01'], ['Versi instrumen', 'permenpanrb-14-2017'], ['Dasar hukum', json.instrument.regulation]]);
    const heads = overall[7];
    expect(heads.slice(1, 3)).toEqual(['Responden', 'NRR U1 Persyaratan']);
    const row = (cells: (string | number | null)[], s: any, offset: number) => {
      const cell = (name: string) => cells[heads.indexOf(name) - 1 + offset];
      expect(cell('Responden')).toBe(s.respondents);
      s.elements.forEach((e: any, i: number) => expect(cells[offset + 1 + i]).toBe(e.nrr));
      expect([cell('IKM'), cell('Nilai konversi (IKM × 25)'), cell('Mutu'), cell('Kinerja')]).toEqual([s.ikm, s.converted, s.band.grade, s.band.performance]);
      expect([cell('Jumlah pengguna layanan'), cell('Sumber jumlah pengguna'), cell('Sampel minimum'), cell('Sampel cukup')])
        .toEqual([s.population, 'Diisi petugas', s.requiredSample, s.sufficient ? 'Ya' : 'Tidak']);
    };
    expect(overall[8][0]).toBe('Keseluruhan');
    row(overall[8], json.overall, 1);
    expect(services.slice(1).map((r) => r[0])).toEqual(json.services.map((x: any) => x.service.name));
    json.services.forEach((x: any, i: number) => row(services[i + 1], x, 2));
    expect(units.slice(1).map((r) => r[0])).toEqual(json.units.map((x: any) => x.unit.code));
    json.units.forEach((x: any, i: number) => row(units[i + 1], x, 2));
    expect(json.services.some((x: any) => x.sufficient) && json.services.some((x: any) => !x.sufficient)).toBe(true);

    const en = await h.app.inject({ method: 'GET', url: `${R}/skm/results.xlsx?period=2026&lang=en`, headers: { cookie: s.bupati.cookie } });
    const enSheets = await readExcelFile(en.rawPayload);
    expect(enSheets.map((x) => x.sheet)).toEqual(['Overall', 'By service', 'By unit']);
    expect(enSheets[1].data[0].slice(0, 3)).toEqual(['Service', 'Unit', 'Respondents']);
    expect(enSheets[1].data[1]).toContain('Entered by staff');

    const bad = await h.api('GET', `${R}/skm/results.xlsx?period=2026-13`, { session: s.bupati });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'layanan.skm_period_invalid']);
    expect((await h.api('GET', `${R}/skm/results.xlsx?period=2026`)).status).toBe(401);
  });
});

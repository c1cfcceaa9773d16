// The service catalogue through the API, on the demo region: a service is
// created as a draft, refused with its code when invalid, published only when
// its 14 components are filled, versioned on every published change (earlier
// versions stay as they were), archived off the public catalogue; the public
// sees published services only, as published; a unit's service manager
// touches only their own unit's services and pledge.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { standardReferenceData } from './reference/read.js';

const R = '/api/regions/32.11/layanan';

describeWithApp('Public-service catalogue', (h) => {
  const s: Record<string, Session> = {};
  const unit: Record<string, string> = {};
  const auditCount = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where region_code = '32.11' and action like 'layanan.%'`))[0].n;
  const filled = (extra: Record<string, unknown> = {}) => ({
    requirements: ['KTP-el', 'Kartu Keluarga'], procedure: 'Serahkan berkas; petugas memeriksa; kepala dinas menandatangani.', timeLimitDays: 3, timeLimitNote: '',
    fee: 'free', tariff: '', product: 'Surat rekomendasi', complaints: 'Melalui kanal pengaduan', legalBasis: 'Perbup 1/2026', facilities: 'Ruang tunggu',
    competence: 'Memahami perizinan', supervision: 'Atasan langsung', staffing: '2 orang', serviceGuarantee: 'Sesuai standar', safetyGuarantee: 'Data dijaga',
    performanceEvaluation: 'Setiap tiga bulan', ...extra,
  });

  beforeAll(async () => {
    for (const [k, email] of Object.entries({
      manager: 'layanan@sumedang.demo', dpmptsp: 'layanan.dpmptsp@sumedang.demo', bupati: 'bupati@sumedang.demo', officer: 'petugas.pupr@sumedang.demo',
    })) s[k] = await h.signIn(email);
    for (const row of await h.ctx.database.rows<{ id: string; code: string }>(sql`select id, code from units where region_code = '32.11'`)) unit[row.code] = row.id;
  });

  it('lists the demo catalogue for staff and only the three published services for the public, searchable by name', async () => {
    const staff = await h.api('GET', `${R}/services`, { session: s.manager });
    expect(staff.status).toBe(200);
    expect(staff.body.map((x: any) => [x.slug, x.status])).toEqual(expect.arrayContaining([
      ['surat-keterangan-tidak-mampu', 'published'], ['rekomendasi-ukl-upl', 'published'], ['izin-reklame', 'published'], ['surat-keterangan-domisili', 'draft'],
    ]));
    const pub = await h.api('GET', `${R}/public/services`);
    expect(pub.status).toBe(200);
    expect(pub.body.map((x: any) => x.slug).sort()).toEqual(['izin-reklame', 'rekomendasi-ukl-upl', 'surat-keterangan-tidak-mampu']);
    expect(pub.body.find((x: any) => x.slug === 'izin-reklame')).toMatchObject({ fee: 'tariff', timeLimitDays: 5, unit: { name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu' } });
    const found = await h.api('GET', `${R}/public/services?q=${encodeURIComponent('tidak mampu')}`);
    expect(found.body.map((x: any) => x.slug)).toEqual(['surat-keterangan-tidak-mampu']);
    // A search is text, never a pattern.
    expect((await h.api('GET', `${R}/public/services?q=%25`)).body).toEqual([]);
    expect((await h.api('GET', `${R}/public/services/surat-keterangan-domisili`)).body.error.code).toBe('layanan.service_not_found');
  });

  it('shows a published service to anyone: its standard in force, the 14 components by group, the unit\'s own pledge or the reference text', async () => {
    const sktm = await h.api('GET', `${R}/public/services/surat-keterangan-tidak-mampu`);
    expect(sktm.status).toBe(200);
    expect(sktm.body).toMatchObject({ version: 2, standard: { timeLimitDays: 1, fee: 'free' }, unit: { name: 'Kecamatan Sumedang Selatan' } });
    expect(sktm.body.pledge.text).toContain('Kecamatan Sumedang Selatan');
    // The id the citizen's application is filed under (POST …/services/{id}/applications).
    const [{ id }] = await h.ctx.database.rows<{ id: string }>(sql`select id from layanan_services where region_code = '32.11' and slug = 'surat-keterangan-tidak-mampu'`);
    expect(sktm.body.id).toBe(id);
    expect(sktm.body.components).toHaveLength(14);
    expect(sktm.body.components.filter((c: any) => c.group === 'delivery').map((c: any) => c.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sktm.body.components[0].name).toEqual({ id: 'Persyaratan', en: 'Requirements' });
    // The environment office wrote no pledge of its own: the reference text stands.
    const ukl = await h.api('GET', `${R}/public/services/rekomendasi-ukl-upl`);
    expect(ukl.body.pledge.text).toBe(standardReferenceData().maklumat_contoh);
  });

  it('creates a draft with the statutory 5 working days, refuses bad input with its code and saves nothing then', async () => {
    const before = await auditCount();
    const bad: [unknown, number, string][] = [
      [{ slug: 'Bad Slug', name: 'Rekomendasi', unitId: unit.DPMPTSP }, 400, 'request.invalid'],
      [{ slug: 'ab', name: 'Rekomendasi', unitId: unit.DPMPTSP }, 400, 'request.invalid'],
      // The web app's own pages under /r/{region}/layanan/.
      [{ slug: 'akuntabilitas', name: 'Rekomendasi', unitId: unit.DPMPTSP }, 400, 'request.invalid'],
      [{ slug: 'permohonan', name: 'Rekomendasi', unitId: unit.DPMPTSP }, 400, 'request.invalid'],
      [{ slug: 'rekomendasi-baru', name: '', unitId: unit.DPMPTSP }, 400, 'request.invalid'],
      [{ slug: 'rekomendasi-baru', name: 'Rekomendasi', unitId: unit.DPMPTSP, standard: filled({ timeLimitDays: 0 }) }, 400, 'request.invalid'],
      [{ slug: 'rekomendasi-baru', name: 'Rekomendasi', unitId: unit.DPMPTSP, standard: filled({ timeLimitDays: 366 }) }, 400, 'request.invalid'],
      [{ slug: 'izin-reklame', name: 'Izin reklame kedua', unitId: unit.DPMPTSP }, 409, 'layanan.slug_taken'],
      [{ slug: 'rekomendasi-baru', name: 'Rekomendasi', unitId: '00000000-0000-4000-8000-000000000000' }, 404, 'unit.not_found'],
    ];
    for (const [body, status, code] of bad) {
      const res = await h.api('POST', `${R}/services`, { session: s.manager, body });
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    // Another region's unit is not a unit here.
    const [province] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = '32' limit 1`);
    expect((await h.api('POST', `${R}/services`, { session: s.manager, body: { slug: 'rekomendasi-baru', name: 'R', unitId: province.id } })).body.error.code).toBe('unit.not_found');
    expect(await auditCount()).toBe(before);

    const res = await h.api('POST', `${R}/services`, { session: s.manager, body: { slug: 'rekomendasi-teknis-jalan', name: 'Rekomendasi Teknis Pemanfaatan Jalan', unitId: unit.PUPR } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', version: null, standard: { timeLimitDays: 5, fee: 'free', requirements: [] } });
    expect(res.body.missing).toContain('requirements');
  });

  it('publishes only a complete standard, makes every published change a new version and keeps the earlier ones as they were', async () => {
    const created = await h.api('POST', `${R}/services`, { session: s.manager, body: { slug: 'rekomendasi-izin-usaha', name: 'Rekomendasi Izin Usaha', unitId: unit.DPMPTSP } });
    const id = created.body.id;
    const incomplete = await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager });
    expect([incomplete.status, incomplete.body.error.code]).toEqual([409, 'layanan.standard_incomplete']);
    expect(incomplete.body.error.messages.id).toContain('1. Persyaratan');
    // A fee without its tariff is incomplete too.
    const input = { slug: 'rekomendasi-izin-usaha', name: 'Rekomendasi Izin Usaha', summary: 'Rekomendasi untuk izin usaha', unitId: unit.DPMPTSP };
    await h.api('PUT', `${R}/services/${id}`, { session: s.manager, body: { ...input, standard: filled({ fee: 'tariff' }) } });
    const noTariff = await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager });
    expect([noTariff.body.error.code, noTariff.body.error.details]).toEqual(['layanan.standard_incomplete', { missing: ['cost'] }]);

    await h.api('PUT', `${R}/services/${id}`, { session: s.manager, body: { ...input, standard: filled() } });
    const first = await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'published', version: 1, unpublishedChanges: false });
    expect((await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager })).body.error.code).toBe('layanan.unchanged');

    // A draft change is not public until published.
    const edited = await h.api('PUT', `${R}/services/${id}`, { session: s.manager, body: { ...input, standard: filled({ timeLimitDays: 7, requirements: ['KTP-el'] }) } });
    expect(edited.body).toMatchObject({ version: 1, unpublishedChanges: true });
    expect((await h.api('GET', `${R}/public/services/rekomendasi-izin-usaha`)).body.standard.timeLimitDays).toBe(3);
    const second = await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager });
    expect(second.body.version).toBe(2);
    expect((await h.api('GET', `${R}/public/services/rekomendasi-izin-usaha`)).body).toMatchObject({ version: 2, standard: { timeLimitDays: 7, requirements: ['KTP-el'] } });

    const versions = await h.api('GET', `${R}/services/${id}/versions`, { session: s.bupati });
    expect(versions.body.map((v: any) => v.version)).toEqual([2, 1]);
    const v1 = await h.api('GET', `${R}/services/${id}/versions/1`, { session: s.bupati });
    expect(v1.body.standard).toMatchObject({ timeLimitDays: 3, requirements: ['KTP-el', 'Kartu Keluarga'] });
    expect((await h.api('GET', `${R}/services/${id}/versions/3`, { session: s.bupati })).body.error.code).toBe('layanan.version_not_found');

    // Archived: off the public catalogue; published again unchanged, under the same version.
    expect((await h.api('POST', `${R}/services/${id}/archive`, { session: s.manager })).body.status).toBe('archived');
    expect((await h.api('GET', `${R}/public/services/rekomendasi-izin-usaha`)).status).toBe(404);
    expect((await h.api('POST', `${R}/services/${id}/archive`, { session: s.manager })).body.error.code).toBe('layanan.not_published');
    expect((await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager })).body).toMatchObject({ status: 'published', version: 2 });
    expect((await h.api('DELETE', `${R}/services/${id}`, { session: s.manager })).body.error.code).toBe('layanan.published_once');
  });

  it('lets a unit\'s service manager manage only their own unit\'s services and pledge', async () => {
    const list = await h.api('GET', `${R}/services`, { session: s.dpmptsp });
    expect(list.body.find((x: any) => x.slug === 'izin-reklame').editable).toBe(true);
    expect(list.body.find((x: any) => x.slug === 'rekomendasi-ukl-upl').editable).toBe(false);
    const ukl = list.body.find((x: any) => x.slug === 'rekomendasi-ukl-upl').id;
    const before = await auditCount();
    const refused: [string, string, unknown][] = [
      ['POST', `${R}/services`, { slug: 'izin-lingkungan', name: 'Izin lingkungan', unitId: unit.DLH }],
      ['POST', `${R}/services/${ukl}/archive`, undefined],
      ['PUT', `${R}/units/${unit.DLH}/pledge`, { text: 'Bukan maklumat kami' }],
    ];
    for (const [method, url, body] of refused) {
      const res = await h.api(method as 'POST', url, { session: s.dpmptsp, body });
      expect([res.status, res.body.error.code], url).toEqual([403, 'layanan.not_your_unit']);
    }
    // Nor may they move their own service to another unit.
    const reklame = list.body.find((x: any) => x.slug === 'izin-reklame');
    const detail = (await h.api('GET', `${R}/services/${reklame.id}`, { session: s.dpmptsp })).body;
    const move = await h.api('PUT', `${R}/services/${reklame.id}`, { session: s.dpmptsp, body: { slug: detail.slug, name: detail.name, summary: detail.summary, unitId: unit.DLH, standard: detail.standard } });
    expect(move.body.error.code).toBe('layanan.not_your_unit');
    expect(await auditCount()).toBe(before);

    const mine = await h.api('POST', `${R}/services`, { session: s.dpmptsp, body: { slug: 'izin-usaha-mikro', name: 'Izin Usaha Mikro', unitId: unit.DPMPTSP } });
    expect(mine.status).toBe(201);
    expect((await h.api('DELETE', `${R}/services/${mine.body.id}`, { session: s.dpmptsp })).body).toEqual({ ok: true });
    const pledge = await h.api('PUT', `${R}/units/${unit.DPMPTSP}/pledge`, { session: s.dpmptsp, body: { text: 'Kami melayani perizinan dengan cepat dan tanpa pungutan.' } });
    expect(pledge.body).toMatchObject({ isDefault: false, updatedBy: 'layanan.dpmptsp@sumedang.demo' });
    expect((await h.api('GET', `${R}/public/services/izin-reklame`)).body.pledge.text).toBe('Kami melayani perizinan dengan cepat dan tanpa pungutan.');
  });

  it('lets readers read and write nothing, and other staff and the public neither', async () => {
    expect((await h.api('GET', `${R}/services`, { session: s.bupati })).status).toBe(200);
    const id = (await h.api('GET', `${R}/services`, { session: s.bupati })).body[0].id;
    expect((await h.api('POST', `${R}/services/${id}/archive`, { session: s.bupati })).body.error.code).toBe('auth.forbidden');
    expect((await h.api('GET', `${R}/services`, { session: s.officer })).body.error.code).toBe('auth.forbidden');
    expect((await h.api('GET', `${R}/services`)).status).toBe(401);
  });
});

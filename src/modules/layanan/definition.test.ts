// A service's form, workflow, result template and tariff through the API, on
// the demo region: a new service gets the default workflow; a part breaking
// its own rules is refused (422) and nothing is saved; publishing refuses
// parts that do not fit each other; every published change is a new version
// and an earlier version keeps its own form; the public page shows the form
// and tariff in force, never the workflow or template. And the answers check
// against the area registry.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { checkAnswers } from './service/answers.js';
import { formSchema } from './domain/form.js';

const R = '/api/regions/32.11/layanan';

describeWithApp('Public-service definitions', (h) => {
  const s: Record<string, Session> = {};
  const unit: Record<string, string> = {};
  const auditCount = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where region_code = '32.11' and action like 'layanan.%'`))[0].n;
  const standard = {
    requirements: ['KTP-el'], procedure: 'Serahkan berkas.', timeLimitDays: 5, timeLimitNote: '', fee: 'tariff', tariff: 'Perda 1/2026', product: 'Izin',
    complaints: 'Kanal pengaduan', legalBasis: 'Perbup 1/2026', facilities: 'Ruang tunggu', competence: 'Perizinan', supervision: 'Atasan', staffing: '2 orang',
    serviceGuarantee: 'Sesuai standar', safetyGuarantee: 'Data dijaga', performanceEvaluation: 'Triwulanan',
  };
  const l = (id: string) => ({ id });
  const luas = { key: 'luas', label: l('Luas'), required: true, type: 'number', integer: false, min: 1, unit: 'm²' };
  const nama = { key: 'nama', label: l('Nama'), required: true, type: 'text', maxLength: 100 };
  const stages = [
    { key: 'periksa', name: l('Periksa'), kind: 'check', actor: { role: 'layanan_counter', unitId: null }, days: 1 },
    { key: 'survei', name: l('Survei lapangan'), kind: 'review', actor: { role: 'layanan_officer', unitId: null }, days: 2 },
    { key: 'putus', name: l('Keputusan'), kind: 'decision', actor: { role: 'unit_head', unitId: null }, days: 1 },
  ];
  const result = { title: 'IZIN {{nomor}}', paragraphs: ['Kepada {{nama}}, luas {{luas}} m², tanggal {{tanggal}}.'], signer: 'Kepala Dinas' };
  const tariff = { kind: 'per_unit', field: 'luas', rate: '150000', minimum: 100000, payBeforeIssue: true };

  beforeAll(async () => {
    for (const [k, email] of Object.entries({ manager: 'layanan@sumedang.demo', bupati: 'bupati@sumedang.demo' })) s[k] = await h.signIn(email);
    for (const row of await h.ctx.database.rows<{ id: string; code: string }>(sql`select id, code from units where region_code = '32.11'`)) unit[row.code] = row.id;
  });

  it('publishes the demo services with their forms: the public page shows the form and tariff in force, not the workflow or template', async () => {
    const sktm = await h.api('GET', `${R}/public/services/surat-keterangan-tidak-mampu`);
    expect(sktm.body.form.fields.map((f: any) => f.key)).toEqual(['nik', 'nama', 'alamat', 'keperluan', 'keperluan_lain', 'kk', 'ktp', 'pengantar']);
    expect(sktm.body.form.fields.find((f: any) => f.key === 'keperluan_lain').showIf).toEqual({ field: 'keperluan', in: ['lainnya'] });
    expect(sktm.body.tariff).toEqual({ kind: 'free', payBeforeIssue: false });
    expect(sktm.body).not.toHaveProperty('workflow');
    expect(sktm.body).not.toHaveProperty('result');
    const reklame = await h.api('GET', `${R}/public/services/izin-reklame`);
    expect(reklame.body.tariff).toMatchObject({ kind: 'per_unit', field: 'luas', payBeforeIssue: true });
    // The certificate's first version still asks for the village head's letter, as it was published.
    const staff = await h.api('GET', `${R}/services`, { session: s.manager });
    const ids = Object.fromEntries(staff.body.map((x: any) => [x.slug, x.id]));
    const v1 = await h.api('GET', `${R}/services/${ids['surat-keterangan-tidak-mampu']}/versions/1`, { session: s.bupati });
    expect(v1.body.form.fields.map((f: any) => f.key)).toContain('surat_desa');
    const ukl = await h.api('GET', `${R}/services/${ids['rekomendasi-ukl-upl']}`, { session: s.bupati });
    expect(ukl.body.workflow.stages.map((st: any) => st.kind)).toEqual(['check', 'review', 'review', 'decision', 'issue']);
    for (const slug of ['surat-keterangan-tidak-mampu', 'rekomendasi-ukl-upl', 'izin-reklame']) {
      const d = await h.api('GET', `${R}/services/${ids[slug]}`, { session: s.bupati });
      expect([slug, d.body.problems, d.body.unpublishedChanges]).toEqual([slug, [], false]);
    }
  });

  it('gives a new service the default workflow, refuses a part breaking its own rules with 422 and saves nothing', async () => {
    const created = await h.api('POST', `${R}/services`, { session: s.manager, body: { slug: 'izin-uji-formulir', name: 'Izin uji formulir', unitId: unit.DPMPTSP } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ form: { fields: [] }, tariff: { kind: 'free' }, problems: [] });
    expect(created.body.workflow.stages.map((st: any) => [st.kind, st.actor.role])).toEqual([['check', 'layanan_counter'], ['decision', 'unit_head'], ['issue', 'layanan_counter']]);
    const id = created.body.id;
    const input = { slug: 'izin-uji-formulir', name: 'Izin uji formulir', summary: '', unitId: unit.DPMPTSP, standard };
    const [province] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = '32' limit 1`);
    const before = await auditCount();
    const bad: [Record<string, unknown>, number, string, string[]][] = [
      [{ form: { fields: [nama, nama] } }, 422, 'layanan.definition_invalid', ['form.duplicate_key']],
      [{ form: { fields: [nama, { ...luas, showIf: { field: 'nama', in: ['x'] } }] } }, 422, 'layanan.definition_invalid', ['form.show_if_field']],
      [{ workflow: { stages: stages.slice(1) } }, 422, 'layanan.definition_invalid', ['workflow.first_not_check']],
      [{ workflow: { stages: [stages[0], stages[2], stages[2]] } }, 422, 'layanan.definition_invalid', ['workflow.duplicate_key', 'workflow.decision_count']],
      [{ workflow: { stages: [stages[0], { ...stages[1], actor: { role: 'layanan_officer', unitId: province.id } }, stages[2]] } }, 404, 'unit.not_found', []],
      [{ form: { fields: [{ ...nama, type: 'signature' }] } }, 400, 'request.invalid', []],
      [{ form: { fields: [{ ...nama, key: 'nomor' }] } }, 400, 'request.invalid', []],
      [{ workflow: { stages: [{ ...stages[0], actor: { role: 'head_of_region', unitId: null } }, stages[2]] } }, 400, 'request.invalid', []],
      [{ tariff: { kind: 'per_unit', field: 'luas', rate: '1,5', payBeforeIssue: false } }, 400, 'request.invalid', []],
      [{ form: { fields: [{ key: 'ktp', label: l('KTP'), required: true, type: 'document', accept: ['pdf'], maxSizeMb: 20, multiple: false }] } }, 400, 'request.invalid', []],
    ];
    for (const [part, status, code, problems] of bad) {
      const res = await h.api('PUT', `${R}/services/${id}`, { session: s.manager, body: { ...input, ...part } });
      expect([res.status, res.body.error?.code], JSON.stringify(part)).toEqual([status, code]);
      if (problems.length) expect(res.body.error.details.problems.map((p: any) => p.code)).toEqual(problems);
    }
    expect(await auditCount()).toBe(before);
    const refused = await h.api('PUT', `${R}/services/${id}`, { session: s.manager, body: { ...input, form: { fields: [nama, nama] } } });
    expect(refused.body.error.messages.id).toContain('nama: Kunci isian dipakai dua kali.');
  });

  it('publishes only parts that fit each other, versions every change and keeps the earlier version\'s form', async () => {
    const created = await h.api('POST', `${R}/services`, { session: s.manager, body: { slug: 'izin-uji-versi', name: 'Izin uji versi', unitId: unit.DPMPTSP } });
    const id = created.body.id;
    const input = { slug: 'izin-uji-versi', name: 'Izin uji versi', summary: '', unitId: unit.DPMPTSP, standard };
    // A draft may be half-way: the template names a field the form does not have yet, the stages take 6 of 5 days.
    const half = await h.api('PUT', `${R}/services/${id}`, { session: s.manager, body: { ...input, form: { fields: [luas] }, workflow: { stages: [{ ...stages[0], days: 3 }, ...stages.slice(1)] }, result, tariff } });
    expect(half.status).toBe(200);
    expect(half.body.problems.map((p: any) => p.code)).toEqual(['workflow.days_over_limit', 'result.placeholder_unknown']);
    const refused = await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'layanan.definition_incomplete']);
    expect(refused.body.error.messages.en).toContain('{{nama}}');
    expect((await h.api('GET', `${R}/public/services/izin-uji-versi`)).status).toBe(404);

    // Leaving the workflow out keeps the draft's; the form gets its name field.
    const fixed = await h.api('PUT', `${R}/services/${id}`, { session: s.manager, body: { ...input, form: { fields: [nama, luas] }, workflow: { stages } } });
    expect(fixed.body.problems).toEqual([]);
    expect((await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager })).body).toMatchObject({ version: 1, unpublishedChanges: false });

    // Changing only the form is a change to publish.
    const changed = await h.api('PUT', `${R}/services/${id}`, { session: s.manager, body: { ...input, form: { fields: [nama, { ...luas, max: 100 }] } } });
    expect(changed.body).toMatchObject({ version: 1, unpublishedChanges: true, workflow: { stages: expect.arrayContaining([expect.objectContaining({ key: 'survei' })]) } });
    expect((await h.api('GET', `${R}/public/services/izin-uji-versi`)).body.form.fields[1]).not.toHaveProperty('max');
    expect((await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager })).body.version).toBe(2);
    expect((await h.api('GET', `${R}/public/services/izin-uji-versi`)).body.form.fields[1].max).toBe(100);
    const v1 = await h.api('GET', `${R}/services/${id}/versions/1`, { session: s.bupati });
    expect(v1.body).toMatchObject({ result, tariff, workflow: { stages } });
    expect(v1.body.form.fields[1]).not.toHaveProperty('max');
    expect((await h.api('POST', `${R}/services/${id}/publish`, { session: s.manager })).body.error.code).toBe('layanan.unchanged');
  });

  it('checks NIK districts against the whole registry and addresses against the region, and names the confirmed places', async () => {
    const form = formSchema.parse({ fields: [{ key: 'nik', label: l('NIK'), required: true, type: 'nik' }, { key: 'alamat', label: l('Alamat'), required: true, type: 'address' }] });
    const db = h.ctx.database.db;
    const check = (nik: string, district: string, village: string) => checkAnswers(db, '32.11', form, { nik, alamat: { street: 'Jl. Mawar 3', district, village } }, {}, '2026-12-06');
    const ok = await check('3211014512900001', '32.11.01', '32.11.01.2001');
    expect(ok).toMatchObject({ ok: true, answers: { alamat: { districtName: 'Wado', villageName: 'Cimungkal' } } });
    // A NIK from another region (Kota Bandung, 32.73.01) is fine: people move.
    expect((await check('3273014512900001', '32.11.01', '32.11.01.2001')).ok).toBe(true);
    const codes = async (...a: [string, string, string]) => { const r = await check(...a); return r.ok ? [] : r.errors.map((e) => [e.key, e.code]); };
    expect(await codes('3211994512900001', '32.11.01', '32.11.01.2001')).toEqual([['nik', 'layanan.nik_region_unknown']]);
    // A village of another district, a district of another regency, a district that does not exist.
    expect(await codes('3211014512900001', '32.11.02', '32.11.01.2001')).toEqual([['alamat', 'layanan.address_not_in_region']]);
    expect(await codes('3211014512900001', '32.73.01', '32.73.01.1001')).toEqual([['alamat', 'layanan.address_not_in_region']]);
    expect(await codes('3211014512900001', '32.11.99', '32.11.99.2001')).toEqual([['alamat', 'layanan.address_not_in_region']]);
  });
});

// The Living Lab package `layanan.services` between two regions of the demo:
// Sumedang (32.11) exports its published services; Kabupaten Bandung (32.04),
// with units of its own under other codes, previews (all new), applies some
// (drafts of its mapped units), sees them the same, changes one and sees the
// change field by field, and gets it replaced only when it chooses so, its
// published version kept. The source is never written; inconsistent content
// writes nothing.
import { beforeAll, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeWithApp } from '../../../test/harness.js';
import { systemActor } from '../../platform/auth/policy.js';
import type { Tx } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { PackageKind } from '../../platform/modules/contract.js';
import { findPackageKind } from '../../platform/modules/packages.js';
import { enableRegion } from '../../platform/regions/service.js';
import { units } from '../../platform/schema.js';
import type { ServicesPackage } from './domain/package.js';
import { layananServices, layananStandardVersions } from './schema.js';
import { createService, publishService, readVersion, serviceDetail, updateService } from './service/catalogue.js';

const SOURCE = '32.11';
const TARGET = '32.04';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const SKTM = 'service:surat-keterangan-tidak-mampu';
const REKLAME = 'service:izin-reklame';
const UKL = 'service:rekomendasi-ukl-upl';
const SURVEY = 'service:rekomendasi-teknis-jalan';

describeWithApp('Living Lab package layanan.services', (h) => {
  const kind = () => findPackageKind('layanan.services')!.kind as PackageKind<ServicesPackage>;
  const source = systemActor('Pengelola Sumedang', SOURCE, ['layanan_manager']);
  const target = systemActor('Pengelola Kabupaten Bandung', TARGET, ['layanan_manager']);
  const tu: Record<string, string> = {};
  let unitMap: Record<string, string>;
  let content: ServicesPackage;
  const tx = <T>(fn: (tx: Tx) => Promise<T>) => h.ctx.database.db.transaction(fn);
  const services = (region: string) => h.ctx.database.db.select().from(layananServices).where(eq(layananServices.regionCode, region)).orderBy(layananServices.slug);
  const versions = (region: string) => h.ctx.database.db.select().from(layananStandardVersions).where(eq(layananStandardVersions.regionCode, region)).orderBy(layananStandardVersions.serviceId, layananStandardVersions.version);
  const byCode = async (region: string, slug: string) => (await services(region)).find((s) => s.slug === slug)!;
  const snapshot = async () => JSON.stringify([await services(SOURCE), await versions(SOURCE)]);
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  };
  let before: string;

  beforeAll(async () => {
    const srcUnits = new Map((await h.ctx.database.db.select().from(units).where(eq(units.regionCode, SOURCE))).map((u) => [u.code, u.id]));
    // A published service whose field survey is done by another unit (PUPR): the package names that unit by code too.
    const sktm = await readVersion(h.ctx, SOURCE, (await byCode(SOURCE, 'surat-keterangan-tidak-mampu')).id, 2);
    const id = await createService(h.ctx, SOURCE, source, {
      slug: 'rekomendasi-teknis-jalan', name: 'Rekomendasi Teknis Pemanfaatan Jalan', summary: 'Rekomendasi bagi pemanfaatan ruang milik jalan kabupaten.', unitId: srcUnits.get('DISHUB')!,
      standard: { ...sktm.standard, timeLimitDays: 7, product: 'Rekomendasi teknis.' },
      workflow: { stages: [
        { key: 'periksa', name: { id: 'Pemeriksaan berkas' }, kind: 'check', actor: { role: 'layanan_counter', unitId: null } },
        { key: 'survei', name: { id: 'Survei lapangan' }, kind: 'review', actor: { role: 'layanan_officer', unitId: srcUnits.get('PUPR')! }, days: 3 },
        { key: 'keputusan', name: { id: 'Keputusan' }, kind: 'decision', actor: { role: 'unit_head', unitId: null } },
      ] },
    });
    await publishService(h.ctx, SOURCE, source, id);
    await tx(async (t) => {
      await enableRegion(t, TARGET);
      for (const [code, name] of [['KEC-BALEENDAH', 'Kecamatan Baleendah'], ['DLHK', 'Dinas Lingkungan Hidup dan Kebersihan'], ['DPMPTSP', 'DPMPTSP Kabupaten Bandung'], ['DISHUB', 'Dinas Perhubungan Kabupaten Bandung'], ['DPUTR', 'Dinas PUTR Kabupaten Bandung']]) {
        tu[code] = (await t.insert(units).values({ regionCode: TARGET, code, name }).returning())[0].id;
      }
    });
    unitMap = { 'KEC-SUMSEL': tu['KEC-BALEENDAH'], DLH: tu.DLHK, DPMPTSP: tu.DPMPTSP, DISHUB: tu.DISHUB, PUPR: tu.DPUTR };
    before = await snapshot();
  });

  it('offers the published services only and exports them by code, with units by code, no ids and no personal data', async () => {
    const offered = await kind().candidates(h.ctx.database.db, SOURCE);
    expect(offered.map((c) => c.key).sort()).toEqual([REKLAME, UKL, SURVEY, SKTM].sort());
    expect(offered.find((c) => c.key === SKTM)!.label).toBe('Surat Keterangan Tidak Mampu (SKTM) (versi 2, Kecamatan Sumedang Selatan)');
    content = await kind().export(h.ctx.database.db, SOURCE, []);
    expect(content.services.map((s) => s.code).sort()).toEqual(offered.map((c) => c.key.slice('service:'.length)).sort());
    const text = JSON.stringify(content);
    expect(text).not.toMatch(UUID);
    expect(text).not.toContain('sumedang.demo');
    expect(kind().content.parse(JSON.parse(text))).toEqual(content);
    // The published version, not a newer draft; the stage's unit as a code the adopter maps.
    const sktm = content.services.find((s) => s.code === 'surat-keterangan-tidak-mampu')!;
    expect(sktm).toMatchObject({ version: 2, unit: { code: 'KEC-SUMSEL', name: 'Kecamatan Sumedang Selatan' } });
    expect(content.services.find((s) => s.code === 'rekomendasi-teknis-jalan')!.workflow.stages[1].actor)
      .toEqual({ role: 'layanan_officer', unit: { code: 'PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' } });
    expect(kind().units(content).map((u) => u.code).sort()).toEqual(['DISHUB', 'DLH', 'DPMPTSP', 'KEC-SUMSEL', 'PUPR']);
    expect(kind().summary(content).id).toMatch(/^4 layanan, \d+ isian formulir$/);
    const chosen = await kind().export(h.ctx.database.db, SOURCE, [SKTM]);
    expect(chosen.services.map((s) => s.code)).toEqual(['surat-keterangan-tidak-mampu']);
    expect((await failure(kind().export(h.ctx.database.db, SOURCE, ['service:surat-keterangan-domisili']))).code).toBe('layanan.package_service_unknown');
  });

  it('previews every service as new in the other region, applies the chosen ones as drafts of the mapped units', async () => {
    const lines = await kind().preview(h.ctx.database.db, TARGET, content, unitMap);
    expect(lines.map((l) => [l.key, l.kind])).toEqual(content.services.map((s) => [`service:${s.code}`, 'add']));
    expect(lines.every((l) => l.fields.length === 0)).toBe(true);
    expect(lines.find((l) => l.key === SKTM)!.label).toContain('Kecamatan Baleendah');
    expect(lines.find((l) => l.key === SKTM)!.label).toContain('draf');

    const result = await tx((t) => kind().apply(t, TARGET, content, { unitMap, take: new Set([SKTM, SURVEY]) }, target, h.clock.now()));
    expect(result).toEqual({ applied: 2 });
    const adopted = await services(TARGET);
    expect(adopted.map((s) => [s.slug, s.status, s.version, s.unitId])).toEqual([
      ['rekomendasi-teknis-jalan', 'draft', 0, tu.DISHUB],
      ['surat-keterangan-tidak-mampu', 'draft', 0, tu['KEC-BALEENDAH']],
    ]);
    expect((await byCode(TARGET, 'rekomendasi-teknis-jalan')).workflow.stages[1].actor).toEqual({ role: 'layanan_officer', unitId: tu.DPUTR });
    expect(await versions(TARGET)).toEqual([]);
    const entries = await h.ctx.database.rows<{ action: string; detail: any }>(sql`select action, detail from audit_log where region_code = ${TARGET} and action like 'layanan.%' order by at, action`);
    expect(entries.map((e) => e.action)).toEqual(['layanan.service_create', 'layanan.service_create']);
    expect(entries[0].detail).toMatchObject({ package: 'layanan.services' });

    // The adopter publishes what it reviewed: the package carried a complete definition.
    const sktmId = (await byCode(TARGET, 'surat-keterangan-tidak-mampu')).id;
    expect((await serviceDetail(h.ctx, TARGET, target, sktmId)).missing).toEqual([]);
    await publishService(h.ctx, TARGET, target, sktmId);

    const again = await kind().preview(h.ctx.database.db, TARGET, content, unitMap);
    expect(Object.fromEntries(again.map((l) => [l.key, l.kind]))).toEqual({ [SKTM]: 'same', [SURVEY]: 'same', [UKL]: 'add', [REKLAME]: 'add' });
    // Applying a line that is already the same writes nothing.
    expect(await tx((t) => kind().apply(t, TARGET, content, { unitMap, take: new Set([SKTM]) }, target, h.clock.now()))).toEqual({ applied: 0 });
  });

  it('shows a changed draft field by field and replaces it only when chosen, keeping the published version', async () => {
    const row = await byCode(TARGET, 'surat-keterangan-tidak-mampu');
    await updateService(h.ctx, TARGET, target, row.id, {
      slug: row.slug, name: 'SKTM Kabupaten Bandung', summary: row.summary, unitId: tu.DLHK, standard: { ...row.draft, timeLimitDays: 3 },
      form: { fields: row.form.fields.slice(1) }, result: { ...row.result, paragraphs: ['Diubah.'] },
    });
    const line = (await kind().preview(h.ctx.database.db, TARGET, content, unitMap)).find((l) => l.key === SKTM)!;
    expect(line.kind).toBe('change');
    const fields = Object.fromEntries(line.fields.map((f) => [f.field, [f.ours, f.theirs]]));
    expect(fields.Nama).toEqual(['SKTM Kabupaten Bandung', 'Surat Keterangan Tidak Mampu (SKTM)']);
    expect(fields['Jangka waktu']).toEqual(['3 hari kerja', '1 hari kerja']);
    expect(fields['Perangkat daerah pemilik']).toEqual(['Dinas Lingkungan Hidup dan Kebersihan', 'Kecamatan Baleendah']);
    expect(fields['Isian formulir'][0]).toBe(`${row.form.fields.length - 1} isian`);
    expect(fields['Isian formulir'][1]).toContain(`${row.form.fields.length} isian; baru: ${row.form.fields[0].label.id}`);
    expect(fields['Templat dokumen hasil'][1]).toContain('isinya berbeda');
    expect(Object.keys(fields).sort()).toEqual(['Isian formulir', 'Jangka waktu', 'Nama', 'Perangkat daerah pemilik', 'Templat dokumen hasil']);

    // Without the change's key: the new service is added, this draft is left as it is.
    expect(await tx((t) => kind().apply(t, TARGET, content, { unitMap, take: new Set([UKL]) }, target, h.clock.now()))).toEqual({ applied: 1 });
    expect((await byCode(TARGET, 'surat-keterangan-tidak-mampu')).name).toBe('SKTM Kabupaten Bandung');

    // With it: the draft becomes the package's; the published version 1 stays as it was.
    const published = await readVersion(h.ctx, TARGET, row.id, 1);
    expect(await tx((t) => kind().apply(t, TARGET, content, { unitMap, take: new Set([SKTM]) }, target, h.clock.now()))).toEqual({ applied: 1 });
    const after = await byCode(TARGET, 'surat-keterangan-tidak-mampu');
    expect(after).toMatchObject({ name: 'Surat Keterangan Tidak Mampu (SKTM)', status: 'published', version: 1, unitId: tu['KEC-BALEENDAH'] });
    expect(after.draft.timeLimitDays).toBe(1);
    expect(await readVersion(h.ctx, TARGET, row.id, 1)).toEqual(published);
    expect((await versions(TARGET)).length).toBe(1);
    const [last] = await h.ctx.database.rows<{ action: string; detail: any; before: any }>(sql`select action, detail, before from audit_log where region_code = ${TARGET} and entity_id = ${row.id} order by at desc, id desc limit 1`);
    expect(last).toMatchObject({ action: 'layanan.service_update', detail: { package: 'layanan.services' } });
    expect(last.before).toMatchObject({ name: 'SKTM Kabupaten Bandung', timeLimitDays: 3 });
    expect((await kind().preview(h.ctx.database.db, TARGET, content, unitMap)).find((l) => l.key === SKTM)!.kind).toBe('same');
  });

  it('throws and writes nothing when the content is inconsistent or a unit is not mapped', async () => {
    const count = async () => (await services(TARGET)).length;
    const n = await count();
    const reklame = content.services.find((s) => s.code === 'izin-reklame')!;
    // A valid service first, then one whose form names a key twice: the schema refuses it, and so does apply, whole.
    const broken: ServicesPackage = { services: [reklame, { ...reklame, code: 'izin-reklame-dua', form: { fields: [...reklame.form.fields, reklame.form.fields[0]] } }] };
    expect(kind().content.safeParse(broken).success).toBe(false);
    const take = new Set([REKLAME, 'service:izin-reklame-dua']);
    expect((await failure(tx((t) => kind().apply(t, TARGET, broken, { unitMap, take }, target, h.clock.now())))).code).toBe('layanan.package_invalid');
    const twice: ServicesPackage = { services: [reklame, reklame] };
    expect((await failure(tx((t) => kind().apply(t, TARGET, twice, { unitMap, take }, target, h.clock.now())))).code).toBe('layanan.package_invalid');
    const { DPMPTSP: _left, ...partial } = unitMap;
    const unmapped = await failure(tx((t) => kind().apply(t, TARGET, content, { unitMap: partial, take: new Set([REKLAME]) }, target, h.clock.now())));
    expect(unmapped.code).toBe('layanan.package_unit_unmapped');
    expect(unmapped.details).toEqual({ codes: ['DPMPTSP'] });
    // A unit id of another region (the Living Lab checks; the module does too).
    const [foreign] = await h.ctx.database.db.select().from(units).where(and(eq(units.regionCode, SOURCE), eq(units.code, 'DPMPTSP')));
    expect((await failure(tx((t) => kind().apply(t, TARGET, content, { unitMap: { ...unitMap, DPMPTSP: foreign.id }, take: new Set([REKLAME]) }, target, h.clock.now())))).code).toBe('unit.not_found');
    expect(await count()).toBe(n);
    expect(await services(TARGET)).not.toContainEqual(expect.objectContaining({ slug: 'izin-reklame' }));
  });

  it('never writes the source region', async () => {
    expect(await snapshot()).toBe(before);
  });
});

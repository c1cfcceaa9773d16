// The Living Lab package `complaints.categories`: Sumedang (32.11, the demo)
// publishes its categories; Kota Bandung (32.73, enabled here with units of
// its own) previews, adopts some, changes one and adopts again.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from '../../../test/harness.js';
import { enableRegion } from '../../platform/regions/service.js';
import { createUser, grantRole, loadActor } from '../../platform/auth/service.js';
import type { Actor } from '../../platform/auth/policy.js';
import { units as unitTable } from '../../platform/schema.js';
import { findPackageKind } from '../../platform/modules/packages.js';
import type { PackageChange, PackageKind } from '../../platform/modules/contract.js';
import { AppError } from '../../platform/errors.js';
import { saveCategory, setRoute, setSla } from './service/admin.js';
import type { CategoriesContent } from './domain/package.js';

const SOURCE = '32.11';
const TARGET = '32.73';

describeWithApp('complaints.categories package', (h) => {
  let kind: PackageKind<CategoriesContent>;
  let actor: Actor;
  let sourceActor: Actor;
  const bandung: Record<string, string> = {};
  let unitMap: Record<string, string>;
  let content: CategoriesContent;

  const rows = (q: ReturnType<typeof sql>) => h.ctx.database.rows<Record<string, unknown>>(q);
  /** Everything of the complaints configuration a region holds, and its audit log, as plain rows. */
  const snapshot = async (region: string) => ({
    categories: await rows(sql`select * from categories where region_code = ${region} order by code`),
    sla: await rows(sql`select * from sla_policies where region_code = ${region} order by category_id, stage`),
    routing: await rows(sql`select * from routing_rules where region_code = ${region} order by category_id, valid_from`),
    audit: await rows(sql`select action, entity_id from audit_log where region_code = ${region} order by at, action`),
  });
  const categoryId = async (region: string, code: string) =>
    (await rows(sql`select id from categories where region_code = ${region} and code = ${code}`))[0]?.id as string;
  const preview = async (c = content) => {
    const lines = await kind.preview(h.ctx.database.db, TARGET, c, unitMap);
    return new Map<string, PackageChange>(lines.map((l) => [l.key, l]));
  };
  const apply = (take: string[], c = content, map = unitMap) => {
    h.clock.advance(60_000);
    return h.ctx.database.db.transaction((tx) => kind.apply(tx, TARGET, c, { unitMap: map, take: new Set(take) }, actor, h.clock.now()));
  };
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e instanceof AppError ? { code: e.code, details: e.details } : e;
    }
    throw new Error('expected a failure');
  };

  beforeAll(async () => {
    kind = findPackageKind('complaints.categories')!.kind;
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, TARGET);
      for (const [code, name] of [['DBM', 'Dinas Bina Marga dan Sumber Daya Air'], ['DLH', 'Dinas Lingkungan Hidup Kota Bandung'], ['DISHUB', 'Dinas Perhubungan Kota Bandung'], ['DINKES', 'Dinas Kesehatan Kota Bandung'], ['DPMPTSP', 'DPMPTSP Kota Bandung'], ['DISDIK', 'Dinas Pendidikan Kota Bandung']]) {
        const [u] = await tx.insert(unitTable).values({ regionCode: TARGET, code, name }).returning();
        bandung[code] = u.id;
      }
      const userId = await createUser(tx, { email: 'admin@bandung.test', name: 'Admin Bandung' });
      await grantRole(tx, TARGET, userId, 'region_admin', null);
      actor = (await loadActor(tx, userId))!;
    });
    const [admin] = await rows(sql`select id from users where email = 'admin@sumedang.demo'`);
    sourceActor = (await loadActor(h.ctx.database.db, admin.id as string))!;
    // The source gives one category a deadline of its own.
    await setSla(h.ctx, sourceActor, SOURCE, { categoryId: await categoryId(SOURCE, 'jalan-rusak'), stage: 'resolution', amount: 7, unit: 'working_days', targetAmount: 5 });
    unitMap = { PUPR: bandung.DBM, DLH: bandung.DLH, DISHUB: bandung.DISHUB, DINKES: bandung.DINKES, DPMPTSP: bandung.DPMPTSP, DISDIK: bandung.DISDIK };
  });

  it('is registered, and offers the region\'s categories and its default deadlines', async () => {
    expect(findPackageKind('complaints.categories')).toMatchObject({ module: 'complaints', kind: { key: 'categories', formatVersion: 1 } });
    const candidates = await kind.candidates(h.ctx.database.db, SOURCE);
    expect(candidates).toContainEqual({ key: 'jalan-rusak', label: 'Jalan rusak atau berlubang' });
    expect(candidates.at(-1)).toEqual({ key: 'sla:default', label: 'Batas waktu bawaan daerah' });
    expect(candidates).toHaveLength(9);
  });

  it('exports portable content: it parses, round-trips through JSON, holds no id and names units by code', async () => {
    content = await kind.export(h.ctx.database.db, SOURCE, []);
    const json = JSON.stringify(content);
    expect(json).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    expect(json).not.toMatch(/@/);
    expect(kind.content.parse(JSON.parse(json))).toEqual(content);
    expect(content.categories).toHaveLength(8);
    const road = content.categories.find((c) => c.code === 'jalan-rusak')!;
    expect(road).toMatchObject({ nameId: 'Jalan rusak atau berlubang', group: 'Infrastruktur', keywords: 'jalan lubang aspal', locationRequired: false, active: true, unit: 'PUPR' });
    expect(road.questions.map((q) => q.code)).toEqual(['tingkat_kerusakan']);
    expect(road.deadlines).toEqual([{ stage: 'resolution', amount: 7, unit: 'working_days', targetAmount: 5 }]);
    expect(content.defaultDeadlines).toEqual([
      { stage: 'verification', amount: 1, unit: 'working_days', targetAmount: null },
      { stage: 'response', amount: 48, unit: 'hours', targetAmount: 24 },
      { stage: 'resolution', amount: 14, unit: 'working_days', targetAmount: null },
    ]);
    expect(kind.units(content).map((u) => u.code).sort()).toEqual(['DINKES', 'DISDIK', 'DISHUB', 'DLH', 'DPMPTSP', 'PUPR']);
    expect(kind.units(content)).toContainEqual({ code: 'PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
    expect(kind.summary(content)).toEqual({ id: '8 kategori, 2 pertanyaan, batas waktu bawaan', en: '8 categories, 2 questions, default deadlines' });

    const some = await kind.export(h.ctx.database.db, SOURCE, ['sampah', 'jembatan']);
    expect(some.categories.map((c) => c.code).sort()).toEqual(['jembatan', 'sampah']);
    expect(some.units.map((u) => u.code).sort()).toEqual(['DLH', 'PUPR']);
    expect(some.defaultDeadlines).toBeUndefined();
    expect(await failure(kind.export(h.ctx.database.db, SOURCE, ['tidak-ada']))).toMatchObject({ code: 'category.not_found' });
  });

  it('previews everything as added in a region that has none of it', async () => {
    const lines = await preview();
    expect([...lines.values()].every((l) => l.kind === 'add' && l.fields.length === 0)).toBe(true);
    expect([...lines.keys()]).toEqual([...content.categories.map((c) => `category:${c.code}`), 'default-sla:verification', 'default-sla:response', 'default-sla:resolution']);
    expect(lines.get('category:jalan-rusak')!.label).toBe('Kategori Jalan rusak atau berlubang');
    expect(lines.get('default-sla:response')!.label).toBe('Batas waktu bawaan: Tanggapan pertama');
  });

  it('applies only the chosen lines, in the adopting region only, with the admin\'s audit entries', async () => {
    const source = await snapshot(SOURCE);
    const result = await apply(['category:jalan-rusak', 'category:sampah', 'default-sla:response']);
    expect(result).toEqual({ applied: 3 });
    expect(await snapshot(SOURCE)).toEqual(source);

    const target = await snapshot(TARGET);
    expect(target.categories.map((c) => c.code)).toEqual(['jalan-rusak', 'sampah']);
    const road = target.categories[0];
    expect(road).toMatchObject({ name_id: 'Jalan rusak atau berlubang', keywords: 'jalan lubang aspal', location_required: false, active: true });
    expect((road.questions as any[])[0]).toMatchObject({ code: 'tingkat_kerusakan', required: true });
    expect(target.sla.map((s) => [s.category_id, s.stage, s.amount, s.unit, s.target_amount])).toEqual([
      [road.id, 'resolution', 7, 'working_days', 5],
      [null, 'response', 48, 'hours', 24],
    ]);
    expect(target.routing.map((r) => [r.category_id, r.unit_id, r.valid_to])).toEqual(expect.arrayContaining([
      [road.id, bandung.DBM, null], [await categoryId(TARGET, 'sampah'), bandung.DLH, null],
    ]));
    expect(target.audit.map((a) => a.action).sort()).toEqual(['category.create', 'category.create', 'routing.set', 'routing.set', 'sla.set', 'sla.set']);
    // The entries of the added categories (written together) say what the admin's own changes say, by the adopting admin, in package order.
    const entries = await rows(sql`select action, entity_id, detail, before, after, actor_user_id, actor_label from audit_log
      where region_code = ${TARGET} and action <> 'grant.create' and (entity_id = ${road.id} or entity_id like ${`${road.id as string}:%`}) order by id`);
    expect(entries).toEqual([
      { action: 'category.create', entity_id: road.id, detail: { code: 'jalan-rusak' }, before: null, after: null, actor_user_id: actor.userId, actor_label: 'admin@bandung.test' },
      { action: 'sla.set', entity_id: `${road.id as string}:resolution`, detail: { categoryId: road.id, stage: 'resolution', amount: 7, unit: 'working_days', targetAmount: 5 },
        before: null, after: { amount: 7, unit: 'working_days', targetAmount: 5 }, actor_user_id: actor.userId, actor_label: 'admin@bandung.test' },
      { action: 'routing.set', entity_id: road.id, detail: { unitId: bandung.DBM }, before: null, after: { unitId: bandung.DBM }, actor_user_id: actor.userId, actor_label: 'admin@bandung.test' },
    ]);
  });

  it('previews what it applied as the same, the rest still to add', async () => {
    const lines = await preview();
    expect(lines.get('category:jalan-rusak')).toMatchObject({ kind: 'same', fields: [] });
    expect(lines.get('category:sampah')).toMatchObject({ kind: 'same', fields: [] });
    expect(lines.get('default-sla:response')).toMatchObject({ kind: 'same' });
    expect(lines.get('category:pju')).toMatchObject({ kind: 'add' });
    expect(lines.get('default-sla:resolution')).toMatchObject({ kind: 'add' });
    // Applying what is already the same writes nothing.
    const before = await snapshot(TARGET);
    expect(await apply(['category:jalan-rusak', 'category:sampah', 'default-sla:response'])).toEqual({ applied: 0 });
    expect(await snapshot(TARGET)).toEqual(before);
  });

  it('shows the region\'s own changes as changes, field by field, and overwrites them only when chosen', async () => {
    const sampah = await categoryId(TARGET, 'sampah');
    const road = await categoryId(TARGET, 'jalan-rusak');
    await saveCategory(h.ctx, actor, TARGET, { code: 'sampah', nameId: 'Sampah liar', nameEn: 'Uncollected rubbish', group: 'Lingkungan', keywords: 'sampah tps liar', description: content.categories.find((c) => c.code === 'sampah')!.description, questions: [], locationRequired: true }, sampah);
    await setSla(h.ctx, actor, TARGET, { categoryId: sampah, stage: 'resolution', amount: 3, unit: 'working_days', targetAmount: null });
    h.clock.advance(60_000);
    await setRoute(h.ctx, actor, TARGET, sampah, bandung.DISHUB);
    const severity = content.categories.find((c) => c.code === 'jalan-rusak')!.questions[0];
    await saveCategory(h.ctx, actor, TARGET, { ...content.categories.find((c) => c.code === 'jalan-rusak')!, questions: [{ ...severity, values: severity.values.slice(0, 2) }] }, road);
    await setSla(h.ctx, actor, TARGET, { categoryId: null, stage: 'response', amount: 24, unit: 'hours', targetAmount: null });

    const lines = await preview();
    expect(lines.get('category:sampah')).toEqual({
      key: 'category:sampah', kind: 'change', label: 'Kategori Sampah liar', fields: [
        { field: 'Nama', ours: 'Sampah liar', theirs: 'Sampah menumpuk' },
        { field: 'Kata kunci', ours: 'sampah tps liar', theirs: 'sampah tps' },
        { field: 'Wajib menyebut lokasi', ours: 'Ya', theirs: 'Tidak' },
        { field: 'Batas waktu penyelesaian', ours: '3 hari kerja', theirs: null },
        { field: 'Perangkat daerah penanganan', ours: 'Dinas Perhubungan Kota Bandung', theirs: 'Dinas Lingkungan Hidup Kota Bandung' },
      ],
    });
    expect(lines.get('category:jalan-rusak')).toMatchObject({ kind: 'change', fields: [{ field: 'Pertanyaan', ours: '1 pertanyaan: Seberapa parah kerusakannya?', theirs: '1 pertanyaan: Seberapa parah kerusakannya?' }] });
    expect(lines.get('default-sla:response')).toEqual({ key: 'default-sla:response', kind: 'change', label: 'Batas waktu bawaan: Tanggapan pertama', fields: [{ field: 'Batas waktu', ours: '24 jam', theirs: '48 jam (target 24 jam)' }] });

    // Without the change keys: the adds go in, the region's own changes stay.
    const kept = await snapshot(TARGET);
    expect(await apply(['category:pju'])).toEqual({ applied: 1 });
    const after = await snapshot(TARGET);
    expect(after.categories.filter((c) => c.code !== 'pju')).toEqual(kept.categories);
    expect(after.sla).toEqual(kept.sla);
    expect(after.routing.filter((r) => r.category_id === sampah)).toEqual(kept.routing.filter((r) => r.category_id === sampah));

    // With them: the package's version, the region's own deadline removed, the routing history kept.
    expect(await apply(['category:sampah', 'default-sla:response'])).toEqual({ applied: 2 });
    const adopted = await snapshot(TARGET);
    expect(adopted.categories.find((c) => c.code === 'sampah')).toMatchObject({ name_id: 'Sampah menumpuk', keywords: 'sampah tps', location_required: false });
    expect(adopted.sla.filter((s) => s.category_id === sampah)).toEqual([]);
    expect(adopted.sla.find((s) => s.category_id === null && s.stage === 'response')).toMatchObject({ amount: 48, unit: 'hours', target_amount: 24 });
    expect(adopted.routing.filter((r) => r.category_id === sampah).map((r) => [r.unit_id, r.valid_to === null])).toEqual([
      [bandung.DLH, false], [bandung.DISHUB, false], [bandung.DLH, true],
    ]);
    expect(adopted.audit.slice(after.audit.length).map((a) => a.action).sort()).toEqual(['category.update', 'routing.set', 'sla.remove', 'sla.set']);
    const [update] = await rows(sql`select before, after from audit_log where region_code = ${TARGET} and action = 'category.update' order by at desc limit 1`);
    expect(update).toEqual({ before: { nameId: 'Sampah liar', keywords: 'sampah tps liar', locationRequired: true }, after: { nameId: 'Sampah menumpuk', keywords: 'sampah tps', locationRequired: false } });
    expect((await preview()).get('category:sampah')).toMatchObject({ kind: 'same' });
    expect((await preview()).get('category:jalan-rusak')).toMatchObject({ kind: 'change' });
  });

  it('refuses inconsistent content, an unmapped unit or a unit of another region, and writes nothing', async () => {
    const before = await snapshot(TARGET);
    const first = content.categories.find((c) => c.code === 'drainase')!;
    const unlisted: CategoriesContent = { ...content, categories: [first, { ...content.categories.find((c) => c.code === 'sekolah')!, unit: 'BAPPEDA' }] };
    expect(kind.content.safeParse(JSON.parse(JSON.stringify(unlisted))).success).toBe(false);
    expect(await failure(apply(['category:drainase', 'category:sekolah'], unlisted))).toMatchObject({ code: 'category.package_invalid', details: { problems: ['category sekolah is routed to unit BAPPEDA, which is not listed'] } });
    const twice: CategoriesContent = { ...content, categories: [first, first] };
    expect(kind.content.safeParse(twice).success).toBe(false);
    expect(await failure(apply(['category:drainase'], twice))).toMatchObject({ code: 'category.package_invalid' });

    const { PUPR: _, ...withoutPupr } = unitMap;
    expect(await failure(apply(['category:drainase'], content, withoutPupr))).toMatchObject({ code: 'category.package_unit_unmapped', details: { unit: 'PUPR' } });
    const [sumedangUnit] = await rows(sql`select id from units where region_code = ${SOURCE} and code = 'PUPR'`);
    expect(await failure(apply(['category:drainase'], content, { ...unitMap, PUPR: sumedangUnit.id as string }))).toMatchObject({ code: 'unit.not_found' });
    expect(await failure(apply(['category:drainase'], content, { ...unitMap, PUPR: 'not-an-id' }))).toMatchObject({ code: 'unit.not_found' });
    expect(await snapshot(TARGET)).toEqual(before);
  });
});

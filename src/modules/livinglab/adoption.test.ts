// Adopting Sumedang's complaint categories in one step: another Jawa Barat
// region previews what would change, maps Sumedang's units to its own (same
// code or same name suggested), adopts the lines it chooses in one
// transaction that writes only its own region; a category it already has is
// overwritten only when chosen; lineage shows on both sides; a new version
// is announced and applied selectively; the package travels as a file to a
// region that imports it; every bad input is a 4xx and nothing half-applied.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { enableRegion } from '../../platform/regions/service.js';
import { units } from '../../platform/schema.js';

const GARUT = '32.05';
const BANDUNG = '32.04';

describeWithApp('Living Lab: adopting a complaints package', (h) => {
  const s: Record<string, Session> = {};
  const rows = <T>(q: ReturnType<typeof sql>) => h.ctx.database.rows<T & Record<string, unknown>>(q);
  const count = async (table: string, region: string) => (await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)} where region_code = ${region}`))[0].n;
  let solutionId = '';
  let ownUnits: { id: string; code: string }[] = [];

  beforeAll(async () => {
    s.sumedang = await h.signIn('livinglab@sumedang.demo');
    await h.ctx.database.db.transaction(async (tx) => {
      for (const r of [GARUT, BANDUNG]) await enableRegion(tx, r);
      // Garut names its units partly as Sumedang does (PUPR), partly differently (its environment office by name only).
      ownUnits = await tx.insert(units).values([
        { regionCode: GARUT, code: 'PUPR', name: 'Dinas PUPR Garut' },
        { regionCode: GARUT, code: 'DLHK', name: 'Dinas Lingkungan Hidup dan Kehutanan' },
        { regionCode: GARUT, code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika Garut' },
        { regionCode: GARUT, code: 'UMUM', name: 'Bagian Umum' },
        { regionCode: BANDUNG, code: 'UMUM', name: 'Bagian Umum Kabupaten Bandung' },
      ]).returning({ id: units.id, code: units.code });
    });
    s.garut = await h.sessionWithRole(GARUT, 'livinglab_officer', 'livinglab@garutkab.test');
    s.bandung = await h.sessionWithRole(BANDUNG, 'livinglab_officer', 'livinglab@bandungkab.test');
    const found = await h.api('GET', '/api/livinglab/solutions?module=complaints&region=32.11');
    expect(found.body.items.length, found.raw).toBe(1);
    solutionId = found.body.items[0].id;
  });

  const garutUnit = (code: string) => ownUnits.find((u) => u.code === code)!.id;
  let preview: { units: { code: string; unitId: string | null }[]; changes: { key: string; kind: string; fields: { field: string }[] }[] } = { units: [], changes: [] };

  it('previews: every Sumedang category is new to Garut, and Sumedang\'s units come with suggestions', async () => {
    const res = await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions/preview`, { body: { solutionId }, session: s.garut });
    expect(res.status, res.raw).toBe(200);
    preview = res.body;
    expect(res.body.source).toMatchObject({ region: { code: '32.11' }, version: 2, packageKind: 'complaints.categories' });
    const categories = res.body.changes.filter((c: { key: string }) => c.key.startsWith('category:'));
    expect(categories.length).toBeGreaterThan(3);
    expect(categories.every((c: { kind: string }) => c.kind === 'add')).toBe(true);
    // Sumedang's demo routes road damage to PUPR and rubbish to DLH: the same code, then the same name.
    expect(res.body.units.find((u: { code: string }) => u.code === 'PUPR')?.unitId).toBe(garutUnit('PUPR'));
    expect(res.body.units.find((u: { code: string }) => u.code === 'DLH')?.unitId).toBe(garutUnit('DLHK'));
  });

  const fullMap = () => Object.fromEntries(preview.units.map((u) => [u.code, u.unitId ?? garutUnit('UMUM')]));

  it('refuses an unmapped unit, a unit of another region and a line the preview does not have: nothing is written', async () => {
    const before = await count('categories', GARUT);
    const [first] = preview.changes;
    const someMap = { ...fullMap() };
    delete someMap[preview.units[0].code];
    const unmapped = await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions`, { body: { solutionId, version: 2, unitMap: someMap, take: [first.key] }, session: s.garut });
    expect(unmapped.status).toBe(422);
    expect(unmapped.body.error.code).toBe('livinglab.unit_unmapped');
    const [{ id: sumedangUnit }] = await rows<{ id: string }>(sql`select id from units where region_code = '32.11' limit 1`);
    const foreign = await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions`, { body: { solutionId, version: 2, unitMap: { ...fullMap(), [preview.units[0].code]: sumedangUnit }, take: [first.key] }, session: s.garut });
    expect(foreign.body.error.code).toBe('livinglab.unit_not_found');
    const unknown = await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions`, { body: { solutionId, version: 2, unitMap: fullMap(), take: ['category:TIDAK-ADA'] }, session: s.garut });
    expect(unknown.body.error.code).toBe('livinglab.unknown_change');
    // Adopting into a region one does not administer.
    expect((await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions`, { body: { solutionId, version: 2, unitMap: fullMap(), take: [first.key] }, session: s.bandung })).status).toBe(403);
    // A region's own solution is not adopted.
    expect((await h.api('POST', '/api/regions/32.11/livinglab/adoptions/preview', { body: { solutionId }, session: s.sumedang })).body.error.code).toBe('livinglab.own_solution');
    expect(await count('categories', GARUT)).toBe(before);
    expect(await count('livinglab_adoptions', GARUT)).toBe(0);
  });

  it('adopts two categories in one step: only Garut is written, routed to the units it chose; lineage on both sides', async () => {
    const sumedangBefore = await rows<{ h: string }>(sql`select md5(string_agg(x::text, ',' order by x::text)) as h from categories x where region_code = '32.11'`);
    const chosen = preview.changes.filter((c) => c.key.startsWith('category:')).slice(0, 2).map((c) => c.key);
    const res = await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions`, { body: { solutionId, version: 2, unitMap: fullMap(), take: chosen }, session: s.garut });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.applied).toBeGreaterThanOrEqual(2);
    const codes = (await rows<{ code: string }>(sql`select code from categories where region_code = ${GARUT} order by code`)).map((r) => r.code);
    expect(codes).toEqual(chosen.map((k) => k.slice('category:'.length)).sort());
    // Routed to Garut's own units only.
    const routed = await rows<{ region: string }>(sql`select u.region_code as region from routing_rules r join units u on u.id = r.unit_id where r.region_code = ${GARUT}`);
    expect(routed.every((r) => r.region === GARUT)).toBe(true);
    expect(await rows<{ h: string }>(sql`select md5(string_agg(x::text, ',' order by x::text)) as h from categories x where region_code = '32.11'`)).toEqual(sumedangBefore);
    const publicPage = await h.api('GET', `/api/livinglab/solutions/${solutionId}`);
    expect(publicPage.body.adopters).toEqual([expect.objectContaining({ regionCode: GARUT, version: 2 })]);
    const mine = await h.api('GET', `/api/regions/${GARUT}/livinglab/adoptions`, { session: s.garut });
    expect(mine.body).toEqual([expect.objectContaining({ solutionId, sourceRegion: '32.11', version: 2, updateAvailable: false })]);
    const owners = await h.api('GET', '/api/regions/32.11/livinglab/solutions', { session: s.sumedang });
    expect(owners.body.find((x: { id: string }) => x.id === solutionId).adopters).toBe(1);
    // The audit log of Garut says what the adoption wrote.
    expect(await count('audit_log', GARUT)).toBeGreaterThan(2);
  });

  it('shows a category Garut changed as a change with both values, and keeps Garut\'s unless it is chosen', async () => {
    const code = (await rows<{ code: string }>(sql`select code from categories where region_code = ${GARUT} order by code limit 1`))[0].code;
    await h.ctx.database.rows(sql`update categories set name_id = 'Nama versi Garut' where region_code = ${GARUT} and code = ${code}`);
    const res = await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions/preview`, { body: { solutionId, unitMap: fullMap() }, session: s.garut });
    const line = res.body.changes.find((c: { key: string }) => c.key === `category:${code}`);
    expect(line.kind).toBe('change');
    expect(line.fields.some((f: { ours: string | null; theirs: string | null }) => f.ours?.includes('Nama versi Garut') && f.theirs && !f.theirs.includes('Garut'))).toBe(true);
    const adds = res.body.changes.filter((c: { kind: string }) => c.kind === 'add').map((c: { key: string }) => c.key);
    await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions`, { body: { solutionId, version: 2, unitMap: fullMap(), take: adds }, session: s.garut });
    const name = async () => (await rows<{ name: string }>(sql`select name_id as name from categories where region_code = ${GARUT} and code = ${code}`))[0].name;
    expect(await name()).toBe('Nama versi Garut');
    await h.api('POST', `/api/regions/${GARUT}/livinglab/adoptions`, { body: { solutionId, version: 2, unitMap: fullMap(), take: [`category:${code}`] }, session: s.garut });
    expect(await name()).not.toBe('Nama versi Garut');
  });

  it('announces Sumedang\'s next version to Garut, which sees it as available', async () => {
    const [{ id: category }] = await rows<{ id: string }>(sql`select id from categories where region_code = '32.11' order by code limit 1`);
    await h.ctx.database.rows(sql`update categories set description = 'Uraian baru dari Sumedang' where region_code = '32.11' and id = ${category}`);
    const pub = await h.api('POST', `/api/regions/32.11/livinglab/solutions/${solutionId}/publish`, { body: { changelog: 'Uraian kategori diperbarui' }, session: s.sumedang });
    expect(pub.status, pub.raw).toBe(200);
    expect(pub.body.latestVersion).toBe(3);
    const mine = await h.api('GET', `/api/regions/${GARUT}/livinglab/adoptions`, { session: s.garut });
    expect(mine.body[0]).toMatchObject({ version: 2, latestVersion: 3, updateAvailable: true, latestChangelog: 'Uraian kategori diperbarui' });
    const told = await rows<{ n: number }>(sql`select count(*)::int as n from notifications where region_code = ${GARUT}`);
    expect(told[0].n).toBeGreaterThan(0);
  });

  it('carries version 3 as a file to Bandung, which imports two categories; a wrong file is refused whole', async () => {
    const file = await h.api('GET', `/api/livinglab/solutions/${solutionId}/versions/3/package`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/attachment/);
    const pkg = JSON.parse(file.raw);
    expect(pkg).toMatchObject({ format: 'pamong-livinglab-package', formatVersion: 1, packageKind: 'complaints.categories', source: { version: 3, region: { code: '32.11' } } });
    expect(file.raw).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"(?!,?\s*"title")/);
    const wrong = await h.api('POST', `/api/regions/${BANDUNG}/livinglab/imports/preview`, { body: { file: { ...pkg, formatVersion: 2 } }, session: s.bandung });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('livinglab.package_format');
    const broken = await h.api('POST', `/api/regions/${BANDUNG}/livinglab/imports`, { body: { file: { ...pkg, content: { categories: 'rusak' } }, take: [] }, session: s.bandung });
    expect(broken.body.error.code).toBe('livinglab.package_invalid');
    const seen = await h.api('POST', `/api/regions/${BANDUNG}/livinglab/imports/preview`, { body: { file: pkg }, session: s.bandung });
    expect(seen.status, seen.raw).toBe(200);
    const umum = (await rows<{ id: string }>(sql`select id from units where region_code = ${BANDUNG}`))[0].id;
    const map = Object.fromEntries(seen.body.units.map((u: { code: string }) => [u.code, umum]));
    const two = seen.body.changes.filter((c: { key: string }) => c.key.startsWith('category:')).slice(0, 2).map((c: { key: string }) => c.key);
    const done = await h.api('POST', `/api/regions/${BANDUNG}/livinglab/imports`, { body: { file: pkg, unitMap: map, take: two }, session: s.bandung });
    expect(done.status, done.raw).toBe(201);
    expect(await count('categories', BANDUNG)).toBe(2);
    const mine = await h.api('GET', `/api/regions/${BANDUNG}/livinglab/adoptions`, { session: s.bandung });
    expect(mine.body[0]).toMatchObject({ solutionId: null, version: 3, source: { region: 'Kabupaten Sumedang' } });
  });

  it('takes ratings only from adopters; the owner answers; a curator hides a review', async () => {
    const marks = { fitness: 5, ease: 4, stability: 4, support: 5, documentation: 3, review: 'Kategori langsung terpakai; tenggat perlu disesuaikan Perbup kami.' };
    // Bandung took the package as a file from "another installation": it did not adopt this solution here.
    const refused = await h.api('PUT', `/api/regions/${BANDUNG}/livinglab/ratings/${solutionId}`, { body: marks, session: s.bandung });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('livinglab.not_adopter');
    // Garut's officer, with Garut's adoption, but in Sumedang's URL: not their region.
    expect((await h.api('PUT', `/api/regions/32.11/livinglab/ratings/${solutionId}`, { body: marks, session: s.garut })).status).toBe(403);
    expect((await h.api('PUT', `/api/regions/${GARUT}/livinglab/ratings/${solutionId}`, { body: { ...marks, ease: 6 }, session: s.garut })).status).toBe(400);
    const rated = await h.api('PUT', `/api/regions/${GARUT}/livinglab/ratings/${solutionId}`, { body: marks, session: s.garut });
    expect(rated.status, rated.raw).toBe(200);
    // Rating again replaces the person's rating.
    await h.api('PUT', `/api/regions/${GARUT}/livinglab/ratings/${solutionId}`, { body: { ...marks, documentation: 4 }, session: s.garut });
    const seen = await h.api('GET', `/api/livinglab/solutions/${solutionId}/ratings`);
    expect(seen.body).toMatchObject({ count: 1, averages: { fitness: '5.00', documentation: '4.00' }, reviews: [{ regionCode: GARUT, regionName: 'Kabupaten Garut', review: marks.review, answer: null }] });
    expect(seen.raw).not.toContain('livinglab@garutkab.test');
    const answer = { answer: 'Terima kasih; templat Perbup tenggat ada di perangkat belajar.' };
    // Only the owner answers: under Garut's own region the solution is not Garut's.
    expect((await h.api('PUT', `/api/regions/${GARUT}/livinglab/solutions/${solutionId}/ratings/${rated.body.id}/answer`, { body: answer, session: s.garut })).status).toBe(404);
    expect((await h.api('PUT', `/api/regions/32.11/livinglab/solutions/${solutionId}/ratings/${rated.body.id}/answer`, { body: answer, session: s.sumedang })).status).toBe(200);
    expect((await h.api('GET', `/api/livinglab/solutions/${solutionId}/ratings`)).body.reviews[0].answer).toBe(answer.answer);
    const curator = await h.signIn('kurator@jabarprov.demo');
    expect((await h.api('PUT', `/api/regions/32/livinglab/curation/${solutionId}/ratings/${rated.body.id}`, { body: { hidden: true, note: 'Memuat nama pegawai' }, session: curator })).status).toBe(200);
    expect((await h.api('GET', `/api/livinglab/solutions/${solutionId}/ratings`)).body).toMatchObject({ count: 0, reviews: [] });
    // The curator finds it again in the hidden list, with the note, and shows it again.
    const hidden = await h.api('GET', '/api/regions/32/livinglab/curation/hidden', { session: curator });
    expect(hidden.body.reviews).toEqual([expect.objectContaining({ id: rated.body.id, solutionId, regionCode: GARUT, review: marks.review, moderationNote: 'Memuat nama pegawai' })]);
    expect((await h.api('PUT', `/api/regions/32/livinglab/curation/${solutionId}/ratings/${rated.body.id}`, { body: { hidden: false }, session: curator })).status).toBe(200);
    expect((await h.api('GET', `/api/livinglab/solutions/${solutionId}/ratings`)).body.count).toBe(1);
  });

  it('shows Garut\'s figures before and after adopting, from the complaints module\'s own data, with the caveat', async () => {
    // Garut adopted in the second quarter; it answered 6 of 10 complaints on time in the first, 18 of 20 in the third.
    await h.ctx.database.rows(sql`update livinglab_adoptions set adopted_at = '2026-04-20T03:00:00Z' where region_code = ${GARUT}`);
    const [{ id: category }] = await rows<{ id: string }>(sql`select id from categories where region_code = ${GARUT} limit 1`);
    for (const [month, responded, inTime] of [['2026-02-01', 10, 6], ['2026-08-01', 20, 18]] as const) {
      await h.ctx.database.rows(sql`insert into complaint_stats (region_code, month, category_id, unit_id, district_code, received, open, resolved, rejected, merged, transferred,
        responded, responded_in_time, resolved_in_time, response_times, resolution_times) values
        (${GARUT}, ${month}, ${category}, ${garutUnit('PUPR')}, '*', ${responded}, 0, 0, 0, 0, 0, ${responded}, ${inTime}, 0, '{}', '{}')`);
    }
    const res = await h.api('GET', `/api/livinglab/solutions/${solutionId}/impact`);
    expect(res.status, res.raw).toBe(200);
    expect(res.body.caveat.id).toMatch(/bukan hubungan sebab-akibat/);
    const garut = res.body.adopters.find((a: { regionCode: string }) => a.regionCode === GARUT);
    const answered = garut.figures.find((f: { ref: string }) => f.ref === 'complaints.responded-in-time');
    expect(answered).toMatchObject({ before: { period: '2026-Q1', value: '60.00' }, after: { period: '2026-Q3', value: '90.00' } });
    // The SPBE index is yearly: the year before (nothing recorded), and no full year since.
    expect(garut.figures.find((f: { ref: string }) => f.ref === 'spbe.index')).toMatchObject({ before: { period: '2025', value: null }, after: null });
  });
});

// The Living Lab's catalogue and publishing: an officer drafts an
// application outside Pamong, adds its learning kit, publishes it; the
// public finds it by Indonesian full text (stemmed: "pengaduan" finds
// "adu") and filters, reads it and its kit without signing in, and takes the
// whole catalogue as open data (JSON, CSV for Excel). Drafts stay private;
// only the owner changes its solution; a curator of the province hides or
// features it, a curator of another province cannot; nothing is half-saved.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { multipart } from '../../../test/support/multipart.js';
import { enableRegion } from '../../platform/regions/service.js';

const R = '/api/regions/32.11/livinglab';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describeWithApp('Living Lab catalogue and publishing', (h) => {
  const s: Record<string, Session> = {};
  const app = {
    kind: 'application', title: 'Aplikasi antrean puskesmas daring', summary: 'Warga mengambil nomor antrean puskesmas dari ponsel.',
    description: 'Pengaduan antrean panjang berkurang setelah warga dapat mengambil nomor dari rumah.', domain: 'publik', sector: '1.02',
    application: { ownerUnit: 'Dinas Kesehatan', purpose: 'Antrean puskesmas', type: 'khusus', licence: 'AGPL-3.0-or-later', repository: 'https://git.example.id/antrean' },
    mentor: { name: 'Rina', contact: 'livinglab@sumedang.demo' },
  };

  beforeAll(async () => {
    s.officer = await h.signIn('livinglab@sumedang.demo');
    s.curator = await h.signIn('kurator@jabarprov.demo');
    await h.ctx.database.db.transaction(async (tx) => { await enableRegion(tx, '35'); await enableRegion(tx, '32.04'); });
    s.otherCurator = await h.sessionWithRole('35', 'livinglab_curator', 'kurator@jatimprov.test');
    s.bandungOfficer = await h.sessionWithRole('32.04', 'livinglab_officer', 'livinglab@bandungkab.test');
  });

  let id = '';
  it('drafts an application; the draft is the region\'s own until published', async () => {
    const created = await h.api('POST', `${R}/solutions`, { body: app, session: s.officer });
    expect(created.status, created.raw).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({ latestVersion: null, package: null, application: { duplicates: null, type: 'khusus' } });
    expect((await h.api('GET', `/api/livinglab/solutions/${id}`)).status).toBe(404);
    expect((await h.api('GET', `/api/livinglab/solutions?q=antrean`)).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    // Another region's officer, in its own region, with this id: nothing.
    expect((await h.api('GET', `/api/regions/32.04/livinglab/solutions/${id}`, { session: s.bandungOfficer })).status).toBe(404);
    expect((await h.api('PUT', `/api/regions/32.04/livinglab/solutions/${id}`, { body: app, session: s.bandungOfficer })).status).toBe(404);
    expect((await h.api('PUT', `${R}/solutions/${id}`, { body: app, session: s.bandungOfficer })).status).toBe(403);
  });

  it('refuses fields of the other kind, a package kind no module offers, and a sector that is not a bidang urusan', async () => {
    const wrong = await h.api('POST', `${R}/solutions`, { body: { ...app, packageKind: 'complaints.categories' }, session: s.officer });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('livinglab.wrong_kind');
    const unknown = await h.api('POST', `${R}/solutions`, { body: { ...app, kind: 'package', application: null, packageKind: 'surat.templat' }, session: s.officer });
    expect(unknown.body.error).toMatchObject({ code: 'livinglab.package_kind_unknown' });
    expect(unknown.body.error.message).toMatch(/tidak dikenal/);
    // A package of a category Sumedang does not have; a package of a region with nothing to package.
    const pkg = { ...app, kind: 'package', application: null, packageKind: 'complaints.categories' };
    const unknownKey = await h.api('POST', `${R}/solutions`, { body: { ...pkg, contentKeys: ['TIDAK-ADA'] }, session: s.officer });
    expect(unknownKey.status).toBe(422);
    expect(unknownKey.body.error).toMatchObject({ code: 'livinglab.candidate_unknown', details: { keys: ['TIDAK-ADA'] } });
    const empty = await h.api('POST', '/api/regions/32.04/livinglab/solutions', { body: pkg, session: s.bandungOfficer });
    expect(empty.body.error.code).toBe('livinglab.package_empty');
    const sector = await h.api('POST', `${R}/solutions`, { body: { ...app, sector: '9.99' }, session: s.officer });
    expect(sector.status).toBe(400);
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from livinglab_solutions where title = ${app.title}`);
    expect(n).toBe(1);
  });

  let fileId = '';
  it('takes kit files by their content: a PDF SOP yes, a "PDF" that is text no', async () => {
    const sop = multipart([{ name: 'bagian', json: { kind: 'sop', title: 'SOP antrean' } }, { name: 'berkas', fileName: 'sop.pdf', data: PDF }]);
    const ok = await h.api('POST', `${R}/solutions/${id}/kit`, { body: sop.body, headers: sop.headers, session: s.officer });
    expect(ok.status, ok.raw).toBe(201);
    fileId = ok.body.id;
    const fake = multipart([{ name: 'bagian', json: { kind: 'sop', title: 'Palsu' } }, { name: 'berkas', fileName: 'sop.pdf', data: Buffer.from('bukan pdf sama sekali') }]);
    const refused = await h.api('POST', `${R}/solutions/${id}/kit`, { body: fake.body, headers: fake.headers, session: s.officer });
    expect(refused.status).toBe(415);
    expect(refused.body.error.code).toBe('livinglab.kit_type');
    // A PDF is not a screenshot.
    const shot = multipart([{ name: 'bagian', json: { kind: 'screenshot', title: 'Layar' } }, { name: 'berkas', fileName: 'x.pdf', data: PDF }]);
    expect((await h.api('POST', `${R}/solutions/${id}/kit`, { body: shot.body, headers: shot.headers, session: s.officer })).body.error.code).toBe('livinglab.kit_type');
    expect((await h.api('GET', `/api/livinglab/solutions/${id}/kit/${fileId}`)).status).toBe(404);
  });

  it('publishes version 1; the public finds it by stemmed Indonesian words and filters, reads it and its kit', async () => {
    const pub = await h.api('POST', `${R}/solutions/${id}/publish`, { body: { changelog: 'Versi pertama' }, session: s.officer });
    expect(pub.status, pub.raw).toBe(200);
    expect(pub.body.latestVersion).toBe(1);
    // Publishing the same thing again makes no version.
    expect((await h.api('POST', `${R}/solutions/${id}/publish`, { body: {}, session: s.officer })).body.error.code).toBe('livinglab.unchanged');
    // "mengadu" shares its stem with "pengaduan" in the description.
    const found = await h.api('GET', '/api/livinglab/solutions?q=mengadu%20antrean&domain=publik&province=32');
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await h.api('GET', '/api/livinglab/solutions?q=antrean&province=35')).body.items).toEqual([]);
    expect((await h.api('GET', '/api/livinglab/solutions?q=antrean&domain=administrasi')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const bySector = await h.api('GET', '/api/livinglab/solutions?sector=1.02&region=32.11');
    expect(bySector.status, bySector.raw).toBe(200);
    expect(bySector.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    // No filter at all: the whole catalogue, newest first, counted.
    const everything = await h.api('GET', '/api/livinglab/solutions');
    expect(everything.status, everything.raw).toBe(200);
    expect(everything.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(everything.body.total).toBe(everything.body.items.length);
    const one = await h.api('GET', `/api/livinglab/solutions/${id}`);
    expect(one.body).toMatchObject({ region: { code: '32.11' }, version: 1, title: app.title, kit: [{ id: fileId, kind: 'sop', contentType: 'application/pdf' }], adopters: [] });
    const kit = await h.api('GET', `/api/livinglab/solutions/${id}/kit/${fileId}`);
    expect(kit.status).toBe(200);
    expect(kit.headers['content-type']).toBe('application/pdf');
    expect(kit.raw.startsWith('%PDF')).toBe(true);
  });

  it('keeps the published version while the draft changes; the next publication is version 2', async () => {
    await h.api('PUT', `${R}/solutions/${id}`, { body: { ...app, title: 'Antrean puskesmas dan rumah sakit daring' }, session: s.officer });
    expect((await h.api('GET', `/api/livinglab/solutions/${id}`)).body.title).toBe(app.title);
    expect((await h.api('POST', `${R}/solutions/${id}/publish`, { body: { changelog: 'Rumah sakit ikut' }, session: s.officer })).body.latestVersion).toBe(2);
    const now = await h.api('GET', `/api/livinglab/solutions/${id}`);
    expect(now.body).toMatchObject({ title: 'Antrean puskesmas dan rumah sakit daring', version: 2, versions: [{ number: 2 }, { number: 1 }] });
    expect((await h.api('GET', `/api/livinglab/solutions/${id}?version=1`)).body.title).toBe(app.title);
    expect((await h.api('DELETE', `${R}/solutions/${id}`, { session: s.officer })).body.error.code).toBe('livinglab.published_once');
  });

  it('exports the catalogue as open data: JSON, and CSV that Excel opens in Indonesian', async () => {
    const json = await h.api('GET', '/api/livinglab/catalogue.json');
    expect(json.status).toBe(200);
    const data = JSON.parse(json.raw);
    expect(data.solutions.find((x: { id: string }) => x.id === id)).toMatchObject({ regionCode: '32.11', version: 2, kind: 'application' });
    const csv = await h.api('GET', '/api/livinglab/catalogue.csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.raw.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0].split(';')).toContain('judul');
    expect(lines.some((l) => l.includes(id) && l.includes('AGPL-3.0-or-later'))).toBe(true);
    // No draft in the open data.
    expect(csv.raw).not.toContain('persuratan dinas (draf)');
  });

  it('lets the province\'s curator hide and feature it, with a note the owner reads; another province\'s curator cannot', async () => {
    const body = { featured: false, hidden: true, note: 'Tautan repositori mati; perbaiki lalu minta ditampilkan lagi.' };
    const other = await h.api('PUT', `/api/regions/35/livinglab/curation/${id}`, { body, session: s.otherCurator });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('livinglab.not_curator');
    // A curator acting in a region where they hold no role: refused before anything.
    expect((await h.api('PUT', `/api/regions/32/livinglab/curation/${id}`, { body, session: s.otherCurator })).status).toBe(403);
    expect((await h.api('PUT', `/api/regions/32/livinglab/curation/${id}`, { body, session: s.curator })).status).toBe(200);
    expect((await h.api('GET', `/api/livinglab/solutions/${id}`)).status).toBe(404);
    expect((await h.api('GET', `/api/livinglab/solutions/${id}/kit/${fileId}`)).status).toBe(404);
    const own = await h.api('GET', `${R}/solutions/${id}`, { session: s.officer });
    expect(own.body).toMatchObject({ hidden: true, curatorNote: body.note });
    // Gone from the catalogue, so the curator finds it in the hidden list (another province's curator does not).
    const hidden = await h.api('GET', '/api/regions/32/livinglab/curation/hidden', { session: s.curator });
    expect(hidden.body.solutions.map((x: { id: string; curatorNote: string }) => [x.id, x.curatorNote])).toContainEqual([id, body.note]);
    const elsewhere = await h.api('GET', '/api/regions/35/livinglab/curation/hidden', { session: s.otherCurator });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.solutions.map((x: { id: string }) => x.id)).not.toContain(id);
    await h.api('PUT', `/api/regions/32/livinglab/curation/${id}`, { body: { featured: true, hidden: false }, session: s.curator });
    const list = await h.api('GET', '/api/livinglab/solutions?province=32');
    expect(list.body.items[0]).toMatchObject({ id, featured: true });
    expect((await h.api('GET', '/api/regions/32/livinglab/curation/hidden', { session: s.curator })).body.solutions.map((x: { id: string }) => x.id)).not.toContain(id);
    const [{ n }] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'livinglab.curate' and region_code = '32.11'`);
    expect(n).toBe(2);
  });
});

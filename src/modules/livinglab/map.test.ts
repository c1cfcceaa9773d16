// The adoption map and the lineage graph, for anyone: Sumedang (32.11)
// publishes; Kota and Kabupaten Bandung adopted its complaint categories (the
// showcase's adoptions), Surabaya adopts its village attendance application
// through the API, Semarang applied a package file from another installation.
// The map counts per province what was published and adopted, the lineage
// names who adopted from whom; a draft, and a solution a curator hides, never
// count nor show; the outlines cover every province of the area registry.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { enableRegion } from '../../platform/regions/service.js';
import { seedLivinglabShowcase } from './demo.js';
import { livinglabAdoptions, livinglabSolutions } from './schema.js';
import { provinceOutlines } from './service/map.js';
import { projector, ringArea, ringPath, simplify, type Point } from '../../platform/geometry.js';

interface Province { code: string; name: string; solutions: number; adoptions: number; adopters: number }
interface Regency { code: string; name: string; solutions: number; adoptions: number; d: string | null }
interface Edge { from: { code: string | null; name: string; installation: string | null }; to: { code: string; name: string }; solutionId: string | null; title: string; version: number; adoptedAt: string }

describeWithApp('Living Lab adoption map and lineage', (h) => {
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  const map = async (query = '') => {
    const res = await h.api('GET', `/api/livinglab/map${query}`);
    expect(res.status, res.raw).toBe(200);
    return Object.fromEntries((res.body.provinces as Province[]).map((p) => [p.code, p])) as Record<string, Province>;
  };
  /** One province's kabupaten/kota map: its regencies by code, and the answer. */
  const regencies = async (province: string, query = '') => {
    const res = await h.api('GET', `/api/livinglab/map/provinces/${province}${query}`);
    expect(res.status, res.raw).toBe(200);
    const byCode: Record<string, Regency> & { $?: never } = Object.fromEntries((res.body.regencies as Regency[]).map((r) => [r.code, r]));
    return Object.assign(byCode, { $: res.body }) as Record<string, Regency> & { $: any };
  };
  const edges = async (query = '') => {
    const res = await h.api('GET', `/api/livinglab/lineage${query}`);
    expect(res.status, res.raw).toBe(200);
    return res.body.edges as Edge[];
  };

  beforeAll(async () => {
    const db = h.ctx.database.db;
    await db.transaction(async (tx) => { for (const r of ['32.73', '32.04', '35.78', '33.74', '36.71']) await enableRegion(tx, r); });
    await db.transaction((tx) => seedLivinglabShowcase(tx, '32.11', ['32.73', '32.04'], h.clock.now()));
    s.surabaya = await h.sessionWithRole('35.78', 'livinglab_officer', 'livinglab@surabaya.test');
    s.curator = await h.signIn('kurator@jabarprov.demo');
    const sumedang = await db.select({ id: livinglabSolutions.id, title: livinglabSolutions.title, kind: livinglabSolutions.kind, packageKind: livinglabSolutions.packageKind, latest: livinglabSolutions.latestVersion })
      .from(livinglabSolutions).where(eq(livinglabSolutions.regionCode, '32.11'));
    ids.categories = sumedang.find((x) => x.packageKind === 'complaints.categories')!.id;
    ids.attendance = sumedang.find((x) => x.kind === 'application' && x.latest !== null)!.id;
    ids.draft = sumedang.find((x) => x.latest === null)!.id;
    const adopted = await h.api('POST', '/api/regions/35.78/livinglab/adoptions', { body: { solutionId: ids.attendance, version: 1 }, session: s.surabaya });
    expect(adopted.status, adopted.raw).toBe(201);
    const at = h.clock.now();
    await db.insert(livinglabAdoptions).values([
      // A package file from another installation: only what the file said.
      { regionCode: '33.74', solutionId: null, sourceRegion: null, source: { installation: 'https://pamong.contoh.go.id', region: 'Kabupaten Contoh', title: 'Kategori pengaduan Kabupaten Contoh', packageKind: 'complaints.categories' },
        version: 3, unitMap: { DLH: '00000000-0000-4000-8000-000000000001' }, adoptedAt: at, updatedAt: at },
      // A row naming Sumedang's draft (the API refuses adopting a draft): it must not leak through the map.
      { regionCode: '36.71', solutionId: ids.draft, sourceRegion: '32.11', source: { installation: null, region: 'Kabupaten Sumedang', title: 'Aplikasi persuratan dinas (draf)', packageKind: null },
        version: 1, adoptedAt: at, updatedAt: at },
    ]);
  });

  it('counts per province what its regions published and adopted, drafts left out', async () => {
    const published = (await h.api('GET', '/api/livinglab/solutions?province=32')).body.total as number;
    expect(published).toBeGreaterThanOrEqual(2);
    const p = await map();
    expect(Object.keys(p)).toHaveLength(38);
    expect(p['32']).toEqual({ code: '32', name: 'Jawa Barat', solutions: published, adoptions: 2, adopters: 2 });
    expect(p['35']).toMatchObject({ solutions: 0, adoptions: 1, adopters: 1 });
    expect(p['33']).toMatchObject({ solutions: 0, adoptions: 1, adopters: 1 });
    expect(p['36']).toMatchObject({ adoptions: 0, adopters: 0 });
    expect(p['11']).toMatchObject({ solutions: 0, adoptions: 0 });
    // By module and by solution.
    const complaints = await map('?module=complaints');
    expect([complaints['32'].solutions, complaints['32'].adoptions, complaints['35'].adoptions, complaints['33'].adoptions]).toEqual([1, 2, 0, 1]);
    const one = await map(`?solution=${ids.attendance}`);
    expect([one['32'].solutions, one['32'].adoptions, one['35'].adoptions, one['33'].adoptions]).toEqual([1, 0, 1, 0]);
    const apps = await map('?kind=application');
    expect([apps['32'].adoptions, apps['35'].adoptions, apps['33'].adoptions]).toEqual([0, 1, 0]);
  });

  it('counts per kabupaten/kota of one province what its government published and adopted, drafts left out, on outlines with their attribution', async () => {
    const published = (await h.api('GET', '/api/livinglab/solutions?province=32')).body.total as number;
    const jabar = await regencies('32');
    expect(jabar.$.level).toBe('regency');
    expect(jabar.$.regencies).toHaveLength(27);
    expect(jabar.$.regencies.every((r: Regency) => r.d !== null && r.d.startsWith('M'))).toBe(true);
    expect(jabar.$.viewBox).toMatch(/^0 0 1000 \d+$/);
    expect(jabar.$.attribution.id).toContain('CC BY 3.0 IGO');
    expect(jabar.$.attribution.en).toContain('geoBoundaries');
    // Sumedang published every Jawa Barat solution (the showcase); Kota and Kabupaten Bandung adopted one each.
    expect(jabar['32.11']).toMatchObject({ name: 'Kabupaten Sumedang', solutions: published, adoptions: 0 });
    expect(jabar['32.73']).toMatchObject({ name: 'Kota Bandung', solutions: 0, adoptions: 1 });
    expect(jabar['32.04']).toMatchObject({ solutions: 0, adoptions: 1 });
    expect(jabar.$.province).toEqual({ code: '32', name: 'Jawa Barat', solutions: 0, adoptions: 0 });
    expect(jabar.$.regencies.filter((r: Regency) => r.solutions + r.adoptions > 0).map((r: Regency) => r.code)).toEqual(['32.04', '32.11', '32.73']);
    // The province map's sums are the kabupaten/kota's plus the provincial government's.
    const p = await map();
    const sum = (k: 'solutions' | 'adoptions') => jabar.$.province[k] + jabar.$.regencies.reduce((n: number, r: Regency) => n + r[k], 0);
    expect([sum('solutions'), sum('adoptions')]).toEqual([p['32'].solutions, p['32'].adoptions]);
    // Elsewhere: Surabaya's adoption, Semarang's package file; Kota Serang's row naming a draft does not count.
    expect((await regencies('35'))['35.78']).toMatchObject({ name: 'Kota Surabaya', adoptions: 1 });
    expect((await regencies('33'))['33.74']).toMatchObject({ adoptions: 1 });
    const banten = await regencies('36');
    expect(banten['36.71'].adoptions).toBe(0);
    expect(banten.$.regencies.every((r: Regency) => r.solutions === 0 && r.adoptions === 0)).toBe(true);
    // The same filters as the province map.
    const complaints = await regencies('32', '?module=complaints');
    expect([complaints['32.11'].solutions, complaints['32.73'].adoptions, complaints['32.04'].adoptions]).toEqual([1, 1, 1]);
    const apps = await regencies('32', '?kind=application');
    expect([apps['32.11'].solutions, apps['32.73'].adoptions]).toEqual([(await map('?kind=application'))['32'].solutions, 0]);
    expect(apps['32.11'].solutions).toBeGreaterThan(0);
    const one = await regencies('35', `?solution=${ids.attendance}`);
    expect(one['35.78'].adoptions).toBe(1);
    expect((await regencies('32', `?solution=${ids.attendance}`))['32.73'].adoptions).toBe(0);
  });

  it('answers an unknown province 404 and a malformed one 400, to anyone', async () => {
    const unknown = await h.api('GET', '/api/livinglab/map/provinces/99');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'livinglab.province_not_found', message: expect.stringMatching(/tidak ada/) });
    for (const bad of ['3', '32.73', 'jabar', '320']) expect((await h.api('GET', `/api/livinglab/map/provinces/${bad}`)).status, bad).toBe(400);
    expect((await h.api('GET', '/api/livinglab/map/provinces/32?kind=semua')).status).toBe(400);
  });

  it('draws the lineage from source to adopter, a package file as its file said, nothing private', async () => {
    const all = await edges();
    expect(all.map((e) => `${e.from.code ?? e.from.installation} → ${e.to.code}`).sort()).toEqual(['32.11 → 32.04', '32.11 → 32.73', '32.11 → 35.78', 'https://pamong.contoh.go.id → 33.74']);
    const bandung = all.find((e) => e.to.code === '32.73')!;
    expect(bandung).toMatchObject({ from: { code: '32.11', name: 'Kabupaten Sumedang', installation: null }, to: { name: 'Kota Bandung' }, solutionId: ids.categories, title: 'Kategori pengaduan dan tenggat Sumedang', version: 1 });
    expect(all.find((e) => e.to.code === '33.74')).toMatchObject({ from: { code: null, name: 'Kabupaten Contoh' }, solutionId: null, title: 'Kategori pengaduan Kabupaten Contoh', version: 3 });
    const raw = (await h.api('GET', '/api/livinglab/lineage')).raw;
    expect(raw).not.toContain('Aplikasi persuratan dinas');
    expect(raw).not.toContain(ids.draft);
    expect(raw).not.toContain('00000000-0000-4000-8000-000000000001'); // the adopter's unit mapping
    expect(Object.keys(bandung).sort()).toEqual(['adoptedAt', 'from', 'packageKind', 'solutionId', 'title', 'to', 'updatedAt', 'version']);
    expect((await edges(`?solution=${ids.categories}`)).map((e) => e.to.code).sort()).toEqual(['32.04', '32.73']);
    expect((await edges('?module=complaints')).map((e) => e.to.code).sort()).toEqual(['32.04', '32.73', '33.74']);
  });

  it('stops counting and showing a solution a curator hides', async () => {
    const before = await map();
    const hide = await h.api('PUT', `/api/regions/32/livinglab/curation/${ids.attendance}`, { body: { featured: false, hidden: true, note: 'Ditinjau' }, session: s.curator });
    expect(hide.status, hide.raw).toBe(200);
    const after = await map();
    expect(after['32'].solutions).toBe(before['32'].solutions - 1);
    expect(after['35']).toMatchObject({ adoptions: 0, adopters: 0 });
    // The kabupaten/kota map too: Sumedang's count and Surabaya's adoption drop.
    expect((await regencies('32'))['32.11'].solutions).toBe(before['32'].solutions - 1);
    expect((await regencies('35'))['35.78'].adoptions).toBe(0);
    expect((await edges()).map((e) => e.to.code)).not.toContain('35.78');
    expect(await edges(`?solution=${ids.attendance}`)).toEqual([]);
    await h.api('PUT', `/api/regions/32/livinglab/curation/${ids.attendance}`, { body: { featured: false, hidden: false }, session: s.curator });
    expect((await map())['35'].adoptions).toBe(1);
    const [row] = await h.ctx.database.db.select({ hidden: livinglabSolutions.hidden }).from(livinglabSolutions).where(and(eq(livinglabSolutions.regionCode, '32.11'), eq(livinglabSolutions.id, ids.attendance)));
    expect(row.hidden).toBe(false);
  });

  it('refuses filters that are not one, and serves the outlines to anyone', async () => {
    for (const q of ['?solution=bukan-uuid', '?module=Complaints', '?module=a.b', '?kind=semua']) {
      expect((await h.api('GET', `/api/livinglab/map${q}`)).status, q).toBe(400);
      expect((await h.api('GET', `/api/livinglab/lineage${q}`)).status, q).toBe(400);
    }
    const outlines = await h.api('GET', '/api/livinglab/map/outlines');
    expect(outlines.status).toBe(200);
    expect(outlines.headers['cache-control']).toBe('public, max-age=86400');
    expect(outlines.body.provinces.find((p: { code: string }) => p.code === '32').covers).toEqual(['32']);
  });
});

describe('Province outlines (reference/provinsi-peta.json)', () => {
  it('draws every province of the area registry, the newer ones within their parent, in under 150 KB', () => {
    const require = createRequire(import.meta.url);
    const csv = readFileSync(join(dirname(require.resolve('idn-area-data/package.json')), 'data', 'provinces.csv'), 'utf8');
    const codes = csv.split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(',')[0]);
    expect(codes).toHaveLength(38);
    const covered = provinceOutlines.provinces.flatMap((p) => p.covers);
    expect([...covered].sort()).toEqual([...codes].sort()); // each once
    for (const p of provinceOutlines.provinces) {
      expect(p.covers[0]).toBe(p.code);
      expect(p.d).toMatch(/^M[\d.]+ [\d.]+l[-\d. ]+z(M[\d.]+ [\d.]+l[-\d. ]+z)*$/);
    }
    expect(provinceOutlines.provinces.find((p) => p.code === '91')!.covers).toEqual(['91', '93', '94', '95']);
    expect(provinceOutlines.provinces.find((p) => p.code === '92')!.covers).toEqual(['92', '96']);
    expect(provinceOutlines.provinces.find((p) => p.code === '64')!.covers).toEqual(['64', '65']);
    expect(readFileSync(new URL('./reference/provinsi-peta.json', import.meta.url)).length).toBeLessThan(150_000);
    // Aceh is west of Papua, Jawa Barat south of Kalimantan Barat.
    const start = (code: string) => provinceOutlines.provinces.find((p) => p.code === code)!.d.match(/^M([\d.]+) ([\d.]+)/)!.slice(1).map(Number);
    expect(start('11')[0]).toBeLessThan(start('91')[0]);
    expect(start('32')[1]).toBeGreaterThan(start('61')[1]);
  });

  it('projects, simplifies and writes rings as short SVG paths', () => {
    const project = projector(95, 6, 10, 0);
    expect(project([95, 6])).toEqual([0, 0]);
    expect(project([100, -4])).toEqual([50, 100]);
    expect(projector(95, 6, 10, 60)([105, 6])[0]).toBeCloseTo(50);
    // Points within the tolerance of the line go; a real corner stays; both ends always stay.
    const line: Point[] = [[0, 0], [1, 0.05], [2, -0.05], [3, 0], [3, 3]];
    expect(simplify(line, 0.1)).toEqual([[0, 0], [3, 0], [3, 3]]);
    expect(simplify(line, 0.01)).toEqual(line);
    expect(ringArea([[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]])).toBe(12);
    expect(ringPath([[0, 0], [4, 0], [4, 3.04], [0, 3], [0, 0]])).toBe('M0 0l4 0 0 3-4 0z');
  });
});

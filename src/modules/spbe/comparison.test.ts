// Published history (CSV import and the seeded national series), trends with
// framework breaks, rankings and a region's standing among its peers.
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp, type Session } from '../../../test/harness.js';

const csv = (lines: string[]) => ({ body: lines.join('\n') + '\n', headers: { 'content-type': 'text/csv' } });

describeWithApp('SPBE comparison and history', (h) => {
  const s: Record<string, Session> = {};

  beforeAll(async () => {
    s.admin = await h.signIn('admin@pamong.demo');
    s.spbe = await h.signIn('spbe@sumedang.demo');
    s.bupati = await h.signIn('bupati@sumedang.demo');
  });

  it('starts every database with the national series 2018-2024 and a visible framework break in 2021', async () => {
    const res = await h.api('GET', '/api/spbe/trend?region=00');
    expect(res.status).toBe(200);
    expect(res.body.region).toMatchObject({ code: '00', name: 'Nasional' });
    expect(res.body.points.map((p: any) => [p.year, p.index, p.framework.code, p.frameworkChanged])).toEqual([
      [2018, 1.98, 'spbe-2018', false], [2019, 2.18, 'spbe-2018', false], [2020, 2.26, 'spbe-2018', false],
      [2021, 2.24, 'spbe-2020', true], [2022, 2.34, 'spbe-2020', false], [2023, 2.79, 'spbe-2020', false], [2024, 3.12, 'spbe-2020', false],
    ]);
    // Predicates come from the 59/2020 bands where the version is known.
    expect(res.body.points.map((p: any) => p.predicate?.id ?? null)).toEqual([null, null, null, 'Cukup', 'Cukup', 'Baik', 'Baik']);
  });

  it('imports published history for many regions, all or nothing', async () => {
    const bad = await h.api('POST', '/api/spbe/results/import', {
      session: s.admin,
      ...csv(['region_code,year,framework_version,index', '32.73,2024,spbe-2020@1,4.10', '32.99,2024,spbe-2020@1,3', '32.04,2024,spbe-2020@7,3.2', '32.79,2024,spbe-2020@1,3.45']),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('spbe.import_invalid');
    expect(bad.body.error.details.problems).toEqual([
      { line: 3, message: { id: 'region_code 32.99 bukan provinsi atau kabupaten/kota', en: 'region_code 32.99 is not a province or regency/city' } },
      { line: 4, message: { id: 'versi spbe-2020@7 tidak dikenal', en: 'unknown version spbe-2020@7' } },
    ]);
    expect((await h.api('GET', '/api/spbe/trend?region=32.73')).body.points).toEqual([]);

    const ok = await h.api('POST', '/api/spbe/results/import', {
      session: s.admin,
      ...csv([
        'region_code,year,framework_version,index,domain:D1,domain:D2,domain:D3,domain:D4',
        '32,2024,spbe-2020@1,3.90,,,,',
        '32.73,2024,spbe-2020@1,4.10,4.2,4.0,3.9,4.2',
        '32.04,2024,spbe-2020@1,3.20,3.0,3.1,2.9,3.4',
        '32.79,2024,spbe-2020@1,3.45,,,,',
        '33.01,2024,spbe-2020@1,2.90,,,,',
        '32.11,2024,spbe-2020@1,3.45,3.5,3.2,3.1,3.6',
        '32.11,2023,spbe-2020@1,3.02,,,,',
        '32.11,2020,spbe-2018,2.10,,,,',
      ]),
    });
    expect(ok.body).toEqual({ imported: 8 });
    expect((await h.api('POST', '/api/spbe/results/import', { session: s.spbe, ...csv(['region_code,year,framework_version,index', '32.11,2022,spbe-2020@1,2.9']) })).status).toBe(403);
  });

  it('lets a region import only its own history and never over an evaluation result', async () => {
    const R = '/api/regions/32.11/spbe/results/import';
    const mixed = await h.api('POST', R, { session: s.spbe, ...csv(['kode_wilayah;tahun;versi_kerangka;indeks', '32.11;2022;spbe-2020@1;2,90', '32.73;2022;spbe-2020@1;4,00', '32.11;2025;spbe-2020@1;3,00']) });
    expect(mixed.body.error.details.problems).toEqual([
      { line: 3, message: { id: 'region_code 32.73: impor ini hanya untuk 32.11', en: 'region_code 32.73: this import is for 32.11 only' } },
      { line: 4, message: { id: '32.11 2025 sudah memiliki hasil dari evaluasi', en: '32.11 2025 already has a result from an evaluation' } },
    ]);
    const own = await h.api('POST', R, { session: s.spbe, ...csv(['kode_wilayah;tahun;versi_kerangka;indeks', '32.11;2022;spbe-2020@1;2,90']) });
    expect(own.body).toEqual({ imported: 1 });
  });

  it('shows a region\'s trend with the framework break, next to the national series', async () => {
    const res = (await h.api('GET', '/api/spbe/trend?region=32.11')).body;
    // 2025 is the demo region's published evaluation.
    expect(res.points.map((p: any) => [p.year, p.index, p.source, p.frameworkChanged])).toEqual([
      [2020, 2.1, 'import', false], [2022, 2.9, 'import', true], [2023, 3.02, 'import', false], [2024, 3.45, 'import', false], [2025, expect.any(Number), 'evaluation', false],
    ]);
    expect(res.national).toHaveLength(7);
  });

  it('ranks published results by index, domain and within a province or kind', async () => {
    const all = (await h.api('GET', '/api/spbe/rankings?year=2024')).body;
    expect(all).toMatchObject({ year: 2024, by: 'index', framework: 'spbe-2020', national: 3.12 });
    expect(all.rows.map((r: any) => [r.rank, r.regionCode, r.value])).toEqual([
      [1, '32.73', 4.1], [2, '32', 3.9], [3, '32.11', 3.45], [3, '32.79', 3.45], [5, '32.04', 3.2], [6, '33.01', 2.9],
    ]);
    expect(all.rows[0]).toMatchObject({ name: 'Kota Bandung', kind: 'kota', parentCode: '32', predicate: { id: 'Sangat Baik', en: 'Very good' } });
    const province = (await h.api('GET', '/api/spbe/rankings?year=2024&province=32')).body.rows.map((r: any) => r.regionCode);
    expect(province).toEqual(['32.73', '32.11', '32.79', '32.04']);
    const kota = (await h.api('GET', '/api/spbe/rankings?year=2024&kind=kota')).body.rows.map((r: any) => [r.rank, r.regionCode]);
    expect(kota).toEqual([[1, '32.73'], [2, '32.79']]);
    const d4 = (await h.api('GET', '/api/spbe/rankings?year=2024&by=domain&code=D4')).body;
    expect(d4.rows.map((r: any) => [r.rank, r.regionCode, r.value])).toEqual([[1, '32.73', 4.2], [2, '32.11', 3.6], [3, '32.04', 3.4]]);
    expect((await h.api('GET', '/api/spbe/rankings?year=2024&by=aspect')).status).toBe(400);
  });

  it('places the region among all regions, its province and its kind', async () => {
    const res = (await h.api('GET', '/api/regions/32.11/spbe/comparison?year=2024', { session: s.bupati })).body;
    expect(res.own).toMatchObject({ index: 3.45, published: true });
    expect(res.scopes.map((x: any) => [x.scope, x.rank, x.of, x.count, x.mean.index])).toEqual([
      ['all', 3, 6, 5, 3.51], // (3.9 + 4.1 + 3.2 + 3.45 + 2.9) / 5
      ['province', 2, 4, 3, 3.58], // (4.1 + 3.2 + 3.45) / 3
      ['kind', 1, 3, 2, 3.05], // kabupaten: 32.04, 33.01
    ]);
    expect(res.scopes[1].mean.domains).toEqual({ D1: 3.6, D2: 3.55, D3: 3.4, D4: 3.8 });
  });

  it('counts the region\'s own unpublished result for its staff only', async () => {
    expect((await h.api('PUT', '/api/regions/32.11/spbe/results/2024/publication', { session: s.spbe, body: { published: false } })).status).toBe(200);
    const mine = (await h.api('GET', '/api/regions/32.11/spbe/comparison?year=2024', { session: s.bupati })).body;
    expect([mine.own.published, mine.scopes[1].rank]).toEqual([false, 2]);
    expect((await h.api('GET', '/api/spbe/rankings?year=2024&province=32')).body.rows.map((r: any) => r.regionCode)).toEqual(['32.73', '32.79', '32.04']);
    expect((await h.api('GET', '/api/spbe/trend?region=32.11')).body.points.map((p: any) => p.year)).toEqual([2020, 2022, 2023, 2025]);
    const missing = await h.api('PUT', '/api/regions/32.11/spbe/results/2019/publication', { session: s.spbe, body: { published: true } });
    expect(missing.body.error.code).toBe('spbe.result_not_found');
  });

  it('shows the demo region\'s shared practice to everyone', async () => {
    const leaders = (await h.api('GET', '/api/spbe/leaders?framework=spbe-2020&indicator=44')).body;
    expect(leaders.map((l: any) => [l.regionCode, l.year, l.level])).toEqual([['32.11', 2025, 5]]);
    expect(leaders[0].evidence.map((e: any) => e.fileName)).toEqual(['sop-pengaduan-terpadu.pdf']);
    const file = await h.app.inject({ method: 'GET', url: leaders[0].evidence[0].url });
    expect([file.statusCode, file.headers['content-type'], file.headers['x-content-type-options']]).toEqual([200, 'application/pdf', 'nosniff']);
  });
});

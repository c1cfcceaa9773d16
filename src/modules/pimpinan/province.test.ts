// The province's page: its kabupaten/kota side by side from the figures'
// snapshot, each figure saying when it was taken, ranked where better is
// known, one figure's monthly history, and the governor's own attention
// list; for the province's head of region only, never another province's
// children, and only for a province.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from '../../../test/harness.js';
import { listTiles } from '../../platform/modules/tiles.js';
import { enableRegion } from '../../platform/regions/service.js';
import { sweepFigures } from './service/figures.js';
import { provinceMap } from './service/map.js';
import { AppError, errorMessages } from '../../platform/errors.js';

const P = '/api/regions/32/pimpinan/provinsi';

describeWithApp('province\'s page', (h) => {
  const sweepAll = async () => { while (await sweepFigures(h.ctx) > 0); };

  it('shows the governor each enabled kabupaten/kota with its latest figures, saying when each was taken', async () => {
    await enableRegion(h.ctx.database.db, '32.73');
    await enableRegion(h.ctx.database.db, '33');
    await enableRegion(h.ctx.database.db, '33.74');
    const governor = await h.signIn('gubernur@jabarprov.demo');
    // Before any sweep the page stands, honestly empty.
    const empty = (await h.api('GET', P, { session: governor })).body as any;
    expect(empty.regions.map((r: any) => [r.code, r.figures])).toEqual([['32.11', []], ['32.73', []]]);

    await sweepAll();
    const taken = h.clock.now().toISOString();
    h.clock.advance(5 * 60_000);
    const res = await h.api('GET', P, { session: governor });
    expect(res.status).toBe(200);
    const page = res.body as any;
    expect(page.province).toEqual({ code: '32', name: expect.stringMatching(/jawa barat/i) });
    // Jawa Barat's kabupaten/kota only, by name (Kabupaten before Kota); never Jawa Tengah's Semarang nor the province itself.
    expect(page.regions.map((r: any) => r.code)).toEqual(['32.11', '32.73']);
    expect(page.tiles.map((t: any) => t.ref)).toEqual(listTiles().map((t) => `${t.module}.${t.tile.key}`));
    for (const region of page.regions) {
      expect(region.figures.map((f: any) => f.ref)).toEqual(page.tiles.map((t: any) => t.ref));
      for (const f of region.figures) expect(f.takenAt).toBe(taken);
      // The governor holds no role in a kabupaten: no link to its leader's page.
      expect(region.leaderPage).toBe(false);
    }
    // The figures are Sumedang's own, as its head of region reads them live.
    const live = (await h.api('GET', '/api/regions/32.11/pimpinan', { session: await h.signIn('bupati@sumedang.demo') })).body as any;
    const sumedang = page.regions.find((r: any) => r.code === '32.11');
    const received = (figures: any[]) => figures.find((f: any) => f.ref === 'complaints.received-this-month').value;
    expect(received(sumedang.figures)).toBe(live.modules.find((m: any) => m.module === 'complaints').tiles.find((t: any) => t.key === 'received-this-month').value);
    expect(page.history).toBeNull();
    expect(Array.isArray(page.attention)).toBe(true);
  });

  it('ranks the kabupaten/kota on every figure whose better direction is known', async () => {
    const page = (await h.api('GET', P, { session: await h.signIn('gubernur@jabarprov.demo') })).body as any;
    for (const tile of page.tiles) {
      const values = page.regions.map((r: any) => r.figures.find((f: any) => f.ref === tile.ref));
      if (!tile.better) {
        for (const f of values) expect(f.rank).toBeNull();
        continue;
      }
      const known = values.filter((f: any) => f.value !== null);
      const best = [...known].sort((a: any, b: any) => (tile.better === 'higher' ? b.value - a.value : a.value - b.value))[0];
      if (best) expect(best.rank).toBe(1);
      for (const f of values) expect(f.rank === null).toBe(f.value === null);
    }
    expect(page.tiles.some((t: any) => t.better)).toBe(true);
  });

  it('gives a figure\'s last reading per month for each kabupaten/kota, twelve months ending with this one', async () => {
    const governor = await h.signIn('gubernur@jabarprov.demo');
    const res = await h.api('GET', `${P}?tile=complaints.received-this-month`, { session: governor });
    expect(res.status).toBe(200);
    const { history, regions } = res.body as any;
    expect(history.months).toHaveLength(12);
    expect(history.months.at(-1)).toBe('2026-11');
    expect(history.months[0]).toBe('2025-12');
    const sumedang = history.regions.find((r: any) => r.code === '32.11');
    expect(sumedang.values.slice(0, 11)).toEqual(Array(11).fill(null));
    expect(sumedang.values[11]).toBe(regions.find((r: any) => r.code === '32.11').figures.find((f: any) => f.ref === 'complaints.received-this-month').value);
    expect(history.regions.map((r: any) => r.code).sort()).toEqual(['32.11', '32.73']);

    const bad = async (url: string) => { const r = await h.api('GET', url, { session: governor }); return [r.status, (r.body as any).error?.code]; };
    expect(await bad(`${P}?tile=tidak.ada`)).toEqual([404, 'pimpinan.tile_not_found']);
  });

  it('is the province\'s own: refused to a kabupaten\'s head, to the governor elsewhere, and only for a province', async () => {
    const bupati = await h.signIn('bupati@sumedang.demo');
    const refused = await h.api('GET', P, { session: bupati });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'auth.forbidden']);
    const governor = await h.signIn('gubernur@jabarprov.demo');
    expect((await h.api('GET', '/api/regions/33/pimpinan/provinsi', { session: governor })).status).toBe(403);
    expect((await h.api('GET', P)).status).toBe(401);
    // Another province's head sees its own children only.
    const jateng = await h.sessionWithRole('33', 'head_of_region', 'gubernur@jatengprov.uji');
    const own = (await h.api('GET', '/api/regions/33/pimpinan/provinsi', { session: jateng })).body as any;
    expect(own.regions.map((r: any) => r.code)).toEqual(['33.74']);
    expect((await h.api('GET', P, { session: jateng })).status).toBe(403);
    // A kabupaten has no province's page, even for its own head.
    const kab = await h.api('GET', '/api/regions/32.11/pimpinan/provinsi', { session: bupati });
    expect([kab.status, kab.body.error.code]).toEqual([422, 'pimpinan.not_province']);
  });

  it('links a kabupaten/kota to its leader\'s page for a reader who may see it', async () => {
    const both = await h.sessionWithRole('32', 'head_of_region', 'kepala.staf@jabarprov.uji');
    const page = (await h.api('GET', P, { session: both })).body as any;
    expect(page.regions.map((r: any) => r.leaderPage)).toEqual([false, false]);
    const admin = await h.signIn('admin@pamong.demo');
    const all = (await h.api('GET', P, { session: admin })).body as any;
    expect(all.regions.map((r: any) => r.leaderPage)).toEqual([true, true]);
  });

  it('gives the governor an outline of every kabupaten/kota of the province, with the licence\'s attribution, cacheable for a day', async () => {
    const governor = await h.signIn('gubernur@jabarprov.demo');
    const res = await h.api('GET', `${P}/peta`, { session: governor });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    const map = res.body as any;
    expect(map.province).toEqual({ code: '32', name: expect.stringMatching(/jawa barat/i) });
    expect(map.viewBox).toMatch(/^0 0 1000 \d+$/);
    expect(map.attribution.id).toContain('CC BY 3.0 IGO');
    expect(map.attribution.en).toContain('geoBoundaries');
    // Every kabupaten/kota of Jawa Barat in the area registry (not only those using Pamong), each drawn.
    const registry = await h.ctx.database.rows<{ code: string }>(sql`select code from areas where parent_code = '32' and level = 'regency' order by code`);
    expect(registry.map((r) => r.code)).toEqual([...Array.from({ length: 18 }, (_, i) => `32.${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 9 }, (_, i) => `32.${71 + i}`)]);
    expect(map.areas.map((a: any) => a.code)).toEqual(registry.map((r) => r.code));
    for (const a of map.areas) expect(a.d, a.code).toMatch(/^(M\d+ \d+l[-\d ]+z)+$/);
    expect(map.areas.find((a: any) => a.code === '32.11').name).toMatch(/sumedang/i);
  });

  it('keeps the map to the province\'s own readers, and to a province that has one', async () => {
    const bupati = await h.signIn('bupati@sumedang.demo');
    expect((await h.api('GET', `${P}/peta`, { session: bupati })).status).toBe(403);
    expect((await h.api('GET', `${P}/peta`)).status).toBe(401);
    const governor = await h.signIn('gubernur@jabarprov.demo');
    expect((await h.api('GET', '/api/regions/33/pimpinan/provinsi/peta', { session: governor })).status).toBe(403);
    const kab = await h.api('GET', '/api/regions/32.11/pimpinan/provinsi/peta', { session: bupati });
    expect([kab.status, kab.body.error.code]).toEqual([422, 'pimpinan.not_province']);
    // A province the outlines do not know (one made after they were drawn) is told so, in both languages.
    const unknown = await provinceMap(h.ctx, { code: '99', name: 'Provinsi Baru', kind: 'provinsi' } as any).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(AppError);
    expect((unknown as AppError).code).toBe('pimpinan.map_missing');
    expect((unknown as AppError).status).toBe(404);
    expect(errorMessages('pimpinan.map_missing')).toEqual({ id: expect.stringContaining('batas kabupaten/kota'), en: expect.stringContaining('kabupaten/kota boundaries') });
  });
});

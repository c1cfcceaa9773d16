// The head of region's page: every module's figures for the region (each
// saying how it is computed and when), what waits on the reader, and a
// figure's trend by month or year; for the head of region, their delegates
// and platform admins only, never for another region's leader.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from '../../../test/harness.js';
import { listTiles } from '../../platform/modules/tiles.js';
import { modules } from '../../platform/modules/registry.js';
import { pdfRuns } from '../../../test/support/pdf.js';
import { enableRegion } from '../../platform/regions/service.js';

const R = '/api/regions/32.11';

describeWithApp('leader\'s page', (h) => {
  it('gives the head of region every module\'s figures in registry order, each saying how and when', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const res = await h.api('GET', `${R}/pimpinan`, { session: head });
    expect(res.status).toBe(200);
    const page = res.body as any;
    expect(page.region).toEqual({ code: '32.11', name: expect.stringContaining('Sumedang'), kind: 'kabupaten' });
    const shown = page.modules.flatMap((m: any) => m.tiles.map((t: any) => `${m.module}.${t.key}`));
    expect(shown).toEqual(listTiles().map((t) => `${t.module}.${t.tile.key}`));
    // One group per module, in registry order, named in both languages.
    expect(new Set(page.modules.map((m: any) => m.module)).size).toBe(page.modules.length);
    for (const m of page.modules) expect(m.title.id && m.title.en).toBeTruthy();
    for (const t of page.modules.flatMap((m: any) => m.tiles)) {
      expect(t.failed).toBe(false);
      expect(t.method.id.length).toBeGreaterThan(20);
      expect(Date.parse(t.asOf)).not.toBeNaN();
      expect(t.link).toMatch(/^\/staff\/32\.11\b/);
    }
    expect(Array.isArray(page.attention)).toBe(true);
  });

  it('shows a delegate the whole page, even figures their own role could not read; others are refused', async () => {
    const delegate = await h.sessionWithRole('32.11', 'pimpinan_delegate', 'kepala.staf@sumedang.demo');
    const page = (await h.api('GET', `${R}/pimpinan`, { session: delegate })).body as any;
    expect(page.modules.map((m: any) => m.module)).toEqual(expect.arrayContaining(['complaints', 'spbe', 'sakip', 'layanan']));
    // The delegate holds no module role: the platform's own tiles route shows them nothing of the kind.
    expect(((await h.api('GET', `${R}/tiles`, { session: delegate })).body as any[])).toEqual([]);

    for (const email of ['staf.aptika@sumedang.demo', 'admin@sumedang.demo', 'gubernur@jabarprov.demo']) {
      const res = await h.api('GET', `${R}/pimpinan`, { session: await h.signIn(email) });
      expect({ email, status: res.status, code: (res.body as any).error.code }).toEqual({ email, status: 403, code: 'auth.forbidden' });
    }
    expect((await h.api('GET', `${R}/pimpinan`)).status).toBe(401);
    // Another region's head of region, with their own region in the URL, sees their own page only.
    await enableRegion(h.ctx.database.db, '32.73');
    const foreign = await h.sessionWithRole('32.73', 'head_of_region', 'wali.kota@bandung.uji');
    const own = (await h.api('GET', '/api/regions/32.73/pimpinan', { session: foreign })).body as any;
    expect(own.region.code).toBe('32.73');
    expect((await h.api('GET', `${R}/pimpinan`, { session: foreign })).status).toBe(403);
  });

  it('draws the figures from the region\'s last reading, says when, and reads them again after the interval or on demand', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const received = (page: any) => page.modules.flatMap((m: any) => m.tiles).find((t: any) => `${t.module}.${t.key}` === 'complaints.received-this-month').value as number;
    const categories = (await h.api('GET', `${R}/categories`)).body as any[];
    const file = async () => expect((await h.api('POST', `${R}/complaints`, { body: { categoryId: categories.find((c) => c.code === 'sampah').id, description: 'Sampah menumpuk di depan pasar sejak tiga hari' } })).status).toBe(201);
    const read = async (method: 'GET' | 'POST') => {
      const res = await h.api(method, `${R}/pimpinan${method === 'POST' ? '/perbarui' : ''}`, { session: head });
      expect(res.status, res.raw).toBe(200);
      return res.body as any;
    };

    h.clock.advance(60 * 60_000); // whatever earlier tests kept is now older than the interval
    const first = await read('GET');
    expect(first.figuresMinutes).toBe(15);
    expect(first.figuresReadAt).toBe(h.clock.now().toISOString());
    await file();
    h.clock.advance(5 * 60_000);
    const kept = await read('GET');
    expect([received(kept), kept.figuresReadAt]).toEqual([received(first), first.figuresReadAt]);

    const refreshed = await read('POST');
    expect([received(refreshed), refreshed.figuresReadAt]).toEqual([received(first) + 1, h.clock.now().toISOString()]);
    // Pressed again at once: nothing read again; half a minute later it is.
    await file();
    h.clock.advance(10_000);
    expect(received(await read('POST'))).toBe(received(first) + 1);
    h.clock.advance(25_000);
    expect(received(await read('POST'))).toBe(received(first) + 2);
    // Past the interval, opening the page reads again.
    await file();
    h.clock.advance(16 * 60_000);
    const later = await read('GET');
    expect([received(later), later.figuresReadAt]).toEqual([received(first) + 3, h.clock.now().toISOString()]);

    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    expect((await h.api('POST', `${R}/pimpinan/perbarui`, { session: officer })).body.error.code).toBe('auth.forbidden');
    expect((await h.api('POST', `${R}/pimpinan/perbarui`)).status).toBe(401);
  });

  it('reads again a kept figure from after "now" or kept without its link, instead of showing it', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const value = (page: any, ref: string) => page.modules.flatMap((m: any) => m.tiles).find((t: any) => `${t.module}.${t.key}` === ref).value;
    const truth = (await h.api('GET', `${R}/pimpinan`, { session: head })).body as any;
    const future = new Date(h.clock.now().getTime() + 3_600_000);
    await h.ctx.database.db.execute(sql`update pimpinan_figures set value = 999, taken_at = ${future} where region_code = '32.11' and module = 'complaints' and key = 'received-this-month'`);
    await h.ctx.database.db.execute(sql`update pimpinan_figures set value = 998, link = null where region_code = '32.11' and module = 'spbe' and key = 'index'`);
    const page = (await h.api('GET', `${R}/pimpinan`, { session: head })).body as any;
    expect(value(page, 'complaints.received-this-month')).toBe(value(truth, 'complaints.received-this-month'));
    expect(value(page, 'spbe.index')).toBe(value(truth, 'spbe.index'));
    expect(page.figuresReadAt <= h.clock.now().toISOString()).toBe(true);
  });

  it('shows what waits from the other sources when one cannot be read, and names the one missing', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const complaints = modules().find((m) => m.name === 'complaints')!;
    const source = complaints.attention![0];
    const read = source.read;
    source.read = async () => { throw new Error('sumber tidak terjangkau (uji)'); };
    try {
      const res = await h.api('GET', `${R}/pimpinan`, { session: head });
      expect(res.status, res.raw).toBe(200);
      expect(res.body.attentionUnread).toEqual([{ module: 'complaints', source: source.key, sourceTitle: source.title }]);
      expect(res.body.attention.every((a: any) => a.module !== 'complaints')).toBe(true);
    } finally {
      source.read = read;
    }
    const healthy = await h.api('GET', `${R}/pimpinan`, { session: head });
    expect(healthy.body.attentionUnread).toEqual([]);
  });

  it('gives the page as a PDF for a leadership meeting, in the reader\'s language, to the page\'s readers only', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const page = (await h.api('GET', `${R}/pimpinan`, { session: head })).body as any;
    const res = await h.api('GET', `${R}/pimpinan/bahan-rapat.pdf`, { session: head });
    expect(res.status, res.raw).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe("attachment; filename*=UTF-8''bahan-rapat-pimpinan-32.11-2026-11-02.pdf");
    const raw = (await h.app.inject({ method: 'GET', url: `${R}/pimpinan/bahan-rapat.pdf`, headers: { cookie: head.cookie } })).rawPayload;
    expect(raw.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfRuns(raw).join(' ');
    expect(text).toContain('Ringkasan untuk rapat pimpinan: Kabupaten Sumedang');
    for (const m of page.modules) for (const t of m.tiles) expect(text).toContain(t.title.id);
    // One or two pages: a briefing, not a report.
    expect(raw.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeLessThanOrEqual(2);
    const english = await h.app.inject({ method: 'GET', url: `${R}/pimpinan/bahan-rapat.pdf?lang=en`, headers: { cookie: head.cookie } });
    expect(pdfRuns(english.rawPayload).join(' ')).toContain('Briefing for the leadership meeting: Kabupaten Sumedang');
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    expect((await h.api('GET', `${R}/pimpinan/bahan-rapat.pdf`, { session: officer })).body.error.code).toBe('auth.forbidden');
  });

  it('reads one figure again as the page shows it, and refuses a figure no module offers', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const page = (await h.api('GET', `${R}/pimpinan`, { session: head })).body as any;
    for (const t of page.modules.flatMap((m: any) => m.tiles)) {
      const one = await h.api('GET', `${R}/pimpinan/tiles/${t.module}.${t.key}`, { session: head });
      expect(one.status, one.raw).toBe(200);
      expect({ ...one.body, asOf: null }).toEqual({ ...t, asOf: null });
    }
    expect((await h.api('GET', `${R}/pimpinan/tiles/complaints.nothing`, { session: head })).body.error.code).toBe('pimpinan.tile_not_found');
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    expect((await h.api('GET', `${R}/pimpinan/tiles/${page.modules[0].module}.${page.modules[0].tiles[0].key}`, { session: officer })).body.error.code).toBe('auth.forbidden');
  });

  it('gives a figure\'s trend by year from the module\'s records, and refuses what no tile offers', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const res = await h.api('GET', `${R}/pimpinan/trends/spbe.index?period=year`, { session: head });
    expect(res.status).toBe(200);
    const trend = res.body as any;
    const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(h.clock.now()));
    expect(trend.points.map((p: any) => p.period)).toEqual([4, 3, 2, 1, 0].map((back) => String(thisYear - back)));
    const results = await h.ctx.database.rows<{ year: number; index: string }>(sql`select year, index::text from spbe_results where region_code = '32.11'`);
    expect(results.length).toBeGreaterThan(0);
    for (const p of trend.points) {
      const recorded = results.find((r) => String(r.year) === p.period);
      expect(p.value === null ? null : Number(p.value)).toBe(recorded ? Number(recorded.index) : null);
    }

    const months = (await h.api('GET', `${R}/pimpinan/trends/complaints.responded-in-time?period=month`, { session: head })).body as any;
    expect(months.points).toHaveLength(12);
    expect(months.method.id.length).toBeGreaterThan(20);

    const bad = async (url: string) => { const r = await h.api('GET', url, { session: head }); return [r.status, (r.body as any).error?.code]; };
    expect(await bad(`${R}/pimpinan/trends/spbe.index?period=month`)).toEqual([422, 'pimpinan.trend_period']);
    expect(await bad(`${R}/pimpinan/trends/tidak.ada`)).toEqual([404, 'pimpinan.trend_not_found']);
    expect(await bad(`${R}/pimpinan/trends/spbe.index?period=decade`)).toEqual([400, expect.any(String)]);
  });
});

describeWithApp('units\' digital adoption', (h) => {
  it('ranks units by their work done in Pamong, moves when a unit answers on time, and shows a unit head only their unit', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const coordinator = await h.signIn('koordinator@sumedang.demo');
    const pupr = await h.signIn('petugas.pupr@sumedang.demo');
    const units = new Map<string, string>(((await h.api('GET', `${R}/units`, { session: coordinator })).body as any[]).map((u) => [u.code, u.id]));
    const road = ((await h.api('GET', `${R}/categories`)).body as any[]).find((c) => c.code === 'jalan-rusak');
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(h.clock.now()));
    const adoption = async (session = head) => (await h.api('GET', `${R}/pimpinan/adopsi?year=${year}`, { session })).body as any;
    const puprShare = async () => (await adoption()).units.find((u: any) => u.code === 'PUPR')?.measures['complaints.answered-on-time'] ?? { done: 0, total: 0 };

    const first = await adoption();
    expect(first.measures.map((m: any) => m.ref)).toContain('complaints.answered-on-time');
    // Lowest score first; units with no work measured last.
    const scores = first.units.map((u: any) => u.score).filter((s: number | null) => s !== null);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => a - b));

    const before = await puprShare();
    const file = async () => {
      const res = await h.api('POST', `${R}/complaints`, { body: { categoryId: road.id, description: 'Jalan amblas di dekat jembatan Cipeles', answers: { tingkat_kerusakan: 'berat' } } });
      await h.api('POST', `${R}/complaints/${res.body.id}/actions`, { session: coordinator, body: { action: 'dispatch', unitId: units.get('PUPR') } });
      return res.body.id as string;
    };
    const answered = await file();
    await file(); // not answered yet: counted, not done
    const res = await h.api('POST', `${R}/complaints/${answered}/actions`, { session: pupr, body: { action: 'respond', message: 'Tim menuju lokasi' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await puprShare();
    expect([after.done - before.done, after.total - before.total]).toEqual([1, 2]);

    const unitHead = await h.sessionWithRole('32.11', 'unit_head', 'kepala.pupr@sumedang.uji', units.get('PUPR'));
    const own = await adoption(unitHead);
    expect(own.own).toBe(true);
    expect(own.units.map((u: any) => u.code)).toEqual(['PUPR']);
    expect(own.units[0].rank).toBe((await adoption()).units.find((u: any) => u.code === 'PUPR').rank);
    const officer = await h.api('GET', `${R}/pimpinan/adopsi`, { session: pupr });
    expect([officer.status, (officer.body as any).error.code]).toEqual([403, 'auth.forbidden']);
  });
});

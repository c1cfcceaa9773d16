// The leader's headline figures come from each module's tiles, through the
// registry: each says how it is computed and when, and a caller sees only the
// figures their roles allow, in their own region.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from './harness.js';
import { findMeasure } from '../src/platform/modules/measures.js';

const R = '/api/regions/32.11';

describeWithApp('module tiles', (h) => {
  it('gives the head of region each module\'s figures, counted from the region\'s own records', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const before = (await h.api('GET', `${R}/tiles`, { session: head })).body as any[];
    expect(before.map((t) => `${t.module}.${t.key}`)).toEqual([
      'complaints.overdue', 'complaints.received-this-month', 'complaints.answered-on-time', 'complaints.escalated-to-head', 'spbe.index', 'spbe.plan',
      'sakip.iku', 'sakip.efficiency', 'sakip.akip-predicate', 'layanan.decided-on-time', 'layanan.overdue', 'layanan.fiktif-positif', 'layanan.skm',
      'livinglab.adopted', 'livinglab.proposals-waiting', 'livinglab.coaching-goals', 'surat.dispositions-overdue', 'surat.letters-to-sign',
    ]);
    // None failed on the demo.
    expect(before.filter((t) => t.failed)).toEqual([]);
    for (const t of before) {
      expect(t.title.id).toBeTruthy();
      expect(t.method.id.length).toBeGreaterThan(20);
      expect(t.method.en.length).toBeGreaterThan(20);
      expect(Date.parse(t.asOf)).not.toBeNaN();
    }
    // The latest result recorded for the region, with its year.
    const [latest] = await h.ctx.database.rows<{ year: number; index: string }>(sql`select year, index from spbe_results where region_code = '32.11' order by year desc limit 1`);
    const index = before.find((t) => t.key === 'index');
    expect(index.value).toBe(Number(latest.index));
    expect(index.unit.id).toContain(`tahun ${latest.year}`);

    const road = (await h.api('GET', `${R}/categories`)).body.find((c: any) => c.code === 'jalan-rusak');
    await h.api('POST', `${R}/complaints`, { body: { categoryId: road.id, description: 'Jalan berlubang di depan SDN Sukajaya', answers: { tingkat_kerusakan: 'berat' } } });
    const received = async () => ((await h.api('GET', `${R}/tiles`, { session: head })).body as any[]).find((t) => t.key === 'received-this-month').value;
    const overdue = async () => ((await h.api('GET', `${R}/tiles`, { session: head })).body as any[]).find((t) => t.key === 'overdue').value;
    expect(await received()).toBe(before.find((t) => t.key === 'received-this-month').value + 1);
    const overdueBefore = await overdue();
    // Verification is due within a working day: a week later it is past its deadline.
    h.clock.advanceHours(24 * 7);
    expect(await overdue()).toBe(overdueBefore + 1);
  });

  it('gives the public-services figures as the module\'s own pages count them', async () => {
    let head = await h.signIn('bupati@sumedang.demo');
    const tiles = async () => new Map(((await h.api('GET', `${R}/tiles`, { session: head })).body as any[]).filter((t) => t.module === 'layanan').map((t) => [t.key, t]));
    const year = new Date(h.clock.now().getTime() + 7 * 3600_000).getUTCFullYear();
    const account = (await h.api('GET', `${R}/layanan/public/accountability?year=${year}`)).body.services as any[];
    const sum = (k: string) => account.reduce((n, s) => n + s[k], 0);
    const shown = await tiles();
    expect(shown.get('decided-on-time').value).toBe(Math.round((sum('onTime') / sum('decided')) * 1000) / 10);
    expect(shown.get('decided-on-time').unit.id).toBe(`%, ${sum('onTime')} dari ${sum('decided')} diputus, tahun ${year}`);
    // The demo holds one application deemed granted.
    expect(shown.get('fiktif-positif').value).toBe(sum('deemedGranted'));
    expect(shown.get('fiktif-positif').value).toBeGreaterThanOrEqual(1);
    let manager = await h.signIn('layanan@sumedang.demo');
    const overdueInQueue = async () => (await h.api('GET', `${R}/layanan/applications?overdue=true&limit=1`, { session: manager })).body.total;
    expect(shown.get('overdue').value).toBe(await overdueInQueue());
    expect(shown.get('overdue').link).toBe('/staff/32.11/layanan/permohonan?terlambat=1');
    const skm = (await h.api('GET', `${R}/layanan/skm?period=${year}`, { session: manager })).body.overall;
    expect(skm.respondents).toBeGreaterThan(0);
    expect(shown.get('skm').value).toBe(skm.converted);
    expect(shown.get('skm').unit.id).toBe(`dari 100, mutu ${skm.band.grade}, ${skm.respondents} responden, tahun ${year}`);
    // What e-SAKIP takes as an indicator's realisation: the same figures, to two decimals, for any year, quarter or month.
    const measure = (key: string, p: { kind: 'year' | 'quarter' | 'month'; fromMonth: string; toMonth: string }) => findMeasure(`layanan.${key}`)!.measure.read(h.ctx, '32.11', { ...p, year });
    const wholeYear = { kind: 'year' as const, fromMonth: `${year}-01`, toMonth: `${year}-12` };
    expect(await measure('decided-on-time', wholeYear)).toBe((Math.round((sum('onTime') / sum('decided')) * 10000) / 100).toFixed(2));
    expect(await measure('skm', wholeYear)).toBe(skm.converted.toFixed(2));
    const q1 = (await h.api('GET', `${R}/layanan/skm?period=${year}-Q1`, { session: manager })).body.overall;
    expect(await measure('skm', { kind: 'quarter', fromMonth: `${year}-01`, toMonth: `${year}-03` })).toBe(q1.converted === null ? null : q1.converted.toFixed(2));
    expect(await measure('decided-on-time', { kind: 'month', fromMonth: `${year - 5}-01`, toMonth: `${year - 5}-01` })).toBeNull();
    // A month on, the applications still waiting for a decision are all past their deadline.
    const waiting = (await h.api('GET', `${R}/layanan/applications?status=in_process&limit=1`, { session: manager })).body.total;
    expect(waiting).toBeGreaterThan(shown.get('overdue').value);
    h.clock.advanceHours(24 * 30);
    // (Sessions end idle: sign in again.)
    [head, manager] = [await h.signIn('bupati@sumedang.demo'), await h.signIn('layanan@sumedang.demo')];
    const later = (await tiles()).get('overdue').value;
    expect(later).toBe(await overdueInQueue());
    expect(later).toBeGreaterThan(shown.get('overdue').value);
  });

  it('shows a role only the figures of its permissions, and nothing in another region', async () => {
    // The SPBE coordinator is also the region's SPBE team in the Living Lab, deciding digital-spending proposals.
    const spbe = await h.signIn('spbe@sumedang.demo');
    expect(((await h.api('GET', `${R}/tiles`, { session: spbe })).body as any[]).map((t) => t.key)).toEqual(['index', 'plan', 'proposals-waiting']);
    const governor = await h.signIn('gubernur@jabarprov.demo');
    expect((await h.api('GET', `${R}/tiles`, { session: governor })).status).toBe(403);
    expect((await h.api('GET', `${R}/tiles`)).status).toBe(401);
  });
});

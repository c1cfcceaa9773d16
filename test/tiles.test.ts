// The leader's headline figures come from each module's tiles, through the
// registry: each says how it is computed and when, and a caller sees only the
// figures their roles allow, in their own region.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from './harness.js';

const R = '/api/regions/32.11';

describeWithApp('module tiles', (h) => {
  it('gives the head of region each module\'s figures, counted from the region\'s own records', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const before = (await h.api('GET', `${R}/tiles`, { session: head })).body as any[];
    expect(before.map((t) => `${t.module}.${t.key}`)).toEqual(['complaints.overdue', 'complaints.received-this-month', 'spbe.index', 'sakip.iku']);
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

  it('shows a role only the figures of its permissions, and nothing in another region', async () => {
    const spbe = await h.signIn('spbe@sumedang.demo');
    expect(((await h.api('GET', `${R}/tiles`, { session: spbe })).body as any[]).map((t) => t.key)).toEqual(['index']);
    const governor = await h.signIn('gubernur@jabarprov.demo');
    expect((await h.api('GET', `${R}/tiles`, { session: governor })).status).toBe(403);
    expect((await h.api('GET', `${R}/tiles`)).status).toBe(401);
  });
});

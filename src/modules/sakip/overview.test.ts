// The region's performance by unit and the dashboard's IKU tile, checked
// against the plans' own tables (another reading of the same figures): every
// indicator of the active plans counted once, for its responsible unit.
import { expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';

const R = '/api/regions/32.11';

describeWithApp('SAKIP region overview and tile', (h) => {
  /** Every indicator row of the region's active plans for a year, from each plan's table. */
  async function tableRows(session: Awaited<ReturnType<typeof h.signIn>>, year: number) {
    const plans = (await h.api('GET', `${R}/sakip/plans`, { session })).body as any[];
    const rows: { planKind: string; planUnit: string | null; nodeUnit: string | null; indicator: any }[] = [];
    for (const p of plans.filter((x) => x.status === 'active' && x.startYear <= year && x.endYear >= year)) {
      const table = (await h.api('GET', `${R}/sakip/plans/${p.id}/table?year=${year}`, { session })).body;
      for (const r of table.rows) if (r.indicator) rows.push({ planKind: p.kind, planUnit: p.unit?.id ?? null, nodeUnit: r.node.unitId, indicator: r.indicator });
    }
    return rows;
  }
  const met = (i: any) => i.achievement.result?.computable === true && Number(i.achievement.result.percentExact) >= 100;

  it('counts every indicator of the active plans once, for its responsible unit, with what was reported and met', async () => {
    const coordinator = await h.signIn('sakip@sumedang.demo');
    const res = await h.api('GET', `${R}/sakip/overview?year=2025`, { session: coordinator });
    expect(res.status).toBe(200);
    const view = res.body;
    const rows = await tableRows(coordinator, 2025);
    expect(view.year).toBe(2025);
    expect(view.plans).toHaveLength(3);
    const unitOf = (r: (typeof rows)[number]) => r.nodeUnit ?? r.planUnit;
    for (const u of view.units) {
      const mine = rows.filter((r) => unitOf(r) === (u.unit?.id ?? null));
      expect(u.indicators, u.unit?.code ?? 'region').toBe(mine.length);
      expect(u.reported).toBe(mine.filter((r) => r.indicator.achievement.realisation?.reported.length > 0).length);
      expect(u.met).toBe(mine.filter((r) => met(r.indicator)).length);
      expect(u.withTarget).toBe(mine.filter((r) => r.indicator.achievement.target !== null).length);
    }
    expect(view.units.reduce((n: number, u: any) => n + u.indicators, 0)).toBe(rows.length);
    // Both units of the demo have indicators, and the region's own (RPJMD goals without a unit) come first.
    expect(view.units.map((u: any) => u.unit?.code ?? null)).toEqual([null, 'DINKES', 'DISKOMINFO']);
    const iku = rows.filter((r) => r.planKind === 'rpjmd' && r.indicator.isIku);
    expect(view.iku.indicators).toBe(iku.length);
    expect(view.iku.met).toBe(iku.filter((r) => met(r.indicator)).length);
    expect(view.iku.met).toBeLessThan(view.iku.indicators);
    expect(view.iku.achievement.ok).toBe(true);
  });

  it('gives the head of region the share of RPJMD IKU met as a dashboard tile, and a year without plans is empty', async () => {
    const head = await h.signIn('bupati@sumedang.demo');
    const tiles = (await h.api('GET', `${R}/tiles`, { session: head })).body as any[];
    const tile = tiles.find((t) => t.module === 'sakip' && t.key === 'iku');
    const year = Number(/tahun (\d{4})/.exec(tile.unit.id)![1]);
    const overview = (await h.api('GET', `${R}/sakip/overview?year=${year}`, { session: head })).body;
    expect(overview.iku.reported).toBeGreaterThan(0);
    expect(tile.value).toBe(Math.round((overview.iku.met / overview.iku.reported) * 1000) / 10);
    expect(tile.link).toBe('/staff/32.11/sakip');
    const empty = (await h.api('GET', `${R}/sakip/overview?year=2040`, { session: head })).body;
    expect(empty.plans).toEqual([]);
    expect(empty.units).toEqual([]);
    expect(empty.iku.achievement).toBeNull();
  });

  // Another region's people, with the victim's region in the URL, are refused by test/isolation.test.ts (every route).
  it('shows the overview only to SAKIP readers: not to a complaints officer, not signed out', async () => {
    const officer = await h.signIn('petugas.pupr@sumedang.demo');
    expect((await h.api('GET', `${R}/sakip/overview`, { session: officer })).status).toBe(403);
    expect((await h.api('GET', `${R}/sakip/overview`)).status).toBe(401);
  });
});

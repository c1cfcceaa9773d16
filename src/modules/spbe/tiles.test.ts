// What SPBE shows the head of region (issue 15): the latest index against
// that year's target (its tone follows the target), and the next steps of the
// fewest-steps plan towards the nearest target, as the targets page plans them.
import { expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { tilesOf } from '../../../test/support/leader.js';

const REGION = '32.11';
const R = `/api/regions/${REGION}/spbe`;

describeWithApp('SPBE tiles', (h) => {
  const tiles = async () => tilesOf(h, await h.signIn('bupati@sumedang.demo'), REGION, 'spbe');
  const setTarget = async (year: number, targetIndex: number) => {
    const res = await h.api('PUT', `${R}/targets/${year}`, { body: { targetIndex }, session: await h.signIn('spbe@sumedang.demo') });
    expect(res.status, res.raw).toBe(200);
  };

  it('gives the index a tone against that year\'s target, and its trend', async () => {
    const index = (await tiles()).get('index');
    expect(index.trend).toBe('spbe.index');
    const year = Number(index.unit.id.match(/tahun (\d{4})/)[1]);
    await setTarget(year, Math.min(5, Math.round((index.value + 0.5) * 100) / 100));
    expect((await tiles()).get('index')).toMatchObject({ value: index.value, tone: 'bad' });
    await setTarget(year, Math.max(1, index.value));
    expect((await tiles()).get('index')).toMatchObject({ value: index.value, tone: 'good', unit: { id: `tahun ${year}, target ${Math.max(1, index.value).toFixed(2)}` } });
  });

  it('lists the plan\'s first steps towards this year\'s target as the targets page plans them, and fewer as the target comes down', async () => {
    const year = new Date(h.clock.now().getTime() + 7 * 3600_000).getUTCFullYear();
    const head = await h.signIn('bupati@sumedang.demo');
    const planned = async () => (await h.api('GET', `${R}/targets/${year}/plan`, { session: head })).body;
    const page = await planned();
    expect(page.stepCount).toBeGreaterThan(0);
    let tile = (await tiles()).get('plan');
    expect(tile.value).toBe(page.stepCount);
    expect(tile.unit.id).toBe(`langkah kenaikan tingkat menuju target ${page.targetIndex.toFixed(2)} tahun ${year}, indeks kini ${page.currentIndex.toFixed(2)}`);
    expect(tile.link).toBe(`/staff/${REGION}/spbe/target`);
    expect(tile.items.map((i: any) => [i.label.id, i.value.id])).toEqual(page.steps.slice(0, 5).map((s: any) => [`${s.indicator.number}. ${s.indicator.name.id}`, `tingkat ${s.from} → ${s.to}`]));
    expect(tile.items[0].link).toBe(`/staff/${REGION}/spbe/evaluasi/${page.baseline.evaluationId}/indikator/${page.steps[0].code}`);

    // A target just above today's index: fewer steps.
    await setTarget(year, Math.round((page.currentIndex + 0.05) * 100) / 100);
    tile = (await tiles()).get('plan');
    expect(tile.value).toBe((await planned()).stepCount);
    expect(tile.value).toBeLessThan(page.stepCount);
    // Already reached: no steps left.
    await setTarget(year, Math.max(1, page.currentIndex));
    tile = (await tiles()).get('plan');
    expect(tile).toMatchObject({ value: 0, tone: 'good', items: [] });
  });
});

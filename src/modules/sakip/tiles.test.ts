// What e-SAKIP shows the head of region (issue 15): the region's budget
// efficiency as the region overview totals it, with its tone by the region's
// threshold, and the latest AKIP predicate, official result first.
import { expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { tilesOf } from '../../../test/support/leader.js';

const REGION = '32.11';
const R = `/api/regions/${REGION}/sakip`;

describeWithApp('SAKIP tiles', (h) => {
  const tiles = async () => tilesOf(h, await h.signIn('bupati@sumedang.demo'), REGION, 'sakip');

  it('gives the region\'s efficiency as the overview\'s total, its tone moving with the region\'s threshold', async () => {
    const shown = await tiles();
    expect([...shown.keys()]).toEqual(['iku', 'efficiency', 'akip-predicate']);
    // The demo budgets 2025 only: this year's efficiency is not computable yet, so last year's is shown.
    const efficiency = shown.get('efficiency');
    const year = Number(efficiency.unit.id.match(/tahun (\d{4})/)[1]);
    expect(year).toBe(2025);
    const total = (await h.api('GET', `${R}/overview?year=${year}`, { session: await h.signIn('bupati@sumedang.demo') })).body.total.efficiency;
    expect(total.computable).toBe(true);
    expect(efficiency.value).toBe(Number(total.value));
    expect(efficiency.unit.id).toBe(`${total.label.id}, Capaian kinerja dikurangi serapan anggaran, tahun ${year}`);
    expect(efficiency.link).toBe(`/staff/${REGION}/sakip/ringkasan`);
    const tone = { efficient: 'good', fairly_efficient: 'watch', inefficient: 'bad' } as Record<string, string>;
    expect(efficiency.tone).toBe(tone[total.category]);

    // A threshold wider than the figure: fairly efficient, to watch; one at 0.5 puts it outside.
    const admin = await h.signIn('admin@sumedang.demo');
    const threshold = async (t: number) => expect((await h.api('PUT', `/api/regions/${REGION}/settings`, { session: admin, body: { sakip: { threshold: t } } })).status).toBe(200);
    await threshold(Math.min(100, Math.ceil(Math.abs(efficiency.value)) + 1));
    expect((await tiles()).get('efficiency')).toMatchObject({ value: efficiency.value, tone: 'watch', unit: { id: expect.stringMatching(/^Cukup efisien, /) } });
    await threshold(0.5);
    expect((await tiles()).get('efficiency').tone).toBe(Math.abs(efficiency.value) <= 0.5 ? 'watch' : efficiency.value > 0 ? 'good' : 'bad');
  });

  it('gives the latest AKIP predicate, KemenPANRB\'s result before the internal evaluation of the same year', async () => {
    const before = (await tiles()).get('akip-predicate');
    const official = (await h.api('GET', `${R}/official-results`, { session: await h.signIn('bupati@sumedang.demo') })).body.at(-1);
    expect(before).toMatchObject({
      value: Number(official.score), link: `/staff/${REGION}/sakip/evaluasi`,
      unit: { id: `dari 100, predikat ${official.predicate.code}, tahun ${official.year} (hasil resmi KemenPANRB)` },
    });
    const put = await h.api('PUT', `${R}/official-results/${official.year + 1}`, { session: await h.signIn('sakip@sumedang.demo'), body: { score: '80.50', source: 'Surat MenPANRB' } });
    expect(put.status, put.raw).toBe(200);
    expect((await tiles()).get('akip-predicate')).toMatchObject({ value: 80.5, unit: { id: `dari 100, predikat A, tahun ${official.year + 1} (hasil resmi KemenPANRB)` } });
  });
});

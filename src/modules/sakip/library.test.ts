// A SAKIP indicator set in the Living Lab (`sakip.indicators`): Sumedang's
// demo publishes its indicator library; Bandung's coordinator has one code
// of its own, previews (add, change with both values), adopts only the lines
// it takes into its library (never plans, targets or realisations, never
// another region), and a package with a code twice is refused whole.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { enableRegion } from '../../platform/regions/service.js';

const BANDUNG = '32.04';
const SUMEDANG = '32.11';

describeWithApp('SAKIP indicator sets through the Living Lab', (h) => {
  const s: Record<string, Session> = {};
  const rows = <T>(q: ReturnType<typeof sql>) => h.ctx.database.rows<T & Record<string, unknown>>(q);
  const library = (region: string) => rows<{ code: string; name: string; formula: string; adopted_from: { code: string } | null }>(
    sql`select code, name, formula, adopted_from from sakip_indicator_library where region_code = ${region} order by code`);
  let solutionId = '';

  beforeAll(async () => {
    await h.ctx.database.db.transaction(async (tx) => { await enableRegion(tx, BANDUNG); });
    s.officer = await h.sessionWithRole(BANDUNG, 'livinglab_officer', 'livinglab@bandung-ikd.test');
    s.coordinator = await h.sessionWithRole(BANDUNG, 'sakip_coordinator', 'sakip@bandung-ikd.test');
  });

  it('lists Sumedang\'s set in the catalogue under the levels it measures', async () => {
    const found = await h.api('GET', `/api/livinglab/solutions?tag=sakip.level:target&region=${SUMEDANG}`);
    expect(found.status, found.raw).toBe(200);
    const item = found.body.items.find((x: { packageKind: string }) => x.packageKind === 'sakip.indicators');
    expect(item?.mentor).toMatchObject({ contact: 'sakip@sumedang.demo' });
    solutionId = item.id;
    expect((await h.api('GET', `/api/livinglab/solutions?tag=sakip.level:sub_activity&region=${SUMEDANG}`)).body.items).toHaveLength(0);
  });

  it('previews and adopts only the chosen lines into Bandung\'s library; its own code is kept unless taken', async () => {
    const own = await h.api('PUT', `/api/regions/${BANDUNG}/sakip/indicator-library/IKD-STUNTING`, {
      body: { name: 'Prevalensi stunting', polarity: 'lower_is_better', level: 'target', formula: 'Balita stunting ÷ balita diukur' }, session: s.coordinator,
    });
    expect(own.status, own.raw).toBe(200);
    const preview = await h.api('POST', `/api/regions/${BANDUNG}/livinglab/adoptions/preview`, { body: { solutionId }, session: s.officer });
    expect(preview.status, preview.raw).toBe(200);
    const line = (code: string) => preview.body.changes.find((c: { key: string }) => c.key === `indicator:${code}`);
    expect(line('IKD-STUNTING').kind).toBe('change');
    expect(line('IKD-STUNTING').fields.find((f: { field: string }) => f.field === 'formula')).toMatchObject({ ours: 'Balita stunting ÷ balita diukur', theirs: expect.stringMatching(/× 100/) });
    expect(line('IKD-SPBE').kind).toBe('add');
    const plans = async () => (await rows<{ n: number }>(sql`select (select count(*) from sakip_indicators where region_code = ${BANDUNG}) + (select count(*) from sakip_targets where region_code = ${BANDUNG}) + (select count(*) from sakip_realisations where region_code = ${BANDUNG}) as n`))[0].n;
    const plansBefore = await plans();
    const sumedangBefore = await library(SUMEDANG);
    const done = await h.api('POST', `/api/regions/${BANDUNG}/livinglab/adoptions`, { body: { solutionId, version: 1, unitMap: {}, take: ['indicator:IKD-SPBE'] }, session: s.officer });
    expect(done.status, done.raw).toBe(201);
    expect(done.body.applied).toBe(1);
    const mine = await library(BANDUNG);
    expect(mine.map((i) => i.code)).toEqual(['IKD-SPBE', 'IKD-STUNTING']);
    expect(mine.find((i) => i.code === 'IKD-STUNTING')?.formula).toBe('Balita stunting ÷ balita diukur');
    expect(mine.find((i) => i.code === 'IKD-SPBE')?.adopted_from?.code).toBe(SUMEDANG);
    expect(Number(await plans())).toBe(Number(plansBefore));
    expect(await library(SUMEDANG)).toEqual(sumedangBefore);
    const listed = await h.api('GET', `/api/regions/${BANDUNG}/sakip/indicator-library`, { session: s.coordinator });
    expect(listed.body.find((i: { code: string }) => i.code === 'IKD-SPBE')).toMatchObject({ level: 'target', polarity: 'higher_is_better', adoptedFrom: { code: SUMEDANG } });
    const again = await h.api('POST', `/api/regions/${BANDUNG}/livinglab/adoptions/preview`, { body: { solutionId }, session: s.officer });
    expect(again.body.changes.find((c: { key: string }) => c.key === 'indicator:IKD-SPBE').kind).toBe('same');
  });

  it('refuses a set with a code twice, or a polarity it does not know: nothing written', async () => {
    const file = JSON.parse((await h.api('GET', `/api/livinglab/solutions/${solutionId}/versions/1/package`)).raw);
    const before = await library(BANDUNG);
    const [first] = file.content.indicators;
    const twice = { ...file, content: { ...file.content, indicators: [...file.content.indicators, { ...first, name: 'Lagi' }] } };
    const keys = file.content.indicators.map((i: { code: string }) => `indicator:${i.code}`);
    const refused = await h.api('POST', `/api/regions/${BANDUNG}/livinglab/imports`, { body: { file: twice, unitMap: {}, take: keys }, session: s.officer });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('sakip.package_invalid');
    const bad = { ...file, content: { ...file.content, indicators: [{ ...first, polarity: 'sideways' }] } };
    expect((await h.api('POST', `/api/regions/${BANDUNG}/livinglab/imports`, { body: { file: bad, unitMap: {}, take: keys }, session: s.officer })).body.error.code).toBe('livinglab.package_invalid');
    expect(await library(BANDUNG)).toEqual(before);
  });
});

// Sourced indicators take their realisations by themselves (issue 11): the
// sweep reads each one's measure for the region's open reporting periods and
// enters what changed through the same use case as a person, as Pamong's
// automatic sync; the summary follows, the audit trail names the sync, a run
// before the next one is due does nothing, a closed period is never changed,
// and each region's indicators are read with that region's own figures.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { enableRegion } from '../../platform/regions/service.js';
import { findMeasure } from '../../platform/modules/measures.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import { sakipModule } from './module.js';

const S = (region: string) => `/api/regions/${region}/sakip`;
const SYNC = 'Sinkron otomatis Pamong / Pamong automatic sync';
const HOUR = 3_600_000;

describeWithApp('SAKIP sourced realisations taken on a schedule', (h) => {
  const s: Record<string, Session> = {};
  let rpjmd = '';
  const ids: Record<string, string> = {};
  const sweep = sakipModule.sweeps.find((w) => w.name === 'sakip.source-sync')!;
  /** As the worker does every tick: batches until one finds nothing due. */
  const drain = async () => {
    let taken = 0;
    for (let n = await sweep.run(h.ctx); n > 0; n = await sweep.run(h.ctx)) taken += n;
    return taken;
  };
  const table = async (region = '32.11', plan = rpjmd, who = s.coordinator) =>
    (await h.api('GET', `${S(region)}/plans/${plan}/table?year=2026`, { session: who })).body;
  const indicatorIn = async (name: string, region = '32.11', plan = rpjmd, who = s.coordinator) =>
    (await table(region, plan, who)).rows.find((r: any) => r.indicator?.name === name).indicator;
  const realisations = async (indicatorId: string, region = '32.11', plan = rpjmd, who = s.coordinator) =>
    (await h.api('GET', `${S(region)}/plans/${plan}/indicators/${indicatorId}/realisations`, { session: who })).body;
  const history = async (indicatorId: string, period: string) =>
    (await h.api('GET', `${S('32.11')}/plans/${rpjmd}/indicators/${indicatorId}/realisations/${period}/history`, { session: s.coordinator })).body;
  const setSpbeIndex = (region: string, year: number, index: string) => h.ctx.database.db.execute(sql`
    insert into spbe_results (region_code, year, framework_code, version_id, version, index, predicate, domains, aspects, source, published, recorded_at)
    select ${region}::text, ${year}::int, framework_code, version_id, version, ${index}::numeric, predicate, domains, aspects, 'import', false, recorded_at
    from spbe_results where region_code = '32.11' and year = 2025
    on conflict (region_code, year) do update set index = excluded.index`);
  const lastAudit = async (region: string, indicatorId: string) => (await h.ctx.database.rows<{ actor_label: string; actor_user_id: string | null; period: string }>(sql`
    select actor_label, actor_user_id, detail->>'period' as period from audit_log
    where region_code = ${region} and action = 'sakip.realisation' and entity_id = ${indicatorId} order by id desc limit 1`))[0];

  beforeAll(async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, '32.73');
      const foreign = await createUser(tx, { email: 'sakip@bandung.test', name: 'Koordinator SAKIP Bandung', password: DEMO_PASSWORD });
      await grantRole(tx, '32.73', foreign, 'sakip_coordinator', null);
    });
    s.coordinator = await h.signIn('sakip@sumedang.demo');
    s.foreign = await h.signIn('sakip@bandung.test');
    rpjmd = (await h.api('GET', `${S('32.11')}/plans`, { session: s.coordinator })).body.find((p: any) => p.kind === 'rpjmd').id;
    for (const r of (await table()).rows) if (r.indicator) ids[r.indicator.name] = r.indicator.id;
  });

  it('enrols the sourced indicators of active plans, not the typed ones', async () => {
    const spbe = await indicatorIn('Indeks SPBE');
    expect(spbe.sourceSync).toMatchObject({ lastRunAt: null, outcomes: [] });
    expect((await indicatorIn('Persentase pengaduan yang ditanggapi tepat waktu')).sourceSync).toMatchObject({ lastRunAt: null });
    expect((await indicatorIn('Tingkat kemiskinan')).sourceSync).toBeNull();
  });

  it('takes the yearly SPBE index for the open quarter\'s year by itself, as Pamong\'s sync, and the summary follows', async () => {
    const overview = async () => (await h.api('GET', `${S('32.11')}/overview?year=2026`, { session: s.coordinator })).body;
    const before = await overview();
    await setSpbeIndex('32.11', 2026, '3.45');
    // The demo's open quarter is 2026-Q3: the SPBE index is yearly, so its year; the complaints share per quarter.
    const complaintsQ3 = await findMeasure('complaints.responded-in-time')!.measure.read(h.ctx, '32.11', { kind: 'quarter', year: 2026, fromMonth: '2026-07', toMonth: '2026-09' });
    // The RPJMD's SPBE index and complaints answered on time, and Diskominfo's Renstra's SPBE index.
    expect(await drain()).toBe(3);

    const [taken] = (await realisations(ids['Indeks SPBE'])).filter((r: any) => r.period === '2026');
    expect(taken).toMatchObject({ value: '3.45', enteredBy: SYNC, version: 1, reason: null, afterClose: false });
    expect(taken.note).toMatch(/^Diambil otomatis dari Indeks SPBE: .* \/ Taken from SPBE index: /);
    expect(await lastAudit('32.11', ids['Indeks SPBE'])).toEqual({ actor_label: SYNC, actor_user_id: null, period: '2026' });

    const spbe = await indicatorIn('Indeks SPBE');
    expect(spbe.sourceSync.lastRunAt).toBe(h.clock.now().toISOString());
    expect(new Date(spbe.sourceSync.nextAt).getTime()).toBe(h.clock.now().getTime() + 6 * HOUR);
    expect(spbe.sourceSync.outcomes).toEqual([{ period: '2026', result: 'entered', value: '3.45', code: null, message: null }]);
    // 3.45 of 3.80 = 90.789…%.
    expect([spbe.achievement.realisation.value, spbe.achievement.result.percent]).toEqual(['3.45', '90.79']);
    // The stored summary moved: one more RPJMD IKU reported in 2026, and two more of Diskominfo's indicators (its RPJMD target's and its Renstra's).
    const after = await overview();
    expect(after.iku.reported).toBe(before.iku.reported + 1);
    const kominfo = (o: any) => o.units.find((u: any) => u.unit?.code === 'DISKOMINFO').reported;
    expect(kominfo(after)).toBe(kominfo(before) + 2);

    // The complaints share of the open quarter, as the complaints module measures it (the demo's figure replaced when it differs).
    const complaints = await indicatorIn('Persentase pengaduan yang ditanggapi tepat waktu');
    const [q3] = (await realisations(complaints.id)).filter((r: any) => r.period === '2026-Q3');
    if (complaintsQ3 === null) {
      expect(complaints.sourceSync.outcomes).toEqual([expect.objectContaining({ period: '2026-Q3', result: 'refused', code: 'sakip.source_no_value' })]);
      expect(q3.enteredBy).toBe('sakip@sumedang.demo');
    } else {
      expect(complaints.sourceSync.outcomes).toEqual([expect.objectContaining({ period: '2026-Q3', result: complaintsQ3 === '88.70' ? 'unchanged' : 'entered', value: complaintsQ3 })]);
      expect(Number(q3.value)).toBe(Number(complaintsQ3));
    }
  });

  it('does nothing before the next run is due', async () => {
    expect(await drain()).toBe(0);
    h.clock.advanceHours(5);
    await setSpbeIndex('32.11', 2026, '3.52');
    expect(await drain()).toBe(0);
    expect((await history(ids['Indeks SPBE'], '2026')).versions.map((v: any) => v.value)).toEqual(['3.45']);
  });

  it('follows the source once the next run is due: a changed value becomes a new version, the same value changes nothing', async () => {
    h.clock.advanceHours(1);
    expect(await drain()).toBe(3);
    const versions = (await history(ids['Indeks SPBE'], '2026')).versions;
    expect(versions.map((v: any) => [v.version, v.value, v.enteredBy])).toEqual([[1, '3.45', SYNC], [2, '3.52', SYNC]]);
    expect((await indicatorIn('Indeks SPBE')).sourceSync.outcomes).toEqual([{ period: '2026', result: 'entered', value: '3.52', code: null, message: null }]);

    h.clock.advanceHours(6);
    expect(await drain()).toBe(3);
    expect((await indicatorIn('Indeks SPBE')).sourceSync.outcomes).toEqual([{ period: '2026', result: 'unchanged', value: '3.52', code: null, message: null }]);
    expect((await history(ids['Indeks SPBE'], '2026')).versions).toHaveLength(2);
  });

  it('reads another region\'s indicator with that region\'s own figures, from the moment its plan is active', async () => {
    const plan = (await h.api('POST', `${S('32.73')}/plans`, { session: s.foreign, body: { kind: 'rpjmd', startYear: 2025, title: 'RPJMD Kota Bandung 2025–2029' } })).body.id;
    const vision = (await h.api('POST', `${S('32.73')}/plans/${plan}/nodes`, { session: s.foreign, body: { kind: 'vision', parentId: null, title: 'Bandung unggul' } })).body.id;
    const created = await h.api('POST', `${S('32.73')}/plans/${plan}/nodes/${vision}/indicators`, {
      session: s.foreign, body: { name: 'Indeks SPBE Kota Bandung', measure: 'indeks', polarity: 'higher_is_better', source: 'spbe.index' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const indicatorId = created.body.id;
    const bandung = () => indicatorIn('Indeks SPBE Kota Bandung', '32.73', plan, s.foreign);
    // A draft is not synced.
    expect((await bandung()).sourceSync).toBeNull();
    const activated = await h.api('PUT', `${S('32.73')}/plans/${plan}/status`, { session: s.foreign, body: { status: 'active' } });
    expect(activated.status, JSON.stringify(activated.body)).toBe(200);
    expect((await bandung()).sourceSync).toMatchObject({ lastRunAt: null });
    expect((await h.api('POST', `${S('32.73')}/reporting-periods`, { session: s.foreign, body: { period: '2026-Q4' } })).status).toBe(201);

    // Sumedang's 2026 index is recorded, Bandung's not: Bandung's indicator gets nothing.
    expect(await drain()).toBe(1);
    expect((await bandung()).sourceSync.outcomes).toEqual([expect.objectContaining({ period: '2026', result: 'refused', value: null, code: 'sakip.source_no_value' })]);
    expect((await bandung()).sourceSync.outcomes[0].message.id).toMatch(/^Sumbernya belum punya nilai/);
    expect(await realisations(indicatorId, '32.73', plan, s.foreign)).toEqual([]);

    await setSpbeIndex('32.73', 2026, '2.80');
    h.clock.advanceHours(7);
    expect(await drain()).toBe(4);
    expect((await realisations(indicatorId, '32.73', plan, s.foreign)).map((r: any) => [r.period, r.value, r.enteredBy])).toEqual([['2026', '2.80', SYNC]]);
    expect(await lastAudit('32.73', indicatorId)).toEqual({ actor_label: SYNC, actor_user_id: null, period: '2026' });
    expect((await realisations(ids['Indeks SPBE'])).find((r: any) => r.period === '2026').value).toBe('3.52');

    // Back to draft: no more sync.
    expect((await h.api('PUT', `${S('32.73')}/plans/${plan}/status`, { session: s.foreign, body: { status: 'draft' } })).status).toBe(200);
    expect((await bandung()).sourceSync).toBeNull();
  });

  it('never changes a closed period: the year closed over an open quarter is refused and recorded, a closed year\'s figure stays', async () => {
    const open = await h.api('POST', `${S('32.11')}/reporting-periods`, { session: s.coordinator, body: { period: '2026' } });
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    expect((await h.api('PUT', `${S('32.11')}/reporting-periods/2026/status`, { session: s.coordinator, body: { status: 'closed' } })).status).toBe(200);
    await setSpbeIndex('32.11', 2026, '3.60');
    await setSpbeIndex('32.11', 2025, '3.99');
    h.clock.advanceHours(7);
    expect(await drain()).toBe(3);

    const spbe = await indicatorIn('Indeks SPBE');
    expect(spbe.sourceSync.outcomes).toEqual([expect.objectContaining({ period: '2026', result: 'refused', code: 'sakip.period_locked' })]);
    expect(spbe.sourceSync.outcomes[0].message.en).toMatch(/closed/i);
    const values = Object.fromEntries((await realisations(ids['Indeks SPBE'])).map((r: any) => [r.period, r.value]));
    expect(values).toEqual({ 2025: '3.22', 2026: '3.52' });
    // The quarter still open inside the closed year is locked for the complaints share too.
    expect((await indicatorIn('Persentase pengaduan yang ditanggapi tepat waktu')).sourceSync.outcomes.map((o: any) => [o.period, o.result, o.code]))
      .toEqual([['2026-Q3', 'refused', 'sakip.period_locked']]);
  });
});

// The region overview for a quarter or a month through the real API, on the
// demo's 2025 quarters: each unit's indicators judged by the period's
// action-plan targets against its realisations, its budget of the period with
// absorption and efficiency, pinned exactly and equal to what the budget
// node's own period says; monthly budgets added up in their quarter; an
// indicator entered by month judged in a quarter by its months, aggregated by
// its rule (sum, average, last), a month not reported never counted as zero,
// while one entered by quarter keeps its quarter rows; the answer following a
// new action target at once (no stored summary); and what is refused.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { readDemoPlans } from './demo-plans.test-kit.js';
import { Dec } from '../../platform/decimal.js';

const R = '/api/regions/32.11/sakip';
const APPS = 'Jumlah aplikasi layanan yang terintegrasi';

describeWithApp('SAKIP region overview by quarter and month', (h) => {
  const s: Record<string, Session> = {};
  const plans: Record<string, string> = {};
  const nodes: Record<string, Record<string, string>> = {};
  const indicators: Record<string, Record<string, string>> = {};
  const overview = async (query: string, who = 'bupati') => {
    const res = await h.api('GET', `${R}/overview?${query}`, { session: s[who] });
    expect(res.status, query).toBe(200);
    return res.body;
  };
  const unitRow = (view: any, code: string | null) => view.units.find((u: any) => (u.unit?.code ?? null) === code);
  const nodePeriod = async (plan: string, node: string, year: number, period: string) =>
    (await h.api('GET', `${R}/plans/${plans[plan]}/nodes/${nodes[plan][node]}/budget?year=${year}`, { session: s.bupati })).body.periods.find((p: any) => p.period === period);
  const put = (who: string, path: string, body: Record<string, unknown>) => h.api('PUT', `${R}/${path}`, { session: s[who], body });

  beforeAll(async () => {
    for (const [k, email] of Object.entries({ coordinator: 'sakip@sumedang.demo', kominfo: 'perencana.kominfo@sumedang.demo', bupati: 'bupati@sumedang.demo' })) s[k] = await h.signIn(email);
    await readDemoPlans(h, s.coordinator, { plans, nodes, indicators });
  });

  it('counts each unit\'s indicators against the quarter\'s action plan, with the quarter\'s budget, as the budget node\'s own quarter says', async () => {
    const view = await overview('year=2025&period=2025-Q2');
    expect([view.year, view.period]).toEqual([2025, '2025-Q2']);
    expect(view.plans).toHaveLength(3);
    // The health office answers for 7 indicators (the RPJMD's stunting target, its Renstra's 6); 4 reported a second quarter;
    // only the mothers served have a quarterly action plan: 4 388 of 4 375 = 100.297142…%, met.
    const dinkes = unitRow(view, 'DINKES');
    expect([dinkes.indicators, dinkes.withTarget, dinkes.reported, dinkes.met]).toEqual([7, 1, 4, 1]);
    expect(dinkes.achievement).toMatchObject({ ok: true, percent: '100.30', used: 1, excluded: 6, complete: false });
    expect(new Dec(dinkes.achievement.percentExact).eq(new Dec(4388).times(100).div(4375))).toBe(true);
    // Its programme's quarter is its sub-activity's: 1 100 000 000 of 1 187 500 000 = 92.631578…%; 100.297142… − 92.631578… = 7.67, efficient.
    expect(dinkes.budget).toEqual({ ceiling: '1187500000', spending: '1100000000', absorption: { percent: '92.63', percentExact: new Dec(1100000000).times(100).div(1187500000).toFixed() } });
    expect(dinkes.efficiency).toMatchObject({ computable: true, value: '7.67', category: 'efficient' });
    // The same quarter of the sub-activity's own budget: the same achievement, absorption and efficiency.
    const node = await nodePeriod('DINKES', '1.02.02.2.02.0001', 2025, '2025-Q2');
    expect(node.achievement.percentExact).toBe(dinkes.achievement.percentExact);
    expect(node.absorption).toEqual(dinkes.budget.absorption);
    expect(node.efficiency).toEqual(dinkes.efficiency);

    // Diskominfo: 5 indicators; the complaints rate and the applications reported; one application of one planned (100 %), all 600 000 000 spent.
    const kominfo = unitRow(view, 'DISKOMINFO');
    expect([kominfo.indicators, kominfo.withTarget, kominfo.reported, kominfo.met]).toEqual([5, 1, 2, 1]);
    expect(kominfo.budget).toMatchObject({ ceiling: '600000000', spending: '600000000', absorption: { percent: '100.00' } });
    expect(kominfo.efficiency).toMatchObject({ computable: true, value: '0.00' });
    expect(kominfo.efficiency).toEqual((await nodePeriod('DISKOMINFO', '2.16.03.2.02.0001', 2025, '2025-Q2')).efficiency);

    // The region's own indicators (IPM, poverty) are yearly: nothing in a quarter. No RPJMD key indicator has a quarterly action plan.
    expect(unitRow(view, null)).toMatchObject({ indicators: 2, withTarget: 0, reported: 0, met: 0, achievement: { ok: false, error: 'nothing_computable' }, budget: null, efficiency: null });
    expect(view.iku).toMatchObject({ indicators: 4, withTarget: 0, reported: 1, met: 0, achievement: { ok: false, error: 'nothing_computable' } });
    // The whole region's quarter: 1 700 000 000 of 1 787 500 000; without the IKU's achievement its efficiency is not computable.
    expect(view.total.budget).toMatchObject({ ceiling: '1787500000', spending: '1700000000', absorption: { percent: '95.10' } });
    expect(view.total.efficiency).toMatchObject({ computable: false, reason: 'no_achievement' });

    // A quarter is not the year: the yearly view of the same unit differs, and a year as `period` is the yearly view.
    const year = await overview('year=2025');
    expect(year.period).toBeNull();
    expect(unitRow(year, 'DINKES').budget.ceiling).toBe('4750000000');
    expect(await overview('period=2025')).toEqual(year);
  });

  it('follows a new action target at once, for the unit and for its target (sasaran) in focus', async () => {
    const dinkesId = unitRow(await overview('period=2025-Q2'), 'DINKES').unit.id;
    const yearBefore = await overview('year=2025');
    const before = await overview(`period=2025-Q2&unit=${dinkesId}`);
    expect(before.targetsUnitId).toBe(dinkesId);
    // The Renstra's target: its programme's quarter, but none of its indicators has a second-quarter action plan yet.
    expect(before.targets.map((t: any) => [t.planKind, t.node.title, t.budget.absorption.percent, t.achievement, t.efficiency.reason])).toEqual([
      ['renstra', 'Menurunnya prevalensi stunting dan kekurangan gizi pada balita', '92.63', null, 'no_achievement'],
    ]);
    // The closed quarter's action plan, corrected by the coordinator: stunting 14.80 %; 14.60 % reached, lower is better: (2·14.80 − 14.60) / 14.80 = 101.351351…%.
    const set = await put('coordinator', `plans/${plans.DINKES}/indicators/${indicators.DINKES['Prevalensi stunting pada balita']}/action-plan/2025-Q2`, { value: '14.80', reason: 'Rencana aksi triwulan dilengkapi' });
    expect(set.status).toBe(200);
    const after = await overview(`period=2025-Q2&unit=${dinkesId}`);
    const stunting = new Dec('14.80').times(2).minus('14.60').times(100).div('14.80');
    expect(after.targets[0]).toMatchObject({ achievement: { percent: '101.35' }, efficiency: { computable: true, value: '8.72', category: 'efficient' } });
    expect(new Dec(after.targets[0].achievement.percentExact).minus(stunting).abs().lt('1e-30')).toBe(true);
    // The unit: two indicators with a target, both met, their average.
    const dinkes = unitRow(after, 'DINKES');
    expect([dinkes.withTarget, dinkes.met, dinkes.achievement.used]).toEqual([2, 2, 2]);
    expect(new Dec(dinkes.achievement.percentExact).minus(stunting.plus(new Dec(4388).times(100).div(4375)).div(2)).abs().lt('1e-30')).toBe(true);
    // The yearly view is untouched by a quarter's action plan.
    expect(await overview('year=2025')).toEqual(yearBefore);
  });

  it('adds up the months inside a quarter for its budget and its indicators, and judges a month by its own action plan', async () => {
    const sub = `plans/${plans.DISKOMINFO}/nodes/${nodes.DISKOMINFO['2.16.03.2.02.0001']}`;
    for (const [period, ceiling, spending] of [['2026-04', '250000000', '150000000'], ['2026-05', '250000000', '200000000']]) {
      expect((await put('kominfo', `${sub}/budget/${period}`, { ceiling, spending })).status, period).toBe(200);
    }
    const apps = `plans/${plans.DISKOMINFO}/indicators/${indicators.DISKOMINFO[APPS]}`;
    expect((await put('kominfo', `${apps}/action-plan/2026-05`, { value: '2' })).status).toBe(200);
    expect((await put('kominfo', `${apps}/realisations/2026-05`, { value: '1' })).status).toBe(200);

    // The quarter: both months' budget (350 000 000 of 500 000 000 = 70 %), and the applications' months by their rule (sum):
    // only May has a target and a realisation, April and June count as nothing (not as zeros): 1 of 2 = 50 %, −20 points.
    const quarter = unitRow(await overview('year=2026&period=2026-Q2'), 'DISKOMINFO');
    expect(quarter.budget).toMatchObject({ ceiling: '500000000', spending: '350000000', absorption: { percent: '70.00' } });
    expect([quarter.withTarget, quarter.reported, quarter.met, quarter.achievement.percent]).toEqual([1, 1, 0, '50.00']);
    expect(quarter.efficiency).toMatchObject({ value: '-20.00', category: 'inefficient' });
    // May: 200 000 000 of 250 000 000 = 80 %; one application of two planned = 50 %; −30 points, inefficient, as the sub-activity's May says.
    const may = await overview('period=2026-05');
    expect([may.year, may.period]).toEqual([2026, '2026-05']);
    const kominfo = unitRow(may, 'DISKOMINFO');
    expect(kominfo.budget).toMatchObject({ ceiling: '250000000', spending: '200000000', absorption: { percent: '80.00' } });
    expect([kominfo.withTarget, kominfo.reported, kominfo.met, kominfo.achievement.percent]).toEqual([1, 1, 0, '50.00']);
    expect(kominfo.efficiency).toMatchObject({ value: '-30.00', category: 'inefficient' });
    const node = await nodePeriod('DISKOMINFO', '2.16.03.2.02.0001', 2026, '2026-05');
    expect([node.achievement.percentExact, node.absorption, node.efficiency]).toEqual([kominfo.achievement.percentExact, kominfo.budget.absorption, kominfo.efficiency]);
    // June has no budget row; the health office has none in May.
    expect(unitRow(await overview('period=2026-06'), 'DISKOMINFO')).toMatchObject({ budget: null, efficiency: null });
    expect(unitRow(may, 'DINKES')).toMatchObject({ budget: null, efficiency: null });
  });

  // The third quarter of 2026, entered month by month: each indicator's months add up by its rule, a month not yet reported
  // counting as nothing. Each unit has only the indicator set up here with a target in that quarter, so its achievement is that indicator's.
  const months = async (who: string, path: string, kind: 'action-plan' | 'realisations', values: Record<string, string>) => {
    for (const [month, value] of Object.entries(values)) expect((await put(who, `${path}/${kind}/2026-${month}`, { value })).status, `${kind} ${month}`).toBe(200);
  };
  const percentOf = (row: any) => new Dec(row.achievement.percentExact);
  const close = (a: Dec, b: Dec) => a.minus(b).abs().lt('1e-30');

  it('adds up a monthly indicator\'s months into its quarter by the sum rule, a month not yet reported left out; a month stays its own', async () => {
    const apps = `plans/${plans.DISKOMINFO}/indicators/${indicators.DISKOMINFO[APPS]}`;
    await months('kominfo', apps, 'action-plan', { '07': '1', '08': '1', '09': '2' });
    await months('kominfo', apps, 'realisations', { '07': '1', '08': '2' });
    // September not reported yet: the quarter's 3 applications of the 4 planned, 75 %, not met.
    const before = unitRow(await overview('period=2026-Q3'), 'DISKOMINFO');
    expect([before.withTarget, before.met, before.achievement.used, before.achievement.percent]).toEqual([1, 0, 1, '75.00']);
    await months('kominfo', apps, 'realisations', { '09': '2' });
    // The whole quarter: 1 + 2 + 2 = 5 of 1 + 1 + 2 = 4, 125 %, met.
    const after = unitRow(await overview('period=2026-Q3'), 'DISKOMINFO');
    expect([after.withTarget, after.met, after.achievement.percent]).toEqual([1, 1, '125.00']);
    expect(percentOf(after).eq(125)).toBe(true);
    // August alone is its own rows: 2 of 1, 200 %.
    expect(unitRow(await overview('period=2026-08'), 'DISKOMINFO').achievement).toMatchObject({ percent: '200.00', used: 1 });
  });

  it('averages a monthly indicator\'s months into its quarter by the average rule, over the months reported only, as its budget node\'s quarter says', async () => {
    // The coordinator makes the online services a monthly rate: the plan back to draft, the rule changed, active again.
    const plan = `plans/${plans.DISKOMINFO}`;
    const online = `${plan}/indicators/${indicators.DISKOMINFO['Persentase layanan publik yang tersedia daring']}`;
    expect((await put('coordinator', `${plan}/status`, { status: 'draft' })).status).toBe(200);
    expect((await h.api('PATCH', `${R}/${online}`, { session: s.coordinator, body: { aggregation: 'average' } })).body.aggregation).toBe('average');
    expect((await put('coordinator', `${plan}/status`, { status: 'active' })).status).toBe(200);
    await months('kominfo', online, 'action-plan', { '07': '60', '08': '62', '09': '64' });
    await months('kominfo', online, 'realisations', { '07': '58', '08': '61' });
    // Its programme's own third quarter: 240 000 000 of 300 000 000, 80 %.
    const programme = `${plan}/nodes/${nodes.DISKOMINFO['2.16.03']}`;
    expect((await put('kominfo', `${programme}/budget/2026-Q3`, { ceiling: '300000000', spending: '240000000' })).status).toBe(200);
    // September not reported: (58 + 61) / 2 = 59.5 against (60 + 62 + 64) / 3 = 62, 95.967…% (not 119 / 3 = 39.67 against 62).
    const partial = new Dec('59.5').times(100).div(62);
    const programmeQ3 = async () => nodePeriod('DISKOMINFO', '2.16.03', 2026, '2026-Q3');
    expect((await programmeQ3()).achievement.percent).toBe('95.97');
    expect(close(new Dec((await programmeQ3()).achievement.percentExact), partial)).toBe(true);
    await months('kominfo', online, 'realisations', { '09': '64' });
    // The whole quarter: (58 + 61 + 64) / 3 = 61 against 62, 98.387…%; the programme's quarter, and beside the applications' 125 % in the unit.
    const whole = new Dec(61).times(100).div(62);
    const node = await programmeQ3();
    expect(node.achievement.percent).toBe('98.39');
    expect(close(new Dec(node.achievement.percentExact), whole)).toBe(true);
    expect(node.efficiency).toMatchObject({ computable: true, value: '18.39', category: 'efficient' });
    const kominfo = unitRow(await overview('period=2026-Q3'), 'DISKOMINFO');
    expect([kominfo.withTarget, kominfo.met, kominfo.achievement.used]).toEqual([2, 1, 2]);
    expect(close(percentOf(kominfo), whole.plus(125).div(2))).toBe(true);
    expect(kominfo.budget).toMatchObject({ ceiling: '300000000', spending: '240000000', absorption: { percent: '80.00' } });
  });

  it('takes a monthly indicator\'s last month reported into its quarter by the last rule', async () => {
    // The region's poverty rate (lower is better), planned and reported month by month by the coordinator.
    const poverty = `plans/${plans.RPJMD}/indicators/${indicators.RPJMD['Tingkat kemiskinan']}`;
    await months('coordinator', poverty, 'action-plan', { '07': '9.20', '08': '9.10', '09': '9.00' });
    await months('coordinator', poverty, 'realisations', { '07': '9.25', '08': '9.05' });
    // September not reported: August's 9.05 against September's 9.00, (2·9.00 − 9.05) / 9.00 = 99.444…%, not met.
    const before = await overview('period=2026-Q3');
    expect(unitRow(before, null)).toMatchObject({ withTarget: 1, reported: 1, met: 0, achievement: { percent: '99.44', used: 1 } });
    expect(close(percentOf(unitRow(before, null)), new Dec('8.95').times(100).div(9))).toBe(true);
    await months('coordinator', poverty, 'realisations', { '09': '8.95' });
    // September's 8.95: (2·9.00 − 8.95) / 9.00 = 100.555…%, met; for the region and among the RPJMD's key indicators.
    const after = await overview('period=2026-Q3');
    expect(unitRow(after, null)).toMatchObject({ withTarget: 1, reported: 1, met: 1, achievement: { percent: '100.56' } });
    expect(close(percentOf(unitRow(after, null)), new Dec('9.05').times(100).div(9))).toBe(true);
    expect(after.iku).toMatchObject({ withTarget: 1, met: 1, achievement: { percent: '100.56', used: 1 } });
  });

  it('keeps an indicator entered by quarter on its quarter rows', async () => {
    // The mothers served: the demo's third-quarter realisation (4 395) and a third-quarter action target; 4 395 of 4 400.
    const mothers = `plans/${plans.DINKES}/indicators/${indicators.DINKES['Jumlah ibu hamil yang mendapatkan layanan kesehatan sesuai standar']}`;
    expect((await put('coordinator', `${mothers}/action-plan/2026-Q3`, { value: '4400' })).status).toBe(200);
    const dinkes = unitRow(await overview('period=2026-Q3'), 'DINKES');
    expect([dinkes.withTarget, dinkes.met, dinkes.achievement.used, dinkes.achievement.percent]).toEqual([1, 0, 1, '99.89']);
    expect(close(percentOf(dinkes), new Dec(4395).times(100).div(4400))).toBe(true);
    // Its months have no rows of either kind: July alone has nothing to judge.
    expect(unitRow(await overview('period=2026-07'), 'DINKES')).toMatchObject({ withTarget: 0, achievement: { ok: false } });
  });

  it('refuses a period of another year, outside every active plan, not a period, and another region\'s unit', async () => {
    const [foreignUnit] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code <> '32.11' order by code limit 1`);
    for (const [query, status, code] of [
      ['year=2025&period=2026-Q2', 400, 'request.invalid'],
      ['year=2026&period=2025-05', 400, 'request.invalid'],
      ['period=2031-Q1', 409, 'sakip.period_outside_plan'],
      ['period=2025-Q5', 400, 'request.invalid'],
      ['period=2025-13', 400, 'request.invalid'],
      ['period=Q2', 400, 'request.invalid'],
      [`period=2025-Q2&unit=${foreignUnit.id}`, 404, 'unit.not_found'],
    ] as const) {
      const res = await h.api('GET', `${R}/overview?${query}`, { session: s.bupati });
      expect([res.status, res.body.error?.code], query).toEqual([status, code]);
    }
    const outside = await h.api('GET', `${R}/overview?period=2031-Q1`, { session: s.bupati });
    expect(outside.body.error.details).toMatchObject({ period: '2031-Q1', startYear: 2025, endYear: 2029 });
  });
});

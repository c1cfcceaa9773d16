// Budgets, action plans and efficiency through the real API: the demo's 2025
// budgets read back with exact absorption and efficiency (by node and period,
// by unit and target in the overview, by region in the province's
// comparison), a planner entering and correcting a budget with its history,
// what is refused (negative, not a number, a node without a budget, a locked
// period, mixed period kinds, another unit's node, another region's ids), and
// the output-index method once a region chooses it.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { readDemoPlans } from './demo-plans.test-kit.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { enableRegion, getRegion, updateSettings } from '../../platform/regions/service.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import { Dec } from '../../platform/decimal.js';

const R = '/api/regions/32.11/sakip';

describeWithApp('SAKIP budgets, action plans and efficiency', (h) => {
  const s: Record<string, Session> = {};
  const plans: Record<string, string> = {};
  /** Node ids by plan and code or title. */
  const nodes: Record<string, Record<string, string>> = {};
  const indicators: Record<string, Record<string, string>> = {};
  const budget = (plan: string, node: string, year = 2025, who = 'coordinator') =>
    h.api('GET', `${R}/plans/${plans[plan]}/nodes/${nodes[plan][node]}/budget?year=${year}`, { session: s[who] });
  const putBudget = (who: string, plan: string, node: string, period: string, body: Record<string, unknown>) =>
    h.api('PUT', `${R}/plans/${plans[plan]}/nodes/${nodes[plan][node]}/budget/${period}`, { session: s[who], body });
  const putAction = (who: string, plan: string, indicator: string, period: string, body: Record<string, unknown>) =>
    h.api('PUT', `${R}/plans/${plans[plan]}/indicators/${indicators[plan][indicator]}/action-plan/${period}`, { session: s[who], body });
  const count = async (table: string) => (await h.ctx.database.rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table} where region_code = '32.11'`)))[0].n;

  beforeAll(async () => {
    await h.ctx.database.db.transaction(async (tx) => {
      await enableRegion(tx, '32.73');
      const foreign = await createUser(tx, { email: 'sakip@bandung.test', name: 'Koordinator SAKIP Bandung', password: DEMO_PASSWORD });
      await grantRole(tx, '32.73', foreign, 'sakip_coordinator', null);
    });
    for (const [k, email] of Object.entries({
      coordinator: 'sakip@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', kominfo: 'perencana.kominfo@sumedang.demo',
      bupati: 'bupati@sumedang.demo', foreign: 'sakip@bandung.test', province: 'sakip@jabarprov.demo',
    })) s[k] = await h.signIn(email);
    await readDemoPlans(h, s.coordinator, { plans, nodes, indicators });
  });

  it('reads a sub-activity\'s quarters with exact absorption, each quarter judged by its action-plan targets, and the programme adding up its activities', async () => {
    const res = await budget('DINKES', '1.02.02.2.02.0001');
    expect(res.status).toBe(200);
    const view = res.body;
    expect(view.method).toMatchObject({ code: 'achievement_minus_absorption', threshold: '5' });
    expect(view.method.categories.map((c: any) => [c.code, c.colour])).toEqual([['efficient', '#1d6b3a'], ['fairly_efficient', '#e0a800'], ['inefficient', '#b42318']]);
    // Ceiling 1 187 500 000 a quarter. Q1: 950 000 000 spent = 80 %; 4 210 mothers served of 4 375 planned = 96.228571…%, +16.23 points.
    expect(view.periods.map((p: any) => [p.period, p.ceiling, p.spending, p.absorption.percent, p.achievement.percent, p.efficiency.value, p.efficiency.category, p.locked])).toEqual([
      ['2025-Q1', '1187500000', '950000000', '80.00', '96.23', '16.23', 'efficient', true],
      // 1 100 000 000 / 1 187 500 000 = 92.631578…%; 4 388 / 4 375 = 100.297142…%.
      ['2025-Q2', '1187500000', '1100000000', '92.63', '100.30', '7.67', 'efficient', true],
      // 1 125 000 000 / 1 187 500 000 = 94.736842…%; 4 460 / 4 375 = 101.942857…%.
      ['2025-Q3', '1187500000', '1125000000', '94.74', '101.94', '7.21', 'efficient', true],
      // 4 302 / 4 375 = 98.331428…% against 92.631578…%.
      ['2025-Q4', '1187500000', '1100000000', '92.63', '98.33', '5.70', 'efficient', true],
    ]);
    // The year: 4 275 000 000 of 4 750 000 000 = 90 %; 17 360 of 17 500 mothers = 99.2 %.
    expect(view.total).toMatchObject({ source: 'own', budget: { ceiling: '4750000000', spending: '4275000000', absorption: { percent: '90.00' } }, achievement: { percent: '99.20' } });
    expect(view.total.efficiency).toMatchObject({ computable: true, value: '9.20', valueExact: '9.2', category: 'efficient', colour: '#1d6b3a' });

    const programme = (await budget('DINKES', '1.02.02')).body;
    expect(programme.periods).toEqual([]);
    expect(programme.total.source).toBe('children');
    expect(programme.total.budget).toEqual({ ceiling: '4750000000', spending: '4275000000', absorption: { percent: '90.00', percentExact: '90' } });
    // Its own indicator, 72 of 70 % of health centres = 102.857142…%, against 90 %.
    expect(programme.total.efficiency).toMatchObject({ value: '12.86', category: 'efficient' });
    expect(programme.children.map((c: any) => [c.node.code, c.budget.ceiling])).toEqual([['1.02.02.2.02', '4750000000']]);

    // Diskominfo's first quarter: no application integrated of the one planned (0 %) against 80 % absorbed.
    const kominfo = (await budget('DISKOMINFO', '2.16.03.2.02.0001')).body;
    expect(kominfo.periods[0]).toMatchObject({ period: '2025-Q1', absorption: { percent: '80.00' }, achievement: { percent: '0.00' }, efficiency: { value: '-80.00', category: 'inefficient', colour: '#b42318' } });
    // An activity without indicators has no achievement: its efficiency is not computable, its budget still shown.
    const activity = (await budget('DISKOMINFO', '2.16.03.2.02')).body;
    expect(activity.total).toMatchObject({ source: 'children', budget: { absorption: { percent: '95.00' } }, achievement: null, efficiency: { computable: false, reason: 'no_achievement' } });
    // A year without budgets.
    expect((await budget('DINKES', '1.02.02', 2027)).body.total).toMatchObject({ source: null, budget: null, efficiency: { computable: false, reason: 'no_budget' } });
  });

  it('puts each unit\'s and each target\'s efficiency into the overview, one of each category, and the region\'s into the province\'s comparison', async () => {
    const view = (await h.api('GET', `${R}/overview?year=2025`, { session: s.bupati })).body;
    expect(view.efficiencyMethod.label.id).toBe('Capaian kinerja dikurangi serapan anggaran');
    const unit = (code: string | null) => view.units.find((u: any) => (u.unit?.code ?? null) === code);
    for (const [code, absorbed] of [['DINKES', '90'], ['DISKOMINFO', '95']] as const) {
      const u = unit(code);
      expect(u.budget.absorption.percentExact, code).toBe(absorbed);
      // Exactly the unit's achievement (as the overview shows it) minus its absorption.
      expect(u.efficiency.valueExact, code).toBe(new Dec(u.achievement.percentExact).minus(absorbed).toFixed());
    }
    expect(unit('DINKES').efficiency.category).toBe('efficient');
    expect(unit('DISKOMINFO').efficiency.category).toBe('fairly_efficient');
    // The region's own indicators have no programme budget.
    expect(unit(null)).toMatchObject({ budget: null, efficiency: null });
    // The region's own targets (the RPJMD's) have no programme budget; each unit's are on its drill-down.
    expect([view.targetsUnitId, view.targets]).toEqual([null, []]);
    const targetsOf = async (code: string) => {
      const focused = (await h.api('GET', `${R}/overview?year=2025&unit=${unit(code).unit.id}`, { session: s.bupati })).body;
      expect(focused.targetsUnitId).toBe(unit(code).unit.id);
      // The same units and total: only the targets listed change.
      expect({ ...focused, targetsUnitId: null, targets: [] }).toEqual(view);
      return focused.targets.map((t: any) => [t.planKind, t.unitId, t.achievement.percent, t.budget.absorption.percent, t.efficiency.value, t.efficiency.category]);
    };
    // Stunting 101.428571…%, the iron tablets within their range (100 %) and the two village-measured rates
    // (109.43…% and 108.84…%), averaged: 104.92 %.
    expect(await targetsOf('DINKES')).toEqual([['renstra', unit('DINKES').unit.id, '104.92', '90.00', '14.92', 'efficient']]);
    // Diskominfo's target: the SPBE index at 3.22 of 3.60 = 89.444…% against 95 %, −5.56: inefficient.
    expect(await targetsOf('DISKOMINFO')).toEqual([['renstra', unit('DISKOMINFO').unit.id, '89.44', '95.00', '-5.56', 'inefficient']]);
    // Another region's unit, or no unit at all, is not found here.
    const [foreignUnit] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code <> '32.11' order by code limit 1`);
    for (const other of [foreignUnit.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await h.api('GET', `${R}/overview?year=2025&unit=${other}`, { session: s.bupati });
      expect([res.status, res.body.error.code], other).toEqual([404, 'unit.not_found']);
    }
    // The whole budget: 6 555 000 000 of 7 150 000 000 = 91.678321…%.
    expect(view.total.budget).toMatchObject({ ceiling: '7150000000', spending: '6555000000', absorption: { percent: '91.68' } });
    expect(view.total.efficiency.valueExact).toBe(new Dec(view.iku.achievement.percentExact).minus(new Dec(6555).times(100).div(7150)).toFixed());

    const comparison = (await h.api('GET', '/api/regions/32/sakip/province-comparison?from=2024&to=2025&targetsYear=2025', { session: s.province })).body;
    const sumedang = comparison.regions.find((r: any) => r.code === '32.11');
    expect(sumedang.efficiency).toEqual({ year: 2025, method: view.efficiencyMethod, budget: view.total.budget, efficiency: view.total.efficiency });
    const bandung = comparison.regions.find((r: any) => r.code === '32.73');
    expect(bandung.efficiency).toMatchObject({ budget: null, efficiency: null, method: { code: 'achievement_minus_absorption' } });
  });

  it('lets a planner enter and correct their unit\'s budget, keeping the version replaced, and refuses what does not fit', async () => {
    const before = await count('sakip_budgets');
    const first = await putBudget('dinkes', 'DINKES', '1.02.02.2.02', '2026-Q1', { ceiling: '1000000000.50', spending: 250000000 });
    expect(first.status).toBe(200);
    expect(first.body.periods[0]).toMatchObject({ period: '2026-Q1', ceiling: '1000000000.50', spending: '250000000', version: 1, locked: false, enteredBy: 'perencana.dinkes@sumedang.demo' });
    // 250 000 000 / 1 000 000 000.50 = 24.99999998750000000624…%, to 40 significant digits.
    expect(first.body.periods[0].absorption).toEqual({ percent: '25.00', percentExact: '24.99999998750000000624999999687500000156' });
    const again = await putBudget('dinkes', 'DINKES', '1.02.02.2.02', '2026-Q1', { ceiling: '1000000000.5', spending: '250000000' });
    expect(again.body.periods[0].version).toBe(1);
    const corrected = await putBudget('dinkes', 'DINKES', '1.02.02.2.02', '2026-Q1', { ceiling: '1000000000.50', spending: '300000000' });
    expect(corrected.body.periods[0]).toMatchObject({ spending: '300000000', version: 2, absorption: { percent: '30.00' } });
    expect(corrected.body.history).toEqual([expect.objectContaining({ period: '2026-Q1', version: 1, spending: '250000000' })]);

    const refused: [string, string, string, string, Record<string, unknown>, number, string][] = [
      ['dinkes', '1.02.02.2.02', '2026-Q2', 'negative ceiling', { ceiling: '-1', spending: '0' }, 400, 'sakip.value_negative'],
      ['dinkes', '1.02.02.2.02', '2026-Q2', 'negative spending', { ceiling: '10', spending: -5 }, 400, 'sakip.value_negative'],
      ['dinkes', '1.02.02.2.02', '2026-Q2', 'a decimal comma', { ceiling: '1.000.000,00', spending: '0' }, 400, 'sakip.value_not_numeric'],
      ['dinkes', '1.02.02.2.02', '2026-Q2', 'words', { ceiling: 'satu miliar', spending: '0' }, 400, 'sakip.value_not_numeric'],
      ['dinkes', 'Menurunnya prevalensi stunting dan kekurangan gizi pada balita', '2026-Q2', 'a target node', { ceiling: '10', spending: '0' }, 409, 'sakip.budget_node_kind'],
      ['dinkes', '1.02.02.2.02', '2026', 'a year after its quarters', { ceiling: '10', spending: '0' }, 409, 'sakip.period_kind_mixed'],
      ['dinkes', '1.02.02.2.02', '2031-Q1', 'outside the plan', { ceiling: '10', spending: '0' }, 409, 'sakip.period_outside_plan'],
      ['dinkes', '1.02.02.2.02.0001', '2025-Q1', 'a closed quarter', { ceiling: '10', spending: '0' }, 409, 'sakip.period_locked'],
      ['coordinator', '1.02.02.2.02.0001', '2025-Q1', 'a closed quarter without a reason', { ceiling: '10', spending: '0' }, 400, 'sakip.correction_reason_required'],
      ['kominfo', '1.02.02.2.02', '2026-Q2', 'another unit\'s node', { ceiling: '10', spending: '0' }, 403, 'sakip.not_your_unit'],
    ];
    for (const [who, node, period, what, body, status, code] of refused) {
      const res = await putBudget(who, 'DINKES', node, period, body);
      expect([res.status, res.body.error?.code], what).toEqual([status, code]);
    }
    expect(await count('sakip_budgets')).toBe(before + 1);

    // The coordinator corrects a closed quarter with a reason; the history keeps what it replaced.
    const late = await putBudget('coordinator', 'DINKES', '1.02.02.2.02.0001', '2025-Q1', { ceiling: '1187500000', spending: '960000000', reason: 'SP2D susulan' });
    expect(late.status).toBe(200);
    expect(late.body.periods[0]).toMatchObject({ spending: '960000000', version: 2, reason: 'SP2D susulan', afterClose: true });
    expect(late.body.history.map((v: any) => [v.period, v.version, v.spending])).toEqual([['2025-Q1', 1, '950000000']]);
    const [audit] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where region_code = '32.11' and action = 'sakip.budget'`);
    expect(audit.n).toBe(3);
  });

  it('sets an indicator\'s action plan by quarter or month under the same lock, the year\'s target staying the plan\'s', async () => {
    const name = 'Jumlah ibu hamil yang mendapatkan layanan kesehatan sesuai standar';
    const read = (year: number) => h.api('GET', `${R}/plans/${plans.DINKES}/indicators/${indicators.DINKES[name]}/action-plan?year=${year}`, { session: s.bupati });
    const demo = (await read(2025)).body;
    expect(demo).toMatchObject({ year: 2025, yearTarget: { value: '17500', version: 1 }, periodKind: 'quarter' });
    expect(demo.periods.map((p: any) => [p.period, p.value])).toEqual([['2025-Q1', '4375'], ['2025-Q2', '4375'], ['2025-Q3', '4375'], ['2025-Q4', '4375']]);
    const set = await putAction('dinkes', 'DINKES', name, '2026-03', { value: '1466.5' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ yearTarget: { value: '17600' }, periodKind: 'month', periods: [{ period: '2026-03', value: '1466.5', setBy: 'perencana.dinkes@sumedang.demo' }] });
    for (const [who, period, body, status, code] of [
      ['dinkes', '2026', { value: '1' }, 400, 'sakip.action_period_year'],
      ['dinkes', '2026-Q2', { value: '1' }, 409, 'sakip.period_kind_mixed'],
      ['dinkes', '2026-04', { value: '-1' }, 400, 'sakip.value_negative'],
      ['dinkes', '2026-04', { value: 'banyak' }, 400, 'sakip.value_not_numeric'],
      ['dinkes', '2025-Q1', { value: '4000' }, 409, 'sakip.period_locked'],
      ['kominfo', '2026-04', { value: '1' }, 403, 'sakip.not_your_unit'],
    ] as const) {
      const res = await putAction(who, 'DINKES', name, period, body);
      expect([res.status, res.body.error?.code], `${who} ${period}`).toEqual([status, code]);
    }
    const fixed = await putAction('coordinator', 'DINKES', name, '2025-Q1', { value: '4300', reason: 'Sasaran ibu hamil dikoreksi' });
    expect(fixed.body.periods[0]).toMatchObject({ period: '2025-Q1', value: '4300', reason: 'Sasaran ibu hamil dikoreksi' });
    // The quarter's efficiency follows: 4 210 of 4 300 = 97.906976…% against 960 000 000 of 1 187 500 000 (as corrected above) = 80.842105…%.
    expect((await budget('DINKES', '1.02.02.2.02.0001')).body.periods[0].efficiency.value).toBe('17.06');
  });

  it('keeps a draft\'s budgeted node from being removed, and the draft from being replaced by an import', async () => {
    const [unit] = await h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = '32.11' and code = 'DISKOMINFO'`);
    const plan = (await h.api('POST', `${R}/plans`, { session: s.kominfo, body: { kind: 'renstra', unitId: unit.id, startYear: 2030, title: 'Renstra Diskominfo 2030–2034' } })).body;
    const P = `${R}/plans/${plan.id}`;
    const add = async (body: Record<string, unknown>) => (await h.api('POST', `${P}/nodes`, { session: s.kominfo, body })).body.id as string;
    const goal = await add({ kind: 'goal', parentId: null, title: 'Tujuan uji' });
    const target = await add({ kind: 'target', parentId: goal, title: 'Sasaran uji' });
    const programme = await add({ kind: 'programme', parentId: target, code: '2.16.03', title: 'PROGRAM PENGELOLAAN APLIKASI INFORMATIKA' });
    expect((await h.api('PUT', `${P}/nodes/${programme}/budget/2030`, { session: s.kominfo, body: { ceiling: '500000000', spending: '0' } })).status).toBe(200);
    const removed = await h.api('DELETE', `${P}/nodes/${programme}`, { session: s.kominfo });
    expect([removed.status, removed.body.error.code, removed.body.error.details.budget]).toEqual([409, 'sakip.node_not_empty', true]);
    const exported = await h.app.inject({ method: 'GET', url: `${P}/export.xlsx`, headers: { cookie: s.kominfo.cookie } });
    const boundary = 'uji-anggaran';
    const imported = await h.api('POST', `${P}/import`, {
      session: s.kominfo, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rencana.xlsx"\r\n\r\n`), exported.rawPayload, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expect([imported.status, imported.body.error.code, imported.body.error.details.budgets]).toEqual([409, 'sakip.import_discards_history', 1]);
  });

  it('judges by the output index once the region chooses it', async () => {
    const region = await getRegion(h.ctx.database.db, '32.11');
    await updateSettings(h.ctx.database.db, '32.11', { ...region.settings, sakip: { ...region.settings.sakip, method: 'output_index' } });
    try {
      const view = (await budget('DINKES', '1.02.02.2.02.0001', 2025)).body;
      expect(view.method.code).toBe('output_index');
      // Q2: RA 1 100 000 000, RV 4 388, PA 1 187 500 000, TV 4 375: E = 1 − (RA·TV)/(PA·RV) = 7.64…%; 50 + E/20 × 50 = 69.107…%: above 55, efficient.
      const e = new Dec(1).minus(new Dec(1100000000).times(4375).div(new Dec(1187500000).times(4388))).times(100);
      expect(view.periods[1].efficiency).toMatchObject({ valueExact: new Dec(50).plus(e.div(20).times(50)).toFixed(), value: '69.11', category: 'efficient' });
      const overview = (await h.api('GET', `${R}/overview?year=2025`, { session: s.bupati })).body;
      expect(overview.efficiencyMethod.code).toBe('output_index');
      expect(overview.units.find((u: any) => u.unit?.code === 'DINKES').efficiency.computable).toBe(true);
    } finally {
      await updateSettings(h.ctx.database.db, '32.11', region.settings);
    }
  });

  it('gives another region\'s coordinator nothing of Sumedang\'s budgets: 404 with their own region in the path, 403 with Sumedang\'s', async () => {
    const other = '/api/regions/32.73/sakip';
    const node = `plans/${plans.DINKES}/nodes/${nodes.DINKES['1.02.02.2.02.0001']}`;
    const indicator = `plans/${plans.DINKES}/indicators/${indicators.DINKES['Jumlah ibu hamil yang mendapatkan layanan kesehatan sesuai standar']}`;
    for (const [method, path, body] of [
      ['GET', `${node}/budget?year=2025`, undefined], ['PUT', `${node}/budget/2026-Q2`, { ceiling: '1', spending: '1' }],
      ['GET', `${indicator}/action-plan?year=2025`, undefined], ['PUT', `${indicator}/action-plan/2026-05`, { value: '1' }],
    ] as const) {
      const own = await h.api(method, `${other}/${path}`, { session: s.foreign, body });
      expect([own.status, own.body.error.code], path).toEqual([404, 'sakip.plan_not_found']);
      expect((await h.api(method, `${R}/${path}`, { session: s.foreign, body })).status, path).toBe(403);
    }
    expect(JSON.stringify((await h.api('GET', `${other}/overview?year=2025`, { session: s.foreign })).body)).not.toContain('4750000000');
  });
});

// The demo region's plans (valid, active, cascading, with exact 2025
// achievement), its reporting periods (2025 closed, the current quarter open
// with one unit late), two kecamatan with village data, its 2025 budgets and action plans, the region's
// traffic-light settings, and the tenant-isolation
// fixtures: every e-SAKIP route is filled by them, and each request they give
// succeeds for the victim region's own coordinator, so the isolation test's
// refusals are refusals of requests that would otherwise work.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { sweepDeadlines } from '../../platform/deadlines/sweep.js';
import { sakipIsolation } from './isolation.js';

const R = '/api/regions/32.11/sakip';

/** Every node of a tree view, depth first. */
const nodesOf = (tree: any[]): any[] => tree.flatMap((n) => [n, ...nodesOf(n.children)]);

describeWithApp('SAKIP demo and settings', (h) => {
  let coordinator: Session;
  let plans: any[];
  const tree = async (id: string, year = 2025) => (await h.api('GET', `${R}/plans/${id}/tree?year=${year}`, { session: coordinator })).body;

  beforeAll(async () => {
    coordinator = await h.signIn('sakip@sumedang.demo');
    plans = (await h.api('GET', `${R}/plans`, { session: coordinator })).body;
  });

  it('gives Sumedang an active RPJMD 2025–2029 and two Renstra cascading from it, all without problems', async () => {
    expect(plans.map((p) => [p.kind, p.unit?.code ?? null, p.startYear, p.endYear, p.status])).toEqual([
      ['rpjmd', null, 2025, 2029, 'active'], ['renstra', 'DINKES', 2025, 2029, 'active'], ['renstra', 'DISKOMINFO', 2025, 2029, 'active'],
    ]);
    const rpjmd = await tree(plans[0].id);
    expect(rpjmd.problems).toEqual([]);
    const rpjmdTargets = new Map(nodesOf(rpjmd.tree).filter((n) => n.kind === 'target').map((n) => [n.title, n.id]));
    for (const [i, supported] of [[1, 'Menurunnya prevalensi stunting'], [2, 'Meningkatnya kematangan SPBE']] as const) {
      const t = await tree(plans[i].id);
      expect(t.problems).toEqual([]);
      expect(t.tree[0]).toMatchObject({ kind: 'goal', supportsNodeId: rpjmdTargets.get(supported) });
      expect(nodesOf(t.tree).map((n) => n.kind)).toEqual(['goal', 'target', 'programme', 'activity', 'sub_activity']);
    }
  });

  it('computes 2025 achievement from the demo realisations, exactly, with one target revised on record', async () => {
    const rows = (await h.api('GET', `${R}/plans/${plans[0].id}/table?year=2025`, { session: coordinator })).body.rows.filter((r: any) => r.indicator);
    expect(rows.map((r: any) => [r.indicator.name, r.indicator.achievement.realisation.value, r.indicator.achievement.result.percent])).toEqual([
      ['Indeks Pembangunan Manusia (IPM)', '72.31', '100.29'],
      ['Prevalensi stunting pada balita', '13.8', '101.43'],
      ['Tingkat kemiskinan', '9.32', '101.89'],
      // 3.22 / 3.60 = 89.444…
      ['Indeks SPBE', '3.22', '89.44'],
      // Quarters averaged: (82.5 + 86 + 88.4 + 89.1) / 4 = 86.5 against 85.
      ['Persentase pengaduan yang ditanggapi tepat waktu', '86.5', '101.76'],
    ]);
    const stunting = rows[1].indicator;
    const history = (await h.api('GET', `${R}/plans/${plans[0].id}/indicators/${stunting.id}/targets`, { session: coordinator })).body;
    expect(history.years[1].versions.map((v: any) => [v.version, v.value, v.reason])).toEqual([[1, '12.00', null], [2, '12.50', 'Penyesuaian setelah hasil SSGI 2024 diterbitkan']]);
    expect(stunting.targets[1].target.value).toBe('12.50');
  });

  it('has 2025 closed with every report in on time, and the latest quarter due open with Diskominfo late and escalated; the sweep finds nothing left to do', async () => {
    const periods = (await h.api('GET', `${R}/reporting-periods`, { session: coordinator })).body;
    // The test clock is Monday 2 November 2026: the third quarter's reports were due on 14 October. Due dates
    // are the region's rule on its calendar (New Year's Day 2026 moves the fourth quarter's and the year's a day).
    expect(periods.map((p: any) => [p.period, p.status, p.dueDate])).toEqual([
      ['2026-Q3', 'open', '2026-10-14'], ['2025', 'closed', '2026-01-30'], ['2025-Q4', 'closed', '2026-01-15'],
      ['2025-Q3', 'closed', '2025-10-14'], ['2025-Q2', 'closed', '2025-07-14'], ['2025-Q1', 'closed', '2025-04-14'],
    ]);
    expect(periods[0].units.map((u: any) => [u.unit.code, u.status, u.escalationLevel, u.submitted?.by ?? null])).toEqual([
      ['DINKES', 'reported', 0, 'perencana.dinkes@sumedang.demo'], ['DISKOMINFO', 'late', 3, null], ['DPMPTSP', 'reported', 0, 'sakip@sumedang.demo'],
    ]);
    expect(periods.slice(1).every((p: any) => p.counts.reported === 3 && p.units.length === 3)).toBe(true);
    expect(await sweepDeadlines(h.ctx)).toBe(0);
    // 2025 is locked: the health office's planner cannot change its last quarter.
    const planner = await h.signIn('perencana.dinkes@sumedang.demo');
    const stunting = (await h.api('GET', `${R}/plans/${plans[1].id}/table?year=2025`, { session: coordinator })).body.rows.find((r: any) => r.indicator?.name === 'Prevalensi stunting pada balita').indicator.id;
    const locked = await h.api('PUT', `${R}/plans/${plans[1].id}/indicators/${stunting}/realisations/2025-Q4`, { session: planner, body: { value: '13.5' } });
    expect([locked.status, locked.body.error.code]).toEqual([409, 'sakip.period_locked']);
  });

  it('has two kecamatan with 2025\'s village data, rolled up into the health office\'s realisations', async () => {
    const kecamatan = (await h.api('GET', `${R}/kecamatan`, { session: coordinator })).body;
    expect(kecamatan.map((k: any) => [k.districtCode, k.unit.code, k.villages])).toEqual([['32.11.01', 'KEC-WADO', 10], ['32.11.17', 'KEC-SUMSEL', 14]]);
    const measured = (await h.api('GET', `${R}/village-indicators?year=2025`, { session: coordinator })).body;
    expect(measured).toHaveLength(2);
    for (const m of measured) {
      const table = (await h.api('GET', `${R}/plans/${m.planId}/villages/${m.indicator.id}?period=2025`, { session: coordinator })).body;
      expect(table.villages.filter((v: any) => v.entry)).toHaveLength(24);
      expect(table.realisation).toMatchObject({ value: table.total.value, fromVillages: true });
    }
    // The kecamatan officer signs in with the demo password.
    expect((await h.signIn('kecamatan.wado@sumedang.demo')).cookie).toMatch(/^pamong_session=/);
  });

  it('shows achievement in the region\'s own traffic-light bands, which are checked before they are saved', async () => {
    const admin = await h.signIn('admin@sumedang.demo');
    expect((await h.api('GET', '/api/regions/32.11/settings', { session: admin })).body.sakip).toMatchObject({ method: 'achievement_minus_absorption', threshold: 5, capOutputE: true });
    const bands = [
      { min: 0, minInclusive: true, max: 100, maxInclusive: false, label: { id: 'Belum tercapai', en: 'Not met' }, colour: '#aa0000' },
      { min: 100, minInclusive: true, max: null, maxInclusive: false, label: { id: 'Tercapai', en: 'Met' }, colour: '#00aa00' },
    ];
    const gap = [{ ...bands[0], max: 90 }, bands[1]];
    const refused = await h.api('PUT', '/api/regions/32.11/settings', { session: admin, body: { sakip: { bands: gap } } });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'request.invalid']);
    expect((await h.api('PUT', '/api/regions/32.11/settings', { session: admin, body: { sakip: { bands } } })).status).toBe(200);
    const figures = nodesOf((await tree(plans[0].id)).tree).flatMap((n) => n.indicators).map((i: any) => [i.achievement.result.percent, i.achievement.result.band.label.en]);
    expect(figures).toEqual([['100.29', 'Met'], ['101.43', 'Met'], ['101.89', 'Met'], ['89.44', 'Not met'], ['101.76', 'Met']]);
  });
});

describeWithApp('SAKIP isolation fixtures', (h) => {
  it('budgets the Renstra sub-activities for 2025 by quarter with their action plans, so the overview shows every efficiency category', async () => {
    const [budgets] = await h.ctx.database.rows<{ n: number; ceiling: string; spending: string }>(
      sql`select count(*)::int as n, sum(ceiling)::text as ceiling, sum(spending)::text as spending from sakip_budgets where region_code = '32.11' and year = 2025`);
    expect(budgets).toEqual({ n: 8, ceiling: '7150000000', spending: '6555000000' });
    const [actions] = await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from sakip_action_targets where region_code = '32.11' and year = 2025`);
    expect(actions.n).toBe(8);
    const session = await h.signIn('sakip@sumedang.demo');
    const view = (await h.api('GET', `${R}/overview?year=2025`, { session })).body;
    const targets = [];
    for (const u of view.units.filter((x: any) => x.budget)) targets.push(...(await h.api('GET', `${R}/overview?year=2025&unit=${u.unit.id}`, { session })).body.targets);
    const categories = new Set([...view.units, ...targets, view.total].map((r: any) => r.efficiency?.category).filter(Boolean));
    expect([...categories].sort()).toEqual(['efficient', 'fairly_efficient', 'inefficient']);
  });

  it('fill every e-SAKIP route, and every request they give succeeds for the victim region\'s coordinator on a fresh fixture (an import up to the fixture\'s history)', async () => {
    const coordinator = await h.signIn('sakip@sumedang.demo');
    // The AKIP evaluation's own steps are the Inspektorat's.
    const evaluator = await h.signIn('evaluator@sumedang.demo');
    const routes = h.app.routeTable.filter((r) => r.url.includes('/sakip/'));
    expect(routes.length).toBeGreaterThanOrEqual(17);
    // Reads first, activation last (it fixes the structure), each write on a fixture of its own.
    const order = (r: { method: string; url: string }) => (r.method === 'GET' ? 0 : r.url.endsWith('/status') ? 2 : 1);
    let last: string | null = null;
    let params: Record<string, string> = {};
    const answers: string[] = [];
    for (const route of [...routes].sort((a, b) => order(a) - order(b))) {
      if (last && route.method !== 'GET') {
        // A fresh fixture: the previous one's rows go (the fixture's plan is the only DISHUB Renstra starting 2025), and the reporting periods it and its requests opened.
        for (const table of ['sakip_realisations', 'sakip_realisation_versions', 'sakip_realisation_evidence', 'sakip_action_targets', 'sakip_budgets', 'sakip_budget_versions', 'sakip_targets', 'sakip_indicators', 'sakip_nodes', 'sakip_village_values', 'sakip_village_value_versions', 'sakip_village_indicators']) {
          await h.ctx.database.rows(sql.raw(`delete from ${table} where plan_id = '${last}'`));
        }
        await h.ctx.database.rows(sql.raw(`delete from sakip_kecamatan_units where unit_id = '${params.sakipUnitId}'`));
        await h.ctx.database.rows(sql.raw(`delete from sakip_plans where id = '${last}'`));
        await h.ctx.database.rows(sql.raw(`delete from sakip_plans where title = 'Renstra palsu dari daerah lain'`));
        for (const table of ['sakip_unit_reports', 'sakip_reporting_periods']) await h.ctx.database.rows(sql.raw(`delete from ${table} where period in ('2026-Q2', '2026-02')`));
        await h.ctx.database.rows(sql.raw(`delete from stage_deadlines where module = 'sakip' and record_id not in (select id from sakip_unit_reports)`));
        // The fixture's performance agreement (on its plan) and the one a request drafted (2028).
        const agreements = `select id from sakip_agreements where plan_id = '${last}' or year = 2028`;
        for (const table of ['sakip_agreement_rows', 'sakip_agreement_versions']) await h.ctx.database.rows(sql.raw(`delete from ${table} where agreement_id in (${agreements})`));
        await h.ctx.database.rows(sql.raw(`delete from sakip_agreements where id in (${agreements})`));
        // The fixture's AKIP evaluation (2030) and the one a request opened (2031), with their rows; the fixture's official result.
        for (const table of ['sakip_evaluation_answers', 'sakip_evaluation_evidence', 'sakip_evaluation_reviews', 'sakip_recommendation_follow_ups', 'sakip_recommendations']) {
          await h.ctx.database.rows(sql.raw(`delete from ${table} where region_code = '32.11' and ${table === 'sakip_recommendation_follow_ups' ? 'recommendation_id in (select id from sakip_recommendations where evaluation_id in (select id from sakip_evaluations where year >= 2030))' : 'evaluation_id in (select id from sakip_evaluations where year >= 2030)'}`));
        }
        await h.ctx.database.rows(sql.raw(`delete from sakip_evaluations where region_code = '32.11' and year >= 2030`));
        await h.ctx.database.rows(sql.raw(`delete from sakip_official_results where region_code = '32.11' and year >= 2030`));
        // The fixture's performance report (the health office's 2026) and the one a request generated (2027), with their sections.
        const reports = `select id from sakip_reports where region_code = '32.11' and year in (2026, 2027)`;
        for (const table of ['sakip_report_sections', 'sakip_report_versions']) await h.ctx.database.rows(sql.raw(`delete from ${table} where region_code = '32.11' and report_id in (${reports})`));
        await h.ctx.database.rows(sql.raw(`delete from sakip_reports where id in (${reports})`));
        last = null;
      }
      if (!last) {
        const records = await sakipIsolation.records(h.ctx, '32.11');
        params = records.params;
        last = params.planId;
      }
      // As the isolation test fills them: by the path ending in `name/:param` where the fixture gives one, else by name.
      const url = route.url.replace(/:([A-Za-z]+)/g, (match, name: string, at: number) => {
        if (name === 'region') return '32.11';
        const before = route.url.slice(0, at + match.length);
        const byPath = Object.keys(params).filter((k) => k.endsWith(`/:${name}`) && before.endsWith(k)).sort((a, b) => b.length - a.length)[0];
        return params[byPath ?? name] ?? `<${name}?>`;
      });
      expect(url, `${route.method} ${route.url}`).not.toContain('<');
      const request = sakipIsolation.request!(route, params, '32.11');
      if (route.method !== 'GET' && route.method !== 'DELETE') expect(request?.body, `${route.method} ${route.url} has a body`).toBeDefined();
      const query = request?.query ? `?${new URLSearchParams(request.query)}` : '';
      const res = await h.api(route.method as 'GET', `${url}${query}`, { session: route.access === 'sakip.evaluate' ? evaluator : coordinator, headers: request?.headers, ...(request?.body === undefined ? {} : { body: request.body }) });
      answers.push(`${route.method} ${route.url} ${res.status}${res.status >= 300 ? ` ${res.raw}` : ''}`);
    }
    // The one exception: an import would discard the fixture's realisation, so it stops there (409, still no 401/403/404 for the isolation test).
    const historyKept = (a: string) => a.startsWith('POST /api/regions/:region/sakip/plans/:planId/import 409') && a.includes('sakip.import_discards_history');
    // And a revision of the fixture's agreement, a draft (so editing and signing succeed): 409, past every access check;
    // and a draft is not published: its public Word file is not found, by design.
    const draftKept = (a: string) => (a.startsWith('POST /api/regions/:region/sakip/agreements/:agreementId/revise 409') && a.includes('sakip.agreement_not_signed'))
      || /^GET \/api\/regions\/:region\/sakip\/public\/agreements\/:agreementId\/export\.docx 404 .*sakip\.agreement_not_found/.test(a);
    // The fixture's evaluation is under review: units' answers and their evidence files (answering) and follow-up (final) wait for their stage;
    // the victim is a kabupaten, which has no province comparison. All past access, none a 401, 403 or 404.
    const stageKept = (a: string) => /^(PUT .*\/answers|POST .*\/follow-ups|POST .*\/criteria\/:criterion\/evidence|DELETE .*\/evaluations\/:evaluationId\/evidence\/:evidenceId) 409 .*sakip\.evaluation_status/.test(a)
      || /^GET .*\/province-comparison 400 .*sakip\.not_province/.test(a);
    // Evidence goes to the period the realisations' requests use, 2025: closed in the demo, so 409, past every access check.
    const lockedKept = (a: string) => a.startsWith('POST /api/regions/:region/sakip/plans/:planId/indicators/:indicatorId/realisations/:period/evidence 409') && a.includes('sakip.evidence_period_locked');
    // The fixture's report is a draft again (its approved version is what the public pages show): reopening it is refused, past every access check.
    const draftReportKept = (a: string) => a.startsWith('POST /api/regions/:region/sakip/reports/:reportId/reopen 409') && a.includes('sakip.report_not_final');
    expect(answers.filter((a) => !/ 20[01]$/.test(a) && !historyKept(a) && !draftKept(a) && !stageKept(a) && !lockedKept(a) && !draftReportKept(a))).toEqual([]);
    expect(answers.filter(lockedKept)).toHaveLength(1);
    expect(answers.filter(draftReportKept)).toHaveLength(1);
    expect(answers.filter(historyKept)).toHaveLength(1);
    expect(answers.filter(draftKept)).toHaveLength(2);
    expect(answers.filter(stageKept)).toHaveLength(5);
  });
});

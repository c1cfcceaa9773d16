// e-SAKIP planning through the real API, as a SAKIP coordinator does it: a
// draft RPJMD, its performance tree, indicators, exact targets and their
// formal revisions, activation, realisations per period and the plan read as
// a tree and a table with exact achievement; and every bad input refused with
// its stable code, leaving nothing half-saved.
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp, type Session } from '../../../test/harness.js';

const R = '/api/regions/32.11/sakip';

describeWithApp('SAKIP planning journey', (h) => {
  const s: Record<string, Session> = {};
  let planId: string;
  let P: string;
  const node: Record<string, string> = {};
  const ind: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, who: Session = s.coordinator) =>
    h.api(method, path.startsWith('/') ? path : `${P}/${path}`, { session: who, ...(body === undefined ? {} : { body }) });
  const add = async (key: string, body: Record<string, unknown>) => {
    const res = await call('POST', 'nodes', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    node[key] = res.body.id;
    return res.body;
  };
  const tree = async (year?: number) => {
    const res = await call('GET', `tree${year ? `?year=${year}` : ''}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Every node in reading order as "number kind title". */
  const outline = async () => {
    const lines: string[] = [];
    const walk = (nodes: any[]) => nodes.forEach((n) => {
      lines.push(`${n.number} ${n.kind} ${n.title}`);
      walk(n.children);
    });
    walk((await tree()).tree);
    return lines;
  };
  const indicatorIn = (t: any, id: string): any => {
    for (const n of t.tree) {
      const found = n.indicators.find((i: any) => i.id === id) ?? indicatorIn({ tree: n.children }, id);
      if (found) return found;
    }
    return undefined;
  };
  const auditOf = async (action: string) => (await h.api('GET', '/api/regions/32.11/audit?limit=200', { session: s.admin })).body.filter((e: any) => e.action === action);

  beforeAll(async () => {
    for (const [k, email] of Object.entries({ coordinator: 'sakip@sumedang.demo', admin: 'admin@sumedang.demo' })) s[k] = await h.signIn(email);
  });

  it('creates a draft RPJMD of five years by default, once per start year, and refuses a period over five years', async () => {
    const res = await call('POST', `${R}/plans`, { kind: 'rpjmd', startYear: 2026, title: 'RPJMD uji 2026–2030' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'rpjmd', unit: null, startYear: 2026, endYear: 2030, status: 'draft' });
    planId = res.body.id;
    P = `${R}/plans/${planId}`;
    const again = await call('POST', `${R}/plans`, { kind: 'rpjmd', startYear: 2026, title: 'RPJMD kedua' });
    expect([again.status, again.body.error.code]).toEqual([409, 'sakip.plan_exists']);
    for (const [startYear, endYear] of [[2031, 2036], [2031, 2030]]) {
      const bad = await call('POST', `${R}/plans`, { kind: 'rpjmd', startYear, endYear, title: 'Terlalu panjang' });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'sakip.plan_period_invalid']);
    }
    // A Renstra names its unit; the RPJMD has none.
    const noUnit = await call('POST', `${R}/plans`, { kind: 'renstra', startYear: 2026, title: 'Renstra tanpa unit' });
    expect([noUnit.status, noUnit.body.error.code]).toEqual([400, 'request.invalid']);
    const list = (await call('GET', `${R}/plans?kind=rpjmd`)).body;
    expect(list.map((p: any) => [p.startYear, p.status])).toEqual([[2025, 'active'], [2026, 'draft']]);
  });

  it('builds the tree from the vision down, refusing kinds out of place and programmes without a government code', async () => {
    const vision = await add('vision', { kind: 'vision', parentId: null, title: 'Sumedang maju (uji)' });
    expect(vision).toMatchObject({ kind: 'vision', kindLabel: { id: 'Visi', en: 'Vision' }, parentId: null, position: 0 });
    await add('mission', { kind: 'mission', parentId: node.vision, title: 'SDM unggul' });
    await add('goal', { kind: 'goal', parentId: node.mission, title: 'Meningkatnya kualitas hidup' });
    await add('target', { kind: 'target', parentId: node.goal, title: 'Menurunnya stunting' });
    await add('programme', { kind: 'programme', parentId: node.target, code: '1.02.02', title: 'PROGRAM PEMENUHAN UPAYA KESEHATAN' });

    const refusals: [Record<string, unknown>, number, string][] = [
      [{ kind: 'programme', parentId: node.goal, code: '1.02.03', title: 'Program di bawah tujuan' }, 409, 'sakip.kind_not_allowed'],
      [{ kind: 'mission', parentId: null, title: 'Misi tanpa visi' }, 409, 'sakip.kind_not_allowed'],
      [{ kind: 'activity', parentId: node.programme, code: '1.02.02.2.01', title: 'Kegiatan dalam RPJMD' }, 409, 'sakip.kind_not_in_plan'],
      [{ kind: 'programme', parentId: node.target, title: 'Program tanpa kode' }, 400, 'sakip.code_invalid'],
      [{ kind: 'programme', parentId: node.target, code: '1.2.2', title: 'Kode salah' }, 400, 'sakip.code_invalid'],
      [{ kind: 'target', parentId: '00000000-0000-4000-8000-000000000000', title: 'Induk tidak ada' }, 404, 'sakip.node_not_found'],
    ];
    for (const [body, status, code] of refusals) {
      const res = await call('POST', 'nodes', body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
      expect(res.body.error.messages.id.length).toBeGreaterThan(10);
    }
    const kind = await call('POST', 'nodes', refusals[0][0]);
    expect(kind.body.error.message).toContain('target');
    expect(await outline()).toEqual([
      '1 vision Sumedang maju (uji)', '1.1 mission SDM unggul', '1.1.1 goal Meningkatnya kualitas hidup', '1.1.1.1 target Menurunnya stunting',
      '1.1.1.1.1 programme PROGRAM PEMENUHAN UPAYA KESEHATAN',
    ]);
  });

  it('shows a target (sasaran) without an indicator as a problem until it has one', async () => {
    expect((await tree()).problems.map((p: any) => [p.code, p.nodeId])).toEqual([['target_without_indicator', node.target]]);
    const res = await call('POST', `nodes/${node.target}/indicators`, {
      name: 'Prevalensi stunting', measure: '%', polarity: 'lower_is_better', aggregation: 'last', isIku: true,
      definition: 'Balita pendek dan sangat pendek', formula: 'balita stunting / balita diukur × 100', dataSource: 'e-PPGBM',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ nodeId: node.target, targetType: 'single', polarity: 'lower_is_better', isIku: true, allowsNegative: false, sharedUnitIds: [] });
    ind.stunting = res.body.id;
    expect((await tree()).problems).toEqual([]);
    ind.stay = (await call('POST', `nodes/${node.target}/indicators`, { name: 'Lama rawat gizi buruk', measure: 'bulan', polarity: 'lower_is_better', targetType: 'range' })).body.id;
    ind.growth = (await call('POST', `nodes/${node.goal}/indicators`, { name: 'Pertumbuhan ekonomi', measure: '%', polarity: 'higher_is_better', allowsNegative: true })).body.id;
    ind.visits = (await call('POST', `nodes/${node.goal}/indicators`, { name: 'Kunjungan posyandu', measure: 'kunjungan', polarity: 'higher_is_better', aggregation: 'sum' })).body.id;
  });

  it('sets targets as exact decimals and refuses non-numeric, negative, too long, mismatched, inverted and out-of-plan ones, saving nothing', async () => {
    const T = (id: string) => `indicators/${id}/targets`;
    const refusals: [string, Record<string, unknown>, number, string][] = [
      [ind.stunting, { year: 2026, value: 'dua belas' }, 400, 'sakip.value_not_numeric'],
      [ind.stunting, { year: 2026, value: '12,5' }, 400, 'sakip.value_not_numeric'],
      [ind.stunting, { year: 2026, value: '' }, 400, 'sakip.value_not_numeric'],
      [ind.stunting, { year: 2026, value: '-1' }, 400, 'sakip.value_negative'],
      [ind.stunting, { year: 2026, value: -0.5 }, 400, 'sakip.value_negative'],
      [ind.stunting, { year: 2026, value: '1.1234567' }, 400, 'sakip.value_out_of_range'],
      [ind.stunting, { year: 2026, value: '1234567890123456' }, 400, 'sakip.value_out_of_range'],
      [ind.stunting, { year: 2026, low: '7', high: '8' }, 400, 'sakip.target_type_mismatch'],
      [ind.stunting, { year: 2031, value: '9' }, 409, 'sakip.year_outside_plan'],
      [ind.stunting, { year: 2026, value: true }, 400, 'request.invalid'],
      [ind.stay, { year: 2026, value: '7' }, 400, 'sakip.target_type_mismatch'],
      [ind.stay, { year: 2026, low: '7' }, 400, 'sakip.target_type_mismatch'],
      [ind.stay, { year: 2026, low: '8', high: '7' }, 400, 'sakip.range_inverted'],
    ];
    for (const [id, body, status, code] of refusals) {
      const res = await call('POST', T(id), body);
      expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    const named = await call('POST', T(ind.stunting), { year: 2026, value: 'dua belas' });
    expect(named.body.error.messages).toEqual({
      id: 'Nilai harus berupa angka desimal dengan titik (contoh 12.5), bukan teks atau koma desimal. Nilai: "dua belas".',
      en: 'The value must be a decimal number with a point (for example 12.5), not text or a decimal comma. Value: "dua belas".',
    });
    const history = await call('GET', T(ind.stunting));
    expect(history.body.years.map((y: any) => [y.year, y.current, y.versions.length])).toEqual([2026, 2027, 2028, 2029, 2030].map((y) => [y, null, 0]));
    expect(await auditOf('sakip.target_set')).toEqual([]);

    const first = await call('POST', T(ind.stunting), { year: 2026, value: '14.50' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ year: 2026, version: 1, type: 'single', value: '14.50', low: null, high: null, reason: null, setBy: 'sakip@sumedang.demo' });
    expect((await call('POST', T(ind.stunting), { year: 2027, value: 13 })).body.value).toBe('13');
    expect((await call('POST', T(ind.stay), { year: 2026, low: '7', high: '8' })).body).toMatchObject({ type: 'range', value: null, low: '7', high: '8' });
    expect((await call('POST', T(ind.growth), { year: 2026, value: '-1.5' })).body.value).toBe('-1.5');
    expect((await call('POST', T(ind.visits), { year: 2026, value: '8' })).status).toBe(201);
  });

  it('revises a target only with a reason, as a new version, keeping every version readable', async () => {
    const T = `indicators/${ind.stunting}/targets`;
    const bare = await call('POST', T, { year: 2026, value: '14' });
    expect([bare.status, bare.body.error.code]).toEqual([400, 'sakip.reason_required']);
    const same = await call('POST', T, { year: 2026, value: '14.5', reason: 'Tidak berubah' });
    expect([same.status, same.body.error.code]).toEqual([409, 'sakip.target_unchanged']);
    h.clock.advanceHours(1);
    const revised = await call('POST', T, { year: 2026, value: '14', reason: 'Penyesuaian hasil SSGI' });
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({ version: 2, value: '14', reason: 'Penyesuaian hasil SSGI' });
    const history = (await call('GET', T)).body.years.find((y: any) => y.year === 2026);
    expect(history.versions.map((v: any) => [v.version, v.value, v.reason])).toEqual([[1, '14.50', null], [2, '14', 'Penyesuaian hasil SSGI']]);
    expect(history.current.version).toBe(2);
    expect(new Date(history.versions[1].setAt).getTime()).toBeGreaterThan(new Date(history.versions[0].setAt).getTime());
    const [entry] = await auditOf('sakip.target_revise');
    expect(entry).toMatchObject({
      entity: 'sakip_indicator', entityId: ind.stunting, actionLabel: { id: 'Merevisi target indikator', en: 'Revised an indicator target' },
      detail: { year: 2026, version: 2, reason: 'Penyesuaian hasil SSGI' }, before: { value: '14.50' }, after: { value: '14' },
    });
    // The tree shows the current version.
    expect(indicatorIn(await tree(2026), ind.stunting).targets[0].target).toMatchObject({ year: 2026, version: 2, value: '14' });
  });

  it('refuses a cycle and a move under a parent that may not hold the node, leaving the tree as it was', async () => {
    const before = await outline();
    for (const [nodeKey, parentKey] of [['vision', 'target'], ['goal', 'goal'], ['mission', 'programme']]) {
      const res = await call('POST', `nodes/${node[nodeKey]}/move`, { parentId: node[parentKey] });
      expect([res.status, res.body.error.code], `${nodeKey} under ${parentKey}`).toEqual([409, 'sakip.cycle']);
    }
    const misplaced = await call('POST', `nodes/${node.target}/move`, { parentId: node.mission });
    expect([misplaced.status, misplaced.body.error.code]).toEqual([409, 'sakip.kind_not_allowed']);
    expect(await outline()).toEqual(before);
    // A legal move: a second target, the programme moved under it, then placed back first.
    await add('target2', { kind: 'target', parentId: node.goal, title: 'Meningkatnya gizi', position: 0 });
    expect((await outline()).slice(3, 5)).toEqual(['1.1.1.1 target Meningkatnya gizi', '1.1.1.2 target Menurunnya stunting']);
    const moved = await call('POST', `nodes/${node.programme}/move`, { parentId: node.target2 });
    expect(moved.body).toMatchObject({ parentId: node.target2, position: 0 });
    expect((await call('POST', `nodes/${node.target}/move`, { parentId: node.goal, position: 0 })).status).toBe(200);
    expect((await outline()).slice(3)).toEqual([
      '1.1.1.1 target Menurunnya stunting', '1.1.1.2 target Meningkatnya gizi', '1.1.1.2.1 programme PROGRAM PEMENUHAN UPAYA KESEHATAN',
    ]);
    expect((await auditOf('sakip.node_move')).length).toBe(2);
  });

  it('refuses a change that would make the plan invalid, naming the problems, and saves nothing', async () => {
    const toRange = await call('PATCH', `indicators/${ind.stunting}`, { targetType: 'range' });
    expect([toRange.status, toRange.body.error.code]).toEqual([409, 'sakip.change_invalid']);
    expect(toRange.body.error.details.problems.map((p: any) => [p.code, p.year])).toEqual([['target_type_mismatch', 2026], ['target_type_mismatch', 2027]]);
    expect(toRange.body.error.messages.en).toContain('indicator "Prevalensi stunting", year 2026: the target must be a range');
    const later = await call('PATCH', P, { startYear: 2027 });
    expect([later.status, later.body.error.code]).toEqual([409, 'sakip.change_invalid']);
    expect(later.body.error.details.problems[0].code).toBe('target_year_outside_plan');
    const negatives = await call('PATCH', `indicators/${ind.growth}`, { allowsNegative: false });
    expect([negatives.status, negatives.body.error.details.problems[0].code]).toEqual([409, 'target_negative']);
    const t = await tree();
    expect([t.plan.startYear, t.plan.endYear]).toEqual([2026, 2030]);
    expect(indicatorIn(t, ind.stunting).targetType).toBe('single');
    expect(indicatorIn(t, ind.growth).allowsNegative).toBe(true);
    expect(await auditOf('sakip.indicator_update')).toEqual([]);
    // An empty node goes; one with an indicator or children does not; an indicator with targets stays.
    for (const key of ['target', 'target2']) {
      const res = await call('DELETE', `nodes/${node[key]}`);
      expect([res.status, res.body.error.code]).toEqual([409, 'sakip.node_not_empty']);
    }
    const used = await call('DELETE', `indicators/${ind.stunting}`);
    expect([used.status, used.body.error.code]).toEqual([409, 'sakip.indicator_in_use']);
    // A legal edit is audited with what it replaced.
    expect((await call('PATCH', `indicators/${ind.stunting}`, { dataSource: 'e-PPGBM dan SSGI' })).body.dataSource).toBe('e-PPGBM dan SSGI');
    const [edit] = await auditOf('sakip.indicator_update');
    expect([edit.before, edit.after]).toEqual([{ dataSource: 'e-PPGBM' }, { dataSource: 'e-PPGBM dan SSGI' }]);
  });

  it('activates only a plan without problems and without an overlapping active plan; an active plan\'s structure is fixed', async () => {
    const activate = (id = planId) => call('PUT', `${R}/plans/${id}/status`, { status: 'active' });
    // Meningkatnya gizi has no indicator yet.
    const notReady = await activate();
    expect([notReady.status, notReady.body.error.code]).toEqual([409, 'sakip.plan_not_ready']);
    expect(notReady.body.error.details.problems.map((p: any) => [p.code, p.nodeId])).toEqual([['target_without_indicator', node.target2]]);
    expect(notReady.body.error.messages.id).toBe('Rencana belum dapat diaktifkan: masih ada masalah pada pohon kinerja. sasaran "Meningkatnya gizi" belum memiliki indikator.');
    await call('POST', `nodes/${node.target2}/indicators`, { name: 'Balita gizi kurang', measure: '%', polarity: 'lower_is_better' });
    // The demo's RPJMD 2025–2029 is active over the same years.
    const overlap = await activate();
    expect([overlap.status, overlap.body.error.code]).toEqual([409, 'sakip.plan_overlap']);
    expect(overlap.body.error.messages.en).toContain('RPJMD Kabupaten Sumedang 2025–2029');
    const demo = (await call('GET', `${R}/plans?kind=rpjmd`)).body.find((p: any) => p.startYear === 2025);
    expect((await call('PUT', `${R}/plans/${demo.id}/status`, { status: 'draft' })).body.status).toBe('draft');
    const active = await activate();
    expect([active.status, active.body.status]).toEqual([200, 'active']);
    for (const [method, path, body] of [
      ['POST', 'nodes', { kind: 'target', parentId: node.goal, title: 'Sasaran baru' }],
      ['PATCH', `nodes/${node.goal}`, { title: 'Judul baru' }],
      ['POST', `nodes/${node.programme}/move`, { parentId: node.target }],
      ['DELETE', `nodes/${node.programme}`, undefined],
      ['POST', `nodes/${node.goal}/indicators`, { name: 'Baru', polarity: 'higher_is_better' }],
      ['PATCH', `indicators/${ind.visits}`, { name: 'Baru' }],
      ['PATCH', P, { startYear: 2027 }],
    ] as const) {
      const res = await call(method, path, body);
      expect([res.status, res.body.error?.code], `${method} ${path}`).toEqual([409, 'sakip.plan_active']);
    }
    // The title may still be corrected, and targets revised.
    expect((await call('PATCH', P, { title: 'RPJMD Kabupaten Sumedang 2026–2030 (uji)' })).body.title).toBe('RPJMD Kabupaten Sumedang 2026–2030 (uji)');
    expect((await call('POST', `indicators/${ind.visits}/targets`, { year: 2026, value: '8.000', reason: 'Sama nilainya' })).body.error.code).toBe('sakip.target_unchanged');
    const statuses = (await auditOf('sakip.plan_status')).map((e: any) => [e.entityId, e.before.status, e.after.status]);
    expect(statuses).toEqual([[planId, 'draft', 'active'], [demo.id, 'active', 'draft']]);
  });

  it('enters realisations only for begun periods inside the plan, one kind of period per year', async () => {
    const put = (id: string, period: string, body: Record<string, unknown>) => call('PUT', `indicators/${id}/realisations/${period}`, body);
    const refusals: [string, Record<string, unknown>, number, string][] = [
      ['2025-Q4', { value: '15' }, 409, 'sakip.period_outside_plan'],
      ['2031', { value: '15' }, 409, 'sakip.period_outside_plan'],
      ['2026-12', { value: '15' }, 409, 'sakip.period_not_started'],
      ['2027-Q1', { value: '15' }, 409, 'sakip.period_not_started'],
      ['2026-13', { value: '15' }, 400, 'request.invalid'],
      ['2026-Q5', { value: '15' }, 400, 'request.invalid'],
      ['2026-Q1', { value: 'lima belas' }, 400, 'sakip.value_not_numeric'],
      ['2026-Q1', { value: '-2' }, 400, 'sakip.value_negative'],
    ];
    for (const [period, body, status, code] of refusals) {
      const res = await put(ind.stunting, period, body);
      expect([res.status, res.body.error?.code], period).toEqual([status, code]);
    }
    const outside = await put(ind.stunting, '2025-Q4', { value: '15' });
    expect(outside.body.error.messages.id).toBe('Periode realisasi berada di luar periode rencana. Periode 2025-Q4, rencana 2026–2030.');
    expect((await call('GET', `indicators/${ind.stunting}/realisations`)).body).toEqual([]);

    for (const [period, value] of [['2026-Q1', '15.1'], ['2026-Q3', '14.2'], ['2026-Q2', '14.8']]) {
      const res = await put(ind.stunting, period, { value, obstacles: 'Cakupan penimbangan rendah', followUp: 'Penimbangan serentak' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ period, year: 2026, value, obstacles: 'Cakupan penimbangan rendah', enteredBy: 'sakip@sumedang.demo' });
    }
    const mixed = await put(ind.stunting, '2026-05', { value: '14' });
    expect([mixed.status, mixed.body.error.code, mixed.body.error.details.existing]).toEqual([409, 'sakip.period_mixed', ['2026-Q1', '2026-Q2', '2026-Q3']]);
    expect((await call('GET', `indicators/${ind.stunting}/realisations`)).body.map((r: any) => r.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });

  it('reads each indicator\'s achievement for the chosen year exactly, by polarity, range and period rule, shown half up to two decimals', async () => {
    await call('PUT', `indicators/${ind.stay}/realisations/2026`, { value: '9' });
    await call('PUT', `indicators/${ind.growth}/realisations/2026-Q1`, { value: '-0.5' });
    for (const [period, value] of [['2026-Q1', '0.25'], ['2026-Q2', '0.5'], ['2026-Q3', '0.2504']]) await call('PUT', `indicators/${ind.visits}/realisations/${period}`, { value });
    const t = await tree(2026);
    expect(t.year).toBe(2026);
    expect(t.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    const stunting = indicatorIn(t, ind.stunting).achievement;
    // Lower is better, the last reported quarter (Q3 = 14.2) against the revised 14: (2 × 14 − 14.2) / 14.
    expect(stunting).toMatchObject({
      year: 2026, target: { version: 2, value: '14' },
      realisation: { periodKind: 'quarter', value: '14.2', reported: ['2026-Q1', '2026-Q2', '2026-Q3'], missing: ['2026-Q4'], complete: false },
      result: { computable: true, percent: '98.57', percentExact: '98.57142857142857142857142857142857142857', basis: 'single', targetUsed: '14', band: { label: { en: 'High' } } },
    });
    // A lower-is-better range of 7–8 months with 9 realised: the high bound, 87.5 %.
    expect(indicatorIn(t, ind.stay).achievement.result).toMatchObject({ percent: '87.50', percentExact: '87.5', basis: 'above_range', targetUsed: '8', band: { label: { en: 'Medium' } } });
    // Higher is better, not clamped: −0.5 against −1.5 is a negative target, which has no achievement.
    expect(indicatorIn(t, ind.growth).achievement.result).toEqual({ computable: false, reason: 'target_negative' });
    // Summed quarters: 1.0004 against 8 is exactly 12.505 %, shown half up as 12.51.
    expect(indicatorIn(t, ind.visits).achievement).toMatchObject({ realisation: { value: '1.0004' }, result: { percent: '12.51', percentExact: '12.505', band: { label: { en: 'Low' } } } });
    // The target node: the plain average of its indicators with a figure.
    const target = t.tree[0].children[0].children[0].children[0];
    expect(target.id).toBe(node.target);
    expect(target.summary).toMatchObject({ ok: true, used: [ind.stunting, ind.stay], excluded: [], complete: true, percent: '93.04' });
    expect(target.summary.percentExact).toMatch(/^93\.035714285714285714285714285714285714/);
    // A correction replaces the period and is audited with what it replaced.
    await call('PUT', `indicators/${ind.stunting}/realisations/2026-Q3`, { value: '13.65' });
    expect(indicatorIn(await tree(2026), ind.stunting).achievement.result).toMatchObject({ percent: '102.50', percentExact: '102.5' });
    const corrections = (await auditOf('sakip.realisation')).filter((e: any) => e.detail.period === '2026-Q3' && e.entityId === ind.stunting);
    expect(corrections[0]).toMatchObject({ before: { value: '14.2' }, after: { value: '13.65' } });
    expect(corrections[0].actionLabel.id).toBe('Mengisi realisasi indikator');
    // A year without a target or realisation has no figure; a year outside the plan is refused.
    expect(indicatorIn(await tree(2028), ind.stunting).achievement).toEqual({ year: 2028, target: null, realisation: null, result: null });
    const outside = await call('GET', 'tree?year=2024');
    expect([outside.status, outside.body.error.code]).toEqual([409, 'sakip.year_outside_plan']);
    // By default, the current year (2026 on the test clock).
    expect((await tree()).year).toBe(2026);
  });

  it('reads the same plan as a table: one row per indicator, a column per year, nodes without indicators on a row of their own', async () => {
    const res = await call('GET', 'table?year=2026');
    expect(res.status).toBe(200);
    const rows = res.body.rows.map((r: any) => [r.number, r.node.kind, r.indicator?.name ?? null, r.indicator?.achievement.result?.percent ?? null]);
    expect(rows).toEqual([
      ['1', 'vision', null, null],
      ['1.1', 'mission', null, null],
      ['1.1.1', 'goal', 'Pertumbuhan ekonomi', null],
      ['1.1.1', 'goal', 'Kunjungan posyandu', '12.51'],
      ['1.1.1.1', 'target', 'Prevalensi stunting', '102.50'],
      ['1.1.1.1', 'target', 'Lama rawat gizi buruk', '87.50'],
      ['1.1.1.2', 'target', 'Balita gizi kurang', null],
      ['1.1.1.2.1', 'programme', null, null],
    ]);
    const stunting = res.body.rows[4].indicator;
    expect(stunting.targets.map((t: any) => [t.year, t.target?.value ?? null])).toEqual([[2026, '14'], [2027, '13'], [2028, null], [2029, null], [2030, null]]);
    expect(res.body.problems).toEqual([]);
  });
});

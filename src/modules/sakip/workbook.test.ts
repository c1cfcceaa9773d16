// e-SAKIP plans as Excel workbooks through the real API, as a SAKIP
// coordinator uses them: export (Indonesian sheets and headers, exact figures
// as Excel numbers), the blank template filled in and imported, an unmodified
// export imported back to the same plan, and every kind of bad workbook
// refused at once, each problem at its sheet, row and column, with nothing
// saved; who may import, and which plans may not be replaced.
import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { describeWithApp, type Session } from '../../../test/harness.js';
import { createUser, grantRole } from '../../platform/auth/service.js';
import { Dec } from '../../platform/decimal.js';
import { enableRegion } from '../../platform/regions/service.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';

const R = '/api/regions/32.11/sakip';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | boolean | null;
type Sheets = { sheet: string; data: Cell[][] }[];

function upload(data: Buffer, name = 'rencana.xlsx', type = XLSX) {
  const boundary = '----pamongsakip';
  return {
    body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const writeSheets = async (sheets: Sheets) => writeXlsxFile(sheets.map((s) => ({ sheet: s.sheet, data: s.data }))).toBuffer();
const sheet = (sheets: Sheets, name: string) => sheets.find((s) => s.sheet === name)!.data;
const copy = (sheets: Sheets): Sheets => sheets.map((s) => ({ sheet: s.sheet, data: s.data.map((r) => [...r]) }));
const exact = (v: string | null) => (v === null ? null : new Dec(v).toFixed());

describeWithApp('SAKIP plans as Excel workbooks', (h) => {
  const s: Record<string, Session> = {};
  const plan: Record<string, string> = {};
  const unit: Record<string, string> = {};
  const node: Record<string, string> = {};
  const ind: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, who: Session = s.coordinator) =>
    h.api(method, `${R}${path}`, { session: who, ...(body === undefined ? {} : { body }) });
  const created = async (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const exportOf = async (planId: string, who: Session = s.coordinator) => {
    const res = await h.app.inject({ method: 'GET', url: `${R}/plans/${planId}/export.xlsx`, headers: { cookie: who.cookie } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const sheets = (await readExcelFile(res.rawPayload)).map((x) => ({ sheet: x.sheet, data: x.data as unknown as Cell[][] }));
    return { res, raw: res.rawPayload, sheets };
  };
  const importFile = (planId: string, data: Buffer, who: Session = s.coordinator, name?: string, type?: string) => {
    const u = upload(data, name, type);
    return h.api('POST', `${R}/plans/${planId}/import`, { session: who, body: u.body, headers: u.headers });
  };
  /** The plan as people see it, ids left out: what an import must reproduce. */
  const snapshot = async (planId: string) => {
    const t = (await call('GET', `/plans/${planId}/tree`)).body;
    const walk = (nodes: any[]): unknown[] => nodes.map((n) => ({
      number: n.number, kind: n.kind, code: n.code, title: n.title, unitId: n.unitId, supportsNodeId: n.supportsNodeId,
      indicators: n.indicators.map((i: any) => ({
        name: i.name, definition: i.definition, formula: i.formula, measure: i.measure, dataSource: i.dataSource, polarity: i.polarity, targetType: i.targetType,
        aggregation: i.aggregation, isIku: i.isIku, allowsNegative: i.allowsNegative, sharedUnitIds: i.sharedUnitIds,
        targets: i.targets.map((x: any) => x.target && { year: x.year, version: x.target.version, value: exact(x.target.value), low: exact(x.target.low), high: exact(x.target.high) }),
      })),
      children: walk(n.children),
    }));
    return { problems: t.problems.map((p: any) => p.code), tree: walk(t.tree) };
  };
  /** Every stored row of the plan, ids and times included: a refused import changes none. */
  const rows = async (planId: string) => h.ctx.database.rows<{ t: string; h: string }>(sql.raw(['sakip_nodes', 'sakip_indicators', 'sakip_targets', 'sakip_plans'].map((t) =>
    `select '${t}' as t, coalesce(md5(string_agg(x::text, ',' order by x::text)), '') as h from ${t} x where ${t === 'sakip_plans' ? 'id' : 'plan_id'} = '${planId}'`).join(' union all ')));
  const imports = async () => (await h.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'sakip.plan_import'`))[0].n;
  const refusedWith = async (planId: string, data: Buffer, status: number, code: string, who: Session = s.coordinator) => {
    const before = await rows(planId);
    const auditBefore = await imports();
    const res = await importFile(planId, data, who);
    expect([res.status, res.body?.error?.code], JSON.stringify(res.body).slice(0, 2000)).toEqual([status, code]);
    expect(res.body.error.messages.id.length).toBeGreaterThan(20);
    expect(await rows(planId)).toEqual(before);
    expect(await imports()).toBe(auditBefore);
    return res.body.error;
  };

  beforeAll(async () => {
    const [[dpmptsp]] = await Promise.all([h.ctx.database.rows<{ id: string }>(sql`select id from units where region_code = '32.11' and code = 'DPMPTSP'`)]);
    for (const u of await h.ctx.database.rows<{ id: string; code: string }>(sql`select id, code from units where region_code = '32.11'`)) unit[u.code] = u.id;
    await h.ctx.database.db.transaction(async (tx) => {
      const planner = await createUser(tx, { email: 'perencana.dpmptsp@sumedang.test', name: 'Perencana DPMPTSP', password: DEMO_PASSWORD });
      await grantRole(tx, '32.11', planner, 'sakip_planner', dpmptsp.id);
      await enableRegion(tx, '32.73');
      const foreign = await createUser(tx, { email: 'sakip@bandung.test', name: 'Koordinator SAKIP Bandung', password: DEMO_PASSWORD });
      await grantRole(tx, '32.73', foreign, 'sakip_coordinator', null);
    });
    for (const [k, email] of Object.entries({
      coordinator: 'sakip@sumedang.demo', dinkes: 'perencana.dinkes@sumedang.demo', kominfo: 'perencana.kominfo@sumedang.demo', dpmptsp: 'perencana.dpmptsp@sumedang.test',
      evaluator: 'evaluator@sumedang.demo', admin: 'admin@sumedang.demo', foreign: 'sakip@bandung.test',
    })) s[k] = await h.signIn(email);
    for (const p of (await call('GET', '/plans')).body) plan[p.unit?.code ?? 'DEMO_RPJMD'] = p.id;
    const demoTree = (await call('GET', `/plans/${plan.DEMO_RPJMD}/tree`)).body;
    const find = (nodes: any[], title: string): any => nodes.map((n) => (n.title === title ? n : find(n.children, title))).find(Boolean);
    node.demoStunting = find(demoTree.tree, 'Menurunnya prevalensi stunting').id;

    // A draft RPJMD 2030–2034 with every kind of field the workbook carries.
    plan.rpjmd = await created(await call('POST', '/plans', { kind: 'rpjmd', startYear: 2030, title: 'RPJMD uji Excel 2030–2034' }));
    const P = `/plans/${plan.rpjmd}`;
    const add = async (key: string, body: Record<string, unknown>) => (node[key] = await created(await call('POST', `${P}/nodes`, body)));
    await add('vision', { kind: 'vision', parentId: null, title: 'Sumedang unggul 2034' });
    await add('mission', { kind: 'mission', parentId: node.vision, title: 'SDM sehat dan cerdas' });
    await add('goal', { kind: 'goal', parentId: node.mission, title: 'Meningkatnya kualitas hidup' });
    await add('target', { kind: 'target', parentId: node.goal, title: 'Menurunnya stunting', unitId: unit.DINKES });
    await add('programme', { kind: 'programme', parentId: node.target, code: '1.02.02', title: 'PROGRAM PEMENUHAN UPAYA KESEHATAN', unitId: unit.DINKES });
    await add('bare', { kind: 'target', parentId: node.goal, title: 'Sasaran yang belum berindikator' });
    const indicator = async (key: string, nodeKey: string, body: Record<string, unknown>) => (ind[key] = await created(await call('POST', `${P}/nodes/${node[nodeKey]}/indicators`, body)));
    await indicator('growth', 'goal', { name: 'Pertumbuhan ekonomi', measure: '%', polarity: 'higher_is_better', allowsNegative: true });
    await indicator('stunting', 'target', {
      name: 'Prevalensi stunting', measure: '%', polarity: 'lower_is_better', isIku: true, aggregation: 'last', definition: 'Balita pendek dan sangat pendek',
      formula: 'balita stunting / balita diukur × 100', dataSource: 'e-PPGBM', sharedUnitIds: [unit.DISKOMINFO, unit.DPMPTSP],
    });
    await indicator('stay', 'target', { name: 'Lama rawat gizi buruk', measure: 'bulan', polarity: 'lower_is_better', targetType: 'range', aggregation: 'average' });
    const target = async (key: string, body: Record<string, unknown>) => expect((await call('POST', `${P}/indicators/${ind[key]}/targets`, body)).status).toBe(201);
    await target('growth', { year: 2030, value: '-1.5' });
    await target('growth', { year: 2031, value: '0.1' });
    await target('stunting', { year: 2030, value: '12.50' });
    await target('stunting', { year: 2031, value: '123456789012345.123456' });
    await target('stunting', { year: 2034, value: '7' });
    await target('stay', { year: 2030, low: '7', high: '8' });
    await target('stay', { year: 2031, low: '6.5', high: '7.25' });

    // A draft Renstra of the health office cascading from the demo RPJMD's stunting target.
    plan.renstra = await created(await call('POST', '/plans', { kind: 'renstra', unitId: unit.DINKES, startYear: 2030, title: 'Renstra Dinkes uji Excel' }, s.dinkes));
    const Q = `/plans/${plan.renstra}/nodes`;
    const goal = await created(await call('POST', Q, { kind: 'goal', parentId: null, title: 'Meningkatnya derajat kesehatan', supportsNodeId: node.demoStunting }, s.dinkes));
    const sasaran = await created(await call('POST', Q, { kind: 'target', parentId: goal, title: 'Menurunnya balita gizi kurang', supportsNodeId: node.demoStunting }, s.dinkes));
    await created(await call('POST', `/plans/${plan.renstra}/nodes/${sasaran}/indicators`, { name: 'Balita gizi kurang', measure: '%', polarity: 'lower_is_better' }, s.dinkes));
    const programme = await created(await call('POST', Q, { kind: 'programme', parentId: sasaran, code: '1.02.02', title: 'PROGRAM PEMENUHAN UPAYA KESEHATAN' }, s.dinkes));
    const activity = await created(await call('POST', Q, { kind: 'activity', parentId: programme, code: '1.02.02.2.02', title: 'Penyediaan layanan kesehatan' }, s.dinkes));
    await created(await call('POST', Q, { kind: 'sub_activity', parentId: activity, code: '1.02.02.2.02.0001', title: 'Pelayanan kesehatan ibu hamil' }, s.dinkes));
  });

  it('exports a plan as a workbook officials can read: Indonesian sheets and headers, kinds in words, exact figures as Excel numbers', async () => {
    const { res, raw, sheets } = await exportOf(plan.rpjmd);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe("attachment; filename*=UTF-8''rencana-kinerja-32.11-rpjmd-2030-2034.xlsx");
    expect(sheets.map((x) => x.sheet)).toEqual(['Petunjuk', 'Pohon Kinerja', 'Indikator', 'Target', 'Perangkat Daerah', 'Daftar Sasaran']);
    expect(sheet(sheets, 'Petunjuk')[0][0]).toBe('Rencana: RPJMD uji Excel 2030–2034');
    expect(sheet(sheets, 'Pohon Kinerja')).toEqual([
      ['No', 'No Induk', 'Jenis', 'Kode', 'Uraian', 'Perangkat Daerah', 'Mendukung Sasaran'],
      [1, null, 'Visi', null, 'Sumedang unggul 2034', null, null],
      [2, 1, 'Misi', null, 'SDM sehat dan cerdas', null, null],
      [3, 2, 'Tujuan', null, 'Meningkatnya kualitas hidup', null, null],
      [4, 3, 'Sasaran', null, 'Menurunnya stunting', 'DINKES', null],
      [5, 4, 'Program', '1.02.02', 'PROGRAM PEMENUHAN UPAYA KESEHATAN', 'DINKES', null],
      [6, 3, 'Sasaran', null, 'Sasaran yang belum berindikator', null, null],
    ]);
    expect(sheet(sheets, 'Indikator')).toEqual([
      ['No Indikator', 'No Simpul', 'Nama Indikator', 'Definisi Operasional', 'Rumus', 'Satuan', 'Sumber Data', 'Arah', 'Jenis Target', 'Penggabungan Periode', 'IKU', 'Boleh Negatif', 'Perangkat Daerah Pengampu Lain'],
      [1, 3, 'Pertumbuhan ekonomi', null, null, '%', null, 'Semakin tinggi semakin baik', 'Tunggal', 'Nilai terakhir', 'Tidak', 'Ya', null],
      [2, 4, 'Prevalensi stunting', 'Balita pendek dan sangat pendek', 'balita stunting / balita diukur × 100', '%', 'e-PPGBM', 'Semakin rendah semakin baik', 'Tunggal', 'Nilai terakhir', 'Ya', 'Tidak', 'DISKOMINFO; DPMPTSP'],
      [3, 4, 'Lama rawat gizi buruk', null, null, 'bulan', null, 'Semakin rendah semakin baik', 'Rentang', 'Rata-rata', 'Tidak', 'Tidak', null],
    ]);
    // Figures are numbers Excel computes with; one longer than Excel's 15 digits stays exact as text.
    expect(sheet(sheets, 'Target')).toEqual([
      ['No Indikator', 'Nama Indikator', 'Satuan', 'Jenis Nilai', 2030, 2031, 2032, 2033, 2034],
      [1, 'Pertumbuhan ekonomi', '%', 'Nilai', -1.5, 0.1, null, null, null],
      [2, 'Prevalensi stunting', '%', 'Nilai', 12.5, '123456789012345.123456', null, null, 7],
      [3, 'Lama rawat gizi buruk', 'bulan', 'Batas bawah', 7, 6.5, null, null, null],
      [3, 'Lama rawat gizi buruk', 'bulan', 'Batas atas', 8, 7.25, null, null, null],
    ]);
    // 12.50 shows with the two decimals it was stored with.
    expect(strFromU8(unzipSync(new Uint8Array(raw))['xl/styles.xml'])).toContain('formatCode="0.00"');
    expect(sheet(sheets, 'Perangkat Daerah')).toContainEqual(['DINKES', 'Dinas Kesehatan']);
    expect(sheet(sheets, 'Daftar Sasaran')).toContainEqual(['Menurunnya prevalensi stunting', 'RPJMD Kabupaten Sumedang 2025–2029', '2025–2029']);
    // Anyone who reads plans may export one; nobody outside SAKIP.
    expect((await h.app.inject({ method: 'GET', url: `${R}/plans/${plan.rpjmd}/export.xlsx`, headers: { cookie: s.evaluator.cookie } })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `${R}/plans/${plan.rpjmd}/export.xlsx` })).statusCode).toBe(401);
  });

  it('reproduces the same plan from an unmodified export, in one audited import', async () => {
    const before = await snapshot(plan.rpjmd);
    const first = await exportOf(plan.rpjmd);
    const res = await importFile(plan.rpjmd, first.raw);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ plan: { id: plan.rpjmd, status: 'draft' }, imported: { nodes: 6, indicators: 3, targets: 7 }, replaced: { nodes: 6, indicators: 3, targets: 7 } });
    expect(await snapshot(plan.rpjmd)).toEqual(before);
    expect(before.problems).toEqual(['target_without_indicator']);
    // And exporting again gives the same workbook.
    expect((await exportOf(plan.rpjmd)).sheets).toEqual(first.sheets);
    const entries = (await h.api('GET', '/api/regions/32.11/audit?limit=200', { session: s.admin })).body.filter((e: any) => e.action === 'sakip.plan_import');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityId: plan.rpjmd, detail: { fileName: 'rencana.xlsx', imported: { nodes: 6, indicators: 3, targets: 7 }, replaced: { nodes: 6, indicators: 3, targets: 7 } } });
    // Targets imported are first versions, set by the importer.
    const table = (await call('GET', `/plans/${plan.rpjmd}/table`)).body;
    const stunting = table.rows.find((r: any) => r.indicator?.name === 'Prevalensi stunting').indicator;
    expect(stunting.targets[1].target).toMatchObject({ version: 1, value: '123456789012345.123456', reason: null, setBy: 'sakip@sumedang.demo' });
  });

  it('round-trips a unit\'s Renstra, with its codes and the RPJMD targets it supports, for the unit\'s own planner', async () => {
    const before = await snapshot(plan.renstra);
    const { res, raw, sheets } = await exportOf(plan.renstra, s.dinkes);
    expect(res.headers['content-disposition']).toBe("attachment; filename*=UTF-8''rencana-kinerja-32.11-renstra-DINKES-2030-2034.xlsx");
    expect(sheet(sheets, 'Pohon Kinerja').map((r) => [r[2], r[3], r[6]])).toEqual([
      ['Jenis', 'Kode', 'Mendukung Sasaran'], ['Tujuan', null, 'Menurunnya prevalensi stunting'], ['Sasaran', null, 'Menurunnya prevalensi stunting'],
      ['Program', '1.02.02', null], ['Kegiatan', '1.02.02.2.02', null], ['Sub-kegiatan', '1.02.02.2.02.0001', null],
    ]);
    const imported = await importFile(plan.renstra, raw, s.dinkes);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(await snapshot(plan.renstra)).toEqual(before);
  });

  it('fills the blank template of a new plan: Excel\'s numbers and typed text read as the figures shown', async () => {
    plan.fresh = await created(await call('POST', '/plans', { kind: 'renstra', unitId: unit.DPMPTSP, startYear: 2030, endYear: 2032, title: 'Renstra DPMPTSP dari templat' }, s.dpmptsp));
    const template = (await exportOf(plan.fresh, s.dpmptsp)).sheets;
    expect(template.map((x) => [x.sheet, x.data.length])).toEqual([['Petunjuk', 17], ['Pohon Kinerja', 1], ['Indikator', 1], ['Target', 1], ['Perangkat Daerah', expect.any(Number)], ['Daftar Sasaran', expect.any(Number)]]);
    expect(sheet(template, 'Target')[0]).toEqual(['No Indikator', 'Nama Indikator', 'Satuan', 'Jenis Nilai', 2030, 2031, 2032]);
    const filled = copy(template);
    sheet(filled, 'Pohon Kinerja').push(
      ['T1', null, 'tujuan', null, 'Meningkatnya investasi', null, null],
      ['S1', 'T1', 'SASARAN', null, 'Meningkatnya nilai investasi', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', null],
    );
    sheet(filled, 'Indikator').push(['I1', 'S1', 'Pertumbuhan investasi', null, null, '%', 'OSS', 'semakin tinggi semakin baik', null, 'jumlah', true, 'ya', null]);
    sheet(filled, 'Target').push(['I1', null, null, 'nilai', 0.1 + 0.2, '12.5', '-0.75']);
    const res = await importFile(plan.fresh, await writeSheets(filled), s.dpmptsp);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.imported).toEqual({ nodes: 2, indicators: 1, targets: 3 });
    const t = (await call('GET', `/plans/${plan.fresh}/tree`)).body;
    const i = t.tree[0].children[0].indicators[0];
    expect([t.tree[0].children[0].unitId, i.aggregation, i.isIku, i.allowsNegative, i.targetType]).toEqual([unit.DPMPTSP, 'sum', true, true, 'single']);
    expect(i.targets.map((x: any) => x.target.value)).toEqual(['0.3', '12.5', '-0.75']);
  });

  it('refuses every bad row and cell at once, each at its sheet, row and column, and saves nothing', async () => {
    const bad = copy((await exportOf(plan.rpjmd)).sheets);
    const tree = sheet(bad, 'Pohon Kinerja');
    tree[5][3] = '1.2.2'; // the programme's code: row 6, column D
    tree[4][5] = 'DINAS ANTAH BERANTAH'; // the target's unit: row 5, column F
    tree.push(
      [90, 99, 'Sasaran', null, 'Induknya tidak ada', null, null], // row 8
      [91, 3, 'Bab', null, 'Jenis tidak dikenal', null, null], // row 9
      [92, 5, 'Kegiatan', '1.02.02.2.01', 'Kegiatan di RPJMD', null, null], // row 10
      [93, 94, 'Sasaran', null, 'Berputar satu', null, null], // row 11
      [94, 93, 'Sasaran', null, 'Berputar dua', null, null], // row 12
      [95, 3, 'Sasaran', null, 'Mendukung yang tidak ada', null, 'Sasaran khayalan'], // row 13
      [96, 3, 'Sasaran', null, 'Judul NUL', null, null], // row 14: a NUL character, as Excel escapes it, below
    );
    const targets = sheet(bad, 'Target');
    targets[0].push(2035); // column J
    targets[1][9] = 1; // a figure for 2035: reported once, at the header
    targets[2][4] = 'dua belas'; // stunting 2030: row 3, column E
    targets[2][5] = '12,5'; // 2031, decimal comma: column F
    targets[2][6] = -3; // 2032, negative where not allowed: column G
    targets[3][6] = '1234567890123456'; // the range's low bound for 2032, 16 digits: row 4, column G
    targets[4][5] = null; // the range's high bound for 2031 gone: its low bound (row 4, column F) is alone
    targets.push([2, null, null, 'Batas bawah', 1, null, null, null, null]); // a bound for a single target: row 6, column E
    targets.push([42, null, null, 'Nilai', 5, null, null, null, null]); // an indicator that does not exist: row 7, column A
    targets.push([1, null, null, 'Sekitar', 5, null, null, null, null]); // row 8, column D
    sheet(bad, 'Indikator')[1][7] = 'Naik turun'; // row 2, column H
    const parts = unzipSync(new Uint8Array(await writeSheets(bad)));
    parts['xl/sharedStrings.xml'] = strToU8(strFromU8(parts['xl/sharedStrings.xml']).replace('Judul NUL', 'Judul_x0000_NUL'));
    const error = await refusedWith(plan.rpjmd, Buffer.from(zipSync(parts)), 400, 'sakip.workbook_invalid');
    const found = error.details.problems.map((p: any) => [p.sheet, p.row, p.column, p.code]);
    expect(found).toEqual([
      ['Pohon Kinerja', 5, 'F', 'unit.not_found'],
      ['Pohon Kinerja', 6, 'D', 'sakip.code_invalid'],
      ['Pohon Kinerja', 8, 'B', 'parent_missing'],
      ['Pohon Kinerja', 9, 'C', 'word_unknown'],
      ['Pohon Kinerja', 10, 'C', 'sakip.kind_not_in_plan'],
      ['Pohon Kinerja', 11, 'B', 'cycle'],
      ['Pohon Kinerja', 13, 'G', 'sakip.supports_invalid'],
      ['Pohon Kinerja', 14, 'E', 'cell_invalid'],
      ['Indikator', 2, 'H', 'word_unknown'],
      ['Target', 1, 'J', 'sakip.year_outside_plan'],
      ['Target', 3, 'E', 'sakip.value_not_numeric'],
      ['Target', 3, 'F', 'sakip.value_not_numeric'],
      ['Target', 3, 'G', 'sakip.value_negative'],
      ['Target', 4, 'F', 'sakip.target_type_mismatch'],
      ['Target', 4, 'G', 'sakip.value_out_of_range'],
      ['Target', 6, 'E', 'sakip.target_type_mismatch'],
      ['Target', 7, 'A', 'target_indicator_missing'],
      ['Target', 8, 'D', 'word_unknown'],
    ]);
    expect(error.details.total).toBe(found.length);
    const at = (row: number, column: string) => error.details.problems.find((p: any) => p.row === row && p.column === column && p.sheet === 'Pohon Kinerja');
    expect(at(9, 'C')).toMatchObject({ header: 'Jenis', message: { id: expect.stringContaining('Lembar "Pohon Kinerja" baris 9 kolom C (Jenis): "Bab" tidak dikenal'), en: expect.stringContaining('Sheet "Pohon Kinerja" row 9 column C (Jenis)') } });
    expect(at(6, 'D').message.en).toContain('Code: "1.2.2"');
    expect(error.messages.id).toContain('Lembar "Pohon Kinerja" baris 5 kolom F');
  });

  it('refuses a workbook whose sheets or columns were removed or renamed, naming where they belong', async () => {
    const good = (await exportOf(plan.rpjmd)).sheets;
    const noIndicators = good.filter((x) => x.sheet !== 'Indikator');
    let error = await refusedWith(plan.rpjmd, await writeSheets(noIndicators), 400, 'sakip.workbook_invalid');
    expect(error.details.problems).toEqual([expect.objectContaining({ sheet: 'Indikator', row: null, column: null, code: 'sheet_missing' })]);
    const renamed = copy(good);
    sheet(renamed, 'Pohon Kinerja')[0][2] = 'Tipe';
    sheet(renamed, 'Target')[0][3] = 'Bentuk';
    error = await refusedWith(plan.rpjmd, await writeSheets(renamed), 400, 'sakip.workbook_invalid');
    expect(error.details.problems.map((p: any) => [p.sheet, p.row, p.column, p.header, p.code])).toEqual([
      ['Pohon Kinerja', 1, 'C', 'Jenis', 'column_missing'],
      ['Target', 1, 'D', 'Jenis Nilai', 'column_missing'],
    ]);
    expect(error.details.problems[0].message.en).toContain('this column holds "Tipe"');
  });

  it('refuses a file that is not a workbook, a zip bomb and a damaged workbook, before reading any row', async () => {
    await refusedWith(plan.rpjmd, Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'), 415, 'sakip.workbook_not_xlsx');
    await refusedWith(plan.rpjmd, await writeXlsxFile([['bukan', 'csv']]).toBuffer().then((b) => Buffer.from(b.toString('base64'))), 415, 'sakip.workbook_not_xlsx');
    const parts = unzipSync(new Uint8Array((await exportOf(plan.rpjmd)).raw));
    // A sheet of 60 MB of spaces packs into a few dozen kilobytes.
    const bomb = Buffer.from(zipSync({ ...parts, 'xl/worksheets/sheet2.xml': new Uint8Array(60 * 1024 * 1024).fill(32) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(500_000);
    await refusedWith(plan.rpjmd, bomb, 413, 'sakip.workbook_too_large');
    const damaged = Buffer.from(zipSync({ ...parts, 'xl/worksheets/sheet2.xml': strToU8('<worksheet><sheetData><row r="2"/><row r="1"/></sheetData></worksheet>') }));
    await refusedWith(plan.rpjmd, damaged, 400, 'sakip.workbook_unreadable');
    const none = await h.api('POST', `${R}/plans/${plan.rpjmd}/import`, { session: s.coordinator, body: '--x--\r\n', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect([none.status, none.body.error.code]).toEqual([400, 'request.invalid']);
    const json = await call('POST', `/plans/${plan.rpjmd}/import`, { file: 'x' });
    expect([json.status, json.body.error.code]).toEqual([415, 'request.unsupported_media_type']);
  });

  it('lets only who may edit the plan import it: the coordinator, and a unit planner their own Renstra', async () => {
    const workbook = (await exportOf(plan.renstra)).raw;
    await refusedWith(plan.renstra, workbook, 403, 'sakip.not_your_unit', s.kominfo);
    await refusedWith(plan.rpjmd, (await exportOf(plan.rpjmd)).raw, 403, 'sakip.coordinator_only', s.dinkes);
    await refusedWith(plan.renstra, workbook, 403, 'auth.forbidden', s.evaluator);
    // Another region's SAKIP coordinator: refused in this region, and the plan does not exist in theirs.
    await refusedWith(plan.renstra, workbook, 403, 'auth.forbidden', s.foreign);
    const own = upload(workbook);
    const res = await h.api('POST', `/api/regions/32.73/sakip/plans/${plan.renstra}/import`, { session: s.foreign, body: own.body, headers: own.headers });
    expect([res.status, res.body.error.code]).toEqual([404, 'sakip.plan_not_found']);
    const anonymous = await h.app.inject({ method: 'POST', url: `${R}/plans/${plan.renstra}/import`, payload: own.body, headers: own.headers });
    expect(anonymous.statusCode).toBe(401);
    // Refused before the file is opened: a planner of another unit learns nothing from a damaged file's answer.
    await refusedWith(plan.renstra, Buffer.from('bukan buku kerja'), 403, 'sakip.not_your_unit', s.kominfo);
  });

  it('refuses to replace an active plan or one whose history the import would discard', async () => {
    const demo = (await exportOf(plan.DEMO_RPJMD)).raw;
    await refusedWith(plan.DEMO_RPJMD, demo, 409, 'sakip.plan_active');
    await refusedWith(plan.DEMO_RPJMD, Buffer.from('bukan buku kerja'), 409, 'sakip.plan_active');
    // Back in draft, the demo RPJMD has realisations, a revised target and Renstra targets cascading from it.
    expect((await call('PUT', `/plans/${plan.DEMO_RPJMD}/status`, { status: 'draft' })).status).toBe(200);
    const error = await refusedWith(plan.DEMO_RPJMD, demo, 409, 'sakip.import_discards_history');
    expect(error.details).toEqual({ realisations: expect.any(Number), revisedTargets: 1, supportedBy: 4, budgets: 0 });
    expect(error.details.realisations).toBeGreaterThan(0);
    // A revised target alone is history too.
    const revised = await call('POST', `/plans/${plan.rpjmd}/indicators/${(await call('GET', `/plans/${plan.rpjmd}/table`)).body.rows.find((r: any) => r.indicator?.name === 'Pertumbuhan ekonomi').indicator.id}/targets`,
      { year: 2030, value: '-1', reason: 'Proyeksi baru' });
    expect(revised.status).toBe(201);
    expect((await refusedWith(plan.rpjmd, (await exportOf(plan.rpjmd)).raw, 409, 'sakip.import_discards_history')).details).toEqual({ realisations: 0, revisedTargets: 1, supportedBy: 0, budgets: 0 });
  });
});

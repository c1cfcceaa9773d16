// Village data through the API: the demo's two kecamatan rolled up exactly
// (weighted rates, not averages of rates), a kecamatan officer entering only
// their own villages, bad figures and locked periods refused with nothing
// saved, the realisation written from the villages (and never typed), the
// CSV/XLSX import all or nothing with its problems by row and column, and
// another region's staff refused our records.
import { beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { describeWithApp } from '../../../test/harness.js';
import { VILLAGE_INDICATORS } from './demo-villages.js';
import { R, villageKit } from './villages.test-kit.js';

describeWithApp('SAKIP village data', (h) => {
  const kit = villageKit(h);
  const { s, ids, auditCount, valueCount, V, put, importFile } = kit;

  beforeAll(() => kit.prepare());

  it('links the demo\'s two kecamatan to their units, and shows the officer which one is theirs', async () => {
    const list = (await h.api('GET', `${R}/kecamatan`, { session: s.officer })).body;
    expect(list.map((k: any) => [k.districtCode, k.name, k.unit.code, k.villages, k.editable])).toEqual([
      ['32.11.01', 'Wado', 'KEC-WADO', 10, true], ['32.11.17', 'Sumedang Selatan', 'KEC-SUMSEL', 14, false],
    ]);
    expect((await h.api('GET', `${R}/kecamatan`, { session: s.coordinator })).body.every((k: any) => k.editable)).toBe(true);
    const indicators = (await h.api('GET', `${R}/village-indicators?year=2025`, { session: s.officer })).body;
    expect(indicators.map((i: any) => [i.indicator.name, i.rule.rollup, i.rule.scale, i.periods])).toEqual([
      [VILLAGE_INDICATORS.stunting.name, 'rate', '100', ['2025']], [VILLAGE_INDICATORS.water.name, 'rate', '100', ['2025']],
    ]);
  });

  it('rolls 2025 up exactly: each kecamatan and the total are weighted rates, and the total is the realisation', async () => {
    const table = (await h.api('GET', `${V('stunting')}?period=2025`, { session: s.bupati })).body;
    expect(table.kecamatan.map((k: any) => [k.name, k.entered, k.figure.numerator, k.figure.denominator, k.figure.value, k.figure.shown, k.rank])).toEqual([
      // Wado 307 / 1941; Sumedang Selatan 292 / 2783.
      ['Wado', 10, '307', '1941', '15.816589', '15.82', 2], ['Sumedang Selatan', 14, '292', '2783', '10.492275', '10.49', 1],
    ]);
    // 599 / 4724 = 12.6799…, not the average of the kecamatan rates (13.15).
    expect(table.total).toMatchObject({ numerator: '599', denominator: '4724', value: '12.679932', shown: '12.68' });
    expect(table.realisation).toMatchObject({ period: '2025', value: '12.679932', fromVillages: true });
    // Lower is better against 2025's 14.00: (2 × 14 − 12.679932) / 14.
    expect(table.total.result).toMatchObject({ computable: true, percent: '109.43' });
    expect(table.villages).toHaveLength(24);
    const best = table.villages.find((v: any) => v.rank === 1);
    expect([best.code, best.name, best.kind, best.districtName, best.figure.shown]).toEqual(['32.11.17.1002', 'Kota Kulon', 'kelurahan', 'Sumedang Selatan', '7.36']);
    expect(table.villages.find((v: any) => v.code === '32.11.01.2006').entry).toMatchObject({ value: '41', denominator: '305', enteredBy: 'kecamatan.wado@sumedang.demo', version: 1 });
    // The plan shows the same figure as the indicator's 2025 achievement.
    const row = (await h.api('GET', `${R}/plans/${kit.plan}/table?year=2025`, { session: s.coordinator })).body.rows.find((r: any) => r.indicator?.id === ids.water);
    expect(row.indicator.achievement.realisation.value).toBe('84.895464');
    // One kecamatan only.
    const wado = (await h.api('GET', `${V('water')}?period=2025&district=32.11.01`, { session: s.officer })).body;
    expect([wado.kecamatan.length, wado.villages.length, wado.kecamatan[0].figure.value, wado.total.value]).toEqual([1, 10, '75.40367', '84.895464']);
  });

  it('lets the kecamatan officer enter their own villages, and the indicator\'s realisation follows in the same transaction', async () => {
    const res = await put('officer', 'stunting', '2026', [
      { villageCode: '32.11.01.2001', value: '30', denominator: '200' }, { villageCode: '32.11.01.2002', value: 12, denominator: 150, note: 'Pengukuran Agustus' },
    ]);
    expect(res.status).toBe(200);
    // 42 / 350 = 12 %.
    expect(res.body).toMatchObject({ changed: 2, realisation: { period: '2026', value: '12', fromVillages: true, enteredBy: 'kecamatan.wado@sumedang.demo' } });
    // A correction keeps the version it replaces; the same figures again change nothing.
    const again = await put('officer', 'stunting', '2026', [{ villageCode: '32.11.01.2001', value: '30', denominator: '200' }]);
    expect(again.body).toEqual({ changed: 0, realisation: null });
    const corrected = await put('officer', 'stunting', '2026', [{ villageCode: '32.11.01.2001', value: '27', denominator: '200' }]);
    // 39 / 350 = 11.142857…
    expect(corrected.body.realisation).toMatchObject({ value: '11.142857', version: 2 });
    const history = (await h.api('GET', `${V('stunting')}/values/2026/32.11.01.2001/history`, { session: s.officer })).body;
    expect(history.versions.map((v: any) => [v.version, v.value])).toEqual([[1, '30'], [2, '27']]);
    const realisations = (await h.api('GET', `${R}/plans/${kit.plan}/indicators/${ids.stunting}/realisations`, { session: s.coordinator })).body;
    expect(realisations.map((r: any) => [r.period, r.value])).toEqual([['2025', '12.679932'], ['2026', '11.142857']]);
  });

  it('refuses another kecamatan\'s village, villages outside the region, bad figures and locked periods, saving nothing', async () => {
    const before = [await auditCount(), await valueCount()];
    const good = { villageCode: '32.11.01.2003', value: '5', denominator: '100' };
    const refused: [string, string, unknown[], number, string][] = [
      ['officer', '2026', [good, { villageCode: '32.11.17.2005', value: '5', denominator: '100' }], 403, 'sakip.village_not_yours'],
      ['officer', '2026', [{ villageCode: '32.73.01.1001', value: '5', denominator: '100' }], 400, 'sakip.village_not_in_region'],
      ['officer', '2026', [{ villageCode: '32.11.01.2099', value: '5', denominator: '100' }], 400, 'sakip.village_not_in_region'],
      ['officer', '2026', [good, { villageCode: '32.11.01.2004', value: '-1', denominator: '100' }], 400, 'sakip.value_negative'],
      ['officer', '2026', [{ villageCode: '32.11.01.2004', value: 'dua', denominator: '100' }], 400, 'sakip.value_not_numeric'],
      ['officer', '2026', [{ villageCode: '32.11.01.2004', value: '5', denominator: 'seratus' }], 400, 'sakip.value_not_numeric'],
      ['officer', '2026', [{ villageCode: '32.11.01.2004', value: '5' }], 400, 'sakip.denominator_required'],
      ['officer', '2026', [{ villageCode: '32.11.01.2004', value: '5', denominator: '0' }], 400, 'sakip.denominator_required'],
      ['officer', '2026', [{ villageCode: '32.11.01.2004', value: '101', denominator: '100' }], 400, 'sakip.numerator_exceeds_denominator'],
      ['officer', '2026', [good, good], 400, 'sakip.village_duplicate'],
      // 2025 is closed: the officer cannot, the coordinator only with a reason.
      ['officer', '2025', [{ villageCode: '32.11.01.2001', value: '37', denominator: '212' }], 409, 'sakip.period_locked'],
      ['coordinator', '2025', [{ villageCode: '32.11.01.2001', value: '37', denominator: '212' }], 400, 'sakip.correction_reason_required'],
      ['coordinator', '2027', [good], 409, 'sakip.period_not_started'],
      ['coordinator', '2031', [good], 409, 'sakip.period_outside_plan'],
    ];
    for (const [who, period, values, status, code] of refused) {
      const res = await put(who, 'stunting', period, values);
      expect([res.status, res.body.error?.code], `${who} ${period} ${JSON.stringify(values)}`).toEqual([status, code]);
    }
    const wrongKecamatan = await put('officer', 'stunting', '2026', [{ villageCode: '32.11.17.2005', value: '5', denominator: '100' }]);
    expect(wrongKecamatan.body.error.details).toMatchObject({ villageCode: '32.11.17.2005' });
    // Not a village code at all: the request's shape.
    expect((await put('officer', 'stunting', '2026', [{ villageCode: '32.11.01', value: '5', denominator: '100' }])).status).toBe(400);
    // The realisation of a village-measured indicator is never typed, not even by its unit's planner.
    const typed = await h.api('PUT', `${R}/plans/${kit.plan}/indicators/${ids.stunting}/realisations/2026`, { session: s.dinkes, body: { value: '9' } });
    expect([typed.status, typed.body.error.code]).toEqual([409, 'sakip.realisation_from_villages']);
    // Unit planners and readers do not enter village data; the officer does not link kecamatan.
    expect((await put('dinkes', 'stunting', '2026', [good])).status).toBe(403);
    expect((await put('bupati', 'stunting', '2026', [good])).status).toBe(403);
    const units = (await h.api('GET', `${R}/kecamatan`, { session: s.coordinator })).body;
    expect((await h.api('PUT', `${R}/kecamatan/${units[0].unit.id}`, { session: s.officer, body: { districtCode: '32.11.02' } })).status).toBe(403);
    expect([await auditCount(), await valueCount()]).toEqual(before);
  });

  it('lets the coordinator correct a closed period with a reason, recorded as after closing', async () => {
    const res = await put('coordinator', 'stunting', '2025', [{ villageCode: '32.11.01.2001', value: '37', denominator: '212' }], 'Verifikasi ulang posyandu');
    // 598 / 4724.
    expect(res.body.realisation).toMatchObject({ value: '12.658764', version: 2, afterClose: true, reason: 'Verifikasi ulang posyandu', fromVillages: true });
    const village = (await h.api('GET', `${V('stunting')}?period=2025`, { session: s.coordinator })).body.villages.find((v: any) => v.code === '32.11.01.2001');
    expect(village.entry).toMatchObject({ value: '37', version: 2, afterClose: true, reason: 'Verifikasi ulang posyandu' });
  });

  it('adds counts for a sum indicator, keeps a year\'s periods of one kind, and fixes the rule once villages have values', async () => {
    const rule = await h.api('PUT', `${V('mothers')}/rule`, { session: s.coordinator, body: { rollup: 'sum' } });
    expect([rule.status, rule.body]).toEqual([200, { rollup: 'sum', scale: null, numeratorLabel: '', denominatorLabel: '' }]);
    const res = await put('coordinator', 'mothers', '2026-Q2', [
      { villageCode: '32.11.01.2001', value: '14' }, { villageCode: '32.11.17.1001', value: '22.5' }, { villageCode: '32.11.17.1002', value: '0' },
    ]);
    expect(res.body.realisation).toMatchObject({ period: '2026-Q2', value: '36.5', fromVillages: true });
    const table = (await h.api('GET', `${V('mothers')}?period=2026-Q2`, { session: s.coordinator })).body;
    expect(table.kecamatan.map((k: any) => [k.name, k.figure?.value ?? null])).toEqual([['Wado', '14'], ['Sumedang Selatan', '22.5']]);
    expect([table.total.value, table.total.denominator]).toEqual(['36.5', null]);
    const refused: [string, unknown[], number, string][] = [
      // The year's other realisations are quarters.
      ['2026', [{ villageCode: '32.11.01.2001', value: '50' }], 409, 'sakip.period_mixed'],
      ['2026-Q2', [{ villageCode: '32.11.01.2001', value: '14', denominator: '20' }], 400, 'sakip.denominator_not_allowed'],
    ];
    for (const [period, values, status, code] of refused) {
      const r = await put('coordinator', 'mothers', period, values);
      expect([r.status, r.body.error?.code], period).toEqual([status, code]);
    }
    const changed = await h.api('PUT', `${V('mothers')}/rule`, { session: s.coordinator, body: { rollup: 'rate', scale: '100' } });
    expect([changed.status, changed.body.error.code]).toEqual([409, 'sakip.village_rule_in_use']);
    const spbe = (await h.api('GET', `${R}/plans`, { session: s.coordinator })).body.find((p: any) => p.unit?.code === 'DISKOMINFO').id;
    const spbeRows = (await h.api('GET', `${R}/plans/${spbe}/table`, { session: s.coordinator })).body.rows;
    const sourced = spbeRows.find((r: any) => r.indicator?.source === 'spbe.index').indicator.id;
    const conflict = await h.api('PUT', `${R}/plans/${spbe}/villages/${sourced}/rule`, { session: s.coordinator, body: { rollup: 'sum' } });
    expect([conflict.status, conflict.body.error.code]).toEqual([409, 'sakip.village_source_conflict']);
    // Not measured per village: no village table.
    expect((await h.api('GET', `${R}/plans/${spbe}/villages/${sourced}`, { session: s.coordinator })).body.error.code).toBe('sakip.not_village_indicator');
  });

  describe('import', () => {
    it('imports a CSV (semicolons, Excel\'s Indonesian export) and an XLSX of the officer\'s villages', async () => {
      const csv = '\uFEFFkode_desa;nilai;penyebut;catatan\r\n32.11.01.2003;700;902;Pendataan 2026\r\n32.11.01.2004;1050;1320;\r\n';
      const res = await importFile('officer', 'water', '2026', csv, 'air-minum.csv');
      expect(res.status).toBe(200);
      // 1750 / 2222 = 78.757875…
      expect(res.body).toMatchObject({ rows: 2, changed: 2, realisation: { period: '2026', value: '78.757876', fromVillages: true } });
      const xlsx = await writeXlsxFile([[{ value: 'village_code' }, { value: 'value' }, { value: 'denominator' }], [{ value: '32.11.01.2005' }, { value: 880 }, { value: 1110 }]]).toBuffer();
      const fromExcel = await importFile('officer', 'water', '2026', xlsx, 'air-minum.xlsx');
      expect(fromExcel.body).toMatchObject({ rows: 1, changed: 1 });
      // 2630 / 3332.
      expect(fromExcel.body.realisation.value).toBe('78.931573');
    });

    it('refuses the whole file, naming every problem by row and column', async () => {
      const before = [await auditCount(), await valueCount()];
      const csv = [
        'kode_desa,nilai,penyebut',
        '32.11.01.2006,1400,1706',
        '32.11.17.2005,900,1156',
        '32.11.01.2007,-3,948',
        '32.11.01.2009,banyak,990',
        '32.11.01.2010,600,',
        '32.11.01.2006,1400,1706',
        '32.11.01.2011,900,887',
      ].join('\n');
      const res = await importFile('officer', 'water', '2026', csv, 'air-minum.csv');
      expect([res.status, res.body.error.code]).toEqual([400, 'sakip.village_import_invalid']);
      expect(res.body.error.details.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
        [3, 'kode_desa', 'sakip.village_not_yours'],
        [4, 'nilai', 'sakip.value_negative'],
        [5, 'nilai', 'sakip.value_not_numeric'],
        [6, 'penyebut', 'sakip.denominator_required'],
        [7, 'kode_desa', 'sakip.village_duplicate'],
        [8, 'nilai', 'sakip.numerator_exceeds_denominator'],
      ]);
      expect(res.body.error.details.problems[0].message.id).toContain('bukan di kecamatan Anda');
      const missing = await importFile('officer', 'water', '2026', 'kode_desa,nilai\n32.11.01.2006,1400\n', 'air-minum.csv');
      expect(missing.body.error.details.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([[1, 'penyebut', 'sakip.village_column_missing']]);
      const empty = await importFile('officer', 'water', '2026', 'kode_desa,nilai,penyebut\n', 'air-minum.csv');
      expect(empty.body.error.details.problems.map((p: any) => p.code)).toEqual(['sakip.village_file_empty']);
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffbf1e000502027f8c3a4a0c0000000049454e44ae426082', 'hex');
      const wrongType = await importFile('officer', 'water', '2026', png, 'air-minum.csv');
      expect([wrongType.status, wrongType.body.error.code]).toEqual([415, 'sakip.village_file_type']);
      const locked = await importFile('officer', 'water', '2025', 'kode_desa,nilai,penyebut\n32.11.01.2006,1400,1706\n', 'air-minum.csv');
      expect([locked.status, locked.body.error.code]).toEqual([409, 'sakip.period_locked']);
      expect([await auditCount(), await valueCount()]).toEqual(before);
      // The coordinator imports into the closed year with a reason given beside the file.
      const corrected = await importFile('coordinator', 'water', '2025', 'kode_desa,nilai,penyebut\n32.11.01.2006,1430,1706\n', 'air-minum.csv', { reason: 'Data PDAM terbaru' });
      expect(corrected.body.realisation).toMatchObject({ afterClose: true, reason: 'Data PDAM terbaru' });
    });
  });

  it('gives another region\'s coordinator nothing of ours, with their region or ours in the URL', async () => {
    const ours = `${R}/plans/${kit.plan}/villages/${ids.stunting}`;
    const theirs = ours.replace('/regions/32.11/', '/regions/32.73/');
    const good = [{ villageCode: '32.11.01.2003', value: '5', denominator: '100' }];
    const before = [await auditCount(), await valueCount()];
    expect((await h.api('GET', `${theirs}?period=2025`, { session: s.bandung })).status).toBe(404);
    expect((await h.api('PUT', `${theirs}/values/2026`, { session: s.bandung, body: { values: good } })).status).toBe(404);
    expect((await h.api('PUT', `${theirs}/rule`, { session: s.bandung, body: { rollup: 'sum' } })).status).toBe(404);
    expect((await h.api('GET', `${theirs}/values/2025/32.11.01.2001/history`, { session: s.bandung })).status).toBe(404);
    // Their own region's kecamatan list is theirs (empty); a Sumedang district is not a kecamatan of theirs.
    expect((await h.api('GET', '/api/regions/32.73/sakip/kecamatan', { session: s.bandung })).body).toEqual([]);
    const sumedangUnit = (await h.api('GET', `${R}/kecamatan`, { session: s.coordinator })).body[0].unit.id;
    expect((await h.api('PUT', `/api/regions/32.73/sakip/kecamatan/${sumedangUnit}`, { session: s.bandung, body: { districtCode: '32.73.01' } })).body.error.code).toBe('unit.not_found');
    for (const [method, url, body] of [['GET', `${ours}?period=2025`, undefined], ['PUT', `${ours}/values/2026`, { values: good }], ['GET', `${R}/kecamatan`, undefined]] as const) {
      expect((await h.api(method, url, { session: s.bandung, ...(body ? { body } : {}) })).status, `${method} ${url}`).toBe(403);
    }
    // Our coordinator cannot link a unit to another region's kecamatan.
    const taken = await h.api('PUT', `${R}/kecamatan/${sumedangUnit}`, { session: s.coordinator, body: { districtCode: '32.73.01' } });
    expect([taken.status, taken.body.error.code]).toEqual([400, 'sakip.district_not_in_region']);
    expect([await auditCount(), await valueCount()]).toEqual(before);
  });
});

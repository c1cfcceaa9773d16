// Drilling down to the villages through the API: an indicator measured per
// village by kecamatan (weighted rates and sums, each against the target
// where that makes sense), deleting a wrong village value (with its reason,
// in its history, the realisation rolled up again, closed periods locked as
// for entering), the import template whose columns the import reads back,
// and another region's staff refused all of it.
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp } from '../../../test/harness.js';
import { readXlsx } from '../../platform/xlsx.js';
import { parseCsv } from '../../platform/csv.js';
import { R, villageKit } from './villages.test-kit.js';

describeWithApp('SAKIP village drill-down, deletion and template', (h) => {
  const kit = villageKit(h);
  const { s, ids, auditCount, valueCount, V, put, importFile } = kit;
  const remove = (who: string, key: string, period: string, village: string, reason: string) =>
    h.api('DELETE', `${V(key)}/values/${period}/${village}`, { session: s[who], body: { reason } });
  const realisations = async (key: string) =>
    (await h.api('GET', `${R}/plans/${kit.plan}/indicators/${ids[key]}/realisations`, { session: s.coordinator })).body.map((r: any) => [r.period, r.value]);

  beforeAll(() => kit.prepare());

  it('breaks a rate down by kecamatan as weighted rates, each against the year\'s target', async () => {
    const res = await h.api('GET', `${V('stunting')}/kecamatan?period=2025`, { session: s.bupati });
    expect(res.status).toBe(200);
    const b = res.body;
    expect(b.targetPerPart).toBe(true);
    expect(b.villages).toBeUndefined();
    expect(b.kecamatan.map((k: any) => [k.name, k.unit.code, k.entered, k.villages, k.figure.numerator, k.figure.denominator, k.figure.value, k.rank, k.figure.result.percent])).toEqual([
      // Wado 307 / 1941 × 100 = 15.816589; lower is better against 14.00: (28 − 15.816589) / 14 = 87.02 %.
      ['Wado', 'KEC-WADO', 10, 10, '307', '1941', '15.816589', 2, '87.02'],
      // Sumedang Selatan 292 / 2783 × 100 = 10.492275; (28 − 10.492275) / 14 = 125.06 %.
      ['Sumedang Selatan', 'KEC-SUMSEL', 14, 14, '292', '2783', '10.492275', 1, '125.06'],
    ]);
    // The total is 599 / 4724, the indicator's realisation, not the kecamatan rates' average.
    expect([b.total.value, b.realisation.value, b.total.result.percent]).toEqual(['12.679932', '12.679932', '109.43']);
    // The officer reads every kecamatan, and may enter only their own.
    const mine = (await h.api('GET', `${V('stunting')}/kecamatan?period=2025`, { session: s.officer })).body;
    expect(mine.kecamatan.map((k: any) => [k.districtCode, k.editable])).toEqual([['32.11.01', true], ['32.11.17', false]]);
    // One kecamatan down: the village table filtered, whose kecamatan row is the same figure.
    const wado = (await h.api('GET', `${V('stunting')}?period=2025&district=32.11.01`, { session: s.bupati })).body;
    expect([wado.kecamatan[0].figure.value, wado.villages.length, new Set(wado.villages.map((v: any) => v.districtCode))]).toEqual(['15.816589', 10, new Set(['32.11.01'])]);
    expect((await h.api('GET', `${V('stunting')}/kecamatan?period=2025-13`, { session: s.bupati })).status).toBe(400);
  });

  it('adds a count up by kecamatan, comparing only the total with the target', async () => {
    expect((await h.api('PUT', `${V('mothers')}/rule`, { session: s.coordinator, body: { rollup: 'sum' } })).status).toBe(200);
    const res = await put('coordinator', 'mothers', '2026-Q2', [
      { villageCode: '32.11.01.2001', value: '14' }, { villageCode: '32.11.01.2002', value: '3.5' }, { villageCode: '32.11.17.1001', value: '22' }, { villageCode: '32.11.17.1002', value: '0' },
    ]);
    expect(res.body.realisation.value).toBe('39.5');
    const b = (await h.api('GET', `${V('mothers')}/kecamatan?period=2026-Q2`, { session: s.coordinator })).body;
    expect(b.targetPerPart).toBe(false);
    // Wado 14 + 3.5 = 17.5, Sumedang Selatan 22 + 0 = 22; higher is better, so Sumedang Selatan ranks first.
    expect(b.kecamatan.map((k: any) => [k.name, k.entered, k.figure.value, k.figure.denominator, k.rank, k.figure.result])).toEqual([
      ['Wado', 2, '17.5', null, 2, null], ['Sumedang Selatan', 2, '22', null, 1, null],
    ]);
    // The target (2026: 17,600 mothers) is the whole region's: 39.5 / 17,600 = 0.22 %.
    expect([b.total.value, b.total.result.percent]).toEqual(['39.5', '0.22']);
    const table = (await h.api('GET', `${V('mothers')}?period=2026-Q2`, { session: s.coordinator })).body;
    expect(table.villages.filter((v: any) => v.figure).every((v: any) => v.figure.result === null)).toBe(true);
  });

  it('deletes a wrong village value with its reason, keeps it in the history and rolls the realisation up again', async () => {
    await put('officer', 'stunting', '2026', [
      { villageCode: '32.11.01.2001', value: '30', denominator: '200' }, { villageCode: '32.11.01.2002', value: '12', denominator: '150' },
    ]);
    const before = await auditCount();
    const res = await remove('officer', 'stunting', '2026', '32.11.01.2002', 'Salah desa: angka Cimungkal tertulis di Ganjaresik');
    expect(res.status).toBe(200);
    // 30 / 200 = 15 %, in the same transaction.
    expect(res.body.realisation).toMatchObject({ period: '2026', value: '15', fromVillages: true, version: 2, reason: 'Salah desa: angka Cimungkal tertulis di Ganjaresik' });
    expect(await auditCount()).toBe(before + 2);
    const table = (await h.api('GET', `${V('stunting')}?period=2026&district=32.11.01`, { session: s.officer })).body;
    expect(table.villages.find((v: any) => v.code === '32.11.01.2002').entry).toBeNull();
    expect([table.kecamatan[0].entered, table.total.value]).toEqual([1, '15']);
    let history = (await h.api('GET', `${V('stunting')}/values/2026/32.11.01.2002/history`, { session: s.officer })).body;
    expect(history.versions.map((v: any) => [v.version, v.value, v.deleted?.by ?? null, v.deleted?.reason ?? null])).toEqual([
      [1, '12', 'kecamatan.wado@sumedang.demo', 'Salah desa: angka Cimungkal tertulis di Ganjaresik'],
    ]);
    // Entered again, it goes on from its last version: 39 / 350 = 11.142857.
    expect((await put('officer', 'stunting', '2026', [{ villageCode: '32.11.01.2002', value: '9', denominator: '150' }])).body.realisation.value).toBe('11.142857');
    history = (await h.api('GET', `${V('stunting')}/values/2026/32.11.01.2002/history`, { session: s.officer })).body;
    expect(history.versions.map((v: any) => [v.version, v.value, v.deleted === null])).toEqual([[1, '12', false], [2, '9', true]]);
    // The last villages deleted: no realisation rather than a 0 nobody reported; it stays in the realisation's history.
    await remove('officer', 'stunting', '2026', '32.11.01.2001', 'Data ganda');
    expect((await remove('officer', 'stunting', '2026', '32.11.01.2002', 'Data ganda')).body).toEqual({ realisation: null });
    expect(await realisations('stunting')).toEqual([['2025', '12.679932']]);
    const realisationHistory = (await h.api('GET', `${R}/plans/${kit.plan}/indicators/${ids.stunting}/realisations/2026/history`, { session: s.coordinator })).body;
    // 42 / 350, 30 / 200, 39 / 350, then 9 / 150 once Cimungkal was deleted.
    expect(realisationHistory.versions.map((v: any) => v.value)).toEqual(['12', '15', '11.142857', '6']);
  });

  it('refuses a deletion without a reason, of another kecamatan, of nothing, or in a closed period unless by the coordinator', async () => {
    const before = [await auditCount(), await valueCount()];
    const refused: [string, string, string, string, number, string][] = [
      ['officer', '2025', '32.11.01.2001', '  ', 400, 'sakip.village_delete_reason_required'],
      ['officer', '2026', '32.11.17.2005', 'Salah', 403, 'sakip.village_not_yours'],
      ['officer', '2026', '32.73.01.1001', 'Salah', 400, 'sakip.village_not_in_region'],
      ['officer', '2026', '32.11.01.2003', 'Salah', 404, 'sakip.village_value_not_found'],
      // 2025 is closed and locked, as for entering.
      ['officer', '2025', '32.11.01.2001', 'Salah', 409, 'sakip.period_locked'],
      ['bupati', '2025', '32.11.01.2001', 'Salah', 403, 'auth.forbidden'],
    ];
    for (const [who, period, village, reason, status, code] of refused) {
      const res = await remove(who, 'water', period, village, reason);
      expect([res.status, res.body.error?.code], `${who} ${period} ${village}`).toEqual([status, code]);
    }
    expect([await auditCount(), await valueCount()]).toEqual(before);
    // The coordinator corrects the closed year: recorded as after closing, with the reason.
    const res = await remove('coordinator', 'water', '2025', '32.11.01.2001', 'Desa ganda dengan data PDAM');
    expect(res.body.realisation).toMatchObject({ period: '2025', afterClose: true, reason: 'Desa ganda dengan data PDAM' });
    expect(await valueCount()).toBe(before[1] - 1);
  });

  it('gives a template in the columns the import reads, which imports back', async () => {
    const csv = await h.api('GET', `${V('water')}/values/2026/template.csv`, { session: s.officer });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('data-desa-32.11.01-2026.csv');
    // In Indonesian, as Excel in Indonesian reads a CSV: semicolons.
    expect(csv.raw.startsWith('\uFEFFkode_desa;nama_desa;kecamatan;nilai;penyebut;catatan\r\n')).toBe(true);
    const rows = parseCsv(csv.raw).rows;
    // The officer's kecamatan: Wado's ten villages, nothing entered yet in 2026.
    expect(rows.length).toBe(11);
    expect(rows.slice(1).every((r) => r[0].startsWith('32.11.01.') && r[2] === 'Wado' && r[3] === '')).toBe(true);
    // Two villages filled in; the rest left blank are not entered.
    const filled = rows.map((r, i) => (i === 1 ? [r[0], r[1], r[2], '700', '902', 'Pendataan 2026'] : i === 2 ? [r[0], r[1], r[2], '1050', '1320', ''] : r));
    const imported = await importFile('officer', 'water', '2026', filled.map((r) => r.join(',')).join('\r\n'), 'templat.csv');
    expect(imported.status).toBe(200);
    // 1750 / 2222 = 78.757876 (half up).
    expect(imported.body).toMatchObject({ rows: 2, changed: 2, realisation: { value: '78.757876' } });

    // The coordinator's XLSX of one kecamatan in 2025, with the figures entered, imports back unchanged.
    const xlsx = await h.app.inject({ method: 'GET', url: `${V('stunting')}/values/2025/template.xlsx?district=32.11.17`, headers: { cookie: s.coordinator.cookie } });
    expect([xlsx.statusCode, xlsx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const data = xlsx.rawPayload;
    const [sheet] = await readXlsx(data, { maxEntries: 100, maxUnpackedBytes: 10 << 20, maxRows: 1000, maxColumns: 20, tooLarge: 'sakip.workbook_too_large', unreadable: 'sakip.workbook_unreadable' });
    expect(sheet.rows[0]).toEqual(['kode_desa', 'nama_desa', 'kecamatan', 'nilai', 'penyebut', 'catatan']);
    expect(sheet.rows.length).toBe(15);
    const kotaKulon = sheet.rows.find((r) => r[0] === '32.11.17.1002')!;
    expect([kotaKulon[1], kotaKulon[2]]).toEqual(['Kota Kulon', 'Sumedang Selatan']);
    const again = await importFile('coordinator', 'stunting', '2025', data, 'templat.xlsx', { reason: 'Impor ulang templat' });
    expect(again.body).toMatchObject({ rows: 14, changed: 0, realisation: null });
    // A rate's template and a sum's differ by the denominator column, as the import wants.
    const sumFile = (await h.api('GET', `${V('mothers')}/values/2026-Q2/template.csv`, { session: s.coordinator })).raw;
    const sum = parseCsv(sumFile).rows;
    expect(sum[0]).toEqual(['kode_desa', 'nama_desa', 'kecamatan', 'nilai', 'catatan']);
    expect(sum.length).toBe(25);
    // 3.5 written with the Indonesian decimal comma, and read back as 3.5: nothing changes.
    expect(sum.find((r) => r[0] === '32.11.01.2002')![3]).toBe('3,5');
    expect((await importFile('coordinator', 'mothers', '2026-Q2', sumFile, 'templat.csv')).body).toMatchObject({ rows: 4, changed: 0 });
    // In English: commas and a decimal point.
    const english = parseCsv((await h.api('GET', `${V('mothers')}/values/2026-Q2/template.csv?lang=en`, { session: s.coordinator })).raw);
    expect([english.separator, english.rows.find((r) => r[0] === '32.11.01.2002')![3]]).toEqual([',', '3.5']);
  });

  it('gives another region\'s coordinator none of it, with their region or ours in the URL', async () => {
    const ours = V('stunting');
    const theirs = ours.replace('/regions/32.11/', '/regions/32.73/');
    const before = [await auditCount(), await valueCount()];
    for (const [method, url, body] of [
      ['GET', `${theirs}/kecamatan?period=2025`, undefined], ['GET', `${theirs}/values/2025/template.csv`, undefined], ['GET', `${theirs}/values/2025/template.xlsx`, undefined],
      ['DELETE', `${theirs}/values/2025/32.11.01.2001`, { reason: 'Hapus dari daerah lain' }],
    ] as const) {
      expect((await h.api(method, url, { session: s.bandung, ...(body ? { body } : {}) })).status, `${method} ${url}`).toBe(404);
    }
    for (const [method, url, body] of [
      ['GET', `${ours}/kecamatan?period=2025`, undefined], ['GET', `${ours}/values/2025/template.csv`, undefined],
      ['DELETE', `${ours}/values/2025/32.11.01.2001`, { reason: 'Hapus dari daerah lain' }],
    ] as const) {
      expect((await h.api(method, url, { session: s.bandung, ...(body ? { body } : {}) })).status, `${method} ${url}`).toBe(403);
    }
    expect([await auditCount(), await valueCount()]).toEqual(before);
  });
});

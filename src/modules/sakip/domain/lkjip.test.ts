// Pins chapter III B of the performance report (LKjIP): each budgeted
// programme's absorption and its efficiency against the target it serves, by
// either method, the total against the key indicators (region) or all of the
// report's indicators (unit), the draft text in Indonesian figures, and a
// year without a budget.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../platform/decimal.js';
import { efficiencySettings, type OutputRealisation } from './efficiency.js';
import { buildLkjip, type LkjipIndicatorInput, type LkjipInput, type LkjipProgrammeInput } from './lkjip.js';

const method1 = efficiencySettings.parse({});
const method2 = efficiencySettings.parse({ method: 'output_index' });

/** A higher-is-better indicator with a target of 100 and the given realisation: its achievement is the realisation. */
const indicator = (id: string, realised: string | null, isIku = true): LkjipIndicatorInput => ({
  id, target: `Sasaran ${id}`, name: `Indikator ${id}`, measure: '%', polarity: 'higher_is_better', isIku,
  targetThisYear: { type: 'single', value: '100' }, targetEnd: { type: 'single', value: '100' },
  realisation: realised === null ? null : { value: realised, complete: true }, lastYear: null, obstacles: [], followUp: [],
});

const budget = (ceiling: string, spending: string) => ({ ceiling: new Dec(ceiling), spending: new Dec(spending) });

const programme = (code: string, ceiling: string, spending: string, achievementPercent: string | null, more: Partial<LkjipProgrammeInput> = {}): LkjipProgrammeInput => ({
  code, title: `PROGRAM ${code}`, unit: null, budget: budget(ceiling, spending), parts: [],
  target: { title: `Sasaran program ${code}`, achievementPercent, outputs: [] }, ...more,
});

function report(programmes: LkjipProgrammeInput[], more: Partial<LkjipInput> = {}, outputs: OutputRealisation[] = [], settings = method1) {
  return buildLkjip({
    regionName: 'Kabupaten Contoh', unitName: null, year: 2025, bands: method1.bands,
    plan: { kind: 'rpjmd', title: 'RPJMD 2025–2029', startYear: 2025, endYear: 2029 },
    indicators: [indicator('a', '96'), indicator('b', '100')],
    budget: { settings, programmes, outputs }, ...more,
  });
}

describe('LKjIP chapter III B: a programme against the target it serves (method 1, achievement − absorption)', () => {
  it.each<[string, string, string, string | null, string | null, string | null, string | null]>([
    // ceiling, spending, target's achievement → absorption, difference, category
    ['efficient: 95 % achieved on 80 % spent', '1000000000', '800000000', '95', '80.00', '15.00', 'efficient'],
    ['fairly efficient: +5 exactly is inside the band', '1000000000', '900000000', '95', '90.00', '5.00', 'fairly_efficient'],
    ['fairly efficient: −5 exactly is inside the band', '1000000000', '1000000000', '95', '100.00', '-5.00', 'fairly_efficient'],
    ['inefficient: just below −5', '1000000000', '1000000000', '94.99', '100.00', '-5.01', 'inefficient'],
    ['spending above the ceiling is shown above 100 %', '1000000000', '1052631579', '100', '105.26', '-5.26', 'inefficient'],
    ['a third of the ceiling, exact before rounding', '3', '1', '33.34', '33.33', '0.01', 'fairly_efficient'],
    ['a ceiling of 0 has no absorption and no efficiency', '0', '5000000', '100', null, null, null],
    ['a target without achievement is not judged', '1000000000', '500000000', null, '50.00', null, null],
  ])('%s', (_, ceiling, spending, achieved, absorbed, value, category) => {
    const row = report([programme('1.02.02', ceiling, spending, achieved)]).budget!.rows[0];
    expect(row.budget).toMatchObject({ ceiling, spending });
    expect(row.budget.absorption?.percent ?? null).toBe(absorbed);
    expect(row.achievement?.percentExact ?? null).toBe(achieved === null ? null : new Dec(achieved).toFixed());
    if (value === null) expect(row.efficiency).toMatchObject({ computable: false, reason: achieved === null ? 'no_achievement' : 'ceiling_zero' });
    else expect(row.efficiency).toMatchObject({ computable: true, value, category });
  });

  it('gives each category the colour of the region\'s band and its words', () => {
    const rows = report([
      programme('1.01.01', '100', '80', '95'), programme('1.01.02', '100', '90', '95'), programme('1.01.03', '100', '100', '90'),
    ]).budget!.rows;
    expect(rows.map((r) => r.efficiency?.computable && [r.efficiency.label.id, r.efficiency.colour])).toEqual([
      ['Efisien', '#1d6b3a'], ['Cukup efisien', '#e0a800'], ['Tidak efisien', '#b42318'],
    ]);
  });

  it('does not judge a programme that serves no target', () => {
    const row = report([programme('1.02.02', '100', '90', null, { target: null })]).budget!.rows[0];
    expect(row).toMatchObject({ target: null, achievement: null, efficiency: { computable: false, reason: 'no_achievement' } });
  });
});

describe('LKjIP chapter III B: the total', () => {
  const programmes = [
    programme('1.02.02', '4750000000', '4275000000', '104.9', {
      unit: 'Dinas Kesehatan',
      parts: [
        { kind: 'activity', code: '1.02.02.2.02', title: 'Kegiatan layanan', budget: budget('4750000000', '4275000000') },
        { kind: 'sub_activity', code: '1.02.02.2.02.0001', title: 'Sub-kegiatan ibu hamil', budget: budget('4750000000', '4275000000') },
      ],
    }),
    programme('2.16.03', '2400000000.50', '2280000000', '89.44', { unit: 'Dinas Komunikasi dan Informatika' }),
  ];

  it('adds every programme once (not its activities), exact to the sen, and judges the key indicators\' achievement against it', () => {
    const s = report(programmes, { indicators: [indicator('a', '96'), indicator('b', '100'), indicator('c', '50', false)] });
    const b = s.budget!;
    expect(b.rows.map((r) => [r.kind, r.code, r.unit, r.budget.ceiling])).toEqual([
      ['programme', '1.02.02', 'Dinas Kesehatan', '4750000000'],
      ['activity', '1.02.02.2.02', null, '4750000000'],
      ['sub_activity', '1.02.02.2.02.0001', null, '4750000000'],
      ['programme', '2.16.03', 'Dinas Komunikasi dan Informatika', '2400000000.5'],
    ]);
    // Activities carry their budget only: achievement belongs to the target the programme serves.
    expect(b.rows[1]).toMatchObject({ achievement: null, efficiency: null, budget: { absorption: { percent: '90.00' } } });
    // 6 555 000 000 of 7 150 000 000.50 = 91.678321…%; the IKU (not the third indicator) average 98 %; +6.32 points.
    expect(b.total.budget).toEqual({ ceiling: '7150000000.5', spending: '6555000000', absorption: { percent: '91.68', percentExact: new Dec(6555000000).times(100).div('7150000000.5').toFixed() } });
    expect(b.total).toMatchObject({ basis: 'iku', achievement: { percent: '98.00' }, efficiency: { value: '6.32', category: 'efficient' } });
    expect(b.method).toMatchObject({ code: 'achievement_minus_absorption', threshold: '5', label: { id: 'Capaian kinerja dikurangi serapan anggaran' } });

    const text = s.drafts.budget;
    expect(text).toContain('Pagu anggaran program Kabupaten Contoh tahun 2025 sebesar Rp7.150.000.000,5 dengan realisasi Rp6.555.000.000, atau serapan 91,68 %.');
    expect(text).toContain('metode capaian kinerja dikurangi serapan anggaran: efisien bila selisihnya di atas +5 poin');
    expect(text).toContain('Capaian rata-rata indikator kinerja utama (IKU) sebesar 98,00 % terhadap serapan 91,68 % memberi selisih 6,32 poin: efisien.');
    // 89.44 % against 95 % (2 280 000 000 of 2 400 000 000.50): −5.56, named as inefficient.
    expect(text).toContain('Program yang tidak efisien: 2.16.03 PROGRAM 2.16.03 (capaian sasaran 89,44 %, serapan 95,00 %).');
  });

  it('judges a unit\'s report against all its goals\' and targets\' indicators', () => {
    const s = report(programmes, {
      unitName: 'Dinas Kesehatan', plan: { kind: 'renstra', title: 'Renstra 2025–2029', startYear: 2025, endYear: 2029 },
      indicators: [indicator('a', '96'), indicator('c', '50', false), indicator('d', null)],
    });
    // (96 + 50) / 2 = 73 %, the unreported indicator left out; 73 − 91.678…: inefficient.
    expect(s.budget!.total).toMatchObject({ basis: 'indicators', achievement: { percent: '73.00' }, efficiency: { value: '-18.68', category: 'inefficient' } });
    expect(s.drafts.budget).toContain('Pagu anggaran program Dinas Kesehatan tahun 2025');
    expect(s.drafts.budget).toContain('Capaian rata-rata indikator tujuan dan sasaran sebesar 73,00 %');
  });

  it('says when the whole budget cannot be judged, and when no programme is inefficient', () => {
    const s = report([programme('1.02.02', '100', '80', '95')], { indicators: [indicator('a', null)] });
    expect(s.budget!.total).toMatchObject({ achievement: null, efficiency: { computable: false, reason: 'no_achievement' } });
    expect(s.drafts.budget).toContain('Efisiensi seluruh anggaran tidak dapat dihitung: belum ada capaian indikator.');
    expect(s.drafts.budget).toContain('Tidak ada program yang dinilai tidak efisien.');
  });
});

describe('LKjIP chapter III B: the output-based efficiency index (method 2)', () => {
  const out = (output: string, budgetRealised: string, volumeRealised: string, budgetCeiling: string, volumeTarget: string): OutputRealisation =>
    ({ output, budgetRealised, volumeRealised, budgetCeiling, volumeTarget });

  it('judges each programme by its target\'s indicators as outputs and the whole budget by every budget node\'s, read around 50 %', () => {
    const cheaper = programme('1.01.01', '1000', '900', '100', { target: { title: 'S1', achievementPercent: '100', outputs: [out('o1', '900', '100', '1000', '100')] } });
    const asPlanned = programme('1.01.02', '1000', '1000', '100', { target: { title: 'S2', achievementPercent: '100', outputs: [out('o2', '1000', '100', '1000', '100')] } });
    const dearer = programme('1.01.03', '1000', '1000', '80', { target: { title: 'S3', achievementPercent: '80', outputs: [out('o3', '1000', '80', '1000', '100')] } });
    const none = programme('1.01.04', '1000', '500', '100', { target: { title: 'S4', achievementPercent: '100', outputs: [] } });
    const s = report([cheaper, asPlanned, dearer, none], {}, [out('o1', '900', '100', '1000', '100'), out('o2', '1000', '100', '1000', '100')], method2);
    const b = s.budget!;
    // E = 1 − (900/100)/(1000/100) = 10 % → 50 + 10/20 × 50 = 75; E = 0 → 50; E = −25 %, capped at −20 → 0.
    expect(b.rows.map((r) => (r.efficiency?.computable ? [r.efficiency.value, r.efficiency.category] : r.efficiency?.reason))).toEqual([
      ['75.00', 'efficient'], ['50.00', 'fairly_efficient'], ['0.00', 'inefficient'], 'no_outputs',
    ]);
    // The whole budget: E = (10 + 0) / 2 = 5 → 62.5.
    expect(b.total.efficiency).toMatchObject({ value: '62.50', category: 'efficient' });
    expect(b.method).toMatchObject({ code: 'output_index', label: { id: 'Indeks efisiensi keluaran' } });
    expect(s.drafts.budget).toContain('Efisiensi dinilai dengan indeks efisiensi keluaran: nilai 50 % berarti biaya per keluaran sesuai rencana; efisien bila di atas 55 %');
    expect(s.drafts.budget).toContain('Nilai indeks efisiensi seluruh anggaran 62,50 %: efisien.');
    expect(s.drafts.budget).toContain('Program yang tidak efisien: 1.01.03 PROGRAM 1.01.03 (indeks 0,00 %).');
  });
});

describe('LKjIP chapter III B without a budget', () => {
  it.each([
    ['no budget read for the year', null],
    ['no programme budgeted', { settings: method1, programmes: [], outputs: [] }],
  ])('is null with %s, and its draft text left to staff', (_, budget) => {
    const s = report([], { budget });
    expect(s.budget).toBeNull();
    expect(s.drafts.budget).toBe('');
  });
});

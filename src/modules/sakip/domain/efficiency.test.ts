// Pins absorption, both efficiency methods and the traffic-light bands, with
// exact decimal strings and the edges where binary arithmetic would tip a
// category.
import { describe, expect, it } from 'vitest';
import {
  absorption, DEFAULT_TRAFFIC_BANDS, efficiencyBand, efficiencyByDifference, efficiencySettings, judgeEfficiency, outputEfficiency, outputEfficiencyIndex,
  trafficBandProblems, trafficBandTable, trafficLight, type EfficiencyCategory, type OutputRealisation, type TrafficBand,
} from './efficiency.js';
import { forDisplay } from './achievement.js';

describe('absorption (serapan = spending / ceiling × 100)', () => {
  it.each([
    ['90000000', '100000000', '90'],
    ['0', '100000000', '0'],
    ['123456789.12', '150000000', '82.30452608'],
    ['1', '3', '33.33333333333333333333333333333333333333'],
    ['110', '100', '110'], // over the ceiling is shown as it is
  ])('%s of %s → %s', (spending, ceiling, expected) => {
    const a = absorption(spending, ceiling);
    expect(a.computable && a.percent.toString()).toBe(expected);
  });

  it.each([
    ['5', '0', 'ceiling_zero'],
    ['0', '0', 'ceiling_zero'],
    ['-1', '100', 'negative_amount'],
    ['1', '-100', 'negative_amount'],
  ])('%s of %s is not computable (%s)', (spending, ceiling, reason) => {
    expect(absorption(spending, ceiling)).toEqual({ computable: false, reason });
  });
});

describe('efficiency: achievement % minus absorption % (Banjarnegara)', () => {
  it.each<[string, string, number | undefined, string, EfficiencyCategory]>([
    ['100', '90', undefined, '10', 'efficient'],
    ['95.01', '90', undefined, '5.01', 'efficient'],
    ['95', '90', undefined, '5', 'fairly_efficient'], // +5 included
    ['90', '90', undefined, '0', 'fairly_efficient'],
    ['85', '90', undefined, '-5', 'fairly_efficient'], // −5 included
    ['59.01', '64.01', undefined, '-5', 'fairly_efficient'], // binary: −5.000000000000007, "inefficient"
    ['84.99', '90', undefined, '-5.01', 'inefficient'],
    ['40', '95', undefined, '-55', 'inefficient'],
    ['100', '90.5', 10, '9.5', 'fairly_efficient'], // the region's own threshold
    ['100', '89.99', 10, '10.01', 'efficient'],
    ['90', '90', 0, '0', 'fairly_efficient'],
    ['90.01', '90', 0, '0.01', 'efficient'],
    ['89.99', '90', 0, '-0.01', 'inefficient'],
  ])('achievement %s, absorption %s, threshold %s → %s (%s)', (ach, abs, threshold, difference, category) => {
    const r = efficiencyByDifference(ach, abs, threshold);
    expect(r.difference.toString()).toBe(difference);
    expect(r.category).toBe(category);
  });

  it('refuses a negative threshold', () => {
    expect(() => efficiencyByDifference(1, 1, -1)).toThrow(RangeError);
  });
});

describe('efficiency: the output-based index', () => {
  const out = (output: string, budgetRealised: string, volumeRealised: string, budgetCeiling: string, volumeTarget: string): OutputRealisation =>
    ({ output, budgetRealised, volumeRealised, budgetCeiling, volumeTarget });
  const cheaper = out('a', '90000000', '10', '100000000', '10'); // unit cost 9 M against 10 M planned: E = 10
  const dearer = out('b', '100000000', '8', '100000000', '10'); // 12.5 M against 10 M: E = −25
  const halfPrice = out('c', '50000000', '10', '100000000', '10'); // E = 50
  const onPlan = out('d', '100000000', '10', '100000000', '10'); // E = 0
  const sevenths = out('e', '80', '7', '90', '7'); // E = 100/9

  it.each([
    [cheaper, '10'], [dearer, '-25'], [halfPrice, '50'], [onPlan, '0'], [sevenths, '11.11111111111111111111111111111111111111'],
  ])('E for output %#', (o, e) => {
    const r = outputEfficiency(o);
    expect(r.computable && r.e.toString()).toBe(e);
  });

  it.each<[string, OutputRealisation[], boolean, string, string, string]>([
    ['one output, 10 % cheaper', [cheaper], true, '10', '10', '75'],
    ['on plan', [onPlan], true, '0', '0', '50'],
    ['averaged over outputs', [cheaper, dearer], true, '-7.5', '-7.5', '31.25'],
    ['E below −20 is capped', [dearer], true, '-25', '-20', '0'],
    ['E below −20 without the cap', [dearer], false, '-25', '-25', '-12.5'],
    ['E above 20 is capped', [halfPrice], true, '50', '20', '100'],
    ['E above 20 without the cap', [halfPrice], false, '50', '50', '175'],
    ['the cap applies to the average, not to each output', [halfPrice, dearer], true, '12.5', '12.5', '81.25'],
    ['repeating decimals', [sevenths], true, '11.11111111111111111111111111111111111111', '11.11111111111111111111111111111111111111', '77.77777777777777777777777777777777777778'],
  ])('%s', (_, outputs, capE, eAverage, eUsed, value) => {
    const r = outputEfficiencyIndex(outputs, { capE });
    if (!r.ok) throw new Error(r.error);
    expect([r.eAverage.toString(), r.eUsed.toString(), r.value.toString()]).toEqual([eAverage, eUsed, value]);
  });

  it('shows the repeating value half up', () => {
    const r = outputEfficiencyIndex([sevenths]);
    expect(r.ok && forDisplay(r.value)).toBe('77.78');
  });

  it.each([
    [out('x', '10', '0', '100', '10'), 'volume_realised_zero'],
    [out('x', '0', '0', '100', '10'), 'volume_realised_zero'],
    [out('x', '10', '1', '0', '10'), 'ceiling_zero'],
    [out('x', '10', '1', '100', '0'), 'volume_target_zero'],
    [out('x', '-10', '1', '100', '10'), 'negative_amount'],
  ])('leaves out an output without a unit cost (%#: %s)', (o, reason) => {
    expect(outputEfficiency(o)).toEqual({ computable: false, reason });
    const r = outputEfficiencyIndex([cheaper, o]);
    expect(r.ok && [r.value.toString(), r.excluded]).toEqual(['75', [{ output: 'x', reason }]]);
  });

  it('has no index without a computable output', () => {
    expect(outputEfficiencyIndex([])).toEqual({ ok: false, error: 'no_outputs', excluded: [] });
    expect(outputEfficiencyIndex([out('x', '1', '0', '1', '1')])).toEqual({ ok: false, error: 'nothing_computable', excluded: [{ output: 'x', reason: 'volume_realised_zero' }] });
  });
});

describe('traffic-light bands', () => {
  it.each([
    ['0', 'Rendah'], ['69.99', 'Rendah'], ['70', 'Sedang'], ['89.99', 'Sedang'], ['90', 'Sedang'], ['90.01', 'Tinggi'], ['100', 'Tinggi'], ['250', 'Tinggi'],
    ['-40', 'Rendah'], // a negative achievement is shown in the lowest band
  ])('the default (Banjarnegara) puts %s in %s', (percent, label) => {
    expect(trafficLight(percent).label.id).toBe(label);
  });

  const band = (min: number, minInclusive: boolean, max: number | null, maxInclusive: boolean, id = `b${min}`): TrafficBand =>
    ({ min, minInclusive, max, maxInclusive, label: { id, en: id }, colour: '#000000' });
  // Sampang's LKjIP table, written with the bounds it means: ≤50, >50–65, >65–75, >75–90, >90.
  const sampang = [band(0, true, 50, true, 'Sangat Kurang'), band(50, false, 65, true, 'Kurang'), band(65, false, 75, true, 'Cukup'), band(75, false, 90, true, 'Baik'), band(90, false, null, false, 'Sangat Baik')];

  it.each<[string, TrafficBand[], [string, number | null][]]>([
    ['the default', DEFAULT_TRAFFIC_BANDS, []],
    ["Sampang's five bands", sampang, []],
    ['one band for everything', [band(0, true, null, false)], []],
    ['no bands', [], [['no_bands', null]]],
    ['a gap at 70', [band(0, true, 70, false), band(70, false, null, false)], [['gap_or_overlap', 1]]],
    ['an overlap at 70', [band(0, true, 70, true), band(70, true, null, false)], [['gap_or_overlap', 1]]],
    ['a gap between 70 and 71', [band(0, true, 70, true), band(71, true, null, false)], [['gap_or_overlap', 1]]],
    ['Sampang read literally as whole numbers (76–90, ≥ 91)', [band(0, true, 76, false), band(76, true, 90, true), band(91, true, null, false)], [['gap_or_overlap', 2]]],
    ['out of order', [band(70, true, null, false), band(0, true, 70, false)], [['open_band_not_last', 0], ['start_not_covered', 0], ['gap_or_overlap', 1], ['end_not_covered', 1]]],
    ['starting above 0', [band(10, true, null, false)], [['start_not_covered', 0]]],
    ['excluding 0', [band(0, false, null, false)], [['start_not_covered', 0]]],
    ['a top band with an end', [band(0, true, 70, false), band(70, true, 100, true)], [['end_not_covered', 1]]],
    ['an open band before the last', [band(0, true, null, false), band(70, true, null, false)], [['open_band_not_last', 0], ['gap_or_overlap', 1]]],
    ['an empty band', [band(0, true, 70, false), band(70, true, 70, false), band(70, true, null, false)], [['band_empty', 1]]],
  ])('checks a region table: %s', (_, bands, expected) => {
    expect(trafficBandProblems(bands).map((p) => [p.code, p.band])).toEqual(expected);
  });

  it('says what is wrong in both languages', () => {
    expect(trafficBandProblems([band(0, true, 70, false), band(70, false, null, false)])[0].message).toEqual({
      id: 'ada celah atau tumpang tindih antara rentang 1 dan 2 (rentang harus berurutan naik, dan tepat satu di antaranya mencakup batas bersama)',
      en: 'gap or overlap between bands 1 and 2 (bands must ascend, and exactly one of them include the shared bound)',
    });
  });

  it.each([['50', 'Sangat Kurang'], ['50.01', 'Kurang'], ['90', 'Baik'], ['90.5', 'Sangat Baik']])("Sampang's table puts %s in %s", (percent, label) => {
    expect(trafficLight(percent, sampang).label.id).toBe(label);
  });

  it('parses a region table and refuses one that does not tile', () => {
    expect(trafficBandTable.parse(sampang)).toHaveLength(5);
    expect(trafficBandTable.safeParse([band(0, true, 70, false), band(71, true, null, false)]).success).toBe(false);
    expect(trafficBandTable.safeParse([{ ...band(0, true, null, false), colour: 'red' }]).success).toBe(false);
    expect(trafficBandTable.safeParse([band(0, true, 70.005, false), band(70.005, true, null, false)]).success).toBe(false); // bounds have 2 decimals at most
  });

  it('defaults a region to the Banjarnegara comparison, ±5 points and the Banjarnegara bands', () => {
    expect(efficiencySettings.parse({})).toEqual({ method: 'achievement_minus_absorption', threshold: 5, capOutputE: true, bands: DEFAULT_TRAFFIC_BANDS });
    expect(efficiencySettings.parse({ method: 'output_index', threshold: 2.5 }).threshold).toBe(2.5);
    expect(efficiencySettings.safeParse({ threshold: -1 }).success).toBe(false);
    expect(efficiencySettings.safeParse({ method: 'sisa_anggaran' }).success).toBe(false);
  });
});

describe('judgeEfficiency: the region\'s method applied to a node, unit or target', () => {
  const method1 = efficiencySettings.parse({});
  const method2 = efficiencySettings.parse({ method: 'output_index' });
  const budget = (ceiling: string, spending: string) => ({ ceiling, spending });

  it.each([
    // achievement, ceiling, spending → difference, category
    ['96.23', '1187500000', '950000000', '16.23', 'efficient'], // 950 000 000 / 1 187 500 000 = 80 %
    ['100', '100', '95', '5.00', 'fairly_efficient'], // +5 itself is fairly efficient
    ['100', '100', '105', '-5.00', 'fairly_efficient'],
    ['89.44', '100', '95', '-5.56', 'inefficient'],
    ['0', '100', '80', '-80.00', 'inefficient'],
  ] as const)('method 1: achievement %s %% with %s/%s spent → %s (%s)', (achieved, ceiling, spent, value, category) => {
    const j = judgeEfficiency(method1, { achievementPercent: achieved, budget: budget(ceiling, spent), outputs: [] });
    expect(j.computable && [forDisplay(j.value), j.category]).toEqual([value, category]);
  });

  it.each([
    [null, budget('100', '50'), 'no_achievement'],
    ['100', null, 'no_budget'],
    ['100', budget('0', '0'), 'ceiling_zero'],
  ] as const)('method 1 without what it needs: %s, %o → %s', (achieved, b, reason) => {
    expect(judgeEfficiency(method1, { achievementPercent: achieved, budget: b, outputs: [] })).toEqual({ computable: false, method: 'achievement_minus_absorption', reason });
  });

  it('method 2 reads the index around 50 with the same threshold', () => {
    const out = (ra: string, rv: string) => ({ output: 'o', budgetRealised: ra, volumeRealised: rv, budgetCeiling: '100', volumeTarget: '10' });
    // E = 1 − (RA·TV)/(PA·RV): 80 spent for 10 = 20 % → capped 20 → 100; 100 for 10 → 50; 100 for 9 → −11.1… → 22.2…
    const cases: [string, string, string, EfficiencyCategory][] = [['80', '10', '100.00', 'efficient'], ['100', '10', '50.00', 'fairly_efficient'], ['100', '9', '22.22', 'inefficient']];
    for (const [ra, rv, value, category] of cases) {
      const j = judgeEfficiency(method2, { achievementPercent: null, budget: null, outputs: [out(ra, rv)] });
      expect(j.computable && [forDisplay(j.value), j.category], `${ra}/${rv}`).toEqual([value, category]);
    }
    expect(judgeEfficiency(method2, { achievementPercent: '100', budget: budget('1', '1'), outputs: [] })).toEqual({ computable: false, method: 'output_index', reason: 'no_outputs' });
  });

  it('colours a category from the region\'s bands: lowest, middle, highest', () => {
    expect((['inefficient', 'fairly_efficient', 'efficient'] as const).map((c) => efficiencyBand(c, DEFAULT_TRAFFIC_BANDS).colour)).toEqual(['#b42318', '#e0a800', '#1d6b3a']);
    const two: TrafficBand[] = [DEFAULT_TRAFFIC_BANDS[0], { ...DEFAULT_TRAFFIC_BANDS[2], min: 70, minInclusive: true }];
    expect((['inefficient', 'fairly_efficient', 'efficient'] as const).map((c) => efficiencyBand(c, two).colour)).toEqual(['#b42318', '#1d6b3a', '#1d6b3a']);
    expect(efficiencyBand('fairly_efficient', DEFAULT_TRAFFIC_BANDS).label).toEqual({ id: 'Cukup efisien', en: 'Fairly efficient' });
  });
});

// Pins the achievement formulas, the range and zero-target rules, period
// aggregation and a target's achievement, with exact decimal strings.
import { describe, expect, it } from 'vitest';
import { addExact, Dec } from '../../../platform/decimal.js';
import { achievement, aggregatePeriods, forDisplay, tallyAverage, targetAchievement, valueOfPeriod, type Achievement, type AggregationRule, type Polarity, type TargetValue } from './achievement.js';

const single = (value: string | number): TargetValue => ({ type: 'single', value });
const range = (low: string | number, high: string | number): TargetValue => ({ type: 'range', low, high });
const ok = (a: Achievement) => {
  if (!a.computable) throw new Error(`not computable: ${a.reason}`);
  return a;
};

describe('achievement against a single target', () => {
  it.each<[Polarity, string, string, string]>([
    // higher is better: realisation / target × 100
    ['higher_is_better', '100', '80', '80'],
    ['higher_is_better', '80', '100', '125'],
    ['higher_is_better', '75', '75', '100'],
    ['higher_is_better', '3', '0.3', '10'], // binary floating point gives 9.999999999999998
    ['higher_is_better', '8', '8.0004', '100.005'],
    ['higher_is_better', '5', '-2', '-40'], // not clamped: a negative growth is published as such
    ['higher_is_better', '100', '0', '0'],
    // lower is better: (2 × target − realisation) / target × 100, never below 0
    ['lower_is_better', '10', '8', '120'],
    ['lower_is_better', '10', '12', '80'],
    ['lower_is_better', '10', '10', '100'],
    ['lower_is_better', '10', '20', '0'],
    ['lower_is_better', '10', '25', '0'], // −50 clamped to 0
    ['lower_is_better', '10', '0', '200'],
    ['lower_is_better', '14', '15.2', '91.42857142857142857142857142857142857143'], // stunting prevalence
  ])('%s, target %s, realisation %s → %s', (polarity, target, realisation, expected) => {
    const a = ok(achievement(polarity, single(target), realisation));
    expect(a.percent.toString()).toBe(expected);
    expect(a.basis).toBe('single');
    expect(a.targetUsed!.toString()).toBe(target);
  });

  it('takes numbers as well as strings, without going through binary arithmetic', () => {
    expect(ok(achievement('higher_is_better', single(0.3), 0.1)).percent.toString()).toBe('33.33333333333333333333333333333333333333');
    expect(ok(achievement('higher_is_better', single(0.1), 0.3)).percent.toString()).toBe('300'); // 0.3 / 0.1 * 100 = 299.99999999999994 in binary
  });
});

describe('achievement against a range target (the bound on the side the realisation falls)', () => {
  it.each<[Polarity, string, string, string, string, string, string | null]>([
    // higher is better, 80–90 (PermenPANRB 6/2022 example; the source prints 113 % for 92, an arithmetic slip)
    ['higher_is_better', '80', '90', '92', '102.22', 'above_range', '90'],
    ['higher_is_better', '80', '90', '70', '87.50', 'below_range', '80'],
    ['higher_is_better', '80', '90', '85', '100.00', 'within_range', null],
    ['higher_is_better', '80', '90', '80', '100.00', 'within_range', null],
    ['higher_is_better', '80', '90', '90', '100.00', 'within_range', null],
    // lower is better, 7–8 months (the issue's and PermenPANRB 6/2022's example)
    ['lower_is_better', '7', '8', '9', '87.50', 'above_range', '8'],
    ['lower_is_better', '7', '8', '6.5', '107.14', 'below_range', '7'],
    ['lower_is_better', '7', '8', '7.5', '100.00', 'within_range', null],
    ['lower_is_better', '7', '8', '17', '0.00', 'above_range', '8'], // (16 − 17)/8 clamped
    ['lower_is_better', '0', '2', '3', '50.00', 'above_range', '2'],
    // a one-point range is a single value
    ['higher_is_better', '50', '50', '40', '80.00', 'below_range', '50'],
  ])('%s %s–%s with %s → %s (%s)', (polarity, low, high, realisation, shown, basis, used) => {
    const a = ok(achievement(polarity, range(low, high), realisation));
    expect(forDisplay(a.percent)).toBe(shown);
    expect(a.basis).toBe(basis);
    expect(a.targetUsed?.toString() ?? null).toBe(used);
  });

  it('keeps full precision behind the shown figure', () => {
    expect(ok(achievement('lower_is_better', range(7, 8), '9')).percent.toString()).toBe('87.5');
    expect(ok(achievement('lower_is_better', range(7, 8), '6.5')).percent.toString()).toBe('107.1428571428571428571428571428571428571');
    expect(ok(achievement('higher_is_better', range(80, 90), '92')).percent.toString()).toBe('102.2222222222222222222222222222222222222');
  });
});

describe('targets of zero, negative targets and inverted ranges', () => {
  it.each<[string, Polarity, TargetValue, string, Achievement]>([
    ['higher is better, target 0', 'higher_is_better', single(0), '5', { computable: false, reason: 'target_zero' }],
    ['higher is better, target 0, realisation 0', 'higher_is_better', single(0), '0', { computable: false, reason: 'target_zero' }],
    ['lower is better, target 0 met', 'lower_is_better', single(0), '0', { computable: true, percent: new Dec(100), basis: 'single', targetUsed: new Dec(0) }],
    ['lower is better, target 0 met from below', 'lower_is_better', single(0), '-1', { computable: true, percent: new Dec(100), basis: 'single', targetUsed: new Dec(0) }],
    ['lower is better, target 0 missed', 'lower_is_better', single(0), '3', { computable: true, percent: new Dec(0), basis: 'single', targetUsed: new Dec(0) }],
    ['higher is better, range 0–10 with −1 (bound 0)', 'higher_is_better', range(0, 10), '-1', { computable: false, reason: 'target_zero' }],
    ['lower is better, range 0–2 with −1 (bound 0)', 'lower_is_better', range(0, 2), '-1', { computable: true, percent: new Dec(100), basis: 'below_range', targetUsed: new Dec(0) }],
    ['negative target, higher', 'higher_is_better', single(-5), '3', { computable: false, reason: 'target_negative' }],
    ['negative target, lower', 'lower_is_better', single('-1'), '3', { computable: false, reason: 'target_negative' }],
    ['inverted range', 'lower_is_better', range(9, 7), '8', { computable: false, reason: 'range_inverted' }],
    ['inverted range, higher', 'higher_is_better', range('90', '80'), '85', { computable: false, reason: 'range_inverted' }],
  ])('%s', (_, polarity, target, realisation, expected) => {
    const a = achievement(polarity, target, realisation);
    expect(a.computable).toBe(expected.computable);
    if (a.computable && expected.computable) {
      expect(a.percent.toString()).toBe(expected.percent.toString());
      expect(a.basis).toBe(expected.basis);
      expect(a.targetUsed?.toString()).toBe(expected.targetUsed?.toString());
    } else {
      expect(a).toEqual(expected);
    }
  });
});

describe('aggregation over periods', () => {
  const quarters = (...values: (string | number | null | undefined)[]) => values.map((value, i) => ({ period: `Q${i + 1}`, value }));

  it.each<[AggregationRule, (string | number | null | undefined)[], string | null, string[]]>([
    ['sum', [10, 20, 30, 40], '100', []],
    ['sum', [10, 20, null, 30], '60', ['Q3']], // a missing quarter is not a zero …
    ['average', [10, 20, null, 30], '20', ['Q3']], // … and not counted in the average (not 15)
    ['average', [10, 20, 30, 40], '25', []],
    ['average', [1, 2, 2], '1.666666666666666666666666666666666666667', []],
    ['last', [10, 20, 30, 40], '40', []],
    ['last', [10, 20, 30, null], '30', ['Q4']],
    ['last', [5, undefined, null, null], '5', ['Q2', 'Q3', 'Q4']],
    ['last', [null, 7, null, 0], '0', ['Q1', 'Q3']], // 0 is a value
    ['sum', ['0.1', '0.2'], '0.3', []], // 0.30000000000000004 in binary
    ['sum', [null, null], null, ['Q1', 'Q2']],
    ['average', [null, null, null], null, ['Q1', 'Q2', 'Q3']],
    ['last', [], null, []],
  ])('%s of %j → %s, missing %j', (rule, values, expected, missing) => {
    const a = aggregatePeriods(rule, quarters(...values));
    expect(a.value?.toString() ?? null).toBe(expected);
    expect(a.missing).toEqual(missing);
    expect(a.complete).toBe(missing.length === 0);
    expect(a.reported).toEqual(quarters(...values).filter((q) => q.value !== null && q.value !== undefined).map((q) => q.period));
  });
});

describe("a quarter's or month's value: its own, else its months by the rule", () => {
  const Q2 = ['2025-04', '2025-05', '2025-06'];
  it.each<[string, AggregationRule, string, readonly string[], Record<string, string>, string | null]>([
    ['months summed', 'sum', '2025-Q2', Q2, { '2025-04': '10', '2025-05': '20', '2025-06': '30' }, '60'],
    ['months averaged', 'average', '2025-Q2', Q2, { '2025-04': '80', '2025-05': '85', '2025-06': '93' }, '86'],
    ['the last month', 'last', '2025-Q2', Q2, { '2025-04': '15.1', '2025-05': '14.9', '2025-06': '14.6' }, '14.6'],
    ['a missing month is not a zero in a sum …', 'sum', '2025-Q2', Q2, { '2025-04': '10', '2025-06': '30' }, '40'],
    ['… nor in an average (not 26.67) …', 'average', '2025-Q2', Q2, { '2025-04': '80', '2025-05': '80' }, '80'],
    ['… and the last is the last reported', 'last', '2025-Q2', Q2, { '2025-04': '15.1', '2025-05': '14.9' }, '14.9'],
    ['a quarter entered as a quarter keeps its own value', 'sum', '2025-Q2', Q2, { '2025-Q2': '7', '2025-Q1': '3' }, '7'],
    ['months of another quarter do not count', 'sum', '2025-Q2', Q2, { '2025-03': '5', '2025-07': '9' }, null],
    ['nothing entered', 'average', '2025-Q2', Q2, {}, null],
    ['a month is its own value', 'sum', '2025-05', [], { '2025-04': '10', '2025-05': '20' }, '20'],
    ['a month without a value has none', 'sum', '2025-06', [], { '2025-04': '10', '2025-05': '20' }, null],
  ])('%s', (_, rule, period, inside, values, expected) => {
    expect(valueOfPeriod(rule, period, inside, new Map(Object.entries(values)))?.toString() ?? null).toBe(expected);
  });
});

describe("a target's (sasaran's) achievement from its indicators", () => {
  const computed = (percent: string): Achievement => ({ computable: true, percent: new Dec(percent), basis: 'single', targetUsed: new Dec(1) });

  it.each<[string, Parameters<typeof targetAchievement>[0], string, boolean, string[]]>([
    ['plain average', [{ indicator: 'a', achievement: computed('100') }, { indicator: 'b', achievement: computed('80') }], '90', false, []],
    ['plain average of the worked examples (87.5 and 107.14…)', [
      { indicator: 'a', achievement: achievement('lower_is_better', range(7, 8), 9) },
      { indicator: 'b', achievement: achievement('lower_is_better', range(7, 8), 6.5) },
    ], '97.321428571428571428571428571428571429', false, []], // to 36 decimals: the 40th digit carries the parts' rounding
    ['weighted', [{ indicator: 'a', achievement: computed('100'), weight: 3 }, { indicator: 'b', achievement: computed('80'), weight: 1 }], '95', true, []],
    ['decimal weights', [{ indicator: 'a', achievement: computed('90'), weight: '1.5' }, { indicator: 'b', achievement: computed('110'), weight: '2.5' }], '102.5', true, []],
    ['one indicator without realisation is left out and listed', [{ indicator: 'a', achievement: computed('100') }, { indicator: 'b', achievement: null }, { indicator: 'c', achievement: computed('70') }], '85', false, ['b']],
    ['a non-computable indicator is left out and listed', [{ indicator: 'a', achievement: computed('100'), weight: 1 }, { indicator: 'b', achievement: { computable: false, reason: 'target_zero' }, weight: 5 }], '100', true, ['b']],
  ])('%s', (_, parts, expected, weighted, excluded) => {
    const r = targetAchievement(parts);
    if (!r.ok) throw new Error(r.error);
    expect(r.percent.toDecimalPlaces(36).toString()).toBe(expected);
    expect(r.weighted).toBe(weighted);
    expect(r.excluded.map((e) => e.indicator)).toEqual(excluded);
    expect(r.complete).toBe(excluded.length === 0);
    expect(r.used).toEqual(parts.map((p) => p.indicator).filter((i) => !excluded.includes(i)));
  });

  it('says why an indicator was left out', () => {
    const r = targetAchievement([{ indicator: 'a', achievement: null }, { indicator: 'b', achievement: { computable: false, reason: 'range_inverted' } }, { indicator: 'c', achievement: computed('1') }]);
    expect(r.ok && r.excluded).toEqual([{ indicator: 'a', reason: 'no_realisation' }, { indicator: 'b', reason: 'range_inverted' }]);
  });

  it.each<[string, Parameters<typeof targetAchievement>[0], string, string[]]>([
    ['no indicators', [], 'no_indicators', []],
    ['nothing computable', [{ indicator: 'a', achievement: null }, { indicator: 'b', achievement: { computable: false, reason: 'target_zero' } }], 'nothing_computable', ['a', 'b']],
    ['weights for some indicators only', [{ indicator: 'a', achievement: computed('1'), weight: 1 }, { indicator: 'b', achievement: computed('1') }], 'weights_partial', ['b']],
    ['a zero weight', [{ indicator: 'a', achievement: computed('1'), weight: 0 }, { indicator: 'b', achievement: computed('1'), weight: 2 }], 'weight_not_positive', ['a']],
    ['a negative weight', [{ indicator: 'a', achievement: computed('1'), weight: 1 }, { indicator: 'b', achievement: computed('1'), weight: '-0.5' }], 'weight_not_positive', ['b']],
    ['weights summing to 0', [{ indicator: 'a', achievement: computed('1'), weight: 0 }, { indicator: 'b', achievement: computed('1'), weight: 0 }], 'weight_not_positive', ['a', 'b']],
  ])('refuses %s', (_, parts, error, indicators) => {
    expect(targetAchievement(parts)).toEqual({ ok: false, error, indicators });
  });
});

describe('many indicators counted together (a unit in the overview)', () => {
  it.each([
    { case: 'no indicator', tally: { indicators: 0, used: 0, sum: '0' }, expected: null },
    { case: 'none computable', tally: { indicators: 3, used: 0, sum: '0' }, expected: { ok: false, error: 'nothing_computable', indicators: 3 } },
    { case: 'all in', tally: { indicators: 2, used: 2, sum: '190' }, expected: { ok: true, percent: new Dec(95), used: 2, excluded: 0, complete: true } },
    { case: 'one left out', tally: { indicators: 3, used: 2, sum: '190' }, expected: { ok: true, percent: new Dec(95), used: 2, excluded: 1, complete: false } },
  ])('$case', ({ tally, expected }) => expect(tallyAverage(tally)).toEqual(expected));

  it('gives the same figure however the sum was added up, and the same as a target\'s plain average', () => {
    // 40-digit quotients whose running total in 40 digits would lose its last places.
    const parts = [achievement('higher_is_better', { type: 'single', value: '3' }, '2'), achievement('higher_is_better', { type: 'single', value: '7' }, '5'),
      achievement('higher_is_better', { type: 'single', value: '9' }, '13'), achievement('lower_is_better', { type: 'single', value: '11' }, '4')];
    const percents = parts.map((a) => (a.computable ? a.percent : new Dec(0)));
    const forward = percents.reduce((sum, p) => addExact(sum, p), '0');
    const backward = [...percents].reverse().reduce((sum, p) => addExact(sum, p), '0');
    expect(forward).toBe(backward);
    const average = tallyAverage({ indicators: 5, used: 4, sum: forward });
    const target = targetAchievement(parts.map((a, n) => ({ indicator: String(n), achievement: a.computable ? { computable: true, percent: a.percent } : null })));
    expect(average?.ok && target.ok && forDisplay(average.percent)).toBe(target.ok && forDisplay(target.percent));
    expect(average).toMatchObject({ ok: true, used: 4, excluded: 1, complete: false });
  });
});

describe('display', () => {
  it.each([
    ['107.1428571428571428571428571428571428571', '107.14'],
    ['100.005', '100.01'], // half up
    ['87.5', '87.50'],
    ['2.345', '2.35'],
    ['2.3449999', '2.34'],
    ['99.995', '100.00'],
    ['0', '0.00'],
    ['-40', '-40.00'],
  ])('shows %s as %s', (x, shown) => {
    expect(forDisplay(new Dec(x))).toBe(shown);
  });
});

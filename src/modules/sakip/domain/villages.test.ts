// The village roll-up, table-driven: counts add up, rates are the weighted
// rate of the totals (never the average of the villages' rates), rounded
// once, half up, at six decimals; ranks follow the indicator's polarity.
import { describe, expect, it } from 'vitest';
import { rankOf, rollUp, type VillageEntry, type VillageRule } from './villages.js';

const sum: VillageRule = { rollup: 'sum' };
const percent: VillageRule = { rollup: 'rate', scale: '100' };
const count = (...values: string[]): VillageEntry[] => values.map((value) => ({ value, denominator: null }));
const rates = (...pairs: [string, string][]): VillageEntry[] => pairs.map(([value, denominator]) => ({ value, denominator }));

describe('rollUp', () => {
  const cases: [string, VillageRule, VillageEntry[], string | null, string | null][] = [
    ['no village, no figure (not zero)', sum, [], null, null],
    ['counts add up exactly', sum, count('1250', '980.5', '0.25'), '2230.75', null],
    ['decimals that binary floats get wrong', sum, count('0.1', '0.2'), '0.3', null],
    ['a zero count is a figure', sum, count('0'), '0', null],
    // 10/100 and 1/50: 11/150 = 7.3333…%, not (10 % + 2 %) / 2 = 6 %.
    ['a rate is weighted by its denominators', percent, rates(['10', '100'], ['1', '50']), '7.333333', '150'],
    ['one village: its own rate', percent, rates(['18', '120']), '15', '120'],
    ['half up at the sixth decimal', percent, rates(['1', '6']), '16.666667', '6'],
    ['an exact .5 at the seventh place rounds up', { rollup: 'rate', scale: '1' }, rates(['1', '2000000']), '0.000001', '2000000'],
    ['zero numerators: 0 %', percent, rates(['0', '40'], ['0', '60']), '0', '100'],
    ['per mille', { rollup: 'rate', scale: '1000' }, rates(['3', '1200'], ['2', '800']), '2.5', '2000'],
  ];
  it.each(cases)('%s', (_name, rule, entries, value, denominator) => {
    const r = rollUp(rule, entries);
    expect(r === null ? null : r.value.toFixed()).toBe(value);
    expect(r?.denominator?.toFixed() ?? null).toBe(denominator);
    if (r) expect(r.villages).toBe(entries.length);
  });

  it('gives a kecamatan and the whole the same figure as rolling up their villages directly', () => {
    const a = rates(['12', '100'], ['7', '40']);
    const b = rates(['3', '90']);
    const whole = rollUp(percent, [...a, ...b])!;
    // The whole from the kecamatan totals (numerators and denominators), not from the kecamatan rates.
    const ka = rollUp(percent, a)!;
    const kb = rollUp(percent, b)!;
    const fromTotals = rollUp(percent, [{ value: ka.numerator, denominator: ka.denominator }, { value: kb.numerator, denominator: kb.denominator }])!;
    expect([whole.value.toFixed(), fromTotals.value.toFixed()]).toEqual(['9.565217', '9.565217']);
    expect(ka.value.plus(kb.value).div(2).toFixed(6)).not.toBe(whole.value.toFixed());
  });
});

describe('rankOf', () => {
  const cases: [string, (string | null)[], 'higher_is_better' | 'lower_is_better', (number | null)[]][] = [
    ['lower is better: the smallest first', ['15.1', '8', '12'], 'lower_is_better', [3, 1, 2]],
    ['higher is better: the largest first', ['70', '95.5', '88'], 'higher_is_better', [3, 1, 2]],
    ['ties share a rank, the next skips', ['5', '3', '5', '9'], 'higher_is_better', [2, 4, 2, 1]],
    ['no value, no rank', ['5', null, '1'], 'lower_is_better', [2, null, 1]],
    ['decimals compared exactly', ['0.30', '0.3'], 'lower_is_better', [1, 1]],
  ];
  it.each(cases)('%s', (_name, values, polarity, ranks) => expect(rankOf(values, polarity)).toEqual(ranks));
});

// The SKM index as PermenPANRB 14/2017 computes it, on the module's reference
// instrument: NRR per element over those who answered it, equal weights, × 25,
// rounded half up to two decimals before the band is read; the band edges as
// printed; the Krejcie–Morgan sample; the period keys.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../platform/decimal.js';
import { bandFor, formProblem, parsePeriod, requiredSample, skmIndex, skmInstrumentFromSource, type FormAnswers } from './skm.js';
import { readSkmReference, SKM_FILE } from '../reference/read.js';

const instrument = skmInstrumentFromSource('permenpanrb-14-2017', readSkmReference(SKM_FILE));
const same = (v: number | null): FormAnswers => Array(9).fill(v);
/** n forms whose answers add up to `total`, spread as evenly as whole answers allow (every element answered on each). */
function formsTotalling(n: number, total: number): FormAnswers[] {
  const cells = n * 9;
  const base = Math.floor(total / cells);
  let extra = total - base * cells;
  return Array.from({ length: n }, () => Array.from({ length: 9 }, () => (extra-- > 0 ? base + 1 : base)));
}

describe('SKM bands (converted index, bounds inclusive as printed)', () => {
  it.each([
    ['100.00', 'A'], ['88.31', 'A'], ['88.30', 'B'], ['76.61', 'B'], ['76.60', 'C'], ['65.00', 'C'], ['64.99', 'D'], ['25.00', 'D'],
  ])('%s is %s', (value, grade) => {
    expect(bandFor(instrument, new Dec(value))?.grade).toBe(grade);
  });

  it('names the performance of each band', () => {
    expect(instrument.bands.map((b) => [b.grade, b.performance])).toEqual([['D', 'Tidak baik'], ['C', 'Kurang baik'], ['B', 'Baik'], ['A', 'Sangat baik']]);
  });
});

describe('SKM index', () => {
  it('gives 100 and A when everyone answers 4, 25 and D when everyone answers 1', () => {
    const top = skmIndex(instrument, [same(4), same(4)]);
    expect(top).toMatchObject({ computable: true, respondents: 2, band: { grade: 'A', performance: 'Sangat baik' } });
    if (!top.computable) throw new Error('computable');
    expect([top.ikm.toFixed(4), top.converted.toFixed(2)]).toEqual(['4.0000', '100.00']);
    const bottom = skmIndex(instrument, [same(1)]);
    if (!bottom.computable) throw new Error('computable');
    expect([bottom.converted.toFixed(2), bottom.band.grade]).toEqual(['25.00', 'D']);
  });

  it('matches a hand-computed example with a blank answer: NRR over those who answered, Σ NRR / 9 × 25', () => {
    const r = skmIndex(instrument, [
      [4, 4, 3, 3, 4, 3, 4, 2, 3],
      [3, 4, 3, 2, 4, 3, 3, 3, 3],
      [4, null, 3, 3, 4, 4, 4, 3, 2],
    ]);
    if (!r.computable) throw new Error('computable');
    expect(r.elements.map((e) => [e.code, e.answered, e.nrr?.toFixed(4)])).toEqual([
      ['U1', 3, '3.6667'], ['U2', 2, '4.0000'], ['U3', 3, '3.0000'], ['U4', 3, '2.6667'], ['U5', 3, '4.0000'],
      ['U6', 3, '3.3333'], ['U7', 3, '3.6667'], ['U8', 3, '2.6667'], ['U9', 3, '2.6667'],
    ]);
    // Σ NRR = 89/3; IKM = 89/27 = 3.29629…; × 25 = 82.4074… → 82.41, B.
    expect([r.ikm.toFixed(4), r.converted.toFixed(2), r.band.grade]).toEqual(['3.2963', '82.41', 'B']);
  });

  it.each([
    // n forms, total of all answers, converted = 25 × total / (9n) exactly, then half up to 2 decimals.
    [5000, 158949, '88.31', 'A'], // exactly 88.305: rounds up into A
    [5000, 158947, '88.30', 'B'], // 88.3038…
    [5000, 116991, '65.00', 'C'], // exactly 64.995: rounds up into C
    [5000, 116989, '64.99', 'D'], // 64.9938…
    [100, 2758, '76.61', 'B'], // 76.6111…
    [100, 2757, '76.58', 'C'],
  ])('%i forms totalling %i give %s, %s', (n, total, converted, grade) => {
    const r = skmIndex(instrument, formsTotalling(n, total));
    if (!r.computable) throw new Error('computable');
    expect([r.converted.toFixed(2), r.band.grade]).toEqual([converted, grade]);
  });

  it('has no index without forms, or when an element was answered by nobody (named)', () => {
    expect(skmIndex(instrument, [])).toMatchObject({ computable: false, reason: 'no_responses', respondents: 0 });
    const blankU9 = [[4, 4, 4, 4, 4, 4, 4, 4, null], [3, 3, 3, 3, 3, 3, 3, 3, null]];
    const r = skmIndex(instrument, blankU9);
    expect(r).toMatchObject({ computable: false, reason: 'element_unanswered', unanswered: ['U9'], respondents: 2 });
    expect(r.elements[8]).toMatchObject({ code: 'U9', answered: 0, nrr: null });
  });
});

describe('a survey form', () => {
  it.each([
    [[4, 3, 2, 1, 4, 3, 2, 1, 4], null],
    [[4, null, 2, 1, 4, 3, 2, 1, 4], null],
    [[5, 3, 2, 1, 4, 3, 2, 1, 0], { code: 'out_of_range', elements: [0, 8] }],
    [[4, 3, 2.5, 1, 4, 3, 2, 1, 4], { code: 'out_of_range', elements: [2] }],
    [Array(9).fill(null), { code: 'empty' }],
  ])('%j → %j', (answers, problem) => {
    expect(formProblem(answers)).toEqual(problem);
  });
});

describe('sample size (Krejcie & Morgan 1970)', () => {
  // Rounded up, so never short: their table rounds to the nearest and prints 44 for 50 (44.34).
  it.each([[0, 0], [1, 1], [10, 10], [50, 45], [100, 80], [1000, 278], [10_000, 370], [1_000_000, 384]])('population %i needs %i respondents', (n, s) => {
    expect(requiredSample(n)).toBe(s);
  });
});

describe('period keys', () => {
  it.each([
    ['2026', 'year', '2026-01-01', '2027-01-01'],
    ['2026-S2', 'semester', '2026-07-01', '2027-01-01'],
    ['2026-Q1', 'quarter', '2026-01-01', '2026-04-01'],
    ['2026-Q4', 'quarter', '2026-10-01', '2027-01-01'],
    ['2026-03', 'month', '2026-03-01', '2026-04-01'],
    ['2026-12', 'month', '2026-12-01', '2027-01-01'],
  ])('%s is a %s from %s until %s', (key, kind, from, until) => {
    expect(parsePeriod(key)).toMatchObject({ kind, from, until });
  });

  it.each(['26', '2026-13', '2026-Q5', '2026-S3', '2026-3', '1999', '2026-q1', ''])('refuses %j', (key) => {
    expect(parsePeriod(key)).toBeNull();
  });
});

describe('an instrument version must hold together', () => {
  const raw = readSkmReference(SKM_FILE) as { interval: { nilai_interval_konversi: number[] }[]; unsur: { kode: string }[] };
  it('refuses bands with a gap, and swapped or repeated element codes', () => {
    const gap = structuredClone(raw);
    gap.interval[1].nilai_interval_konversi = [65.01, 76.6];
    expect(() => skmInstrumentFromSource('x', gap)).toThrow(/band C should start at 65.00/);
    const repeated = structuredClone(raw);
    repeated.unsur[8].kode = 'U8';
    expect(() => skmInstrumentFromSource('x', repeated)).toThrow(/unique/);
  });
});

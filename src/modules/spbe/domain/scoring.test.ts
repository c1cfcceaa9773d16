import { describe, expect, it } from 'vitest';
import { Dec, round2 } from '../../../platform/decimal.js';
import { predicateFor, score, weightedMean } from './scoring.js';
import { activationProblems, bandProblems, frameworkDocument, weightSum, type FrameworkDocument } from './framework.js';
import { documentFromSource, readSource } from '../seed.js';

const spbe = documentFromSource(readSource('spbe-indicators.json')!);
const pemdi = documentFromSource(readSource('pemdi-2026-indicators.json')!);
const all = (doc: FrameworkDocument, level: number) => new Map(doc.indicators.map((i) => [i.code, level]));

describe('published figures', () => {
  it('reproduces the 2024 national index 3.12 from the published domain scores and the 59/2020 domain weights', () => {
    const domainWeights = spbe.domains.map((d) => spbe.indicators.filter((i) => spbe.aspects.find((a) => a.code === i.aspect)!.domain === d.code).reduce((s, i) => s.plus(i.weight), new Dec(0)).toNumber());
    expect(domainWeights).toEqual([13, 25, 16.5, 45.5]);
    const published = [3.36, 2.62, 1.86, 3.78];
    const raw = weightedMean(published.map((value, i) => ({ value, weight: domainWeights[i] })));
    expect(raw.toString()).toBe('3.1186');
    expect(round2(raw).toString()).toBe('3.12');
  });

  it('derives the aspect and domain weights of the shared data from the indicator weights', () => {
    const src = readSource('spbe-indicators.json')! as unknown as { domains: { weight: number; aspects: { code: string; weight: number }[] }[] };
    for (const d of src.domains) for (const a of d.aspects) {
      expect(spbe.indicators.filter((i) => i.aspect === a.code).reduce((s, i) => s.plus(i.weight), new Dec(0)).toNumber()).toBe(a.weight);
    }
    expect(weightSum(spbe).toString()).toBe('100');
    expect(weightSum(pemdi).toString()).toBe('100');
    expect(spbe.indicators).toHaveLength(47);
    expect(pemdi.indicators).toHaveLength(20);
    expect(pemdi.domains).toEqual([]);
  });
});

describe('index, aspects and domains', () => {
  it('is exact on a whole-level index built from fractional weights', () => {
    expect(score(spbe, all(spbe, 3)).index).toBe(3);
    expect(score(pemdi, all(pemdi, 5)).index).toBe(5);
  });

  it('weights levels: index = Σ(w·l)/100, aspect = Σ(w·l)/Σw', () => {
    const levels = all(spbe, 1);
    levels.set('32', 5); // one service indicator, weight 2.75: +4 levels = +0.11
    levels.set('1', 4); // internal policy, weight 1.3: +3 levels = +0.039
    const s = score(spbe, levels);
    expect(s.index).toBe(1.15); // 1.149 rounds up
    expect(s.aspects.find((a) => a.code === 'A7')!.value).toBe(1.4); // (2.75·5 + 9·2.75·1)/27.5
    expect(s.aspects.find((a) => a.code === 'A1')!.value).toBe(1.3); // (1.3·4 + 9·1.3)/13
    expect(s.domains.find((d) => d.code === 'D4')!.value).toBe(1.24); // (2.75·4 + 45.5)/45.5 = 1.2417...
    expect(s.predicate).toEqual({ id: 'Kurang', en: 'Poor' });
  });

  it('leaves a score empty until all its indicators have a level', () => {
    const levels = all(pemdi, 3);
    levels.delete('20');
    const s = score(pemdi, levels);
    expect(s.index).toBeNull();
    expect(s.predicate).toBeNull();
    expect(s.aspects.find((a) => a.code === 'P7')!.value).toBeNull();
    expect(s.aspects.find((a) => a.code === 'P1')!.value).toBe(3);
    expect([s.filled, s.total]).toEqual([19, 20]);
  });

  it.each([
    ['2.345', '2.35'], ['2.344999', '2.34'], ['3.005', '3.01'], ['3.115', '3.12'], ['1.995', '2.00'], ['4.195', '4.20'], ['2.5949', '2.59'],
  ])('rounds %s half up to %s', (x, expected) => {
    expect(round2(new Dec(x)).toFixed(2)).toBe(expected);
  });

  it('rounds a real index that lands exactly on x.xx5 up', () => {
    // Integer Pemdi weights cannot land on a half hundredth; a corrected version with weights 4.5 and 5.5 can.
    const doc = frameworkDocument.parse({ ...pemdi, indicators: pemdi.indicators.map((i) => (i.code === '1' ? { ...i, weight: 4.5 } : i.code === '2' ? { ...i, weight: 5.5 } : i)) });
    const levels = all(doc, 3);
    levels.set('1', 4); // + 0.045 → 3.045
    expect(score(doc, levels).index).toBe(3.05);
    // What binary floating point would publish for the same figure:
    expect(Number((3.045).toFixed(2))).toBe(3.04);
  });
});

describe('predicates at their band edges (59/2020: min inclusive, max exclusive, top inclusive)', () => {
  it.each([
    [1, 'Kurang'], [1.79, 'Kurang'], [1.8, 'Cukup'], [2.59, 'Cukup'], [2.6, 'Baik'], [3.49, 'Baik'], [3.5, 'Sangat Baik'], [4.19, 'Sangat Baik'], [4.2, 'Memuaskan'], [5, 'Memuaskan'],
  ])('%s is %s', (value, name) => {
    expect(predicateFor(value, spbe.predicates)!.name.id).toBe(name);
  });

  it('has no predicate outside the scale', () => {
    expect(predicateFor(5.01, spbe.predicates)).toBeNull();
    expect(predicateFor(0.99, spbe.predicates)).toBeNull();
  });

  it('reads the predicate from the published (rounded) index', () => {
    const levels = all(spbe, 4);
    for (const c of ['32', '33', '34', '35', '36', '37', '38', '39', '40', '41']) levels.set(c, 5); // +0.275
    for (const c of ['21', '22', '23', '24', '25', '26']) levels.set(c, 3); // -0.09  → 4.185
    levels.set('1', 5); // +0.013 → 4.198: Sangat Baik unrounded, Memuaskan as published
    const s = score(spbe, levels);
    expect(s.index).toBe(4.2);
    expect(s.predicate!.id).toBe('Memuaskan');
  });

  it('uses the Pemdi 2026 bands for Pemdi versions', () => {
    expect(predicateFor(4, pemdi.predicates)!.name).toEqual({ id: 'Memuaskan', en: 'Excellent' });
    expect(predicateFor(3.99, pemdi.predicates)!.name.id).toBe('Sangat Baik');
    expect(predicateFor(2.5, pemdi.predicates)!.name.id).toBe('Baik');
  });
});

describe('activation rules', () => {
  it('accepts the shared frameworks as they are', () => {
    expect(activationProblems(spbe).problems).toEqual([]);
    expect(activationProblems(pemdi).problems).toEqual([]);
  });

  it('reports a weight sum off by one hundredth exactly', () => {
    const doc = frameworkDocument.parse({ ...spbe, indicators: spbe.indicators.map((i) => (i.code === '47' ? { ...i, weight: 2.99 } : i)) });
    expect(activationProblems(doc).weightSum.toString()).toBe('99.99');
  });

  it('finds gaps, overlaps and a wrongly inclusive band', () => {
    const bands = spbe.predicates.map((b) => (b.name.id === 'Baik' ? { ...b, min: 2.7 } : b.name.id === 'Cukup' ? { ...b, maxInclusive: true } : b));
    const problems = bandProblems({ ...spbe, predicates: bands }).map((p) => p.message);
    expect(problems).toEqual([
      { id: 'ada celah atau tumpang tindih antara Cukup dan Baik', en: 'gap or overlap between Cukup and Baik' },
      { id: 'hanya predikat tertinggi yang boleh mencakup batas atasnya (Cukup)', en: 'only the top band may include its maximum (Cukup)' },
    ]);
  });
});

// Pins the band rules shared by traffic lights and predicates: which band
// holds a value at its bounds, and when a table tiles a closed scale.
import { describe, expect, it } from 'vitest';
import { bandOf, inInterval, tilingProblems, type Interval } from './bands.js';

const iv = (min: number, minInclusive: boolean, max: number | null, maxInclusive: boolean): Interval => ({ min, minInclusive, max, maxInclusive });

describe('a value in a band', () => {
  it.each<[Interval, string, boolean]>([
    [iv(90, false, 100, true), '90', false],
    [iv(90, false, 100, true), '90.0000001', true],
    [iv(90, false, 100, true), '100', true],
    [iv(90, false, 100, true), '100.0000001', false],
    [iv(0, true, 30, true), '0', true],
    [iv(0, true, 30, true), '-0.01', false],
    [iv(0, true, 70, false), '70', false],
    [iv(90, false, null, false), '1000000', true],
  ])('%j holds %s: %s', (band, value, expected) => {
    expect(inInterval(value, band)).toBe(expected);
  });

  it('takes the first band that holds the value', () => {
    const bands = [{ ...iv(0, true, 50, true), name: 'low' }, { ...iv(50, false, 100, true), name: 'high' }];
    expect(bandOf(50, bands)?.name).toBe('low');
    expect(bandOf('50.01', bands)?.name).toBe('high');
    expect(bandOf(101, bands)).toBeNull();
  });
});

describe('a table tiling a closed scale 0–100', () => {
  it.each<[string, Interval[], [string, number | null][]]>([
    ['two bands meeting at 50', [iv(0, true, 50, true), iv(50, false, 100, true)], []],
    ['the same, the bound owned by the upper band', [iv(0, true, 50, false), iv(50, true, 100, true)], []],
    ['a top band not including 100', [iv(0, true, 50, true), iv(50, false, 100, false)], [['end_not_covered', 1]]],
    ['a top band ending at 99', [iv(0, true, 50, true), iv(50, false, 99, true)], [['end_not_covered', 1]]],
    ['a top band open upward', [iv(0, true, 50, true), iv(50, false, null, false)], [['end_not_covered', 1]]],
    ['a single point band', [iv(0, true, 0, true), iv(0, false, 100, true)], []],
  ])('%s', (_, bands, expected) => {
    expect(tilingProblems(bands, 0, 100).map((p) => [p.code, p.band])).toEqual(expected);
  });
});

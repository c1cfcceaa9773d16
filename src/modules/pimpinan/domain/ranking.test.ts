import { describe, expect, it } from 'vitest';
import { ranks } from './ranking.js';

describe('ranking kabupaten/kota on a figure', () => {
  it('puts the best first by the figure\'s sense of better, ties sharing a rank', () => {
    expect(ranks([70, 90, 70, 50], 'higher')).toEqual([2, 1, 2, 4]);
    expect(ranks([3, 0, 12, 0], 'lower')).toEqual([3, 1, 4, 1]);
  });

  it('leaves a region without a figure unranked rather than last', () => {
    expect(ranks([null, 2, null, 5], 'higher')).toEqual([null, 2, null, 1]);
    expect(ranks([null], 'lower')).toEqual([null]);
  });
});

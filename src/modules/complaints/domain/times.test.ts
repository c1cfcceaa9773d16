// Time buckets, quantiles and their words, with hand-computed values.
import { describe, expect, it } from 'vitest';
import { BUCKET_MINUTES, bucketOf, estimateText, quantile } from './times.js';

const MIN = 60_000;
const H = 60 * MIN;
/** A histogram with `counts` at the given bucket indexes. */
const hist = (counts: Record<number, number>) => BUCKET_MINUTES.map((_, i) => counts[i] ?? 0);

describe('bucketOf', () => {
  it.each([
    [0, 0],
    [2 * MIN, 0],
    [5 * MIN - 1, 0],
    [5 * MIN, 1], // lower bounds are inclusive
    [15 * MIN, 2],
    [59 * MIN, 3],
    [1 * H, 4],
    [2 * H - 1, 4],
    [3 * H, 5],
    [24 * H - 1, 8],
    [24 * H, 9],
    [48 * H, 11],
    [80 * H, 12],
    [719 * H, 15],
    [720 * H, 16],
    [5000 * H, 16],
    [-5 * MIN, 0],
  ])('puts %i ms in bucket %i', (ms, bucket) => {
    expect(bucketOf(ms)).toBe(bucket);
  });
});

describe('quantile: the bucket, exactly, and a place inside it', () => {
  it.each([
    ['ten answers in 2 minutes: under 5 minutes, not half an hour', hist({ 0: 10 }), 0.5, { fromMinutes: 0, toMinutes: 5, minutes: 2.5 }],
    ['two in 0-5 min, two in 5-15 min: median at the top of 0-5', hist({ 0: 2, 1: 2 }), 0.5, { fromMinutes: 0, toMinutes: 5, minutes: 5 }],
    ['two in 0-5 min, two in 5-15 min: p90 = 5 + (3.6-2)/2*10', hist({ 0: 2, 1: 2 }), 0.9, { fromMinutes: 5, toMinutes: 15, minutes: 13 }],
    ['one in 12-24h: median = 12 h + 0.5*12 h', hist({ 8: 1 }), 0.5, { fromMinutes: 720, toMinutes: 1440, minutes: 1080 }],
    ['five in 24-36h, five in 48-72h: p90 = 48 h + 4/5*24 h', hist({ 9: 5, 11: 5 }), 0.9, { fromMinutes: 2880, toMinutes: 4320, minutes: 4032 }],
    ['empty buckets are skipped: 2 h + 2/4*2 h', hist({ 5: 4 }), 0.5, { fromMinutes: 120, toMinutes: 240, minutes: 180 }],
    ['the open-ended last bucket has no upper bound', hist({ 0: 1, 16: 2 }), 0.5, { fromMinutes: 43200, toMinutes: null, minutes: 43200 }],
  ])('%s', (_, h, p, expected) => {
    expect(quantile(h, p)).toEqual(expected);
  });

  it('has no answer for an empty histogram', () => {
    expect(quantile(hist({}), 0.5)).toBeNull();
  });
});

describe('estimateText', () => {
  it('says each bucket as precisely as it is known, in Indonesian and English', () => {
    const texts = BUCKET_MINUTES.map((_, i) => estimateText(quantile(hist({ [i]: 1 }), 0.5)!));
    expect(texts.map((t) => t.id)).toEqual([
      '< 5 menit', '5–15 menit', '15–30 menit', '30–60 menit', '1–2 jam', '2–4 jam', '4–8 jam', '8–12 jam', '12–24 jam', '24–36 jam', '36–48 jam',
      '2–3 hari', '3–4 hari', '4–7 hari', '7–14 hari', '14–30 hari', '> 30 hari',
    ]);
    expect(texts.map((t) => t.en)).toEqual([
      '< 5 min', '5–15 min', '15–30 min', '30–60 min', '1–2 h', '2–4 h', '4–8 h', '8–12 h', '12–24 h', '24–36 h', '36–48 h',
      '2–3 days', '3–4 days', '4–7 days', '7–14 days', '14–30 days', '> 30 days',
    ]);
  });
});

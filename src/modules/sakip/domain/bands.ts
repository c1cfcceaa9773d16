// Bands on a number line (traffic lights on achievement, predicates on an
// evaluation score), with each bound's inclusiveness stated, because the
// sources disagree on it (is exactly 90 AA or A? is exactly 90 % yellow or
// green?). One rule for "which band holds this value" and one check that a
// table of bands tiles its scale without gap or overlap, in exact decimals.
import { Dec } from '../../../platform/decimal.js';

export type DecLike = Dec | number | string;

/** A band from `min` to `max` (null: open upward), each bound inclusive or not. */
export interface Interval {
  min: DecLike;
  minInclusive: boolean;
  max: DecLike | null;
  maxInclusive: boolean;
}

export function inInterval(value: DecLike, band: Interval): boolean {
  const v = new Dec(value);
  const aboveMin = band.minInclusive ? v.gte(band.min) : v.gt(band.min);
  if (!aboveMin) return false;
  if (band.max === null) return true;
  return band.maxInclusive ? v.lte(band.max) : v.lt(band.max);
}

/** The first band holding the value, or null (outside the scale). */
export function bandOf<B extends Interval>(value: DecLike, bands: readonly B[]): B | null {
  return bands.find((b) => inInterval(value, b)) ?? null;
}

export type TilingProblemCode =
  | 'no_bands'
  | 'band_empty'
  | 'open_band_not_last'
  | 'start_not_covered'
  | 'gap_or_overlap'
  | 'end_not_covered';

/** `band`: the index of the band concerned, in the order given. */
export interface TilingProblem { code: TilingProblemCode; band: number | null }

/**
 * Bands must be given in ascending order and tile [from, to] (to = null: from
 * `from` upward without end): the first band starts at `from` inclusive; each
 * next band starts where the one before ends, with exactly one of the two
 * sides owning the shared bound; the last band ends at `to` inclusive, or is
 * open upward when `to` is null.
 */
export function tilingProblems(bands: readonly Interval[], from: DecLike, to: DecLike | null): TilingProblem[] {
  if (bands.length === 0) return [{ code: 'no_bands', band: null }];
  const problems: TilingProblem[] = [];
  bands.forEach((b, i) => {
    if (b.max === null) {
      if (i !== bands.length - 1) problems.push({ code: 'open_band_not_last', band: i });
      return;
    }
    const min = new Dec(b.min);
    const max = new Dec(b.max);
    if (min.gt(max) || (min.eq(max) && !(b.minInclusive && b.maxInclusive))) problems.push({ code: 'band_empty', band: i });
  });
  const first = bands[0];
  if (!first.minInclusive || !new Dec(first.min).eq(from)) problems.push({ code: 'start_not_covered', band: 0 });
  for (let i = 1; i < bands.length; i++) {
    const before = bands[i - 1];
    const b = bands[i];
    const meets = before.max !== null && new Dec(before.max).eq(b.min);
    if (!meets || before.maxInclusive === b.minInclusive) problems.push({ code: 'gap_or_overlap', band: i });
  }
  const last = bands[bands.length - 1];
  const endOk = to === null ? last.max === null : last.max !== null && last.maxInclusive && new Dec(last.max).eq(to);
  if (!endOk) problems.push({ code: 'end_not_covered', band: bands.length - 1 });
  return problems;
}

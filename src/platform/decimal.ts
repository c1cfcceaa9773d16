// Exact decimal arithmetic for the figures modules publish (SPBE weights and
// indices, SAKIP achievement and efficiency): no binary floating point
// anywhere between the data and the published figure.
import Decimal from 'decimal.js';

/**
 * 40 significant digits: every quotient here is p/q with q a weight sum of at
 * most a few thousand hundredths, so an exact .xx5 boundary is either hit
 * exactly or missed by far more than 1e-30, and rounding to two places after
 * the division is the exact half-up rounding of the true ratio.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** Unrounded, as PostgreSQL adds numerics: for sums divided only at the end. */
const Unrounded = Decimal.clone({ precision: 1e9 });

/** a + b without any rounding, in plain notation: the same total whether added here or by `sum()` in SQL. */
export const addExact = (a: string, b: string | Dec): string => new Unrounded(a).plus(typeof b === 'string' ? b : b.toFixed()).toFixed();

/** a × b without any rounding, in plain notation. */
export const multiplyExact = (a: string | Dec, b: string | Dec): string => new Unrounded(typeof a === 'string' ? a : a.toFixed()).times(typeof b === 'string' ? b : b.toFixed()).toFixed();

/** Two decimals, half up, as KemenPANRB publishes. */
export function round2(x: Dec): Dec {
  return x.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** For JSON: a 2-decimal (or shorter) value is exact as a number's shortest form. */
export const num = (x: Dec): number => x.toNumber();

/** At most `places` decimals, e.g. weights (4) and published scores (2). */
export function hasPlaces(x: number | string, places: number): boolean {
  try {
    return new Dec(x).decimalPlaces() <= places;
  } catch {
    return false;
  }
}

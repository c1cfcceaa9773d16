// How an indicator measured per desa/kelurahan rolls up to its kecamatan and
// to the indicator (the unit's, the region's): a count adds up; a rate adds
// its numerators and its denominators and divides the totals, so a
// kecamatan of 10 stunted children out of 100 and one of 1 out of 50 make
// 11/150 = 7.33 %, not the average of 10 % and 2 %. Exact decimals; a rate
// is kept to RATE_PLACES decimals (half up), the precision a realisation has.
import { Dec } from '../../../platform/decimal.js';
import type { DecLike } from './bands.js';

export type VillageRule = { rollup: 'sum' } | { rollup: 'rate'; scale: DecLike };

/** One village's entry: a count, or a numerator with its denominator. */
export interface VillageEntry { value: DecLike; denominator: DecLike | null }

export interface RolledUp {
  /** The figure: the count, or the rate (numerator / denominator × scale) to RATE_PLACES decimals. */
  value: Dec;
  /** The totals the figure came from: for a count, the count and null. */
  numerator: Dec;
  denominator: Dec | null;
  villages: number;
}

/** A realisation holds six decimals (service/data.ts decimalInput); a rate is rounded to them once, at the end. */
export const RATE_PLACES = 6;

/** The entries together, or null when there are none (no figure, rather than a 0 nobody reported). */
export function rollUp(rule: VillageRule, entries: readonly VillageEntry[]): RolledUp | null {
  if (entries.length === 0) return null;
  const numerator = entries.reduce((s, e) => s.plus(e.value), new Dec(0));
  if (rule.rollup === 'sum') return { value: numerator, numerator, denominator: null, villages: entries.length };
  const denominator = entries.reduce((s, e) => s.plus(e.denominator ?? 0), new Dec(0));
  // Every denominator is checked > 0 when entered, so the sum of at least one is too.
  const value = numerator.times(rule.scale).div(denominator).toDecimalPlaces(RATE_PLACES, Dec.ROUND_HALF_UP);
  return { value, numerator, denominator, villages: entries.length };
}

/**
 * Ranks by the figure, best first by the indicator's polarity; equal figures
 * share a rank (1, 2, 2, 4). Entries without a figure get no rank.
 */
export function rankOf(values: readonly (DecLike | null)[], polarity: 'higher_is_better' | 'lower_is_better'): (number | null)[] {
  const known = values.map((v, i) => ({ v: v === null ? null : new Dec(v), i })).filter((x): x is { v: Dec; i: number } => x.v !== null);
  const better = (a: Dec, b: Dec) => (polarity === 'higher_is_better' ? a.gt(b) : a.lt(b));
  return values.map((v) => {
    if (v === null) return null;
    const d = new Dec(v);
    return 1 + known.filter((k) => better(k.v, d)).length;
  });
}

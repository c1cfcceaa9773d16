// Indicator achievement (capaian kinerja) in exact decimals, as regional
// performance reports (LKjIP) compute it, so that the figure a region
// publishes is the one its data gives, not a binary-floating-point neighbour:
//
//   higher is better   capaian = realisasi / target × 100
//   lower is better    capaian = (2 × target − realisasi) / target × 100, never below 0
//
// (LKjIP Kab. Maluku Tengah 2021; the Banjarnegara e-SAKIP, which clamps at 0;
// PermenPANRB 6/2022 "kondisi khusus" for the range rule). A range target uses
// the bound on the side the realisation falls; inside the range is 100 %.
// Everything stays at full precision; only `forDisplay` rounds (half up, two
// decimals), at the moment a figure is shown. Each figure is one division
// (numerator × 100 / denominator), so it is the true ratio correctly rounded
// to 40 significant digits, and its two-decimal rounding is exact for any
// target of realistic length (see platform/decimal.ts). An average of repeating decimals (a sasaran's
// achievement) can differ from the true ratio in the 39th digit; it could
// change a shown figure only if the true average lay exactly on a half
// hundredth while its parts did not terminate.
import { addExact, Dec, multiplyExact, round2 } from '../../../platform/decimal.js';
import type { DecLike } from './bands.js';

export type { DecLike } from './bands.js';

export type Polarity = 'higher_is_better' | 'lower_is_better';

/** A single value, or a range {low, high} ("7–8 bulan", "80–90 %"). */
export type TargetValue =
  | { type: 'single'; value: DecLike }
  | { type: 'range'; low: DecLike; high: DecLike };

/**
 * Why an achievement cannot be computed (a typed answer, never a throw or a
 * division by zero):
 * - `target_zero`: higher is better with a target of 0 (any realisation
 *   would be "infinitely" achieved; the ratio means nothing);
 * - `target_negative`: a negative target (the ratio inverts its meaning);
 * - `range_inverted`: a range whose low bound is above its high bound.
 */
export type NotComputable = 'target_zero' | 'target_negative' | 'range_inverted';

/** Which target value the figure was measured against, for the report's explanation. */
export type Basis = 'single' | 'below_range' | 'above_range' | 'within_range';

export type Achievement =
  | { computable: true; percent: Dec; basis: Basis; /** The target value divided by; null inside a range (100 % by rule). */ targetUsed: Dec | null }
  | { computable: false; reason: NotComputable };

const HUNDRED = new Dec(100);

/**
 * Achievement against one target value.
 *
 * Target 0, the rule we chose (no source defines it):
 * - higher is better: not computable (`target_zero`);
 * - lower is better: a realisation of 0 or less meets the "nothing" target,
 *   100 %; anything above it is 0 % (the formula's limit, clamped).
 */
function againstValue(polarity: Polarity, target: Dec, realisation: Dec, basis: Basis): Achievement {
  if (target.isNegative() && !target.isZero()) return { computable: false, reason: 'target_negative' };
  if (target.isZero()) {
    if (polarity === 'higher_is_better') return { computable: false, reason: 'target_zero' };
    return { computable: true, percent: realisation.lte(0) ? HUNDRED : new Dec(0), basis, targetUsed: target };
  }
  if (polarity === 'higher_is_better') {
    // Not clamped: a negative realisation (e.g. economic growth of −2 % against 5 %) is published as a negative achievement.
    return { computable: true, percent: realisation.times(100).div(target), basis, targetUsed: target };
  }
  const percent = target.times(2).minus(realisation).times(100).div(target);
  return { computable: true, percent: Dec.max(percent, 0), basis, targetUsed: target };
}

/**
 * The indicator's achievement in percent for one realisation. Inputs are
 * numbers already checked (see `parseTargetNumber` in tree.ts); a string that
 * is not a decimal throws, as it is a programming error by then.
 *
 * Range targets: higher is better, above the range → realisation / high,
 * below → realisation / low; lower is better, above the range →
 * (2·high − r) / high, below → (2·low − r) / low; within [low, high] → 100.
 */
export function achievement(polarity: Polarity, target: TargetValue, realisation: DecLike): Achievement {
  const r = new Dec(realisation);
  if (target.type === 'single') return againstValue(polarity, new Dec(target.value), r, 'single');
  const low = new Dec(target.low);
  const high = new Dec(target.high);
  if (low.gt(high)) return { computable: false, reason: 'range_inverted' };
  if (r.gt(high)) return againstValue(polarity, high, r, 'above_range');
  if (r.lt(low)) return againstValue(polarity, low, r, 'below_range');
  return { computable: true, percent: HUNDRED, basis: 'within_range', targetUsed: null };
}

// ---------------------------------------------------------------------------
// Aggregation over periods

/**
 * How an indicator's period values make its value for a longer period
 * (Kemenkeu KPPN guide): `sum` (e.g. visitors per month → per year),
 * `average` (e.g. a monthly rate), `last` (a stock or a cumulative figure:
 * the last period that has a value).
 */
export type AggregationRule = 'sum' | 'average' | 'last';

/** One period's value; null or undefined when the period has not been reported. */
export interface PeriodValue { period: string; value: DecLike | null | undefined }

export interface Aggregate {
  /** Null when no period has a value. */
  value: Dec | null;
  /** Periods that have a value, and those that do not, in the order given. */
  reported: string[];
  missing: string[];
  /** Every period has a value. */
  complete: boolean;
}

/**
 * Aggregates period values in the order given (oldest first). Missing periods
 * are never counted as zero: `sum` adds the reported periods, `average`
 * divides by the number of reported periods, `last` takes the last reported
 * one. The missing periods are listed, and `complete` says whether there are
 * any, so a caller can show "3 of 4 quarters" or refuse a partial figure.
 */
export function aggregatePeriods(rule: AggregationRule, periods: readonly PeriodValue[]): Aggregate {
  const reported = periods.filter((p) => p.value !== null && p.value !== undefined);
  const missing = periods.filter((p) => p.value === null || p.value === undefined).map((p) => p.period);
  const base = { reported: reported.map((p) => p.period), missing, complete: missing.length === 0 };
  if (reported.length === 0) return { value: null, ...base };
  const values = reported.map((p) => new Dec(p.value!));
  const total = values.reduce((s, v) => s.plus(v), new Dec(0));
  const value = rule === 'sum' ? total : rule === 'average' ? total.div(values.length) : values[values.length - 1];
  return { value, ...base };
}

/**
 * An indicator's value for one period (a quarter or month) from its values
 * of the year, by period: the period's own value, else the periods `inside`
 * it (a quarter's months, for an indicator entered monthly) aggregated by its
 * rule as a year's are, so a quarter with a month missing is the months
 * reported; null when there is neither.
 */
export function valueOfPeriod(rule: AggregationRule, period: string, inside: readonly string[], values: ReadonlyMap<string, DecLike>): Dec | null {
  const own = values.get(period);
  if (own !== undefined) return new Dec(own);
  return aggregatePeriods(rule, inside.map((p) => ({ period: p, value: values.get(p) }))).value;
}

// ---------------------------------------------------------------------------
// A target's (sasaran's) achievement from its indicators

/** What a target's achievement needs of an indicator's: its percent, or why there is none. */
export type AchievementFigure = { computable: true; percent: Dec } | { computable: false; reason: NotComputable };

export interface IndicatorAchievement {
  indicator: string;
  /** Null when the indicator has no realisation for the period. */
  achievement: AchievementFigure | null;
  /** Optional; give a weight to every indicator of the target or to none. */
  weight?: DecLike;
}

export type Excluded = { indicator: string; reason: NotComputable | 'no_realisation' };

export type TargetAchievement =
  | {
    ok: true;
    /** Σ(wᵢ·capaianᵢ)/Σwᵢ over the indicators used; a plain average when no weights are given. */
    percent: Dec;
    weighted: boolean;
    used: string[];
    /** Indicators left out of the figure, and why. */
    excluded: Excluded[];
    /** Every indicator of the target is in the figure. */
    complete: boolean;
  }
  | {
    ok: false;
    error: 'no_indicators' | 'nothing_computable' | 'weights_partial' | 'weight_not_positive';
    /** The indicators concerned (for nothing_computable: all of them). */
    indicators: string[];
  };

/**
 * A sasaran's achievement: the plain average of its indicators' achievements
 * (as the Banjarnegara e-SAKIP does; no weighting is mandated anywhere we
 * found), or a weighted mean when the region gives weights. Weights must be
 * given for all indicators or none, and each must be positive (so their sum
 * cannot be zero). Indicators without a realisation, or whose achievement is
 * not computable, are left out and listed; when none is left, there is no
 * figure.
 */
export function targetAchievement(parts: readonly IndicatorAchievement[]): TargetAchievement {
  if (parts.length === 0) return { ok: false, error: 'no_indicators', indicators: [] };
  const withWeight = parts.filter((p) => p.weight !== undefined);
  const weighted = withWeight.length > 0;
  if (weighted && withWeight.length !== parts.length) {
    return { ok: false, error: 'weights_partial', indicators: parts.filter((p) => p.weight === undefined).map((p) => p.indicator) };
  }
  if (weighted) {
    const bad = parts.filter((p) => !new Dec(p.weight!).gt(0)).map((p) => p.indicator);
    if (bad.length > 0) return { ok: false, error: 'weight_not_positive', indicators: bad };
  }
  const excluded: Excluded[] = [];
  // Added up without rounding and divided once, as tallyAverage (and SQL's sum) does.
  let sum = '0';
  let weights = '0';
  const used: string[] = [];
  for (const p of parts) {
    if (p.achievement === null) { excluded.push({ indicator: p.indicator, reason: 'no_realisation' }); continue; }
    if (!p.achievement.computable) { excluded.push({ indicator: p.indicator, reason: p.achievement.reason }); continue; }
    const w = weighted ? String(p.weight!) : '1';
    sum = addExact(sum, weighted ? multiplyExact(p.achievement.percent, w) : p.achievement.percent);
    weights = addExact(weights, w);
    used.push(p.indicator);
  }
  if (used.length === 0) return { ok: false, error: 'nothing_computable', indicators: parts.map((p) => p.indicator) };
  return { ok: true, percent: new Dec(sum).div(weights), weighted, used, excluded, complete: excluded.length === 0 };
}

/**
 * Many indicators' achievement counted together, as an overview shows a unit's
 * or the IKU's: how many have a figure, and the exact sum of those figures.
 */
export interface AchievementTally { indicators: number; used: number; sum: string }

/** Indicators' achievements counted together. */
export const tallyOf = (figures: readonly (AchievementFigure | null)[]): AchievementTally => figures.reduce<AchievementTally>(
  (t, f) => (f?.computable ? { indicators: t.indicators + 1, used: t.used + 1, sum: addExact(t.sum, f.percent) } : { ...t, indicators: t.indicators + 1 }),
  { indicators: 0, used: 0, sum: '0' },
);

export type TallyAverage =
  | { ok: true; percent: Dec; used: number; excluded: number; complete: boolean }
  | { ok: false; error: 'nothing_computable'; indicators: number };

/**
 * The plain average of the figures in a tally (as targetAchievement without
 * weights), divided once from the exact sum so that the same indicators give
 * the same figure however they were added up; null when there are none.
 */
export function tallyAverage(t: AchievementTally): TallyAverage | null {
  if (t.indicators === 0) return null;
  if (t.used === 0) return { ok: false, error: 'nothing_computable', indicators: t.indicators };
  const excluded = t.indicators - t.used;
  return { ok: true, percent: new Dec(t.sum).div(t.used), used: t.used, excluded, complete: excluded === 0 };
}

// ---------------------------------------------------------------------------
// Display

/** The figure as shown and published: half up to two decimals ('107.14'). Compute with the unrounded value. */
export function forDisplay(x: Dec): string {
  return round2(x).toFixed(2);
}

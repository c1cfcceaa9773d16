// Budget absorption (serapan) and efficiency, in exact decimals. The LKE asks
// whether "terdapat efisiensi atas penggunaan anggaran" but no regulation we
// found fixes the method for regional reports, so the method is a region's
// choice (default: the Banjarnegara comparison of achievement and
// absorption), and so are the traffic-light bands achievement is shown in.
import { z } from 'zod';
import { Dec, hasPlaces } from '../../../platform/decimal.js';
import type { Words } from '../../../platform/errors.js';
import { forDisplay } from './achievement.js';
import { bandOf, tilingProblems, type DecLike, type TilingProblemCode } from './bands.js';

// ---------------------------------------------------------------------------
// Absorption

export type Absorption =
  | { computable: true; percent: Dec }
  | { computable: false; reason: 'ceiling_zero' | 'negative_amount' };

/** serapan = realisasi anggaran / pagu × 100; a ceiling (pagu) of 0 is not computable, not a division by zero. */
export function absorption(spending: DecLike, ceiling: DecLike): Absorption {
  const s = new Dec(spending);
  const c = new Dec(ceiling);
  if ((s.isNegative() && !s.isZero()) || (c.isNegative() && !c.isZero())) return { computable: false, reason: 'negative_amount' };
  if (c.isZero()) return { computable: false, reason: 'ceiling_zero' };
  return { computable: true, percent: s.times(100).div(c) };
}

// ---------------------------------------------------------------------------
// Method 1 (default): achievement % minus absorption % (Banjarnegara e-SAKIP)

export type EfficiencyMethod = 'achievement_minus_absorption' | 'output_index';
export type EfficiencyCategory = 'efficient' | 'fairly_efficient' | 'inefficient';

export const efficiencyCategoryLabels: Record<EfficiencyCategory, Words> = {
  efficient: { id: 'Efisien', en: 'Efficient' },
  fairly_efficient: { id: 'Cukup efisien', en: 'Fairly efficient' },
  inefficient: { id: 'Tidak efisien', en: 'Inefficient' },
};

export const DEFAULT_EFFICIENCY_THRESHOLD = 5;

/**
 * selisih = capaian % − serapan %: above +threshold efficient, within
 * ±threshold (both ends included) fairly efficient, below −threshold
 * inefficient. The threshold (5 percentage points by default) is the region's.
 */
export function efficiencyByDifference(
  achievementPercent: DecLike,
  absorptionPercent: DecLike,
  threshold: DecLike = DEFAULT_EFFICIENCY_THRESHOLD,
): { difference: Dec; category: EfficiencyCategory } {
  const t = new Dec(threshold);
  if (t.isNegative() && !t.isZero()) throw new RangeError('efficiency threshold must not be negative');
  const difference = new Dec(achievementPercent).minus(absorptionPercent);
  const category: EfficiencyCategory = difference.gt(t) ? 'efficient' : difference.lt(t.negated()) ? 'inefficient' : 'fairly_efficient';
  return { difference, category };
}

// ---------------------------------------------------------------------------
// Method 2: the output-based efficiency index
//
// As found in a 2019 Itjen LAKIP (research S26), apparently from the Ministry
// of Finance's regulation on budget-performance evaluation (PMK "Evaluasi
// Kinerja Anggaran"; the PMK number is NOT verified, research §7 item 4):
//
//   per output   E = 1 − (RA/RV) / (PA/TV)     RA budget realised, RV volume realised,
//                                              PA budget ceiling (pagu), TV target volume
//   E averaged over outputs, then   nilai efisiensi = 50 % + (E / 20 × 50 %)
//
// Our readings where the source is silent, each open to correction:
// - E is in percent (a 10 % lower unit cost than planned is E = 10): with E as
//   a fraction the formula would barely move off 50 %;
// - the averaged E is capped at ±20 % before the value formula (our
//   recollection of the PMK, which keeps the value within 0–100 %); the cap
//   can be switched off;
// - an output with no realised volume (RV = 0), a ceiling of 0 or a target
//   volume of 0 has no unit cost: it is left out and listed, not counted as
//   zero.

export interface OutputRealisation {
  output: string;
  budgetRealised: DecLike;
  volumeRealised: DecLike;
  budgetCeiling: DecLike;
  volumeTarget: DecLike;
}

export type OutputExclusion = 'volume_realised_zero' | 'ceiling_zero' | 'volume_target_zero' | 'negative_amount';

export type OutputEfficiency =
  | { computable: true; e: Dec }
  | { computable: false; reason: OutputExclusion };

/** E for one output, in percent: (1 − (RA/RV)/(PA/TV)) × 100, computed as (RV·PA − RA·TV) × 100 / (RV·PA), one division. */
export function outputEfficiency(o: OutputRealisation): OutputEfficiency {
  const [ra, rv, pa, tv] = [o.budgetRealised, o.volumeRealised, o.budgetCeiling, o.volumeTarget].map((x) => new Dec(x));
  if ([ra, rv, pa, tv].some((x) => x.isNegative() && !x.isZero())) return { computable: false, reason: 'negative_amount' };
  if (pa.isZero()) return { computable: false, reason: 'ceiling_zero' };
  if (tv.isZero()) return { computable: false, reason: 'volume_target_zero' };
  if (rv.isZero()) return { computable: false, reason: 'volume_realised_zero' };
  const planned = rv.times(pa);
  return { computable: true, e: planned.minus(ra.times(tv)).times(100).div(planned) };
}

export const OUTPUT_INDEX_E_CAP = 20;

export type OutputEfficiencyIndex =
  | {
    ok: true;
    /** The mean of E over the outputs used, in percent, uncapped. */
    eAverage: Dec;
    /** The E the value is computed from (capped at ±20 unless the cap is off). */
    eUsed: Dec;
    /** nilai efisiensi in percent: 50 + E/20 × 50. */
    value: Dec;
    outputs: { output: string; e: Dec }[];
    excluded: { output: string; reason: OutputExclusion }[];
  }
  | { ok: false; error: 'no_outputs' | 'nothing_computable'; excluded: { output: string; reason: OutputExclusion }[] };

export function outputEfficiencyIndex(outputs: readonly OutputRealisation[], options: { capE?: boolean } = {}): OutputEfficiencyIndex {
  const capE = options.capE ?? true;
  if (outputs.length === 0) return { ok: false, error: 'no_outputs', excluded: [] };
  const used: { output: string; e: Dec }[] = [];
  const excluded: { output: string; reason: OutputExclusion }[] = [];
  for (const o of outputs) {
    const r = outputEfficiency(o);
    if (r.computable) used.push({ output: o.output, e: r.e });
    else excluded.push({ output: o.output, reason: r.reason });
  }
  if (used.length === 0) return { ok: false, error: 'nothing_computable', excluded };
  const eAverage = used.reduce((s, u) => s.plus(u.e), new Dec(0)).div(used.length);
  const eUsed = capE ? Dec.min(Dec.max(eAverage, -OUTPUT_INDEX_E_CAP), OUTPUT_INDEX_E_CAP) : eAverage;
  const value = new Dec(50).plus(eUsed.div(20).times(50));
  return { ok: true, eAverage, eUsed, value, outputs: used, excluded };
}

// ---------------------------------------------------------------------------
// Traffic-light bands (per region)

const bound = z.number().nonnegative().max(100000).refine((n) => hasPlaces(n, 2), 'at most 2 decimals');
const words = z.object({ id: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });

/**
 * One band of a region's traffic light on achievement (percent): from `min`
 * to `max` (null: no upper end, achievement can pass 100 %), each bound
 * inclusive or not, with its words and colour.
 */
export const trafficBandSchema = z.object({
  min: bound,
  minInclusive: z.boolean(),
  max: bound.nullable(),
  maxInclusive: z.boolean(),
  label: words,
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
});
export type TrafficBand = z.infer<typeof trafficBandSchema>;

const tilingWords: Record<TilingProblemCode, (band: number | null) => Words> = {
  no_bands: () => ({ id: 'tabel warna harus memiliki paling sedikit satu rentang', en: 'the table needs at least one band' }),
  band_empty: (b) => ({ id: `rentang ${b! + 1} kosong: batas bawah harus di bawah batas atas`, en: `band ${b! + 1} is empty: its lower bound must be below its upper bound` }),
  open_band_not_last: (b) => ({ id: `rentang ${b! + 1} tanpa batas atas harus menjadi rentang terakhir`, en: `band ${b! + 1} has no upper bound, so it must be the last` }),
  start_not_covered: () => ({ id: 'rentang pertama harus mulai dari 0, termasuk 0', en: 'the first band must start at 0, including 0' }),
  gap_or_overlap: (b) => ({ id: `ada celah atau tumpang tindih antara rentang ${b} dan ${b! + 1} (rentang harus berurutan naik, dan tepat satu di antaranya mencakup batas bersama)`, en: `gap or overlap between bands ${b} and ${b! + 1} (bands must ascend, and exactly one of them include the shared bound)` }),
  end_not_covered: () => ({ id: 'rentang terakhir tidak boleh memiliki batas atas', en: 'the last band must have no upper bound' }),
};

export interface BandProblem { code: TilingProblemCode; band: number | null; message: Words }

/** A region's own table: in ascending order, without gap or overlap, from 0 (inclusive) upward without end. */
export function trafficBandProblems(bands: readonly TrafficBand[]): BandProblem[] {
  return tilingProblems(bands, 0, null).map((p) => ({ ...p, message: tilingWords[p.code](p.band) }));
}

/** A whole table, parsed and checked: what a region's settings hold. */
export const trafficBandTable = z.array(trafficBandSchema).min(1).max(10).superRefine((bands, ctx) => {
  for (const p of trafficBandProblems(bands)) ctx.addIssue({ code: 'custom', message: p.message.en, path: p.band === null ? [] : [p.band] });
});

/** Banjarnegara's e-SAKIP: red below 70, yellow 70 to 90 (both included), green above 90. */
export const DEFAULT_TRAFFIC_BANDS: TrafficBand[] = [
  { min: 0, minInclusive: true, max: 70, maxInclusive: false, label: { id: 'Rendah', en: 'Low' }, colour: '#b42318' },
  { min: 70, minInclusive: true, max: 90, maxInclusive: true, label: { id: 'Sedang', en: 'Medium' }, colour: '#e0a800' },
  { min: 90, minInclusive: false, max: null, maxInclusive: false, label: { id: 'Tinggi', en: 'High' }, colour: '#1d6b3a' },
];

/**
 * The band an achievement falls in. A negative achievement (possible for a
 * higher-is-better indicator with a negative realisation) is below every
 * band and is shown in the lowest one.
 */
export function trafficLight(percent: DecLike, bands: readonly TrafficBand[] = DEFAULT_TRAFFIC_BANDS): TrafficBand {
  if (new Dec(percent).lt(0)) return bands[0];
  const band = bandOf(percent, bands);
  if (!band) throw new RangeError('traffic-light bands do not cover the value; check them with trafficBandProblems');
  return band;
}

// ---------------------------------------------------------------------------
// A region's choice

export const efficiencySettings = z.object({
  method: z.enum(['achievement_minus_absorption', 'output_index']).default('achievement_minus_absorption'),
  /** Percentage points around 0 that count as fairly efficient (method 1). */
  threshold: bound.default(DEFAULT_EFFICIENCY_THRESHOLD),
  /** Cap E at ±20 % (method 2). */
  capOutputE: z.boolean().default(true),
  bands: trafficBandTable.default(DEFAULT_TRAFFIC_BANDS),
});
export type EfficiencySettings = z.infer<typeof efficiencySettings>;

export const efficiencyMethodLabels: Record<EfficiencyMethod, Words> = {
  achievement_minus_absorption: { id: 'Capaian kinerja dikurangi serapan anggaran', en: 'Achievement minus budget absorption' },
  output_index: { id: 'Indeks efisiensi keluaran', en: 'Output-based efficiency index' },
};

/** The index value at which a unit cost is exactly as planned (E = 0). */
const INDEX_AS_PLANNED = 50;

export type EfficiencyJudgement =
  | { computable: true; method: EfficiencyMethod; category: EfficiencyCategory; /** Method 1: the difference in points; method 2: the index in percent. */ value: Dec }
  | { computable: false; method: EfficiencyMethod; reason: 'no_budget' | 'ceiling_zero' | 'negative_amount' | 'no_achievement' | 'no_outputs' | 'nothing_computable' };

/**
 * Efficiency by the region's method. Method 1 compares the achievement with
 * the absorption. Method 2's index has no categories in its source; ours
 * (open to correction) reads it like method 1 around 50 % (a unit cost as
 * planned): above 50 + threshold efficient, within ±threshold fairly
 * efficient, below inefficient.
 */
export function judgeEfficiency(
  settings: Pick<EfficiencySettings, 'method' | 'threshold' | 'capOutputE'>,
  input: { achievementPercent: DecLike | null; budget: { ceiling: DecLike; spending: DecLike } | null; outputs: readonly OutputRealisation[] },
): EfficiencyJudgement {
  const method = settings.method;
  if (method === 'output_index') {
    const index = outputEfficiencyIndex(input.outputs, { capE: settings.capOutputE });
    if (!index.ok) return { computable: false, method, reason: index.error };
    return { computable: true, method, value: index.value, category: efficiencyByDifference(index.value, INDEX_AS_PLANNED, settings.threshold).category };
  }
  if (input.budget === null) return { computable: false, method, reason: 'no_budget' };
  const a = absorption(input.budget.spending, input.budget.ceiling);
  if (!a.computable) return { computable: false, method, reason: a.reason };
  if (input.achievementPercent === null) return { computable: false, method, reason: 'no_achievement' };
  const { difference, category } = efficiencyByDifference(input.achievementPercent, a.percent, settings.threshold);
  return { computable: true, method, value: difference, category };
}

/**
 * A category's traffic-light colour, from the region's own bands: inefficient
 * the lowest band's, efficient the highest's, fairly efficient the middle one's.
 */
export function efficiencyBand(category: EfficiencyCategory, bands: readonly TrafficBand[]): { label: Words; colour: string } {
  const band = category === 'inefficient' ? bands[0] : category === 'efficient' ? bands[bands.length - 1] : bands[Math.floor(bands.length / 2)];
  return { label: efficiencyCategoryLabels[category], colour: band.colour };
}

// ---------------------------------------------------------------------------
// As people read them: the views the API answers and the LKjIP stores

export interface Budget { ceiling: Dec; spending: Dec }

/** Budgets added up; null when there are none (no budget is not a budget of 0). */
export const addBudgets = (rows: readonly { ceiling: DecLike; spending: DecLike }[]): Budget | null => (rows.length === 0 ? null : rows.reduce<Budget>(
  (t, r) => ({ ceiling: t.ceiling.plus(r.ceiling), spending: t.spending.plus(r.spending) }), { ceiling: new Dec(0), spending: new Dec(0) },
));

export const percentView = (x: Dec) => ({ percent: forDisplay(x), percentExact: x.toFixed() });

/** Ceiling, spending and absorption (null when the ceiling is 0), as exact decimal text. */
export function budgetView(b: Budget | null) {
  if (b === null) return null;
  const a = absorption(b.spending, b.ceiling);
  return { ceiling: b.ceiling.toFixed(), spending: b.spending.toFixed(), absorption: a.computable ? percentView(a.percent) : null };
}
export type BudgetView = NonNullable<ReturnType<typeof budgetView>>;

/** The region's method named, with its threshold, and the colour of each category (from its bands). */
export function efficiencyMethodView(settings: EfficiencySettings) {
  return {
    code: settings.method, label: efficiencyMethodLabels[settings.method], threshold: new Dec(settings.threshold).toFixed(),
    categories: (['efficient', 'fairly_efficient', 'inefficient'] as const).map((c) => ({ code: c, ...efficiencyBand(c, settings.bands) })),
  };
}
export type EfficiencyMethodView = ReturnType<typeof efficiencyMethodView>;

/** judgeEfficiency as shown: the value half up with its exact form, the category in its words and colour, or why there is none. */
export function efficiencyView(settings: EfficiencySettings, achievementPercent: DecLike | null, budget: Budget | null, outputs: readonly OutputRealisation[]) {
  const j = judgeEfficiency(settings, { achievementPercent, budget, outputs });
  if (!j.computable) return { computable: false as const, reason: j.reason };
  return { computable: true as const, value: forDisplay(j.value), valueExact: j.value.toFixed(), category: j.category, ...efficiencyBand(j.category, settings.bands) };
}
export type EfficiencyView = ReturnType<typeof efficiencyView>;

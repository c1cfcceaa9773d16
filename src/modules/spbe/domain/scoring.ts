// The SPBE index (PermenPANRB 59/2020, and the same rule for 8/2026):
//   index          = Σ(w_i · l_i) / 100 over all indicators (weights in % of the index)
//   aspect, domain = Σ(w_i · l_i) / Σ w_i over their indicators
// computed exactly and rounded half up to two decimals, as published. The
// predicate is read from the rounded (published) value.
import { Dec, num, round2 } from '../../../platform/decimal.js';
import type { Band, FrameworkDocument } from './framework.js';

export type Text = { id: string; en: string };

export interface Part { value: Dec | number; weight: Dec | number }

/** Σ(v·w)/Σw, unrounded; used for aspects and domains, and to combine published domain scores. */
export function weightedMean(parts: Part[]): Dec {
  let sum = new Dec(0);
  let weights = new Dec(0);
  for (const p of parts) {
    sum = sum.plus(new Dec(p.value).times(p.weight));
    weights = weights.plus(p.weight);
  }
  if (weights.isZero()) throw new Error('weightedMean of nothing');
  return sum.div(weights);
}

/** The band holding a value: min inclusive, max exclusive, except a band marked maxInclusive. */
export function predicateFor(value: Dec | number, bands: Band[]): Band | null {
  const v = new Dec(value);
  return bands.find((b) => v.gte(b.min) && (b.maxInclusive ? v.lte(b.max) : v.lt(b.max))) ?? null;
}

export interface Score { code: string; name: Text; weight: number; value: number | null }
export interface Scores {
  /** Null until every indicator has a level. */
  index: number | null;
  predicate: Text | null;
  domains: Score[];
  aspects: Score[];
  filled: number;
  total: number;
}

export type LevelMap = ReadonlyMap<string, number | null | undefined>;

/** Scores from indicator levels; a group gets a value only when all its indicators have one. */
export function score(doc: FrameworkDocument, levels: LevelMap): Scores {
  const group = (member: (ind: FrameworkDocument['indicators'][number]) => boolean) => {
    const inds = doc.indicators.filter(member);
    const weight = inds.reduce((s, i) => s.plus(i.weight), new Dec(0));
    const complete = inds.every((i) => typeof levels.get(i.code) === 'number');
    return { weight: num(weight), value: complete ? num(round2(weightedMean(inds.map((i) => ({ value: levels.get(i.code)!, weight: i.weight }))))) : null };
  };
  const aspectDomain = new Map(doc.aspects.map((a) => [a.code, a.domain]));
  const aspects = doc.aspects.map((a) => ({ code: a.code, name: a.name, ...group((i) => i.aspect === a.code) }));
  const domains = doc.domains.map((d) => ({ code: d.code, name: d.name, ...group((i) => aspectDomain.get(i.aspect) === d.code) }));
  const filled = doc.indicators.filter((i) => typeof levels.get(i.code) === 'number').length;
  let index: number | null = null;
  if (filled === doc.indicators.length) {
    const raw = doc.indicators.reduce((s, i) => s.plus(new Dec(i.weight).times(levels.get(i.code)!)), new Dec(0)).div(100);
    index = num(round2(raw));
  }
  const band = index === null ? null : predicateFor(index, doc.predicates);
  return { index, predicate: band?.name ?? null, domains, aspects, filled, total: doc.indicators.length };
}

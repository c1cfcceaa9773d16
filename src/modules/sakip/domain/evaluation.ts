// The internal AKIP evaluation on the PermenPANRB 88/2021 worksheet (LKE), as
// versioned data: komponen and sub-komponen with weights, kriteria keyed
// `1.a.1`, the answer scheme and the predicate bands. A version is refused
// unless its weights add up exactly (sub-komponen to their komponen, komponen
// to 100) and its bands tile 0–100, so a score can never rest on a worksheet
// that does not add up. Scoring, as the apps that carry the scheme do it:
//
//   nilai sub-komponen = share of the evaluator's letter (AA 100 % … E 0 %) × its bobot
//   nilai komponen     = Σ nilai sub-komponen
//   nilai akhir        = Σ nilai komponen (0–100), predicate from the bands
//
// A worksheet with a sub-komponen left unanswered gets no score, only the
// list of what is missing.
import { z } from 'zod';
import { Dec, hasPlaces, round2 } from '../../../platform/decimal.js';
import type { Words } from '../../../platform/errors.js';
import { bandOf, tilingProblems, type DecLike } from './bands.js';

// ---------------------------------------------------------------------------
// The framework (one version)

const componentCode = z.string().regex(/^\d{1,2}$/);
const subComponentCode = z.string().regex(/^\d{1,2}\.[a-z]$/);
const criterionCode = z.string().regex(/^\d{1,2}\.[a-z]\.\d{1,2}$/);
const letter = z.string().regex(/^[A-Z]{1,3}$/);
const weight = z.number().positive().max(100).refine((n) => hasPlaces(n, 4), 'at most 4 decimals');
const percent = z.number().min(0).max(100).refine((n) => hasPlaces(n, 4), 'at most 4 decimals');
const text = z.string().trim().min(1).max(4000);

export const subComponentKind = z.enum(['pemenuhan', 'kualitas', 'pemanfaatan']);

export const lkeCriterionSchema = z.object({ code: criterionCode, text });
export const lkeSubComponentSchema = z.object({
  code: subComponentCode,
  kind: subComponentKind,
  name: text,
  weight,
  criteria: z.array(lkeCriterionSchema).min(1).max(50),
});
export const lkeComponentSchema = z.object({
  code: componentCode,
  name: text,
  weight,
  subComponents: z.array(lkeSubComponentSchema).min(1).max(10),
});

/**
 * A predicate band on the 0–100 score. The bounds' inclusiveness is data: in
 * 88/2021 as the apps read it, AA is "> 90 – 100", so exactly 90 is A.
 */
export const lkePredicateSchema = z.object({
  code: letter,
  label: text.describe('Sebutan predikat, bahasa Indonesia sesuai sumber / the predicate label, Indonesian as the source gives it'),
  min: percent,
  minInclusive: z.boolean(),
  max: percent,
  maxInclusive: z.boolean(),
});

/**
 * A sub-komponen letter suggested from the share of its kriteria met. Single
 * source (an evaluator guide quoted in the data's notes), so it only ever
 * suggests; the evaluator chooses the letter. With every kriteria met the
 * letter depends on the evaluator's judgement (innovative: AA; extra effort:
 * A; otherwise BB); below that the first band whose `moreThan` the share
 * exceeds; none met: `none`.
 */
export const letterSuggestionSchema = z.object({
  source: text,
  allMet: z.object({ innovative: letter, extraEffort: letter, plain: letter }),
  partial: z.array(z.object({ moreThan: percent, letter })).min(1).max(10),
  none: letter,
});

export const lkeFrameworkShape = z.object({
  regulation: text,
  /** Value of each kriteria answer: Y = 1, T = 0. */
  criterionAnswers: z.record(z.string().regex(/^[A-Z]{1,3}$/), z.number().min(0).max(1)),
  /** Each sub-komponen letter and its share of the sub-komponen weight, in percent; highest first. */
  letters: z.array(z.object({ letter, share: percent })).min(2).max(12),
  /** Ascending from 0 to 100. */
  predicates: z.array(lkePredicateSchema).min(1).max(12),
  components: z.array(lkeComponentSchema).min(1).max(10),
  letterSuggestion: letterSuggestionSchema.nullable().default(null),
});
export type LkeFramework = z.infer<typeof lkeFrameworkShape>;
export type LkeComponent = LkeFramework['components'][number];
export type LkeSubComponent = LkeComponent['subComponents'][number];
export type LkePredicate = LkeFramework['predicates'][number];
export type LetterSuggestionRule = z.infer<typeof letterSuggestionSchema>;

/** What is wrong at a path of a framework version, in both languages. */
export interface Problem { path: string; message: Words }

const sum = (xs: readonly { weight: number }[]) => xs.reduce((s, x) => s.plus(new Dec(x.weight)), new Dec(0));

function duplicates(codes: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(codes.filter((c) => (seen.has(c) ? true : (seen.add(c), false))))];
}

/**
 * What makes a version unusable: weights that do not add up (exact
 * decimals), codes out of their parent or used twice, letters or predicates
 * that do not fit the scheme.
 */
export function frameworkProblems(doc: LkeFramework): Problem[] {
  const problems: Problem[] = [];
  const subs = doc.components.flatMap((c) => c.subComponents);
  const criteria = subs.flatMap((s) => s.criteria);
  for (const [path, codes] of [['components', doc.components.map((c) => c.code)], ['subComponents', subs.map((s) => s.code)], ['criteria', criteria.map((k) => k.code)], ['letters', doc.letters.map((l) => l.letter)], ['predicates', doc.predicates.map((p) => p.code)]] as const) {
    for (const d of duplicates(codes)) problems.push({ path, message: { id: `kode ${d} dipakai dua kali`, en: `duplicate code ${d}` } });
  }
  doc.components.forEach((c, i) => {
    const subSum = sum(c.subComponents);
    if (!subSum.eq(c.weight)) {
      problems.push({ path: `components[${i}].subComponents`, message: { id: `komponen ${c.code}: bobot sub-komponen berjumlah ${subSum.toString()}, bukan ${c.weight}`, en: `component ${c.code}: sub-component weights sum to ${subSum.toString()}, not ${c.weight}` } });
    }
    c.subComponents.forEach((s, j) => {
      if (!s.code.startsWith(`${c.code}.`)) problems.push({ path: `components[${i}].subComponents[${j}].code`, message: { id: `sub-komponen ${s.code} tidak berada di bawah komponen ${c.code}`, en: `sub-component ${s.code} is not under component ${c.code}` } });
      s.criteria.forEach((k, n) => {
        if (!k.code.startsWith(`${s.code}.`)) problems.push({ path: `components[${i}].subComponents[${j}].criteria[${n}].code`, message: { id: `kriteria ${k.code} tidak berada di bawah sub-komponen ${s.code}`, en: `criterion ${k.code} is not under sub-component ${s.code}` } });
      });
    });
  });
  const total = sum(doc.components);
  if (!total.eq(100)) problems.push({ path: 'components', message: { id: `bobot komponen berjumlah ${total.toString()}, bukan 100`, en: `component weights sum to ${total.toString()}, not 100` } });
  doc.letters.forEach((l, i) => {
    if (i > 0 && !(l.share < doc.letters[i - 1].share)) problems.push({ path: `letters[${i}]`, message: { id: 'nilai jawaban harus turun dari huruf pertama ke terakhir', en: 'letter shares must descend from the first letter to the last' } });
  });
  for (const p of tilingProblems(doc.predicates, 0, 100)) {
    problems.push({ path: p.band === null ? 'predicates' : `predicates[${p.band}]`, message: { id: `rentang predikat tidak menutup 0–100 tanpa celah atau tumpang tindih (${p.code})`, en: `predicate bands do not tile 0–100 without gap or overlap (${p.code})` } });
  }
  const rule = doc.letterSuggestion;
  if (rule) {
    const known = new Set(doc.letters.map((l) => l.letter));
    for (const l of [rule.allMet.innovative, rule.allMet.extraEffort, rule.allMet.plain, rule.none, ...rule.partial.map((p) => p.letter)]) {
      if (!known.has(l)) problems.push({ path: 'letterSuggestion', message: { id: `saran huruf memakai huruf ${l} yang tidak ada`, en: `the letter suggestion uses unknown letter ${l}` } });
    }
    rule.partial.forEach((p, i) => {
      if (i > 0 && !(p.moreThan < rule.partial[i - 1].moreThan)) problems.push({ path: `letterSuggestion.partial[${i}]`, message: { id: 'ambang saran huruf harus turun', en: 'letter suggestion thresholds must descend' } });
    });
  }
  return problems;
}

/** A framework version, parsed and checked; throws a ZodError listing every problem. */
export const lkeFramework = lkeFrameworkShape.superRefine((doc, ctx) => {
  for (const p of frameworkProblems(doc)) ctx.addIssue({ code: 'custom', message: p.message.en, path: p.path.split(/[.[\]]+/).filter(Boolean) });
});

export function parseLkeFramework(doc: unknown): LkeFramework {
  return lkeFramework.parse(doc);
}

// ---------------------------------------------------------------------------
// From the shared data file (reference/sakip-lke-permenpanrb-88-2021.json)

const sourceSchema = z.object({
  regulation: z.string(),
  notes: z.string(),
  jawaban_kriteria: z.object({ values: z.record(z.string(), z.number()) }),
  jawaban_sub_komponen: z.object({ values: z.record(z.string(), z.number()), unit: z.literal('percent of sub-komponen bobot') }),
  predikat: z.array(z.object({
    kode: z.string(),
    label: z.string(),
    /** Exclusive lower bound ("> 90"); null for the lowest band, which has `nilai_min` inclusive. */
    nilai_lebih_dari: z.number().nullable(),
    nilai_min: z.number().optional(),
    nilai_maks: z.number(),
  })),
  komponen: z.array(z.object({
    kode: z.string(),
    nama: z.string(),
    bobot: z.number(),
    sub_komponen: z.array(z.object({
      kode: z.string(),
      jenis: z.string(),
      nama: z.string(),
      bobot: z.number(),
      kriteria: z.array(z.object({ kode: z.string(), uraian: z.string() })),
    })),
  })),
});

/**
 * The letter rule exactly as the data's notes quote it (one evaluator guide).
 * When a version's notes carry this sentence, the version gets the rule; a
 * corrected version can carry its own rule, or none.
 */
export const LETTER_RULE_IN_NOTES = '100% + innovative = AA, 100% + extra effort = A, 100% = BB, >75% = B, >50% = CC, >25% = C, >0% = D, 0% = E';
const LETTER_RULE: LetterSuggestionRule = {
  source: `Satu sumber (panduan evaluator, dikutip di catatan data) / single source (an evaluator guide quoted in the data's notes): ${LETTER_RULE_IN_NOTES}`,
  allMet: { innovative: 'AA', extraEffort: 'A', plain: 'BB' },
  partial: [{ moreThan: 75, letter: 'B' }, { moreThan: 50, letter: 'CC' }, { moreThan: 25, letter: 'C' }, { moreThan: 0, letter: 'D' }],
  none: 'E',
};

/** The framework from the shared JSON's Indonesian shape; bands ">x" become exclusive lower bounds. */
export function lkeFrameworkFromSource(raw: unknown): LkeFramework {
  const src = sourceSchema.parse(raw);
  const letters = Object.entries(src.jawaban_sub_komponen.values).map(([l, share]) => ({ letter: l, share })).sort((a, b) => b.share - a.share);
  const predicates = src.predikat
    .map((p) => ({
      code: p.kode,
      label: p.label,
      min: p.nilai_lebih_dari ?? p.nilai_min ?? 0,
      minInclusive: p.nilai_lebih_dari === null,
      max: p.nilai_maks,
      maxInclusive: true,
    }))
    .sort((a, b) => a.min - b.min);
  return parseLkeFramework({
    regulation: src.regulation,
    criterionAnswers: src.jawaban_kriteria.values,
    letters,
    predicates,
    components: src.komponen.map((k) => ({
      code: k.kode,
      name: k.nama,
      weight: k.bobot,
      subComponents: k.sub_komponen.map((s) => ({
        code: s.kode,
        kind: s.jenis,
        name: s.nama,
        weight: s.bobot,
        criteria: s.kriteria.map((c) => ({ code: c.kode, text: c.uraian })),
      })),
    })),
    letterSuggestion: src.notes.includes(LETTER_RULE_IN_NOTES) ? LETTER_RULE : null,
  });
}

// ---------------------------------------------------------------------------
// Scoring

/** The evaluator's letter per sub-komponen code; null or absent when not yet given. */
export type SubComponentLetters = Readonly<Record<string, string | null | undefined>>;

export interface SubComponentScore { code: string; weight: Dec; letter: string; share: Dec; score: Dec }
export interface ComponentScore { code: string; name: string; weight: Dec; score: Dec; subComponents: SubComponentScore[] }

export type EvaluationScore =
  | {
    ok: true;
    /** Σ of the components, unrounded. */
    total: Dec;
    /** The total as published: half up to two decimals; the predicate is read from it. */
    published: Dec;
    predicate: LkePredicate;
    components: ComponentScore[];
  }
  | {
    ok: false;
    /** Sub-komponen without a letter, in worksheet order. */
    missing: string[];
    /** Letters the framework does not know. */
    invalidLetters: { subComponent: string; letter: string }[];
    /** Answers for sub-komponen the framework does not have. */
    unknownSubComponents: string[];
  };

/** The predicate for a score (0–100), from the version's bands; null outside 0–100. */
export function predicateFor(score: DecLike, framework: LkeFramework): LkePredicate | null {
  return bandOf(score, framework.predicates);
}

/**
 * Scores a worksheet from one letter per sub-komponen. Any sub-komponen
 * without a valid letter, or a letter for a sub-komponen the version does not
 * have, gives no score: the answer lists what is missing or wrong.
 *
 * The predicate is read from the published (rounded) total, as KemenPANRB
 * publishes one figure and one predicate; with the 88/2021 weights and
 * letter shares every total already has at most two decimals.
 */
export function scoreEvaluation(framework: LkeFramework, letters: SubComponentLetters): EvaluationScore {
  const shares = new Map(framework.letters.map((l) => [l.letter, new Dec(l.share).div(100)]));
  const known = new Set(framework.components.flatMap((c) => c.subComponents.map((s) => s.code)));
  const missing: string[] = [];
  const invalidLetters: { subComponent: string; letter: string }[] = [];
  const unknownSubComponents = Object.keys(letters).filter((code) => !known.has(code) && letters[code] !== null && letters[code] !== undefined).sort();
  const components: ComponentScore[] = framework.components.map((c) => {
    const subComponents: SubComponentScore[] = [];
    for (const s of c.subComponents) {
      const l = Object.hasOwn(letters, s.code) ? letters[s.code] : undefined;
      if (l === null || l === undefined) { missing.push(s.code); continue; }
      const share = shares.get(l);
      if (!share) { invalidLetters.push({ subComponent: s.code, letter: l }); continue; }
      subComponents.push({ code: s.code, weight: new Dec(s.weight), letter: l, share, score: share.times(s.weight) });
    }
    return { code: c.code, name: c.name, weight: new Dec(c.weight), score: subComponents.reduce((t, s) => t.plus(s.score), new Dec(0)), subComponents };
  });
  if (missing.length > 0 || invalidLetters.length > 0 || unknownSubComponents.length > 0) return { ok: false, missing, invalidLetters, unknownSubComponents };
  const total = components.reduce((t, c) => t.plus(c.score), new Dec(0));
  const published = round2(total);
  const predicate = predicateFor(published, framework);
  // A checked framework's bands tile 0–100 and a total cannot leave 0–100 (shares ≤ 100 %, weights sum to 100).
  if (!predicate) throw new Error(`no predicate band holds ${published.toString()}`);
  return { ok: true, total, published, predicate, components };
}

// ---------------------------------------------------------------------------
// A suggestion for the evaluator (single-source rule)

/** Kriteria answers (Y/T) by kriteria code; null or absent when not answered. */
export type CriterionAnswers = Readonly<Record<string, string | null | undefined>>;

export type LetterSuggestion =
  | {
    ok: true;
    /** A suggestion only: the evaluator gives the letter. */
    suggestion: string;
    /** Share of the sub-komponen's kriteria met, in percent. */
    share: Dec;
    met: number;
    total: number;
    /** Where the rule comes from (single source). */
    source: string;
  }
  | { ok: false; reason: 'no_rule' | 'unknown_sub_component' }
  | { ok: false; reason: 'criteria_unanswered'; unanswered: string[] };

/**
 * Suggests a sub-komponen letter from its kriteria answers, with the
 * version's rule (single-source; see `letterSuggestionSchema`). With every
 * kriteria met, `innovative` and `extraEffort` are the evaluator's judgement
 * (AA and A in the 88/2021 data); without them the suggestion is BB. Every
 * kriteria must have a valid answer first.
 */
export function suggestLetterFromCriteria(
  framework: LkeFramework,
  subComponent: string,
  answers: CriterionAnswers,
  judgement: { innovative?: boolean; extraEffort?: boolean } = {},
): LetterSuggestion {
  const rule = framework.letterSuggestion;
  if (!rule) return { ok: false, reason: 'no_rule' };
  const sub = framework.components.flatMap((c) => c.subComponents).find((s) => s.code === subComponent);
  if (!sub) return { ok: false, reason: 'unknown_sub_component' };
  const values = new Map(Object.entries(framework.criterionAnswers));
  const unanswered = sub.criteria.filter((k) => !values.has(answers[k.code] ?? '')).map((k) => k.code);
  if (unanswered.length > 0) return { ok: false, reason: 'criteria_unanswered', unanswered };
  const metValue = sub.criteria.reduce((s, k) => s.plus(values.get(answers[k.code]!)!), new Dec(0));
  const share = metValue.times(100).div(sub.criteria.length);
  let suggestion: string;
  if (share.gte(100)) suggestion = judgement.innovative ? rule.allMet.innovative : judgement.extraEffort ? rule.allMet.extraEffort : rule.allMet.plain;
  else suggestion = rule.partial.find((p) => share.gt(p.moreThan))?.letter ?? rule.none;
  return { ok: true, suggestion, share, met: sub.criteria.filter((k) => values.get(answers[k.code]!) === 1).length, total: sub.criteria.length, source: rule.source };
}

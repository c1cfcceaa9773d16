// The citizen satisfaction survey (Survei Kepuasan Masyarakat, SKM) of
// PermenPANRB 14/2017, computed as the regulation does: per element (unsur)
// the average answer (nilai rata-rata, NRR) over the respondents who answered
// it, the index IKM = Σ NRR × 1/9 (equal weights), converted × 25 to 25–100,
// and the quality band (mutu A–D, kinerja) from the instrument's table. Pure:
// no database, no clock. Exact: NRR are fractions, so the index is kept as a
// fraction of integers (BigInt) and rounded once, half up, to two decimals
// BEFORE it is classified (the table's bounds are two-decimal and inclusive,
// so 88.305 is 88.31 and A, never a value "between" B and A).
import { z } from 'zod';
import { Dec } from '../../../platform/decimal.js';

export const SCALE_MIN = 1;
export const SCALE_MAX = 4;
/** The regulation's equal weight is 1/ELEMENT_COUNT per element. */
export const ELEMENT_COUNT = 9;
const CONVERSION = 25n;

// ---------------------------------------------------------------------------
// The instrument (one version of the reference data)

export interface SkmElement { code: string; name: string; question: string | null; answers: string[] | null }
export interface SkmBand { grade: string; performance: string; min: Dec; max: Dec }
export interface SkmInstrument {
  /** The version's key, stored with every response and shown with every result. */
  version: string;
  regulation: string;
  elements: SkmElement[];
  scale: { value: number; label: string }[];
  /** On the converted value (25–100), lowest first, bounds inclusive as printed. */
  bands: SkmBand[];
}

const twoPlaces = z.number().refine((x) => new Dec(x).decimalPlaces() <= 2, 'at most two decimals');

/** The reference file's shape (skm-permenpanrb-14-2017.json). */
const skmSource = z.object({
  regulation: z.string().min(1),
  unsur: z.array(z.object({
    kode: z.string().min(1), nama: z.string().min(1), pertanyaan_contoh: z.string().optional(),
    jawaban: z.array(z.string().min(1)).length(SCALE_MAX - SCALE_MIN + 1).optional(),
  })).length(ELEMENT_COUNT)
    .refine((u) => new Set(u.map((x) => x.kode)).size === u.length && new Set(u.map((x) => x.nama)).size === u.length, 'element codes and names are unique'),
  skala: z.object({
    min: z.literal(SCALE_MIN), max: z.literal(SCALE_MAX),
    nilai_persepsi: z.array(z.object({ nilai: z.number().int().min(SCALE_MIN).max(SCALE_MAX), label_umum: z.string().min(1) })),
  }),
  interval: z.array(z.object({ nilai_interval_konversi: z.tuple([twoPlaces, twoPlaces]), mutu: z.string().min(1), kinerja: z.string().min(1) })).min(1),
});

/**
 * An instrument from a reference file, checked: 9 elements with unique codes
 * and names, and bands that tile 25.00–100.00 hundredth by hundredth (each
 * band starts 0.01 above the previous one's end), so every rounded index has
 * exactly one band. Throws a ZodError or an Error naming the problem.
 */
export function skmInstrumentFromSource(version: string, raw: unknown): SkmInstrument {
  const src = skmSource.parse(raw);
  const bands = src.interval.map((b) => ({ grade: b.mutu, performance: b.kinerja, min: new Dec(b.nilai_interval_konversi[0]), max: new Dec(b.nilai_interval_konversi[1]) }))
    .sort((a, b) => a.min.comparedTo(b.min));
  const lowest = new Dec(SCALE_MIN).times(25);
  const highest = new Dec(SCALE_MAX).times(25);
  bands.forEach((b, i) => {
    const expectedMin = i === 0 ? lowest : bands[i - 1].max.plus('0.01');
    if (!b.min.eq(expectedMin) || b.max.lt(b.min)) throw new Error(`SKM ${version}: band ${b.grade} should start at ${expectedMin.toFixed(2)} and end at or above its start`);
  });
  if (!bands.at(-1)!.max.eq(highest)) throw new Error(`SKM ${version}: the bands should end at ${highest.toFixed(2)}`);
  return {
    version,
    regulation: src.regulation,
    elements: src.unsur.map((u) => ({ code: u.kode, name: u.nama, question: u.pertanyaan_contoh ?? null, answers: u.jawaban ?? null })),
    scale: src.skala.nilai_persepsi.map((p) => ({ value: p.nilai, label: p.label_umum })),
    bands,
  };
}

// ---------------------------------------------------------------------------
// One form

/** A form's answers in the instrument's element order: 1–4, or null where the respondent left the element blank. */
export type FormAnswers = readonly (number | null)[];

/** An answer as stored: the element by code and name, as the instrument version entered under named it. */
export interface StoredAnswer { code: string; name: string; value: number | null }

/** A form's answers as stored. */
export const storedAnswers = (instrument: SkmInstrument, answers: FormAnswers): StoredAnswer[] =>
  instrument.elements.map((e, i) => ({ code: e.code, name: e.name, value: answers[i] ?? null }));

/** Stored answers in the instrument's element order, paired by name (a version that swaps two codes still pairs them right). */
export function formAnswersOf(instrument: SkmInstrument, stored: readonly StoredAnswer[]): FormAnswers {
  const byName = new Map(stored.map((a) => [a.name, a.value]));
  return instrument.elements.map((e) => byName.get(e.name) ?? null);
}

/** Optional respondent profile fields the regulation's forms usually carry. */
export const GENDERS = ['male', 'female'] as const;
export const AGE_BANDS = ['under_20', '20_29', '30_39', '40_49', '50_59', '60_plus'] as const;
export const EDUCATIONS = ['none', 'sd', 'smp', 'sma', 'diploma', 's1', 's2_plus'] as const;
export const OCCUPATIONS = ['pns', 'tni_polri', 'private', 'self_employed', 'student', 'other'] as const;

export type FormProblem =
  | { code: 'out_of_range'; elements: number[] }
  | { code: 'empty' };

/** Why a form cannot be counted (element positions are 0-based), or null: an answer that is not a whole 1–4, or no answer at all. */
export function formProblem(answers: FormAnswers): FormProblem | null {
  const bad = answers.flatMap((a, i) => (a !== null && !(Number.isInteger(a) && a >= SCALE_MIN && a <= SCALE_MAX) ? [i] : []));
  if (bad.length > 0) return { code: 'out_of_range', elements: bad };
  if (answers.every((a) => a === null)) return { code: 'empty' };
  return null;
}

// ---------------------------------------------------------------------------
// The index

export interface ElementResult { code: string; name: string; answered: number; sum: number; /** 4 decimals, half up; null when nobody answered it. */ nrr: Dec | null }

/**
 * The index of a set of forms. An element nobody answered has no NRR, and
 * then there is no index (`element_unanswered`, naming them): the regulation
 * weighs the nine elements equally, so dropping one or counting it as zero
 * would both publish a figure the regulation does not define. No forms at
 * all: `no_responses`.
 */
export type SkmIndex =
  | { computable: true; respondents: number; elements: ElementResult[]; ikm: Dec; converted: Dec; band: { grade: string; performance: string } }
  | { computable: false; respondents: number; elements: ElementResult[]; reason: 'no_responses' | 'element_unanswered'; unanswered: string[] };

/** x = num/den ≥ 0 rounded half up to `places` decimals, exactly. */
function roundFraction(num: bigint, den: bigint, places: number): Dec {
  const scale = 10n ** BigInt(places);
  const units = (2n * num * scale + den) / (2n * den);
  return new Dec(units.toString()).div(scale.toString());
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** The band holding a two-decimal converted value. */
export function bandFor(instrument: SkmInstrument, converted: Dec): SkmBand | null {
  return instrument.bands.find((b) => converted.gte(b.min) && converted.lte(b.max)) ?? null;
}

/** Forms must already pass formProblem (the service refuses them otherwise). */
export function skmIndex(instrument: SkmInstrument, forms: readonly FormAnswers[]): SkmIndex {
  return skmIndexOfTotals(instrument, forms.length, instrument.elements.map((_, i) => {
    const given = forms.map((f) => f[i]).filter((a): a is number => a !== null && a !== undefined);
    return { answered: given.length, sum: given.reduce((s, a) => s + a, 0) };
  }));
}

/**
 * The same index from totals the database summed (service/skm.ts
 * skmOverall): the number of forms, and per element of the instrument (in its
 * order) how many answered it and the sum of their answers.
 */
export function skmIndexOfTotals(instrument: SkmInstrument, respondents: number, totals: readonly { answered: number; sum: number }[]): SkmIndex {
  const elements: ElementResult[] = instrument.elements.map((e, i) => {
    const { answered, sum } = totals[i] ?? { answered: 0, sum: 0 };
    return { code: e.code, name: e.name, answered, sum, nrr: answered ? roundFraction(BigInt(sum), BigInt(answered), 4) : null };
  });
  if (respondents === 0) return { computable: false, respondents, elements, reason: 'no_responses', unanswered: elements.map((e) => e.code) };
  const unanswered = elements.filter((e) => e.answered === 0).map((e) => e.code);
  if (unanswered.length > 0) return { computable: false, respondents, elements, reason: 'element_unanswered', unanswered };
  // Σ NRR as one exact fraction num/den.
  let num = 0n;
  let den = 1n;
  for (const e of elements) {
    num = num * BigInt(e.answered) + BigInt(e.sum) * den;
    den *= BigInt(e.answered);
    const g = gcd(num, den);
    num /= g;
    den /= g;
  }
  const weights = BigInt(elements.length);
  const converted = roundFraction(num * CONVERSION, den * weights, 2);
  const band = bandFor(instrument, converted)!;
  return { computable: true, respondents, elements, ikm: roundFraction(num, den * weights, 4), converted, band: { grade: band.grade, performance: band.performance } };
}

// ---------------------------------------------------------------------------
// Sample sufficiency

const CHI_SQUARE = new Dec('3.841'); // one degree of freedom, 95 % confidence
const P = new Dec('0.5');
const D = new Dec('0.05');

/**
 * The respondents needed for a population of `population` service users:
 * Krejcie & Morgan (1970), s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)) with
 * χ² = 3.841, P = 0.5, d = 0.05: the formula their table, to which the
 * regulation points, was computed from (N = 100 → 80, 1 000 → 278). Rounded
 * up, so the sample is never short (the table rounds to the nearest: 44.34
 * for N = 50 is 44 there, 45 here). One division of exact decimals, so an
 * integer quotient stays an integer.
 */
export function requiredSample(population: number): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError(`population must be a whole number ≥ 0, got ${population}`);
  if (population === 0) return 0;
  const pq = P.times(new Dec(1).minus(P));
  const s = CHI_SQUARE.times(population).times(pq).div(D.pow(2).times(population - 1).plus(CHI_SQUARE.times(pq)));
  return s.ceil().toNumber();
}

// ---------------------------------------------------------------------------
// Periods

export type PeriodKind = 'year' | 'semester' | 'quarter' | 'month';
export interface Period { key: string; kind: PeriodKind; year: number; /** First day, YYYY-MM-DD. */ from: string; /** The day after the last, YYYY-MM-DD. */ until: string }

export const PERIOD_PATTERN = /^(\d{4})(?:-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const firstDay = (year: number, month: number) => `${year + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`;

/** `2026`, `2026-S1`, `2026-Q1` or `2026-03` as the dates it covers; null for anything else. */
export function parsePeriod(key: string): Period | null {
  const m = PERIOD_PATTERN.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  const part = m[2];
  const [kind, start, months]: [PeriodKind, number, number] = !part ? ['year', 1, 12]
    : part[0] === 'S' ? ['semester', (Number(part[1]) - 1) * 6 + 1, 6]
      : part[0] === 'Q' ? ['quarter', (Number(part[1]) - 1) * 3 + 1, 3]
        : ['month', Number(part), 1];
  return { key, kind, year, from: firstDay(year, start), until: firstDay(year, start + months) };
}

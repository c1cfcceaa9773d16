// Letter numbers from the region's pattern, such as
// `{klasifikasi}/{nomor}/{kode_unit}/{tahun}` → `800.1.11.1/017/DISKOMINFO/2026`.
// The sequence is counted per series (the number with its sequence and month
// left out) and restarts every local year: a pattern naming the unit counts
// per unit, one naming the classification per classification, one naming
// neither for the whole region. Numbers are given at signing, never before.
import { padSequence, patternProblem, romanMonth } from '../../layanan/index.js';

export const LETTER_TOKENS = ['nomor', 'klasifikasi', 'kode_unit', 'kode_jenis', 'kode_keamanan', 'bulan_romawi', 'bulan', 'tahun'] as const;
export type LetterToken = (typeof LETTER_TOKENS)[number];
export const DEFAULT_LETTER_PATTERN = '{klasifikasi}/{nomor}/{kode_unit}/{tahun}';
export const LETTER_PATTERN_MAX = 120;

const TOKEN = /\{([a-z_]+)\}/g;

/** What a pattern is filled with, besides the sequence. */
export interface LetterNumberValues {
  classification: string;
  unitCode: string;
  documentTypeCode: string;
  /** B, T, R or SR (domain/letter.ts SECURITY_CODE). */
  securityCode: string;
  /** The region's local date of signing, YYYY-MM-DD. */
  localDate: string;
}

/** A document type's short code in numbers: the initials of its code (surat-tugas → ST, nota-dinas → ND). */
export const typeAbbreviation = (code: string): string => code.split('-').filter(Boolean).map((w) => w[0]).join('').toUpperCase();

/** Why a pattern cannot number letters (unknown tokens, {nomor} or {tahun} missing), or null. */
export const letterPatternProblem = (pattern: string) => patternProblem(pattern, LETTER_TOKENS);

function fill(pattern: string, v: LetterNumberValues, sequence: string, withMonth: boolean): string {
  const [year, month] = v.localDate.split('-').map(Number);
  const values: Record<LetterToken, string> = {
    nomor: sequence, klasifikasi: v.classification, kode_unit: v.unitCode, kode_jenis: typeAbbreviation(v.documentTypeCode), kode_keamanan: v.securityCode,
    bulan_romawi: withMonth ? romanMonth(month) : '', bulan: withMonth ? String(month).padStart(2, '0') : '', tahun: String(year),
  };
  return pattern.replace(TOKEN, (_, t: LetterToken) => values[t]);
}

export const formatLetterNumber = (pattern: string, v: LetterNumberValues, sequence: number) => fill(pattern, v, padSequence(sequence), true);

/** The series the sequence counts in: the number without its sequence and month (with the local year it keys the counter). */
export const letterSeries = (pattern: string, v: LetterNumberValues) => fill(pattern, v, '#', false);

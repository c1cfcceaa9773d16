// Document numbers from a region's pattern, such as
// `{nomor}/{kode_layanan}/{kode_unit}/{bulan_romawi}/{tahun}` →
// `017/SKTM/DINSOS/XII/2026`. The sequence restarts every year (the region's
// local year) and is counted per series: the number with its sequence and
// month left out. So a pattern naming the service counts per service code, one
// naming only the unit counts per unit, one naming neither counts for the
// whole region, and a number is never given twice.

export const NUMBER_TOKENS = ['nomor', 'kode_layanan', 'kode_unit', 'bulan_romawi', 'bulan', 'tahun'] as const;
export type NumberToken = (typeof NUMBER_TOKENS)[number];

export const DEFAULT_PATTERN = '{nomor}/{kode_layanan}/{kode_unit}/{bulan_romawi}/{tahun}';
export const PATTERN_MAX = 120;
/** The sequence is written with at least this many digits (017). */
export const SEQUENCE_DIGITS = 3;

const TOKEN = /\{([a-z_]+)\}/g;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** What a pattern is filled with, besides the sequence. */
export interface NumberValues {
  serviceCode: string;
  unitCode: string;
  /** The region's local date, YYYY-MM-DD. */
  localDate: string;
}

/** Why a pattern cannot number documents, or null when it can; `tokens` are those its numbers are filled with (correspondence has its own). */
export function patternProblem(pattern: string, tokens: readonly string[] = NUMBER_TOKENS): { unknown?: string[]; missing?: ('nomor' | 'tahun')[] } | null {
  const used = [...pattern.matchAll(TOKEN)].map((m) => m[1]);
  const unknown = used.filter((t) => !tokens.includes(t));
  // Without the sequence two documents share a number; without the year the yearly restart repeats last year's.
  const missing = (['nomor', 'tahun'] as const).filter((t) => !used.includes(t));
  if (unknown.length === 0 && missing.length === 0) return null;
  return { ...(unknown.length ? { unknown } : {}), ...(missing.length ? { missing } : {}) };
}

export const romanMonth = (month: number): string => {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month}`);
  return ROMAN[month - 1];
};

export const padSequence = (n: number): string => String(n).padStart(SEQUENCE_DIGITS, '0');

function fill(pattern: string, v: NumberValues, sequence: string, withMonth: boolean): string {
  const [year, m] = v.localDate.split('-').map(Number);
  const values: Record<NumberToken, string> = {
    nomor: sequence, kode_layanan: v.serviceCode, kode_unit: v.unitCode,
    bulan_romawi: withMonth ? romanMonth(m) : '', bulan: withMonth ? String(m).padStart(2, '0') : '', tahun: String(year),
  };
  return pattern.replace(TOKEN, (_, t: NumberToken) => values[t]);
}

/** The number a sequence value makes. */
export const formatNumber = (pattern: string, v: NumberValues, sequence: number): string => fill(pattern, v, padSequence(sequence), true);

/** The series a number is counted in (the number without its sequence and month); with the local year it keys the counter. */
export const seriesOf = (pattern: string, v: NumberValues): string => fill(pattern, v, '#', false);

/** The year the sequence restarts in: the region's local year. */
export const numberingYear = (localDate: string): number => Number(localDate.slice(0, 4));

const SMALL_WORDS = new Set(['dan', 'di', 'ke', 'dari', 'untuk', 'atau', 'yang', 'the', 'of', 'and']);

/**
 * A service's code in its numbers (services have no code of their own yet):
 * the abbreviation its name gives in brackets (Surat Keterangan Tidak Mampu
 * (SKTM) → SKTM), else the initials of its words (Izin Penyelenggaraan
 * Reklame → IPR), where a word in capitals is an abbreviation already and is
 * kept whole (Rekomendasi UKL-UPL → RUKLUPL).
 */
export function serviceCodeOf(name: string): string {
  const given = /\(([A-Z0-9-]{2,})\)/.exec(name)?.[1];
  if (given) return given.replace(/-/g, '');
  const words = name.split(/[\s/]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  const code = words.map((w) => {
    const letters = w.replace(/[^A-Za-z0-9]/g, '');
    return letters.length > 1 && letters === letters.toUpperCase() ? letters : letters.slice(0, 1).toUpperCase();
  }).join('');
  return code || 'LAYANAN';
}

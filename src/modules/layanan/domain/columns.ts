// Reading the CSV files finance staff bring (a bank statement, the tax
// system's bills): columns found by their header in Indonesian or English,
// rupiah written as Indonesians and spreadsheets write them, dates as ISO or
// day/month/year. Pure; a cell that does not read is null, and the caller
// says which line and why.
import { parseCsv } from '../../../platform/csv.js';
import type { Words } from '../../../platform/errors.js';

export interface LineProblem { line: number; message: Words }

/**
 * The data rows and each column's index by its canonical name, found by the
 * header row (case, spaces and underscores ignored; each column's names list
 * the Indonesian first and the English last, and a missing one is named by
 * both), or the problems that stop the whole file.
 */
export function readTable<K extends string>(text: string, aliases: Record<K, readonly string[]>, rowsNeeded: Words):
  { ok: true; rows: string[][]; at: Record<K, number> } | { ok: false; problems: LineProblem[] } {
  const { rows } = parseCsv(text);
  if (rows.length < 2) return { ok: false, problems: [{ line: 1, message: { id: `perlu satu baris judul kolom dan sedikitnya satu ${rowsNeeded.id}`, en: `a header row and at least one ${rowsNeeded.en} are needed` } }] };
  const norm = (h: string) => h.trim().toLowerCase().replace(/[\s_-]+/g, '');
  const cells = rows[0].map(norm);
  const at = {} as Record<K, number>;
  const problems: LineProblem[] = [];
  for (const key of Object.keys(aliases) as K[]) {
    at[key] = cells.findIndex((c) => aliases[key].some((a) => norm(a) === c));
    if (at[key] < 0) problems.push({ line: 1, message: { id: `kolom ${aliases[key][0]} tidak ada`, en: `missing column ${aliases[key].at(-1)}` } });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows: rows.slice(1), at };
}

/**
 * Whole rupiah: "245000", "245.000" or "245,000" (thousands grouped by three),
 * "Rp 245.000", "245.000,00" or "245000.00" (zero cents). Anything with real
 * cents, or ambiguous, is null rather than guessed.
 */
export function rupiah(text: string): number | null {
  const t = text.trim().replace(/^rp\.?\s*/i, '').replace(/\s/g, '');
  const m = /^(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*|\d+)(?:([.,])00?)?$/.exec(t);
  // "1.000.00": the cents cannot share the thousands' separator.
  if (!m || (m[2] && m[2] === m[3])) return null;
  const n = Number(m[1].replace(/[.,]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** A date as 2026-11-02, 02/11/2026 or 02-11-2026 (day first, as Indonesian files write it), checked to exist. */
export function calendarDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const dmy = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2].padStart(2, '0'), dmy[1].padStart(2, '0')] : [];
  if (!y) return null;
  const date = `${y}-${mo}-${d}`;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(date) ? date : null;
}

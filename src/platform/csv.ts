import { parse } from 'csv-parse/sync';
import { AppError } from './errors.js';

// CSV (RFC 4180) both ways: writing cells a spreadsheet cannot run as
// formulas, and reading what spreadsheets save, including the semicolon
// separator that Excel uses in Indonesian locales.

/** Quotes when needed, and defuses text a spreadsheet would run as a formula. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTable(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Rows of cells; the separator is ';' when the first line has semicolons and no commas. */
export function parseCsv(input: string): { rows: string[][]; separator: ',' | ';' } {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: separator, relax_column_count: true, skip_empty_lines: true });
  } catch (err) {
    // Unbalanced quotes and the like: the file is the caller's to fix.
    throw new AppError('request.invalid', { csv: (err as Error).message });
  }
  return { rows: rows.filter((r) => r.some((c) => c.trim() !== '')), separator };
}

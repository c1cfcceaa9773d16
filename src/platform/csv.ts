import { parse } from 'csv-parse/sync';
import { AppError } from './errors.js';
import type { Locale } from './i18n.js';
import { timezoneLabel, utcOffsetMinutes, type TimeZone } from './regions/areas.js';

// CSV (RFC 4180) both ways: writing files that Excel opens as columns in the
// reader's language, with cells it cannot run as formulas, and reading what
// spreadsheets save, including the semicolon separator that Excel uses in
// Indonesian locales.

export type CsvValue = string | number | Date | null | undefined;

/**
 * How a file is written for a reader. Excel in Indonesian splits columns on ';'
 * and reads '3,5' as a number; in English it wants ',' and '3.5'. Both need the
 * byte-order mark to read UTF-8 (otherwise "Pelayanan – izin" comes out garbled).
 */
export interface CsvDialect {
  separator: ',' | ';';
  decimal: ',' | '.';
  /** Dates are written as local wall-clock time of this zone: "2026-11-02 09:30". */
  timeZone: TimeZone;
}

export const csvDialect = (locale: Locale, timeZone: TimeZone): CsvDialect =>
  locale === 'id' ? { separator: ';', decimal: ',', timeZone } : { separator: ',', decimal: '.', timeZone };

/** "(WIB)": said once in a date column's header, since cells carry only the wall-clock time. */
export const zoneSuffix = (d: CsvDialect) => ` (${timezoneLabel[d.timeZone]})`;

/** A date as the region's wall-clock time, in the form Excel reads as a date in any language. */
export function localDateTime(at: Date, timeZone: TimeZone): string {
  return new Date(at.getTime() + utcOffsetMinutes[timeZone] * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Quotes text holding either separator (so either reader splits it right), and defuses text a spreadsheet would run as a formula. */
export function csvCell(v: CsvValue, d: CsvDialect): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v).replace('.', d.decimal);
  if (v instanceof Date) return localDateTime(v, d.timeZone);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: byte-order mark, header, rows, CRLF line ends. */
export function csvFile(header: string[], rows: CsvValue[][], d: CsvDialect): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map((c) => csvCell(c, d)).join(d.separator)).join('\r\n') + '\r\n';
}

/** Rows of cells; the separator is ';' when the first line has semicolons and no commas. */
export function parseCsv(input: string): { rows: string[][]; separator: ',' | ';' } {
  const text = input.replace(/^\uFEFF/, '');
  // Quoted cells may hold either character ("Median (jam, perkiraan)"): only the bare text counts.
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
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

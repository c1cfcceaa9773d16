// A bank statement (mutasi rekening) as a CSV, for payments that reached the
// region's account without a callback: each line's date, amount, description
// and the bank's reference. The billing code is found in the description (a
// payer types it as the transfer's note); a line is matched by that code and
// the exact amount. Pure: which lines read and which code each names.
import { isBillingCodeOf } from './billing.js';
import { calendarDate, readTable, rupiah, type LineProblem } from './columns.js';
import type { LineOutcome } from './line-outcomes.js';

const ALIASES = {
  date: ['tanggal', 'tgl', 'date', 'tanggal transaksi'],
  amount: ['jumlah', 'nominal', 'kredit', 'credit', 'amount'],
  description: ['keterangan', 'uraian', 'berita', 'remark', 'description'],
  reference: ['referensi', 'no referensi', 'nomor referensi', 'ref', 'reference'],
} as const;

export interface StatementLine { line: number; date: string; amount: number; description: string; reference: string; billingCode: string | null }

export interface ReconciliationLine {
  line: number; date: string | null; amount: number | null; description: string; reference: string; billingCode: string | null; outcome: LineOutcome;
}

/** The region's billing codes in a description: 14-digit runs whose check digit holds (a payer may add spaces or dots between groups). */
export function billingCodesIn(description: string, regionCode: string): string[] {
  const runs = description.replace(/(\d)[\s.-](?=\d)/g, '$1').match(/\d{14,}/g) ?? [];
  return [...new Set(runs.filter((r) => r.length === 14 && isBillingCodeOf(r, regionCode)))];
}

export type ParsedStatement = { ok: false; problems: LineProblem[] } | { ok: true; lines: (StatementLine | ReconciliationLine)[] };

/**
 * The statement's lines. A missing column refuses the whole file; a line that
 * does not read, or repeats a reference already seen in the file, comes back
 * as a finished ReconciliationLine (invalid, duplicate_line); the others as
 * StatementLines for matching.
 */
export function parseStatement(text: string, regionCode: string): ParsedStatement {
  const table = readTable(text, ALIASES, { id: 'baris mutasi', en: 'statement line' });
  if (!table.ok) return table;
  const { rows, at } = table;
  const seen = new Set<string>();
  const lines = rows.map((cells, i) => {
    const cell = (k: number) => (cells[k] ?? '').trim();
    const base = { line: i + 2, description: cell(at.description), reference: cell(at.reference) };
    const date = calendarDate(cell(at.date));
    const amount = rupiah(cell(at.amount));
    const codes = billingCodesIn(base.description, regionCode);
    const billingCode = codes.length === 1 ? codes[0] : null;
    if (!date || !amount || !base.reference) return { ...base, date, amount, billingCode, outcome: 'invalid' as const };
    if (seen.has(base.reference)) return { ...base, date, amount, billingCode, outcome: 'duplicate_line' as const };
    seen.add(base.reference);
    // No code, or two codes in one transfer: nothing to match it to with certainty.
    if (!billingCode) return { ...base, date, amount, billingCode, outcome: 'unknown_code' as const };
    return { ...base, date, amount, billingCode };
  });
  return { ok: true, lines };
}

export const isMatchable = (l: StatementLine | ReconciliationLine): l is StatementLine => !('outcome' in l);

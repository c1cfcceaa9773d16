// Regional tax bills as the region's tax system exports them (a CSV: object
// number NOP, tax type, tax year, taxpayer's name, amount, due date), checked
// whole before anything is saved: every problem comes back with its line.
import { calendarDate, readTable, rupiah, type LineProblem } from './columns.js';

const ALIASES = {
  nop: ['nop', 'nomor objek pajak', 'tax object number'],
  taxType: ['jenis pajak', 'jenis', 'tax type'],
  taxYear: ['tahun pajak', 'tahun', 'tax year'],
  payerName: ['nama wajib pajak', 'nama wp', 'nama', 'payer name'],
  amount: ['jumlah', 'pokok', 'ketetapan', 'amount'],
  dueDate: ['jatuh tempo', 'tanggal jatuh tempo', 'due date'],
} as const;

export interface TaxBillRow { line: number; nop: string; taxType: string; taxYear: number; payerName: string; amount: number; dueDate: string }

/** The NOP's 18 digits (province, regency, district, village, block, number, code), however it is punctuated. */
export function nopDigits(text: string): string | null {
  const digits = text.replace(/[\s.-]/g, '');
  return /^\d{18}$/.test(digits) ? digits : null;
}

/** The rows, or every problem in the file; `today` is the region's date (a bill already past due is not imported). */
export function parseTaxBills(text: string, today: string): { rows: TaxBillRow[]; problems: LineProblem[] } {
  const table = readTable(text, ALIASES, { id: 'tagihan', en: 'bill' });
  if (!table.ok) return { rows: [], problems: table.problems };
  const { rows, at } = table;
  const problems: LineProblem[] = [];
  const out: TaxBillRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const line = i + 2;
    const cell = (k: number) => (cells[k] ?? '').trim();
    const bad = (id: string, en: string) => problems.push({ line, message: { id, en } });
    const nop = nopDigits(cell(at.nop));
    if (!nop) return bad(`NOP ${cell(at.nop) || '(kosong)'} harus 18 angka`, `NOP ${cell(at.nop) || '(empty)'} must be 18 digits`);
    // Upper case, as tax systems write them (PBB-P2), so a re-import in another case is the same bill.
    const taxType = cell(at.taxType).toUpperCase();
    if (!taxType || taxType.length > 60) return bad('jenis pajak kosong atau lebih dari 60 karakter', 'tax type empty or longer than 60 characters');
    const taxYear = Number(cell(at.taxYear));
    if (!/^\d{4}$/.test(cell(at.taxYear)) || taxYear < 2000 || taxYear > 2099) return bad(`tahun pajak ${cell(at.taxYear) || '(kosong)'} bukan tahun`, `tax year ${cell(at.taxYear) || '(empty)'} is not a year`);
    const payerName = cell(at.payerName);
    if (!payerName || payerName.length > 200) return bad('nama wajib pajak kosong atau lebih dari 200 karakter', 'payer name empty or longer than 200 characters');
    const amount = rupiah(cell(at.amount));
    if (!amount) return bad(`jumlah ${cell(at.amount) || '(kosong)'} harus rupiah bulat lebih dari 0`, `amount ${cell(at.amount) || '(empty)'} must be whole rupiah above 0`);
    const dueDate = calendarDate(cell(at.dueDate));
    if (!dueDate) return bad(`jatuh tempo ${cell(at.dueDate) || '(kosong)'} bukan tanggal (2026-12-31 atau 31/12/2026)`, `due date ${cell(at.dueDate) || '(empty)'} is not a date (2026-12-31 or 31/12/2026)`);
    if (dueDate < today) return bad(`jatuh tempo ${dueDate} sudah lewat`, `due date ${dueDate} has passed`);
    const key = `${nop}/${taxType}/${taxYear}`;
    const first = seen.get(key);
    if (first) return bad(`NOP, jenis dan tahun pajak yang sama dengan baris ${first}`, `same NOP, tax type and year as line ${first}`);
    seen.set(key, line);
    out.push({ line, nop, taxType, taxYear, payerName, amount, dueDate });
  });
  return { rows: out, problems };
}

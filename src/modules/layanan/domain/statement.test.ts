// Reading finance staff's CSV files: rupiah and dates as Indonesian files
// write them, billing codes found in a transfer's description, a statement's
// lines sorted into matchable and finished ones, and a tax-bill file checked
// whole with every bad line named.
import { describe, expect, it } from 'vitest';
import { billingCode } from './billing.js';
import { calendarDate, rupiah } from './columns.js';
import { billingCodesIn, isMatchable, parseStatement } from './statement.js';
import { nopDigits, parseTaxBills } from './tax-bills.js';

describe('cells', () => {
  it('reads whole rupiah however the thousands are grouped, never guessing at cents', () => {
    expect(['245000', '245.000', '245,000', 'Rp 245.000', 'Rp. 245.000,00', '245000.00', '1.250.000'].map(rupiah)).toEqual([245_000, 245_000, 245_000, 245_000, 245_000, 245_000, 1_250_000]);
    expect(['245.5', '1.25', '24.50', '-5', '', 'abc', '1.000,50', '1.000.00'].map(rupiah)).toEqual([null, null, null, null, null, null, null, null]);
  });

  it('reads ISO and day-first dates and refuses days that do not exist', () => {
    expect(['2026-12-31', '31/12/2026', '1-2-2026'].map(calendarDate)).toEqual(['2026-12-31', '2026-12-31', '2026-02-01']);
    expect(['2026-02-30', '12/31/2026', '2026/12/31', ''].map(calendarDate)).toEqual([null, null, null, null]);
  });

  it('reads a NOP in its 18 digits however it is punctuated', () => {
    expect(nopDigits('32.11.010.001.005-0001.0')).toBe('321101000100500010');
    expect(nopDigits('3211010001')).toBeNull();
  });
});

describe('bank statement', () => {
  const code = billingCode('32.11', 2026, 7);
  it('finds the region\'s billing codes in a description, spaced or not, and only those whose check digit holds', () => {
    expect(billingCodesIn(`TRF ${code} BUDI`, '32.11')).toEqual([code]);
    expect(billingCodesIn(`BAYAR ${code.slice(0, 4)} ${code.slice(4, 6)} ${code.slice(6)}`, '32.11')).toEqual([code]);
    expect(billingCodesIn(`BAYAR ${code.slice(0, -1)}${(Number(code.at(-1)) + 1) % 10}`, '32.11')).toEqual([]);
    expect(billingCodesIn(`BAYAR ${billingCode('32.04', 2026, 7)}`, '32.11')).toEqual([]);
  });

  it('sorts lines into matchable ones and finished ones (unreadable, repeated reference, no single code)', () => {
    const parsed = parseStatement([
      'date,amount,description,reference', `2026-11-02,"150,000",PAY ${code},R1`, `2026-11-02,150000,PAY ${code},R1`, '2026-11-02,150000,NO CODE,R2',
      `2026-11-02,150000,${code} ${billingCode('32.11', 2026, 8)},R3`, `02/11/2026,abc,PAY ${code},R4`, `2026-11-02,150000,PAY ${code},`,
    ].join('\n'), '32.11');
    if (!parsed.ok) throw new Error('not ok');
    expect(parsed.lines.map((l) => (isMatchable(l) ? [l.line, 'match', l.amount] : [l.line, l.outcome]))).toEqual([
      [2, 'match', 150_000], [3, 'duplicate_line'], [4, 'unknown_code'], [5, 'unknown_code'], [6, 'invalid'], [7, 'invalid'],
    ]);
  });

  it('refuses a file without its columns, naming them in both languages', () => {
    const parsed = parseStatement('tanggal,jumlah\n2026-11-02,1000', '32.11');
    expect(parsed.ok ? [] : parsed.problems.map((p) => [p.message.id, p.message.en])).toEqual([['kolom keterangan tidak ada', 'missing column description'], ['kolom referensi tidak ada', 'missing column reference']]);
  });
});

describe('tax bills file', () => {
  const header = 'nop,jenis pajak,tahun pajak,nama wajib pajak,jumlah,jatuh tempo';
  it('names every bad line, and a repeated NOP, type and year', () => {
    const { rows, problems } = parseTaxBills([header, '321101000100500010,PBB-P2,2026,Ani,1000,2026-12-31', '321101000100500010,pbb-p2,2026,Ani,1000,2026-12-31',
      '321101000100500020,PBB-P2,26,Budi,1000,2026-12-31', '321101000100500030,,2026,Cici,1000,2026-12-31', '321101000100500040,PBB-P2,2026,Dodi,1000,2026-11-01'].join('\n'), '2026-11-02');
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(problems.map((p) => [p.line, p.message.en])).toEqual([
      [3, 'same NOP, tax type and year as line 2'], [4, 'tax year 26 is not a year'], [5, 'tax type empty or longer than 60 characters'], [6, 'due date 2026-11-01 has passed'],
    ]);
  });
});

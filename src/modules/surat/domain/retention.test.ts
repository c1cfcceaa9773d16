// The retention rules records staff rely on: the nearest schedule row
// covers a code, periods run from closing, and a file is due only once its
// period has ended and only for what its fate allows.
import { describe, expect, it } from 'vitest';
import { addYears, ancestorsOf, coveringRule, dueAt, mayTake, periodsOf, readSchedule, type RetentionRule } from './retention.js';

const rule = (classificationCode: string, activeYears = 2, inactiveYears = 3, fate: RetentionRule['fate'] = 'musnah'): RetentionRule => ({ classificationCode, activeYears, inactiveYears, fate });

describe('retention schedule', () => {
  it('takes the longest covering code, never a sibling that only shares digits', () => {
    const rules = [rule('000'), rule('000.1', 5), rule('000.1.1.2', 1)];
    expect(coveringRule(rules, '000.1.1.2')?.activeYears).toBe(1);
    expect(coveringRule(rules, '000.1.1.3')?.activeYears).toBe(5);
    expect(coveringRule(rules, '000.10')?.classificationCode).toBe('000');
    expect(coveringRule(rules, '100.1')).toBeNull();
    expect(ancestorsOf('000.1.1.2')).toEqual(['000', '000.1', '000.1.1', '000.1.1.2']);
  });

  it('ends the periods whole years after closing, 29 February on 28 February', () => {
    expect(periodsOf('2020-03-15', rule('000', 2, 3, 'permanen'))).toEqual({ activeUntil: '2022-03-15', inactiveUntil: '2025-03-15', fate: 'permanen' });
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('makes a closed file due for transfer, then for its fate, and nothing open or disposed of', () => {
    const file = { status: 'closed', activeUntil: '2022-03-15', inactiveUntil: '2025-03-15', fate: 'musnah' };
    expect(dueAt(file, '2022-03-14')).toBeNull();
    expect(dueAt(file, '2022-03-15')).toBe('transfer');
    expect(dueAt(file, '2025-03-15')).toBe('fate');
    expect(dueAt({ ...file, status: 'transferred' }, '2024-01-01')).toBeNull();
    expect(dueAt({ ...file, status: 'destroyed' }, '2030-01-01')).toBeNull();
    expect(dueAt({ status: 'open', activeUntil: null, inactiveUntil: null, fate: null }, '2030-01-01')).toBeNull();
  });

  it('allows only the action the fate says once due; re-appraisal either way', () => {
    const file = { status: 'transferred', activeUntil: '2022-03-15', inactiveUntil: '2025-03-15', fate: 'musnah' };
    expect(mayTake(file, 'destroy', '2025-03-14')).toBe(false);
    expect(mayTake(file, 'destroy', '2025-03-15')).toBe(true);
    expect(mayTake(file, 'permanent', '2025-03-15')).toBe(false);
    expect(mayTake(file, 'transfer', '2025-03-15')).toBe(false);
    expect(mayTake({ ...file, status: 'closed' }, 'transfer', '2022-03-15')).toBe(true);
    expect(mayTake({ ...file, fate: 'permanen' }, 'destroy', '2026-01-01')).toBe(false);
    const reappraise = { ...file, fate: 'dinilai_kembali' };
    expect([mayTake(reappraise, 'destroy', '2026-01-01'), mayTake(reappraise, 'permanent', '2026-01-01')]).toEqual([true, true]);
  });

  it('reads a schedule with Indonesian headers and names every bad row', () => {
    const good = readSchedule([['Kode Klasifikasi', 'Aktif (tahun)', 'Inaktif (tahun)', 'Keterangan'], ['000.1', '2', '3', 'Dinilai Kembali'], ['', '', '', ''], ['800', '1', '4', 'musnah']]);
    expect(good.problems).toEqual([]);
    expect(good.rows.map((r) => [r.row, r.classificationCode, r.fate])).toEqual([[2, '000.1', 'dinilai_kembali'], [4, '800', 'musnah']]);
    const bad = readSchedule([['kode klasifikasi', 'aktif', 'inaktif', 'keterangan'], ['000.1', 'dua', '3', 'musnah'], ['000.1', '2', '3', 'dibakar'], ['abc', '1', '1', 'permanen']]);
    expect(bad.rows).toEqual([]);
    expect(bad.problems.map((p) => p.row)).toEqual([2, 3, 3, 4]);
    expect(readSchedule([['kode', 'aktif']]).problems[0]).toMatchObject({ row: 1 });
  });
});

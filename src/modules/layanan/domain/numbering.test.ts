import { describe, expect, it } from 'vitest';
import { DEFAULT_PATTERN, formatNumber, numberingYear, padSequence, patternProblem, romanMonth, seriesOf, serviceCodeOf } from './numbering.js';

const values = { serviceCode: 'SKTM', unitCode: 'DINSOS', localDate: '2026-12-06' };

describe('document numbers', () => {
  it('fills the pattern as the region writes its letters', () => {
    expect(formatNumber(DEFAULT_PATTERN, values, 17)).toBe('017/SKTM/DINSOS/XII/2026');
    expect(formatNumber('{kode_unit}-{tahun}.{bulan}.{nomor}', { ...values, localDate: '2027-03-01' }, 1234)).toBe('DINSOS-2027.03.1234');
  });

  it('writes every month in Roman numerals and refuses what is not a month', () => {
    expect(Array.from({ length: 12 }, (_, i) => romanMonth(i + 1))).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
    expect(() => romanMonth(0)).toThrow(RangeError);
    expect(() => romanMonth(13)).toThrow(RangeError);
  });

  it('pads the sequence to three digits and never cuts a longer one', () => {
    expect([1, 9, 10, 999, 1000].map(padSequence)).toEqual(['001', '009', '010', '999', '1000']);
  });

  it('counts per service when the pattern names it, else per unit, else for the region, and never per month', () => {
    const other = { ...values, serviceCode: 'SKD' };
    expect(seriesOf(DEFAULT_PATTERN, values)).not.toBe(seriesOf(DEFAULT_PATTERN, other));
    expect(seriesOf(DEFAULT_PATTERN, values)).toBe(seriesOf(DEFAULT_PATTERN, { ...values, localDate: '2026-01-02' }));
    expect(seriesOf('{nomor}/{kode_unit}/{tahun}', values)).toBe(seriesOf('{nomor}/{kode_unit}/{tahun}', other));
    expect(seriesOf('{nomor}/{kode_unit}/{tahun}', values)).not.toBe(seriesOf('{nomor}/{kode_unit}/{tahun}', { ...values, unitCode: 'DPMPTSP' }));
  });

  it('restarts in the region\'s local year', () => {
    expect(numberingYear('2027-01-01')).toBe(2027);
  });

  it('refuses a pattern with unknown tokens, without the sequence or without the year', () => {
    expect(patternProblem(DEFAULT_PATTERN)).toBeNull();
    expect(patternProblem('{nomor}/{kode}/{tahun}')).toEqual({ unknown: ['kode'] });
    expect(patternProblem('SK/{bulan_romawi}')).toEqual({ missing: ['nomor', 'tahun'] });
  });

  it('makes a service code from its name\'s initials, keeping abbreviations', () => {
    expect(serviceCodeOf('Surat Keterangan Tidak Mampu')).toBe('SKTM');
    expect(serviceCodeOf('Surat Keterangan Tidak Mampu (SKTM)')).toBe('SKTM');
    expect(serviceCodeOf('Rekomendasi UKL-UPL')).toBe('RUKLUPL');
    expect(serviceCodeOf('Izin Penyelenggaraan Reklame')).toBe('IPR');
    expect(serviceCodeOf('Surat Keterangan Domisili untuk Usaha')).toBe('SKDU');
  });
});

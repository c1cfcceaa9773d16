import { describe, expect, it } from 'vitest';
import { DEFAULT_LETTER_PATTERN, formatLetterNumber, letterPatternProblem, letterSeries, typeAbbreviation } from './numbering.js';

const values = { classification: '800.1.11.1', unitCode: 'DISKOMINFO', documentTypeCode: 'surat-tugas', securityCode: 'B', localDate: '2026-12-07' };

describe('letter numbers', () => {
  it('fills every token, the sequence with three digits', () => {
    expect(formatLetterNumber(DEFAULT_LETTER_PATTERN, values, 17)).toBe('800.1.11.1/017/DISKOMINFO/2026');
    expect(formatLetterNumber('{kode_keamanan}/{kode_jenis}/{nomor}/{bulan_romawi}/{bulan}/{tahun}', values, 1234)).toBe('B/ST/1234/XII/12/2026');
  });

  it('counts per series: the number without its sequence and month', () => {
    const pattern = '{klasifikasi}/{nomor}/{kode_unit}/{bulan_romawi}/{tahun}';
    expect(letterSeries(pattern, values)).toBe(letterSeries(pattern, { ...values, localDate: '2026-01-02' }));
    expect(letterSeries(pattern, values)).not.toBe(letterSeries(pattern, { ...values, unitCode: 'DLH' }));
    // A pattern without the classification counts all the unit's letters together.
    expect(letterSeries('{nomor}/{kode_unit}/{tahun}', values)).toBe(letterSeries('{nomor}/{kode_unit}/{tahun}', { ...values, classification: '000.1.1' }));
  });

  it('refuses unknown tokens and a pattern without {nomor} or {tahun}', () => {
    expect(letterPatternProblem(DEFAULT_LETTER_PATTERN)).toBeNull();
    expect(letterPatternProblem('{nomor}/{kode_layanan}/{tahun}')).toEqual({ unknown: ['kode_layanan'] });
    expect(letterPatternProblem('{klasifikasi}/{kode_unit}')).toEqual({ missing: ['nomor', 'tahun'] });
  });

  it('abbreviates a document type by the initials of its code', () => {
    expect(typeAbbreviation('nota-dinas')).toBe('ND');
    expect(typeAbbreviation('standar-operasional-prosedur')).toBe('SOP');
  });
});

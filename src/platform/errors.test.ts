// Error messages are read by people: no pointer to raw details, no field names
// in English inside an Indonesian sentence, and details told in words.
import { describe, expect, it } from 'vitest';
import { errorBody, errorCatalogue, type ErrorCode } from './errors.js';

describe('error catalogue', () => {
  const entries = Object.entries(errorCatalogue) as [ErrorCode, readonly [number, string, string]][];

  it.each(entries)('%s says what is wrong without pointing at "details" or naming fields in code', (code, [, id, en]) => {
    expect(id).not.toMatch(/\bdetails?\b/i);
    expect(en).not.toMatch(/\bdetails?\b/i);
    // Open311 names its protocol's own parameters (jurisdiction_id, start_date), which clients type as such.
    if (!code.startsWith('open311.')) expect(id).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  });

  it('tells the indicators that hold a stage back, in both languages', () => {
    const body = errorBody('spbe.stage_incomplete', 'en', { stage: 'draft', to: 'self_assessment', indicators: ['3', '7'] });
    expect(body.error.message).toBe('The stage cannot advance yet: some indicators are not ready. Indicators number 3, 7.');
    expect(body.error.messages.id).toBe('Tahap belum dapat dilanjutkan: masih ada indikator yang belum siap. Indikator nomor 3, 7.');
    expect(errorBody('spbe.import_invalid', 'id', { problems: [{ line: 2, message: 'x' }, { line: 2, message: 'y' }, { line: 5, message: 'z' }] }).error.message)
      .toBe('Berkas CSV hasil evaluasi tidak valid; tidak ada yang diimpor. Periksa baris 2, 5.');
  });
});

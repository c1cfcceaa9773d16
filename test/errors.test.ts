// Error messages are read by people: no pointer to raw details, no field names
// in English inside an Indonesian sentence, and details told in words.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../src/modules/registry.js';
import { errorBody, errorCatalogue, type ErrorCode } from '../src/platform/errors.js';

/** Every TypeScript source file under a folder. */
const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []);

describe('error catalogue', () => {
  const entries = [...errorCatalogue().entries()] as [ErrorCode, readonly [number, string, string]][];

  it('holds the platform\'s codes and every installed module\'s, and every code thrown in the source', () => {
    const codes = new Set(errorCatalogue().keys());
    expect(codes.has('request.invalid') && codes.has('complaint.not_found') && codes.has('spbe.stage_incomplete')).toBe(true);
    const thrown = sources('src').flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/new AppError\('([a-z0-9_.]+)'/g)].map((m) => m[1]));
    expect(thrown.length).toBeGreaterThan(50);
    expect([...new Set(thrown)].filter((c) => !codes.has(c))).toEqual([]);
  });

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

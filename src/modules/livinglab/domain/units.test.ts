import { describe, expect, it } from 'vitest';
import { suggestUnit } from './units.js';

const own = [
  { id: 'a', code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
  { id: 'b', code: 'DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
];

describe('suggesting a unit for a source unit', () => {
  it('takes the unit with the same code, ignoring case and punctuation', () => {
    expect(suggestUnit({ code: 'diskominfo', name: 'Kominfo' }, own)).toBe('a');
  });
  it('else the unit with the same name', () => {
    expect(suggestUnit({ code: 'PU', name: 'Dinas  Pekerjaan Umum dan Penataan Ruang.' }, own)).toBe('b');
  });
  it('suggests nothing when neither matches: the adopter chooses', () => {
    expect(suggestUnit({ code: 'DINKES', name: 'Dinas Kesehatan' }, own)).toBeNull();
  });
});

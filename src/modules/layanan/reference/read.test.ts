// The module's reference data is where the product reads it (inside the
// module, not the shared data pack) and agrees with the components the
// module keys its standards by.
import { describe, expect, it } from 'vitest';
import { COMPONENTS } from '../domain/standard.js';
import { standardReferenceData } from './read.js';

describe('public-services reference data', () => {
  it('holds the 14 components of PermenPANRB 15/2014 in the groups and order the module uses, and the pledge text', () => {
    const ref = standardReferenceData();
    expect(ref.regulation).toContain('15 Tahun 2014');
    expect(ref.komponen.map((k) => [k.no, k.kelompok === 'penyampaian_pelayanan' ? 'delivery' : 'management']))
      .toEqual(COMPONENTS.map((c) => [c.no, c.group]));
    expect(ref.komponen.find((k) => k.no === 3)?.nama).toBe('Jangka Waktu Pelayanan');
    expect(ref.maklumat_contoh).toMatch(/^Dengan ini, kami menyatakan sanggup/);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultLetterhead, governmentLine, letterheadOf, maskName, rupiah } from './letter.js';

describe('letter words', () => {
  it('heads the letter with the region\'s government', () => {
    expect(governmentLine({ name: 'Kabupaten Sumedang', kind: 'kabupaten' })).toBe('PEMERINTAH KABUPATEN SUMEDANG');
    expect(governmentLine({ name: 'Kota Bandung', kind: 'kota' })).toBe('PEMERINTAH KOTA BANDUNG');
    expect(governmentLine({ name: 'Jawa Barat', kind: 'provinsi' })).toBe('PEMERINTAH PROVINSI JAWA BARAT');
  });

  it('defaults to the unit\'s head as signer and the region\'s town as the place, printing only filled contact lines', () => {
    const region = { name: 'Kabupaten Sumedang', kind: 'kabupaten' };
    const s = defaultLetterhead(region, { name: 'Dinas Sosial', email: null });
    expect(s).toMatchObject({ place: 'Sumedang', signerPosition: 'Kepala Dinas Sosial' });
    expect(letterheadOf(region, 'Dinas Sosial', s).lines).toEqual([]);
    const head = letterheadOf(region, 'Dinas Sosial', { ...s, address: 'Jl. Prabu Geusan Ulun No. 36', phone: '(0261) 201021', email: 'dinsos@sumedangkab.go.id' });
    expect(head).toMatchObject({ government: 'PEMERINTAH KABUPATEN SUMEDANG', unit: 'DINAS SOSIAL' });
    expect(head.lines).toEqual(['Jl. Prabu Geusan Ulun No. 36', 'Telepon (0261) 201021 · Surel dinsos@sumedangkab.go.id']);
  });

  it('masks the holder\'s name for the public page', () => {
    expect(maskName('Budi Santoso')).toBe('Bu** Sa*****');
    expect(maskName('CV Maju')).toBe('C* Ma**');
    expect(maskName('  Siti  A ')).toBe('Si** A');
    expect(maskName('Ni Made Ayu')).toBe('N* Ma** Ay*');
  });

  it('writes rupiah with Indonesian thousands separators', () => {
    expect(rupiah(1500000)).toBe('Rp 1.500.000');
  });
});

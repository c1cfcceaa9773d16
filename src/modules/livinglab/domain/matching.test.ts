import { describe, expect, it } from 'vitest';
import { anyWordQuery, nationalDuplicates } from './matching.js';

describe('what a proposal would duplicate', () => {
  it('names SRIKANDI for a letters-and-dispositions app and SP4N-LAPOR! for a complaints app', () => {
    expect(nationalDuplicates('Aplikasi e-office: surat masuk, disposisi pimpinan')).toEqual(['srikandi']);
    expect(nationalDuplicates('Kanal pengaduan warga lewat WhatsApp')).toEqual(['sp4n-lapor']);
  });
  it('names nothing for work no national application does', () => {
    expect(nationalDuplicates('Antrean puskesmas daring')).toEqual([]);
  });
  it('does not match inside another word', () => {
    expect(nationalDuplicates('Sistem penyuratan? tidak: pemantauan sungai')).toEqual([]);
  });
  it('searches the catalogue with any of the proposal\'s longer words', () => {
    expect(anyWordQuery('Antrean puskesmas daring di 2027!')).toBe('antrean or puskesmas or daring or 2027');
    expect(anyWordQuery('di ke')).toBeNull();
  });
});

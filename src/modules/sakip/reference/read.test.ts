// The module's reference data is where the product reads it (inside the
// module, not the shared data pack) and still holds what SOURCES.md says.
import { describe, expect, it } from 'vitest';
import { readSakipReference, sakipReferenceFiles } from './read.js';

describe('e-SAKIP reference data', () => {
  it('keeps the LKE worksheet with its provenance fields', () => {
    const lke = readSakipReference(sakipReferenceFiles.lke) as Record<string, unknown>;
    expect(lke.counts).toEqual({ komponen: 4, sub_komponen: 12, kriteria: 80 });
    for (const field of ['source', 'confidence', 'notes', 'regulation']) expect(lke[field]).toBeTruthy();
  });

  it('keeps the urusan codes: 10 urusan, 45 bidang, 170 partial programmes in the documented code format', () => {
    const urusan = readSakipReference(sakipReferenceFiles.urusan) as {
      counts: Record<string, number>;
      urusan: { kode: string }[];
      bidang: { kode: string; kode_urusan: string }[];
      programs_provinsi_partial: { kode: string; kode_bidang: string }[];
    };
    expect(urusan.counts).toEqual({ urusan: 10, bidang: 45, programs_partial: 170 });
    expect([urusan.urusan.length, urusan.bidang.length, urusan.programs_provinsi_partial.length]).toEqual([10, 45, 170]);
    const urusanCodes = new Set(urusan.urusan.map((u) => u.kode));
    const bidangCodes = new Set(urusan.bidang.map((b) => b.kode));
    for (const b of urusan.bidang) {
      expect(b.kode).toMatch(/^[0-9X]\.[0-9X]{2}$/);
      expect(urusanCodes.has(b.kode_urusan)).toBe(true);
    }
    for (const p of urusan.programs_provinsi_partial) {
      expect(p.kode).toMatch(/^\d\.\d{2}\.\d{2}$/);
      expect(p.kode.startsWith(`${p.kode_bidang}.`)).toBe(true);
      expect(bidangCodes.has(p.kode_bidang)).toBe(true);
    }
  });

  it('names a missing file rather than running without it', () => {
    expect(() => readSakipReference('missing.json' as typeof sakipReferenceFiles.lke)).toThrow(/missing\.json/);
  });
});

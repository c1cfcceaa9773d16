import { describe, expect, it } from 'vitest';
import { drawQr, qrMatrix, qrSvg } from './qr.js';

// A finder pattern: a 7×7 dark ring, a light ring, a 3×3 dark centre.
const finderAt = (m: boolean[][], top: number, left: number) =>
  Array.from({ length: 7 }, (_, r) => Array.from({ length: 7 }, (_, c) => m[top + r][left + c]))
    .every((row, r) => row.every((dark, c) => dark === (r === 0 || r === 6 || c === 0 || c === 6 || (r >= 2 && r <= 4 && c >= 2 && c <= 4))));

describe('QR codes', () => {
  it('draws a square symbol of a real QR size with its three finder patterns', () => {
    const m = qrMatrix('https://pamong.example/v/Zx3kq9');
    expect((m.length - 17) % 4).toBe(0);
    expect(m.every((row) => row.length === m.length)).toBe(true);
    const n = m.length;
    expect([finderAt(m, 0, 0), finderAt(m, 0, n - 7), finderAt(m, n - 7, 0)]).toEqual([true, true, true]);
    expect(finderAt(m, n - 7, n - 7)).toBe(false);
  });

  it('grows with the text and differs between texts', () => {
    const short = qrMatrix('a');
    const long = qrMatrix('x'.repeat(300));
    expect(long.length).toBeGreaterThan(short.length);
    expect(qrMatrix('0002010102').flat()).not.toEqual(qrMatrix('0002010112').flat());
    // Non-ASCII text is encoded as UTF-8 bytes, not refused or cut.
    expect(qrMatrix('Kabupaten Sumedang — Jawa Barat').length).toBeGreaterThan(short.length);
  });

  it('writes the same matrix as SVG squares and as PDF squares', () => {
    const text = 'https://pamong.example/r/32.11/bayar/3211260000017';
    const dark = qrMatrix(text).flat().filter(Boolean).length;
    expect(qrSvg(text).match(/h1v1h-1z/g)).toHaveLength(dark);
    const rects: number[][] = [];
    const doc = { rect(x: number, y: number, w: number, h: number) { rects.push([x, y, w, h]); return this; }, fill() { return this; }, save() { return this; }, restore() { return this; } };
    drawQr(doc, text, 10, 20, 100);
    expect(rects).toHaveLength(dark + 1); // the white background, then each dark module
    expect(rects[0]).toEqual([10, 20, 100, 100]);
  });
});

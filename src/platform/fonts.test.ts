import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfFontFiles, readPdfFont } from './fonts.js';

describe('PDF fonts', () => {
  it('keeps the PDF fonts as TrueType files beside their licence', () => {
    for (const file of Object.values(pdfFontFiles)) expect(readPdfFont(file).readUInt32BE(0), file).toBe(0x00010000);
    expect(readFileSync(new URL('./fonts/LICENSE', import.meta.url), 'utf8')).toContain('Bitstream Vera Fonts Copyright');
  });

  it('names a missing font file rather than running without it', () => {
    expect(() => readPdfFont('missing.ttf')).toThrow(/fonts\/missing\.ttf/);
  });
});

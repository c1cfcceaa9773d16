import { describe, expect, it } from 'vitest';
import { csvTable, parseCsv } from './csv.js';
import { AppError } from './errors.js';

describe('CSV', () => {
  it('reads what it writes, including quotes, commas and line breaks', () => {
    const text = csvTable(['wilayah', 'catatan'], [['32.11', 'Jalan "rusak", parah\nsekali'], ['32.73', null]]);
    expect(parseCsv(text).rows).toEqual([['wilayah', 'catatan'], ['32.11', 'Jalan "rusak", parah\nsekali'], ['32.73', '']]);
  });

  it('reads the semicolon and decimal comma that Excel saves in Indonesian', () => {
    expect(parseCsv('\uFEFFkode;indeks\r\n32.11;3,12\r\n')).toEqual({ rows: [['kode', 'indeks'], ['32.11', '3,12']], separator: ';' });
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvTable(['x'], [['=HYPERLINK("http://evil")']])).toBe('x\r\n"\'=HYPERLINK(""http://evil"")"\r\n');
  });

  it('refuses a broken file with a 400, not a crash', () => {
    expect(() => parseCsv('a,b\n"unclosed,1\n')).toThrow(AppError);
  });
});

import { describe, expect, it } from 'vitest';
import { csvDialect, csvFile, parseCsv } from './csv.js';
import { AppError } from './errors.js';

const id = csvDialect('id', 'Asia/Makassar');
const en = csvDialect('en', 'Asia/Makassar');

describe('CSV', () => {
  it('reads what it writes, including quotes, separators and line breaks', () => {
    for (const d of [id, en]) {
      const text = csvFile(['wilayah', 'catatan'], [['32.11', 'Jalan "rusak", parah; sekali\nlagi'], ['32.73', null]], d);
      expect(parseCsv(text).rows).toEqual([['wilayah', 'catatan'], ['32.11', 'Jalan "rusak", parah; sekali\nlagi'], ['32.73', '']]);
    }
  });

  it('writes for Excel in Indonesian: BOM, semicolons, decimal comma, local wall-clock dates', () => {
    expect(csvFile(['kode', 'indeks', 'diunggah'], [['32.11', 3.12, new Date('2026-11-02T01:30:00Z')]], id))
      .toBe('\uFEFFkode;indeks;diunggah\r\n32.11;3,12;2026-11-02 09:30\r\n');
    expect(csvFile(['code', 'index', 'uploaded'], [['32.11', 3.12, new Date('2026-11-02T01:30:00Z')]], en))
      .toBe('\uFEFFcode,index,uploaded\r\n32.11,3.12,2026-11-02 09:30\r\n');
  });

  it('reads the semicolon and decimal comma that Excel saves in Indonesian', () => {
    expect(parseCsv('\uFEFFkode;indeks\r\n32.11;3,12\r\n')).toEqual({ rows: [['kode', 'indeks'], ['32.11', '3,12']], separator: ';' });
    expect(parseCsv('kode;"indeks (0,00-5,00)"\r\n32.11;3,12\r\n').separator).toBe(';');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvFile(['x'], [['=HYPERLINK("http://evil")']], en)).toBe('\uFEFFx\r\n"\'=HYPERLINK(""http://evil"")"\r\n');
  });

  it('refuses a broken file with a 400, not a crash', () => {
    expect(() => parseCsv('a,b\n"unclosed,1\n')).toThrow(AppError);
  });
});

// Reading untrusted XLSX uploads: cells come back exact and in place, and the
// archives that would exhaust memory or time (an honest zip bomb, one that
// lies about its sizes, a cell a million rows down) or are not workbooks at
// all are refused with the caller's error codes.
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { AppError } from './errors.js';
import { readXlsx, type XlsxLimits } from './xlsx.js';

const limits: XlsxLimits = { maxEntries: 50, maxUnpackedBytes: 2 * 1024 * 1024, maxRows: 1000, maxColumns: 50, tooLarge: 'file.too_large', unreadable: 'request.invalid' };

async function refusal(data: Buffer): Promise<string> {
  try {
    await readXlsx(data, limits);
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'read';
}

/** A real workbook's parts, with its first sheet's XML replaced. */
async function withSheet(xml: (original: string) => string | Uint8Array): Promise<Record<string, Uint8Array>> {
  const parts = unzipSync(new Uint8Array(await writeXlsxFile([['x'], ['y']]).toBuffer()));
  const sheet = xml(strFromU8(parts['xl/worksheets/sheet1.xml']));
  return { ...parts, 'xl/worksheets/sheet1.xml': typeof sheet === 'string' ? strToU8(sheet) : sheet };
}

describe('XLSX reading', () => {
  it('gives every sheet from A1, numbers as written, text untrimmed, gaps kept', async () => {
    const data = await writeXlsxFile([
      { sheet: 'Satu', data: [['No', 'Nilai'], [null, null], [1, 0.1 + 0.2], [' teks ', true]] },
      { sheet: 'Dua', data: [[null, 'B1']] },
    ]).toBuffer();
    expect(await readXlsx(data, limits)).toEqual([
      { name: 'Satu', rows: [['No', 'Nilai'], [null, null], [{ number: '1' }, { number: '0.30000000000000004' }], [' teks ', true]] },
      { name: 'Dua', rows: [[null, 'B1']] },
    ]);
  });

  it('refuses a zip bomb by the sizes it declares, before inflating it', async () => {
    const bomb = Buffer.from(zipSync(await withSheet(() => new Uint8Array(40 * 1024 * 1024)), { level: 9 }));
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal(bomb)).toBe('file.too_large');
  });

  it('refuses a zip bomb that declares a small size, as soon as it inflates past it', async () => {
    const bomb = Buffer.from(zipSync(await withSheet(() => new Uint8Array(40 * 1024 * 1024)), { level: 9 }));
    // Rewrite the sheet's uncompressed size, in its central directory entry and its local header, to 100 bytes.
    const name = 'xl/worksheets/sheet1.xml';
    let patched = false;
    for (let at = bomb.length - 22; at >= 0; at--) {
      if (bomb.readUInt32LE(at) !== 0x02014b50 || bomb.toString('utf8', at + 46, at + 46 + name.length) !== name) continue;
      bomb.writeUInt32LE(100, at + 24);
      bomb.writeUInt32LE(100, bomb.readUInt32LE(at + 42) + 22);
      patched = true;
      break;
    }
    expect(patched).toBe(true);
    expect(await refusal(bomb)).toBe('file.too_large');
  });

  it('refuses a sheet that names a cell far beyond its limits (the reader would fill every row above it)', async () => {
    const far = Buffer.from(zipSync(await withSheet((xml) => xml.replace(/<row r="2">.*?<\/row>/, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>z</t></is></c></row>'))));
    expect(await refusal(far)).toBe('file.too_large');
    const wide = Buffer.from(zipSync(await withSheet((xml) => xml.replace('r="A2"', 'r="ZZ2"'))));
    expect(await refusal(wide)).toBe('file.too_large');
  });

  it('refuses what is not a workbook: not a zip, a zip without a workbook, an archive too many parts', async () => {
    expect(await refusal(Buffer.from('%PDF-1.4 bukan buku kerja'))).toBe('request.invalid');
    expect(await refusal(Buffer.from(zipSync({ 'catatan.txt': strToU8('halo') })))).toBe('request.invalid');
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`x/${i}.txt`, strToU8('x')]));
    expect(await refusal(Buffer.from(zipSync({ ...(await withSheet((xml) => xml)), ...many })))).toBe('file.too_large');
  });
});

// Reading an uploaded XLSX workbook without trusting it. An XLSX file is a
// zip of XML parts, so a small upload can unpack to gigabytes (a zip bomb) or
// name a cell a million rows down (the reader would fill every row above it).
// The archive is unpacked here first, by yauzl, which holds each part to the
// size its header declares while inflating, within limits on the parts'
// count, their total size and the sheets' extent; the parts kept are packed
// again and only that copy reaches read-excel-file, so it reads exactly what
// was checked (never a part its own unzipper might find that yauzl did not).
import { zipSync } from 'fflate';
import readExcelFile from 'read-excel-file/node';
import yauzl from 'yauzl';
import { AppError, type ErrorCode } from './errors.js';

export interface XlsxLimits {
  /** Parts (files) in the archive, counted before anything is unpacked. */
  maxEntries: number;
  /** The XML parts together, unpacked. */
  maxUnpackedBytes: number;
  /** Rows and columns of any sheet, by the cell addresses it names. */
  maxRows: number;
  maxColumns: number;
  /** A workbook over a limit; its message can say it is too big unpacked. */
  tooLarge: ErrorCode;
  /** Not a readable workbook: a broken archive, a part that lies about its size, XML the reader refuses. */
  unreadable: ErrorCode;
}

/** A number as the file writes it (`"12.5"`, `"1E-3"`), not as a binary float: the caller decides how exact to be. */
export interface XlsxNumber { number: string }
export type XlsxCell = string | XlsxNumber | boolean | Date | null;
export interface XlsxSheet { name: string; rows: XlsxCell[][] }

export const isXlsxNumber = (c: XlsxCell): c is XlsxNumber => typeof c === 'object' && c !== null && !(c instanceof Date);

/** The parts a workbook's cells live in; images, printer settings and thumbnails are not read. */
const wanted = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

async function unpack(data: Buffer, limits: XlsxLimits): Promise<Record<string, Uint8Array>> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  try {
    if (zip.entryCount > limits.maxEntries) throw new AppError(limits.tooLarge, { entries: zip.entryCount, maxEntries: limits.maxEntries });
    const parts: Record<string, Uint8Array> = {};
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      if (!wanted(entry.fileName)) continue;
      // Declared sizes first (cheap); yauzl then stops a part that inflates past what it declared.
      total += entry.uncompressedSize;
      if (total > limits.maxUnpackedBytes) throw new AppError(limits.tooLarge, { maxUnpackedBytes: limits.maxUnpackedBytes });
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      parts[entry.fileName] = Buffer.concat(chunks);
    }
    return parts;
  } finally {
    zip.close();
  }
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The furthest row and column a sheet's XML names (`<row r="…">`, `<c r="AB12">`), without parsing it. */
function extent(xml: string): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const m of xml.matchAll(/<row\b[^>]*?\sr="(\d+)"/g)) rows = Math.max(rows, Number(m[1]));
  for (const m of xml.matchAll(/<c\b[^>]*?\sr="([A-Z]+)(\d+)"/g)) {
    columns = Math.max(columns, columnNumber(m[1]));
    rows = Math.max(rows, Number(m[2]));
  }
  return { rows, columns };
}

/**
 * Every sheet of an XLSX workbook, in order, as rows of cells from A1 (empty
 * rows and cells in between kept, so `rows[i][j]` is row i+1, column j+1).
 * Text is not trimmed; numbers come as the file writes them.
 */
export async function readXlsx(data: Buffer, limits: XlsxLimits): Promise<XlsxSheet[]> {
  let parts: Record<string, Uint8Array>;
  try {
    parts = await unpack(data, limits);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // A part inflating past the size it declared is a bomb that lies about itself.
    if (/too many bytes/.test((err as Error).message)) throw new AppError(limits.tooLarge, { maxUnpackedBytes: limits.maxUnpackedBytes });
    throw new AppError(limits.unreadable, { reason: 'archive' });
  }
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const { rows, columns } = extent(Buffer.from(bytes).toString('utf8'));
    if (rows > limits.maxRows || columns > limits.maxColumns) throw new AppError(limits.tooLarge, { maxRows: limits.maxRows, maxColumns: limits.maxColumns });
  }
  try {
    const sheets = await readExcelFile<XlsxNumber>(Buffer.from(zipSync(parts, { level: 0 })), { trim: false, parseNumber: (text) => ({ number: text }) });
    return sheets.map((s) => ({ name: s.sheet, rows: s.data as XlsxCell[][] }));
  } catch {
    throw new AppError(limits.unreadable, { reason: 'content' });
  }
}

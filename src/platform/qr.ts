// QR codes for links printed on documents and receipts (verification pages)
// and for payment payloads (QRIS). One matrix, drawn as SVG for pages and as
// filled squares in PDFs, so a phone camera reads both the same way.
import qrcode from 'qrcode-generator';

export type QrLevel = 'L' | 'M' | 'Q' | 'H';

/** The QR matrix of `text` (UTF-8, smallest version that fits): `dark[row][col]`. */
export function qrMatrix(text: string, level: QrLevel = 'M'): boolean[][] {
  const qr = qrcode(0, level);
  qr.addData(utf8Latin1(text), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

// The library turns each character into one byte; handing it the UTF-8 bytes
// as Latin-1 characters makes non-ASCII text (a region's name) read back right.
const utf8Latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** A scalable SVG of `text`'s QR code with the standard four-module quiet zone. */
export function qrSvg(text: string, level: QrLevel = 'M'): string {
  const m = qrMatrix(text, level);
  const size = m.length + 8;
  let path = '';
  m.forEach((row, r) => row.forEach((dark, c) => { if (dark) path += `M${c + 4} ${r + 4}h1v1h-1z`; }));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

/** The minimal drawing surface of a pdfkit document this needs. */
export interface PdfSurface {
  rect(x: number, y: number, w: number, h: number): this;
  fill(color?: string): this;
  save(): this;
  restore(): this;
}

/** Draws `text`'s QR code into a PDF as a `size`-point square at (x, y), quiet zone included. */
export function drawQr(doc: PdfSurface, text: string, x: number, y: number, size: number, level: QrLevel = 'M'): void {
  const m = qrMatrix(text, level);
  const cell = size / (m.length + 8);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  m.forEach((row, r) => row.forEach((dark, c) => { if (dark) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell); }));
  doc.fill('#000000');
  doc.restore();
}

// The fonts PDFs embed (fonts/, sources and licence in its README): DejaVu
// Sans, because PDF's standard fonts write WinAnsi only (no ≥, −, ², curly
// quotes). pdfkit keeps only the glyphs a document uses. Shared by every
// module that prints a PDF (e-SAKIP's LKjIP, layanan's issued documents),
// which start their documents with a4Pdf.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { MissingReferenceData } from './reference.js';

export const pdfFontFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
} as const;

export type PdfFont = keyof typeof pdfFontFiles;

/** One font file's bytes; a missing file is a broken installation (MissingReferenceData names it). */
export function readPdfFont(file: string): Buffer {
  const path = fileURLToPath(new URL(`./fonts/${file}`, import.meta.url));
  if (!existsSync(path)) throw new MissingReferenceData(path);
  return readFileSync(path);
}

let loaded: [PdfFont, Buffer][] | undefined;

/** The three faces, read once per process, to register with a pdfkit document under their names. */
export const pdfFonts = (): readonly [PdfFont, Buffer][] =>
  (loaded ??= Object.entries(pdfFontFiles).map(([name, file]) => [name as PdfFont, readPdfFont(file)]));

/** Registers the three faces with a pdfkit document (`doc.font('bold')`). */
function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, data] of pdfFonts()) doc.registerFont(name, data);
}

/** An A4 pdfkit document in Indonesian with the three faces registered, and its bytes once `doc.end()` is called. */
export function a4Pdf(info: { Title: string; Author: string }, margin: number): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: 'A4', margin, info: { ...info, Creator: 'Pamong' }, lang: 'id-ID' } as PDFKit.PDFDocumentOptions);
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

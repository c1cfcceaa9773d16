// Issued documents as PDFs (pdfkit, A4, DejaVu Sans embedded): the region's
// letterhead (kop surat) and a double rule, the title and number, the body,
// place and date, the signer, and the QR code of the verification page with
// its caption. A receipt has the same head and a table of the payment. When
// the region signs, the PDF carries an empty signature slot (@signpdf's
// placeholder for pdfkit) that the signing provider fills.
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit';
import { a4Pdf } from '../../../platform/fonts.js';
import { drawQr } from '../../../platform/qr.js';
import { rupiah, verifyCaption, type Letterhead } from '../domain/letter.js';
import { indonesianDate } from '../../../platform/calendar/calendar.js';
import type { SignatureSlot } from './signing/provider.js';

/** What issueDocument gives the renderer: the number it assigned, the verification link and the signature slot to leave, if any. */
export interface RenderSlot {
  number: string;
  verifyUrl: string;
  /** The region's local date of issue, YYYY-MM-DD. */
  localDate: string;
  signature: SignatureSlot | null;
}

export interface LetterBody {
  title: string;
  paragraphs: string[];
}

export interface ReceiptBody {
  title: string;
  amount: number;
  billingCode: string;
  payer: string;
  /** When it was paid, as the region reads it ("6 Desember 2026 14.05 WIB"). */
  paidAt: string;
  channel: string;
  purpose: string;
}

/** Bytes reserved for the signature: a CMS with a certificate chain of a few certificates. */
const SIGNATURE_BYTES = 16_384;
export const MARGIN = 56;

type Doc = PDFKit.PDFDocument;

const open = (title: string, author: string) => a4Pdf({ Title: title, Author: author }, MARGIN);

const width = (doc: Doc) => doc.page.width - MARGIN * 2;

export function drawHead(doc: Doc, head: Letterhead): void {
  const w = width(doc);
  doc.font('bold').fontSize(13).text(head.government, MARGIN, MARGIN, { width: w, align: 'center' });
  if (head.unit) doc.font('bold').fontSize(15).text(head.unit, { width: w, align: 'center' });
  doc.font('regular').fontSize(9);
  for (const line of head.lines) doc.text(line, { width: w, align: 'center' });
  const y = doc.y + 6;
  doc.save().lineWidth(2).moveTo(MARGIN, y).lineTo(MARGIN + w, y).stroke().lineWidth(0.6).moveTo(MARGIN, y + 3.5).lineTo(MARGIN + w, y + 3.5).stroke().restore();
  doc.y = y + 18;
}

function drawTitle(doc: Doc, title: string, number: string): void {
  const w = width(doc);
  doc.font('bold').fontSize(12).text(title.toUpperCase(), MARGIN, doc.y, { width: w, align: 'center', underline: true });
  doc.font('regular').fontSize(11).text(`Nomor: ${number}`, { width: w, align: 'center' }).moveDown(1.2);
}

/** Place and date, the signer's office, room for the signature, the signer's name: on the right half. */
function drawSigner(doc: Doc, head: Letterhead, slot: RenderSlot): void {
  const x = MARGIN + width(doc) / 2;
  const w = width(doc) / 2;
  doc.moveDown(1).font('regular').fontSize(11).text(`${head.place}, ${indonesianDate(slot.localDate)}`, x, doc.y, { width: w });
  doc.font('bold').text(head.signerPosition, x, doc.y, { width: w });
  doc.moveDown(0.3).font('oblique').fontSize(8.5)
    .text(slot.signature ? 'Ditandatangani secara elektronik' : '', x, doc.y, { width: w });
  doc.moveDown(3).font('bold').fontSize(11).text(head.signerName || '(nama pejabat)', x, doc.y, { width: w, underline: Boolean(head.signerName) });
}

/** The QR code and its caption at the foot of the last page (a new page when the text reaches down there). */
export function drawVerification(doc: Doc, slot: Pick<RenderSlot, 'verifyUrl'>): void {
  const size = 78;
  if (doc.y > doc.page.height - MARGIN - size - 12) doc.addPage();
  const y = doc.page.height - MARGIN - size;
  drawQr(doc, slot.verifyUrl, MARGIN, y, size);
  doc.font('regular').fontSize(8).fillColor('#000000')
    .text(verifyCaption(slot.verifyUrl), MARGIN + size + 10, y + 18, { width: width(doc) - size - 10 })
    .text('Pindai kode QR untuk memeriksa keaslian dan status dokumen ini.', { width: width(doc) - size - 10 });
}

export async function finish(doc: Doc, done: Promise<Buffer>, slot: Pick<RenderSlot, 'signature'>): Promise<Buffer> {
  if (slot.signature) {
    pdfkitAddPlaceholder({ pdf: doc, pdfBuffer: Buffer.alloc(0), signatureLength: SIGNATURE_BYTES, appName: 'Pamong', ...slot.signature });
  }
  doc.end();
  return done;
}

/** A service's result: a letter on the unit's letterhead. */
export function letterPdf(head: Letterhead, body: LetterBody, slot: RenderSlot): Promise<Buffer> {
  const { doc, done } = open(`${body.title} ${slot.number}`, head.unit ?? head.government);
  drawHead(doc, head);
  drawTitle(doc, body.title, slot.number);
  for (const p of body.paragraphs) doc.font('regular').fontSize(11).text(p, MARGIN, doc.y, { width: width(doc), align: 'justify' }).moveDown(0.6);
  drawSigner(doc, head, slot);
  drawVerification(doc, slot);
  return finish(doc, done, slot);
}

/** A payment receipt (a bill's retribution or tax paid): the amount, billing code, payer, time and channel. */
export function receiptPdf(head: Letterhead, body: ReceiptBody, slot: RenderSlot): Promise<Buffer> {
  const { doc, done } = open(`${body.title} ${slot.number}`, head.unit ?? head.government);
  drawHead(doc, head);
  drawTitle(doc, body.title, slot.number);
  const rows: [string, string][] = [
    ['Telah terima dari', body.payer], ['Uang sejumlah', rupiah(body.amount)], ['Untuk pembayaran', body.purpose],
    ['Kode bayar', body.billingCode], ['Dibayar pada', body.paidAt], ['Melalui', body.channel],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('regular').fontSize(11).text(label, MARGIN, y, { width: 150 });
    doc.font(label === 'Uang sejumlah' ? 'bold' : 'regular').text(`: ${value}`, MARGIN + 150, y, { width: width(doc) - 150 }).moveDown(0.4);
  }
  drawSigner(doc, head, slot);
  drawVerification(doc, slot);
  return finish(doc, done, slot);
}

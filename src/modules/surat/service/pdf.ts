// The final PDF of an outgoing letter or memo (pdfkit, A4), on the drafting
// unit's letterhead as public services print it (layanan's letterhead and
// verification footer), in the document type's layout:
// - korespondensi: place and date, Nomor/Sifat/Lampiran/Hal, the addressee,
//   the body, the signature block, the tembusan;
// - berjudul: the centred title and number, the body, the signature block
//   (with place and date), the tembusan.
// The QR code at the foot leads to the verification page. When the letter is
// signed electronically the PDF carries the empty signature slot the
// region's signing provider fills.
import { a4Pdf } from '../../../platform/fonts.js';
import { indonesianDate } from '../../../platform/calendar/calendar.js';
import { drawLetterhead, drawVerification, finishPdf, PDF_MARGIN as MARGIN, type Letterhead, type SignatureSlot } from '../../layanan/index.js';
import { SECURITY_LABEL, type LetterBody, type SecurityClass } from '../domain/letter.js';

export interface LetterPrint {
  layout: 'korespondensi' | 'berjudul';
  /** A berjudul document's title (SURAT TUGAS); a memo prints NOTA DINAS. */
  title: string | null;
  number: string;
  /** The region's local date of signing, YYYY-MM-DD. */
  localDate: string;
  security: SecurityClass;
  subject: string;
  body: LetterBody;
  signerPosition: string;
  signerName: string;
  /** Names of the copies (tembusan), in order. */
  copies: string[];
  verifyUrl: string;
  /** electronic: "Ditandatangani secara elektronik" and the slot; paper: room for the wet signature. */
  signature: SignatureSlot | null;
}

type Doc = PDFKit.PDFDocument;
const width = (doc: Doc) => doc.page.width - MARGIN * 2;

function paragraphs(doc: Doc, text: string) {
  for (const p of text.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean)) {
    doc.font('regular').fontSize(11).text(p, MARGIN, doc.y, { width: width(doc), align: 'justify' }).moveDown(0.6);
  }
}

function korespondensiHead(doc: Doc, p: LetterPrint, place: string) {
  const w = width(doc);
  // A nota dinas keeps the letter's head under its own centred title.
  if (p.title) doc.font('bold').fontSize(12).text(p.title.toUpperCase(), MARGIN, doc.y, { width: w, align: 'center' }).moveDown(0.8);
  doc.font('regular').fontSize(11).text(`${place}, ${indonesianDate(p.localDate)}`, MARGIN, doc.y, { width: w, align: 'right' }).moveDown(0.8);
  const rows: [string, string][] = [
    ['Nomor', p.number], ['Sifat', SECURITY_LABEL[p.security].id], ['Lampiran', p.body.attachments || '-'], ['Hal', p.subject],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('regular').fontSize(11).text(label, MARGIN, y, { width: 70 });
    doc.text(`: ${value}`, MARGIN + 70, y, { width: w - 70 }).moveDown(0.2);
  }
  doc.moveDown(1);
  if (p.body.addressee) doc.text('Yth.', MARGIN, doc.y, { width: w }).text(p.body.addressee, { width: w / 2 }).moveDown(1);
}

function berjudulHead(doc: Doc, p: LetterPrint) {
  const w = width(doc);
  doc.font('bold').fontSize(12).text((p.title ?? 'NASKAH DINAS').toUpperCase(), MARGIN, doc.y, { width: w, align: 'center' });
  doc.font('regular').fontSize(11).text(`Nomor ${p.number}`, { width: w, align: 'center' }).moveDown(0.4);
  doc.text(`tentang ${p.subject}`, { width: w, align: 'center' }).moveDown(1.2);
}

function signatureBlock(doc: Doc, p: LetterPrint, place: string) {
  const x = MARGIN + width(doc) / 2;
  const w = width(doc) / 2;
  doc.moveDown(1);
  if (p.layout === 'berjudul') doc.font('regular').fontSize(11).text(`Ditetapkan di ${place}\npada tanggal ${indonesianDate(p.localDate)}`, x, doc.y, { width: w }).moveDown(0.4);
  doc.font('bold').fontSize(11).text(p.signerPosition, x, doc.y, { width: w });
  doc.moveDown(0.3).font('oblique').fontSize(8.5).text(p.signature ? 'Ditandatangani secara elektronik' : '', x, doc.y, { width: w });
  doc.moveDown(3).font('bold').fontSize(11).text(p.signerName, x, doc.y, { width: w, underline: true });
}

function copiesBlock(doc: Doc, copies: string[]) {
  if (!copies.length) return;
  doc.moveDown(1.5).font('regular').fontSize(10).text('Tembusan:', MARGIN, doc.y, { width: width(doc) });
  copies.forEach((c, i) => doc.text(`${i + 1}. ${c}`, { width: width(doc) }));
}

export function outgoingPdf(head: Letterhead, p: LetterPrint): Promise<Buffer> {
  const { doc, done } = a4Pdf({ Title: `${p.subject} ${p.number}`, Author: head.unit ?? head.government }, MARGIN);
  const place = p.body.place || head.place;
  drawLetterhead(doc, head);
  if (p.layout === 'korespondensi') korespondensiHead(doc, p, place);
  else berjudulHead(doc, p);
  paragraphs(doc, p.body.opening);
  paragraphs(doc, p.body.content);
  paragraphs(doc, p.body.closing);
  signatureBlock(doc, p, place);
  copiesBlock(doc, p.copies);
  drawVerification(doc, { verifyUrl: p.verifyUrl });
  return finishPdf(doc, done, { signature: p.signature });
}

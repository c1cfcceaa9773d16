// A performance report (LKjIP) as files officials use: a Word document
// (docx package: A4, real headings and tables, so it can be finished in
// Word) and a PDF (pdfkit: A4, the same content, in DejaVu Sans embedded from
// the platform's fonts/, so ≥, −, ×, ² and curly quotes print as
// written; pdfkit keeps only the glyphs used). Both are drawn from one list
// of blocks, so they never disagree on what the report says.
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import {
  ACCOUNTABILITY_CHAPTER, codeAndTitle, efficiencyWords, figureWords, idNumber, LKJIP_HEADINGS, percentWords, targetWords, type LkjipBudget, type LkjipSection,
} from '../domain/lkjip.js';
import { a4Pdf, type PdfFont } from '../../../platform/fonts.js';
import type { ReportView } from './lkjip.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';

type Block =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'table'; caption: string; widths: number[]; head: string[]; rows: string[][] };

/** What a report view needs to be printed: the snapshot, the sections' texts and the status. */
type Printable = Pick<ReportView, 'status' | 'snapshot'> & { sections: { key: string; text: string }[] };

/** The report, in order: the cover lines, the four chapters with their tables, as blocks. */
export function reportBlocks(r: Printable): Block[] {
  const s = r.snapshot;
  const text = (key: LkjipSection) => r.sections.find((x) => x.key === key)?.text.trim() ?? '';
  const section = (key: LkjipSection, level: 1 | 2, empty = '–'): Block[] => [{ kind: 'heading', level, text: LKJIP_HEADINGS[key] }, ...paragraphs(text(key) || empty)];
  const paragraphs = (t: string): Block[] => t.split(/\n+/).map((p) => ({ kind: 'text', text: p }));
  const note = (t: string): Block[] => [{ kind: 'note', text: t }];
  const last = s.year - 1;
  const blocks: Block[] = [
    { kind: 'title', lines: [s.title, s.subject.toUpperCase(), ...(s.unitName ? [s.regionName.toUpperCase()] : []), ...(r.status === 'draft' ? ['(DRAF)'] : [])] },
    ...section('introduction', 1),
    ...section('planning', 1),
    {
      kind: 'table', caption: `Tabel 1. Perencanaan kinerja ${s.plan.title}`, widths: [5, 30, 33, 16, 16],
      head: ['No', 'Tujuan / sasaran', 'Indikator kinerja', `Target ${s.year}`, `Target ${s.plan.endYear}`],
      rows: s.rows.map((x) => [String(x.number), x.target, `${x.indicator}${x.iku ? ' (IKU)' : ''}`, targetWords(x.targetThisYear, x.measure), targetWords(x.targetEnd, x.measure)]),
    },
    { kind: 'heading', level: 1, text: ACCOUNTABILITY_CHAPTER },
    ...section('accountability', 2),
    {
      kind: 'table', caption: `Tabel 2. Capaian kinerja tahun ${s.year}`, widths: [4, 24, 11, 11, 10, 11, 10, 19],
      head: ['No', 'Indikator kinerja', `Target ${s.year}`, `Realisasi ${s.year}`, 'Capaian', `Realisasi ${last}`, `Capaian ${last}`, `Capaian terhadap target ${s.plan.endYear}`],
      rows: s.rows.map((x) => [
        String(x.number), x.indicator, targetWords(x.targetThisYear, x.measure),
        x.realisation === null ? '–' : `${idNumber(x.realisation)}${x.complete ? '' : '*'}`, figureWords(x.achievement),
        x.lastYearRealisation === null ? '–' : idNumber(x.lastYearRealisation), figureWords(x.lastYearAchievement), figureWords(x.progressToEnd),
      ]),
    },
    ...(s.rows.some((x) => x.realisation !== null && !x.complete) ? note('* Belum semua periode tahun ini dilaporkan.') : []),
    ...(s.summary.average === null ? [] : note(`${s.summary.met} dari ${s.summary.withTarget} indikator bertarget tercapai; rata-rata capaian ${idNumber(s.summary.average)} %.`)),
    // The budget chapter: staff's text, then the table; without a budget for the year, a plain statement that Pamong holds none.
    ...section('budget', 2, ''),
    ...(s.budget === null ? note('Data pagu dan realisasi anggaran belum tersedia di Pamong untuk laporan ini.') : budgetBlocks(s.budget, s.year)),
    ...section('problems', 2),
    ...section('follow_up', 2),
    ...section('closing', 1),
  ];
  return blocks.filter((b) => !(b.kind === 'text' && b.text === ''));
}

const partWords = { activity: 'Kegiatan', sub_activity: 'Sub-kegiatan' } as const;

/** Table 3: each programme (its unit and the target it serves below its name) with its activities, then the total, and how to read it. */
function budgetBlocks(b: NonNullable<LkjipBudget>, year: number): Block[] {
  let n = 0;
  const rows = b.rows.map((r) => {
    const cells = [idNumber(r.budget.ceiling), idNumber(r.budget.spending), percentWords(r.budget.absorption)];
    if (r.kind !== 'programme') return ['', `${partWords[r.kind]} ${codeAndTitle(r)}`, ...cells, '', ''];
    n += 1;
    const lines = [codeAndTitle(r), ...(r.unit ? [`Perangkat daerah: ${r.unit}`] : []), ...(r.target ? [`Sasaran: ${r.target}`] : [])];
    return [String(n), lines.join('\n'), ...cells, percentWords(r.achievement), efficiencyWords(r.efficiency)];
  });
  const t = b.total;
  return [
    {
      kind: 'table', caption: `Tabel 3. Realisasi anggaran dan efisiensi tahun ${year}`, widths: [5, 33, 15, 15, 9, 10, 13],
      head: ['No', 'Program / kegiatan', 'Pagu (Rp)', 'Realisasi (Rp)', 'Serapan', 'Capaian sasaran', 'Efisiensi'],
      rows: [...rows, ['', 'Jumlah', idNumber(t.budget.ceiling), idNumber(t.budget.spending), percentWords(t.budget.absorption), percentWords(t.achievement), efficiencyWords(t.efficiency)]],
    },
    { kind: 'note', text: budgetLegend(b) },
  ];
}

/** How Table 3 is read: the method, the figure in brackets, and what the total's achievement is. */
function budgetLegend(b: NonNullable<LkjipBudget>): string {
  const m = b.method;
  return `Efisiensi menurut metode daerah, ${m.label.id.toLowerCase()}; angka dalam kurung ${m.code === 'achievement_minus_absorption' ? 'selisih capaian dan serapan (poin)' : 'nilai indeks (%)'}. `
    + `Capaian baris Jumlah: rata-rata capaian ${b.total.basis === 'iku' ? 'indikator kinerja utama (IKU)' : 'indikator tujuan dan sasaran'}.`;
}

// ---------------------------------------------------------------------------
// Word

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function docxTable(b: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  // A cell's lines are paragraphs of their own (a programme's name, then the target it serves).
  const cell = (t: string, head: boolean, width: number) => new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: t.split('\n').map((line) => new Paragraph({ alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: line, bold: head, size: 18 })] })),
  });
  return [
    new Paragraph({ spacing: { before: 160, after: 80 }, children: [new TextRun({ text: b.caption, bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE }, borders,
      rows: [
        new TableRow({ tableHeader: true, children: b.head.map((h, i) => cell(h, true, b.widths[i])) }),
        ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, false, b.widths[i])) })),
      ],
    }),
  ];
}

export async function reportDocx(r: Printable): Promise<Buffer> {
  const children = reportBlocks(r).flatMap((b): (Paragraph | Table)[] => {
    switch (b.kind) {
      case 'title': return b.lines.map((line) => new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: line, bold: true })] }));
      case 'heading': return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun(b.text)] })];
      case 'text': return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [new TextRun(b.text)] })];
      case 'note': return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: b.text, italics: true, size: 18 })] })];
      case 'table': return docxTable(b);
    }
  });
  const doc = new Document({
    creator: 'Pamong', title: r.snapshot.title,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{
      // A4 portrait, 2.5 cm margins (twentieths of a point).
      properties: { page: { size: { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT }, margin: { top: 1417, right: 1417, bottom: 1417, left: 1417 } } },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}

// ---------------------------------------------------------------------------
// PDF

export function reportPdf(r: Printable): Promise<Buffer> {
  const { doc, done } = a4Pdf({ Title: r.snapshot.title, Author: r.snapshot.subject }, 56);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  for (const b of reportBlocks(r)) {
    switch (b.kind) {
      case 'title':
        doc.font('bold').fontSize(14);
        for (const line of b.lines) doc.text(line, left, undefined, { width, align: 'center' });
        doc.moveDown(1.5);
        break;
      case 'heading':
        if (doc.y > bottom() - 60) doc.addPage();
        doc.moveDown(0.6).font('bold').fontSize(b.level === 1 ? 13 : 11).text(b.text, left, undefined, { width }).moveDown(0.3);
        break;
      case 'text':
        doc.font('regular').fontSize(10).text(b.text, left, undefined, { width, align: 'justify' }).moveDown(0.4);
        break;
      case 'note':
        doc.font('oblique').fontSize(8.5).text(b.text, left, undefined, { width }).moveDown(0.4);
        break;
      case 'table':
        pdfTable(doc, b, left, width, bottom);
        break;
    }
  }
  doc.end();
  return done;
}

/** A table with wrapped cells and lines; the header row is repeated on every page it runs onto. */
function pdfTable(doc: PDFKit.PDFDocument, b: Extract<Block, { kind: 'table' }>, left: number, width: number, bottom: () => number) {
  const total = b.widths.reduce((a, w) => a + w, 0);
  const cols = b.widths.map((w) => (w / total) * width);
  const pad = 3;
  const rowHeight = (cells: string[], font: PdfFont) => {
    doc.font(font).fontSize(8);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i] - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: PdfFont, h: number) => {
    let x = left;
    const y = doc.y;
    doc.font(font).fontSize(8);
    cells.forEach((c, i) => {
      doc.rect(x, y, cols[i], h).stroke();
      doc.text(c, x + pad, y + pad, { width: cols[i] - 2 * pad });
      x += cols[i];
    });
    doc.x = left;
    doc.y = y + h;
  };
  doc.font('bold').fontSize(10);
  if (doc.y > bottom() - 80) doc.addPage();
  doc.moveDown(0.5).text(b.caption, left, undefined, { width }).moveDown(0.3);
  doc.lineWidth(0.5);
  const headHeight = rowHeight(b.head, 'bold');
  drawRow(b.head, 'bold', headHeight);
  for (const row of b.rows) {
    const h = rowHeight(row, 'regular');
    if (doc.y + h > bottom()) {
      doc.addPage();
      drawRow(b.head, 'bold', headHeight);
    }
    drawRow(row, 'regular', h);
  }
  doc.moveDown(0.6);
}

/** "LKjIP 2025 - Dinas Kesehatan.docx" (an earlier final version: "… (versi 1).docx"): the file name to download. */
export const reportFileName = (r: Printable & { year: number; version?: number }, ext: 'docx' | 'pdf') =>
  `LKjIP ${r.year} - ${r.snapshot.subject}${r.status === 'draft' ? ' (draf)' : ''}${r.version ? ` (versi ${r.version})` : ''}.${ext}`.replace(/[\\/:*?"<>|]/g, '-');

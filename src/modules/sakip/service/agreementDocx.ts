// A performance agreement as a Word document (.docx), for officials who
// finish it in Word: A4 portrait, Indonesian, the title, the statement, the
// table of targets, the programmes with their budgets, and the signature
// block (second party left, first party right under the place and date),
// written with the `docx` package.
import {
  AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { AppContext } from '../../../platform/context.js';
import type { Region } from '../../../platform/regions/service.js';
import { AppError } from '../../../platform/errors.js';
import { agreementView, signedVersionView, type AgreementView } from './agreements.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 1234567.5 → "1.234.567,5": figures as Indonesian documents write them, digit for digit. */
export function indonesianNumber(value: string | null): string {
  if (value === null) return '–';
  const [whole, fraction] = value.replace(/^-/, '').split('.');
  return `${value.startsWith('-') ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${fraction ? `,${fraction}` : ''}`;
}

export const targetText = (t: AgreementView['targets'][number]) =>
  `${t.type === 'single' ? indonesianNumber(t.value) : `${indonesianNumber(t.low)}–${indonesianNumber(t.high)}`}${t.measure ? ` ${t.measure}` : ''}`;

// Twips: A4 is 11906 × 16838; 2.5 cm margins leave 9071 for the text.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1417;
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const para = (text: string, o: { bold?: boolean; center?: boolean; after?: number } = {}) => new Paragraph({
  alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
  spacing: { after: o.after ?? 120 },
  children: [new TextRun({ text, bold: o.bold })],
});

/** A table with ruled cells; the first row is the header, repeated on each page. */
function ruledTable(widths: number[], header: string[], rows: string[][]): Table {
  const cell = (text: string, width: number, head: boolean) => new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [para(text, { bold: head, center: head, after: 0 })],
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i], true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i], false)) })),
    ],
  });
}

type Party = AgreementView['firstParty'];

/** One signature column: the role and position, room to sign, the name and NIP; empty for a head of region's left column. */
function signer(title: string, p: Party | null, placeAndDate: string | null): Paragraph[] {
  if (!p) return [para('', { after: 0 })];
  const lines = [...(placeAndDate ? [placeAndDate] : ['']), title, p.position, '', '', '', ''];
  return [
    ...lines.map((l) => para(l, { center: true, after: 0 })),
    para(p.name, { bold: true, center: true, after: 0 }),
    ...(p.nip ? [para(`NIP ${p.nip}`, { center: true, after: 0 })] : []),
  ];
}

/** The signature block: two unruled columns, kept together on one page. */
function signatures(a: AgreementView): Table {
  const half = 4535;
  const column = (children: Paragraph[]) => new TableCell({ width: { size: half, type: WidthType.DXA }, children });
  return new Table({
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: TableBorders.NONE,
    rows: [new TableRow({
      cantSplit: true,
      children: [column(signer('Pihak Kedua,', a.secondParty, null)), column(signer('Pihak Pertama,', a.firstParty, a.words.placeAndDate))],
    })],
  });
}

/** The agreement's document: what the printable page shows, in Word. */
export function agreementDocument(a: AgreementView): Document {
  const w = a.words;
  const subunit = a.level === 'subunit';
  const children: (Paragraph | Table)[] = [
    ...w.title.map((l) => para(l, { bold: true, center: true, after: 60 })),
    para(''),
    ...w.paragraphs.map((p) => para(p)),
    para(''),
    para('Target kinerja', { bold: true }),
    ruledTable([600, 3000, 3400, 2071], ['No', 'Sasaran', 'Indikator kinerja', `Target ${a.year}`],
      a.targets.map((t, i) => [String(i + 1), t.target, t.indicator, targetText(t)])),
  ];
  if (a.programmes.length > 0) {
    children.push(para(''), para(subunit ? 'Kegiatan dan anggaran' : 'Program dan anggaran', { bold: true }),
      ruledTable([600, 6000, 2471], ['No', subunit ? 'Kegiatan' : 'Program', 'Anggaran (Rp)'],
        a.programmes.map((p, i) => [String(i + 1), `${p.code ? `${p.code} ` : ''}${p.title}`, indonesianNumber(p.budget)])));
  }
  children.push(para(''), signatures(a));
  return new Document({
    title: w.title.join(' '),
    creator: 'Pamong',
    styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: 'id-ID' } } } } },
    sections: [{
      properties: { page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 708, footer: 708, gutter: 0 } } },
      children,
    }],
  });
}

/** The file to download: "Perjanjian Kinerja 2026 - Dinas Kesehatan (versi 2).docx". */
export async function exportAgreementDocx(ctx: AppContext, region: Pick<Region, 'code' | 'name' | 'utcOffsetMinutes'>, id: string, version?: number) {
  return docxFile(region, await agreementView(ctx, region, id, version));
}

/** The latest signed version for anyone, as the public pages show it (without the parties' NIP). */
export async function exportPublishedAgreementDocx(ctx: AppContext, region: Pick<Region, 'code' | 'name' | 'utcOffsetMinutes'>, id: string) {
  const a = await signedVersionView(ctx, region, id);
  if (!a) throw new AppError('sakip.agreement_not_found');
  return docxFile(region, a);
}

async function docxFile(region: Pick<Region, 'name'>, a: AgreementView) {
  const who = a.unit ? `${a.unit.name}${a.subunit ? ` - ${a.subunit}` : ''}` : region.name;
  return { fileName: `Perjanjian Kinerja ${a.year} - ${who} (versi ${a.version}).docx`.replace(/[\\/:*?"<>|]/g, '-'), data: await Packer.toBuffer(agreementDocument(a)) };
}

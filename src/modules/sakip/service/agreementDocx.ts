// A performance agreement as a Word document (.docx), for officials who
// finish it in Word: A4, the title, the statement, the table of targets, the
// programmes with their budgets, and the signature block. A .docx is a zip
// of WordprocessingML parts; it is written directly with fflate (already the
// platform's zip library) rather than through another dependency.
import { strToU8, zipSync } from 'fflate';
import type { AppContext } from '../../../platform/context.js';
import type { Region } from '../../../platform/regions/service.js';
import { agreementView, type AgreementView } from './agreements.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // Characters XML 1.0 cannot carry at all.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const run = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (text: string, o: { bold?: boolean; center?: boolean; after?: number } = {}) =>
  `<w:p><w:pPr>${o.center ? '<w:jc w:val="center"/>' : '<w:jc w:val="both"/>'}<w:spacing w:after="${o.after ?? 120}"/></w:pPr>${run(text, o.bold)}</w:p>`;
const cell = (text: string, width: number, o: { bold?: boolean; center?: boolean } = {}) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${text.split('\n').map((line) => para(line, { ...o, after: 0 })).join('')}</w:tc>`;
const borders = (size: number) => `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="${size ? 'single' : 'nil'}" w:sz="${size}" w:space="0" w:color="000000"/>`).join('')}</w:tblBorders>`;
function table(widths: number[], rows: string[][], o: { header?: boolean; lines?: boolean } = {}) {
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const body = rows.map((r, i) => `<w:tr>${i === 0 && o.header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${r.map((c, j) => cell(c, widths[j], { bold: i === 0 && o.header, center: i === 0 && o.header || !o.lines })).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/>${borders(o.lines === false ? 0 : 4)}</w:tblPr>${grid}${body}</w:tbl>`;
}

/** 1234567.5 → "1.234.567,5": figures as Indonesian documents write them, digit for digit. */
export function indonesianNumber(value: string | null): string {
  if (value === null) return '–';
  const [whole, fraction] = value.replace(/^-/, '').split('.');
  return `${value.startsWith('-') ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${fraction ? `,${fraction}` : ''}`;
}

export const targetText = (t: AgreementView['targets'][number]) =>
  `${t.type === 'single' ? indonesianNumber(t.value) : `${indonesianNumber(t.low)}–${indonesianNumber(t.high)}`}${t.measure ? ` ${t.measure}` : ''}`;

/** The document.xml of an agreement (A4, 2.5 cm margins). */
export function agreementDocumentXml(a: AgreementView): string {
  const w = a.words;
  const parts: string[] = [
    ...w.title.map((line) => para(line, { bold: true, center: true, after: 60 })),
    para(''),
    ...w.paragraphs.map((p) => para(p)),
    para(''),
    para('Target kinerja', { bold: true }),
    table([600, 3000, 3400, 2000], [['No', 'Sasaran', 'Indikator kinerja', `Target ${a.year}`], ...a.targets.map((t, i) => [String(i + 1), t.target, t.indicator, targetText(t)])], { header: true, lines: true }),
  ];
  if (a.programmes.length > 0) {
    parts.push(para(''), para(a.level === 'subunit' ? 'Kegiatan dan anggaran' : 'Program dan anggaran', { bold: true }),
      table([600, 6000, 2400], [['No', a.level === 'subunit' ? 'Kegiatan' : 'Program', 'Anggaran (Rp)'],
        ...a.programmes.map((p, i) => [String(i + 1), `${p.code ? `${p.code} ` : ''}${p.title}`, p.budget === null ? '–' : indonesianNumber(p.budget)])], { header: true, lines: true }));
  }
  const signer = (title: string, p: { name: string; position: string; nip: string } | null) => (p ? `${title}\n${p.position}\n\n\n\n${p.name}${p.nip ? `\nNIP ${p.nip}` : ''}` : '');
  parts.push(para(''), table([4500, 4500], [['', w.placeAndDate], [signer('Pihak Kedua,', a.secondParty), signer('Pihak Pertama,', a.firstParty)]], { lines: false }));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${parts.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:lang w:val="id-ID"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;

/** The whole .docx: the minimal parts Word, LibreOffice and Google Docs open. */
export function agreementDocx(a: AgreementView): Buffer {
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'word/document.xml': agreementDocumentXml(a),
    'word/styles.xml': styles,
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
}

/** The file to download: "Perjanjian Kinerja 2026 - Dinas Kesehatan (versi 2).docx". */
export async function exportAgreementDocx(ctx: AppContext, region: Pick<Region, 'code' | 'name' | 'utcOffsetMinutes'>, id: string, version?: number) {
  const a = await agreementView(ctx, region, id, version);
  const who = a.unit ? `${a.unit.name}${a.subunit ? ` - ${a.subunit}` : ''}` : region.name;
  return { fileName: `Perjanjian Kinerja ${a.year} - ${who} (versi ${a.version}).docx`.replace(/[\\/:*?"<>|]/g, '-'), data: agreementDocx(a) };
}

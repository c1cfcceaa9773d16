// The minutes (berita acara) of an approved disposal as a PDF (pdfkit, A4,
// the platform's fonts): what was done to which files, why, who proposed and
// who approved, and the list of files with their letters counted.
import { a4Pdf } from '../../../platform/fonts.js';
import { indonesianDate } from '../../../platform/calendar/calendar.js';
import type { DisposalAction } from '../domain/retention.js';

export interface MinutesInput {
  region: string;
  action: DisposalAction;
  /** The region's local date of approval. */
  date: string;
  reason: string;
  note: string;
  proposedBy: string;
  decidedBy: string;
  files: { title: string; unit: string; classificationCode: string; closedOn: string | null; letters: number }[];
}

const TITLE: Record<DisposalAction, string> = {
  transfer: 'Berita Acara Pemindahan Arsip Inaktif',
  destroy: 'Berita Acara Pemusnahan Arsip',
  permanent: 'Berita Acara Penyerahan Arsip Statis',
};
const DONE: Record<DisposalAction, string> = {
  transfer: 'dipindahkan dari unit pengolah ke unit kearsipan (pusat arsip)',
  destroy: 'dimusnahkan; catatan registernya (nomor, tanggal, perihal) tetap disimpan, berkas PDF dan lampirannya dihapus',
  permanent: 'ditetapkan dan diserahkan sebagai arsip statis (permanen)',
};
const MARGIN = 56;

export function disposalMinutes(m: MinutesInput): Promise<Buffer> {
  const { doc, done } = a4Pdf({ Title: `${TITLE[m.action]} ${m.date}`, Author: m.region }, MARGIN);
  const w = doc.page.width - MARGIN * 2;
  doc.font('bold').fontSize(13).text(m.region.toUpperCase(), { width: w, align: 'center' });
  doc.moveDown(0.5).fontSize(12).text(TITLE[m.action].toUpperCase(), { width: w, align: 'center', underline: true }).moveDown(1);
  doc.font('regular').fontSize(11)
    .text(`Pada tanggal ${indonesianDate(m.date)}, arsip dalam ${m.files.length} berkas yang tercantum di bawah ini ${DONE[m.action]}.`, { width: w, align: 'justify' })
    .moveDown(0.5).text(`Alasan usul: ${m.reason}`, { width: w })
    .moveDown(0.3).text(`Catatan persetujuan: ${m.note || '-'}`, { width: w })
    .moveDown(0.3).text(`Diusulkan oleh: ${m.proposedBy}. Disetujui oleh: ${m.decidedBy}.`, { width: w }).moveDown(1);
  const cols = [{ h: 'No.', w: 30 }, { h: 'Berkas', w: 170 }, { h: 'Unit', w: 130 }, { h: 'Klasifikasi', w: 70 }, { h: 'Ditutup', w: 60 }, { h: 'Naskah', w: w - 460 }];
  const row = (cells: string[], font: 'regular' | 'bold') => {
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    let bottom = y;
    cells.forEach((c, i) => {
      doc.font(font).fontSize(9).text(c, x, y, { width: cols[i].w - 4 });
      bottom = Math.max(bottom, doc.y);
      x += cols[i].w;
    });
    doc.y = bottom + 4;
  };
  row(cols.map((c) => c.h), 'bold');
  m.files.forEach((f, i) => row([String(i + 1), f.title, f.unit, f.classificationCode, f.closedOn ?? '-', String(f.letters)], 'regular'));
  doc.end();
  return done;
}

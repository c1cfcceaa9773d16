// The letter a region writes when it transfers a complaint to another region
// (pelimpahan pengaduan), filed in the region's letter register and delivered
// to the receiving region's. It names the complaint by its two tracking codes,
// its category, when it was received and the transfer note; never the
// reporter (name, phone, email, NIK) nor the report's own words, which the
// receiving region reads in its copy of the complaint. Pure.
import { indonesianDate } from '../../../platform/calendar/calendar.js';

/** Filed under "Pelayanan Publik" (Permendagri 83/2022), as a cover letter. */
export const TRANSFER_CLASSIFICATION = '000.8.3.4';
export const TRANSFER_DOCUMENT_TYPE = 'surat-pengantar';

export interface TransferFacts {
  fromTrackingCode: string;
  toTrackingCode: string;
  category: string;
  /** The region's local date the complaint was received, YYYY-MM-DD. */
  receivedOn: string;
  fromRegion: string;
  toRegion: string;
  note: string;
}

export const transferSubject = (f: Pick<TransferFacts, 'fromTrackingCode'>) => `Pelimpahan pengaduan masyarakat ${f.fromTrackingCode}`;

export function transferParagraphs(f: TransferFacts): string[] {
  return [
    `Bersama ini ${f.fromRegion} melimpahkan pengaduan masyarakat dengan kode pelacakan ${f.fromTrackingCode}, kategori ${f.category}, `
      + `yang diterima pada ${indonesianDate(f.receivedOn)}, kepada ${f.toRegion} sesuai kewenangannya. `
      + `Di ${f.toRegion} pengaduan tersebut tercatat dengan kode pelacakan ${f.toTrackingCode}.`,
    `Catatan pelimpahan: ${f.note}`,
    'Identitas pelapor tidak dicantumkan dalam surat ini. Isi pengaduan dan lampirannya dapat dibaca pada pengaduan '
      + `${f.toTrackingCode} di Pamong; pelapor mengikuti perkembangannya dengan kode pelacakan tersebut.`,
  ];
}

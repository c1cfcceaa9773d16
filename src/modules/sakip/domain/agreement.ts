// The words of a performance agreement (Perjanjian Kinerja) as PermenPANRB
// 53/2014 sets them out: a title, the statement the parties make, then (in
// the document) the table of targets, the programmes and the signatures.
// Written once here, in Indonesian (the language the document is signed in),
// for the printable page and the Word file alike.
import { indonesianDate } from '../../../platform/calendar/calendar.js';

export type AgreementLevel = 'region' | 'unit' | 'subunit';
export const agreementLevels = ['region', 'unit', 'subunit'] as const;

export interface AgreementParty { name: string; position: string; nip: string }

export interface AgreementWordsInput {
  year: number;
  level: AgreementLevel;
  /** "Kabupaten Sumedang". */
  regionName: string;
  unitName: string | null;
  subunit: string;
  first: AgreementParty;
  second: AgreementParty | null;
  place: string;
  /** YYYY-MM-DD in the region's time; null before signing. */
  signedOn: string | null;
}

export interface AgreementWords {
  title: string[];
  paragraphs: string[];
  /** "Sumedang, 12 Januari 2026", or the place with a blank for the date while unsigned. */
  placeAndDate: string;
}


const who = (p: AgreementParty) => [`Nama: ${p.name}`, ...(p.nip ? [`NIP: ${p.nip}`] : []), `Jabatan: ${p.position}`].join('; ');

export function agreementWords(a: AgreementWordsInput): AgreementWords {
  const government = `PEMERINTAH ${a.regionName.toUpperCase()}`;
  const owner = a.level === 'region' ? government : (a.subunit ? `${a.subunit.toUpperCase()} ${a.unitName?.toUpperCase() ?? ''}` : (a.unitName ?? '').toUpperCase()).trim();
  const title = [`PERJANJIAN KINERJA TAHUN ${a.year}`, ...(a.level === 'region' ? [government] : [owner, government])];
  const opening = 'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, ';
  const promise = `Pihak pertama berjanji akan mewujudkan target kinerja tahun ${a.year} sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab pihak pertama.`;
  const paragraphs = a.second
    ? [
      `${opening}kami yang bertanda tangan di bawah ini:`,
      `${who(a.first)}, selanjutnya disebut pihak pertama;`,
      `${who(a.second)}, selaku atasan pihak pertama, selanjutnya disebut pihak kedua.`,
      promise,
      'Pihak kedua akan melakukan supervisi yang diperlukan serta melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.',
    ]
    : [
      `${opening}saya yang bertanda tangan di bawah ini:`,
      `${who(a.first)}, selanjutnya disebut pihak pertama,`,
      `berjanji akan mewujudkan target kinerja tahun ${a.year} sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam RPJMD. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab saya.`,
    ];
  return { title, paragraphs, placeAndDate: `${a.place}, ${a.signedOn ? indonesianDate(a.signedOn) : '.................... '.concat(String(a.year))}` };
}

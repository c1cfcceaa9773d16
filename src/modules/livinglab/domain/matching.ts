// Before a region builds an application, what already does the same: the
// national general applications it would duplicate (by the words such a
// proposal uses), and the words to search the catalogue with. Pure.
import type { NationalApplication } from './solution.js';

/** Words that mark work a national general application already does (lower case, Indonesian stems and common terms). */
const NATIONAL_WORDS: Record<NationalApplication, readonly string[]> = {
  srikandi: ['surat', 'naskah', 'arsip', 'kearsipan', 'disposisi', 'persuratan', 'tata naskah'],
  'sp4n-lapor': ['pengaduan', 'aduan', 'keluhan', 'lapor'],
  sipd: ['perencanaan pembangunan', 'rkpd', 'apbd', 'penatausahaan keuangan', 'keuangan daerah'],
  spse: ['pengadaan', 'lelang', 'tender', 'e-katalog'],
  krisna: ['penganggaran', 'rencana kerja anggaran'],
};

const plain = (s: string) => ` ${s.toLocaleLowerCase('id').replace(/[^a-z0-9-]+/g, ' ')} `;

/** The national applications whose words the proposal uses. */
export function nationalDuplicates(text: string): NationalApplication[] {
  const t = plain(text);
  return (Object.keys(NATIONAL_WORDS) as NationalApplication[]).filter((app) => NATIONAL_WORDS[app].some((w) => t.includes(` ${w}`)));
}

/** A catalogue query that matches any of the proposal's words ("or"), for PostgreSQL's websearch syntax. */
export function anyWordQuery(text: string): string | null {
  const words = [...new Set(plain(text).split(' ').filter((w) => w.length >= 4))].slice(0, 12);
  return words.length ? words.join(' or ') : null;
}

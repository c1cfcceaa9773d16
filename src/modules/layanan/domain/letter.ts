// What an issued document says around its body, as words: the letterhead's
// lines (kop surat), the place and date in Indonesian, the signer, the
// verification caption, and the holder's name as the public verification
// page shows it. The PDF drawing is service/pdf.ts.

/** "Kabupaten Sumedang" → "PEMERINTAH KABUPATEN SUMEDANG"; a province's bare name gets its word ("Jawa Barat" → "PEMERINTAH PROVINSI JAWA BARAT"). */
/** The government a region is, as a letter names it: "Pemerintah Provinsi Jawa Barat", "Pemerintah Kabupaten Sumedang". */
export function governmentName(region: { name: string; kind: string }): string {
  const named = region.kind === 'provinsi' && !/^provinsi\b/i.test(region.name) ? `Provinsi ${region.name}` : region.name;
  return `Pemerintah ${named}`;
}

export const governmentLine = (region: { name: string; kind: string }): string => governmentName(region).toUpperCase();

/** A unit's letterhead and signer as staff set them. */
export interface LetterheadSettings {
  address: string;
  phone: string;
  email: string;
  /** Where the letter is signed ("Sumedang"). */
  place: string;
  signerPosition: string;
  signerName: string;
}

/** Until a unit writes its own: its name as the signer's office, the region's name as the place, no address lines. */
export function defaultLetterhead(region: { name: string }, unit: { name: string; email: string | null } | null): LetterheadSettings {
  return {
    address: '', phone: '', email: unit?.email ?? '',
    place: region.name.replace(/^(kabupaten|kota|provinsi)\s+/i, ''),
    signerPosition: unit ? `Kepala ${unit.name}` : 'Kepala Daerah',
    signerName: '',
  };
}

/** The letterhead as printed: the government line, the unit's name, then the contact lines that are filled. */
export interface Letterhead {
  government: string;
  unit: string | null;
  lines: string[];
  place: string;
  signerPosition: string;
  signerName: string;
}

export function letterheadOf(region: { name: string; kind: string }, unitName: string | null, s: LetterheadSettings): Letterhead {
  const contact = [s.phone && `Telepon ${s.phone}`, s.email && `Surel ${s.email}`].filter(Boolean).join(' · ');
  return {
    government: governmentLine(region),
    unit: unitName?.toUpperCase() ?? null,
    lines: [s.address, contact].filter((l) => l.trim() !== ''),
    place: s.place, signerPosition: s.signerPosition, signerName: s.signerName,
  };
}

export const verifyCaption = (url: string) => `Dokumen ini dapat diverifikasi di ${url}`;

/** "Budi Santoso" → "Bu** Sa*****": enough for the holder to recognise, too little for a stranger to learn a name. */
export function maskName(name: string): string {
  return name.trim().split(/\s+/).map((w) => {
    const chars = [...w];
    const keep = chars.length <= 2 ? 1 : 2;
    return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
  }).join(' ');
}

/** "Rp 150.000" for a receipt's amount in rupiah. */
export const rupiah = (amount: number) => `Rp ${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(amount)}`;

// What a letter is, independent of storage: its security class and urgency,
// the body an outgoing letter's template is filled with, and who may open a
// letter or see that it exists (the access rule every read applies, in
// service/access.ts as SQL and here for one letter).
import { z } from 'zod';

export const SECURITY_CLASSES = ['biasa', 'terbatas', 'rahasia', 'sangat_rahasia'] as const;
export type SecurityClass = (typeof SECURITY_CLASSES)[number];
export const URGENCIES = ['biasa', 'segera', 'sangat_segera'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The code a security class prints in a number or a register (Permendagri 1/2023 via Perwako Sungai Penuh 31/2023: B/T/R/SR). */
export const SECURITY_CODE: Record<SecurityClass, string> = { biasa: 'B', terbatas: 'T', rahasia: 'R', sangat_rahasia: 'SR' };
export const SECURITY_LABEL: Record<SecurityClass, { id: string; en: string }> = {
  biasa: { id: 'Biasa', en: 'Ordinary' },
  terbatas: { id: 'Terbatas', en: 'Restricted' },
  rahasia: { id: 'Rahasia', en: 'Confidential' },
  sangat_rahasia: { id: 'Sangat Rahasia', en: 'Secret' },
};
export const URGENCY_LABEL: Record<Urgency, { id: string; en: string }> = {
  biasa: { id: 'Biasa', en: 'Ordinary' },
  segera: { id: 'Segera', en: 'Urgent' },
  sangat_segera: { id: 'Sangat Segera', en: 'Very urgent' },
};

/**
 * How a person stands to a letter:
 * - `party`: on the letter (registered or drafted it, it was distributed or
 *   disposed to them, they verify or sign it, their unit received it as
 *   recipient or copy);
 * - `manager`: the region's records manager (files and retains everything);
 * - `unit`: holds a correspondence role in the letter's unit, not on it;
 * - `none`: anyone else in the region.
 */
export type Standing = 'party' | 'manager' | 'unit' | 'none';

/** What a person may do with a letter: open it, see only that it exists (number, date, class; no subject, sender or files), or nothing. */
export type Access = 'open' | 'exists' | 'none';

/**
 * The access rule (SKKAAD in spirit; the region's own classification scheme
 * may be stricter, never looser): an ordinary letter opens to its unit and
 * the records manager; a restricted one to the people on it and the records
 * manager, its unit sees it exists; a confidential one only to the people on
 * it, the records manager sees it exists; a secret one only to the people on
 * it, nobody else sees it.
 */
export function accessTo(security: SecurityClass, standing: Standing): Access {
  if (standing === 'party') return 'open';
  switch (security) {
    case 'biasa': return standing === 'none' ? 'none' : 'open';
    case 'terbatas': return standing === 'manager' ? 'open' : standing === 'unit' ? 'exists' : 'none';
    case 'rahasia': return standing === 'manager' ? 'exists' : 'none';
    case 'sangat_rahasia': return 'none';
  }
}

/** What an outgoing letter's template is filled with. Korespondensi letters have an addressee and Hal; berjudul documents a title and "about" line. */
export const letterBodySchema = z.object({
  /** Kepada Yth. … (korespondensi); empty for berjudul. */
  addressee: z.string().trim().max(500).default(''),
  /** Where, as the date line prints it: "Sumedang". */
  place: z.string().trim().max(100).default(''),
  /** The attachments line (Lampiran): "1 (satu) berkas", or empty for "-". */
  attachments: z.string().trim().max(200).default(''),
  opening: z.string().trim().max(5_000).default(''),
  content: z.string().trim().min(1).max(50_000),
  closing: z.string().trim().max(5_000).default(''),
});
export type LetterBody = z.infer<typeof letterBodySchema>;

/** The words an outgoing letter prints, searched like an incoming letter's PDF text. */
export const bodyText = (b: LetterBody): string => [b.addressee, b.opening, b.content, b.closing].filter(Boolean).join('\n');

// The letter-exchange package (README "Exchange with SRIKANDI"): a ZIP with
// `naskah.json` describing the letters and their PDFs beside it. No public
// SRIKANDI API is known, so letters travel as files; this is the format's one
// definition, for export and import alike.
import { z } from 'zod';
import { SECURITY_CLASSES, URGENCIES } from './letter.js';

export const EXCHANGE_FORMAT = 'pamong-naskah-dinas';
export const EXCHANGE_VERSION = 1;
export const MANIFEST = 'naskah.json';

/** A file name inside the package: a relative path of plain segments, never `..` or absolute. */
const packagePath = z.string().min(1).max(300).regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[^\\:*?"<>|]+$/, 'nama berkas tidak sah / invalid file name');

export const exchangeLetter = z.object({
  /** Stable across exports: the same letter exported twice has the same ref, so it is imported once. */
  ref: z.string().trim().min(1).max(200),
  direction: z.enum(['incoming', 'outgoing', 'memo']),
  number: z.string().trim().max(200).nullable(),
  date: z.iso.date().nullable(),
  subject: z.string().trim().min(1).max(1000),
  sender: z.string().trim().max(500),
  recipients: z.array(z.string().trim().max(500)).max(200),
  classification: z.string().regex(/^\d{3}(\.\d+){0,3}$/),
  security: z.enum(SECURITY_CLASSES),
  urgency: z.enum(URGENCIES),
  agenda: z.object({ year: z.number().int().min(1900).max(2200), number: z.number().int().min(1) }).nullable(),
  files: z.array(z.object({ name: packagePath, kind: z.enum(['naskah', 'lampiran']), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(50),
});
export type ExchangeLetter = z.infer<typeof exchangeLetter>;

export const exchangeManifest = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.literal(EXCHANGE_VERSION),
  exportedAt: z.iso.datetime(),
  source: z.object({ system: z.string().max(100), region: z.string().max(100), unit: z.string().max(300) }),
  period: z.object({ from: z.iso.date(), to: z.iso.date() }).nullable(),
  letters: z.array(exchangeLetter).max(5000),
});
export type ExchangeManifest = z.infer<typeof exchangeManifest>;

/**
 * Reads a manifest's text: the problems (format and version first, since
 * another format's fields say nothing useful) or the manifest.
 */
export function readManifest(text: string): { manifest: ExchangeManifest; problems: [] } | { manifest: null; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { manifest: null, problems: [`${MANIFEST} bukan JSON / is not JSON`] };
  }
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(data);
  if (!head.success || head.data.format !== EXCHANGE_FORMAT || head.data.version !== EXCHANGE_VERSION) {
    return { manifest: null, problems: [`format harus "${EXCHANGE_FORMAT}" versi ${EXCHANGE_VERSION} / format must be ${EXCHANGE_FORMAT} version ${EXCHANGE_VERSION}`] };
  }
  const parsed = exchangeManifest.safeParse(data);
  if (!parsed.success) return { manifest: null, problems: parsed.error.issues.map((i) => `${i.path.join('.') || MANIFEST}: ${i.message}`) };
  const problems: string[] = [];
  const refs = new Set<string>();
  const names = new Set<string>();
  parsed.data.letters.forEach((l, i) => {
    if (refs.has(l.ref)) problems.push(`letters.${i}.ref: "${l.ref}" dua kali / given twice`);
    refs.add(l.ref);
    for (const f of l.files) {
      if (names.has(f.name)) problems.push(`letters.${i}.files: "${f.name}" dipakai dua kali / used twice`);
      names.add(f.name);
    }
  });
  return problems.length ? { manifest: null, problems } : { manifest: parsed.data, problems: [] };
}

/** A letter's name in a package: its ref when it came from elsewhere (so it keeps its identity), else this installation's. */
export const refOf = (letter: { id: string; regionCode: string; externalRef: string | null }) => letter.externalRef ?? `pamong:${letter.regionCode}:${letter.id}`;

/** A file name safe inside the package, keeping what it says: "Surat 1/2026.pdf" → "Surat-1-2026.pdf". */
export const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '').slice(0, 120) || 'berkas.pdf';

// An SPBE practice for an indicator as the Living Lab carries it
// (`spbe.practices`): what a region does for one indicator of a framework
// (its practice note and explanation), its SOP, and the checklist of
// evidence to prepare: titles, descriptions and what kind of document each
// is. Never the evidence files themselves: they are the region's own
// documents (signatures, officials' names, up to 10 MB each), shared one by
// one on the leaders page when the region chooses; a package is portable
// JSON another installation imports. Pure: no database.
import { z } from 'zod';
import type { PackageChange } from '../../../platform/modules/contract.js';
import type { Words } from '../../../platform/errors.js';
import type { PracticeEvidence } from '../schema.js';

export const PRACTICES_FORMAT_VERSION = 1;

/** What kind of document an evidence item is. */
export const EVIDENCE_KINDS = ['regulation', 'sop', 'report', 'minutes', 'data', 'screenshot', 'document'] as const satisfies readonly PracticeEvidence['kind'][];
export const EVIDENCE_KIND_WORDS: Record<(typeof EVIDENCE_KINDS)[number], Words> = {
  regulation: { id: 'Peraturan / SK', en: 'Regulation / decree' },
  sop: { id: 'SOP', en: 'SOP' },
  report: { id: 'Laporan', en: 'Report' },
  minutes: { id: 'Notulen / berita acara', en: 'Minutes' },
  data: { id: 'Data / tabel', en: 'Data / table' },
  screenshot: { id: 'Tangkapan layar / foto', en: 'Screenshot / photo' },
  document: { id: 'Dokumen lain', en: 'Other document' },
};

const code = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/);
export const evidenceItem = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(1000).default(''),
  kind: z.enum(EVIDENCE_KINDS).default('document'),
});
export const practiceFields = z.object({
  note: z.string().trim().max(4000).default('').describe('Praktik baik: apa yang dilakukan / the practice: what the region does'),
  explanation: z.string().trim().max(8000).default('').describe('Penjelasan pemenuhan kriteria / how it meets the criteria'),
  sop: z.string().trim().max(20000).default('').describe('SOP (teks) / the SOP as text'),
  evidence: z.array(evidenceItem).max(30).default([]).describe('Daftar bukti dukung yang perlu disiapkan / the evidence to prepare'),
});
export type PracticeFields = z.infer<typeof practiceFields>;

export const practicesContent = z.object({
  /** The region the practices come from, as it names itself. */
  region: z.object({ code: z.string().max(20), name: z.string().max(200) }),
  practices: z.array(practiceFields.extend({
    framework: code,
    indicator: code,
    /** The indicator's number and name in the source's framework version, for reading the package. */
    indicatorName: z.string().max(600).default(''),
  })).min(1).max(300),
});
export type PracticesContent = z.infer<typeof practicesContent>;
export type PackagedPractice = PracticesContent['practices'][number];

/** The candidate key and the line key of a framework's indicator. */
export const practiceRef = (framework: string, indicator: string) => `${framework}/${indicator}`;
export const practiceKey = (framework: string, indicator: string) => `practice:${practiceRef(framework, indicator)}`;
export const practiceTag = (framework: string, indicator: string) => `spbe.indicator:${practiceRef(framework, indicator)}`;

/** An evidence file's kind from its checked type: the checklist item a package carries instead of the file. */
export function evidenceFromFile(file: { fileName: string; contentType: string }): PracticeEvidence {
  const kind: PracticeEvidence['kind'] = file.contentType.startsWith('image/') ? 'screenshot'
    : file.contentType.includes('spreadsheet') ? 'data'
    : /^sop[-_ ]/i.test(file.fileName) ? 'sop'
    : /^(perkada|perbup|perwal|sk)[-_ ]/i.test(file.fileName) ? 'regulation' : 'document';
  return { title: file.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[-_]+/g, ' ').trim() || file.fileName, description: '', kind };
}

/** A package's own faults: an indicator twice. */
export function contentProblems(content: PracticesContent): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const p of content.practices) {
    const ref = practiceRef(p.framework, p.indicator);
    if (seen.has(ref)) problems.push(`${ref}: twice`);
    seen.add(ref);
  }
  return problems;
}

const checklist = (items: readonly PracticeEvidence[]) => items.map((e) => `${e.title} (${EVIDENCE_KIND_WORDS[e.kind].id})${e.description ? `: ${e.description}` : ''}`).join('\n');

/** The fields where the region's practice and the package's differ, as text. */
export function practiceDiff(ours: PracticeFields, theirs: PracticeFields): PackageChange['fields'] {
  const fields: PackageChange['fields'] = [];
  for (const f of ['note', 'explanation', 'sop'] as const) if (ours[f] !== theirs[f]) fields.push({ field: f, ours: ours[f], theirs: theirs[f] });
  const a = checklist(ours.evidence);
  const b = checklist(theirs.evidence);
  if (a !== b) fields.push({ field: 'evidence', ours: a, theirs: b });
  return fields;
}

/** One preview line: a practice the region does not have, has the same, or has differently. */
export function practiceLine(p: PackagedPractice, label: string, ours: PracticeFields | undefined): PackageChange {
  const key = practiceKey(p.framework, p.indicator);
  if (!ours) return { key, kind: 'add', label: `Praktik baru untuk ${label}`, fields: [] };
  const fields = practiceDiff(ours, p);
  return fields.length === 0 ? { key, kind: 'same', label: `Praktik ${label}`, fields } : { key, kind: 'change', label: `Praktik ${label} (milik Anda diganti bila dipilih)`, fields };
}

export const practicesSummary = (content: PracticesContent): Words => {
  const n = content.practices.length;
  const items = content.practices.reduce((sum, p) => sum + p.evidence.length, 0);
  return { id: `${n} praktik indikator SPBE, ${items} bukti dukung`, en: `${n} SPBE indicator practice${n === 1 ? '' : 's'}, ${items} evidence item${items === 1 ? '' : 's'}` };
};

export const practicesTags = (content: PracticesContent) => content.practices.map((p) => practiceTag(p.framework, p.indicator));

// A service standard (standar pelayanan, PermenPANRB 15/2014): its 14
// components, 6 about delivering the service (published to the people who
// use it) and 8 about managing it. Most are plain text; three are
// structured because later slices compute with them: the requirements (a
// list: each becomes a document to upload), the time limit in working days
// (the decision deadline) and the cost (free, or a tariff). Pure: no
// database, no HTTP.
import { z } from 'zod';

/**
 * The time limit when no regulation sets another: UU 30/2014 Article 53 as
 * amended by the Cipta Kerja law, a decision within 5 working days of a
 * complete application (or the application is deemed granted).
 */
export const DEFAULT_TIME_LIMIT_DAYS = 5;
export const MAX_TIME_LIMIT_DAYS = 365;

export const TEXT_MAX = 5000;
export const REQUIREMENT_MAX = 500;
export const REQUIREMENTS_MAX = 50;

const componentText = z.string().trim().max(TEXT_MAX);

export const standardSchema = z.object({
  requirements: z.array(z.string().trim().max(REQUIREMENT_MAX)).max(REQUIREMENTS_MAX)
    .describe('Persyaratan, satu per butir / requirements, one per item'),
  procedure: componentText.describe('Sistem, mekanisme, dan prosedur / system, mechanism and procedure'),
  timeLimitDays: z.number().int().min(1).max(MAX_TIME_LIMIT_DAYS)
    .describe(`Jangka waktu pelayanan dalam hari kerja (1–${MAX_TIME_LIMIT_DAYS}; ${DEFAULT_TIME_LIMIT_DAYS} bila tidak ada peraturan lain, UU 30/2014 Pasal 53) / the time limit in working days`),
  timeLimitNote: componentText.describe('Keterangan jangka waktu, mis. "selesai pada hari yang sama" atau dasar hukumnya / a note on the time limit'),
  fee: z.enum(['free', 'tariff']).describe('free: tanpa biaya; tariff: dikenai tarif / free of charge, or a tariff'),
  tariff: componentText.describe('Tarif dan dasar hukumnya bila fee = tariff; kosong bila gratis / the tariff and its legal basis; empty when free'),
  product: componentText.describe('Produk pelayanan / the service product'),
  complaints: componentText.describe('Penanganan pengaduan, saran dan masukan / complaints, suggestions and feedback'),
  legalBasis: componentText.describe('Dasar hukum / legal basis'),
  facilities: componentText.describe('Sarana dan prasarana, dan/atau fasilitas / facilities'),
  competence: componentText.describe('Kompetensi pelaksana / staff competence'),
  supervision: componentText.describe('Pengawasan internal / internal supervision'),
  staffing: componentText.describe('Jumlah pelaksana / number of staff'),
  serviceGuarantee: componentText.describe('Jaminan pelayanan / service guarantee'),
  safetyGuarantee: componentText.describe('Jaminan keamanan dan keselamatan pelayanan / security and safety guarantee'),
  performanceEvaluation: componentText.describe('Evaluasi kinerja pelaksana / evaluation of staff performance'),
});
export type Standard = z.infer<typeof standardSchema>;

export type ComponentGroup = 'delivery' | 'management';
export type ComponentKey = 'requirements' | 'procedure' | 'timeLimit' | 'cost' | 'product' | 'complaints' | 'legalBasis' | 'facilities'
  | 'competence' | 'supervision' | 'staffing' | 'serviceGuarantee' | 'safetyGuarantee' | 'performanceEvaluation';

/** The 14 components in the regulation's order; `no` and the group are the reference file's (reference/SOURCES.md), the English names ours. */
export const COMPONENTS: readonly { no: number; key: ComponentKey; group: ComponentGroup; en: string }[] = [
  { no: 1, key: 'requirements', group: 'delivery', en: 'Requirements' },
  { no: 2, key: 'procedure', group: 'delivery', en: 'System, mechanism and procedure' },
  { no: 3, key: 'timeLimit', group: 'delivery', en: 'Time limit' },
  { no: 4, key: 'cost', group: 'delivery', en: 'Cost/tariff' },
  { no: 5, key: 'product', group: 'delivery', en: 'Service product' },
  { no: 6, key: 'complaints', group: 'delivery', en: 'Complaints, suggestions and feedback' },
  { no: 7, key: 'legalBasis', group: 'management', en: 'Legal basis' },
  { no: 8, key: 'facilities', group: 'management', en: 'Facilities and infrastructure' },
  { no: 9, key: 'competence', group: 'management', en: 'Staff competence' },
  { no: 10, key: 'supervision', group: 'management', en: 'Internal supervision' },
  { no: 11, key: 'staffing', group: 'management', en: 'Number of staff' },
  { no: 12, key: 'serviceGuarantee', group: 'management', en: 'Service guarantee' },
  { no: 13, key: 'safetyGuarantee', group: 'management', en: 'Security and safety guarantee' },
  { no: 14, key: 'performanceEvaluation', group: 'management', en: 'Evaluation of staff performance' },
];

/** A new service's standard: everything still to write, the statutory time limit, free of charge. */
export const emptyStandard = (): Standard => ({
  requirements: [], procedure: '', timeLimitDays: DEFAULT_TIME_LIMIT_DAYS, timeLimitNote: '', fee: 'free', tariff: '', product: '', complaints: '',
  legalBasis: '', facilities: '', competence: '', supervision: '', staffing: '', serviceGuarantee: '', safetyGuarantee: '', performanceEvaluation: '',
});

/** The standard as it is kept: blank requirement lines dropped, and no tariff text on a free service. */
export function normaliseStandard(s: Standard): Standard {
  return { ...s, requirements: s.requirements.filter((r) => r !== ''), tariff: s.fee === 'free' ? '' : s.tariff };
}

/** The components a standard cannot be published without: every one filled, a tariff named when the service is not free. */
export function missingComponents(s: Standard): ComponentKey[] {
  const filled: Record<ComponentKey, boolean> = {
    requirements: s.requirements.length > 0, procedure: s.procedure !== '', timeLimit: true, cost: s.fee === 'free' || s.tariff !== '',
    product: s.product !== '', complaints: s.complaints !== '', legalBasis: s.legalBasis !== '', facilities: s.facilities !== '', competence: s.competence !== '',
    supervision: s.supervision !== '', staffing: s.staffing !== '', serviceGuarantee: s.serviceGuarantee !== '', safetyGuarantee: s.safetyGuarantee !== '',
    performanceEvaluation: s.performanceEvaluation !== '',
  };
  return COMPONENTS.filter((c) => !filled[c.key]).map((c) => c.key);
}

/** What a published version holds: the name and summary the public read with it, its standard, and the rest of its definition (domain/definition.ts). */
export interface Publishable { name: string; summary: string; standard: Standard; [part: string]: unknown }

/** JSON with every object's keys sorted: jsonb keeps its own key order, so two equal documents may print differently. */
export const stableJson = (v: unknown): string =>
  (Array.isArray(v) ? `[${v.map(stableJson).join(',')}]`
    : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(v));

const canonical = (p: Publishable) => stableJson(p);

export const samePublication = (a: Publishable, b: Publishable) => canonical(a) === canonical(b);

export type ServiceStatus = 'draft' | 'published' | 'archived';

/**
 * What publishing does: a new version when the draft differs from the last
 * one published (or nothing was ever published); an archived service whose
 * draft is unchanged is published again under its last version; a published
 * service without changes has nothing to publish.
 */
export function publication(status: ServiceStatus, latest: Publishable | null, draft: Publishable): 'new_version' | 'republish' | 'unchanged' {
  if (!latest || !samePublication(latest, draft)) return 'new_version';
  return status === 'archived' ? 'republish' : 'unchanged';
}

/** A slug: lowercase letters and digits in words joined by single hyphens (`surat-keterangan-tidak-mampu`). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN = 3;
export const SLUG_MAX = 80;
/**
 * Words the web app's public addresses under /r/{region}/layanan/ use for its
 * own pages (the accountability page, an application's status): a service with
 * such a slug could never be opened.
 */
export const RESERVED_SLUGS: readonly string[] = ['akuntabilitas', 'permohonan'];

/** A service's slug as it is accepted: its address in the region and its code in a Living Lab package. */
export const slugShape = z.string().min(SLUG_MIN).max(SLUG_MAX).regex(SLUG_PATTERN).refine((s) => !RESERVED_SLUGS.includes(s), { message: `reserved for the web app's own pages: ${RESERVED_SLUGS.join(', ')}` })
  .describe(`Alamat layanan: huruf kecil, angka dan tanda hubung, ${SLUG_MIN}–${SLUG_MAX} karakter (surat-keterangan-tidak-mampu) / the service's address: lowercase letters, digits and hyphens`);

// A framework version as data: optional domains, aspects, weighted indicators
// with level criteria, level names and predicate bands. Pure: the shape, the
// consistency rules checked on every save, and the stricter rules an active
// version must meet.
import { z } from 'zod';
import { Dec, hasPlaces } from '../../../platform/decimal.js';
import type { Words } from '../../../platform/errors.js';

const code = z.string().trim().regex(/^[A-Za-z0-9._-]{1,20}$/);
export const bilingual = z.object({ id: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });
/** Text that may exist in one language only (e.g. level descriptions given in English only). */
const criterion = z.object({ id: z.string().trim().max(4000).nullable(), en: z.string().trim().max(4000).nullable() });
/**
 * An indicator's criteria for one level: the regulation's Indonesian text, an
 * English summary, the Pedoman Evaluasi SPBE wording where it differs, and
 * whether the text is provisional (placeholder from a secondary source).
 */
const levelCriterion = criterion.extend({
  pedoman: z.string().trim().min(1).max(4000).optional().describe('Rumusan Pedoman Evaluasi bila berbeda / the Pedoman wording where it differs'),
  provisional: z.boolean().optional().describe('Teks sementara, bukan rumusan resmi / placeholder, not the official wording'),
});
const decimal = (places: number) => z.number().nonnegative().max(1000).refine((n) => hasPlaces(n, places), `at most ${places} decimals`);

export const levelSchema = z.object({
  level: z.number().int().min(0).max(10),
  name: bilingual,
  /** The name on the service (technical-function) scale, when it differs. */
  serviceName: bilingual.nullable().default(null),
  description: criterion.nullable().default(null),
});

export const bandSchema = z.object({
  name: bilingual,
  min: decimal(2),
  max: decimal(2),
  /** Only the top band includes its maximum. */
  maxInclusive: z.boolean().default(false),
});

export const indicatorSchema = z.object({
  code,
  /** The number as published (1..47 in 59/2020). */
  number: z.number().int().min(1).max(999),
  aspect: code,
  name: bilingual,
  weight: decimal(4).describe('Bobot dalam persen indeks / weight in percent of the index'),
  /** process (domains 1-3 of 59/2020) or technical_function (services): which level names apply. */
  capability: z.enum(['process', 'technical_function']).nullable().default(null),
  /** Criteria per level, keyed by the level number ("1".."5"). */
  criteria: z.record(z.string().regex(/^\d{1,2}$/), levelCriterion).default({}),
});

export const frameworkDocument = z.object({
  levels: z.array(levelSchema).min(2).max(11),
  predicates: z.array(bandSchema).min(1).max(10),
  domains: z.array(z.object({ code, name: bilingual })).max(20).default([]),
  aspects: z.array(z.object({ code, domain: code.nullable().default(null), name: bilingual })).min(1).max(50),
  indicators: z.array(indicatorSchema).min(1).max(300),
});
export type FrameworkDocument = z.infer<typeof frameworkDocument>;
export type Indicator = FrameworkDocument['indicators'][number];
export type Band = FrameworkDocument['predicates'][number];
export type Level = FrameworkDocument['levels'][number];
export type LevelCriterion = z.infer<typeof levelCriterion>;

/** What is wrong at a path of the document, in both languages (shown to a platform admin as they edit). */
export interface Problem { path: string; message: Words }

function duplicates(codes: string[]): string[] {
  const seen = new Set<string>();
  return codes.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
}

/** Consistency any version must have, even a draft: references resolve, codes are unique. */
export function structureProblems(doc: FrameworkDocument): Problem[] {
  const problems: Problem[] = [];
  const levels = doc.levels.map((l) => l.level);
  if (levels.some((l, i) => i > 0 && l !== levels[i - 1] + 1)) problems.push({ path: 'levels', message: { id: 'tingkat harus berurutan dan naik', en: 'levels must be consecutive and ascending' } });
  for (const [path, codes] of [['domains', doc.domains.map((d) => d.code)], ['aspects', doc.aspects.map((a) => a.code)], ['indicators', doc.indicators.map((i) => i.code)]] as const) {
    for (const d of duplicates(codes)) problems.push({ path, message: { id: `kode ${d} dipakai dua kali`, en: `duplicate code ${d}` } });
  }
  const domainCodes = new Set(doc.domains.map((d) => d.code));
  doc.aspects.forEach((a, i) => {
    if (doc.domains.length > 0 ? !a.domain || !domainCodes.has(a.domain) : a.domain !== null) {
      problems.push({ path: `aspects[${i}].domain`, message: doc.domains.length > 0
        ? { id: `aspek ${a.code} harus menyebut salah satu domain`, en: `aspect ${a.code} needs one of the domains` }
        : { id: `aspek ${a.code} menyebut domain, padahal kerangka ini tidak memiliki domain`, en: `aspect ${a.code} names a domain but the framework has none` } });
    }
  });
  const aspectCodes = new Set(doc.aspects.map((a) => a.code));
  const levelSet = new Set(levels.map(String));
  doc.indicators.forEach((ind, i) => {
    if (!aspectCodes.has(ind.aspect)) problems.push({ path: `indicators[${i}].aspect`, message: { id: `indikator ${ind.code}: aspek ${ind.aspect} tidak ada`, en: `indicator ${ind.code}: unknown aspect ${ind.aspect}` } });
    for (const k of Object.keys(ind.criteria)) if (!levelSet.has(k)) problems.push({ path: `indicators[${i}].criteria`, message: { id: `indikator ${ind.code}: tingkat ${k} tidak ada`, en: `indicator ${ind.code}: no level ${k}` } });
  });
  for (const a of doc.aspects) if (!doc.indicators.some((i) => i.aspect === a.code)) problems.push({ path: 'aspects', message: { id: `aspek ${a.code} tidak memiliki indikator`, en: `aspect ${a.code} has no indicator` } });
  for (const d of doc.domains) if (!doc.aspects.some((a) => a.domain === d.code)) problems.push({ path: 'domains', message: { id: `domain ${d.code} tidak memiliki aspek`, en: `domain ${d.code} has no aspect` } });
  doc.predicates.forEach((b, i) => {
    if (!(b.min < b.max)) problems.push({ path: `predicates[${i}]`, message: { id: 'batas bawah harus lebih kecil dari batas atas', en: 'min must be below max' } });
  });
  return problems;
}

export function weightSum(doc: FrameworkDocument): Dec {
  return doc.indicators.reduce((s, i) => s.plus(new Dec(i.weight)), new Dec(0));
}

/**
 * Predicate bands must tile the scale from the lowest to the highest level:
 * each band starts where the one below ends (min inclusive, max exclusive),
 * and only the top band includes its maximum.
 */
export function bandProblems(doc: FrameworkDocument): Problem[] {
  const lo = doc.levels[0].level;
  const hi = doc.levels[doc.levels.length - 1].level;
  const bands = [...doc.predicates].sort((a, b) => a.min - b.min);
  const problems: Problem[] = [];
  if (!new Dec(bands[0].min).eq(lo)) problems.push({ path: 'predicates', message: { id: `predikat terendah harus mulai dari ${lo}`, en: `the lowest band must start at ${lo}` } });
  bands.forEach((b, i) => {
    const top = i === bands.length - 1;
    if (!top && !new Dec(b.max).eq(bands[i + 1].min)) problems.push({ path: 'predicates', message: { id: `ada celah atau tumpang tindih antara ${b.name.id} dan ${bands[i + 1].name.id}`, en: `gap or overlap between ${b.name.id} and ${bands[i + 1].name.id}` } });
    if (b.maxInclusive !== top) problems.push({ path: 'predicates', message: top
      ? { id: `predikat tertinggi ${b.name.id} harus mencakup batas atasnya`, en: `the top band ${b.name.id} must include its maximum` }
      : { id: `hanya predikat tertinggi yang boleh mencakup batas atasnya (${b.name.id})`, en: `only the top band may include its maximum (${b.name.id})` } });
  });
  if (!new Dec(bands[bands.length - 1].max).eq(hi)) problems.push({ path: 'predicates', message: { id: `predikat tertinggi harus berakhir di ${hi}`, en: `the top band must end at ${hi}` } });
  return problems;
}

/** What stops a version from being activated; weights are reported apart (their own error code). */
export function activationProblems(doc: FrameworkDocument): { weightSum: Dec; problems: Problem[] } {
  const problems = [...structureProblems(doc), ...bandProblems(doc)];
  doc.indicators.forEach((ind, i) => {
    if (ind.weight <= 0) problems.push({ path: `indicators[${i}].weight`, message: { id: `indikator ${ind.code}: bobot harus lebih dari nol`, en: `indicator ${ind.code}: weight must be positive` } });
  });
  return { weightSum: weightSum(doc), problems };
}

export const levelRange = (doc: FrameworkDocument) => ({ min: doc.levels[0].level, max: doc.levels[doc.levels.length - 1].level });

/** The level's name as it applies to this indicator (services use their own scale names). */
export function levelName(doc: FrameworkDocument, indicator: Indicator, level: number): { id: string; en: string } | null {
  const l = doc.levels.find((x) => x.level === level);
  if (!l) return null;
  return indicator.capability === 'technical_function' && l.serviceName ? l.serviceName : l.name;
}

/** Derived weights: an aspect's or a domain's weight is the sum of its indicators' weights. */
export function aspectWeight(doc: FrameworkDocument, aspect: string): Dec {
  return doc.indicators.filter((i) => i.aspect === aspect).reduce((s, i) => s.plus(new Dec(i.weight)), new Dec(0));
}

export function domainOf(doc: FrameworkDocument, indicator: Indicator): string | null {
  return doc.aspects.find((a) => a.code === indicator.aspect)?.domain ?? null;
}

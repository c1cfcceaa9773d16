// A SAKIP indicator set as the Living Lab carries it (`sakip.indicators`):
// indicator definitions from a region's indicator library, each by its code
// (name, operational definition, formula, unit of measure, polarity, target
// type, how periods combine, data source, the tree level it measures).
// Never targets or realisations: those are the adopter's own figures. Pure.
import { z } from 'zod';
import type { PackageChange } from '../../../platform/modules/contract.js';
import type { Words } from '../../../platform/errors.js';
import { nodeKindLabels } from './kinds.js';

export const INDICATORS_FORMAT_VERSION = 1;
/** The tree levels an indicator measures (vision and mission carry none). */
export const LIBRARY_LEVELS = ['goal', 'target', 'programme', 'activity', 'sub_activity'] as const;

export const libraryFields = z.object({
  name: z.string().trim().min(1).max(1000),
  definition: z.string().trim().max(4000).default('').describe('Definisi operasional / operational definition'),
  formula: z.string().trim().max(4000).default('').describe('Rumus perhitungan / formula'),
  measure: z.string().trim().max(100).default('').describe('Satuan: %, poin, orang / unit of measure'),
  dataSource: z.string().trim().max(1000).default('').describe('Sumber data / data source'),
  polarity: z.enum(['higher_is_better', 'lower_is_better']),
  targetType: z.enum(['single', 'range']).default('single'),
  aggregation: z.enum(['sum', 'average', 'last']).default('last'),
  allowsNegative: z.boolean().default(false),
  level: z.enum(LIBRARY_LEVELS).describe('Tingkat pohon kinerja yang diukur / the performance-tree level it measures'),
  note: z.string().trim().max(4000).default('').describe('Catatan pemakaian / how to use it'),
});
export type LibraryFields = z.infer<typeof libraryFields>;
export const libraryCode = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/).describe('Kode indikator di katalog daerah / the indicator\'s code in the library');

export const indicatorsContent = z.object({
  region: z.object({ code: z.string().max(20), name: z.string().max(200) }),
  indicators: z.array(libraryFields.extend({ code: libraryCode })).min(1).max(500),
});
export type IndicatorsContent = z.infer<typeof indicatorsContent>;
export type PackagedIndicator = IndicatorsContent['indicators'][number];

export const indicatorKey = (code: string) => `indicator:${code}`;

/** Codes that appear twice: the package's one fault its shape cannot catch. */
export const repeatedCodes = (content: IndicatorsContent) =>
  [...new Set(content.indicators.map((i) => i.code).filter((c, n, all) => all.indexOf(c) !== n))];

const FIELDS = ['name', 'definition', 'formula', 'measure', 'dataSource', 'polarity', 'targetType', 'aggregation', 'allowsNegative', 'level', 'note'] as const;

/** Each field of the definition where the region's entry and the package's differ. */
export const definitionDiff = (ours: LibraryFields, theirs: LibraryFields): PackageChange['fields'] =>
  FIELDS.filter((f) => ours[f] !== theirs[f]).map((f) => ({ field: f, ours: String(ours[f]), theirs: String(theirs[f]) }));

export function indicatorLine(i: PackagedIndicator, ours: LibraryFields | undefined): PackageChange {
  const key = indicatorKey(i.code);
  const what = `indikator ${i.code} ${i.name} (${nodeKindLabels[i.level].id})`;
  if (!ours) return { key, kind: 'add', label: `Katalog: ${what}`, fields: [] };
  const fields = definitionDiff(ours, i);
  return { key, kind: fields.length ? 'change' : 'same', label: fields.length ? `Katalog: ${what} (milik Anda diganti bila dipilih)` : `Katalog: ${what}`, fields };
}

export const indicatorsSummary = (content: IndicatorsContent): Words => {
  const n = content.indicators.length;
  const levels = [...new Set(content.indicators.map((i) => i.level))].map((l) => nodeKindLabels[l]);
  return { id: `${n} indikator kinerja (${levels.map((l) => l.id.toLowerCase()).join(', ')})`, en: `${n} performance indicator${n === 1 ? '' : 's'} (${levels.map((l) => l.en.toLowerCase()).join(', ')})` };
};

/** The catalogue's labels: each level the set measures. */
export const indicatorsTags = (content: IndicatorsContent) => [...new Set(content.indicators.map((i) => `sakip.level:${i.level}`))];

// Reference data every database gets at bootstrap (idempotent): the two
// frameworks from reference/spbe (shipped in the repository), the historical framework of the first
// national evaluations, and the national index 2018-2024.
import { eq, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../platform/db/client.js';
import { readReference } from '../../platform/reference.js';
import { frameworkDocument, type FrameworkDocument, type LevelCriterion } from './domain/framework.js';
import { spbeFrameworks, spbeFrameworkVersions, spbeResults } from './schema.js';
import { importResults } from './service/results.js';
import { parseResultsCsv } from './domain/results.js';

/** English names the source files leave out. */
const predicateEn: Record<string, string> = { Memuaskan: 'Excellent', 'Sangat Baik': 'Very good', Baik: 'Good', Cukup: 'Fair', Kurang: 'Poor' };
const serviceLevelEn: Record<string, string> = { Informasi: 'Information', Interaksi: 'Interaction', Transaksi: 'Transaction', Kolaborasi: 'Collaboration', Optimum: 'Optimum' };

interface SourceIndicator { number: number; name: string; name_en: string; weight: number; capability_type?: string; level_criteria?: Record<string, string> }
interface SourceAspect { code: string; name: string; name_en: string; indicators: SourceIndicator[] }
interface SourceFile {
  regulation: string;
  status?: string;
  confidence?: string;
  predicates_note?: string;
  domains?: { code: string; name: string; name_en: string; aspects: SourceAspect[] }[];
  aspects?: SourceAspect[];
  levels: { level: number; name: string; name_en: string; description?: string; service_level_name?: string }[];
  predicates: { name: string; name_en?: string; min: number; max: number; max_inclusive: boolean }[];
}

interface CriteriaFile {
  indicators: { number: number; criteria: Record<string, string>; pedoman_variant?: Record<string, string> }[];
  pemdi_2026: { number: number; criteria: Record<string, string> }[];
}

/** Indonesian criteria per indicator number and level, from reference/spbe/spbe-level-criteria-id.json. */
type LevelTexts = Record<string, { id: string; pedoman?: string; provisional?: boolean }>;
export type IndonesianCriteria = Map<number, LevelTexts>;

/**
 * 59/2020: the Lampiran text, with the Pedoman wording where it differs.
 * Pemdi 2026: placeholders from a pre-regulation secondary source, marked provisional.
 */
export function readIndonesianCriteria(framework: 'spbe-2020' | 'pemdi-2026'): IndonesianCriteria {
  const file = readReference<CriteriaFile>('spbe/spbe-level-criteria-id.json');
  if (framework === 'pemdi-2026') {
    return new Map(file.pemdi_2026.map((i) => [i.number, Object.fromEntries(Object.entries(i.criteria).map(([l, id]) => [l, { id, provisional: true }]))]));
  }
  return new Map(file.indicators.map((i) => [i.number, Object.fromEntries(Object.entries(i.criteria).map(([l, id]) => [l, { id, ...(i.pedoman_variant?.[l] ? { pedoman: i.pedoman_variant[l] } : {}) }]))]));
}

function criteriaOf(english: Record<string, string>, indonesian: LevelTexts | undefined): Record<string, LevelCriterion> {
  const levels = [...new Set([...Object.keys(english), ...Object.keys(indonesian ?? {})])].sort((a, b) => Number(a) - Number(b));
  return Object.fromEntries(levels.map((l) => [l, { ...(indonesian?.[l] ?? { id: null }), en: english[l] ?? null }]));
}

/** The shared data files in the framework document shape (weights of aspects and domains are derived, not copied). */
export function documentFromSource(src: SourceFile, indonesian: IndonesianCriteria = new Map()): FrameworkDocument {
  const domains = src.domains ?? [];
  const aspects = domains.length > 0 ? domains.flatMap((d) => d.aspects.map((a) => ({ a, domain: d.code }))) : (src.aspects ?? []).map((a) => ({ a, domain: null }));
  return frameworkDocument.parse({
    levels: src.levels.map((l) => ({
      level: l.level,
      name: { id: l.name, en: l.name_en },
      serviceName: l.service_level_name ? { id: l.service_level_name, en: serviceLevelEn[l.service_level_name] ?? l.service_level_name } : null,
      description: l.description ? { id: null, en: l.description } : null,
    })),
    predicates: src.predicates.map((p) => ({ name: { id: p.name, en: p.name_en ?? predicateEn[p.name] ?? p.name }, min: p.min, max: p.max, maxInclusive: p.max_inclusive })),
    domains: domains.map((d) => ({ code: d.code, name: { id: d.name, en: d.name_en } })),
    aspects: aspects.map(({ a, domain }) => ({ code: a.code, domain, name: { id: a.name, en: a.name_en } })),
    indicators: aspects.flatMap(({ a }) => a.indicators.map((i) => ({
      code: String(i.number), number: i.number, aspect: a.code, name: { id: i.name, en: i.name_en }, weight: i.weight,
      capability: i.capability_type === 'process' || i.capability_type === 'technical_function' ? i.capability_type : null,
      // Indonesian: the regulation's text; English: the indicator file's summary.
      criteria: criteriaOf(i.level_criteria ?? {}, indonesian.get(i.number)),
    }))),
  });
}

/**
 * Upgrade of databases seeded before the Indonesian criteria shipped: their
 * versions hold the English summaries only (`id: null`). Texts are filled in
 * place, in every version of a seeded framework, rather than in a new
 * version, because
 * - criteria texts are not scoring inputs: scores read weights, levels and
 *   predicate bands only, and nothing here touches them, so no result and no
 *   pinned evaluation can change;
 * - the officers who are choosing their level today, in evaluations pinned to
 *   the old version, need the Indonesian text now, not next year;
 * - a new version would mark a framework change in every trend chart where
 *   nothing about the measurement changed.
 * Only criteria still exactly as seeded are filled (no Indonesian text, the
 * seeded English summary unchanged, or no criteria at all for that level);
 * anything an administrator wrote is left alone. Returns null when nothing
 * changes, so this runs at every start.
 */
export function withIndonesianCriteria(doc: FrameworkDocument, seeded: FrameworkDocument): FrameworkDocument | null {
  let changed = false;
  const indicators = doc.indicators.map((ind) => {
    const ref = seeded.indicators.find((i) => i.code === ind.code && i.number === ind.number);
    if (!ref) return ind;
    const criteria = { ...ind.criteria };
    for (const [level, text] of Object.entries(ref.criteria)) {
      const own = criteria[level];
      if (!text.id || (own && (own.id !== null || own.en !== text.en))) continue;
      criteria[level] = text;
      changed = true;
    }
    return { ...ind, criteria };
  });
  return changed ? { ...doc, indicators } : null;
}

export const seededFrameworks = [
  { code: 'spbe-2020', file: 'spbe-indicators.json', nameId: 'Evaluasi SPBE (PermenPANRB 59/2020)', nameEn: 'SPBE evaluation (PermenPANRB 59/2020)' },
  { code: 'pemdi-2026', file: 'pemdi-2026-indicators.json', nameId: 'Evaluasi Kinerja Pemerintah Digital (PermenPANRB 8/2026)', nameEn: 'Digital government performance evaluation (PermenPANRB 8/2026)' },
] as const;

export function readSource(file: string): SourceFile {
  return readReference<SourceFile>(`spbe/${file}`);
}

/**
 * The national index as published by KemenPANRB. 2018-2020 were measured
 * under PermenPANRB 5/2018, whose structure we do not hold; 2021 on under
 * 59/2020 (the trend shows the break).
 */
export const nationalSeriesCsv = `region_code,year,framework_version,index
00,2018,spbe-2018,1.98
00,2019,spbe-2018,2.18
00,2020,spbe-2018,2.26
00,2021,spbe-2020@1,2.24
00,2022,spbe-2020@1,2.34
00,2023,spbe-2020@1,2.79
00,2024,spbe-2020@1,3.12
`;

async function seedFramework(tx: Queryable, now: Date, f: { code: string; nameId: string; nameEn: string }, regulation: string, note: string, document: FrameworkDocument | null) {
  const inserted = await tx.insert(spbeFrameworks).values({ code: f.code, nameId: f.nameId, nameEn: f.nameEn, regulation, note, createdAt: now }).onConflictDoNothing().returning();
  if (inserted.length === 0 || !document) return;
  await tx.insert(spbeFrameworkVersions).values({
    frameworkCode: f.code, version: 1, status: 'active', note: 'Dimuat dari data rujukan / loaded from the reference data', document,
    createdAt: now, updatedAt: now, activatedAt: now,
  });
}

const criteriaNote = 'Kriteria berbahasa Indonesia ditambahkan dari data rujukan (teks saja, nilai tidak berubah). / Indonesian criteria added from the reference data (text only, no score changes).';

async function fillIndonesianCriteria(tx: Queryable, now: Date, framework: string, seeded: FrameworkDocument) {
  const versions = await tx.select().from(spbeFrameworkVersions).where(eq(spbeFrameworkVersions.frameworkCode, framework));
  for (const v of versions) {
    const document = withIndonesianCriteria(v.document, seeded);
    if (!document) continue;
    await tx.update(spbeFrameworkVersions).set({ document, note: [v.note, criteriaNote].filter(Boolean).join(' '), updatedAt: now }).where(eq(spbeFrameworkVersions.id, v.id));
  }
}

/** Safe at every start: only what is missing is added, nothing an admin changed is overwritten. */
export async function seedSpbe(database: Database, now: Date): Promise<void> {
  await database.db.transaction(async (tx) => {
    // Several instances may start at once.
    await tx.execute(sql`select pg_advisory_xact_lock(7243002)`);
    for (const f of seededFrameworks) {
      const src = readSource(f.file);
      const seeded = documentFromSource(src, readIndonesianCriteria(f.code));
      await seedFramework(tx, now, f, src.regulation, [src.status, src.confidence, src.predicates_note].filter(Boolean).join(' '), seeded);
      await fillIndonesianCriteria(tx, now, f.code, seeded);
    }
    await seedFramework(tx, now, { code: 'spbe-2018', nameId: 'Evaluasi SPBE (PermenPANRB 5/2018)', nameEn: 'SPBE evaluation (PermenPANRB 5/2018)' },
      'Peraturan Menteri PANRB Nomor 5 Tahun 2018 tentang Pedoman Evaluasi SPBE',
      'Struktur tidak disimpan; hanya untuk hasil historis yang diimpor. / Structure not held; for imported historical results only.', null);
    const [national] = await tx.select({ year: spbeResults.year }).from(spbeResults).where(eq(spbeResults.regionCode, '00')).limit(1);
    const [spbe2020] = await tx.select({ id: spbeFrameworkVersions.id }).from(spbeFrameworkVersions).where(eq(spbeFrameworkVersions.frameworkCode, 'spbe-2020')).limit(1);
    if (!national && spbe2020) await importResults(tx, parseResultsCsv(nationalSeriesCsv), { now, onlyRegion: null });
  });
}

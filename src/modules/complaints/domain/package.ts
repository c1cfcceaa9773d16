// The Living Lab package of complaint categories (`complaints.categories`),
// its pure part: what the content holds, whether it holds together, and what
// applying it would change in a region, line by line. Reading and writing the
// region's tables is service/package.ts.
import { z } from 'zod';
import type { PackageChange, PackageUnit } from '../../../platform/modules/contract.js';
import type { Words } from '../../../platform/errors.js';
import { categoryFields, slaRuleFields, slaStages } from './category.js';
import type { Question } from './questions.js';
import { slaStageLabel, type SlaRule, type SlaStage } from './sla.js';

export const CATEGORIES_FORMAT_VERSION = 1;

/** The candidate that carries the region's default deadlines (a category code cannot contain ':'). */
export const DEFAULT_DEADLINES_CANDIDATE = 'sla:default';
export const categoryKey = (code: string) => `category:${code}`;
export const defaultDeadlineKey = (stage: SlaStage) => `default-sla:${stage}`;

const deadlines = z.array(z.object(slaRuleFields)).max(slaStages.length);

/** A category as the package carries it: every field, its own deadlines, and the code of the unit it is routed to (null: none). */
export const packagedCategory = categoryFields.required().extend({
  deadlines,
  unit: z.string().min(1).max(100).nullable(),
});
export type PackagedCategory = z.infer<typeof packagedCategory>;

const contentShape = z.object({
  categories: z.array(packagedCategory).max(500),
  /** The source's units the categories are routed to: code and name, for the adopter to map. */
  units: z.array(z.object({ code: z.string().min(1).max(100), name: z.string().min(1).max(300) })).max(500),
  /** The source region's default deadlines (category_id null), when the publisher included them. */
  defaultDeadlines: deadlines.optional(),
});
export type CategoriesContent = z.infer<typeof contentShape>;

/** What does not hold together in a content the schema's shape accepts: a code twice, a stage twice, a unit not listed. */
export function contentProblems(content: CategoriesContent): string[] {
  const problems: string[] = [];
  if (content.categories.length === 0 && !content.defaultDeadlines?.length) problems.push('the package holds no category and no default deadline');
  const twice = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
  for (const code of twice(content.categories.map((c) => c.code))) problems.push(`category ${code} appears twice`);
  for (const code of twice(content.units.map((u) => u.code))) problems.push(`unit ${code} appears twice`);
  const listed = new Set(content.units.map((u) => u.code));
  for (const c of content.categories) {
    if (c.unit !== null && !listed.has(c.unit)) problems.push(`category ${c.code} is routed to unit ${c.unit}, which is not listed`);
    for (const stage of twice(c.deadlines.map((d) => d.stage))) problems.push(`category ${c.code} has two ${stage} deadlines`);
  }
  for (const stage of twice((content.defaultDeadlines ?? []).map((d) => d.stage))) problems.push(`two default ${stage} deadlines`);
  return problems;
}

export const categoriesContent: z.ZodType<CategoriesContent> = contentShape.superRefine((content, ctx) => {
  for (const message of contentProblems(content)) ctx.addIssue({ code: 'custom', message });
});

/** The units the categories are routed to, once each. */
export function packageUnits(content: CategoriesContent): PackageUnit[] {
  const routed = new Set(content.categories.map((c) => c.unit));
  return content.units.filter((u) => routed.has(u.code)).map((u) => ({ code: u.code, name: u.name }));
}

export function packageSummary(content: CategoriesContent): Words {
  const n = content.categories.length;
  const q = content.categories.reduce((sum, c) => sum + c.questions.length, 0);
  const d = content.defaultDeadlines?.length ? { id: ', batas waktu bawaan', en: ', default deadlines' } : { id: '', en: '' };
  return { id: `${n} kategori, ${q} pertanyaan${d.id}`, en: `${n} ${n === 1 ? 'category' : 'categories'}, ${q} ${q === 1 ? 'question' : 'questions'}${d.en}` };
}

/** A category as compared: in the region now (ours) or as the package would make it (theirs). */
export interface CategoryState {
  nameId: string; nameEn: string; description: string; group: string; keywords: string;
  questions: Question[]; locationRequired: boolean; active: boolean;
  /** Its own deadlines (stages without one follow the region's default). */
  deadlines: SlaRule[];
  /** The unit it is routed to: the id compared (null: the package's unit is not mapped), the name shown; null when not routed. */
  unit: { id: string | null; name: string } | null;
}

/** Equal as JSON, whatever the order of object keys (jsonb keeps its own order). */
export function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown => Array.isArray(v) ? v.map(canonical)
    : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** "48 jam (target 24 jam)", "14 hari kerja". */
export function deadlineText(rule: Pick<SlaRule, 'amount' | 'unit' | 'targetAmount'>): string {
  const word = rule.unit === 'hours' ? 'jam' : 'hari kerja';
  return `${rule.amount} ${word}${rule.targetAmount === null ? '' : ` (target ${rule.targetAmount} ${word})`}`;
}

const sameRule = (a: SlaRule | undefined, b: SlaRule | undefined) =>
  a?.amount === b?.amount && a?.unit === b?.unit && (a?.targetAmount ?? null) === (b?.targetAmount ?? null);

/** "2 pertanyaan: <the questions the other side does not have as they are>". */
function questionsText(mine: Question[], other: Question[]): string {
  const count = mine.length === 0 ? 'Tanpa pertanyaan' : `${mine.length} pertanyaan`;
  const changed = mine.filter((q) => !other.some((o) => sameValue(o, q))).map((q) => q.description.id);
  return changed.length > 0 ? `${count}: ${changed.join('; ')}` : mine.length > 1 ? `${count} (urutan lain)` : count;
}

const texts: [keyof CategoryState, string][] = [['nameId', 'Nama'], ['nameEn', 'Nama (Inggris)'], ['description', 'Deskripsi'], ['group', 'Kelompok'], ['keywords', 'Kata kunci']];
const yesNo = (b: boolean) => (b ? 'Ya' : 'Tidak');

/** How the package's category differs from the region's: the fields shown, and which writes applying it takes. */
export function compareCategory(ours: CategoryState, theirs: CategoryState) {
  const fields: PackageChange['fields'] = [];
  for (const [key, field] of texts) {
    if (ours[key] !== theirs[key]) fields.push({ field, ours: (ours[key] as string) || null, theirs: (theirs[key] as string) || null });
  }
  if (!sameValue(ours.questions, theirs.questions)) fields.push({ field: 'Pertanyaan', ours: questionsText(ours.questions, theirs.questions), theirs: questionsText(theirs.questions, ours.questions) });
  if (ours.locationRequired !== theirs.locationRequired) fields.push({ field: 'Wajib menyebut lokasi', ours: yesNo(ours.locationRequired), theirs: yesNo(theirs.locationRequired) });
  if (ours.active !== theirs.active) fields.push({ field: 'Aktif', ours: yesNo(ours.active), theirs: yesNo(theirs.active) });
  const categoryChanged = fields.length > 0;
  const stages: SlaStage[] = [];
  for (const stage of slaStages) {
    const a = ours.deadlines.find((d) => d.stage === stage);
    const b = theirs.deadlines.find((d) => d.stage === stage);
    if (sameRule(a, b)) continue;
    stages.push(stage);
    fields.push({ field: `Batas waktu ${slaStageLabel[stage].id.toLowerCase()}`, ours: a ? deadlineText(a) : null, theirs: b ? deadlineText(b) : null });
  }
  // A package without a unit for the category leaves the region's routing as it is.
  const unitChanged = theirs.unit !== null && (theirs.unit.id === null || theirs.unit.id !== ours.unit?.id);
  if (unitChanged) fields.push({ field: 'Perangkat daerah penanganan', ours: ours.unit?.name ?? null, theirs: theirs.unit!.name });
  return { fields, categoryChanged, stages, unitChanged };
}

/** The line of one packaged category: added when the region has no category of its code, else changed or the same. */
export function categoryLine(code: string, ours: CategoryState | null, theirs: CategoryState): PackageChange {
  const key = categoryKey(code);
  if (!ours) return { key, kind: 'add', label: `Kategori ${theirs.nameId}`, fields: [] };
  const { fields } = compareCategory(ours, theirs);
  return { key, kind: fields.length > 0 ? 'change' : 'same', label: `Kategori ${ours.nameId}`, fields };
}

/** The line of one of the package's default deadlines against the region's own. */
export function defaultDeadlineLine(ours: SlaRule | undefined, theirs: SlaRule): PackageChange {
  const key = defaultDeadlineKey(theirs.stage);
  const label = `Batas waktu bawaan: ${slaStageLabel[theirs.stage].id}`;
  if (!ours) return { key, kind: 'add', label, fields: [] };
  if (sameRule(ours, theirs)) return { key, kind: 'same', label, fields: [] };
  return { key, kind: 'change', label, fields: [{ field: 'Batas waktu', ours: deadlineText(ours), theirs: deadlineText(theirs) }] };
}

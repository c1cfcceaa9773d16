// The Living Lab package `complaints.categories`: a region's complaint
// categories with their questions, own deadlines and routing, and optionally
// its default deadlines, for another region to adopt (see PackageKind in
// platform/modules/contract.ts). Writes go through the admin's tx-level
// functions, so an adoption leaves the same audit entries and routing history
// as the admin's own changes.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { PackageKind } from '../../../platform/modules/contract.js';
import { units } from '../../../platform/schema.js';
import { categories, routingRules, slaPolicies } from '../schema.js';
import { slaStages } from '../domain/category.js';
import type { SlaRule, SlaStage, SlaUnit } from '../domain/sla.js';
import {
  CATEGORIES_FORMAT_VERSION, DEFAULT_DEADLINES_CANDIDATE, categoriesContent, categoryKey, categoryLine, compareCategory, contentProblems,
  defaultDeadlineKey, defaultDeadlineLine, packageSummary, packageUnits, type CategoriesContent, type CategoryState, type PackagedCategory,
} from '../domain/package.js';
import { addCategories, removeSla, routeCategory, writeCategory, writeSla, type CategoryInput, type NewCategory } from './admin.js';

const byStage = (a: SlaRule, b: SlaRule) => slaStages.indexOf(a.stage) - slaStages.indexOf(b.stage);
const ruleOf = (r: typeof slaPolicies.$inferSelect): SlaRule => ({ stage: r.stage as SlaStage, amount: r.amount, unit: r.unit as SlaUnit, targetAmount: r.targetAmount });

/**
 * The region's categories (all, or those of the given codes) with their own
 * deadlines and current unit, and its default deadlines (unless `defaults`
 * is false: an adoption that takes none skips reading them).
 */
async function readRegion(tx: Queryable, regionCode: string, codes?: string[], defaults = true) {
  const rows = await tx.select().from(categories)
    .where(and(eq(categories.regionCode, regionCode), codes ? inArray(categories.code, codes.length > 0 ? codes : ['']) : undefined))
    .orderBy(categories.group, categories.nameId);
  // Adopting into a region that has none of the categories reads nothing more.
  const ids = rows.map((r) => r.id);
  const rules = ids.length > 0 || defaults
    ? await tx.select().from(slaPolicies).where(and(eq(slaPolicies.regionCode, regionCode), codes && !defaults ? inArray(slaPolicies.categoryId, ids) : undefined))
    : [];
  const routes = ids.length === 0 ? [] : await tx.select({ categoryId: routingRules.categoryId, id: units.id, code: units.code, name: units.name }).from(routingRules)
    .innerJoin(units, and(eq(units.regionCode, routingRules.regionCode), eq(units.id, routingRules.unitId)))
    .where(and(eq(routingRules.regionCode, regionCode), isNull(routingRules.validTo)))
    .orderBy(desc(routingRules.validFrom));
  const list = rows.map((row) => ({
    row,
    deadlines: rules.filter((r) => r.categoryId === row.id).map(ruleOf).sort(byStage),
    route: routes.find((r) => r.categoryId === row.id) ?? null,
  }));
  return { list, byCode: new Map(list.map((c) => [c.row.code, c])), defaults: rules.filter((r) => r.categoryId === null).map(ruleOf).sort(byStage) };
}
type RegionCategory = Awaited<ReturnType<typeof readRegion>>['list'][number];

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names of the region's units the map points at (an id of another region, or no id at all, is not among them). */
async function mappedUnits(tx: Queryable, regionCode: string, unitMap: Readonly<Record<string, string>>): Promise<Map<string, string>> {
  const ids = [...new Set(Object.values(unitMap))].filter((id) => uuidShape.test(id));
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), inArray(units.id, ids)));
  return new Map(rows.map((u) => [u.id, u.name]));
}

const ours = (c: RegionCategory): CategoryState => ({
  nameId: c.row.nameId, nameEn: c.row.nameEn, description: c.row.description, group: c.row.group, keywords: c.row.keywords,
  questions: c.row.questions, locationRequired: c.row.locationRequired, active: c.row.active,
  deadlines: c.deadlines, unit: c.route ? { id: c.route.id, name: c.route.name } : null,
});

function theirs(c: PackagedCategory, content: CategoriesContent, unitMap: Readonly<Record<string, string>>, mapped: ReadonlyMap<string, string>): CategoryState {
  let unit: CategoryState['unit'] = null;
  if (c.unit !== null) {
    const id = unitMap[c.unit];
    const name = id === undefined ? undefined : mapped.get(id);
    const source = content.units.find((u) => u.code === c.unit)?.name ?? c.unit;
    unit = name === undefined ? { id: null, name: `${source} (belum dipetakan)` } : { id, name };
  }
  return { ...c, deadlines: [...c.deadlines].sort(byStage), unit };
}

type CategoryFields = Omit<PackagedCategory, 'deadlines' | 'unit'> & CategoryInput;
/** The category's own fields, from a row of the region's or the package's. */
const fieldsOf = (c: CategoryFields): CategoryFields => ({
  code: c.code, nameId: c.nameId, nameEn: c.nameEn, description: c.description, group: c.group, keywords: c.keywords,
  questions: c.questions, locationRequired: c.locationRequired, active: c.active,
});

export const categoriesPackage: PackageKind<CategoriesContent> = {
  key: 'categories',
  title: { id: 'Kategori pengaduan', en: 'Complaint categories' },
  formatVersion: CATEGORIES_FORMAT_VERSION,
  content: categoriesContent,

  async candidates(tx, regionCode) {
    const region = await readRegion(tx, regionCode);
    const list = region.list.map((c) => ({ key: c.row.code, label: c.row.active ? c.row.nameId : `${c.row.nameId} (nonaktif)` }));
    return region.defaults.length > 0 ? [...list, { key: DEFAULT_DEADLINES_CANDIDATE, label: 'Batas waktu bawaan daerah' }] : list;
  },

  async export(tx, regionCode, keys) {
    const region = await readRegion(tx, regionCode);
    const wanted = keys.length === 0 ? null : new Set(keys);
    for (const key of wanted ?? []) {
      if (key !== DEFAULT_DEADLINES_CANDIDATE && !region.byCode.has(key)) throw new AppError('category.not_found', { code: key });
    }
    const chosen = region.list.filter((c) => !wanted || wanted.has(c.row.code));
    const routed = new Map(chosen.flatMap((c) => (c.route ? [[c.route.code, c.route.name] as const] : [])));
    const content: CategoriesContent = {
      categories: chosen.map((c) => ({ ...fieldsOf(c.row), deadlines: c.deadlines, unit: c.route?.code ?? null })),
      units: [...routed].map(([code, name]) => ({ code, name })),
    };
    if ((!wanted || wanted.has(DEFAULT_DEADLINES_CANDIDATE)) && region.defaults.length > 0) content.defaultDeadlines = region.defaults;
    return content;
  },

  units: packageUnits,
  keys: (content) => [...content.categories.map((c) => categoryKey(c.code)), ...(content.defaultDeadlines ?? []).map((d) => defaultDeadlineKey(d.stage))],
  summary: packageSummary,

  async preview(tx, regionCode, content, unitMap) {
    const region = await readRegion(tx, regionCode, content.categories.map((c) => c.code));
    const mapped = await mappedUnits(tx, regionCode, unitMap);
    const existing = (code: string) => region.byCode.get(code);
    return [
      ...content.categories.map((c) => categoryLine(c.code, existing(c.code) ? ours(existing(c.code)!) : null, theirs(c, content, unitMap, mapped))),
      ...(content.defaultDeadlines ?? []).map((d) => defaultDeadlineLine(region.defaults.find((r) => r.stage === d.stage), d)),
    ];
  },

  async apply(tx, regionCode, content, { unitMap, take, unitNames }, actor, now) {
    const problems = contentProblems(content);
    if (problems.length > 0) throw new AppError('category.package_invalid', { problems });
    const chosen = content.categories.filter((c) => take.has(categoryKey(c.code)));
    const defaultsTaken = (content.defaultDeadlines ?? []).some((d) => take.has(defaultDeadlineKey(d.stage)));
    const region = await readRegion(tx, regionCode, chosen.map((c) => c.code), defaultsTaken);
    const mapped = unitNames ?? await mappedUnits(tx, regionCode, unitMap);
    // Every unit a chosen category is routed to names one of the region's units, before anything is written.
    for (const c of chosen) {
      if (c.unit === null) continue;
      const id = unitMap[c.unit];
      if (id === undefined) throw new AppError('category.package_unit_unmapped', { unit: c.unit });
      if (!mapped.has(id)) throw new AppError('unit.not_found', { unit: c.unit });
    }
    // Categories the region does not have are added together, a statement per table; the changed ones one by one.
    const added: NewCategory[] = chosen.filter((c) => !region.byCode.has(c.code)).map((c) => {
      const wanted = theirs(c, content, unitMap, mapped);
      return { input: fieldsOf(c), deadlines: wanted.deadlines, unitId: wanted.unit?.id ?? null };
    });
    await addCategories(tx, now, actor, regionCode, added);
    let applied = added.length;
    for (const c of chosen) {
      const existing = region.byCode.get(c.code);
      if (!existing) continue;
      const wanted = theirs(c, content, unitMap, mapped);
      const diff = compareCategory(ours(existing), wanted);
      if (diff.fields.length === 0) continue;
      const id = existing.row.id;
      if (diff.categoryChanged) await writeCategory(tx, now, actor, regionCode, fieldsOf(c), id);
      for (const stage of diff.stages) {
        const d = wanted.deadlines.find((r) => r.stage === stage);
        if (d) await writeSla(tx, now, actor, regionCode, { categoryId: id, ...d });
        else await removeSla(tx, now, actor, regionCode, id, stage);
      }
      if (diff.unitChanged) await routeCategory(tx, now, actor, regionCode, id, wanted.unit!.id!);
      applied++;
    }
    for (const d of content.defaultDeadlines ?? []) {
      if (!take.has(defaultDeadlineKey(d.stage))) continue;
      if (defaultDeadlineLine(region.defaults.find((r) => r.stage === d.stage), d).kind === 'same') continue;
      await writeSla(tx, now, actor, regionCode, { categoryId: null, ...d });
      applied++;
    }
    return { applied };
  },
};

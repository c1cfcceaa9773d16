// The Living Lab package kind `layanan.services`: a region shares the
// definitions of services it has published (each as its last published
// version: standard, form, workflow, result template, tariff, owner unit);
// another region previews what adopting them would do to its own catalogue
// and applies the lines it chooses. An adopted service is created as a DRAFT
// owned by the unit the adopter mapped (it publishes it after review); an
// existing service of the same code gets its draft replaced, never its
// published versions. The region's signer, numbering, payment channel and
// letterheads are its own and not in the package. The Living Lab calls these
// in its transactions (platform/modules/contract.ts, PackageKind).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { PackageChange, PackageKind } from '../../../platform/modules/contract.js';
import { units } from '../../../platform/schema.js';
import {
  adoptedDefinition, draftChanges, PACKAGE_FORMAT_VERSION, packageProblems, packageSummary, packageUnits, portableWorkflow, sameDraft, servicesPackageShape,
  type DraftView, type PackagedService, type ServicesPackage,
} from '../domain/package.js';
import { normaliseStandard } from '../domain/standard.js';
import { standardReferenceData } from '../reference/read.js';
import { layananServices, layananStandardVersions } from '../schema.js';
import { unitIn } from './access.js';
import { checkedDefinition, definitionOf, insertDraft, replaceDraft, type DraftFields, type ServiceRow } from './catalogue.js';

export const serviceKey = (code: string) => `service:${code}`;
const PACKAGE_REF = 'layanan.services';

async function regionUnits(db: Queryable, regionCode: string) {
  const rows = await db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.regionCode, regionCode));
  return new Map(rows.map((u) => [u.id, u]));
}

/** The region's published services (archived and never-published ones are not offered), by name. */
async function publishedServices(db: Queryable, regionCode: string) {
  return db.select({ s: layananServices, unit: { code: units.code, name: units.name } }).from(layananServices)
    .innerJoin(units, and(eq(units.regionCode, layananServices.regionCode), eq(units.id, layananServices.unitId)))
    .where(and(eq(layananServices.regionCode, regionCode), eq(layananServices.status, 'published')))
    .orderBy(asc(layananServices.name), asc(layananServices.slug));
}

async function candidates(db: Queryable, regionCode: string) {
  return (await publishedServices(db, regionCode)).map(({ s, unit }) => ({ key: serviceKey(s.slug), label: `${s.name} (versi ${s.version}, ${unit.name})` }));
}

async function exportServices(db: Queryable, regionCode: string, keys: readonly string[]): Promise<ServicesPackage> {
  const all = await publishedServices(db, regionCode);
  const chosen = keys.length === 0 ? all : all.filter(({ s }) => keys.includes(serviceKey(s.slug)));
  const unknown = keys.filter((k) => !all.some(({ s }) => serviceKey(s.slug) === k));
  if (unknown.length > 0) throw new AppError('layanan.package_service_unknown', { keys: unknown });
  const byId = await regionUnits(db, regionCode);
  const unitOf = (id: string) => {
    const u = byId.get(id);
    if (!u) throw new AppError('unit.not_found', { unitId: id });
    return { code: u.code, name: u.name };
  };
  const services: PackagedService[] = [];
  for (const { s, unit } of chosen) {
    const [v] = await db.select().from(layananStandardVersions)
      .where(and(eq(layananStandardVersions.regionCode, regionCode), eq(layananStandardVersions.serviceId, s.id), eq(layananStandardVersions.version, s.version)));
    if (!v) throw new AppError('layanan.version_not_found');
    services.push({
      code: s.slug, name: v.name, summary: v.summary, version: v.version, unit: { code: unit.code, name: unit.name },
      standard: v.standard, form: v.form, workflow: portableWorkflow(v.workflow, unitOf), result: v.result, tariff: v.tariff,
    });
  }
  return { services };
}

/** The region's services with these codes (slugs), locked when applying. */
async function servicesByCode(db: Queryable, regionCode: string, codes: string[], lock: boolean): Promise<Map<string, ServiceRow>> {
  if (codes.length === 0) return new Map();
  const q = db.select().from(layananServices).where(and(eq(layananServices.regionCode, regionCode), inArray(layananServices.slug, codes))).orderBy(asc(layananServices.slug));
  const rows = lock ? await q.for('update') : await q;
  return new Map(rows.map((r) => [r.slug, r]));
}

const oursOf = (r: ServiceRow): DraftView => ({ name: r.name, summary: r.summary, unitId: r.unitId, standard: r.draft, ...definitionOf(r) });

/** The draft a packaged service would become in the region, its units by the adopter's mapping (undefined where unmapped). */
const theirsOf = (s: PackagedService, unitMap: Readonly<Record<string, string>>): DraftView => {
  const idOf = (code: string) => (Object.hasOwn(unitMap, code) ? unitMap[code] : undefined);
  return { name: s.name, summary: s.summary, unitId: idOf(s.unit.code), standard: normaliseStandard(s.standard), ...adoptedDefinition(s, idOf) };
};

async function preview(db: Queryable, regionCode: string, content: ServicesPackage, unitMap: Readonly<Record<string, string>>): Promise<PackageChange[]> {
  const existing = await servicesByCode(db, regionCode, content.services.map((s) => s.code), false);
  const byId = await regionUnits(db, regionCode);
  const unitName = (id: string | undefined) => (id === undefined ? 'perangkat daerah yang belum dipetakan' : byId.get(id)?.name ?? 'perangkat daerah tidak dikenal');
  const names = standardReferenceData().komponen;
  const componentName = (no: number) => names.find((n) => n.no === no)?.nama ?? String(no);
  return content.services.map((s): PackageChange => {
    const key = serviceKey(s.code);
    const row = existing.get(s.code);
    if (!row) return { key, kind: 'add', label: `Layanan baru: ${s.name} (dibuat sebagai draf milik ${unitName(theirsOf(s, unitMap).unitId)}; terbitkan setelah ditinjau)`, fields: [] };
    const ours = oursOf(row);
    const theirs = theirsOf(s, unitMap);
    if (sameDraft(ours, theirs)) return { key, kind: 'same', label: `Layanan ${row.name}`, fields: [] };
    return { key, kind: 'change', label: `Layanan ${row.name} (draf diganti; versi yang sudah terbit tetap)`, fields: draftChanges(ours, theirs, unitName, componentName) };
  });
}

/**
 * Applies the chosen lines: an added service becomes a draft of the mapped
 * unit, a changed one gets its draft replaced; everything is checked before
 * anything is written. Throws layanan.package_invalid (content that breaks
 * the definition's rules), layanan.package_unit_unmapped (a unit code of a
 * chosen service without a mapping), unit.not_found (a mapped unit not an
 * active unit of the region) or layanan.definition_invalid.
 */
async function apply(tx: Tx, regionCode: string, content: ServicesPackage, plan: { unitMap: Readonly<Record<string, string>>; take: ReadonlySet<string> }, actor: Actor, now: Date) {
  const problems = packageProblems(content);
  if (problems.length > 0) throw new AppError('layanan.package_invalid', { problems });
  const chosen = content.services.filter((s) => plan.take.has(serviceKey(s.code)));
  const unmapped = [...new Set(packageUnits({ services: chosen }).map((u) => u.code).filter((code) => !Object.hasOwn(plan.unitMap, code)))];
  if (unmapped.length > 0) throw new AppError('layanan.package_unit_unmapped', { codes: unmapped });
  const existing = await servicesByCode(tx, regionCode, chosen.map((s) => s.code), true);
  const writes: { s: PackagedService; before: ServiceRow | undefined; fields: DraftFields }[] = [];
  for (const s of chosen) {
    const theirs = theirsOf(s, plan.unitMap);
    const unitId = (await unitIn(tx, regionCode, theirs.unitId!)).id;
    const before = existing.get(s.code);
    if (before && sameDraft(oursOf(before), theirs)) continue;
    const { standard, ...rest } = theirs;
    const definition = await checkedDefinition(tx, regionCode, definitionOf(rest), {});
    writes.push({ s, before, fields: { slug: s.code, name: s.name, summary: s.summary, unitId, draft: standard, ...definition } });
  }
  for (const { s, before, fields } of writes) {
    const detail = { package: PACKAGE_REF, sourceVersion: s.version };
    if (before) await replaceDraft(tx, regionCode, actor, now, before, fields, detail);
    else await insertDraft(tx, regionCode, actor, now, fields, detail);
  }
  return { applied: writes.length };
}

export const servicesPackage: PackageKind<ServicesPackage> = {
  key: 'services',
  title: { id: 'Definisi layanan publik', en: 'Public service definitions' },
  formatVersion: PACKAGE_FORMAT_VERSION,
  content: servicesPackageShape,
  candidates,
  export: exportServices,
  units: (content) => packageUnits(content),
  keys: (content) => content.services.map((s) => serviceKey(s.code)),
  summary: packageSummary,
  preview,
  apply,
};

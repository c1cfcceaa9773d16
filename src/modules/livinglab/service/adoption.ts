// Adopting a solution in one step: preview what its package would change in
// the region's own configuration, map the source's units to the region's,
// then apply the chosen lines in one transaction that writes only the
// adopting region. A package file from another installation goes the same way.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { queryRows, type Queryable, type Tx } from '../../../platform/db/client.js';
import { insertPart, insertTogether } from '../../../platform/db/insert-all.js';
import { AppError } from '../../../platform/errors.js';
import { auditMany, auditPart, type AuditEntry } from '../../../platform/audit/audit.js';
import { forgetRegionConfig } from '../../../platform/cache.js';
import type { PackageChange } from '../../../platform/modules/contract.js';
import { areas, units } from '../../../platform/schema.js';
import { livinglabAdoptions, livinglabSolutions, livinglabVersions } from '../schema.js';
import { packageFileSchema, PACKAGE_FILE_FORMAT, PACKAGE_FILE_VERSION } from '../domain/solution.js';
import { suggestUnit, type UnitChoice } from '../domain/units.js';
import { packageKindOf } from './solutions.js';

/** What is being adopted: a published version here, or a package file from elsewhere. */
interface Source {
  solutionId: string | null;
  sourceRegion: string | null;
  installation: string | null;
  regionName: string;
  title: string;
  version: number;
  kind: 'package' | 'application';
  packageKind: string | null;
  formatVersion: number | null;
  content: unknown;
  /** The region's earlier adoption of this solution (never for a file). */
  earlier: Earlier | null;
  /** The adopting region's active units, when read with the version (a file's are read when applied). */
  ownUnits: OwnUnit[] | null;
}

interface OwnUnit { id: string; code: string; name: string }

interface Earlier { id: string; version: number; unitMap: Record<string, string> }

export interface AdoptionPlan { unitMap: Record<string, string>; take: string[] }

/** The published version (the latest unless asked), its region's name, the region's earlier adoption of it and its active units, in one read. */
async function versionSource(tx: Queryable, regionCode: string, solutionId: string, version: number | undefined): Promise<Source> {
  const [row] = await queryRows<{
    region_code: string; region_name: string | null; number: number | null; title: string; kind: Source['kind']; package_kind: string | null;
    format_version: number | null; content: unknown; earlier_id: string | null; earlier_version: number | null; earlier_unit_map: Record<string, string> | null;
    own_units: OwnUnit[];
  }>(tx, sql`select s.region_code, r.name as region_name, v.number, v.title, v.kind, v.package_kind, v.format_version, v.content,
      e.id as earlier_id, e.version as earlier_version, e.unit_map as earlier_unit_map,
      (select coalesce(json_agg(json_build_object('id', u.id, 'code', u.code, 'name', u.name) order by u.name), '[]')
        from ${units} u where u.region_code = ${regionCode} and u.active) as own_units
    from ${livinglabSolutions} s
    left join ${areas} r on r.code = s.region_code
    left join ${livinglabVersions} v on v.region_code = s.region_code and v.solution_id = s.id and v.number = coalesce(${version ?? null}::int, s.latest_version)
    left join ${livinglabAdoptions} e on e.region_code = ${regionCode} and e.solution_id = s.id
    where s.id = ${solutionId} and s.latest_version is not null and not s.hidden`);
  if (!row) throw new AppError('livinglab.solution_not_found');
  if (row.region_code === regionCode) throw new AppError('livinglab.own_solution');
  if (row.number === null) throw new AppError('livinglab.version_not_found');
  return {
    solutionId, sourceRegion: row.region_code, installation: null, regionName: row.region_name ?? row.region_code, title: row.title, version: row.number,
    kind: row.kind, packageKind: row.package_kind, formatVersion: row.format_version, content: row.content,
    earlier: row.earlier_id ? { id: row.earlier_id, version: row.earlier_version!, unitMap: row.earlier_unit_map ?? {} } : null,
    ownUnits: row.own_units,
  };
}

/** A package file, checked against its format and the module's: a wrong one is refused before anything is read from the region. */
function fileSource(file: unknown): Source {
  const envelope = packageFileSchema.safeParse(file);
  if (!envelope.success) {
    const f = file as { format?: unknown; formatVersion?: unknown } | null;
    if (f && typeof f === 'object' && (f.format !== PACKAGE_FILE_FORMAT || f.formatVersion !== PACKAGE_FILE_VERSION)) {
      throw new AppError('livinglab.package_format', { expected: `${PACKAGE_FILE_FORMAT} ${PACKAGE_FILE_VERSION}`, got: `${String(f.format)} ${String(f.formatVersion)}` });
    }
    throw new AppError('livinglab.package_invalid', { issues: envelope.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  }
  const p = envelope.data;
  return {
    solutionId: null, sourceRegion: null, installation: p.source.installation, regionName: p.source.region.name, title: p.source.solution.title,
    version: p.source.version, kind: 'package', packageKind: p.packageKind, formatVersion: p.contentVersion, content: p.content, earlier: null, ownUnits: null,
  };
}

/** The module's package kind and the content checked against it. */
function checkedContent(source: Source) {
  const { kind } = packageKindOf(source.packageKind!);
  if (source.formatVersion !== kind.formatVersion) {
    throw new AppError('livinglab.package_format', { expected: `${source.packageKind} ${kind.formatVersion}`, got: `${source.packageKind} ${source.formatVersion}` });
  }
  const parsed = kind.content.safeParse(source.content);
  if (!parsed.success) throw new AppError('livinglab.package_invalid', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  return { kind, content: parsed.data };
}

async function regionUnits(tx: Queryable, regionCode: string): Promise<OwnUnit[]> {
  return tx.select({ id: units.id, code: units.code, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.active, true))).orderBy(units.name);
}

/**
 * What adopting would change: the source's units with the region's unit each
 * maps to (as given, else the earlier adoption's choice, else a unit with the
 * same code or name), and the module's lines.
 */
async function previewSource(tx: Queryable, regionCode: string, source: Source, given: Record<string, string>) {
  const own = await regionUnits(tx, regionCode);
  const { earlier } = source;
  if (source.kind !== 'package') return { source, units: [] as UnitChoice[], changes: [] as PackageChange[], adoption: earlier, kind: null };
  const { kind, content } = checkedContent(source);
  const choices: UnitChoice[] = kind.units(content).map((u) => {
    const chosen = given[u.code] ?? earlier?.unitMap[u.code];
    const mapped = chosen && own.some((o) => o.id === chosen) ? chosen : suggestUnit(u, own);
    return { code: u.code, name: u.name, unitId: mapped };
  });
  const unitMap = Object.fromEntries(choices.filter((c) => c.unitId).map((c) => [c.code, c.unitId!]));
  const changes = await kind.preview(tx, regionCode, content, unitMap);
  return { source, units: choices, changes, adoption: earlier, kind: { ref: source.packageKind!, summary: kind.summary(content) } };
}

function previewAnswer(p: Awaited<ReturnType<typeof previewSource>>, own: { id: string; code: string; name: string }[]) {
  return {
    source: { solutionId: p.source.solutionId, region: { code: p.source.sourceRegion, name: p.source.regionName }, installation: p.source.installation, title: p.source.title, version: p.source.version, kind: p.source.kind, packageKind: p.source.packageKind },
    summary: p.kind?.summary ?? null,
    units: p.units, yourUnits: own, changes: p.changes,
    adoptedVersion: p.adoption?.version ?? null,
  };
}

export async function previewAdoption(ctx: AppContext, regionCode: string, input: { solutionId: string; version?: number; unitMap: Record<string, string> }) {
  const db = ctx.database.db;
  const source = await versionSource(db, regionCode, input.solutionId, input.version);
  return previewAnswer(await previewSource(db, regionCode, source, input.unitMap), await regionUnits(db, regionCode));
}

export async function previewImport(ctx: AppContext, regionCode: string, input: { file: unknown; unitMap: Record<string, string> }) {
  const db = ctx.database.db;
  const source = fileSource(input.file);
  return previewAnswer(await previewSource(db, regionCode, source, input.unitMap), await regionUnits(db, regionCode));
}

/** Applies the chosen lines and records the adoption, all in one transaction. */
async function applySource(ctx: AppContext, tx: Tx, regionCode: string, actor: Actor, source: Source, plan: AdoptionPlan) {
  const now = ctx.clock.now();
  const { earlier } = source;
  if (earlier && earlier.version > source.version) throw new AppError('livinglab.older_version');
  let applied = 0;
  let unitMap: Record<string, string> = {};
  if (source.kind === 'package') {
    const { kind, content } = checkedContent(source);
    const named = kind.units(content);
    const unmapped = named.filter((u) => !plan.unitMap[u.code]);
    if (unmapped.length) throw new AppError('livinglab.unit_unmapped', { units: unmapped.map((u) => `${u.code} ${u.name}`) });
    unitMap = Object.fromEntries(named.map((u) => [u.code, plan.unitMap[u.code]]));
    const own = new Map((source.ownUnits ?? await regionUnits(tx, regionCode)).map((u) => [u.id, u.name]));
    const foreign = Object.entries(unitMap).filter(([, id]) => !own.has(id));
    if (foreign.length) throw new AppError('livinglab.unit_not_found', { units: foreign.map(([code, id]) => `${code} → ${id}`) });
    const unitNames = new Map(Object.values(unitMap).map((id) => [id, own.get(id)!]));
    const known = new Set(kind.keys(content));
    const unknown = plan.take.filter((k) => !known.has(k));
    if (unknown.length) throw new AppError('livinglab.unknown_change', { keys: unknown });
    // The module leaves alone a chosen line that would change nothing.
    if (plan.take.length) applied = (await kind.apply(tx, regionCode, content, { unitMap, take: new Set(plan.take), unitNames }, actor, now)).applied;
  } else if (plan.take.length) {
    throw new AppError('livinglab.unknown_change', { keys: plan.take });
  }
  const values = {
    sourceRegion: source.sourceRegion, solutionId: source.solutionId,
    source: { installation: source.installation, region: source.regionName, title: source.title, packageKind: source.packageKind },
    version: source.version, unitMap, taken: plan.take, applied, updatedAt: now, adoptedBy: actor.userId,
  };
  const id = earlier?.id ?? randomUUID();
  const entry: AuditEntry = {
    action: 'livinglab.adopt', entity: 'adoption', entityId: id,
    detail: { title: source.title, from: source.sourceRegion ?? source.installation, version: source.version, applied, taken: plan.take },
  };
  if (earlier) {
    await tx.update(livinglabAdoptions).set(values).where(and(eq(livinglabAdoptions.regionCode, regionCode), eq(livinglabAdoptions.id, id)));
    await auditMany(tx, now, actor, regionCode, [entry]);
  } else {
    await insertTogether(tx, [insertPart(livinglabAdoptions, [{ regionCode, id, ...values, adoptedAt: now }]), auditPart(now, actor, regionCode, [entry])]);
  }
  return { id, applied };
}

export async function adopt(ctx: AppContext, regionCode: string, actor: Actor, input: AdoptionPlan & { solutionId: string; version: number }) {
  const done = await ctx.database.db.transaction(async (tx) => {
    const source = await versionSource(tx, regionCode, input.solutionId, input.version);
    return applySource(ctx, tx, regionCode, actor, source, input);
  });
  forgetRegionConfig(); // modules cache their configuration (complaint categories, deadlines)
  return done;
}

export async function adoptFile(ctx: AppContext, regionCode: string, actor: Actor, input: AdoptionPlan & { file: unknown }) {
  const source = fileSource(input.file);
  const done = await ctx.database.db.transaction((tx) => applySource(ctx, tx, regionCode, actor, source, input));
  forgetRegionConfig();
  return done;
}

/** The region's adoptions, with whether the source has published a newer version since. */
export async function listAdoptions(ctx: AppContext, regionCode: string) {
  const a = livinglabAdoptions;
  const rows = await ctx.database.db.select({
    id: a.id, solutionId: a.solutionId, sourceRegion: a.sourceRegion, source: a.source, version: a.version, applied: a.applied, taken: a.taken,
    adoptedAt: a.adoptedAt, updatedAt: a.updatedAt, latestVersion: livinglabSolutions.latestVersion,
    latestChangelog: sql<string | null>`(select v.changelog from ${livinglabVersions} v where v.solution_id = ${a.solutionId} and v.number = ${livinglabSolutions.latestVersion})`,
  }).from(a).leftJoin(livinglabSolutions, eq(livinglabSolutions.id, a.solutionId))
    .where(eq(a.regionCode, regionCode)).orderBy(desc(a.updatedAt));
  return rows.map((r) => ({ ...r, updateAvailable: r.latestVersion !== null && r.latestVersion > r.version }));
}

// Adopting a solution in one step: preview what its package would change in
// the region's own configuration, map the source's units to the region's,
// then apply the chosen lines in one transaction that writes only the
// adopting region. A package file from another installation goes the same way.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Actor } from '../../../platform/auth/policy.js';
import type { Queryable, Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { forgetRegionConfig } from '../../../platform/cache.js';
import type { PackageChange } from '../../../platform/modules/contract.js';
import { areas, units } from '../../../platform/schema.js';
import { livinglabAdoptions, livinglabSolutions, livinglabVersions } from '../schema.js';
import { packageFileSchema, PACKAGE_FILE_FORMAT, PACKAGE_FILE_VERSION } from '../domain/solution.js';
import { suggestUnit, type UnitChoice } from '../domain/units.js';
import { publishedForAdoption, readVersion } from './catalogue.js';
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
}

export interface AdoptionPlan { unitMap: Record<string, string>; take: string[] }

async function versionSource(tx: Queryable, regionCode: string, solutionId: string, version: number | undefined): Promise<Source> {
  const sol = await publishedForAdoption(tx, solutionId);
  if (sol.regionCode === regionCode) throw new AppError('livinglab.own_solution');
  const ver = await readVersion(tx, sol.regionCode, solutionId, version ?? sol.latestVersion!);
  const [region] = await tx.select({ name: areas.name }).from(areas).where(eq(areas.code, sol.regionCode));
  return {
    solutionId, sourceRegion: sol.regionCode, installation: null, regionName: region?.name ?? sol.regionCode, title: ver.title, version: ver.number,
    kind: ver.kind as Source['kind'], packageKind: ver.packageKind, formatVersion: ver.formatVersion, content: ver.content,
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
    version: p.source.version, kind: 'package', packageKind: p.packageKind, formatVersion: p.contentVersion, content: p.content,
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

async function regionUnits(tx: Queryable, regionCode: string) {
  return tx.select({ id: units.id, code: units.code, name: units.name }).from(units).where(and(eq(units.regionCode, regionCode), eq(units.active, true))).orderBy(units.name);
}

/** The region's current adoption of this solution, if any. */
async function currentAdoption(tx: Queryable, regionCode: string, solutionId: string | null) {
  if (!solutionId) return null;
  const [row] = await tx.select().from(livinglabAdoptions).where(and(eq(livinglabAdoptions.regionCode, regionCode), eq(livinglabAdoptions.solutionId, solutionId)));
  return row ?? null;
}

/**
 * What adopting would change: the source's units with the region's unit each
 * maps to (as given, else the earlier adoption's choice, else a unit with the
 * same code or name), and the module's lines.
 */
async function previewSource(tx: Queryable, regionCode: string, source: Source, given: Record<string, string>) {
  const own = await regionUnits(tx, regionCode);
  const earlier = await currentAdoption(tx, regionCode, source.solutionId);
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
  const earlier = await currentAdoption(tx, regionCode, source.solutionId);
  if (earlier && earlier.version > source.version) throw new AppError('livinglab.older_version');
  let applied = 0;
  let unitMap: Record<string, string> = {};
  if (source.kind === 'package') {
    const { kind, content } = checkedContent(source);
    const named = kind.units(content);
    const unmapped = named.filter((u) => !plan.unitMap[u.code]);
    if (unmapped.length) throw new AppError('livinglab.unit_unmapped', { units: unmapped.map((u) => `${u.code} ${u.name}`) });
    unitMap = Object.fromEntries(named.map((u) => [u.code, plan.unitMap[u.code]]));
    const own = new Set((await regionUnits(tx, regionCode)).map((u) => u.id));
    const foreign = Object.entries(unitMap).filter(([, id]) => !own.has(id));
    if (foreign.length) throw new AppError('livinglab.unit_not_found', { units: foreign.map(([code, id]) => `${code} → ${id}`) });
    const lines = await kind.preview(tx, regionCode, content, unitMap);
    const known = new Set(lines.map((l) => l.key));
    const unknown = plan.take.filter((k) => !known.has(k));
    if (unknown.length) throw new AppError('livinglab.unknown_change', { keys: unknown });
    const take = new Set(lines.filter((l) => l.kind !== 'same' && plan.take.includes(l.key)).map((l) => l.key));
    if (take.size) applied = (await kind.apply(tx, regionCode, content, { unitMap, take }, actor, now)).applied;
  } else if (plan.take.length) {
    throw new AppError('livinglab.unknown_change', { keys: plan.take });
  }
  const values = {
    sourceRegion: source.sourceRegion, solutionId: source.solutionId,
    source: { installation: source.installation, region: source.regionName, title: source.title, packageKind: source.packageKind },
    version: source.version, unitMap, taken: plan.take, applied, updatedAt: now, adoptedBy: actor.userId,
  };
  const id = earlier
    ? (await tx.update(livinglabAdoptions).set(values).where(and(eq(livinglabAdoptions.regionCode, regionCode), eq(livinglabAdoptions.id, earlier.id))).returning({ id: livinglabAdoptions.id }))[0].id
    : (await tx.insert(livinglabAdoptions).values({ regionCode, ...values, adoptedAt: now }).returning({ id: livinglabAdoptions.id }))[0].id;
  await audit(tx, now, actor, regionCode, 'livinglab.adopt', 'adoption', id, {
    title: source.title, from: source.sourceRegion ?? source.installation, version: source.version, applied, taken: plan.take,
  });
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

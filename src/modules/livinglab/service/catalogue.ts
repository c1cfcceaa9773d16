// The public catalogue: every region's published solutions (their latest
// version), searched in Indonesian full text with filters, one solution with
// its versions, kit and lineage, and the open-data export. Nobody signs in;
// drafts and hidden solutions never show.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { preparedFamily, runPrepared } from '../../../platform/db/prepared.js';
import { AppError } from '../../../platform/errors.js';
import { areas } from '../../../platform/schema.js';
import { livinglabAdoptions, livinglabSolutions, livinglabVersions } from '../schema.js';
import { PACKAGE_FILE_FORMAT, PACKAGE_FILE_VERSION, type ApplicationFacts, type Mentor, type PackageFile } from '../domain/solution.js';
import { kitFiles, packageKindOf } from './solutions.js';

export interface CatalogueQuery {
  q?: string;
  kind?: 'package' | 'application';
  domain?: string;
  sector?: string;
  /** A module's name: its packages. */
  module?: string;
  region?: string;
  province?: string;
  /** A package kind's catalogue label (PackageKind.tags): `spbe.indicator:spbe-2020/44`. */
  tag?: string;
  page: number;
  perPage: number;
}

const s = livinglabSolutions;
const v = livinglabVersions;
/** A solution's latest published version: the row the public reads. */
const latest = and(eq(v.regionCode, s.regionCode), eq(v.solutionId, s.id), eq(v.number, s.latestVersion));
const visible = sql`${s.latestVersion} is not null and not ${s.hidden}`;

/** The filters a query uses, as a short shape name: one prepared statement per combination. */
const FILTERS = ['q', 'kind', 'domain', 'sector', 'module', 'region', 'province', 'tag'] as const;
const letter = (f: (typeof FILTERS)[number]) => 'abcdefgh'[FILTERS.indexOf(f)]; // '_': no filter
const shapeOf = (query: CatalogueQuery) => FILTERS.map((f) => (query[f] ? letter(f) : '')).join('') || '_';

/**
 * The search as one statement per shape: the matches are collected with
 * their sort keys only, counted once, and only the page's rows are joined to
 * their region's name and adopters (joining every match first cost 3× under
 * load: bench/livinglab.ts).
 */
const searchStatement = preparedFamily<string>('pamong_livinglab_search', (_db, shape) => {
  const has = (f: (typeof FILTERS)[number]) => shape.includes(letter(f));
  const ph = (name: string) => sql.placeholder(name);
  // The query is parsed once, in FROM: written into WHERE and the rank, a generic plan parses it again for every matched row.
  const query = sql`query.t`;
  const where: SQL[] = [sql`s.latest_version is not null and not s.hidden`];
  if (has('q')) where.push(sql`v.search @@ ${query}`);
  if (has('kind')) where.push(sql`v.kind = ${ph('kind')}`);
  if (has('domain')) where.push(sql`v.domain = ${ph('domain')}`);
  if (has('sector')) where.push(sql`v.sector = ${ph('sector')}`);
  if (has('module')) where.push(sql`v.package_kind like ${ph('module')} || '.%'`);
  if (has('region')) where.push(sql`s.region_code = ${ph('region')}`);
  if (has('province')) where.push(sql`(s.region_code = ${ph('province')} or s.region_code like ${ph('province')} || '.%')`);
  if (has('tag')) where.push(sql`v.tags @> array[${ph('tag')}::text]`); // the GIN index on tags
  const rank = has('q') ? sql`ts_rank(v.search, ${query})` : sql`0::real`;
  return sql`with m as (
      select s.region_code, s.id, s.featured, s.superseded_by_id, v.number, v.published_at, ${rank} as rank
      from livinglab_solutions s join livinglab_versions v on v.region_code = s.region_code and v.solution_id = s.id and v.number = s.latest_version
        ${has('q') ? sql`, websearch_to_tsquery('indonesian', ${ph('q')}) query(t)` : sql``}
      where ${sql.join(where, sql` and `)})
    select p.id, p.region_code as "regionCode", a.name as "regionName", p.number as version, v.kind, v.package_kind as "packageKind", v.title, v.summary, v.domain, v.sector,
      v.published_at as "publishedAt", p.featured, p.superseded_by_id as "supersededBy", v.application->>'duplicates' as duplicates, v.mentor,
      (select count(*)::int from livinglab_adoptions x where x.solution_id = p.id) as adopters, (select count(*)::int from m) as total
    from (select * from m order by featured desc, rank desc, published_at desc, id limit ${ph('limit')} offset ${ph('offset')}) p
      join livinglab_versions v on v.region_code = p.region_code and v.solution_id = p.id and v.number = p.number
      join areas a on a.code = p.region_code
    order by p.featured desc, p.rank desc, p.published_at desc, p.id`;
});

interface CatalogueRow {
  id: string; regionCode: string; regionName: string; version: number; kind: 'package' | 'application'; packageKind: string | null; title: string; summary: string;
  domain: string; sector: string | null; publishedAt: Date; featured: boolean; supersededBy: string | null; duplicates: string | null; mentor: Mentor | null; adopters: number; total: number;
}

/** A page of published solutions, best match first (featured ones ahead), with the total matched. */
export async function searchCatalogue(ctx: AppContext, query: CatalogueQuery) {
  const shape = shapeOf(query);
  const rows = await runPrepared<CatalogueRow>(ctx.database, searchStatement(ctx.database.db, shape), {
    ...query, module: query.module ?? null, tag: query.tag ?? null, limit: query.perPage, offset: (query.page - 1) * query.perPage,
  });
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
}

/** Every published solution for the open-data export, oldest first, without paging. */
export async function catalogueRows(ctx: AppContext) {
  return ctx.database.db.select({
    id: s.id, regionCode: s.regionCode, regionName: areas.name, version: v.number, kind: v.kind, packageKind: v.packageKind,
    title: v.title, summary: v.summary, domain: v.domain, sector: v.sector, publishedAt: v.publishedAt, application: v.application, mentor: v.mentor,
    supersededBy: s.supersededBy,
    adopters: sql<number>`(select count(*)::int from ${livinglabAdoptions} a where a.solution_id = ${s.id})`,
  }).from(s).innerJoin(v, latest).innerJoin(areas, eq(areas.code, s.regionCode))
    .where(visible).orderBy(v.publishedAt, s.id);
}

/** The owner region of a published solution: public routes name a solution by its id alone. */
async function publishedSolution(db: Queryable, id: string) {
  const [row] = await db.select().from(s).where(and(eq(s.id, id), visible));
  if (!row) throw new AppError('livinglab.solution_not_found');
  return row;
}

/** A published version as it was. */
export async function readVersion(db: Queryable, regionCode: string, solutionId: string, number: number) {
  const [row] = await db.select().from(v).where(and(eq(v.regionCode, regionCode), eq(v.solutionId, solutionId), eq(v.number, number)));
  if (!row) throw new AppError('livinglab.version_not_found');
  return row;
}

/** One published solution: its latest version (or the one asked for), every version, its kit, who adopted it and where it came from. */
export async function publicSolution(ctx: AppContext, id: string, number?: number) {
  const db = ctx.database.db;
  const sol = await publishedSolution(db, id);
  const ver = await readVersion(db, sol.regionCode, id, number ?? sol.latestVersion!);
  const [region] = await db.select({ name: areas.name }).from(areas).where(eq(areas.code, sol.regionCode));
  const versions = await db.select({ number: v.number, changelog: v.changelog, publishedAt: v.publishedAt })
    .from(v).where(and(eq(v.regionCode, sol.regionCode), eq(v.solutionId, id))).orderBy(desc(v.number));
  const adopters = await db.select({ regionCode: livinglabAdoptions.regionCode, regionName: areas.name, version: livinglabAdoptions.version, adoptedAt: livinglabAdoptions.adoptedAt })
    .from(livinglabAdoptions).innerJoin(areas, eq(areas.code, livinglabAdoptions.regionCode))
    .where(eq(livinglabAdoptions.solutionId, id)).orderBy(livinglabAdoptions.adoptedAt);
  // Lineage upwards: what the owner region itself adopted of the same kind of package, from whom.
  const adoptedFrom = ver.packageKind
    ? await db.select({ regionCode: livinglabAdoptions.sourceRegion, title: sql<string>`${livinglabAdoptions.source}->>'title'`, solutionId: livinglabAdoptions.solutionId, version: livinglabAdoptions.version })
      .from(livinglabAdoptions).where(and(eq(livinglabAdoptions.regionCode, sol.regionCode), sql`${livinglabAdoptions.source}->>'packageKind' = ${ver.packageKind}`))
    : [];
  const kind = ver.packageKind ? packageKindOf(ver.packageKind).kind : null;
  const pkg = kind ? { summary: kind.summary(ver.content), units: kind.units(ver.content), content: ver.content } : null;
  return {
    id, region: { code: sol.regionCode, name: region?.name ?? sol.regionCode }, version: ver.number, latestVersion: sol.latestVersion!,
    kind: ver.kind as 'package' | 'application', packageKind: ver.packageKind, title: ver.title, summary: ver.summary, description: ver.description,
    domain: ver.domain, sector: ver.sector, application: ver.application as ApplicationFacts | null, mentor: ver.mentor as Mentor | null,
    changelog: ver.changelog, publishedAt: ver.publishedAt, featured: sol.featured, curatorNote: sol.curatorNote, supersededBy: sol.supersededBy,
    package: pkg, versions, kit: await kitFiles(db, sol.regionCode, id), adopters, adoptedFrom,
  };
}

/** A published version as a package file another installation can import (README: "Package file format"). */
export async function packageFile(ctx: AppContext, id: string, number: number): Promise<PackageFile> {
  const db = ctx.database.db;
  const sol = await publishedSolution(db, id);
  const ver = await readVersion(db, sol.regionCode, id, number);
  if (!ver.packageKind) throw new AppError('livinglab.wrong_kind', { field: 'kind' });
  const [region] = await db.select({ name: areas.name }).from(areas).where(eq(areas.code, sol.regionCode));
  return {
    format: PACKAGE_FILE_FORMAT, formatVersion: PACKAGE_FILE_VERSION, packageKind: ver.packageKind, contentVersion: ver.formatVersion!,
    source: {
      installation: ctx.config.publicUrl, region: { code: sol.regionCode, name: region?.name ?? sol.regionCode },
      solution: { id, title: ver.title }, version: ver.number, publishedAt: ver.publishedAt.toISOString(),
    },
    content: ver.content,
  };
}

/** A published, visible solution's row (its owner region and latest version), for adopting it or reading its kit. */
export const publishedForAdoption = publishedSolution;

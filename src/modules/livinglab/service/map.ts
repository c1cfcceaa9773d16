// The adoption map and the lineage graph, for anyone: per province, the
// solutions its regions published (visible ones only) and the adoptions its
// regions made; and every adoption as an edge from the source region to the
// adopter, with the solution's title and version. Drafts and hidden
// solutions never count nor show; an adoption of a package file from another
// installation shows what the file said. Each read is one statement, and may
// be a few seconds old (staleRead). One province's kabupaten/kota are counted
// the same way and drawn on the platform's kabupaten/kota outlines
// (geoBoundaries, CC BY 3.0 IGO: the attribution goes with them).
import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { staleRead } from '../../../platform/db/replica.js';
import { readFileSync } from 'node:fs';
import { AppError, type Words } from '../../../platform/errors.js';
import { kabKotaOutlines, regencyOutlines } from '../../../platform/regions/outlines.js';

export interface MapFilter {
  /** One solution's adoptions (its owner's province counts it as published). */
  solution?: string;
  /** A module's packages (`complaints`: complaints.*). */
  module?: string;
  kind?: 'package' | 'application';
}

export interface Outlines {
  source: string; projection: string; viewBox: string;
  /** `covers`: the province codes inside the outline (its own first; provinces made after the source was drawn follow). */
  provinces: { code: string; name: string; iso: string; covers: string[]; d: string }[];
}

/** The province outlines (Natural Earth, public domain; reference/SOURCES.md) as SVG paths, read once. */
export const provinceOutlines = JSON.parse(readFileSync(new URL('../reference/provinsi-peta.json', import.meta.url), 'utf8')) as Outlines;

/**
 * What a published, visible solution must also match (`v`: its latest
 * version, `s`: the solution); an adoption of a package file has no solution
 * and matches on what the file said (`a.source`).
 */
function solutionFilter(f: MapFilter, file: boolean): SQL {
  const parts: SQL[] = [];
  if (f.solution) parts.push(file ? sql`false` : sql`s.id = ${f.solution}`);
  if (f.module) parts.push(file ? sql`a.source->>'packageKind' like ${f.module} || '.%'` : sql`v.package_kind like ${f.module} || '.%'`);
  if (f.kind) parts.push(file ? sql`${f.kind} = 'package'` : sql`v.kind = ${f.kind}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** Which adoptions to look at: with a solution, only its own (by the adoptions' solution index). */
const adoptionsOf = (f: MapFilter): SQL => (f.solution ? sql`a.solution_id = ${f.solution}` : sql`true`);

/**
 * The published solutions and the adoptions of the regions `within` a scope,
 * tallied by `key` (both given the region code column): the `published` and
 * `adopted` common table expressions the maps join to the area registry.
 */
function tallies(f: MapFilter, key: (region: SQL) => SQL, within: (region: SQL) => SQL): SQL {
  return sql`
    published as (
      select ${key(sql`s.region_code`)} as area, count(*)::int as n
      from livinglab_solutions s join livinglab_versions v on v.region_code = s.region_code and v.solution_id = s.id and v.number = s.latest_version
      where ${within(sql`s.region_code`)} and s.latest_version is not null and not s.hidden and ${solutionFilter(f, false)}
      group by 1),
    adopted as (
      select ${key(sql`a.region_code`)} as area, count(*)::int as n, count(distinct a.region_code)::int as regions
      from livinglab_adoptions a
        left join livinglab_solutions s on s.region_code = a.source_region and s.id = a.solution_id
        left join livinglab_versions v on v.region_code = s.region_code and v.solution_id = s.id and v.number = s.latest_version
      where ${within(sql`a.region_code`)} and ${adoptionsOf(f)} and ((a.solution_id is null and ${solutionFilter(f, true)})
         or (s.latest_version is not null and not s.hidden and ${solutionFilter(f, false)}))
      group by 1)`;
}

export interface ProvinceCount { code: string; name: string; solutions: number; adoptions: number; adopters: number }

/** Every province with its published solutions, its regions' adoptions and how many of its regions adopted. */
export function mapCounts(ctx: AppContext, f: MapFilter): Promise<ProvinceCount[]> {
  return staleRead(ctx, (c) => c.database.rows<ProvinceCount>(sql`
    with ${tallies(f, (r) => sql`left(${r}, 2)`, () => sql`true`)}
    select p.code, p.name, coalesce(published.n, 0) as solutions, coalesce(adopted.n, 0) as adoptions, coalesce(adopted.regions, 0) as adopters
    from areas p left join published on published.area = p.code left join adopted on adopted.area = p.code
    where p.parent_code is null and p.level = 'province' -- the provinces, by the areas' parent index
    order by p.code`));
}

export interface RegencyCount { code: string; name: string; solutions: number; adoptions: number }
export interface RegencyMap {
  province: RegencyCount;
  /** The province's kabupaten/kota, by code; `d` null where the outlines draw none. */
  regencies: (RegencyCount & { d: string | null })[];
  viewBox: string; source: string; attribution: Words; year: number;
}

/**
 * One province's kabupaten/kota with what each one's government published
 * and adopted, and the provincial government's own (`province`: it has no
 * outline of its own), on the platform's kabupaten/kota outlines. One
 * statement; an unknown province is 404.
 */
export async function regencyMap(ctx: AppContext, province: string, f: MapFilter): Promise<RegencyMap> {
  // A region's kabupaten/kota is the first five characters of its code ('32.73'); the province's own government is '32'.
  const rows = await staleRead(ctx, (c) => c.database.rows<RegencyCount & { level: string }>(sql`
    with ${tallies(f, (r) => sql`left(${r}, 5)`, (r) => sql`left(${r}, 2) = ${province}`)}
    select p.code, p.name, p.level, coalesce(published.n, 0) as solutions, coalesce(adopted.n, 0) as adoptions
    from areas p left join published on published.area = p.code left join adopted on adopted.area = p.code
    where (p.code = ${province} and p.level = 'province') or (p.parent_code = ${province} and p.level = 'regency')
    order by p.code`));
  const own = rows.find((r) => r.level === 'province');
  if (!own) throw new AppError('livinglab.province_not_found');
  const outlines = regencyOutlines(province);
  const count = ({ code, name, solutions, adoptions }: RegencyCount) => ({ code, name, solutions, adoptions });
  return {
    province: count(own),
    regencies: rows.filter((r) => r.level === 'regency').map((r) => ({ ...count(r), d: outlines?.areas[r.code] ?? null })),
    viewBox: outlines?.viewBox ?? '0 0 1000 1000',
    source: kabKotaOutlines.source, attribution: kabKotaOutlines.attribution, year: kabKotaOutlines.year,
  };
}

export interface LineageEdge {
  from: { code: string | null; name: string; installation: string | null };
  to: { code: string; name: string };
  solutionId: string | null; title: string; packageKind: string | null; version: number; adoptedAt: Date; updatedAt: Date;
}

const LINEAGE_LIMIT = 2000;

/** Who adopted from whom, oldest first (at most 2000 edges; `truncated` says when there were more). */
export async function lineage(ctx: AppContext, f: MapFilter): Promise<{ edges: LineageEdge[]; truncated: boolean }> {
  type Row = {
    from_code: string | null; from_name: string | null; installation: string | null; to_code: string; to_name: string;
    solution_id: string | null; title: string; package_kind: string | null; version: number; adopted_at: Date | string; updated_at: Date | string;
  };
  const rows = await staleRead(ctx, (c) => c.database.rows<Row>(sql`
    select a.source_region as from_code, coalesce(fa.name, a.source->>'region') as from_name, a.source->>'installation' as installation,
      a.region_code as to_code, ta.name as to_name, a.solution_id, coalesce(av.title, a.source->>'title') as title,
      coalesce(v.package_kind, a.source->>'packageKind') as package_kind, a.version, a.adopted_at, a.updated_at
    from livinglab_adoptions a
      join areas ta on ta.code = a.region_code
      left join areas fa on fa.code = a.source_region
      left join livinglab_solutions s on s.region_code = a.source_region and s.id = a.solution_id
      left join livinglab_versions v on v.region_code = s.region_code and v.solution_id = s.id and v.number = s.latest_version
      left join livinglab_versions av on av.region_code = s.region_code and av.solution_id = s.id and av.number = a.version
    where ${adoptionsOf(f)} and ((a.solution_id is null and ${solutionFilter(f, true)})
       or (s.latest_version is not null and not s.hidden and ${solutionFilter(f, false)}))
    order by a.adopted_at, a.region_code, a.id
    limit ${LINEAGE_LIMIT + 1}`));
  return {
    truncated: rows.length > LINEAGE_LIMIT,
    edges: rows.slice(0, LINEAGE_LIMIT).map((r) => ({
      from: { code: r.from_code, name: r.from_name ?? '', installation: r.installation },
      to: { code: r.to_code, name: r.to_name },
      solutionId: r.solution_id, title: r.title, packageKind: r.package_kind, version: Number(r.version),
      adoptedAt: new Date(r.adopted_at), updatedAt: new Date(r.updated_at),
    })),
  };
}

// The province page's map: the outline of every kabupaten/kota of the
// province in the area registry, as SVG paths drawn offline from
// geoBoundaries (reference/kabkota-peta.json, scripts/pimpinan-map.ts; source
// and licence in reference/SOURCES.md), with the attribution the licence
// (CC BY 3.0 IGO) asks for. The figures that shade it are the province
// page's own (service/province.ts): the web joins them by code.
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { AppError, type Words } from '../../../platform/errors.js';
import { areas } from '../../../platform/schema.js';
import type { Region } from '../../../platform/regions/service.js';

export interface KabKotaOutlines {
  source: string;
  attribution: Words;
  year: number;
  projection: string;
  /** By Kemendagri province code: the SVG space, each kabupaten/kota's path by its code, and the registry's kabupaten/kota the source does not draw. */
  provinces: Record<string, { name: string; viewBox: string; areas: Record<string, string>; missing: string[] }>;
}

/** Every province's kabupaten/kota outlines, read once. */
export const kabKotaOutlines = JSON.parse(readFileSync(new URL('../reference/kabkota-peta.json', import.meta.url), 'utf8')) as KabKotaOutlines;

export interface ProvinceMap {
  province: { code: string; name: string };
  viewBox: string;
  source: string;
  attribution: Words;
  year: number;
  /** The province's kabupaten/kota in the area registry, by code; `d` null where the source draws none. */
  areas: { code: string; name: string; d: string | null }[];
}

export async function provinceMap(ctx: AppContext, province: Region): Promise<ProvinceMap> {
  if (province.kind !== 'provinsi') throw new AppError('pimpinan.not_province');
  const outlines = kabKotaOutlines.provinces[province.code];
  if (!outlines) throw new AppError('pimpinan.map_missing');
  const rows = await ctx.database.db.select({ code: areas.code, name: areas.name }).from(areas)
    .where(and(eq(areas.parentCode, province.code), eq(areas.level, 'regency'))).orderBy(asc(areas.code));
  return {
    province: { code: province.code, name: province.name },
    viewBox: outlines.viewBox,
    source: kabKotaOutlines.source,
    attribution: kabKotaOutlines.attribution,
    year: kabKotaOutlines.year,
    areas: rows.map((r) => ({ code: r.code, name: r.name, d: outlines.areas[r.code] ?? null })),
  };
}

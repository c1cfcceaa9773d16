// The province page's map: the outline of every kabupaten/kota of the
// province in the area registry, as SVG paths drawn offline from
// geoBoundaries (the platform's reference data: src/platform/regions/outlines.ts,
// source and licence in src/platform/regions/reference/SOURCES.md), with the
// attribution the licence (CC BY 3.0 IGO) asks for. The figures that shade it
// are the province page's own (service/province.ts): the web joins them by code.
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { AppError, type Words } from '../../../platform/errors.js';
import { areas } from '../../../platform/schema.js';
import type { Region } from '../../../platform/regions/service.js';
import { regencyOutlines } from '../../../platform/regions/outlines.js';

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
  const outlines = regencyOutlines(province.code);
  if (!outlines) throw new AppError('pimpinan.map_missing');
  const rows = await ctx.database.db.select({ code: areas.code, name: areas.name }).from(areas)
    .where(and(eq(areas.parentCode, province.code), eq(areas.level, 'regency'))).orderBy(asc(areas.code));
  return {
    province: { code: province.code, name: province.name },
    viewBox: outlines.viewBox,
    source: outlines.source,
    attribution: outlines.attribution,
    year: outlines.year,
    areas: rows.map((r) => ({ code: r.code, name: r.name, d: outlines.areas[r.code] ?? null })),
  };
}

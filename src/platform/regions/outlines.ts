// The outline of every kabupaten/kota of the area registry, as SVG paths
// grouped by province, drawn offline from geoBoundaries
// (reference/kabkota-peta.json, built by scripts/pimpinan-map.ts; source and
// licence in reference/SOURCES.md), with the attribution the licence (CC BY
// 3.0 IGO) asks every map drawn from them to show. Reference data about the
// platform's own areas: the leader's province page (pimpinan) and the Living
// Lab's adoption map both draw from it.
import { readFileSync } from 'node:fs';
import type { Words } from '../errors.js';

export interface KabKotaOutlines {
  source: string;
  attribution: Words;
  year: number;
  projection: string;
  /** By Kemendagri province code: the SVG space, each kabupaten/kota's path by its code, and the registry's kabupaten/kota the source does not draw. */
  provinces: Record<string, { name: string; viewBox: string; areas: Record<string, string>; missing: string[] }>;
}

/** Every province's kabupaten/kota outlines, read once. */
export const kabKotaOutlines = JSON.parse(readFileSync(new URL('./reference/kabkota-peta.json', import.meta.url), 'utf8')) as KabKotaOutlines;

export interface ProvinceOutlines {
  /** The SVG space of the province (1000 units wide). */
  viewBox: string;
  /** Each kabupaten/kota's path by its Kemendagri code. */
  areas: Record<string, string>;
  source: string;
  /** To be shown with any map drawn from these outlines (CC BY 3.0 IGO). */
  attribution: Words;
  /** The year of the boundaries. */
  year: number;
}

/** A province's kabupaten/kota outlines and the attribution to show with them; null for a province the file does not know. */
export function regencyOutlines(province: string): ProvinceOutlines | null {
  const p = Object.hasOwn(kabKotaOutlines.provinces, province) ? kabKotaOutlines.provinces[province] : undefined;
  if (!p) return null;
  return { viewBox: p.viewBox, areas: p.areas, source: kabKotaOutlines.source, attribution: kabKotaOutlines.attribution, year: kabKotaOutlines.year };
}

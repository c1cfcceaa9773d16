// Builds the platform's kabupaten/kota outlines, drawn by the leader's
// province page and the Living Lab's adoption map
// (src/platform/regions/reference/kabkota-peta.json) from geoBoundaries'
// Indonesia ADM2 (BPS / OCHA, CC BY 3.0 IGO), offline:
//
//   npx tsx scripts/pimpinan-map.ts indonesia-adm2-simplified.geojson [out.json]
//
// The input is a GeoJSON of geoBoundaries IDN ADM2 whose features carry the
// geoBoundaries name (`geometry_source_name`, "Bogor" for the kabupaten, "Kota
// Bogor" for the kota) and, where known, the province's name; the copy used
// and its provenance are in src/platform/regions/reference/SOURCES.md. Each
// feature is named by its Kemendagri code from the area registry Pamong loads
// (idn-area-data's regencies.csv), by name within its province (the source's
// codes are BPS's, which differ from Kemendagri's for Papua), then projected
// per province (equirectangular around the province's middle latitude) into a
// 1000-unit-wide SVG space, simplified (Douglas–Peucker) with islands too
// small to see dropped, and written as one SVG path per kabupaten/kota.
// Lakes and reservoirs the source draws as their own units are left out.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projector, ringArea, ringPath, simplify, type Point } from '../src/platform/geometry.js';

const WIDTH = 1000;
const TOLERANCE = 0.8; // SVG units of a 1000-unit-wide province
const MIN_AREA = 2; // SVG units²: smaller islands are left out (a kabupaten/kota keeps at least its largest)
const MARGIN = 4;

/**
 * Source units the registry knows by another name (the source's name, letters
 * only → the registry's kind and name without its kind, letters only):
 * renamed since 2017, spelt otherwise, or a kabupaten whose name starts with
 * "Kota".
 */
const ALIASES: Record<string, [Regency['kind'], string]> = {
  KOTABARU: ['Kabupaten', 'KOTABARU'], // Kalimantan Selatan: "Kota Baru" in the source
  KOTAPADANGSIDIMPUAN: ['Kota', 'PADANGSIDEMPUAN'],
  MAHAKAMHULU: ['Kabupaten', 'MAHAKAMULU'],
  MALUKUTENGGARABARAT: ['Kabupaten', 'KEPULAUANTANIMBAR'], // renamed 2019
  MAMUJUUTARA: ['Kabupaten', 'PASANGKAYU'], // renamed 2017
  SIAUTAGULANDANGBIARO: ['Kabupaten', 'KEPULAUANSIAUTAGULANDANGBIARO'],
  TOBASAMOSIR: ['Kabupaten', 'TOBA'], // renamed 2020
};
/** Units of the source that are not kabupaten/kota (lakes, reservoirs). */
const NOT_REGIONS = /^(danau|waduk|wadung|hutan)\b/i;
/** A province of the source → the registry's provinces now on its ground (Papua and Papua Barat were split in 2022). */
const NOW: Record<string, string[]> = { PAPUA: ['91', '93', '94', '95'], PAPUABARAT: ['92', '96'] };

interface Feature {
  properties: Record<string, string>;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}
interface Regency { code: string; province: string; kind: 'Kabupaten' | 'Kota'; name: string; key: string }

const norm = (s: string) => s.toUpperCase().replace(/[^A-Z]/g, '');

const [input, output = 'src/platform/regions/reference/kabkota-peta.json'] = process.argv.slice(2);
if (!input) throw new Error('usage: npx tsx scripts/pimpinan-map.ts <geoBoundaries IDN ADM2 .geojson> [out.json]');
const source = JSON.parse(readFileSync(input, 'utf8')) as { metadata?: Record<string, unknown>; features: Feature[] };

const require = createRequire(import.meta.url);
const dataDir = join(dirname(require.resolve('idn-area-data/package.json')), 'data');
const csv = (file: string) => readFileSync(join(dataDir, file), 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(','));
const provinceNames = new Map(csv('provinces.csv').map(([code, name]) => [code, name]));
const provinceByName = new Map([...provinceNames].map(([code, name]) => [norm(name), code]));
const regencies: Regency[] = csv('regencies.csv').map(([code, province, name]) => {
  const kota = name.startsWith('KOTA ');
  const bare = name.replace(/^(KABUPATEN|KOTA) (ADMINISTRASI )?/, '');
  return { code, province, kind: kota ? 'Kota' : 'Kabupaten', name, key: norm(bare) };
});

/** The registry's provinces a source feature may lie in: its own (by name), or every province if the source does not say. */
function provincesOf(f: Feature): string[] | null {
  const name = norm(f.properties.province_name ?? '');
  if (!name) return null;
  if (NOW[name]) return NOW[name];
  const code = provinceByName.get(name);
  if (!code) throw new Error(`no Kemendagri province for "${f.properties.province_name}"`);
  return [code];
}

function regencyOf(f: Feature): Regency | string {
  const raw = f.properties.geometry_source_name ?? f.properties.shapeName;
  const [kind, key] = ALIASES[norm(raw)] ?? [/^kota /i.test(raw) ? 'Kota' : 'Kabupaten', norm(raw.replace(/^kota /i, ''))];
  const within = provincesOf(f);
  const candidates = regencies.filter((r) => r.key === key && r.kind === kind && (!within || within.includes(r.province)));
  if (candidates.length === 1) return candidates[0];
  return `${raw} (${f.properties.province_name || 'province not given'}): ${candidates.length === 0 ? 'no registry entry' : `${candidates.length} candidates`}`;
}

const matched = new Map<string, { regency: Regency; rings: Point[][] }>();
const unmatched: string[] = [];
const skipped: string[] = [];
for (const f of source.features) {
  const raw = f.properties.geometry_source_name ?? f.properties.shapeName;
  if (NOT_REGIONS.test(raw)) { skipped.push(raw); continue; }
  const r = regencyOf(f);
  if (typeof r === 'string') { unmatched.push(r); continue; }
  if (matched.has(r.code)) throw new Error(`${r.code} ${r.name} matched twice`);
  const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
  // Outer rings only: holes (lakes, an enclave's hole) are covered by the unit inside them, drawn after.
  matched.set(r.code, { regency: r, rings: polygons.map((p) => p[0] as unknown as Point[]) });
}

const provinces: Record<string, { name: string; viewBox: string; areas: Record<string, string>; missing: string[] }> = {};
for (const [province, provinceName] of provinceNames) {
  const members = [...matched.values()].filter((m) => m.regency.province === province).sort((a, b) => a.regency.code.localeCompare(b.regency.code));
  if (members.length === 0) continue;
  const all = members.flatMap((m) => m.rings.flat());
  const west = Math.min(...all.map((p) => p[0]));
  const east = Math.max(...all.map((p) => p[0]));
  const north = Math.max(...all.map((p) => p[1]));
  const south = Math.min(...all.map((p) => p[1]));
  const middle = (north + south) / 2;
  const scale = (WIDTH - 2 * MARGIN) / ((east - west) * Math.cos((middle * Math.PI) / 180));
  const toSvg = projector(west, north, scale, middle);
  const project = (p: Point): [number, number] => { const [x, y] = toSvg(p); return [x + MARGIN, y + MARGIN]; };
  const areas: Record<string, string> = {};
  for (const m of members) {
    const rings = m.rings.map((r) => simplify(r.map(project), TOLERANCE)).filter((r) => r.length >= 4);
    const largest = Math.max(...rings.map(ringArea));
    const kept = rings.filter((r) => ringArea(r) >= MIN_AREA || ringArea(r) === largest);
    areas[m.regency.code] = kept.map((r) => ringPath(r, 0)).join('');
  }
  const height = Math.ceil((north - south) * scale + 2 * MARGIN);
  const missing = regencies.filter((r) => r.province === province && !areas[r.code]).map((r) => r.code);
  provinces[province] = { name: provinceName, viewBox: `0 0 ${WIDTH} ${height}`, areas, missing };
}

const result = {
  source: 'geoBoundaries IDN ADM2 (gbOpen, BPS / WFP / OCHA ROAP, 2020), CC BY 3.0 IGO; scripts/pimpinan-map.ts',
  attribution: {
    id: 'Batas kabupaten/kota: geoBoundaries (Runfola dkk. 2020), dari data BPS, WFP dan OCHA ROAP, CC BY 3.0 IGO; disederhanakan oleh Pamong.',
    en: 'Kabupaten/kota boundaries: geoBoundaries (Runfola et al. 2020), from BPS, WFP and OCHA ROAP data, CC BY 3.0 IGO; simplified by Pamong.',
  },
  year: 2020,
  projection: `equirectangular per province, ${WIDTH} units wide, x scaled by cos of the province's middle latitude`,
  provinces,
};
writeFileSync(output, `${JSON.stringify(result).replace(/\},"(\d\d)":/g, '},\n"$1":')}\n`);
const total = Object.values(provinces).reduce((n, p) => n + Object.keys(p.areas).length, 0);
const missing = Object.values(provinces).flatMap((p) => p.missing);
const withoutOutline = regencies.filter((r) => !provinces[r.province]).map((r) => r.code);
console.log(`${total} outlines in ${Object.keys(provinces).length} provinces, ${Buffer.byteLength(JSON.stringify(result))} bytes → ${output}`);
console.log(`left out (not kabupaten/kota): ${skipped.join(', ') || 'none'}`);
console.log(`source features not matched: ${unmatched.length}\n  ${unmatched.join('\n  ')}`);
const label = (code: string) => `${code} ${regencies.find((r) => r.code === code)!.name}`;
console.log(`registry kabupaten/kota without an outline: ${missing.length + withoutOutline.length}\n  ${[...missing, ...withoutOutline].map(label).join('\n  ')}`);

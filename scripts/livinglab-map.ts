// Builds the Living Lab adoption map's province outlines
// (src/modules/livinglab/reference/provinsi-peta.json) from Natural Earth's
// admin-1 states and provinces (public domain), offline:
//
//   npx tsx scripts/livinglab-map.ts ne_50m_admin_1_states_provinces.geojson [out.json]
//
// Takes Indonesia's provinces (adm0_a3 IDN), names each by its Kemendagri
// code (through its ISO 3166-2 code), projects them (equirectangular around
// 2.5° S) into a 1000-unit-wide SVG space, simplifies them (Douglas–Peucker),
// drops islands too small to see and writes one SVG path per outline. Natural
// Earth predates Kalimantan Utara (2012) and the 2022 Papua provinces: their
// areas are inside the parent outline, which lists them in `covers`.
import { readFileSync, writeFileSync } from 'node:fs';
import { projector, ringArea, ringPath, simplify, type Point } from '../src/platform/geometry.js';

/** ISO 3166-2:ID → Kemendagri province code. */
const ISO: Record<string, string> = {
  'ID-AC': '11', 'ID-SU': '12', 'ID-SB': '13', 'ID-RI': '14', 'ID-JA': '15', 'ID-SS': '16', 'ID-BE': '17', 'ID-LA': '18', 'ID-BB': '19', 'ID-KR': '21',
  'ID-JK': '31', 'ID-JB': '32', 'ID-JT': '33', 'ID-YO': '34', 'ID-JI': '35', 'ID-BT': '36', 'ID-BA': '51', 'ID-NB': '52', 'ID-NT': '53',
  'ID-KB': '61', 'ID-KT': '62', 'ID-KS': '63', 'ID-KI': '64', 'ID-KU': '65', 'ID-SA': '71', 'ID-ST': '72', 'ID-SN': '73', 'ID-SG': '74', 'ID-GO': '75', 'ID-SR': '76',
  'ID-MA': '81', 'ID-MU': '82', 'ID-PA': '91', 'ID-PB': '92', 'ID-PS': '93', 'ID-PT': '94', 'ID-PE': '95', 'ID-PD': '96',
};
/** Provinces made after the source was drawn → the outline they lie in. */
const WITHIN: Record<string, string> = { '65': '64', '93': '91', '94': '91', '95': '91', '96': '92' };

const WEST = 94.9;
const NORTH = 6.2;
const EAST = 141.1;
const SOUTH = -11.1;
const REF_LAT = -2.5;
const WIDTH = 1000;
const SCALE = WIDTH / ((EAST - WEST) * Math.cos((REF_LAT * Math.PI) / 180));
const TOLERANCE = 0.3; // SVG units (≈ 1.4 km)
const MIN_AREA = 0.15; // SVG units²: smaller islands are left out (a province keeps at least its largest)

interface Feature { properties: Record<string, unknown>; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] } }

const [input, output = 'src/modules/livinglab/reference/provinsi-peta.json'] = process.argv.slice(2);
if (!input) throw new Error('usage: npx tsx scripts/livinglab-map.ts <ne_admin_1_states_provinces.geojson> [out.json]');
const collection = JSON.parse(readFileSync(input, 'utf8')) as { name?: string; features: Feature[] };
const project = projector(WEST, NORTH, SCALE, REF_LAT);

const provinces = collection.features.filter((f) => f.properties.adm0_a3 === 'IDN').map((f) => {
  const iso = String(f.properties.iso_3166_2);
  const code = ISO[iso];
  if (!code) throw new Error(`no Kemendagri code for ${iso} ${String(f.properties.name)}`);
  const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
  // Outer rings only: Indonesian provinces have no holes worth drawing at this scale.
  const rings = polygons.map((p) => simplify(p[0].map((pt) => project(pt as unknown as Point)), TOLERANCE)).filter((r) => r.length >= 4);
  const largest = Math.max(...rings.map(ringArea));
  const kept = rings.filter((r) => ringArea(r) >= MIN_AREA || ringArea(r) === largest);
  return {
    code, name: String(f.properties.name), iso,
    covers: [code, ...Object.entries(WITHIN).filter(([, parent]) => parent === code).map(([child]) => child)],
    d: kept.map((r) => ringPath(r)).join(''),
  };
}).sort((a, b) => a.code.localeCompare(b.code));

const drawn = new Set(provinces.map((p) => p.code));
for (const [child, parent] of Object.entries(WITHIN)) {
  if (drawn.has(child)) throw new Error(`${child} has its own outline now: take it out of WITHIN`);
  if (!drawn.has(parent)) throw new Error(`${child}'s parent ${parent} has no outline`);
}
const height = Math.ceil((NORTH - SOUTH) * SCALE);
const result = {
  source: `Natural Earth, ${collection.name ?? 'admin-1 states and provinces'} (public domain); scripts/livinglab-map.ts`,
  projection: `equirectangular, ${WEST}°E ${NORTH}°N at 0 0, ${SCALE.toFixed(3)} units per degree of latitude, cos(${REF_LAT}°) for longitude`,
  viewBox: `0 0 ${WIDTH} ${height}`,
  provinces,
};
writeFileSync(output, `${JSON.stringify(result, null, 0).replace(/\},\{/g, '},\n{')}\n`);
console.log(`${provinces.length} outlines, ${Buffer.byteLength(JSON.stringify(result))} bytes → ${output}`);

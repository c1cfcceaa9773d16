// Historical published results as CSV, and the trend built from them.
//
// Columns (a header row is required, names in English or Indonesian):
//   region_code | kode_wilayah      area code (32, 32.11) or 00 for the national index
//   year | tahun
//   framework_version | versi_kerangka   spbe-2020@1, or a framework code alone (spbe-2018)
//   index | indeks
//   predicate | predikat            optional; used only when the version's bands are unknown
//   domain:D1, aspek:A3, ...        optional published domain/aspect scores
// Decimals use a point, or a comma when the file is separated by semicolons.
import { parseCsv } from '../../../platform/csv.js';
import type { Words } from '../../../platform/errors.js';

export interface ImportRow {
  line: number;
  regionCode: string;
  year: number;
  framework: string;
  version: number | null;
  index: number;
  predicate: string | null;
  domains: Record<string, number>;
  aspects: Record<string, number>;
}
/** What is wrong on a line of the file, in both languages (the official reads it, not a developer). */
export interface LineProblem { line: number; message: Words }
export interface ParsedImport { rows: ImportRow[]; problems: LineProblem[] }

const aliases: Record<string, string> = {
  region_code: 'region', kode_wilayah: 'region', year: 'year', tahun: 'year',
  framework_version: 'framework', versi_kerangka: 'framework', index: 'index', indeks: 'index', predicate: 'predicate', predikat: 'predicate',
};

function score(raw: string, decimalComma: boolean): number | null {
  const t = (decimalComma ? raw.replace(',', '.') : raw).trim();
  if (!/^\d(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return n >= 0 && n <= 5 ? n : null;
}

export function parseResultsCsv(text: string): ParsedImport {
  const { rows, separator } = parseCsv(text);
  const problems: LineProblem[] = [];
  if (rows.length < 2) return { rows: [], problems: [{ line: 1, message: { id: 'perlu satu baris judul kolom dan sedikitnya satu hasil', en: 'a header row and at least one result are needed' } }] };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.findIndex((h) => aliases[h] === name);
  const at = { region: col('region'), year: col('year'), framework: col('framework'), index: col('index'), predicate: col('predicate') };
  for (const need of ['region', 'year', 'framework', 'index'] as const) if (at[need] < 0) {
    const name = need === 'region' ? 'region_code' : need === 'framework' ? 'framework_version' : need;
    problems.push({ line: 1, message: { id: `kolom ${name} tidak ada`, en: `missing column ${name}` } });
  }
  const groups = header.map((h) => /^(domain|aspect|aspek):([A-Za-z0-9._-]{1,20})$/i.exec(h)).map((m) => (m ? { kind: m[1] === 'domain' ? 'domains' as const : 'aspects' as const, code: m[2].toUpperCase() } : null));
  header.forEach((h, i) => {
    if (h && !aliases[h] && !groups[i]) problems.push({ line: 1, message: { id: `kolom ${h} tidak dikenal`, en: `unknown column ${h}` } });
  });
  if (problems.length > 0) return { rows: [], problems };

  const out: ImportRow[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const cell = (k: number) => (cells[k] ?? '').trim();
    const bad = (id: string, en: string) => problems.push({ line, message: { id, en } });
    const region = cell(at.region);
    if (!/^\d{2}(\.\d{2})?$/.test(region)) return bad(`region_code ${region || '(kosong)'} bukan kode wilayah seperti 32 atau 32.11 (00 untuk nasional)`, `region_code ${region || '(empty)'} is not an area code like 32 or 32.11 (00 for national)`);
    const year = Number(cell(at.year));
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return bad(`tahun ${cell(at.year)} bukan tahun`, `year ${cell(at.year)} is not a year`);
    const fw = /^([a-z0-9-]{2,40})(?:@(\d{1,4}))?$/.exec(cell(at.framework));
    if (!fw) return bad(`framework_version ${cell(at.framework)} harus berbentuk spbe-2020@1 atau spbe-2018`, `framework_version ${cell(at.framework)} must look like spbe-2020@1 or spbe-2018`);
    const index = score(cell(at.index), separator === ';');
    if (index === null) return bad(`indeks ${cell(at.index)} harus angka 0 sampai 5 dengan paling banyak dua desimal`, `index ${cell(at.index)} must be a number from 0 to 5 with at most two decimals`);
    const key = `${region}/${year}`;
    if (seen.has(key)) return bad(`${region} ${year} muncul dua kali`, `${region} ${year} appears twice`);
    seen.add(key);
    const row: ImportRow = { line, regionCode: region, year, framework: fw[1], version: fw[2] ? Number(fw[2]) : null, index, predicate: at.predicate >= 0 ? cell(at.predicate) || null : null, domains: {}, aspects: {} };
    for (const [k, g] of groups.entries()) {
      if (!g || cell(k) === '') continue;
      const v = score(cell(k), separator === ';');
      if (v === null) return bad(`${header[k]} ${cell(k)} harus angka 0 sampai 5 dengan paling banyak dua desimal`, `${header[k]} ${cell(k)} must be a number from 0 to 5 with at most two decimals`);
      row[g.kind][g.code] = v;
    }
    out.push(row);
  });
  return { rows: out, problems };
}

export interface TrendPoint { year: number; frameworkCode: string; version: number | null }

/** True where a point was measured under another framework (or version) than the point before. */
export function frameworkBreaks(points: TrendPoint[]): boolean[] {
  return points.map((p, i) => {
    if (i === 0) return false;
    const prev = points[i - 1];
    return prev.frameworkCode !== p.frameworkCode || (prev.version !== null && p.version !== null && prev.version !== p.version);
  });
}

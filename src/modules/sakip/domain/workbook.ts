// A plan as the workbook regions keep it in Excel: the layout (sheets,
// columns, the Indonesian words for kinds and choices) and reading it back
// into rows that name their cells. Pure: the service adds what needs the
// database (units, the targets of other plans) and the plan's own rules
// (codes, exact decimals, domain/tree.ts planProblems), and reports each
// problem at its sheet, row and column, as Excel shows them (header = row 1).
import { z } from 'zod';
import { Dec } from '../../../platform/decimal.js';
import type { Words } from '../../../platform/errors.js';
import { text } from '../../../platform/http/schemas.js';
import { isXlsxNumber, type XlsxCell, type XlsxSheet } from '../../../platform/xlsx.js';
import type { AggregationRule, Polarity } from './achievement.js';
import { nodeKindLabels, type NodeKind } from './kinds.js';

export const SHEETS = {
  guide: 'Petunjuk', tree: 'Pohon Kinerja', indicators: 'Indikator', targets: 'Target', units: 'Perangkat Daerah', supported: 'Daftar Sasaran',
} as const;

interface Column { key: string; header: string; width: number; optional?: boolean }

export const treeColumns = [
  { key: 'ref', header: 'No', width: 7 },
  { key: 'parent', header: 'No Induk', width: 9 },
  { key: 'kind', header: 'Jenis', width: 13 },
  { key: 'code', header: 'Kode', width: 20 },
  { key: 'title', header: 'Uraian', width: 70 },
  { key: 'unit', header: 'Perangkat Daerah', width: 18 },
  { key: 'supports', header: 'Mendukung Sasaran', width: 45 },
] as const satisfies readonly Column[];

export const indicatorColumns = [
  { key: 'ref', header: 'No Indikator', width: 12 },
  { key: 'node', header: 'No Simpul', width: 10 },
  { key: 'name', header: 'Nama Indikator', width: 50 },
  { key: 'definition', header: 'Definisi Operasional', width: 50 },
  { key: 'formula', header: 'Rumus', width: 35 },
  { key: 'measure', header: 'Satuan', width: 10 },
  { key: 'dataSource', header: 'Sumber Data', width: 30 },
  { key: 'polarity', header: 'Arah', width: 28 },
  { key: 'targetType', header: 'Jenis Target', width: 12 },
  { key: 'aggregation', header: 'Penggabungan Periode', width: 20 },
  { key: 'isIku', header: 'IKU', width: 6 },
  { key: 'allowsNegative', header: 'Boleh Negatif', width: 13 },
  { key: 'sharedUnits', header: 'Perangkat Daerah Pengampu Lain', width: 30 },
] as const satisfies readonly Column[];

/** Then one column per year of the plan, headed by the year. The name and measure are there to read; the import goes by the indicator's number. */
export const targetColumns = [
  { key: 'indicator', header: 'No Indikator', width: 12 },
  { key: 'name', header: 'Nama Indikator', width: 50, optional: true },
  { key: 'measure', header: 'Satuan', width: 10, optional: true },
  { key: 'part', header: 'Jenis Nilai', width: 12 },
] as const satisfies readonly Column[];

export const polarityWords: Record<Polarity, string> = { higher_is_better: 'Semakin tinggi semakin baik', lower_is_better: 'Semakin rendah semakin baik' };
export const targetTypeWords: Record<'single' | 'range', string> = { single: 'Tunggal', range: 'Rentang' };
export const aggregationWords: Record<AggregationRule, string> = { sum: 'Jumlah', average: 'Rata-rata', last: 'Nilai terakhir' };
/** A single target is one "Nilai" row; a range is a "Batas bawah" and a "Batas atas" row. */
export const partWords: Record<TargetPart, string> = { value: 'Nilai', low: 'Batas bawah', high: 'Batas atas' };
export const yesNoWords: Record<'yes' | 'no', string> = { yes: 'Ya', no: 'Tidak' };
export const kindWords = Object.fromEntries(Object.entries(nodeKindLabels).map(([k, w]) => [k, w.id])) as Record<NodeKind, string>;

export type TargetPart = 'value' | 'low' | 'high';

/** Several units in one cell, as written and read. */
export const UNIT_SEPARATOR = '; ';

// ---------------------------------------------------------------------------
// Places and problems

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface Place { sheet: string; row: number; column: number; header: string }

export interface WorkbookProblem {
  sheet: string;
  /** As Excel numbers it (the header is row 1); null only for a missing sheet. */
  row: number | null;
  /** Column letter, and the column's header; null only for a missing sheet. */
  column: string | null;
  header: string | null;
  code: string;
  /** The place and the problem, in words. */
  message: Words;
}

export function problemAt(place: Place | { sheet: string }, code: string, what: Words): WorkbookProblem {
  if (!('row' in place)) {
    return { sheet: place.sheet, row: null, column: null, header: null, code, message: { id: `Lembar "${place.sheet}": ${what.id}`, en: `Sheet "${place.sheet}": ${what.en}` } };
  }
  const col = columnLetter(place.column);
  return {
    sheet: place.sheet, row: place.row, column: col, header: place.header, code,
    message: { id: `Lembar "${place.sheet}" baris ${place.row} kolom ${col} (${place.header}): ${what.id}`, en: `Sheet "${place.sheet}" row ${place.row} column ${col} (${place.header}): ${what.en}` },
  };
}

// ---------------------------------------------------------------------------
// Cells

const normal = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A cell as text: trimmed, null when empty; a number as the file writes it. */
export function cellText(cell: XlsxCell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const s = isXlsxNumber(cell) ? cell.number : cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : cell;
  const t = s.trim();
  return t === '' ? null : t;
}

/**
 * A figure as a plain decimal, for the service's exact-decimal check: text as
 * typed; a number cell as Excel shows it, to its 15 significant digits (the
 * file may hold 0.30000000000000004 where Excel shows 0.3), never in exponent
 * notation.
 */
export function cellDecimal(cell: XlsxCell | undefined): string | null {
  if (cell !== null && cell !== undefined && isXlsxNumber(cell)) {
    try {
      return new Dec(cell.number).toSignificantDigits(15).toFixed();
    } catch {
      return cell.number;
    }
  }
  return cellText(cell);
}

/** How many significant digits Excel keeps: a figure longer than that is written as text so that nothing is lost. */
export const EXCEL_DIGITS = 15;

function matcher<T extends string>(words: Record<T, string>, more: Partial<Record<T, string[]>> = {}): (s: string) => T | null {
  const map = new Map<string, T>();
  for (const [key, word] of Object.entries(words) as [T, string][]) {
    for (const w of [word, key, ...(more[key] ?? [])]) map.set(normal(w), key);
  }
  return (s) => map.get(normal(s)) ?? null;
}

const kindOf = matcher(kindWords, Object.fromEntries(Object.entries(nodeKindLabels).map(([k, w]) => [k, [w.en]])) as Partial<Record<NodeKind, string[]>>);
const polarityOf = matcher(polarityWords, { higher_is_better: ['Higher is better'], lower_is_better: ['Lower is better'] });
const targetTypeOf = matcher(targetTypeWords);
const aggregationOf = matcher(aggregationWords);
const partOf = matcher(partWords);
const yesNoOf = matcher(yesNoWords, { yes: ['TRUE', 'Y'], no: ['FALSE', 'T'] });

const listWords = (words: Record<string, string>) => Object.values(words).map((w) => `"${w}"`).join(', ');

// ---------------------------------------------------------------------------
// Reading

export interface WorkbookNode { row: number; ref: string; parentRef: string | null; kind: NodeKind; code: string | null; title: string; unit: string | null; supports: string | null }

export interface WorkbookIndicator {
  row: number; ref: string; nodeRef: string; name: string; definition: string; formula: string; measure: string; dataSource: string;
  polarity: Polarity; targetType: 'single' | 'range'; aggregation: AggregationRule; isIku: boolean; allowsNegative: boolean; sharedUnits: string[];
}

export interface WorkbookTargetCell { place: Place; indicatorRef: string; part: TargetPart; year: number; raw: string }

export interface WorkbookContent {
  nodes: WorkbookNode[];
  indicators: WorkbookIndicator[];
  /** Every filled year cell of the target sheet. */
  targets: WorkbookTargetCell[];
  /** The year columns, with their header's place. */
  years: { year: number; place: Place }[];
  /** Refs of rows left out for a problem of their own: references to them are not reported again. */
  broken: { nodes: Set<string>; indicators: Set<string> };
  /** Where a column of a row is, for problems found later. */
  place(sheet: 'tree' | 'indicators' | 'targets', row: number, key: string): Place;
  problems: WorkbookProblem[];
}

interface Table { sheet: string; rows: XlsxCell[][]; columns: readonly Column[]; index: Map<string, number>; headers: string[] }

/** Finds a sheet and its columns by their headers (row 1); a missing or renamed one is a problem at the column where the template has it. */
function table(sheets: readonly XlsxSheet[], name: string, columns: readonly Column[], problems: WorkbookProblem[]): Table | null {
  const sheet = sheets.find((s) => normal(s.name) === normal(name));
  if (!sheet) {
    const names = sheets.map((s) => `"${s.name}"`).join(', ');
    problems.push(problemAt({ sheet: name }, 'sheet_missing', { id: `lembar tidak ada (nama lembar tidak boleh diubah); yang ada: ${names}`, en: `the sheet is missing (sheet names must not change); the workbook has ${names}` }));
    return null;
  }
  const headers = (sheet.rows[0] ?? []).map((c) => cellText(c) ?? '');
  const index = new Map<string, number>();
  const before = problems.length;
  for (const [i, column] of columns.entries()) {
    const found = headers.flatMap((h, at) => (normal(h) === normal(column.header) ? [at] : []));
    if (found.length > 1) {
      problems.push(problemAt({ sheet: name, row: 1, column: found[1], header: column.header }, 'column_duplicate', { id: `kolom "${column.header}" ada dua kali`, en: `the column "${column.header}" appears twice` }));
    } else if (found.length === 1) {
      index.set(column.key, found[0]);
    } else if (!column.optional) {
      const there = headers[i] ? { id: `; di kolom ini ada "${headers[i]}"`, en: `; this column holds "${headers[i]}"` } : { id: '', en: '' };
      problems.push(problemAt({ sheet: name, row: 1, column: i, header: column.header }, 'column_missing', {
        id: `kolom "${column.header}" tidak ada (judul kolom tidak boleh diubah)${there.id}`, en: `the column "${column.header}" is missing (column headers must not change)${there.en}`,
      }));
    }
  }
  return problems.length > before ? null : { sheet: name, rows: sheet.rows, columns, index, headers };
}

/** The place of a column (by key, or by index for a year column) in a row. */
function placeIn(t: Table, row: number, column: string | number): Place {
  const at = typeof column === 'number' ? column : t.index.get(column)!;
  return { sheet: t.sheet, row, column: at, header: t.columns.find((c) => c.key === column)?.header ?? t.headers[at] ?? '' };
}

/** Each row from row 2, with its cells by column key; rows empty in every column given are skipped. */
function* records(t: Table, columns: readonly number[]): Generator<{ row: number; get: (key: string) => XlsxCell | undefined; cells: XlsxCell[] }> {
  for (let i = 1; i < t.rows.length; i++) {
    const cells = t.rows[i] ?? [];
    if (columns.every((c) => cellText(cells[c]) === null)) continue;
    const get = (key: string) => {
      const at = t.index.get(key);
      return at === undefined ? undefined : cells[at];
    };
    yield { row: i + 1, get, cells };
  }
}

// Lengths as the JSON API takes them (http/routes.ts).
const nodeRow = z.object({ title: text(1000), code: z.string().max(40).nullable() });
const indicatorRow = z.object({
  name: text(1000), definition: z.string().max(4000), formula: z.string().max(4000), measure: z.string().max(100), dataSource: z.string().max(1000),
});

/**
 * Reads the tree, indicator and target sheets. Problems of shape (a missing
 * sheet or column) stop there, since no row can be read right; then each row's
 * own problems (a required cell empty, a word not in the list, a number used
 * twice), each at its cell. References between rows, kinds under parents,
 * codes, units and figures are the service's to check.
 */
export function readPlanWorkbook(sheets: readonly XlsxSheet[]): WorkbookContent {
  const problems: WorkbookProblem[] = [];
  const tree = table(sheets, SHEETS.tree, treeColumns, problems);
  const ind = table(sheets, SHEETS.indicators, indicatorColumns, problems);
  const tgt = table(sheets, SHEETS.targets, targetColumns, problems);
  const tables = { tree, indicators: ind, targets: tgt };
  const place = (sheet: keyof typeof tables, row: number, key: string) => placeIn(tables[sheet]!, row, key);
  const content: WorkbookContent = { nodes: [], indicators: [], targets: [], years: [], broken: { nodes: new Set(), indicators: new Set() }, place, problems };
  if (!tree || !ind || !tgt) return content;

  const problem = (t: Table, key: string, row: number, code: string, what: Words) => problems.push(problemAt(placeIn(t, row, key), code, what));
  const required = (t: Table, key: string, row: number) => problem(t, key, row, 'cell_required', { id: 'wajib diisi', en: 'must be filled in' });
  const word = <T extends string>(t: Table, key: string, row: number, cell: XlsxCell | undefined, of: (s: string) => T | null, words: Record<string, string>, fallback?: T): T | null => {
    const s = cellText(cell);
    if (s === null) {
      if (fallback !== undefined) return fallback;
      required(t, key, row);
      return null;
    }
    const found = of(s);
    if (found === null) problem(t, key, row, 'word_unknown', { id: `"${s}" tidak dikenal; isi salah satu: ${listWords(words)}`, en: `"${s}" is not known; use one of ${listWords(words)}` });
    return found;
  };
  const zodProblems = (t: Table, row: number, issues: z.core.$ZodIssue[]) => {
    for (const issue of issues) {
      const key = String(issue.path[0]);
      if (issue.code === 'too_small') required(t, key, row);
      else if (issue.code === 'too_big') problem(t, key, row, 'text_too_long', { id: `terlalu panjang: paling banyak ${String(issue.maximum)} karakter`, en: `too long: at most ${String(issue.maximum)} characters` });
      else problem(t, key, row, 'cell_invalid', { id: 'isi tidak valid', en: 'invalid content' });
    }
  };
  // The database stores no NUL character; Excel can write one (_x0000_).
  const nul = (t: Table, row: number, get: (k: string) => XlsxCell | undefined) => {
    for (const k of t.index.keys()) if (cellText(get(k))?.includes('\u0000')) problem(t, k, row, 'cell_invalid', { id: 'berisi karakter NUL', en: 'contains a NUL character' });
  };
  const refs = (t: Table, key: string) => {
    const seen = new Set<string>();
    return (row: number, cell: XlsxCell | undefined): string | null => {
      const ref = cellText(cell);
      if (ref === null) {
        required(t, key, row);
        return null;
      }
      if (seen.has(ref)) {
        problem(t, key, row, 'ref_duplicate', { id: `nomor ${ref} sudah dipakai baris lain`, en: `number ${ref} is already used by another row` });
        return null;
      }
      seen.add(ref);
      return ref;
    };
  };

  const nodeRef = refs(tree, 'ref');
  for (const { row, get } of records(tree, [...tree.index.values()])) {
    const before = problems.length;
    const ref = nodeRef(row, get('ref'));
    const kind = word(tree, 'kind', row, get('kind'), kindOf, kindWords);
    const fields = nodeRow.safeParse({ title: cellText(get('title')) ?? '', code: cellText(get('code')) });
    if (!fields.success) zodProblems(tree, row, fields.error.issues);
    nul(tree, row, get);
    if (ref !== null && problems.length > before) content.broken.nodes.add(ref);
    if (ref === null || kind === null || !fields.success || problems.length > before) continue;
    content.nodes.push({
      row, ref, parentRef: cellText(get('parent')), kind, code: fields.data.code, title: fields.data.title, unit: cellText(get('unit')), supports: cellText(get('supports')),
    });
  }

  const indicatorRef = refs(ind, 'ref');
  for (const { row, get } of records(ind, [...ind.index.values()])) {
    const before = problems.length;
    const ref = indicatorRef(row, get('ref'));
    const node = cellText(get('node'));
    if (node === null) required(ind, 'node', row);
    const polarity = word(ind, 'polarity', row, get('polarity'), polarityOf, polarityWords);
    // Empty choices take the JSON API's defaults.
    const targetType = word(ind, 'targetType', row, get('targetType'), targetTypeOf, targetTypeWords, 'single');
    const aggregation = word(ind, 'aggregation', row, get('aggregation'), aggregationOf, aggregationWords, 'last');
    const yesNo = (key: string) => {
      const cell = get(key);
      if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
      return word(ind, key, row, cell, yesNoOf, yesNoWords, 'no');
    };
    const isIku = yesNo('isIku');
    const allowsNegative = yesNo('allowsNegative');
    const fields = indicatorRow.safeParse({
      name: cellText(get('name')) ?? '', definition: cellText(get('definition')) ?? '', formula: cellText(get('formula')) ?? '',
      measure: cellText(get('measure')) ?? '', dataSource: cellText(get('dataSource')) ?? '',
    });
    if (!fields.success) zodProblems(ind, row, fields.error.issues);
    nul(ind, row, get);
    if (ref !== null && problems.length > before) content.broken.indicators.add(ref);
    if (problems.length > before || ref === null || node === null || !polarity || !targetType || !aggregation || !isIku || !allowsNegative || !fields.success) continue;
    const shared = (cellText(get('sharedUnits')) ?? '').split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
    content.indicators.push({ row, ref, nodeRef: node, ...fields.data, polarity, targetType, aggregation, isIku: isIku === 'yes', allowsNegative: allowsNegative === 'yes', sharedUnits: shared });
  }

  // Year columns: every column after the fixed ones that holds anything is headed by a year.
  const fixed = new Set(tgt.index.values());
  const width = Math.max(0, ...tgt.rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    if (fixed.has(c)) continue;
    const header = cellText(tgt.rows[0]?.[c]);
    const used = header !== null || tgt.rows.slice(1).some((r) => cellText(r[c]) !== null);
    if (!used) continue;
    const headerPlace = placeIn(tgt, 1, c);
    if (header === null || !/^\d{4}$/.test(header)) {
      problems.push(problemAt(headerPlace, 'year_column_invalid', { id: 'judul kolom target harus berupa tahun (contoh 2026)', en: 'a target column must be headed by a year (for example 2026)' }));
    } else if (content.years.some((y) => y.year === Number(header))) {
      problems.push(problemAt(headerPlace, 'column_duplicate', { id: `kolom tahun ${header} ada dua kali`, en: `the column for ${header} appears twice` }));
    } else {
      content.years.push({ year: Number(header), place: headerPlace });
    }
  }
  const seenParts = new Set<string>();
  const read = [tgt.index.get('indicator')!, tgt.index.get('part')!, ...content.years.map((y) => y.place.column)];
  for (const { row, get, cells } of records(tgt, read)) {
    const indicator = cellText(get('indicator'));
    if (indicator === null) required(tgt, 'indicator', row);
    const part = word(tgt, 'part', row, get('part'), partOf, partWords);
    if (indicator === null || part === null) continue;
    if (seenParts.has(`${indicator}\u0000${part}`)) {
      problem(tgt, 'part', row, 'ref_duplicate', { id: `baris "${partWords[part]}" untuk indikator ${indicator} sudah ada di baris lain`, en: `indicator ${indicator} already has a "${partWords[part]}" row` });
      continue;
    }
    seenParts.add(`${indicator}\u0000${part}`);
    for (const y of content.years) {
      const raw = cellDecimal(cells[y.place.column]);
      if (raw !== null) content.targets.push({ place: placeIn(tgt, row, y.place.column), indicatorRef: indicator, part, year: y.year, raw });
    }
  }
  return content;
}

// A plan as an Excel workbook: exported for officials to read and edit, and
// imported back to replace the structure (nodes, indicators, targets) of a
// draft in one transaction, all or nothing. The import goes through the same
// rules as the forms (checkCode, decimalInput, ensureKindInPlan,
// checkSupports, domain/tree.ts planProblems) and reports every problem at
// once, each at its sheet, row and column.
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gt, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { Dec } from '../../../platform/decimal.js';
import { AppError, errorMessages } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { checkUploads, type Upload, type UploadPolicy } from '../../../platform/files.js';
import { units } from '../../../platform/schema.js';
import { readXlsx, type XlsxLimits } from '../../../platform/xlsx.js';
import { buildTree, flattenTree, planProblems, type NodeKind, type PlanIndicator, type PlanNode, type TreeProblem, type YearlyTarget } from '../domain/tree.js';
import {
  aggregationWords, EXCEL_DIGITS, indicatorColumns, kindWords, partWords, polarityWords, problemAt, readPlanWorkbook, SHEETS, targetColumns, targetTypeWords, treeColumns,
  UNIT_SEPARATOR, yesNoWords, type Place, type TargetPart, type WorkbookContent, type WorkbookProblem,
} from '../domain/workbook.js';
import type { AggregationRule, Polarity } from '../domain/achievement.js';
import { sakipIndicators, sakipNodes, sakipPlans, sakipRealisations, sakipTargets, sakipBudgets } from '../schema.js';
import { ensureMayEditPlan } from './access.js';
import { actorLabel, checkCode, decimalInput, ensureDraft, ensureKindInPlan, loadPlanData, planFor, tolerated, type PlanRow } from './data.js';
import { checkSupports, touch } from './nodes.js';
import { unitOf } from './plans.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One workbook, checked by its content; a plan of a few thousand rows is well under a megabyte. */
export const workbookUploadPolicy: UploadPolicy = { types: [XLSX_TYPE], maxBytes: 5 * 1024 * 1024, maxFiles: 1, typeError: 'sakip.workbook_not_xlsx' };

const xlsxLimits: XlsxLimits = {
  maxEntries: 200, maxUnpackedBytes: 30 * 1024 * 1024, maxRows: 20_000, maxColumns: 100, tooLarge: 'sakip.workbook_too_large', unreadable: 'sakip.workbook_unreadable',
};

/** At most this many problems are listed (with their total), enough to fix a workbook in one pass. */
const MAX_PROBLEMS = 300;

interface UnitRow { id: string; code: string; name: string; active: boolean }

async function regionUnits(db: Queryable, regionCode: string): Promise<UnitRow[]> {
  return db.select({ id: units.id, code: units.code, name: units.name, active: units.active }).from(units).where(eq(units.regionCode, regionCode)).orderBy(asc(units.code));
}

const words = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

interface Supportable { id: string; title: string; planTitle: string; startYear: number; endYear: number; label: string }

/**
 * The targets (sasaran) of the region's other plans, which a goal or target
 * may support: the RPJMD's first. A cell names one by its title, or, where
 * two share a title, by the title and its id in brackets.
 */
async function supportable(db: Queryable, plan: PlanRow): Promise<Supportable[]> {
  const rows = await db.select({ id: sakipNodes.id, title: sakipNodes.title, planTitle: sakipPlans.title, startYear: sakipPlans.startYear, endYear: sakipPlans.endYear })
    .from(sakipNodes).innerJoin(sakipPlans, and(eq(sakipPlans.regionCode, sakipNodes.regionCode), eq(sakipPlans.id, sakipNodes.planId)))
    .where(and(eq(sakipNodes.regionCode, plan.regionCode), eq(sakipNodes.kind, 'target'), ne(sakipNodes.planId, plan.id)))
    .orderBy(desc(sakipPlans.kind), desc(sakipPlans.startYear), asc(sakipPlans.title), asc(sakipNodes.position), asc(sakipNodes.id));
  const uses = new Map<string, number>();
  for (const r of rows) uses.set(words(r.title), (uses.get(words(r.title)) ?? 0) + 1);
  return rows.map((r) => ({ ...r, label: uses.get(words(r.title))! > 1 ? `${r.title} [${r.id}]` : r.title }));
}

// ---------------------------------------------------------------------------
// Export

/** A figure as Excel shows it: a number with the decimals it was stored with, or, past Excel's 15 digits, the exact text. */
export function decimalCell(value: string | null) {
  if (value === null) return null;
  const d = new Dec(value);
  if (d.sd() > EXCEL_DIGITS) return { value, type: String };
  const places = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
  return { value: d.toNumber(), type: Number, format: places > 0 ? `0.${'0'.repeat(places)}` : '0' };
}

const bold = (value: string | number) => ({ value, fontWeight: 'bold' as const, backgroundColor: '#DDEBF7', wrap: true });
export const headerRow = (columns: readonly { header: string | number }[]) => columns.map((c) => bold(c.header));
export const widths = (columns: readonly { width: number }[]) => columns.map((c) => ({ width: c.width }));
const list = (w: Record<string, string>) => Object.values(w).map((x) => `"${x}"`).join(', ');

function guide(plan: PlanRow, owner: { code: string; name: string } | null): SheetData {
  const kinds = (plan.kind === 'rpjmd' ? ['vision', 'mission', 'goal', 'target', 'programme'] : ['goal', 'target', 'programme', 'activity', 'sub_activity']) as NodeKind[];
  const lines: (string | null)[] = [
    `Rencana: ${plan.title}`,
    `Jenis: ${plan.kind === 'rpjmd' ? 'RPJMD' : `Renstra ${owner ? `${owner.code} — ${owner.name}` : ''}`}; periode ${plan.startYear}–${plan.endYear}; status ${plan.status === 'active' ? 'aktif' : 'draf'}.`,
    null,
    'Cara mengisi',
    `1. Lembar "${SHEETS.tree}": satu baris per simpul, dalam urutan tampilnya. "No" adalah nomor unik baris; "No Induk" adalah No simpul induknya (kosong untuk simpul teratas).`,
    `   Jenis: ${kinds.map((k) => `"${kindWords[k]}"`).join(' → ')}; sasaran boleh di bawah sasaran.`,
    '   Kode wajib untuk program, kegiatan dan sub-kegiatan (Permendagri 90/2019) dan diawali kode induknya, misalnya 1.02.02 → 1.02.02.2.02 → 1.02.02.2.02.0001.',
    `   Perangkat Daerah: kode atau nama dari lembar "${SHEETS.units}". Mendukung Sasaran (hanya tujuan atau sasaran): tulis persis seperti kolom pertama lembar "${SHEETS.supported}".`,
    `2. Lembar "${SHEETS.indicators}": satu baris per indikator; "No Simpul" adalah No simpulnya di lembar "${SHEETS.tree}".`,
    `   Arah: ${list(polarityWords)}. Jenis Target: ${list(targetTypeWords)} (kosong = Tunggal). Penggabungan Periode: ${list(aggregationWords)} (kosong = Nilai terakhir).`,
    `   IKU dan Boleh Negatif: ${list(yesNoWords)} (kosong = Tidak). Perangkat daerah pengampu lain: kode atau nama, dipisah titik koma (;).`,
    `3. Lembar "${SHEETS.targets}": satu kolom per tahun rencana. Indikator tunggal memakai satu baris "${partWords.value}"; indikator rentang dua baris, "${partWords.low}" dan "${partWords.high}".`,
    '   Isi angka sebagai angka Excel; sel kosong berarti belum ada target tahun itu. Angka yang lebih dari 15 digit ditulis sebagai teks dengan titik desimal agar tepat.',
    '   Kolom Nama Indikator dan Satuan hanya untuk dibaca; impor memakai No Indikator.',
    '4. Impor (POST …/import) mengganti seluruh pohon kinerja, indikator dan target rencana draf dengan isi buku kerja ini: semua atau tidak sama sekali.',
    '   Bila ada masalah, tidak ada yang disimpan dan setiap masalah disebut dengan lembar, baris dan kolomnya. Rencana yang sudah berealisasi atau targetnya sudah direvisi tidak dapat diimpor ulang.',
    `   Jangan mengubah nama lembar dan judul kolom. Lembar "${SHEETS.guide}", "${SHEETS.units}" dan "${SHEETS.supported}" tidak dibaca saat impor.`,
  ];
  return lines.map((l, i) => [l === null ? null : i === 0 || l === 'Cara mengisi' ? { value: l, fontWeight: 'bold' as const } : l]);
}

/** The plan as a workbook: instructions, the tree, indicators, yearly targets, and the lists its cells refer to. */
export async function exportPlanWorkbook(ctx: AppContext, regionCode: string, planId: string): Promise<{ fileName: string; data: Buffer }> {
  const db = ctx.database.db;
  const plan = await planFor(db, regionCode, planId);
  const [data, unitRows, candidates, owner] = await Promise.all([loadPlanData(db, plan), regionUnits(db, regionCode), supportable(db, plan), unitOf(ctx, plan)]);
  const unitCode = new Map(unitRows.map((u) => [u.id, u.code]));
  const supportLabel = new Map(candidates.map((c) => [c.id, c.label]));

  // Nodes in reading order (those left out of the tree, on a cycle, last), numbered 1, 2, 3 …
  const { roots, detached } = buildTree(data.nodes.map((n): PlanNode & { row: typeof n } => ({ id: n.id, kind: n.kind as NodeKind, parentId: n.parentId, name: n.title, code: n.code, order: n.position, row: n })));
  const ordered = [...flattenTree(roots).map((i) => ({ node: i.node, depth: i.depth })), ...detached.map((node) => ({ node, depth: 0 }))];
  const ref = new Map(ordered.map((o, i) => [o.node.id, i + 1]));
  const treeRows = ordered.map(({ node: { row: n }, depth }) => [
    ref.get(n.id)!, n.parentId === null ? null : ref.get(n.parentId) ?? n.parentId, { value: kindWords[n.kind as NodeKind], indent: depth }, n.code, n.title,
    n.unitId === null ? null : unitCode.get(n.unitId) ?? n.unitId, n.supportsNodeId === null ? null : supportLabel.get(n.supportsNodeId) ?? `[${n.supportsNodeId}]`,
  ]);

  const indicators = ordered.flatMap(({ node }) => data.indicators.filter((i) => i.nodeId === node.id));
  const indicatorRef = new Map(indicators.map((i, k) => [i.id, k + 1]));
  const yesNo = (b: boolean) => (b ? yesNoWords.yes : yesNoWords.no);
  const indicatorRows = indicators.map((i) => [
    indicatorRef.get(i.id)!, ref.get(i.nodeId)!, i.name, i.definition || null, i.formula || null, i.measure || null, i.dataSource || null,
    polarityWords[i.polarity as Polarity], targetTypeWords[i.targetType as 'single' | 'range'], aggregationWords[i.aggregation as AggregationRule],
    yesNo(i.isIku), yesNo(i.allowsNegative), i.sharedUnitIds.map((u) => unitCode.get(u) ?? u).join(UNIT_SEPARATOR) || null,
  ]);

  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);
  const target = new Map(data.targets.map((t) => [`${t.indicatorId}:${t.year}`, t]));
  const targetRows = indicators.flatMap((i) => (i.targetType === 'range' ? (['low', 'high'] as const) : (['value'] as const)).map((part) => [
    indicatorRef.get(i.id)!, i.name, i.measure || null, partWords[part], ...years.map((y) => decimalCell(target.get(`${i.id}:${y}`)?.[part] ?? null)),
  ]));

  const sheet = (name: string, columns: readonly { header: string | number; width: number }[], rows: SheetData) => ({
    sheet: name, data: [headerRow(columns), ...rows] as SheetData, columns: widths(columns), stickyRowsCount: 1,
  });
  // Years as numbers, as Excel keeps a year typed into a cell.
  const yearColumns = years.map((y) => ({ header: y, width: 11 }));
  const file = await writeXlsxFile([
    { sheet: SHEETS.guide, data: guide(plan, owner), columns: [{ width: 140 }] },
    sheet(SHEETS.tree, treeColumns, treeRows as SheetData),
    sheet(SHEETS.indicators, indicatorColumns, indicatorRows as SheetData),
    sheet(SHEETS.targets, [...targetColumns, ...yearColumns], targetRows as SheetData),
    sheet(SHEETS.units, [{ header: 'Kode', width: 14 }, { header: 'Nama', width: 70 }], unitRows.filter((u) => u.active).map((u) => [u.code, u.name])),
    sheet(SHEETS.supported, [{ header: 'Sasaran (tulis persis di kolom Mendukung Sasaran)', width: 70 }, { header: 'Rencana', width: 50 }, { header: 'Periode', width: 11 }],
      candidates.map((c) => [c.label, c.planTitle, `${c.startYear}–${c.endYear}`])),
  ]).toBuffer();
  const name = [plan.kind, owner?.code, plan.startYear, plan.endYear].filter((x) => x !== undefined).join('-').replace(/[^A-Za-z0-9._-]+/g, '-');
  return { fileName: `rencana-kinerja-${regionCode}-${name}.xlsx`, data: file };
}

// ---------------------------------------------------------------------------
// Import

/** The plan, if the actor may replace its structure: theirs to edit, a draft, and without history an import would discard. */
async function importable(tx: Queryable, regionCode: string, actor: Actor, planId: string, lock?: 'update'): Promise<PlanRow> {
  const plan = await planFor(tx, regionCode, planId, lock);
  ensureMayEditPlan(actor, plan);
  ensureDraft(plan);
  const ofPlan = <T extends typeof sakipRealisations | typeof sakipTargets | typeof sakipBudgets>(t: T) => and(eq(t.regionCode, plan.regionCode), eq(t.planId, plan.id));
  const supporter = alias(sakipNodes, 'supporter');
  const [[realised], [revised], [linked], [budgeted]] = await Promise.all([
    tx.select({ n: count() }).from(sakipRealisations).where(ofPlan(sakipRealisations)),
    tx.select({ n: count() }).from(sakipTargets).where(and(ofPlan(sakipTargets), gt(sakipTargets.version, 1))),
    tx.select({ n: count() }).from(supporter).where(and(eq(supporter.regionCode, plan.regionCode), ne(supporter.planId, plan.id), inArray(supporter.supportsNodeId,
      tx.select({ id: sakipNodes.id }).from(sakipNodes).where(and(eq(sakipNodes.regionCode, plan.regionCode), eq(sakipNodes.planId, plan.id)))))),
    tx.select({ n: count() }).from(sakipBudgets).where(ofPlan(sakipBudgets)),
  ]);
  if (realised.n + revised.n + linked.n + budgeted.n > 0) {
    throw new AppError('sakip.import_discards_history', { realisations: realised.n, revisedTargets: revised.n, supportedBy: linked.n, budgets: budgeted.n });
  }
  return plan;
}

interface CheckedNode { ref: string; parentRef: string | null; kind: NodeKind; code: string | null; title: string; unitId: string | null; supportsNodeId: string | null }
interface CheckedIndicator {
  ref: string; nodeRef: string; name: string; definition: string; formula: string; measure: string; dataSource: string; polarity: Polarity;
  targetType: 'single' | 'range'; aggregation: AggregationRule; isIku: boolean; allowsNegative: boolean; sharedUnitIds: string[];
}
interface CheckedTarget { indicatorRef: string; year: number; value: string | null; low: string | null; high: string | null }
interface CheckedPlan { nodes: CheckedNode[]; indicators: CheckedIndicator[]; targets: CheckedTarget[] }

/**
 * The workbook's content checked against the plan and the region: every
 * problem found, or the plan to write. Refs ("No") stand for ids, so that
 * planProblems names rows by the numbers the officials gave them.
 */
async function checkContent(tx: Queryable, plan: PlanRow, content: WorkbookContent): Promise<CheckedPlan> {
  const problems: WorkbookProblem[] = [...content.problems];
  const at = (place: Place, code: string, what: { id: string; en: string }) => problems.push(problemAt(place, code, what));
  /** Runs one of the forms' checks; its refusal becomes a problem at the cell, with the catalogue's words. */
  const rule = async <T>(place: Place, check: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await check();
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      at(place, err.code, errorMessages(err.code, err.details));
      return undefined;
    }
  };

  const active = (await regionUnits(tx, plan.regionCode)).filter((u) => u.active);
  const unitBy = new Map<string, string>();
  for (const u of active) for (const key of [u.name, u.code]) unitBy.set(words(key), u.id);
  const unitAt = (place: Place, s: string): string | undefined => {
    const id = unitBy.get(words(s));
    if (!id) at(place, 'unit.not_found', { id: `perangkat daerah "${s}" tidak ditemukan: tulis kode atau nama dari lembar "${SHEETS.units}"`, en: `unit "${s}" not found: use a code or name from the sheet "${SHEETS.units}"` });
    return id;
  };
  const candidates = await supportable(tx, plan);
  const supportAt = (place: Place, s: string): string | undefined => {
    const byId = /\[([0-9a-f-]{36})\]\s*$/i.exec(s)?.[1]?.toLowerCase();
    const found = byId ? candidates.filter((c) => c.id === byId) : candidates.filter((c) => words(c.title) === words(s));
    if (found.length === 1) return found[0].id;
    at(place, 'sakip.supports_invalid', found.length === 0
      ? { id: `sasaran "${s}" tidak ditemukan pada rencana lain di daerah ini: tulis persis seperti di lembar "${SHEETS.supported}"`, en: `target "${s}" is not in another plan of this region: write it as the sheet "${SHEETS.supported}" does` }
      : { id: `ada ${found.length} sasaran berjudul "${s}": tulis beserta id-nya seperti di lembar "${SHEETS.supported}"`, en: `${found.length} targets are titled "${s}": add its id as the sheet "${SHEETS.supported}" does` });
    return undefined;
  };

  const nodeByRef = new Map(content.nodes.map((n) => [n.ref, n]));
  // A code is checked on its own first: a child is not blamed for its parent's wrong code.
  const ownCode = new Map<string, string | null | undefined>();
  for (const n of content.nodes) ownCode.set(n.ref, await rule(content.place('tree', n.row, 'code'), () => checkCode(n.kind, n.code, null)));
  const nodes: CheckedNode[] = [];
  for (const n of content.nodes) {
    const place = (key: string) => content.place('tree', n.row, key);
    await rule(place('kind'), () => ensureKindInPlan(plan, n.kind));
    const parent = n.parentRef === null ? null : nodeByRef.get(n.parentRef) ?? null;
    const parentCode = parent && ownCode.get(parent.ref);
    const code = ownCode.get(n.ref) === undefined ? undefined
      : await rule(place('code'), () => checkCode(n.kind, n.code, parent && parentCode !== undefined ? { kind: parent.kind, code: parentCode } : null));
    const unitId = n.unit === null ? null : unitAt(place('unit'), n.unit);
    let supportsNodeId: string | null | undefined = n.supports === null ? null : supportAt(place('supports'), n.supports);
    if (supportsNodeId) supportsNodeId = await rule(place('supports'), async () => (await checkSupports(tx, plan, n.kind, supportsNodeId), supportsNodeId));
    if (code === undefined || unitId === undefined || supportsNodeId === undefined) continue;
    nodes.push({ ref: n.ref, parentRef: n.parentRef, kind: n.kind, code, title: n.title, unitId, supportsNodeId });
  }

  const indicators: CheckedIndicator[] = [];
  for (const i of content.indicators) {
    const place = content.place('indicators', i.row, 'sharedUnits');
    const shared = i.sharedUnits.map((s) => unitAt(place, s));
    if (shared.some((u) => u === undefined)) continue;
    const { row: _row, sharedUnits: _names, ...fields } = i;
    indicators.push({ ...fields, sharedUnitIds: [...new Set(shared as string[])] });
  }

  // Targets: each year inside the plan, each cell the indicator's kind of target, each figure an exact decimal.
  const indicatorByRef = new Map(content.indicators.map((i) => [i.ref, i]));
  for (const y of content.years) {
    if (y.year < plan.startYear || y.year > plan.endYear) at(y.place, 'sakip.year_outside_plan', errorMessages('sakip.year_outside_plan', { year: y.year, startYear: plan.startYear, endYear: plan.endYear }));
  }
  const byYear = new Map<string, { indicator: string; year: number; parts: Partial<Record<TargetPart, { value: string; place: Place }>> }>();
  const refused = new Set<string>();
  const missingRows = new Set<number>();
  for (const cell of content.targets) {
    const indicator = indicatorByRef.get(cell.indicatorRef);
    if (!indicator) {
      if (!content.broken.indicators.has(cell.indicatorRef) && !missingRows.has(cell.place.row)) {
        missingRows.add(cell.place.row);
        at(content.place('targets', cell.place.row, 'indicator'), 'target_indicator_missing', { id: `indikator ${cell.indicatorRef} tidak ada di lembar "${SHEETS.indicators}"`, en: `indicator ${cell.indicatorRef} is not in the sheet "${SHEETS.indicators}"` });
      }
      continue;
    }
    if (cell.year < plan.startYear || cell.year > plan.endYear) continue; // reported once, at the column
    if ((indicator.targetType === 'range') !== (cell.part !== 'value')) {
      at(cell.place, 'sakip.target_type_mismatch', errorMessages('sakip.target_type_mismatch', { targetType: indicator.targetType }));
      continue;
    }
    const key = `${cell.indicatorRef}\u0000${cell.year}`;
    const value = await rule(cell.place, () => decimalInput(cell.raw, indicator.allowsNegative));
    if (value === undefined) {
      refused.add(key);
      continue;
    }
    const entry = byYear.get(key) ?? { indicator: cell.indicatorRef, year: cell.year, parts: {} };
    entry.parts[cell.part] = { value, place: cell.place };
    byYear.set(key, entry);
  }
  const targets: CheckedTarget[] = [];
  const targetPlace = new Map<string, Place>();
  for (const [key, { indicator, year, parts }] of byYear) {
    if (refused.has(key)) continue; // its other bound was refused already
    const { value, low, high } = parts;
    if (!value && (!low || !high)) {
      // A range needs both bounds: the problem sits at the one given.
      at((low ?? high)!.place, 'sakip.target_type_mismatch', errorMessages('sakip.target_type_mismatch', { targetType: 'range' }));
      continue;
    }
    targets.push({ indicatorRef: indicator, year, value: value?.value ?? null, low: low?.value ?? null, high: high?.value ?? null });
    targetPlace.set(key, (value ?? low)!.place);
  }

  // The plan's own rules, as for any change through the forms: references, cycles, kinds under parents, programmes under targets, ranges.
  // Every row read is part of the structure, including one whose unit or code was refused: its children are not orphans.
  const domainNodes: PlanNode[] = content.nodes.map((n, order) => ({ id: n.ref, kind: n.kind, parentId: n.parentRef, name: n.title, code: n.code, order }));
  const domainIndicators: PlanIndicator[] = content.indicators.map((i) => ({ id: i.ref, nodeId: i.nodeRef, name: i.name, targetType: i.targetType, allowsNegative: i.allowsNegative }));
  const yearly: YearlyTarget[] = targets.map((t) => ({
    indicatorId: t.indicatorRef, year: t.year, target: t.value !== null ? { type: 'single', value: t.value } : { type: 'range', low: t.low, high: t.high },
  }));
  const rowOfNode = new Map(content.nodes.map((n) => [n.ref, n.row]));
  const rowOfIndicator = new Map(content.indicators.map((i) => [i.ref, i.row]));
  const placeOf = (p: TreeProblem): Place | null => {
    if (p.indicatorId !== undefined && p.year !== undefined) return targetPlace.get(`${p.indicatorId}\u0000${p.year}`) ?? null;
    if (p.indicatorId !== undefined) return content.place('indicators', rowOfIndicator.get(p.indicatorId)!, p.code === 'indicator_node_missing' ? 'node' : 'ref');
    if (p.nodeId === null) return null;
    return content.place('tree', rowOfNode.get(p.nodeId)!, p.code === 'parent_missing' || p.code === 'cycle' ? 'parent' : p.code === 'node_duplicate_id' ? 'ref' : 'kind');
  };
  for (const p of planProblems({ period: { startYear: plan.startYear, endYear: plan.endYear }, nodes: domainNodes, indicators: domainIndicators, targets: yearly })) {
    if (tolerated.has(p.code)) continue;
    // A row left out for its own problem is not missing again for the rows that name it.
    if (p.code === 'parent_missing' && content.broken.nodes.has(nodeByRef.get(p.nodeId!)?.parentRef ?? '')) continue;
    if (p.code === 'indicator_node_missing' && content.broken.nodes.has(p.nodeId ?? '')) continue;
    const place = placeOf(p);
    if (place) at(place, p.code, p.message);
    else problems.push({ sheet: SHEETS.tree, row: null, column: null, header: null, code: p.code, message: p.message });
  }

  if (problems.length > 0) {
    const sorted = problems.sort((a, b) => order(a) - order(b) || (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').length - (b.column ?? '').length || (a.column ?? '').localeCompare(b.column ?? ''));
    throw new AppError('sakip.workbook_invalid', { problems: sorted.slice(0, MAX_PROBLEMS), total: problems.length });
  }
  return { nodes, indicators, targets };
}

const sheetOrder: string[] = [SHEETS.tree, SHEETS.indicators, SHEETS.targets];
const order = (p: WorkbookProblem) => sheetOrder.indexOf(p.sheet);

/** Inserts in slices, well under PostgreSQL's limit on parameters per statement. */
async function insertAll<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

export interface ImportCounts { nodes: number; indicators: number; targets: number }

/**
 * Replaces a draft plan's nodes, indicators and targets with the workbook's,
 * in one transaction: nothing is written unless everything is valid. Targets
 * become first versions, set by the importer.
 */
export async function importPlanWorkbook(ctx: AppContext, regionCode: string, actor: Actor, planId: string, uploads: Upload[]) {
  const db = ctx.database.db;
  // Who may, and whether the plan takes an import, before the file is even opened.
  await importable(db, regionCode, actor, planId);
  const [file] = await checkUploads(uploads, workbookUploadPolicy);
  if (!file) throw new AppError('request.invalid', { file: 'one .xlsx file is required' });
  const content = readPlanWorkbook(await readXlsx(file.data, xlsxLimits));
  return db.transaction(async (tx) => {
    const plan = await importable(tx, regionCode, actor, planId, 'update');
    const checked = await checkContent(tx, plan, content);
    const now = ctx.clock.now();
    const where = <T extends typeof sakipNodes | typeof sakipIndicators | typeof sakipTargets>(t: T) => and(eq(t.regionCode, regionCode), eq(t.planId, plan.id));
    const replaced: ImportCounts = {
      targets: (await tx.delete(sakipTargets).where(where(sakipTargets)).returning({ year: sakipTargets.year })).length,
      indicators: (await tx.delete(sakipIndicators).where(where(sakipIndicators)).returning({ id: sakipIndicators.id })).length,
      nodes: (await tx.delete(sakipNodes).where(where(sakipNodes)).returning({ id: sakipNodes.id })).length,
    };

    const nodeId = new Map(checked.nodes.map((n) => [n.ref, randomUUID()]));
    const next = new Map<string, number>();
    const position = (key: string) => {
      const p = next.get(key) ?? 0;
      next.set(key, p + 1);
      return p;
    };
    await insertAll(checked.nodes.map((n) => ({
      regionCode, id: nodeId.get(n.ref)!, planId: plan.id, parentId: n.parentRef === null ? null : nodeId.get(n.parentRef)!, kind: n.kind, code: n.code, title: n.title,
      unitId: n.unitId, supportsNodeId: n.supportsNodeId, position: position(`node:${n.parentRef ?? ''}`), createdAt: now, updatedAt: now,
    })), (rows) => tx.insert(sakipNodes).values(rows));
    const indicatorId = new Map(checked.indicators.map((i) => [i.ref, randomUUID()]));
    await insertAll(checked.indicators.map(({ ref, nodeRef, ...fields }) => ({
      regionCode, id: indicatorId.get(ref)!, planId: plan.id, nodeId: nodeId.get(nodeRef)!, ...fields, position: position(`indicator:${nodeRef}`), createdAt: now, updatedAt: now,
    })), (rows) => tx.insert(sakipIndicators).values(rows));
    const by = { setAt: now, setBy: actor.userId, setByLabel: actorLabel(actor) };
    await insertAll(checked.targets.map((t) => ({
      regionCode, planId: plan.id, indicatorId: indicatorId.get(t.indicatorRef)!, year: t.year, version: 1, value: t.value, low: t.low, high: t.high, reason: null, ...by,
    })), (rows) => tx.insert(sakipTargets).values(rows));

    await touch(tx, plan, now);
    const imported: ImportCounts = { nodes: checked.nodes.length, indicators: checked.indicators.length, targets: checked.targets.length };
    await audit(tx, now, actor, regionCode, 'sakip.plan_import', 'sakip_plan', plan.id, { fileName: file.fileName, imported, replaced });
    return { imported, replaced };
  });
}

// The performance tree (pohon kinerja, PermenPANRB 89/2021) as plain data:
// the region's RPJMD (vision → missions → goals → targets) cascading into
// each unit's Renstra (goals → targets → programmes → activities →
// sub-activities), with indicators on the nodes and a target per year. Pure
// validation, so an XLSX import, an API call and the editor all refuse the
// same trees with the same stable codes (each naming the node or indicator
// concerned), and one ordering for the tree view and the table export.
import { Dec } from '../../../platform/decimal.js';
import type { Words } from '../../../platform/errors.js';
import { allowedChildren, nodeKindLabels, type NodeKind } from './kinds.js';

export type { NodeKind };

export interface PlanNode {
  id: string;
  kind: NodeKind;
  parentId: string | null;
  name: string;
  /** Government code (Permendagri 90/2019) for programmes, activities and sub-activities, or the plan's own numbering. */
  code?: string | null;
  /** Position among siblings; siblings without one keep the order given, after those with one. */
  order?: number | null;
}

export interface PlanIndicator {
  id: string;
  nodeId: string;
  name: string;
  targetType: 'single' | 'range';
  /** Whether targets may be negative (e.g. a growth rate); false when absent. */
  allowsNegative?: boolean;
}

/** A raw cell: what an import or a form gives before it is known to be a number. */
export type RawValue = number | string | null | undefined;

export type RawTarget = { type: 'single'; value: RawValue } | { type: 'range'; low: RawValue; high: RawValue };

export interface YearlyTarget { indicatorId: string; year: number; target: RawTarget }

export interface PlanPeriod { startYear: number; endYear: number }

export interface Plan { period: PlanPeriod; nodes: readonly PlanNode[]; indicators: readonly PlanIndicator[]; targets: readonly YearlyTarget[] }

export type TreeProblemCode =
  | 'plan_period_invalid'
  | 'node_duplicate_id'
  | 'parent_missing'
  | 'cycle'
  | 'kind_not_allowed'
  | 'target_without_indicator'
  | 'programme_without_target'
  | 'indicator_duplicate_id'
  | 'indicator_node_missing'
  | 'target_indicator_missing'
  | 'target_year_outside_plan'
  | 'target_year_duplicate'
  | 'target_type_mismatch'
  | 'target_not_numeric'
  | 'target_negative'
  | 'range_inverted';

export interface TreeProblem {
  code: TreeProblemCode;
  /** The node concerned (for a cycle: its smallest id), or the indicator's node; null for the plan itself. */
  nodeId: string | null;
  indicatorId?: string;
  year?: number;
  /** For a cycle: its nodes in parent order, starting at `nodeId`. */
  cycle?: string[];
  message: Words;
}

/**
 * A number as a plain decimal: a finite number, or a string like "12", "-3.5"
 * or ".5" (after trimming). Anything else, including a decimal comma ("12,5"),
 * is not numeric here: an import converts its locale's format first.
 */
export function parseTargetNumber(raw: RawValue): Dec | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? new Dec(raw) : null;
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? new Dec(s) : null;
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((c) => (seen.has(c) ? true : (seen.add(c), false))))];
}

const label = (n: PlanNode) => (n.code ? `${n.code} ${n.name}` : n.name);

/** Every cycle among parent links, each once, starting at its smallest id. */
function cycles(byId: ReadonlyMap<string, PlanNode>): string[][] {
  const state = new Map<string, 'walking' | 'done'>();
  const found: string[][] = [];
  for (const start of byId.keys()) {
    const path: string[] = [];
    let id: string | null = start;
    while (id !== null && byId.has(id) && !state.has(id)) {
      state.set(id, 'walking');
      path.push(id);
      id = byId.get(id)!.parentId;
    }
    if (id !== null && state.get(id) === 'walking') {
      const cycle = path.slice(path.indexOf(id));
      const first = cycle.reduce((m, x) => (x < m ? x : m));
      const at = cycle.indexOf(first);
      found.push([...cycle.slice(at), ...cycle.slice(0, at)]);
    }
    for (const p of path) state.set(p, 'done');
  }
  return found;
}

/** Whether a node has a target (sasaran) among its ancestors; stops on a cycle. */
function hasTargetAncestor(node: PlanNode, byId: ReadonlyMap<string, PlanNode>): boolean {
  const seen = new Set<string>([node.id]);
  let parent = node.parentId === null ? undefined : byId.get(node.parentId);
  while (parent && !seen.has(parent.id)) {
    if (parent.kind === 'target') return true;
    seen.add(parent.id);
    parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
  }
  return false;
}

function checkValue(problems: TreeProblem[], raw: RawValue, indicator: PlanIndicator, t: YearlyTarget, nodeId: string): Dec | null {
  const value = parseTargetNumber(raw);
  const base = { nodeId, indicatorId: indicator.id, year: t.year };
  if (value === null) {
    problems.push({ ...base, code: 'target_not_numeric', message: { id: `indikator "${indicator.name}", tahun ${t.year}: target "${String(raw ?? '')}" bukan angka`, en: `indicator "${indicator.name}", year ${t.year}: target "${String(raw ?? '')}" is not a number` } });
    return null;
  }
  if (value.isNegative() && !value.isZero() && !indicator.allowsNegative) {
    problems.push({ ...base, code: 'target_negative', message: { id: `indikator "${indicator.name}", tahun ${t.year}: target tidak boleh negatif`, en: `indicator "${indicator.name}", year ${t.year}: the target must not be negative` } });
  }
  return value;
}

/**
 * Every problem of a plan, in a stable order (plan, nodes, indicators,
 * targets, each in the order given). An empty list means the plan is valid.
 */
export function planProblems(plan: Plan): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const { startYear, endYear } = plan.period;
  const periodValid = Number.isInteger(startYear) && Number.isInteger(endYear) && startYear <= endYear;
  if (!periodValid) problems.push({ code: 'plan_period_invalid', nodeId: null, message: { id: `periode rencana ${startYear}–${endYear} tidak valid`, en: `plan period ${startYear}–${endYear} is invalid` } });

  const byId = new Map<string, PlanNode>();
  for (const n of plan.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  for (const id of duplicates(plan.nodes.map((n) => n.id))) problems.push({ code: 'node_duplicate_id', nodeId: id, message: { id: `id simpul ${id} dipakai dua kali`, en: `node id ${id} is used twice` } });

  for (const n of plan.nodes) {
    if (n.parentId !== null && !byId.has(n.parentId)) {
      problems.push({ code: 'parent_missing', nodeId: n.id, message: { id: `${nodeKindLabels[n.kind].id} "${label(n)}": induk ${n.parentId} tidak ada`, en: `${nodeKindLabels[n.kind].en} "${label(n)}": parent ${n.parentId} does not exist` } });
    }
  }
  for (const cycle of cycles(byId)) {
    problems.push({ code: 'cycle', nodeId: cycle[0], cycle, message: { id: `pohon kinerja berputar: ${cycle.join(' → ')} → ${cycle[0]}`, en: `the tree has a cycle: ${cycle.join(' → ')} → ${cycle[0]}` } });
  }
  for (const n of plan.nodes) {
    const parent = n.parentId === null ? null : byId.get(n.parentId);
    if (parent === undefined) continue; // reported as parent_missing
    const parentKind = parent === null ? 'root' : parent.kind;
    if (!allowedChildren[parentKind].includes(n.kind)) {
      problems.push({ code: 'kind_not_allowed', nodeId: n.id, message: parent === null
        ? { id: `${nodeKindLabels[n.kind].id} "${label(n)}" harus berada di bawah simpul lain`, en: `${nodeKindLabels[n.kind].en} "${label(n)}" must sit under another node` }
        : { id: `${nodeKindLabels[n.kind].id} "${label(n)}" tidak boleh berada di bawah ${nodeKindLabels[parent.kind].id} "${label(parent)}"`, en: `${nodeKindLabels[n.kind].en} "${label(n)}" may not sit under ${nodeKindLabels[parent.kind].en} "${label(parent)}"` } });
    }
  }

  const indicatorsByNode = new Map<string, PlanIndicator[]>();
  for (const i of plan.indicators) {
    const list = indicatorsByNode.get(i.nodeId);
    if (list) list.push(i);
    else indicatorsByNode.set(i.nodeId, [i]);
  }
  for (const n of byId.values()) {
    if (n.kind === 'target' && !indicatorsByNode.has(n.id)) {
      problems.push({ code: 'target_without_indicator', nodeId: n.id, message: { id: `sasaran "${label(n)}" belum memiliki indikator`, en: `target "${label(n)}" has no indicator` } });
    }
    if (n.kind === 'programme' && !hasTargetAncestor(n, byId)) {
      problems.push({ code: 'programme_without_target', nodeId: n.id, message: { id: `program "${label(n)}" tidak mendukung sasaran mana pun`, en: `programme "${label(n)}" supports no target` } });
    }
  }

  const indicatorById = new Map<string, PlanIndicator>();
  for (const i of plan.indicators) if (!indicatorById.has(i.id)) indicatorById.set(i.id, i);
  for (const id of duplicates(plan.indicators.map((i) => i.id))) problems.push({ code: 'indicator_duplicate_id', nodeId: indicatorById.get(id)!.nodeId, indicatorId: id, message: { id: `id indikator ${id} dipakai dua kali`, en: `indicator id ${id} is used twice` } });
  for (const i of plan.indicators) {
    if (!byId.has(i.nodeId)) problems.push({ code: 'indicator_node_missing', nodeId: i.nodeId, indicatorId: i.id, message: { id: `indikator "${i.name}": simpul ${i.nodeId} tidak ada`, en: `indicator "${i.name}": node ${i.nodeId} does not exist` } });
  }

  const seenYears = new Set<string>();
  for (const t of plan.targets) {
    const indicator = indicatorById.get(t.indicatorId);
    if (!indicator) {
      problems.push({ code: 'target_indicator_missing', nodeId: null, indicatorId: t.indicatorId, year: t.year, message: { id: `target tahun ${t.year}: indikator ${t.indicatorId} tidak ada`, en: `target for ${t.year}: indicator ${t.indicatorId} does not exist` } });
      continue;
    }
    const base = { nodeId: indicator.nodeId, indicatorId: indicator.id, year: t.year };
    if (periodValid && (!Number.isInteger(t.year) || t.year < startYear || t.year > endYear)) {
      problems.push({ ...base, code: 'target_year_outside_plan', message: { id: `indikator "${indicator.name}": tahun ${t.year} di luar periode rencana ${startYear}–${endYear}`, en: `indicator "${indicator.name}": year ${t.year} is outside the plan period ${startYear}–${endYear}` } });
    }
    const key = `${t.indicatorId}\u0000${t.year}`;
    if (seenYears.has(key)) problems.push({ ...base, code: 'target_year_duplicate', message: { id: `indikator "${indicator.name}": target tahun ${t.year} diisi dua kali`, en: `indicator "${indicator.name}": two targets for ${t.year}` } });
    seenYears.add(key);
    if (t.target.type !== indicator.targetType) {
      problems.push({ ...base, code: 'target_type_mismatch', message: indicator.targetType === 'range'
        ? { id: `indikator "${indicator.name}", tahun ${t.year}: target harus berupa rentang`, en: `indicator "${indicator.name}", year ${t.year}: the target must be a range` }
        : { id: `indikator "${indicator.name}", tahun ${t.year}: target harus berupa satu nilai`, en: `indicator "${indicator.name}", year ${t.year}: the target must be a single value` } });
    }
    if (t.target.type === 'single') {
      checkValue(problems, t.target.value, indicator, t, indicator.nodeId);
    } else {
      const low = checkValue(problems, t.target.low, indicator, t, indicator.nodeId);
      const high = checkValue(problems, t.target.high, indicator, t, indicator.nodeId);
      if (low !== null && high !== null && low.gt(high)) {
        problems.push({ ...base, code: 'range_inverted', message: { id: `indikator "${indicator.name}", tahun ${t.year}: batas bawah ${low.toString()} melebihi batas atas ${high.toString()}`, en: `indicator "${indicator.name}", year ${t.year}: the low bound ${low.toString()} is above the high bound ${high.toString()}` } });
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Display: the tree, and the same as table rows

export interface TreeItem<N extends PlanNode = PlanNode> {
  node: N;
  depth: number;
  /** Outline number by position among siblings: "1", "1.2", "1.2.3". */
  number: string;
  children: TreeItem<N>[];
}

/**
 * The nodes as a tree. Roots are the nodes without a parent and those whose
 * parent does not exist (so nothing disappears from view while the plan is
 * being fixed); siblings are sorted by `order`, then the order given. Nodes
 * not reachable from a root (on or under a cycle) and repeated ids are
 * returned as `detached`.
 */
export function buildTree<N extends PlanNode>(nodes: readonly N[]): { roots: TreeItem<N>[]; detached: N[] } {
  const ids = new Set<string>();
  const unique: { node: N; position: number }[] = [];
  const repeated: N[] = [];
  nodes.forEach((node, position) => {
    if (ids.has(node.id)) repeated.push(node);
    else { ids.add(node.id); unique.push({ node, position }); }
  });
  const sortKey = (a: { node: N; position: number }, b: { node: N; position: number }) =>
    (a.node.order ?? Number.MAX_SAFE_INTEGER) - (b.node.order ?? Number.MAX_SAFE_INTEGER) || a.position - b.position;
  const children = new Map<string | null, { node: N; position: number }[]>();
  for (const u of unique) {
    const parent = u.node.parentId !== null && ids.has(u.node.parentId) ? u.node.parentId : null;
    const list = children.get(parent);
    if (list) list.push(u);
    else children.set(parent, [u]);
  }
  for (const list of children.values()) list.sort(sortKey);
  const placed = new Set<string>();
  const grow = (u: { node: N }, depth: number, number: string): TreeItem<N> => {
    placed.add(u.node.id);
    const kids = (children.get(u.node.id) ?? []).filter((k) => !placed.has(k.node.id));
    return { node: u.node, depth, number, children: kids.map((k, i) => grow(k, depth + 1, `${number}.${i + 1}`)) };
  };
  const roots = (children.get(null) ?? []).map((u, i) => grow(u, 0, String(i + 1)));
  const detached = [...unique.filter((u) => !placed.has(u.node.id)).map((u) => u.node), ...repeated];
  return { roots, detached };
}

/** The tree in reading order (depth first, pre-order), one item per node. */
export function flattenTree<N extends PlanNode>(roots: readonly TreeItem<N>[]): Omit<TreeItem<N>, 'children'>[] {
  const rows: Omit<TreeItem<N>, 'children'>[] = [];
  const walk = (items: readonly TreeItem<N>[]) => {
    for (const { children, ...row } of items) {
      rows.push(row);
      walk(children);
    }
  };
  walk(roots);
  return rows;
}

export interface PlanTableRow {
  number: string;
  depth: number;
  node: PlanNode;
  /** Null on the one row of a node without indicators. */
  indicator: PlanIndicator | null;
  /** One entry per year of the plan period, in order; null when the year has no target. */
  targets: { year: number; target: RawTarget | null }[];
}

/**
 * The plan as a table, as regions keep it in Excel: one row per indicator
 * (a node without indicators gets one row), nodes in reading order, a column
 * per year of the plan period. Detached nodes are left out (`buildTree` lists
 * them).
 */
export function planTable(plan: Plan): PlanTableRow[] {
  const { roots } = buildTree(plan.nodes);
  const years: number[] = [];
  for (let y = plan.period.startYear; y <= plan.period.endYear; y++) years.push(y);
  const targets = new Map<string, RawTarget>();
  for (const t of plan.targets) {
    const key = `${t.indicatorId}\u0000${t.year}`;
    if (!targets.has(key)) targets.set(key, t.target);
  }
  const byNode = new Map<string, PlanIndicator[]>();
  for (const i of plan.indicators) {
    const list = byNode.get(i.nodeId);
    if (list) list.push(i);
    else byNode.set(i.nodeId, [i]);
  }
  const rows: PlanTableRow[] = [];
  for (const item of flattenTree(roots)) {
    const indicators = byNode.get(item.node.id) ?? [];
    const base = { number: item.number, depth: item.depth, node: item.node };
    if (indicators.length === 0) rows.push({ ...base, indicator: null, targets: years.map((year) => ({ year, target: null })) });
    for (const indicator of indicators) {
      rows.push({ ...base, indicator, targets: years.map((year) => ({ year, target: targets.get(`${indicator.id}\u0000${year}`) ?? null })) });
    }
  }
  return rows;
}

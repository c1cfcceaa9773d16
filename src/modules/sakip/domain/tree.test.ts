// Pins every validation rule of the performance tree (stable code and node per
// problem), target-number parsing, and the tree and table orderings.
import { describe, expect, it } from 'vitest';
import { buildTree, flattenTree, parseTargetNumber, planProblems, planTable, type Plan, type PlanNode, type RawValue } from './tree.js';

/**
 * A region's RPJMD 2025–2029 cascading into the health office's Renstra:
 * vision → mission → goal → target "IPM" ← the office's goal → target
 * "stunting" → programme → activity → sub-activity.
 */
function plan(): Plan {
  return {
    period: { startYear: 2025, endYear: 2029 },
    nodes: [
      { id: 'v1', kind: 'vision', parentId: null, name: 'Sumedang Simpati' },
      { id: 'm1', kind: 'mission', parentId: 'v1', name: 'Meningkatkan kualitas SDM' },
      { id: 'g1', kind: 'goal', parentId: 'm1', name: 'Meningkatnya kualitas hidup' },
      { id: 's1', kind: 'target', parentId: 'g1', name: 'Meningkatnya IPM' },
      { id: 'g2', kind: 'goal', parentId: 's1', name: 'Meningkatnya derajat kesehatan' },
      { id: 's2', kind: 'target', parentId: 'g2', name: 'Menurunnya stunting' },
      { id: 'p1', kind: 'programme', parentId: 's2', code: '1.02.02', name: 'PROGRAM PEMENUHAN UPAYA KESEHATAN' },
      { id: 'a1', kind: 'activity', parentId: 'p1', code: '1.02.02.2.02', name: 'Penyediaan layanan kesehatan' },
      { id: 'sa1', kind: 'sub_activity', parentId: 'a1', code: '1.02.02.2.02.0001', name: 'Pengelolaan pelayanan kesehatan ibu hamil' },
    ],
    indicators: [
      { id: 'i1', nodeId: 's1', name: 'Indeks Pembangunan Manusia', targetType: 'single' },
      { id: 'i2', nodeId: 's2', name: 'Prevalensi stunting (%)', targetType: 'single' },
      { id: 'i3', nodeId: 's2', name: 'Lama rawat (bulan)', targetType: 'range' },
      { id: 'i4', nodeId: 'g1', name: 'Pertumbuhan ekonomi (%)', targetType: 'single', allowsNegative: true },
    ],
    targets: [
      ...[2025, 2026, 2027, 2028, 2029].map((year, i) => ({ indicatorId: 'i1', year, target: { type: 'single' as const, value: 72.5 + i / 2 } })),
      { indicatorId: 'i2', year: 2025, target: { type: 'single', value: '14.2' } },
      { indicatorId: 'i3', year: 2025, target: { type: 'range', low: 7, high: '8' } },
      { indicatorId: 'i4', year: 2025, target: { type: 'single', value: '-1.5' } },
    ],
  };
}

const node = (p: Plan, id: string) => p.nodes.find((n) => n.id === id)! as { -readonly [K in keyof PlanNode]: PlanNode[K] };
const add = (p: Plan, ...nodes: PlanNode[]) => ({ ...p, nodes: [...p.nodes, ...nodes] });
const withTarget = (p: Plan, t: Plan['targets'][number]) => ({ ...p, targets: [...p.targets, t] });
const single = (value: RawValue) => ({ type: 'single' as const, value });

describe('plan validation', () => {
  it('accepts a valid cascade', () => {
    expect(planProblems(plan())).toEqual([]);
  });

  it.each<[string, (p: Plan) => Plan, [string, string | null][]]>([
    ['a target (sasaran) without an indicator', (p) => ({ ...p, indicators: p.indicators.filter((i) => i.nodeId !== 's2'), targets: p.targets.filter((t) => t.indicatorId === 'i1') }), [['target_without_indicator', 's2']]],
    ['a programme under a goal', (p) => add(p, { id: 'p2', kind: 'programme', parentId: 'g1', name: 'P2' }), [['kind_not_allowed', 'p2'], ['programme_without_target', 'p2']]],
    ['a programme at the root', (p) => add(p, { id: 'p2', kind: 'programme', parentId: null, name: 'P2' }), [['kind_not_allowed', 'p2'], ['programme_without_target', 'p2']]],
    ['a programme under a missing parent', (p) => add(p, { id: 'p2', kind: 'programme', parentId: 'gone', name: 'P2' }), [['parent_missing', 'p2'], ['programme_without_target', 'p2']]],
    ['two targets as each other’s parent', (p) => ({
      ...add(p, { id: 't9', kind: 'target', parentId: 't8', name: 'T9' }, { id: 't8', kind: 'target', parentId: 't9', name: 'T8' }),
      indicators: [...p.indicators, { id: 'i8', nodeId: 't8', name: 'I8', targetType: 'single' }, { id: 'i9', nodeId: 't9', name: 'I9', targetType: 'single' }],
    }), [['cycle', 't8']]],
    ['a node as its own parent', (p) => {
      node(p, 's1').parentId = 's1';
      return p;
    }, [['cycle', 's1']]],
    ['a long cycle through the cascade', (p) => {
      node(p, 'g1').parentId = 's2'; // g1 → s2 → g2 → s1 → g1; v1 and m1 now have no goal below them, which is allowed
      return p;
    }, [['cycle', 'g1']]],
    ['an activity under a target', (p) => add(p, { id: 'a2', kind: 'activity', parentId: 's2', name: 'A2' }), [['kind_not_allowed', 'a2']]],
    ['a sub-activity under a programme', (p) => add(p, { id: 'sa2', kind: 'sub_activity', parentId: 'p1', name: 'SA2' }), [['kind_not_allowed', 'sa2']]],
    ['a mission at the root', (p) => add(p, { id: 'm2', kind: 'mission', parentId: null, name: 'M2' }), [['kind_not_allowed', 'm2']]],
    ['a vision under a mission', (p) => add(p, { id: 'v2', kind: 'vision', parentId: 'm1', name: 'V2' }), [['kind_not_allowed', 'v2']]],
    ['anything under a sub-activity', (p) => add(p, { id: 'sa2', kind: 'sub_activity', parentId: 'sa1', name: 'SA2' }), [['kind_not_allowed', 'sa2']]],
    ['a node id used twice', (p) => add(p, { id: 'a1', kind: 'activity', parentId: 'p1', name: 'A1 again' }), [['node_duplicate_id', 'a1']]],
    ['an indicator on a missing node', (p) => ({ ...p, indicators: [...p.indicators, { id: 'i9', nodeId: 'gone', name: 'I9', targetType: 'single' }] }), [['indicator_node_missing', 'gone']]],
    ['an indicator id used twice', (p) => ({ ...p, indicators: [...p.indicators, { id: 'i1', nodeId: 's2', name: 'again', targetType: 'single' }] }), [['indicator_duplicate_id', 's1']]],
    ['a target for a missing indicator', (p) => withTarget(p, { indicatorId: 'i9', year: 2026, target: single(1) }), [['target_indicator_missing', null]]],
    ['a yearly target after the plan period', (p) => withTarget(p, { indicatorId: 'i1', year: 2030, target: single(80) }), [['target_year_outside_plan', 's1']]],
    ['a yearly target before the plan period', (p) => withTarget(p, { indicatorId: 'i2', year: 2024, target: single(15) }), [['target_year_outside_plan', 's2']]],
    ['two targets for one year', (p) => withTarget(p, { indicatorId: 'i1', year: 2027, target: single(80) }), [['target_year_duplicate', 's1']]],
    ['a negative target where not allowed', (p) => withTarget(p, { indicatorId: 'i2', year: 2026, target: single(-0.5) }), [['target_negative', 's2']]],
    ['a negative range bound where not allowed', (p) => withTarget(p, { indicatorId: 'i3', year: 2026, target: { type: 'range', low: '-1', high: 2 } }), [['target_negative', 's2']]],
    ['a range with low above high', (p) => withTarget(p, { indicatorId: 'i3', year: 2026, target: { type: 'range', low: 9, high: 7 } }), [['range_inverted', 's2']]],
    ['a range with a non-numeric bound', (p) => withTarget(p, { indicatorId: 'i3', year: 2026, target: { type: 'range', low: 'tujuh', high: 7 } }), [['target_not_numeric', 's2']]],
    ['a single value for a range indicator', (p) => withTarget(p, { indicatorId: 'i3', year: 2026, target: single(7) }), [['target_type_mismatch', 's2']]],
    ['a range for a single-value indicator', (p) => withTarget(p, { indicatorId: 'i2', year: 2026, target: { type: 'range', low: 1, high: 2 } }), [['target_type_mismatch', 's2']]],
    ['a plan period that ends before it starts', (p) => ({ ...p, period: { startYear: 2029, endYear: 2025 } }), [['plan_period_invalid', null]]],
  ])('reports %s', (_, mutate, expected) => {
    expect(planProblems(mutate(plan())).map((p) => [p.code, p.nodeId])).toEqual(expected);
  });

  it.each<[RawValue]>([['12,5'], ['abc'], [''], ['  '], [null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY], ['1e3'], ['12.5%']])('reports a non-numeric target %j', (value) => {
    const problems = planProblems(withTarget(plan(), { indicatorId: 'i2', year: 2026, target: single(value) }));
    expect(problems.map((p) => [p.code, p.nodeId, p.indicatorId, p.year])).toEqual([['target_not_numeric', 's2', 'i2', 2026]]);
  });

  it('allows a negative target where the indicator allows it, and zero anywhere', () => {
    expect(planProblems(withTarget(plan(), { indicatorId: 'i4', year: 2026, target: single(-3) }))).toEqual([]);
    expect(planProblems(withTarget(plan(), { indicatorId: 'i2', year: 2026, target: single('0') }))).toEqual([]);
    expect(planProblems(withTarget(plan(), { indicatorId: 'i2', year: 2026, target: single(-0) }))).toEqual([]);
  });

  it('names the cycle and explains each problem in both languages', () => {
    const p = plan();
    node(p, 'g1').parentId = 's2';
    const [cycle] = planProblems(p);
    expect(cycle.cycle).toEqual(['g1', 's2', 'g2', 's1']);
    expect(cycle.message).toEqual({ id: 'pohon kinerja berputar: g1 → s2 → g2 → s1 → g1', en: 'the tree has a cycle: g1 → s2 → g2 → s1 → g1' });
    const [orphan] = planProblems(add(plan(), { id: 'p2', kind: 'programme', parentId: null, code: '1.02.03', name: 'P2' }));
    expect(orphan.message).toEqual({ id: 'Program "1.02.03 P2" harus berada di bawah simpul lain', en: 'Programme "1.02.03 P2" must sit under another node' });
    const [negative] = planProblems(withTarget(plan(), { indicatorId: 'i2', year: 2026, target: single(-1) }));
    expect(negative.message.en).toBe('indicator "Prevalensi stunting (%)", year 2026: the target must not be negative');
  });

  it('does not check years against an invalid period twice', () => {
    const p = withTarget({ ...plan(), period: { startYear: 2029, endYear: 2025 } }, { indicatorId: 'i1', year: 2031, target: single(1) });
    expect(planProblems(p).map((x) => x.code)).toEqual(['plan_period_invalid']);
  });
});

describe('target numbers', () => {
  it.each<[RawValue, string | null]>([
    [12, '12'], [0.1, '0.1'], ['12.5', '12.5'], [' 7 ', '7'], ['-3.25', '-3.25'], ['+4', '4'], ['.5', '0.5'], ['5.', '5'],
    ['12,5', null], ['1e3', null], ['1.000.000', null], ['abc', null], ['', null], [null, null], [undefined, null], [Number.NaN, null],
  ])('%j → %s', (raw, expected) => {
    expect(parseTargetNumber(raw)?.toString() ?? null).toBe(expected);
  });
});

describe('tree and table for display', () => {
  it('orders a tree with outline numbers, siblings by order then as given', () => {
    const nodes: PlanNode[] = [
      { id: 'v', kind: 'vision', parentId: null, name: 'V' },
      { id: 'm2', kind: 'mission', parentId: 'v', name: 'M2', order: 2 },
      { id: 'm1', kind: 'mission', parentId: 'v', name: 'M1', order: 1 },
      { id: 'm3', kind: 'mission', parentId: 'v', name: 'M3' },
      { id: 'g', kind: 'goal', parentId: 'm1', name: 'G' },
      { id: 'm0', kind: 'mission', parentId: 'v', name: 'M0' },
    ];
    const { roots, detached } = buildTree(nodes);
    expect(detached).toEqual([]);
    expect(flattenTree(roots).map((r) => [r.number, r.depth, r.node.id])).toEqual([
      ['1', 0, 'v'], ['1.1', 1, 'm1'], ['1.1.1', 2, 'g'], ['1.2', 1, 'm2'], ['1.3', 1, 'm3'], ['1.4', 1, 'm0'],
    ]);
  });

  it('shows orphans as roots and sets apart nodes on a cycle and repeated ids', () => {
    const nodes: PlanNode[] = [
      { id: 'a', kind: 'goal', parentId: null, name: 'A' },
      { id: 'x', kind: 'target', parentId: 'y', name: 'X' },
      { id: 'y', kind: 'target', parentId: 'x', name: 'Y' },
      { id: 'z', kind: 'programme', parentId: 'x', name: 'Z' },
      { id: 'o', kind: 'target', parentId: 'gone', name: 'O' },
      { id: 'a', kind: 'goal', parentId: null, name: 'A again' },
    ];
    const { roots, detached } = buildTree(nodes);
    expect(roots.map((r) => r.node.id)).toEqual(['a', 'o']);
    expect(detached.map((n) => `${n.id}:${n.name}`)).toEqual(['x:X', 'y:Y', 'z:Z', 'a:A again']);
  });

  it('flattens the plan to table rows: one per indicator, a column per year', () => {
    const rows = planTable(plan());
    expect(rows.map((r) => [r.number, r.node.id, r.indicator?.id ?? null])).toEqual([
      ['1', 'v1', null], ['1.1', 'm1', null], ['1.1.1', 'g1', 'i4'], ['1.1.1.1', 's1', 'i1'], ['1.1.1.1.1', 'g2', null],
      ['1.1.1.1.1.1', 's2', 'i2'], ['1.1.1.1.1.1', 's2', 'i3'], ['1.1.1.1.1.1.1', 'p1', null], ['1.1.1.1.1.1.1.1', 'a1', null], ['1.1.1.1.1.1.1.1.1', 'sa1', null],
    ]);
    expect(rows[3].targets.map((t) => [t.year, t.target])).toEqual([
      [2025, { type: 'single', value: 72.5 }], [2026, { type: 'single', value: 73 }], [2027, { type: 'single', value: 73.5 }], [2028, { type: 'single', value: 74 }], [2029, { type: 'single', value: 74.5 }],
    ]);
    expect(rows[6].targets.map((t) => t.target)).toEqual([{ type: 'range', low: 7, high: '8' }, null, null, null, null]);
    expect(rows[0].targets).toHaveLength(5);
  });
});

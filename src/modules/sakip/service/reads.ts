// A node or an indicator as the editing routes answer after a change.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { nodeKindLabels, type NodeKind } from '../domain/kinds.js';
import { sakipIndicators, sakipNodes } from '../schema.js';
import type { IndicatorRow, NodeRow } from './data.js';

export const nodeBrief = (n: NodeRow) => ({
  id: n.id, kind: n.kind, kindLabel: nodeKindLabels[n.kind as NodeKind], code: n.code, title: n.title, unitId: n.unitId, supportsNodeId: n.supportsNodeId,
  parentId: n.parentId, position: n.position,
});

export const indicatorBrief = (i: IndicatorRow) => ({
  id: i.id, nodeId: i.nodeId, name: i.name, definition: i.definition, formula: i.formula, measure: i.measure, dataSource: i.dataSource,
  polarity: i.polarity, targetType: i.targetType, aggregation: i.aggregation, isIku: i.isIku, allowsNegative: i.allowsNegative, sharedUnitIds: i.sharedUnitIds, source: i.source,
});

export async function nodeView(ctx: AppContext, regionCode: string, id: string) {
  const [row] = await ctx.database.db.select().from(sakipNodes).where(and(eq(sakipNodes.regionCode, regionCode), eq(sakipNodes.id, id)));
  if (!row) throw new AppError('sakip.node_not_found');
  return nodeBrief(row);
}

export async function indicatorFields(ctx: AppContext, regionCode: string, id: string) {
  const [row] = await ctx.database.db.select().from(sakipIndicators).where(and(eq(sakipIndicators.regionCode, regionCode), eq(sakipIndicators.id, id)));
  if (!row) throw new AppError('sakip.indicator_not_found');
  return indicatorBrief(row);
}

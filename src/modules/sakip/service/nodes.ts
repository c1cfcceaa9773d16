// The performance tree of a draft plan: adding, editing, moving and removing
// nodes. Each refuses what the tree forbids (a cycle, a kind under a parent
// that may not hold it, a code that is not its parent's) and, through
// withoutNewProblems, anything else that would add a problem to the plan.
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { audit, changedFields } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/policy.js';
import { allowedChildren, type NodeKind } from '../domain/kinds.js';
import { sakipIndicators, sakipNodes, sakipPlans, sakipBudgets } from '../schema.js';
import { ensureMayEditPlan } from './access.js';
import { checkCode, ensureDraft, ensureKindInPlan, ensureUnits, nodeIn, planFor, withoutNewProblems, type NodeRow, type PlanRow } from './data.js';

export interface NewNode {
  kind: NodeKind;
  parentId: string | null;
  title: string;
  code?: string | null;
  unitId?: string | null;
  supportsNodeId?: string | null;
  /** Place among its siblings, from 0; at the end when left out. */
  position?: number;
}

export interface NodeChange {
  title?: string;
  code?: string | null;
  unitId?: string | null;
  supportsNodeId?: string | null;
}

/** The plan, locked for the change, that the actor may edit and that is still a draft. */
async function draftFor(tx: Queryable, regionCode: string, actor: Actor, planId: string): Promise<PlanRow> {
  const plan = await planFor(tx, regionCode, planId, 'update');
  ensureMayEditPlan(actor, plan);
  ensureDraft(plan);
  return plan;
}

function ensureAllowedUnder(kind: NodeKind, parent: NodeRow | null): void {
  const allowed = allowedChildren[parent === null ? 'root' : (parent.kind as NodeKind)];
  if (!allowed.includes(kind)) throw new AppError('sakip.kind_not_allowed', { kind, parentKind: parent?.kind ?? null, allowed });
}

/** A goal or target cascades from a target (sasaran) of another plan of the region. */
export async function checkSupports(tx: Queryable, plan: PlanRow, kind: NodeKind, supportsNodeId: string | null | undefined): Promise<void> {
  if (!supportsNodeId) return;
  if (kind !== 'goal' && kind !== 'target') throw new AppError('sakip.supports_invalid', { kind });
  const [supported] = await tx.select({ kind: sakipNodes.kind }).from(sakipNodes)
    .where(and(eq(sakipNodes.regionCode, plan.regionCode), eq(sakipNodes.id, supportsNodeId), ne(sakipNodes.planId, plan.id)));
  if (supported?.kind !== 'target') throw new AppError('sakip.supports_invalid', { supportsNodeId });
}

const siblingsWhere = (plan: PlanRow, parentId: string | null) => and(
  eq(sakipNodes.regionCode, plan.regionCode), eq(sakipNodes.planId, plan.id), parentId === null ? isNull(sakipNodes.parentId) : eq(sakipNodes.parentId, parentId),
);

/** Numbers the parent's children 0, 1, 2 … with `nodeId` at `position` (at the end when null). */
async function place(tx: Queryable, plan: PlanRow, parentId: string | null, nodeId: string | null, position: number | null | undefined): Promise<void> {
  const siblings = await tx.select({ id: sakipNodes.id, position: sakipNodes.position }).from(sakipNodes).where(siblingsWhere(plan, parentId))
    .orderBy(asc(sakipNodes.position), asc(sakipNodes.createdAt), asc(sakipNodes.id));
  const order = siblings.map((s) => s.id).filter((id) => id !== nodeId);
  if (nodeId !== null) order.splice(Math.min(position ?? order.length, order.length), 0, nodeId);
  const was = new Map(siblings.map((s) => [s.id, s.position]));
  for (const [i, id] of order.entries()) {
    if (was.get(id) !== i) await tx.update(sakipNodes).set({ position: i }).where(and(eq(sakipNodes.regionCode, plan.regionCode), eq(sakipNodes.id, id)));
  }
}

const nodeFields = (n: NodeRow) => ({ parentId: n.parentId, kind: n.kind, code: n.code, title: n.title, unitId: n.unitId, supportsNodeId: n.supportsNodeId, position: n.position });

export async function addNode(ctx: AppContext, regionCode: string, actor: Actor, planId: string, input: NewNode): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const plan = await draftFor(tx, regionCode, actor, planId);
    ensureKindInPlan(plan, input.kind);
    const parent = input.parentId === null ? null : await nodeIn(tx, plan, input.parentId);
    ensureAllowedUnder(input.kind, parent);
    const code = checkCode(input.kind, input.code, parent);
    await ensureUnits(tx, regionCode, [input.unitId]);
    await checkSupports(tx, plan, input.kind, input.supportsNodeId);
    const now = ctx.clock.now();
    const node = await withoutNewProblems(tx, plan, async () => {
      const [row] = await tx.insert(sakipNodes).values({
        regionCode, planId: plan.id, parentId: parent?.id ?? null, kind: input.kind, code, title: input.title, unitId: input.unitId ?? null,
        supportsNodeId: input.supportsNodeId ?? null, position: 2_147_483_647, createdAt: now, updatedAt: now, // placed by place() below
      }).returning();
      await place(tx, plan, row.parentId, row.id, input.position);
      return row;
    });
    await touch(tx, plan, now);
    await audit(tx, now, actor, regionCode, 'sakip.node_add', 'sakip_node', node.id, { planId: plan.id, ...nodeFields(node) });
    return node.id;
  });
}

export async function editNode(ctx: AppContext, regionCode: string, actor: Actor, planId: string, nodeId: string, input: NodeChange): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const plan = await draftFor(tx, regionCode, actor, planId);
    const node = await nodeIn(tx, plan, nodeId);
    const kind = node.kind as NodeKind;
    const parent = node.parentId === null ? null : await nodeIn(tx, plan, node.parentId);
    const code = input.code === undefined ? node.code : checkCode(kind, input.code, parent);
    if (code !== node.code) {
      // Its activities and sub-activities carry its code at their start.
      const children = await tx.select({ kind: sakipNodes.kind, code: sakipNodes.code }).from(sakipNodes).where(siblingsWhere(plan, node.id));
      for (const child of children) checkCode(child.kind as NodeKind, child.code, { kind, code });
    }
    if (input.unitId !== undefined) await ensureUnits(tx, regionCode, [input.unitId]);
    if (input.supportsNodeId !== undefined) await checkSupports(tx, plan, kind, input.supportsNodeId);
    const next = {
      title: input.title ?? node.title, code,
      unitId: input.unitId === undefined ? node.unitId : input.unitId,
      supportsNodeId: input.supportsNodeId === undefined ? node.supportsNodeId : input.supportsNodeId,
    };
    const change = changedFields({ title: node.title, code: node.code, unitId: node.unitId, supportsNodeId: node.supportsNodeId }, next);
    if (Object.keys(change.after ?? {}).length === 0) return;
    const now = ctx.clock.now();
    await withoutNewProblems(tx, plan, () => tx.update(sakipNodes).set({ ...next, updatedAt: now }).where(and(eq(sakipNodes.regionCode, regionCode), eq(sakipNodes.id, node.id))));
    await touch(tx, plan, now);
    await audit(tx, now, actor, regionCode, 'sakip.node_update', 'sakip_node', node.id, { planId: plan.id }, change);
  });
}

/** Moves a node (with everything under it) under another parent of the same plan, or to another place among its siblings. */
export async function moveNode(ctx: AppContext, regionCode: string, actor: Actor, planId: string, nodeId: string, input: { parentId: string | null; position?: number }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const plan = await draftFor(tx, regionCode, actor, planId);
    const node = await nodeIn(tx, plan, nodeId);
    const parent = input.parentId === null ? null : await nodeIn(tx, plan, input.parentId);
    if (parent !== null) {
      // Walking up from the new parent must not meet the node itself.
      const byId = new Map((await tx.select({ id: sakipNodes.id, parentId: sakipNodes.parentId }).from(sakipNodes)
        .where(and(eq(sakipNodes.regionCode, regionCode), eq(sakipNodes.planId, plan.id)))).map((n) => [n.id, n.parentId]));
      const seen = new Set<string>();
      for (let at: string | null | undefined = parent.id; at && !seen.has(at); at = byId.get(at)) {
        if (at === node.id) throw new AppError('sakip.cycle', { nodeId: node.id, parentId: parent.id });
        seen.add(at);
      }
    }
    const kind = node.kind as NodeKind;
    ensureAllowedUnder(kind, parent);
    checkCode(kind, node.code, parent);
    const now = ctx.clock.now();
    const moved = node.parentId !== (parent?.id ?? null);
    await withoutNewProblems(tx, plan, async () => {
      if (moved) await tx.update(sakipNodes).set({ parentId: parent?.id ?? null, updatedAt: now }).where(and(eq(sakipNodes.regionCode, regionCode), eq(sakipNodes.id, node.id)));
      await place(tx, plan, parent?.id ?? null, node.id, input.position);
      if (moved) await place(tx, plan, node.parentId, null, null);
    });
    const [after] = await tx.select({ position: sakipNodes.position }).from(sakipNodes).where(and(eq(sakipNodes.regionCode, regionCode), eq(sakipNodes.id, node.id)));
    const change = changedFields({ parentId: node.parentId, position: node.position }, { parentId: parent?.id ?? null, position: after.position });
    if (Object.keys(change.after ?? {}).length === 0) return;
    await touch(tx, plan, now);
    await audit(tx, now, actor, regionCode, 'sakip.node_move', 'sakip_node', node.id, { planId: plan.id }, change);
  });
}

/** Only an empty node goes: no nodes or indicators under it, and no node of another plan cascading from it. */
export async function removeNode(ctx: AppContext, regionCode: string, actor: Actor, planId: string, nodeId: string): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const plan = await draftFor(tx, regionCode, actor, planId);
    const node = await nodeIn(tx, plan, nodeId);
    const [child] = await tx.select({ id: sakipNodes.id }).from(sakipNodes).where(siblingsWhere(plan, node.id)).limit(1);
    const [indicator] = await tx.select({ id: sakipIndicators.id }).from(sakipIndicators)
      .where(and(eq(sakipIndicators.regionCode, regionCode), eq(sakipIndicators.nodeId, node.id))).limit(1);
    const [supporter] = await tx.select({ id: sakipNodes.id }).from(sakipNodes).where(and(eq(sakipNodes.regionCode, regionCode), eq(sakipNodes.supportsNodeId, node.id))).limit(1);
    // A budget entered on it is history too: it stops the removal like an indicator.
    const [budget] = await tx.select({ period: sakipBudgets.period }).from(sakipBudgets).where(and(eq(sakipBudgets.regionCode, regionCode), eq(sakipBudgets.nodeId, node.id))).limit(1);
    if (child || indicator || supporter || budget) throw new AppError('sakip.node_not_empty', { children: !!child, indicators: !!indicator, supportedBy: supporter?.id ?? null, budget: !!budget });
    const now = ctx.clock.now();
    await withoutNewProblems(tx, plan, async () => {
      await tx.delete(sakipNodes).where(and(eq(sakipNodes.regionCode, regionCode), eq(sakipNodes.id, node.id)));
      await place(tx, plan, node.parentId, null, null);
    });
    await touch(tx, plan, now);
    await audit(tx, now, actor, regionCode, 'sakip.node_remove', 'sakip_node', node.id, { planId: plan.id }, { before: nodeFields(node), after: null });
  });
}

export async function touch(tx: Queryable, plan: PlanRow, now: Date): Promise<void> {
  await tx.update(sakipPlans).set({ updatedAt: now }).where(and(eq(sakipPlans.regionCode, plan.regionCode), eq(sakipPlans.id, plan.id)));
}

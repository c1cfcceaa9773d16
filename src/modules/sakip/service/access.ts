// Who may change what, beyond the route's permission: a unit planner changes
// only their own unit's Renstra and reports only their unit's indicators; the
// SAKIP coordinator (region-wide) changes and reports everything in the region.
import { AppError } from '../../../platform/errors.js';
import { rolesWith, unitsReached, type Actor, type Permission } from '../../../platform/auth/policy.js';

/** The plan's owner: its unit for a Renstra, null for the region's RPJMD. */
export function ensureMayEditPlan(actor: Actor, plan: { regionCode: string; unitId: string | null }): void {
  ensureUnitReached(actor, plan.regionCode, plan.unitId, 'sakip.plan');
}

/** Region-wide holders of the permission reach every unit and the region's own records (unitId null); unit roles only their units. */
export function ensureUnitReached(actor: Actor, regionCode: string, unitId: string | null, permission: Permission): void {
  const reach = unitsReached(actor, regionCode, new Set(rolesWith(permission)));
  if (reach === null) return;
  if (unitId === null) throw new AppError('sakip.coordinator_only');
  if (!reach.has(unitId)) throw new AppError('sakip.not_your_unit');
}

/**
 * The units an indicator's realisation is reported by: the plan's unit
 * (Renstra), the node's lead unit (an RPJMD target) and the units sharing it.
 */
export const reportingUnits = (plan: { unitId: string | null }, node: { unitId: string | null }, indicator: { sharedUnitIds: readonly string[] }): string[] =>
  [...new Set([plan.unitId, node.unitId, ...indicator.sharedUnitIds].filter((u): u is string => u !== null))];

/** Only the indicator's units (reportingUnits) and the region-wide coordinator report its realisation, or submit a unit's report. */
export function ensureMayReport(actor: Actor, regionCode: string, units: readonly (string | null)[]): void {
  const reach = unitsReached(actor, regionCode, new Set(rolesWith('sakip.realise')));
  if (reach === null) return;
  if (!units.some((u) => u !== null && reach.has(u))) throw new AppError('sakip.not_your_unit');
}

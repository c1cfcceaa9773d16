// Who may change what, beyond the route's permission: the region's service
// manager (layanan_manager) manages every unit's services and pledge; a unit's
// service manager (layanan_unit_manager) only their own unit's.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { rolesWith, unitsReached, type Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';

const managers = () => new Set(rolesWith('layanan.manage'));

/** Whether the actor manages the unit's services (the route already checked 'layanan.manage'). */
export function managesUnit(actor: Actor, regionCode: string, unitId: string): boolean {
  const reach = unitsReached(actor, regionCode, managers());
  return reach === null || reach.has(unitId);
}

export function ensureManagesUnit(actor: Actor, regionCode: string, unitId: string): void {
  if (!managesUnit(actor, regionCode, unitId)) throw new AppError('layanan.not_your_unit');
}

/** An active unit of the region, else unit.not_found (another region's unit id included). */
export async function unitIn(db: Queryable, regionCode: string, unitId: string) {
  const [unit] = await db.select({ id: units.id, code: units.code, name: units.name }).from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.id, unitId), eq(units.active, true)));
  if (!unit) throw new AppError('unit.not_found', { unitId });
  return unit;
}

export const actorLabel = (actor: Actor) => (actor.kind === 'user' ? (actor.email ?? actor.name) : actor.name);

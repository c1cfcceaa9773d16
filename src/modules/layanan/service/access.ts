// Who may change what, beyond the route's permission: the region's service
// manager (layanan_manager) manages every unit's services and pledge; a unit's
// service manager (layanan_unit_manager) only their own unit's; counter staff
// (layanan_counter) enter survey forms for their own unit's services only.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { rolesWith, unitsReached, type Actor, type Permission } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';

/** Whether the actor's roles holding `permission` (which the route already checked) reach the unit: region-wide, or that unit's own. */
export function reachesUnit(actor: Actor, regionCode: string, unitId: string, permission: Permission): boolean {
  const reach = unitsReached(actor, regionCode, new Set(rolesWith(permission)));
  return reach === null || reach.has(unitId);
}

export function ensureReachesUnit(actor: Actor, regionCode: string, unitId: string, permission: Permission): void {
  if (!reachesUnit(actor, regionCode, unitId, permission)) throw new AppError('layanan.not_your_unit');
}

/** Whether the actor manages the unit's services. */
export const managesUnit = (actor: Actor, regionCode: string, unitId: string) => reachesUnit(actor, regionCode, unitId, 'layanan.manage');

export const ensureManagesUnit = (actor: Actor, regionCode: string, unitId: string) => ensureReachesUnit(actor, regionCode, unitId, 'layanan.manage');

/** An active unit of the region, else unit.not_found (another region's unit id included). */
export async function unitIn(db: Queryable, regionCode: string, unitId: string) {
  const [unit] = await db.select({ id: units.id, code: units.code, name: units.name }).from(units)
    .where(and(eq(units.regionCode, regionCode), eq(units.id, unitId), eq(units.active, true)));
  if (!unit) throw new AppError('unit.not_found', { unitId });
  return unit;
}

export { actorLabel } from '../../../platform/auth/policy.js';

/** Who filed an application and follows it: a citizen's account, or the integration's API key. */
export interface Applicants { applicantUserId: string | null; applicantApiKeyId: string | null }

export const isApplicant = (actor: Actor, app: Applicants) =>
  (actor.userId !== null && app.applicantUserId === actor.userId) || (actor.apiKeyId !== null && app.applicantApiKeyId === actor.apiKeyId);

// Who may do what, as short declarative rules. Grants are per region (and per
// unit for unit roles); a platform admin may do everything everywhere.

export const roles = [
  'officer',
  'unit_head',
  'coordinator',
  'counter_staff',
  'head_of_region',
  'region_admin',
  // SPBE evaluation (modules/spbe).
  'spbe_coordinator',
  'internal_assessor',
  'external_assessor',
] as const;
export type Role = (typeof roles)[number];
/** Roles bound to one unit (OPD). */
export const unitRoles: ReadonlySet<Role> = new Set(['officer', 'unit_head']);

/** The roles that handle complaints; SPBE roles see none of them. */
const staff: Role[] = ['officer', 'unit_head', 'coordinator', 'counter_staff', 'head_of_region', 'region_admin'];
/** Roles only a platform admin may grant (an external assessor works across regions). */
export const platformGrantedRoles: ReadonlySet<Role> = new Set(['external_assessor']);

export const permissions = {
  'region.staff': staff,
  'complaint.list': staff,
  // Who may see the identity of an anonymous reporter.
  'complaint.read_private': ['coordinator', 'counter_staff', 'region_admin'],
  'complaint.file_for_citizen': ['counter_staff', 'coordinator', 'region_admin'],
  'complaint.triage': ['coordinator', 'region_admin'],
  'complaint.handle': ['officer', 'unit_head', 'coordinator'],
  'complaint.transfer': ['coordinator', 'region_admin'],
  'dashboard.read': ['head_of_region', 'coordinator', 'region_admin', 'unit_head'],
  'region.admin': ['region_admin'],
  'audit.read': ['region_admin'],
  // SPBE: unit roles fill their units' indicators, the coordinator runs the
  // cycle, the assessors validate and assess; all of them read.
  'spbe.read': ['spbe_coordinator', 'internal_assessor', 'external_assessor', 'head_of_region', 'region_admin', 'officer', 'unit_head'],
  'spbe.fill': ['officer', 'unit_head'],
  'spbe.manage': ['spbe_coordinator'],
  'spbe.validate': ['internal_assessor'],
  'spbe.assess': ['external_assessor'],
} satisfies Record<string, Role[]>;
export type Permission = keyof typeof permissions;

export interface Grant {
  regionCode: string;
  role: Role;
  unitId: string | null;
}

export interface Actor {
  kind: 'user' | 'api_key' | 'anonymous';
  userId: string | null;
  name: string;
  email: string | null;
  platformAdmin: boolean;
  grants: Grant[];
  /** The one region an API key belongs to. */
  apiKeyRegion: string | null;
}

export const anonymousActor: Actor = {
  kind: 'anonymous', userId: null, name: 'anonim', email: null, platformAdmin: false, grants: [], apiKeyRegion: null,
};

export function rolesIn(actor: Actor, regionCode: string): Role[] {
  return actor.grants.filter((g) => g.regionCode === regionCode).map((g) => g.role);
}

export function can(actor: Actor, permission: Permission, regionCode: string): boolean {
  if (actor.platformAdmin) return true;
  const allowed: readonly Role[] = permissions[permission];
  return actor.grants.some((g) => g.regionCode === regionCode && allowed.includes(g.role));
}

/** The units whose work this actor handles in a region; null means every unit. */
export function handledUnits(actor: Actor, regionCode: string): Set<string> | null {
  if (actor.platformAdmin) return null;
  // Only complaint-handling roles count: an SPBE role must not widen an officer's reach.
  const grants = actor.grants.filter((g) => g.regionCode === regionCode && staff.includes(g.role));
  if (grants.some((g) => !unitRoles.has(g.role))) return null;
  return new Set(grants.map((g) => g.unitId).filter((u): u is string => u !== null));
}

/** The actions this actor may take in a region, for the UI to show or hide. */
export function allowedActions(actor: Actor, regionCode: string): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((p) => can(actor, p, regionCode));
}

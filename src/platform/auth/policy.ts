// Who may do what, as short declarative rules. Grants are per region (and per
// unit for unit roles); a platform admin may do everything everywhere. The
// platform's own roles and permissions are here; each module adds its own
// through the module contract (the registry calls addRoles/addPermissions).
import type { RoleDeclaration } from '../modules/contract.js';
import type { Words } from '../errors.js';

/** Roles every region has, whatever modules it uses. */
const platformRoles = [
  // Staff of a unit (OPD): they work on their unit's records in every module.
  { name: 'officer', label: { id: 'Petugas', en: 'Officer' }, scope: 'unit', grantedBy: 'region_admin' },
  { name: 'unit_head', label: { id: 'Kepala unit', en: 'Unit head' }, scope: 'unit', grantedBy: 'region_admin' },
  { name: 'head_of_region', label: { id: 'Kepala daerah', en: 'Head of region' }, scope: 'region', grantedBy: 'region_admin' },
  { name: 'region_admin', label: { id: 'Admin daerah', en: 'Region admin' }, scope: 'region', grantedBy: 'region_admin' },
] as const satisfies readonly RoleDeclaration[];

const platformPermissions = {
  // Staff of the region: they may read its units.
  'region.staff': ['officer', 'unit_head', 'head_of_region', 'region_admin'],
  'region.admin': ['region_admin'],
  'audit.read': ['region_admin'],
} as const satisfies Record<string, readonly string[]>;

/** Roles and permissions modules add, declared to the type checker by augmentation (see modules/spbe/module.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleRoles {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModulePermissions {}

export type Role = (typeof platformRoles)[number]['name'] | (keyof ModuleRoles & string);
export type Permission = keyof typeof platformPermissions | (keyof ModulePermissions & string);

const roleTable = new Map<string, RoleDeclaration>(platformRoles.map((r) => [r.name, r]));
const permissionTable = new Map<string, Set<string>>(Object.entries(platformPermissions).map(([p, r]) => [p, new Set(r)]));

export function addRoles(declared: readonly RoleDeclaration[]): void {
  for (const r of declared) {
    if (roleTable.has(r.name) && roleTable.get(r.name) !== r) throw new Error(`Role ${r.name} is declared twice`);
    roleTable.set(r.name, r);
  }
}

/** Adds a module's permissions; a permission already known (the platform's region.staff) gains the roles listed. */
export function addPermissions(table: Record<string, readonly string[]>): void {
  for (const [permission, allowed] of Object.entries(table)) {
    for (const role of allowed) if (!roleTable.has(role)) throw new Error(`Permission ${permission} names unknown role ${role}`);
    const set = permissionTable.get(permission) ?? new Set<string>();
    for (const role of allowed) set.add(role);
    permissionTable.set(permission, set);
  }
}

/** Every role, platform's first, in the order declared. */
export const roleNames = (): Role[] => [...roleTable.keys()] as Role[];
export const permissionNames = (): Permission[] => [...permissionTable.keys()] as Permission[];
export const isRole = (name: string): name is Role => roleTable.has(name);
export const isPermission = (name: string): name is Permission => permissionTable.has(name);
/** Roles bound to one unit (OPD). */
export const isUnitRole = (role: string): boolean => roleTable.get(role)?.scope === 'unit';
/** Roles only a platform admin may grant (e.g. an external assessor, who works across regions). */
export const isPlatformGranted = (role: string): boolean => roleTable.get(role)?.grantedBy === 'platform_admin';
/** What people call a role, in both languages. */
export const roleLabel = (role: string): Words => roleTable.get(role)?.label ?? { id: role, en: role };
/** The roles a permission is given to. */
export const rolesWith = (permission: Permission): Role[] => [...(permissionTable.get(permission) ?? [])] as Role[];

export interface Grant {
  regionCode: string;
  role: Role;
  unitId: string | null;
}

export interface Actor {
  /** `system`: Pamong itself, acting in a sweep (see systemActor). */
  kind: 'user' | 'api_key' | 'anonymous' | 'system';
  userId: string | null;
  name: string;
  email: string | null;
  platformAdmin: boolean;
  grants: Grant[];
  /** The one region an API key belongs to. */
  apiKeyRegion: string | null;
  /** Which of the region's API keys it is: what an integration filed is its own. */
  apiKeyId: string | null;
}

export const anonymousActor: Actor = {
  kind: 'anonymous', userId: null, name: 'anonim', email: null, platformAdmin: false, grants: [], apiKeyRegion: null, apiKeyId: null,
};

/**
 * Pamong itself acting in one region, e.g. a module's sweep: named in the
 * audit trail and on what it writes (no person), and holding only the
 * region-wide roles it is given there, so it may do no more than a person
 * with those roles in that region.
 */
export function systemActor(name: string, regionCode: string, roles: readonly Role[]): Actor {
  return { kind: 'system', userId: null, name, email: null, platformAdmin: false, grants: roles.map((role) => ({ regionCode, role, unitId: null })), apiKeyRegion: null, apiKeyId: null };
}

/** How a person or a system is named on what it writes: a person by their email, a key or Pamong itself by its name. */
export const actorLabel = (actor: Pick<Actor, 'kind' | 'email' | 'name'>) => (actor.kind === 'user' ? (actor.email ?? actor.name) : actor.name);

export function rolesIn(actor: Actor, regionCode: string): Role[] {
  return actor.grants.filter((g) => g.regionCode === regionCode).map((g) => g.role);
}

export function can(actor: Actor, permission: Permission, regionCode: string): boolean {
  if (actor.platformAdmin) return true;
  const allowed = permissionTable.get(permission);
  if (!allowed) throw new Error(`Unknown permission ${permission}: is its module installed?`);
  return actor.grants.some((g) => g.regionCode === regionCode && allowed.has(g.role));
}

/**
 * The units whose records this actor handles in a region through the given
 * roles; null means every unit (a region-wide role among them, or a platform admin).
 */
export function unitsReached(actor: Actor, regionCode: string, through: ReadonlySet<string>): Set<string> | null {
  if (actor.platformAdmin) return null;
  const grants = actor.grants.filter((g) => g.regionCode === regionCode && through.has(g.role));
  if (grants.some((g) => !isUnitRole(g.role))) return null;
  return new Set(grants.map((g) => g.unitId).filter((u): u is string => u !== null));
}

/** The actions this actor may take in a region, for the UI to show or hide. */
export function allowedActions(actor: Actor, regionCode: string): Permission[] {
  return permissionNames().filter((p) => can(actor, p, regionCode));
}

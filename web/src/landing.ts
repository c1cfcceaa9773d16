// Where staff land after signing in: where their work is, not an empty inbox.
import type { Me } from './types.js';

type Role = Me['grants'][number]['role'];

export type Landing = 'inbox' | 'dashboard' | 'admin' | 'spbe';

/** What a unit officer has waiting, looked up only when their role leaves it open. */
export interface UnitWork {
  complaints: number;
  spbeTasks: number;
}

/** Most specific work first: triage, then a unit's work, SPBE, the dashboard, administration. */
const byRole: [Role, Landing | 'unit'][] = [
  ['coordinator', 'inbox'],
  ['counter_staff', 'inbox'],
  ['officer', 'unit'],
  ['unit_head', 'unit'],
  ['spbe_coordinator', 'spbe'],
  ['internal_assessor', 'spbe'],
  ['external_assessor', 'spbe'],
  ['head_of_region', 'dashboard'],
  ['region_admin', 'admin'],
];

/** The region to open: the first one the user holds a role in (any, for a platform admin). */
export function landingRegion(me: Me): string | null {
  const granted = me.regions.find((r) => me.grants.some((g) => g.regionCode === r.code));
  return (granted ?? (me.user?.platformAdmin ? me.regions[0] : undefined))?.code ?? null;
}

function placeFor(me: Me, region: string): Landing | 'unit' {
  if (me.user?.platformAdmin) return 'admin';
  const roles = new Set(me.grants.filter((g) => g.regionCode === region).map((g) => g.role));
  return byRole.find(([role]) => roles.has(role))?.[1] ?? 'inbox';
}

/** The region whose unit work must be looked up before choosing, if any. */
export function unitWorkRegion(me: Me): string | null {
  const region = landingRegion(me);
  return region && placeFor(me, region) === 'unit' ? region : null;
}

/**
 * The page for the user's role in their region. A unit officer (who may fill SPBE
 * indicators as well as handle complaints) goes to SPBE when no complaint waits
 * for their unit and SPBE tasks do; without `work` they go to the inbox.
 */
export function landingFor(me: Me, work?: UnitWork): string {
  const region = landingRegion(me);
  if (!region) return '/';
  const place = placeFor(me, region);
  if (place !== 'unit') return landingPath(region, place);
  return landingPath(region, work && work.complaints === 0 && work.spbeTasks > 0 ? 'spbe' : 'inbox');
}

export function landingPath(region: string, place: Landing): string {
  const base = `/staff/${region}`;
  return { inbox: base, dashboard: `${base}/dasbor`, admin: `${base}/admin`, spbe: `${base}/spbe` }[place];
}

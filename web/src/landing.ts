// Where staff land after signing in: where their work is, not an empty inbox.
import { modules } from './modules.js';
import type { Me } from './types.js';

type Role = Me['grants'][number]['role'];

/** What a unit officer has waiting, looked up only when their role leaves it open. */
export interface UnitWork {
  complaints: number;
  spbeTasks: number;
}

type Place = 'inbox' | 'unit' | 'dashboard' | 'admin' | ((region: string) => string);

/**
 * Most specific work first: triage, then a unit's work, then each module's
 * own roles (their `landing`, in registry order), the dashboard, administration.
 */
const byRole: [Role, Place][] = [
  ['coordinator', 'inbox'],
  ['counter_staff', 'inbox'],
  ['officer', 'unit'],
  ['unit_head', 'unit'],
  ...modules.flatMap((m) => (m.landing?.roles ?? []).map((role): [Role, Place] => [role as Role, (region: string) => m.landing!.href(region, role)])),
  ['head_of_region', 'dashboard'],
  ['region_admin', 'admin'],
];

/** The region to open: the first one the user holds a role in (any, for a platform admin). */
export function landingRegion(me: Me): string | null {
  const granted = me.regions.find((r) => me.grants.some((g) => g.regionCode === r.code));
  return (granted ?? (me.user?.platformAdmin ? me.regions[0] : undefined))?.code ?? null;
}

function placeFor(me: Me, region: string): Place {
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
  const base = `/staff/${region}`;
  const place = placeFor(me, region);
  if (typeof place === 'function') return place(region);
  if (place === 'unit') return work && work.complaints === 0 && work.spbeTasks > 0 ? `${base}/spbe` : base;
  return { inbox: base, dashboard: `${base}/dasbor`, admin: `${base}/admin` }[place];
}

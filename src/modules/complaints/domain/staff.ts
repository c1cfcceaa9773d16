// Who handles complaints, and which units' complaints they reach.
import { unitsReached, type Actor } from '../../../platform/auth/policy.js';

/** Everyone who handles complaints (the SPBE roles see none of them). */
export const staffRoles = ['officer', 'unit_head', 'coordinator', 'counter_staff', 'head_of_region', 'region_admin'] as const;
const staff: ReadonlySet<string> = new Set(staffRoles);

/**
 * The units whose complaints this actor handles in a region; null means every
 * unit. Only complaint-handling roles count: an SPBE role must not widen an
 * officer's reach.
 */
export const handledUnits = (actor: Actor, regionCode: string): Set<string> | null => unitsReached(actor, regionCode, staff);

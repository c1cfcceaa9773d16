// Units' digital adoption for a region's year: every module's adoption
// measures (platform/modules/tiles.ts), ranked by unit. The leader and their
// delegates see every unit; a unit head sees their own unit's row only, with
// its rank among all the region's units.
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../../platform/context.js';
import { unitsReached, type Actor } from '../../../platform/auth/policy.js';
import { units } from '../../../platform/schema.js';
import { readAdoption } from '../../../platform/modules/tiles.js';
import type { Region } from '../../../platform/regions/service.js';
import { rankAdoption } from '../domain/adoption.js';

/** The roles that see units' adoption, the unit roles among them for their own units only. */
const READERS = new Set(['head_of_region', 'pimpinan_delegate', 'unit_head']);

export async function unitsAdoption(ctx: AppContext, actor: Actor, region: Region, year: number) {
  const reached = unitsReached(actor, region.code, READERS);
  const period = { kind: 'year' as const, year, fromMonth: `${year}-01`, toMonth: `${year}-12` };
  const [read, active] = await Promise.all([
    readAdoption(ctx, region.code, period),
    ctx.database.db.select({ id: units.id, code: units.code, name: units.name }).from(units)
      .where(and(eq(units.regionCode, region.code), eq(units.active, true))).orderBy(asc(units.name)),
  ]);
  const rows = rankAdoption(active, read.map(({ adoption, units: counts }) => ({ ref: adoption.ref, units: counts })));
  return {
    year,
    own: reached !== null,
    measures: read.map(({ adoption }) => ({ ref: adoption.ref, title: adoption.measure.title, method: adoption.measure.method })),
    units: rows.filter((row) => reached === null || reached.has(row.unitId)),
    rankedUnits: rows.filter((row) => row.rank !== null).length,
  };
}

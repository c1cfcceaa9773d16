// The figures' snapshot (issue 15, "Speed"): the province's page cannot read
// ~20 tiles live in each of 27 kabupaten/kota, so this module keeps every
// enabled region's latest reading of every tile, and the last reading of
// each local month, read again by a sweep when older than the region's
// interval. A tile that fails is not written: its old row stays, with its
// old as-of, and the page says when that was.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import type { AppContext } from '../../../platform/context.js';
import { systemActor } from '../../../platform/auth/policy.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { readTiles } from '../../../platform/modules/tiles.js';
import { findRegion } from '../../../platform/regions/service.js';
import { pimpinanFigureMonths, pimpinanFigures, pimpinanRefreshes } from '../schema.js';

/** Regions claimed per sweep run: each is a whole leader's page of reads. */
const BATCH = 3;
/** How long a claimed region is held by the run that took it: taken again after this if that run died. */
const LEASE_MS = 10 * 60_000;
const MINUTE = 60_000;

// A sweep has no request to log through; a tile's failure is still worth a line.
const log = pino({ name: 'pimpinan.figures', level: 'warn' });

/** Reads every tile of the region as Pamong itself and keeps what it read, in one transaction. */
export async function refreshFigures(ctx: AppContext, regionCode: string): Promise<void> {
  const region = await findRegion(ctx.database.db, regionCode);
  if (!region) return;
  const actor = systemActor('Pamong', region.code, ['head_of_region']);
  const read = (await readTiles(ctx, log, actor, region.code, { everyTile: true })).filter((t) => !t.failed);
  const now = ctx.clock.now();
  const month = localDateOf(now, region).slice(0, 7);
  const nextAt = new Date(now.getTime() + region.settings.pimpinan.figuresMinutes * MINUTE);
  const value = (v: number | null) => (v === null ? null : String(v));
  await ctx.database.db.transaction(async (tx) => {
    if (read.length) {
      const f = pimpinanFigures;
      await tx.insert(f)
        .values(read.map((t) => ({ regionCode: region.code, module: t.module, key: t.key, value: value(t.value), unit: t.unit, tone: t.tone, asOf: t.asOf, takenAt: now })))
        .onConflictDoUpdate({ target: [f.regionCode, f.module, f.key], set: { value: sql`excluded.value`, unit: sql`excluded.unit`, tone: sql`excluded.tone`, asOf: sql`excluded.as_of`, takenAt: sql`excluded.taken_at` } });
      const m = pimpinanFigureMonths;
      await tx.insert(m)
        .values(read.map((t) => ({ regionCode: region.code, module: t.module, key: t.key, month, value: value(t.value), takenAt: now })))
        .onConflictDoUpdate({ target: [m.regionCode, m.module, m.key, m.month], set: { value: sql`excluded.value`, takenAt: sql`excluded.taken_at` } });
    }
    await tx.insert(pimpinanRefreshes).values({ regionCode: region.code, nextAt, lastRunAt: now })
      .onConflictDoUpdate({ target: pimpinanRefreshes.regionCode, set: { nextAt, lastRunAt: now } });
  });
}

/**
 * The sweep: enrols enabled regions that have no row yet (due at once), then
 * claims up to BATCH due regions by pushing their next_at forward (a lease,
 * under SKIP LOCKED, in one statement that commits before the work, so two
 * workers never read the same region at once), and refreshes each.
 */
export async function sweepFigures(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  await ctx.database.db.execute(sql`insert into pimpinan_refreshes (region_code, next_at) select code, ${now}::timestamptz from regions on conflict do nothing`);
  const claimed = await ctx.database.rows<{ region_code: string }>(
    sql`update pimpinan_refreshes set next_at = ${new Date(now.getTime() + LEASE_MS)}
        where region_code in (select region_code from pimpinan_refreshes where next_at <= ${now} order by next_at limit ${BATCH} for update skip locked)
        returning region_code`,
  );
  for (const { region_code } of claimed) await refreshFigures(ctx, region_code);
  return claimed.length;
}

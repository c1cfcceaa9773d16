// The figures' snapshot (issue 15, "Speed"): a page of ~20 tiles read live
// costs the sum of their reads (one after another on the embedded
// database), and the province's page would need that for each of 27
// kabupaten/kota; so this module keeps every enabled region's latest reading
// of every tile, with the last reading of each local month, read again by a
// sweep when older than the region's interval. Both pages draw from it. A
// tile that fails is not written: its old row stays, with its old as-of, and
// the page says when that was.
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import type { AppContext } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/client.js';
import { systemActor } from '../../../platform/auth/policy.js';
import { localDateOf } from '../../../platform/calendar/calendar.js';
import { listTiles, readTile, readTiles, tileHead, tileRef, type ReadTile } from '../../../platform/modules/tiles.js';
import { findRegion, type Region } from '../../../platform/regions/service.js';
import { pimpinanFigureMonths, pimpinanFigures, pimpinanRefreshes } from '../schema.js';

/** Regions claimed per sweep run: each is a whole leader's page of reads. */
const BATCH = 3;
/** How long a claimed region is held by the run that took it: taken again after this if that run died. */
const LEASE_MS = 10 * 60_000;
const MINUTE = 60_000;

// A sweep has no request to log through; a tile's failure is still worth a line.
const sweepLog = pino({ name: 'pimpinan.figures', level: 'warn' });

/** Keeps what was read (failures left out: their old rows stay) as the region's latest readings and its month's last. */
async function keepReadings(tx: Tx, region: Region, read: ReadTile[], now: Date): Promise<void> {
  const kept = read.filter((t) => !t.failed);
  if (!kept.length) return;
  const month = localDateOf(now, region).slice(0, 7);
  const value = (v: number | null) => (v === null ? null : String(v));
  const f = pimpinanFigures;
  await tx.insert(f)
    .values(kept.map((t) => ({ regionCode: region.code, module: t.module, key: t.key, value: value(t.value), unit: t.unit, tone: t.tone, link: t.link, items: t.items, asOf: t.asOf, takenAt: now })))
    .onConflictDoUpdate({ target: [f.regionCode, f.module, f.key], set: { value: sql`excluded.value`, unit: sql`excluded.unit`, tone: sql`excluded.tone`, link: sql`excluded.link`, items: sql`excluded.items`, asOf: sql`excluded.as_of`, takenAt: sql`excluded.taken_at` } });
  const m = pimpinanFigureMonths;
  await tx.insert(m)
    .values(kept.map((t) => ({ regionCode: region.code, module: t.module, key: t.key, month, value: value(t.value), takenAt: now })))
    .onConflictDoUpdate({ target: [m.regionCode, m.module, m.key, m.month], set: { value: sql`excluded.value`, takenAt: sql`excluded.taken_at` } });
}

/** Reads every tile of the region as Pamong itself and keeps what it read, in one transaction. */
export async function refreshFigures(ctx: AppContext, regionCode: string): Promise<void> {
  const region = await findRegion(ctx.database.db, regionCode);
  if (!region) return;
  const actor = systemActor('Pamong', region.code, ['head_of_region']);
  const read = await readTiles(ctx, sweepLog, actor, region.code, { everyTile: true });
  const now = ctx.clock.now();
  const nextAt = new Date(now.getTime() + region.settings.pimpinan.figuresMinutes * MINUTE);
  await ctx.database.db.transaction(async (tx) => {
    await keepReadings(tx, region, read, now);
    await tx.insert(pimpinanRefreshes).values({ regionCode: region.code, nextAt, lastRunAt: now })
      .onConflictDoUpdate({ target: pimpinanRefreshes.regionCode, set: { nextAt, lastRunAt: now } });
  });
}

/**
 * The region's tiles as its leader's page shows them: each from its kept
 * reading while that is younger than the region's interval (the sweep keeps
 * them so), the others (never read, too old, or read before the page drew
 * from readings) read now and kept. `readAt` is the oldest reading shown.
 */
export async function currentFigures(ctx: AppContext, log: FastifyBaseLogger, region: Region): Promise<{ tiles: ReadTile[]; readAt: Date }> {
  const now = ctx.clock.now();
  const since = now.getTime() - region.settings.pimpinan.figuresMinutes * MINUTE;
  const f = pimpinanFigures;
  const rows = await ctx.database.db.select().from(f).where(eq(f.regionCode, region.code));
  const kept = new Map(rows.map((r) => [`${r.module}.${r.key}`, r]));
  const named = listTiles();
  // A reading from after "now" (a clock set back, a copied database) is not trusted either.
  const usable = (r: typeof rows[number] | undefined) => r !== undefined && r.link !== null && r.takenAt.getTime() > since && r.takenAt.getTime() <= now.getTime();
  const stale = named.filter((t) => !usable(kept.get(tileRef(t))));
  const fresh = await Promise.all(stale.map((t) => readTile(ctx, log, t, region.code)));
  if (fresh.some((t) => !t.failed)) await ctx.database.db.transaction((tx) => keepReadings(tx, region, fresh, now));
  const readNow = new Map(fresh.map((t) => [`${t.module}.${t.key}`, t]));
  let readAt = now;
  const tiles = named.map((t): ReadTile => {
    const ref = tileRef(t);
    const live = readNow.get(ref);
    if (live) return live;
    const r = kept.get(ref)!;
    if (r.takenAt < readAt) readAt = r.takenAt;
    return {
      ...tileHead(t),
      value: r.value === null ? null : Number(r.value), unit: r.unit ?? null, tone: r.tone as ReadTile['tone'], asOf: r.asOf, link: r.link!, items: r.items ?? [], failed: false,
    };
  });
  return { tiles, readAt };
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

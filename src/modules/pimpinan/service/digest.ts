// The weekly digest by email: the head of region, their delegates and unit
// heads each get, on their day (Monday unless they chose another, or never),
// the week's figures and what waits on them, read as that person, so a digest
// shows nothing the reader could not open in Pamong. Queued through the
// outbox in the transaction that records it as sent for the local date, so a
// second run or a second worker sends nothing twice.
import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import type { AppContext } from '../../../platform/context.js';
import { can, type Actor } from '../../../platform/auth/policy.js';
import { loadActor } from '../../../platform/auth/service.js';
import { enqueueEmail } from '../../../platform/notify/outbox.js';
import { readAttention, readTiles } from '../../../platform/modules/tiles.js';
import { findRegionCached, type Region } from '../../../platform/regions/service.js';
import { utcOffsetMinutes, type TimeZone } from '../../../platform/regions/areas.js';
import { users } from '../../../platform/schema.js';
import type { Locale } from '../../../platform/i18n.js';
import { ATTENTION_LINES, digestDay, localClock, renderDigest, SEND_FROM_HOUR, UNIT_LINES, type Digest } from '../domain/digest.js';
import { pimpinanDigestPreferences, pimpinanDigests } from '../schema.js';
import { unitsAdoption } from './adoption.js';

/** Who gets a digest: the leader's page readers and unit heads (their own unit). */
export const DIGEST_ROLES = ['head_of_region', 'pimpinan_delegate', 'unit_head'];
/** People composed per sweep run: each is a whole page of reads. */
const BATCH = 20;

const log = pino({ name: 'pimpinan.digest', level: 'warn' });

/** The digest for one person in one region, read as them. */
export async function composeDigest(ctx: AppContext, actor: Actor, region: Region, localDate: string): Promise<Digest> {
  const leader = can(actor, 'pimpinan.read', region.code);
  const year = Number(localDate.slice(0, 4));
  const [tiles, attention, adoption] = await Promise.all([
    // The leader's page grants every tile to its readers; anyone else sees what their permissions show.
    readTiles(ctx, log, actor, region.code, { everyTile: leader }),
    readAttention(ctx, actor, region.code, log),
    unitsAdoption(ctx, actor, region, year),
  ]);
  const url = (path: string) => `${ctx.config.publicUrl}${path}`;
  const ranked = adoption.units.filter((u) => u.score !== null);
  return {
    regionName: region.name, utcOffsetMinutes: region.utcOffsetMinutes, timezoneLabel: region.timezoneLabel, localDate, leader,
    figures: tiles.map((t) => ({ group: t.moduleTitle, title: t.title, value: t.value, unit: t.unit, tone: t.tone, asOf: t.asOf, link: url(t.link || `/staff/${region.code}`), failed: t.failed })),
    attentionUnread: attention.failed.map((f) => f.sourceTitle),
    attention: attention.items.slice(0, ATTENTION_LINES).map((a) => ({ group: a.sourceTitle, title: a.title, detail: a.detail, due: a.due, link: url(a.link) })),
    attentionTotal: attention.items.length,
    year,
    // The leader: the units that need help most (lowest first); a unit head: their own unit, with its rank among all.
    units: (leader ? ranked.slice(0, UNIT_LINES) : adoption.units).map((u) => ({ name: u.name, score: u.score, rank: u.rank })),
    unitsRanked: adoption.rankedUnits,
    pageUrl: url(leader ? `/staff/${region.code}/pimpinan` : `/staff/${region.code}/pimpinan/adopsi`),
    settingsUrl: url(`/staff/${region.code}/pimpinan/ringkasan`),
  };
}

/** Composes and queues one person's digest for the local date, unless it already went. */
async function sendDigest(ctx: AppContext, region: Region, userId: string, localDate: string): Promise<boolean> {
  const [person] = await ctx.database.db.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  const actor = await loadActor(ctx.database.db, userId);
  if (!person || !actor) return false;
  const email = renderDigest(await composeDigest(ctx, actor, region, localDate), person.locale === 'en' ? 'en' : 'id' satisfies Locale);
  return ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [fresh] = await tx.insert(pimpinanDigests).values({ regionCode: region.code, userId, localDate, sentAt: now }).onConflictDoNothing().returning();
    if (!fresh) return false;
    await enqueueEmail(tx, now, region.code, { to: person.email, ...email });
    return true;
  });
}

/**
 * The sweep: for each time zone whose morning has come (past SEND_FROM_HOUR;
 * regions share three zones, so a national instance asks three queries, not
 * one per region), the people whose day it is and who have no digest for the
 * local date yet, BATCH at a time.
 */
export async function sweepDigests(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const regions = await ctx.database.rows<{ code: string; timezone: TimeZone }>(sql`select r.code, a.timezone from regions r join areas a on a.code = r.code`);
  const zones = new Map<number, string[]>();
  for (const r of regions) zones.set(utcOffsetMinutes[r.timezone], [...(zones.get(utcOffsetMinutes[r.timezone]) ?? []), r.code]);
  let sent = 0;
  for (const [offset, codes] of zones) {
    const local = localClock(now, offset);
    if (local.hour < SEND_FROM_HOUR || sent >= BATCH) continue;
    const due = await ctx.database.rows<{ region_code: string; user_id: string }>(sql`
      select distinct g.region_code, g.user_id from grants g
      left join ${pimpinanDigestPreferences} p on p.region_code = g.region_code and p.user_id = g.user_id
      where g.region_code in ${codes} and g.role in ${DIGEST_ROLES}
        and coalesce(p.day, case when p.user_id is null then ${digestDay(undefined)}::smallint end) = ${local.weekday}
        and not exists (select 1 from ${pimpinanDigests} d where d.region_code = g.region_code and d.user_id = g.user_id and d.local_date = ${local.date})
      order by g.region_code, g.user_id
      limit ${BATCH - sent}`);
    for (const { region_code, user_id } of due) {
      const region = await findRegionCached(ctx.database.db, region_code);
      if (region && await sendDigest(ctx, region, user_id, local.date)) sent++;
    }
  }
  return sent;
}

export interface DigestChoice { day: number | null; chosen: boolean; lastSentOn: string | null }

/** A person's digest day in a region (the default when they never chose) and the last local date one went. */
export async function readDigestChoice(ctx: AppContext, regionCode: string, userId: string): Promise<DigestChoice> {
  const db = ctx.database.db;
  const [[choice], [last]] = await Promise.all([
    db.select({ day: pimpinanDigestPreferences.day }).from(pimpinanDigestPreferences)
      .where(and(eq(pimpinanDigestPreferences.regionCode, regionCode), eq(pimpinanDigestPreferences.userId, userId))),
    db.select({ on: sql<string>`max(${pimpinanDigests.localDate})` }).from(pimpinanDigests)
      .where(and(eq(pimpinanDigests.regionCode, regionCode), eq(pimpinanDigests.userId, userId))),
  ]);
  return { day: digestDay(choice), chosen: choice !== undefined, lastSentOn: last?.on ?? null };
}

/** Sets a person's digest day (1 = Monday … 7 = Sunday) or switches it off (null). */
export async function chooseDigestDay(ctx: AppContext, regionCode: string, userId: string, day: number | null): Promise<DigestChoice> {
  await ctx.database.db.insert(pimpinanDigestPreferences).values({ regionCode, userId, day })
    .onConflictDoUpdate({ target: [pimpinanDigestPreferences.regionCode, pimpinanDigestPreferences.userId], set: { day } });
  return readDigestChoice(ctx, regionCode, userId);
}

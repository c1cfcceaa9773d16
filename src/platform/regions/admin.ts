// A region admin's use cases: units, staff and their grants, holidays, API keys, audit.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { isPlatformGranted, type Actor } from '../auth/policy.js';
import { AppError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { forgetRegionConfig } from '../cache.js';
import { offerRole } from '../auth/invitations.js';
import { apiKeys, grants, regionHolidays, units, users } from '../schema.js';
import { enableRegion, updateSettings, type Region } from './service.js';
import { changedSettings, type RegionSettings } from './settings.js';

/** A platform admin switches a region on, optionally inviting its first region admin. */
export async function switchOnRegion(ctx: AppContext, actor: Actor, code: string, firstAdmin?: { email: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const region = await enableRegion(tx, code);
    await audit(tx, ctx.clock.now(), actor, code, 'region.enable', 'region', code);
    if (firstAdmin) await offerRole(ctx, tx, actor, region, { email: firstAdmin.email, role: 'region_admin' });
    return region;
  });
}

export async function listUnits(ctx: AppContext, regionCode: string) {
  return ctx.database.db.select().from(units).where(eq(units.regionCode, regionCode)).orderBy(units.name);
}

export async function createUnit(ctx: AppContext, actor: Actor, regionCode: string, input: { code: string; name: string; email?: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.insert(units).values({ regionCode, code: input.code, name: input.name, email: input.email ?? null }).onConflictDoNothing().returning();
    if (!row) throw new AppError('unit.code_taken');
    await audit(tx, ctx.clock.now(), actor, regionCode, 'unit.create', 'unit', row.id, { code: input.code });
    return row;
  });
}

export async function listStaff(ctx: AppContext, regionCode: string) {
  return ctx.database.db
    .select({ userId: users.id, name: users.name, email: users.email, role: grants.role, unitId: grants.unitId, grantId: grants.id })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(eq(grants.regionCode, regionCode))
    .orderBy(users.name);
}

export async function revokeGrant(ctx: AppContext, actor: Actor, regionCode: string, grantId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.delete(grants).where(and(eq(grants.regionCode, regionCode), eq(grants.id, grantId))).returning();
    if (!row) throw new AppError('user.not_found');
    // What only a platform admin may grant, only a platform admin may take away.
    if (isPlatformGranted(row.role) && !actor.platformAdmin) throw new AppError('auth.forbidden', { role: row.role });
    await audit(tx, ctx.clock.now(), actor, regionCode, 'grant.revoke', 'user', row.userId, { role: row.role });
  });
}

export async function listHolidays(ctx: AppContext, regionCode: string) {
  return ctx.database.db.select().from(regionHolidays).where(eq(regionHolidays.regionCode, regionCode)).orderBy(regionHolidays.date);
}

export async function addHoliday(ctx: AppContext, actor: Actor, regionCode: string, input: { date: string; name: string; kind: 'cuti_bersama' | 'local' }) {
  await ctx.database.db.transaction(async (tx) => {
    await tx.insert(regionHolidays).values({ regionCode, ...input }).onConflictDoUpdate({
      target: [regionHolidays.regionCode, regionHolidays.date], set: { name: input.name, kind: input.kind },
    });
    await audit(tx, ctx.clock.now(), actor, regionCode, 'holiday.set', 'holiday', input.date, input);
  });
  forgetRegionConfig(); // intake caches the holidays
}

export async function removeHoliday(ctx: AppContext, actor: Actor, regionCode: string, date: string) {
  await ctx.database.db.transaction(async (tx) => {
    await tx.delete(regionHolidays).where(and(eq(regionHolidays.regionCode, regionCode), eq(regionHolidays.date, date)));
    await audit(tx, ctx.clock.now(), actor, regionCode, 'holiday.remove', 'holiday', date);
  });
  forgetRegionConfig();
}

export async function listApiKeys(ctx: AppContext, regionCode: string) {
  return ctx.database.db
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys).where(eq(apiKeys.regionCode, regionCode)).orderBy(apiKeys.createdAt);
}

export async function revokeApiKey(ctx: AppContext, actor: Actor, regionCode: string, id: string) {
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.update(apiKeys).set({ revokedAt: ctx.clock.now() }).where(and(eq(apiKeys.regionCode, regionCode), eq(apiKeys.id, id))).returning();
    if (!row) throw new AppError('request.invalid', { id: 'unknown key' });
    await audit(tx, ctx.clock.now(), actor, regionCode, 'api_key.revoke', 'api_key', id);
  });
}

/** Applies an admin's change: the modules it names get the settings sent, the others keep theirs. */
export async function saveSettings(ctx: AppContext, actor: Actor, region: Region, change: Partial<RegionSettings>) {
  await ctx.database.db.transaction(async (tx) => {
    const after = changedSettings(region.settings, change);
    await updateSettings(tx, region.code, after);
    // Per module, the keys the change names: what they were and what they are now.
    const named = Object.keys(change) as (keyof RegionSettings)[];
    const pick = (s: RegionSettings) => Object.fromEntries(named.map((m) => [m, Object.fromEntries(Object.keys(change[m] ?? {}).map((k) => [k, (s[m] as Record<string, unknown>)[k]]))]));
    await audit(tx, ctx.clock.now(), actor, region.code, 'region.settings', 'region', region.code, change as Record<string, unknown>, { before: pick(region.settings), after: pick(after) });
  });
}


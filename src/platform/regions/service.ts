// Regions switched on in this deployment, and the area lists citizens pick from.
import { eq, sql } from 'drizzle-orm';
import { areas, regions } from '../schema.js';
import type { Queryable } from '../db/client.js';
import { AppError } from '../errors.js';
import { forgetRegionConfig, regionCache } from '../cache.js';
import { levelOf, timezoneLabel, utcOffsetMinutes, type TimeZone } from './areas.js';
import { parseSettings, type RegionSettings } from './settings.js';

export interface Region {
  code: string;
  name: string;
  kind: string; // provinsi | kabupaten | kota
  parentCode: string | null;
  timezone: TimeZone;
  timezoneLabel: string;
  utcOffsetMinutes: number;
  settings: RegionSettings;
}

export async function findRegion(db: Queryable, code: string): Promise<Region | null> {
  const [row] = await db
    .select({ code: areas.code, name: areas.name, kind: areas.kind, parentCode: areas.parentCode, timezone: areas.timezone, settings: regions.settings })
    .from(regions)
    .innerJoin(areas, eq(areas.code, regions.code))
    .where(eq(regions.code, code));
  if (!row) return null;
  const tz = row.timezone as TimeZone;
  return { ...row, timezone: tz, timezoneLabel: timezoneLabel[tz], utcOffsetMinutes: utcOffsetMinutes[tz], settings: parseSettings(row.settings) };
}

// Every request resolves its region (see platform/cache.ts).
const regionsCached = regionCache(findRegion);

export function findRegionCached(db: Queryable, code: string): Promise<Region | null> {
  return regionsCached.get(db, code);
}

export async function getRegion(db: Queryable, code: string): Promise<Region> {
  const region = await findRegion(db, code);
  if (!region) throw new AppError('region.not_found');
  return region;
}

export async function enableRegion(db: Queryable, code: string, settings: Partial<RegionSettings> = {}): Promise<Region> {
  const level = levelOf(code);
  const [area] = await db.select().from(areas).where(eq(areas.code, code));
  if (!area || (level !== 'province' && level !== 'regency')) throw new AppError('region.not_found');
  const inserted = await db.insert(regions).values({ code, settings: parseSettings(settings) }).onConflictDoNothing().returning();
  forgetRegionConfig();
  if (inserted.length === 0) throw new AppError('region.already_enabled');
  return getRegion(db, code);
}

export async function listEnabledRegions(db: Queryable): Promise<{ code: string; name: string; kind: string; parentCode: string | null }[]> {
  return db
    .select({ code: areas.code, name: areas.name, kind: areas.kind, parentCode: areas.parentCode })
    .from(regions)
    .innerJoin(areas, eq(areas.code, regions.code))
    .orderBy(areas.code);
}

/** Enabled kabupaten/kota under a province. */
export async function childRegions(db: Queryable, provinceCode: string): Promise<string[]> {
  const rows = await db.select({ code: regions.code }).from(regions).innerJoin(areas, eq(areas.code, regions.code)).where(eq(areas.parentCode, provinceCode));
  return rows.map((r) => r.code);
}

export async function listAreas(db: Queryable, parentCode: string) {
  return db.select({ code: areas.code, name: areas.name, kind: areas.kind }).from(areas).where(eq(areas.parentCode, parentCode)).orderBy(areas.name);
}

/**
 * Whether a district and village lie inside the region (a regency, or a
 * province for its own complaints) and the village in the district, given the
 * areas found for their codes.
 */
export function locationFits(regionCode: string, districtCode: string | null, villageCode: string | null, found: { code: string; level: string }[]): boolean {
  const codes = [districtCode, villageCode].filter((c): c is string => !!c);
  return (
    found.length === codes.length &&
    (!districtCode || (found.some((f) => f.code === districtCode && f.level === 'district') && districtCode.startsWith(regionCode + '.'))) &&
    (!villageCode || (found.some((f) => f.code === villageCode && f.level === 'village') && villageCode.startsWith((districtCode ?? regionCode) + '.')))
  );
}

export async function updateSettings(db: Queryable, code: string, settings: RegionSettings): Promise<void> {
  await db.update(regions).set({ settings: sql`${JSON.stringify(parseSettings(settings))}::jsonb` }).where(eq(regions.code, code));
  forgetRegionConfig();
}

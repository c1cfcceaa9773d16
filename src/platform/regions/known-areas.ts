// The area registry does not change while Pamong runs (it is loaded once, on
// the first start), so an area read once is kept for the life of the process:
// at most the registry itself, about 90 thousand small entries.
import { inArray } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { areas } from '../schema.js';

export interface KnownArea { level: string; name: string }

const known = new WeakMap<object, Map<string, KnownArea>>();

/** The areas among `codes` that exist, by code. */
export async function areasByCode(db: Queryable, codes: string[]): Promise<Map<string, KnownArea>> {
  let cache = known.get(db);
  if (!cache) known.set(db, (cache = new Map()));
  const missing = codes.filter((c) => !cache.has(c));
  if (missing.length > 0) {
    for (const a of await db.select({ code: areas.code, level: areas.level, name: areas.name }).from(areas).where(inArray(areas.code, missing))) {
      cache.set(a.code, { level: a.level, name: a.name });
    }
  }
  return new Map(codes.filter((c) => cache.has(c)).map((c) => [c, cache.get(c)!]));
}

// Region configuration is read on almost every request and changes rarely
// (regions, categories, deadline rules, holidays). Each process keeps what it
// read for a few seconds, and forgets all of it at once when it changes any
// (changes are rare); other instances catch up within the TTL.
import type { Queryable } from './db/client.js';

export const REGION_CONFIG_TTL_MS = 10_000;

interface Entry<T> { value: Promise<T>; at: number }

const caches: { forget(): void }[] = [];

/**
 * A per-process cache of something loaded per region. Keyed by database
 * handle as well, so several databases in one process (tests) never mix.
 */
export function regionCache<T>(load: (db: Queryable, code: string) => Promise<T>, ttlMs = REGION_CONFIG_TTL_MS) {
  let byDb = new WeakMap<object, Map<string, Entry<T>>>();
  const cache = {
    get(db: Queryable, code: string): Promise<T> {
      let entries = byDb.get(db);
      if (!entries) byDb.set(db, (entries = new Map()));
      const hit = entries.get(code);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      // Concurrent requests share one load; a failed load is not kept.
      const value = load(db, code);
      const entry = { value, at: Date.now() };
      entries.set(code, entry);
      value.catch(() => entries.get(code) === entry && entries.delete(code));
      return value;
    },
    forget() {
      byDb = new WeakMap();
    },
  };
  caches.push(cache);
  return cache;
}

/** After changing a region's configuration: every cache starts over. */
export function forgetRegionConfig(): void {
  for (const c of caches) c.forget();
}

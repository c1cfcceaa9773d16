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
    /**
     * The cached value, loaded when missing or older than the TTL, and loaded
     * anew when `stillGood` says it lacks something (e.g. a unit another
     * instance has just created).
     */
    async get(db: Queryable, code: string, stillGood?: (value: T) => boolean): Promise<T> {
      let entries = byDb.get(db);
      if (!entries) byDb.set(db, (entries = new Map()));
      const hit = entries.get(code);
      if (hit && Date.now() - hit.at < ttlMs) {
        const value = await hit.value;
        if (!stillGood || stillGood(value)) return value;
      }
      // Missing, expired or lacking: load it, unless a concurrent request already is.
      const current = entries.get(code);
      if (current && current !== hit) return current.value;
      const fresh: Entry<T> = { value: load(db, code), at: Date.now() };
      entries.set(code, fresh);
      // A failed load is not kept.
      fresh.value.catch(() => entries.get(code) === fresh && entries.delete(code));
      return fresh.value;
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

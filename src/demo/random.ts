// A seeded pseudo-random generator for the demo data: the same seed gives the
// same demo on every machine (mulberry32, small and good enough for this).

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the items, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Exponentially distributed with the given mean. */
  exp(mean: number): number;
  /** Poisson distributed with the given mean (small means only). */
  poisson(mean: number): number;
  /** A version 4 UUID made of generated bits. */
  uuid(): string;
}

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const hex = (n: number) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  return {
    next, int,
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)],
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) if ((r -= w) < 0) return item;
      return items[items.length - 1][0];
    },
    exp: (mean) => -Math.log(1 - next()) * mean,
    poisson: (mean) => {
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`,
  };
}

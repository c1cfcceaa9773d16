// Ranking kabupaten/kota on one figure, for the province's page: the best
// first by the tile's own sense of better, equal figures sharing a rank
// (1, 1, 3), and a region without a figure unranked rather than last.

export type Better = 'higher' | 'lower';

/** Each value's rank, in the order given; null where the value is null. */
export function ranks(values: (number | null)[], better: Better): (number | null)[] {
  const known = values.filter((v): v is number => v !== null);
  const ahead = (v: number) => known.filter((o) => (better === 'higher' ? o > v : o < v)).length;
  return values.map((v) => (v === null ? null : ahead(v) + 1));
}

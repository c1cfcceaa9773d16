// Units' digital adoption, ranked: each unit's share of its work done in
// Pamong per measure, and its score, the plain mean of those shares (every
// kind of work weighs the same; a measure a unit has no work for is left out
// of its mean, not counted as zero). Lowest score first: the units that need
// help lead the list.
export interface UnitCounts { unitId: string; done: number; total: number }
export interface UnitShare { done: number; total: number; percent: number }
export interface AdoptionRow {
  unitId: string;
  code: string;
  name: string;
  /** By measure ref ("module.key"); absent where the unit had no such work. */
  measures: Record<string, UnitShare>;
  /** Mean of its measures' percentages, one decimal; null when it had no work measured. */
  score: number | null;
  /** 1 for the highest score; units without a score have none. */
  rank: number | null;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

export function rankAdoption(units: { id: string; code: string; name: string }[], measures: { ref: string; units: UnitCounts[] }[]): AdoptionRow[] {
  const rows = units.map((u): AdoptionRow => {
    const shares: Record<string, UnitShare> = {};
    for (const m of measures) {
      const c = m.units.find((x) => x.unitId === u.id);
      if (c && c.total > 0) shares[m.ref] = { done: c.done, total: c.total, percent: oneDecimal((c.done / c.total) * 100) };
    }
    const percents = Object.values(shares).map((s) => (s.done / s.total) * 100);
    return { unitId: u.id, code: u.code, name: u.name, measures: shares, score: percents.length ? oneDecimal(percents.reduce((a, b) => a + b, 0) / percents.length) : null, rank: null };
  });
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || a.name.localeCompare(b.name));
  // Equal scores share a rank (1, 2, 2, 4).
  scored.forEach((r, i) => { r.rank = i > 0 && scored[i - 1].score === r.score ? scored[i - 1].rank : i + 1; });
  return [...scored.reverse(), ...rows.filter((r) => r.score === null).sort((a, b) => a.name.localeCompare(b.name))];
}

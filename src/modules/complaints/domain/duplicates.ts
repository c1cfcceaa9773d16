// Likely duplicates: same category, recent, nearby or same village, similar words.

export interface Candidate {
  id: string;
  description: string;
  villageCode: string | null;
  lat: number | null;
  lng: number | null;
}
export interface Probe {
  description: string;
  villageCode: string | null;
  lat: number | null;
  lng: number | null;
}

// Common Indonesian words that say nothing about the problem itself.
const STOP = new Set('yang dan di ke dari ini itu ada tidak sudah belum untuk dengan pada karena sangat juga akan bisa mohon tolong pak bu sekali banyak kami saya kita jalan'.split(' '));

export function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9\s]/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Great-circle distance in metres. */
export function distanceMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

export const NEARBY_METRES = 500;

/** Scores candidates (already filtered to the same category and recent) and keeps the likely ones. */
export function rankDuplicates(probe: Probe, candidates: Candidate[], limit = 5): { id: string; score: number }[] {
  const probeWords = words(probe.description);
  return candidates
    .map((c) => {
      const near =
        probe.lat !== null && probe.lng !== null && c.lat !== null && c.lng !== null
          ? distanceMetres(probe.lat, probe.lng, c.lat, c.lng) <= NEARBY_METRES
          : false;
      const sameVillage = probe.villageCode !== null && probe.villageCode === c.villageCode;
      const text = similarity(probeWords, words(c.description));
      const score = (near || sameVillage ? 0.5 : 0) + text;
      return { id: c.id, score, place: near || sameVillage, text };
    })
    // Same place with some shared words, or very similar text anywhere in the region.
    .filter((c) => (c.place && c.text >= 0.1) || c.text >= 0.5)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ id, score }) => ({ id, score: Math.round(score * 100) / 100 }));
}

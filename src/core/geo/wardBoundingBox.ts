import { bbox } from '@turf/bbox';
import type { PolygonRings, WardBoundary } from '../types';

/** An axis-aligned box in BNG metres (closed: its edges belong to it). */
export interface BoundingBox {
  readonly minEasting: number;
  readonly minNorthing: number;
  readonly maxEasting: number;
  readonly maxNorthing: number;
}

/**
 * The smallest box holding every vertex of every ring of a ward. Throws for a ward with no
 * vertices, which the importers never produce (a broken invariant, not an analyst's problem).
 * @example wardBoundingBox({ wardCode: 'E05000001', wardName: 'A', polygons: [[[[0, 0], [10, 0], [10, 5], [0, 0]]]] })
 * // => { minEasting: 0, minNorthing: 0, maxEasting: 10, maxNorthing: 5 }
 */
export function wardBoundingBox(boundary: WardBoundary): BoundingBox {
  const box = polygonsBoundingBox(boundary.polygons);
  if (box === null)
    throw new Error(
      `Ward ${boundary.wardCode} has no vertices; importers drop such wards, so this boundary was built elsewhere.`,
    );
  return box;
}

/**
 * The smallest box holding every vertex of some polygons (or of one ring, as `[[ring]]`), or null
 * when they have no vertices. Turf's bbox walks the coordinates; on the real West Midlands wards it
 * gives the same boxes, bit for bit, as the loop written here before, in about the same time
 * (192 wards: 20 µs against 26 µs; 86 finer Birmingham and Solihull wards: 69 µs against 53 µs).
 * @example polygonsBoundingBox([[[[0, 0], [10, 0], [10, 5], [0, 0]]]]) // => { minEasting: 0, minNorthing: 0, maxEasting: 10, maxNorthing: 5 }
 * @example polygonsBoundingBox([]) // => null
 */
export function polygonsBoundingBox(polygons: readonly PolygonRings[]): BoundingBox | null {
  // Turf reads the coordinates and keeps nothing, so the readonly arrays are passed as they are.
  const geometry = { type: 'MultiPolygon', coordinates: polygons } as unknown as Parameters<typeof bbox>[0];
  const [minEasting, minNorthing, maxEasting, maxNorthing] = bbox(geometry);
  return minEasting <= maxEasting && minNorthing <= maxNorthing
    ? { minEasting, minNorthing, maxEasting, maxNorthing }
    : null;
}

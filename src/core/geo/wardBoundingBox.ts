import type { WardBoundary } from '../types';

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
  let minEasting = Infinity;
  let minNorthing = Infinity;
  let maxEasting = -Infinity;
  let maxNorthing = -Infinity;
  for (const polygon of boundary.polygons) {
    for (const ring of polygon) {
      for (const [easting, northing] of ring) {
        if (easting < minEasting) minEasting = easting;
        if (northing < minNorthing) minNorthing = northing;
        if (easting > maxEasting) maxEasting = easting;
        if (northing > maxNorthing) maxNorthing = northing;
      }
    }
  }
  if (minEasting > maxEasting)
    throw new Error(
      `Ward ${boundary.wardCode} has no vertices; importers drop such wards, so this boundary was built elsewhere.`,
    );
  return { minEasting, minNorthing, maxEasting, maxNorthing };
}

import type { GridPoint } from '../types';

/**
 * Straight-line distance in metres between two British National Grid points (planar Euclidean).
 * Over a county, BNG's scale error is under 0.04% (scale factor 0.9996 to 1.0004), far below
 * the uncertainty of a distance-decay model.
 *
 * @example gridDistance({ easting: 0, northing: 0 }, { easting: 3000, northing: 4000 }) // => 5000
 */
export function gridDistance(from: GridPoint, to: GridPoint): number {
  return Math.hypot(to.easting - from.easting, to.northing - from.northing);
}

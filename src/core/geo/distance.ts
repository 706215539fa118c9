import type { GridPoint } from '../types';

/**
 * Straight-line distance between two BNG points in grid metres: √(ΔE² + ΔN²). Grid distance
 * differs from distance on the ground by the projection's scale factor, 0.9996 on the central
 * meridian (2°W) to about 1.0004 at the edges of Great Britain (OS, "A guide to coordinate systems
 * in Great Britain", section 7), so by at most 0.04%: 4 m in 10 km, far below what a catchment
 * model can resolve.
 * @example gridDistanceMetres({ easting: 400000, northing: 300000 }, { easting: 403000, northing: 304000 }) // => 5000 (a 3-4-5 triangle)
 */
export function gridDistanceMetres(a: GridPoint, b: GridPoint): number {
  return Math.hypot(b.easting - a.easting, b.northing - a.northing);
}

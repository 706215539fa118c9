import type { GridPoint, WardBoundary } from '../types';
import { pointInWard } from './pointInWard';

/**
 * The ward containing a point, by testing every ward in turn with the exact even-odd test
 * (pointInWard) and no bounding boxes: the deliberately naive baseline for the benchmark, and a
 * second method for tests. It applies the same boundary rule as buildWardIndex (the lowest ward
 * code among the wards containing the point, edges included), so it must test every ward.
 * Cost O(total vertices) per point.
 * @example locateWardNaive([A, B], { easting: 10, northing: 5 }) // => 'E05000002', as locateWard (squares of buildWardIndex's example)
 */
export function locateWardNaive(boundaries: readonly WardBoundary[], point: GridPoint): string | null {
  let lowest: string | null = null;
  for (const boundary of boundaries) {
    if (pointInWard(boundary.polygons, point) !== 'outside' && (lowest === null || boundary.wardCode < lowest))
      lowest = boundary.wardCode;
  }
  return lowest;
}

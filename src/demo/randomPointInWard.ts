import type { DemoWard } from './demoGeography';
import type { DemoRandom } from './demoRandom';
import { pointInParts, ringSignedArea, type Point } from './planarGeometry';

/**
 * A uniformly random point inside a ward: pick a part in proportion to its area, then rejection
 * sampling in that part's bounding box (holes excluded by the even-odd test). Falls back to the
 * ward's centroid if 500 tries all miss, which only a sliver-thin ward could cause.
 */
export function randomPointInWard(ward: DemoWard, random: DemoRandom): Point {
  const weights = ward.parts.map((polygon) => Math.abs(ringSignedArea(polygon[0])));
  const polygon = ward.parts[weights.length > 1 ? random.weightedIndex(weights) : 0];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of polygon[0]) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const x = random.uniform(minX, maxX);
    const y = random.uniform(minY, maxY);
    if (pointInParts(x, y, [polygon]) && pointInParts(x, y, ward.parts)) return [x, y];
  }
  return ward.centroid;
}

import type { DemoWard } from './demoGeography';
import { pointInParts } from './planarGeometry';

/** Finds the ward holding a point: index of the ward, or -1 outside every ward. */
export type WardLookup = (easting: number, northing: number) => number;

/**
 * Two-stage point-in-ward search: a uniform grid of buckets holding the wards whose bounding box
 * meets each bucket, then the exact even-odd test on those candidates only. Cost O(k) per query with
 * k wards per bucket (a handful with 1 km buckets).
 */
export function createWardLookup(wards: readonly DemoWard[], options: { readonly cellSize?: number } = {}): WardLookup {
  const cellSize = options.cellSize ?? 1000;
  if (wards.length === 0) return () => -1;
  const minX = Math.min(...wards.map((ward) => ward.bbox.minX));
  const minY = Math.min(...wards.map((ward) => ward.bbox.minY));
  const maxX = Math.max(...wards.map((ward) => ward.bbox.maxX));
  const maxY = Math.max(...wards.map((ward) => ward.bbox.maxY));
  const columns = Math.max(1, Math.ceil((maxX - minX) / cellSize) + 1);
  const rows = Math.max(1, Math.ceil((maxY - minY) / cellSize) + 1);
  const buckets: number[][] = Array.from({ length: columns * rows }, () => []);
  wards.forEach((ward, wardIndex) => {
    const firstColumn = Math.floor((ward.bbox.minX - minX) / cellSize);
    const lastColumn = Math.floor((ward.bbox.maxX - minX) / cellSize);
    const firstRow = Math.floor((ward.bbox.minY - minY) / cellSize);
    const lastRow = Math.floor((ward.bbox.maxY - minY) / cellSize);
    for (let row = firstRow; row <= lastRow; row += 1) {
      for (let column = firstColumn; column <= lastColumn; column += 1) buckets[row * columns + column].push(wardIndex);
    }
  });
  return (easting, northing) => {
    if (!(easting >= minX && easting <= maxX && northing >= minY && northing <= maxY)) return -1;
    const column = Math.floor((easting - minX) / cellSize);
    const row = Math.floor((northing - minY) / cellSize);
    for (const wardIndex of buckets[row * columns + column]) {
      const box = wards[wardIndex].bbox;
      if (easting < box.minX || easting > box.maxX || northing < box.minY || northing > box.maxY) continue;
      if (pointInParts(easting, northing, wards[wardIndex].parts)) return wardIndex;
    }
    return -1;
  };
}

import { setPixel, type Raster, type Rgb } from './raster';

/** A ring in pixel coordinates (x to the right, y down), closed or not. */
export type PixelRing = readonly (readonly [number, number])[];

interface Edge {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly x0: number;
  readonly y0: number;
  readonly slope: number;
}

/**
 * Fills the area inside `rings` with the even-odd rule: a pixel is filled when a ray from its
 * centre crosses the rings an odd number of times, so a hole (an inner ring) stays unfilled and
 * the separate polygons of a multipolygon are all filled. Scanline algorithm: for each pixel row,
 * the x where the row's centre line (y + 0.5) crosses each edge, sorted, taken in pairs; a pixel
 * is filled when its centre lies in [x_in, x_out). Edges are half-open in y ([y_min, y_max)) so a
 * vertex shared by two edges is counted once. O(edges + filled pixels + rows x active edges).
 * @example a square with corners (1,1) and (4,4) fills pixels x 1..3, y 1..3: centres 1.5..3.5
 */
export function fillRingsEvenOdd(raster: Raster, rings: readonly PixelRing[], color: Rgb): void {
  const buckets = new Map<number, Edge[]>();
  let firstRowOfAll = Infinity;
  let lastRowOfAll = -Infinity;
  for (const ring of rings) {
    for (let index = 0; index < ring.length; index++) {
      const [xa, ya] = ring[index];
      const [xb, yb] = ring[(index + 1) % ring.length];
      if (ya === yb || !Number.isFinite(ya) || !Number.isFinite(yb) || !Number.isFinite(xa) || !Number.isFinite(xb))
        continue;
      const [x0, y0, x1, y1] = ya < yb ? [xa, ya, xb, yb] : [xb, yb, xa, ya];
      // Rows whose centre y + 0.5 lies in [y0, y1).
      const firstRow = Math.max(0, Math.ceil(y0 - 0.5));
      const lastRow = Math.min(raster.height - 1, Math.ceil(y1 - 0.5) - 1);
      if (firstRow > lastRow) continue;
      const edge: Edge = { firstRow, lastRow, x0, y0, slope: (x1 - x0) / (y1 - y0) };
      const bucket = buckets.get(firstRow);
      if (bucket) bucket.push(edge);
      else buckets.set(firstRow, [edge]);
      firstRowOfAll = Math.min(firstRowOfAll, firstRow);
      lastRowOfAll = Math.max(lastRowOfAll, lastRow);
    }
  }
  let active: Edge[] = [];
  const crossings: number[] = [];
  for (let row = firstRowOfAll; row <= lastRowOfAll; row++) {
    const starting = buckets.get(row);
    if (starting) active.push(...starting);
    active = active.filter((edge) => edge.lastRow >= row);
    const centreY = row + 0.5;
    crossings.length = 0;
    for (const edge of active) crossings.push(edge.x0 + (centreY - edge.y0) * edge.slope);
    crossings.sort((a, b) => a - b);
    for (let pair = 0; pair + 1 < crossings.length; pair += 2) {
      // Pixels whose centre x + 0.5 lies in [in, out).
      const firstCol = Math.max(0, Math.ceil(crossings[pair] - 0.5));
      const lastCol = Math.min(raster.width - 1, Math.ceil(crossings[pair + 1] - 0.5) - 1);
      for (let col = firstCol; col <= lastCol; col++) setPixel(raster, col, row, color);
    }
  }
}

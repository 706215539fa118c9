import type { PixelRing } from './fillRings';
import { setPixel, type Raster, type Rgb } from './raster';

/**
 * Draws a one-pixel line from (x0, y0) to (x1, y1) in pixel coordinates: Bresenham's algorithm on
 * the pixels containing the end points (Bresenham 1965, "Algorithm for computer control of a
 * digital plotter"). Clipped to the raster.
 * @example drawLine(raster, 0.5, 0.5, 3.5, 0.5, black) // sets pixels (0,0), (1,0), (2,0), (3,0)
 */
export function drawLine(raster: Raster, x0: number, y0: number, x1: number, y1: number, color: Rgb): void {
  let x = Math.floor(x0);
  let y = Math.floor(y0);
  const xEnd = Math.floor(x1);
  const yEnd = Math.floor(y1);
  if (![x, y, xEnd, yEnd].every(Number.isFinite)) return;
  const dx = Math.abs(xEnd - x);
  const dy = -Math.abs(yEnd - y);
  const stepX = x < xEnd ? 1 : -1;
  const stepY = y < yEnd ? 1 : -1;
  let error = dx + dy;
  for (;;) {
    setPixel(raster, x, y, color);
    if (x === xEnd && y === yEnd) return;
    const doubled = 2 * error;
    if (doubled >= dy) {
      error += dy;
      x += stepX;
    }
    if (doubled <= dx) {
      error += dx;
      y += stepY;
    }
  }
}

/** Draws the outline of each ring (closing it back to its first point). */
export function strokeRings(raster: Raster, rings: readonly PixelRing[], color: Rgb): void {
  for (const ring of rings) {
    for (let index = 0; index < ring.length; index++) {
      const [xa, ya] = ring[index];
      const [xb, yb] = ring[(index + 1) % ring.length];
      drawLine(raster, xa, ya, xb, yb, color);
    }
  }
}

/** An RGB pixel grid, row-major from the top-left, 3 bytes per pixel: what the map is drawn on. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export type Rgb = readonly [number, number, number];

/** A raster of `width` x `height` pixels filled with `background`. */
export function createRaster(width: number, height: number, background: Rgb): Raster {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`A raster needs positive whole dimensions, got ${width} x ${height}.`);
  }
  const data = new Uint8Array(width * height * 3);
  for (let offset = 0; offset < data.length; offset += 3) data.set(background, offset);
  return { width, height, data };
}

/** Sets one pixel; pixels outside the raster are ignored (drawing is clipped). */
export function setPixel(raster: Raster, x: number, y: number, color: Rgb): void {
  if (x < 0 || y < 0 || x >= raster.width || y >= raster.height) return;
  const offset = (y * raster.width + x) * 3;
  raster.data[offset] = color[0];
  raster.data[offset + 1] = color[1];
  raster.data[offset + 2] = color[2];
}

/** The colour of one pixel. */
export function getPixel(raster: Raster, x: number, y: number): Rgb {
  const offset = (y * raster.width + x) * 3;
  return [raster.data[offset], raster.data[offset + 1], raster.data[offset + 2]];
}

/** Fills the pixels x0..x1-1, y0..y1-1 (clipped to the raster). */
export function fillRect(raster: Raster, x0: number, y0: number, x1: number, y1: number, color: Rgb): void {
  const left = Math.max(0, Math.floor(x0));
  const right = Math.min(raster.width, Math.floor(x1));
  const top = Math.max(0, Math.floor(y0));
  const bottom = Math.min(raster.height, Math.floor(y1));
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) setPixel(raster, x, y, color);
  }
}

/**
 * 'RRGGBB' (or '#RRGGBB') as bytes; throws on anything else (colours come from the report builder).
 * @example parseRgb('C00000') // => [192, 0, 0]
 */
export function parseRgb(color: string): Rgb {
  const hex = color.replace(/^#/, '');
  if (!/^[0-9A-Fa-f]{6}$/.test(hex)) throw new Error(`Colour '${color}' is not 'RRGGBB' hex (e.g. 'C00000').`);
  return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
}

/** The ward map: a choropleth PNG rasterised in pure TypeScript (runs in Node and in browsers). */
export { renderWardMap, type WardMapOptions, type WardMapImage, type WardMapLegendItem } from './renderWardMap';
export { fillRingsEvenOdd, type PixelRing } from './fillRings';
export { drawLine, strokeRings } from './strokeRings';
export { drawText, measureText, GLYPH_WIDTH, GLYPH_HEIGHT, CAP_HEIGHT, GLYPH_SPACING } from './bitmapFont';
export { createRaster, setPixel, getPixel, fillRect, parseRgb, type Raster, type Rgb } from './raster';

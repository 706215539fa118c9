/** The ward map: a choropleth PNG rasterised in pure TypeScript (runs in Node and in browsers), its text in anti-aliased DejaVu Sans. */
export {
  renderWardMap,
  type WardMapOptions,
  type WardMapImage,
  type WardMapLegendItem,
  type WardMapFeatures,
} from './renderWardMap';
export { drawMapText, measureMapText, mapTextHeight } from './mapFont';
export { scaleBarLength, type DistrictLabel } from './mapDecorations';
export { fillRingsEvenOdd, type PixelRing } from './fillRings';
export { drawLine, strokeRings } from './strokeRings';
export { createRaster, setPixel, getPixel, fillRect, parseRgb, type Raster, type Rgb } from './raster';

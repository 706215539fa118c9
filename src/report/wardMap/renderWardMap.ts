import { encode } from 'fast-png';
import type { WardBoundary } from '../../core/types';
import { CAP_HEIGHT, GLYPH_HEIGHT, drawText, measureText } from './bitmapFont';
import { fillRingsEvenOdd, type PixelRing } from './fillRings';
import { createRaster, fillRect, parseRgb, type Raster } from './raster';
import { drawLine, strokeRings } from './strokeRings';

export interface WardMapLegendItem {
  readonly label: string;
  /** 'RRGGBB' */
  readonly color: string;
}

export interface WardMapOptions {
  /** Image width in pixels. Default 900. */
  readonly widthPx?: number;
  /** Drawn above the map. */
  readonly title?: string;
  /** Coloured boxes with labels, drawn below the map. */
  readonly legend?: readonly WardMapLegendItem[];
  /** Ward outline colour 'RRGGBB'. Default '7F7F7F'. */
  readonly outline?: string;
  /** Fill of wards with no entry in `fills`. Default 'F2F2F2'. */
  readonly noDataColor?: string;
  /** Default 'FFFFFF'. */
  readonly background?: string;
  /** The map area never gets taller than this (a tall region is drawn narrower). Default 1.5 x width. */
  readonly maxMapHeightPx?: number;
}

export interface WardMapImage {
  readonly png: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
}

const PADDING = 10;
const LEGEND_GAP = 18;

/**
 * A choropleth of wards as a PNG: each ward filled with `fills[wardCode]` (even-odd rule, so holes
 * stay open), outlined, north up, in British National Grid metres scaled uniformly to fit the
 * width (aspect kept: one metre east is as many pixels as one metre north), with an optional
 * title above and legend below drawn in a built-in bitmap font. Pure: runs in Node and browsers.
 * @example renderWardMap(boundaries, new Map([['E05011118', 'C00000']]), { title: 'Youth violence by ward' })
 * // => { png: Uint8Array [0x89, 0x50, 0x4e, 0x47, ...], widthPx: 900, heightPx: ... }
 */
export function renderWardMap(
  boundaries: readonly WardBoundary[],
  fills: ReadonlyMap<string, string>,
  options: WardMapOptions = {},
): WardMapImage {
  const widthPx = Math.round(options.widthPx ?? 900);
  if (!(widthPx >= 2 * PADDING + 10)) throw new RangeError(`Map width ${options.widthPx}px is too small (at least ${2 * PADDING + 10}px).`);
  const outline = parseRgb(options.outline ?? '7F7F7F');
  const noData = parseRgb(options.noDataColor ?? 'F2F2F2');
  const background = parseRgb(options.background ?? 'FFFFFF');
  const textColor = parseRgb('262626');
  const innerWidth = widthPx - 2 * PADDING;
  const textScale = widthPx >= 600 ? 2 : 1;

  // Title.
  let title = options.title ?? '';
  let titleScale = textScale;
  if (measureText(title, titleScale) > innerWidth) titleScale = 1;
  while (title.length > 3 && measureText(title, titleScale) > innerWidth) title = `${title.slice(0, -4)}...`;
  const titleHeight = title ? GLYPH_HEIGHT * titleScale + PADDING : 0;

  // Map area: uniform scale from BNG metres to pixels.
  const bounds = boundsOf(boundaries);
  const spanE = Math.max(bounds.maxE - bounds.minE, 1);
  const spanN = Math.max(bounds.maxN - bounds.minN, 1);
  const maxMapHeight = options.maxMapHeightPx ?? Math.round(1.5 * widthPx);
  const pixelsPerMetre = Math.min(innerWidth / spanE, maxMapHeight / spanN);
  const mapTop = PADDING + titleHeight;
  const mapHeight = bounds.empty ? Math.round(innerWidth / 4) : Math.max(1, Math.ceil(spanN * pixelsPerMetre));
  const mapLeft = PADDING + (innerWidth - spanE * pixelsPerMetre) / 2;
  const toPixel = ([easting, northing]: readonly [number, number]): [number, number] => [
    mapLeft + (easting - bounds.minE) * pixelsPerMetre,
    mapTop + (bounds.maxN - northing) * pixelsPerMetre,
  ];

  // Legend layout: items flow left to right, wrapping.
  const legend = options.legend ?? [];
  const boxSize = CAP_HEIGHT * textScale;
  const lineHeight = GLYPH_HEIGHT * textScale + 6;
  const legendTop = mapTop + mapHeight + PADDING;
  const placed: { item: WardMapLegendItem; x: number; y: number }[] = [];
  let penX = PADDING;
  let penY = legendTop;
  for (const item of legend) {
    const itemWidth = boxSize + 6 + measureText(item.label, textScale);
    if (penX > PADDING && penX + itemWidth > widthPx - PADDING) {
      penX = PADDING;
      penY += lineHeight;
    }
    placed.push({ item, x: penX, y: penY });
    penX += itemWidth + LEGEND_GAP;
  }
  const heightPx = Math.ceil(legend.length > 0 ? penY + lineHeight + PADDING - 6 : mapTop + mapHeight + PADDING);

  const raster = createRaster(widthPx, heightPx, background);
  if (title) drawText(raster, title, PADDING, PADDING, textColor, titleScale);
  for (const ward of boundaries) {
    const rings: PixelRing[] = ward.polygons.flatMap((polygon) => polygon.map((ring) => ring.map(toPixel)));
    const fill = fills.get(ward.wardCode);
    fillRingsEvenOdd(raster, rings, fill === undefined ? noData : parseRgb(fill));
  }
  for (const ward of boundaries) {
    strokeRings(raster, ward.polygons.flatMap((polygon) => polygon.map((ring) => ring.map(toPixel))), outline);
  }
  for (const { item, x, y } of placed) drawLegendItem(raster, item, x, y, boxSize, textScale, textColor);

  const png = encode({ width: widthPx, height: heightPx, data: raster.data, channels: 3, depth: 8 });
  return { png, widthPx, heightPx };
}

function drawLegendItem(
  raster: Raster,
  item: WardMapLegendItem,
  x: number,
  y: number,
  boxSize: number,
  textScale: number,
  textColor: readonly [number, number, number],
): void {
  fillRect(raster, x, y, x + boxSize, y + boxSize, parseRgb(item.color));
  const edge = parseRgb('595959');
  drawLine(raster, x, y, x + boxSize - 1, y, edge);
  drawLine(raster, x + boxSize - 1, y, x + boxSize - 1, y + boxSize - 1, edge);
  drawLine(raster, x + boxSize - 1, y + boxSize - 1, x, y + boxSize - 1, edge);
  drawLine(raster, x, y + boxSize - 1, x, y, edge);
  drawText(raster, item.label, x + boxSize + 6, y, textColor, textScale);
}

/** The BNG bounding box of every ring point. */
function boundsOf(boundaries: readonly WardBoundary[]): { minE: number; minN: number; maxE: number; maxN: number; empty: boolean } {
  let minE = Infinity;
  let minN = Infinity;
  let maxE = -Infinity;
  let maxN = -Infinity;
  for (const ward of boundaries) {
    for (const polygon of ward.polygons) {
      for (const ring of polygon) {
        for (const [easting, northing] of ring) {
          if (!Number.isFinite(easting) || !Number.isFinite(northing)) continue;
          if (easting < minE) minE = easting;
          if (easting > maxE) maxE = easting;
          if (northing < minN) minN = northing;
          if (northing > maxN) maxN = northing;
        }
      }
    }
  }
  if (minE === Infinity) return { minE: 0, minN: 0, maxE: 1, maxN: 1, empty: true };
  return { minE, minN, maxE, maxN, empty: false };
}

import { encode } from 'fast-png';
import type { WardBoundary } from '../../core/types';
import { fillRingsEvenOdd, type PixelRing } from './fillRings';
import {
  drawDistricts,
  drawNorthArrow,
  drawScaleBar,
  NORTH_ARROW_WIDTH,
  SCALE_BAR_HEIGHT,
  scaleBarLength,
  wrapMapText,
  type DistrictLabel,
} from './mapDecorations';
import { drawMapText, mapTextHeight, measureMapText } from './mapFont';
import { createRaster, fillRect, parseRgb, type Raster, type Rgb } from './raster';
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
  /** Outline the districts (each ward's districtName, else districtCode) over the ward fills and label them. Default false. */
  readonly districts?: boolean;
  /** A scale bar under the map. Default false. */
  readonly scaleBar?: boolean;
  /** A north arrow in the map's top-right corner. Default false. */
  readonly northArrow?: boolean;
  /** Small print under the legend: where the boundaries come from and their licence. */
  readonly attribution?: readonly string[];
}

/** What the map shows besides the fills, for a reader (and a test) to check without looking at pixels. */
export interface WardMapFeatures {
  readonly title: string;
  readonly districts: readonly DistrictLabel[];
  readonly legend: readonly string[];
  readonly scaleBar?: { readonly metres: number; readonly px: number };
  readonly northArrow: boolean;
  /** The attribution as drawn, line by line. */
  readonly attribution: readonly string[];
}

export interface WardMapImage {
  readonly png: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly features: WardMapFeatures;
}

const PADDING = 10;
const LEGEND_GAP = 18;
const TEXT_COLOR = '262626';

/** The title shortened with an ellipsis until it fits `width`. */
function fittedTitle(title: string, width: number): string {
  let fitted = title;
  while (fitted.length > 3 && measureMapText(fitted, 'title') > width) fitted = `${fitted.slice(0, -2).trimEnd()}…`;
  return fitted;
}

/**
 * A choropleth of wards as a PNG: each ward filled with `fills[wardCode]` (even-odd rule, so holes
 * stay open), outlined, north up, in British National Grid metres scaled uniformly to fit the
 * width (aspect kept: one metre east is as many pixels as one metre north). Optionally a title
 * above; district outlines, labelled, over the wards; a north arrow; and below, a scale bar, a
 * legend and the attribution, all in anti-aliased type (mapFont). Pure: runs in Node and browsers.
 * @example renderWardMap(boundaries, new Map([['E05011118', 'C00000']]), { title: 'Youth violence by ward' })
 * // => { png: Uint8Array [0x89, 0x50, 0x4e, 0x47, ...], widthPx: 900, heightPx: ..., features: { ... } }
 */
export function renderWardMap(
  boundaries: readonly WardBoundary[],
  fills: ReadonlyMap<string, string>,
  options: WardMapOptions = {},
): WardMapImage {
  const widthPx = Math.round(options.widthPx ?? 900);
  if (!(widthPx >= 2 * PADDING + 10))
    throw new RangeError(`Map width ${options.widthPx}px is too small (at least ${2 * PADDING + 10}px).`);
  const outline = parseRgb(options.outline ?? '7F7F7F');
  const noData = parseRgb(options.noDataColor ?? 'F2F2F2');
  const background = parseRgb(options.background ?? 'FFFFFF');
  const textColor = parseRgb(TEXT_COLOR);
  const innerWidth = widthPx - 2 * PADDING;
  const textHeight = mapTextHeight('regular');

  const title = options.title ? fittedTitle(options.title, innerWidth) : '';
  const titleHeight = title ? mapTextHeight('title') + PADDING / 2 : 0;

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

  // Under the map, top to bottom, each after a gap: the scale bar, the legend (items flow left to right, wrapping), the attribution.
  let penY = mapTop + mapHeight;
  const scaleBar = options.scaleBar && !bounds.empty ? scaleBarLength(pixelsPerMetre, innerWidth / 4) : undefined;
  const scaleTop = penY + PADDING;
  if (scaleBar) penY = scaleTop + SCALE_BAR_HEIGHT;
  const legend = options.legend ?? [];
  const boxSize = textHeight - 4;
  const lineHeight = textHeight + 4;
  const placed: { item: WardMapLegendItem; x: number; y: number }[] = [];
  let penX = PADDING;
  let legendY = penY + PADDING;
  for (const item of legend) {
    const itemWidth = boxSize + 6 + measureMapText(item.label);
    if (penX > PADDING && penX + itemWidth > widthPx - PADDING) {
      penX = PADDING;
      legendY += lineHeight;
    }
    placed.push({ item, x: penX, y: legendY });
    penX += itemWidth + LEGEND_GAP;
  }
  if (legend.length > 0) penY = legendY + lineHeight;
  const attribution = (options.attribution ?? []).flatMap((line) => wrapMapText(line, innerWidth));
  const attributionTop = penY + PADDING / 2;
  if (attribution.length > 0) penY = attributionTop + attribution.length * textHeight;
  const heightPx = Math.ceil(penY + PADDING);

  const raster = createRaster(widthPx, heightPx, background);
  if (title) drawMapText(raster, title, PADDING, PADDING, textColor, { font: 'title' });
  for (const ward of boundaries) {
    const rings: PixelRing[] = ward.polygons.flatMap((polygon) => polygon.map((ring) => ring.map(toPixel)));
    const fill = fills.get(ward.wardCode);
    fillRingsEvenOdd(raster, rings, fill === undefined ? noData : parseRgb(fill));
  }
  for (const ward of boundaries) {
    strokeRings(
      raster,
      ward.polygons.flatMap((polygon) => polygon.map((ring) => ring.map(toPixel))),
      outline,
    );
  }
  const districts = options.districts ? drawDistricts(raster, boundaries, toPixel) : [];
  if (options.northArrow) drawNorthArrow(raster, widthPx - PADDING - NORTH_ARROW_WIDTH, mapTop);
  if (scaleBar) drawScaleBar(raster, PADDING, scaleTop, scaleBar);
  for (const { item, x, y } of placed) drawLegendItem(raster, item, x, y, boxSize, textColor);
  attribution.forEach((line, index) =>
    drawMapText(raster, line, PADDING, attributionTop + index * textHeight, parseRgb('595959')),
  );

  const png = encode({ width: widthPx, height: heightPx, data: raster.data, channels: 3, depth: 8 });
  const features: WardMapFeatures = {
    title,
    districts,
    legend: legend.map((item) => item.label),
    ...(scaleBar ? { scaleBar } : {}),
    northArrow: Boolean(options.northArrow),
    attribution,
  };
  return { png, widthPx, heightPx, features };
}

function drawLegendItem(
  raster: Raster,
  item: WardMapLegendItem,
  x: number,
  y: number,
  boxSize: number,
  textColor: Rgb,
): void {
  const top = y + 2;
  fillRect(raster, x, top, x + boxSize, top + boxSize, parseRgb(item.color));
  const edge = parseRgb('595959');
  drawLine(raster, x, top, x + boxSize - 1, top, edge);
  drawLine(raster, x + boxSize - 1, top, x + boxSize - 1, top + boxSize - 1, edge);
  drawLine(raster, x + boxSize - 1, top + boxSize - 1, x, top + boxSize - 1, edge);
  drawLine(raster, x, top + boxSize - 1, x, top, edge);
  drawMapText(raster, item.label, x + boxSize + 6, y, textColor);
}

/** The BNG bounding box of every ring point. */
function boundsOf(boundaries: readonly WardBoundary[]): {
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
  empty: boolean;
} {
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

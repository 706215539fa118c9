import type { WardBoundary } from '../../core/types';
import { fillRingsEvenOdd, type PixelRing } from './fillRings';
import { drawMapText, mapTextHeight, measureMapText } from './mapFont';
import { createRaster, fillRect, setPixel, type Raster, type Rgb } from './raster';
import { drawLine } from './strokeRings';

/** What a map's reader needs beside the fills, drawn as OS and ONS maps draw them. */

const INK: Rgb = [38, 38, 38];
const HALO: Rgb = [255, 255, 255];

/** A district drawn on the map: its name and where its label sits (the label's centre, in pixels). */
export interface DistrictLabel {
  readonly name: string;
  readonly labelAt: readonly [number, number];
}

/** A ward's district as the map names it: its name, else its code; none when the ward has neither. */
export const districtOf = (ward: WardBoundary): string | undefined =>
  ward.districtName || ward.districtCode || undefined;

/**
 * District outlines over the ward fills, each district labelled at the centre of its pixels. The
 * districts are rasterised into an id grid (each ward's rings filled with its district's number),
 * and every pixel whose neighbour belongs to another district, or to none, is inked: a line about
 * two pixels wide between districts and one along the area's edge, whatever the rings' precision.
 */
export function drawDistricts(
  raster: Raster,
  boundaries: readonly WardBoundary[],
  toPixel: (point: readonly [number, number]) => [number, number],
): DistrictLabel[] {
  const names = [...new Set(boundaries.map(districtOf).filter((name): name is string => name !== undefined))].sort();
  if (names.length === 0) return [];
  const ids = createRaster(raster.width, raster.height, [0, 0, 0]);
  for (const ward of boundaries) {
    const name = districtOf(ward);
    if (name === undefined) continue;
    const id = names.indexOf(name) + 1;
    fillRingsEvenOdd(
      ids,
      ward.polygons.flatMap((polygon) => polygon.map((ring) => ring.map(toPixel))),
      [0, id >> 8, id & 255],
    );
  }
  const idAt = (x: number, y: number) =>
    x < 0 || y < 0 || x >= raster.width || y >= raster.height
      ? 0
      : (ids.data[(y * raster.width + x) * 3 + 1] << 8) | ids.data[(y * raster.width + x) * 3 + 2];
  const sums = names.map(() => ({ x: 0, y: 0, n: 0 }));
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      const id = idAt(x, y);
      if (id === 0) continue;
      const sum = sums[id - 1];
      sum.x += x;
      sum.y += y;
      sum.n += 1;
      if (idAt(x + 1, y) !== id || idAt(x - 1, y) !== id || idAt(x, y + 1) !== id || idAt(x, y - 1) !== id)
        setPixel(raster, x, y, INK);
    }
  }
  const height = mapTextHeight('bold');
  return names.flatMap((name, index) => {
    const { x, y, n } = sums[index];
    if (n === 0) return [];
    const centre: [number, number] = [Math.round(x / n), Math.round(y / n)];
    const width = measureMapText(name, 'bold');
    const left = Math.min(Math.max(centre[0] - width / 2, 1), raster.width - width - 1);
    drawMapText(raster, name, Math.round(left), Math.round(centre[1] - height / 2), INK, { font: 'bold', halo: HALO });
    return [{ name, labelAt: centre }];
  });
}

/** Lengths a scale bar may show, in metres: the 1-2-5 steps map makers use. */
const SCALE_STEPS = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000];

/** The longest 1-2-5 step no longer than `maxPx` at this scale (the shortest step when even that is longer). */
export function scaleBarLength(pixelsPerMetre: number, maxPx: number): { metres: number; px: number } {
  const metres = [...SCALE_STEPS].reverse().find((step) => step * pixelsPerMetre <= maxPx) ?? SCALE_STEPS[0];
  return { metres, px: metres * pixelsPerMetre };
}

const distanceText = (metres: number): string => (metres >= 1000 ? `${metres / 1000} km` : `${metres} m`);

/** Pixels the scale bar's row takes: the bar and, under it, its labels. */
export const SCALE_BAR_HEIGHT = 8 + 2 + mapTextHeight('regular');

/** A scale bar at (x, y): two halves, dark then light, with 0 and the length under its ends. */
export function drawScaleBar(raster: Raster, x: number, y: number, bar: { metres: number; px: number }): void {
  const half = Math.round(bar.px / 2);
  const end = Math.round(x + bar.px);
  fillRect(raster, x, y, x + half, y + 8, INK);
  fillRect(raster, x + half, y, end, y + 8, HALO);
  drawLine(raster, x, y, end - 1, y, INK);
  drawLine(raster, x, y + 7, end - 1, y + 7, INK);
  drawLine(raster, end - 1, y, end - 1, y + 7, INK);
  drawMapText(raster, '0', x, y + 10, INK);
  const label = distanceText(bar.metres);
  drawMapText(raster, label, Math.round(end - measureMapText(label) / 2), y + 10, INK);
}

/** Width of the north arrow's box. */
export const NORTH_ARROW_WIDTH = 16;

/** A north arrow with its top-left corner at (x, y): "N" over an arrowhead pointing up the image (north is up). */
export function drawNorthArrow(raster: Raster, x: number, y: number): void {
  const centre = x + NORTH_ARROW_WIDTH / 2;
  const textHeight = mapTextHeight('bold');
  drawMapText(raster, 'N', Math.round(centre - measureMapText('N', 'bold') / 2), y, INK, { font: 'bold', halo: HALO });
  const top = y + textHeight;
  const arrow: PixelRing = [
    [centre, top],
    [centre + 7, top + 18],
    [centre, top + 13],
    [centre - 7, top + 18],
    [centre, top],
  ];
  fillRingsEvenOdd(raster, [arrow], INK);
}

/** Text broken at spaces into lines no wider than `width` pixels (a longer word takes a line of its own). */
export function wrapMapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measureMapText(candidate) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

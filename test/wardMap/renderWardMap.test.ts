import { decode } from 'fast-png';
import type { WardBoundary } from '../../src/core/types';
import {
  createRaster,
  fillRingsEvenOdd,
  getPixel,
  measureMapText,
  mapTextHeight,
  drawMapText,
  renderWardMap,
  drawLine,
} from '../../src/report/wardMap';

type Rgb = [number, number, number];

function square(minE: number, minN: number, size: number): [number, number][] {
  return [
    [minE, minN],
    [minE + size, minN],
    [minE + size, minN + size],
    [minE, minN + size],
    [minE, minN],
  ];
}

/**
 * Ward A: a 100 m square at (0, 0) with a 20 m hole at (40, 40). Ward B: a 100 m square at (200, 0).
 * Drawn 320 px wide: 300 px inside the 10 px padding for 300 m, so 1 px per metre; the map is 100 px
 * high. Pixel of (easting e, northing n) = (10 + e, 10 + 100 - n).
 */
const wards: WardBoundary[] = [
  { wardCode: 'E05000001', wardName: 'Holed', polygons: [[square(0, 0, 100), square(40, 40, 20)]] },
  { wardCode: 'E05000002', wardName: 'Plain', polygons: [[square(200, 0, 100)]] },
];
const RED: Rgb = [0xc0, 0x00, 0x00];
const BLUE: Rgb = [0x2e, 0x75, 0xb6];
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

function pixelsOf(png: Uint8Array) {
  const image = decode(png);
  expect(image.channels).toBe(3);
  return {
    width: image.width,
    height: image.height,
    at: (x: number, y: number): Rgb => {
      const offset = (y * image.width + x) * 3;
      return [image.data[offset], image.data[offset + 1], image.data[offset + 2]];
    },
  };
}

const pixelOf = (easting: number, northing: number): [number, number] => [10 + easting, 10 + 100 - northing];

describe('renderWardMap', () => {
  const fills = new Map([
    ['E05000001', 'C00000'],
    ['E05000002', '2E75B6'],
  ]);
  const map = renderWardMap(wards, fills, { widthPx: 320, outline: '000000' });
  const image = pixelsOf(map.png);

  test('the image is as wide as asked and as high as the map plus padding', () => {
    expect([map.widthPx, map.heightPx]).toEqual([320, 120]);
    expect([image.width, image.height]).toEqual([320, 120]);
  });

  test('a ward is filled inside, its hole stays open and the space between wards is background', () => {
    expect(image.at(...pixelOf(20, 20))).toEqual(RED);
    expect(image.at(...pixelOf(80, 70))).toEqual(RED);
    expect(image.at(...pixelOf(50, 50))).toEqual(WHITE); // in the hole
    expect(image.at(...pixelOf(250, 50))).toEqual(BLUE);
    expect(image.at(...pixelOf(150, 50))).toEqual(WHITE); // between the squares
  });

  test('ward outlines, including the hole, are drawn in the outline colour', () => {
    expect(image.at(10, 60)).toEqual(BLACK); // west edge of ward A, easting 0
    expect(image.at(...pixelOf(40, 50))).toEqual(BLACK); // west edge of the hole
    expect(image.at(...pixelOf(250, 100))).toEqual(BLACK); // north edge of ward B
  });

  test('north is up: the southern half of the map is at the bottom of the image', () => {
    // A 100 m frame with its south-west 50 m quarter filled blue.
    const quarter: WardBoundary = { wardCode: 'Q', wardName: 'Quarter', polygons: [[square(0, 0, 50)]] };
    const frame: WardBoundary = { wardCode: 'F', wardName: 'Frame', polygons: [[square(0, 0, 100)]] };
    const picture = pixelsOf(
      renderWardMap([frame, quarter], new Map([['Q', '2E75B6']]), {
        widthPx: 120,
        outline: '000000',
        noDataColor: 'FFFFFF',
      }).png,
    );
    // 100 px across 100 m: the quarter covers x 10..60, y 60..110.
    expect(picture.at(30, 90)).toEqual(BLUE);
    expect(picture.at(30, 30)).toEqual(WHITE);
  });

  test('a ward missing from the fills gets the no-data colour', () => {
    const picture = pixelsOf(
      renderWardMap(wards, new Map([['E05000002', '2E75B6']]), { widthPx: 320, noDataColor: 'DDDDDD' }).png,
    );
    expect(picture.at(...pixelOf(20, 20))).toEqual([0xdd, 0xdd, 0xdd]);
  });

  test('a legend adds a row of coloured boxes with labels under the map', () => {
    const withLegend = renderWardMap(wards, fills, { widthPx: 320, legend: [{ label: 'Higher', color: 'C00000' }] });
    // Legend top = 10 + 100 + 10 = 120; one line (the text's height + 4 px), then 10 px of padding.
    const line = mapTextHeight() + 4;
    expect(withLegend.heightPx).toBe(120 + line + 10);
    const picture = pixelsOf(withLegend.png);
    // The box, the text's height less 4 px square, starts 2 px down at (10, 122).
    expect(picture.at(13, 125)).toEqual(RED);
    const boxSize = mapTextHeight() - 4;
    let ink = 0;
    for (let y = 120; y < 120 + line; y++)
      for (let x = 10 + boxSize + 6; x < 10 + boxSize + 6 + measureMapText('Higher'); x++)
        if (picture.at(x, y)[0] < 128) ink++;
    expect(ink).toBeGreaterThan(20);
  });

  test('a title is drawn above the map and pushes it down', () => {
    const titled = renderWardMap(wards, fills, { widthPx: 320, title: 'Youth violence' });
    // Title band: the title's line height + 5 px.
    const band = mapTextHeight('title') + 5;
    expect(titled.heightPx).toBe(120 + band);
    expect(titled.features.title).toBe('Youth violence');
    const picture = pixelsOf(titled.png);
    expect(picture.at(...([10 + 20, 10 + band + 100 - 20] as [number, number]))).toEqual(RED);
  });

  test('a tall region keeps its aspect: narrower, centred, at most 1.5 times the width high', () => {
    const tall: WardBoundary = {
      wardCode: 'T',
      wardName: 'Tall',
      polygons: [
        [
          [
            [0, 0],
            [100, 0],
            [100, 300],
            [0, 300],
            [0, 0],
          ],
        ],
      ],
    };
    const picture = renderWardMap([tall], new Map([['T', 'C00000']]), { widthPx: 320 });
    // 300 px / 100 m = 3 px/m would be 900 px high; the cap is 480 px for 300 m, so 1.6 px/m:
    // the map is 160 x 480, centred at x = 10 + (300 - 160) / 2 = 80.
    expect(picture.heightPx).toBe(500);
    const pixels = pixelsOf(picture.png);
    expect(pixels.at(70, 250)).toEqual(WHITE);
    expect(pixels.at(85, 250)).toEqual(RED);
    expect(pixels.at(235, 250)).toEqual(RED);
    expect(pixels.at(245, 250)).toEqual(WHITE);
  });

  test('every polygon of a multipolygon ward is filled', () => {
    const split: WardBoundary = {
      wardCode: 'S',
      wardName: 'Split',
      polygons: [[square(0, 0, 100)], [square(200, 0, 100)]],
    };
    const pixels = pixelsOf(renderWardMap([split], new Map([['S', 'C00000']]), { widthPx: 320 }).png);
    expect(pixels.at(...pixelOf(50, 50))).toEqual(RED);
    expect(pixels.at(...pixelOf(250, 50))).toEqual(RED);
    expect(pixels.at(...pixelOf(150, 50))).toEqual(WHITE);
  });

  test('inputs are not changed and no boundaries still give an image', () => {
    const frozen = Object.freeze(wards.map((ward) => Object.freeze({ ...ward })));
    expect(() => renderWardMap(frozen, fills, { widthPx: 320 })).not.toThrow();
    const empty = renderWardMap([], new Map(), { widthPx: 320 });
    expect(pixelsOf(empty.png).width).toBe(320);
  });

  test('a colour that is not RRGGBB is refused', () => {
    expect(() => renderWardMap(wards, new Map([['E05000001', 'red']]), { widthPx: 320 })).toThrow(/RRGGBB/);
  });
});

describe('fillRingsEvenOdd', () => {
  const ink: [number, number, number] = [1, 2, 3];
  function filled(raster: ReturnType<typeof createRaster>): string[] {
    const cells: string[] = [];
    for (let y = 0; y < raster.height; y++)
      for (let x = 0; x < raster.width; x++) if (getPixel(raster, x, y)[0] === 1) cells.push(`${x},${y}`);
    return cells;
  }

  test('a square from (1,1) to (4,4) fills the 9 pixels whose centres lie inside', () => {
    const raster = createRaster(6, 6, [0, 0, 0]);
    fillRingsEvenOdd(
      raster,
      [
        [
          [1, 1],
          [4, 1],
          [4, 4],
          [1, 4],
        ],
      ],
      ink,
    );
    expect(filled(raster)).toEqual(['1,1', '2,1', '3,1', '1,2', '2,2', '3,2', '1,3', '2,3', '3,3']);
  });

  test('overlapping rings cancel under the even-odd rule, whichever way they wind', () => {
    const raster = createRaster(6, 6, [0, 0, 0]);
    // Outer clockwise, inner also clockwise: the inner pixel (2,2) is crossed twice, so left empty.
    fillRingsEvenOdd(
      raster,
      [
        [
          [0, 0],
          [5, 0],
          [5, 5],
          [0, 5],
        ],
        [
          [2, 2],
          [3, 2],
          [3, 3],
          [2, 3],
        ],
      ],
      ink,
    );
    expect(filled(raster)).toHaveLength(24);
    expect(filled(raster)).not.toContain('2,2');
  });

  test('a triangle matches a brute-force point-in-polygon count', () => {
    const triangle: [number, number][] = [
      [0.3, 0.2],
      [17.6, 3.1],
      [5.2, 14.9],
    ];
    const raster = createRaster(20, 20, [0, 0, 0]);
    fillRingsEvenOdd(raster, [triangle], ink);
    const inside = (x: number, y: number) => {
      let crossings = 0;
      for (let i = 0; i < 3; i++) {
        const [x0, y0] = triangle[i];
        const [x1, y1] = triangle[(i + 1) % 3];
        if (y0 <= y !== y1 <= y && x < x0 + ((y - y0) * (x1 - x0)) / (y1 - y0)) crossings++;
      }
      return crossings % 2 === 1;
    };
    const expected: string[] = [];
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) if (inside(x + 0.5, y + 0.5)) expected.push(`${x},${y}`);
    expect(filled(raster)).toEqual(expected);
  });
});

describe('drawLine and drawMapText', () => {
  test('a diagonal line sets one pixel per step', () => {
    const raster = createRaster(5, 5, [0, 0, 0]);
    drawLine(raster, 0.5, 0.5, 4.5, 4.5, [9, 9, 9]);
    for (let i = 0; i < 5; i++) expect(getPixel(raster, i, i)).toEqual([9, 9, 9]);
    expect(getPixel(raster, 1, 0)).toEqual([0, 0, 0]);
  });

  test('text is anti-aliased and proportional: an i is narrower than an m, and edges take in-between shades', () => {
    expect(measureMapText('i')).toBeLessThan(measureMapText('m'));
    expect(measureMapText('')).toBe(0);
    const raster = createRaster(60, mapTextHeight(), [255, 255, 255]);
    const width = drawMapText(raster, 'Ward', 0, 0, [0, 0, 0]);
    expect(width).toBe(measureMapText('Ward'));
    const shades = new Set<number>();
    for (let y = 0; y < raster.height; y++) for (let x = 0; x < width; x++) shades.add(getPixel(raster, x, y)[0]);
    expect(shades.has(0) || [...shades].some((shade) => shade < 40)).toBe(true); // solid ink
    expect([...shades].some((shade) => shade > 40 && shade < 215)).toBe(true); // smoothed edges
  });
});

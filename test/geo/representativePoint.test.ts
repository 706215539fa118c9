import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { gridDistanceMetres, pointInWard, representativePoint, wardBoundingBox } from '../../src/core/geo';
import { polygonsBoundingBox } from '../../src/core/geo/wardBoundingBox';
import type { WardBoundary } from '../../src/core/types';
import { DOUGHNUT, ISLANDS, deepFreeze, point, rectangle, ward } from './handMadeWards';

/** Turf's point-in-polygon (planar ray casting, its own code) as an independent check; edges excluded. */
function turfInside(boundary: WardBoundary, easting: number, northing: number): boolean {
  const multiPolygon = {
    type: 'MultiPolygon' as const,
    coordinates: boundary.polygons.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x, y]))),
  };
  return booleanPointInPolygon([easting, northing], multiPolygon, { ignoreBoundary: true });
}

/** The square 0..30 by 0..30 less the notch 10..20 by 10..30: a U open to the north. */
const U_SHAPE = ward('E05000050', [
  [
    [
      [0, 0],
      [30, 0],
      [30, 30],
      [20, 30],
      [20, 10],
      [10, 10],
      [10, 30],
      [0, 30],
      [0, 0],
    ],
  ],
]);

describe('representativePoint', () => {
  it('is the centroid of a square', () => {
    expect(representativePoint(ward('E05000001', [[rectangle(0, 0, 10, 10)]]))).toEqual(point(5, 5));
  });

  it('is the centroid of a right triangle, a third of the way along each leg', () => {
    // Triangle (0,0), (30,0), (0,30): centroid ((0+30+0)/3, (0+0+30)/3) = (10, 10).
    const triangle = ward('E05000002', [
      [
        [
          [0, 0],
          [30, 0],
          [0, 30],
          [0, 0],
        ],
      ],
    ]);
    const result = representativePoint(triangle);
    expect(result.easting).toBeCloseTo(10, 9);
    expect(result.northing).toBeCloseTo(10, 9);
  });

  it('moves off the centroid when a U shape puts it in the notch, to the middle of the broad base', () => {
    // Worked in the doc comment: centroid (15, 13.57) is in the notch; the base 0..30 by 0..10
    // is the widest stretch, and the middle of its vertical extent at x = 15 is (15, 5).
    expect(representativePoint(U_SHAPE)).toEqual(point(15, 5));
  });

  it('moves off the centroid when it falls in a hole', () => {
    // Centroid of the doughnut is (15, 15), the middle of the hole; the first widest stretch is the
    // bottom band, x 0..30, and the vertical stretch at x = 15 there is y 0..10: (15, 5).
    expect(representativePoint(DOUGHNUT)).toEqual(point(15, 5));
  });

  it('lands in the larger part of a ward whose parts are apart', () => {
    // Areas 100 and 16, centroid x = (100·5 + 16·102) / 116 = 18.4, between the parts; the widest
    // stretch is the 10 m square's, whose middle is (5, 5).
    expect(representativePoint(ISLANDS)).toEqual(point(5, 5));
  });

  it('is strictly inside, by an independent test, for a C-shaped ward whose centroid is in the gap', () => {
    // The square 0..100 less the gap 20..100 by 20..80 (open to the east): area 10000 − 4800 = 5200,
    // centroid x = (10000·50 − 4800·60) / 5200 = 40.8, y = 50: in the gap. The widest stretches
    // (x 0..100) run along the bottom and top bars; the first, at y = 0.78, has midpoint x = 50,
    // where the vertical inside stretch is y 0..20: (50, 10).
    const letterC = ward('E05000060', [
      [
        [
          [0, 0],
          [100, 0],
          [100, 20],
          [20, 20],
          [20, 80],
          [100, 80],
          [100, 100],
          [0, 100],
          [0, 0],
        ],
      ],
    ]);
    expect(turfInside(letterC, 40.8, 50)).toBe(false);
    const result = representativePoint(letterC);
    expect(result).toEqual(point(50, 10));
    expect(pointInWard(letterC.polygons, result)).toBe('inside');
    expect(turfInside(letterC, result.easting, result.northing)).toBe(true);
  });

  it('does not change the boundary it is given', () => {
    const frozen = deepFreeze(structuredClone(U_SHAPE));
    expect(representativePoint(frozen)).toEqual(point(15, 5));
  });

  it('throws for a ward with no vertices, which importers never produce', () => {
    expect(() => representativePoint(ward('E05000070', []))).toThrow(/E05000070/);
  });
});

describe('wardBoundingBox', () => {
  it('spans every part of a multipolygon ward', () => {
    expect(wardBoundingBox(ISLANDS)).toEqual({ minEasting: 0, minNorthing: 0, maxEasting: 104, maxNorthing: 10 });
  });

  it('throws for a ward with no vertices', () => {
    expect(() => wardBoundingBox(ward('E05000070', []))).toThrow(/E05000070/);
  });
});

describe('polygonsBoundingBox', () => {
  it('boxes one ring, given as [[ring]], and some polygons', () => {
    const triangle = [
      [407000.25, 286000.5],
      [407010.75, 286003],
      [406999.5, 286020.125],
      [407000.25, 286000.5],
    ] as const;
    expect(polygonsBoundingBox([[triangle]])).toEqual({
      minEasting: 406999.5,
      minNorthing: 286000.5,
      maxEasting: 407010.75,
      maxNorthing: 286020.125,
    });
    expect(polygonsBoundingBox(DOUGHNUT.polygons)).toEqual(wardBoundingBox(DOUGHNUT));
  });

  it('gives null when there are no vertices', () => {
    expect(polygonsBoundingBox([])).toBeNull();
    expect(polygonsBoundingBox([[[]]])).toBeNull();
  });
});

describe('gridDistanceMetres', () => {
  it('measures a 3-4-5 triangle', () => {
    expect(gridDistanceMetres(point(400000, 300000), point(403000, 304000))).toBe(5000);
  });

  it('is symmetric and zero from a point to itself', () => {
    expect(gridDistanceMetres(point(1, 2), point(1, 2))).toBe(0);
    expect(gridDistanceMetres(point(407000, 286000), point(391000, 299000))).toBe(
      gridDistanceMetres(point(391000, 299000), point(407000, 286000)),
    );
  });
});

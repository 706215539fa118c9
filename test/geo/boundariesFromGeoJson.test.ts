import {
  boundariesFromGeoJson,
  buildWardIndex,
  locateWard,
  pointInWard,
  signedRingArea,
  wgs84ToGrid,
} from '../../src/core/geo';
import { deepFreeze, point, rectangle } from './handMadeWards';

const BNG_CRS = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } };

function feature(properties: Record<string, unknown>, geometry: unknown): Record<string, unknown> {
  return { type: 'Feature', properties, geometry };
}

function collection(features: unknown[], crs?: unknown): Record<string, unknown> {
  return crs ? { type: 'FeatureCollection', crs, features } : { type: 'FeatureCollection', features };
}

/** A BNG rectangle as GeoJSON positions, offset into the West Midlands so it is a plausible grid point. */
function gridRectangle(x0: number, y0: number, x1: number, y1: number): number[][] {
  return rectangle(400000 + x0, 280000 + y0, 400000 + x1, 280000 + y1).map(([x, y]) => [x, y]);
}

describe('boundariesFromGeoJson', () => {
  it('skips a ward whose vertices lie thousands of kilometres away (1e308), keeping the rest, and says why', () => {
    const absurd = [
      [1e308, 1e308],
      [-1e308, 1e308],
      [-1e308, -1e308],
      [1e308, 1e308],
    ];
    const imported = boundariesFromGeoJson(
      collection(
        [
          feature({ WD22CD: 'E05000001', WD22NM: 'Far' }, { type: 'Polygon', coordinates: [absurd] }),
          feature(
            { WD22CD: 'E05000002', WD22NM: 'Near' },
            { type: 'Polygon', coordinates: [gridRectangle(0, 0, 1000, 1000)] },
          ),
        ],
        BNG_CRS,
      ),
    );
    expect(imported.boundaries.map((b) => b.wardCode)).toEqual(['E05000002']);
    expect(
      imported.problems.some((p) =>
        /E05000001\) has 4 vertices thousands of kilometres from Great Britain .*; it was skipped\./.test(p),
      ),
    ).toBe(true);
  });

  it('reads ONS ward properties and converts WGS84 vertices to British National Grid', () => {
    const ring = [
      [-1.9, 52.45],
      [-1.88, 52.45],
      [-1.88, 52.47],
      [-1.9, 52.47],
      [-1.9, 52.45],
    ];
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { WD22CD: 'E05011151', WD22NM: 'Ladywood', LAD22CD: 'E08000025', LAD22NM: 'Birmingham' },
          { type: 'Polygon', coordinates: [ring] },
        ),
      ]),
    );
    expect(result.crs).toBe('EPSG:4326');
    expect(result.problems).toEqual([]);
    expect(result.boundaries).toHaveLength(1);
    const [ward] = result.boundaries;
    expect(ward).toMatchObject({
      wardCode: 'E05011151',
      wardName: 'Ladywood',
      districtCode: 'E08000025',
      districtName: 'Birmingham',
    });
    // Each vertex is the grid image of the source vertex (the ring is already anticlockwise).
    const expected = ring.map(([longitude, latitude]) => {
      const grid = wgs84ToGrid(longitude, latitude);
      return [grid.easting, grid.northing];
    });
    expect(ward.polygons).toEqual([[expected]]);
    // Central Birmingham lies near E 407 km, N 286 km (OS Landranger 139 grid).
    expect(ward.polygons[0][0][0][0]).toBeGreaterThan(400000);
    expect(ward.polygons[0][0][0][0]).toBeLessThan(410000);
    expect(ward.polygons[0][0][0][1]).toBeGreaterThan(280000);
    expect(ward.polygons[0][0][0][1]).toBeLessThan(290000);
  });

  it('keeps British National Grid coordinates as they are when the crs member says EPSG:27700', () => {
    const result = boundariesFromGeoJson(
      collection(
        [
          feature(
            { WardCode: 'E05001284', Ward: 'Bickenhill', Area: 'Solihull' },
            { type: 'MultiPolygon', coordinates: [[gridRectangle(0, 0, 100, 100)]] },
          ),
        ],
        BNG_CRS,
      ),
    );
    expect(result.crs).toBe('EPSG:27700');
    expect(result.problems).toEqual([]);
    expect(result.boundaries[0]).toEqual({
      wardCode: 'E05001284',
      wardName: 'Bickenhill',
      districtName: 'Solihull',
      polygons: [[gridRectangle(0, 0, 100, 100)]],
    });
  });

  it.each([
    ['WD21CD', 'WD21NM'],
    ['WD23CD', 'WD23NM'],
    ['WardCode', 'WardName'],
    ['ward_code', 'ward_name'],
    ['Ward Code', 'Ward Name'],
    ['code', 'name'],
  ])('finds the ward code in %s and the name in %s', (codeKey, nameKey) => {
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { [codeKey]: 'E05000001', [nameKey]: 'First' },
          { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] },
        ),
      ]),
    );
    expect(result.boundaries.map((ward) => [ward.wardCode, ward.wardName])).toEqual([['E05000001', 'First']]);
  });

  it('prefers the latest year when a file carries several years of ward codes', () => {
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { WD21CD: 'E05000001', WD22CD: 'E05000002' },
          { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] },
        ),
      ]),
    );
    expect(result.boundaries[0].wardCode).toBe('E05000002');
  });

  it('recognises ward codes by their values when no property name gives them away', () => {
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { id_gss: 'E05000001', label_text: 'x' },
          { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] },
        ),
      ]),
    );
    expect(result.boundaries[0].wardCode).toBe('E05000001');
  });

  it('uses the code and name properties it is told to use', () => {
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { WD22CD: 'E05000001', LSOA21CD: 'E01000001', LSOA21NM: 'Somewhere 001A' },
          { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] },
        ),
      ]),
      { codeProperty: 'LSOA21CD', nameProperty: 'LSOA21NM' },
    );
    expect(result.boundaries[0]).toMatchObject({ wardCode: 'E01000001', wardName: 'Somewhere 001A' });
  });

  it('names the ward by its code when there is no name property', () => {
    const result = boundariesFromGeoJson(
      collection([feature({ WD22CD: 'E05000001' }, { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] })]),
    );
    expect(result.boundaries[0].wardName).toBe('E05000001');
  });

  it('closes rings that are left open', () => {
    const open = gridRectangle(0, 0, 10, 10).slice(0, -1);
    const result = boundariesFromGeoJson(
      collection([feature({ WD22CD: 'E05000001' }, { type: 'Polygon', coordinates: [open] })]),
    );
    expect(result.boundaries[0].polygons[0][0]).toEqual(gridRectangle(0, 0, 10, 10));
  });

  it('turns a hole filed as a polygon of its own back into a hole', () => {
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { WD22CD: 'E05000001' },
          { type: 'MultiPolygon', coordinates: [[gridRectangle(0, 0, 30, 30)], [gridRectangle(10, 10, 20, 20)]] },
        ),
      ]),
    );
    const [ward] = result.boundaries;
    expect(ward.polygons).toHaveLength(1);
    expect(ward.polygons[0]).toHaveLength(2);
    // Outer anticlockwise (positive area 900 m²), hole clockwise (−100 m²): RFC 7946's right-hand rule.
    expect(signedRingArea(ward.polygons[0][0])).toBe(900);
    expect(signedRingArea(ward.polygons[0][1])).toBe(-100);
    const index = buildWardIndex(result.boundaries);
    expect(locateWard(index, point(400015, 280015))).toBeNull();
    expect(locateWard(index, point(400005, 280015))).toBe('E05000001');
  });

  it('moves a hole filed under the wrong polygon to the polygon that surrounds it', () => {
    // Part 1 is 0..30 square; part 2 is a separate 100..110 square that wrongly carries part 1's hole.
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { WD22CD: 'E05000001' },
          {
            type: 'MultiPolygon',
            coordinates: [
              [gridRectangle(0, 0, 30, 30)],
              [gridRectangle(100, 0, 110, 10), gridRectangle(10, 10, 20, 20)],
            ],
          },
        ),
      ]),
    );
    const polygons = result.boundaries[0].polygons;
    expect(polygons.map((polygon) => polygon.map((ring) => Math.abs(signedRingArea(ring))))).toEqual([
      [900, 100],
      [100],
    ]);
    expect(pointInWard(polygons, point(400015, 280015))).toBe('outside');
    expect(pointInWard(polygons, point(400105, 280005))).toBe('inside');
  });

  it('keeps an island inside a hole as a polygon of its own', () => {
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { WD22CD: 'E05000001' },
          {
            type: 'Polygon',
            coordinates: [gridRectangle(0, 0, 30, 30), gridRectangle(10, 10, 20, 20), gridRectangle(12, 12, 18, 18)],
          },
        ),
      ]),
    );
    const polygons = result.boundaries[0].polygons;
    expect(polygons.map((polygon) => polygon.map((ring) => signedRingArea(ring)))).toEqual([[900, -100], [36]]);
    expect(pointInWard(polygons, point(400015, 280015))).toBe('inside');
    expect(pointInWard(polygons, point(400011, 280011))).toBe('outside');
  });

  it('merges features that share a ward code, and says so', () => {
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { WD22CD: 'E05000001', WD22NM: 'Split' },
          { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] },
        ),
        feature(
          { WD22CD: 'E05000002', WD22NM: 'Other' },
          { type: 'Polygon', coordinates: [gridRectangle(10, 0, 20, 10)] },
        ),
        feature(
          { WD22CD: 'E05000001', WD22NM: 'Split' },
          { type: 'Polygon', coordinates: [gridRectangle(50, 0, 60, 10)] },
        ),
      ]),
    );
    expect(result.boundaries.map((ward) => [ward.wardCode, ward.polygons.length])).toEqual([
      ['E05000001', 2],
      ['E05000002', 1],
    ]);
    expect(result.problems).toEqual([
      'Ward E05000001 appears in 2 features; their polygons were merged into one boundary.',
    ]);
  });

  it('drops a ring that exactly repeats another, which would otherwise cancel it', () => {
    const reversed = [...gridRectangle(0, 0, 10, 10)].reverse();
    const result = boundariesFromGeoJson(
      collection([
        feature(
          { WD22CD: 'E05000001' },
          { type: 'MultiPolygon', coordinates: [[gridRectangle(0, 0, 10, 10)], [reversed]] },
        ),
      ]),
    );
    expect(result.boundaries[0].polygons).toHaveLength(1);
    expect(result.problems).toEqual(['Ward E05000001 repeats 1 ring exactly; the repeat was left out.']);
  });

  it('skips features without a code or usable geometry and says which, keeping the rest', () => {
    const good = feature({ WD22CD: 'E05000001' }, { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] });
    const result = boundariesFromGeoJson(
      collection(
        [
          good,
          feature({ WD22CD: '' }, { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] }),
          feature({ WD22CD: 'E05000003' }, null),
          feature({ WD22CD: 'E05000004' }, { type: 'Point', coordinates: [400000, 280000] }),
          feature(
            { WD22CD: 'E05000005' },
            {
              type: 'Polygon',
              coordinates: [
                [
                  [400000, 280000],
                  [400010, 280000],
                  [400000, 280000],
                ],
              ],
            },
          ),
          feature(
            { WD22CD: 'E05000006' },
            {
              type: 'Polygon',
              coordinates: [
                [
                  [400000, 280000],
                  [400010, 280010],
                  [400020, 280020],
                  [400000, 280000],
                ],
              ],
            },
          ),
          feature(
            { WD22CD: 'E05000007' },
            {
              type: 'Polygon',
              coordinates: [
                [
                  [400000, 280000],
                  [null, 280000],
                  [400010, 280010],
                  [400000, 280000],
                ],
              ],
            },
          ),
        ],
        BNG_CRS,
      ),
    );
    expect(result.boundaries.map((ward) => ward.wardCode)).toEqual(['E05000001']);
    expect(result.problems).toEqual([
      "Feature 2 has no ward code in property 'WD22CD'; it was skipped.",
      'Feature 3 (ward E05000003) has no geometry; it was skipped.',
      'Feature 4 (ward E05000004) has a Point geometry, not a Polygon or MultiPolygon; it was skipped.',
      'Feature 5 (ward E05000005): ring 1 was left out because it has 2 distinct points; a ring needs at least 3.',
      'Feature 5 (ward E05000005) has no usable polygon ring; it was skipped.',
      'Feature 6 (ward E05000006): ring 1 was left out because its points all lie on one line, so it encloses no area.',
      'Feature 6 (ward E05000006) has no usable polygon ring; it was skipped.',
      'Feature 7 (ward E05000007): ring 1 has a position that is not a pair of numbers ([null,280000]); the ring was left out.',
      'Feature 7 (ward E05000007) has no usable polygon ring; it was skipped.',
    ]);
  });

  it('reads the coordinates by their range, and says so, when the crs member contradicts them', () => {
    const lonLat = [
      [-1.9, 52.45],
      [-1.88, 52.45],
      [-1.88, 52.47],
      [-1.9, 52.45],
    ];
    const result = boundariesFromGeoJson(
      collection([feature({ WD22CD: 'E05000001' }, { type: 'Polygon', coordinates: [lonLat] })], BNG_CRS),
    );
    expect(result.crs).toBe('EPSG:4326');
    expect(result.problems).toEqual([
      "The file declares British National Grid easting/northing ('urn:ogc:def:crs:EPSG::27700') but its coordinates look like WGS84 longitude/latitude; they were read as WGS84 longitude/latitude.",
    ]);
    expect(result.boundaries[0].polygons[0][0][0][0]).toBeGreaterThan(400000);
  });

  it('reports a coordinate system it does not support', () => {
    const result = boundariesFromGeoJson(
      collection([feature({ WD22CD: 'E05000001' }, { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] })], {
        type: 'name',
        properties: { name: 'EPSG:3857' },
      }),
    );
    expect(result.problems[0]).toMatch(/declares the coordinate system 'EPSG:3857', which is not supported/);
  });

  it('flags vertices that land outside Great Britain', () => {
    const result = boundariesFromGeoJson(
      collection([
        feature({ WD22CD: 'E05000001' }, { type: 'Polygon', coordinates: [rectangle(800000, 0, 800010, 10)] }),
      ]),
    );
    expect(result.problems).toEqual([
      "Feature 1 (ward E05000001) has 5 vertices outside Great Britain's grid (0–700 km east, 0–1,300 km north); check that its coordinates are British National Grid metres.",
    ]);
  });

  it('explains when there is no ward code property at all', () => {
    const result = boundariesFromGeoJson(
      collection([feature({ colour: 'red' }, { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] })]),
    );
    expect(result.boundaries).toEqual([]);
    expect(result.problems[0]).toMatch(/^No ward code property was found .*properties present: colour\)/);
  });

  it('explains when the input is not GeoJSON features', () => {
    expect(boundariesFromGeoJson([1, 2, 3]).problems).toEqual([
      'The GeoJSON is not a FeatureCollection or a Feature (its type is an array); no ward boundaries were read.',
    ]);
    expect(boundariesFromGeoJson({ type: 'Polygon', coordinates: [] }).problems[0]).toMatch(/its type is 'Polygon'/);
  });

  it('accepts a single Feature', () => {
    const result = boundariesFromGeoJson(
      feature({ WD22CD: 'E05000001' }, { type: 'Polygon', coordinates: [gridRectangle(0, 0, 10, 10)] }),
    );
    expect(result.boundaries.map((ward) => ward.wardCode)).toEqual(['E05000001']);
  });

  it('does not change the GeoJSON it reads', () => {
    const input = deepFreeze(
      collection([
        feature(
          { WD22CD: 'E05000001' },
          {
            type: 'MultiPolygon',
            coordinates: [[gridRectangle(0, 0, 30, 30)], [[...gridRectangle(10, 10, 20, 20)].reverse()]],
          },
        ),
      ]),
    );
    const copy = structuredClone(input);
    boundariesFromGeoJson(input);
    expect(input).toEqual(copy);
  });
});

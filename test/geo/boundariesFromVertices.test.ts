import fc from 'fast-check';
import { boundariesFromGeoJson, boundariesFromVertices, pointInWard, type BoundaryVertex } from '../../src/core/geo';
import { deepFreeze, point } from './handMadeWards';

type Position = readonly [number, number];

/** Three wards near Birmingham in WGS84: one plain, one with a hole, one of two parts. */
const WARDS: readonly { code: string; name: string; polygons: readonly (readonly (readonly Position[])[])[] }[] = [
  {
    code: 'E05000101',
    name: 'Plain',
    polygons: [
      [
        [
          [-1.9, 52.45],
          [-1.88, 52.45],
          [-1.885, 52.46],
          [-1.9, 52.462],
          [-1.9, 52.45],
        ],
      ],
    ],
  },
  {
    code: 'E05000102',
    name: 'Holed',
    polygons: [
      [
        [
          [-1.88, 52.45],
          [-1.85, 52.45],
          [-1.85, 52.47],
          [-1.88, 52.47],
          [-1.88, 52.45],
        ],
        [
          [-1.87, 52.455],
          [-1.87, 52.46],
          [-1.86, 52.46],
          [-1.86, 52.455],
          [-1.87, 52.455],
        ],
      ],
    ],
  },
  {
    code: 'E05000103',
    name: 'Two parts',
    polygons: [
      [
        [
          [-1.84, 52.45],
          [-1.83, 52.45],
          [-1.83, 52.46],
          [-1.84, 52.45],
        ],
      ],
      [
        [
          [-1.82, 52.45],
          [-1.81, 52.45],
          [-1.81, 52.455],
          [-1.82, 52.455],
          [-1.82, 52.45],
        ],
      ],
    ],
  },
];

const GEOJSON = {
  type: 'FeatureCollection',
  features: WARDS.map((ward) => ({
    type: 'Feature',
    properties: { WD22CD: ward.code, WD22NM: ward.name },
    geometry: { type: 'MultiPolygon', coordinates: ward.polygons },
  })),
};

/** The same wards as a vertex sheet: rings left open (as a sheet would list them), orders 1, 2, 3… */
function vertexRows(): BoundaryVertex[] {
  return WARDS.flatMap((ward) =>
    ward.polygons.flatMap((polygon, part) =>
      polygon.flatMap((ring, ringNumber) =>
        ring.slice(0, -1).map(([x, y], position) => ({
          wardCode: ward.code,
          wardName: ward.name,
          part,
          ring: ringNumber,
          order: position + 1,
          x,
          y,
        })),
      ),
    ),
  );
}

describe('boundariesFromVertices', () => {
  it('gives the same boundaries as the GeoJSON of the same polygons', () => {
    const fromGeoJson = boundariesFromGeoJson(GEOJSON);
    const fromVertices = boundariesFromVertices(vertexRows());
    expect(fromVertices.crs).toBe('EPSG:4326');
    expect(fromVertices.problems).toEqual([]);
    expect(fromGeoJson.problems).toEqual([]);
    expect(fromVertices.boundaries).toEqual(fromGeoJson.boundaries);
  });

  it('gives the same boundaries whatever order the rows come in', () => {
    const expected = boundariesFromVertices(vertexRows()).boundaries;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(vertexRows(), { minLength: vertexRows().length, maxLength: vertexRows().length }),
        (shuffled) => {
          // Wards are listed in order of first appearance, so compare them by code.
          const byCode = (list: typeof expected) => [...list].sort((a, b) => (a.wardCode < b.wardCode ? -1 : 1));
          expect(byCode(boundariesFromVertices(shuffled).boundaries)).toEqual(byCode(expected));
        },
      ),
      { seed: 3, numRuns: 50 },
    );
  });

  it('keeps a hole a hole, and a point in it outside the ward', () => {
    const holed = boundariesFromVertices(vertexRows()).boundaries.find((ward) => ward.wardCode === 'E05000102')!;
    expect(holed.polygons).toHaveLength(1);
    expect(holed.polygons[0]).toHaveLength(2);
    const [holeX, holeY] = holed.polygons[0][1][0];
    const [outerX, outerY] = holed.polygons[0][0][0];
    // The hole's first vertex is (-1.87, 52.455), its outer ring's (-1.88, 52.45): step a metre
    // into the hole and a metre into the ward respectively.
    expect(pointInWard(holed.polygons, point(holeX + 1, holeY + 1))).toBe('outside');
    expect(pointInWard(holed.polygons, point(outerX + 1, outerY + 1))).toBe('inside');
  });

  it('reads easting/northing sheets as British National Grid and leaves them unchanged', () => {
    const rows: BoundaryVertex[] = [
      { wardCode: 'E05000001', part: 1, ring: 0, order: 1, x: 400000, y: 280000 },
      { wardCode: 'E05000001', part: 1, ring: 0, order: 2, x: 400100, y: 280000 },
      { wardCode: 'E05000001', part: 1, ring: 0, order: 3, x: 400100, y: 280100 },
    ];
    const result = boundariesFromVertices(rows);
    expect(result.crs).toBe('EPSG:27700');
    expect(result.problems).toEqual([]);
    expect(result.boundaries).toEqual([
      {
        wardCode: 'E05000001',
        wardName: 'E05000001',
        polygons: [
          [
            [
              [400000, 280000],
              [400100, 280000],
              [400100, 280100],
              [400000, 280000],
            ],
          ],
        ],
      },
    ]);
  });

  it('swaps x and y, and says so, when x holds latitudes and y longitudes', () => {
    const swapped = vertexRows().map((row) => ({ ...row, x: row.y, y: row.x }));
    const result = boundariesFromVertices(swapped);
    expect(result.problems).toEqual([
      'The x column looks like latitude and y like longitude (x should be longitude or easting); they were swapped.',
    ]);
    expect(result.boundaries).toEqual(boundariesFromGeoJson(GEOJSON).boundaries);
  });

  it('treats ring numbers as grouping only: a ring numbered 0 inside another is still a hole', () => {
    const rows = vertexRows()
      .filter((row) => row.wardCode === 'E05000102')
      .map((row) => ({ ...row, part: row.ring, ring: 0 }));
    const result = boundariesFromVertices(rows);
    expect(result.boundaries[0].polygons).toEqual(boundariesFromGeoJson(GEOJSON).boundaries[1].polygons);
  });

  it('skips rows without a code or with a non-numeric coordinate and says which', () => {
    const rows: BoundaryVertex[] = [
      ...vertexRows().filter((row) => row.wardCode === 'E05000101'),
      { wardCode: ' ', part: 0, ring: 0, order: 9, x: -1.9, y: 52.45 },
      { wardCode: 'E05000101', part: 0, ring: 0, order: 10, x: Number.NaN, y: 52.45 },
    ];
    const result = boundariesFromVertices(rows);
    expect(result.boundaries.map((ward) => ward.wardCode)).toEqual(['E05000101']);
    expect(result.problems).toEqual([
      'Vertex row 5 has no ward code; it was skipped.',
      "Vertex row 6 (ward E05000101): x 'NaN' is not a number; the vertex was skipped.",
    ]);
  });

  it('reports repeated vertex order numbers and rings too small to use', () => {
    const rows: BoundaryVertex[] = [
      { wardCode: 'E05000001', part: 0, ring: 0, order: 1, x: 400000, y: 280000 },
      { wardCode: 'E05000001', part: 0, ring: 0, order: 2, x: 400100, y: 280000 },
      { wardCode: 'E05000001', part: 0, ring: 0, order: 2, x: 400100, y: 280100 },
      { wardCode: 'E05000001', part: 0, ring: 1, order: 1, x: 400010, y: 280010 },
      { wardCode: 'E05000001', part: 0, ring: 1, order: 2, x: 400020, y: 280010 },
    ];
    const result = boundariesFromVertices(rows);
    expect(result.problems).toEqual([
      'Ward E05000001, part 0, ring 0: 1 vertex order number is repeated; those vertices were kept in sheet order.',
      'Ward E05000001, part 0, ring 1 was left out because it has 2 distinct points; a ring needs at least 3.',
    ]);
    expect(result.boundaries[0].polygons).toEqual([
      [
        [
          [400000, 280000],
          [400100, 280000],
          [400100, 280100],
          [400000, 280000],
        ],
      ],
    ]);
  });

  it('does not change the rows it reads', () => {
    const rows = deepFreeze(vertexRows());
    expect(() => boundariesFromVertices(rows)).not.toThrow();
  });
});

import fc from 'fast-check';
import { buildWardIndex, locateWard, locateWardNaive, locateWards, pointInWard } from '../../src/core/geo';
import type { WardBoundary } from '../../src/core/types';
import { DOUGHNUT, ENCLAVE, ISLANDS, TILES, TILE_LIST, deepFreeze, point, rectangle, ward } from './handMadeWards';

/** Both methods, so every expectation below is checked against the index and the naive loop. */
function locateBoth(boundaries: readonly WardBoundary[], easting: number, northing: number): string | null {
  const indexed = locateWard(buildWardIndex(boundaries), point(easting, northing));
  const naive = locateWardNaive(boundaries, point(easting, northing));
  expect(naive).toBe(indexed);
  return indexed;
}

describe('a point level with a vertex (the crossing rule at an edge end)', () => {
  // A diamond: its left and right vertices lie at northing 5, so a horizontal ray from any point at
  // that height passes exactly through a vertex, where one edge ends and the next begins. Each
  // crossing must count once: counted at both edges (or neither) a point inside reads as outside.
  const diamond = ward('E05000030', [
    [
      [
        [5, 0],
        [10, 5],
        [5, 10],
        [0, 5],
        [5, 0],
      ],
    ],
  ]);
  const wide = ward('E05000031', [[rectangle(20, 0, 30, 10)]]);

  it.each([
    [0.5, 'E05000030'],
    [3, 'E05000030'],
    [5, 'E05000030'],
    [9.5, 'E05000030'],
    [15, null],
    [25, 'E05000031'],
    [-3, null],
  ] as const)('places (%d, 5) by the index as the naive loop does', (easting, expected) => {
    expect(locateBoth([diamond, wide], easting, 5)).toBe(expected);
  });

  it('agrees with the naive loop, and places inside, every point level with the side vertices of any diamond', () => {
    // Where the vertex height falls within one of the index's horizontal bands, both edges that
    // meet there are tested: only the rule "count an edge up to, not including, its upper end"
    // toggles once.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: -39, max: 39 }),
        (cx, cy, w, h, fortieths) => {
          const shape = ward('E05000032', [
            [
              [
                [cx, cy - h],
                [cx + w, cy],
                [cx, cy + h],
                [cx - w, cy],
                [cx, cy - h],
              ],
            ],
          ]);
          expect(locateBoth([shape], cx + (w * fortieths) / 40, cy)).toBe('E05000032');
        },
      ),
    );
  });
});

describe('pointInWard (the exact test)', () => {
  const square = [[rectangle(0, 0, 10, 10)]];

  it.each([
    ['the middle', 5, 5, 'inside'],
    ['just inside the left edge', 0.001, 5, 'inside'],
    ['on the left edge', 0, 5, 'boundary'],
    ['on the top edge', 5, 10, 'boundary'],
    ['on a corner', 10, 10, 'boundary'],
    ['just outside the right edge', 10.001, 5, 'outside'],
    ['level with the top edge, beyond it', 15, 10, 'outside'],
    ['level with the bottom edge, before it', -5, 0, 'outside'],
  ] as const)('places a point at %s of a square', (_where, easting, northing, expected) => {
    expect(pointInWard(square, point(easting, northing))).toBe(expected);
  });

  it('treats a hole as outside and its edge as boundary', () => {
    expect(pointInWard(DOUGHNUT.polygons, point(15, 15))).toBe('outside');
    expect(pointInWard(DOUGHNUT.polygons, point(5, 15))).toBe('inside');
    expect(pointInWard(DOUGHNUT.polygons, point(10, 15))).toBe('boundary');
  });

  it('treats a hole filed as a polygon of its own as a hole (even-odd over all rings)', () => {
    const regrouped = [[rectangle(0, 0, 30, 30)], [rectangle(10, 10, 20, 20)]];
    expect(pointInWard(regrouped, point(15, 15))).toBe('outside');
    expect(pointInWard(regrouped, point(25, 25))).toBe('inside');
  });

  it('gives the same answer whichever way a ring is walked, even where rounding is at its most delicate', () => {
    // Each case is an edge A-B and a point P on it up to rounding, found by searching for points
    // where the orientation (B−A)×(P−A), computed from A, and the same quantity computed from B,
    // round to different signs (one exactly 0). A ward sharing the edge walks it the other way, so
    // without a canonical edge direction the two neighbours would disagree about P.
    const cases = [
      [
        407328.23422613007, 286632.63856788754, 408084.64471208147, 287624.67595342157, 407604.58022759046,
        286995.06818762864,
      ],
      [
        407654.94484950555, 286658.08563942934, 408100.28673806245, 287520.206614941, 408038.0437181215,
        287399.7126428959,
      ],
      [
        407069.41783291724, 286705.51784043456, 407707.7620167787, 287357.2159996276, 407250.6830412583,
        286890.5750644027,
      ],
      [
        407140.6638245753, 286136.8996375878, 408012.8727625184, 286353.5196469168, 407947.8903989321,
        286337.3807613884,
      ],
    ] as const;
    for (const [ax, ay, bx, by, px, py] of cases) {
      // A triangle with A-B as one side and its third corner well to the west.
      const forward = [
        [
          [
            [ax, ay],
            [bx, by],
            [ax - 800, by],
            [ax, ay],
          ] as const,
        ],
      ];
      const backward = [
        [
          [
            [ax, ay],
            [ax - 800, by],
            [bx, by],
            [ax, ay],
          ] as const,
        ],
      ];
      const placement = pointInWard(forward, point(px, py));
      expect(pointInWard(backward, point(px, py))).toBe(placement);
      const wards = [ward('E05000090', forward), ward('E05000091', backward)];
      const index = buildWardIndex(wards);
      // Both wards are the same triangle, so either both contain P (the lower code wins) or neither.
      const expected = placement === 'outside' ? null : 'E05000090';
      expect(locateWard(index, point(px, py))).toBe(expected);
      expect(locateWardNaive(wards, point(px, py))).toBe(expected);
    }
  });

  it('works on rings that are not explicitly closed', () => {
    const open = [
      [
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [0, 10],
        ] as const,
      ],
    ];
    expect(pointInWard(open, point(5, 5))).toBe('inside');
    expect(pointInWard(open, point(0, 5))).toBe('boundary');
  });
});

describe('locateWard and locateWardNaive', () => {
  it('find the ward a point lies inside', () => {
    expect(locateBoth(TILE_LIST, 5, 5)).toBe(TILES.A.wardCode);
    expect(locateBoth(TILE_LIST, 15, 5)).toBe(TILES.B.wardCode);
    expect(locateBoth(TILE_LIST, 15, 15)).toBe(TILES.C.wardCode);
    expect(locateBoth(TILE_LIST, 5, 15)).toBe(TILES.D.wardCode);
  });

  it('give null for a point outside every ward, and for non-finite coordinates', () => {
    expect(locateBoth(TILE_LIST, 25, 5)).toBeNull();
    expect(locateBoth(TILE_LIST, -1e9, 1e9)).toBeNull();
    expect(locateBoth(TILE_LIST, Number.NaN, 5)).toBeNull();
    expect(locateBoth(TILE_LIST, 5, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('give null for every point when there are no wards', () => {
    expect(locateBoth([], 5, 5)).toBeNull();
  });

  it('put a point on an edge shared by two wards in exactly one of them, the lower code, on every call', () => {
    // (10, 5) is on the edge between A (E05000003) and B (E05000002): B has the lower code.
    const index = buildWardIndex(TILE_LIST);
    const answers = new Set(Array.from({ length: 5 }, () => locateWard(index, point(10, 5))));
    expect([...answers]).toEqual([TILES.B.wardCode]);
    expect(locateBoth(TILE_LIST, 10, 5)).toBe('E05000002');
    // (5, 10) is on the edge between A (E05000003) and D (E05000004): A has the lower code.
    expect(locateBoth(TILE_LIST, 5, 10)).toBe('E05000003');
  });

  it('put a point on the vertex shared by four wards in the lowest-coded one', () => {
    expect(locateBoth(TILE_LIST, 10, 10)).toBe('E05000001');
  });

  it('do not depend on the order the wards are listed in', () => {
    const reversed = [...TILE_LIST].reverse();
    for (const [easting, northing] of [
      [10, 5],
      [10, 10],
      [5, 10],
      [20, 15],
    ]) {
      expect(locateBoth(reversed, easting, northing)).toBe(locateBoth(TILE_LIST, easting, northing));
    }
  });

  it('put a point in a hole in the enclave that fills it, and in no ward when nothing does', () => {
    expect(locateBoth([DOUGHNUT, ENCLAVE], 15, 15)).toBe(ENCLAVE.wardCode);
    expect(locateBoth([DOUGHNUT], 15, 15)).toBeNull();
    expect(locateBoth([DOUGHNUT, ENCLAVE], 5, 5)).toBe(DOUGHNUT.wardCode);
    // On the hole's edge both contain it; the doughnut's code (E05000010) is the lower.
    expect(locateBoth([DOUGHNUT, ENCLAVE], 10, 15)).toBe(DOUGHNUT.wardCode);
  });

  it('find both parts of a multipolygon ward, and nothing between them', () => {
    expect(locateBoth([ISLANDS], 5, 5)).toBe(ISLANDS.wardCode);
    expect(locateBoth([ISLANDS], 102, 2)).toBe(ISLANDS.wardCode);
    expect(locateBoth([ISLANDS], 50, 2)).toBeNull();
    expect(locateBoth([ISLANDS], 102, 5)).toBeNull();
  });

  it('settle a point in an overlap between sloppy boundaries by the lowest code', () => {
    const left = ward('E05000031', [[rectangle(0, 0, 12, 10)]]);
    const right = ward('E05000030', [[rectangle(10, 0, 20, 10)]]);
    expect(locateBoth([left, right], 11, 5)).toBe('E05000030');
    expect(locateBoth([left, right], 9, 5)).toBe('E05000031');
  });

  it('on a lattice of points over the tiles, including every edge and vertex, return the lowest-coded ward that contains each', () => {
    const index = buildWardIndex(TILE_LIST);
    for (let x = -2.5; x <= 22.5; x += 1.25) {
      for (let y = -2.5; y <= 22.5; y += 1.25) {
        const containing = TILE_LIST.filter((tile) => pointInWard(tile.polygons, point(x, y)) !== 'outside')
          .map((tile) => tile.wardCode)
          .sort();
        const expected = containing[0] ?? null;
        // By hand: inside the 0..20 square (edges included) some tile contains the point.
        expect(expected !== null).toBe(x >= 0 && x <= 20 && y >= 0 && y <= 20);
        expect(locateWard(index, point(x, y))).toBe(expected);
        expect(locateWardNaive(TILE_LIST, point(x, y))).toBe(expected);
      }
    }
  });

  it('put a point near a shared diagonal edge at grid scale in exactly one of the two wards', () => {
    // Two quadrilaterals share the edge P-Q, whose coordinates have no exact binary fractions, so
    // points along it are rarely exactly on it; either way exactly one ward must claim each point.
    const p = [407123.4567, 286987.6543] as const;
    const q = [407901.2345, 287654.3219] as const;
    const west = ward('E05000041', [[[p, q, [407000.1, 287800.2], [406900.3, 286950.4], p]]]);
    const east = ward('E05000040', [[[q, p, [407300.5, 286800.6], [408100.7, 287500.8], q]]]);
    const index = buildWardIndex([west, east]);
    fc.assert(
      // t stays 1% (10 m) away from the ends, where a sideways nudge could leave both wards.
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
        (t, offset) => {
          const here = point(p[0] + t * (q[0] - p[0]) + offset, p[1] + t * (q[1] - p[1]));
          const claims = [west, east].filter((candidate) => pointInWard(candidate.polygons, here) !== 'outside');
          const strictlyInside = [west, east].filter((candidate) => pointInWard(candidate.polygons, here) === 'inside');
          // Never in both interiors, never in neither (the shared edge is between them).
          expect(claims.length).toBeGreaterThanOrEqual(1);
          expect(strictlyInside.length).toBeLessThanOrEqual(1);
          const expected = claims.map((candidate) => candidate.wardCode).sort()[0];
          expect(locateWard(index, here)).toBe(expected);
          expect(locateWardNaive([west, east], here)).toBe(expected);
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('agree with the naive loop at any grid resolution, including points on cell lines', () => {
    const wards = [
      DOUGHNUT,
      ENCLAVE,
      ISLANDS,
      ...TILE_LIST.map((tile) => ({
        ...tile,
        polygons: tile.polygons.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x + 40, y] as const))),
      })),
    ];
    const indexes = [1, 3, 7, 64, 1024].map((cellsAcross) => buildWardIndex(wards, { cellsAcross }));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -5, max: 110, noNaN: true }),
          fc.integer({ min: -5, max: 110 }),
          fc.integer({ min: -20, max: 440 }).map((quarter) => quarter / 4),
        ),
        fc.oneof(
          fc.double({ min: -5, max: 35, noNaN: true }),
          fc.integer({ min: -5, max: 35 }),
          fc.integer({ min: -20, max: 140 }).map((quarter) => quarter / 4),
        ),
        (easting, northing) => {
          const expected = locateWardNaive(wards, point(easting, northing));
          for (const index of indexes) expect(locateWard(index, point(easting, northing))).toBe(expected);
        },
      ),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('locateWards answers each point as locateWard does, in order', () => {
    const index = buildWardIndex(TILE_LIST);
    const points = [point(5, 5), point(10, 5), point(30, 30), point(15, 15)];
    expect(locateWards(index, points)).toEqual(points.map((each) => locateWard(index, each)));
    expect(locateWards(index, points)).toEqual(['E05000003', 'E05000002', null, 'E05000001']);
  });

  it('does not change the boundaries it is given', () => {
    const frozen = deepFreeze([ENCLAVE, DOUGHNUT].map((each) => structuredClone(each)));
    const index = buildWardIndex(frozen);
    expect(locateWard(index, point(15, 15))).toBe(ENCLAVE.wardCode);
    expect(locateWard(index, point(5, 5))).toBe(DOUGHNUT.wardCode);
    expect(frozen).toEqual([ENCLAVE, DOUGHNUT]);
  });
});

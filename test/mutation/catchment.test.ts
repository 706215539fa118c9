/**
 * Tests written to kill the mutants that survived `npm run mutate` on src/core/catchment (see stryker.config.mjs).
 * Every expected value is worked by hand in the comments.
 */
import {
  catchmentShares,
  decayLengthsToDraw,
  distanceDecayShares,
  gridDistance,
  observedShares,
  type CatchmentShares,
} from '../../src/core/catchment';

function sharesOf(catchment: CatchmentShares | undefined): [string, number][] {
  return (catchment?.shares ?? []).map((entry) => [entry.wardCode, entry.share]);
}

// Two schools and three wards on a line, λ = 1 km (as in test/catchment/catchmentShares.test.ts):
//   S1 at 0 m with 100 pupils, S2 at 2,000 m with 300; ward A at 0 m (100 young residents), B at 1,000 m (200),
//   C at 2,000 m (50). Shares worked there: S1 A 0.576918, B 0.405575, C 0.017507; S2 A 0.127367, B 0.661614,
//   C 0.211018.
const at = (easting: number) => ({ easting: 400000 + easting, northing: 280000 });
const S1 = { urn: 'S1', pupils: 100, location: at(0) };
const S2 = { urn: 'S2', pupils: 300, location: at(2000) };
const A = { wardCode: 'A', youngPopulation: 100, location: at(0) };
const B = { wardCode: 'B', youngPopulation: 200, location: at(1000) };
const C = { wardCode: 'C', youngPopulation: 50, location: at(2000) };
const TWO_SCHOOLS_S1: [string, number][] = [
  ['A', 0.576918],
  ['B', 0.405575],
  ['C', 0.017507],
];

function expectShares(actual: [string, number][], expected: [string, number][], digits = 5): void {
  expect(actual.map(([code]) => code)).toEqual(expected.map(([code]) => code));
  actual.forEach(([, share], index) => expect(share).toBeCloseTo(expected[index][1], digits));
}

describe('distanceDecayShares: what takes part', () => {
  it.each([0, -5, NaN])('refuses a decay length of %p metres', (decayMetres) => {
    expect(() => distanceDecayShares([S1], [A], { decayMetres })).toThrow(
      /decayMetres must be a positive distance in metres; got/,
    );
  });

  it('leaves out a school whose pupils are not a finite number: it draws no children and has no shares', () => {
    const infinite = { urn: 'INF', pupils: Infinity, location: at(500) };
    const shares = distanceDecayShares([S1, infinite, S2], [C, A, B], { decayMetres: 1000, minShare: 0 });
    expect(shares.get('INF')).toEqual({ urn: 'INF', model: 'distanceDecay', shares: [], coverage: 0 });
    expectShares(sharesOf(shares.get('S1')), TWO_SCHOOLS_S1);
  });

  it('leaves out wards with a negative or infinite population, or an infinite location', () => {
    const negative = { wardCode: 'N', youngPopulation: -40, location: at(0) };
    const infinite = { wardCode: 'I', youngPopulation: Infinity, location: at(1000) };
    const nowhere = { wardCode: 'W', youngPopulation: 30, location: { easting: Infinity, northing: 280000 } };
    const shares = distanceDecayShares([S1, S2], [negative, C, infinite, A, nowhere, B], {
      decayMetres: 1000,
      minShare: 0,
    });
    expectShares(sharesOf(shares.get('S1')), TWO_SCHOOLS_S1);
  });

  it('counts a ward exactly at the cut-off distance as within reach', () => {
    // Cut-off 1,000 m: A reaches S1 only (100), C S2 only (50), B (1,000 m from both) splits 100 : 300 -> 50 / 150.
    // S1: A 100, B 50 -> 2/3, 1/3. S2: B 150, C 50 -> 3/4, 1/4.
    const shares = distanceDecayShares([S1, S2], [A, B, C], { decayMetres: 1000, cutoffMetres: 1000 });
    expectShares(
      sharesOf(shares.get('S1')),
      [
        ['A', 2 / 3],
        ['B', 1 / 3],
      ],
      12,
    );
    expectShares(
      sharesOf(shares.get('S2')),
      [
        ['B', 0.75],
        ['C', 0.25],
      ],
      12,
    );
  });
});

describe('distanceDecayShares: the smallest share kept', () => {
  it('drops shares under minShare and renormalises the rest', () => {
    // minShare 0.02 drops S1's C (0.017507); A and B are divided by 0.982493: 0.587198 and 0.412802.
    // Ward N (negative population) takes no part: counted, it would cut S1's total and lift C over 0.02.
    const N = { wardCode: 'N', youngPopulation: -40, location: at(0) };
    const shares = distanceDecayShares([S1, S2], [A, N, B, C], { decayMetres: 1000, minShare: 0.02 });
    expectShares(sharesOf(shares.get('S1')), [
      ['A', 0.587198],
      ['B', 0.412802],
    ]);
    expect(shares.get('S1')!.shares[0].pupils).toBeCloseTo(58.7198, 3); // share × 100 pupils on roll
    expectShares(sharesOf(shares.get('S2')), [
      ['A', 0.127367],
      ['B', 0.661614],
      ['C', 0.211018],
    ]);
  });

  it('keeps a share equal to minShare', () => {
    // One school between two equal wards 1 km either side: 0.5 each, and minShare 0.5 keeps both.
    const left = { wardCode: 'L', youngPopulation: 80, location: at(-1000) };
    const right = { wardCode: 'R', youngPopulation: 80, location: at(1000) };
    const shares = distanceDecayShares([S1], [left, right], { minShare: 0.5 });
    expectShares(
      sharesOf(shares.get('S1')),
      [
        ['L', 0.5],
        ['R', 0.5],
      ],
      12,
    );
    expect(shares.get('S1')!.coverage).toBe(1);
  });
});

describe('observedShares: rows it ignores, ward order and coverage', () => {
  it('ignores rows whose pupils are not a positive finite number and sorts wards by code', () => {
    const shares = observedShares(
      [
        { sourceRow: 2, urn: 'S1', wardCode: 'C', pupils: 10 },
        { sourceRow: 3, urn: 'S1', wardCode: 'A', pupils: 20 },
        { sourceRow: 4, urn: 'S1', wardCode: 'D', pupils: Infinity },
        { sourceRow: 5, urn: 'S1', wardCode: 'E', pupils: -3 },
        { sourceRow: 6, urn: 'S1', wardCode: 'F', pupils: NaN },
        { sourceRow: 7, urn: 'S1', wardCode: 'B', pupils: 10 },
      ],
      [{ urn: 'S1', pupils: 80 }],
    );
    // Recorded 40: A 20/40, B 10/40, C 10/40; coverage 40 / 80.
    expect(shares.get('S1')).toEqual({
      urn: 'S1',
      model: 'observed',
      shares: [
        { wardCode: 'A', share: 0.5, pupils: 20 },
        { wardCode: 'B', share: 0.25, pupils: 10 },
        { wardCode: 'C', share: 0.25, pupils: 10 },
      ],
      coverage: 0.5,
    });
  });

  it('has no coverage (NaN) for a school with rows but no pupils on roll', () => {
    const shares = observedShares([{ sourceRow: 2, urn: 'S1', wardCode: 'A', pupils: 5 }], [{ urn: 'S1', pupils: 0 }]);
    expect(shares.get('S1')!.coverage).toBeNaN();
    expect(shares.get('S1')!.shares).toEqual([{ wardCode: 'A', share: 1, pupils: 5 }]);
  });
});

describe('catchmentShares: the model is only run when some school needs it', () => {
  const residence = [
    { sourceRow: 2, urn: 'S1', wardCode: 'A', pupils: 60 },
    { sourceRow: 3, urn: 'S2', wardCode: 'B', pupils: 30 },
  ];

  it("'auto' with every school observed never runs the model (a bad decay length is not even looked at)", () => {
    const shares = catchmentShares({ schools: [S1, S2], wards: [A, B, C], residence }, { decayMetres: -1 });
    expect(sharesOf(shares.get('S1'))).toEqual([['A', 1]]);
    expect(sharesOf(shares.get('S2'))).toEqual([['B', 1]]);
  });

  it("'observed' never runs the model", () => {
    const shares = catchmentShares(
      { schools: [S1, S2], wards: [A, B, C], residence: residence.slice(0, 1) },
      {
        model: 'observed',
        decayMetres: -1,
      },
    );
    expect(shares.get('S2')!.shares).toEqual([]);
  });

  it("'auto' runs the model once a school has no rows", () => {
    expect(() =>
      catchmentShares({ schools: [S1, S2], wards: [A, B, C], residence: residence.slice(0, 1) }, { decayMetres: -1 }),
    ).toThrow(/decayMetres must be a positive distance/);
    const shares = catchmentShares(
      { schools: [S1, S2], wards: [A, B, C], residence: residence.slice(0, 1) },
      { decayMetres: 1000, minShare: 0 },
    );
    expect(shares.get('S1')!.model).toBe('observed');
    expect(shares.get('S2')!.model).toBe('distanceDecay');
    expectShares(sharesOf(shares.get('S2')), [
      ['A', 0.127367],
      ['B', 0.661614],
      ['C', 0.211018],
    ]);
  });
});

describe('distanceDecayShares: weights relative to the nearest school that takes part', () => {
  it('measures from the nearest school with pupils, not from a closer one without', () => {
    // Ward Z sits on a school with no pupils, 900 km from S1 and S2 (λ = 1 km). Measured from S1 or S2, the two
    // weights are 100 and 300 e^(−d/λ) with d their distance difference; measured from the empty school they
    // would underflow to 0 (e^−900), and the empty school's own 0 × e^900 would be NaN: Z would be lost.
    // Z is (almost) equidistant: S1 gets a quarter of it.
    const empty = { urn: 'EMPTY', pupils: 0, location: { easting: 401000, northing: 1180000 } };
    const Z = { wardCode: 'Z', youngPopulation: 40, location: { easting: 401000, northing: 1180000 } };
    const shares = distanceDecayShares([S1, empty, S2], [A, B, C, Z], { decayMetres: 1000, minShare: 0 });
    // S1 allocated 123.2817 from A, B, C (worked in the shared example) plus 40 × 1/4 = 10 from Z.
    expect(sharesOf(shares.get('S1')).find(([code]) => code === 'Z')![1]).toBeCloseTo(10 / 133.2817, 5);
    expect(shares.get('EMPTY')!.shares).toEqual([]);
  });

  it('measures from the nearest school, not the last one in reach (no overflow 800 km away)', () => {
    // A sits on S1; FAR is 800 km off. Relative to S1 FAR's weight is 300 e^−800 = 0; relative to FAR S1's
    // would be e^800 = infinity.
    const far = { urn: 'FAR', pupils: 300, location: { easting: 400000, northing: 1080000 } };
    const shares = distanceDecayShares([S1, far], [A], { decayMetres: 1000, minShare: 0 });
    expect(sharesOf(shares.get('S1'))).toEqual([['A', 1]]);
    expect(shares.get('FAR')!.shares).toEqual([]);
  });

  it('keeps no share that rounds to exactly 0 even with minShare 0', () => {
    // λ = 1 m: S2, 745 m from ward A, weighs 1 × e^−745 = 5e-324 there (the smallest double). Its share of A is
    // 100 × 5e-324 / 100 / (3 + …) = 1.6e-324, which rounds to 0: S2 keeps only ward B (3 children, share 1).
    const near = { urn: 'NEAR', pupils: 100, location: at(0) };
    const edge = { urn: 'EDGE', pupils: 1, location: at(745) };
    const wardB = { wardCode: 'B', youngPopulation: 3, location: at(745) };
    const shares = distanceDecayShares([near, edge], [A, wardB], { decayMetres: 1, minShare: 0 });
    expect(sharesOf(shares.get('EDGE'))).toEqual([['B', 1]]);
  });
});

describe('distanceDecayShares and observedShares sort many wards by code', () => {
  // 200 ward codes in a scrambled order (7 × i mod 200): V8's sort then merges runs, not only inserts.
  const codes = Array.from({ length: 200 }, (_, i) => `E05${String((7 * i) % 200).padStart(6, '0')}`);
  const sorted = [...codes].sort();

  it('in the model', () => {
    const wards = codes.map((wardCode, i) => ({ wardCode, youngPopulation: 10 + i, location: at(30 * i) }));
    const shares = distanceDecayShares([S1], wards, { minShare: 0 });
    expect(shares.get('S1')!.shares.map((entry) => entry.wardCode)).toEqual(sorted);
  });

  it('in the residence table', () => {
    const rows = codes.map((wardCode, i) => ({ sourceRow: i + 2, urn: 'S1', wardCode, pupils: 1 + i }));
    const shares = observedShares(rows, [{ urn: 'S1', pupils: 5000 }]);
    expect(shares.get('S1')!.shares.map((entry) => entry.wardCode)).toEqual(sorted);
  });

  it('keeps wards that share a code in their input order', () => {
    // Two rows for ward A (say, two points of one ward): both are kept, the first given first.
    const first = { wardCode: 'A', youngPopulation: 100, location: at(0) };
    const second = { wardCode: 'A', youngPopulation: 300, location: at(0) };
    const shares = distanceDecayShares([S1], [B, first, second], { minShare: 0 });
    // One school takes every child: A 100 and 300, B 200 of 600.
    expect(sharesOf(shares.get('S1'))).toEqual([
      ['A', expect.closeTo(1 / 6, 12)],
      ['A', expect.closeTo(1 / 2, 12)],
      ['B', expect.closeTo(1 / 3, 12)],
    ]);
  });
});

describe('observedShares: coverage of a school with neither rows nor pupils', () => {
  it('is 0 (nothing recorded), not NaN', () => {
    expect(observedShares([], [{ urn: 'S1', pupils: 0 }]).get('S1')!.coverage).toBe(0);
  });
});

describe("catchmentShares: 'distanceDecay' models every school even when all have residence rows", () => {
  it('ignores the rows', () => {
    const residence = [
      { sourceRow: 2, urn: 'S1', wardCode: 'A', pupils: 60 },
      { sourceRow: 3, urn: 'S2', wardCode: 'B', pupils: 30 },
    ];
    const shares = catchmentShares(
      { schools: [S1, S2], wards: [A, B, C], residence },
      { model: 'distanceDecay', decayMetres: 1000, minShare: 0 },
    );
    expect(shares.get('S1')!.model).toBe('distanceDecay');
    expectShares(sharesOf(shares.get('S1')), TWO_SCHOOLS_S1);
  });
});

describe('decayLengthsToDraw and gridDistance', () => {
  it('draws nine lengths from half to one and a half times the decay length, to the metre', () => {
    expect(decayLengthsToDraw(2000)).toEqual([1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750, 3000]);
    // 1,234 × (0.5, 0.625, …, 1.5) = 617, 771.25, 925.5, 1079.75, 1234, 1388.25, 1542.5, 1696.75, 1851.
    expect(decayLengthsToDraw(1234)).toEqual([617, 771, 926, 1080, 1234, 1388, 1543, 1697, 1851]);
  });

  it('measures between two points away from the origin', () => {
    expect(gridDistance({ easting: 403000, northing: 284000 }, { easting: 406000, northing: 288000 })).toBe(5000);
  });
});

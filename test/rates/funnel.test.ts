import fc from 'fast-check';
import { poissonSample, seededRandom } from '../../src/core/random';
import {
  compareWithBenchmark,
  compareWithFunnel,
  funnelDispersion,
  funnelLimits,
  rateInterval,
  type FunnelUnit,
} from '../../src/core/rates';

/*
 * A small case worked by hand. Six wards, the area rate 10 per 1,000 (190 offences in 19,000 young
 * residents), so each ward's expected count is E = population / 100. Counts and expected counts are
 * squares, so every square root is whole:
 *
 *   ward  population   O    E   √O  √E   z = 2(√O − √E)   rate per 1,000
 *   W1         400    16    4    4   2        4               40
 *   W2         900     4    9    2   3       −2                4.444
 *   W3       1,600     4   16    2   4       −4                2.5
 *   W4       2,500    49   25    7   5        4               19.6
 *   W5       3,600    36   36    6   6        0               10
 *   W6      10,000    81  100    9  10       −2                8.1
 *   ΣO = 190 = ΣE, as the area rate is these wards' own.
 *
 * 1. Winsorising at 10%: sorted z = −4, −2, −2, 0, 4, 4 (n = 6). The 10th percentile sits at position
 *    (n − 1) × 0.1 = 0.5: halfway from −4 to −2 = −3; the 90th at 4.5: halfway from 4 to 4 = 4. So W3's
 *    −4 is raised to −3, and z̃ = 4, −2, −3, 4, 0, −2.
 * 2. φ = (16 + 4 + 9 + 16 + 0 + 4) / 6 = 49 / 6 = 8.1667: the wards spread eight times as much as chance.
 * 3. Weights w = 4E = 16, 36, 64, 100, 144, 400: Σw = 760; Σw² = 256 + 1,296 + 4,096 + 10,000 + 20,736 +
 *    160,000 = 196,384; Σw²/Σw = 258.4. τ² = (nφ − (n − 1)) / (Σw − Σw²/Σw) = (49 − 5) / (760 − 258.4)
 *    = 44 / 501.6 = 0.0877193.
 * 4. 95% limits, z = 1.959964: h = z √(1/(4E) + τ²), lower = 10 (1 − h)², upper = 10 (1 + h)².
 *    W1: 1/16 + 0.0877193 = 0.1502193, √ = 0.387581, h = 0.759645: 10 × 0.240355² = 0.5777, 10 × 1.759645² = 30.9635.
 *        Rate 40 > 30.96: 'higher'.
 *    W4: 1/100 + 0.0877193 = 0.0977193, √ = 0.312601, h = 0.612686: 1.5001 and 10 × 1.612686² = 26.0076. 19.6: 'similar'.
 *    W3: 1/64 + 0.0877193 = 0.1033443, √ = 0.321472, h = 0.630074: 10 × 0.369926² = 1.3685 and 26.5714. 2.5: 'similar'.
 *    The 99.8% limits (z = 3.090232) for W1: h = 3.090232 × 0.387581 = 1.197716 ≥ 1, so the lower is 0; the
 *    upper 10 × 2.197716² = 48.2996.
 * 5. The plain Poisson comparison (PHE intervals against the area rate) flags three wards:
 *    W1: Byar lower for 16 = 16 (1 − 1/144 − 1.959964/12)³ = 16 × 0.829726³ = 9.1394, ÷ 0.4 = 22.85 > 10: 'higher'.
 *    W4: Byar lower for 49 = 49 (1 − 1/441 − 1.959964/21)³ = 49 × 0.904400³ = 36.2477, ÷ 2.5 = 14.50 > 10: 'higher'.
 *    W3: exact upper for 4 = χ²(0.975; 10) / 2 = 20.4832 / 2 = 10.2416, ÷ 1.6 = 6.40 < 10: 'lower'.
 *    W2: 10.2416 ÷ 0.9 = 11.38 > 10 and W6: Byar upper for 81 = 82 × 1.070791³ = 100.677, ÷ 10 = 10.07 > 10: 'similar'.
 *    So Poisson flags 2 higher and 1 lower; the over-dispersed funnel 1 higher and none lower.
 */
const WARDS = Object.freeze(
  [
    { name: 'W1', observed: 16, population: 400 },
    { name: 'W2', observed: 4, population: 900 },
    { name: 'W3', observed: 4, population: 1600 },
    { name: 'W4', observed: 49, population: 2500 },
    { name: 'W5', observed: 36, population: 3600 },
    { name: 'W6', observed: 81, population: 10000 },
  ].map((ward) => Object.freeze(ward)),
);
const AREA_RATE = 10;
const units = (): FunnelUnit[] =>
  WARDS.map((ward) => ({ observed: ward.observed, expected: (AREA_RATE * ward.population) / 1000 }));

describe('funnelDispersion on the hand-worked wards', () => {
  const estimate = funnelDispersion(Object.freeze(units().map((unit) => Object.freeze(unit))));

  test('winsorises the z-scores at their 10th and 90th percentiles, −3 and 4', () => {
    expect(estimate).toMatchObject({ kind: 'estimated', units: 6 });
    if (estimate.kind !== 'estimated') throw new Error('no estimate');
    expect(estimate.winsorisedAt.lower).toBeCloseTo(-3, 12);
    expect(estimate.winsorisedAt.upper).toBeCloseTo(4, 12);
  });

  test('φ is the mean squared winsorised z-score, 49/6, and τ² is 44/501.6', () => {
    if (estimate.kind !== 'estimated') throw new Error('no estimate');
    expect(estimate.phi).toBeCloseTo(49 / 6, 12);
    expect(estimate.tauSquared).toBeCloseTo(0.0877193, 7);
  });

  test('the 95% and 99.8% limits and the flags are those worked by hand', () => {
    if (estimate.kind !== 'estimated') throw new Error('no estimate');
    const tauSquared = estimate.tauSquared;
    const at = (name: string, confidence: number) =>
      funnelLimits(AREA_RATE, WARDS.find((ward) => ward.name === name)!.population, confidence, { tauSquared });
    expect(at('W1', 0.95).lower).toBeCloseTo(0.5777, 4);
    expect(at('W1', 0.95).upper).toBeCloseTo(30.9635, 4);
    expect(at('W4', 0.95).upper).toBeCloseTo(26.0076, 4);
    expect(at('W3', 0.95).lower).toBeCloseTo(1.3685, 4);
    expect(at('W1', 0.998)).toEqual({ lower: 0, upper: expect.closeTo(48.2996, 4) });
    const funnelFlags = WARDS.map((ward) =>
      compareWithFunnel((ward.observed / ward.population) * 1000, at(ward.name, 0.95)),
    );
    expect(funnelFlags).toEqual(['higher', 'similar', 'similar', 'similar', 'similar', 'similar']);
  });

  test('the plain Poisson comparison flags W1 and W4 higher and W3 lower, as worked by hand', () => {
    const poissonFlags = WARDS.map((ward) =>
      compareWithBenchmark(rateInterval(ward.observed, ward.population), AREA_RATE),
    );
    expect(poissonFlags).toEqual(['higher', 'similar', 'lower', 'higher', 'similar', 'similar']);
  });
});

describe('funnelDispersion edge cases', () => {
  test('wards exactly at their expected counts show no over-dispersion: φ = 0 and τ² = 0', () => {
    expect(
      funnelDispersion([
        { observed: 4, expected: 4 },
        { observed: 9, expected: 9 },
        { observed: 25, expected: 25 },
      ]),
    ).toEqual({
      kind: 'estimated',
      units: 3,
      phi: 0,
      tauSquared: 0,
      winsorisedAt: { lower: 0, upper: 0 },
    });
  });

  test('τ² stays 0 until nφ passes n − 1 (a little under 1)', () => {
    // z = 2(√O − √E) = ±1 for every ward: φ = 1, nφ − (n − 1) = 1 > 0, so τ² > 0, but just.
    const justOver = funnelDispersion([
      { observed: 6.25, expected: 4 },
      { observed: 2.25, expected: 4 },
      { observed: 6.25, expected: 4 },
      { observed: 2.25, expected: 4 },
    ]);
    expect(justOver).toMatchObject({ kind: 'estimated', phi: 1 });
    // Four equal weights of 16: Σw − Σw²/Σw = 64 − 16 = 48; τ² = (4 − 3) / 48.
    if (justOver.kind === 'estimated') expect(justOver.tauSquared).toBeCloseTo(1 / 48, 12);
    // z = ±0.5: φ = 0.25, nφ = 1 < n − 1 = 3: no between-ward variance.
    const under = funnelDispersion([
      { observed: 5.0625, expected: 4 },
      { observed: 3.0625, expected: 4 },
      { observed: 5.0625, expected: 4 },
      { observed: 3.0625, expected: 4 },
    ]);
    expect(under).toMatchObject({ kind: 'estimated', phi: 0.25, tauSquared: 0 });
  });

  test('wards with no expected count are left out, and fewer than two wards give no estimate', () => {
    expect(funnelDispersion([])).toEqual({ kind: 'tooFewUnits', units: 0 });
    expect(
      funnelDispersion([
        { observed: 3, expected: 2 },
        { observed: 1, expected: 0 },
      ]),
    ).toEqual({ kind: 'tooFewUnits', units: 1 });
    const withEmpty = funnelDispersion([...units(), { observed: 0, expected: 0 }]);
    expect(withEmpty).toMatchObject({ kind: 'estimated', units: 6 });
  });

  test('a negative or missing count is a broken invariant', () => {
    expect(() =>
      funnelDispersion([
        { observed: -1, expected: 2 },
        { observed: 1, expected: 2 },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      funnelDispersion([
        { observed: Number.NaN, expected: 2 },
        { observed: 1, expected: 2 },
      ]),
    ).toThrow(RangeError);
  });
});

describe('funnelLimits', () => {
  test('with τ² = 0 they are the square-root Poisson limits (√E ± z/2)² per population', () => {
    // E = 4: (2 ± 0.979982)² = 1.040437 and 8.880293 offences, per 400 young residents × 1,000.
    const limits = funnelLimits(10, 400, 0.95);
    expect(limits.lower).toBeCloseTo((1.040437 / 400) * 1000, 4);
    expect(limits.upper).toBeCloseTo((8.880293 / 400) * 1000, 4);
  });

  test('the lower limit is 0, not a square turned back up, once the half-width reaches the area rate', () => {
    // E = 0.5: h = 1.959964 × √0.5 = 1.385904 > 1.
    expect(funnelLimits(10, 50, 0.95).lower).toBe(0);
  });

  test('no population, or no area rate, has no funnel', () => {
    for (const [rate, population] of [
      [10, 0],
      [0, 400],
      [Number.NaN, 400],
      [10, Number.NaN],
    ]) {
      const limits = funnelLimits(rate, population, 0.95, { tauSquared: 0.1 });
      expect([limits.lower, limits.upper]).toEqual([Number.NaN, Number.NaN]);
      expect(compareWithFunnel(5, limits)).toBe('similar');
    }
  });

  test('a negative τ² is refused', () => {
    expect(() => funnelLimits(10, 400, 0.95, { tauSquared: -0.01 })).toThrow(RangeError);
  });

  test('the funnel narrows as the population grows, towards ± z τ on the square-root scale', () => {
    const tauSquared = 0.04;
    const widths = [100, 1000, 10000, 1e7].map((population) => funnelLimits(10, population, 0.95, { tauSquared }));
    for (let i = 1; i < widths.length; i++) expect(widths[i].upper).toBeLessThan(widths[i - 1].upper);
    const h = 1.959964 * 0.2;
    expect(widths[3].upper).toBeCloseTo(10 * (1 + h) ** 2, 2);
    expect(widths[3].lower).toBeCloseTo(10 * (1 - h) ** 2, 2);
  });

  test('a rate on a limit is inside the funnel', () => {
    expect(compareWithFunnel(22.2, { lower: 2.6, upper: 22.2 })).toBe('similar');
    expect(compareWithFunnel(2.6, { lower: 2.6, upper: 22.2 })).toBe('similar');
    expect(compareWithFunnel(2.59, { lower: 2.6, upper: 22.2 })).toBe('lower');
  });
});

/*
 * A second implementation, written as FunnelPlotR's OD_adjust_func (method "CQC") writes it rather than
 * as the engine does: the indicator y = √(O/E) with standard error S = 1/(2√E) and target 1, the z-score
 * (y − 1)/S, percentiles as R's quantile type 7 counted from 1 (1 + (n − 1)p), weights 1/S², and the
 * limits on the count scale (√E ± (z/2)√(1 + 4Eτ²))² ÷ population — algebraically the same, numerically
 * a different road.
 */
function independentFunnel(wards: readonly { observed: number; population: number }[], areaRate: number, z: number) {
  const rows = wards.map((ward) => {
    const expected = (areaRate / 1000) * ward.population;
    const S = 1 / (2 * Math.sqrt(expected));
    return { ...ward, expected, S, uz: (Math.sqrt(ward.observed / expected) - 1) / S };
  });
  const n = rows.length;
  const sorted = rows.map((row) => row.uz).sort((a, b) => a - b);
  const quantile = (p: number) => {
    const h = 1 + (n - 1) * p; // one-based
    const j = Math.floor(h);
    return j >= n ? sorted[n - 1] : sorted[j - 1] + (h - j) * (sorted[j] - sorted[j - 1]);
  };
  const [lz, uz] = [quantile(0.1), quantile(0.9)];
  const phi = rows.reduce((sum, row) => sum + (row.uz < lz ? lz : row.uz > uz ? uz : row.uz) ** 2, 0) / n;
  const inverseS2 = rows.map((row) => 1 / row.S ** 2);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const tau2 =
    n * phi < n - 1
      ? 0
      : Math.max(0, (n * phi - (n - 1)) / (sum(inverseS2) - sum(inverseS2.map((w) => w * w)) / sum(inverseS2)));
  const limits = rows.map((row) => {
    const spread = (z / 2) * Math.sqrt(1 + 4 * row.expected * tau2);
    const root = Math.sqrt(row.expected);
    return {
      lower: (Math.max(0, root - spread) ** 2 / row.population) * 1000,
      upper: ((root + spread) ** 2 / row.population) * 1000,
    };
  });
  return { phi, tau2, limits };
}

describe('the engine agrees with an independent implementation', () => {
  test('on the hand-worked wards', () => {
    const independent = independentFunnel(WARDS, AREA_RATE, 1.959963984540054);
    expect(independent.phi).toBeCloseTo(49 / 6, 12);
    expect(independent.tau2).toBeCloseTo(44 / 501.6, 12);
  });

  test("on random wards: φ, τ² and every ward's 95% limits", () => {
    const ward = fc.record({
      observed: fc.integer({ min: 0, max: 400 }),
      population: fc.integer({ min: 50, max: 20000 }),
    });
    fc.assert(
      fc.property(fc.array(ward, { minLength: 2, maxLength: 60 }), (wards) => {
        const totalObserved = wards.reduce((sum, w) => sum + w.observed, 0);
        const totalPopulation = wards.reduce((sum, w) => sum + w.population, 0);
        fc.pre(totalObserved > 0);
        const areaRate = (totalObserved / totalPopulation) * 1000;
        const engine = funnelDispersion(
          wards.map((w) => ({ observed: w.observed, expected: (areaRate * w.population) / 1000 })),
        );
        const independent = independentFunnel(wards, areaRate, 1.959963984540054);
        if (engine.kind !== 'estimated') return false;
        expect(engine.phi).toBeCloseTo(independent.phi, 9);
        expect(engine.tauSquared).toBeCloseTo(independent.tau2, 9);
        wards.forEach((w, i) => {
          const limits = funnelLimits(areaRate, w.population, 0.95, { tauSquared: engine.tauSquared });
          expect(limits.lower).toBeCloseTo(independent.limits[i].lower, 8);
          expect(limits.upper).toBeCloseTo(independent.limits[i].upper, 8);
        });
        return true;
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });

  test('on wards drawn from the Poisson with no real differences, φ is that of winsorised normal z-scores and τ² is 0', () => {
    // 400 wards of 2,000 young residents each at 10 per 1,000 (E = 20): the Poisson alone.
    const random = seededRandom(12345);
    const wards = Array.from({ length: 400 }, () => ({ observed: poissonSample(20, random), expected: 20 }));
    const estimate = funnelDispersion(wards);
    if (estimate.kind !== 'estimated') throw new Error('no estimate');
    // Winsorising trims the tails, so φ sits a little under 1 for Poisson data (0.68 for a normal: 0.35 from the middle 80% and 2 × 10% × 1.2816²).
    expect(estimate.phi).toBeGreaterThan(0.58);
    expect(estimate.phi).toBeLessThan(0.78);
    expect(estimate.tauSquared).toBe(0);
  });
});

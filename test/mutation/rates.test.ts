/**
 * Tests written to kill the mutants that survived `npm run mutate` on src/core/rates (see stryker.config.mjs).
 * Expected values are worked by hand in the comments, or come from 50-digit mpmath 1.3.0 (gammainc with
 * regularized=True, findroot on it): an arbitrary-precision implementation that shares no code with src/core.
 */
import * as chiSquareModule from '../../src/core/rates/chiSquareQuantile';
import * as regularizedGammaModule from '../../src/core/rates/regularizedGamma';
import {
  byarInterval,
  empiricalBayesRates,
  funnelDispersion,
  funnelLimits,
  inverseRegularizedGammaP,
  logGamma,
  poissonExactInterval,
  regularizedGammaP,
  regularizedGammaQ,
  twoSidedNormalCritical,
  wardRates,
} from '../../src/core/rates';

afterEach(() => jest.restoreAllMocks());

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(tolerance);
}

describe('regularised incomplete gamma: argument checks', () => {
  it.each([
    ['P', regularizedGammaP],
    ['Q', regularizedGammaQ],
  ] as const)('%s refuses a shape of 0 or less with its own message', (letter, gamma) => {
    const name = `regularizedGamma${letter}`;
    expect(() => gamma(0, 1)).toThrow(new RegExp(`^${name} needs a positive shape; got 0\\.`));
    expect(() => gamma(-1, 1)).toThrow(new RegExp(`^${name} needs a positive shape; got -1\\.`));
  });

  it('gives NaN for a NaN x rather than failing to converge', () => {
    expect(regularizedGammaP(3, NaN)).toBeNaN();
    expect(regularizedGammaQ(3, NaN)).toBeNaN();
  });

  it('is P = 0 and Q = 1 for a negative x (no mass below 0)', () => {
    expect(regularizedGammaP(3, -1)).toBe(0);
    expect(regularizedGammaQ(3, -1)).toBe(1);
  });

  it('is Q = 0 at x = infinity', () => {
    expect(regularizedGammaQ(3, Infinity)).toBe(0);
    expect(regularizedGammaP(3, Infinity)).toBe(1);
  });

  it('uses the continued fraction far above the shape: P(3, 5000) = 1', () => {
    // The power series would need about 5,000 terms (more than its cap) and overflows on the way.
    expect(regularizedGammaP(3, 5000)).toBe(1);
    expect(regularizedGammaQ(3, 5000)).toBe(0);
  });
});

describe('regularised incomplete gamma against 50-digit references (the Stirling prefix from shape 10 up)', () => {
  // [shape, x, P, Q] from mpmath gammainc(a, 0, x, regularized=True) at 50 digits.
  it.each([
    [10, 10, 0.54207028552814779169, 0.45792971447185220831],
    [10, 4, 0.0081322427969338631557, 0.99186775720306613684],
    [10, 18, 0.9846189027394107134, 0.0153810972605892866],
    [11, 10.5, 0.47926187158632472032, 0.52073812841367527968],
    [12, 30, 0.99993612297460072664, 0.000063877025399273364991],
    [15, 14, 0.42956328717262783077, 0.57043671282737216923],
    [25, 20, 0.15677262182623772638, 0.84322737817376227362],
    [60, 95, 0.99995102761947402532, 0.000048972380525974675244],
    [60, 40, 0.001879628568645083939, 0.99812037143135491606],
    [1000, 1040, 0.89597308845689295397, 0.10402691154310704603],
    [1000, 970, 0.17162279019198106994, 0.82837720980801893006],
    [100000, 100300, 0.82863631125120764767, 0.17136368874879235233],
    [100000, 99500, 0.056741823212792263085, 0.94325817678720773692],
  ])('P(%p, %p) = %p and Q = %p to 1e-14 relative', (shape, x, p, q) => {
    // 1e-14: the accuracy the implementation documents for shapes up to 10^6.
    expectRelative(regularizedGammaP(shape, x), p, 1e-14);
    expectRelative(regularizedGammaQ(shape, x), q, 1e-14);
  });

  it('keeps its relative accuracy far below the shape: P(10, 0.1) = 2.5163478067703161839e-17', () => {
    // x / a = 0.01: the a ln(x/a) − (x − a) part is taken directly, not by its atanh series (u = −0.98).
    expectRelative(regularizedGammaP(10, 0.1), 2.5163478067703161839e-17, 1e-13);
  });

  it('keeps its relative accuracy far above the shape: Q(20, 200) = 6.5869073114407314073e-61', () => {
    expectRelative(regularizedGammaQ(20, 200), 6.5869073114407314073e-61, 1e-13);
  });
});

describe('inverseRegularizedGammaP: argument checks', () => {
  it('refuses a shape of 0 or less', () => {
    // Its own message: with its check gone, P(0, x) would still throw, but as regularizedGammaP.
    expect(() => inverseRegularizedGammaP(0, 0.5)).toThrow(/^inverseRegularizedGammaP needs a positive shape; got 0\./);
    expect(() => inverseRegularizedGammaP(-2, 0.5)).toThrow(
      /^inverseRegularizedGammaP needs a positive shape; got -2\./,
    );
  });

  it.each([NaN, -0.1, -1e-300, 1.1, 1 + 1e-15])('refuses the probability %p', (probability) => {
    expect(() => inverseRegularizedGammaP(2, probability)).toThrow(/needs a probability in \[0, 1\]/);
  });
});

describe('inverseRegularizedGammaP: accuracy and the number of evaluations it documents', () => {
  it.each([
    // [shape, p, x] with P(shape, x) = p, from mpmath findroot on 50-digit gammainc.
    [5, 1e-10, 0.026165532815952704924],
    [2.5, 5e-5, 0.031050424811688532687],
  ])('P⁻¹(%p, %p) = %p', (shape, probability, x) => {
    expectRelative(inverseRegularizedGammaP(shape, probability), x, 1e-12);
  });

  /** Evaluations of P or Q that one inversion makes (each is one Halley or bracketing step). */
  function evaluations(shape: number, probability: number): number {
    const p = jest.spyOn(regularizedGammaModule, 'regularizedGammaP');
    const q = jest.spyOn(regularizedGammaModule, 'regularizedGammaQ');
    inverseRegularizedGammaP(shape, probability);
    const count = p.mock.calls.length + q.mock.calls.length;
    p.mockRestore();
    q.mockRestore();
    return count;
  }

  // Shapes up to 1,794 only: under a mutant that breaks convergence each evaluation at 10^6 costs thousands of
  // iterations, 300 times over, and the mutation run times out instead of failing.
  const SHAPES = [0.5, 0.9, 1, 1.5, 2.5, 5, 11, 100, 1794];

  it('converges within a few evaluations for shapes 0.5 to 1,794 and tail probabilities down to 5e-5', () => {
    // The doc comment on MAX_STEPS says at most 6; shape 2.5 at p = 5e-5 takes 7 (reported), so the bound is 7.
    const worst = Math.max(
      ...SHAPES.flatMap((shape) =>
        [5e-5, 1e-3, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.999, 1 - 5e-5].map((p) => evaluations(shape, p)),
      ),
    );
    expect(worst).toBeLessThanOrEqual(7);
  });

  it('converges in at most 17 evaluations out at 1e-10 (as documented)', () => {
    for (const shape of SHAPES)
      for (const probability of [1e-10, 1 - 1e-10]) expect(evaluations(shape, probability)).toBeLessThanOrEqual(17);
  });

  it('the median of a moderate shape takes at most 3 evaluations (Wilson–Hilferty starts within a hair of it)', () => {
    for (const shape of [100, 1794, 5001]) expect(evaluations(shape, 0.5)).toBeLessThanOrEqual(3);
  });
});

describe('normal critical value and confidence checks', () => {
  it.each([0, 1, -0.5, 95])('refuses the confidence %p', (confidence) => {
    expect(() => twoSidedNormalCritical(confidence)).toThrow(/strictly between 0 and 1/);
  });
});

describe('logGamma', () => {
  it('names the bad argument', () => {
    expect(() => logGamma(-3)).toThrow(/logGamma needs a positive argument; got -3\./);
    expect(() => logGamma(NaN)).toThrow(/needs a positive argument/);
  });
});

describe('poissonExactInterval: bad counts and the bracket check', () => {
  it('says why a count is refused', () => {
    expect(() => poissonExactInterval(-1)).toThrow(/A count cannot be negative; got -1\./);
    expect(() => poissonExactInterval(Infinity)).toThrow(/A count must be finite; got Infinity\./);
  });

  /** poissonExactInterval(5) with the chi-square quantile search replaced by one returning these limits × 2. */
  function withLimits(lower: number, upper: number) {
    jest
      .spyOn(chiSquareModule, 'chiSquareQuantile')
      .mockImplementation((probability: number) => 2 * (probability < 0.5 ? lower : upper));
    return () => poissonExactInterval(5);
  }

  it('passes limits that bracket the count', () => {
    expect(withLimits(1.5, 11)()).toEqual({ lower: 1.5, upper: 11 });
    expect(withLimits(5, 5.5)()).toEqual({ lower: 5, upper: 5.5 }); // lower = count is allowed
  });

  it.each([
    ['a lower limit above the count', 6, 10],
    ['an upper limit below the count', 1, 4],
    ['an upper limit equal to the count', 1, 5],
    ['an infinite upper limit', 1, Infinity],
    ['a missing upper limit', 1, NaN],
  ])('fails loudly on %s', (_, lower, upper) => {
    expect(withLimits(lower, upper)).toThrow(/came out as \[.*\]: the chi-square quantile did not converge/);
  });
});

describe('byarInterval: bad counts', () => {
  it('gives NaN limits for a missing count and refuses a negative one', () => {
    expect(byarInterval(NaN)).toEqual({ lower: NaN, upper: NaN });
    expect(() => byarInterval(-1)).toThrow(/A count cannot be negative; got -1\./);
  });
});

describe('funnelDispersion and funnelLimits: option checks', () => {
  // z = 4, −2, −4, 4, 0, −2 (the hand-worked wards of funnelDispersion's doc comment).
  const units = [
    [16, 4],
    [4, 9],
    [4, 16],
    [49, 25],
    [36, 36],
    [81, 100],
  ].map(([observed, expected]) => ({ observed, expected }));

  it('winsorising nothing (0) is allowed: φ is the plain mean squared z, 56/6', () => {
    const estimate = funnelDispersion(units, { winsorise: 0 });
    expect(estimate.kind).toBe('estimated');
    if (estimate.kind !== 'estimated') return;
    expect(estimate.phi).toBeCloseTo(56 / 6, 12); // (16 + 4 + 16 + 16 + 0 + 4) / 6
    expect(estimate.winsorisedAt).toEqual({ lower: -4, upper: 4 });
  });

  it.each([-0.1, 0.5, 0.7, NaN])('refuses to winsorise %p at each end', (winsorise) => {
    expect(() => funnelDispersion(units, { winsorise })).toThrow(/must be from 0 to under 0\.5; got/);
  });

  it('says which observed count is bad', () => {
    expect(() => funnelDispersion([{ observed: -1, expected: 2 }, ...units])).toThrow(
      /An observed count must be a finite number, 0 or more; got -1\./,
    );
  });

  it('says why a negative τ² is refused', () => {
    expect(() => funnelLimits(10, 400, 0.95, { tauSquared: -0.1 })).toThrow(
      /between-ward variance τ² cannot be negative or missing; got -0\.1\./,
    );
  });
});

describe('empiricalBayesRates with wards that have no population', () => {
  // A 30 of 1,000 and B 10 of 1,000; C (population 0) and D (negative) take no part in the moments.
  // B = 40 / 2,000 = 0.02; S² = (1,000 × 0.01² + 1,000 × 0.01²) / 2,000 = 1e-4; n̄ = 1,000;
  // A = 1e-4 − 0.02 / 1,000 = 8e-5; C = 8e-5 / (8e-5 + 2e-5) = 0.8 for both wards;
  // smoothed A = 0.02 + 0.8 × 0.01 = 0.028 (28 per 1,000), B = 0.02 − 0.008 = 0.012 (12 per 1,000).
  const wards = [
    { wardCode: 'A', count: 30, youngPopulation: 1000 },
    { wardCode: 'C', count: 5, youngPopulation: 0 },
    { wardCode: 'B', count: 10, youngPopulation: 1000 },
    { wardCode: 'D', count: 2, youngPopulation: -10 },
  ];
  const smoothed = new Map(empiricalBayesRates(wards).map((ward) => [ward.wardCode, ward]));

  it('smooths the populated wards from their moments alone', () => {
    const a = smoothed.get('A')!;
    expect(a.crudeRate).toBeCloseTo(30, 10);
    expect(a.shrinkage).toBeCloseTo(0.8, 10);
    expect(a.smoothedRate).toBeCloseTo(28, 10);
    const b = smoothed.get('B')!;
    expect(b.crudeRate).toBeCloseTo(10, 10);
    expect(b.shrinkage).toBeCloseTo(0.8, 10);
    expect(b.smoothedRate).toBeCloseTo(12, 10);
  });

  it('gives a ward without a positive population the area rate, no crude rate and shrinkage 0', () => {
    for (const code of ['C', 'D']) {
      const ward = smoothed.get(code)!;
      expect(ward.crudeRate).toBeNaN();
      expect(ward.smoothedRate).toBeCloseTo(20, 10);
      expect(ward.shrinkage).toBe(0);
    }
  });

  it('leaves every ward at 0 with shrinkage 0 when no ward has a count', () => {
    const none = empiricalBayesRates([
      { wardCode: 'A', count: 0, youngPopulation: 100 },
      { wardCode: 'B', count: 0, youngPopulation: 200 },
    ]);
    for (const ward of none)
      expect(ward).toEqual({ wardCode: ward.wardCode, crudeRate: 0, smoothedRate: 0, shrinkage: 0 });
  });

  it('reports the crude rate per the `per` asked for', () => {
    const perHundred = empiricalBayesRates(wards, { per: 100 });
    expect(perHundred[0].crudeRate).toBeCloseTo(3, 10); // 30 / 1,000 × 100
    expect(perHundred[0].smoothedRate).toBeCloseTo(2.8, 10);
  });
});

describe('wardRates passes its options on and ignores non-positive populations in the area total', () => {
  it('uses `per` and `confidence` for the area and for every ward', () => {
    // Area: 12 / 4,000 × 100,000 = 300. Ward A: 12 / 1,000 × 100,000 = 1,200, Byar at 99.8% (z = 3.090232):
    // lower = 12 (1 − 1/108 − 3.090232 / (3√12))³ = 4.000376, upper = 13 (1 − 1/117 + 3.090232 / (3√13))³ = 27.080959;
    // per 100,000: 400.0376 and 2,708.0959.
    const { wards, area } = wardRates(
      [
        { wardCode: 'A', count: 12, youngPopulation: 1000 },
        { wardCode: 'B', count: 0, youngPopulation: 3000 },
      ],
      { per: 100000, confidence: 0.998 },
    );
    expect(area.rate).toBeCloseTo(300, 9);
    expect(area.lower).toBeCloseTo(400.0376 / 4, 3);
    expect(wards[0].rate).toBeCloseTo(1200, 9);
    expect(wards[0].lower).toBeCloseTo(400.0376, 3);
    expect(wards[0].upper).toBeCloseTo(2708.0959, 3);
  });

  it('counts a negative population as none', () => {
    const { area } = wardRates([
      { wardCode: 'A', count: 12, youngPopulation: 1000 },
      { wardCode: 'N', count: 3, youngPopulation: -500 },
    ]);
    expect(area.youngPopulation).toBe(1000);
    expect(area.rate).toBeCloseTo(15, 10); // (12 + 3) / 1,000 × 1,000
  });
});

describe('poissonExactInterval at large counts (fast stand-in for poissonExactLargeCounts, left out of mutation runs)', () => {
  it.each([
    // Gamma quantiles to 50 digits with mpmath (the references of test/rates/poissonExactLargeCounts.test.ts).
    [1794, 0.998, 1665.9556936552260702, 1928.7800234254279638],
    [10000, 0.998, 9693.8243858237258723, 10312.890675209362787],
    [100000, 0.95, 99381.152663744730583, 100621.74473974387629],
  ])('count %p at %p: %p to %p', (count, confidence, lower, upper) => {
    const interval = poissonExactInterval(count, confidence);
    expectRelative(interval.lower, lower, 1e-13);
    expectRelative(interval.upper, upper, 1e-13);
  });
});

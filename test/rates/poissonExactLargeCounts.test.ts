import fc from 'fast-check';
import {
  chiSquareQuantile,
  inverseRegularizedGammaP,
  poissonExactInterval,
  regularizedGammaQ,
} from '../../src/core/rates';

/*
 * The exact (Garwood) limits for a count k at level 1 − α are lower = χ²(α/2; 2k)/2 and
 * upper = χ²(1 − α/2; 2k + 2)/2, i.e. the means at which P(X ≥ k | lower) = α/2 and P(X ≤ k | upper) = α/2.
 * Above about 1,300 the quantile search used to stop early and return impossible intervals
 * (poissonExactInterval(1794, 0.998) came out as [2172.7, 1928.8]). These tests check the limits against
 * the tail equations evaluated by a separate algorithm that shares no code with src/core/rates: no gamma
 * function, no Stirling series, no continued fraction.
 */

const EPSILON = Number.EPSILON; // 2.2e-16

const logFactorials = new Map<number, number>();

/** ln k! = Σ ln i by Kahan-compensated summation (no gamma function), cached per k. */
function logFactorial(k: number): number {
  const cached = logFactorials.get(k);
  if (cached !== undefined) return cached;
  let sum = 0;
  let compensation = 0;
  for (let i = 2; i <= k; i++) {
    const y = Math.log(i) - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  }
  logFactorials.set(k, sum);
  return sum;
}

/**
 * P(X ≥ k) ('atLeast') or P(X ≤ k) ('atMost') for X ~ Poisson(mean), with no subtraction from 1: the tail
 * is summed outward from i = k, where its largest term sits when the mean lies on the other side of k
 * (as it does at both exact limits), as multiples of that term; the term itself, e^(−μ) μ^k / k!, is
 * taken in log space. The summed multiples fall geometrically, so stopping at 1e-18 of the sum loses nothing.
 */
function poissonTail(k: number, mean: number, side: 'atLeast' | 'atMost'): number {
  const logFirstTerm = -mean + k * Math.log(mean) - logFactorial(k);
  let term = 1;
  let sum = 1;
  if (side === 'atLeast') {
    for (let i = k + 1; term >= 1e-18 * sum; i++) {
      term *= mean / i;
      sum += term;
    }
  } else {
    for (let i = k; i > 0 && term >= 1e-18 * sum; i--) {
      term *= i / mean;
      sum += term;
    }
  }
  return Math.exp(logFirstTerm) * sum;
}

/**
 * Relative tolerance for poissonTail against α/2. The reference's error is dominated by its log-space
 * term −μ + k ln μ − ln k!: it cancels quantities whose sizes add up to M = μ + k|ln μ| + ln k!, each
 * rounded to within an ulp or so (Kahan keeps the factorial sum to a few ulps), so the absolute error of
 * the log, which is the relative error of the tail, is a few × ε × M (2e-9 at k = 10^6; observed 7e-10).
 * 1e-12 covers the summed multiples and the limit's own error. The test stays sharp: the tail's
 * sensitivity to the limit is about z√k, so a limit off by 1e-11 relative at k = 10^5 already fails.
 */
function tailTolerance(k: number, mean: number): number {
  return 1e-12 + 4 * EPSILON * (mean + k * Math.abs(Math.log(mean)) + logFactorial(k));
}

describe('poissonExactInterval solves the tail equations at large counts (independent Poisson tail)', () => {
  const counts = [0, 1, 2, 10, 100, 1000, 1300, 1794, 10000, 100000, 1000000];
  const cases = counts.flatMap((count) => [0.95, 0.998].map((confidence) => [count, confidence] as const));

  it.each(cases)('count %p at %p: P(X ≥ k | lower) = α/2 and P(X ≤ k | upper) = α/2', (count, confidence) => {
    const halfAlpha = (1 - confidence) / 2;
    const { lower, upper } = poissonExactInterval(count, confidence);
    if (count === 0) expect(lower).toBe(0);
    else
      expect(Math.abs(poissonTail(count, lower, 'atLeast') / halfAlpha - 1)).toBeLessThan(tailTolerance(count, lower));
    expect(Math.abs(poissonTail(count, upper, 'atMost') / halfAlpha - 1)).toBeLessThan(tailTolerance(count, upper));
    expect(lower).toBeLessThanOrEqual(count);
    expect(upper).toBeGreaterThan(count);
  });

  it('agrees with the chi-square form of the limits', () => {
    const halfAlpha = (1 - 0.998) / 2;
    for (const count of [1, 1794, 1000000]) {
      const { lower, upper } = poissonExactInterval(count, 0.998);
      expect(lower).toBe(chiSquareQuantile(halfAlpha, 2 * count) / 2);
      expect(upper).toBe(chiSquareQuantile(1 - halfAlpha, 2 * count + 2) / 2);
    }
  });

  it.each([
    // Gamma quantiles solved to 50 digits with mpmath 1.3.0 (Newton on P(a, x) = e^(−x) x^a / Γ(a+1) · ₁F₁(1; a+1; x)
    // from a Wilson–Hilferty start), an independent implementation in arbitrary precision.
    [1300, 0.95, 1230.2843627271355642, 1372.637014813974243],
    [1300, 0.998, 1191.4235520978899513, 1415.3183655374565699],
    [1794, 0.95, 1711.9356510781361464, 1878.9817137873769156],
    [1794, 0.998, 1665.9556936552260702, 1928.7800234254279638],
    [10000, 0.998, 9693.8243858237258723, 10312.890675209362787],
    [100000, 0.95, 99381.152663744730583, 100621.74473974387629],
    [1000000, 0.95, 998040.983340293903, 1001961.9119454321939],
    [1000000, 0.998, 996912.61731981519423, 1003094.0839149701296],
  ])('count %p at %p matches 50-digit reference limits %p to %p', (count, confidence, lower, upper) => {
    const interval = poissonExactInterval(count, confidence);
    // 1e-13: the special functions are accurate to about 1e-14 relative, and a limit is as accurate.
    expect(Math.abs(interval.lower / lower - 1)).toBeLessThan(1e-13);
    expect(Math.abs(interval.upper / upper - 1)).toBeLessThan(1e-13);
  });
});

describe('poissonExactInterval against published exact 95% limits', () => {
  it.each([
    // Garwood (1936) / standard tables of exact Poisson limits, to the printed decimals.
    [0, 0, 0, 3.689, 3],
    [1, 0.0253, 4, 5.572, 3],
    [2, 0.242, 3, 7.225, 3],
    [3, 0.619, 3, 8.767, 3],
    [10, 4.795, 3, 18.39, 2],
  ])('count %p: lower %p (to %p dp), upper %p (to %p dp)', (count, lower, lowerDigits, upper, upperDigits) => {
    const interval = poissonExactInterval(count, 0.95);
    expect(interval.lower).toBeCloseTo(lower, lowerDigits);
    expect(interval.upper).toBeCloseTo(upper, upperDigits);
  });

  it('matches the closed forms for counts 0 and 1 at every level', () => {
    // Count 0: e^(−U) = α/2, so U = −ln(α/2). Count 1: 1 − e^(−L) = α/2, so L = −ln(1 − α/2).
    for (const confidence of [0.5, 0.9, 0.95, 0.998, 0.9999]) {
      const halfAlpha = (1 - confidence) / 2;
      expect(poissonExactInterval(0, confidence).upper).toBeCloseTo(-Math.log(halfAlpha), 12);
      expect(poissonExactInterval(1, confidence).lower / -Math.log1p(-halfAlpha)).toBeCloseTo(1, 12);
    }
  });
});

describe('poissonExactInterval ordering', () => {
  it('is finite, ordered and contains the count for random counts up to 10^6 and levels 0.5 to 0.9999', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1000000 }), fc.integer({ min: 0, max: 5000 })),
        fc.oneof(
          fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
          fc.constantFrom(0.5, 0.9, 0.95, 0.99, 0.998, 0.9999),
        ),
        (count, confidence) => {
          const { lower, upper } = poissonExactInterval(count, confidence);
          expect(Number.isFinite(lower) && Number.isFinite(upper)).toBe(true);
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(lower).toBeLessThanOrEqual(count);
          expect(upper).toBeGreaterThan(count);
          expect(lower).toBeLessThan(upper);
        },
      ),
      { seed: 1794, numRuns: 1000 },
    );
  });

  it('rises with the count for every count from 0 to 20,000 at 95%, 99.8% and 99.99%', () => {
    // The old search failed on scattered counts from 1,794 up (2,060, 5,725, … at 95%), so sweep them all.
    const failures: string[] = []; // collected, not asserted one by one: 60,000 intervals
    for (const confidence of [0.95, 0.998, 0.9999]) {
      let previous = poissonExactInterval(0, confidence);
      for (let count = 1; count <= 20000; count++) {
        const current = poissonExactInterval(count, confidence);
        const ok =
          current.lower > previous.lower &&
          current.upper > previous.upper &&
          current.lower < count &&
          current.upper > count;
        if (!ok) failures.push(`${count} at ${confidence}: [${current.lower}, ${current.upper}]`);
        previous = current;
      }
    }
    expect(failures).toEqual([]);
  });

  it('throws for an infinite count rather than returning a degenerate interval', () => {
    expect(() => poissonExactInterval(Infinity)).toThrow(RangeError);
  });
});

describe('convergence at 10^6', () => {
  it('finds the limits for a count of 10^6 at four levels in well under a second', () => {
    const start = performance.now();
    for (const confidence of [0.5, 0.95, 0.998, 0.9999]) poissonExactInterval(1000000, confidence);
    // Measured at about 1 ms (Halley needs 3 to 6 evaluations of P or Q, each O(√a) terms).
    expect(performance.now() - start).toBeLessThan(250);
  });

  it('inverts Q at shapes 10^5 and 10^6 down to a tail of 5e-5 (checked against the independent Poisson tail)', () => {
    // Q(k + 1, μ) = P(Poisson(μ) ≤ k), so the (1 − α/2) quantile of Gamma(k + 1) is the upper limit.
    for (const count of [100000, 1000000]) {
      for (const tail of [5e-5, 0.025, 0.25]) {
        const mean = inverseRegularizedGammaP(count + 1, 1 - tail);
        expect(Math.abs(poissonTail(count, mean, 'atMost') / tail - 1)).toBeLessThan(tailTolerance(count, mean));
        expect(Math.abs(regularizedGammaQ(count + 1, mean) / tail - 1)).toBeLessThan(1e-12);
      }
    }
  });
});

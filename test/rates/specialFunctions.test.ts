import {
  chiSquareQuantile,
  inverseRegularizedGammaP,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
  twoSidedNormalCritical,
} from '../../src/core/rates';

/** ln P(Poisson(mean) ≤ n) by adding the terms directly: a second method, independent of the gamma functions. */
function poissonCdfBySummation(n: number, mean: number): number {
  let logTerm = -mean; // ln(e^-μ μ^0 / 0!)
  let maxLog = logTerm;
  const logs = [logTerm];
  for (let k = 1; k <= n; k++) {
    logTerm += Math.log(mean) - Math.log(k);
    logs.push(logTerm);
    maxLog = Math.max(maxLog, logTerm);
  }
  return Math.exp(maxLog) * logs.reduce((sum, value) => sum + Math.exp(value - maxLog), 0);
}

describe('logGamma', () => {
  it.each([
    [1, 0], // Γ(1) = 1
    [2, 0], // Γ(2) = 1! = 1
    [5, Math.log(24)], // Γ(5) = 4! = 24
    [10, Math.log(362880)], // Γ(10) = 9! = 362,880
    [0.5, 0.5 * Math.log(Math.PI)], // Γ(½) = √π
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)], // Γ(3/2) = ½ Γ(½)
  ])('matches the factorial identities at %p', (x, expected) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12);
  });

  it('agrees with ln(100!) summed term by term', () => {
    let lnFactorial = 0;
    for (let k = 2; k <= 100; k++) lnFactorial += Math.log(k);
    expect(logGamma(101)).toBeCloseTo(lnFactorial, 9); // 363.739375555563
  });

  it('refuses a non-positive argument', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('regularised incomplete gamma', () => {
  it('is the exponential CDF for shape 1', () => {
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
    expect(regularizedGammaQ(1, 3)).toBeCloseTo(Math.exp(-3), 14);
  });

  it('is erf(√x) for shape ½', () => {
    expect(regularizedGammaP(0.5, 1)).toBeCloseTo(0.8427007929497149, 13); // erf(1), tabulated
  });

  it('gives the Poisson CDF: Q(n + 1, μ) = P(Poisson(μ) ≤ n), for small and large counts', () => {
    // Q(3, 2) = e^-2 (1 + 2 + 2) = 5 e^-2 = 0.676676...
    expect(regularizedGammaQ(3, 2)).toBeCloseTo(5 * Math.exp(-2), 14);
    for (const [n, mean] of [
      [4, 1.6],
      [20, 30],
      [500, 480],
      [500, 530],
      [5000, 5100],
    ]) {
      const expected = poissonCdfBySummation(n, mean);
      expect(Math.abs(regularizedGammaQ(n + 1, mean) - expected)).toBeLessThan(1e-11 + 1e-9 * expected);
      expect(regularizedGammaP(n + 1, mean)).toBeCloseTo(1 - expected, 9);
    }
  });

  it('is 0 at x = 0 and 1 at infinity', () => {
    expect(regularizedGammaP(3, 0)).toBe(0);
    expect(regularizedGammaP(3, Infinity)).toBe(1);
    expect(regularizedGammaQ(3, 0)).toBe(1);
  });
});

describe('inverseRegularizedGammaP', () => {
  it('inverts P for small, moderate and large shapes across both tails', () => {
    for (const shape of [0.05, 0.5, 1, 2.5, 11, 100, 1794, 5001, 100000, 1000000]) {
      for (const probability of [1e-8, 0.001, 0.025, 0.5, 0.975, 0.999, 1 - 1e-8]) {
        const x = inverseRegularizedGammaP(shape, probability);
        if (probability > 0.5)
          expect(Math.abs(regularizedGammaQ(shape, x) - (1 - probability))).toBeLessThan(1e-10 * (1 - probability));
        else expect(Math.abs(regularizedGammaP(shape, x) - probability)).toBeLessThan(1e-10 * probability);
      }
    }
  });

  it('gives the exponential quantile −ln(1 − p) for shape 1', () => {
    expect(inverseRegularizedGammaP(1, 0.975)).toBeCloseTo(-Math.log(0.025), 12); // 3.688879...
  });

  it('maps 0 to 0 and 1 to infinity', () => {
    expect(inverseRegularizedGammaP(2, 0)).toBe(0);
    expect(inverseRegularizedGammaP(2, 1)).toBe(Infinity);
  });
});

describe('chi-square and normal critical values', () => {
  it.each([
    [0.975, 2, -2 * Math.log(0.025)], // χ²₂ is exponential with mean 2: 7.377759
    [0.5, 2, 2 * Math.log(2)], // its median 1.386294
    [0.95, 1, 3.841458820694124], // = 1.959964², statistical tables
    [0.025, 10, 3.246972780751], // tables: χ²₁₀ lower 2.5% point 3.247
    [0.5, 0, 0], // zero degrees of freedom: the point mass at 0, as R's qchisq
  ])('chiSquareQuantile(%p, %p) = %p', (p, df, expected) => {
    expect(chiSquareQuantile(p, df)).toBeCloseTo(expected, 8);
  });

  it.each([
    [0.9, 1.6448536269514722],
    [0.95, 1.959963984540054],
    [0.99, 2.5758293035489004],
    [0.998, 3.090232306167813],
  ])('the two-sided z for %p confidence is %p (normal tables)', (confidence, z) => {
    expect(twoSidedNormalCritical(confidence)).toBeCloseTo(z, 10);
  });

  it('rejects a confidence level given as a percentage', () => {
    expect(() => twoSidedNormalCritical(95)).toThrow(/between 0 and 1/);
  });
});

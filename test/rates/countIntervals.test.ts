import { BYAR_THRESHOLD, byarInterval, countInterval, poissonExactInterval, rateInterval } from '../../src/core/rates';

/** P(Poisson(mean) ≤ n) by direct summation (the tail equations the exact limits must solve). */
function poissonCdf(n: number, mean: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let k = 1; k <= n; k++) {
    term *= mean / k;
    sum += term;
  }
  return sum;
}

describe('poissonExactInterval (Garwood)', () => {
  it('has upper limit ln 40 = 3.689 and lower limit 0 for a count of 0', () => {
    // P(X ≤ 0 | μ) = e^-μ = 0.025  =>  μ = ln 40 = 3.68888
    const { lower, upper } = poissonExactInterval(0);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(3.68888, 4);
  });

  it('gives 0.0253 to 5.572 for a count of 1', () => {
    // lower: P(X ≥ 1 | μ) = 1 − e^-μ = 0.025  =>  μ = −ln 0.975 = 0.025318
    // upper: e^-μ (1 + μ) = 0.025; at μ = 5.5716: e^-5.5716 = 0.0038044, × 6.5716 = 0.025001
    const { lower, upper } = poissonExactInterval(1);
    expect(lower).toBeCloseTo(0.025318, 5);
    expect(upper).toBeCloseTo(5.5716, 3);
  });

  it('gives 1.624 to 11.668 for a count of 5', () => {
    // lower 1.6235: e^-1.6235 = 0.197208; 1 + 1.6235 + 1.31788 + 0.71320 + 0.28947 = 4.94405; product 0.97501 = P(X ≤ 4)
    // upper 11.668: e^-11.668 = 8.5631e-6; 1 + 11.668 + 68.071 + 264.75 + 772.27 + 1802.2 = 2920.0; product 0.02500 = P(X ≤ 5)
    const { lower, upper } = poissonExactInterval(5);
    expect(lower).toBeCloseTo(1.6235, 3);
    expect(upper).toBeCloseTo(11.668, 2);
  });

  it('solves the two tail equations for every count up to 60, at 95% and 99.8%', () => {
    for (const confidence of [0.95, 0.998]) {
      const tail = (1 - confidence) / 2;
      for (let count = 1; count <= 60; count++) {
        const { lower, upper } = poissonExactInterval(count, confidence);
        expect(1 - poissonCdf(count - 1, lower)).toBeCloseTo(tail, 9); // P(X ≥ x | lower) = α/2
        expect(poissonCdf(count, upper)).toBeCloseTo(tail, 9); // P(X ≤ x | upper) = α/2
      }
    }
  });

  it('returns NaN limits for a missing count and throws for a negative one', () => {
    expect(poissonExactInterval(NaN)).toEqual({ lower: NaN, upper: NaN });
    expect(() => poissonExactInterval(-1)).toThrow(RangeError);
  });
});

describe('byarInterval', () => {
  it('gives 6.19 to 20.96 for a count of 12', () => {
    // z = 1.959964; √12 = 3.464102; 3√12 = 10.392305; z / 10.392305 = 0.188598; 1/108 = 0.009259
    // lower = 12 × (1 − 0.009259 − 0.188598)³ = 12 × 0.802143³ = 12 × 0.516126 = 6.1935
    // √13 = 3.605551; 3√13 = 10.816654; z / 10.816654 = 0.181198; 1/117 = 0.008547
    // upper = 13 × (1 − 0.008547 + 0.181198)³ = 13 × 1.172652³ = 13 × 1.612528 = 20.9629
    const { lower, upper } = byarInterval(12);
    expect(lower).toBeCloseTo(6.1935, 3);
    expect(upper).toBeCloseTo(20.9629, 3);
  });

  it('is close to the exact interval for large counts', () => {
    const exact = poissonExactInterval(400);
    const byar = byarInterval(400);
    expect(Math.abs(byar.lower - exact.lower)).toBeLessThan(0.01);
    expect(Math.abs(byar.upper - exact.upper)).toBeLessThan(0.01);
  });

  it('reports a lower limit of 0 where its formula breaks down', () => {
    expect(byarInterval(0).lower).toBe(0);
    // x = 1 at 99.9%: z = 3.2905, 1 − 1/9 − 3.2905/3 < 0
    expect(byarInterval(1, 0.999).lower).toBe(0);
  });
});

describe('countInterval (PHE convention)', () => {
  it(`uses the exact interval below ${BYAR_THRESHOLD} and Byar's from ${BYAR_THRESHOLD}`, () => {
    expect(countInterval(9)).toEqual(poissonExactInterval(9));
    expect(countInterval(9)).not.toEqual(byarInterval(9));
    expect(countInterval(10)).toEqual(byarInterval(10));
    expect(countInterval(10)).not.toEqual(poissonExactInterval(10));
  });

  it('has limits that rise with the count and bracket it', () => {
    let previous = countInterval(0);
    for (let count = 1; count <= 300; count++) {
      const current = countInterval(count);
      expect(current.lower).toBeGreaterThan(previous.lower);
      expect(current.upper).toBeGreaterThan(previous.upper);
      expect(current.lower).toBeLessThan(count);
      expect(current.upper).toBeGreaterThan(count);
      previous = current;
    }
  });

  it('widens as the confidence level rises', () => {
    for (const count of [0, 3, 9, 10, 50]) {
      const narrow = countInterval(count, 0.9);
      const wide = countInterval(count, 0.998);
      expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
      expect(wide.upper).toBeGreaterThan(narrow.upper);
    }
  });
});

describe('rateInterval', () => {
  it('scales the count interval to a rate per 1,000', () => {
    // 5 in 2,500: rate 2 per 1,000; limits 1.6235 / 2.5 = 0.6494 and 11.668 / 2.5 = 4.667
    const { rate, lower, upper } = rateInterval(5, 2500);
    expect(rate).toBe(2);
    expect(lower).toBeCloseTo(0.6494, 3);
    expect(upper).toBeCloseTo(4.667, 2);
  });

  it('honours another multiplier', () => {
    // 12 in 1,000 per 100,000 = 1,200; Byar lower 6.1935 × 100 = 619.35
    const { rate, lower } = rateInterval(12, 1000, { per: 100000 });
    expect(rate).toBe(1200);
    expect(lower).toBeCloseTo(619.35, 0);
  });

  it('has no rate for a population of 0', () => {
    expect(rateInterval(3, 0)).toEqual({ rate: NaN, lower: NaN, upper: NaN });
  });
});

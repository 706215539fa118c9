import { smoothedScoringRates } from '../../src/core/pipeline/stages/scoreSchools';

describe('scoring on empirical-Bayes smoothed rates', () => {
  it('shrinks each ward towards the area rate as worked by hand (Marshall 1991, method of moments)', () => {
    // B = 60 / 4,000 = 0.015; S² = (1,000 × 0.005² + 1,000 × 0.015² + 2,000 × 0.005²) / 4,000 = 7.5e-5;
    // n̄ = 4,000 / 3; A = 7.5e-5 − 0.015 / n̄ = 6.375e-5. C = A / (A + B / n): 0.809524 (n 1,000), 0.894737 (n 2,000).
    // Smoothed: 0.015 − 0.809524 × 0.005 = 0.0109524; 0.015 + 0.809524 × 0.015 = 0.0271429; 0.015 − 0.894737 × 0.005 = 0.0105263.
    const counts = [
      { wardCode: 'A', count: 10, youngPopulation: 1000 },
      { wardCode: 'B', count: 30, youngPopulation: 1000 },
      { wardCode: 'C', count: 20, youngPopulation: 2000 },
      { wardCode: 'D', count: 0, youngPopulation: 0 },
    ];
    const rates = counts.map((ward) => ({
      ...ward,
      rate: ward.youngPopulation > 0 ? (ward.count / ward.youngPopulation) * 1000 : Number.NaN,
      lower: Number.NaN,
      upper: Number.NaN,
      ratioToArea: Number.NaN,
      flag: 'similar' as const,
    }));
    const smoothed = smoothedScoringRates({ rates, counts });
    expect(smoothed.rates.map((ward) => ward.rate)).toEqual([
      expect.closeTo(10.9524, 3),
      expect.closeTo(27.1429, 3),
      expect.closeTo(10.5263, 3),
      NaN,
    ]);
    expect(smoothed.counts.map((ward) => ward.count)).toEqual([
      expect.closeTo(10.9524, 3),
      expect.closeTo(27.1429, 3),
      expect.closeTo(21.0526, 3),
      0,
    ]);
    // Shrinkage is per ward, so the smoothed counts need not add up to the area's 60 (here 59.15); flags are left as published.
    expect(smoothed.rates.map((ward) => ward.flag)).toEqual(['similar', 'similar', 'similar', 'similar']);
  });
});

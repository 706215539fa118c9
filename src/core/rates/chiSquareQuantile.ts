import { inverseRegularizedGammaP } from './inverseRegularizedGamma';

/**
 * Quantile of the chi-square distribution with `degreesOfFreedom` (> 0): χ²_ν(p) = 2 P⁻¹(ν/2, p),
 * because χ²_ν is Gamma(ν/2, scale 2). The same as R's `qchisq(p, df)`. Zero degrees of freedom is
 * the point mass at 0 (as in R), which the exact Poisson lower limit at a count of 0 relies on.
 *
 * @example chiSquareQuantile(0.95, 1) // => 3.841459 (= 1.959964²)
 * @example chiSquareQuantile(0.975, 2) // => −2 ln(0.025) ≈ 7.377759 (χ²₂ is exponential with mean 2)
 */
export function chiSquareQuantile(probability: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom === 0) return 0;
  return 2 * inverseRegularizedGammaP(degreesOfFreedom / 2, probability);
}

import { inverseRegularizedGammaP } from './inverseRegularizedGamma';

/**
 * The two-sided standard normal critical value for a confidence level: z with P(|Z| ≤ z) = confidence,
 * i.e. z = Φ⁻¹(1 − α/2). Computed exactly from Z² ~ χ²₁ = Gamma(½, scale 2), so z = √(2 P⁻¹(½, confidence)),
 * with no tabulated coefficients. R: `qnorm(confidence + (1 - confidence) / 2)`, as in PHEindicatormethods.
 *
 * @example twoSidedNormalCritical(0.95) // => 1.959964
 * @example twoSidedNormalCritical(0.998) // => 3.090232
 */
export function twoSidedNormalCritical(confidence: number): number {
  assertConfidence(confidence);
  return Math.sqrt(2 * inverseRegularizedGammaP(0.5, confidence));
}

/** Throws unless 0 < confidence < 1: an analyst's "95" is converted before it reaches the engine. */
export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(
      `Confidence level must be a fraction strictly between 0 and 1 (e.g. 0.95); got ${confidence}.`,
    );
  }
}

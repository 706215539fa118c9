import { assertConfidence, twoSidedNormalCritical } from './normalQuantile';
import type { CountInterval } from './poissonExactInterval';

/**
 * Byar's approximation to the exact Poisson confidence interval (Breslow & Day, Statistical Methods in
 * Cancer Research vol. II, 1987, p. 69), exactly as PHEindicatormethods' `byars_lower` / `byars_upper`:
 *   lower = x (1 − 1/(9x) − z/(3√x))³,
 *   upper = (x + 1) (1 − 1/(9(x + 1)) + z/(3√(x + 1)))³,
 * with z = Φ⁻¹(1 − α/2). Accurate for x ≥ 10; PHE uses the exact method below that (see `countInterval`).
 * Where the formula breaks down (x = 0, or a negative cube base at very small x and very high
 * confidence, where PHEindicatormethods raises an error) the lower limit is reported as 0.
 *
 * @example byarInterval(12) // => { lower: 6.19, upper: 20.96 }
 *   lower = 12 (1 − 1/108 − 1.959964/(3 × 3.464102))³ = 12 × 0.802143³ = 12 × 0.516126 = 6.1935
 *   upper = 13 (1 − 1/117 + 1.959964/(3 × 3.605551))³ = 13 × 1.172652³ = 13 × 1.612528 = 20.9629
 */
export function byarInterval(count: number, confidence = 0.95): CountInterval {
  assertConfidence(confidence);
  if (Number.isNaN(count)) return { lower: NaN, upper: NaN };
  if (count < 0) throw new RangeError(`A count cannot be negative; got ${count}.`);
  const z = twoSidedNormalCritical(confidence);
  const lowerBase = count > 0 ? 1 - 1 / (9 * count) - z / (3 * Math.sqrt(count)) : 0;
  const lower = lowerBase > 0 ? count * lowerBase ** 3 : 0;
  const next = count + 1;
  const upper = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  return { lower, upper };
}

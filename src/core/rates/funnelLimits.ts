import { PER_THOUSAND } from './perThousand';
import { assertConfidence, twoSidedNormalCritical } from './normalQuantile';

/** Confidence of a funnel plot's outer limits: Spiegelhalter's (2005) 99.8%, about three standard errors. */
export const OUTER_FUNNEL_CONFIDENCE = 0.998;

/** Lower and upper funnel limits on a rate, per the same `per` as the rate. */
export interface FunnelLimits {
  readonly lower: number;
  readonly upper: number;
}

export interface FunnelLimitsOptions {
  /** Between-ward variance τ² on the square-root scale (funnelDispersion). Default 0: the plain Poisson funnel. */
  readonly tauSquared?: number;
  /** Rate per this many people. Default 1,000. */
  readonly per?: number;
}

/**
 * The funnel limits around `areaRate` for a ward of `population`, on the square-root scale of a
 * Poisson count with an additive random effect (Spiegelhalter, "Funnel plots for comparing
 * institutional performance", Stat Med 2005;24:1185–1202, §6.2; the "CQC" method of NHS-R
 * FunnelPlotR for ratios). With E = areaRate × population / per the count expected at the area
 * rate, a ward's √(observed ÷ E) has standard error s = 1 / (2√E) under the Poisson, and
 * √(τ² + s²) once the true ward rates spread with variance τ² round the area rate, so
 *   lower = areaRate × max(0, 1 − z √(1/(4E) + τ²))²,  upper = areaRate × (1 + z √(1/(4E) + τ²))²,
 * with z = Φ⁻¹(1 − α/2) for the `confidence`. Where z√(…) ≥ 1 (a tiny E, or τ² of 1/z² or more) no count
 * is low enough to fall below the funnel, so the lower limit is 0 (FunnelPlotR squares the negative
 * number instead, which turns the limit back up). τ² = 0 gives the square-root Poisson limits
 * (√E ± z/2)² ÷ population × per. A population that is not positive, or an area rate that is not a
 * positive number, has no funnel: NaN limits (and a ward compared with them is 'similar').
 *
 * @example funnelLimits(10, 400, 0.95) // => { lower: 2.601, upper: 22.201 }   per 1,000
 *   E = 10 × 400 / 1,000 = 4; s = 1/(2√4) = 0.25; z s = 1.959964 × 0.25 = 0.489991;
 *   lower = 10 × (1 − 0.489991)² = 10 × 0.260109 = 2.601; upper = 10 × 1.489991² = 10 × 2.220073 = 22.201
 * @example funnelLimits(10, 400, 0.95, { tauSquared: 0.04 }) // => { lower: 1.388, upper: 26.487 }
 *   z √(0.0625 + 0.04) = 1.959964 × 0.320156 = 0.627495; lower = 10 × 0.372505² = 1.388; upper = 10 × 1.627495² = 26.487
 */
export function funnelLimits(
  areaRate: number,
  population: number,
  confidence: number,
  options: FunnelLimitsOptions = {},
): FunnelLimits {
  assertConfidence(confidence);
  const { tauSquared = 0, per = PER_THOUSAND } = options;
  if (!(tauSquared >= 0))
    throw new RangeError(`The between-ward variance τ² cannot be negative or missing; got ${tauSquared}.`);
  if (!(areaRate > 0) || !Number.isFinite(areaRate) || !(population > 0) || !Number.isFinite(population))
    return { lower: NaN, upper: NaN };
  const expected = (areaRate * population) / per;
  const halfWidth = twoSidedNormalCritical(confidence) * Math.sqrt(1 / (4 * expected) + tauSquared);
  return { lower: areaRate * Math.max(0, 1 - halfWidth) ** 2, upper: areaRate * (1 + halfWidth) ** 2 };
}

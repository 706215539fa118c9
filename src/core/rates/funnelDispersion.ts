import { quantileSorted } from 'simple-statistics';

/** Share of z-scores pulled in at each end before φ is estimated: Spiegelhalter's (2005) and FunnelPlotR's 10%. */
export const WINSORISED_FRACTION = 0.1;

/** One ward of a funnel plot: its observed count and the count expected of it at the area rate. */
export interface FunnelUnit {
  readonly observed: number;
  readonly expected: number;
}

/**
 * How much more the wards spread round the area rate than Poisson chance allows, or why that could
 * not be estimated (fewer than two wards with an expected count above 0).
 */
export type FunnelDispersion =
  | {
      readonly kind: 'estimated';
      /** Wards the estimate rests on (those with an expected count above 0). */
      readonly units: number;
      /** Over-dispersion φ: the mean squared (winsorised) z-score; about 1 when the wards differ by chance alone. */
      readonly phi: number;
      /** Between-ward variance τ² of √(observed ÷ expected); 0 when φ shows no over-dispersion. */
      readonly tauSquared: number;
      /** The z-scores at the 10th and 90th percentiles, where the ones beyond were pulled in. */
      readonly winsorisedAt: { readonly lower: number; readonly upper: number };
    }
  | { readonly kind: 'tooFewUnits'; readonly units: number };

/**
 * Over-dispersion of ward counts round a funnel, by Spiegelhalter's additive random-effects method
 * on the square-root scale ("Funnel plots for comparing institutional performance", Stat Med
 * 2005;24:1185–1202, §6; NHS-R FunnelPlotR's `OD_adjust_func` with method "CQC"):
 *   1. z-score of each ward: zᵢ = 2(√Oᵢ − √Eᵢ) — the square root stabilises a Poisson count's
 *      variance at ¼, so zᵢ is about standard normal under the Poisson even for small counts and zeros;
 *   2. winsorise at 10%: z-scores below the 10th percentile are raised to it, those above the 90th
 *      lowered to it (percentiles by linear interpolation, R's and FunnelPlotR's `quantile`, type 7,
 *      Excel's PERCENTILE.INC), so a few extreme wards do not inflate the estimate they are judged by;
 *   3. φ = Σ z̃ᵢ² / n, the over-dispersion ratio (1 under the Poisson);
 *   4. τ² = (nφ − (n − 1)) / (Σwᵢ − Σwᵢ² / Σwᵢ), with wᵢ = 1 / sᵢ² = 4Eᵢ, the DerSimonian–Laird
 *      moment estimate of the between-ward variance of √(O/E); τ² = 0 when nφ ≤ n − 1.
 * Wards with no expected count (E = 0: no young residents) carry no information and are left out;
 * fewer than two wards left give no estimate ('tooFewUnits'), and the funnel is then the plain
 * Poisson one (τ² = 0). Pure: it sees only the counts it is given, so a caller that passes only
 * published counts gets an estimate that is a function of published numbers alone.
 * O(n log n) for the sort.
 *
 * @example funnelDispersion([[16, 4], [4, 9], [4, 16], [49, 25], [36, 36], [81, 100]].map(([observed, expected]) => ({ observed, expected })))
 *   // => { kind: 'estimated', units: 6, phi: 8.1667, tauSquared: 0.087719, winsorisedAt: { lower: -3, upper: 4 } }
 *   // √O − √E: 4 − 2, 2 − 3, 2 − 4, 7 − 5, 6 − 6, 9 − 10, so z = 4, −2, −4, 4, 0, −2;
 *   // sorted −4, −2, −2, 0, 4, 4: 10th percentile at position 0.5 = −3, 90th at 4.5 = 4; z̃ = 4, −2, −3, 4, 0, −2;
 *   // φ = (16 + 4 + 9 + 16 + 0 + 4) / 6 = 49/6 = 8.1667; w = 16, 36, 64, 100, 144, 400: Σw = 760, Σw² = 196,384;
 *   // τ² = (49 − 5) / (760 − 196,384/760) = 44 / 501.6 = 0.087719
 */
export function funnelDispersion(
  units: readonly FunnelUnit[],
  options: { readonly winsorise?: number } = {},
): FunnelDispersion {
  const { winsorise = WINSORISED_FRACTION } = options;
  if (!(winsorise >= 0 && winsorise < 0.5))
    throw new RangeError(`The share winsorised at each end must be from 0 to under 0.5; got ${winsorise}.`);
  for (const unit of units) {
    if (!(unit.observed >= 0) || !Number.isFinite(unit.observed))
      throw new RangeError(`An observed count must be a finite number, 0 or more; got ${unit.observed}.`);
  }
  const informative = units.filter((unit) => unit.expected > 0 && Number.isFinite(unit.expected));
  const n = informative.length;
  if (n < 2) return { kind: 'tooFewUnits', units: n };

  const zScores = informative.map((unit) => 2 * (Math.sqrt(unit.observed) - Math.sqrt(unit.expected)));
  const sorted = [...zScores].sort((a, b) => a - b);
  // Hyndman & Fan type 7 (linear between order statistics), as PHE's funnel tools winsorise.
  const lower = quantileSorted(sorted, winsorise);
  const upper = quantileSorted(sorted, 1 - winsorise);
  let sumSquares = 0;
  for (const z of zScores) sumSquares += Math.min(upper, Math.max(lower, z)) ** 2;
  const phi = sumSquares / n;

  let sumWeights = 0;
  let sumSquaredWeights = 0;
  for (const unit of informative) {
    const weight = 4 * unit.expected;
    sumWeights += weight;
    sumSquaredWeights += weight * weight;
  }
  const excess = n * phi - (n - 1);
  const tauSquared = excess > 0 ? excess / (sumWeights - sumSquaredWeights / sumWeights) : 0;
  return { kind: 'estimated', units: n, phi, tauSquared, winsorisedAt: { lower, upper } };
}

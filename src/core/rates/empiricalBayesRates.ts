import { PER_THOUSAND } from './perThousand';
import type { WardCount } from './wardRates';

export interface EmpiricalBayesOptions {
  /** Rate per this many young residents. Default 1,000. */
  readonly per?: number;
}

/** A ward's crude rate and its smoothed (shrunk) rate, both per `per`. */
export interface SmoothedWardRate {
  readonly wardCode: string;
  readonly crudeRate: number;
  readonly smoothedRate: number;
  /** Weight on the ward's own rate, C = A / (A + B / n): 0 = fully shrunk to the area rate, 1 = untouched. */
  readonly shrinkage: number;
}

/**
 * Marshall's global empirical-Bayes smoothing of rates (R. J. Marshall, "Mapping disease and mortality
 * rates using empirical Bayes estimators", Applied Statistics 40(2), 1991, 283–294), method-of-moments form:
 *   B = Σxᵢ / Σnᵢ (the area rate), S² = Σ nᵢ (rᵢ − B)² / Σnᵢ, n̄ = Σnᵢ / N,
 *   A = max(0, S² − B / n̄)  (between-ward variance of true rates),
 *   Cᵢ = A / (A + B / nᵢ),  smoothed rᵢ = B + Cᵢ (rᵢ − B).
 * Small wards (small nᵢ) move most towards the area rate. OPTIONAL and not used by default: the
 * published ward rates and flags are crude rates with PHE intervals; smoothing is offered for maps of
 * many small wards. Wards without a positive population take no part in the moments and get the
 * area rate with shrinkage 0.
 *
 * @example empiricalBayesRates([{ wardCode: 'A', count: 2, youngPopulation: 100 }, { wardCode: 'B', count: 0, youngPopulation: 100 }])
 *   // B = 2/200 = 0.01; S² = (100 × 0.01² + 100 × 0.01²)/200 = 0.0001; n̄ = 100; A = max(0, 0.0001 − 0.0001) = 0
 *   // => both wards shrunk fully to 10 per 1,000
 */
export function empiricalBayesRates(
  wards: readonly WardCount[],
  options: EmpiricalBayesOptions = {},
): SmoothedWardRate[] {
  const { per = PER_THOUSAND } = options;
  const populated = wards.filter((ward) => ward.youngPopulation > 0);
  let totalCount = 0;
  let totalPopulation = 0;
  for (const ward of populated) {
    totalCount += ward.count;
    totalPopulation += ward.youngPopulation;
  }
  const areaRate = totalPopulation > 0 ? totalCount / totalPopulation : NaN;
  let weightedSquares = 0;
  for (const ward of populated)
    weightedSquares += ward.youngPopulation * (ward.count / ward.youngPopulation - areaRate) ** 2;
  const variance = weightedSquares / totalPopulation;
  const meanPopulation = totalPopulation / populated.length;
  const betweenVariance = Math.max(0, variance - areaRate / meanPopulation);

  return wards.map((ward) => {
    if (!(ward.youngPopulation > 0)) {
      return { wardCode: ward.wardCode, crudeRate: NaN, smoothedRate: areaRate * per, shrinkage: 0 };
    }
    const crude = ward.count / ward.youngPopulation;
    const denominator = betweenVariance + areaRate / ward.youngPopulation;
    const shrinkage = denominator > 0 ? betweenVariance / denominator : 0;
    return {
      wardCode: ward.wardCode,
      crudeRate: crude * per,
      smoothedRate: (areaRate + shrinkage * (crude - areaRate)) * per,
      shrinkage,
    };
  });
}

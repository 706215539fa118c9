import type { CatchmentShares } from '../catchment';
import type { WardRate } from '../rates';

/** How much violence a school's pupils live among, by their home wards. */
export interface SchoolExposure {
  readonly urn: string;
  /**
   * Σ_w share_w × rate_w over the wards with a rate, divided by the share those wards hold (per 1,000,
   * or whatever `per` the ward rates used). NaN when no share falls in a ward with a rate.
   */
  readonly exposureRate: number;
  /** 100 × exposureRate / areaRate: 100 = the area average, 150 = half as much again. */
  readonly exposureIndex: number;
  /** Estimated pupils living in wards flagged 'higher': pupils on roll × shareFromHigherWards. */
  readonly pupilsFromHigherWards: number;
  /** Σ share_w over wards flagged 'higher' (0..1). */
  readonly shareFromHigherWards: number;
  /**
   * Σ share_w over wards that have a rate (0..1). Below 1 when some pupils live outside the analysed
   * wards (or in wards without a young population); the exposure then describes the pupils inside.
   */
  readonly shareWithRate: number;
}

/**
 * Exposure of each school's pupils to violence where they live: exposureRate = Σ_w share_w × rate_w
 * (a weighted mean of home-ward rates), the index 100 × exposureRate / areaRate, and the pupils and
 * share from wards whose rate is significantly above the area's ('higher' flag). Shares in wards with
 * no rate (outside the area, or no young population) are left out and the rest reweighted to sum to 1,
 * so pupils from outside the area are assumed to be like those inside; `shareWithRate` reports how
 * much of the school that covers. A school with no shares entry (or no shares) gets NaN throughout.
 * Output follows the order of `schools`. O(total shares).
 *
 * @example School with shares A 0.5, B 0.3, C 0.2; rates A 10 (higher), B 5, C 2; area 5; 200 pupils:
 *   exposureRate = 0.5×10 + 0.3×5 + 0.2×2 = 6.9; index = 138; shareFromHigherWards 0.5; pupils 100.
 */
export function exposureScores(
  shares: ReadonlyMap<string, CatchmentShares>,
  wardRates: readonly WardRate[],
  areaRate: number,
  schools: readonly { readonly urn: string; readonly pupils: number }[],
): SchoolExposure[] {
  const ratesByWard = new Map<string, WardRate>();
  for (const ward of wardRates) ratesByWard.set(ward.wardCode, ward);

  return schools.map((school): SchoolExposure => {
    const catchment = shares.get(school.urn);
    let weightedRate = 0;
    let shareWithRate = 0;
    let shareFromHigherWards = 0;
    for (const { wardCode, share } of catchment?.shares ?? []) {
      const ward = ratesByWard.get(wardCode);
      if (!ward || !Number.isFinite(ward.rate)) continue;
      weightedRate += share * ward.rate;
      shareWithRate += share;
      if (ward.flag === 'higher') shareFromHigherWards += share;
    }
    const known = catchment !== undefined && catchment.shares.length > 0;
    const exposureRate = shareWithRate > 0 ? weightedRate / shareWithRate : NaN;
    return {
      urn: school.urn,
      exposureRate,
      exposureIndex: (100 * exposureRate) / areaRate,
      pupilsFromHigherWards: known ? school.pupils * shareFromHigherWards : NaN,
      shareFromHigherWards: known ? shareFromHigherWards : NaN,
      shareWithRate: known ? shareWithRate : NaN,
    };
  });
}

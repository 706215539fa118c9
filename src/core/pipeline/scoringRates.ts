import { PER_THOUSAND } from '../rates/perThousand';
import type { PublishedCount } from '../disclosure';
import type { WardCount, WardRate } from '../rates';
import type { RateFlag } from '../types';

export interface ScoringWard {
  readonly wardCode: string;
  readonly youngPopulation: number;
  readonly published: PublishedCount;
  /** The published flag (meaningful when shown). */
  readonly flag: RateFlag;
  /** The outsider's pooled estimate for a withheld ward (pooledWithheldCounts). */
  readonly pooled: number;
}

/**
 * The ward counts and rates the schools are scored on: the published ones. A shown ward counts as
 * published (rounded, when rounding is on); a withheld ward takes its pooled estimate, the share of
 * what its nearest published total leaves, and is never counted among the 'higher' wards (its flag
 * is withheld). Every school figure is then a function of published numbers only, so exposure,
 * ranks and the pupils from higher wards cannot be worked back to a withheld count, even by someone
 * who reproduces a modelled catchment. Limits are not needed for scoring and are left NaN.
 */
export function scoringRates(
  wards: readonly ScoringWard[],
  areaRate: number,
): { readonly rates: WardRate[]; readonly counts: WardCount[] } {
  const counts = wards.map((ward): WardCount => ({
    wardCode: ward.wardCode,
    count: ward.published.shown ? ward.published.value : ward.pooled,
    youngPopulation: ward.youngPopulation,
  }));
  const rates = wards.map((ward, i): WardRate => {
    const rate = ward.youngPopulation > 0 ? (counts[i].count / ward.youngPopulation) * PER_THOUSAND : Number.NaN;
    return {
      wardCode: ward.wardCode,
      count: counts[i].count,
      youngPopulation: ward.youngPopulation,
      rate,
      lower: Number.NaN,
      upper: Number.NaN,
      ratioToArea: rate / areaRate,
      flag: ward.published.shown ? ward.flag : 'similar',
    };
  });
  return { rates, counts };
}

import { PER_THOUSAND } from '../rates/perThousand';
import type { PublishedCount } from '../disclosure';
import { compareWithBenchmark, compareWithFunnel, funnelLimits, OUTER_FUNNEL_CONFIDENCE, rateInterval } from '../rates';
import type { FlagMethod } from '../types';
import type { RateEstimate } from './analysisResult';

/** The funnel a ward is compared with: the between-ward variance τ² (0 for the plain Poisson funnel) and the run's flag method. */
export interface FunnelChoice {
  readonly tauSquared: number;
  readonly method: FlagMethod;
}

/**
 * A count's rate per 1,000 as published (see RateEstimate): from the published count against the
 * published area rate when the count is shown, so a reader recomputing it from the sheet gets the
 * same figure (rounding included); from the true count against the true area rate when withheld.
 * Limits are PHE's (exact below 10, Byar's from 10, rateInterval).
 *
 * Without a funnel (districts) the flag is PHE's comparison of the interval with the benchmark
 * (compareWithBenchmark). With one (wards) the estimate also carries the funnel limits round the
 * same benchmark at the confidence level and at 99.8%, widened by τ² (funnelLimits), the flag by
 * each method, and `flag` is the one `funnel.method` names:
 * - 'poisson': the ward's interval clear of the benchmark;
 * - 'overdispersed': the rate outside the inner funnel limits (compareWithFunnel) AND flagged the
 *   same way by 'poisson'. Allowing for over-dispersion only ever adds variance, so a ward the plain
 *   Poisson test does not flag cannot be flagged once it is allowed for; the second condition binds
 *   only at small counts, where the square-root scale's normal approximation is too ready to call a
 *   ward 'lower' (a ward expecting 3.5 with none lies below the square-root funnel's 0.79, yet
 *   P(0 | 3.5) = e^(−3.5) = 0.030 is no evidence at 95%: the exact upper limit for 0 is 3.69 > 3.5).
 *   So the over-dispersed flags are always a subset of the Poisson ones: they do not over-claim.
 * @example rateEstimate(12, { shown: true, value: 10 }, 1000, { published: 3, true: 3.2 }) // rate of 10 per 1,000 (rounded count), flagged against 3
 */
export function rateEstimate(
  count: number,
  published: PublishedCount,
  youngPopulation: number,
  areaRate: { readonly published: number; readonly true: number },
  options: { readonly confidence?: number; readonly funnel?: FunnelChoice } = {},
): RateEstimate {
  const confidence = options.confidence ?? 0.95;
  const basis = published.shown ? published.value : count;
  const benchmark = published.shown ? areaRate.published : areaRate.true;
  const { rate, lower, upper } = rateInterval(basis, youngPopulation, { per: PER_THOUSAND, confidence });
  const poisson = compareWithBenchmark({ lower, upper }, benchmark);
  if (!options.funnel) return { count, published, rate, lower, upper, flag: poisson };
  const { tauSquared, method } = options.funnel;
  const inner = funnelLimits(benchmark, youngPopulation, confidence, { tauSquared });
  const outer = funnelLimits(benchmark, youngPopulation, OUTER_FUNNEL_CONFIDENCE, { tauSquared });
  const outsideFunnel = compareWithFunnel(rate, inner);
  const flags = { overdispersed: outsideFunnel === poisson ? poisson : 'similar', poisson } as const;
  return { count, published, rate, lower, upper, flag: flags[method], funnel: { inner, outer, flags } };
}

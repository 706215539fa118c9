import type { PublishedCount } from '../disclosure';
import { compareWithBenchmark, rateInterval } from '../rates';
import type { RateEstimate } from './analysisResult';

/**
 * A count's rate per 1,000 as published (see RateEstimate): from the published count against the
 * published area rate when the count is shown, so a reader recomputing it from the sheet gets the
 * same figure (rounding included); from the true count against the true area rate when withheld.
 * Limits are PHE's (exact below 10, Byar's from 10, rateInterval); the flag is PHE's comparison
 * with the benchmark (compareWithBenchmark).
 * @example rateEstimate(12, { shown: true, value: 10 }, 1000, { published: 3, true: 3.2 }) // rate of 10 per 1,000 (rounded count), flagged against 3
 */
export function rateEstimate(
  count: number,
  published: PublishedCount,
  youngPopulation: number,
  areaRate: { readonly published: number; readonly true: number },
  options: { readonly confidence?: number } = {},
): RateEstimate {
  const basis = published.shown ? published.value : count;
  const benchmark = published.shown ? areaRate.published : areaRate.true;
  const { rate, lower, upper } = rateInterval(basis, youngPopulation, { per: 1000, confidence: options.confidence ?? 0.95 });
  return { count, published, rate, lower, upper, flag: compareWithBenchmark({ lower, upper }, benchmark) };
}

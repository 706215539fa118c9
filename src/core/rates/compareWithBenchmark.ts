import type { RateFlag } from '../types';

/**
 * PHE's comparison of a value's confidence interval with a benchmark value (Fingertips "compared with
 * benchmark" significance test, Public Health Technical Guide): 'higher' when the lower limit is above
 * the benchmark, 'lower' when the upper limit is below it, otherwise 'similar'. The benchmark is taken
 * as fixed (its own uncertainty is not used). Missing limits (NaN) give 'similar': no evidence of a
 * difference; the caller shows the rate as not available.
 *
 * @example compareWithBenchmark({ lower: 6.19, upper: 20.96 }, 5) // => 'higher'
 * @example compareWithBenchmark({ lower: 6.19, upper: 20.96 }, 20) // => 'similar'
 */
export function compareWithBenchmark(
  interval: { readonly lower: number; readonly upper: number },
  benchmark: number,
): RateFlag {
  if (interval.lower > benchmark) return 'higher';
  if (interval.upper < benchmark) return 'lower';
  return 'similar';
}

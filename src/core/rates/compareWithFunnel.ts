import type { RateFlag } from '../types';
import type { FunnelLimits } from './funnelLimits';

/**
 * A ward against a funnel plot's limits (Spiegelhalter 2005; FunnelPlotR's outliers): 'higher' when
 * its rate lies above the upper limit, 'lower' when below the lower limit, otherwise 'similar'. A
 * rate on a limit is inside the funnel. A missing rate or missing limits (NaN) give 'similar', as
 * in compareWithBenchmark: no evidence of a difference, and the caller shows why.
 *
 * @example compareWithFunnel(25, { lower: 2.601, upper: 22.201 }) // => 'higher'
 * @example compareWithFunnel(25, { lower: 1.388, upper: 26.487 }) // => 'similar'
 */
export function compareWithFunnel(rate: number, limits: FunnelLimits): RateFlag {
  if (rate > limits.upper) return 'higher';
  if (rate < limits.lower) return 'lower';
  return 'similar';
}

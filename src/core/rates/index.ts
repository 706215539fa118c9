/** Ward rates: special functions, Poisson intervals (PHE conventions), rates, over-dispersed funnel limits and flags against the area. */
export { logGamma } from './logGamma';
export { regularizedGammaP, regularizedGammaQ } from './regularizedGamma';
export { inverseRegularizedGammaP } from './inverseRegularizedGamma';
export { chiSquareQuantile } from './chiSquareQuantile';
export { twoSidedNormalCritical, assertConfidence } from './normalQuantile';

export { poissonExactInterval, type CountInterval } from './poissonExactInterval';
export { byarInterval } from './byarInterval';
export { countInterval, BYAR_THRESHOLD } from './countInterval';
export { rateInterval, type RateIntervalOptions, type RateWithInterval } from './rateInterval';

export { compareWithBenchmark } from './compareWithBenchmark';
export { funnelDispersion, WINSORISED_FRACTION, type FunnelDispersion, type FunnelUnit } from './funnelDispersion';
export { funnelLimits, OUTER_FUNNEL_CONFIDENCE, type FunnelLimits, type FunnelLimitsOptions } from './funnelLimits';
export { compareWithFunnel } from './compareWithFunnel';
export {
  wardRates,
  type WardCount,
  type WardRate,
  type AreaRate,
  type WardRatesOptions,
  type WardRatesResult,
} from './wardRates';
export { empiricalBayesRates, type EmpiricalBayesOptions, type SmoothedWardRate } from './empiricalBayesRates';
export * from './perThousand';

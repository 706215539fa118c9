/** Ward rates: special functions, Poisson intervals (PHE conventions), rates and flags against the area. */
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
export { wardRates, type WardCount, type WardRate, type AreaRate, type WardRatesOptions, type WardRatesResult } from './wardRates';
export { empiricalBayesRates, type EmpiricalBayesOptions, type SmoothedWardRate } from './empiricalBayesRates';

import { PER_THOUSAND } from './perThousand';
import { countInterval } from './countInterval';

export interface RateIntervalOptions {
  /** Rate per this many people. Default 1,000. */
  readonly per?: number;
  /** Confidence level as a fraction. Default 0.95. */
  readonly confidence?: number;
}

/** A crude rate with its confidence limits, all per `per` people. */
export interface RateWithInterval {
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Crude rate per `per` people with a confidence interval that treats the population as fixed and the
 * count as Poisson: rate = count / population × per, limits = `countInterval(count)` / population × per
 * (PHEindicatormethods `phe_rate`). A population of 0 (or not a positive number) has no rate: rate and
 * limits are NaN, and callers show them as not available rather than as infinite.
 *
 * @example rateInterval(12, 1000) // => { rate: 12, lower: 6.19, upper: 20.96 }   per 1,000 (Byar, worked in byarInterval)
 * @example rateInterval(5, 2500) // => { rate: 2, lower: 0.649, upper: 4.667 }   (1.624 and 11.668 ÷ 2.5)
 */
export function rateInterval(count: number, population: number, options: RateIntervalOptions = {}): RateWithInterval {
  const { per = PER_THOUSAND, confidence = 0.95 } = options;
  if (!(population > 0) || !Number.isFinite(population)) return { rate: NaN, lower: NaN, upper: NaN };
  const { lower, upper } = countInterval(count, confidence);
  const scale = per / population;
  return { rate: count * scale, lower: lower * scale, upper: upper * scale };
}

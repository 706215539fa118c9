import { PER_THOUSAND } from './perThousand';
import type { RateFlag } from '../types';
import { compareWithBenchmark } from './compareWithBenchmark';
import { rateInterval } from './rateInterval';

/** One ward's count and young population, as counted by the pipeline. */
export interface WardCount {
  readonly wardCode: string;
  readonly count: number;
  readonly youngPopulation: number;
}

/** A ward's rate per `per` young residents, its interval, and how it compares with the area rate. */
export interface WardRate {
  readonly wardCode: string;
  readonly count: number;
  readonly youngPopulation: number;
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
  /** rate / area rate (1 = the area average). NaN when either rate is not available. */
  readonly ratioToArea: number;
  readonly flag: RateFlag;
}

/** The whole area's count, population and rate: the benchmark every ward is compared with. */
export interface AreaRate {
  readonly count: number;
  readonly youngPopulation: number;
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
}

export interface WardRatesOptions {
  /** Confidence level as a fraction. Default 0.95. */
  readonly confidence?: number;
  /** Rate per this many young residents. Default 1,000. */
  readonly per?: number;
}

export interface WardRatesResult {
  readonly wards: WardRate[];
  readonly area: AreaRate;
}

/**
 * Rates per 1,000 young residents for every ward with PHE intervals (`rateInterval`: exact below a
 * count of 10, Byar's from 10), the area rate (Σ counts / Σ young population over the wards given),
 * each ward's ratio to the area rate, and its flag: 'higher' when the ward's lower limit is above the
 * area rate, 'lower' when its upper limit is below it, else 'similar' (`compareWithBenchmark`).
 * Wards keep their input order. A ward with no young population has NaN rate, limits and ratio and is
 * flagged 'similar'; its count still counts in the area total.
 *
 * @example wardRates([{ wardCode: 'A', count: 12, youngPopulation: 1000 }, { wardCode: 'B', count: 0, youngPopulation: 3000 }])
 *   // area: 12 / 4,000 = 3 per 1,000; A: 12 (6.19–20.96), ratio 4, 'higher'; B: 0 (0–1.23), ratio 0, 'lower'
 */
export function wardRates(wards: readonly WardCount[], options: WardRatesOptions = {}): WardRatesResult {
  const { confidence = 0.95, per = PER_THOUSAND } = options;
  let totalCount = 0;
  let totalPopulation = 0;
  for (const ward of wards) {
    totalCount += ward.count;
    if (ward.youngPopulation > 0) totalPopulation += ward.youngPopulation;
  }
  const area: AreaRate = {
    count: totalCount,
    youngPopulation: totalPopulation,
    ...rateInterval(totalCount, totalPopulation, { per, confidence }),
  };

  const rates = wards.map((ward): WardRate => {
    const { rate, lower, upper } = rateInterval(ward.count, ward.youngPopulation, { per, confidence });
    return {
      wardCode: ward.wardCode,
      count: ward.count,
      youngPopulation: ward.youngPopulation,
      rate,
      lower,
      upper,
      ratioToArea: rate / area.rate,
      flag: compareWithBenchmark({ lower, upper }, area.rate),
    };
  });
  return { wards: rates, area };
}

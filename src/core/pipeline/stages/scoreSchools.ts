import { PER_THOUSAND } from '../../rates/perThousand';
import type { CatchmentShares } from '../../catchment';
import type { PublishedCount } from '../../disclosure';
import { pooledWithheldCounts, type LinkedTables } from '../../disclosure';
import { empiricalBayesRates, type WardCount, type WardRate } from '../../rates';
import {
  deciles,
  exposureScores,
  rankWithUncertainty,
  type CatchmentDraws,
  type SchoolExposure,
  type SchoolRank,
} from '../../ranking';
import type { AnalysisParameters, Issue, SchoolRecord } from '../../types';
import type { DistrictResult, RankUncertainty, RateEstimate, WardResult } from '../analysisResult';
import { CELL_ID } from '../publishedTables';
import { scoringRates } from '../scoringRates';
import type { Catchments } from './modelCatchments';

export interface ScoredSchools {
  /** The schools with a finite exposure, in the order given. */
  readonly schools: readonly SchoolRecord[];
  readonly exposure: ReadonlyMap<string, SchoolExposure>;
  readonly ranks: ReadonlyMap<string, SchoolRank>;
  readonly deciles: ReadonlyMap<string, number>;
  readonly issues: readonly Issue[];
}

/** The measure a ward is scored on. */
export function measureOf(
  ward: WardResult | DistrictResult,
  metric: AnalysisParameters['rankingMetric'],
): RateEstimate {
  return metric === 'offences' ? ward.offences : ward.youngOffenders;
}

/**
 * The scoring rates shrunk towards the area rate by Marshall's global empirical Bayes
 * (empiricalBayesRates), each ward's count restated at its smoothed rate (smoothed rate × young
 * population ÷ 1,000) so the rank simulation draws around it. Flags stay the published ones:
 * smoothing changes how much, not which wards are shown as higher. Wards without young residents
 * are left as they are (they have no rate).
 * @example counts 10, 30, 20 of 1,000, 1,000, 2,000 young residents: area 15 per 1,000, A = 6.375e-5;
 *   rates 10.95, 27.14 and 10.53 per 1,000 (worked in test/sensitivity/smoothing.test.ts)
 */
export function smoothedScoringRates(scoring: {
  readonly rates: readonly WardRate[];
  readonly counts: readonly WardCount[];
}): { rates: WardRate[]; counts: WardCount[] } {
  const smoothRate = new Map(empiricalBayesRates(scoring.counts).map((ward) => [ward.wardCode, ward.smoothedRate]));
  const atSmoothedRate = <T extends WardCount>(ward: T): T => {
    const rate = smoothRate.get(ward.wardCode);
    return ward.youngPopulation > 0 && rate !== undefined
      ? { ...ward, count: (rate * ward.youngPopulation) / PER_THOUSAND }
      : ward;
  };
  return {
    counts: scoring.counts.map(atSmoothedRate),
    rates: scoring.rates.map((ward) =>
      ward.youngPopulation > 0 ? { ...atSmoothedRate(ward), rate: smoothRate.get(ward.wardCode) ?? ward.rate } : ward,
    ),
  };
}

/**
 * Exposure of each school on the published basis (withheld wards at their pooled estimate), ranks
 * with uncertainty, and deciles. A school whose pupils all live in wards without a rate (no young
 * residents) has no exposure: it is reported and not ranked, never given a NaN rank. With
 * `catchmentDraws` the rank simulation also draws the catchments (see CatchmentDraws); with
 * `parameters.smoothing` 'empiricalBayes' schools are scored on smoothed ward rates.
 */
export function scoreSchools(
  candidates: readonly SchoolRecord[],
  shares: ReadonlyMap<string, CatchmentShares>,
  rated: {
    readonly wards: readonly WardResult[];
    readonly districts: readonly DistrictResult[];
    readonly areaRate: number;
  },
  tables: LinkedTables,
  published: ReadonlyMap<string, PublishedCount>,
  parameters: AnalysisParameters,
  schoolsSheet: { readonly sheet: string; readonly column: string },
  catchmentDraws?: CatchmentDraws,
): ScoredSchools {
  const metric = parameters.rankingMetric;
  const populationOf = new Map<string, number>([
    ...rated.wards.map((ward): [string, number] => [CELL_ID.ward(metric, ward.wardCode), ward.youngPopulation]),
    ...rated.districts.map((district): [string, number] => [
      CELL_ID.district(metric, district.districtCode),
      district.youngPopulation,
    ]),
  ]);
  const pooled = pooledWithheldCounts(tables, published, (id) => populationOf.get(id) ?? 0);
  const crude = scoringRates(
    rated.wards.map((ward) => ({
      wardCode: ward.wardCode,
      youngPopulation: ward.youngPopulation,
      published: measureOf(ward, metric).published,
      flag: measureOf(ward, metric).flag,
      pooled: pooled.get(CELL_ID.ward(metric, ward.wardCode)) ?? 0,
    })),
    rated.areaRate,
  );
  const scoring = parameters.smoothing === 'empiricalBayes' ? smoothedScoringRates(crude) : crude;

  const issues: Issue[] = [];
  const scores = exposureScores(
    shares,
    scoring.rates,
    rated.areaRate,
    candidates.map((s) => ({ urn: s.urn, pupils: s.pupils })),
  );
  const exposure = new Map(scores.map((score) => [score.urn, score]));
  const schools = candidates.filter((school) => {
    if (Number.isFinite(exposure.get(school.urn)?.exposureRate)) return true;
    issues.push({
      sheet: schoolsSheet.sheet,
      row: school.sourceRow,
      column: schoolsSheet.column,
      value: school.urn,
      severity: 'warning',
      code: 'schoolNotRanked',
      message: `Sheet '${schoolsSheet.sheet}', row ${school.sourceRow}, column '${schoolsSheet.column}': the school's pupils live only in wards with no young residents, so it has no exposure; it is not ranked.`,
    });
    return false;
  });
  const ranks = rankWithUncertainty({
    wardCounts: scoring.counts,
    shares,
    schools: schools.map((s) => ({ urn: s.urn, pupils: s.pupils })),
    seed: parameters.seed,
    simulations: parameters.simulations,
    confidence: parameters.confidenceLevel,
    ...(catchmentDraws ? { catchmentDraws } : {}),
  });
  return {
    schools,
    exposure,
    ranks,
    deciles: deciles(new Map([...ranks.entries()].map(([urn, r]) => [urn, r.rank])), schools.length),
    issues,
  };
}

/** What the rank simulation draws for these catchments, for the Method sheet. */
export function rankUncertainty(catchments: Pick<Catchments, 'schools' | 'shares' | 'decayDraws'>): RankUncertainty {
  const models = catchments.schools.map((school) => catchments.shares.get(school.urn)?.model);
  return {
    decayMetresDrawn: catchments.decayDraws().map((draw) => draw.decayMetres),
    modelledSchools: models.filter((model) => model === 'distanceDecay').length,
    observedSchoolsResampled: models.filter((model) => model === 'observed').length,
  };
}

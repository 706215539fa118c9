import type { CatchmentShares } from '../../catchment';
import type { PublishedCount } from '../../disclosure';
import { pooledWithheldCounts, type LinkedTables } from '../../disclosure';
import { deciles, exposureScores, rankWithUncertainty, type SchoolExposure, type SchoolRank } from '../../ranking';
import type { AnalysisParameters, Issue, SchoolRecord } from '../../types';
import type { DistrictResult, RateEstimate, WardResult } from '../analysisResult';
import { CELL_ID } from '../publishedTables';
import { scoringRates } from '../scoringRates';

export interface ScoredSchools {
  /** The schools with a finite exposure, in the order given. */
  readonly schools: readonly SchoolRecord[];
  readonly exposure: ReadonlyMap<string, SchoolExposure>;
  readonly ranks: ReadonlyMap<string, SchoolRank>;
  readonly deciles: ReadonlyMap<string, number>;
  readonly issues: readonly Issue[];
}

/** The measure a ward is scored on. */
export function measureOf(ward: WardResult | DistrictResult, metric: AnalysisParameters['rankingMetric']): RateEstimate {
  return metric === 'offences' ? ward.offences : ward.youngOffenders;
}

/**
 * Exposure of each school on the published basis (withheld wards at their pooled estimate), ranks
 * with uncertainty, and deciles. A school whose pupils all live in wards without a rate (no young
 * residents) has no exposure: it is reported and not ranked, never given a NaN rank.
 */
export function scoreSchools(
  candidates: readonly SchoolRecord[],
  shares: ReadonlyMap<string, CatchmentShares>,
  rated: { readonly wards: readonly WardResult[]; readonly districts: readonly DistrictResult[]; readonly areaRate: number },
  tables: LinkedTables,
  published: ReadonlyMap<string, PublishedCount>,
  parameters: AnalysisParameters,
  schoolsSheet: { readonly sheet: string; readonly column: string },
): ScoredSchools {
  const metric = parameters.rankingMetric;
  const populationOf = new Map<string, number>([
    ...rated.wards.map((ward) => [CELL_ID.ward(metric, ward.wardCode), ward.youngPopulation] as [string, number]),
    ...rated.districts.map((district) => [CELL_ID.district(metric, district.districtCode), district.youngPopulation] as [string, number]),
  ]);
  const pooled = pooledWithheldCounts(tables, published, (id) => populationOf.get(id) ?? 0);
  const scoring = scoringRates(rated.wards.map((ward) => ({
    wardCode: ward.wardCode,
    youngPopulation: ward.youngPopulation,
    published: measureOf(ward, metric).published,
    flag: measureOf(ward, metric).flag,
    pooled: pooled.get(CELL_ID.ward(metric, ward.wardCode)) ?? 0,
  })), rated.areaRate);

  const issues: Issue[] = [];
  const scores = exposureScores(shares, scoring.rates, rated.areaRate, candidates.map((s) => ({ urn: s.urn, pupils: s.pupils })));
  const exposure = new Map(scores.map((score) => [score.urn, score]));
  const schools = candidates.filter((school) => {
    if (Number.isFinite(exposure.get(school.urn)?.exposureRate)) return true;
    issues.push({
      sheet: schoolsSheet.sheet, row: school.sourceRow, column: schoolsSheet.column, value: school.urn, severity: 'warning', code: 'schoolNotRanked',
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
  });
  return { schools, exposure, ranks, deciles: deciles(new Map([...ranks.entries()].map(([urn, r]) => [urn, r.rank])), schools.length), issues };
}

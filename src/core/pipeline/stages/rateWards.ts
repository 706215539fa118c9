import type { PublishedCount } from '../../disclosure';
import { wardRates } from '../../rates';
import type { AnalysisParameters, WardBoundary, WardRecord } from '../../types';
import type { AreaTotals, DistrictResult, WardResult } from '../analysisResult';
import { CELL_ID, districtsOf, type WardCounts } from '../publishedTables';
import { rateEstimate } from '../rateEstimate';

export interface RatedWards {
  readonly wards: readonly WardResult[];
  readonly districts: readonly DistrictResult[];
  readonly area: AreaTotals;
  /** The area rate of each measure: as published (NaN when its total is withheld) and true. */
  readonly areaRate: Readonly<Record<'offences' | 'youngOffenders', { readonly published: number; readonly true: number }>>;
}

/**
 * Rates per 1,000 young residents with confidence intervals for wards, districts and the area, on
 * the published counts (see RateEstimate). A ward with no young residents has no rate (NaN here;
 * the sheets say "n/a (no young residents)").
 */
export function rateWards(
  wardCounts: readonly WardCounts[],
  wardRecords: readonly WardRecord[],
  boundaryByCode: ReadonlyMap<string, WardBoundary>,
  published: (id: string) => PublishedCount,
  parameters: AnalysisParameters,
): RatedWards {
  const confidence = { confidence: parameters.confidenceLevel };
  const population = (i: number): number => wardRecords[i].youngPopulation;
  const offenceRates = wardRates(wardCounts.map((w, i) => ({ wardCode: w.wardCode, count: w.offences, youngPopulation: population(i) })), confidence);
  const offenderRates = wardRates(wardCounts.map((w, i) => ({ wardCode: w.wardCode, count: w.youngOffenders, youngPopulation: population(i) })), confidence);
  const areaPopulation = offenceRates.area.youngPopulation;
  const publishedRate = (id: string): number => {
    const shown = published(id);
    return shown.shown && areaPopulation > 0 ? (shown.value / areaPopulation) * 1000 : Number.NaN;
  };
  const areaRate = {
    offences: { published: publishedRate(CELL_ID.area('offences')), true: offenceRates.area.rate },
    youngOffenders: { published: publishedRate(CELL_ID.area('youngOffenders')), true: offenderRates.area.rate },
  };
  const wards: WardResult[] = wardCounts.map((ward, i) => {
    const boundary = boundaryByCode.get(ward.wardCode);
    return {
      wardCode: ward.wardCode,
      wardName: ward.wardName,
      districtCode: wardRecords[i].districtCode ?? boundary?.districtCode ?? '',
      districtName: wardRecords[i].districtName ?? boundary?.districtName ?? '',
      youngPopulation: population(i),
      offences: rateEstimate(ward.offences, published(CELL_ID.ward('offences', ward.wardCode)), population(i), areaRate.offences, confidence),
      youngOffenders: rateEstimate(ward.youngOffenders, published(CELL_ID.ward('youngOffenders', ward.wardCode)), population(i), areaRate.youngOffenders, confidence),
    };
  });
  const districts: DistrictResult[] = [...districtsOf(wardCounts)].map(([key, name]) => {
    const members = wardCounts.map((ward, i) => ({ ward, population: population(i) })).filter(({ ward }) => ward.districtKey === key);
    const districtPopulation = members.reduce((sum, m) => sum + (m.population > 0 ? m.population : 0), 0);
    const offences = members.reduce((sum, m) => sum + m.ward.offences, 0);
    const youngOffenders = members.reduce((sum, m) => sum + m.ward.youngOffenders, 0);
    return {
      districtCode: key,
      districtName: name,
      wardCount: members.length,
      youngPopulation: districtPopulation,
      offences: rateEstimate(offences, published(CELL_ID.district('offences', key)), districtPopulation, areaRate.offences, confidence),
      youngOffenders: rateEstimate(youngOffenders, published(CELL_ID.district('youngOffenders', key)), districtPopulation, areaRate.youngOffenders, confidence),
    };
  });
  const area: AreaTotals = {
    youngPopulation: areaPopulation,
    offences: offenceRates.area.count,
    offenceRate: areaRate.offences.published,
    youngOffenders: offenderRates.area.count,
    youngOffenderRate: areaRate.youngOffenders.published,
    offencesPublished: published(CELL_ID.area('offences')),
    youngOffendersPublished: published(CELL_ID.area('youngOffenders')),
  };
  return { wards, districts, area, areaRate };
}

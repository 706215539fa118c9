import { PER_THOUSAND } from '../../rates/perThousand';
import type { PublishedCount } from '../../disclosure';
import { funnelDispersion, OUTER_FUNNEL_CONFIDENCE, wardRates } from '../../rates';
import type { AnalysisParameters, FlagMethod, WardBoundary, WardRecord } from '../../types';
import type { AreaTotals, DistrictResult, WardFunnel, WardResult } from '../analysisResult';
import { CELL_ID, districtsOf, type WardCounts, type WardMeasure } from '../publishedTables';
import { rateEstimate } from '../rateEstimate';

export interface RatedWards {
  readonly wards: readonly WardResult[];
  readonly districts: readonly DistrictResult[];
  readonly area: AreaTotals;
  /** The area rate of each measure: as published (NaN when its total is withheld) and true. */
  readonly areaRate: Readonly<
    Record<'offences' | 'youngOffenders', { readonly published: number; readonly true: number }>
  >;
}

/**
 * The over-dispersion among one measure's wards (funnelDispersion), from the shown wards only: each
 * ward's published count (rounded, when rounding is on) against the count expected of it at the
 * published area rate, for wards with young residents. A withheld ward takes no part, so φ and τ²
 * are functions of published numbers alone (published counts, the published area total, the
 * populations) and printing them tells an outsider nothing about a withheld count that the tables
 * do not; the estimate describes the shown wards, which leave out the small counts. No published
 * area rate (its total withheld, or 0), no funnel: every ward is then 'similar', as against a
 * withheld benchmark today.
 */
function measureFunnel(
  measure: WardMeasure,
  wardCounts: readonly WardCounts[],
  population: (i: number) => number,
  published: (id: string) => PublishedCount,
  areaRate: number,
): Pick<WardFunnel, 'dispersion' | 'tauSquared'> {
  if (!(areaRate > 0 && Number.isFinite(areaRate))) return { dispersion: { kind: 'noAreaRate' }, tauSquared: 0 };
  const units = wardCounts.flatMap((ward, i) => {
    const shown = published(CELL_ID.ward(measure, ward.wardCode));
    return shown.shown && population(i) > 0
      ? [{ observed: shown.value, expected: (areaRate * population(i)) / PER_THOUSAND }]
      : [];
  });
  const dispersion = funnelDispersion(units);
  return { dispersion, tauSquared: dispersion.kind === 'estimated' ? dispersion.tauSquared : 0 };
}

/** How many shown wards each method flags higher and lower: both counts, whichever method the run shows. */
function flaggedByMethod(wards: readonly WardResult[], measure: WardMeasure): WardFunnel['flagged'] {
  const count = (method: FlagMethod) => {
    const flags = wards
      .filter((ward) => ward[measure].published.shown)
      .map((ward) => ward[measure].funnel?.flags[method]);
    return {
      higher: flags.filter((flag) => flag === 'higher').length,
      lower: flags.filter((flag) => flag === 'lower').length,
    };
  };
  return { overdispersed: count('overdispersed'), poisson: count('poisson') };
}

/** District subtotals of the wards, rated like them but flagged by the Poisson interval alone. */
function rateDistricts(
  wardCounts: readonly WardCounts[],
  population: (i: number) => number,
  published: (id: string) => PublishedCount,
  areaRate: RatedWards['areaRate'],
  confidence: { readonly confidence: number },
): DistrictResult[] {
  return [...districtsOf(wardCounts)].map(([key, name]) => {
    const members = wardCounts
      .map((ward, i) => ({ ward, population: population(i) }))
      .filter(({ ward }) => ward.districtKey === key);
    const districtPopulation = members.reduce((sum, m) => sum + (m.population > 0 ? m.population : 0), 0);
    const offences = members.reduce((sum, m) => sum + m.ward.offences, 0);
    const youngOffenders = members.reduce((sum, m) => sum + m.ward.youngOffenders, 0);
    return {
      districtCode: key,
      districtName: name,
      wardCount: members.length,
      youngPopulation: districtPopulation,
      offences: rateEstimate(
        offences,
        published(CELL_ID.district('offences', key)),
        districtPopulation,
        areaRate.offences,
        confidence,
      ),
      youngOffenders: rateEstimate(
        youngOffenders,
        published(CELL_ID.district('youngOffenders', key)),
        districtPopulation,
        areaRate.youngOffenders,
        confidence,
      ),
    };
  });
}

/**
 * Rates per 1,000 young residents with confidence intervals for wards, districts and the area, on
 * the published counts (see RateEstimate). A ward with no young residents has no rate (NaN here;
 * the sheets say "n/a (no young residents)"). Each ward is also set against the funnel round the
 * area rate, widened for the over-dispersion among the shown wards (measureFunnel), and flagged by
 * `parameters.flagMethod`; districts keep the plain Poisson flag (the over-dispersion is that of
 * wards, not of districts; no sheet shows a district's flag).
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
  const offenceRates = wardRates(
    wardCounts.map((w, i) => ({ wardCode: w.wardCode, count: w.offences, youngPopulation: population(i) })),
    confidence,
  );
  const offenderRates = wardRates(
    wardCounts.map((w, i) => ({ wardCode: w.wardCode, count: w.youngOffenders, youngPopulation: population(i) })),
    confidence,
  );
  const areaPopulation = offenceRates.area.youngPopulation;
  const publishedRate = (id: string): number => {
    const shown = published(id);
    return shown.shown && areaPopulation > 0 ? (shown.value / areaPopulation) * PER_THOUSAND : Number.NaN;
  };
  const areaRate = {
    offences: { published: publishedRate(CELL_ID.area('offences')), true: offenceRates.area.rate },
    youngOffenders: { published: publishedRate(CELL_ID.area('youngOffenders')), true: offenderRates.area.rate },
  };
  const measureFunnelOf = (measure: WardMeasure): Pick<WardFunnel, 'dispersion' | 'tauSquared'> =>
    measureFunnel(measure, wardCounts, population, published, areaRate[measure].published);
  const funnels = { offences: measureFunnelOf('offences'), youngOffenders: measureFunnelOf('youngOffenders') };
  const wardEstimate = (ward: WardCounts, i: number, measure: WardMeasure) =>
    rateEstimate(ward[measure], published(CELL_ID.ward(measure, ward.wardCode)), population(i), areaRate[measure], {
      ...confidence,
      funnel: { tauSquared: funnels[measure].tauSquared, method: parameters.flagMethod },
    });
  const wards: WardResult[] = wardCounts.map((ward, i) => {
    const boundary = boundaryByCode.get(ward.wardCode);
    return {
      wardCode: ward.wardCode,
      wardName: ward.wardName,
      districtCode: wardRecords[i].districtCode ?? boundary?.districtCode ?? '',
      districtName: wardRecords[i].districtName ?? boundary?.districtName ?? '',
      youngPopulation: population(i),
      offences: wardEstimate(ward, i, 'offences'),
      youngOffenders: wardEstimate(ward, i, 'youngOffenders'),
    };
  });
  const areaFunnel = (measure: WardMeasure): WardFunnel => ({
    ...funnels[measure],
    confidence: { inner: parameters.confidenceLevel, outer: OUTER_FUNNEL_CONFIDENCE },
    flagged: flaggedByMethod(wards, measure),
  });
  const funnel: AreaTotals['funnel'] = {
    offences: areaFunnel('offences'),
    youngOffenders: areaFunnel('youngOffenders'),
  };
  const districts = rateDistricts(wardCounts, population, published, areaRate, confidence);
  const area: AreaTotals = {
    youngPopulation: areaPopulation,
    offences: offenceRates.area.count,
    offenceRate: areaRate.offences.published,
    youngOffenders: offenderRates.area.count,
    youngOffenderRate: areaRate.youngOffenders.published,
    offencesPublished: published(CELL_ID.area('offences')),
    youngOffendersPublished: published(CELL_ID.area('youngOffenders')),
    funnel,
  };
  return { wards, districts, area, areaRate };
}

import type { ColumnMapping } from '../../schema';
import type { AnalysisParameters, Issue, WardRecord } from '../../types';
import type { WardCounts } from '../publishedTables';
import type { PlacementCounts } from './placeOffences';
import { blocking, headerOf } from './problems';

/** The header of the population column the band was read from: a named column, a band column, or the first single year. */
function populationHeader(mapping: ColumnMapping): string {
  return (
    mapping.fields.youngPopulation?.header ??
    mapping.ageBandColumns?.[0]?.header ??
    mapping.ageColumns?.[0]?.header ??
    headerOf(mapping, 'youngPopulation')
  );
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The problem that leaves nothing to measure, or null: no young residents in any study ward (no
 * rate can exist), or no in-scope offence (or offender's home) placed in a study ward.
 */
export function checkMeasurable(
  wardCounts: readonly WardCounts[],
  wards: readonly WardRecord[],
  placement: PlacementCounts,
  parameters: AnalysisParameters,
  wardMapping: ColumnMapping,
): Issue | null {
  const [youngest, oldest] = parameters.ageBand;
  if (!wards.some((ward) => ward.youngPopulation > 0)) {
    return blocking(
      wardMapping.sheet,
      wardMapping.headerRow,
      populationHeader(wardMapping),
      'nothingInScope',
      `Sheet '${wardMapping.sheet}': every study ward's young population aged ${youngest}–${oldest} is 0, so no rate can be computed. Check the population columns.`,
    );
  }
  const metric = parameters.rankingMetric;
  const placed = wardCounts.reduce(
    (sum, ward) => sum + (metric === 'offences' ? ward.offences : ward.youngOffenders),
    0,
  );
  if (placed > 0) return null;
  const detail =
    metric === 'offences'
      ? `Of ${plural(placement.offencesInScope, 'distinct offence')} in scope, ${placement.offenceOutsideArea.toLocaleString('en-GB')} lie outside the study area ` +
        `and ${placement.offenceUnknownWard.toLocaleString('en-GB')} ${placement.offenceUnknownWard === 1 ? 'has' : 'have'} no location in a study ward`
      : `Of ${plural(placement.distinctYoungOffenders, 'distinct young offender')} in scope, none has a latest home in a study ward`;
  return blocking(
    '(offences)',
    0,
    'location',
    'nothingInScope',
    `No in-scope ${metric === 'offences' ? 'offence lies' : "young offender's home lies"} in a study ward, so there is nothing to rate. ${detail} (see the Validation entries).`,
  );
}

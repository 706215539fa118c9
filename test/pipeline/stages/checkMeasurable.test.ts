import { checkMeasurable } from '../../../src/core/pipeline/stages/checkMeasurable';
import type { PlacementCounts } from '../../../src/core/pipeline/stages/placeOffences';
import type { WardCounts } from '../../../src/core/pipeline/publishedTables';
import { DEFAULT_PARAMETERS, type AnalysisParameters, type WardRecord } from '../../../src/core/types';
import { A, B, mappingOf } from './stagesFixture';

const WARD_MAPPING = mappingOf('wards', 'Wards', ['Ward code', 'Ward name', 'Young population']);

const wardRecord = (sourceRow: number, wardCode: string, youngPopulation: number): WardRecord => ({
  sourceRow,
  wardCode,
  wardName: wardCode,
  youngPopulation,
});
const counts = (wardCode: string, offences: number, youngOffenders: number): WardCounts => ({
  wardCode,
  wardName: wardCode,
  districtKey: 'D',
  districtName: 'D',
  offences,
  youngOffenders,
});

/** Placement counts: 5 distinct offences in scope, 2 outside the area and 3 with no study-ward location; 2 distinct young offenders. */
const PLACEMENT: PlacementCounts = {
  inScope: 6,
  offencesInScope: 5,
  rowsWithoutOffenceRef: 0,
  offenceInWard: 0,
  offenceOutsideArea: 2,
  offenceUnknownWard: 3,
  homeInWard: 4,
  homeOutsideArea: 0,
  homeUnknownWard: 0,
  distinctYoungOffenders: 2,
  distinctYoungOffendersHomeInArea: 2,
};

const check = (
  wardCounts: WardCounts[],
  wards: WardRecord[],
  parameters: Partial<AnalysisParameters> = {},
  placement: PlacementCounts = PLACEMENT,
) => checkMeasurable(wardCounts, wards, placement, { ...DEFAULT_PARAMETERS, ...parameters }, WARD_MAPPING);

describe('checkMeasurable', () => {
  it('stops when every study ward has a young population of 0', () => {
    const problem = check([counts(A, 3, 2), counts(B, 0, 0)], [wardRecord(2, A, 0), wardRecord(3, B, 0)]);
    expect(problem).toEqual({
      sheet: 'Wards',
      row: 1,
      column: 'Young population',
      value: '',
      severity: 'error',
      code: 'nothingInScope',
      message:
        "Sheet 'Wards': every study ward's young population aged 10–17 is 0, so no rate can be computed. Check the population columns.",
    });
  });

  // Regression (was wrong before): Issue.column is "the header text of the column as written in the sheet" (types.ts). When the
  // population comes from a band column ('age_10_17', the ONS layout), the mapping has no
  // youngPopulation field, and the problem names the column 'youngPopulation', which is not in the sheet.
  it("with a band column 'age_10_17' the problem names that column, not 'youngPopulation'", () => {
    const bandMapping = mappingOf('wards', 'Wards', ['Ward code', 'Ward name', 'age_10_17']);
    const problem = checkMeasurable(
      [counts(A, 3, 2)],
      [wardRecord(2, A, 0)],
      PLACEMENT,
      DEFAULT_PARAMETERS,
      bandMapping,
    );
    expect(problem?.column).toBe('age_10_17');
  });

  it('names the chosen age band', () => {
    const problem = check([counts(A, 3, 2)], [wardRecord(2, A, 0)], { ageBand: [11, 16] });
    expect(problem?.message).toContain('young population aged 11–16 is 0');
  });

  it('on the offences measure, stops when no offence lies in a study ward, with the placement breakdown', () => {
    // Offences 0 + 0 = 0 placed (young offenders are placed, but the ranking is on offences).
    const problem = check([counts(A, 0, 1), counts(B, 0, 1)], [wardRecord(2, A, 1000), wardRecord(3, B, 1000)], {
      rankingMetric: 'offences',
    });
    expect(problem).toMatchObject({
      sheet: '(offences)',
      row: 0,
      column: 'location',
      severity: 'error',
      code: 'nothingInScope',
    });
    expect(problem?.message).toBe(
      'No in-scope offence lies in a study ward, so there is nothing to rate. Of 5 distinct offences in scope, 2 lie outside the study area ' +
        'and 3 have no location in a study ward (see the Validation entries).',
    );
  });

  // Regression (was wrong before): With one offence of unknown location the sentence reads "and 1 have no location in a study ward".
  it('one offence with no study-ward location reads "1 has", not "1 have"', () => {
    const one: PlacementCounts = { ...PLACEMENT, offencesInScope: 3, offenceOutsideArea: 2, offenceUnknownWard: 1 };
    const problem = check([counts(A, 0, 1)], [wardRecord(2, A, 1000)], {}, one);
    expect(problem?.message).toContain('and 1 has no location in a study ward');
  });

  it('on the young offenders measure, the same counts are measurable (two homes are placed)', () => {
    expect(
      check([counts(A, 0, 1), counts(B, 0, 1)], [wardRecord(2, A, 1000), wardRecord(3, B, 1000)], {
        rankingMetric: 'youngOffenders',
      }),
    ).toBeNull();
  });

  it('on the young offenders measure, stops when no home lies in a study ward', () => {
    const problem = check([counts(A, 4, 0), counts(B, 1, 0)], [wardRecord(2, A, 1000), wardRecord(3, B, 1000)], {
      rankingMetric: 'youngOffenders',
    });
    expect(problem?.message).toBe(
      "No in-scope young offender's home lies in a study ward, so there is nothing to rate. Of 2 distinct young offenders in scope, " +
        'none has a latest home in a study ward (see the Validation entries).',
    );
  });

  it('null when some ward has young residents and something is placed (one ward of 0 residents is fine)', () => {
    expect(check([counts(A, 1, 0), counts(B, 0, 0)], [wardRecord(2, A, 0), wardRecord(3, B, 500)])).toBeNull();
  });
});

import { modelCatchments } from '../../../src/core/pipeline/stages/modelCatchments';
import type { StudyArea } from '../../../src/core/pipeline/stages/studyArea';
import {
  DEFAULT_PARAMETERS,
  type AnalysisParameters,
  type GridPoint,
  type PupilResidenceRecord,
  type SchoolPhase,
  type SchoolRecord,
} from '../../../src/core/types';
import { A, B, BOX, inA, inB, mappingOf, twoWardArea, validated } from './stagesFixture';

/**
 * Two study wards A and B (1 km squares, 1,000 young residents each unless a test says otherwise);
 * bounding box 400,000–402,000 × 280,000–281,000. Default phases: secondary and all-through.
 */

const SCHOOL_MAPPING = mappingOf('schools', 'Schools', [
  'URN',
  'EstablishmentName',
  'PhaseOfEducation (name)',
  'EstablishmentStatus (name)',
  'NumberOfPupils',
  'Easting',
  'Northing',
]);
const RESIDENCE_MAPPING = mappingOf('pupilResidence', 'Pupil residence', ['URN', 'Home ward code', 'Pupils']);

const PHASE_TEXT: Record<SchoolPhase, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  allThrough: 'All-through',
  special: 'Special',
  alternativeProvision: 'AP',
  other: 'Other',
};

function school(
  sourceRow: number,
  urn: string,
  more: { phase?: SchoolPhase; location?: GridPoint; pupils?: number | null; open?: boolean } = {},
): SchoolRecord {
  const phase = more.phase ?? 'secondary';
  const pupils = more.pupils === undefined ? 1000 : more.pupils;
  return {
    sourceRow,
    urn,
    name: `School ${urn}`,
    phase,
    phaseText: PHASE_TEXT[phase],
    location: more.location ?? inA(),
    pupils: pupils ?? 0,
    pupilsKnown: pupils !== null,
    open: more.open ?? true,
  };
}
const row = (sourceRow: number, urn: string, wardCode: string, pupils: number): PupilResidenceRecord => ({
  sourceRow,
  urn,
  wardCode,
  pupils,
});
const east = (metres: number): GridPoint => ({ easting: BOX.maxEasting + metres, northing: 280500 });

let area: StudyArea;
beforeAll(() => {
  area = twoWardArea();
});

function model(
  schools: SchoolRecord[],
  residence: PupilResidenceRecord[] | undefined,
  parameters: Partial<AnalysisParameters> = {},
  studyArea: StudyArea = area,
) {
  return modelCatchments(
    validated(SCHOOL_MAPPING, schools),
    residence ? validated(RESIDENCE_MAPPING, residence) : undefined,
    studyArea,
    { ...DEFAULT_PARAMETERS, ...parameters },
  );
}
function ok(outcome: ReturnType<typeof model>) {
  if (!outcome.ok)
    throw new Error(`Expected catchments, got problems: ${outcome.problems.map((p) => p.message).join(' | ')}`);
  return outcome;
}

describe('modelCatchments', () => {
  it('the observed model with no pupil residence sheet stops, pointing at the catchment setting', () => {
    const outcome = model([school(2, '100001')], undefined, { catchmentModel: 'observed' });
    expect(outcome).toEqual({
      ok: false,
      problems: [
        {
          sheet: '(parameters)',
          row: 0,
          column: 'catchment model',
          value: '',
          severity: 'error',
          code: 'sheetMissing',
          message:
            'The catchment model is set to observed pupil residence, but the workbook has no pupil residence sheet (school URN, home ward, number of pupils). ' +
            'Add that sheet, or use the modelled (distance-decay) catchment.',
          remedy: { setting: 'catchmentModel' },
        },
      ],
    });
  });

  describe('which schools are ranked, with no pupil residence sheet (modelled)', () => {
    /*
     * Row 2 100001 secondary in A, 1,000 pupils          -> ranked
     * Row 3 100002 primary in B                          -> phaseOutOfScope (info)
     * Row 4 100003 secondary 18 km east of the box       -> outsideArea (warning): 420,000 − 402,000 = 18,000 m
     * Row 5 100004 secondary in B, pupil count unknown   -> schoolNotRanked (warning): nothing to model from
     * Row 6 100005 secondary, closed                     -> left out silently (validation reported it)
     * Row 7 100006 secondary 1 km east of the box, 500   -> ranked: within 5 km of the wards
     */
    const schools = [
      school(2, '100001'),
      school(3, '100002', { phase: 'primary', location: inB() }),
      school(4, '100003', { location: east(18000) }),
      school(5, '100004', { location: inB(), pupils: null }),
      school(6, '100005', { open: false }),
      school(7, '100006', { location: east(1000), pupils: 500 }),
    ];

    it('ranks 100001 and 100006, each by the distance-decay model', () => {
      const result = ok(model(schools, undefined));
      expect(result.schools.map((s) => s.urn)).toEqual(['100001', '100006']);
      expect(result.shares.get('100001')?.model).toBe('distanceDecay');
      expect(result.shares.get('100006')?.model).toBe('distanceDecay');
      expect(result.residence).toEqual([]);
      expect(result.note).toMatch(/^Modelled for every school/);
      expect(result.decayMetres).toBe(2000);
    });

    it('gives each school left out its reason', () => {
      const { issues } = ok(model(schools, undefined));
      expect(issues.map((i) => [i.row, i.code, i.severity, i.column, i.value])).toEqual([
        [3, 'phaseOutOfScope', 'info', 'PhaseOfEducation (name)', 'Primary'],
        [4, 'outsideArea', 'warning', 'Easting', '420000, 280500'],
        [5, 'schoolNotRanked', 'warning', 'NumberOfPupils', ''],
      ]);
      expect(issues[0].message).toBe(
        "Sheet 'Schools', row 3, column 'PhaseOfEducation (name)': phase 'Primary' is not among those ranked (secondary, all-through); it is not ranked.",
      );
      expect(issues[1].message).toBe(
        "Sheet 'Schools', row 4, column 'Easting': the school lies 18 km outside the study area (more than 5 km beyond its wards; check its location); it is not ranked.",
      );
      expect(issues[2].message).toBe(
        "Sheet 'Schools', row 5, column 'NumberOfPupils': its pupil count is unknown and the pupil residence sheet gives no home wards for it, so its catchment cannot be estimated; it is not ranked.",
      );
    });
  });

  it('a school of unknown pupil count with residence rows is ranked on its observed catchment', () => {
    // 100004 (unknown count): rows A 30, B 10 -> shares 30/40 = 0.75 and 10/40 = 0.25. 100001 has no rows: modelled.
    const schools = [school(2, '100001'), school(3, '100004', { location: inB(), pupils: null })];
    const residence = [row(2, '100004', A, 30), row(3, '100004', B, 10)];
    const result = ok(model(schools, residence));
    expect(result.schools.map((s) => s.urn)).toEqual(['100001', '100004']);
    const observed = result.shares.get('100004');
    expect(observed?.model).toBe('observed');
    expect(observed?.shares).toEqual([
      { wardCode: A, share: 0.75, pupils: 30 },
      { wardCode: B, share: 0.25, pupils: 10 },
    ]);
    expect(result.shares.get('100001')?.model).toBe('distanceDecay');
    expect(result.residence.map((r) => r.sourceRow)).toEqual([2, 3]);
    expect(result.issues).toEqual([]);
    expect(result.note).toBe(
      "Observed for 1 school (pupil residence sheet); modelled for 1 (distance decay from each ward's representative point).",
    );
  });

  it('residence rows that cannot be used are each given a reason', () => {
    /*
     * Schools: 100001 secondary (ranked, observed from rows 2–3), 100002 primary, 100005 closed.
     * Residence rows: 2 100001 A 20 and 3 100001 B 20 (used); 4 100002 A 5 (primary: schoolNotRanked, info);
     * 5 100005 A 5 (closed: schoolNotRanked, info); 6 999999 A 5 (not in the schools sheet: unknownSchool);
     * 7 100001 E05009999 5 (not a study ward: unknownWard).
     */
    const schools = [
      school(2, '100001'),
      school(3, '100002', { phase: 'primary' }),
      school(4, '100005', { open: false }),
    ];
    const residence = [
      row(2, '100001', A, 20),
      row(3, '100001', B, 20),
      row(4, '100002', A, 5),
      row(5, '100005', A, 5),
      row(6, '999999', A, 5),
      row(7, '100001', 'E05009999', 5),
    ];
    const result = ok(model(schools, residence));
    expect(result.residence.map((r) => r.sourceRow)).toEqual([2, 3]);
    const fromResidence = result.issues.filter((i) => i.sheet === 'Pupil residence');
    expect(fromResidence.map((i) => [i.row, i.code, i.severity, i.column, i.value])).toEqual([
      [4, 'schoolNotRanked', 'info', 'URN', '100002'],
      [5, 'schoolNotRanked', 'info', 'URN', '100005'],
      [6, 'unknownSchool', 'warning', 'URN', '999999'],
      [7, 'unknownWard', 'warning', 'Home ward code', 'E05009999'],
    ]);
    expect(fromResidence[0].message).toBe(
      "Sheet 'Pupil residence', row 4, column 'URN': its phase 'Primary' is not among those ranked, so the row is not used.",
    );
    expect(fromResidence[1].message).toBe(
      "Sheet 'Pupil residence', row 5, column 'URN': the school is closed, so the row is not used.",
    );
    expect(result.note).toBe("Observed: every school's catchment comes from the pupil residence sheet.");
  });

  it('the distance-decay model marks the residence rows of the ranked schools as not used', () => {
    const schools = [school(2, '100001'), school(3, '100002', { phase: 'primary' })];
    const residence = [row(2, '100001', A, 20), row(3, '100001', B, 10), row(4, '100002', A, 5)];
    const result = ok(model(schools, residence, { catchmentModel: 'distanceDecay' }));
    expect(result.shares.get('100001')?.model).toBe('distanceDecay');
    expect(result.residence).toEqual([]);
    const fromResidence = result.issues.filter((i) => i.sheet === 'Pupil residence');
    expect(fromResidence.map((i) => [i.row, i.code, i.severity, i.column, i.value])).toEqual([
      [4, 'schoolNotRanked', 'info', 'URN', '100002'],
      [2, 'residenceNotUsed', 'info', 'Pupils', '20'],
      [3, 'residenceNotUsed', 'info', 'Pupils', '10'],
    ]);
    expect(fromResidence[1].message).toBe(
      "Sheet 'Pupil residence', row 2, column 'Pupils': the catchment is set to the distance-decay model, so observed pupil residence is not used.",
    );
  });

  // Regression (was wrong before): Under the distance-decay model a school of unknown pupil count cannot be modelled, and is left
  // out; but its reason says "the pupil residence sheet gives no home wards for it" when the sheet
  // does give them (rows 2 and 3 below), the model just does not use them.
  it('under distance decay, a school with residence rows is not told "the residence sheet gives no home wards for it"', () => {
    const schools = [school(2, '100001'), school(3, '100004', { location: inB(), pupils: null })];
    const residence = [row(2, '100004', A, 30), row(3, '100004', B, 10)];
    const result = ok(model(schools, residence, { catchmentModel: 'distanceDecay' }));
    const reason = result.issues.find((i) => i.sheet === 'Schools' && i.row === 3);
    expect(reason?.code).toBe('schoolNotRanked');
    expect(reason?.message).not.toContain('the pupil residence sheet gives no home wards for it');
  });

  it('a school whose residence rows all lie in wards with no young residents is not ranked', () => {
    // Ward B has 0 young residents. 100007's only row is in B, so its catchment has no exposure.
    const emptyB = twoWardArea([1000, 0]);
    const schools = [school(2, '100001'), school(3, '100007', { location: inB() })];
    const residence = [row(2, '100001', A, 10), row(3, '100007', B, 40)];
    const result = ok(model(schools, residence, {}, emptyB));
    expect(result.schools.map((s) => s.urn)).toEqual(['100001']);
    const reason = result.issues.find((i) => i.sheet === 'Schools' && i.row === 3);
    expect(reason).toMatchObject({ code: 'schoolNotRanked', severity: 'warning' });
    expect(reason?.message).toContain('its pupils live only in wards with no young residents, so it has no exposure');
  });

  // Regression (was wrong before): Catchments.residence is documented as "Residence rows used, of the schools ranked", and the
  // reconciliation counts those rows as used. Row 3 belongs to 100007, which is not ranked (above),
  // yet it is returned as used and gets no reason of its own.
  it('residence rows of a school left unranked are not returned as used, and get a reason', () => {
    const emptyB = twoWardArea([1000, 0]);
    const schools = [school(2, '100001'), school(3, '100007', { location: inB() })];
    const residence = [row(2, '100001', A, 10), row(3, '100007', B, 40)];
    const result = ok(model(schools, residence, {}, emptyB));
    expect(result.residence.map((r) => r.sourceRow)).toEqual([2]);
    expect(result.issues.some((i) => i.sheet === 'Pupil residence' && i.row === 3)).toBe(true);
  });

  it('stops when no school can be ranked, with the counts', () => {
    // Two valid rows: a primary school and a secondary school 18 km away; no open school of the phases lies near.
    const outcome = model(
      [school(2, '100002', { phase: 'primary' }), school(3, '100003', { location: east(18000) })],
      undefined,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      {
        sheet: 'Schools',
        row: 1,
        column: 'PhaseOfEducation (name)',
        value: '',
        severity: 'error',
        code: 'schoolNotRanked',
        message:
          "Sheet 'Schools': no school can be ranked. Of 2 valid school rows, 0 open schools of the phases chosen (secondary, all-through) lie in or near the study area, " +
          'and none of those has a catchment (observed pupil residence, or a pupil count for the model).',
      },
    ]);
  });
});

import { catchmentShares, decayLengthsToDraw, DEFAULT_DECAY_METRES, type CatchmentShares } from '../../catchment';
import { representativePoint } from '../../geo';
import type { AnalysisParameters, Issue, PupilResidenceRecord, SchoolRecord } from '../../types';
import { PHASE_LABELS } from '../phaseLabels';
import { blocking, headerOf } from './problems';
import { FAR_OUTSIDE_METRES, type StudyArea } from './studyArea';
import type { ValidatedSheet } from './validateInputs';

export interface Catchments {
  /** The schools ranked: open, of a ranked phase, in or near the area, with a catchment to score. */
  readonly schools: readonly SchoolRecord[];
  readonly shares: ReadonlyMap<string, CatchmentShares>;
  /** Residence rows used, of the schools ranked. */
  readonly residence: readonly PupilResidenceRecord[];
  readonly note: string;
  readonly decayMetres: number;
  /**
   * Every school's shares under each decay length the rank simulation draws from (decayLengthsToDraw);
   * empty when no school ranked is modelled, so there is no decay length to be unsure of. Modelled
   * on first call (once per length, O(schools × wards) each), as only the ranking needs them.
   */
  readonly decayDraws: () => readonly DecayDraw[];
  readonly issues: readonly Issue[];
}

/** Every school's shares under one of the decay lengths drawn. */
export interface DecayDraw {
  readonly decayMetres: number;
  readonly shares: ReadonlyMap<string, CatchmentShares>;
}

export type CatchmentsOutcome =
  ({ readonly ok: true } & Catchments) | { readonly ok: false; readonly problems: readonly Issue[] };

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Chooses the schools to rank and where their pupils live. A school is left out, with a reason the
 * Validation sheet gives, when it is closed or of another phase, lies far outside the study area,
 * or has no catchment to score (no pupil count for the model and no observed pupil residence).
 * Pupil residence rows are used for the ranked schools; every other row is accounted for by reason.
 */
export function modelCatchments(
  schoolSheet: ValidatedSheet<SchoolRecord>,
  residenceSheet: ValidatedSheet<PupilResidenceRecord> | undefined,
  area: StudyArea,
  parameters: AnalysisParameters,
): CatchmentsOutcome {
  const issues: Issue[] = [];
  const { mapping } = schoolSheet;
  if (parameters.catchmentModel === 'observed' && !residenceSheet) {
    return {
      ok: false,
      problems: [
        blocking(
          '(parameters)',
          0,
          'catchment model',
          'sheetMissing',
          'The catchment model is set to observed pupil residence, but the workbook has no pupil residence sheet (school URN, home ward, number of pupils). ' +
            'Add that sheet, or use the modelled (distance-decay) catchment.',
          { setting: 'catchmentModel' },
        ),
      ],
    };
  }
  const phases = new Set(parameters.phases);
  const note = (
    school: SchoolRecord,
    column: string,
    value: string,
    severity: Issue['severity'],
    code: Issue['code'],
    problem: string,
  ): void => {
    issues.push({
      sheet: mapping.sheet,
      row: school.sourceRow,
      column,
      value,
      severity,
      code,
      message: `Sheet '${mapping.sheet}', row ${school.sourceRow}, column '${column}': ${problem}`,
    });
  };
  const candidates = schoolSheet.rows.records.filter((school) => {
    if (!school.open) return false; // validation reported it ('closedSchool')
    if (!phases.has(school.phase)) {
      const column = headerOf(mapping, 'phase');
      note(
        school,
        column,
        school.phaseText,
        'info',
        'phaseOutOfScope',
        `phase '${school.phaseText}' is not among those ranked (${parameters.phases.map((p) => PHASE_LABELS[p]).join(', ')}); it is not ranked.`,
      );
      return false;
    }
    const metres = area.distanceOutside(school.location);
    if (metres > FAR_OUTSIDE_METRES) {
      const column = headerOf(mapping, school.postcode ? 'postcode' : 'easting');
      note(
        school,
        column,
        `${Math.round(school.location.easting)}, ${Math.round(school.location.northing)}`,
        'warning',
        'outsideArea',
        `the school lies ${Math.round(metres / 1000)} km outside the study area (more than ${FAR_OUTSIDE_METRES / 1000} km beyond its wards; check its location); it is not ranked.`,
      );
      return false;
    }
    return true;
  });

  const candidateUrns = new Set(candidates.map((s) => s.urn));
  const knownUrns = new Set(schoolSheet.rows.records.map((s) => s.urn));
  const schoolByUrn = new Map(schoolSheet.rows.records.map((s) => [s.urn, s]));
  const residence = (residenceSheet?.rows.records ?? []).filter((row) => {
    if (!residenceSheet) return false;
    const sheet = residenceSheet.mapping.sheet;
    const wardColumn = headerOf(residenceSheet.mapping, 'wardCode');
    const urnColumn = headerOf(residenceSheet.mapping, 'urn');
    const say = (
      column: string,
      value: string,
      code: Issue['code'],
      severity: Issue['severity'],
      problem: string,
    ): false => {
      issues.push({
        sheet,
        row: row.sourceRow,
        column,
        value,
        severity,
        code,
        message: `Sheet '${sheet}', row ${row.sourceRow}, column '${column}': ${problem}`,
      });
      return false;
    };
    if (!area.wardCodes.has(row.wardCode.toUpperCase())) {
      return say(
        wardColumn,
        row.wardCode,
        'unknownWard',
        'warning',
        `ward ${row.wardCode} is not a ward of the study area; these ${row.pupils} pupils are left out of the school's observed catchment.`,
      );
    }
    if (!knownUrns.has(row.urn)) {
      return say(
        urnColumn,
        row.urn,
        'unknownSchool',
        'warning',
        `school URN ${row.urn} is not in sheet '${mapping.sheet}'; the row is not used.`,
      );
    }
    if (!candidateUrns.has(row.urn)) {
      const school = schoolByUrn.get(row.urn);
      const why = !school?.open
        ? 'the school is closed'
        : !phases.has(school.phase)
          ? `its phase '${school.phaseText}' is not among those ranked`
          : 'the school is not ranked (see its row in the schools sheet)';
      return say(urnColumn, row.urn, 'schoolNotRanked', 'info', `${why}, so the row is not used.`);
    }
    return true;
  });

  const wardPoints = area.wards.map((w) => {
    const boundary = area.boundaryByCode.get(w.wardCode.toUpperCase());
    return {
      wardCode: w.wardCode.toUpperCase(),
      youngPopulation: w.youngPopulation,
      location: boundary ? representativePoint(boundary) : { easting: NaN, northing: NaN },
    };
  });
  const catchmentInput = {
    schools: candidates.map((s) => ({ urn: s.urn, pupils: s.pupils, location: s.location })),
    wards: wardPoints,
    residence,
  };
  const shares = catchmentShares(catchmentInput, {
    model: parameters.catchmentModel,
    decayMetres: DEFAULT_DECAY_METRES,
  });

  const populated = new Set(area.wards.filter((w) => w.youngPopulation > 0).map((w) => w.wardCode.toUpperCase()));
  const schools = candidates.filter((school) => {
    const catchment = shares.get(school.urn);
    if (catchment && catchment.shares.some((share) => share.share > 0 && populated.has(share.wardCode))) return true;
    const column = headerOf(mapping, 'pupils');
    const why =
      catchment && catchment.shares.length > 0
        ? 'its pupils live only in wards with no young residents, so it has no exposure'
        : parameters.catchmentModel === 'observed'
          ? 'the pupil residence sheet has no usable row for this school, and the catchment is set to observed'
          : !school.pupilsKnown && parameters.catchmentModel === 'distanceDecay'
            ? 'its pupil count is unknown, so the distance-decay model cannot place its pupils (pupil residence rows are not used under that model)'
            : !school.pupilsKnown
              ? 'its pupil count is unknown and the pupil residence sheet gives no home wards for it, so its catchment cannot be estimated'
              : 'no study ward is within reach of the catchment model';
    note(
      school,
      column,
      school.pupilsKnown ? String(school.pupils) : '',
      'warning',
      'schoolNotRanked',
      `${why}; it is not ranked.`,
    );
    return false;
  });
  if (schools.length === 0) {
    return {
      ok: false,
      problems: [
        blocking(
          mapping.sheet,
          mapping.headerRow,
          headerOf(mapping, 'phase'),
          'schoolNotRanked',
          `Sheet '${mapping.sheet}': no school can be ranked. Of ${plural(schoolSheet.rows.records.length, 'valid school row')}, ` +
            `${plural(candidates.length, 'open school')} of the phases chosen (${parameters.phases.map((p) => PHASE_LABELS[p]).join(', ')}) lie in or near the study area, ` +
            'and none of those has a catchment (observed pupil residence, or a pupil count for the model).',
        ),
      ],
    };
  }
  const rankedUrns = new Set(schools.map((s) => s.urn));
  const usedResidence =
    parameters.catchmentModel === 'distanceDecay' ? [] : residence.filter((row) => rankedUrns.has(row.urn));
  if (residenceSheet && parameters.catchmentModel !== 'distanceDecay') {
    const column = headerOf(residenceSheet.mapping, 'urn');
    for (const row of residence) {
      if (rankedUrns.has(row.urn)) continue;
      issues.push({
        sheet: residenceSheet.mapping.sheet,
        row: row.sourceRow,
        column,
        value: row.urn,
        severity: 'info',
        code: 'schoolNotRanked',
        message: `Sheet '${residenceSheet.mapping.sheet}', row ${row.sourceRow}, column '${column}': school ${row.urn} could not be ranked (see its row in the schools sheet), so the row is not used.`,
      });
    }
  }
  if (residenceSheet && parameters.catchmentModel === 'distanceDecay') {
    const column = headerOf(residenceSheet.mapping, 'pupils');
    for (const row of residence) {
      issues.push({
        sheet: residenceSheet.mapping.sheet,
        row: row.sourceRow,
        column,
        value: String(row.pupils),
        severity: 'info',
        code: 'residenceNotUsed',
        message: `Sheet '${residenceSheet.mapping.sheet}', row ${row.sourceRow}, column '${column}': the catchment is set to the distance-decay model, so observed pupil residence is not used.`,
      });
    }
  }
  const observed = schools.filter((s) => shares.get(s.urn)?.model === 'observed').length;
  const text =
    observed === schools.length
      ? "Observed: every school's catchment comes from the pupil residence sheet."
      : observed === 0
        ? "Modelled for every school: each ward's young population is shared among the schools of the phase in proportion to pupils on roll × exp(−distance / decay length)."
        : `Observed for ${plural(observed, 'school')} (pupil residence sheet); modelled for ${schools.length - observed} (distance decay from each ward's representative point).`;
  let drawn: readonly DecayDraw[] | undefined;
  const decayDraws = (): readonly DecayDraw[] => {
    drawn ??=
      observed === schools.length
        ? []
        : decayLengthsToDraw(DEFAULT_DECAY_METRES).map((decayMetres) => ({
            decayMetres,
            shares:
              decayMetres === DEFAULT_DECAY_METRES
                ? shares
                : catchmentShares(catchmentInput, { model: parameters.catchmentModel, decayMetres }),
          }));
    return drawn;
  };
  return {
    ok: true,
    schools,
    shares,
    residence: usedResidence,
    note: text,
    decayMetres: DEFAULT_DECAY_METRES,
    decayDraws,
    issues,
  };
}

import type { ColumnMapping } from '../schema/types';
import type { Issue, SchoolRecord, SheetData } from '../types';
import { classifyPhase } from './classifyPhase';
import { parseNumber } from './parseNumber';
import { optionalText, requireText, requireUrn } from './readCells';
import { readLocation } from './readLocation';
import { quoted, type RowContext } from './rowContext';
import { readSchoolStatus } from './schoolStatus';
import type { LocationContext, ValidationResult } from './types';
import { validateRows } from './validateRows';

/** What an unknown pupil count means downstream (the pipeline ranks such a school only on an observed catchment). */
const UNKNOWN_PUPILS =
  'the pupil count is unknown: the school is ranked only where its catchment is observed from the pupil residence sheet; otherwise it is listed as not ranked';

/**
 * The most pupils believed of one school (the limit of the message below). A school of more is
 * far less likely than another column or a placeholder (9999, 1e308) read as a head count.
 */
const MAX_PUPILS = 5000;

interface PupilReading {
  readonly pupils: number;
  readonly pupilsKnown: boolean;
}

const UNKNOWN: PupilReading = { pupils: 0, pupilsKnown: false };

/** Why a number cannot be a school's pupils on roll, or undefined when it can. */
function unusablePupils(pupils: number): string | undefined {
  if (pupils < 0) return 'is not a possible number of pupils';
  if (!Number.isInteger(pupils)) return 'is not a whole number of pupils';
  if (pupils > MAX_PUPILS) return 'is more pupils than any school has (expected at most 5,000)';
  return undefined;
}

function readPupils(row: RowContext): PupilReading {
  if (!row.mapped('pupils')) return UNKNOWN;
  if (row.blank('pupils')) {
    row.report('pupils', 'warning', 'missingValue', 'no number of pupils is given', UNKNOWN_PUPILS);
    return UNKNOWN;
  }
  const pupils = parseNumber(row.cell('pupils'));
  if (pupils === undefined) {
    row.report(
      'pupils',
      'warning',
      'notANumber',
      `${quoted(row.text('pupils'))} is not a number of pupils`,
      UNKNOWN_PUPILS,
    );
    return UNKNOWN;
  }
  const unusable = unusablePupils(pupils);
  if (unusable) {
    row.report('pupils', 'warning', 'invalidValue', `${quoted(row.text('pupils'))} ${unusable}`, UNKNOWN_PUPILS);
    return UNKNOWN;
  }
  if (pupils === 0) {
    row.report('pupils', 'warning', 'missingValue', 'the number of pupils is 0', UNKNOWN_PUPILS);
    return UNKNOWN;
  }
  return { pupils, pupilsKnown: true };
}

function readOpen(row: RowContext): boolean {
  if (!row.mapped('status')) return true;
  const text = row.text('status');
  if (text === '') {
    row.report('status', 'info', 'missingValue', 'no status is given', 'the school is taken to be open');
    return true;
  }
  switch (readSchoolStatus(text)) {
    case 'open':
      return true;
    case 'closed':
      row.report(
        'status',
        'warning',
        'closedSchool',
        `the school's status is ${quoted(text)}`,
        'the school is kept but marked closed',
      );
      return false;
    case 'notYetOpen':
      row.report(
        'status',
        'warning',
        'closedSchool',
        `the school's status is ${quoted(text)}, so it is not open yet`,
        'the school is kept but marked not open',
      );
      return false;
    default:
      row.report(
        'status',
        'warning',
        'invalidValue',
        `${quoted(text)} is not a status this tool knows (expected e.g. Open, Closed)`,
        'the school is taken to be open',
      );
      return true;
  }
}

/**
 * Checks and converts a schools sheet (the GIAS establishment list shape) into `SchoolRecord`s.
 *
 * Excluded (error): a blank or malformed URN, a blank name, no usable location (easting/northing,
 * latitude/longitude, or a postcode found in `context.postcodes`; see `readLocation`). A later row
 * with a URN already read gets a 'duplicateRow' warning and is excluded.
 * Kept with a warning: a closed or not-yet-open school ('closedSchool', `open: false`, so the
 * pipeline can leave it out or show it); a pupil count that is blank, zero, not a number,
 * negative, fractional or above 5,000 (kept with `pupilsKnown: false` and `pupils: 0`: the count is
 * unknown, so the school can be ranked only on a catchment observed from the pupil residence
 * sheet, and is still matched to the current list); a status text not recognised (taken as open);
 * a blank phase ('other'). Phase comes from `classifyPhase`.
 * When the sheet has no pupils column at all, one warning on the header row says so.
 * An Excel error cell ('#N/A', …) is read as no value, with an 'excelError' issue (see `rowContext`).
 */
export function validateSchools(
  sheet: SheetData,
  mapping: ColumnMapping,
  context: LocationContext = {},
): ValidationResult<SchoolRecord> {
  const result = validateRows<SchoolRecord>(
    sheet,
    mapping,
    'schools',
    (row) => {
      const urn = requireUrn(row, 'urn');
      const name = requireText(row, 'name', 'a school name');
      const phaseText = row.text('phase');
      const type = optionalText(row, 'type');
      const phase = classifyPhase(phaseText, type);
      if (phaseText === '' && phase === 'other')
        row.report(
          'phase',
          'warning',
          'missingValue',
          'no phase of education is given',
          "the school's phase is recorded as 'other'",
        );
      const open = readOpen(row);
      const { pupils, pupilsKnown } = readPupils(row);
      const location = readLocation(
        row,
        {
          easting: 'easting',
          northing: 'northing',
          latitude: 'latitude',
          longitude: 'longitude',
          postcode: 'postcode',
        },
        'school location',
        context.postcodes,
      );
      if (urn === undefined || name === undefined || location?.point === undefined) return undefined;
      return {
        sourceRow: row.rowNumber,
        urn,
        name,
        phase,
        phaseText,
        ...(type !== undefined ? { type } : {}),
        location: location.point,
        pupils,
        pupilsKnown,
        open,
        ...(location.postcode !== undefined ? { postcode: location.postcode } : {}),
      };
    },
    {
      key: (record) => record.urn,
      describe: (record, firstRow) => ({
        column: mapping.fields.urn?.header ?? 'urn',
        value: record.urn,
        problem: `URN ${record.urn} was already read on row ${firstRow}`,
      }),
    },
  );
  if (mapping.missingRequired.length > 0 || mapping.fields.pupils) return result;
  const noPupilsColumn: Issue = {
    sheet: mapping.sheet,
    row: mapping.headerRow,
    column: '',
    value: '',
    severity: 'warning',
    code: 'columnMissing',
    message:
      `Sheet '${mapping.sheet}', row ${mapping.headerRow}: no column of pupil numbers was found (expected e.g. 'NumberOfPupils'); ` +
      `every school's pupil count is unknown: a school is ranked only where its catchment is observed from the pupil residence sheet; otherwise it is listed as not ranked.`,
  };
  return { ...result, issues: [noPupilsColumn, ...result.issues] };
}

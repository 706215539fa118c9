import type { ColumnMapping } from '../schema/types';
import type { CellValue, OffenceRecord, SheetData } from '../types';
import { normaliseUrn } from './normaliseUrn';
import { parseBoolean } from './parseBoolean';
import { implausibleDateReason, isTimeOnly, runDay } from './offenceDateChecks';
import { memoByCell } from './memoByCell';
import { parseDate } from './parseDate';
import { requireNumber, requireText } from './readCells';
import { readLocation } from './readLocation';
import { EXCLUDED, quoted, type RowContext } from './rowContext';
import type { OffenceContext, ValidationResult } from './types';
import { validateRows } from './validateRows';

/** Oldest credible age; an age outside 0–120 is a recording error, not an old offender. */
const MAX_AGE = 120;

function readAge(row: RowContext): number | undefined {
  const age = requireNumber(row, 'age', "the offender's age in years");
  if (age === undefined) return undefined;
  if (age < 0 || age > MAX_AGE) {
    row.report(
      'age',
      'error',
      'ageImpossible',
      `${quoted(row.text('age'))} is not a possible age (expected 0–${MAX_AGE} years)`,
      EXCLUDED,
    );
    return undefined;
  }
  if (!Number.isInteger(age)) {
    const years = Math.floor(age);
    row.report(
      'age',
      'warning',
      'invalidValue',
      `${quoted(row.text('age'))} is not a whole number of years`,
      `it is read as ${years}, the completed years`,
    );
    return years;
  }
  return age;
}

/**
 * The reference given to a row with no offence reference. It starts with U+0000, which no real
 * reference holds (xlsx is XML, which cannot hold it, and cell text is trimmed), so it never
 * equals one; the row number makes it unique.
 */
export const ownOffenceRef = (rowNumber: number): string => `\u0000row:${rowNumber}`;

/** The offence reference, or the row's own one (with a warning) when none is given. */
function readOffenceRef(row: RowContext): { readonly offenceRef: string; readonly missing: boolean } {
  const text = row.text('offenceRef');
  if (text !== '') return { offenceRef: text, missing: false };
  row.report(
    'offenceRef',
    'warning',
    'missingValue',
    'no offence reference is given, so the row cannot be matched to other rows of the same offence',
    'the row is counted as an offence of its own',
  );
  return { offenceRef: ownOffenceRef(row.rowNumber), missing: true };
}

/** What an offence date cell reads as: the date, or why it is not a usable one. */
interface DateReading {
  readonly date?: Date;
  /** 'is a time of day with no date', 'is before 1990, …': the cell is not a real offence date. */
  readonly implausible?: string;
}

/** Reads date cells as `readOffenceDate` reports them, each distinct cell value once (see memoByCell). */
function dateReader(run: Date): (value: CellValue) => DateReading {
  return memoByCell((value) => {
    const date = parseDate(value);
    const implausible = isTimeOnly(value)
      ? 'is a time of day with no date'
      : date
        ? implausibleDateReason(date, run)
        : undefined;
    return implausible ? { implausible } : date ? { date } : {};
  });
}

function readOffenceDate(row: RowContext, readDate: (value: CellValue) => DateReading): Date | undefined {
  if (row.blank('offenceDate')) {
    row.report('offenceDate', 'error', 'missingValue', 'blank, but the offence date is required', EXCLUDED);
    return undefined;
  }
  const { date, implausible } = readDate(row.cell('offenceDate'));
  if (implausible) {
    row.report(
      'offenceDate',
      'error',
      'dateImplausible',
      `${quoted(row.text('offenceDate'))} ${implausible}`,
      EXCLUDED,
    );
    return undefined;
  }
  if (!date) {
    row.report(
      'offenceDate',
      'error',
      'notADate',
      `${quoted(row.text('offenceDate'))} is not a date (expected e.g. 31/01/2021 or 2021-01-31; day first, and a day that exists)`,
      EXCLUDED,
    );
  }
  return date;
}

function readSchoolUrn(row: RowContext): string | undefined {
  if (row.blank('schoolUrn')) return undefined;
  const urn = normaliseUrn(row.cell('schoolUrn'));
  if (!urn) {
    row.report(
      'schoolUrn',
      'warning',
      'invalidValue',
      `${quoted(row.text('schoolUrn'))} is not a school URN (expected 6 or 7 digits)`,
      'the school is left unknown for this row',
    );
  }
  return urn;
}

function readWeapon(row: RowContext): boolean | undefined {
  if (row.blank('weapon')) return undefined;
  const weapon = parseBoolean(row.cell('weapon'));
  if (weapon === undefined) {
    row.report(
      'weapon',
      'warning',
      'invalidValue',
      `${quoted(row.text('weapon'))} is not a yes/no flag (expected Y/N, yes/no, true/false or 1/0)`,
      'the weapon flag is left unknown for this row',
    );
  }
  return weapon;
}

/**
 * Checks and converts the offences sheet, row by row, into `OffenceRecord`s.
 *
 * Excluded (error): a blank offender reference, date, type or age ('missingValue'); a date or age
 * that cannot be read ('notADate', 'notANumber'); an offence date before 1990, after the run date
 * (`context.today`, default today) or a time of day with no date ('dateImplausible': what a zero,
 * negative or time-only date cell turns into); an age outside 0–120 ('ageImpossible'; ages outside
 * the analysis band are the pipeline's business, not an error); an offence or home location that
 * cannot be found (see `readLocation`: 'badCoordinate', 'unknownPostcode', 'invalidValue',
 * 'missingValue'). A later row with the same offence reference and offender reference as a kept
 * row gets a 'duplicateRow' warning and is excluded.
 * Kept with a warning: a row with no offence reference, counted as an offence of its own (a
 * reference of its own from `ownOffenceRef`, `offenceRefMissing: true`; a blank offender reference
 * still excludes the row, since without it neither the offender's age and home nor the count of
 * distinct young offenders can be trusted); a fractional age (read as completed years), a swapped
 * latitude/longitude pair, an unreadable school URN or weapon flag (left unknown), location cells
 * that disagree with a usable one. Text is kept as given.
 * An Excel error cell ('#N/A', …) is read as no value, with an 'excelError' issue (see `rowContext`).
 * Cost: O(rows); each latitude/longitude pair is one projection. Each distinct date cell is read once:
 * the records of one day share one `Date` (never changed by the engine).
 */
export function validateOffences(
  sheet: SheetData,
  mapping: ColumnMapping,
  context: OffenceContext = {},
): ValidationResult<OffenceRecord> {
  const readDate = dateReader(runDay(context.today));
  return validateRows<OffenceRecord>(
    sheet,
    mapping,
    'offences',
    (row) => {
      const { offenceRef, missing: offenceRefMissing } = readOffenceRef(row);
      const offenderRef = requireText(row, 'offenderRef', 'an offender reference');
      const offenceDate = readOffenceDate(row, readDate);
      const offenceType = requireText(row, 'offenceType', 'an offence type');
      const age = readAge(row);
      const offenceLocation = readLocation(
        row,
        {
          latitude: 'offenceLatitude',
          longitude: 'offenceLongitude',
          easting: 'offenceEasting',
          northing: 'offenceNorthing',
          ward: 'offenceWard',
          postcode: 'offencePostcode',
        },
        'offence location',
        context.postcodes,
      );
      const homeLocation = readLocation(
        row,
        {
          latitude: 'homeLatitude',
          longitude: 'homeLongitude',
          easting: 'homeEasting',
          northing: 'homeNorthing',
          ward: 'homeWard',
          postcode: 'homePostcode',
        },
        'home location',
        context.postcodes,
      );
      const schoolUrn = readSchoolUrn(row);
      const weapon = readWeapon(row);
      if (
        offenderRef === undefined ||
        offenceDate === undefined ||
        offenceType === undefined ||
        age === undefined ||
        offenceLocation === undefined ||
        homeLocation === undefined
      ) {
        return undefined;
      }
      return {
        sourceRow: row.rowNumber,
        offenceRef,
        offenderRef,
        offenceDate,
        offenceType,
        age,
        offenceLocation,
        homeLocation,
        // Every record has the same fields (undefined where the row gave none), so that every stage
        // reading a million of them meets one object shape.
        schoolUrn,
        weapon,
        offenceRefMissing: offenceRefMissing ? true : undefined,
      };
    },
    {
      // A row's own reference repeats no other row, so it is never a duplicate.
      key: (record) => (record.offenceRefMissing ? undefined : record.offenceRef),
      part: (record) => record.offenderRef,
      describe: (record, firstRow) => ({
        column: mapping.fields.offenceRef?.header ?? 'offenceRef',
        value: record.offenceRef,
        problem: `offence ${record.offenceRef} with offender ${record.offenderRef} was already read on row ${firstRow}`,
      }),
    },
  );
}

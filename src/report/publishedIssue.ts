import type { AnalysisResult } from '../core/pipeline/analysisResult';
import type { FieldName } from '../core/schema';
import type { Issue, IssueCode } from '../core/types';
import { valueTreatment, WITHHELD_VALUE, type WithheldKind } from './validationPolicy';
import { isoDay } from '../core/isoDay';

/** An issue as the shared Validation sheet prints it. */
export interface PublishedIssue {
  readonly value: string;
  readonly message: string;
  readonly withheld: boolean;
}

/**
 * What is wrong, for a withheld value, in words that quote nothing from the input. `what` names
 * the cell ('home location'); `swapped` marks a latitude/longitude pair read the other way round.
 */
function problemOf(
  issue: Issue,
  what: string,
  fields: readonly FieldName[],
  dateWindow: string,
  swapped: boolean,
): string {
  const problems: Partial<Record<IssueCode, string>> = {
    missingValue: `the ${what} is blank or incomplete`,
    notANumber: what.endsWith('location')
      ? `a coordinate of the ${what} is not a number`
      : `the ${what} is not a number`,
    notADate: `the ${what} cannot be read as a date (expected e.g. 31/01/2021 or 2021-01-31)`,
    badCoordinate: swapped
      ? `the latitude and longitude of the ${what} look swapped`
      : `the ${what} is not a usable coordinate (0, or outside Great Britain)`,
    invalidValue: `the ${what} is not in the form expected for this column`,
    unknownPostcode: `the postcode of the ${what} cannot be placed (it is not in the postcode lookup, or no lookup was given)`,
    outsideArea: `the ${what} lies outside every ward of the study area`,
    unknownWard: `the ward code of the ${what} is not a ward of the study area`,
    wardMismatch: `the ward code of the ${what} disagrees with the ward its coordinates lie in`,
    duplicateRow: fields.includes('offenceRef')
      ? 'an earlier row has the same offence and offender references'
      : `an earlier row has the same ${what}`,
    dateOutsideWindow: `the ${what} is outside the window ${dateWindow}`,
    excelError: `the ${what} holds an Excel error value (such as #N/A or #REF!)`,
    dateImplausible: `the ${what} is not a date a real record has (before 1990, after the run date, or a time with no date)`,
  };
  return problems[issue.code] ?? `the ${what} has a problem (${issue.code})`;
}

/** What was done about it, from the severity and the kind of problem (the engine's treatment, in its words). */
function consequenceOf(issue: Issue, kind: WithheldKind, swapped: boolean): string {
  if (issue.severity === 'error') return 'the row is excluded';
  if (issue.severity === 'info') return 'the row is not counted';
  const warnings: Partial<Record<IssueCode, string>> = {
    outsideArea: 'it is counted as outside the area',
    unknownWard: 'it is not counted in any ward',
    wardMismatch: 'the coordinates are used',
    duplicateRow: 'this later copy is excluded',
    excelError: 'the value is left unknown',
  };
  if (issue.code === 'missingValue' && issue.message.includes('counted as an offence of its own'))
    return 'the row is counted as an offence of its own';
  if (swapped) return 'they are read the other way round';
  return (
    warnings[issue.code] ??
    (kind === 'location' ? 'the row is kept, located by its other location columns' : 'the row is kept')
  );
}

/** The window of offence dates in force, as the engine's own messages write it. */
function dateWindowOf(result: Pick<AnalysisResult, 'parameters'>): string {
  const day = (date: Date | undefined): string => (date ? isoDay(new Date(date)) : 'any');
  return `${day(result.parameters.dateFrom)} to ${day(result.parameters.dateTo)}`;
}

/**
 * An issue's value and message as the shared Validation sheet prints them (see validationPolicy):
 * as given, or — for a personal value — the value replaced by what it was ('(withheld: location)';
 * a blank stays blank) and the message rebuilt from the sheet, row, column and kind of problem, so
 * that nothing quoted from the row (the value, a neighbouring coordinate, the ward the coordinates
 * fell in, a normalised postcode) reaches the sheet. The one engine wording read is "swapped",
 * which tells a fixed latitude/longitude pair from an unusable one.
 * @example publishedIssue({ sheet: 'Crimes', row: 12, column: 'Home Easting / Home Northing', value: '405120, 286530',
 *   severity: 'warning', code: 'outsideArea', message: '…' }, result)
 *   // => { value: '(withheld: location)', withheld: true, message: "Sheet 'Crimes', row 12, column 'Home Easting / Home Northing':
 *   //      the home location lies outside every ward of the study area; it is counted as outside the area." }
 */
export function publishedIssue(
  issue: Issue,
  result: Pick<AnalysisResult, 'roles' | 'columns' | 'parameters'>,
): PublishedIssue {
  const treatment = valueTreatment(issue, result);
  if (treatment.shown) return { value: issue.value, message: issue.message, withheld: false };
  const swapped = issue.code === 'badCoordinate' && issue.severity === 'warning' && /swapped/.test(issue.message);
  const problem = problemOf(issue, treatment.what, treatment.fields, dateWindowOf(result), swapped);
  // A CSV's issue names file and line (see workbook/csv/fileSheetSource); its rebuilt message keeps that wording.
  const inFile = `File '${issue.sheet}', line ${issue.row}, column '${issue.column}'`;
  const where = issue.message.startsWith(inFile)
    ? inFile
    : `Sheet '${issue.sheet}', row ${issue.row}, column '${issue.column}'`;
  return {
    value: issue.value === '' ? '' : WITHHELD_VALUE[treatment.kind],
    message: `${where}: ${problem}; ${consequenceOf(issue, treatment.kind, swapped)}.`,
    withheld: true,
  };
}

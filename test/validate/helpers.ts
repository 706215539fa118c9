import type { CellValue, Issue, SheetData } from '../../src/core/types';
export { deepFreeze } from '../support/deepFreeze';

/** A sheet from a header row and data rows, the header on worksheet row 1 unless a title is given. */
export function sheetOf(
  name: string,
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  firstRow = 1,
): SheetData {
  return { name, rows: [header, ...rows], firstRow };
}

/**
 * The worksheet rows that the issues say were excluded, worked out from the issues alone:
 * a row is excluded when it has an error or a duplicateRow warning.
 */
export function rowsExcludedByIssues(issues: readonly Issue[]): Set<number> {
  return new Set(
    issues.filter((issue) => issue.severity === 'error' || issue.code === 'duplicateRow').map((issue) => issue.row),
  );
}

/** The issues of one row, for table-driven checks. */
export const issuesOfRow = (issues: readonly Issue[], row: number): Issue[] =>
  issues.filter((issue) => issue.row === row);

/** The columns of a GIAS-shaped schools sheet, as the validation tests write it. */
export const GIAS_HEADER = [
  'URN',
  'EstablishmentName',
  'TypeOfEstablishment (name)',
  'EstablishmentStatus (name)',
  'PhaseOfEducation (name)',
  'NumberOfPupils',
  'Postcode',
  'Easting',
  'Northing',
];

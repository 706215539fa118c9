import { reconcileRows, reconciles, type SheetToReconcile } from '../../../src/core/pipeline/stages/reconcileRows';
import type { Issue, IssueCode, Severity } from '../../../src/core/types';

/**
 * reconcileRows: rows read = rows used + rows excluded, each excluded row counted once by the
 * first reason reported for it; an issue explains a row when it excludes (an error, or a
 * duplicateRow warning) or its code is one the caller names as "not used".
 */

const issue = (row: number, severity: Severity, code: IssueCode, sheet = 'Offences'): Issue => ({
  sheet,
  row,
  column: 'X',
  value: '',
  severity,
  code,
  message: `${code} on row ${row}`,
});

/*
 * Sheet 'Offences', header on row 1, rows 2–7 read (6 rows), rows 2 and 3 used.
 * Issues, in the order reported:
 *   row 1 error columnMissing            -> the header row: ignored
 *   row 2 info dateOutsideWindow          -> row 2 is used: ignored
 *   row 4 info ageOutsideBand             -> row 4: ageOutsideBand (first reason)
 *   row 4 warning offenceTypeUnclassified -> row 4 already has a reason: ignored
 *   row 5 warning outsideArea             -> neither excluding nor a "not used" code: does not explain row 5
 *   row 5 error notANumber                -> row 5: notANumber
 *   row 6 warning duplicateRow            -> excluding: row 6 duplicateRow
 *   row 7 error notANumber on sheet 'Schools' -> another sheet: ignored, so row 7 stays unexplained
 * Excluded: ageOutsideBand 1, duplicateRow 1, notANumber 1 (ties in reason order). Used 2 + excluded 3 = 5 ≠ 6 read.
 */
const SHEET: SheetToReconcile = {
  role: 'offences',
  sheet: 'Offences',
  headerRow: 1,
  rowsRead: 6,
  rowsBlank: 2,
  usedRows: [2, 3],
  notUsedCodes: new Set<IssueCode>(['ageOutsideBand', 'offenceTypeUnclassified', 'dateOutsideWindow']),
};
const ISSUES: Issue[] = [
  issue(1, 'error', 'columnMissing'),
  issue(2, 'info', 'dateOutsideWindow'),
  issue(4, 'info', 'ageOutsideBand'),
  issue(4, 'warning', 'offenceTypeUnclassified'),
  issue(5, 'warning', 'outsideArea'),
  issue(5, 'error', 'notANumber'),
  issue(6, 'warning', 'duplicateRow'),
  issue(7, 'error', 'notANumber', 'Schools'),
];

describe('reconcileRows', () => {
  it('counts each row not used once, by its first reason, ignoring used rows, the header row and other sheets', () => {
    expect(reconcileRows(SHEET, ISSUES)).toEqual({
      role: 'offences',
      sheet: 'Offences',
      rowsRead: 6,
      rowsUsed: 2,
      rowsBlank: 2,
      excluded: [
        { reason: 'ageOutsideBand', rows: 1 },
        { reason: 'duplicateRow', rows: 1 },
        { reason: 'notANumber', rows: 1 },
      ],
    });
  });

  it('an unexplained row makes the sheet not reconcile', () => {
    // Row 7 has no reason on this sheet: 2 + 3 = 5 of 6.
    expect(reconciles(reconcileRows(SHEET, ISSUES))).toBe(false);
  });

  it('once row 7 is explained, the sheet reconciles', () => {
    const explained = reconcileRows(SHEET, [...ISSUES, issue(7, 'info', 'ageOutsideBand')]);
    // ageOutsideBand now 2 rows, listed first (most rows first).
    expect(explained.excluded).toEqual([
      { reason: 'ageOutsideBand', rows: 2 },
      { reason: 'duplicateRow', rows: 1 },
      { reason: 'notANumber', rows: 1 },
    ]);
    expect(reconciles(explained)).toBe(true);
  });

  it('the first reason wins even when a later issue on the same row is an error', () => {
    const result = reconcileRows({ ...SHEET, rowsRead: 1, usedRows: [] }, [
      issue(2, 'info', 'ageOutsideBand'),
      issue(2, 'error', 'notANumber'),
    ]);
    expect(result.excluded).toEqual([{ reason: 'ageOutsideBand', rows: 1 }]);
    expect(reconciles(result)).toBe(true);
  });

  it('a header row lower in the sheet ignores every issue at or above it', () => {
    // Header on row 3 (a title above it): issues on rows 1–3 explain nothing; row 4 is the only row read.
    const result = reconcileRows({ ...SHEET, headerRow: 3, rowsRead: 1, usedRows: [] }, [
      issue(2, 'error', 'notANumber'),
      issue(3, 'error', 'columnMissing'),
      issue(4, 'warning', 'duplicateRow'),
    ]);
    expect(result.excluded).toEqual([{ reason: 'duplicateRow', rows: 1 }]);
  });

  it('a used row is counted once however often it is listed', () => {
    const result = reconcileRows({ ...SHEET, rowsRead: 2, usedRows: [2, 2, 3] }, []);
    expect(result.rowsUsed).toBe(2);
    expect(reconciles(result)).toBe(true);
  });
});

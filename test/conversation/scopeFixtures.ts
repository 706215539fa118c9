/**
 * Variants of the small hand-made workbook (test/pipeline/smallWorkbookFixture.ts) for the
 * dialogue's offence scope and age band tests. The shared fixture is left as it is.
 */
import type { CellValue, SheetData, WorkbookData } from '../../src/core/types';
import { smallWorkbook } from '../pipeline/smallWorkbookFixture';

/** The small workbook with one sheet changed. */
export function withSheet(workbook: WorkbookData, name: string, change: (sheet: SheetData) => SheetData): WorkbookData {
  return { sheets: workbook.sheets.map((sheet) => (sheet.name === name ? change(sheet) : sheet)) };
}

/** The column of 'HO Offence Group' in the offences sheet. */
const TYPE_COLUMN = 3;

/**
 * Offence rows recorded as other types (the rest stay 'Violence with injury'):
 *   C003 (row 4) and C009 (row 10): 'Criminal damage'  (Home Office group criminal damage and arson: not violence)
 *   C006 (row 7):                   'Shoplifting'      (not violence)
 *   C014 (row 15):                  'XYZ1'             (a local code: not classified)
 * Valid rows (the duplicate of C002 and C016, whose age is 'unknown', are excluded): 16, of which
 * 12 'Violence with injury', 2 'Criminal damage', 1 'Shoplifting' and 1 'XYZ1'. In the sheet: 18
 * rows, of which 14 'Violence with injury'.
 */
export const RECODED: Readonly<Record<string, string>> = {
  C003: 'Criminal damage',
  C009: 'Criminal damage',
  C006: 'Shoplifting',
  C014: 'XYZ1',
};

export function mixedTypesWorkbook(recoded: Readonly<Record<string, string>> = RECODED): WorkbookData {
  return withSheet(smallWorkbook(), 'Offences', (sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row, i) =>
      i > 0 && recoded[String(row[0])] !== undefined
        ? row.map((cell, column) => (column === TYPE_COLUMN ? recoded[String(row[0])] : cell))
        : row,
    ),
  }));
}

/** Every offence of the small workbook recorded as 'Criminal damage' (not violence). */
export function noViolenceWorkbook(): WorkbookData {
  return withSheet(smallWorkbook(), 'Offences', (sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row, i) =>
      i > 0 ? row.map((cell, column) => (column === TYPE_COLUMN ? 'Criminal damage' : cell)) : row,
    ),
  }));
}

/**
 * The wards sheet with single-year columns age_10 … age_17 (125 residents each, so 1,000 aged
 * 10–17 as in the shared fixture) in place of the one band column 'age_10_17': any band within
 * 10–17 can be counted.
 */
export function singleYearWardsWorkbook(): WorkbookData {
  const ages = Array.from({ length: 8 }, (_, i) => 10 + i);
  return withSheet(smallWorkbook(), 'Wards', (sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row, i): CellValue[] =>
      i === 0 ? [...row.slice(0, 4), ...ages.map((age) => `age_${age}`)] : [...row.slice(0, 4), ...ages.map(() => 125)],
    ),
  }));
}

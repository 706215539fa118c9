import type { SheetData, WorkbookData } from '../../../src/core/types';
import { DEMO_SHEET_NAMES, generateDemo } from '../../../src/demo';
import { MARKUP_SHEET, MARKUP_TEXT, OLDER_OFFENCES_SHEET } from './standInSheets';

/** Data rows copied into the older export. */
const OLDER_OFFENCE_ROWS = 1500;

/**
 * The workbook the browser test opens: the project's seeded demo workbook (default size: 20,000
 * offences, 400 schools, 190 wards, with the ward vertex sheet), plus an older offences export
 * with the same columns placed next to the current one, and a last sheet named and filled with
 * markup. Built in the page: the demo generator is pure TypeScript and runs in a browser.
 */
export function standInWorkbook(): WorkbookData {
  const demo = generateDemo();
  const sheets: SheetData[] = [];
  for (const sheet of demo.workbook.sheets) {
    sheets.push(sheet);
    if (sheet.name === DEMO_SHEET_NAMES.offences)
      sheets.push({ name: OLDER_OFFENCES_SHEET, rows: sheet.rows.slice(0, OLDER_OFFENCE_ROWS + 1) });
  }
  sheets.push({ name: MARKUP_SHEET, rows: [['Notes kept by the analyst'], [MARKUP_TEXT]] });
  return { sheets };
}

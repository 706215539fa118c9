import { displayedValue } from '../../src/workbook/xlsx';
/** Workbooks, a clock and readers of sheet models shared by the dialogue tests. */
import type { AnalysisParameters, CellValue, SheetData, WorkbookData } from '../../src/core/types';
import type { SheetModel } from '../../src/report/sheetModel';
import { offenceRows, SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';

/**
 * The small hand-made workbook with two offence-like sheets: 'Crimes 2020' holds every offence
 * row of the fixture; 'Crimes 2021' the same headers with only the three offences that happened in
 * ward W2 Beta (C010 by O9, C012 by O10, C013 by O11; see smallWorkbookFixture.ts).
 */
export function twoOffenceSheetsWorkbook(): WorkbookData {
  const rows = offenceRows();
  const inBeta = rows.filter((row) => ['C010', 'C012', 'C013'].includes(String(row[0])));
  const sheets: SheetData[] = smallWorkbook().sheets.flatMap((sheet) =>
    sheet.name === 'Offences'
      ? [
          { name: 'Crimes 2020', rows },
          { name: 'Crimes 2021', rows: [rows[0], ...inBeta] },
        ]
      : [sheet],
  );
  return { sheets };
}

/**
 * The small workbook's parameters with a protection interval of 1 (no withheld count may be
 * recovered exactly), for conversations on 'Crimes 2021'. Its three offenders are too few for the
 * default interval of 3: their young offenders resident are Beta 2 and Delta 1, both withheld, and
 * the Method sheet's 3 distinct young offenders, every home placed, give the area's 3 exactly, so
 * Beta + Delta = 3 leaves each 1 or 2, a range of 1. The analysis then stops rather than publish.
 */
export const CRIMES_2021_PARAMETERS: AnalysisParameters = { ...SMALL_PARAMETERS, protectionInterval: 1 };

/** A clock that starts at 09:00:00 UTC on 1 March 2024 and moves one second each time it is read. */
export function steppingClock(): () => Date {
  let seconds = 0;
  return () => new Date(Date.UTC(2024, 2, 1, 9, 0, seconds++));
}

/** A cell's value as a reader sees it (a formula's cached result). */
export const shown = displayedValue;

/** One table of a sheet model as rows keyed by header. */
export function tableRows(models: readonly SheetModel[], sheet: string, table: string): Record<string, CellValue>[] {
  const model = models.find((m) => m.name === sheet);
  const found = model?.tables.find((t) => t.name === table);
  if (!found) throw new Error(`No table ${table} on ${sheet}`);
  return found.rows.map((row) => Object.fromEntries(found.headers.map((header, i) => [header, shown(row[i])])));
}

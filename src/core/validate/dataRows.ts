import type { CellValue, SheetData } from '../types';
import { isBlankCell } from './cellText';

export interface DataRow {
  /** Worksheet row number, 1-based as Excel shows it. */
  readonly rowNumber: number;
  readonly cells: readonly CellValue[];
}

/**
 * The rows below a header row, without the entirely empty ones (which are counted, not reported).
 * @example dataRows({ name: 'S', rows: [['URN'], [100000], [null], [100001]] }, 1) // => 2 rows (rows 2 and 4), 1 blank
 */
export function dataRows(
  sheet: SheetData,
  headerRow: number,
): { readonly rows: readonly DataRow[]; readonly blankRows: number } {
  const firstRow = sheet.firstRow ?? 1;
  const rows: DataRow[] = [];
  let blankRows = 0;
  for (let index = headerRow - firstRow + 1; index < sheet.rows.length; index += 1) {
    const cells = sheet.rows[index];
    if (isBlankRow(cells)) blankRows += 1;
    else rows.push({ rowNumber: firstRow + index, cells });
  }
  return { rows, blankRows };
}

/** True when every cell of a row is blank (see `isBlankCell`). */
export function isBlankRow(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i += 1) if (!isBlankCell(cells[i])) return false;
  return true;
}

/** How many rows `dataRows` would return, and how many blank rows it would skip, without listing them. */
export function countDataRows(
  sheet: SheetData,
  headerRow: number,
): { readonly rows: number; readonly blankRows: number } {
  const firstRow = sheet.firstRow ?? 1;
  let rows = 0;
  let blankRows = 0;
  for (let index = headerRow - firstRow + 1; index < sheet.rows.length; index += 1) {
    if (isBlankRow(sheet.rows[index])) blankRows += 1;
    else rows += 1;
  }
  return { rows, blankRows };
}

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
export function dataRows(sheet: SheetData, headerRow: number): { readonly rows: readonly DataRow[]; readonly blankRows: number } {
  const firstRow = sheet.firstRow ?? 1;
  const rows: DataRow[] = [];
  let blankRows = 0;
  for (let index = headerRow - firstRow + 1; index < sheet.rows.length; index += 1) {
    const cells = sheet.rows[index];
    if (cells.every((cell) => isBlankCell(cell))) blankRows += 1;
    else rows.push({ rowNumber: firstRow + index, cells });
  }
  return { rows, blankRows };
}

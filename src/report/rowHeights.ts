import { headerRowPoints } from './printLayout';
import type { SheetModel } from './sheetModel';

/** Excel's default column width in characters, where a model leaves a column's width unset. */
const DEFAULT_WIDTH = 9;

/**
 * The row heights a sheet is written with, by both workbook adapters: each table's header row as
 * tall as its wrapped headers need in their columns' widths, then the model's own heights (wrapped
 * notes, the summary's header), which win. Excel does not grow a row it did not type into, and
 * viewers disagree on growing rows themselves, so every wrapped row is given its height.
 */
export function rowHeightsOf(
  model: Pick<SheetModel, 'tables' | 'rowHeights' | 'columnWidths'>,
  headersOf: (table: SheetModel['tables'][number]) => readonly string[],
): { row: number; points: number }[] {
  const heights = new Map<number, number>();
  for (const table of model.tables) {
    const headers = headersOf(table);
    const widths = headers.map((_header, offset) => model.columnWidths?.[table.col + offset] ?? DEFAULT_WIDTH);
    heights.set(table.row, Math.max(heights.get(table.row) ?? 0, headerRowPoints(headers, widths)));
  }
  for (const { row, points } of model.rowHeights ?? []) heights.set(row, points);
  return [...heights.entries()].sort(([a], [b]) => a - b).map(([row, points]) => ({ row, points }));
}

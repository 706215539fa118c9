import type { ModelCell, SheetModel } from '../../report/sheetModel';

/** Looks up what a sheet model puts in a cell: (0-based row, column) -> cell, or undefined for nothing. */
export type SheetCellLookup = (row: number, col: number) => ModelCell | undefined;

/**
 * An index of every cell a sheet model writes: its tables' header and body cells and its free
 * cells (a free cell written over a table cell wins, as it is written last). O(cells) to build.
 * @example buildSheetCellIndex({ ...model, tables: [{ row: 0, col: 1, headers: ['URN'], rows: [[{ kind: 'text', value: '103' }]], ... }] })(1, 1)
 * // => { kind: 'text', value: '103' } (header at B1, first body row at B2)
 */
export function buildSheetCellIndex(model: SheetModel): SheetCellLookup {
  const cells = new Map<number, ModelCell>();
  const key = (row: number, col: number) => row * 16384 + col;
  for (const table of model.tables) {
    table.headers.forEach((header, offset) =>
      cells.set(key(table.row, table.col + offset), { kind: 'text', value: header }),
    );
    table.rows.forEach((row, rowOffset) =>
      row.forEach((cell, colOffset) => cells.set(key(table.row + 1 + rowOffset, table.col + colOffset), cell)),
    );
  }
  for (const { row, col, cell } of model.cells) cells.set(key(row, col), cell);
  return (row, col) => cells.get(key(row, col));
}

/**
 * The value a viewer shows for a model cell without recalculating: text, number, the cached result
 * of a formula; `null` for empty cells and nothing.
 */
export function displayedValue(cell: ModelCell | undefined): string | number | boolean | Date | null {
  if (!cell) return null;
  switch (cell.kind) {
    case 'text':
    case 'number':
    case 'boolean':
    case 'date':
      return cell.value;
    case 'formula':
      return cell.result;
    case 'empty':
      return null;
  }
}

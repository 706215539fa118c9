import type { ModelCell, SheetModel, TableModel } from '../../report/sheetModel';
import { uniqueTableHeaders } from '../cells/tableHeaders';

/** One cell a sheet model writes, at its 0-based position. */
export interface PlacedCell {
  readonly row: number;
  readonly col: number;
  readonly cell: ModelCell;
}

const EMPTY: ModelCell = { kind: 'empty' };

/**
 * Every cell a sheet model writes, in row-major order, as the .xlsx adapter lays them out: each
 * table's header row (names made valid and unique by {@link uniqueTableHeaders}) and body (rows cut
 * or padded to the headers; one empty row for a table with none, as an Excel table needs a body),
 * then the free cells, a free cell replacing a table cell at the same place.
 */
export function placedCells(model: SheetModel): PlacedCell[] {
  const cells = new Map<number, PlacedCell>();
  const put = (row: number, col: number, cell: ModelCell) => cells.set(row * 16384 + col, { row, col, cell });
  for (const table of model.tables) {
    tableHeaders(table).forEach((header, offset) =>
      put(table.row, table.col + offset, { kind: 'text', value: header }),
    );
    tableBody(table).forEach((row, rowOffset) =>
      row.forEach((cell, colOffset) => put(table.row + 1 + rowOffset, table.col + colOffset, cell)),
    );
  }
  for (const { row, col, cell } of model.cells) put(row, col, cell);
  return [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, placed]) => placed);
}

/** The header names an Excel table gets for this model. */
export function tableHeaders(table: TableModel): string[] {
  return uniqueTableHeaders(table.headers);
}

/** The body rows an Excel table gets for this model: at least one, each as wide as the headers. */
export function tableBody(table: TableModel): ModelCell[][] {
  const width = table.headers.length;
  const rows = table.rows.map((row) => Array.from({ length: width }, (_unused, col) => row[col] ?? EMPTY));
  return rows.length > 0 ? rows : [Array.from({ length: width }, () => EMPTY)];
}

import type { MergeModel, ModelCell } from './sheetModel';
import { ROW_POINTS, wrappedLineCount } from './printLayout';

type PlacedCell = { readonly row: number; readonly col: number; readonly cell: ModelCell };

export interface WrappedNotes {
  readonly cells: PlacedCell[];
  readonly merges: MergeModel[];
  readonly rowHeights: { row: number; points: number }[];
}

/**
 * Notes above a table, each in column A merged across the table's width and wrapped there, in a row
 * tall enough for its lines: the note stays inside the printed page instead of running off its
 * edge (a print area clips it) or widening the print. Heights are worked out here because viewers
 * disagree on growing a merged row to fit.
 */
export function wrappedNotes(
  notes: readonly { row: number; cell: ModelCell }[],
  widths: readonly number[],
): WrappedNotes {
  const totalWidth = widths.reduce((sum, width) => sum + width, 0);
  const lastCol = Math.max(0, widths.length - 1);
  return {
    cells: notes.map(({ row, cell }) => ({ row, col: 0, cell: { ...cell, style: { ...cell.style, wrap: true } } })),
    merges: notes.map(({ row }) => ({ row, col: 0, lastCol })),
    rowHeights: notes.map(({ row, cell }) => ({
      row,
      // Larger type (a title) holds fewer characters a line, in proportion to its size.
      points:
        ROW_POINTS *
        (cell.kind === 'text'
          ? wrappedLineCount(cell.value, (totalWidth * 11) / (cell.style?.fontSize ?? 11), true)
          : 1) *
        ((cell.style?.fontSize ?? 11) / 11),
    })),
  };
}

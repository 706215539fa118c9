import { STYLE, text } from './cells';
import { ROW_POINTS, wrappedLineCount } from './printLayout';
import type { CellStyle, MergeModel, ModelCell } from './sheetModel';

export type PlacedCell = { readonly row: number; readonly col: number; readonly cell: ModelCell };

/** Longest line of a statement beside its label, in characters: fits a column 84 wide (Excel's units). */
export const STATEMENT_WIDTH = 85;

const PAIR_LABEL: CellStyle = { bold: true };

/**
 * A statement broken at spaces into lines of at most `width` characters (a longer word takes a line
 * of its own), words kept in order. Sheets get one line per row, because viewers do not agree on
 * growing a row to fit wrapped text (LibreOffice leaves it one line high and the text overlaps).
 * @example breakLines('one two three', 7) // => ['one two', 'three']
 */
export function breakLines(statement: string, width: number = STATEMENT_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of statement.split(' ').filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Lays out a sheet's free cells from the top down, as prose is read: a heading, a line, a label with
 * its statement beside it (a long statement continues on the rows below, as a short paragraph,
 * rather than one line running off the screen). Builds one sheet's cells; nothing else holds it.
 */
export class FreeCells {
  readonly cells: PlacedCell[] = [];
  /** The next row to be written (0-based). */
  row = 0;

  /** Rows merged across the page for a long line to wrap in, and their heights. */
  readonly merges: MergeModel[] = [];
  readonly rowHeights: { row: number; points: number }[] = [];

  /**
   * @param pageWidths widths of the columns the printed page spans: a line written with
   * {@link line} that is longer than they hold wraps in its row, merged across them and as tall as
   * its lines, so it stays one cell (one sentence) yet inside the page. None by default: lines run on.
   */
  constructor(readonly pageWidths: readonly number[] = []) {}

  /** A cell on the current row, without moving on. */
  at(col: number, cell: ModelCell): void {
    this.cells.push({ row: this.row, col, cell });
  }

  /** A cell in column A, then the next row; text wider than the page wraps across it (see the constructor). */
  line(cell: ModelCell): void {
    const size = cell.style?.fontSize ?? 11;
    // Larger type holds fewer characters a line, in proportion to its size.
    const pageWidth = (this.pageWidths.reduce((sum, width) => sum + width, 0) * 11) / size;
    const lines =
      cell.kind === 'text' && this.pageWidths.length > 0
        ? wrappedLineCount(cell.value, pageWidth, Boolean(cell.style?.bold))
        : 1;
    if (lines > 1 && cell.kind === 'text') {
      this.at(0, { ...cell, style: { ...cell.style, wrap: true } });
      this.merges.push({ row: this.row, col: 0, lastCol: this.pageWidths.length - 1 });
      this.rowHeights.push({ row: this.row, points: (lines * ROW_POINTS * size) / 11 });
    } else this.at(0, cell);
    this.row += 1;
  }

  heading(title: string): void {
    this.line(text(title, STYLE.heading));
  }

  /**
   * A label in column A and its value in B: text broken into lines (breakLines) down column B; a
   * number, formula or [c] aligned left, beside its label rather than at the far side of the column.
   */
  pair(label: string, value: string | ModelCell, labelStyle: CellStyle = PAIR_LABEL): void {
    this.at(0, text(label, labelStyle));
    if (typeof value !== 'string') {
      this.at(1, value.kind === 'empty' ? value : { ...value, style: { ...value.style, align: 'left' } });
      this.row += 1;
      return;
    }
    for (const line of breakLines(value)) {
      this.at(1, text(line));
      this.row += 1;
    }
  }

  /** An empty row between sections. */
  gap(): void {
    this.row += 1;
  }
}

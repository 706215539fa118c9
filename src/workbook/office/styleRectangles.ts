import type { CellStyle } from '../../report/sheetModel';
import type { PlacedCell } from './placedCells';

/** The parts of a cell style Office.js sets through `Range.format` (number formats go with the values). */
export type FormatStyle = Omit<CellStyle, 'numberFormat'>;

/** A block of cells, 0-based and inclusive, that share one format. */
export interface StyleRectangle {
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  readonly style: FormatStyle;
}

/**
 * The cells' fonts, fills, alignment and wrapping as few rectangles as a simple sweep finds: runs
 * of equal style along each row, then runs stacked on the rows below with the same columns merged.
 * Each rectangle costs a handful of Office.js actions whatever its size, so a styled column of a
 * 5,000-row table is one rectangle rather than 5,000. O(cells).
 * @example styleRectangles([{ row: 0, col: 0, cell: bold }, { row: 0, col: 1, cell: bold }, { row: 1, col: 0, cell: bold }, { row: 1, col: 1, cell: bold }])
 * // => [{ firstRow: 0, firstCol: 0, lastRow: 1, lastCol: 1, style: { bold: true } }]
 */
export function styleRectangles(cells: readonly PlacedCell[]): StyleRectangle[] {
  const rows = new Map<number, { col: number; key: string; style: FormatStyle }[]>();
  for (const { row, col, cell } of cells) {
    const style = formatStyle(cell.style);
    if (!style) continue;
    const list = rows.get(row) ?? [];
    list.push({ col, key: styleKey(style), style });
    rows.set(row, list);
  }
  const done: StyleRectangle[] = [];
  /** Rectangles still growing downwards, by "firstCol:lastCol:key". */
  let open = new Map<
    string,
    { firstRow: number; firstCol: number; lastRow: number; lastCol: number; style: FormatStyle }
  >();
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const next = new Map<
      string,
      { firstRow: number; firstCol: number; lastRow: number; lastCol: number; style: FormatStyle }
    >();
    for (const run of rowRuns(rows.get(row)!)) {
      const id = `${run.firstCol}:${run.lastCol}:${run.key}`;
      const above = open.get(id);
      if (above && above.lastRow === row - 1) {
        open.delete(id);
        next.set(id, { ...above, lastRow: row });
      } else
        next.set(id, { firstRow: row, firstCol: run.firstCol, lastRow: row, lastCol: run.lastCol, style: run.style });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.firstRow - b.firstRow || a.firstCol - b.firstCol);
}

function rowRuns(cells: readonly { col: number; key: string; style: FormatStyle }[]) {
  const sorted = [...cells].sort((a, b) => a.col - b.col);
  const runs: { firstCol: number; lastCol: number; key: string; style: FormatStyle }[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.key === cell.key && last.lastCol === cell.col - 1) last.lastCol = cell.col;
    else runs.push({ firstCol: cell.col, lastCol: cell.col, key: cell.key, style: cell.style });
  }
  return runs;
}

/** The format part of a style, or undefined when it sets nothing beyond a number format. */
export function formatStyle(style: CellStyle | undefined): FormatStyle | undefined {
  if (!style) return undefined;
  const { numberFormat: _numberFormat, ...rest } = style;
  const set = Object.entries(rest).filter(([, value]) => value !== undefined && value !== false);
  return set.length > 0 ? Object.fromEntries(set) : undefined;
}

function styleKey(style: FormatStyle): string {
  return JSON.stringify(
    Object.keys(style)
      .sort()
      .map((key) => [key, style[key as keyof FormatStyle]]),
  );
}

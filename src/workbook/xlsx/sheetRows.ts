import type { CellValue } from '../../core/types';

/** A rectangle of cells, 1-based rows and columns, inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The rows of a worksheet as read: only rows holding a value, columns 0-based from `base`. */
export interface RowsBuilt {
  /** Worksheet row number of each row (ascending unless `ordered` is false). */
  readonly rowNumbers: number[];
  readonly rows: CellValue[][];
  /** The rows that are sparse arrays (holes for missing cells); every other row is dense, `null` for a blank. */
  readonly sparse: Set<CellValue[]>;
  /** 0-based worksheet column of index 0 in every row. */
  readonly base: number;
  /** Cells holding a value. */
  readonly cellCount: number;
  readonly ordered: boolean;
}

type Row = readonly CellValue[];

/** A gap of more blank columns than this makes a row sparse (see `setCell`). */
export const MAX_DENSE_GAP = 1024;
/** Rectangular padding is used when it costs at most this many slots more than twice the cells. */
const PADDING_ALLOWANCE = 4096;
/** Empty rows are listed one by one (all sharing one array) unless they outnumber this plus twice the rows with values. */
const EMPTY_ROW_ALLOWANCE = 4096;

const hasValue = (value: CellValue | undefined): boolean => value !== null && value !== undefined;

/** The columns of a row holding a value, ascending. */
function valueColumns(row: Row, sparse: boolean): number[] {
  const columns: number[] = [];
  if (sparse) {
    for (const key of Object.keys(row)) if (hasValue(row[Number(key)])) columns.push(Number(key));
  } else {
    for (let c = 0; c < row.length; c += 1) if (hasValue(row[c])) columns.push(c);
  }
  return columns;
}

/** Index of a row's last value, or -1. */
function lastValueIndex(row: Row, sparse: boolean): number {
  if (sparse) {
    const columns = valueColumns(row, true);
    return columns.length > 0 ? columns[columns.length - 1] : -1;
  }
  let c = row.length - 1;
  while (c >= 0 && !hasValue(row[c])) c -= 1;
  return c;
}

/**
 * Sets one cell of a row; returns whether the row is sparse afterwards. A dense row stays dense
 * (blanks filled with `null`) unless the new cell lies more than {@link MAX_DENSE_GAP} columns past
 * its end; then the cell is set past a hole, and V8 keeps the array as a dictionary.
 */
export function setCell(row: CellValue[], index: number, value: CellValue, sparse: boolean): boolean {
  if (!sparse && index > row.length) {
    if (index - row.length > MAX_DENSE_GAP) {
      row[index] = value;
      return true;
    }
    while (row.length < index) row.push(null);
  }
  row[index] = value;
  return sparse;
}

/** A row moved `shift` columns right (negative: left, dropping what falls off). */
export function shiftRow(row: Row, shift: number, sparse: boolean): { row: CellValue[]; sparse: boolean } {
  const shifted: CellValue[] = [];
  let isSparse = false;
  for (const c of valueColumns(row, sparse)) {
    if (c + shift >= 0) isSparse = setCell(shifted, c + shift, row[c], isSparse);
  }
  return { row: shifted, sparse: isSparse };
}

/**
 * The `rows` and `firstRow` of a sheet from the rows holding values. The used range runs from
 * the first to the last row and column holding a value (as exceljs and Office.js
 * `getUsedRange(true)` give it). Memory grows with the cells holding a value, never with the used
 * range:
 *
 * - Rows are as wide as the used range (padded with `null`, as before) when that costs at most
 *   about twice the cells; otherwise each row ends at its last value (ragged), and a row with a
 *   wide gap (a lone cell far to the right) is a sparse array whose missing cells read as
 *   `undefined`. Either way `rows[i][c] ?? null` is the cell.
 * - Empty rows inside the used range all share one frozen empty row.
 * - When empty rows far outnumber the rows with values (a stray value at row 1,048,576), `rows`
 *   is a read-only array view (a Proxy over an empty array) that has the right `length`, indexes,
 *   iterates and slices like an array, but stores only the rows holding values.
 *
 * Cells a merge covers, other than its top-left cell, are cleared first.
 */
export function finishSheetRows(
  built: RowsBuilt,
  merges: readonly CellRange[],
): { rows: Row[] | readonly Row[]; firstRow: number } {
  let { rowNumbers, rows } = built;
  const { sparse } = built;
  let cellCount = built.cellCount;
  if (!built.ordered) ({ rowNumbers, rows } = sortRows(rowNumbers, rows, sparse));
  if (merges.length > 0) {
    const cleared = clearMergedCells(rowNumbers, rows, sparse, built.base, merges);
    if (cleared > 0) {
      cellCount -= cleared;
      ({ rowNumbers, rows } = dropEmptyRows(rowNumbers, rows, sparse));
      // Leading blank columns appear only when a merge cleared the leftmost values.
      let offset = Infinity;
      for (const row of rows) offset = Math.min(offset, valueColumns(row, sparse.has(row))[0]);
      if (offset > 0 && offset < Infinity) {
        rows = rows.map((row) => {
          const moved = shiftRow(row, -offset, sparse.has(row));
          if (moved.sparse) sparse.add(moved.row);
          return moved.row;
        });
      }
    }
  }
  if (rows.length === 0) return { rows: [], firstRow: 1 };

  let width = 0;
  for (const row of rows) width = Math.max(width, lastValueIndex(row, sparse.has(row)) + 1);
  const pad = rows.length * width <= 2 * cellCount + PADDING_ALLOWANCE;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    const isSparse = sparse.has(row);
    if (pad) {
      if (row.length !== width || isSparse) {
        const padded = new Array<CellValue>(width);
        for (let c = 0; c < width; c += 1) padded[c] = row[c] ?? null;
        rows[i] = padded;
      }
    } else if (!isSparse) {
      const end = lastValueIndex(row, false) + 1;
      if (end < row.length) row.length = end;
    }
  }

  const emptyRow: Row = Object.freeze(pad ? new Array<CellValue>(width).fill(null) : []);
  const firstRow = rowNumbers[0];
  const height = rowNumbers[rowNumbers.length - 1] - firstRow + 1;
  if (height > 2 * rows.length + EMPTY_ROW_ALLOWANCE) {
    return {
      rows: sparseRowsView(
        height,
        rowNumbers.map((number) => number - firstRow),
        rows,
        emptyRow,
      ),
      firstRow,
    };
  }
  const all: Row[] = [];
  let next = firstRow;
  for (let i = 0; i < rows.length; i += 1) {
    for (; next < rowNumbers[i]; next += 1) all.push(emptyRow);
    all.push(rows[i]);
    next += 1;
  }
  return { rows: all, firstRow };
}

/** Rows sorted by row number, a repeated row number merged into one row (later cells win). */
function sortRows(
  rowNumbers: readonly number[],
  rows: readonly CellValue[][],
  sparse: Set<CellValue[]>,
): { rowNumbers: number[]; rows: CellValue[][] } {
  const order = rowNumbers.map((_, i) => i).sort((a, b) => rowNumbers[a] - rowNumbers[b] || a - b);
  const sortedNumbers: number[] = [];
  const sortedRows: CellValue[][] = [];
  for (const i of order) {
    const last = sortedNumbers.length - 1;
    if (last >= 0 && sortedNumbers[last] === rowNumbers[i]) {
      const target = sortedRows[last];
      let isSparse = sparse.has(target);
      for (const c of valueColumns(rows[i], sparse.has(rows[i]))) isSparse = setCell(target, c, rows[i][c], isSparse);
      if (isSparse) sparse.add(target);
    } else {
      sortedNumbers.push(rowNumbers[i]);
      sortedRows.push(rows[i]);
    }
  }
  return { rowNumbers: sortedNumbers, rows: sortedRows };
}

/** Clears every cell a merge covers except its top-left one; returns how many values were cleared. */
function clearMergedCells(
  rowNumbers: readonly number[],
  rows: CellValue[][],
  sparse: Set<CellValue[]>,
  base: number,
  merges: readonly CellRange[],
): number {
  let cleared = 0;
  for (const { top, left, bottom, right } of merges) {
    const from = left - 1 - base;
    const to = right - 1 - base;
    for (let i = lowerBound(rowNumbers, top); i < rowNumbers.length && rowNumbers[i] <= bottom; i += 1) {
      const row = rows[i];
      const isSparse = sparse.has(row);
      for (const c of valueColumns(row, isSparse)) {
        if (c < from || c > to || (rowNumbers[i] === top && c === from)) continue;
        // A sparse row keeps its holes: delete leaves one where a value was.
        // eslint-disable-next-line @typescript-eslint/no-array-delete
        if (isSparse) delete row[c];
        else row[c] = null;
        cleared += 1;
      }
    }
  }
  return cleared;
}

function dropEmptyRows(
  rowNumbers: readonly number[],
  rows: readonly CellValue[][],
  sparse: Set<CellValue[]>,
): { rowNumbers: number[]; rows: CellValue[][] } {
  const keptNumbers: number[] = [];
  const kept: CellValue[][] = [];
  rows.forEach((row, i) => {
    if (lastValueIndex(row, sparse.has(row)) >= 0) {
      keptNumbers.push(rowNumbers[i]);
      kept.push(row);
    }
  });
  return { rowNumbers: keptNumbers, rows: kept };
}

/** Index of the first element of a sorted array that is at least `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The array index a property key names, or -1 (canonical decimal, no sign or leading zero, below `length`). */
function indexOfKey(key: string | symbol, length: number): number {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return -1;
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57 || (first === 48 && key.length > 1)) return -1;
  let index = 0;
  for (let i = 0; i < key.length; i += 1) {
    const code = key.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    index = index * 10 + (code - 48);
  }
  return index < length ? index : -1;
}

/**
 * A read-only array of `length` rows holding only the non-empty ones: every other index reads as
 * `empty`. `Array.isArray` is true; `length`, indexing, `for…of`, `slice`, `map`, `every`, spread
 * and `JSON.stringify` behave as on a plain array; writes fail (a TypeError in strict mode).
 * Not structured-cloneable (postMessage): copy it with `Array.from` first.
 */
export function sparseRowsView(
  length: number,
  indexes: readonly number[],
  rows: readonly Row[],
  empty: Row,
): readonly Row[] {
  const byIndex = new Map<number, Row>();
  indexes.forEach((index, i) => byIndex.set(index, rows[i]));
  // The target stays empty (length 0): `length` is answered by the traps, so nothing is allocated
  // for the empty rows (setting a million-element length would allocate its backing store).
  const target: Row[] = [];
  return new Proxy(target, {
    get(object, key, receiver) {
      const index = indexOfKey(key, length);
      if (index >= 0) return byIndex.get(index) ?? empty;
      if (key === 'length') return length;
      return Reflect.get(object, key, receiver) as unknown;
    },
    has(object, key) {
      return indexOfKey(key, length) >= 0 || Reflect.has(object, key);
    },
    getOwnPropertyDescriptor(object, key) {
      const index = indexOfKey(key, length);
      if (index >= 0)
        return { value: byIndex.get(index) ?? empty, writable: false, enumerable: true, configurable: true };
      if (key === 'length') return { value: length, writable: true, enumerable: false, configurable: false };
      return Reflect.getOwnPropertyDescriptor(object, key);
    },
    ownKeys() {
      const keys: string[] = [];
      for (let i = 0; i < length; i += 1) keys.push(String(i));
      keys.push('length');
      return keys;
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
    setPrototypeOf: () => false,
  });
}

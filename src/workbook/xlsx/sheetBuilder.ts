import type { CellValue, SheetData } from '../../core/types';
import { columnLetter } from '../formulaRefs';
import { finishSheetRows, MAX_DENSE_GAP, shiftRow, type CellRange, type RowsBuilt } from './sheetRows';
import { decodeEscapes, ownString } from './xmlPart';
import { XlsxReadError } from './zipArchive';

/** What a worksheet's cells need from the rest of the workbook. */
/** Distinct serial dates whose `Date` cells share (see `serialDate`). */
const MAX_SHARED_DATES = 65_536;

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  /** 1 for each cell style index whose number format shows a date. */
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
}

/** A worksheet's last row and column (1,048,576 and 16,384: XFD1048576). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A cell's `t` attribute, as a small number. */
export const CellType = {
  Number: 0,
  SharedString: 1,
  FormulaString: 2,
  InlineString: 3,
  Boolean: 4,
  Error: 5,
  IsoDate: 6,
} as const;
export type CellType = (typeof CellType)[keyof typeof CellType];

const CELL_TYPES: Readonly<Record<string, CellType>> = {
  n: CellType.Number,
  s: CellType.SharedString,
  str: CellType.FormulaString,
  inlineStr: CellType.InlineString,
  b: CellType.Boolean,
  e: CellType.Error,
  d: CellType.IsoDate,
};

const MS_PER_DAY = 24 * 3600 * 1000;

const hasValue = (value: CellValue | undefined): boolean => value !== null && value !== undefined;

/**
 * Collects one worksheet's cells as the XML is read (by either reader of worksheet XML: the fast
 * scanner or saxes), keeping only the cells holding a value, in rows that hold at least one.
 *
 * Cell values: numbers; text from shared strings, inline strings (rich text joined) and formula
 * string results; booleans; error values as their text ('#N/A'); date-formatted numbers and
 * ISO-dated cells (t="d") as `Date` at UTC; formulas as their cached value (none when there is
 * none); cells covered by a merge, other than its top-left cell, as blank. An empty inline string
 * or formula text result is a blank (as exceljs and Office.js read it); an empty shared string
 * stays ''.
 */
export class SheetBuilder {
  private readonly sharedStrings: readonly string[];
  private readonly dateStyles: Uint8Array;
  private readonly dateOffset: number;
  private readonly dates = new Map<number, Date | null>();

  // Rows kept so far, with their worksheet row numbers; columns are 0-based from `base`.
  private readonly rowNumbers: number[] = [];
  private readonly rows: CellValue[][] = [];
  private readonly sparseRows = new Set<CellValue[]>();
  private base = -1;
  private widest = 0;
  private cellCount = 0;
  private ordered = true;
  private readonly merges: CellRange[] = [];

  // The row being read: cells in `scratch[0..length)`, or in `sparse` once a wide gap is met.
  private readonly scratch: CellValue[] = [];
  private length = 0;
  private sparse: CellValue[] | undefined;
  private rowCells = 0;
  private rowNumber = 0;
  private rowFromCell = false;

  // The cell being read.
  private column = -1;
  private type: CellType = CellType.Number;
  private style = 0;
  /** The text of <v>, or undefined when the cell has none. */
  valueText: string | undefined;
  /** The text of <is> (an inline string, rich text runs joined), or undefined. */
  inlineText: string | undefined;

  constructor(
    readonly sheetName: string,
    readonly partName: string,
    context: SheetContext,
  ) {
    this.sharedStrings = context.sharedStrings;
    this.dateStyles = context.dateStyles;
    this.dateOffset = 25569 - (context.date1904 ? 1462 : 0);
  }

  fail(what: string): never {
    throw new XlsxReadError(`sheet '${this.sheetName}' (part ${this.partName}): ${what}`);
  }

  /** Starts <sheetData>. */
  startSheetData(): void {
    this.rowNumber = 0;
  }

  /** Starts a <row>; `r` is its r attribute (undefined: the row after the previous one). */
  startRow(r: number | undefined, text?: string): void {
    this.rowFromCell = r === undefined;
    const rowNumber = r === undefined ? this.rowNumber + 1 : r;
    if (!(Number.isInteger(rowNumber) && rowNumber >= 1 && rowNumber <= MAX_ROWS))
      this.fail(`row number '${text ?? r}' is not a worksheet row (1 to ${MAX_ROWS})`);
    this.rowNumber = rowNumber;
    this.column = -1;
    this.length = 0;
    this.sparse = undefined;
    this.rowCells = 0;
  }

  /**
   * Starts a <c>: `column` is 1-based from its r attribute (undefined: the column after the
   * previous cell), `row` the row number in r if any, `type` its t attribute, `style` its s.
   */
  startCell(column: number | undefined, row: number | undefined, type: CellType, style: number): void {
    if (column === undefined) {
      this.column += 1;
      if (this.column >= MAX_COLUMNS) this.fail(`row ${this.rowNumber} has more cells than a worksheet has columns`);
    } else {
      if (!(column >= 1 && column <= MAX_COLUMNS))
        this.fail(`a cell reference in row ${this.rowNumber} is not a worksheet cell (columns A to XFD)`);
      this.column = column - 1;
      if (this.rowFromCell && row !== undefined) {
        if (Number.isInteger(row) && row >= 1 && row <= MAX_ROWS) this.rowNumber = row;
        this.rowFromCell = false;
      }
    }
    this.type = type;
    this.style = style;
    this.valueText = undefined;
    this.inlineText = undefined;
  }

  /** The CellType of a t attribute; fails on an unknown one. */
  cellType(t: string | undefined): CellType {
    if (t === undefined) return CellType.Number;
    const type = CELL_TYPES[t];
    if (type === undefined) this.fail(`a cell in row ${this.rowNumber} has an unknown type t="${t}"`);
    return type;
  }

  /** Ends the cell, keeping its value if it has one. */
  endCell(): void {
    const value = this.cellValue();
    if (value !== null) this.store(value);
  }

  /**
   * Ends a cell whose <v> was a plain decimal integer (parsed by the caller without making a
   * string): as endCell, faster for shared-string indexes and whole numbers.
   */
  endCellWithInteger(integer: number): void {
    let value: CellValue;
    switch (this.type) {
      case CellType.Number:
        value = this.dateStyles[this.style] === 1 ? this.serialDate(integer) : integer;
        break;
      case CellType.SharedString: {
        const text = this.sharedStrings[integer];
        if (text === undefined) this.missingSharedString(String(integer));
        value = text;
        break;
      }
      case CellType.Boolean:
        value = integer !== 0;
        break;
      default:
        this.valueText = String(integer);
        this.endCell();
        return;
    }
    this.store(value);
  }

  private cellName(): string {
    return `${columnLetter(this.column)}${this.rowNumber}`;
  }

  private missingSharedString(index: string): never {
    const count = this.sharedStrings.length;
    return this.fail(
      `cell ${this.cellName()} refers to shared string ${index}, but the workbook has ${count === 0 ? 'no shared strings' : `only ${count}`}`,
    );
  }

  private cellValue(): CellValue {
    const text = this.valueText;
    switch (this.type) {
      case CellType.Number: {
        if (text === undefined) return null;
        const number = Number(text);
        if (Number.isNaN(number) || text.trim() === '') return text.trim() === '' ? null : ownString(text);
        return this.dateStyles[this.style] === 1 ? this.serialDate(number) : number;
      }
      case CellType.SharedString: {
        if (text === undefined || text.trim() === '') return null;
        const value = this.sharedStrings[Number(text)];
        if (value === undefined) this.missingSharedString(text);
        return value;
      }
      case CellType.InlineString: {
        const inline = this.inlineText ?? text;
        return inline === undefined || inline === '' ? null : ownString(decodeEscapes(inline));
      }
      case CellType.FormulaString:
        return text === undefined || text === '' ? null : ownString(decodeEscapes(text));
      case CellType.Boolean: {
        if (text === undefined || text.trim() === '') return null;
        const flag = text.trim().toLowerCase();
        return flag === 'true' || (flag !== 'false' && Number(flag) !== 0);
      }
      case CellType.Error:
        return text === undefined || text.trim() === '' ? null : ownString(text.trim());
      case CellType.IsoDate:
        return text === undefined || text.trim() === '' ? null : isoDate(text.trim());
      default:
        return null;
    }
  }

  /**
   * A `Date` at UTC from an Excel serial date, to the millisecond, as exceljs reads them. The
   * cells of one serial share one `Date` (up to MAX_SHARED_DATES serials): a million-row column of
   * offence dates holds a few thousand days, and a `Date` per cell cost tens of megabytes.
   */
  private serialDate(serial: number): Date | null {
    const shared = this.dates.get(serial);
    if (shared !== undefined) return shared;
    const date = new Date(Math.round((serial - this.dateOffset) * MS_PER_DAY));
    const value = Number.isNaN(date.getTime()) ? null : date;
    if (this.dates.size < MAX_SHARED_DATES) this.dates.set(serial, value);
    return value;
  }

  private store(value: CellValue): void {
    const column = this.column;
    if (this.base < 0) this.base = column;
    else if (column < this.base) this.rebase(column);
    const index = column - this.base;
    this.rowCells += 1;
    const sparse = this.sparse;
    if (sparse) {
      if (hasValue(sparse[index])) this.rowCells -= 1; // the same cell twice: the later wins
      sparse[index] = value;
    } else if (index === this.length) {
      this.scratch[this.length++] = value;
    } else if (index > this.length) {
      if (index - this.length > MAX_DENSE_GAP) {
        this.sparse = this.scratch.slice(0, this.length);
        this.sparse[index] = value;
      } else {
        while (this.length < index) this.scratch[this.length++] = null;
        this.scratch[this.length++] = value;
      }
    } else {
      if (this.scratch[index] !== null) this.rowCells -= 1;
      this.scratch[index] = value;
    }
  }

  /** A value in a column left of every column so far: every row kept moves right. */
  private rebase(to: number): void {
    const shift = this.base - to;
    const { rows, sparseRows } = this;
    for (let i = 0; i < rows.length; i += 1) {
      const moved = shiftRow(rows[i], shift, sparseRows.has(rows[i]));
      sparseRows.delete(rows[i]);
      if (moved.sparse) sparseRows.add(moved.row);
      rows[i] = moved.row;
    }
    if (this.sparse || this.length > 0) {
      const moved = shiftRow(this.sparse ?? this.scratch.slice(0, this.length), shift, this.sparse !== undefined);
      if (moved.sparse) this.sparse = moved.row;
      else {
        this.sparse = undefined;
        for (let i = 0; i < moved.row.length; i += 1) this.scratch[i] = moved.row[i];
        this.length = moved.row.length;
      }
    }
    this.widest += shift;
    this.base = to;
  }

  /** Ends a <row> (and </sheetData>, for a last row left open). */
  endRow(): void {
    if (this.rowCells === 0) return;
    let row: CellValue[];
    if (this.sparse) {
      row = this.sparse;
      this.sparseRows.add(row);
    } else {
      // As wide as the widest row so far when that costs at most about as much again.
      let end = this.length;
      if (this.widest > end && this.widest <= 2 * end + 16) {
        while (this.length < this.widest) this.scratch[this.length++] = null;
        end = this.widest;
      }
      row = this.scratch.slice(0, end);
    }
    if (row.length > this.widest) this.widest = row.length;
    const { rowNumbers } = this;
    if (rowNumbers.length > 0 && this.rowNumber <= rowNumbers[rowNumbers.length - 1]) this.ordered = false;
    rowNumbers.push(this.rowNumber);
    this.rows.push(row);
    this.cellCount += this.rowCells;
    this.rowCells = 0;
    this.length = 0;
    this.sparse = undefined;
  }

  /** A <mergeCell ref="C3:D4">. */
  addMerge(ref: string): void {
    const range = parseRange(ref);
    if (range) this.merges.push(range);
  }

  finish(): SheetData {
    const built: RowsBuilt = {
      rowNumbers: this.rowNumbers,
      rows: this.rows,
      sparse: this.sparseRows,
      base: Math.max(this.base, 0),
      cellCount: this.cellCount,
      ordered: this.ordered,
    };
    return { name: this.sheetName, ...finishSheetRows(built, this.merges) };
  }
}

/**
 * A cell of type "d" (ISO 8601) as a `Date` at UTC; a time alone falls on 30 December 1899 (day 0
 * of Excel's dates); text that is no date stays text.
 * @example isoDate('2023-01-15T13:45:00') // => 2023-01-15T13:45:00.000Z
 */
export function isoDate(text: string): CellValue {
  let iso = text.replace(/^T/, '');
  if (/^\d{1,2}:\d{2}/.test(iso)) iso = `1899-12-30T${iso}`;
  iso = iso.replace(/T(\d):/, 'T0$1:');
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(iso)) iso += 'Z';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? ownString(text) : date;
}

/**
 * A merge's range as 1-based rows and columns.
 * @example parseRange('C3:D4') // => { top: 3, left: 3, bottom: 4, right: 4 }
 */
export function parseRange(ref: string): CellRange | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!match) return undefined;
  const col = (letters: string): number =>
    [...letters.toUpperCase()].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  const top = Number(match[2]);
  const left = col(match[1]);
  const bottom = match[4] !== undefined ? Number(match[4]) : top;
  const right = match[3] !== undefined ? col(match[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

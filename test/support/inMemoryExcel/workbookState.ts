import type { WorkbookData } from '../../../src/core/types';
import type { Bounds } from './a1';
import { serialOfDate, type CellContent } from './typedInput';
import { noEvents, type WorkbookEvents } from './workbookEvents';

/**
 * The document the in-memory Excel holds: sheets in tab order with sparse cells, and what sits on
 * them (tables, charts, pictures, conditional formats). Only requests change it, at `sync`.
 */

/** Excel's default column width, 8.43 characters of Calibri 11 = 64 pixels = 48 points. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;
/** Excel's default row height for Calibri 11: 20 pixels = 15 points. */
export const DEFAULT_ROW_HEIGHT_POINTS = 15;

export interface FontState {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  name: string;
}

export interface CellState {
  content: CellContent;
  numberFormat: string;
  font: FontState;
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
}

export interface RangeRefState {
  readonly sheetId: number;
  readonly bounds: Bounds;
}

export interface TableState {
  readonly id: number;
  name: string;
  readonly sheetId: number;
  readonly bounds: Bounds;
  style: string;
  showFilterButton: boolean;
  showBandedRows: boolean;
}

export interface SeriesState {
  name: string;
  values: RangeRefState | null;
  categories: RangeRefState | null;
  /** '#RRGGBB' from setSolidColor, 'none' after clear(), or null for the automatic colour. */
  fill: string | null;
  /** The bars' outline: an Excel.ChartLineStyle, '#RRGGBB' (null = automatic) and the width in points. */
  line: { lineStyle: string; color: string | null; weight: number };
  gapWidth: number;
  /** -100 to 100: how far a category's bars overlap (100 = stacked in one bar). */
  overlap: number;
  /** The series' own chart type (ChartSeries.chartType): the chart's, unless set, e.g. 'XYScatterLinesNoMarkers'. */
  chartType: string;
  /** An Excel.ChartMarkerStyle ('Automatic' until set), its size in points and colours ('#RRGGBB', null = automatic). */
  marker: { style: string; size: number; background: string | null; foreground: string | null };
}

export interface AxisState {
  title: string;
  titleVisible: boolean;
  reversePlotOrder: boolean;
  position: string;
}

export interface ChartState {
  readonly id: number;
  name: string;
  readonly type: string;
  title: { text: string; visible: boolean };
  readonly series: SeriesState[];
  readonly categoryAxis: AxisState;
  readonly valueAxis: AxisState;
  legend: { visible: boolean; position: string };
  position: { start: Bounds; end: Bounds } | null;
  /** Chart.plotVisibleOnly (ExcelApi 1.8): cells in hidden rows and columns are left out (Excel's default). */
  plotVisibleOnly: boolean;
}

export interface ShapeState {
  readonly id: number;
  name: string;
  readonly imageFormat: 'png' | 'jpeg';
  readonly byteLength: number;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  left: number;
  top: number;
  width: number;
  height: number;
  lockAspectRatio: boolean;
  altTextDescription: string;
}

export interface ConditionalFormatState {
  readonly bounds: Bounds;
  readonly type: string;
  rule: { formula1: string; formula2?: string; operator: string } | null;
  fill: string | null;
  fontColor: string | null;
}

/** What Worksheet.pageLayout (ExcelApi 1.9) sets for printing. */
export interface PageLayoutState {
  orientation: 'Portrait' | 'Landscape';
  /** Excel's PageLayoutZoomOptions: a percentage `scale`, or pages wide and tall (0 = as many as needed). */
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Rows repeated at the top of each printed page, or null. */
  printTitleRows: Bounds | null;
  /** The print area, or null for the used range. */
  printArea: Bounds | null;
}

export interface SheetState {
  readonly id: number;
  name: string;
  readonly cells: Map<number, CellState>;
  readonly columnWidths: Map<number, number>;
  /** Row heights in points set by the add-in (0-based rows); others are Excel's default. */
  readonly rowHeights: Map<number, number>;
  /** Outline level of grouped columns (0-based), and the columns hidden by collapsing their group. */
  readonly columnOutline: Map<number, number>;
  readonly hiddenColumns: Set<number>;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Merged areas, as A1 ranges ('A2:E2'). */
  readonly merges: string[];
  readonly charts: ChartState[];
  readonly shapes: ShapeState[];
  readonly conditionalFormats: ConditionalFormatState[];
  readonly pageLayout: PageLayoutState;
}

export interface WorkbookState {
  /** In tab order. */
  readonly sheets: SheetState[];
  readonly tables: TableState[];
  activeSheetId: number;
  nextId: number;
  /** Handlers registered by add-ins, and the events the current request raised. */
  readonly events: WorkbookEvents;
}

export const cellKey = (row: number, col: number): number => row * 16384 + col;

export function defaultCell(): CellState {
  return {
    content: { kind: 'blank' },
    numberFormat: 'General',
    font: { bold: false, italic: false, color: '#000000', size: 11, name: 'Calibri' },
    fill: null,
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
  };
}

/** A cell to change, created with Excel's defaults when it has never been touched. */
export function editCell(sheet: SheetState, row: number, col: number): CellState {
  const key = cellKey(row, col);
  let cell = sheet.cells.get(key);
  if (!cell) sheet.cells.set(key, (cell = defaultCell()));
  return cell;
}

export function newSheet(state: WorkbookState, name: string): SheetState {
  return {
    id: state.nextId++,
    name,
    cells: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    columnOutline: new Map(),
    hiddenColumns: new Set(),
    frozenRows: 0,
    frozenColumns: 0,
    tabColor: '',
    visibility: 'Visible',
    merges: [],
    charts: [],
    shapes: [],
    conditionalFormats: [],
    pageLayout: { orientation: 'Portrait', zoom: { scale: 100 }, printTitleRows: null, printArea: null },
  };
}

/** A sheet's id as Excel gives it: a GUID in braces, stable while the sheet exists. */
export function worksheetId(sheet: SheetState): string {
  return `{${String(sheet.id).padStart(8, '0')}-0000-0000-0000-000000000000}`;
}

export function sheetById(state: WorkbookState, id: number): SheetState | undefined {
  return state.sheets.find((sheet) => sheet.id === id);
}

export function sheetByName(state: WorkbookState, name: string): SheetState | undefined {
  return state.sheets.find((sheet) => sheet.name.toUpperCase() === name.toUpperCase());
}

/**
 * The bounding box of a sheet's cells that hold a value (`valuesOnly`), or also of those only
 * formatted; undefined for a sheet with neither.
 */
export function usedBounds(sheet: SheetState, valuesOnly: boolean): Bounds | undefined {
  let firstRow = Infinity;
  let firstCol = Infinity;
  let lastRow = -Infinity;
  let lastCol = -Infinity;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.content.kind === 'blank') continue;
    const row = Math.floor(key / 16384);
    const col = key % 16384;
    firstRow = Math.min(firstRow, row);
    lastRow = Math.max(lastRow, row);
    firstCol = Math.min(firstCol, col);
    lastCol = Math.max(lastCol, col);
  }
  return firstRow === Infinity ? undefined : { firstRow, firstCol, lastRow, lastCol };
}

export function columnWidth(sheet: SheetState, col: number): number {
  return sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH_POINTS;
}

/** Distance in points from the sheet's top-left corner to a cell's top-left corner. */
export function cellOffset(sheet: SheetState, row: number, col: number): { left: number; top: number } {
  let left = 0;
  for (let c = 0; c < col; c++) left += columnWidth(sheet, c);
  return { left, top: row * DEFAULT_ROW_HEIGHT_POINTS };
}

/**
 * The workbook an analyst opens: each sheet's rows from `firstRow`, column A. Values are stored
 * as a saved file holds them: text as text (whatever its first character), numbers, logical
 * values, and dates as serial numbers formatted `yyyy-mm-dd`.
 */
export function initialState(initial: WorkbookData): WorkbookState {
  const state: WorkbookState = { sheets: [], tables: [], activeSheetId: 0, nextId: 1, events: noEvents() };
  for (const data of initial.sheets) {
    const sheet = newSheet(state, data.name);
    const firstRow = (data.firstRow ?? 1) - 1;
    data.rows.forEach((row, rowOffset) =>
      row.forEach((value, col) => {
        if (value === null || value === undefined) return;
        const cell = editCell(sheet, firstRow + rowOffset, col);
        if (value instanceof Date) {
          const serial = serialOfDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
          cell.content = { kind: 'number', value: (serial ?? 0) + (value.getTime() % 86_400_000) / 86_400_000 };
          cell.numberFormat = 'yyyy-mm-dd';
        } else if (typeof value === 'string') cell.content = { kind: 'text', value, quotePrefix: false };
        else if (typeof value === 'number') cell.content = { kind: 'number', value };
        else cell.content = { kind: 'boolean', value };
      }),
    );
    state.sheets.push(sheet);
  }
  if (state.sheets.length === 0) state.sheets.push(newSheet(state, 'Sheet1'));
  state.activeSheetId = state.sheets[0].id;
  return state;
}

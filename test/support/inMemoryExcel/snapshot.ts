import { columnName, formatBounds, sheetPrefix, type Bounds } from './a1';
import {
  DEFAULT_ROW_HEIGHT_POINTS,
  columnWidth,
  defaultCell,
  sheetById,
  type CellState,
  type RangeRefState,
  type SheetState,
  type WorkbookState,
} from './workbookState';

/**
 * A plain, JSON-ready copy of the whole workbook for assertions: sheets in tab order with every
 * cell that holds a value or a format, and what sits on each sheet.
 */
export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  readonly activeSheet: string;
  /** Every table name in the workbook. */
  readonly tableNames: readonly string[];
}

export interface SheetSnapshot {
  readonly name: string;
  /** '#RRGGBB', or '' for none. */
  readonly tabColor: string;
  /** 'Visible', 'Hidden' or 'VeryHidden'. */
  readonly visibility: string;
  /** Merged areas as A1 ranges, sorted. */
  readonly merges: readonly string[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** Row heights set, by 1-based row number. */
  readonly rowHeights: Readonly<Record<string, number>>;
  /** Grouped columns collapsed (hidden), as letters in order. */
  readonly collapsedColumns: readonly string[];
  /** Column letter -> width in points, for columns not at the default 48 points. */
  readonly columnWidths: Readonly<Record<string, number>>;
  /** A1 address -> cell, in row-major order. */
  readonly cells: Readonly<Record<string, CellSnapshot>>;
  readonly tables: readonly TableSnapshot[];
  readonly charts: readonly ChartSnapshot[];
  readonly images: readonly ImageSnapshot[];
  readonly conditionalFormats: readonly ConditionalFormatSnapshot[];
  readonly pageLayout: PageLayoutSnapshot;
}

/** Worksheet.pageLayout (ExcelApi 1.9): what the adapter sets for printing. */
export interface PageLayoutSnapshot {
  readonly orientation: 'Portrait' | 'Landscape';
  /** As PageLayout.zoom reads: `{ scale }` or pages wide and tall (0 = as many as needed). */
  readonly zoom: {
    readonly scale?: number;
    readonly horizontalFitToPages?: number;
    readonly verticalFitToPages?: number;
  };
  /** e.g. '$5:$5', or null when no rows repeat. */
  readonly printTitleRows: string | null;
  /** e.g. 'A1:D20', or null for the used range. */
  readonly printArea: string | null;
}

export interface CellSnapshot {
  readonly kind: 'blank' | 'text' | 'number' | 'boolean' | 'error' | 'formula';
  /** The stored value (text without its quote prefix, a number, a logical value, an error such as '#N/A'); none for formulas and blanks. */
  readonly value?: string | number | boolean;
  /** With its leading '='. */
  readonly formula?: string;
  /** Whether the text was entered after an apostrophe (Excel's "store as text" prefix). */
  readonly quotePrefix?: boolean;
  readonly numberFormat: string;
  /** Formats that differ from Excel's defaults (Calibri 11, black, no fill, General/Bottom alignment, no wrap). */
  readonly format?: {
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly fontColor?: string;
    readonly fontSize?: number;
    readonly fontName?: string;
    readonly fill?: string;
    readonly horizontalAlignment?: string;
    readonly verticalAlignment?: string;
    readonly wrapText?: boolean;
  };
}

export interface TableSnapshot {
  readonly name: string;
  /** e.g. 'A3:G6', header row included. */
  readonly address: string;
  readonly headers: readonly string[];
  readonly style: string;
  readonly showFilterButton: boolean;
  readonly showBandedRows: boolean;
}

export interface ChartSnapshot {
  readonly name: string;
  readonly type: string;
  readonly title: string;
  readonly titleVisible: boolean;
  readonly series: readonly {
    readonly name: string;
    /** e.g. "'Charts (2)'!$B$5:$B$24", or null when the series has none (or its sheet was deleted). */
    readonly values: string | null;
    readonly categories: string | null;
    /** '#RRGGBB', 'none' (cleared: no fill), or null for the automatic colour. */
    readonly fill: string | null;
    /** The bars' outline: line style, '#RRGGBB' or null (automatic), weight in points. */
    readonly line: { readonly lineStyle: string; readonly color: string | null; readonly weight: number };
    readonly gapWidth: number;
    readonly overlap: number;
    /** The series' own chart type (the chart's unless set). */
    readonly chartType: string;
    /** Marker style, size in points and colours ('#RRGGBB' or null for automatic). */
    readonly marker: {
      readonly style: string;
      readonly size: number;
      readonly background: string | null;
      readonly foreground: string | null;
    };
  }[];
  readonly categoryAxis: AxisSnapshot;
  readonly valueAxis: AxisSnapshot;
  readonly legend: { readonly visible: boolean; readonly position: string };
  readonly plotVisibleOnly: boolean;
  /** The cells the chart covers (from setPosition), or null when never placed. */
  readonly topLeftCell: string | null;
  readonly bottomRightCell: string | null;
}

export interface AxisSnapshot {
  readonly title: string;
  readonly titleVisible: boolean;
  readonly reversePlotOrder: boolean;
  readonly position: string;
}

export interface ImageSnapshot {
  readonly name: string;
  readonly altTextDescription: string;
  readonly format: 'png' | 'jpeg';
  readonly byteLength: number;
  readonly pixelWidth: number;
  readonly pixelHeight: number;
  /** Points from the sheet's top-left corner, and size in points. */
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** The cell under the picture's top-left corner. */
  readonly topLeftCell: string;
}

export interface ConditionalFormatSnapshot {
  readonly address: string;
  readonly type: string;
  readonly operator: string | null;
  readonly formula1: string | null;
  readonly formula2: string | null;
  readonly fill: string | null;
  readonly fontColor: string | null;
}

export function snapshotOf(state: WorkbookState): WorkbookSnapshot {
  return {
    sheets: state.sheets.map((sheet) => sheetSnapshot(state, sheet)),
    activeSheet: sheetById(state, state.activeSheetId)?.name ?? '',
    tableNames: state.tables.map((table) => table.name),
  };
}

function sheetSnapshot(state: WorkbookState, sheet: SheetState): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  for (const key of [...sheet.cells.keys()].sort((a, b) => a - b)) {
    cells[`${columnName(key % 16384)}${Math.floor(key / 16384) + 1}`] = cellSnapshot(sheet.cells.get(key)!);
  }
  const columnWidths: Record<string, number> = {};
  for (const col of [...sheet.columnWidths.keys()].sort((a, b) => a - b))
    columnWidths[columnName(col)] = sheet.columnWidths.get(col)!;
  const reference = (ref: RangeRefState | null) => {
    const owner = ref ? sheetById(state, ref.sheetId) : undefined;
    return ref && owner ? `${sheetPrefix(owner.name)}!${formatBounds(ref.bounds, true)}` : null;
  };
  return {
    name: sheet.name,
    tabColor: sheet.tabColor,
    visibility: sheet.visibility,
    merges: [...sheet.merges].sort(),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    rowHeights: Object.fromEntries(
      [...sheet.rowHeights.entries()].sort(([a], [b]) => a - b).map(([row, points]) => [String(row + 1), points]),
    ),
    collapsedColumns: [...sheet.hiddenColumns]
      .filter((col) => (sheet.columnOutline.get(col) ?? 0) > 0)
      .sort((a, b) => a - b)
      .map(columnName),
    columnWidths,
    cells,
    tables: state.tables
      .filter((table) => table.sheetId === sheet.id)
      .map((table) => ({
        name: table.name,
        address: formatBounds(table.bounds),
        headers: headersOf(sheet, table.bounds),
        style: table.style,
        showFilterButton: table.showFilterButton,
        showBandedRows: table.showBandedRows,
      })),
    charts: sheet.charts.map((chart) => ({
      name: chart.name,
      type: chart.type,
      title: chart.title.text,
      titleVisible: chart.title.visible,
      series: chart.series.map((series) => ({
        name: series.name,
        values: reference(series.values),
        categories: reference(series.categories),
        fill: series.fill,
        line: { ...series.line },
        gapWidth: series.gapWidth,
        overlap: series.overlap,
        chartType: series.chartType,
        marker: { ...series.marker },
      })),
      categoryAxis: {
        title: chart.categoryAxis.title,
        titleVisible: chart.categoryAxis.titleVisible,
        reversePlotOrder: chart.categoryAxis.reversePlotOrder,
        position: chart.categoryAxis.position,
      },
      valueAxis: {
        title: chart.valueAxis.title,
        titleVisible: chart.valueAxis.titleVisible,
        reversePlotOrder: chart.valueAxis.reversePlotOrder,
        position: chart.valueAxis.position,
      },
      legend: { ...chart.legend },
      plotVisibleOnly: chart.plotVisibleOnly,
      topLeftCell: chart.position ? formatBounds(cornerOf(chart.position.start, 'first')) : null,
      bottomRightCell: chart.position ? formatBounds(cornerOf(chart.position.end, 'last')) : null,
    })),
    images: sheet.shapes.map((shape) => ({
      name: shape.name,
      altTextDescription: shape.altTextDescription,
      format: shape.imageFormat,
      byteLength: shape.byteLength,
      pixelWidth: shape.pixelWidth,
      pixelHeight: shape.pixelHeight,
      left: shape.left,
      top: shape.top,
      width: shape.width,
      height: shape.height,
      topLeftCell: cellAt(sheet, shape.left, shape.top),
    })),
    conditionalFormats: sheet.conditionalFormats.map((format) => ({
      address: formatBounds(format.bounds),
      type: format.type,
      operator: format.rule?.operator ?? null,
      formula1: format.rule?.formula1 ?? null,
      formula2: format.rule?.formula2 ?? null,
      fill: format.fill,
      fontColor: format.fontColor,
    })),
    pageLayout: {
      orientation: sheet.pageLayout.orientation,
      zoom: { ...sheet.pageLayout.zoom },
      printTitleRows: sheet.pageLayout.printTitleRows
        ? `$${sheet.pageLayout.printTitleRows.firstRow + 1}:$${sheet.pageLayout.printTitleRows.lastRow + 1}`
        : null,
      printArea: sheet.pageLayout.printArea ? formatBounds(sheet.pageLayout.printArea) : null,
    },
  };
}

function cellSnapshot(cell: CellState): CellSnapshot {
  const { content } = cell;
  const base: { -readonly [K in keyof CellSnapshot]: CellSnapshot[K] } = {
    kind: content.kind,
    numberFormat: cell.numberFormat,
  };
  if (content.kind === 'formula') base.formula = content.formula;
  else if (content.kind !== 'blank') base.value = content.value;
  if (content.kind === 'text') base.quotePrefix = content.quotePrefix;
  const plain = defaultCell();
  const format: Record<string, unknown> = {};
  if (cell.font.bold !== plain.font.bold) format.bold = cell.font.bold;
  if (cell.font.italic !== plain.font.italic) format.italic = cell.font.italic;
  if (cell.font.color !== plain.font.color) format.fontColor = cell.font.color;
  if (cell.font.size !== plain.font.size) format.fontSize = cell.font.size;
  if (cell.font.name !== plain.font.name) format.fontName = cell.font.name;
  if (cell.fill !== null) format.fill = cell.fill;
  if (cell.horizontalAlignment !== plain.horizontalAlignment) format.horizontalAlignment = cell.horizontalAlignment;
  if (cell.verticalAlignment !== plain.verticalAlignment) format.verticalAlignment = cell.verticalAlignment;
  if (cell.wrapText !== plain.wrapText) format.wrapText = cell.wrapText;
  if (Object.keys(format).length > 0) base.format = format;
  return base;
}

function headersOf(sheet: SheetState, bounds: Bounds): string[] {
  const headers: string[] = [];
  for (let col = bounds.firstCol; col <= bounds.lastCol; col++) {
    const content = sheet.cells.get(bounds.firstRow * 16384 + col)?.content;
    headers.push(content && content.kind !== 'blank' && content.kind !== 'formula' ? String(content.value) : '');
  }
  return headers;
}

function cornerOf(bounds: Bounds, corner: 'first' | 'last'): Bounds {
  const row = corner === 'first' ? bounds.firstRow : bounds.lastRow;
  const col = corner === 'first' ? bounds.firstCol : bounds.lastCol;
  return { firstRow: row, lastRow: row, firstCol: col, lastCol: col };
}

/** The cell under a point given in points from the sheet's top-left corner. */
function cellAt(sheet: SheetState, left: number, top: number): string {
  let col = 0;
  for (let edge = columnWidth(sheet, 0); edge <= left + 1e-9; edge += columnWidth(sheet, col)) col++;
  const row = Math.floor(top / DEFAULT_ROW_HEIGHT_POINTS + 1e-9);
  return `${columnName(col)}${row + 1}`;
}

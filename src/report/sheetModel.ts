/**
 * A host-neutral description of an output sheet: what the xlsx adapter and the Office.js adapter
 * both write. Coordinates are 0-based (row 0 = worksheet row 1, col 0 = column A).
 */

/** A cell's content. Text is always written as text, even when it starts with `=`, `+`, `-` or `@`. */
export type ModelCell =
  | { readonly kind: 'text'; readonly value: string; readonly style?: CellStyle }
  | { readonly kind: 'number'; readonly value: number; readonly style?: CellStyle }
  | { readonly kind: 'date'; readonly value: Date; readonly style?: CellStyle }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly style?: CellStyle }
  /**
   * A live formula (without the leading `=`), written with its computed result so the file reads
   * correctly in any viewer that does not recalculate.
   */
  | { readonly kind: 'formula'; readonly formula: string; readonly result: number | string; readonly style?: CellStyle }
  | { readonly kind: 'empty'; readonly style?: CellStyle };

export interface CellStyle {
  /** Excel number format, e.g. '0.0', '#,##0', '0%'. */
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** 'RRGGBB' */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly fontSize?: number;
  readonly wrap?: boolean;
  readonly align?: 'left' | 'center' | 'right';
}

export interface TableModel {
  /** Excel table name, e.g. 'tblSchools'. */
  readonly name: string;
  /** Top-left cell of the header row. */
  readonly row: number;
  readonly col: number;
  readonly headers: readonly string[];
  /** Body rows, each as long as `headers`. */
  readonly rows: readonly (readonly ModelCell[])[];
  readonly style?: string;
}

/** A cell range reference on a sheet, 0-based inclusive. */
export interface RangeRef {
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly col: number;
}

/** A series colour that draws nothing: no fill and no outline (the invisible base of a floating bar). */
export const NO_FILL = 'none';

export interface ChartSeriesModel {
  readonly name: string;
  /** The category labels; on a scatter chart, the x values (numbers). */
  readonly categories: RangeRef;
  /** The values; on a scatter chart, the y values. */
  readonly values: RangeRef;
  /** 'RRGGBB', or {@link NO_FILL} for an invisible series; Office's default palette when absent. A scatter series' marker or line colour. */
  readonly color?: string;
  /** 'RRGGBB': a thin outline round each bar, so segments of one colour family stay distinct. */
  readonly outline?: string;
  /**
   * Scatter charts: the points as markers without a line (the default), or joined in order by a
   * line without markers, solid or dashed (a curve drawn through computed points, like a funnel's
   * limits). Column charts: 'line' or 'dashedLine' draws this series as a line over the columns, on
   * the same axes (a reference such as the area average); bar charts across take no line.
   */
  readonly draw?: ScatterDraw;
}

/** How a scatter series is drawn: see {@link ChartSeriesModel.draw}. */
export type ScatterDraw = 'markers' | 'line' | 'dashedLine';

export interface ChartModel {
  readonly title: string;
  /**
   * Bars (horizontal) or columns, clustered side by side or stacked end to end, or a scatter (x–y)
   * chart. A stacked chart whose first series has no fill is a floating-bar (range) chart: each bar
   * starts where that invisible series ends, which both Excel's file format and its add-in API draw
   * natively. A scatter chart plots each series' values (y) against its categories (x), both numbers,
   * on two value axes: x along the bottom (`xAxisTitle`), y up the left (`yAxisTitle`).
   */
  readonly type: 'barHorizontal' | 'column' | 'barStacked' | 'columnStacked' | 'scatter';
  readonly series: readonly ChartSeriesModel[];
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  /** Anchor on the sheet the chart sits on, 0-based cells, and its size in cells. */
  readonly anchor: {
    readonly row: number;
    readonly col: number;
    readonly widthCols: number;
    readonly heightRows: number;
  };
  /** Reverse the category axis so the first row is at the top (rank 1 first). */
  readonly reverseCategories?: boolean;
  /** Whether the chart has a legend; by default only when it has several series. */
  readonly legend?: boolean;
}

export interface ImageModel {
  readonly description: string;
  readonly png: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly anchor: { readonly row: number; readonly col: number };
}

export interface ConditionalFillModel {
  /** Range A1 reference on this sheet, e.g. 'H2:H200'. */
  readonly range: string;
  /** Cell text that triggers the fill, e.g. 'Yes' or 'Higher'. */
  readonly equals: string;
  readonly fill: string;
}

/**
 * How a sheet prints: the paper's orientation, scaled so every column fits one page wide (as many
 * pages tall as the rows need, Excel's "Fit All Columns on One Page"), and optionally one row
 * printed again at the top of every page.
 */
export interface PrintModel {
  readonly orientation: 'portrait' | 'landscape';
  /**
   * Fit the sheet to one page wide, leaving the number of pages tall free. Only where the result
   * stays legible, at 70% or more (printLayout's acrossPages decides for a table); a wider sheet
   * prints at full size in blocks of columns (`blockStarts`), each repeating `repeatColumns`.
   */
  readonly fitToWidth: boolean;
  /** With `fitToWidth`: pages tall the sheet is shrunk to fit (a one-page summary); as many as the rows need when absent. */
  readonly fitToHeight?: number;
  /** 0-based row repeated at the top of each printed page: the header row of the sheet's main table. */
  readonly repeatRow?: number;
  /**
   * What prints by default, from A1 to this cell (0-based, inclusive); the whole used range when
   * absent. A long row-by-row list can sit below it, on screen but off the paper.
   */
  readonly area?: { readonly lastRow: number; readonly lastCol: number };
  /**
   * 0-based columns printed again at the left of every page (the name column of a wide table), as
   * the sheet's print titles, so each printed block of columns still says which row is which.
   */
  readonly repeatColumns?: { readonly first: number; readonly last: number };
  /** 0-based columns each printed block of a wide table starts at (a manual page break before each). */
  readonly blockStarts?: readonly number[];
  /** 0-based rows a new page starts at (a manual page break before each), so no chart is cut across two pages. */
  readonly pageStarts?: readonly number[];
}

/** Cells of one row merged into one, from `col` to `lastCol` (0-based, inclusive): a wrapped note across a table's width. */
export interface MergeModel {
  readonly row: number;
  readonly col: number;
  readonly lastCol: number;
}

export interface SheetModel {
  /** Base name, e.g. 'Schools'; the adapter adds the run suffix and enforces Excel's naming rules. */
  readonly name: string;
  /** Free cells (titles, notes, key-value blocks), keyed by position. */
  readonly cells: readonly { readonly row: number; readonly col: number; readonly cell: ModelCell }[];
  readonly tables: readonly TableModel[];
  readonly charts: readonly ChartModel[];
  readonly images: readonly ImageModel[];
  readonly columnWidths?: readonly number[];
  /** Freeze panes below this many rows. */
  readonly freezeRows?: number;
  /** Freeze panes right of this many columns (the name column stays in view while scrolling across). */
  readonly freezeColumns?: number;
  /** Row heights in points, 0-based rows: a wrapped table header or note, sized for its lines (viewers disagree on growing rows themselves). */
  readonly rowHeights?: readonly { readonly row: number; readonly points: number }[];
  readonly merges?: readonly MergeModel[];
  /** 0-based column ranges grouped and collapsed: detail out of the way on screen and on paper, one click to open. */
  readonly collapsedColumns?: readonly { readonly first: number; readonly last: number }[];
  readonly conditionalFills?: readonly ConditionalFillModel[];
  readonly tabColor?: string;
  /** Page setup for printing; Excel's defaults (portrait, 100%) when absent. */
  readonly print?: PrintModel;
  /** Very hidden: not listed in Excel's Unhide dialog, never printed (the disclosure ledger). */
  readonly veryHidden?: boolean;
}

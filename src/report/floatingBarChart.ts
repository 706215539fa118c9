import { INTERVAL_COLUMNS } from './intervalBlock';
import { NO_FILL, type ChartModel } from './sheetModel';

export interface FloatingBarChartOptions {
  readonly title: string;
  /** Title of the value axis: along the bottom of bars, up the side of columns. */
  readonly axisTitle: string;
  /** The interval block ({@link intervalBlock}): its sheet, first column and body rows. */
  readonly block: { readonly sheet: string; readonly col: number; readonly firstRow: number; readonly lastRow: number };
  /** Series names, as a reader hovering over a bar sees them. */
  readonly names: { readonly toEstimate: string; readonly beyondEstimate: string };
  /** 'RRGGBB': the darker shade up to the estimate, the lighter one beyond it, and their outline. */
  readonly colors: { readonly toEstimate: string; readonly beyondEstimate: string; readonly outline: string };
  readonly anchor: ChartModel['anchor'];
  /** Upright columns, the categories along the bottom, instead of bars across (the default). */
  readonly columns?: boolean;
  /**
   * A dashed line across the columns at a figure every row of the block repeats (its
   * `INTERVAL_COLUMNS.reference` column): the area average. Columns only: a line over bars across
   * is not a chart Excel draws on the same axes.
   */
  readonly reference?: { readonly name: string; readonly color: string };
}

/**
 * A floating-bar (range) chart over an interval block: horizontal stacked bars whose first series
 * (from zero to the bar's start) has no fill, then the interval up to the estimate in a darker
 * shade and beyond it in a lighter one, both outlined, so each bar spans the interval and the
 * change of shade marks the estimate. Categories are the block's labels, first row at the top; no
 * legend (the invisible series would show in it), so the chart title says how to read the bars.
 */
export function floatingBarChart(options: FloatingBarChartOptions): ChartModel {
  const { block, colors } = options;
  const column = (offset: number) => ({
    sheet: block.sheet,
    firstRow: block.firstRow,
    lastRow: block.lastRow,
    col: block.col + offset,
  });
  const categories = column(INTERVAL_COLUMNS.label);
  if (options.reference && !options.columns)
    throw new Error(`Chart '${options.title}': a reference line needs upright columns.`);
  const reference = options.reference
    ? [
        {
          name: options.reference.name,
          categories,
          values: column(INTERVAL_COLUMNS.reference),
          color: options.reference.color,
          draw: 'dashedLine' as const,
        },
      ]
    : [];
  return {
    title: options.title,
    type: options.columns ? 'columnStacked' : 'barStacked',
    series: [
      { name: 'Bar start', categories, values: column(INTERVAL_COLUMNS.start), color: NO_FILL },
      {
        name: options.names.toEstimate,
        categories,
        values: column(INTERVAL_COLUMNS.toEstimate),
        color: colors.toEstimate,
        outline: colors.outline,
      },
      {
        name: options.names.beyondEstimate,
        categories,
        values: column(INTERVAL_COLUMNS.beyondEstimate),
        color: colors.beyondEstimate,
        outline: colors.outline,
      },
      ...reference,
    ],
    // The value axis runs along the bottom of bars across, up the side of columns.
    ...(options.columns ? { yAxisTitle: options.axisTitle } : { xAxisTitle: options.axisTitle }),
    anchor: options.anchor,
    // Bars across run top-down (the first row at the top); columns left to right already.
    reverseCategories: !options.columns,
    legend: false,
  };
}

import { NO_FILL, type ChartModel, type ChartSeriesModel, type ScatterDraw } from '../report/sheetModel';
import { normaliseColor } from './cells/color';

/**
 * How a chart model looks, decided once for both adapters so the .xlsx file and the add-in draw
 * the same chart: bar direction and grouping, gap, overlap, legend and each series' fill and
 * outline. Pure; no Office.js, no XML.
 */

/** Office's default series colours (the Office theme's accents 1–6), used when a series gives none. */
export const DEFAULT_SERIES_COLORS: readonly string[] = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** Gap between neighbouring bars, as a percentage of a bar's width (`c:gapWidth`, `ChartSeries.gapWidth`). */
export const CHART_GAP_WIDTH = 60;

/**
 * Overlap of a category's bars in a stacked chart, as a percentage of a bar's width: 100, so the
 * segments sit end to end in one bar. Excel's default for stacked charts, but a DrawingML chart
 * without `c:overlap` gets 0, which shifts each stacked segment sideways.
 */
export const STACKED_OVERLAP = 100;

/** Width of a series outline: 0.75 pt (9,525 EMU), Excel's thinnest preset line. */
export const OUTLINE_WIDTH_POINTS = 0.75;

/** Size of a scatter series' markers, in points (Excel's `c:size`, `ChartSeries.markerSize`; its default is 5 to 7). */
export const MARKER_SIZE = 6;

/** Width of a scatter series' line, in points. */
export const SCATTER_LINE_WIDTH_POINTS = 1.5;

/**
 * Direction and grouping of a chart type (a scatter chart is neither horizontal nor stacked).
 * @example chartShape('barStacked') // => { horizontal: true, stacked: true }
 * @example chartShape('column') // => { horizontal: false, stacked: false }
 */
export function chartShape(type: ChartModel['type']): { readonly horizontal: boolean; readonly stacked: boolean } {
  return {
    horizontal: type === 'barHorizontal' || type === 'barStacked',
    stacked: type === 'barStacked' || type === 'columnStacked',
  };
}

/** Whether the chart shows a legend: as the model says, else only for several series. */
export function legendShown(chart: { readonly legend?: boolean; readonly series: readonly unknown[] }): boolean {
  return chart.legend ?? chart.series.length > 1;
}

/** A series' fill: none at all, or a solid 'RRGGBB' colour with an optional 'RRGGBB' outline. */
export type SeriesFill =
  { readonly kind: 'none' } | { readonly kind: 'solid'; readonly color: string; readonly outline?: string };

/**
 * The fill of the series at `index`: none for {@link NO_FILL} (its outline too, so nothing of it
 * shows), else its colour or the default palette's, with its outline. Colours are checked and
 * upper-cased; a bad one throws (a broken report invariant).
 * @example seriesFill({ ...series, color: 'none' }, 0) // => { kind: 'none' }
 * @example seriesFill({ ...series, color: undefined }, 1) // => { kind: 'solid', color: 'ED7D31' }
 */
export function seriesFill(series: Pick<ChartSeriesModel, 'color' | 'outline'>, index: number): SeriesFill {
  if (series.color === NO_FILL) return { kind: 'none' };
  const color = normaliseColor(series.color ?? DEFAULT_SERIES_COLORS[index % DEFAULT_SERIES_COLORS.length]);
  return series.outline === undefined
    ? { kind: 'solid', color }
    : { kind: 'solid', color, outline: normaliseColor(series.outline) };
}

/** How a scatter series looks: circle markers of a colour and no line, or a solid or dashed line of a colour and no markers. */
export type ScatterSeriesStyle =
  | { readonly kind: 'markers'; readonly color: string }
  | { readonly kind: 'line'; readonly color: string; readonly dashed: boolean };

/**
 * The look of the scatter series at `index` (see {@link ChartSeriesModel.draw}): its colour or the
 * default palette's, checked and upper-cased.
 * @example scatterSeriesStyle({ draw: 'dashedLine', color: 'c00000' }, 3) // => { kind: 'line', color: 'C00000', dashed: true }
 * @example scatterSeriesStyle({}, 0) // => { kind: 'markers', color: '4472C4' }
 */
export function scatterSeriesStyle(
  series: Pick<ChartSeriesModel, 'color' | 'draw'>,
  index: number,
): ScatterSeriesStyle {
  const color = normaliseColor(
    series.color === undefined || series.color === NO_FILL
      ? DEFAULT_SERIES_COLORS[index % DEFAULT_SERIES_COLORS.length]
      : series.color,
  );
  const draw: ScatterDraw = series.draw ?? 'markers';
  return draw === 'markers' ? { kind: 'markers', color } : { kind: 'line', color, dashed: draw === 'dashedLine' };
}

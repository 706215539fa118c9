import type { ChartModel, RangeRef } from '../../report/sheetModel';
import {
  CHART_GAP_WIDTH,
  chartShape,
  legendShown,
  MARKER_SIZE,
  OUTLINE_WIDTH_POINTS,
  SCATTER_LINE_WIDTH_POINTS,
  scatterSeriesStyle,
  seriesFill,
  STACKED_OVERLAP,
} from '../chartStyle';
import { cellAddress, rangeAddress } from '../formulaRefs';
import { ACTION_OVERHEAD_BYTES, actionBytes, type PayloadBudget } from './payloadBudget';

/** Excel chart types for the model's chart types, as the .xlsx adapter draws them. */
const CHART_TYPES = {
  barHorizontal: 'BarClustered',
  column: 'ColumnClustered',
  barStacked: 'BarStacked',
  columnStacked: 'ColumnStacked',
  scatter: 'XYScatter',
} as const;

/** Actions a chart takes besides its series (add, title, axis titles and their visibility, axis order, legend, position), and per series at most. */
const CHART_ACTIONS = 12;
const SERIES_ACTIONS = 10;

/**
 * Queues a native Excel chart for a chart model on `worksheet`: a clustered or stacked bar
 * (horizontal) or column chart whose series read their values and categories from the run's final
 * sheets, with the model's title, axis titles, top-down category order, legend and the anchor's
 * cells, styled as {@link seriesFill} says, like the .xlsx adapter:
 * - a series with no fill: `fill.clear()` and `line.lineStyle = 'None'`, so nothing of it shows
 *   (the invisible base of a floating bar);
 * - otherwise `fill.setSolidColor`, and an outline as a continuous line of its colour and width;
 * - `gapWidth` on every series, and `overlap` 100 on a stacked chart's series so they stack in one bar.
 * A scatter chart ('XYScatter': markers only) sets each series' x values with `setXAxisValues` and
 * draws it as {@link scatterSeriesStyle} says, like the .xlsx adapter: circle markers of its colour
 * and no line; or, as an 'XYScatterLinesNoMarkers' series, a continuous or dashed line of its colour
 * and no markers. Its category axis is the x axis, along the bottom.
 * Everything used is in ExcelApi 1.8 or earlier (lineStyle, weight, gapWidth, series chartType and
 * markers 1.7; overlap 1.8), within the 1.10 the add-in requires.
 */
export async function queueChart(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  chart: ChartModel,
  sheetNames: ReadonlyMap<string, string>,
  budget: PayloadBudget,
): Promise<void> {
  if (chart.series.length === 0) return;
  const rangeOf = (ref: RangeRef): Excel.Range => {
    if (ref.lastRow < ref.firstRow)
      throw new Error(
        `Chart '${chart.title}': a range on '${ref.sheet}' ends (row ${ref.lastRow}) before it starts (row ${ref.firstRow}).`,
      );
    return context.workbook.worksheets
      .getItem(sheetNames.get(ref.sheet) ?? ref.sheet)
      .getRange(rangeAddress(ref.firstRow, ref.col, ref.lastRow, ref.col));
  };
  const texts = [
    chart.title,
    chart.xAxisTitle ?? '',
    chart.yAxisTitle ?? '',
    ...chart.series.map((series) => series.name),
  ];
  const actions = CHART_ACTIONS + SERIES_ACTIONS * chart.series.length;
  await budget.reserve(actionBytes(texts) + (actions - texts.length) * ACTION_OVERHEAD_BYTES, `Chart '${chart.title}'`);

  const { horizontal, stacked } = chartShape(chart.type);
  const excelChart = worksheet.charts.add(CHART_TYPES[chart.type], rangeOf(chart.series[0].values), 'Columns');
  excelChart.title.text = chart.title;
  chart.series.forEach((model, index) => {
    const series = index === 0 ? excelChart.series.getItemAt(0) : excelChart.series.add(model.name);
    if (index > 0) series.setValues(rangeOf(model.values));
    series.name = model.name;
    series.setXAxisValues(rangeOf(model.categories));
    if (chart.type === 'scatter') {
      styleScatterSeries(series, model, index);
      return;
    }
    if (model.draw === 'line' || model.draw === 'dashedLine') {
      // A line over the columns (the area average), on the same axes: a 'Line' series of a column chart.
      if (horizontal) throw new Error(`Chart '${chart.title}': a line over bars across is not drawn; use columns.`);
      series.chartType = 'Line';
      styleLine(series, model, index);
      return;
    }
    const fill = seriesFill(model, index);
    if (fill.kind === 'none') {
      series.format.fill.clear();
      series.format.line.lineStyle = 'None';
    } else {
      series.format.fill.setSolidColor(`#${fill.color}`);
      if (fill.outline !== undefined) {
        series.format.line.lineStyle = 'Continuous';
        series.format.line.color = `#${fill.outline}`;
        series.format.line.weight = OUTLINE_WIDTH_POINTS;
      }
    }
    series.gapWidth = CHART_GAP_WIDTH;
    if (stacked) series.overlap = STACKED_OVERLAP;
  });
  // The category axis is the left one of a horizontal bar chart, the bottom one of a column or scatter chart.
  const categoryTitle = horizontal ? chart.yAxisTitle : chart.xAxisTitle;
  const valueTitle = horizontal ? chart.xAxisTitle : chart.yAxisTitle;
  const { categoryAxis, valueAxis } = excelChart.axes;
  if (categoryTitle) {
    categoryAxis.title.text = categoryTitle;
    categoryAxis.title.visible = true;
  }
  if (valueTitle) {
    valueAxis.title.text = valueTitle;
    valueAxis.title.visible = true;
  }
  if (chart.reverseCategories) {
    categoryAxis.reversePlotOrder = true;
    // The value axis crosses at the last category, so it stays at the bottom (c:crosses max).
    categoryAxis.position = 'Maximum';
  }
  // Hidden cells are plotted, as the .xlsx adapter's charts: a sheet may fold its chart data away.
  excelChart.plotVisibleOnly = false;
  const legend = legendShown(chart);
  excelChart.legend.visible = legend;
  if (legend) excelChart.legend.position = 'Bottom';
  const { anchor } = chart;
  excelChart.setPosition(
    cellAddress(anchor.row, anchor.col),
    cellAddress(anchor.row + Math.max(1, anchor.heightRows) - 1, anchor.col + Math.max(1, anchor.widthCols) - 1),
  );
}

/** A scatter series as markers alone, or as a line alone (see {@link scatterSeriesStyle}). */
function styleScatterSeries(series: Excel.ChartSeries, model: ChartModel['series'][number], index: number): void {
  const style = scatterSeriesStyle(model, index);
  const color = `#${style.color}`;
  if (style.kind === 'markers') {
    series.markerStyle = 'Circle';
    series.markerSize = MARKER_SIZE;
    series.markerBackgroundColor = color;
    series.markerForegroundColor = color;
    series.format.line.lineStyle = 'None';
    return;
  }
  series.chartType = 'XYScatterLinesNoMarkers';
  styleLine(series, model, index);
}

/** A series drawn as a solid or dashed line of its colour, without markers (scatter curves, lines over columns). */
function styleLine(series: Excel.ChartSeries, model: ChartModel['series'][number], index: number): void {
  const style = scatterSeriesStyle(model, index);
  series.markerStyle = 'None';
  series.format.line.lineStyle = style.kind === 'line' && style.dashed ? 'Dash' : 'Continuous';
  series.format.line.color = `#${style.color}`;
  series.format.line.weight = SCATTER_LINE_WIDTH_POINTS;
}

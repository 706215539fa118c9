import type { ChartModel, RangeRef } from '../../report/sheetModel';
import { cellAddress, rangeAddress } from '../formulaRefs';
import { DEFAULT_SERIES_COLORS } from '../xlsx/chartXml';
import { normaliseColor } from '../xlsx/color';
import { ACTION_OVERHEAD_BYTES, actionBytes, type PayloadBudget } from './payloadBudget';

/** Excel chart types for the model's chart types: clustered bars, as the .xlsx adapter draws them. */
const CHART_TYPES = { barHorizontal: 'BarClustered', column: 'ColumnClustered' } as const;

/** Actions a chart takes besides its series (add, title, axis titles and their visibility, axis order, legend, position), and per series. */
const CHART_ACTIONS = 12;
const SERIES_ACTIONS = 6;

/** Gap between bars as a percentage of a bar's width, as the .xlsx adapter's `c:gapWidth`. */
const GAP_WIDTH = 60;

/**
 * Why a chart's intervals are not drawn: Office.js can show error bars (ExcelApi 1.9
 * `ChartSeries.yErrorBars`) but cannot give them custom amounts from cells (no property or method
 * takes the plus/minus ranges; Microsoft confirmed this in OfficeDev/office-js#3311). The model's
 * charts sit beside their data, interval columns included, so the figures stay on the sheet.
 */
export function intervalNotice(chart: ChartModel, sheetName: string): string {
  return (
    `Chart '${chart.title}' on sheet '${sheetName}' shows the values without interval bars: Excel's add-in API cannot set ` +
    "error bars from cells. The intervals are in the columns beside the chart; the command line's .xlsx output draws them."
  );
}

/**
 * Queues a native Excel chart for a chart model on `worksheet`: a clustered bar (horizontal) or
 * column chart whose series read their values and categories from the run's final sheets, with
 * the model's title, axis titles, series colours (Office's default palette when a series gives
 * none, as the .xlsx adapter), top-down category order, legend only for several series, and the
 * anchor's cells. Returns whether the model asked for intervals the chart cannot draw.
 */
export async function queueChart(
  context: Excel.RequestContext,
  worksheet: Excel.Worksheet,
  chart: ChartModel,
  sheetNames: ReadonlyMap<string, string>,
  budget: PayloadBudget,
): Promise<{ readonly intervalsOmitted: boolean }> {
  if (chart.series.length === 0) return { intervalsOmitted: false };
  const rangeOf = (ref: RangeRef): Excel.Range => {
    if (ref.lastRow < ref.firstRow) throw new Error(`Chart '${chart.title}': a range on '${ref.sheet}' ends (row ${ref.lastRow}) before it starts (row ${ref.firstRow}).`);
    return context.workbook.worksheets.getItem(sheetNames.get(ref.sheet) ?? ref.sheet).getRange(rangeAddress(ref.firstRow, ref.col, ref.lastRow, ref.col));
  };
  const texts = [chart.title, chart.xAxisTitle ?? '', chart.yAxisTitle ?? '', ...chart.series.map((series) => series.name)];
  const actions = CHART_ACTIONS + SERIES_ACTIONS * chart.series.length;
  await budget.reserve(actionBytes(texts) + (actions - texts.length) * ACTION_OVERHEAD_BYTES, `Chart '${chart.title}'`);

  const horizontal = chart.type === 'barHorizontal';
  const excelChart = worksheet.charts.add(CHART_TYPES[chart.type], rangeOf(chart.series[0].values), 'Columns');
  excelChart.title.text = chart.title;
  chart.series.forEach((model, index) => {
    const series = index === 0 ? excelChart.series.getItemAt(0) : excelChart.series.add(model.name);
    if (index > 0) series.setValues(rangeOf(model.values));
    series.name = model.name;
    series.setXAxisValues(rangeOf(model.categories));
    series.format.fill.setSolidColor(`#${normaliseColor(model.color ?? DEFAULT_SERIES_COLORS[index % DEFAULT_SERIES_COLORS.length])}`);
    series.gapWidth = GAP_WIDTH;
  });
  // The category axis is the left one of a horizontal bar chart, the bottom one of a column chart.
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
  excelChart.legend.visible = chart.series.length > 1;
  if (chart.series.length > 1) excelChart.legend.position = 'Bottom';
  const { anchor } = chart;
  excelChart.setPosition(
    cellAddress(anchor.row, anchor.col),
    cellAddress(anchor.row + Math.max(1, anchor.heightRows) - 1, anchor.col + Math.max(1, anchor.widthCols) - 1),
  );
  return { intervalsOmitted: chart.series.some((series) => series.errorMinus !== undefined || series.errorPlus !== undefined) };
}

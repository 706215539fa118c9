import type { ChartModel, ChartSeriesModel } from '../../report/sheetModel';
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
import { escapeXml } from './xmlText';

/**
 * DrawingML chart parts (ECMA-376 Part 1, 21.2 "DrawingML - Charts"): a `c:chartSpace` holding one
 * clustered or stacked `c:barChart`, or one `c:scatterChart`. Pure string building; element order
 * follows the schema's sequences (CT_BarChart: barDir, grouping, varyColors, ser*, gapWidth,
 * overlap, axId x2; CT_BarSer: idx, order, tx, spPr, invertIfNegative, cat, val; CT_ScatterChart:
 * scatterStyle, varyColors, ser*, axId x2; CT_ScatterSer: idx, order, tx, spPr, marker, xVal, yVal,
 * smooth; CT_ValAx: axId, scaling, delete, axPos, majorGridlines, title, numFmt, majorTickMark,
 * minorTickMark, tickLblPos, txPr, crossAx, crosses, crossBetween; CT_ShapeProperties: fill, ln),
 * which Excel enforces.
 */

/** A worksheet range a chart reads, with the values it holds now (the cache a viewer shows without recalculating). */
export interface ChartDataRange<T> {
  /** Absolute reference with the sheet, e.g. `'Schools (2)'!$B$2:$B$21`. */
  readonly formula: string;
  /** One entry per cell of the range, `null` for a blank or non-numeric cell. */
  readonly cache: readonly (T | null)[];
}

export interface ChartXmlSeries {
  readonly name: string;
  readonly categories: ChartDataRange<string>;
  readonly values: ChartDataRange<number>;
  /** 'RRGGBB', or 'none' for no fill and no outline (see {@link seriesFill}). */
  readonly color?: string;
  /** 'RRGGBB' outline. */
  readonly outline?: string;
  /** Scatter charts: the x values (the model's categories, read as numbers). */
  readonly xValues?: ChartDataRange<number>;
  /** Scatter charts: markers, or a solid or dashed line. */
  readonly draw?: ChartSeriesModel['draw'];
}

/** A {@link ChartModel} with its ranges resolved to final sheet names and cached values. */
export interface ChartXmlInput {
  readonly title: string;
  readonly type: ChartModel['type'];
  readonly series: readonly ChartXmlSeries[];
  /** Title of the horizontal axis as the reader sees it (the value axis of a horizontal bar chart). */
  readonly xAxisTitle?: string;
  /** Title of the vertical axis as the reader sees it (the category axis of a horizontal bar chart). */
  readonly yAxisTitle?: string;
  readonly reverseCategories?: boolean;
  readonly legend?: boolean;
}

const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CATEGORY_AXIS_ID = 111111111;
const VALUE_AXIS_ID = 222222222;

/**
 * The XML of a chart part (`xl/charts/chartN.xml`).
 *
 * A horizontal bar chart (`c:barDir val="bar"`) has its categories on the left axis and values
 * along the bottom; `reverseCategories` sets the category axis orientation to `maxMin` (first row
 * at the top) and makes the value axis cross at the maximum category so it stays at the bottom. A
 * stacked chart (`c:grouping val="stacked"`) overlaps its series fully (`c:overlap val="100"`), so
 * a first series with no fill (`a:noFill`) leaves the rest floating: a range chart.
 */
export function buildChartXml(chart: ChartXmlInput): string {
  if (chart.type === 'scatter') return buildScatterChartXml(chart);
  const { horizontal, stacked } = chartShape(chart.type);
  const categoryAxisTitle = horizontal ? chart.yAxisTitle : chart.xAxisTitle;
  const valueAxisTitle = horizontal ? chart.xAxisTitle : chart.yAxisTitle;
  const isLine = (one: ChartXmlSeries) => one.draw === 'line' || one.draw === 'dashedLine';
  if (horizontal && chart.series.some(isLine))
    throw new Error(`Chart '${chart.title}': a line over bars across is not drawn on the same axes; use columns.`);
  const series = chart.series.map((one, index) => (isLine(one) ? '' : seriesXml(one, index))).join('');
  const lines = chart.series.map((one, index) => (isLine(one) ? lineSeriesXml(one, index) : '')).join('');
  // Lines over the columns (the area average): a c:lineChart on the same two axes, after the bars.
  const lineChart =
    lines === ''
      ? ''
      : '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
        lines +
        '<c:marker val="1"/>' +
        `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>` +
        '</c:lineChart>';
  return chartSpaceXml(
    chart,
    '<c:barChart>' +
      `<c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>` +
      series +
      `<c:gapWidth val="${CHART_GAP_WIDTH}"/>` +
      (stacked ? `<c:overlap val="${STACKED_OVERLAP}"/>` : '') +
      `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>` +
      '</c:barChart>' +
      lineChart +
      '<c:catAx>' +
      `<c:axId val="${CATEGORY_AXIS_ID}"/>` +
      `<c:scaling><c:orientation val="${chart.reverseCategories ? 'maxMin' : 'minMax'}"/></c:scaling>` +
      '<c:delete val="0"/>' +
      `<c:axPos val="${horizontal ? 'l' : 'b'}"/>` +
      (categoryAxisTitle ? titleXml(categoryAxisTitle, { size: 1000, bold: false, vertical: horizontal }) : '') +
      '<c:numFmt formatCode="General" sourceLinked="1"/>' +
      '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
      '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>' +
      `<c:crossAx val="${VALUE_AXIS_ID}"/><c:crosses val="autoZero"/>` +
      '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>' +
      '</c:catAx>' +
      '<c:valAx>' +
      `<c:axId val="${VALUE_AXIS_ID}"/>` +
      '<c:scaling><c:orientation val="minMax"/></c:scaling>' +
      '<c:delete val="0"/>' +
      `<c:axPos val="${horizontal ? 'b' : 'l'}"/>` +
      '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
      (valueAxisTitle ? titleXml(valueAxisTitle, { size: 1000, bold: false, vertical: !horizontal }) : '') +
      '<c:numFmt formatCode="General" sourceLinked="1"/>' +
      '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
      `<c:crossAx val="${CATEGORY_AXIS_ID}"/>` +
      // Where this (value) axis crosses the category axis: at the last category when the categories
      // run top-down, so the value axis stays at the bottom of the plot.
      `<c:crosses val="${chart.reverseCategories ? 'max' : 'autoZero'}"/>` +
      '<c:crossBetween val="between"/>' +
      '</c:valAx>',
  );
}

const X_AXIS_ID = 333333333;
const Y_AXIS_ID = 444444444;

/**
 * A scatter chart part: `c:scatterStyle val="lineMarker"`, so each series decides for itself — a
 * marker series has circle markers and its line set to `a:noFill`; a line series has a solid or
 * dashed `a:ln` (`a:prstDash val="dash"`) and `c:marker/c:symbol val="none"` — and two value axes,
 * x along the bottom and y up the left, each crossing the other at zero (`crossBetween midCat`, as
 * Excel writes scatter axes).
 */
function buildScatterChartXml(chart: ChartXmlInput): string {
  const series = chart.series.map((one, index) => scatterSeriesXml(one, index)).join('');
  return chartSpaceXml(
    chart,
    '<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>' +
      series +
      `<c:axId val="${X_AXIS_ID}"/><c:axId val="${Y_AXIS_ID}"/>` +
      '</c:scatterChart>' +
      valueAxisXml({ id: X_AXIS_ID, crossAxis: Y_AXIS_ID, position: 'b', title: chart.xAxisTitle, gridlines: false }) +
      valueAxisXml({ id: Y_AXIS_ID, crossAxis: X_AXIS_ID, position: 'l', title: chart.yAxisTitle, gridlines: true }),
  );
}

/** The chart part around a plot area's contents: the chart space, its title, then the legend when shown. */
function chartSpaceXml(chart: ChartXmlInput, plotArea: string): string {
  const legend = legendShown(chart) ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_RELATIONSHIPS}">` +
    '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    titleXml(chart.title, { size: 1400, bold: true }) +
    '<c:autoTitleDeleted val="0"/>' +
    `<c:plotArea><c:layout/>${plotArea}</c:plotArea>` +
    legend +
    // Hidden cells are plotted: a sheet may fold its chart data away (grouped, collapsed columns).
    '<c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '</c:chartSpace>'
  );
}

function valueAxisXml(axis: {
  id: number;
  crossAxis: number;
  position: 'b' | 'l';
  title?: string;
  gridlines: boolean;
}): string {
  return (
    '<c:valAx>' +
    `<c:axId val="${axis.id}"/>` +
    '<c:scaling><c:orientation val="minMax"/></c:scaling>' +
    '<c:delete val="0"/>' +
    `<c:axPos val="${axis.position}"/>` +
    (axis.gridlines
      ? '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>'
      : '') +
    (axis.title ? titleXml(axis.title, { size: 1000, bold: false, vertical: axis.position === 'l' }) : '') +
    '<c:numFmt formatCode="General" sourceLinked="1"/>' +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>' +
    `<c:crossAx val="${axis.crossAxis}"/><c:crosses val="autoZero"/>` +
    '<c:crossBetween val="midCat"/>' +
    '</c:valAx>'
  );
}

function scatterSeriesXml(series: ChartXmlSeries, index: number): string {
  if (!series.xValues) throw new Error(`Scatter series '${series.name}' has no x values.`);
  const style = scatterSeriesStyle(series, index);
  const solid = `<a:solidFill><a:srgbClr val="${style.color}"/></a:solidFill>`;
  const look =
    style.kind === 'markers'
      ? '<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>' +
        `<c:marker><c:symbol val="circle"/><c:size val="${MARKER_SIZE}"/><c:spPr>${solid}<a:ln w="${OUTLINE_WIDTH_POINTS * EMU_PER_POINT}">${solid}</a:ln></c:spPr></c:marker>`
      : `<c:spPr><a:ln w="${SCATTER_LINE_WIDTH_POINTS * EMU_PER_POINT}" cap="rnd">${solid}${style.dashed ? '<a:prstDash val="dash"/>' : ''}<a:round/></a:ln></c:spPr>` +
        '<c:marker><c:symbol val="none"/></c:marker>';
  return (
    '<c:ser>' +
    `<c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>` +
    look +
    `<c:xVal>${numberReferenceXml(series.xValues)}</c:xVal>` +
    `<c:yVal>${numberReferenceXml(series.values)}</c:yVal>` +
    '<c:smooth val="0"/>' +
    '</c:ser>'
  );
}

function seriesXml(series: ChartXmlSeries, index: number): string {
  return (
    '<c:ser>' +
    `<c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>` +
    shapePropertiesXml(series, index) +
    '<c:invertIfNegative val="0"/>' +
    `<c:cat>${stringReferenceXml(series.categories)}</c:cat>` +
    `<c:val>${numberReferenceXml(series.values)}</c:val>` +
    '</c:ser>'
  );
}

/** A line series over columns (CT_LineSer: idx, order, tx, spPr, marker, cat, val, smooth): a solid or dashed line, no markers. */
function lineSeriesXml(series: ChartXmlSeries, index: number): string {
  const style = scatterSeriesStyle(series, index);
  if (style.kind !== 'line') throw new Error(`Series '${series.name}' is not drawn as a line.`);
  return (
    '<c:ser>' +
    `<c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>` +
    `<c:spPr><a:ln w="${SCATTER_LINE_WIDTH_POINTS * EMU_PER_POINT}" cap="rnd"><a:solidFill><a:srgbClr val="${style.color}"/></a:solidFill>${style.dashed ? '<a:prstDash val="dash"/>' : ''}<a:round/></a:ln></c:spPr>` +
    '<c:marker><c:symbol val="none"/></c:marker>' +
    `<c:cat>${stringReferenceXml(series.categories)}</c:cat>` +
    `<c:val>${numberReferenceXml(series.values)}</c:val>` +
    '<c:smooth val="0"/>' +
    '</c:ser>'
  );
}

/** EMUs to the point (ECMA-376 Part 1, 20.1.2.1: 12,700 EMU = 1 pt). */
const EMU_PER_POINT = 12_700;

/** A series' fill and outline: `a:noFill` for both, or a solid colour with an optional thin line. */
function shapePropertiesXml(series: ChartXmlSeries, index: number): string {
  const fill = seriesFill(series, index);
  if (fill.kind === 'none') return '<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>';
  const outline =
    fill.outline === undefined
      ? ''
      : `<a:ln w="${OUTLINE_WIDTH_POINTS * EMU_PER_POINT}"><a:solidFill><a:srgbClr val="${fill.outline}"/></a:solidFill></a:ln>`;
  return `<c:spPr><a:solidFill><a:srgbClr val="${fill.color}"/></a:solidFill>${outline}</c:spPr>`;
}

function stringReferenceXml(range: ChartDataRange<string>): string {
  const points = range.cache
    .map((value, index) => (value === null ? '' : `<c:pt idx="${index}"><c:v>${escapeXml(value)}</c:v></c:pt>`))
    .join('');
  return `<c:strRef><c:f>${escapeXml(range.formula)}</c:f><c:strCache><c:ptCount val="${range.cache.length}"/>${points}</c:strCache></c:strRef>`;
}

function numberReferenceXml(range: ChartDataRange<number>): string {
  const points = range.cache
    .map((value, index) =>
      value === null || !Number.isFinite(value) ? '' : `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`,
    )
    .join('');
  return (
    `<c:numRef><c:f>${escapeXml(range.formula)}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${range.cache.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function titleXml(text: string, options: { size: number; bold: boolean; vertical?: boolean }): string {
  const bodyPr = options.vertical ? '<a:bodyPr rot="-5400000" vert="horz"/>' : '<a:bodyPr/>';
  const runProperties = `sz="${options.size}" b="${options.bold ? 1 : 0}"`;
  return (
    '<c:title><c:tx><c:rich>' +
    bodyPr +
    '<a:lstStyle/>' +
    `<a:p><a:pPr><a:defRPr ${runProperties}/></a:pPr><a:r><a:rPr lang="en-GB" ${runProperties}/><a:t>${escapeXml(text)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx><c:overlay val="0"/></c:title>'
  );
}

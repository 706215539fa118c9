import type { ChartModel } from '../../report/sheetModel';
import { normaliseColor } from './color';
import { escapeXml } from './xmlText';

/**
 * DrawingML chart parts (ECMA-376 Part 1, 21.2 "DrawingML - Charts"): a `c:chartSpace` holding one
 * clustered `c:barChart`. Pure string building; element order follows the schema's sequences
 * (CT_BarChart: barDir, grouping, varyColors, ser*, gapWidth, axId x2; CT_BarSer: idx, order, tx,
 * spPr, invertIfNegative, errBars, cat, val; CT_ErrBars: errBarType, errValType, noEndCap, plus,
 * minus, spPr), which Excel enforces.
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
  readonly errorPlus?: ChartDataRange<number>;
  readonly errorMinus?: ChartDataRange<number>;
  /** 'RRGGBB' */
  readonly color?: string;
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
}

/** Office's default series colours, used when a series gives none. */
export const DEFAULT_SERIES_COLORS: readonly string[] = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CATEGORY_AXIS_ID = 111111111;
const VALUE_AXIS_ID = 222222222;

/**
 * The XML of a chart part (`xl/charts/chartN.xml`).
 *
 * A horizontal bar chart (`barHorizontal`, `c:barDir val="bar"`) has its categories on the left
 * axis and values along the bottom; `reverseCategories` sets the category axis orientation to
 * `maxMin` (first row at the top) and makes the value axis cross at the maximum category so it
 * stays at the bottom. Error bars are custom (`errValType cust`) with plus/minus ranges.
 */
export function buildChartXml(chart: ChartXmlInput): string {
  const horizontal = chart.type === 'barHorizontal';
  const categoryAxisTitle = horizontal ? chart.yAxisTitle : chart.xAxisTitle;
  const valueAxisTitle = horizontal ? chart.xAxisTitle : chart.yAxisTitle;
  const series = chart.series.map((one, index) => seriesXml(one, index)).join('');
  const legend = chart.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_RELATIONSHIPS}">` +
    '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    titleXml(chart.title, { size: 1400, bold: true }) +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart>' +
    `<c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    series +
    '<c:gapWidth val="60"/>' +
    `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>` +
    '</c:barChart>' +
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
    '</c:valAx>' +
    '</c:plotArea>' +
    legend +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '</c:chartSpace>'
  );
}

function seriesXml(series: ChartXmlSeries, index: number): string {
  const color = normaliseColor(series.color ?? DEFAULT_SERIES_COLORS[index % DEFAULT_SERIES_COLORS.length]);
  return (
    '<c:ser>' +
    `<c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:v>${escapeXml(series.name)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>` +
    '<c:invertIfNegative val="0"/>' +
    errorBarsXml(series) +
    `<c:cat>${stringReferenceXml(series.categories)}</c:cat>` +
    `<c:val>${numberReferenceXml(series.values)}</c:val>` +
    '</c:ser>'
  );
}

function errorBarsXml(series: ChartXmlSeries): string {
  const { errorPlus, errorMinus } = series;
  if (!errorPlus && !errorMinus) return '';
  const barType = errorPlus && errorMinus ? 'both' : errorPlus ? 'plus' : 'minus';
  return (
    '<c:errBars>' +
    `<c:errBarType val="${barType}"/><c:errValType val="cust"/><c:noEndCap val="0"/>` +
    (errorPlus ? `<c:plus>${numberReferenceXml(errorPlus)}</c:plus>` : '') +
    (errorMinus ? `<c:minus>${numberReferenceXml(errorMinus)}</c:minus>` : '') +
    '<c:spPr><a:ln w="12700"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>' +
    '</c:errBars>'
  );
}

function stringReferenceXml(range: ChartDataRange<string>): string {
  const points = range.cache
    .map((value, index) => (value === null ? '' : `<c:pt idx="${index}"><c:v>${escapeXml(value)}</c:v></c:pt>`))
    .join('');
  return `<c:strRef><c:f>${escapeXml(range.formula)}</c:f><c:strCache><c:ptCount val="${range.cache.length}"/>${points}</c:strCache></c:strRef>`;
}

function numberReferenceXml(range: ChartDataRange<number>): string {
  const points = range.cache
    .map((value, index) => (value === null || !Number.isFinite(value) ? '' : `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`))
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


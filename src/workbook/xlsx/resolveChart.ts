import type { ChartModel, RangeRef } from '../../report/sheetModel';
import { rangeAddress } from '../formulaRefs';
import type { ChartDataRange, ChartXmlInput } from './chartXml';
import { displayedValue, type SheetCellLookup } from './sheetCellIndex';
import { isoDay } from '../../core/isoDay';

/** How a chart's ranges are found: sheet base name -> final name, and the cells each model sheet writes. */
export interface ChartSheets {
  /** Base name -> final sheet name for the run. */
  readonly names: ReadonlyMap<string, string>;
  /** Cell lookup by base name (or final name) of each sheet the run writes. */
  readonly cells: ReadonlyMap<string, SheetCellLookup>;
}

/**
 * A chart model with each range turned into an absolute reference on its final sheet and the
 * values the run writes there (so the chart renders without recalculation). A range's `sheet` is a
 * sheet base name of the run; a name the run does not know is taken as a final sheet name, with an
 * empty cache.
 * @example resolveChart(chart, sheets).series[0].values.formula // => "'Schools (2)'!$E$2:$E$21"
 */
export function resolveChart(chart: ChartModel, sheets: ChartSheets): ChartXmlInput {
  return {
    title: chart.title,
    type: chart.type,
    xAxisTitle: chart.xAxisTitle,
    yAxisTitle: chart.yAxisTitle,
    reverseCategories: chart.reverseCategories,
    legend: chart.legend,
    series: chart.series.map((series) => ({
      name: series.name,
      color: series.color,
      outline: series.outline,
      categories: resolveRange(series.categories, sheets, categoryText),
      values: resolveRange(series.values, sheets, numericValue),
      // A scatter chart's categories are its x values: numbers.
      ...(chart.type === 'scatter' ? { xValues: resolveRange(series.categories, sheets, numericValue) } : {}),
      // How a scatter series is drawn, or a line over columns.
      ...(series.draw !== undefined ? { draw: series.draw } : {}),
    })),
  };
}

function resolveRange<T>(
  range: RangeRef,
  sheets: ChartSheets,
  convert: (value: ReturnType<typeof displayedValue>) => T | null,
): ChartDataRange<T> {
  if (range.lastRow < range.firstRow) {
    throw new Error(
      `Chart range on '${range.sheet}' ends (row ${range.lastRow}) before it starts (row ${range.firstRow}).`,
    );
  }
  const finalName = sheets.names.get(range.sheet) ?? range.sheet;
  const lookup = sheets.cells.get(range.sheet) ?? sheets.cells.get(finalName);
  const cache: (T | null)[] = [];
  for (let row = range.firstRow; row <= range.lastRow; row++) {
    cache.push(lookup ? convert(displayedValue(lookup(row, range.col))) : null);
  }
  return {
    formula: rangeAddress(range.firstRow, range.col, range.lastRow, range.col, { absolute: true, sheet: finalName }),
    cache,
  };
}

function categoryText(value: ReturnType<typeof displayedValue>): string | null {
  if (value === null) return null;
  if (value instanceof Date) return isoDay(value);
  return String(value);
}

/** Numbers only: suppressed cells (`[c]`) and other text are gaps in the chart. */
function numericValue(value: ReturnType<typeof displayedValue>): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

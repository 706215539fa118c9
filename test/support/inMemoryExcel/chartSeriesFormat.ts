import { ClientObject, installProperties, type PropertySpecs } from './clientObject';
import type { InMemoryRequestContext, ObjectPath } from './requestContext';
import { colorValue, numberValue, oneOf } from './valueChecks';
import type { RangeRefState, SeriesState } from './workbookState';

/**
 * How a chart series looks, as Excel keeps it: `ChartSeries.format` with its `fill`
 * (ChartFill.setSolidColor and clear, ExcelApi 1.1) and `line` (ChartLineFormat: color 1.1,
 * lineStyle and weight 1.7), and the new series' defaults.
 */

/** Excel.ChartLineStyle. */
const LINE_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Grey25',
  'Grey50',
  'Grey75',
  'Automatic',
  'RoundDot',
] as const;

/** Chart types whose series Excel stacks in one bar: it gives them an overlap of 100, the others 0. */
const STACKED_TYPES: readonly string[] = ['ColumnStacked', 'BarStacked'];

/**
 * A series as Excel makes it on a chart of `chartType`: the automatic colour and outline (Excel's
 * default 0.75 pt), a gap width of 150, the type's overlap, the chart's type and automatic markers
 * of 5 points.
 */
export function newSeriesState(name: string, values: RangeRefState | null, chartType: string): SeriesState {
  return {
    name,
    values,
    categories: null,
    fill: null,
    line: { lineStyle: 'Automatic', color: null, weight: 0.75 },
    gapWidth: 150,
    overlap: STACKED_TYPES.includes(chartType) ? 100 : 0,
    chartType,
    marker: { style: 'Automatic', size: 5, background: null, foreground: null },
  };
}

/** `ChartSeries.format`: the way to its fill and line. */
export class ChartSeriesFormatProxy extends ClientObject<SeriesState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly series: () => SeriesState,
  ) {
    super(context, path, 'ChartSeriesFormat');
  }

  protected _locate(): SeriesState {
    return this.series();
  }

  get fill(): ChartFillProxy {
    return this._child('fill', (path) => new ChartFillProxy(this.context, path, this.series));
  }

  get line(): ChartLineFormatProxy {
    return this._child('line', (path) => new ChartLineFormatProxy(this.context, path, () => this.series().line));
  }
}

installProperties<SeriesState>(ChartSeriesFormatProxy, {});

/** `ChartSeriesFormat.fill`: a solid colour, or cleared to no fill (how a series is made invisible). */
export class ChartFillProxy extends ClientObject<SeriesState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly series: () => SeriesState,
  ) {
    super(context, path, 'ChartFill');
  }

  protected _locate(): SeriesState {
    return this.series();
  }

  setSolidColor(color: string): void {
    this._method(
      'setSolidColor',
      [color],
      () => void (this._target().fill = colorValue(color, 'ChartFill.setSolidColor')),
    );
  }

  /** Leaves the series with no fill at all ('none'), not the automatic colour. */
  clear(): void {
    this._method('clear', [], () => void (this._target().fill = 'none'));
  }
}

installProperties<SeriesState>(ChartFillProxy, {});

/** `ChartSeriesFormat.line`: the outline of a bar series' bars. */
export class ChartLineFormatProxy extends ClientObject<SeriesState['line']> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly line: () => SeriesState['line'],
  ) {
    super(context, path, 'ChartLineFormat');
  }

  protected _locate(): SeriesState['line'] {
    return this.line();
  }
}

installProperties<SeriesState['line']>(ChartLineFormatProxy, {
  color: {
    read: (line) => line.color ?? '',
    write: (line, value, location) => void (line.color = colorValue(value, location)),
  },
  lineStyle: {
    read: (line) => line.lineStyle,
    write: (line, value, location) => void (line.lineStyle = oneOf(value, LINE_STYLES, location)),
  },
  // Excel's widest line is 1,584 points.
  weight: {
    read: (line) => line.weight,
    write: (line, value, location) => void (line.weight = numberValue(value, location, 0, 1584)),
  },
} satisfies PropertySpecs<SeriesState['line']>);

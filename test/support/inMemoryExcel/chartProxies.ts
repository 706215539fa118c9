import { parseAddress, type Bounds } from './a1';
import { ClientObject, CollectionObject, installProperties, type PropertySpecs } from './clientObject';
import { booleanValue, colorValue, numberValue, oneOf } from './valueChecks';
import { invalidArgument, notImplemented } from './excelError';
import { ChartSeriesFormatProxy, newSeriesState } from './chartSeriesFormat';
import type { RangeProxy } from './rangeProxies';
import { PATH_TYPE, type InMemoryRequestContext, type ObjectPath } from './requestContext';
import type { AxisState, ChartState, RangeRefState, SeriesState, SheetState } from './workbookState';

/** Chart types the in-memory Excel draws; other valid Excel chart types are refused as NotImplemented. */
const MODELLED_TYPES = [
  'ColumnClustered',
  'BarClustered',
  'ColumnStacked',
  'BarStacked',
  'Line',
  'LineMarkers',
  'Pie',
  'XYScatter',
] as const;
const OTHER_EXCEL_TYPES = [
  'ColumnStacked100',
  'BarStacked100',
  'Area',
  'AreaStacked',
  'Doughnut',
  'Radar',
  'Histogram',
  'Waterfall',
  'Treemap',
  'Funnel',
  'Bubble',
];
const LEGEND_POSITIONS = ['Invalid', 'Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'] as const;
const AXIS_POSITIONS = ['Automatic', 'Maximum', 'Minimum', 'Custom'] as const;
/** Excel.ChartMarkerStyle. */
const MARKER_STYLES = [
  'Invalid',
  'Automatic',
  'None',
  'Square',
  'Diamond',
  'Triangle',
  'X',
  'Star',
  'Dot',
  'Dash',
  'Circle',
  'Plus',
  'Picture',
] as const;
/** The scatter family, whose series may take each other's types (a line series on a markers-only chart). */
const SCATTER_TYPES = [
  'XYScatter',
  'XYScatterLines',
  'XYScatterLinesNoMarkers',
  'XYScatterSmooth',
  'XYScatterSmoothNoMarkers',
] as const;

function rangeRef(range: RangeProxy): RangeRefState {
  const target = range._target();
  return { sheetId: target.sheet.id, bounds: target.bounds };
}

export function chartCollectionFor(
  context: InMemoryRequestContext,
  path: ObjectPath,
  sheet: () => SheetState,
): ChartCollectionProxy {
  return new ChartCollectionProxy(context, path, sheet);
}

export class ChartCollectionProxy extends CollectionObject<ChartState, ChartProxy> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly sheet: () => SheetState,
  ) {
    super(context, path, 'ChartCollection');
  }

  protected _locate(): readonly ChartState[] {
    return this.sheet().charts;
  }

  protected _itemProxy(chart: ChartState): ChartProxy {
    return new ChartProxy(
      this.context,
      this.context.newPath(PATH_TYPE.ReferenceId, String(chart.id), this._path),
      () => chart,
    );
  }

  /**
   * A chart of `sourceData` with one series per column (by 'Columns', or 'Auto' on a range taller
   * than wide) or per row, named 'Chart N', not yet placed.
   */
  add(type: string, sourceData: RangeProxy, seriesBy: 'Auto' | 'Columns' | 'Rows' = 'Auto'): ChartProxy {
    let created: ChartState | undefined;
    const proxy = new ChartProxy(
      this.context,
      this._childPath('add', [type, '(range)', seriesBy]),
      () => created ?? null,
    );
    this._method('add', [type, sourceData, seriesBy], () => {
      const location = 'ChartCollection.add';
      if (OTHER_EXCEL_TYPES.includes(type)) throw notImplemented(location, `charts of type '${type}'`);
      const chartType = oneOf(type, MODELLED_TYPES, location);
      const by = oneOf(seriesBy, ['Auto', 'Columns', 'Rows'] as const, location);
      const source = sourceData._target();
      const { firstRow, firstCol, lastRow, lastCol } = source.bounds;
      const byColumns = by === 'Columns' || (by === 'Auto' && lastRow - firstRow >= lastCol - firstCol);
      const parts: Bounds[] = byColumns
        ? Array.from({ length: lastCol - firstCol + 1 }, (_unused, i) => ({
            firstRow,
            lastRow,
            firstCol: firstCol + i,
            lastCol: firstCol + i,
          }))
        : Array.from({ length: lastRow - firstRow + 1 }, (_unused, i) => ({
            firstRow: firstRow + i,
            lastRow: firstRow + i,
            firstCol,
            lastCol,
          }));
      const sheet = this.sheet();
      const axis = (): AxisState => ({
        title: '',
        titleVisible: false,
        reversePlotOrder: false,
        position: 'Automatic',
      });
      const { state } = this.context;
      created = {
        id: state.nextId++,
        name: `Chart ${sheet.charts.length + 1}`,
        type: chartType,
        title: { text: '', visible: parts.length === 1 },
        series: parts.map((bounds, index) =>
          newSeriesState(`Series${index + 1}`, { sheetId: source.sheet.id, bounds }, chartType),
        ),
        categoryAxis: axis(),
        valueAxis: axis(),
        legend: { visible: parts.length > 1, position: 'Right' },
        position: null,
        plotVisibleOnly: true,
      };
      sheet.charts.push(created);
    });
    return proxy;
  }
}

installProperties<readonly ChartState[]>(ChartCollectionProxy, {});

export class ChartProxy extends ClientObject<ChartState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly find: () => ChartState | null,
  ) {
    super(context, path, 'Chart');
  }

  protected _locate(): ChartState | null {
    return this.find();
  }

  get title(): ChartPartProxy<ChartState['title']> {
    return this._child('title', (path) => new ChartTitleProxy(this.context, path, () => this._target().title));
  }

  get legend(): ChartPartProxy<ChartState['legend']> {
    return this._child('legend', (path) => new ChartLegendProxy(this.context, path, () => this._target().legend));
  }

  get series(): ChartSeriesCollectionProxy {
    return this._child('series', (path) => new ChartSeriesCollectionProxy(this.context, path, () => this._target()));
  }

  get axes(): { readonly categoryAxis: ChartAxisProxy; readonly valueAxis: ChartAxisProxy } {
    return this._child('axes', (path) => ({
      categoryAxis: new ChartAxisProxy(
        this.context,
        this.context.newPath(PATH_TYPE.Property, 'categoryAxis', path),
        () => this._target().categoryAxis,
      ),
      valueAxis: new ChartAxisProxy(
        this.context,
        this.context.newPath(PATH_TYPE.Property, 'valueAxis', path),
        () => this._target().valueAxis,
      ),
    }));
  }

  /** Places the chart over the cells from `startCell` to `endCell` (inclusive), on its own sheet. */
  setPosition(startCell: string, endCell?: string): void {
    this._method('setPosition', endCell === undefined ? [startCell] : [startCell, endCell], () => {
      const start = parseAddress(String(startCell));
      const end = endCell === undefined ? start : parseAddress(String(endCell));
      if (!start || !end) throw invalidArgument('Chart.setPosition', `'${startCell}' to '${endCell}' are not cells`);
      this._target().position = { start, end };
    });
  }
}

installProperties<ChartState>(ChartProxy, {
  name: {
    read: (chart) => chart.name,
    write: (chart, value, location) => {
      if (typeof value !== 'string' || value === '') throw invalidArgument(location, 'a chart name is text');
      chart.name = value;
    },
  },
  chartType: { read: (chart) => chart.type },
  plotVisibleOnly: {
    read: (chart) => chart.plotVisibleOnly,
    write: (chart, value, location) => void (chart.plotVisibleOnly = booleanValue(value, location)),
  },
} satisfies PropertySpecs<ChartState>);

/** A part of a chart found through the chart (its title, its legend). */
abstract class ChartPartProxy<P> extends ClientObject<P> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly part: () => P,
    entity: string,
  ) {
    super(context, path, entity);
  }

  protected _locate(): P {
    return this.part();
  }
}

class ChartTitleProxy extends ChartPartProxy<ChartState['title']> {
  constructor(context: InMemoryRequestContext, path: ObjectPath, part: () => ChartState['title']) {
    super(context, path, part, 'ChartTitle');
  }
}

installProperties<ChartState['title']>(ChartTitleProxy, {
  text: {
    read: (title) => title.text,
    write: (title, value) => void ((title.text = String(value)), (title.visible = true)),
  },
  visible: {
    read: (title) => title.visible,
    write: (title, value, location) => void (title.visible = booleanValue(value, location)),
  },
} satisfies PropertySpecs<ChartState['title']>);

class ChartLegendProxy extends ChartPartProxy<ChartState['legend']> {
  constructor(context: InMemoryRequestContext, path: ObjectPath, part: () => ChartState['legend']) {
    super(context, path, part, 'ChartLegend');
  }
}

installProperties<ChartState['legend']>(ChartLegendProxy, {
  visible: {
    read: (legend) => legend.visible,
    write: (legend, value, location) => void (legend.visible = booleanValue(value, location)),
  },
  position: {
    read: (legend) => legend.position,
    write: (legend, value, location) => void (legend.position = oneOf(value, LEGEND_POSITIONS, location)),
  },
} satisfies PropertySpecs<ChartState['legend']>);

export class ChartAxisProxy extends ChartPartProxy<AxisState> {
  constructor(context: InMemoryRequestContext, path: ObjectPath, part: () => AxisState) {
    super(context, path, part, 'ChartAxis');
  }

  get title(): ChartAxisTitleProxy {
    return this._child('title', (path) => new ChartAxisTitleProxy(this.context, path, () => this._target()));
  }
}

installProperties<AxisState>(ChartAxisProxy, {
  reversePlotOrder: {
    read: (axis) => axis.reversePlotOrder,
    write: (axis, value, location) => void (axis.reversePlotOrder = booleanValue(value, location)),
  },
  position: {
    read: (axis) => axis.position,
    write: (axis, value, location) => void (axis.position = oneOf(value, AXIS_POSITIONS, location)),
  },
} satisfies PropertySpecs<AxisState>);

export class ChartAxisTitleProxy extends ChartPartProxy<AxisState> {
  constructor(context: InMemoryRequestContext, path: ObjectPath, part: () => AxisState) {
    super(context, path, part, 'ChartAxisTitle');
  }
}

installProperties<AxisState>(ChartAxisTitleProxy, {
  text: { read: (axis) => axis.title, write: (axis, value) => void (axis.title = String(value)) },
  visible: {
    read: (axis) => axis.titleVisible,
    write: (axis, value, location) => void (axis.titleVisible = booleanValue(value, location)),
  },
} satisfies PropertySpecs<AxisState>);

export class ChartSeriesCollectionProxy extends CollectionObject<SeriesState, ChartSeriesProxy> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly chart: () => ChartState,
  ) {
    super(context, path, 'ChartSeriesCollection');
  }

  protected _locate(): readonly SeriesState[] {
    return this.chart().series;
  }

  protected _itemProxy(series: SeriesState): ChartSeriesProxy {
    return new ChartSeriesProxy(
      this.context,
      this.context.newPath(PATH_TYPE.Indexer, 'series', this._path),
      () => series,
    );
  }

  /** The series at `index`; ItemNotFound at sync past the last one. */
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(
      this.context,
      this._childPath('getItemAt', [index]),
      () => this.chart().series[index] ?? null,
    );
  }

  /** A new series with no data yet (give it values with setValues). */
  add(name?: string): ChartSeriesProxy {
    let created: SeriesState | undefined;
    const proxy = new ChartSeriesProxy(
      this.context,
      this._childPath('add', name === undefined ? [] : [name]),
      () => created ?? null,
    );
    this._method('add', name === undefined ? [] : [name], () => {
      const chart = this.chart();
      created = newSeriesState(name ?? `Series${chart.series.length + 1}`, null, chart.type);
      chart.series.push(created);
    });
    return proxy;
  }
}

installProperties<readonly SeriesState[]>(ChartSeriesCollectionProxy, { count: { read: (series) => series.length } });

export class ChartSeriesProxy extends ClientObject<SeriesState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly find: () => SeriesState | null,
  ) {
    super(context, path, 'ChartSeries');
  }

  protected _locate(): SeriesState | null {
    return this.find();
  }

  setValues(sourceData: RangeProxy): void {
    this._method('setValues', [sourceData], () => void (this._target().values = rangeRef(sourceData)));
  }

  setXAxisValues(sourceData: RangeProxy): void {
    this._method('setXAxisValues', [sourceData], () => void (this._target().categories = rangeRef(sourceData)));
  }

  get format(): ChartSeriesFormatProxy {
    return this._child('format', (path) => new ChartSeriesFormatProxy(this.context, path, () => this._target()));
  }
}

installProperties<SeriesState>(ChartSeriesProxy, {
  name: { read: (series) => series.name, write: (series, value) => void (series.name = String(value)) },
  gapWidth: {
    read: (series) => series.gapWidth,
    write: (series, value, location) => void (series.gapWidth = numberValue(value, location, 0, 500)),
  },
  overlap: {
    read: (series) => series.overlap,
    write: (series, value, location) => void (series.overlap = numberValue(value, location, -100, 100)),
  },
  // Modelled within the scatter family, and a column series made a line (a combo chart on the same axes);
  // any other change of type is refused.
  chartType: {
    read: (series) => series.chartType,
    write: (series, value, location) => {
      const type = oneOf(value, [...MODELLED_TYPES, ...SCATTER_TYPES], location);
      const scatter = (name: string) => (SCATTER_TYPES as readonly string[]).includes(name);
      const columnToLine = series.chartType.startsWith('Column') && (type === 'Line' || type === 'LineMarkers');
      if (!columnToLine && scatter(type) !== scatter(series.chartType))
        throw notImplemented(location, `changing a '${series.chartType}' series to '${type}'`);
      if (!columnToLine && !scatter(type) && type !== series.chartType)
        throw notImplemented(location, `changing a '${series.chartType}' series to '${type}'`);
      series.chartType = type;
    },
  },
  markerStyle: {
    read: (series) => series.marker.style,
    write: (series, value, location) => void (series.marker.style = oneOf(value, MARKER_STYLES, location)),
  },
  // Excel takes marker sizes from 2 to 72 points.
  markerSize: {
    read: (series) => series.marker.size,
    write: (series, value, location) => void (series.marker.size = numberValue(value, location, 2, 72)),
  },
  markerBackgroundColor: {
    read: (series) => series.marker.background ?? '',
    write: (series, value, location) => void (series.marker.background = colorValue(value, location)),
  },
  markerForegroundColor: {
    read: (series) => series.marker.foreground ?? '',
    write: (series, value, location) => void (series.marker.foreground = colorValue(value, location)),
  },
} satisfies PropertySpecs<SeriesState>);

import { LAST_COLUMN, LAST_ROW, overlaps, parseAddress, type Bounds } from './a1';
import { chartCollectionFor, type ChartCollectionProxy } from './chartProxies';
import { ClientObject, CollectionObject, installProperties, type PropertySpecs } from './clientObject';
import { EventHandlersProxy } from './eventProxies';
import { colorValue, numberValue, oneOf } from './valueChecks';
import { invalidArgument, invalidOperation, itemNotFound, notImplemented } from './excelError';
import { withMissingSheetsAsRefErrors } from './formulaSheetRefs';
import { checkSheetName, checkTableName } from './nameRules';
import { RangeProxy } from './rangeProxies';
import { PATH_TYPE, type InMemoryRequestContext, type ObjectPath } from './requestContext';
import { shapeCollectionFor, type ShapeCollectionProxy } from './shapeProxies';
import {
  raiseEvent,
  type WorksheetAddedArgs,
  type WorksheetChangedArgs,
  type WorksheetDeletedArgs,
} from './workbookEvents';
import {
  editCell,
  newSheet,
  sheetById,
  sheetByName,
  usedBounds,
  worksheetId,
  type SheetState,
  type TableState,
  type WorkbookState,
} from './workbookState';

export class WorkbookProxy extends ClientObject<WorkbookState> {
  constructor(context: InMemoryRequestContext) {
    super(context, context.newPath(PATH_TYPE.GlobalObject, 'Workbook'), 'Workbook');
  }

  protected _locate(): WorkbookState {
    return this.context.state;
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._child('worksheets', (path) => new WorksheetCollectionProxy(this.context, path));
  }

  /** Every table of the workbook. */
  get tables(): TableCollectionProxy {
    return this._child('tables', (path) => new TableCollectionProxy(this.context, path, undefined));
  }
}

installProperties<WorkbookState>(WorkbookProxy, {});

export class WorksheetCollectionProxy extends CollectionObject<SheetState, WorksheetProxy> {
  constructor(context: InMemoryRequestContext, path: ObjectPath) {
    super(context, path, 'WorksheetCollection');
  }

  protected _locate(): readonly SheetState[] {
    return this.context.state.sheets;
  }

  protected _itemProxy(sheet: SheetState): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this.context.newPath(PATH_TYPE.ReferenceId, String(sheet.id), this._path),
      () => sheet,
      sheet.id,
    );
  }

  /** The sheet of that name (ignoring case); ItemNotFound at sync when there is none. */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this._childPath('getItem', [key]), () =>
      sheetByName(this.context.state, key),
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, this._childPath('getItemOrNullObject', [key]), () =>
      sheetByName(this.context.state, key),
    );
    proxy._queueNullCheck();
    return proxy;
  }

  /** Any cell of any sheet edited (ExcelApi 1.9): by the analyst, a co-author or an add-in, this one included. */
  get onChanged(): EventHandlersProxy<WorksheetChangedArgs> {
    return this._child(
      'onChanged',
      (path) => new EventHandlersProxy<WorksheetChangedArgs>(this.context, path, 'WorksheetChanged'),
    );
  }

  /** A sheet added (ExcelApi 1.7). */
  get onAdded(): EventHandlersProxy<WorksheetAddedArgs> {
    return this._child(
      'onAdded',
      (path) => new EventHandlersProxy<WorksheetAddedArgs>(this.context, path, 'WorksheetAdded'),
    );
  }

  /** A sheet deleted (ExcelApi 1.7). */
  get onDeleted(): EventHandlersProxy<WorksheetDeletedArgs> {
    return this._child(
      'onDeleted',
      (path) => new EventHandlersProxy<WorksheetDeletedArgs>(this.context, path, 'WorksheetDeleted'),
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this._childPath('getActiveWorksheet', []), () =>
      sheetById(this.context.state, this.context.state.activeSheetId),
    );
  }

  /**
   * Adds a sheet at the end of the tabs without activating it (as Excel's WorksheetCollection.add).
   * Names follow Excel's rules; with no name Excel picks the next free 'SheetN'.
   */
  add(name?: string): WorksheetProxy {
    let createdId: number | undefined;
    const proxy = new WorksheetProxy(this.context, this._childPath('add', name === undefined ? [] : [name]), () =>
      createdId === undefined ? undefined : sheetById(this.context.state, createdId),
    );
    this._method('add', name === undefined ? [] : [name], () => {
      const { state } = this.context;
      const names = state.sheets.map((sheet) => sheet.name);
      let chosen = name;
      for (let n = 1; chosen === undefined; n++)
        if (!names.some((other) => other.toUpperCase() === `SHEET${n}`)) chosen = `Sheet${n}`;
      const sheet = newSheet(state, checkSheetName(chosen, names, 'WorksheetCollection.add'));
      state.sheets.push(sheet);
      createdId = sheet.id;
      raiseEvent(state.events, { type: 'WorksheetAdded', worksheetId: worksheetId(sheet), source: 'Local' });
    });
    return proxy;
  }
}

installProperties<readonly SheetState[]>(WorksheetCollectionProxy, {});

export class WorksheetProxy extends ClientObject<SheetState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly find: () => SheetState | undefined,
    private sheetId?: number,
  ) {
    super(context, path, 'Worksheet');
  }

  /** Found by name once, then followed by identity (as Excel's object ids). */
  protected _locate(): SheetState | null {
    if (this.sheetId !== undefined) return sheetById(this.context.state, this.sheetId) ?? null;
    const sheet = this.find();
    if (sheet) this.sheetId = sheet.id;
    return sheet ?? null;
  }

  get tables(): TableCollectionProxy {
    return this._child('tables', (path) => new TableCollectionProxy(this.context, path, () => this._target()));
  }

  get charts(): ChartCollectionProxy {
    return this._child('charts', (path) => chartCollectionFor(this.context, path, () => this._target()));
  }

  get shapes(): ShapeCollectionProxy {
    return this._child('shapes', (path) => shapeCollectionFor(this.context, path, () => this._target()));
  }

  /** How the sheet prints (ExcelApi 1.9). */
  get pageLayout(): PageLayoutProxy {
    return this._child('pageLayout', (path) => new PageLayoutProxy(this.context, path, () => this._target()));
  }

  get freezePanes(): FreezePanesProxy {
    return this._child('freezePanes', (path) => new FreezePanesProxy(this.context, path, () => this._target()));
  }

  /** A range by A1 address (no sheet part), or the whole sheet. InvalidArgument at sync for a bad address. */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      this._childPath('getRange', address === undefined ? [] : [address]),
      () => this._target(),
      () => {
        if (address === undefined) return { firstRow: 0, firstCol: 0, lastRow: LAST_ROW, lastCol: LAST_COLUMN };
        const bounds = parseAddress(address);
        if (!bounds) throw invalidArgument('Worksheet.getRange', `'${address}' is not an address on this sheet`);
        return bounds;
      },
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(
      this.context,
      this._childPath('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount]),
      () => this._target(),
      () => {
        const bounds: Bounds = {
          firstRow: startRow,
          firstCol: startColumn,
          lastRow: startRow + rowCount - 1,
          lastCol: startColumn + columnCount - 1,
        };
        const valid =
          [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) &&
          rowCount > 0 &&
          columnCount > 0 &&
          bounds.firstRow >= 0 &&
          bounds.firstCol >= 0 &&
          bounds.lastRow <= LAST_ROW &&
          bounds.lastCol <= LAST_COLUMN;
        if (!valid)
          throw invalidArgument(
            'Worksheet.getRangeByIndexes',
            `(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is not a range on the sheet`,
          );
        return bounds;
      },
    );
  }

  /** The used range; on a sheet with nothing used, cell A1 (as Excel). */
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      this._childPath('getUsedRange', [valuesOnly]),
      () => this._target(),
      (sheet) => usedBounds(sheet, valuesOnly) ?? { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0 },
    );
  }

  /** The used range, or a null object on a sheet with nothing used. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const proxy = new RangeProxy(
      this.context,
      this._childPath('getUsedRangeOrNullObject', [valuesOnly]),
      () => this._target(),
      (sheet) => usedBounds(sheet, valuesOnly) ?? null,
    );
    proxy._queueNullCheck();
    return proxy;
  }

  activate(): void {
    this._method('activate', [], () => {
      this.context.state.activeSheetId = this._target().id;
    });
  }

  /**
   * Deletes the sheet with its tables, charts and pictures; formulas on other sheets that named it
   * become `#REF!`. The last sheet cannot be deleted; the active sheet passes to a neighbour.
   */
  delete(): void {
    this._method('delete', [], () => {
      const { state } = this.context;
      const sheet = this._target();
      if (state.sheets.length === 1)
        throw invalidOperation('Worksheet.delete', 'a workbook must keep at least one sheet');
      const index = state.sheets.indexOf(sheet);
      state.sheets.splice(index, 1);
      for (let t = state.tables.length - 1; t >= 0; t--)
        if (state.tables[t].sheetId === sheet.id) state.tables.splice(t, 1);
      if (state.activeSheetId === sheet.id)
        state.activeSheetId = state.sheets[Math.min(index, state.sheets.length - 1)].id;
      raiseEvent(state.events, { type: 'WorksheetDeleted', worksheetId: worksheetId(sheet), source: 'Local' });
      for (const other of state.sheets) {
        for (const cell of other.cells.values()) {
          if (cell.content.kind === 'formula') {
            cell.content = {
              kind: 'formula',
              formula: withMissingSheetsAsRefErrors(
                cell.content.formula,
                (name) => sheetByName(state, name) !== undefined,
              ),
            };
          }
        }
        for (const chart of other.charts) {
          for (const series of chart.series) {
            if (series.values?.sheetId === sheet.id) series.values = null;
            if (series.categories?.sheetId === sheet.id) series.categories = null;
          }
        }
      }
    });
  }
}

installProperties<SheetState>(WorksheetProxy, {
  id: { read: (sheet) => worksheetId(sheet) },
  name: { read: (sheet) => sheet.name },
  position: { read: (sheet, state) => state.sheets.indexOf(sheet) },
  visibility: {
    read: (sheet) => sheet.visibility,
    write: (sheet, value, location) => {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden')
        throw new Error(`${location}: visibility must be Visible, Hidden or VeryHidden, got ${String(value)}.`);
      sheet.visibility = value;
    },
  },
  tabColor: {
    read: (sheet) => sheet.tabColor,
    write: (sheet, value, location) => void (sheet.tabColor = value === '' ? '' : colorValue(value, location)),
  },
} satisfies PropertySpecs<SheetState>);

export class FreezePanesProxy extends ClientObject<SheetState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly sheet: () => SheetState,
  ) {
    super(context, path, 'WorksheetFreezePanes');
  }

  protected _locate(): SheetState {
    return this.sheet();
  }

  /** Freezes the top `count` rows (0 unfreezes), as WorksheetFreezePanes.freezeRows. */
  freezeRows(count = 1): void {
    this._method('freezeRows', [count], () => {
      this._target().frozenRows = numberValue(count, 'WorksheetFreezePanes.freezeRows', 0, LAST_ROW);
    });
  }

  /** Freezes the first `count` columns (0 unfreezes them), as WorksheetFreezePanes.freezeColumns. */
  freezeColumns(count = 1): void {
    this._method('freezeColumns', [count], () => {
      this._target().frozenColumns = numberValue(count, 'WorksheetFreezePanes.freezeColumns', 0, LAST_COLUMN);
    });
  }

  /**
   * Freezes the rows above and the columns left of a range's far corner, as
   * WorksheetFreezePanes.freezeAt: the range is the top-left block that stays in view.
   */
  freezeAt(frozenRange: string): void {
    this._method('freezeAt', [frozenRange], () => {
      const bounds = typeof frozenRange === 'string' ? parseAddress(frozenRange) : undefined;
      if (!bounds || bounds.firstRow !== 0 || bounds.firstCol !== 0)
        throw invalidArgument('WorksheetFreezePanes.freezeAt', `'${String(frozenRange)}' is not a block from A1`);
      const sheet = this._target();
      sheet.frozenRows = bounds.lastRow === LAST_ROW ? 0 : bounds.lastRow + 1;
      sheet.frozenColumns = bounds.lastCol === LAST_COLUMN ? 0 : bounds.lastCol + 1;
    });
  }

  unfreeze(): void {
    this._method('unfreeze', [], () => {
      const sheet = this._target();
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
}

installProperties<SheetState>(FreezePanesProxy, {});

/**
 * A sheet's Excel.PageLayout, the members the adapter uses (ExcelApi 1.9): `orientation`, `zoom`
 * (set as a whole object, a percentage `scale` from 10 to 400 or pages wide and tall, not both)
 * `setPrintTitleRows` (whole rows only, as Excel requires) and `setPrintArea` (one range address).
 */
export class PageLayoutProxy extends ClientObject<SheetState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly sheet: () => SheetState,
  ) {
    super(context, path, 'PageLayout');
  }

  protected _locate(): SheetState {
    return this.sheet();
  }

  setPrintTitleRows(printTitleRows: string): void {
    this._method('setPrintTitleRows', [printTitleRows], () => {
      const location = 'PageLayout.setPrintTitleRows';
      const bounds = typeof printTitleRows === 'string' ? parseAddress(printTitleRows) : undefined;
      if (!bounds || bounds.firstCol !== 0 || bounds.lastCol !== LAST_COLUMN)
        throw invalidArgument(location, `'${String(printTitleRows)}' is not whole rows, such as '$5:$5'`);
      this._target().pageLayout.printTitleRows = bounds;
    });
  }

  setPrintArea(printArea: string): void {
    this._method('setPrintArea', [printArea], () => {
      const bounds = typeof printArea === 'string' ? parseAddress(printArea) : undefined;
      if (!bounds)
        throw invalidArgument(
          'PageLayout.setPrintArea',
          `'${String(printArea)}' is not a range address, such as 'A1:D20'`,
        );
      this._target().pageLayout.printArea = bounds;
    });
  }
}

installProperties<SheetState>(PageLayoutProxy, {
  orientation: {
    read: (sheet) => sheet.pageLayout.orientation,
    write: (sheet, value, location) =>
      void (sheet.pageLayout.orientation = oneOf(value, ['Portrait', 'Landscape'] as const, location)),
  },
  zoom: {
    read: (sheet) => ({ ...sheet.pageLayout.zoom }),
    write: (sheet, value, location) => {
      const { scale, horizontalFitToPages, verticalFitToPages, ...other } = (value ?? {}) as Record<string, unknown>;
      if (Object.keys(other).length > 0)
        throw invalidArgument(location, `${Object.keys(other).join(', ')} is not a zoom option`);
      const fits = horizontalFitToPages !== undefined || verticalFitToPages !== undefined;
      if (scale !== undefined && fits) throw invalidArgument(location, 'give either a scale or pages to fit, not both');
      if (scale === undefined && !fits) throw invalidArgument(location, 'give a scale or pages to fit');
      // Pages wide or tall: 0 leaves that direction free (the file format's fitToWidth/fitToHeight="0").
      const pages = (count: unknown) => numberValue(count, location, 0, 32767);
      sheet.pageLayout.zoom =
        scale !== undefined
          ? { scale: numberValue(scale, location, 10, 400) }
          : {
              ...(horizontalFitToPages !== undefined ? { horizontalFitToPages: pages(horizontalFitToPages) } : {}),
              ...(verticalFitToPages !== undefined ? { verticalFitToPages: pages(verticalFitToPages) } : {}),
            };
    },
  },
} satisfies PropertySpecs<SheetState>);

const TABLE_STYLE = /^(TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01])))?$/;

/** The tables of one sheet, or of the whole workbook when `sheet` is undefined. */
export class TableCollectionProxy extends CollectionObject<TableState, TableProxy> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly sheet: (() => SheetState) | undefined,
  ) {
    super(context, path, 'TableCollection');
  }

  protected _locate(): readonly TableState[] {
    const sheetId = this.sheet?.().id;
    return this.context.state.tables.filter((table) => sheetId === undefined || table.sheetId === sheetId);
  }

  protected _itemProxy(table: TableState): TableProxy {
    return new TableProxy(
      this.context,
      this.context.newPath(PATH_TYPE.ReferenceId, String(table.id), this._path),
      () => table,
    );
  }

  /**
   * Makes a table of a range whose first row holds the headers (when `hasHeaders`): header cells
   * become text, blank ones `ColumnN`, repeated ones get `2`, `3`, … as Excel does; the table is
   * named `TableN` until renamed. A range overlapping another table is refused.
   */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: TableState | undefined;
    const proxy = new TableProxy(
      this.context,
      this._childPath('add', [typeof address === 'string' ? address : '(range)', hasHeaders]),
      () => created ?? null,
    );
    this._method('add', [address, hasHeaders], () => {
      const location = 'TableCollection.add';
      if (hasHeaders !== true) throw notImplemented(location, 'tables whose range has no header row');
      const { state } = this.context;
      let sheet: SheetState;
      let bounds: Bounds | undefined;
      if (typeof address === 'string') {
        const bang = address.lastIndexOf('!');
        const sheetPart =
          bang >= 0
            ? address
                .slice(0, bang)
                .replace(/^'(.*)'$/, '$1')
                .replace(/''/g, "'")
            : undefined;
        const owner = sheetPart !== undefined ? sheetByName(state, sheetPart) : this.sheet?.();
        if (!owner) throw itemNotFound(location, `no sheet for table range '${address}'`);
        sheet = owner;
        bounds = parseAddress(address.slice(bang + 1));
        if (!bounds) throw invalidArgument(location, `'${address}' is not a range address`);
      } else {
        const target = address._target();
        sheet = target.sheet;
        bounds = target.bounds;
      }
      if (this.sheet && this.sheet().id !== sheet.id) throw invalidArgument(location, 'the range is on another sheet');
      if (hasHeaders && bounds.lastRow === bounds.firstRow) bounds = { ...bounds, lastRow: bounds.lastRow + 1 };
      const clash = state.tables.find((table) => table.sheetId === sheet.id && overlaps(table.bounds, bounds!));
      if (clash) throw invalidArgument(location, `a table can't overlap another table ('${clash.name}')`);
      const headers: string[] = [];
      for (let col = bounds.firstCol; col <= bounds.lastCol; col++) {
        const cell = editCell(sheet, bounds.firstRow, col);
        const content = cell.content;
        let header = hasHeaders && content.kind !== 'blank' && content.kind !== 'formula' ? String(content.value) : '';
        if (header === '') header = `Column${col - bounds.firstCol + 1}`;
        const base = header;
        for (let copy = 2; headers.some((other) => other.toUpperCase() === header.toUpperCase()); copy++)
          header = `${base}${copy}`;
        headers.push(header);
        if (hasHeaders)
          cell.content = {
            kind: 'text',
            value: header,
            quotePrefix: content.kind === 'text' ? content.quotePrefix : false,
          };
      }
      let n = 1;
      while (state.tables.some((table) => table.name.toUpperCase() === `TABLE${n}`)) n++;
      created = {
        id: state.nextId++,
        name: `Table${n}`,
        sheetId: sheet.id,
        bounds,
        style: 'TableStyleMedium2',
        showFilterButton: true,
        showBandedRows: true,
      };
      state.tables.push(created);
    });
    return proxy;
  }
}

installProperties<readonly TableState[]>(TableCollectionProxy, {});

export class TableProxy extends ClientObject<TableState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly find: () => TableState | null,
  ) {
    super(context, path, 'Table');
  }

  protected _locate(): TableState | null {
    const table = this.find();
    return table && this.context.state.tables.includes(table) ? table : null;
  }
}

installProperties<TableState>(TableProxy, {
  id: { read: (table) => String(table.id) },
  name: {
    read: (table) => table.name,
    write: (table, value, location, state) => {
      table.name = checkTableName(
        value,
        state.tables.filter((other) => other !== table).map((other) => other.name),
        location,
      );
    },
  },
  style: {
    read: (table) => table.style,
    write: (table, value, location) => {
      if (typeof value !== 'string' || !TABLE_STYLE.test(value))
        throw invalidArgument(location, `'${String(value)}' is not a built-in table style`);
      table.style = value;
    },
  },
  showFilterButton: {
    read: (table) => table.showFilterButton,
    write: (table, value) => void (table.showFilterButton = value === true),
  },
  showBandedRows: {
    read: (table) => table.showBandedRows,
    write: (table, value) => void (table.showBandedRows = value === true),
  },
} satisfies PropertySpecs<TableState>);

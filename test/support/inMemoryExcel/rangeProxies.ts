import { cellCount, formatBounds, LAST_ROW, sheetPrefix, type Bounds } from './a1';
import { ClientObject, installProperties, type PropertySpecs } from './clientObject';
import { booleanValue, colorValue, numberValue, oneOf } from './valueChecks';
import { InMemoryExcelError, invalidArgument, invalidOperation, notImplemented } from './excelError';
import { formulaLooksValid, withMissingSheetsAsRefErrors } from './formulaSheetRefs';
import type { InMemoryRequestContext, ObjectPath } from './requestContext';
import { typedValue } from './typedInput';
import { raiseEvent, type TriggerSource } from './workbookEvents';
import {
  cellKey,
  cellOffset,
  columnWidth,
  defaultCell,
  editCell,
  sheetByName,
  worksheetId,
  type CellState,
  type ConditionalFormatState,
  type SheetState,
  type WorkbookState,
} from './workbookState';

/** A range as found at sync: its sheet and cells. */
export interface RangeTarget {
  readonly sheet: SheetState;
  readonly bounds: Bounds;
  readonly state: WorkbookState;
  /** Who sent the request that found it, for the events its edits raise. */
  readonly trigger: TriggerSource;
}

/** Excel's limit on one cell's text (Excel specifications and limits). */
const MAX_TEXT_LENGTH = 32_767;
/** Excel's limit on a formula's length. */
const MAX_FORMULA_LENGTH = 8_192;
/** Cell formats set one by one are refused beyond this many cells (the model has no whole-sheet formats). */
const MAX_FORMATTED_CELLS = 2_000_000;

const HORIZONTAL = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
] as const;
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
const DIMENSION_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

function* cellsOf(target: RangeTarget): Generator<[number, number]> {
  for (let row = target.bounds.firstRow; row <= target.bounds.lastRow; row++) {
    for (let col = target.bounds.firstCol; col <= target.bounds.lastCol; col++) yield [row, col];
  }
}

function readCell(target: RangeTarget, row: number, col: number): CellState {
  return target.sheet.cells.get(cellKey(row, col)) ?? defaultCell();
}

/** The range's cells as a 2-D array of one property. */
function matrix(target: RangeTarget, read: (cell: CellState) => unknown): unknown[][] {
  const { firstRow, firstCol, lastRow, lastCol } = target.bounds;
  if (cellCount(target.bounds) > 5_000_000)
    throw new InMemoryExcelError('RangeExceedsLimit', 'The range contains more than 5,000,000 cells.');
  const rows: unknown[][] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    const values: unknown[] = [];
    for (let col = firstCol; col <= lastCol; col++) values.push(read(readCell(target, row, col)));
    rows.push(values);
  }
  return rows;
}

/** Applies a 2-D update (or one value for every cell), entry by entry. */
function update(
  target: RangeTarget,
  value: unknown,
  location: string,
  apply: (cell: CellState, entry: unknown) => void,
): void {
  const rows = target.bounds.lastRow - target.bounds.firstRow + 1;
  const cols = target.bounds.lastCol - target.bounds.firstCol + 1;
  if (Array.isArray(value)) {
    if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols))
      throw invalidArgument(location, DIMENSION_MISMATCH);
    value.forEach((row: unknown[], r) =>
      row.forEach((entry, c) =>
        apply(editCell(target.sheet, target.bounds.firstRow + r, target.bounds.firstCol + c), entry),
      ),
    );
  } else {
    if (rows * cols > MAX_FORMATTED_CELLS) throw notImplemented(location, 'one value for more than 2,000,000 cells');
    for (const [row, col] of cellsOf(target)) apply(editCell(target.sheet, row, col), value);
  }
  prune(target);
}

/** Drops cells that are blank and unformatted again, so they do not count as used. */
function prune(target: RangeTarget): void {
  const plain = JSON.stringify(defaultCell());
  for (const [row, col] of cellsOf(target)) {
    const key = cellKey(row, col);
    const cell = target.sheet.cells.get(key);
    if (cell && cell.content.kind === 'blank' && JSON.stringify(cell) === plain) target.sheet.cells.delete(key);
  }
}

function enterTyped(target: RangeTarget, cell: CellState, entry: unknown, location: string): void {
  const typed = typedValue(entry, cell.numberFormat);
  if (!typed) return;
  const { content } = typed;
  if (content.kind === 'text' && content.value.length > MAX_TEXT_LENGTH) {
    throw invalidArgument(
      location,
      `text of ${content.value.length} characters; a cell holds at most ${MAX_TEXT_LENGTH}`,
    );
  }
  if (content.kind === 'formula') {
    if (!formulaLooksValid(content.formula))
      throw invalidArgument(location, `'${content.formula.slice(0, 80)}' is not a formula Excel accepts`);
    if (content.formula.length > MAX_FORMULA_LENGTH)
      throw new InMemoryExcelError('FormulaLengthExceedsLimit', 'The formula is longer than Excel allows.', location);
    cell.content = {
      kind: 'formula',
      formula: withMissingSheetsAsRefErrors(content.formula, (name) => sheetByName(target.state, name) !== undefined),
    };
  } else cell.content = content;
  if (typed.impliedFormat && cell.numberFormat === 'General') cell.numberFormat = typed.impliedFormat;
}

/** What `values` reads for a cell. There is no calculation engine: a formula cell reads as blank (''). */
function cellValue(cell: CellState): unknown {
  switch (cell.content.kind) {
    case 'blank':
    case 'formula':
      return '';
    default:
      return cell.content.value;
  }
}

/** Enters values or formulas as typed, then raises WorksheetChanged for the range (formats raise none). */
function edit(target: RangeTarget, value: unknown, location: string): void {
  update(target, value, location, (cell, entry) => enterTyped(target, cell, entry, location));
  raiseEvent(target.state.events, {
    type: 'WorksheetChanged',
    worksheetId: worksheetId(target.sheet),
    address: formatBounds(target.bounds),
    changeType: 'RangeEdited',
    source: 'Local',
    triggerSource: target.trigger,
  });
}

function uniform<V>(target: RangeTarget, read: (cell: CellState) => V): V | null {
  let first: V | undefined;
  for (const [row, col] of cellsOf(target)) {
    const value = read(readCell(target, row, col));
    if (first === undefined) first = value;
    else if (first !== value) return null;
  }
  return first ?? null;
}

function formatCells(target: RangeTarget, location: string, apply: (cell: CellState) => void): void {
  if (cellCount(target.bounds) > MAX_FORMATTED_CELLS)
    throw notImplemented(location, 'cell formats on more than 2,000,000 cells at once');
  for (const [row, col] of cellsOf(target)) apply(editCell(target.sheet, row, col));
  prune(target);
}

export class RangeProxy extends ClientObject<RangeTarget> {
  private bounds: Bounds | undefined;

  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly sheetOf: () => SheetState,
    private readonly boundsOf: (sheet: SheetState) => Bounds | null,
  ) {
    super(context, path, 'Range');
  }

  protected _locate(): RangeTarget | null {
    const sheet = this.sheetOf();
    if (!this.bounds) {
      const bounds = this.boundsOf(sheet);
      if (!bounds) return null;
      this.bounds = bounds;
    }
    return { sheet, bounds: this.bounds, state: this.context.state, trigger: this.context.options.trigger };
  }

  get format(): RangeFormatProxy {
    return this._child('format', (path) => new RangeFormatProxy(this.context, path, () => this._target()));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child(
      'conditionalFormats',
      (path) => new ConditionalFormatCollectionProxy(this.context, path, () => this._target()),
    );
  }

  /** Range.merge(across): one merged area (across = false), as Excel records it; overlapping merges are refused as Excel refuses them. */
  /** Groups whole columns one outline level deeper, as Range.group('ByColumns') (ExcelApi 1.10). */
  group(groupOption: string): void {
    this._method('group', [groupOption], () => {
      const { sheet, bounds } = wholeColumns(this._target(), groupOption, 'Range.group');
      for (let col = bounds.firstCol; col <= bounds.lastCol; col++)
        sheet.columnOutline.set(col, (sheet.columnOutline.get(col) ?? 0) + 1);
    });
  }

  /** Collapses grouped columns (hides them), as Range.hideGroupDetails('ByColumns') (ExcelApi 1.10). */
  hideGroupDetails(groupOption: string): void {
    this._method('hideGroupDetails', [groupOption], () => {
      const { sheet, bounds } = wholeColumns(this._target(), groupOption, 'Range.hideGroupDetails');
      for (let col = bounds.firstCol; col <= bounds.lastCol; col++) {
        if (!sheet.columnOutline.get(col))
          throw invalidOperation('Range.hideGroupDetails', `column ${col + 1} is in no group`);
        sheet.hiddenColumns.add(col);
      }
    });
  }

  merge(across = false): void {
    this._method('merge', [across], () => {
      if (across) throw notImplemented('Range.merge', 'merging each row separately (across = true)');
      const target = this._target();
      const address = formatBounds(target.bounds);
      if (target.sheet.merges.includes(address)) return;
      target.sheet.merges.push(address);
    });
  }
}

installProperties<RangeTarget>(RangeProxy, {
  address: { read: (t) => `${sheetPrefix(t.sheet.name)}!${formatBounds(t.bounds)}` },
  rowCount: { read: (t) => t.bounds.lastRow - t.bounds.firstRow + 1 },
  columnCount: { read: (t) => t.bounds.lastCol - t.bounds.firstCol + 1 },
  rowIndex: { read: (t) => t.bounds.firstRow },
  columnIndex: { read: (t) => t.bounds.firstCol },
  left: { read: (t) => cellOffset(t.sheet, t.bounds.firstRow, t.bounds.firstCol).left },
  top: { read: (t) => cellOffset(t.sheet, t.bounds.firstRow, t.bounds.firstCol).top },
  values: {
    read: (t) => matrix(t, cellValue),
    write: (t, value, location) => edit(t, value, location),
  },
  formulas: {
    read: (t) => matrix(t, (cell) => (cell.content.kind === 'formula' ? cell.content.formula : cellValue(cell))),
    write: (t, value, location) => edit(t, value, location),
  },
  numberFormat: {
    read: (t) => matrix(t, (cell) => cell.numberFormat),
    write: (t, value, location) =>
      update(t, value, location, (cell, entry) => {
        if (entry === null || entry === undefined) return;
        if (typeof entry !== 'string')
          throw invalidArgument(location, `number format ${JSON.stringify(entry)} is not text`);
        cell.numberFormat = entry === '' ? 'General' : entry;
      }),
  },
} satisfies PropertySpecs<RangeTarget>);

export class RangeFormatProxy extends ClientObject<RangeTarget> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly range: () => RangeTarget,
  ) {
    super(context, path, 'RangeFormat');
  }

  protected _locate(): RangeTarget {
    return this.range();
  }

  get font(): RangeFontProxy {
    return this._child('font', (path) => new RangeFontProxy(this.context, path, this.range));
  }

  get fill(): RangeFillProxy {
    return this._child('fill', (path) => new RangeFillProxy(this.context, path, this.range));
  }
}

installProperties<RangeTarget>(RangeFormatProxy, {
  columnWidth: {
    read: (t) => uniformColumnWidth(t),
    write: (t, value, location) => {
      const points = numberValue(value, location, 0, 1789.5);
      for (let col = t.bounds.firstCol; col <= t.bounds.lastCol; col++) t.sheet.columnWidths.set(col, points);
    },
  },
  rowHeight: {
    read: (t) => uniformRowHeight(t),
    write: (t, value, location) => {
      const points = numberValue(value, location, 0, 409);
      for (let row = t.bounds.firstRow; row <= t.bounds.lastRow; row++) t.sheet.rowHeights.set(row, points);
    },
  },
  wrapText: {
    read: (t) => uniform(t, (cell) => cell.wrapText),
    write: (t, v, l) => formatCells(t, l, (cell) => void (cell.wrapText = booleanValue(v, l))),
  },
  horizontalAlignment: {
    read: (t) => uniform(t, (cell) => cell.horizontalAlignment),
    write: (t, v, l) => formatCells(t, l, (cell) => void (cell.horizontalAlignment = oneOf(v, HORIZONTAL, l))),
  },
  verticalAlignment: {
    read: (t) => uniform(t, (cell) => cell.verticalAlignment),
    write: (t, v, l) => formatCells(t, l, (cell) => void (cell.verticalAlignment = oneOf(v, VERTICAL, l))),
  },
} satisfies PropertySpecs<RangeTarget>);

/** Outlines here are of whole columns only, the one use the adapter makes of them. */
function wholeColumns(target: RangeTarget, groupOption: string, location: string): RangeTarget {
  if (groupOption !== 'ByColumns') throw notImplemented(location, `grouping '${groupOption}' (only 'ByColumns')`);
  if (target.bounds.firstRow !== 0 || target.bounds.lastRow !== LAST_ROW)
    throw notImplemented(location, 'grouping part of a column (only whole columns, as "E:F")');
  return target;
}

/** Excel's default row height for Calibri 11, in points. */
const DEFAULT_ROW_HEIGHT_POINTS = 15;

function uniformRowHeight(target: RangeTarget): number | null {
  const height = (row: number) => target.sheet.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT_POINTS;
  const first = height(target.bounds.firstRow);
  for (let row = target.bounds.firstRow; row <= Math.min(target.bounds.lastRow, target.bounds.firstRow + 10000); row++)
    if (height(row) !== first) return null;
  return first;
}

function uniformColumnWidth(target: RangeTarget): number | null {
  const first = columnWidth(target.sheet, target.bounds.firstCol);
  for (let col = target.bounds.firstCol; col <= target.bounds.lastCol; col++)
    if (columnWidth(target.sheet, col) !== first) return null;
  return first;
}

export class RangeFontProxy extends ClientObject<RangeTarget> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly range: () => RangeTarget,
  ) {
    super(context, path, 'RangeFont');
  }

  protected _locate(): RangeTarget {
    return this.range();
  }
}

installProperties<RangeTarget>(RangeFontProxy, {
  bold: {
    read: (t) => uniform(t, (c) => c.font.bold),
    write: (t, v, l) => formatCells(t, l, (c) => void (c.font.bold = booleanValue(v, l))),
  },
  italic: {
    read: (t) => uniform(t, (c) => c.font.italic),
    write: (t, v, l) => formatCells(t, l, (c) => void (c.font.italic = booleanValue(v, l))),
  },
  color: {
    read: (t) => uniform(t, (c) => c.font.color),
    write: (t, v, l) => formatCells(t, l, (c) => void (c.font.color = colorValue(v, l))),
  },
  size: {
    read: (t) => uniform(t, (c) => c.font.size),
    write: (t, v, l) => formatCells(t, l, (c) => void (c.font.size = numberValue(v, l, 1, 409))),
  },
  name: {
    read: (t) => uniform(t, (c) => c.font.name),
    write: (t, v, l) =>
      formatCells(t, l, (c) => {
        if (typeof v !== 'string' || v === '') throw invalidArgument(l, 'a font name is text');
        c.font.name = v;
      }),
  },
} satisfies PropertySpecs<RangeTarget>);

export class RangeFillProxy extends ClientObject<RangeTarget> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly range: () => RangeTarget,
  ) {
    super(context, path, 'RangeFill');
  }

  protected _locate(): RangeTarget {
    return this.range();
  }

  clear(): void {
    this._method('clear', [], () => formatCells(this._target(), 'RangeFill.clear', (cell) => void (cell.fill = null)));
  }
}

installProperties<RangeTarget>(RangeFillProxy, {
  color: {
    read: (t) => uniform(t, (c) => c.fill ?? '#FFFFFF'),
    write: (t, v, l) => formatCells(t, l, (c) => void (c.fill = colorValue(v, l))),
  },
} satisfies PropertySpecs<RangeTarget>);

const CONDITIONAL_FORMAT_TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
] as const;
const CELL_VALUE_OPERATORS = [
  'Invalid',
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqual',
  'LessThanOrEqual',
] as const;

export class ConditionalFormatCollectionProxy extends ClientObject<RangeTarget> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly range: () => RangeTarget,
  ) {
    super(context, path, 'ConditionalFormatCollection');
  }

  protected _locate(): RangeTarget {
    return this.range();
  }

  /** Only 'CellValue' formats are modelled; other valid types are refused as NotImplemented. */
  add(type: string): ConditionalFormatProxy {
    let created: ConditionalFormatState | undefined;
    const proxy = new ConditionalFormatProxy(this.context, this._childPath('add', [type]), () => created ?? null);
    this._method('add', [type], () => {
      const location = 'ConditionalFormatCollection.add';
      const kind = oneOf(type, CONDITIONAL_FORMAT_TYPES, location);
      if (kind !== 'CellValue') throw notImplemented(location, `conditional formats of type '${kind}'`);
      const target = this._target();
      created = { bounds: target.bounds, type: kind, rule: null, fill: null, fontColor: null };
      target.sheet.conditionalFormats.push(created);
    });
    return proxy;
  }
}

export class ConditionalFormatProxy extends ClientObject<ConditionalFormatState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly find: () => ConditionalFormatState | null,
  ) {
    super(context, path, 'ConditionalFormat');
  }

  protected _locate(): ConditionalFormatState | null {
    return this.find();
  }

  get cellValue(): CellValueConditionalFormatProxy {
    return this._child(
      'cellValue',
      (path) => new CellValueConditionalFormatProxy(this.context, path, () => this._target()),
    );
  }
}

installProperties<RangeTarget>(ConditionalFormatCollectionProxy, {});
installProperties<ConditionalFormatState>(ConditionalFormatProxy, { type: { read: (t) => t.type } });

export class CellValueConditionalFormatProxy extends ClientObject<ConditionalFormatState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly conditional: () => ConditionalFormatState,
  ) {
    super(context, path, 'CellValueConditionalFormat');
  }

  protected _locate(): ConditionalFormatState {
    return this.conditional();
  }

  get format(): ConditionalRangeFormatProxy {
    return this._child('format', (path) => new ConditionalRangeFormatProxy(this.context, path, this.conditional));
  }
}

installProperties<ConditionalFormatState>(CellValueConditionalFormatProxy, {
  rule: {
    read: (t) => t.rule,
    write: (t, value, location) => {
      const rule = value as { formula1?: unknown; formula2?: unknown; operator?: unknown } | null;
      if (!rule || typeof rule.formula1 !== 'string' || rule.formula1 === '')
        throw invalidArgument(location, 'a cell value rule needs formula1');
      const operator = oneOf(rule.operator, CELL_VALUE_OPERATORS, location);
      if ((operator === 'Between' || operator === 'NotBetween') && typeof rule.formula2 !== 'string')
        throw invalidArgument(location, `'${operator}' needs formula2`);
      t.rule = {
        formula1: rule.formula1,
        ...(typeof rule.formula2 === 'string' ? { formula2: rule.formula2 } : {}),
        operator,
      };
    },
  },
} satisfies PropertySpecs<ConditionalFormatState>);

export class ConditionalRangeFormatProxy extends ClientObject<ConditionalFormatState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly format: () => ConditionalFormatState,
  ) {
    super(context, path, 'ConditionalRangeFormat');
  }

  protected _locate(): ConditionalFormatState {
    return this.format();
  }

  get fill(): ConditionalRangeFillProxy {
    return this._child(
      'fill',
      (path) => new ConditionalRangeFillProxy(this.context, path, this.format, 'ConditionalRangeFill'),
    );
  }

  get font(): ConditionalRangeFontProxy {
    return this._child(
      'font',
      (path) => new ConditionalRangeFontProxy(this.context, path, this.format, 'ConditionalRangeFont'),
    );
  }
}

installProperties<ConditionalFormatState>(ConditionalRangeFormatProxy, {});

/** A part of a conditional format (its fill, its font) found through the format. */
abstract class ConditionalPartProxy extends ClientObject<ConditionalFormatState> {
  constructor(
    context: InMemoryRequestContext,
    path: ObjectPath,
    private readonly format: () => ConditionalFormatState,
    entity: string,
  ) {
    super(context, path, entity);
  }

  protected _locate(): ConditionalFormatState {
    return this.format();
  }
}

export class ConditionalRangeFillProxy extends ConditionalPartProxy {}
export class ConditionalRangeFontProxy extends ConditionalPartProxy {}

installProperties<ConditionalFormatState>(ConditionalRangeFillProxy, {
  color: { read: (t) => t.fill, write: (t, v, l) => void (t.fill = colorValue(v, l)) },
} satisfies PropertySpecs<ConditionalFormatState>);

installProperties<ConditionalFormatState>(ConditionalRangeFontProxy, {
  color: { read: (t) => t.fontColor, write: (t, v, l) => void (t.fontColor = colorValue(v, l)) },
} satisfies PropertySpecs<ConditionalFormatState>);

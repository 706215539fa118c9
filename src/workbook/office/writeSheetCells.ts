import { rowHeightsOf } from '../../report/rowHeights';
import type { SheetModel } from '../../report/sheetModel';
import { columnLetter, rangeAddress } from '../formulaRefs';
import { normaliseColor } from '../cells/color';
import { applyPrintLayout } from './applyPrintLayout';
import { columnWidthPoints } from './columnWidthPoints';
import { officeCellInput, type OfficeCellInput } from './officeCellInput';
import { actionBytes, type PayloadBudget } from './payloadBudget';
import { placedCells, tableBody, tableHeaders, type PlacedCell } from './placedCells';
import { styleRectangles, type FormatStyle } from './styleRectangles';

/** What writing one sheet needs to know about the run. */
export interface SheetWriteContext {
  /** Base sheet name -> final sheet name, for formulas and chart ranges. */
  readonly sheetNames: ReadonlyMap<string, string>;
  /** Table base name -> final table name, unique in the workbook. */
  readonly tableNames: ReadonlyMap<string, string>;
  readonly defaultTableStyle: string;
  readonly budget: PayloadBudget;
}

const HORIZONTAL_ALIGNMENT = { left: 'Left', center: 'Center', right: 'Right' } as const;

/**
 * Queues the cells, tables and formatting of one sheet model into a new, empty worksheet, syncing
 * whenever the next actions would pass the payload budget. In order: values and formulas with
 * their number formats (rows grouped into blocks that fit a request), then Excel tables over the
 * written headers, fonts, fills and alignment, column widths, merges, frozen rows and columns, row
 * heights, collapsed column groups, conditional fills, the tab colour and the page layout for printing. Charts and pictures are separate ({@link queueChart}, {@link placeImage}).
 */
export async function writeSheetCells(
  worksheet: Excel.Worksheet,
  model: SheetModel,
  context: SheetWriteContext,
): Promise<void> {
  const { budget } = context;
  const cells = placedCells(model);
  await writeValueBlocks(worksheet, cells, context);

  for (const table of model.tables) {
    const headers = tableHeaders(table);
    const bodyRows = tableBody(table).length;
    const address = rangeAddress(table.row, table.col, table.row + bodyRows, table.col + headers.length - 1);
    const name = context.tableNames.get(table.name) as string;
    const style = table.style ?? context.defaultTableStyle;
    await budget.reserve(actionBytes([[address, true], name, style]), `Table '${name}'`);
    const excelTable = worksheet.tables.add(address, true);
    excelTable.name = name;
    excelTable.style = style;
    // Headers wrap, as the .xlsx adapter writes them (Excel grows the row to fit).
    const headerAddress = rangeAddress(table.row, table.col, table.row, table.col + headers.length - 1);
    await budget.reserve(actionBytes([[headerAddress, true]]), `Header wrap of '${name}'`);
    worksheet.getRange(headerAddress).format.wrapText = true;
  }

  for (const rectangle of styleRectangles(cells)) {
    const address = rangeAddress(rectangle.firstRow, rectangle.firstCol, rectangle.lastRow, rectangle.lastCol);
    const settings = formatSettings(rectangle.style);
    await budget.reserve(actionBytes(settings.map(([, value]) => [address, value])), `Formatting of ${address}`);
    applyFormat(worksheet.getRange(address), settings);
  }

  for (const run of columnWidthRuns(model.columnWidths ?? [])) {
    const address = `${columnLetter(run.firstCol)}:${columnLetter(run.lastCol)}`;
    await budget.reserve(actionBytes([[address, run.points]]), `Column width of ${address}`);
    worksheet.getRange(address).format.columnWidth = run.points;
  }

  // Merged note rows, as the xlsx writer merges them: the text wraps across the columns it spans.
  for (const merge of model.merges ?? []) {
    const address = `${columnLetter(merge.col)}${merge.row + 1}:${columnLetter(merge.lastCol)}${merge.row + 1}`;
    await budget.reserve(actionBytes([address]), `Merged cells ${address}`);
    worksheet.getRange(address).merge(false);
  }

  // Frozen header rows and name columns, as the xlsx writer freezes them: both at once through freezeAt.
  const frozenRows = model.freezeRows ?? 0;
  const frozenColumns = model.freezeColumns ?? 0;
  if (frozenRows > 0 && frozenColumns > 0) {
    const corner = rangeAddress(0, 0, frozenRows - 1, frozenColumns - 1);
    await budget.reserve(actionBytes([corner]), 'Frozen rows and columns');
    worksheet.freezePanes.freezeAt(corner);
  } else if (frozenRows > 0) {
    await budget.reserve(actionBytes([[frozenRows]]), 'Frozen rows');
    worksheet.freezePanes.freezeRows(frozenRows);
  } else if (frozenColumns > 0) {
    await budget.reserve(actionBytes([[frozenColumns]]), 'Frozen columns');
    worksheet.freezePanes.freezeColumns(frozenColumns);
  }

  // Wrapped headers and notes get the height of their lines (Excel does not grow a row it did not type into).
  for (const { row, points } of rowHeightsOf(model, tableHeaders)) {
    const address = `${row + 1}:${row + 1}`;
    await budget.reserve(actionBytes([[address, points]]), `Height of row ${row + 1}`);
    worksheet.getRange(address).format.rowHeight = points;
  }

  // Detail columns grouped and collapsed: out of the way on screen and on paper, one click to open.
  for (const { first, last } of model.collapsedColumns ?? []) {
    const address = `${columnLetter(first)}:${columnLetter(last)}`;
    await budget.reserve(
      actionBytes([
        [address, 'ByColumns'],
        [address, 'ByColumns'],
      ]),
      `Grouped columns ${address}`,
    );
    const columns = worksheet.getRange(address);
    columns.group('ByColumns');
    columns.hideGroupDetails('ByColumns');
  }

  for (const conditional of model.conditionalFills ?? []) {
    const formula1 = `="${conditional.equals.replace(/"/g, '""')}"`;
    const fill = `#${normaliseColor(conditional.fill)}`;
    await budget.reserve(
      actionBytes([[conditional.range, 'CellValue'], fill, { formula1, operator: 'EqualTo' }]),
      `Conditional fill of ${conditional.range}`,
    );
    const format = worksheet.getRange(conditional.range).conditionalFormats.add('CellValue');
    format.cellValue.format.fill.color = fill;
    format.cellValue.rule = { formula1, operator: 'EqualTo' };
  }

  if (model.tabColor) {
    await budget.reserve(actionBytes(['#000000']), 'Tab colour');
    worksheet.tabColor = `#${normaliseColor(model.tabColor)}`;
  }

  if (model.print) await applyPrintLayout(worksheet, model.print, budget);
}

/**
 * Writes the cells as blocks of whole rows (across the sheet's written columns) through
 * `Range.formulas`, each block with its `Range.numberFormat` when any cell has one. A row with no
 * cell ends a block, so sparse sheets send no long runs of blanks; a block ends before it would
 * pass the budget.
 */
async function writeValueBlocks(
  worksheet: Excel.Worksheet,
  cells: readonly PlacedCell[],
  context: SheetWriteContext,
): Promise<void> {
  if (cells.length === 0) return;
  const firstCol = Math.min(...cells.map((placed) => placed.col));
  const lastCol = Math.max(...cells.map((placed) => placed.col));
  const width = lastCol - firstCol + 1;
  const rows = new Map<number, OfficeCellInput[]>();
  for (const { row, col, cell } of cells) {
    let inputs = rows.get(row);
    if (!inputs) rows.set(row, (inputs = Array.from({ length: width }, () => ({ input: null, numberFormat: null }))));
    inputs[col - firstCol] = officeCellInput(cell, context.sheetNames);
  }

  let block: { firstRow: number; inputs: OfficeCellInput[][]; bytes: number } | undefined;
  const flushBlock = async () => {
    if (!block) return;
    const { firstRow, inputs } = block;
    block = undefined;
    const address = rangeAddress(firstRow, firstCol, firstRow + inputs.length - 1, lastCol);
    const formulas = inputs.map((row) => row.map((cell) => cell.input));
    const hasFormats = inputs.some((row) => row.some((cell) => cell.numberFormat !== null));
    const numberFormats = hasFormats ? inputs.map((row) => row.map((cell) => cell.numberFormat)) : undefined;
    await context.budget.reserve(
      actionBytes(numberFormats ? [[address, formulas], numberFormats] : [[address, formulas]]),
      `Rows ${firstRow + 1}–${firstRow + inputs.length}`,
    );
    const range = worksheet.getRange(address);
    range.formulas = formulas;
    if (numberFormats) range.numberFormat = numberFormats;
  };

  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const inputs = rows.get(row)!;
    const rowBytes = actionBytes([inputs.map((cell) => cell.input), inputs.map((cell) => cell.numberFormat)]);
    const contiguous = block !== undefined && block.firstRow + block.inputs.length === row;
    if (!contiguous || (block && block.bytes + rowBytes > context.budget.largestGroupBytes)) await flushBlock();
    if (!block) block = { firstRow: row, inputs: [], bytes: 0 };
    block.inputs.push(inputs);
    block.bytes += rowBytes;
  }
  await flushBlock();
}

type FormatSetting = readonly [keyof typeof SETTERS, string | number | boolean];

const SETTERS = {
  bold: (range: Excel.Range, value: unknown) => void (range.format.font.bold = value as boolean),
  italic: (range: Excel.Range, value: unknown) => void (range.format.font.italic = value as boolean),
  fontColor: (range: Excel.Range, value: unknown) => void (range.format.font.color = value as string),
  fontSize: (range: Excel.Range, value: unknown) => void (range.format.font.size = value as number),
  fill: (range: Excel.Range, value: unknown) => void (range.format.fill.color = value as string),
  wrap: (range: Excel.Range, value: unknown) => void (range.format.wrapText = value as boolean),
  verticalAlignment: (range: Excel.Range, value: unknown) =>
    void (range.format.verticalAlignment = value as Excel.VerticalAlignment),
  horizontalAlignment: (range: Excel.Range, value: unknown) =>
    void (range.format.horizontalAlignment = value as Excel.HorizontalAlignment),
} as const;

/**
 * The `Range.format` properties for a style, matching what the .xlsx adapter writes: wrapped text
 * is also aligned to the top (as exceljs's `wrapText` with `vertical: 'top'`).
 */
function formatSettings(style: FormatStyle): FormatSetting[] {
  const settings: FormatSetting[] = [];
  if (style.bold) settings.push(['bold', true]);
  if (style.italic) settings.push(['italic', true]);
  if (style.fontColor) settings.push(['fontColor', `#${normaliseColor(style.fontColor)}`]);
  if (style.fontSize) settings.push(['fontSize', style.fontSize]);
  if (style.fill) settings.push(['fill', `#${normaliseColor(style.fill)}`]);
  if (style.wrap) settings.push(['wrap', true], ['verticalAlignment', 'Top']);
  if (style.align) settings.push(['horizontalAlignment', HORIZONTAL_ALIGNMENT[style.align]]);
  return settings;
}

function applyFormat(range: Excel.Range, settings: readonly FormatSetting[]): void {
  for (const [name, value] of settings) SETTERS[name](range, value);
}

/** Consecutive columns of equal width, in points; widths of 0 or less are left at Excel's default. */
function columnWidthRuns(widths: readonly number[]): { firstCol: number; lastCol: number; points: number }[] {
  const runs: { firstCol: number; lastCol: number; points: number }[] = [];
  widths.forEach((width, col) => {
    if (!(width > 0)) return;
    const points = columnWidthPoints(width);
    const last = runs[runs.length - 1];
    if (last && last.lastCol === col - 1 && last.points === points) last.lastCol = col;
    else runs.push({ firstCol: col, lastCol: col, points });
  });
  return runs;
}

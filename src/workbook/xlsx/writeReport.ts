import { columnLetter } from '../formulaRefs';
import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import { PAGE_FOOTER, PAGE_MARGINS } from '../../report/printLayout';
import { rowHeightsOf } from '../../report/rowHeights';
import type { ModelCell, PrintModel, SheetModel, TableModel } from '../../report/sheetModel';
import { cellAddress } from '../formulaRefs';
import { planSheetNames, tableNameForRun } from '../sheetNames';
import { buildChartXml } from './chartXml';
import { argbColor } from '../cells/color';
import { applyCellStyle, excelValue } from './excelCell';
import { injectCharts, type SheetDrawingAdditions } from './injectCharts';
import { resolveChart } from './resolveChart';
import { buildSheetCellIndex, type SheetCellLookup } from './sheetCellIndex';
import { uniqueTableHeaders } from '../cells/tableHeaders';

export interface WriteReportOptions {
  /** Sheets already in the destination workbook: the run number is chosen so no name clashes. Default none. */
  readonly existingSheetNames?: readonly string[];
  /** Workbook author property. Default 'School catchment & violence'. */
  readonly creator?: string;
  /** Created/modified time stamped in the file (for reproducible output). Default now. */
  readonly created?: Date;
  /** Table style when a table model names none. Default 'TableStyleMedium2'. */
  readonly defaultTableStyle?: string;
}

export interface WriteReportResult {
  /** Base sheet name -> final sheet name. */
  readonly sheetNames: Map<string, string>;
  readonly runNumber: number;
}

/**
 * Writes sheet models to an .xlsx file: one worksheet per model, named by {@link planSheetNames};
 * tables as Excel tables with filter buttons; formulas live with their computed results cached;
 * number formats, fonts, fills, alignment, column widths, frozen header rows, conditional fills,
 * tab colours, page setup for printing; pictures; native bar charts (added to the package after exceljs writes it, see
 * {@link injectCharts}).
 */
export async function writeReportFile(
  models: readonly SheetModel[],
  path: string,
  options: WriteReportOptions = {},
): Promise<WriteReportResult> {
  const { buffer, ...result } = await writeReportBuffer(models, options);
  await fs.writeFile(path, buffer);
  return result;
}

/** As {@link writeReportFile}, returning the bytes of the .xlsx file. */
export async function writeReportBuffer(
  models: readonly SheetModel[],
  options: WriteReportOptions = {},
): Promise<WriteReportResult & { buffer: Buffer }> {
  const {
    existingSheetNames = [],
    creator = 'School catchment & violence',
    created = new Date(),
    defaultTableStyle = 'TableStyleMedium2',
  } = options;
  const { runNumber, names } = planSheetNames(
    existingSheetNames,
    models.map((model) => model.name),
  );
  assertDistinctTableNames(models, runNumber);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.lastModifiedBy = creator;
  workbook.created = created;
  workbook.modified = created;

  for (const model of models) {
    const sheetName = names.get(model.name) as string;
    const worksheet = workbook.addWorksheet(sheetName, {
      ...(model.veryHidden ? { state: 'veryHidden' as const } : {}),
      ...(model.tabColor ? { properties: { tabColor: { argb: argbColor(model.tabColor) } } } : {}),
      ...(model.freezeRows || model.freezeColumns
        ? { views: [{ state: 'frozen' as const, xSplit: model.freezeColumns ?? 0, ySplit: model.freezeRows ?? 0 }] }
        : {}),
      ...(model.print ? { pageSetup: pageSetup(model.print) } : {}),
    });
    if (model.print) worksheet.headerFooter = { oddFooter: PAGE_FOOTER };
    model.columnWidths?.forEach((width, index) => {
      if (width > 0) worksheet.getColumn(index + 1).width = exceljsWidth(width);
    });
    collapseColumns(worksheet, model);
    for (const table of model.tables) writeTable(worksheet, table, { names, runNumber, defaultTableStyle });
    for (const { row, col, cell } of model.cells) writeCell(worksheet, row, col, cell, names);
    for (const merge of model.merges ?? [])
      worksheet.mergeCells(merge.row + 1, merge.col + 1, merge.row + 1, merge.lastCol + 1);
    for (const { row, points } of rowHeightsOf(model, (table) => uniqueTableHeaders(table.headers)))
      worksheet.getRow(row + 1).height = points;
    model.conditionalFills?.forEach((conditional, index) => {
      worksheet.addConditionalFormatting({
        ref: conditional.range,
        rules: [
          {
            type: 'cellIs',
            operator: 'equal',
            formulae: [`"${conditional.equals.replace(/"/g, '""')}"`],
            priority: index + 1,
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argbColor(conditional.fill) } } },
          },
        ],
      });
    });
    for (const image of model.images) {
      const imageId = workbook.addImage({
        buffer: Buffer.from(image.png) as unknown as ExcelJS.Image['buffer'],
        extension: 'png',
      });
      worksheet.addImage(imageId, {
        tl: { col: image.anchor.col, row: image.anchor.row },
        ext: { width: image.widthPx, height: image.heightPx },
        editAs: 'oneCell',
      });
    }
  }

  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  const additions = drawingAdditions(models, names);
  const buffer = additions.length > 0 ? await injectCharts(written, additions) : written;
  return { buffer, sheetNames: names, runNumber };
}

/** Table names are workbook-wide and case-insensitive in Excel: two alike make Excel repair the file. */
function assertDistinctTableNames(models: readonly SheetModel[], runNumber: number): void {
  const seen = new Map<string, string>();
  for (const model of models) {
    for (const table of model.tables) {
      const key = tableNameForRun(table.name, runNumber).toUpperCase();
      const other = seen.get(key);
      if (other !== undefined) {
        throw new Error(
          `Tables '${table.name}' on sheet '${model.name}' and on sheet '${other}' would share one Excel table name; give each table its own name.`,
        );
      }
      seen.set(key, model.name);
    }
  }
}

function writeTable(
  worksheet: ExcelJS.Worksheet,
  table: TableModel,
  context: {
    names: ReadonlyMap<string, string>;
    runNumber: number;
    defaultTableStyle: string;
  },
): void {
  const headers = uniqueTableHeaders(table.headers);
  const emptyCell: ModelCell = { kind: 'empty' };
  const bodyRows = table.rows.map((row) => headers.map((_header, col) => row[col] ?? emptyCell));
  // An Excel table has at least one body row; Excel shows an empty one for a table with no data.
  const rows = bodyRows.length > 0 ? bodyRows : [headers.map(() => emptyCell)];
  worksheet.addTable({
    name: tableNameForRun(table.name, context.runNumber),
    ref: cellAddress(table.row, table.col),
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (table.style ?? context.defaultTableStyle) as ExcelJS.TableStyleProperties['theme'],
      showRowStripes: true,
    },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: rows.map((row) => row.map((cell) => excelValue(cell, context.names))),
  });
  rows.forEach((row, rowOffset) =>
    row.forEach((cell, colOffset) =>
      applyCellStyle(worksheet.getCell(table.row + 2 + rowOffset, table.col + 1 + colOffset), cell),
    ),
  );
  // Headers wrap at spaces, bottom-aligned over their figures, in a row as tall as the longest needs.
  headers.forEach((_header, offset) => {
    worksheet.getCell(table.row + 1, table.col + 1 + offset).alignment = { wrapText: true, vertical: 'bottom' };
  });
}

/**
 * Column groups collapsed one outline level deep: hidden, with Excel's + button above the column
 * letters to open them (summary column to the right, Excel's default).
 */
function collapseColumns(worksheet: ExcelJS.Worksheet, model: SheetModel): void {
  if (!model.collapsedColumns?.length) return;
  for (const { first, last } of model.collapsedColumns) {
    for (let col = first; col <= last; col++) {
      const column = worksheet.getColumn(col + 1);
      column.outlineLevel = 1;
      column.hidden = true;
    }
  }
  worksheet.properties.outlineLevelCol = 1;
}

/**
 * exceljs page setup for a print model: `<pageSetup orientation="landscape" fitToWidth="1"
 * fitToHeight="0">` with `<sheetPr><pageSetUpPr fitToPage="1"/>` (fitToHeight 0 = as many pages
 * tall as needed, ECMA-376 Part 1, 18.3.1.63), and the repeated row as the sheet's
 * `_xlnm.Print_Titles` defined name ('5:5', which exceljs writes as `'Sheet'!$5:$5`).
 */
function pageSetup(print: PrintModel): Partial<ExcelJS.PageSetup> {
  return {
    orientation: print.orientation,
    paperSize: 9, // A4
    margins: { ...PAGE_MARGINS },
    ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: print.fitToHeight ?? 0 } : {}),
    ...(print.repeatRow !== undefined ? { printTitlesRow: `${print.repeatRow + 1}:${print.repeatRow + 1}` } : {}),
    ...(print.repeatColumns
      ? { printTitlesColumn: `${columnLetter(print.repeatColumns.first)}:${columnLetter(print.repeatColumns.last)}` }
      : {}),
    // exceljs writes '$' + each end as given, so the rows carry their own '$' to make '$A$1:$E$26'
    // (Excel's form; LibreOffice ignores a print area written '$A1:$E26').
    ...(print.area ? { printArea: `A$1:${columnLetter(print.area.lastCol)}$${print.area.lastRow + 1}` } : {}),
  };
}

function writeCell(
  worksheet: ExcelJS.Worksheet,
  row: number,
  col: number,
  cell: ModelCell,
  names: ReadonlyMap<string, string>,
): void {
  const target = worksheet.getCell(row + 1, col + 1);
  target.value = excelValue(cell, names);
  applyCellStyle(target, cell);
}

function drawingAdditions(models: readonly SheetModel[], names: ReadonlyMap<string, string>): SheetDrawingAdditions[] {
  const hasBreaks = (model: SheetModel) =>
    (model.print?.blockStarts?.length ?? 0) + (model.print?.pageStarts?.length ?? 0) > 0;
  if (models.every((model) => model.charts.length === 0 && model.images.length === 0 && !hasBreaks(model))) return [];
  // Cell indexes are built only for the sheets a chart reads.
  const cells = new Map<string, SheetCellLookup>(
    models.map((model): [string, SheetCellLookup] => {
      let index: SheetCellLookup | undefined;
      return [model.name, (row, col) => (index ??= buildSheetCellIndex(model))(row, col)];
    }),
  );
  return models.map((model) => ({
    sheetName: names.get(model.name) as string,
    charts: model.charts.map((chart) => ({
      xml: buildChartXml(resolveChart(chart, { names, cells })),
      anchor: chart.anchor,
      title: chart.title,
    })),
    pictureDescriptions: model.images.map((image) => image.description),
    ...(hasBreaks(model)
      ? { pageBreaks: { rowStarts: model.print?.pageStarts ?? [], columnStarts: model.print?.blockStarts ?? [] } }
      : {}),
  }));
}

/**
 * exceljs writes no `<col>` for a width of exactly 9, its own default (lib/doc/column.js,
 * `isCustomWidth`), which would leave such a column at Excel's default of 8.43. A millionth more
 * is written instead: the same width on screen (Excel rounds widths to whole pixels).
 */
const EXCELJS_DEFAULT_WIDTH = 9;
function exceljsWidth(width: number): number {
  return width === EXCELJS_DEFAULT_WIDTH ? width + 1e-6 : width;
}

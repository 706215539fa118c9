import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import type { CellValue, SheetData, WorkbookData } from '../../core/types';
import { readXlsxAsync } from './streamWorkbook';

/**
 * Reads every worksheet of an .xlsx file as plain cell values, in the workbook's sheet order. The
 * file is only read, never written.
 *
 * Each sheet's rows cover its used range: the bounding box of the cells that hold a value (as
 * Office.js `getUsedRange(true)` does); `firstRow` is the worksheet row number of `rows[0]`, and
 * column 0 is the used range's first column. Cell values become:
 * numbers, text and booleans as they are; dates (date-formatted cells) as `Date` at UTC (a cell
 * showing 15/01/2023 reads as 2023-01-15T00:00:00Z); formulas as their
 * cached result; rich text and hyperlinks as their plain text; errors as their text (`'#N/A'`); the
 * cells a merge covers as `null` except its top-left cell; blanks as `null`.
 *
 * Memory grows with the cells holding a value, never with the used range: rows are padded with
 * `null` to the used range's width only when that is cheap (about twice the cells at most), else
 * each row ends at its last value; empty rows share one frozen empty row; a sheet whose used range
 * is mostly empty rows (a stray value at XFD1048576) gets a read-only array view holding only the
 * rows with values. In every case `rows[i][c] ?? null` is the cell (see `finishSheetRows`).
 *
 * Cost: the package is streamed (see `readXlsxAsync`: worksheets are inflated on Node's zlib
 * thread pool while this thread scans them). Measured in Node 20 (bench/readLargeWorkbook.ts) on an
 * offences sheet of 1,048,576 rows x 12 columns: about 7.5 s of CPU and 490 MB resident at peak;
 * 200,000 rows: 1.9 s of CPU and 200 MB, where exceljs took 12 s and 1.4 GB. An unreadable package
 * rejects with an Error whose message names the part or sheet and the fault.
 *
 * The previous exceljs reader is kept as {@link readWorkbookBufferWithExcelJS}.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookData> {
  const buffer = await fs.readFile(path);
  return readWorkbookBuffer(buffer);
}

/** As {@link readWorkbookFile}, from the bytes of an .xlsx file. */
export async function readWorkbookBuffer(buffer: Uint8Array | ArrayBuffer): Promise<WorkbookData> {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : buffer;
  return readXlsxAsync(bytes);
}

/**
 * The previous reader, over exceljs, kept to compare against (tests and bench/readLargeWorkbook):
 * exceljs loads the whole workbook and this builds every sheet's whole used rectangle (8 s and
 * 1.1 GB resident for 200,000 rows x 12 columns; a stray value at XFD1048576 exhausts memory). It
 * fails on sheets named 'History', on table parts with absolute paths, and on damaged sheet parts
 * with exceljs's own messages.
 */
export async function readWorkbookBufferWithExcelJS(buffer: Uint8Array | ArrayBuffer): Promise<WorkbookData> {
  const workbook = new ExcelJS.Workbook();
  const bytes =
    buffer instanceof ArrayBuffer
      ? Buffer.from(buffer)
      : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  // exceljs's typings declare their own Buffer type; a Node Buffer is what it reads.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  // `worksheets` is in the workbook's tab order.
  const sheets = workbook.worksheets.map(readWorksheet);
  return { sheets };
}

function readWorksheet(worksheet: ExcelJS.Worksheet): SheetData {
  const cells: { row: number; col: number; value: CellValue }[] = [];
  let firstRow = Infinity;
  let lastRow = -Infinity;
  let firstCol = Infinity;
  let lastCol = -Infinity;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // covered by a merge: the value lives in the top-left cell
      // exceljs leaves a cached formula result of 0 out of `cell.value`; `cell.result` still has it.
      const value =
        cell.type === ExcelJS.ValueType.Formula ? plainCellValue(cell.result ?? null) : plainCellValue(cell.value);
      if (value === null) return;
      cells.push({ row: rowNumber, col: colNumber, value });
      if (rowNumber < firstRow) firstRow = rowNumber;
      if (rowNumber > lastRow) lastRow = rowNumber;
      if (colNumber < firstCol) firstCol = colNumber;
      if (colNumber > lastCol) lastCol = colNumber;
    });
  });
  if (cells.length === 0) return { name: worksheet.name, rows: [], firstRow: 1 };
  const width = lastCol - firstCol + 1;
  const rows: CellValue[][] = Array.from({ length: lastRow - firstRow + 1 }, () =>
    new Array<CellValue>(width).fill(null),
  );
  for (const { row, col, value } of cells) rows[row - firstRow][col - firstCol] = value;
  return { name: worksheet.name, rows, firstRow };
}

/**
 * One exceljs cell value as a plain {@link CellValue}.
 * @example plainCellValue({ richText: [{ text: 'Park ' }, { text: 'Hall' }] }) // => 'Park Hall'
 * @example plainCellValue({ formula: 'A1*2', result: 6 }) // => 6
 * @example plainCellValue({ error: '#N/A' }) // => '#N/A'
 */
export function plainCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.richText)) {
      return (record.richText as { text?: unknown }[])
        .map((run) => (typeof run.text === 'string' ? run.text : ''))
        .join('');
    }
    if ('formula' in record || 'sharedFormula' in record) return plainCellValue(record.result);
    if ('error' in record) return String(record.error);
    if ('hyperlink' in record || 'text' in record) return plainCellValue(record.text);
    // A kind of cell value not met before: its contents, never "[object Object]".
    return JSON.stringify(value);
  }
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : '';
}

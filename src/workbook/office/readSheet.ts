import type { CellValue, SheetData } from '../../core/types';
import { rangeOrigin } from './rangeOrigin';

/** Cells read per request by default: 100,000 cells of typical text and numbers stay well under 5 MB. */
export const DEFAULT_READ_CHUNK_CELLS = 100_000;

/** The error code Office.js gives when a response would pass Excel on the web's 5 MB limit. */
const RESPONSE_TOO_LARGE = 'ResponsePayloadSizeLimitExceeded';

/**
 * Reads a worksheet's used range (the bounding box of cells with values, as
 * `getUsedRangeOrNullObject(true)`) as {@link SheetData}: blank cells (which Office.js reads as
 * `''`) become `null`, dates stay serial numbers (the engine reads those), `firstRow` comes from the
 * used range's address. Rows are read in chunks of about `chunkCells` cells; a chunk whose
 * response Excel finds too large is read again in halves.
 */
export async function readSheet(
  context: Excel.RequestContext,
  sheetName: string,
  chunkCells: number = DEFAULT_READ_CHUNK_CELLS,
): Promise<SheetData> {
  const worksheet = context.workbook.worksheets.getItem(sheetName);
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load('address,rowCount,columnCount');
  await context.sync();
  if (used.isNullObject) return { name: sheetName, rows: [], firstRow: 1 };

  const origin = rangeOrigin(used.address);
  const { rowCount, columnCount } = used;
  const rows: CellValue[][] = [];
  let rowsPerChunk = Math.max(1, Math.floor(chunkCells / columnCount));
  for (let offset = 0; offset < rowCount;) {
    const count = Math.min(rowsPerChunk, rowCount - offset);
    const chunk = worksheet.getRangeByIndexes(origin.row - 1 + offset, origin.col, count, columnCount);
    chunk.load('values');
    try {
      await context.sync();
    } catch (error) {
      if (count > 1 && (error as { code?: string }).code === RESPONSE_TOO_LARGE) {
        rowsPerChunk = Math.ceil(count / 2);
        continue;
      }
      throw error;
    }
    for (const row of chunk.values) rows.push(row.map(plainValue));
    offset += count;
  }
  return { name: sheetName, rows, firstRow: origin.row };
}

/** An Office.js cell value as a plain {@link CellValue}: `''` (a blank cell) is `null`. */
function plainValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // Office.js gives only primitives for values; anything else is shown as what it holds, never "[object Object]".
  return JSON.stringify(value) ?? '';
}

/**
 * Reading a written output workbook back as a reader would: a sheet by name, a table by its first
 * headers, a label/value pair. Shared by the end-to-end tests that attack the published figures.
 */
import type { CellValue, SheetData, WorkbookData } from '../../src/core/types';

export const WITHHELD = '[c]';
export type Published = number | typeof WITHHELD;

export function sheetNamed(workbook: WorkbookData, name: string): SheetData {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Rows of the table whose headers start `first`, `second` (in any column), keyed by header, up to the first blank. */
export function tableRows(sheet: SheetData, first: string, second?: string): Record<string, CellValue>[] {
  const startOf = (row: readonly CellValue[]): number =>
    row.findIndex((cell, i) => cell === first && (second === undefined || row[i + 1] === second));
  const headerIndex = sheet.rows.findIndex((row) => startOf(row) >= 0);
  if (headerIndex < 0) throw new Error(`no table with headers '${first}', '${second}' on ${sheet.name}`);
  const start = startOf(sheet.rows[headerIndex]);
  const headerRow = sheet.rows[headerIndex].slice(start);
  const width = headerRow.findIndex((cell) => cell === null || cell === '');
  const headers = (width < 0 ? headerRow : headerRow.slice(0, width)).map(String);
  const body: Record<string, CellValue>[] = [];
  for (const row of sheet.rows.slice(headerIndex + 1)) {
    const cells = row.slice(start, start + headers.length);
    if (cells.every((cell) => cell === null || cell === undefined)) break;
    body.push(Object.fromEntries(headers.map((header, i) => [header, cells[i] ?? null])));
  }
  return body;
}

/** A label/value pair in columns A and B. */
export function labelled(sheet: SheetData, label: string): CellValue {
  const row = sheet.rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no row '${label}' on ${sheet.name}`);
  return row[1];
}

/** A statement beside a label: column B of its row and of the rows below with no label of their own (long statements wrap down the column). */
export function statementBeside(sheet: SheetData, label: string): string {
  const start = sheet.rows.findIndex((r) => r[0] === label);
  if (start < 0) throw new Error(`no row '${label}' on ${sheet.name}`);
  const parts = [String(sheet.rows[start][1])];
  for (const row of sheet.rows.slice(start + 1)) {
    if ((row[0] !== null && row[0] !== undefined) || row[1] === null || row[1] === undefined) break;
    parts.push(String(row[1]));
  }
  return parts.join(' ');
}

/** True when some row of the sheet has this label in column A. */
export function hasLabel(sheet: SheetData, label: string): boolean {
  return sheet.rows.some((r) => r[0] === label);
}

/** A cell read as a published count: a number, or the withheld symbol; anything else is a broken sheet. */
export function asPublished(value: CellValue): Published {
  if (value === WITHHELD) return WITHHELD;
  if (typeof value !== 'number') throw new Error(`not a published count: ${String(value)}`);
  return value;
}

/** Every text cell of a sheet, in reading order. */
export function textsOf(sheet: SheetData): string[] {
  return sheet.rows.flatMap((row) => row.filter((cell): cell is string => typeof cell === 'string'));
}

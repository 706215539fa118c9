import type { ColumnMapping, FieldName } from '../../schema';
import type { Issue, IssueCode, Remedy, SheetData, WorkbookData } from '../../types';

/** An error that stops the run, addressed to the cell (or sheet, or parameter) it is about. */
export function blocking(
  sheet: string,
  row: number,
  column: string,
  code: IssueCode,
  message: string,
  remedy?: Remedy,
): Issue {
  return { sheet, row, column, value: '', severity: 'error', code, message, ...(remedy ? { remedy } : {}) };
}

export function sheetByName(workbook: WorkbookData, name: string | undefined): SheetData | undefined {
  return name === undefined ? undefined : workbook.sheets.find((sheet) => sheet.name === name);
}

/** The header a field was read from, or the field's name when it has no column. */
export function headerOf(mapping: ColumnMapping, field: FieldName): string {
  return mapping.fields[field]?.header ?? field;
}

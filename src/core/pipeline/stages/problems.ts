import type { ColumnMapping, FieldName } from '../../schema';
import type { Issue, IssueCode, Remedy, SheetData, WorkbookData } from '../../types';

/**
 * The disclosure control refusing to publish: nothing is written, and the message says why and
 * what would let the run through (the reply's remedy points at the setting to change).
 */
export function publicationRefused(message: string, remedy?: Remedy): Issue {
  return blocking('(disclosure control)', 0, 'published counts', 'disclosureUnsafe', message, remedy);
}

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

import type { ColumnMapping } from '../../schema';
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
export function headerOf(mapping: ColumnMapping, field: string): string {
  const entry = (mapping.fields as Record<string, { header: string } | undefined>)[field];
  return entry?.header ?? field;
}

/** A stage's result: what it produced, or the problems that stop the run (each names sheet, row and column). */
export type StageOutcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly problems: readonly Issue[] };

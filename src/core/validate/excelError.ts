import type { CellValue } from '../types';

/**
 * Excel's error values, as the workbook readers give them (text). The first ten are the classic
 * and dynamic-array errors; the rest come from newer Excel features (data types, linked data,
 * Python in Excel) and mean the same thing here: the cell holds no value.
 */
const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#PYTHON!',
]);

/**
 * The error text when a cell holds an Excel error (trimmed, as given), else undefined. Case is
 * ignored: a '#n/a' typed as text is no more a value than the real error.
 * @example excelErrorText(' #N/A ') // => '#N/A'
 * @example excelErrorText('N/A') // => undefined (a word, read as text by each validator)
 */
export function excelErrorText(value: CellValue): string | undefined {
  // Every error starts with '#': most cells are settled without trimming or upper-casing.
  if (typeof value !== 'string' || !value.includes('#')) return undefined;
  const text = value.trim();
  return EXCEL_ERRORS.has(text.toUpperCase()) ? text : undefined;
}

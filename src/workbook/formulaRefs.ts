import { quoteSheetName } from './sheetNames';

/**
 * Cell addresses and the `{{Sheet}}` placeholders of the sheet model. Pure, shared by both adapters.
 */

/** Excel's last column, XFD, is index 16,383. */
export const MAX_COLUMN_INDEX = 16383;
/** Excel's last row, 1,048,576, is index 1,048,575. */
export const MAX_ROW_INDEX = 1048575;

/**
 * The column letters of a 0-based column index (bijective base 26: A..Z, AA..ZZ, AAA..XFD).
 * @example columnLetter(0) // => 'A'
 * @example columnLetter(27) // => 'AB' (27 = 1 * 26 + 1 -> 'A' then 'B')
 * @example columnLetter(16383) // => 'XFD'
 */
export function columnLetter(index0: number): string {
  if (!Number.isInteger(index0) || index0 < 0 || index0 > MAX_COLUMN_INDEX) {
    throw new RangeError(`Column index ${index0} is outside Excel's columns 0..${MAX_COLUMN_INDEX} (A..XFD).`);
  }
  let letters = '';
  for (let n = index0 + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * The A1 address of a 0-based (row, column); `absolute` gives `$A$1`.
 * @example cellAddress(0, 0) // => 'A1'
 * @example cellAddress(9, 2, { absolute: true }) // => '$C$10'
 */
export function cellAddress(row0: number, col0: number, options: { absolute?: boolean } = {}): string {
  if (!Number.isInteger(row0) || row0 < 0 || row0 > MAX_ROW_INDEX) {
    throw new RangeError(`Row index ${row0} is outside Excel's rows 0..${MAX_ROW_INDEX}.`);
  }
  const dollar = options.absolute ? '$' : '';
  return `${dollar}${columnLetter(col0)}${dollar}${row0 + 1}`;
}

/**
 * An A1 range address from 0-based corners, e.g. for a chart series or a table.
 * @example rangeAddress(1, 3, 20, 3) // => 'D2:D21'
 * @example rangeAddress(1, 3, 20, 3, { absolute: true, sheet: 'Schools (2)' }) // => "'Schools (2)'!$D$2:$D$21"
 */
export function rangeAddress(
  firstRow0: number,
  firstCol0: number,
  lastRow0: number,
  lastCol0: number,
  options: { absolute?: boolean; sheet?: string } = {},
): string {
  const prefix = options.sheet === undefined ? '' : `${quoteSheetName(options.sheet)}!`;
  return `${prefix}${cellAddress(firstRow0, firstCol0, options)}:${cellAddress(lastRow0, lastCol0, options)}`;
}

const SHEET_PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

/**
 * Replaces each `{{Base}}` in a model formula with the run's final sheet name, quoted for a formula.
 * Throws when a placeholder names a sheet the run does not write (a broken report invariant).
 * @example resolveFormulaSheetRefs('SUM({{Wards}}!D2:D200)', new Map([['Wards', 'Wards (2)']]))
 * // => "SUM('Wards (2)'!D2:D200)"
 */
export function resolveFormulaSheetRefs(formula: string, names: ReadonlyMap<string, string>): string {
  return formula.replace(SHEET_PLACEHOLDER, (placeholder, base: string) => {
    const finalName = names.get(base);
    if (finalName === undefined) {
      throw new Error(
        `Formula '${formula}' refers to ${placeholder}, but this run writes no sheet with base name '${base}' ` +
          `(run sheets: ${[...names.keys()].join(', ') || 'none'}).`,
      );
    }
    return quoteSheetName(finalName);
  });
}

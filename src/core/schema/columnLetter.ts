/** Excel's last column, XFD, is index 16,383. */
export const MAX_COLUMN_INDEX = 16383;
/** Excel's last row, 1,048,576, is index 1,048,575. */
export const MAX_ROW_INDEX = 1048575;

/**
 * The column letters of a 0-based column index (bijective base 26: A..Z, AA..ZZ, AAA..XFD): the
 * one home of this conversion for the engine, the report and both workbook adapters. Throws
 * outside Excel's columns, where any answer would be a bug.
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

/** The 0-based index of Excel column letters ('A' -> 0, 'AA' -> 26), or undefined when the text is not letters. */
export function columnIndex(letters: string): number | undefined {
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) return undefined;
  let index = 0;
  for (const letter of text) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

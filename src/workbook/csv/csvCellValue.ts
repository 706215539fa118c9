import type { CellValue } from '../../core/types';

/**
 * A plain decimal that reads back as the same text: no leading zeros, a sign only for negatives,
 * no trailing zeros after the point (`1.50` stays text: as a reference it differs from `1.5`).
 */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
/** Digits a double holds exactly: any decimal of 15 significant digits or fewer comes back unchanged. */
const EXACT_DIGITS = 15;

/**
 * A CSV field as a cell value: an empty field is a blank cell; a plain decimal of at most 15
 * digits is a number, as a sheet would hold it; everything else stays text, for the validators
 * to read as they read text in a sheet (dates, grouped numbers, codes). Text that would change if
 * read as a number stays text, so references with leading zeros (`007`), long digit strings and
 * `-0` keep every character.
 * @example csvCellValue('14') // => 14
 * @example csvCellValue('007') // => '007'
 * @example csvCellValue('') // => null
 */
export function csvCellValue(field: string): CellValue {
  if (field === '') return null;
  const first = field.charCodeAt(0);
  // Most fields are not numbers: settle them without the regular expression.
  if (first !== 0x2d && (first < 0x30 || first > 0x39)) return field;
  if (field.length > EXACT_DIGITS + 2 || field === '-0' || !PLAIN_NUMBER.test(field)) return field;
  const digits = field.length - (first === 0x2d ? 1 : 0) - (field.includes('.') ? 1 : 0);
  return digits <= EXACT_DIGITS ? Number(field) : field;
}

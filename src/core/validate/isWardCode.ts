import type { CellValue } from '../types';

/**
 * GSS codes of electoral wards: E05 (England), W05 (Wales), S13 (Scotland), each followed by six
 * digits (ONS, "Code history database", entity codes).
 */
const WARD_CODE = /^(?:E05|W05|S13)\d{6}$/;

/**
 * True when the text is a ward code exactly as ONS writes it.
 * @example isWardCode('E05011118') // => true
 * @example isWardCode('E08000025') // => false (a district, not a ward)
 */
export function isWardCode(text: string): boolean {
  return WARD_CODE.test(text);
}

/**
 * A ward code from a cell, trimmed and upper-cased, or undefined when the cell does not hold one.
 * @example normaliseWardCode(' e05011118 ') // => 'E05011118'
 */
export function normaliseWardCode(value: CellValue): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toUpperCase();
  return isWardCode(code) ? code : undefined;
}

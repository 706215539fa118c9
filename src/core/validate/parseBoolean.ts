import type { CellValue } from '../types';

const TRUE_WORDS = new Set(['y', 'yes', 'true', 't', '1']);
const FALSE_WORDS = new Set(['n', 'no', 'false', 'f', '0']);

/**
 * A yes/no flag from a cell: booleans, 1/0, and the text Y/N, yes/no, true/false, T/F, 1/0 in any
 * case. Anything else (blank, 'unknown', 2) is undefined.
 * @example parseBoolean(' Yes ') // => true
 * @example parseBoolean(0) // => false
 */
export function parseBoolean(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

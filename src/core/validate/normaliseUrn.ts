import type { CellValue } from '../types';

/**
 * A school's Unique Reference Number as text, or undefined. GIAS URNs are whole numbers of six
 * (100000–999999) or seven digits; spreadsheets often turn them into numbers, or text like '100000.0'.
 * @example normaliseUrn(100000) // => '100000'
 * @example normaliseUrn('100000.0') // => '100000'
 * @example normaliseUrn(12345) // => undefined (five digits)
 */
export function normaliseUrn(value: CellValue): string | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = /^(\d{6,7})(?:\.0*)?$/.exec(text);
  return match && match[1][0] !== '0' ? match[1] : undefined;
}

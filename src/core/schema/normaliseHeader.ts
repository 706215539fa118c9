import type { CellValue } from '../types';

const BYTE_ORDER_MARK = /\uFEFF/g;

/**
 * A header's comparable form: byte-order marks, case, spacing, punctuation and underscores removed,
 * so that differently written headers for the same field compare equal.
 * @example normaliseHeader(' OFFENDER-AGE ') // => 'offenderage', as are 'Offender Age' and 'offender_age'
 * @example normaliseHeader('\uFEFFWD22CD') // => 'wd22cd'
 */
export function normaliseHeader(text: string): string {
  return text
    .replace(BYTE_ORDER_MARK, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A header's words, lower case: split at spaces, punctuation, underscores and lower-to-upper case
 * changes (so GIAS's `TypeOfEstablishment (name)` reads as type, of, establishment, name).
 * @example headerWords('Home_Address Easting (BNG)') // => ['home', 'address', 'easting', 'bng']
 */
export function headerWords(text: string): string[] {
  return text
    .replace(BYTE_ORDER_MARK, '')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * The text of a header cell as written (byte-order mark and surrounding spaces removed), or '' when
 * the cell is empty or holds something that cannot be a header (a date, a boolean).
 */
export function headerText(cell: CellValue): string {
  if (typeof cell === 'string') return cell.replace(BYTE_ORDER_MARK, '').trim();
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  return '';
}

import type { CellValue } from '../types';

/**
 * UK postcode shape: an outward code (area letters, district digit, optional digit or letter) and an
 * inward code (sector digit and two unit letters). Royal Mail Programmers' Guide, "Postcode format".
 */
const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

/**
 * A postcode in its standard form, upper case with one space before the inward code, or undefined
 * when the text does not have a postcode's shape. Whether the postcode exists is a lookup's business.
 * @example normalisePostcode('b11aa') // => 'B1 1AA'
 * @example normalisePostcode(' wv10  9rs ') // => 'WV10 9RS'
 */
export function normalisePostcode(value: CellValue): string | undefined {
  if (typeof value !== 'string') return undefined;
  const compact = value.replace(/[\s\u00A0]+/g, '').toUpperCase();
  const match = POSTCODE.exec(compact);
  return match ? `${match[1]} ${match[2]}` : undefined;
}

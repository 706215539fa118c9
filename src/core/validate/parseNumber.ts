import type { CellValue } from '../types';

/** Spaces a spreadsheet may hold around or inside a number: ordinary, no-break, thin and narrow no-break. */
const SPACES = /[\s\u00A0\u2009\u202F]/g;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Thousands grouped by commas, or by single spaces, in threes: 1,234,567.5 or 1 234 567. */
const GROUPED_COMMAS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_SPACES = /^[+-]?\d{1,3}(?: \d{3})+(?:\.\d+)?$/;

/**
 * A finite number from a cell, or undefined when the cell holds none.
 * Numbers pass through; text is read when it is a plain decimal (optionally signed, with an
 * exponent) or has thousands grouped by commas or spaces in threes. Rejected: blank cells,
 * words ('unknown', 'n/a'), a decimal comma ('1,5', ambiguous), NaN, infinities, booleans and dates.
 * @example parseNumber(' 1,234.5 ') // => 1234.5
 * @example parseNumber('unknown') // => undefined
 */
export function parseNumber(value: CellValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/^[\s\u00A0\u2009\u202F]+|[\s\u00A0\u2009\u202F]+$/g, '');
  if (text === '') return undefined;
  let digits: string;
  if (PLAIN.test(text)) digits = text;
  else if (GROUPED_COMMAS.test(text)) digits = text.replace(/,/g, '');
  else if (GROUPED_SPACES.test(text.replace(SPACES, ' '))) digits = text.replace(SPACES, '');
  else return undefined;
  const number = Number(digits);
  return Number.isFinite(number) ? number : undefined;
}

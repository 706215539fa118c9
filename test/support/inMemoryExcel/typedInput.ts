/**
 * What Excel stores for a value sent through `Range.values` or `Range.formulas`: Office.js hands
 * strings to Excel as if typed into the cell (Range.values in the Excel JavaScript reference: a
 * string starting with `=`, `+` or `-` is read as a formula; numbers, dates and logical values in
 * text are converted). Modelled here for en-US, Excel's locale for these properties:
 *
 * - `''` clears the cell; `null` leaves it alone (Office.js ignores null entries of an update);
 * - a leading apostrophe stores the rest as text and is not part of the value (Excel's quote prefix);
 * - `=…` is a formula; `+…`, `-…` and `@…` are formulas too unless they are plain numbers;
 * - numbers (with thousands separators, exponents), percentages, `TRUE`/`FALSE`, error literals
 *   such as `#N/A`, and dates written `yyyy-mm-dd` or `m/d/yyyy` are converted;
 * - a cell formatted as Text (`@`) keeps any string as text, as when typing into it;
 * - anything else is text.
 */

export type CellContent =
  | { readonly kind: 'blank' }
  | { readonly kind: 'text'; readonly value: string; readonly quotePrefix: boolean }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly value: string }
  | { readonly kind: 'formula'; readonly formula: string };

/** A typed value's content, and the number format Excel gives the cell when it recognises a date or percentage. */
export interface TypedValue {
  readonly content: CellContent;
  readonly impliedFormat?: string;
}

export const ERROR_LITERALS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
] as const;

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Excel's serial day number (1900 date system) of a calendar date, for dates after 1 March 1900. */
export function serialOfDate(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return ms / 86_400_000 + 25_569;
}

/**
 * The content Excel stores for one entry of a `values` or `formulas` update; `undefined` for an
 * entry that leaves the cell as it is (`null`).
 */
export function typedValue(entry: unknown, cellFormat: string): TypedValue | undefined {
  if (entry === null || entry === undefined) return undefined;
  if (typeof entry === 'number') return { content: { kind: 'number', value: entry } };
  if (typeof entry === 'boolean') return { content: { kind: 'boolean', value: entry } };
  // Excel turns whatever else it is sent into text the same way.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const text = String(entry);
  if (text === '') return { content: { kind: 'blank' } };
  if (text.startsWith("'")) return { content: { kind: 'text', value: text.slice(1), quotePrefix: true } };
  if (cellFormat === '@') return { content: { kind: 'text', value: text, quotePrefix: false } };
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) return { content: { kind: 'formula', formula: trimmed } };
  if (NUMBER.test(trimmed) && /\d/.test(trimmed))
    return { content: { kind: 'number', value: Number(trimmed.replace(/,/g, '')) } };
  if (/^[+\-@]/.test(trimmed)) return { content: { kind: 'formula', formula: `=${trimmed}` } };
  if (trimmed.endsWith('%') && NUMBER.test(trimmed.slice(0, -1)) && /\d/.test(trimmed)) {
    const decimals = /\.(\d+)%$/.exec(trimmed)?.[1].length ?? 0;
    return {
      content: { kind: 'number', value: Number(trimmed.slice(0, -1).replace(/,/g, '')) / 100 },
      impliedFormat: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%',
    };
  }
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { content: { kind: 'boolean', value: upper === 'TRUE' } };
  const error = ERROR_LITERALS.find((literal) => literal === upper);
  if (error) return { content: { kind: 'error', value: error } };
  const iso = ISO_DATE.exec(trimmed);
  const isoSerial = iso ? serialOfDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
  if (isoSerial !== undefined) return { content: { kind: 'number', value: isoSerial }, impliedFormat: 'yyyy-mm-dd' };
  const us = US_DATE.exec(trimmed);
  const usSerial = us ? serialOfDate(Number(us[3]), Number(us[1]), Number(us[2])) : undefined;
  if (usSerial !== undefined) return { content: { kind: 'number', value: usSerial }, impliedFormat: 'm/d/yyyy' };
  return { content: { kind: 'text', value: text, quotePrefix: false } };
}

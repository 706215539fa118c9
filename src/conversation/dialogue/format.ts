/** Small formatting helpers for replies: plain English, British conventions. */
import { ordinal } from '../parse/numberWords';
import { isoDay } from '../../core/isoDay';

/** A whole number with thousands separators: 12345 -> '12,345'. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-GB');
}

/** A rate with two decimals: 3.5 -> '3.50'. */
export function rate(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : 'n/a';
}

/** A fraction as a whole percentage: 0.614 -> '61%'. */
export function percent(fraction: number): string {
  return Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : 'n/a';
}

/** 'a', 'a and b', 'a, b and c'. */
export function listing(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** A name in quotes for a reply, e.g. 'Crimes 2020'. */
export function quoted(name: string): string {
  return `'${name}'`;
}

/** A name quoted so the parser reads it back as one name: double quotes when it holds an apostrophe. */
export function quotedForUtterance(name: string): string {
  return name.includes("'") || name.includes('’') ? `"${name}"` : `'${name}'`;
}

/** A rank as said: 1 -> '1st'. */
export function rankText(rank: number): string {
  return ordinal(rank);
}

/** An ISO day as said: '2023-04-01' -> '1 April 2023'. */
export function day(isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export { isoDay };

/**
 * A count with its noun in the number the count is shown in: plural(1, 'school') -> '1 school';
 * plural(3, 'school') -> '3 schools'; plural(0.8, 'pupil') -> '1 pupil' (shown rounded, so said singular).
 */
export function plural(n: number, noun: string, nounPlural = `${noun}s`): string {
  const shown = count(n);
  return `${shown} ${shown === '1' ? noun : nounPlural}`;
}

/** The verb that agrees with a count as shown: agreeing(1, 'is', 'are') -> 'is'; agreeing(0.8, 'lives', 'live') -> 'lives'. */
export function agreeing(n: number, singular: string, pluralForm: string): string {
  return count(n) === '1' ? singular : pluralForm;
}

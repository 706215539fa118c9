/**
 * A count as it may be published: shown, or hidden behind the GSS symbol for confidential data.
 * (GSS, "Symbols, suppression and rounding", 2023: `[c]` marks a value withheld to protect confidentiality.)
 */
export const SUPPRESSED_SYMBOL = '[c]';

export type PublishedCount =
  | { readonly shown: true; readonly value: number }
  | { readonly shown: false; readonly reason: 'primary' | 'secondary' };

export interface SuppressionRules {
  /** Counts from 1 to threshold-1 are hidden. */
  readonly threshold: number;
  /** When true, zeros are treated as sensitive and hidden too (default false: zeros are shown). */
  readonly zerosSensitive?: boolean;
}

/** True when a count must be hidden on its own merits (primary suppression). */
export function isPrimarySensitive(count: number, rules: SuppressionRules): boolean {
  if (count === 0) return rules.zerosSensitive === true;
  return count > 0 && count < rules.threshold;
}

/**
 * Primary suppression of one count.
 * @example publishCount(3, { threshold: 5 }) // => { shown: false, reason: 'primary' }
 * @example publishCount(0, { threshold: 5 }) // => { shown: true, value: 0 }
 */
export function publishCount(count: number, rules: SuppressionRules): PublishedCount {
  return isPrimarySensitive(count, rules) ? { shown: false, reason: 'primary' } : { shown: true, value: count };
}

/** The published text or number of a count, for reports. */
export function publishedValue(published: PublishedCount): number | typeof SUPPRESSED_SYMBOL {
  return published.shown ? published.value : SUPPRESSED_SYMBOL;
}

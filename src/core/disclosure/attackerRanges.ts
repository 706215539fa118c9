import { boundsById } from './cellBounds';
import type { DisclosureRules } from './disclosureRules';
import type { LinkedTables } from './linkedTables';
import { NO_PRIOR_PUBLICATION, type PriorPublication } from './priorPublication';
import { isPrimarySensitive } from './publishedCount';
import { roundingRange, roundToBase } from './roundToBase';

/** The least and greatest whole number a count could be, as far as an outsider knows. */
export interface CountRange {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The number published for a shown count: the count itself, or its rounded value when rounding is
 * on (totals rounded from their own unrounded values).
 * @example publishedNumber(7, { threshold: 5, zerosSensitive: false, roundingBase: 5, protectionInterval: 5 }) // => 5
 */
export function publishedNumber(count: number, rules: DisclosureRules): number {
  return rules.roundingBase === null ? count : roundToBase(count, rules.roundingBase);
}

/**
 * What an outsider knows about each count before combining the tables: the attacker of the audit
 * (tau-Argus's "attacker" model; Hundepool et al., Statistical Disclosure Control, 2012, §4.3).
 *
 * - A shown count is exact, or with rounding lies among the whole numbers that round to the
 *   published value and would not themselves have been withheld (the rules are published too), so
 *   a rounded 0 under threshold 3 is exactly 0 and a rounded 5 under threshold 5 is 5 to 7.
 * - A withheld count is at least 0, or at least 1 when zeros are shown: the rules say a zero is
 *   never withheld then (secondary suppression never picks a zero either), so an outsider may
 *   assume [c] ≥ 1. No upper limit is known before the tables are combined.
 * - Either is then narrowed by what figures published beside the tables say of it (the model's
 *   bounds, see cellBounds), e.g. to its exact value when a reconciliation fixes it.
 * - A slice between runs' scopes (see PriorPublication) is at least 0: no rule says it is not zero.
 * - A cell an earlier run published is read under that run's rules.
 */
export function attackerRanges(
  tables: LinkedTables,
  hidden: ReadonlySet<string>,
  rules: DisclosureRules,
  prior: PriorPublication = NO_PRIOR_PUBLICATION,
): Map<string, CountRange> {
  const bounds = boundsById(tables);
  const ranges = new Map<string, CountRange>();
  for (const cell of tables.cells) {
    if (prior.slices.has(cell.id)) {
      ranges.set(cell.id, { lower: 0, upper: Number.POSITIVE_INFINITY });
      continue;
    }
    const own = prior.rulesOf.get(cell.id) ?? rules;
    // An earlier run's shown cell stays shown even if edited records have since made it small.
    if (!hidden.has(cell.id) && !prior.fixed.has(cell.id) && isPrimarySensitive(cell.value, own)) {
      throw new Error(
        `Disclosure audit: '${cell.id}' (${cell.value}) is shown although the rules withhold it; primary suppression must come first.`,
      );
    }
    const published = publicationRange(cell.value, hidden.has(cell.id), own);
    const bound = bounds.get(cell.id);
    ranges.set(
      cell.id,
      bound
        ? { lower: Math.max(published.lower, bound.lower), upper: Math.min(published.upper, bound.upper) }
        : published,
    );
  }
  return ranges;
}

/**
 * What the publication of one count says of it, before any total is used: withheld (at least 0,
 * or 1 when zeros are shown), shown exactly, or shown rounded (the whole numbers that round to the
 * published value and that the rules would not have withheld).
 * @example publicationRange(7, false, { threshold: 5, zerosSensitive: false, roundingBase: 5, protectionInterval: 5 }) // => { lower: 5, upper: 7 }
 */
export function publicationRange(value: number, hidden: boolean, rules: DisclosureRules): CountRange {
  if (hidden) return { lower: rules.zerosSensitive ? 0 : 1, upper: Number.POSITIVE_INFINITY };
  if (rules.roundingBase === null) return { lower: value, upper: value };
  const rounded = roundToBase(value, rules.roundingBase);
  const { lower, upper } = roundingRange(rounded, rules.roundingBase);
  let least = Number.POSITIVE_INFINITY;
  let greatest = Number.NEGATIVE_INFINITY;
  for (let x = lower; x <= upper; x++) {
    if (isPrimarySensitive(x, rules)) continue;
    least = Math.min(least, x);
    greatest = Math.max(greatest, x);
  }
  // Only when edited records have made an earlier run's shown count small: read it as shown.
  if (least > greatest) return { lower: value, upper: value };
  return { lower: least, upper: greatest };
}

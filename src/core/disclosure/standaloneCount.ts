import { publicationRange, publishedNumber, type CountRange } from './attackerRanges';
import type { DisclosureRules } from './disclosureRules';
import { isPrimarySensitive, type PublishedCount } from './publishedCount';

/** A count published on its own, and what an outsider learns of it. */
export interface StandaloneCount {
  readonly published: PublishedCount;
  /** The whole numbers it may be, as far as an outsider knows from its publication and the rules. */
  readonly range: CountRange;
}

/**
 * A count of people published outside the linked tables (in no additive relation), under the same
 * rules as the tables' counts: withheld when small, rounded when rounding is on. What it still
 * tells an outsider is its range: exact; the whole numbers that round to it and would not have
 * been withheld; or, withheld, 1 (0 when zeros are withheld) to threshold − 1, since only small
 * counts are withheld when nothing else depends on them. The range feeds the bounds it puts on
 * the tables' counts (see cellBounds).
 * @example standaloneCount(14, { threshold: 5, zerosSensitive: false, roundingBase: 5, protectionInterval: 5 })
 * // => { published: { shown: true, value: 15 }, range: { lower: 13, upper: 17 } }
 * @example standaloneCount(3, { threshold: 5, zerosSensitive: false, roundingBase: null, protectionInterval: 5 })
 * // => { published: { shown: false, reason: 'primary' }, range: { lower: 1, upper: 4 } }
 */
export function standaloneCount(value: number, rules: DisclosureRules): StandaloneCount {
  if (isPrimarySensitive(value, rules)) {
    return {
      published: { shown: false, reason: 'primary' },
      range: { lower: rules.zerosSensitive ? 0 : 1, upper: rules.threshold - 1 },
    };
  }
  return {
    published: { shown: true, value: publishedNumber(value, rules) },
    range: publicationRange(value, false, rules),
  };
}

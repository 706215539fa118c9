import { attackerRanges, publicationRange, publishedNumber } from './attackerRanges';
import type { DisclosureRules } from './disclosureRules';
import type { LinkedTables } from './linkedTables';
import { NO_PRIOR_PUBLICATION, type PriorPublication } from './priorPublication';
import type { PublishedCount } from './publishedCount';

export interface PublishedPattern {
  /** Every cell's published form, by cell id. */
  readonly published: Map<string, PublishedCount>;
  /** Shown cells printed exactly although rounding is on (see publishPattern), in the model's order. */
  readonly shownExactly: readonly string[];
}

/**
 * Every cell's published form once the withheld cells are chosen: [c] (for the engine, marked
 * primary or secondary; reports never say which), or the count, rounded when rounding is on. A
 * shown count is printed exactly instead when the figures beside the tables (the model's bounds),
 * with its rounded value, already tell an outsider its exact value: rounding it would protect
 * nothing and only make the workbook contradict those figures. The attacker's knowledge is the
 * same either way, so the audit of the pattern stands. (A rounded value that the rules alone pin,
 * such as 5 under threshold 7, which can only be 7, stays as rounded: nothing else contradicts it.)
 * @example With rounding to 5, an area total of 59 that a reconciliation fixes (bound 59–59) is
 *   published as 59, not 60; a ward of 12 with no bound as 10.
 */
export function publishPattern(
  tables: LinkedTables,
  hidden: ReadonlySet<string>,
  primary: ReadonlySet<string>,
  rules: DisclosureRules,
  prior: PriorPublication = NO_PRIOR_PUBLICATION,
): PublishedPattern {
  const rounds = rules.roundingBase !== null || [...prior.rulesOf.values()].some((own) => own.roundingBase !== null);
  const known = rounds ? attackerRanges(tables, hidden, rules, prior) : null;
  const shownExactly: string[] = [];
  const published = new Map<string, PublishedCount>();
  for (const cell of tables.cells) {
    if (prior.slices.has(cell.id)) continue;
    if (hidden.has(cell.id)) {
      published.set(cell.id, {
        shown: false,
        reason: primary.has(cell.id) && !prior.fixed.has(cell.id) ? 'primary' : 'secondary',
      });
      continue;
    }
    const own = prior.rulesOf.get(cell.id) ?? rules;
    const range = known?.get(cell.id);
    const byRoundingAlone = publicationRange(cell.value, false, own);
    const toldByBounds =
      range !== undefined && range.lower === range.upper && byRoundingAlone.lower < byRoundingAlone.upper;
    if (toldByBounds) shownExactly.push(cell.id);
    published.set(cell.id, { shown: true, value: toldByBounds ? cell.value : publishedNumber(cell.value, own) });
  }
  return { published, shownExactly };
}

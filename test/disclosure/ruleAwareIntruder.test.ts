/**
 * An intruder who knows the rule that chose the cover cells (the code is open): it enumerates every
 * filling of the withheld cells consistent with the published numbers, and keeps those for which
 * the rule would have withheld exactly the cells that were withheld. Under "the smallest eligible
 * count covers", that narrows a small count below the protection interval; under the secret-keyed
 * random order the product uses, the intruder (without the secret) must allow every key, and learns
 * nothing beyond the linear programme's range.
 */
import { coverKey } from '../../src/core/ledger';
import {
  disclosureRules,
  hierarchicalTable,
  loadHighsSolver,
  protectTables,
  type LinearSolver,
} from '../../src/core/disclosure';

const RULES = disclosureRules({ threshold: 5, showZeros: true, roundingBase: null });
/** The true table: a is small; the others are not. */
const TRUE: Readonly<Record<string, number>> = { a: 3, b: 5, c: 6, d: 6 };

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

/** The cells the product withholds for these leaf values (the total is their sum), under a cover order. */
function withheld(values: Readonly<Record<string, number>>, key?: (id: string) => number): string[] {
  const tables = hierarchicalTable({
    leaves: Object.entries(values).map(([id, value]) => ({ id, label: id.toUpperCase(), value })),
    total: { id: 't', label: 'Total' },
  });
  const outcome = protectTables(tables, RULES, solver, key ? { coverKey: key } : {});
  if (!outcome.ok) return ['(refused)'];
  return [...outcome.protection.published]
    .filter(([, form]) => !form.shown)
    .map(([id]) => id)
    .sort();
}

/**
 * Every table the publication allows: the shown leaves and the total as published, the two
 * withheld leaves any whole numbers of at least 1 ([c] is never 0 here) adding up to the rest.
 */
function fillings(pattern: readonly string[]): Record<string, number>[] {
  const [first, second] = pattern;
  const sum = TRUE[first] + TRUE[second];
  return Array.from({ length: sum - 1 }, (_, i) => ({ ...TRUE, [first]: i + 1, [second]: sum - i - 1 }));
}

function rangeOfA(consistent: readonly Record<string, number>[]): number {
  const values = consistent.map((table) => table.a);
  return Math.max(...values) - Math.min(...values);
}

it('the smallest-count rule lets an intruder who knows it narrow a small count below the interval', () => {
  const pattern = withheld(TRUE);
  // a = 3 is small, b = 5 its cover (the smallest other count); c = d = 6 shown.
  expect(pattern).toEqual(['a', 'b']);
  const consistent = fillings(pattern).filter((table) => withheld(table).join() === pattern.join());
  // By the linear programme alone a lies from 1 to 7; knowing the rule, the cover is at most 6
  // (the smallest eligible count), so a is 2–3 or 5–6: a range of 4.
  expect(rangeOfA(consistent)).toBeLessThan(RULES.protectionInterval);
});

it('the secret-keyed random order leaves an intruder without the secret the whole range', () => {
  const secret = "the analyst's ledger secret 0001";
  const pattern = withheld(TRUE, (id) => coverKey(secret, id));
  expect(pattern).toHaveLength(2);
  expect(pattern).toContain('a');
  // Without the secret, a table is consistent if some secret would give this pattern.
  const guesses = Array.from({ length: 48 }, (_, i) => `guess ${i}`);
  const consistent = fillings(pattern).filter((table) =>
    guesses.some((guess) => withheld(table, (id) => coverKey(guess, id)).join() === pattern.join()),
  );
  expect(rangeOfA(consistent)).toBeGreaterThanOrEqual(RULES.protectionInterval);
});

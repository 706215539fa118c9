import fc from 'fast-check';
import {
  auditSuppression,
  disclosureRules,
  grandTotals,
  intervalWidth,
  loadHighsSolver,
  protectTables,
  roundToBase,
  type LinearSolver,
  type LinkedTables,
} from '../../src/core/disclosure';
import { hierarchies, twoWayTables } from './tableArbitraries';

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const rulesArbitrary = fc
  .record({
    threshold: fc.constantFrom(3, 5, 7, 10),
    showZeros: fc.boolean(),
    roundingBase: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constant(5), weight: 1 }),
    protectionInterval: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
  })
  .map(disclosureRules);

/**
 * After protection: the run succeeds; an independent audit, proving every range exactly, finds no
 * withheld cell an outsider could narrow below the protection interval; no shown count lies in
 * 1..threshold−1 (nor is zero when zeros are sensitive); no zero is withheld when zeros are shown;
 * and every shown value is the count itself, or its rounded value.
 */
function protectedSafely(table: LinkedTables, rules: ReturnType<typeof disclosureRules>): void {
  const outcome = protectTables(table, rules, solver);
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  const { published } = outcome.protection;
  const hidden = new Set([...published].filter(([, p]) => !p.shown).map(([id]) => id));
  for (const cell of table.cells) {
    const shown = published.get(cell.id)!;
    if (shown.shown) {
      expect(cell.value === 0 ? rules.zerosSensitive : cell.value < rules.threshold).toBe(false);
      expect(shown.value).toBe(rules.roundingBase === null ? cell.value : roundToBase(cell.value, rules.roundingBase));
    } else if (!rules.zerosSensitive) {
      expect(cell.value).not.toBe(0);
    }
  }
  if (hidden.size === 0) return;
  const audit = auditSuppression(table, hidden, rules, solver, { exact: true });
  expect(audit.cellsChecked).toBe(hidden.size);
  for (const cell of audit.intervals) expect(intervalWidth(cell)).toBeGreaterThanOrEqual(rules.protectionInterval);
  expect(outcome.protection.audit!.unsafe).toEqual([]);
}

describe('secondary suppression on random tables', () => {
  it('always leaves every withheld count with a range at least the protection interval (two-way tables)', () => {
    fc.assert(fc.property(twoWayTables({ maxSide: 5 }), rulesArbitrary, protectedSafely), { numRuns: 80, seed: 41 });
  });

  it('always leaves every withheld count with a range at least the protection interval (hierarchies)', () => {
    fc.assert(fc.property(hierarchies({ maxGroups: 5, maxLeaves: 8 }), rulesArbitrary, protectedSafely), {
      numRuns: 120,
      seed: 42,
    });
  });

  it('withholds a grand total only when no other cell was available', () => {
    fc.assert(
      fc.property(hierarchies({ maxGroups: 4, maxLeaves: 6 }), rulesArbitrary, (table, rules) => {
        const outcome = protectTables(table, rules, solver);
        if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
        const area = [...grandTotals(table)][0];
        const areaCell = table.cells.find((c) => c.id === area)!;
        const sensitive = areaCell.value === 0 ? rules.zerosSensitive : areaCell.value < rules.threshold;
        if (outcome.protection.published.get(area)!.shown || sensitive) return;
        // A withheld area that is not itself small: every other non-zero cell must be withheld too.
        for (const cell of table.cells) {
          if (cell.value > 0 || rules.zerosSensitive)
            expect(outcome.protection.published.get(cell.id)!.shown).toBe(false);
        }
      }),
      { numRuns: 120, seed: 43 },
    );
  });
});

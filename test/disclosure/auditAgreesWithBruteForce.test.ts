import fc from 'fast-check';
import {
  auditSuppression,
  disclosureRules,
  hierarchicalTable,
  loadHighsSolver,
  singleEquationRanges,
  type LinearSolver,
  type LinkedTables,
} from '../../src/core/disclosure';
import { bruteForceRanges } from './bruteForceAttacker';
import { hierarchies, twoWayTables } from './tableArbitraries';

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

/** A table, a set of withheld cells (never a zero when zeros are shown), and rules. */
function scenario(tables: fc.Arbitrary<LinkedTables>, options: { maxHidden: number; rounding: boolean }) {
  return tables
    .chain((table) =>
      fc.record({
        table: fc.constant(table),
        showZeros: fc.boolean(),
        threshold: fc.constantFrom(3, 5, 7),
        roundingBase: options.rounding ? fc.constant(5) : fc.constant(null),
        pick: fc.array(fc.nat({ max: table.cells.length - 1 }), { minLength: 1, maxLength: options.maxHidden }),
      }),
    )
    .map(({ table, showZeros, threshold, roundingBase, pick }) => {
      const rules = disclosureRules({ threshold, showZeros, roundingBase });
      // Every sensitive cell is withheld (primary suppression), plus a random few (never a shown zero's kind).
      const primary = table.cells.filter((cell) => (cell.value === 0 ? !showZeros : cell.value < threshold));
      const extra = pick.map((i) => table.cells[i]).filter((cell) => !showZeros || cell.value !== 0);
      const hidden = new Set([...primary, ...extra].map((cell) => cell.id));
      return { table, hidden, rules };
    })
    .filter(({ hidden }) => hidden.size > 0 && hidden.size <= options.maxHidden);
}

function agree({
  table,
  hidden,
  rules,
}: {
  table: LinkedTables;
  hidden: Set<string>;
  rules: ReturnType<typeof disclosureRules>;
}): void {
  // Above every value a bounded cell can reach (its bound is at most 3 over its value; a shown
  // rounded count at most 2 over), so only a count with no upper limit keeps growing with the cap.
  const cap =
    table.cells.reduce((sum, cell) => sum + cell.value, 0) +
    3 * (table.bounds?.length ?? 0) +
    2 * table.cells.length +
    1;
  // Two bounds on one cell both hold: the attacker keeps the values inside both.
  const bounds = new Map<string, { lower: number; upper: number }>();
  for (const { id, lower, upper } of table.bounds ?? []) {
    const before = bounds.get(id) ?? { lower: 0, upper: Infinity };
    bounds.set(id, { lower: Math.max(before.lower, lower), upper: Math.min(before.upper, upper) });
  }
  const brute = bruteForceRanges(
    table.cells,
    table.relations,
    hidden,
    { threshold: rules.threshold, zerosSensitive: rules.zerosSensitive, roundingBase: rules.roundingBase },
    cap,
    bounds,
  );
  const audit = auditSuppression(table, hidden, rules, solver, { exact: true });
  expect(audit.intervals.length).toBe(hidden.size);
  for (const cell of audit.intervals) {
    expect({ id: cell.id, lower: cell.lower, upper: cell.upper }).toEqual({ id: cell.id, ...brute.get(cell.id)! });
    expect(cell.exact).toBe(true);
  }
}

describe("the audit's linear programmes against an attacker who tries every whole-number table", () => {
  it('agree on two-way tables', () => {
    fc.assert(
      fc.property(
        scenario(twoWayTables({ maxSide: 3, value: fc.integer({ min: 0, max: 5 }) }), {
          maxHidden: 3,
          rounding: false,
        }),
        agree,
      ),
      { numRuns: 60, seed: 31 },
    );
  });

  it('agree on wards within districts within an area', () => {
    fc.assert(
      fc.property(
        scenario(hierarchies({ maxGroups: 3, maxLeaves: 3, value: fc.integer({ min: 0, max: 9 }) }), {
          maxHidden: 3,
          rounding: false,
        }),
        agree,
      ),
      { numRuns: 60, seed: 32 },
    );
  });

  it('agree when shown counts are rounded to base 5', () => {
    const small = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 3 }).map((values) =>
      hierarchicalTable({
        leaves: values.map((value, i) => ({ id: `x${i}`, label: `x${i}`, value })),
        total: { id: 'total', label: 'total' },
      }),
    );
    fc.assert(fc.property(scenario(small, { maxHidden: 2, rounding: true }), agree), { numRuns: 60, seed: 33 });
  });
});

/**
 * A table with bounds from figures beside it on some cells: each around the true value (so it
 * holds), some exact (a reconciliation fixing a total), some one-sided (a cap such as "at most the
 * distinct offenders").
 */
function withBounds(tables: fc.Arbitrary<LinkedTables>): fc.Arbitrary<LinkedTables> {
  return tables.chain((table) =>
    fc
      .array(
        fc.record({
          cell: fc.nat({ max: table.cells.length - 1 }),
          below: fc.option(fc.integer({ min: 0, max: 3 })),
          above: fc.option(fc.integer({ min: 0, max: 3 })),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((picks) => ({
        ...table,
        bounds: picks.map(({ cell, below, above }) => {
          const { id, value } = table.cells[cell];
          return {
            id,
            lower: below === null ? 0 : Math.max(0, value - below),
            upper: above === null ? Infinity : value + above,
            source: 'a test',
          };
        }),
      })),
  );
}

describe('the audit against the exhaustive attacker when figures beside the tables bound some counts', () => {
  it('agree on wards within districts within an area, with exact totals, caps and ranges from outside', () => {
    fc.assert(
      fc.property(
        scenario(withBounds(hierarchies({ maxGroups: 3, maxLeaves: 3, value: fc.integer({ min: 0, max: 9 }) })), {
          maxHidden: 3,
          rounding: false,
        }),
        agree,
      ),
      { numRuns: 80, seed: 35 },
    );
  });

  it('agree when shown counts are rounded to base 5 and bounds narrow them further', () => {
    const small = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 3 }).map((values) =>
      hierarchicalTable({
        leaves: values.map((value, i) => ({ id: `x${i}`, label: `x${i}`, value })),
        total: { id: 'total', label: 'total' },
      }),
    );
    fc.assert(fc.property(scenario(withBounds(small), { maxHidden: 2, rounding: true }), agree), {
      numRuns: 80,
      seed: 36,
    });
  });
});

describe('the closed form for one equation', () => {
  it('matches the solver on random single equations with bounds', () => {
    const equation = fc
      .array(
        fc.record({
          sign: fc.constantFrom(1, -1),
          lower: fc.integer({ min: 0, max: 5 }),
          span: fc.option(fc.integer({ min: 0, max: 8 })),
        }),
        { minLength: 1, maxLength: 5 },
      )
      .chain((terms) =>
        fc.tuple(
          fc.constant(terms),
          fc.array(fc.integer({ min: 0, max: 8 }), { minLength: terms.length, maxLength: terms.length }),
        ),
      );
    fc.assert(
      fc.property(equation, ([terms, offsets]) => {
        // A feasible point: each x within its bounds; the constant is whatever it makes the sum.
        const ranges = terms.map((t) => ({ lower: t.lower, upper: t.span === null ? Infinity : t.lower + t.span }));
        const point = ranges.map((r, i) => Math.min(r.upper, r.lower + offsets[i]));
        const constant = point.reduce((sum, x, i) => sum + terms[i].sign * x, 0);
        const closed = singleEquationRanges(
          terms.map((t) => t.sign),
          constant,
          ranges,
        );
        terms.forEach((_, k) => {
          const program = {
            variableCount: terms.length,
            objective: new Map([[k, 1]]),
            constraints: [{ terms: new Map(terms.map((t, i) => [i, t.sign])), lower: constant, upper: constant }],
            lowerBounds: ranges.map((r) => r.lower),
            upperBounds: ranges.map((r) => r.upper),
          };
          const most = solver.solve({ ...program, sense: 'maximize' });
          const least = solver.solve({ ...program, sense: 'minimize' });
          expect(least.objective).toBeCloseTo(closed[k].lower, 6);
          if (most.status === 'unbounded') expect(closed[k].upper).toBe(Infinity);
          else expect(most.objective).toBeCloseTo(closed[k].upper, 6);
        });
      }),
      { numRuns: 100, seed: 34 },
    );
  });
});

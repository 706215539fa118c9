/**
 * Figures published beside the linked tables (a reconciliation that fixes a total, a count of
 * people that caps others) enter the attacker's model as bounds on cells. Every expected range is
 * worked by hand in the comment above it; the exhaustive attacker checks the same on random tables
 * in auditAgreesWithBruteForce.test.ts.
 */
import {
  attackerRanges,
  auditSuppression,
  boundsById,
  checkLinkedTables,
  disclosureRules,
  hierarchicalTable,
  loadHighsSolver,
  mergeLinkedTables,
  pinnedCells,
  protectTables,
  publishPattern,
  standaloneCount,
  type LinearSolver,
  type LinkedTables,
} from '../../src/core/disclosure';

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

/** Wards a, b, c adding up to an area total, with the bounds given. */
function wards(values: readonly [number, number, number], bounds: LinkedTables['bounds'] = []): LinkedTables {
  const table = hierarchicalTable({
    leaves: values.map((value, i) => ({ id: 'abc'[i], label: `ward ${'abc'[i]}`, value })),
    total: { id: 'area', label: 'the area' },
  });
  return { ...table, bounds };
}

const ROUNDED = disclosureRules({ threshold: 5, showZeros: true, roundingBase: 5 });
const EXACT = disclosureRules({ threshold: 5, showZeros: true, roundingBase: null });

describe('bounds on cells', () => {
  it('intersect when two figures bound the same cell, and pin a cell when they meet at one value', () => {
    const table = wards(
      [5, 2, 1],
      [
        { id: 'area', lower: 8, upper: 20, source: 'a count of people' },
        { id: 'area', lower: 0, upper: 8, source: 'rows placed' },
        { id: 'b', lower: 0, upper: 6, source: 'a cap' },
      ],
    );
    expect(boundsById(table).get('area')).toEqual({
      lower: 8,
      upper: 8,
      sources: ['a count of people', 'rows placed'],
    });
    expect([...pinnedCells(table)]).toEqual([['area', 'a count of people; rows placed']]);
  });

  it('must name a cell and hold its true value: anything else is a bug in the model, not a data problem', () => {
    expect(() =>
      checkLinkedTables(wards([5, 2, 1], [{ id: 'area', lower: 9, upper: 9, source: 'the Method sheet' }])),
    ).toThrow(/'area' is 8, outside its bound 9–9 from the Method sheet/);
    expect(() =>
      checkLinkedTables(wards([5, 2, 1], [{ id: 'nowhere', lower: 0, upper: 1, source: 'the Method sheet' }])),
    ).toThrow(/names 'nowhere', which is not a cell/);
    expect(() =>
      checkLinkedTables(wards([5, 2, 1], [{ id: 'area', lower: 8, upper: 8, source: 'the Method sheet' }])),
    ).not.toThrow();
  });

  it('travel with their cells when models are merged, a model of bounds alone adding them to the others', () => {
    const merged = mergeLinkedTables(wards([5, 2, 1]), {
      cells: [],
      relations: [],
      bounds: [{ id: 'area', lower: 8, upper: 8, source: 'x' }],
    });
    expect(merged.cells).toHaveLength(4);
    expect(merged.bounds).toEqual([{ id: 'area', lower: 8, upper: 8, source: 'x' }]);
    expect(mergeLinkedTables(wards([5, 2, 1])).bounds).toBeUndefined();
  });
});

describe('the attacker, told what the figures beside the tables say', () => {
  it('narrows a rounded count to where its rounding range and its bound meet', () => {
    // 12 rounds to 10: 8 to 12 (none withheld under threshold 5). A bound of 12–14 leaves 12 alone.
    const table: LinkedTables = {
      cells: [{ id: 'x', label: 'x', value: 12 }],
      relations: [],
      bounds: [{ id: 'x', lower: 12, upper: 14, source: 'y' }],
    };
    expect(attackerRanges(table, new Set(), ROUNDED).get('x')).toEqual({ lower: 12, upper: 12 });
  });

  it('caps a withheld count that no total caps', () => {
    // Withheld: at least 1 (zeros are shown), and at most 6 by the bound.
    const table: LinkedTables = {
      cells: [{ id: 'x', label: 'x', value: 3 }],
      relations: [],
      bounds: [{ id: 'x', lower: 0, upper: 6, source: 'y' }],
    };
    expect(attackerRanges(table, new Set(['x']), ROUNDED).get('x')).toEqual({ lower: 1, upper: 6 });
  });

  it('finds a pattern unsafe once a reconciliation fixes the total that rounding had blurred', () => {
    // Wards 5, 2, 1 = 8 with b and c withheld. Rounded, a is 5–7 and the area 10 is 8–12, so b + c
    // runs from 1 to 7 and b from 1 to 6: a range of 5, safe. With the area fixed at 8, b + c runs
    // from 1 to 3 and b from 1 to 2: a range of 1, unsafe.
    const hidden = new Set(['b', 'c']);
    const rounded = auditSuppression(wards([5, 2, 1]), hidden, ROUNDED, solver, { exact: true });
    expect(rounded.intervals.find((cell) => cell.id === 'b')).toMatchObject({ lower: 1, upper: 6 });
    expect(rounded.unsafe).toEqual([]);
    const fixed = auditSuppression(
      wards([5, 2, 1], [{ id: 'area', lower: 8, upper: 8, source: 'in scope − outside − unknown' }]),
      hidden,
      ROUNDED,
      solver,
      { exact: true },
    );
    expect(fixed.intervals.find((cell) => cell.id === 'b')).toMatchObject({ lower: 1, upper: 2 });
    expect(fixed.unsafe.map((cell) => cell.id).sort()).toEqual(['b', 'c']);
  });
});

describe('protecting tables with figures beside them', () => {
  it('shows a count the figures fix exactly even when rounding, and rounds the rest', () => {
    // 12, 9, 31 = 52: nothing withheld. The area, fixed at 52, is shown as 52, not 50.
    const outcome = protectTables(
      wards([12, 9, 31], [{ id: 'area', lower: 52, upper: 52, source: 'the rows' }]),
      ROUNDED,
      solver,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Object.fromEntries(outcome.protection.published)).toEqual({
      a: { shown: true, value: 10 },
      b: { shown: true, value: 10 },
      c: { shown: true, value: 30 },
      area: { shown: true, value: 52 },
    });
    expect(outcome.protection.shownExactly).toEqual(['area']);
  });

  it('keeps a rounded value that the rules alone pin, such as 5 under threshold 7 (it can only be 7), as rounded', () => {
    const rules = disclosureRules({ threshold: 7, showZeros: true, roundingBase: 5 });
    const table: LinkedTables = { cells: [{ id: 'x', label: 'x', value: 7 }], relations: [] };
    expect(publishPattern(table, new Set(), new Set(), rules)).toEqual({
      published: new Map([['x', { shown: true, value: 5 }]]),
      shownExactly: [],
    });
  });

  it('withholds the area as a last resort, but never an area the figures fix: then it stops, as nothing else can help', () => {
    // Wards 2, 3, 0 = 5: a and b are small; a + b = 5 leaves each 1–4, a range of 3. The only
    // further cell is the area (the zero is never withheld): withheld, a and b have no upper limit.
    const free = protectTables(wards([2, 3, 0]), EXACT, solver);
    expect(free.ok).toBe(true);
    if (free.ok) expect(free.protection.published.get('area')).toEqual({ shown: false, reason: 'secondary' });
    // Fixed at 5 by a reconciliation, withholding the area would hide nothing.
    const fixed = protectTables(
      wards([2, 3, 0], [{ id: 'area', lower: 5, upper: 5, source: 'the rows' }]),
      EXACT,
      solver,
    );
    expect(fixed.ok).toBe(false);
    if (fixed.ok) return;
    expect(fixed.problems[0]).toBe(
      'Disclosure audit failed: from the published totals an outsider could narrow 2 withheld counts to a range narrower than the protection interval of 5, and no further count can be withheld to prevent it: ward a can be narrowed to a range of 3; ward b can be narrowed to a range of 3. Lower the protection interval, or publish fewer totals.',
    );
  });

  it('stops when a count the rules withhold is fixed by the figures, saying where, and quoting no count', () => {
    const outcome = protectTables(
      wards([1, 1, 1], [{ id: 'area', lower: 3, upper: 3, source: "the Method sheet's rows in and out" }]),
      EXACT,
      solver,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      "Disclosure control: the area would be withheld under the rules, but the Method sheet's rows in and out gives it exactly, so withholding it would hide nothing. Nothing is published; widen the analysis (ages, offence types, dates) or lower the threshold.",
    ]);
  });
});

describe('a count of people published on its own', () => {
  it("follows the tables' rules and says what an outsider learns from it", () => {
    // 14 rounds to 15: 13 to 17. 3 is withheld: being alone, only for being small, so 1 to 4.
    expect(standaloneCount(14, ROUNDED)).toEqual({
      published: { shown: true, value: 15 },
      range: { lower: 13, upper: 17 },
    });
    expect(standaloneCount(3, ROUNDED)).toEqual({
      published: { shown: false, reason: 'primary' },
      range: { lower: 1, upper: 4 },
    });
    expect(standaloneCount(14, EXACT)).toEqual({
      published: { shown: true, value: 14 },
      range: { lower: 14, upper: 14 },
    });
    // A zero is shown when zeros are; withheld with them, it could be 0 to 4.
    expect(standaloneCount(0, EXACT)).toEqual({ published: { shown: true, value: 0 }, range: { lower: 0, upper: 0 } });
    expect(standaloneCount(0, disclosureRules({ threshold: 5, showZeros: false, roundingBase: null }))).toEqual({
      published: { shown: false, reason: 'primary' },
      range: { lower: 0, upper: 4 },
    });
  });
});

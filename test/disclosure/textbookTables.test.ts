import {
  auditSuppression,
  disclosureRules,
  hierarchicalTable,
  loadHighsSolver,
  protectTables,
  twoWayTable,
  type LinearSolver,
  type LinkedTables,
} from '../../src/core/disclosure';

/**
 * Tables from the textbook cases of cell suppression (Cox 1980; Hundepool et al., Statistical
 * Disclosure Control, 2012, ch. 4), with every answer worked by hand. Threshold 5 and zeros shown,
 * so a withheld count is known to be at least 1 and must have a feasible range at least 5 wide.
 */
const RULES = disclosureRules({ threshold: 5, showZeros: true, roundingBase: null });

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

function protect(tables: LinkedTables) {
  const outcome = protectTables(tables, RULES, solver, { exact: true });
  if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
  return outcome.protection;
}

const withheld = (published: ReadonlyMap<string, { shown: boolean }>): string[] =>
  [...published]
    .filter(([, p]) => !p.shown)
    .map(([id]) => id)
    .sort();

describe('a 3×3 table with row and column totals and one small cell', () => {
  //        c0  c1  c2 | row
  //   r0    2   9  12 |  23
  //   r1    8  20  25 |  53
  //   r2   10  30  40 |  80
  //   col  20  59  77 | 156
  const values = [
    [2, 9, 12],
    [8, 20, 25],
    [10, 30, 40],
  ];
  const table = twoWayTable(values);

  it('cannot be protected by fewer than three more cells: every pattern of one or two extra cells is unsafe', () => {
    const others = table.cells.map((c) => c.id).filter((id) => id !== 'r0c0');
    let patterns = 0;
    for (let i = 0; i < others.length; i++) {
      for (let j = i; j < others.length; j++) {
        const hidden = new Set(['r0c0', others[i], others[j]]);
        const audit = auditSuppression(table, hidden, RULES, solver);
        expect(audit.unsafe.length).toBeGreaterThan(0);
        patterns += 1;
      }
    }
    // 15 single extra cells (i = j) and C(15, 2) = 105 pairs.
    expect(patterns).toBe(15 + 105);
  });

  it('is protected by exactly three more cells forming a rectangle with the small one', () => {
    // Row r0's cheapest other cell is 9 (r0c1), column c0's is 8 (r1c0); column c1 then needs one
    // more, its cheapest being 20 (r1c1), which also gives row r1 its second withheld cell.
    const protection = protect(table);
    expect(withheld(protection.published)).toEqual(['r0c0', 'r0c1', 'r1c0', 'r1c1']);
    expect(protection.secondary).toBe(3);
  });

  it('leaves the small cell a range of 1 to 9, found by moving t around the rectangle', () => {
    // r0c0 + t, r0c1 − t, r1c0 − t, r1c1 + t with every cell ≥ 1: t from −1 to min(9, 8) − 1 = 7.
    const audit = auditSuppression(table, new Set(['r0c0', 'r0c1', 'r1c0', 'r1c1']), RULES, solver, { exact: true });
    const ranges = Object.fromEntries(audit.intervals.map((c) => [c.id, [c.lower, c.upper]]));
    expect(ranges).toEqual({ r0c0: [1, 9], r0c1: [2, 10], r1c0: [1, 9], r1c1: [19, 27] });
    expect(audit.unsafe).toEqual([]);
    expect(audit.narrowest).toMatchObject({ lower: 1, upper: 9 });
  });

  it('never withholds the grand total when cheaper cells will do', () => {
    expect(protect(table).published.get('total')).toEqual({ shown: true, value: 156 });
  });
});

describe('a row with a single withheld cell', () => {
  it('is always unsafe: subtraction from the total recovers it exactly', () => {
    for (const row of [
      [3, 10, 12],
      [2, 0, 7],
      [4, 6, 40],
      [1, 100],
    ]) {
      const table = hierarchicalTable({
        leaves: row.map((value, i) => ({ id: `x${i}`, label: `x${i}`, value })),
        total: { id: 'total', label: 'total' },
      });
      const audit = auditSuppression(table, new Set(['x0']), RULES, solver);
      expect(audit.intervals).toEqual([expect.objectContaining({ id: 'x0', lower: row[0], upper: row[0] })]);
      expect(audit.unsafe.map((c) => c.id)).toEqual(['x0']);
    }
  });
});

describe('a table whose small cells already protect each other', () => {
  //        c0  c1  c2 | row
  //   r0    3   4  20 |  27
  //   r1    4   3  20 |  27
  //   r2   20  20  20 |  60
  const table = twoWayTable([
    [3, 4, 20],
    [4, 3, 20],
    [20, 20, 20],
  ]);

  it('needs no secondary suppression', () => {
    const protection = protect(table);
    expect(protection.secondary).toBe(0);
    expect(withheld(protection.published)).toEqual(['r0c0', 'r0c1', 'r1c0', 'r1c1']);
  });

  it('gives each small cell the range 1 to 6', () => {
    // r0c0 = a: r0c1 = 7 − a, r1c0 = 7 − a, r1c1 = a; all ≥ 1, so a runs from 1 to 6 (width 5).
    const audit = auditSuppression(table, new Set(['r0c0', 'r0c1', 'r1c0', 'r1c1']), RULES, solver, { exact: true });
    expect(audit.intervals.map((c) => [c.id, c.lower, c.upper])).toEqual([
      ['r0c0', 1, 6],
      ['r0c1', 1, 6],
      ['r1c0', 1, 6],
      ['r1c1', 1, 6],
    ]);
    expect(audit.unsafe).toEqual([]);
  });
});

describe('wards within districts within an area', () => {
  const wards = (groups: Record<string, number[]>): LinkedTables =>
    hierarchicalTable({
      leaves: Object.entries(groups).flatMap(([district, values]) =>
        values.map((value, i) => ({ id: `${district}${i}`, label: `${district}${i}`, value, group: district })),
      ),
      groups: new Map(Object.keys(groups).map((district) => [district, { id: district, label: district }])),
      total: { id: 'area', label: 'area' },
    });

  it('withholds the next smallest ward of the district when one ward is small', () => {
    // District A: 1 (withheld), 7, 12 -> 7 is withheld too; 1 + 7 = 8 leaves each 1–7, width 6.
    const protection = protect(wards({ A: [1, 7, 12], B: [6, 9] }));
    expect(withheld(protection.published)).toEqual(['A0', 'A1']);
    expect(protection.audit!.narrowest).toMatchObject({ lower: 1, upper: 7 });
  });

  it('withholds a third ward when two small wards would pin each other down', () => {
    // 2 and 3 withheld: sum 5, each 1–4 (width 3 < 5): repair withholds 9, the cheapest ward left;
    // then 2 + 3 + 9 = 14 and each runs from 1 to 12.
    const protection = protect(wards({ A: [2, 3, 9, 30], B: [6, 9] }));
    expect(withheld(protection.published)).toEqual(['A0', 'A1', 'A2']);
    expect(protection.audit!.intervals.map((c) => [c.id, c.lower, c.upper])).toEqual([
      ['A0', 1, 12],
      ['A1', 1, 12],
      ['A2', 1, 12],
    ]);
  });

  it('withholds a second district when a district total is small, never the area', () => {
    // District C = 4 is withheld with its one ward (the same count); alone among the districts, it
    // takes the cheapest other district, B = 15, and B alone in its own relation takes its
    // cheapest ward, 6. Then B0 + C0 = 69 − 50 − 9 = 10, so C0 runs from 1 to 9.
    const protection = protect(wards({ A: [20, 30], B: [6, 9], C: [4] }));
    expect(withheld(protection.published)).toEqual(['B', 'B0', 'C', 'C0']);
    expect(protection.published.get('area')).toEqual({ shown: true, value: 69 });
    const c0 = protection.audit!.intervals.find((c) => c.id === 'C0')!;
    expect([c0.lower, c0.upper]).toEqual([1, 9]);
  });
});

import {
  disclosureRules,
  hierarchicalTable,
  loadHighsSolver,
  protectTables,
  twoWayTable,
  type LinearSolver,
} from '../../src/core/disclosure';

const RULES = disclosureRules({ threshold: 5, showZeros: true, roundingBase: null });

/** A solver that never finds an answer, standing in for a broken or missing WebAssembly build. */
const failingSolver: LinearSolver = {
  name: 'always fails',
  solve: () => ({ status: 'failed', objective: Number.NaN, values: [], detail: 'test double' }),
};

describe('protectTables', () => {
  it('needs no solver when nothing is withheld', () => {
    const outcome = protectTables(
      hierarchicalTable({
        leaves: [
          { id: 'a', label: 'A', value: 7 },
          { id: 'b', label: 'B', value: 0 },
        ],
        total: { id: 't', label: 'T' },
      }),
      RULES,
      undefined,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.protection.audit).toBeNull();
    expect([...outcome.protection.published]).toEqual([
      ['a', { shown: true, value: 7 }],
      ['b', { shown: true, value: 0 }],
      ['t', { shown: true, value: 7 }],
    ]);
  });

  it('refuses to publish withheld counts without a solver to audit them', () => {
    const outcome = protectTables(
      hierarchicalTable({
        leaves: [
          { id: 'a', label: 'A', value: 2 },
          { id: 'b', label: 'B', value: 9 },
        ],
        total: { id: 't', label: 'T' },
      }),
      RULES,
      undefined,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toMatch(
      /1 counts must be withheld.*needs a linear programme solver.*nothing is published unaudited/,
    );
  });

  it('fails, naming the cells, when the audit cannot bound them', () => {
    // A 2×2 table's withheld cells form one component of four equations, which needs the solver.
    const outcome = protectTables(
      twoWayTable(
        [
          [2, 9],
          [8, 20],
        ],
        { name: 'Crimes by type and district' },
      ),
      RULES,
      failingSolver,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toMatch(
      /^Disclosure audit failed: .*Crimes by type and district, row 1, column 1 could not be bounded \(the solver failed\)/,
    );
    expect(outcome.problems[0]).toMatch(/Lower the protection interval/);
  });

  it('withholds the same count everywhere: one cell, one published form', async () => {
    // A district with one ward: its total is the ward's count, so both go together.
    const table = hierarchicalTable({
      leaves: [
        { id: 'w1', label: 'w1', value: 3, group: 'A' },
        { id: 'w2', label: 'w2', value: 12, group: 'B' },
        { id: 'w3', label: 'w3', value: 9, group: 'B' },
      ],
      groups: new Map([
        ['A', { id: 'A', label: 'A' }],
        ['B', { id: 'B', label: 'B' }],
      ]),
      total: { id: 'area', label: 'area' },
    });
    const outcome = protectTables(table, RULES, await loadHighsSolver());
    // A = w1 = 3: both primary. A alone in the area relation takes B (21), and B alone takes w3 (9).
    // Then w1 = A, A + B = 24 and B = w3 + 12, so w1 + w3 = 12: w1 runs from 1 to 11.
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.protection.published.get('w1')).toEqual(outcome.protection.published.get('A'));
    expect(
      [...outcome.protection.published]
        .filter(([, p]) => !p.shown)
        .map(([id]) => id)
        .sort(),
    ).toEqual(['A', 'B', 'w1', 'w3']);
    const w1 = outcome.protection.audit!.intervals.find((c) => c.id === 'w1')!;
    expect([w1.lower, w1.upper]).toEqual([1, 11]);
  });
});

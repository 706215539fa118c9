import {
  disclosureRules,
  hierarchicalTable,
  joinRuns,
  loadHighsSolver,
  protectTables,
  type LinearSolver,
  type PriorPublication,
  type RunTables,
} from '../../src/core/disclosure';

const RULES = disclosureRules({ threshold: 5, showZeros: true, roundingBase: null });

/** Offence references 'W-1'…'W-n' for a ward, the first `inWindow` of them inside the second run's window. */
function offences(ward: string, total: number): string[] {
  return Array.from({ length: total }, (_, i) => `${ward}-${i + 1}`);
}

/** A run's ward table (wards A, B, C adding to the area) with the records behind each ward. */
function run(key: string, records: Record<string, readonly string[]>): RunTables {
  const tables = hierarchicalTable({
    leaves: Object.entries(records).map(([ward, refs]) => ({
      id: `offences:ward:${ward}`,
      label: `Offences in ${ward}`,
      value: refs.length,
    })),
    total: { id: 'offences:area', label: 'Offences in the area' },
  });
  return {
    key,
    title: key,
    tables,
    records: new Map(Object.entries(records).map(([ward, refs]) => [`offences:ward:${ward}`, refs])),
  };
}

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

describe('joinRuns', () => {
  it('makes the records one run counts and a nested run does not a slice, and identical cells one quantity', () => {
    const full = { A: offences('A', 12), B: offences('B', 20), C: offences('C', 9) };
    // The second run drops A's last 2 and B's last 3 offences (its date window ends earlier); C is unchanged.
    const window = { A: full.A.slice(0, 10), B: full.B.slice(0, 17), C: full.C };
    const joined = joinRuns([run('run 1', full), run('run 2', window)]);
    const byId = new Map(joined.tables.cells.map((cell) => [cell.id, cell]));
    // Slices exist for A and B (C's atoms: C is in both, or — seen in the family — in run 1 only, with 0 records),
    // and for the area: its offences in run 1 only are A's 2 plus B's 3.
    expect([...joined.slices].map((id) => byId.get(id)!.value).sort((a, b) => a - b)).toEqual([0, 2, 3, 5]);
    const areaSlice = byId.get('slice|offences:area|0')!;
    expect(areaSlice.value).toBe(5);
    expect(joined.tables.relations.find((r) => r.total === areaSlice.id)!.parts).toEqual(
      expect.arrayContaining(['slice|offences:ward:A|0', 'slice|offences:ward:B|0']),
    );
    const relationOf = (total: string) =>
      joined.tables.relations.find((r) => r.total === total && r.parts.some((p) => p.startsWith('slice|')));
    expect(relationOf('run 1|offences:ward:A')!.parts).toEqual(expect.arrayContaining(['run 2|offences:ward:A']));
    expect(relationOf('run 1|offences:ward:A')!.parts).toHaveLength(2);
  });
});

describe('protecting a run together with an earlier one', () => {
  const full = { A: offences('A', 12), B: offences('B', 20), C: offences('C', 9) };
  const window = { A: full.A.slice(0, 10), B: full.B.slice(0, 17), C: full.C };

  /** Run 1 was published whole (nothing in it is small); run 2 is protected against it. */
  function protectSecond(second: Record<string, readonly string[]>) {
    const joined = joinRuns([run('run 1', full), run('run 2', second)]);
    const fixed = new Map(
      joined.tables.cells.filter((cell) => cell.id.startsWith('run 1|')).map((cell) => [cell.id, true]),
    );
    const prior: PriorPublication = { fixed, slices: joined.slices, rulesOf: new Map() };
    return { joined, outcome: protectTables(joined.tables, RULES, solver, { prior }) };
  }

  /**
   * An independent attacker: every whole-number filling of run 2's withheld wards (at least 1,
   * since zeros are shown; at most run 1's count, since run 2's records are among run 1's) that
   * matches run 2's published total, and the range each March slice (run 1 − run 2) takes.
   */
  function sliceRanges(published: Map<string, { shown: boolean; value?: number }>): Map<string, [number, number]> {
    const wards = ['A', 'B', 'C'] as const;
    const shown = (ward: string) => published.get(`run 2|offences:ward:${ward}`)!;
    const total = published.get('run 2|offences:area')!;
    const ranges = new Map<string, [number, number]>();
    const choices = wards.map((ward) =>
      shown(ward).shown ? [shown(ward).value!] : Array.from({ length: full[ward].length }, (_, i) => i + 1),
    );
    for (const a of choices[0])
      for (const b of choices[1])
        for (const c of choices[2]) {
          if (total.shown && a + b + c !== total.value) continue;
          [a, b, c].forEach((value, i) => {
            const slice = full[wards[i]].length - value;
            const [low, high] = ranges.get(wards[i]) ?? [Infinity, -Infinity];
            ranges.set(wards[i], [Math.min(low, slice), Math.max(high, slice)]);
          });
        }
    return ranges;
  }

  it('withholds enough of the second run that no small slice between the runs can be recovered', () => {
    const { outcome } = protectSecond(window);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // Shown alone, run 2 would print A 10 and B 17, giving away March's 2 and 3 by subtraction.
    const ranges = sliceRanges(outcome.protection.published as Map<string, { shown: boolean; value?: number }>);
    expect(ranges.get('A')![1] - ranges.get('A')![0]).toBeGreaterThanOrEqual(5);
    expect(ranges.get('B')![1] - ranges.get('B')![0]).toBeGreaterThanOrEqual(5);
    // Run 1's cells are published as they were.
    for (const ward of ['A', 'B', 'C'])
      expect(outcome.protection.published.get(`run 1|offences:ward:${ward}`)).toEqual({
        shown: true,
        value: full[ward as 'A'].length,
      });
  });

  it('protects a small difference between the runs over the whole area, not only ward by ward', () => {
    // Run 2 drops 1 of A's and 2 of B's offences: 3 in the whole area, a small count in its own right.
    const second = { A: full.A.slice(0, 11), B: full.B.slice(0, 18), C: full.C };
    const { outcome } = protectSecond(second);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const published = outcome.protection.published as Map<string, { shown: boolean; value?: number }>;
    // Independent attacker: every filling of run 2's withheld counts (1 to run 1's count, whole) that
    // matches what run 2 shows; the area's difference is run 1's 41 less run 2's area.
    const choice = (ward: 'A' | 'B' | 'C'): number[] => {
      const shown = published.get(`run 2|offences:ward:${ward}`)!;
      return shown.shown ? [shown.value!] : Array.from({ length: full[ward].length }, (_, i) => i + 1);
    };
    const area = published.get('run 2|offences:area')!;
    let low = Infinity;
    let high = -Infinity;
    for (const a of choice('A'))
      for (const b of choice('B'))
        for (const c of choice('C')) {
          if (area.shown && a + b + c !== area.value) continue;
          const difference = 41 - (a + b + c);
          low = Math.min(low, difference);
          high = Math.max(high, difference);
        }
    expect(high - low).toBeGreaterThanOrEqual(5);
  });

  it('gives a cell with exactly the records of an earlier cell the earlier treatment', () => {
    const { outcome } = protectSecond(full);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    for (const ward of ['A', 'B', 'C']) {
      expect(outcome.protection.published.get(`run 2|offences:ward:${ward}`)).toEqual({
        shown: true,
        value: full[ward as 'A'].length,
      });
    }
    expect(outcome.protection.audit).toBeNull();
  });

  it('does not withhold anything for a slice of zero or of at least the threshold', () => {
    // Run 2 drops 6 of B's offences and none of A's or C's: B's slice of 6 may be known.
    const { outcome } = protectSecond({ A: full.A, B: full.B.slice(0, 14), C: full.C });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect([...outcome.protection.published].filter(([id, form]) => id.startsWith('run 2|') && !form.shown)).toEqual(
      [],
    );
  });
});

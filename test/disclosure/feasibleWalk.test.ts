import fc from 'fast-check';
import { loadHighsSolver, type LinearSolver } from '../../src/core/disclosure';
import { walkRange, type SumConstraint } from '../../src/core/disclosure/feasibleWalk';

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

describe('walkRange', () => {
  it('walks a single sum constraint as far as it allows, worked out by hand', () => {
    // x0 + x1 within 3..5 from (2, 2): x0 can go down to 0 (x1 rising to 3) and up to 5 (x1 falling to 0).
    expect(walkRange(2, [{ members: [0, 1], lower: 3, upper: 5 }], [2, 2], [0], 10)).toEqual({ lower: 0, upper: 5 });
    // Stops once the range is wide enough.
    expect(walkRange(2, [{ members: [0, 1], lower: 3, upper: 5 }], [2, 2], [0], 1)).toEqual({ lower: 1, upper: 2 });
  });

  it('stays put when every step breaks a constraint (a pinned target)', () => {
    // x0 = 1 exactly: x0 + x1 in 1..1 and x1 at least... x1 + x2 in 0..0 pins x1 = 0, so x0 = 1.
    const constraints: SumConstraint[] = [
      { members: [0, 1], lower: 1, upper: 1 },
      { members: [1, 2], lower: 0, upper: 0 },
    ];
    expect(walkRange(3, constraints, [1, 0, 0], [0], 5)).toEqual({ lower: 1, upper: 1 });
  });

  it('never leaves the range an exact linear programme gives (HiGHS), on random systems', () => {
    const system = fc
      .record({
        truth: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 5 }),
        sets: fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        slack: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), {
          minLength: 4,
          maxLength: 4,
        }),
        target: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      })
      .map(({ truth, sets, slack, target }) => {
        const n = truth.length;
        const constraints = sets
          .map((set) => set.slice(0, n).flatMap((on, i) => (on ? [i] : [])))
          .filter((members) => members.length > 0)
          .map((members, c) => {
            const sum = members.reduce((total, i) => total + truth[i], 0);
            return { members, lower: Math.max(0, sum - slack[c][0]), upper: sum + slack[c][1] };
          });
        const members = target.slice(0, n).flatMap((on, i) => (on ? [i] : []));
        return { truth, constraints, target: members.length > 0 ? members : [0] };
      });
    fc.assert(
      fc.property(system, ({ truth, constraints, target }) => {
        const walked = walkRange(truth.length, constraints, truth, target, 100);
        const extreme = (sense: 'minimize' | 'maximize'): number => {
          const solution = solver.solve({
            sense,
            variableCount: truth.length,
            objective: new Map(target.map((i) => [i, 1])),
            constraints: constraints.map((c) => ({
              terms: new Map(c.members.map((i) => [i, 1])),
              lower: c.lower,
              upper: c.upper,
            })),
            lowerBounds: truth.map(() => 0),
            upperBounds: truth.map(() => 20),
          });
          return solution.objective;
        };
        const start = target.reduce((sum, i) => sum + truth[i], 0);
        expect(walked.lower).toBeLessThanOrEqual(start);
        expect(walked.upper).toBeGreaterThanOrEqual(start);
        expect(walked.lower).toBeGreaterThanOrEqual(extreme('minimize') - 1e-6);
        // The variables are unbounded above for the walk; the programme caps them at 20, beyond any target here.
        if (walked.upper <= 20) expect(walked.upper).toBeLessThanOrEqual(extreme('maximize') + 1e-6);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

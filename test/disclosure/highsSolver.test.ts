import { cplexLpText, loadHighsSolver, type LinearSolver } from '../../src/core/disclosure';

/**
 * A two-equation system worked by hand: x0 + x1 = 4 and x0 + x2 = 3 with every x ≥ 0.
 * x0 can range from 0 (x1 = 4, x2 = 3) up to 3 (x2 = 0 binds first).
 */
const twoEquations = {
  variableCount: 3,
  constraints: [
    {
      terms: new Map([
        [0, 1],
        [1, 1],
      ]),
      lower: 4,
      upper: 4,
    },
    {
      terms: new Map([
        [0, 1],
        [2, 1],
      ]),
      lower: 3,
      upper: 3,
    },
  ],
  lowerBounds: [0, 0, 0],
  upperBounds: [Infinity, Infinity, Infinity],
};

describe('the HiGHS solver behind the LinearSolver port', () => {
  let solver: LinearSolver;
  beforeAll(async () => {
    solver = await loadHighsSolver();
  });

  it('finds the largest value of a variable allowed by two equations', () => {
    const solution = solver.solve({ ...twoEquations, sense: 'maximize', objective: new Map([[0, 1]]) });
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(3, 9);
    expect(solution.values[0]).toBeCloseTo(3, 9);
    expect(solution.values[2]).toBeCloseTo(0, 9);
  });

  it('finds the smallest value of the same variable', () => {
    expect(solver.solve({ ...twoEquations, sense: 'minimize', objective: new Map([[0, 1]]) }).objective).toBeCloseTo(
      0,
      9,
    );
  });

  it('reports an infeasible programme instead of a number', () => {
    const solution = solver.solve({
      ...twoEquations,
      sense: 'minimize',
      objective: new Map([[0, 1]]),
      lowerBounds: [5, 0, 0],
    });
    expect(solution.status).toBe('infeasible');
    expect(Number.isNaN(solution.objective)).toBe(true);
  });

  it('reports an unbounded programme', () => {
    const solution = solver.solve({
      sense: 'maximize',
      variableCount: 1,
      objective: new Map([[0, 1]]),
      constraints: [],
      lowerBounds: [0],
      upperBounds: [Infinity],
    });
    expect(solution.status).toBe('unbounded');
  });

  it('honours range constraints with two finite sides', () => {
    // 2 ≤ x0 + x1 ≤ 5 with x1 ≤ 1: x0 ranges over [1, 5].
    const range = {
      variableCount: 2,
      constraints: [
        {
          terms: new Map([
            [0, 1],
            [1, 1],
          ]),
          lower: 2,
          upper: 5,
        },
      ],
      lowerBounds: [0, 0],
      upperBounds: [Infinity, 1],
    };
    expect(solver.solve({ ...range, sense: 'minimize', objective: new Map([[0, 1]]) }).objective).toBeCloseTo(1, 9);
    expect(solver.solve({ ...range, sense: 'maximize', objective: new Map([[0, 1]]) }).objective).toBeCloseTo(5, 9);
  });
});

describe('cplexLpText', () => {
  it('writes equations, bounds and signs in CPLEX LP format', () => {
    const text = cplexLpText({
      sense: 'minimize',
      variableCount: 2,
      objective: new Map([[1, -2]]),
      constraints: [
        {
          terms: new Map([
            [0, 1],
            [1, -1],
          ]),
          lower: 0,
          upper: 0,
        },
      ],
      lowerBounds: [0, -Infinity],
      upperBounds: [Infinity, 7],
    });
    expect(text.split('\n')).toEqual([
      'Minimize',
      ' obj: - 2 x1',
      'Subject To',
      ' e0: + 1 x0 - 1 x1 = 0',
      'Bounds',
      ' 0 <= x0 <= +inf',
      ' -inf <= x1 <= 7',
      'End',
    ]);
  });
});

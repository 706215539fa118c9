/**
 * A linear programme in plain data, and the solver port the disclosure audit uses. The engine
 * depends on this interface only; the host loads a concrete solver (HiGHS, see highsSolver.ts)
 * once, asynchronously, and passes it in with the analysis inputs, so the analysis stays
 * synchronous and pure.
 */

/** One linear constraint: lower ≤ Σ coefficient × variable ≤ upper (equal bounds for an equation). */
export interface LinearConstraint {
  /** variable index -> coefficient */
  readonly terms: ReadonlyMap<number, number>;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Optimise `objective` over variables 0..variableCount-1 with per-variable bounds. Bounds may be
 * ±Infinity; LP variables are continuous.
 */
export interface LinearProgram {
  readonly sense: 'minimize' | 'maximize';
  readonly variableCount: number;
  /** variable index -> objective coefficient */
  readonly objective: ReadonlyMap<number, number>;
  readonly constraints: readonly LinearConstraint[];
  readonly lowerBounds: readonly number[];
  readonly upperBounds: readonly number[];
}

export type LinearProgramStatus = 'optimal' | 'infeasible' | 'unbounded' | 'failed';

export interface LinearProgramSolution {
  readonly status: LinearProgramStatus;
  /** Objective value when optimal; NaN otherwise. */
  readonly objective: number;
  /** Variable values when optimal; empty otherwise. */
  readonly values: readonly number[];
  /** The solver's own status text, for messages. */
  readonly detail: string;
}

export interface LinearSolver {
  /** Name and version, recorded in the Method sheet. */
  readonly name: string;
  solve(program: LinearProgram): LinearProgramSolution;
}

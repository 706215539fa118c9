import highsLoader from 'highs';
import type { LinearConstraint, LinearProgram, LinearProgramSolution, LinearSolver } from './linearProgram';

/**
 * The HiGHS solver (compiled to WebAssembly, npm package `highs`) behind the LinearSolver port.
 * Loading compiles the WebAssembly module, so it is asynchronous and done once per process or
 * worker; each solve is synchronous. In a browser bundle, `locateFile` says where `highs.wasm` is
 * served (Node finds it beside the loader).
 */
export async function loadHighsSolver(options: { locateFile?: (file: string) => string } = {}): Promise<LinearSolver> {
  const highs = await highsLoader(options.locateFile ? { locateFile: options.locateFile } : undefined);
  return {
    name: 'HiGHS (highs npm package, WebAssembly)',
    solve(program: LinearProgram): LinearProgramSolution {
      const raw = highs.solve(cplexLpText(program));
      if (raw.Status !== 'Optimal') {
        const status = raw.Status === 'Infeasible' ? 'infeasible' : raw.Status === 'Unbounded' ? 'unbounded' : 'failed';
        return { status, objective: Number.NaN, values: [], detail: raw.Status };
      }
      const values = Array.from({ length: program.variableCount }, (_, i) => {
        // A column the solver did not report (absent from its answer) is at 0.
        const column: { readonly Primal: number } | undefined = raw.Columns[variableName(i)];
        return column ? column.Primal : 0;
      });
      return { status: 'optimal', objective: raw.ObjectiveValue, values, detail: raw.Status };
    },
  };
}

function variableName(index: number): string {
  return `x${index}`;
}

function formatNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  return String(value);
}

function linearExpression(terms: ReadonlyMap<number, number>): string {
  const parts: string[] = [];
  for (const [index, coefficient] of terms) {
    if (coefficient === 0) continue;
    parts.push(`${coefficient < 0 ? '-' : '+'} ${Math.abs(coefficient)} ${variableName(index)}`);
  }
  // CPLEX LP needs at least one term; 0 x0 keeps an empty objective valid.
  return parts.length > 0 ? parts.join(' ') : `0 ${variableName(0)}`;
}

function constraintLines(constraint: LinearConstraint, index: number): string[] {
  const expression = linearExpression(constraint.terms);
  if (constraint.lower === constraint.upper) return [` e${index}: ${expression} = ${formatNumber(constraint.lower)}`];
  const lines: string[] = [];
  if (Number.isFinite(constraint.lower)) lines.push(` l${index}: ${expression} >= ${formatNumber(constraint.lower)}`);
  if (Number.isFinite(constraint.upper)) lines.push(` u${index}: ${expression} <= ${formatNumber(constraint.upper)}`);
  return lines;
}

/** The programme in CPLEX LP format, the text HiGHS's one-shot solver reads. */
export function cplexLpText(program: LinearProgram): string {
  const lines = [
    program.sense === 'minimize' ? 'Minimize' : 'Maximize',
    ` obj: ${linearExpression(program.objective)}`,
    'Subject To',
  ];
  program.constraints.forEach((constraint, i) => lines.push(...constraintLines(constraint, i)));
  lines.push('Bounds');
  for (let i = 0; i < program.variableCount; i++) {
    lines.push(
      ` ${formatNumber(program.lowerBounds[i])} <= ${variableName(i)} <= ${formatNumber(program.upperBounds[i])}`,
    );
  }
  lines.push('End');
  return lines.join('\n');
}

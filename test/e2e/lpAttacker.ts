/**
 * An outsider's linear-programming attack, written for the tests apart from the engine's audit: it
 * shares only the solver (HiGHS through the LinearSolver port), builds its own programme from
 * whatever facts the test read off the output workbook, and bounds each target by minimising and
 * maximising it. Ends are read as whole numbers (⌈min⌉, ⌊max⌋); for totals-of-parts tables with
 * simple bounds that is the integer answer too (the matrix is totally unimodular).
 */
import type { LinearConstraint, LinearSolver } from '../../src/core/disclosure';

/** lower ≤ Σ coefficient × count ≤ upper, by the counts' names. */
export interface Fact {
  readonly terms: ReadonlyMap<string, number>;
  readonly lower: number;
  readonly upper: number;
  /** Where the attacker read it, for messages. */
  readonly source: string;
}

export interface AttackRange {
  readonly lower: number;
  readonly upper: number;
}

/** total = Σ parts, as a fact. */
export function sumFact(total: string, parts: readonly string[], source: string): Fact {
  const terms = new Map<string, number>([[total, -1]]);
  for (const part of parts) terms.set(part, (terms.get(part) ?? 0) + 1);
  return { terms, lower: 0, upper: 0, source };
}

/** lower ≤ count ≤ upper, as a fact. */
export function boundFact(id: string, lower: number, upper: number, source: string): Fact {
  return { terms: new Map([[id, 1]]), lower, upper, source };
}

/** Splits the facts into groups that share no count: each target is bounded by its own group alone. */
function independentGroups(facts: readonly Fact[]): Fact[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    if (!parent.has(id)) parent.set(id, id);
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const fact of facts) {
    const [first, ...rest] = [...fact.terms.keys()];
    for (const id of rest) parent.set(find(id), find(first));
  }
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const root = find([...fact.terms.keys()][0]);
    groups.set(root, [...(groups.get(root) ?? []), fact]);
  }
  return [...groups.values()];
}

/** Both ends of every target within one group of facts. */
function attackGroup(
  facts: readonly Fact[],
  targets: readonly string[],
  solver: LinearSolver,
  ranges: Map<string, AttackRange>,
): void {
  const names = [...new Set(facts.flatMap((fact) => [...fact.terms.keys()]).concat(targets))];
  const index = new Map(names.map((name, i) => [name, i]));
  const lowerBounds = names.map(() => 0);
  const upperBounds = names.map(() => Number.POSITIVE_INFINITY);
  const constraints: LinearConstraint[] = [];
  for (const fact of facts) {
    const [[id, coefficient]] = [...fact.terms];
    if (fact.terms.size === 1 && coefficient === 1) {
      const i = index.get(id)!;
      lowerBounds[i] = Math.max(lowerBounds[i], fact.lower);
      upperBounds[i] = Math.min(upperBounds[i], fact.upper);
    } else {
      constraints.push({
        terms: new Map([...fact.terms].map(([name, c]) => [index.get(name)!, c])),
        lower: fact.lower,
        upper: fact.upper,
      });
    }
  }
  for (const target of targets) {
    const end = (sense: 'minimize' | 'maximize'): number => {
      const solution = solver.solve({
        sense,
        variableCount: names.length,
        objective: new Map([[index.get(target)!, 1]]),
        constraints,
        lowerBounds,
        upperBounds,
      });
      if (solution.status === 'unbounded')
        return sense === 'maximize' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      if (solution.status !== 'optimal')
        throw new Error(
          `The attacker's programme for ${target} is ${solution.status}: the facts read from the workbook contradict each other.`,
        );
      return (sense === 'minimize' ? Math.ceil(solution.objective - 1e-6) : Math.floor(solution.objective + 1e-6)) + 0;
    };
    ranges.set(target, { lower: end('minimize'), upper: end('maximize') });
  }
}

/**
 * The least and greatest whole value of each target consistent with every fact (every count is
 * at least 0). An end the facts leave open is ±Infinity. A target no fact names is 0 upwards.
 */
export function attack(
  facts: readonly Fact[],
  targets: readonly string[],
  solver: LinearSolver,
): Map<string, AttackRange> {
  const ranges = new Map<string, AttackRange>();
  const wanted = new Set(targets);
  for (const group of independentGroups(facts)) {
    const named = new Set(group.flatMap((fact) => [...fact.terms.keys()]));
    attackGroup(
      group,
      targets.filter((id) => named.has(id)),
      solver,
      ranges,
    );
    named.forEach((id) => wanted.delete(id));
  }
  for (const id of wanted) ranges.set(id, { lower: 0, upper: Number.POSITIVE_INFINITY });
  return ranges;
}

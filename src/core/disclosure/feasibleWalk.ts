/** Σ of some variables within [lower, upper]. */
export interface SumConstraint {
  readonly members: readonly number[];
  readonly lower: number;
  readonly upper: number;
}

/**
 * How far a target sum can be moved each way from a feasible whole-number point by single steps
 * that keep every constraint: one target variable up or down by 1, alone or with another variable
 * moved the other way. Every point visited is feasible, so the range returned lies within the true
 * range of the target over all feasible points: an inner bound that certifies cheaply that a
 * target is not pinned (its range is at least `enough` wide) or can be zero, leaving the exact
 * linear programmes for the few it cannot. Stops each way once the range is `enough` wide or at 0.
 * @example walkRange(2, [{ members: [0, 1], lower: 3, upper: 5 }], [2, 2], [0], 10) // => { lower: 0, upper: 5 }
 */
export function walkRange(
  variables: number,
  constraints: readonly SumConstraint[],
  point: readonly number[],
  target: readonly number[],
  enough: number,
): { readonly lower: number; readonly upper: number } {
  const memberOf: number[][] = Array.from({ length: variables }, () => []);
  constraints.forEach((constraint, c) => {
    for (const member of constraint.members) memberOf[member].push(c);
  });
  const inTarget = new Set(target);
  const others = Array.from({ length: variables }, (_, i) => i).filter((i) => !inTarget.has(i));
  const start = target.reduce((sum, i) => sum + point[i], 0);

  /** One direction: the furthest target value reached from the point by feasible steps. */
  const walk = (direction: 1 | -1, limit: number): number => {
    const x = [...point];
    const sums = constraints.map((constraint) => constraint.members.reduce((sum, i) => sum + x[i], 0));
    const fits = (changes: readonly (readonly [number, number])[]): boolean => {
      const delta = new Map<number, number>();
      for (const [variable, by] of changes) {
        if (x[variable] + by < 0) return false;
        for (const c of memberOf[variable]) delta.set(c, (delta.get(c) ?? 0) + by);
      }
      for (const [c, by] of delta) {
        const next = sums[c] + by;
        if (next < constraints[c].lower || next > constraints[c].upper) return false;
      }
      return true;
    };
    const apply = (changes: readonly (readonly [number, number])[]): void => {
      for (const [variable, by] of changes) {
        x[variable] += by;
        for (const c of memberOf[variable]) sums[c] += by;
      }
    };
    let value = start;
    while (direction > 0 ? value < limit : value > limit) {
      let stepped = false;
      for (const t of target) {
        const alone: (readonly [number, number])[] = [[t, direction]];
        if (fits(alone)) {
          apply(alone);
          stepped = true;
          break;
        }
        for (const o of others) {
          const paired: (readonly [number, number])[] = [
            [t, direction],
            [o, -direction],
          ];
          if (fits(paired)) {
            apply(paired);
            stepped = true;
            break;
          }
        }
        if (stepped) break;
      }
      if (!stepped) break;
      value += direction;
    }
    return value;
  };
  const lower = walk(-1, Math.max(0, start - enough));
  const upper = walk(1, lower + enough);
  return { lower, upper };
}

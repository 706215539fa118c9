/**
 * An independent attacker for small tables: it enumerates every assignment of whole numbers to the
 * unknown cells and keeps those that satisfy every relation, then reports each withheld cell's
 * least and greatest value. It shares no code with the engine's audit (no linear programmes, no
 * components, its own reading of rounding), so agreement between the two is evidence for both.
 */
export interface BruteCell {
  readonly id: string;
  readonly value: number;
}
export interface BruteRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

export interface BruteRules {
  readonly threshold: number;
  readonly zerosSensitive: boolean;
  readonly roundingBase: number | null;
}

function sensitive(x: number, rules: BruteRules): boolean {
  return x === 0 ? rules.zerosSensitive : x < rules.threshold;
}

/** Whole numbers that a shown cell may be: itself, or (rounding) those rounding to the same multiple that are not sensitive. */
function shownCandidates(value: number, rules: BruteRules): number[] {
  if (rules.roundingBase === null) return [value];
  const base = rules.roundingBase;
  const rounded = base * Math.floor(value / base + 0.5);
  const out: number[] = [];
  for (let x = 0; x <= rounded + base; x++) {
    if (base * Math.floor(x / base + 0.5) === rounded && !sensitive(x, rules)) out.push(x);
  }
  return out;
}

/** What an outsider knows of some cells from figures published beside the tables: lower ≤ value ≤ upper. */
export type BruteBounds = ReadonlyMap<string, { readonly lower: number; readonly upper: number }>;

/**
 * Ranges of the hidden cells by exhaustive search. Hidden cells are tried up to `cap`, then up to
 * twice `cap`: a greatest value that grows with the cap is unbounded and reported as Infinity.
 * `bounds` keeps only the values of a cell that the figures beside the tables allow.
 */
export function bruteForceRanges(
  cells: readonly BruteCell[],
  relations: readonly BruteRelation[],
  hidden: ReadonlySet<string>,
  rules: BruteRules,
  cap: number,
  bounds: BruteBounds = new Map(),
): Map<string, { lower: number; upper: number }> {
  const first = searchUpTo(cells, relations, hidden, rules, cap, bounds);
  const second = searchUpTo(cells, relations, hidden, rules, 2 * cap, bounds);
  const result = new Map<string, { lower: number; upper: number }>();
  for (const [id, range] of first)
    result.set(id, { lower: range.lower, upper: second.get(id)!.upper > range.upper ? Infinity : range.upper });
  return result;
}

function searchUpTo(
  allCells: readonly BruteCell[],
  relations: readonly BruteRelation[],
  hidden: ReadonlySet<string>,
  rules: BruteRules,
  cap: number,
  bounds: BruteBounds,
): Map<string, { lower: number; upper: number }> {
  const hiddenLower = rules.zerosSensitive ? 0 : 1;
  // Shown cells first, so each relation is checked as soon as its last hidden cell is assigned.
  const cells = [...allCells.filter((c) => !hidden.has(c.id)), ...allCells.filter((c) => hidden.has(c.id))];
  const ids = cells.map((c) => c.id);
  const allowed = (id: string, x: number): boolean =>
    !bounds.has(id) || (bounds.get(id)!.lower <= x && x <= bounds.get(id)!.upper);
  const choices = cells.map((cell) =>
    (hidden.has(cell.id)
      ? Array.from({ length: cap - hiddenLower + 1 }, (_, i) => hiddenLower + i)
      : shownCandidates(cell.value, rules)
    ).filter((x) => allowed(cell.id, x)),
  );
  const index = new Map(ids.map((id, i) => [id, i]));
  // Check a relation as soon as its last member (in enumeration order) is assigned.
  const relationsClosingAt = ids.map(() => [] as BruteRelation[]);
  for (const relation of relations) {
    const last = Math.max(...[relation.total, ...relation.parts].map((id) => index.get(id)!));
    relationsClosingAt[last].push(relation);
  }
  const assignment = new Array<number>(ids.length).fill(0);
  const least = new Map<string, number>();
  const greatest = new Map<string, number>();
  const visit = (i: number): void => {
    if (i === ids.length) {
      for (const id of hidden) {
        const v = assignment[index.get(id)!];
        least.set(id, Math.min(least.get(id) ?? Infinity, v));
        greatest.set(id, Math.max(greatest.get(id) ?? -Infinity, v));
      }
      return;
    }
    for (const value of choices[i]) {
      assignment[i] = value;
      const fits = relationsClosingAt[i].every(
        (r) => r.parts.reduce((s, p) => s + assignment[index.get(p)!], 0) === assignment[index.get(r.total)!],
      );
      if (fits) visit(i + 1);
    }
  };
  visit(0);
  const result = new Map<string, { lower: number; upper: number }>();
  for (const id of hidden) result.set(id, { lower: least.get(id)!, upper: greatest.get(id)! });
  return result;
}

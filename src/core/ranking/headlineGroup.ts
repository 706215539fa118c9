/** A ranked school as far as the headline needs it. */
export interface IntervalRanked {
  readonly rank: number;
  readonly rankLower: number;
  readonly rankUpper: number;
}

/**
 * Who the headline may name (Goldstein & Spiegelhalter, "League tables and their limitations",
 * JRSS A 159, 1996: read ranks with their intervals): the school ranked first, and every school
 * whose rank interval overlaps its interval, i.e. could hold the top place as far as the
 * simulation can tell. One school is named alone ('separated') only when no other interval
 * overlaps its own; otherwise the headline is the group, in rank order. Schools without a finite
 * rank take no part. O(n).
 *
 * @example headlineGroup([{ rank: 1, rankLower: 1, rankUpper: 2 }, { rank: 2, rankLower: 1, rankUpper: 3 }, { rank: 3, rankLower: 3, rankUpper: 5 }])
 *   // => { kind: 'group', schools: [the first two] } (the third's 3–5 does not reach the first's 1–2)
 */
export function headlineGroup<T extends IntervalRanked>(
  schools: readonly T[],
):
  | { readonly kind: 'separated'; readonly school: T }
  | { readonly kind: 'group'; readonly schools: readonly T[] }
  | { readonly kind: 'none' } {
  const ranked = schools.filter(
    (school) => Number.isFinite(school.rank) && Number.isFinite(school.rankLower) && Number.isFinite(school.rankUpper),
  );
  const top = ranked.reduce<T | undefined>(
    (best, school) => (best === undefined || school.rank < best.rank ? school : best),
    undefined,
  );
  if (!top) return { kind: 'none' };
  const overlapping = ranked.filter(
    (school) => school === top || (school.rankLower <= top.rankUpper && top.rankLower <= school.rankUpper),
  );
  return overlapping.length === 1
    ? { kind: 'separated', school: top }
    : { kind: 'group', schools: [...overlapping].sort((a, b) => a.rank - b.rank) };
}

/**
 * The decile of a rank among n ranked schools, decile 1 holding the 10% most exposed:
 * decile = ⌊10 (rank − 1) / n⌋ + 1, the rule of dplyr's `ntile(x, 10)`. Rank 1 is always in decile 1;
 * with 400 schools ranks 1–40 are decile 1 and 361–400 decile 10. NaN for a rank that is not a number.
 *
 * @example decileOfRank(40, 400) // => 1   (⌊390/400⌋ + 1)
 * @example decileOfRank(41, 400) // => 2   (⌊400/400⌋ + 1)
 */
export function decileOfRank(rank: number, n: number): number {
  if (!Number.isFinite(rank) || !(n > 0)) return NaN;
  return Math.floor((10 * (rank - 1)) / n) + 1;
}

/**
 * Deciles for a map of ranks: URN to rank, or URN to an object with a `rank` (as `rankWithUncertainty`
 * returns). `n` is the number of ranked schools; by default the number of ranks that are numbers.
 * Unranked schools get NaN.
 *
 * @example deciles(new Map([['a', 1], ['b', 2]])) // => a 1, b 6
 */
export function deciles(
  ranks: ReadonlyMap<string, number | { readonly rank: number }>,
  n?: number,
): Map<string, number> {
  const rankOf = (entry: number | { readonly rank: number }): number =>
    typeof entry === 'number' ? entry : entry.rank;
  let ranked = 0;
  for (const entry of ranks.values()) if (Number.isFinite(rankOf(entry))) ranked++;
  const total = n ?? ranked;
  const result = new Map<string, number>();
  for (const [urn, entry] of ranks) result.set(urn, decileOfRank(rankOf(entry), total));
  return result;
}

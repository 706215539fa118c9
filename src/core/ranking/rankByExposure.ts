/** Code-unit order of URNs: the deterministic tie-break used in every ranking. */
export function compareUrns(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Point ranks by exposure: 1 = the most exposed; equal exposures are ordered by URN (string order)
 * so that ranks are a permutation 1..n and the same on every run. Schools whose exposure is not a
 * number are not ranked (rank NaN) and do not count in n.
 *
 * @example rankByExposure([{ urn: 'b', exposureIndex: 120 }, { urn: 'a', exposureIndex: 120 }, { urn: 'c', exposureIndex: 150 }, { urn: 'd', exposureIndex: NaN }])
 *   // => c 1, a 2, b 3, d NaN
 */
export function rankByExposure(
  exposures: readonly { readonly urn: string; readonly exposureIndex: number }[],
): Map<string, number> {
  const ranked = exposures
    .filter((school) => !Number.isNaN(school.exposureIndex))
    .sort((x, y) => y.exposureIndex - x.exposureIndex || compareUrns(x.urn, y.urn));
  const ranks = new Map<string, number>();
  for (const school of exposures) ranks.set(school.urn, NaN);
  ranked.forEach((school, index) => ranks.set(school.urn, index + 1));
  return ranks;
}

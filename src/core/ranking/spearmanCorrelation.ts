/** Ranks 1..n of values, ties given the mean of the ranks they span (the "fractional" ranking). */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const mean = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = mean;
    start = end;
  }
  return ranks;
}

/** Pearson's product-moment correlation; NaN when either variable does not vary or there are fewer than 2 pairs. */
export function pearsonCorrelation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n !== y.length) throw new RangeError(`Correlation needs pairs: got ${x.length} and ${y.length} values.`);
  if (n < 2) return Number.NaN;
  const meanX = x.reduce((sum, v) => sum + v, 0) / n;
  const meanY = y.reduce((sum, v) => sum + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - meanX) * (y[i] - meanY);
    sxx += (x[i] - meanX) ** 2;
    syy += (y[i] - meanY) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/**
 * Spearman's rank correlation ρ: Pearson's correlation of the average ranks (so ties are handled
 * exactly; without ties it equals 1 − 6 Σd² / (n(n² − 1))). NaN when either variable is constant
 * or there are fewer than 2 pairs.
 *
 * @example spearmanCorrelation([1, 2, 3, 4], [10, 30, 20, 40]) // => 0.8 (d² = 0, 1, 1, 0: 1 − 6×2/60)
 */
export function spearmanCorrelation(x: readonly number[], y: readonly number[]): number {
  return pearsonCorrelation(averageRanks(x), averageRanks(y));
}

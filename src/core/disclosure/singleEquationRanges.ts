import type { CountRange } from './attackerRanges';

/**
 * Exact feasible ranges of the unknowns of one equation Σ sign_i × x_i = constant with each x_i in
 * [lower_i, upper_i] and every sign ±1: the linear programme's optimum in closed form. The other
 * terms can take every value between the sum of their least and the sum of their greatest
 * contributions, so
 *   sign_k × x_k ∈ [constant − restMax, constant − restMin] ∩ the range of x_k.
 * With whole-number data every point of the range is reached by whole numbers (a single equation
 * with unit coefficients is totally unimodular), so this is also the integer answer.
 *
 * Used by the audit for the commonest component, withheld cells under one published total, where
 * it gives exactly what two linear programmes per cell would, without a solver round trip.
 * @example singleEquationRanges([1, 1], 6, [{ lower: 1, upper: Infinity }, { lower: 1, upper: Infinity }])
 * // => [{ lower: 1, upper: 5 }, { lower: 1, upper: 5 }]
 */
export function singleEquationRanges(
  signs: readonly number[],
  constant: number,
  ranges: readonly CountRange[],
): CountRange[] {
  const contribution = ranges.map((range, i) => {
    const a = signs[i] * range.lower;
    const b = signs[i] * range.upper;
    return { least: Math.min(a, b), greatest: Math.max(a, b) };
  });
  const infinitelyLow = contribution.filter((c) => c.least === Number.NEGATIVE_INFINITY).length;
  const infinitelyHigh = contribution.filter((c) => c.greatest === Number.POSITIVE_INFINITY).length;
  const finiteLeast = contribution.reduce((sum, c) => sum + (Number.isFinite(c.least) ? c.least : 0), 0);
  const finiteGreatest = contribution.reduce((sum, c) => sum + (Number.isFinite(c.greatest) ? c.greatest : 0), 0);
  return ranges.map((range, k) => {
    const own = contribution[k];
    const restMin =
      infinitelyLow - (own.least === Number.NEGATIVE_INFINITY ? 1 : 0) > 0
        ? Number.NEGATIVE_INFINITY
        : finiteLeast - (Number.isFinite(own.least) ? own.least : 0);
    const restMax =
      infinitelyHigh - (own.greatest === Number.POSITIVE_INFINITY ? 1 : 0) > 0
        ? Number.POSITIVE_INFINITY
        : finiteGreatest - (Number.isFinite(own.greatest) ? own.greatest : 0);
    const low = constant - restMax;
    const high = constant - restMin;
    const [fromEquationLow, fromEquationHigh] = signs[k] > 0 ? [low, high] : [-high, -low];
    // `+ 0` turns a −0 (from negating 0) into 0.
    return { lower: Math.max(range.lower, fromEquationLow) + 0, upper: Math.min(range.upper, fromEquationHigh) + 0 };
  });
}

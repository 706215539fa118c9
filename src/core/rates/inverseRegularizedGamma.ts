import { logGamma } from './logGamma';
import { logGammaPrefix, regularizedGammaP, regularizedGammaQ } from './regularizedGamma';

/** Bound once: global lookups such as `Math.abs` are slow inside vm contexts (Jest). */
const { abs, exp, log, max, min, pow, sqrt } = Math;

/** Stop once a step, or the bracket around the root, is this small relative to x. */
const RELATIVE_TOLERANCE = 1e-13;
/**
 * A safety cap only. Measured from the starting value: at most 7 evaluations for shapes 0.5 to 10^6 and
 * tail probabilities down to 5e-5 (a 99.99% interval), at most 17 out at 1e-10. Should Halley's method
 * fail, bisection (geometric while the bracket spans more than a factor of 4) closes any bracket inside
 * the doubles in well under this many steps.
 */
const MAX_STEPS = 300;

/** ln of the smallest positive double (Number.MIN_VALUE, 5e-324). */
const LOG_SMALLEST_DOUBLE = log(Number.MIN_VALUE);

/**
 * Starting value from Numerical Recipes, 3rd ed., §6.2.1 (`invgammp`): the Wilson–Hilferty cube-root
 * normal approximation for a > 1 (within a fraction of a standard deviation of the root, and better as
 * a grows), and for a ≤ 1 the inverse of the two leading terms of P near 0 and of Q near ∞.
 */
function initialGuess(shape: number, probability: number): number {
  if (shape > 1) {
    const tailProbability = probability < 0.5 ? probability : 1 - probability;
    const t = sqrt(-2 * log(tailProbability));
    // Abramowitz & Stegun 26.2.22: the normal upper-tail quantile for tailProbability (error < 3e-3),
    // signed so that z is the standard normal quantile of `probability`.
    let z = t - (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481));
    if (probability < 0.5) z = -z;
    const wilsonHilferty = shape * pow(1 - 1 / (9 * shape) + z / (3 * sqrt(shape)), 3);
    if (wilsonHilferty > 1e-3) return wilsonHilferty;
    // Far into the lower tail (where Wilson–Hilferty gives next to nothing) the root is tiny and
    // P(a, x) ≈ x^a / Γ(a + 1), the series' first term: start there, or Halley's steps only halve x.
    const seriesStart = exp((log(probability) + logGamma(shape + 1)) / shape);
    return probability < 0.5 ? min(1e-3, seriesStart) : 1e-3;
  }
  const t = 1 - shape * (0.253 + shape * 0.12);
  return probability < t ? pow(probability / t, 1 / shape) : 1 - log(1 - (probability - t) / (1 - t));
}

/**
 * The Halley step for f(x) = P(a, x) − p at x, given f: f′ is the Gamma(a) density and f″/f′ = (a − 1)/x − 1.
 * Falls back to the Newton step when the Halley factor is far from 1 (far from the root, where it can
 * shrink the step to nothing), and is NaN when the density underflows, leaving the move to the bracket.
 */
function halleyStep(shape: number, x: number, residual: number): number {
  const density = exp(logGammaPrefix(shape, x) - log(x));
  if (!(density > 0 && density < Infinity)) return NaN;
  const newton = residual / density;
  const curvature = newton * ((shape - 1) / x - 1);
  return abs(curvature) < 1 ? newton / (1 - 0.5 * curvature) : newton;
}

/**
 * A point strictly inside (lower, upper) when the Halley step leaves it: grow an open bracket, bisect
 * a closed one (geometrically while it spans decades, so tiny and huge roots take few steps).
 */
function bracketPoint(lower: number, upper: number, x: number): number {
  if (upper === Infinity) return 2 * x + 1;
  if (lower > 0 && upper > 4 * lower) return sqrt(lower) * sqrt(upper);
  return 0.5 * (lower + upper);
}

/**
 * Inverse of the regularised lower incomplete gamma function: the x ≥ 0 with P(a, x) = p, i.e. the
 * p-quantile of a Gamma(a, 1) variable.
 *
 * Method: the starting value of Numerical Recipes (3rd ed., §6.2.1, `invgammp`), then Halley's method on
 * f(x) = P(a, x) − p. Every evaluation tightens a bracket [lower, upper] around the root (f is increasing),
 * and a step that would leave the bracket is replaced by bisection, so it converges for every shape and
 * probability; convergence is judged on the Halley step itself, before any fallback, so a step that
 * rounding leaves a hair outside the bracket ends the search instead of restarting it. For p > ½ the
 * residual is taken as (1 − p) − Q(a, x) to keep accuracy in the upper tail. Converges in a few steps
 * for shapes up to 10^6 and beyond (each step costs O(√a) for large a: under a millisecond at 10^6).
 *
 * @example inverseRegularizedGammaP(1, 0.975) // => −ln(0.025) ≈ 3.688879 (exponential quantile)
 * @example inverseRegularizedGammaP(0.5, 0.95) // => 3.841459 / 2 (χ²₁ 95% point halved)
 * @example inverseRegularizedGammaP(1794, 0.001) // => 1665.9557 (lower 99.8% exact Poisson limit for 1,794)
 */
export function inverseRegularizedGammaP(shape: number, probability: number): number {
  if (!(shape > 0)) throw new RangeError(`inverseRegularizedGammaP needs a positive shape; got ${shape}.`);
  if (Number.isNaN(probability) || probability < 0 || probability > 1) {
    throw new RangeError(`inverseRegularizedGammaP needs a probability in [0, 1]; got ${probability}.`);
  }
  if (probability === 0) return 0;
  if (probability === 1) return Infinity;

  // A root below the smallest double (P(a, x) ≈ x^a / Γ(a + 1) there) is 0 to machine precision.
  if (probability < 0.5 && (log(probability) + logGamma(shape + 1)) / shape < LOG_SMALLEST_DOUBLE) return 0;

  const useUpperTail = probability > 0.5;
  const upperTarget = 1 - probability;
  const residual = (x: number): number =>
    useUpperTail ? upperTarget - regularizedGammaQ(shape, x) : regularizedGammaP(shape, x) - probability;

  let lower = 0;
  let upper = Infinity;
  let x = initialGuess(shape, probability);
  for (let step = 0; step < MAX_STEPS; step++) {
    const f = residual(x);
    if (f === 0) return x;
    if (f < 0) lower = x;
    else upper = x;

    const halley = halleyStep(shape, x, f);
    if (abs(halley) <= RELATIVE_TOLERANCE * x) return min(upper, max(lower, x - halley));
    const candidate = x - halley;
    const next = candidate > lower && candidate < upper ? candidate : bracketPoint(lower, upper, x);
    if (upper < Infinity && upper - lower <= RELATIVE_TOLERANCE * upper) return next;
    x = next;
  }
  // Never a silently unconverged answer: an interval built on it would be wrong without a word.
  throw new Error(
    `inverseRegularizedGammaP(${shape}, ${probability}) did not converge in ${MAX_STEPS} steps (last x ${x}, bracket ${lower} to ${upper}).`,
  );
}

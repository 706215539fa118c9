import { logGamma } from './logGamma';
import { regularizedGammaP, regularizedGammaQ } from './regularizedGamma';

const RELATIVE_TOLERANCE = 1e-13;
const MAX_STEPS = 200;

/** Starting point from Numerical Recipes, 3rd ed., §6.2.1 (`invgammp`): Wilson–Hilferty for a > 1. */
function initialGuess(shape: number, probability: number): number {
  if (shape > 1) {
    const tailProbability = probability < 0.5 ? probability : 1 - probability;
    const t = Math.sqrt(-2 * Math.log(tailProbability));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (probability < 0.5) z = -z;
    return Math.max(1e-3, shape * Math.pow(1 - 1 / (9 * shape) - z / (3 * Math.sqrt(shape)), 3));
  }
  const t = 1 - shape * (0.253 + shape * 0.12);
  return probability < t ? Math.pow(probability / t, 1 / shape) : 1 - Math.log(1 - (probability - t) / (1 - t));
}

/**
 * Inverse of the regularised lower incomplete gamma function: the x ≥ 0 with P(a, x) = p, i.e. the
 * p-quantile of a Gamma(a, 1) variable.
 *
 * Method: the starting value of Numerical Recipes (3rd ed., §6.2.1, `invgammp`), then Halley's method
 * on f(x) = P(a, x) − p (f′ is the Gamma density), kept inside a bracket that every evaluation
 * tightens and falling back to bisection whenever a step would leave it, so it always converges.
 * For p > ½ the residual is taken as (1 − p) − Q(a, x) to keep accuracy in the upper tail.
 *
 * @example inverseRegularizedGammaP(1, 0.975) // => −ln(0.025) ≈ 3.688879 (exponential quantile)
 * @example inverseRegularizedGammaP(0.5, 0.95) // => 3.841459 / 2 (χ²₁ 95% point halved)
 */
export function inverseRegularizedGammaP(shape: number, probability: number): number {
  if (!(shape > 0)) throw new RangeError(`inverseRegularizedGammaP needs a positive shape; got ${shape}.`);
  if (Number.isNaN(probability) || probability < 0 || probability > 1) {
    throw new RangeError(`inverseRegularizedGammaP needs a probability in [0, 1]; got ${probability}.`);
  }
  if (probability === 0) return 0;
  if (probability === 1) return Infinity;

  const useUpperTail = probability > 0.5;
  const upperTarget = 1 - probability;
  const residual = (x: number): number =>
    useUpperTail ? upperTarget - regularizedGammaQ(shape, x) : regularizedGammaP(shape, x) - probability;
  const logGammaShape = logGamma(shape);

  let lower = 0;
  let upper = Infinity;
  let x = initialGuess(shape, probability);
  for (let step = 0; step < MAX_STEPS; step++) {
    const f = residual(x);
    if (f === 0) return x;
    if (f < 0) lower = x;
    else upper = x;

    const density = Math.exp((shape - 1) * Math.log(x) - x - logGammaShape);
    let next = NaN;
    if (density > 0 && Number.isFinite(density)) {
      const newton = f / density;
      const halleyCorrection = 1 - 0.5 * Math.min(1, newton * ((shape - 1) / x - 1));
      next = x - newton / halleyCorrection;
    }
    if (!(next > lower && next < upper)) next = Number.isFinite(upper) ? 0.5 * (lower + upper) : 2 * x + 1;
    if (Math.abs(next - x) <= RELATIVE_TOLERANCE * x || (Number.isFinite(upper) && upper - lower <= RELATIVE_TOLERANCE * upper)) {
      return next;
    }
    x = next;
  }
  return x;
}

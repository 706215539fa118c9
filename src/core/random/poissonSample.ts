import { logGamma } from '../rates/logGamma';

/** Bound once: a global lookup such as `Math.imul` is slow inside vm contexts (Jest, some Worker shims). */
const { exp, log, sqrt, floor, abs } = Math;

/** Means below this use Knuth's multiplication method; from here on, Hörmann's PTRS. */
export const PTRS_THRESHOLD = 10;

/**
 * Knuth's method (The Art of Computer Programming vol. 2, §3.4.1): multiply uniforms until the product
 * drops below e^(−mean). Exact; expected mean + 1 uniforms, so only for small means.
 */
function poissonKnuth(mean: number, random: () => number): number {
  const limit = exp(-mean);
  let product = random();
  let count = 0;
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}

/**
 * PTRS, "transformed rejection with squeeze" (W. Hörmann, "The transformed rejection method for
 * generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993, 39–45), as in
 * NumPy's `random_poisson_ptrs`. Exact (a rejection method, not an approximation) and O(1): about 1.2
 * pairs of uniforms per draw for any mean ≥ 10, which a normal approximation cannot claim to match in
 * the tails and Knuth's O(mean) loop cannot match in speed.
 */
function poissonPtrs(mean: number, random: () => number): number {
  const logMean = log(mean);
  const b = 0.931 + 2.53 * sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const logInverseAlpha = log(1.1239 + 1.1328 / (b - 3.4));
  const acceptBound = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - abs(u);
    const k = floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= acceptBound) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v) + logInverseAlpha - log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}

/**
 * One draw from Poisson(mean) using the given uniform generator: Knuth's multiplication method for
 * means below 10, Hörmann's PTRS from 10 up (both exact). Mean 0 gives 0. Deterministic for a
 * deterministic `random`. A negative or non-finite mean is a broken invariant and throws.
 *
 * @example poissonSample(4.2, seededRandom(7)) // => a non-negative integer; mean of many draws ≈ 4.2
 */
export function poissonSample(mean: number, random: () => number): number {
  if (!(mean >= 0) || !Number.isFinite(mean))
    throw new RangeError(`A Poisson mean must be a finite number ≥ 0; got ${mean}.`);
  if (mean === 0) return 0;
  return mean < PTRS_THRESHOLD ? poissonKnuth(mean, random) : poissonPtrs(mean, random);
}

import { logGamma } from '../rates/logGamma';

/** Bound once: a global lookup such as `Math.imul` is slow inside vm contexts (Jest, some Worker shims). */
const { log, sqrt, floor, abs, pow } = Math;

/** From this expected count (n × min(p, 1 − p)) on, BTRS; below it, inversion. */
const BTRS_THRESHOLD = 10;

/**
 * Inversion (Kachitvichyanukul & Schmeiser's BINV): walk up the probabilities from P(0) = qⁿ by
 * the recurrence P(k) = P(k − 1) × (n − k + 1)/k × p/q. Exact; expected n·p + 1 steps, so only for
 * small expected counts (p ≤ ½ here, so qⁿ ≥ e^(−2np) stays far from underflow).
 */
function binomialInversion(n: number, p: number, random: () => number): number {
  const q = 1 - p;
  const odds = p / q;
  let probability = pow(q, n);
  let u = random();
  let k = 0;
  while (u > probability && k < n) {
    u -= probability;
    k++;
    probability *= ((n - k + 1) / k) * odds;
  }
  return k;
}

/**
 * BTRS, "transformed rejection with squeeze" (W. Hörmann, "The generation of binomial random
 * variates", Journal of Statistical Computation and Simulation 46, 1993, 101–110), as in
 * TensorFlow's binomial sampler. Exact (a rejection method) and O(1) for n·p ≥ 10, p ≤ ½.
 */
function binomialBtrs(n: number, p: number, random: () => number): number {
  const q = 1 - p;
  const spq = sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const acceptBound = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const mode = floor((n + 1) * p);
  // Needed only when the squeeze does not accept (about one draw in seven): log-gammas are the cost.
  let logMode = 0;
  let logModeKnown = false;
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - abs(u);
    const k = floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= acceptBound) return k;
    if (!logModeKnown) {
      logMode = logGamma(mode + 1) + logGamma(n - mode + 1);
      logModeKnown = true;
    }
    if (
      log((v * alpha) / (a / (us * us) + b)) <=
      logMode - logGamma(k + 1) - logGamma(n - k + 1) + (k - mode) * log(p / q)
    )
      return k;
  }
}

/**
 * One draw from Binomial(n, p): inversion when n·min(p, 1 − p) < 10, Hörmann's BTRS from there on
 * (both exact), by symmetry for p > ½. Deterministic for a deterministic `random`.
 *
 * @example binomialSample(20, 0.5, seededRandom(3)) // => a whole number 0..20; mean of many draws ≈ 10
 */
export function binomialSample(n: number, p: number, random: () => number): number {
  // floor(n) === n rather than Number.isInteger: a global lookup per draw is slow in vm contexts (Jest, Worker shims).
  if (!(floor(n) === n && n >= 0) || !(p >= 0 && p <= 1))
    throw new RangeError(`A binomial needs a whole n ≥ 0 and 0 ≤ p ≤ 1; got n ${n}, p ${p}.`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - binomialSample(n, 1 - p, random);
  return n * p < BTRS_THRESHOLD ? binomialInversion(n, p, random) : binomialBtrs(n, p, random);
}

/**
 * Resamples recorded counts: one draw from Multinomial(N, counts / N), N = Σ counts, written into
 * `into` (same length). Drawn as a chain of binomials, each category given what the earlier ones
 * left: x_k ~ Binomial(N − Σ_{j<k} x_j, c_k / Σ_{j≥k} c_j), the last taking the rest; exact, with
 * the conditional probabilities from whole counts so no rounding drifts. Counts must be whole and ≥ 0.
 *
 * @example multinomialSample([30, 10], new Float64Array(2), random) // => e.g. [28, 12]: always summing to 40
 */
export function multinomialSample(counts: ArrayLike<number>, into: Float64Array, random: () => number): void {
  let remainingCount = 0;
  for (let k = 0; k < counts.length; k++) remainingCount += counts[k];
  let remainingDraws = remainingCount;
  for (let k = 0; k < counts.length; k++) {
    const count = counts[k];
    const drawn =
      remainingCount > 0 && remainingDraws > 0
        ? k === counts.length - 1 || count === remainingCount
          ? remainingDraws
          : binomialSample(remainingDraws, count / remainingCount, random)
        : 0;
    into[k] = drawn;
    remainingDraws -= drawn;
    remainingCount -= count;
  }
}

import { normalSample } from './normalSample';

/** Bound once: a global lookup such as `Math.imul` is slow inside vm contexts (Jest, some Worker shims). */
const { sqrt, log, pow } = Math;

/**
 * One draw from Gamma(shape, scale 1) by Marsaglia & Tsang's method (G. Marsaglia & W. W. Tsang,
 * "A simple method for generating gamma variables", ACM TOMS 26(3), 2000): with d = shape − ⅓ and
 * c = 1/√(9d), draw x ~ N(0, 1), v = (1 + c x)³, accept d v when ln U < x²/2 + d − d v + d ln v.
 * Shapes below 1 use the boost Gamma(a) = Gamma(a + 1) · U^(1/a). Exact; about 1.05 tries per draw.
 * Used for the Gamma(x + 1) posterior of a Poisson mean (flat prior) in rank simulation.
 *
 * @example gammaSample(3, seededRandom(5)) // => a positive number; many draws have mean ≈ 3, variance ≈ 3
 */
export function gammaSample(shape: number, random: () => number): number {
  if (!(shape > 0) || !Number.isFinite(shape))
    throw new RangeError(`A gamma shape must be a finite number > 0; got ${shape}.`);
  if (shape < 1) {
    const boosted = gammaSample(shape + 1, random);
    return boosted * pow(random(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalSample(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
}

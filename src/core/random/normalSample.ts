/** Bound once: a global lookup such as `Math.imul` is slow inside vm contexts (Jest, some Worker shims). */
const { sqrt, log } = Math;

/**
 * One standard normal draw by Marsaglia's polar method (G. Marsaglia & T. A. Bray, "A convenient
 * method for generating normal variables", SIAM Review 6, 1964): pick (u, v) uniform in the unit disc,
 * return u √(−2 ln s / s) with s = u² + v². The second value of the pair is discarded so that every
 * draw consumes a whole number of uniforms and the function stays stateless.
 *
 * @example normalSample(seededRandom(3)) // => a real number; many draws have mean ≈ 0, variance ≈ 1
 */
export function normalSample(random: () => number): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * sqrt((-2 * log(s)) / s);
  }
}

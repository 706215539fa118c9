/**
 * A small seeded pseudo-random generator (mulberry32) for the realistic-extract generator: the same
 * seed gives the same workbook on every machine. Never Math.random.
 */
export interface Prng {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number from `low` to `high`, both included. */
  int(low: number, high: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index chosen in proportion to the weights. */
  weighted(weights: readonly number[]): number;
}

export function prng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(weights) {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let at = next() * total;
      for (let i = 0; i < weights.length; i += 1) {
        at -= weights[i];
        if (at < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

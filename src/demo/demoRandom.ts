/**
 * The demo generator's own seeded pseudo-random numbers: mulberry32 (Tommy Ettinger, public domain),
 * a 32-bit state generator with period 2^32 — ample for a demo, tiny, and identical on every engine.
 * Each part of the generator takes a `fork` named after itself, so drawing more numbers in one part
 * never shifts another part's stream.
 */
export interface DemoRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Normal by the Box–Muller transform. */
  normal(mean?: number, standardDeviation?: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to its (non-negative) weight. */
  weightedIndex(weights: readonly number[]): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream named `label`, derived from this stream's seed (not its position). */
  fork(label: string): DemoRandom;
}

/**
 * 32-bit FNV-1a hash of a string, to turn labels into seeds.
 * @example hashString('') // => 2166136261 (the FNV offset basis)
 */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes integers into one 32-bit hash (murmur3's finaliser after each word). */
export function hashIntegers(...values: readonly number[]): number {
  let hash = 0x9e3779b9;
  for (const value of values) {
    hash ^= value | 0;
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/**
 * A seeded generator. Same seed, same sequence.
 * @example createDemoRandom(1).next() // => 0.6270739405881613 (mulberry32's first output for seed 1)
 */
export function createDemoRandom(seed: number): DemoRandom {
  const seedValue = seed >>> 0;
  let state = seedValue;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: DemoRandom = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: (mean = 0, standardDeviation = 1) => {
      const u1 = 1 - next();
      const u2 = next();
      return mean + standardDeviation * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick() needs at least one item');
      return items[Math.floor(next() * items.length)];
    },
    weightedIndex: (weights) => {
      let total = 0;
      for (const weight of weights) total += weight;
      if (!(total > 0)) throw new Error('weightedIndex() needs a positive total weight');
      let target = next() * total;
      for (let index = 0; index < weights.length; index += 1) {
        target -= weights[index];
        if (target < 0) return index;
      }
      return weights.length - 1;
    },
    shuffle: (items) => {
      const copy = items.slice();
      for (let index = copy.length - 1; index > 0; index -= 1) {
        const other = Math.floor(next() * (index + 1));
        [copy[index], copy[other]] = [copy[other], copy[index]];
      }
      return copy;
    },
    fork: (label) => createDemoRandom(hashIntegers(seedValue, hashString(label))),
  };
  return random;
}

/**
 * Draws many indexes in proportion to fixed weights: cumulative sums once, then a binary search
 * per draw (O(log n)).
 */
export function createWeightedSampler(weights: readonly number[]): (random: DemoRandom) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) {
    total += Math.max(0, weight);
    cumulative.push(total);
  }
  if (!(total > 0)) throw new Error('createWeightedSampler() needs a positive total weight');
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

/** Bound once: a global lookup such as `Math.imul` is slow inside vm contexts (Jest, some Worker shims). */
const { imul } = Math;

/**
 * A seeded uniform generator on [0, 1): mulberry32 (Tommy Ettinger, 2017; public domain), a 32-bit
 * state advanced by the Weyl increment 0x6D2B79F5 and mixed by two xorshift-multiply rounds. Period 2³²,
 * passes gjrand and PractRand to 2³² outputs; plenty for 10⁵–10⁷ draws per run, and tiny and fast.
 * The same seed always gives the same sequence on every JavaScript engine (integer arithmetic via
 * `Math.imul` and `>>> 0`), which is what makes rank intervals reproducible from the Audit sheet.
 * Non-integer seeds are truncated to 32 bits.
 *
 * @example const random = seededRandom(1); random(); // => 0.6270739… (the same on every run)
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

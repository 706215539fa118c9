import type { CountRange } from './attackerRanges';

/** Cell keys run from 0 to 255, as in the ONS cell key method: each table row shares out 256 of them. */
export const CELL_KEYS = 256;

/** One possible published value of a count and how many of the 256 cell keys lead to it. */
export interface PerturbationOutcome {
  readonly value: number;
  readonly keys: number;
}

/**
 * The published perturbation table ("ptable") of the cell key method: for each true count, the
 * values it may be published as and how many of the 256 cell keys lead to each. Counts above the
 * last row are perturbed like the last row, shifted (the noise no longer depends on the count).
 */
export interface PerturbationTable {
  /** No count from 1 to threshold − 1 is ever published: small counts come out as 0 or the threshold. */
  readonly threshold: number;
  /** The most a count of at least the threshold moves. */
  readonly maxNoise: number;
  /** Rows for counts 0 … threshold + maxNoise, in order. */
  readonly rows: readonly (readonly PerturbationOutcome[])[];
}

/** The noise's variance for counts clear of the threshold, at the default largest noise of 2. */
const VARIANCE_AT_TWO = 1;

/**
 * The noise most a count moves, for a protection interval: a count published as the threshold may
 * be anything from 1 to threshold + maxNoise, a range of threshold + maxNoise − 1, which must be at
 * least the protection interval (and the noise at least 2, so a difference of two published counts
 * is uncertain by up to 8).
 * @example noiseFor(5, 5) // => 2
 * @example noiseFor(5, 8) // => 4
 */
export function noiseFor(threshold: number, protectionInterval: number): number {
  return Math.max(2, Math.ceil(protectionInterval) - threshold + 1);
}

/** Discrete Gaussian weights exp(−λd²) on −m … m, as key counts out of 256, symmetric so the noise has mean 0. */
function symmetricKeys(m: number, lambda: number): number[] {
  const weights = Array.from({ length: 2 * m + 1 }, (_, i) => Math.exp(-lambda * (i - m) ** 2));
  const total = weights.reduce((a, b) => a + b, 0);
  const keys = weights.map((w) => Math.round((CELL_KEYS * w) / total));
  // Keep the symmetry exact and the row whole: the middle takes what the sides leave.
  let sides = 0;
  for (let d = 1; d <= m; d++) {
    keys[m + d] = keys[m - d];
    sides += 2 * keys[m - d];
  }
  keys[m] = CELL_KEYS - sides;
  return keys;
}

/** The λ that gives the discrete Gaussian on −D … D the variance wanted (bisection: the variance falls as λ grows). */
function lambdaFor(maxNoise: number, variance: number): number {
  const varianceAt = (lambda: number): number => {
    let weight = 0;
    let moment = 0;
    for (let d = -maxNoise; d <= maxNoise; d++) {
      const w = Math.exp(-lambda * d * d);
      weight += w;
      moment += w * d * d;
    }
    return moment / weight;
  };
  let low = 1e-6;
  let high = 50;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (varianceAt(mid) > variance) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * The perturbation table for a threshold and largest noise, built like the sdcTools/ONS tables
 * (Giessing, "Computational issues in the design of transition probabilities", 2016): unbiased,
 * with no small count ever published.
 * - 0 stays 0 (no records, no cell key).
 * - A count n from 1 to threshold − 1 is published as the threshold with n/threshold of the keys
 *   and as 0 with the rest: its expected published value is n, and no value from 1 to
 *   threshold − 1 appears.
 * - A count n of at least the threshold moves by d, −m ≤ d ≤ m with m = min(maxNoise, n −
 *   threshold), with weights exp(−λd²) symmetric about 0 (so mean 0), λ set so that the noise of
 *   counts clear of the threshold has variance 1 at maxNoise 2 (growing as (maxNoise/2)² beyond). A
 *   count never moves below the threshold, so a published value from the threshold up is never a
 *   small count moved up by the noise of a large one.
 * Key counts are rounded to 256ths, keeping each row's symmetry.
 */
export function perturbationTable(threshold: number, maxNoise: number): PerturbationTable {
  if (!(Number.isInteger(threshold) && threshold >= 1))
    throw new RangeError(`The perturbation threshold must be a whole number of at least 1, got ${threshold}.`);
  if (!(Number.isInteger(maxNoise) && maxNoise >= 1))
    throw new RangeError(`The largest perturbation must be a whole number of at least 1, got ${maxNoise}.`);
  const lambda = lambdaFor(maxNoise, VARIANCE_AT_TWO * (maxNoise / 2) ** 2);
  const rows: PerturbationOutcome[][] = [[{ value: 0, keys: CELL_KEYS }]];
  for (let n = 1; n < threshold; n++) {
    const up = Math.round((CELL_KEYS * n) / threshold);
    rows.push(
      [
        { value: 0, keys: CELL_KEYS - up },
        { value: threshold, keys: up },
      ].filter((outcome) => outcome.keys > 0),
    );
  }
  for (let n = threshold; n <= threshold + maxNoise; n++) {
    const m = Math.min(maxNoise, n - threshold);
    rows.push(
      symmetricKeys(m, lambda)
        .map((keys, i) => ({ value: n - m + i, keys }))
        .filter((outcome) => outcome.keys > 0),
    );
  }
  return { threshold, maxNoise, rows };
}

/** The table's row for a count: its own, or the last row shifted for counts above it. */
export function outcomesOf(table: PerturbationTable, count: number): readonly PerturbationOutcome[] {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`A count to perturb must be whole, got ${count}.`);
  const last = table.rows.length - 1;
  if (count <= last) return table.rows[count];
  const shift = count - last;
  return table.rows[last].map((outcome) => ({ value: outcome.value + shift, keys: outcome.keys }));
}

/**
 * A count as published under the table: the outcome the cell key falls in, the outcomes taking
 * the keys in order of value.
 * @example perturbedCount(perturbationTable(5, 2), 0, 17) // => 0
 */
export function perturbedCount(table: PerturbationTable, count: number, cellKey: number): number {
  if (!(Number.isInteger(cellKey) && cellKey >= 0 && cellKey < CELL_KEYS))
    throw new RangeError(`A cell key runs from 0 to ${CELL_KEYS - 1}, got ${cellKey}.`);
  let before = 0;
  for (const outcome of outcomesOf(table, count)) {
    before += outcome.keys;
    if (cellKey < before) return outcome.value;
  }
  throw new Error(`The perturbation table's row for ${count} does not share out all ${CELL_KEYS} cell keys.`);
}

/**
 * What a published value tells someone who has the table but not the cell key: the least and
 * greatest true count that could have been published as it.
 * @example countsPublishedAs(perturbationTable(5, 2), 0) // => { lower: 0, upper: 4 }
 * @example countsPublishedAs(perturbationTable(5, 2), 5) // => { lower: 1, upper: 7 }
 */
export function countsPublishedAs(table: PerturbationTable, published: number): CountRange {
  if (!(Number.isInteger(published) && published >= 0))
    throw new RangeError(`A published count must be whole, got ${published}.`);
  let lower = Number.POSITIVE_INFINITY;
  let upper = Number.NEGATIVE_INFINITY;
  // Small counts reach only 0 and the threshold; others move at most maxNoise.
  const from = published === 0 || published === table.threshold ? 0 : Math.max(0, published - table.maxNoise);
  for (let n = from; n <= Math.max(published + table.maxNoise, table.threshold - 1); n++) {
    if (outcomesOf(table, n).some((outcome) => outcome.value === published)) {
      lower = Math.min(lower, n);
      upper = Math.max(upper, n);
    }
  }
  if (lower > upper) throw new RangeError(`No count is ever published as ${published} under this table.`);
  return { lower, upper };
}

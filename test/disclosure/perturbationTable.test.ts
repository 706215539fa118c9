/**
 * The cell key method's perturbation table, checked against what it must be worked out a second
 * way: every row read through `perturbedCount` key by key (all 256 keys), the means and variances
 * summed by hand, the discrete Gaussian row of maxNoise 2 derived in closed form, and the inverse
 * (which true counts a published value can come from) found by brute force over the counts. The
 * record and cell keys are checked against Node's own HMAC-SHA-256.
 *
 * Closed form of the maxNoise-2 row: weights exp(−λd²) on d = −2…2 with variance 1 need
 * (2e^−λ + 8e^−4λ) = 1 + 2e^−λ + 2e^−4λ, so e^−4λ = 1/6 and e^−λ = 6^−1/4 ≈ 0.6389; the weights
 * 1/6, 0.6389, 1, 0.6389, 1/6 sum to 2.6111, giving 256ths of 16.34, 62.64, … → 16 and 63 on the
 * sides and 256 − 2·16 − 2·63 = 98 in the middle (variance (2·63 + 2·16·4)/256 = 254/256). A
 * count one above the threshold moves by at most 1 with the same λ: 0.6389 : 1 : 0.6389 → 71.8 →
 * 72 on each side and 112 in the middle.
 */
import { createHmac } from 'crypto';
import {
  CELL_KEYS,
  countsPublishedAs,
  noiseFor,
  outcomesOf,
  perturbationTable,
  perturbedCount,
  type PerturbationTable,
} from '../../src/core/disclosure';
import { cellKey, recordKey } from '../../src/core/ledger/recordFingerprint';

const THRESHOLDS = [3, 5, 7, 10] as const;
const MAX_NOISES = [2, 3, 4] as const;
const KEYS = Array.from({ length: 256 }, (_, key) => key);

/** Every (threshold, maxNoise) pair the tests sweep. */
const TABLES: readonly { readonly threshold: number; readonly maxNoise: number; readonly table: PerturbationTable }[] =
  THRESHOLDS.flatMap((threshold) =>
    MAX_NOISES.map((maxNoise) => ({ threshold, maxNoise, table: perturbationTable(threshold, maxNoise) })),
  );

/** The 256 values a count is published as, one per cell key, read through perturbedCount. */
function publishedByKey(table: PerturbationTable, count: number): number[] {
  return KEYS.map((key) => perturbedCount(table, count, key));
}

/** How many keys lead to each published value of a count (from the 256 key-by-key values). */
function keyCounts(table: PerturbationTable, count: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of publishedByKey(table, count)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** The true counts a published value can come from: every count 0 … published + 50 whose 256 keys reach it. */
function bruteForceInverse(table: PerturbationTable, published: number): number[] {
  const counts: number[] = [];
  for (let count = 0; count <= published + 50; count++)
    if (publishedByKey(table, count).includes(published)) counts.push(count);
  return counts;
}

describe('perturbationTable', () => {
  it.each(TABLES)(
    'threshold $threshold, maxNoise $maxNoise: every row shares out 256 keys and never publishes 1 … threshold − 1',
    ({ threshold, maxNoise, table }) => {
      expect(table.rows).toHaveLength(threshold + maxNoise + 1);
      for (const row of table.rows) expect(row.reduce((sum, outcome) => sum + outcome.keys, 0)).toBe(CELL_KEYS);
      for (let count = 0; count <= threshold + maxNoise + 20; count++) {
        const row = outcomesOf(table, count);
        expect({ count, keys: row.reduce((sum, outcome) => sum + outcome.keys, 0) }).toEqual({ count, keys: 256 });
        for (const outcome of row) expect(outcome.keys).toBeGreaterThan(0);
        const values = publishedByKey(table, count);
        const bad = values.filter((value) => value < 0 || (value >= 1 && value < threshold));
        expect({ count, bad }).toEqual({ count, bad: [] });
        // Outcomes in order of value, so the keys take them in that order.
        expect(values).toEqual([...values].sort((a, b) => a - b));
      }
    },
  );

  it.each(TABLES)(
    'threshold $threshold, maxNoise $maxNoise: unbiased — the mean over the 256 keys is the count (small counts: T·round(256n/T)/256)',
    ({ threshold, maxNoise, table }) => {
      expect(publishedByKey(table, 0)).toEqual(KEYS.map(() => 0));
      for (let count = 1; count < threshold; count++) {
        const sum = publishedByKey(table, count).reduce((a, b) => a + b, 0);
        // By hand: the threshold with round(256n/T) keys, 0 with the rest.
        const up = Math.round((256 * count) / threshold);
        expect({ count, sum }).toEqual({ count, sum: threshold * up });
        expect(Math.abs(sum / 256 - count)).toBeLessThanOrEqual(threshold / 512);
        expect(keyCounts(table, count)).toEqual(
          new Map([
            [0, 256 - up],
            [threshold, up],
          ]),
        );
      }
      for (let count = threshold; count <= threshold + maxNoise + 20; count++) {
        const values = publishedByKey(table, count);
        // Exactly the count, in whole numbers: the sum over the keys is 256 times it.
        expect({ count, sum: values.reduce((a, b) => a + b, 0) }).toEqual({ count, sum: 256 * count });
        const reach = Math.min(maxNoise, count - threshold);
        expect({ count, least: Math.min(...values), most: Math.max(...values) }).toEqual({
          count,
          least: count - reach,
          most: count + reach,
        });
        // Symmetric: as many keys move it up by d as down by d.
        const counts = keyCounts(table, count);
        for (let d = 1; d <= reach; d++) expect(counts.get(count + d)).toBe(counts.get(count - d));
      }
    },
  );

  it('has noise of variance about 1 at maxNoise 2 for counts clear of the threshold (254/256 by hand)', () => {
    for (const threshold of THRESHOLDS) {
      const table = perturbationTable(threshold, 2);
      for (let count = threshold + 2; count <= threshold + 40; count++) {
        const values = publishedByKey(table, count);
        const variance = values.reduce((sum, value) => sum + (value - count) ** 2, 0) / 256;
        expect(Math.abs(variance - 1)).toBeLessThan(0.05);
        expect(variance).toBe(254 / 256);
      }
    }
    // Wider noise grows as (maxNoise/2)²: 2.25 at 3, 4 at 4, to within the 1/256 quantisation.
    for (const maxNoise of [3, 4]) {
      const table = perturbationTable(5, maxNoise);
      const values = publishedByKey(table, 40);
      const variance = values.reduce((sum, value) => sum + (value - 40) ** 2, 0) / 256;
      expect(Math.abs(variance - (maxNoise / 2) ** 2)).toBeLessThan(0.1);
    }
  });

  it('matches the rows worked out by hand for threshold 5, maxNoise 2', () => {
    const table = perturbationTable(5, 2);
    // Count 3: round(256 · 3/5) = round(153.6) = 154 keys give 5, the first 102 give 0.
    expect(publishedByKey(table, 3)).toEqual(KEYS.map((key) => (key <= 256 - 154 - 1 ? 0 : 5)));
    // Count 1: round(51.2) = 51 keys give 5.
    expect(publishedByKey(table, 1)).toEqual(KEYS.map((key) => (key < 205 ? 0 : 5)));
    // Count 0: 0 for every key; count 5 (the threshold): 5 for every key.
    expect(publishedByKey(table, 0)).toEqual(KEYS.map(() => 0));
    expect(publishedByKey(table, 5)).toEqual(KEYS.map(() => 5));
    // Count 6: ±1, 72 / 112 / 72 (see the header).
    expect(table.rows[6]).toEqual([
      { value: 5, keys: 72 },
      { value: 6, keys: 112 },
      { value: 7, keys: 72 },
    ]);
    expect([perturbedCount(table, 6, 71), perturbedCount(table, 6, 72), perturbedCount(table, 6, 184)]).toEqual([
      5, 6, 7,
    ]);
    // Count 7 and beyond: ±2, 16 / 63 / 98 / 63 / 16 (see the header), shifted for larger counts.
    const expected = [
      { value: 5, keys: 16 },
      { value: 6, keys: 63 },
      { value: 7, keys: 98 },
      { value: 8, keys: 63 },
      { value: 9, keys: 16 },
    ];
    expect(table.rows[7]).toEqual(expected);
    expect(outcomesOf(table, 107)).toEqual(expected.map(({ value, keys }) => ({ value: value + 100, keys })));
    const edges = [0, 15, 16, 78, 79, 176, 177, 239, 240, 255];
    expect(edges.map((key) => perturbedCount(table, 7, key))).toEqual([5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
    expect(edges.map((key) => perturbedCount(table, 20, key))).toEqual([18, 18, 19, 19, 20, 20, 21, 21, 22, 22]);
  });

  it('refuses keys outside 0 … 255 and counts that are not whole and at least 0', () => {
    const table = perturbationTable(5, 2);
    for (const key of [-1, 256, 1000, 1.5, Number.NaN]) expect(() => perturbedCount(table, 3, key)).toThrow(RangeError);
    for (const count of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => perturbedCount(table, count, 0)).toThrow(RangeError);
    for (const published of [-1, 0.5]) expect(() => countsPublishedAs(table, published)).toThrow(RangeError);
    expect(() => perturbationTable(0, 2)).toThrow(RangeError);
    expect(() => perturbationTable(5, 0)).toThrow(RangeError);
    expect(() => perturbationTable(5.5, 2)).toThrow(RangeError);
  });

  it.each(TABLES)(
    'threshold $threshold, maxNoise $maxNoise: countsPublishedAs agrees with a brute-force inverse',
    ({ threshold, maxNoise, table }) => {
      for (let published = 0; published <= threshold + maxNoise + 30; published++) {
        const counts = bruteForceInverse(table, published);
        if (counts.length === 0) {
          expect(() => countsPublishedAs(table, published)).toThrow(RangeError);
          continue;
        }
        const lower = counts[0];
        const upper = counts[counts.length - 1];
        expect({ published, range: countsPublishedAs(table, published) }).toEqual({
          published,
          range: { lower, upper },
        });
        // No gaps: the range is exactly the counts that can give the value.
        expect({ published, counts }).toEqual({
          published,
          counts: Array.from({ length: upper - lower + 1 }, (_, i) => lower + i),
        });
      }
    },
  );

  it('inverts 0 and the threshold as every small count can give them (threshold 7 and 10)', () => {
    const seven = perturbationTable(7, 2);
    expect(countsPublishedAs(seven, 0)).toEqual({ lower: 0, upper: 6 });
    expect(countsPublishedAs(seven, 7)).toEqual({ lower: 1, upper: 9 });
    expect(countsPublishedAs(seven, 8)).toEqual({ lower: 8, upper: 10 });
    expect(countsPublishedAs(seven, 9)).toEqual({ lower: 8, upper: 11 });
    expect(countsPublishedAs(seven, 12)).toEqual({ lower: 10, upper: 14 });
    const ten = perturbationTable(10, 3);
    expect(countsPublishedAs(ten, 0)).toEqual({ lower: 0, upper: 9 });
    expect(countsPublishedAs(ten, 10)).toEqual({ lower: 1, upper: 13 });
    for (const small of [1, 5, 9]) expect(() => countsPublishedAs(ten, small)).toThrow(RangeError);
    // The docs' examples.
    expect(countsPublishedAs(perturbationTable(5, 2), 0)).toEqual({ lower: 0, upper: 4 });
    expect(countsPublishedAs(perturbationTable(5, 2), 5)).toEqual({ lower: 1, upper: 7 });
  });
});

describe('noiseFor', () => {
  it('gives the threshold plus the noise a reach of at least the protection interval, and never less than 2', () => {
    expect(noiseFor(5, 5)).toBe(2);
    expect(noiseFor(5, 8)).toBe(4);
    expect(noiseFor(3, 3)).toBe(2);
    expect(noiseFor(7, 7)).toBe(2);
    expect(noiseFor(10, 10)).toBe(2);
    expect(noiseFor(10, 14)).toBe(5);
    expect(noiseFor(5, 7.5)).toBe(4);
    expect(noiseFor(5, 0)).toBe(2);
    // A count published as the threshold may be 1 … threshold + noise: a range at least the interval.
    for (const threshold of THRESHOLDS)
      for (let interval = 0; interval <= 15; interval++) {
        const table = perturbationTable(threshold, noiseFor(threshold, interval));
        const range = countsPublishedAs(table, threshold);
        expect(range.upper - range.lower).toBeGreaterThanOrEqual(interval);
      }
  });
});

describe('record and cell keys', () => {
  const SECRET = 'a ledger secret for the tests';
  const hmacFirstByte = (secret: string, record: string): number =>
    createHmac('sha256', secret).update(`record\n${record}`, 'utf8').digest()[0];

  it("is the first byte of Node's HMAC-SHA-256 of 'record\\n' + the record under the secret", () => {
    for (const record of ['99/001234/23', 'P00042', '', 'Ünïcödé ward £', 'a\nb']) {
      expect(recordKey(SECRET, record)).toBe(hmacFirstByte(SECRET, record));
      expect(recordKey('another secret', record)).toBe(hmacFirstByte('another secret', record));
    }
  });

  it('makes a cell key the sum of its record keys mod 256, whatever their order', () => {
    const records = Array.from({ length: 40 }, (_, i) => `99/${String(1000 + i).padStart(6, '0')}/23`);
    const byHand = records.map((record) => hmacFirstByte(SECRET, record)).reduce((a, b) => a + b, 0) % 256;
    expect(cellKey(SECRET, records)).toBe(byHand);
    expect(cellKey(SECRET, [...records].reverse())).toBe(byHand);
    expect(cellKey(SECRET, [...records.slice(17), ...records.slice(0, 17)])).toBe(byHand);
    expect(cellKey(SECRET, [])).toBe(0);
    expect(cellKey(SECRET, [records[3]])).toBe(hmacFirstByte(SECRET, records[3]));
    // One record more or less changes the key by exactly that record's key.
    expect((cellKey(SECRET, records.slice(1)) + hmacFirstByte(SECRET, records[0])) % 256).toBe(byHand);
  });

  it('spreads the record keys of 10,000 distinct records about evenly over 0 … 255', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 10_000; i++) counts[recordKey(SECRET, `record-${i}`)] += 1;
    // 16 buckets of 16 keys: 625 expected each, sd about 24; a generous band of ±5 sd.
    for (let bucket = 0; bucket < 16; bucket++) {
      const inBucket = counts.slice(bucket * 16, bucket * 16 + 16).reduce((a, b) => a + b, 0);
      expect({ bucket, inBucket, even: Math.abs(inBucket - 625) < 120 }).toEqual({ bucket, inBucket, even: true });
    }
    // Chi-square over all 256 keys: 255 degrees of freedom, mean 255, sd about 22.6; below mean + 6 sd.
    const expected = 10_000 / 256;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(390);
    expect(chiSquare).toBeGreaterThan(150);
  });
});

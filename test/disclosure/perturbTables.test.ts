/**
 * perturbTables on a small hand-built table (wards → districts → area) with cell keys the test
 * chooses, so every published leaf can be worked out by hand from the threshold-5, maxNoise-2
 * table (see perturbationTable.test.ts for its rows):
 *   count 0                → 0 for every key
 *   count 1 (51 keys up)   → keys 0 … 204 give 0, 205 … 255 give 5
 *   count 3 (154 keys up)  → keys 0 … 101 give 0, 102 … 255 give 5
 *   count 6 (72/112/72)    → keys 0 … 71 give 5, 72 … 183 give 6, 184 … 255 give 7
 *   count n ≥ 7 (16/63/98/63/16) → keys 0 … 15 give n − 2, 16 … 78 n − 1, 79 … 176 n,
 *                                   177 … 239 n + 1, 240 … 255 n + 2
 * and every total is the sum of its parts as published.
 */
import {
  auditPerturbation,
  disclosureRules,
  hierarchicalTable,
  loadHighsSolver,
  perturbationTable,
  perturbedCount,
  perturbTables,
  type LinkedTables,
  type PerturbedRun,
  type PublishedCount,
} from '../../src/core/disclosure';

const TABLE = perturbationTable(5, 2);

/** Wards A–F in districts North (A, B, C) and South (D, E, F); true counts and the keys the test gives them. */
const WARDS = [
  { id: 'A', district: 'North', count: 0, key: 200, published: 0 },
  { id: 'B', district: 'North', count: 3, key: 101, published: 0 },
  { id: 'C', district: 'North', count: 6, key: 184, published: 7 },
  { id: 'D', district: 'South', count: 12, key: 0, published: 10 },
  { id: 'E', district: 'South', count: 1, key: 205, published: 5 },
  { id: 'F', district: 'South', count: 20, key: 177, published: 21 },
] as const;

function wardTable(wards: readonly { readonly id: string; readonly district: string; readonly count: number }[]) {
  return hierarchicalTable({
    leaves: wards.map((ward) => ({ id: ward.id, label: `Ward ${ward.id}`, value: ward.count, group: ward.district })),
    groups: new Map([
      ['North', { id: 'North', label: 'District North' }],
      ['South', { id: 'South', label: 'District South' }],
    ]),
    total: { id: 'Area', label: 'The area' },
  });
}

/** A cell key function that knows only the leaves: a total asked for its key fails the test. */
function keysOf(wards: readonly { readonly id: string; readonly key: number }[]): (id: string) => number {
  const keys = new Map(wards.map((ward) => [ward.id, ward.key]));
  return (id) => {
    const key = keys.get(id);
    if (key === undefined) throw new Error(`cell key asked for '${id}', which is not a leaf`);
    return key;
  };
}

function shownValue(published: ReadonlyMap<string, PublishedCount>, id: string): number {
  const form = published.get(id);
  if (!form?.shown) throw new Error(`'${id}' is not shown`);
  return form.value;
}

describe('perturbTables', () => {
  it('publishes each leaf as its row and key give it, worked out by hand', () => {
    const published = perturbTables(wardTable(WARDS), TABLE, keysOf(WARDS));
    for (const ward of WARDS)
      expect({ ward: ward.id, form: published.get(ward.id) }).toEqual({
        ward: ward.id,
        form: { shown: true, value: ward.published },
      });
  });

  it('publishes every total as the sum of its parts as published, at every level, and shows every cell', () => {
    const tables = wardTable(WARDS);
    const published = perturbTables(tables, TABLE, keysOf(WARDS));
    // North 0 + 0 + 7 = 7 (true 9); South 10 + 5 + 21 = 36 (true 33); area 43 (true 42).
    expect(shownValue(published, 'North')).toBe(7);
    expect(shownValue(published, 'South')).toBe(36);
    expect(shownValue(published, 'Area')).toBe(43);
    expect([...published.keys()].sort()).toEqual(tables.cells.map((cell) => cell.id).sort());
    for (const form of published.values()) expect(form.shown).toBe(true);
    for (const relation of tables.relations)
      expect(shownValue(published, relation.total)).toBe(
        relation.parts.reduce((sum, part) => sum + shownValue(published, part), 0),
      );
  });

  it('moves each leaf as the key says at the edges of its outcomes, and never shows 1 … 4', () => {
    // Same counts, keys at the other side of each boundary.
    const other = [
      { id: 'A', district: 'North', count: 0, key: 0, published: 0 },
      { id: 'B', district: 'North', count: 3, key: 102, published: 5 },
      { id: 'C', district: 'North', count: 6, key: 71, published: 5 },
      { id: 'D', district: 'South', count: 12, key: 255, published: 14 },
      { id: 'E', district: 'South', count: 1, key: 204, published: 0 },
      { id: 'F', district: 'South', count: 20, key: 176, published: 20 },
    ];
    const published = perturbTables(wardTable(other), TABLE, keysOf(other));
    for (const ward of other)
      expect({ ward: ward.id, value: shownValue(published, ward.id) }).toEqual({
        ward: ward.id,
        value: ward.published,
      });
    expect(shownValue(published, 'North')).toBe(10);
    expect(shownValue(published, 'South')).toBe(34);
    expect(shownValue(published, 'Area')).toBe(44);
    for (const form of published.values()) {
      const value = form.shown ? form.value : -1;
      expect(value === 0 || value >= 5).toBe(true);
    }
  });

  it('publishes a table whose leaves add straight into the total (one district) the same way', () => {
    const tables: LinkedTables = hierarchicalTable({
      leaves: [
        { id: 'x', label: 'x', value: 3 },
        { id: 'y', label: 'y', value: 9 },
      ],
      total: { id: 'all', label: 'all' },
    });
    // x: 3 with key 150 → 5; y: 9 with key 16 → 8.
    const published = perturbTables(
      tables,
      TABLE,
      keysOf([
        { id: 'x', key: 150 },
        { id: 'y', key: 16 },
      ]),
    );
    expect(Object.fromEntries([...published].map(([id, form]) => [id, form]))).toEqual({
      x: { shown: true, value: 5 },
      y: { shown: true, value: 8 },
      all: { shown: true, value: 13 },
    });
  });

  it('gives cells with the same count and key the same published value (the noise follows the records)', () => {
    const twice = [
      { id: 'A', district: 'North', count: 8, key: 33 },
      { id: 'D', district: 'South', count: 8, key: 33 },
    ];
    const published = perturbTables(wardTable(twice), TABLE, keysOf(twice));
    expect(shownValue(published, 'A')).toBe(7);
    expect(shownValue(published, 'D')).toBe(7);
  });
});

/**
 * The audit of perturbed runs against an intruder who knows the method is public: the noise
 * follows the records, so two nested cells published under one table with different values cannot
 * have the same records, and their difference is at least 1. Worked by hand (threshold 5, maxNoise 2):
 * a ward has 8 offences in the full year, published as 6 (keys 0 … 15 of the count-8 row), and
 * 7 in April–February, published as 8 (keys 177 … 239 of the count-7 row). From the table alone,
 * 6 comes from 6 … 8 and 8 from 7 … 10; April–February is within the full year, so both counts are
 * 7 or 8 and March is 0 or 1. It is not 0: the same records would have the same key and be
 * published alike, not as 6 and 8. So March is exactly 1, a small count recovered. (The same
 * shape, from real runs, is what test/e2e/perturbationAcrossRuns finds in 10 ward counts.)
 */
describe('auditPerturbation against an intruder who knows the noise follows the records', () => {
  it('fails two nested runs whose different published values pin their one-record difference', async () => {
    const solver = await loadHighsSolver();
    const rules = disclosureRules({
      threshold: 5,
      showZeros: true,
      roundingBase: null,
      disclosureMethod: 'perturbation',
    });
    const records = Array.from({ length: 8 }, (_, i) => `CR-${i + 1}`);
    const run = (key: string, refs: readonly string[], published: number): PerturbedRun => ({
      key,
      title: key,
      tables: hierarchicalTable({
        leaves: [
          { id: 'offences:ward:W', label: 'Offences in W', value: refs.length },
          { id: 'offences:ward:V', label: 'Offences in V', value: 20 },
        ],
        total: { id: 'offences:area', label: 'Offences in the area' },
      }),
      records: new Map([
        ['offences:ward:W', refs],
        ['offences:ward:V', Array.from({ length: 20 }, (_, i) => `V-${i}`)],
      ]),
      rules,
      table: TABLE,
      published: new Map<string, PublishedCount>([
        ['offences:ward:W', { shown: true, value: published }],
        ['offences:ward:V', { shown: true, value: 20 }],
        ['offences:area', { shown: true, value: published + 20 }],
      ]),
    });
    // Both published values are ones the table gives these counts (see the header).
    expect([perturbedCount(TABLE, 8, 15), perturbedCount(TABLE, 7, 177)]).toEqual([6, 8]);
    // The intruder by brute force: full-year count n1 and key k1, April–February n2 ≤ n1 and key k2,
    // the keys equal when the counts are (the same records); March = n1 − n2 can only be 1.
    const march = new Set<number>();
    const keys = Array.from({ length: 256 }, (_, key) => key);
    const keysGiving = (count: number, value: number): number[] =>
      keys.filter((key) => perturbedCount(TABLE, count, key) === value);
    for (let n1 = 0; n1 <= 20; n1++)
      for (let n2 = 0; n2 <= n1; n2++) {
        const k1s = keysGiving(n1, 6);
        const k2s = keysGiving(n2, 8);
        const possible = n1 === n2 ? k1s.some((key) => k2s.includes(key)) : k1s.length > 0 && k2s.length > 0;
        if (possible) march.add(n1 - n2);
      }
    expect([...march]).toEqual([1]);
    const audit = auditPerturbation(
      [
        run('run 1', records, 6),
        run(
          'run 2',
          records.filter((ref) => ref !== 'CR-8'),
          8,
        ),
      ],
      solver,
    );
    expect(audit.smallSlices).toBe(1);
    // The March slice (true value 1) is pinned; the audit must say so.
    expect(audit.unsafe.map((count) => count.range)).toEqual([{ lower: 1, upper: 1 }]);
  });
});

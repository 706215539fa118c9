import {
  attackerRanges,
  checkLinkedTables,
  disclosureRules,
  hierarchicalTable,
  pooledWithheldCounts,
  primarySuppression,
  publishedNumber,
  roundingRange,
  roundToBase,
  type PublishedCount,
} from '../../src/core/disclosure';

describe('rounding to a base', () => {
  it.each([
    [7, 5, 5],
    [8, 5, 10],
    [2, 5, 0],
    [3, 5, 5],
    [0, 5, 0],
    [14, 10, 10],
    [15, 10, 20],
    [12, 3, 12],
    [13, 3, 12],
    [14, 3, 15],
  ])('rounds %i to base %i as %i (nearest multiple, halves up)', (count, base, rounded) => {
    expect(roundToBase(count, base)).toBe(rounded);
  });

  it('says which whole numbers lie behind a rounded value', () => {
    expect(roundingRange(5, 5)).toEqual({ lower: 3, upper: 7 });
    expect(roundingRange(0, 5)).toEqual({ lower: 0, upper: 2 });
    expect(roundingRange(20, 10)).toEqual({ lower: 15, upper: 24 });
    // Check against rounding itself: exactly the numbers that round back to the value.
    for (const base of [3, 5, 10]) {
      for (let value = 0; value <= 60; value += base) {
        const { lower, upper } = roundingRange(value, base);
        for (let x = Math.max(0, lower - base); x <= upper + base; x++)
          expect(roundToBase(x, base) === value).toBe(x >= lower && x <= upper);
      }
    }
  });
});

describe('the disclosure rules', () => {
  it('default the protection interval to the threshold', () => {
    expect(disclosureRules({ threshold: 5, showZeros: true, roundingBase: null })).toEqual({
      threshold: 5,
      zerosSensitive: false,
      roundingBase: null,
      protectionInterval: 5,
    });
    expect(disclosureRules({ threshold: 10, showZeros: false, roundingBase: 5, protectionInterval: 3 })).toEqual({
      threshold: 10,
      zerosSensitive: true,
      roundingBase: 5,
      protectionInterval: 3,
    });
  });

  it('refuse a threshold or rounding base that is not a whole number', () => {
    expect(() => disclosureRules({ threshold: 2.5, showZeros: true, roundingBase: null })).toThrow(/threshold/);
    expect(() => disclosureRules({ threshold: 5, showZeros: true, roundingBase: 1 })).toThrow(/rounding base/);
  });

  it('publish a shown count as itself, or rounded when rounding is on', () => {
    expect(publishedNumber(7, disclosureRules({ threshold: 5, showZeros: true, roundingBase: null }))).toBe(7);
    expect(publishedNumber(7, disclosureRules({ threshold: 5, showZeros: true, roundingBase: 5 }))).toBe(5);
  });
});

describe('what an outsider knows of each count', () => {
  const table = hierarchicalTable({
    leaves: [
      { id: 'a', label: 'a', value: 0 },
      { id: 'b', label: 'b', value: 2 },
      { id: 'c', label: 'c', value: 6 },
    ],
    total: { id: 't', label: 't' },
  });

  it('knows a withheld count is at least 1 when zeros are shown, at least 0 when they are not', () => {
    const shownZeros = attackerRanges(
      table,
      new Set(['b']),
      disclosureRules({ threshold: 5, showZeros: true, roundingBase: null }),
    );
    expect(shownZeros.get('b')).toEqual({ lower: 1, upper: Infinity });
    expect(shownZeros.get('c')).toEqual({ lower: 6, upper: 6 });
    const hiddenZeros = attackerRanges(
      table,
      new Set(['a', 'b']),
      disclosureRules({ threshold: 5, showZeros: false, roundingBase: null }),
    );
    expect(hiddenZeros.get('b')).toEqual({ lower: 0, upper: Infinity });
  });

  it('narrows a rounded value by the rule that small counts would have been withheld', () => {
    // c = 6 rounds to 5, which 3..7 round to; 3 and 4 would have been withheld, so 5..7. t = 8 rounds
    // to 10, which 8..12 round to. a = 0 rounds to 0 (0..2), and 1, 2 would have been withheld: 0.
    const ranges = attackerRanges(
      table,
      new Set(['b']),
      disclosureRules({ threshold: 5, showZeros: true, roundingBase: 5 }),
    );
    expect(ranges.get('c')).toEqual({ lower: 5, upper: 7 });
    expect(ranges.get('t')).toEqual({ lower: 8, upper: 12 });
    expect(ranges.get('a')).toEqual({ lower: 0, upper: 0 });
  });

  it('refuses a pattern that shows a count the rules withhold', () => {
    expect(() =>
      attackerRanges(table, new Set(), disclosureRules({ threshold: 5, showZeros: true, roundingBase: null })),
    ).toThrow(/'b' \(2\) is shown/);
  });
});

describe('the linked tables model', () => {
  it('withholds counts 1 to threshold−1 first, and zeros only when they are sensitive', () => {
    expect([
      ...primarySuppression(
        hierarchicalTable({
          leaves: [0, 1, 4, 5].map((value, i) => ({ id: `w${i}`, label: '', value })),
          total: { id: 't', label: '' },
        }),
        { threshold: 5 },
      ),
    ]).toEqual(['w1', 'w2']);
    expect([
      ...primarySuppression(
        hierarchicalTable({
          leaves: [0, 5].map((value, i) => ({ id: `w${i}`, label: '', value })),
          total: { id: 't', label: '' },
        }),
        { threshold: 5, zerosSensitive: true },
      ),
    ]).toEqual(['w0']);
  });

  it('adds subtotals and the total from the leaves, leaving out a grouping of one group', () => {
    const grouped = hierarchicalTable({
      leaves: [
        { id: 'a', label: '', value: 3, group: 'g' },
        { id: 'b', label: '', value: 4, group: 'h' },
        { id: 'c', label: '', value: 5, group: 'h' },
      ],
      groups: new Map([
        ['g', { id: 'G', label: '' }],
        ['h', { id: 'H', label: '' }],
      ]),
      total: { id: 'T', label: '' },
    });
    expect(grouped.cells.map((c) => [c.id, c.value])).toEqual([
      ['a', 3],
      ['b', 4],
      ['c', 5],
      ['G', 3],
      ['H', 9],
      ['T', 12],
    ]);
    expect(grouped.relations).toEqual([
      { total: 'G', parts: ['a'] },
      { total: 'H', parts: ['b', 'c'] },
      { total: 'T', parts: ['G', 'H'] },
    ]);
    const oneGroup = hierarchicalTable({
      leaves: [{ id: 'a', label: '', value: 3, group: 'g' }],
      groups: new Map([['g', { id: 'G', label: '' }]]),
      total: { id: 'T', label: '' },
    });
    expect(oneGroup.relations).toEqual([{ total: 'T', parts: ['a'] }]);
  });

  it('rejects a total that its parts do not add up to', () => {
    expect(() =>
      checkLinkedTables({
        cells: [
          { id: 'a', label: '', value: 2 },
          { id: 't', label: '', value: 3 },
        ],
        relations: [{ total: 't', parts: ['a'] }],
      }),
    ).toThrow(/'t' is 3 but its parts add up to 2/);
  });
});

describe('pooled estimates of withheld counts from the published tables', () => {
  //  area 50 = A 20 + B [c] + C [c]; A = 12 + [c] (weight 100) + [c] (weight 300); B = [c] + 10; C = [c].
  const table = hierarchicalTable({
    leaves: [
      { id: 'a1', label: '', value: 12, group: 'A' },
      { id: 'a2', label: '', value: 3, group: 'A' },
      { id: 'a3', label: '', value: 5, group: 'A' },
      { id: 'b1', label: '', value: 9, group: 'B' },
      { id: 'b2', label: '', value: 10, group: 'B' },
      { id: 'c1', label: '', value: 11, group: 'C' },
    ],
    groups: new Map(['A', 'B', 'C'].map((g) => [g, { id: g, label: '' }])),
    total: { id: 'area', label: '' },
  });
  const shown = (value: number): PublishedCount => ({ shown: true, value });
  const hidden: PublishedCount = { shown: false, reason: 'secondary' };
  const published = new Map<string, PublishedCount>([
    ['a1', shown(12)],
    ['a2', hidden],
    ['a3', hidden],
    ['b1', hidden],
    ['b2', shown(10)],
    ['c1', hidden],
    ['A', shown(20)],
    ['B', hidden],
    ['C', hidden],
    ['area', shown(50)],
  ]);
  const weights: Record<string, number> = { a2: 100, a3: 300, b1: 1, B: 1000, C: 3000 };

  it('shares what the nearest published total leaves among the withheld cells by weight', () => {
    const estimates = pooledWithheldCounts(table, published, (id) => weights[id] ?? 0);
    // A leaves 20 − 12 = 8: 2 and 6. The area leaves 50 − 20 = 30 for B and C: 7.5 and 22.5.
    // B's 7.5 less its shown 10 leaves nothing: b1 = 0. C's one ward takes all 22.5.
    expect(Object.fromEntries(estimates)).toEqual({ a2: 2, a3: 6, B: 7.5, C: 22.5, b1: 0, c1: 22.5 });
  });
});

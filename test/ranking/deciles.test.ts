import { decileOfRank, deciles } from '../../src/core/ranking';

describe('deciles', () => {
  it.each([
    [1, 400, 1],
    [40, 400, 1], // ⌊10 × 39 / 400⌋ + 1 = ⌊0.975⌋ + 1 = 1
    [41, 400, 2], // ⌊10 × 40 / 400⌋ + 1 = 2
    [400, 400, 10], // ⌊10 × 399 / 400⌋ + 1 = ⌊9.975⌋ + 1 = 10
    [1, 7, 1],
    [7, 7, 9], // ⌊60 / 7⌋ + 1 = 8 + 1
    [NaN, 10, NaN],
  ])('puts rank %p of %p in decile %p (decile 1 = most exposed)', (rank, n, expected) => {
    expect(decileOfRank(rank, n)).toBe(expected);
  });

  it('gives every decile the same number of schools when n is a multiple of 10', () => {
    const ranks = new Map(Array.from({ length: 50 }, (_, i) => [`u${i}`, { rank: i + 1 }]));
    const counts = new Array(11).fill(0);
    for (const decile of deciles(ranks).values()) counts[decile]++;
    expect(counts.slice(1)).toEqual(new Array(10).fill(5));
  });

  it('accepts plain ranks as well as rank objects', () => {
    expect(
      Object.fromEntries(
        deciles(
          new Map([
            ['a', 1],
            ['b', 2],
          ]),
          20,
        ),
      ),
    ).toEqual({ a: 1, b: 1 }); // ⌊10 / 20⌋ + 1 = 1
  });

  it('counts only ranked schools by default', () => {
    const result = deciles(
      new Map([
        ['a', { rank: 1 }],
        ['b', { rank: 2 }],
        ['c', { rank: NaN }],
      ]),
    );
    // n = 2: a ⌊0⌋ + 1 = 1, b ⌊10 / 2⌋ + 1 = 6
    expect(Object.fromEntries(result)).toEqual({ a: 1, b: 6, c: NaN });
  });
});

import type { CatchmentShares } from '../../src/core/catchment';
import type { WardRate } from '../../src/core/rates';
import { exposureScores, rankByExposure } from '../../src/core/ranking';
import { deepFreeze } from '../support/deepFreeze';

function ward(wardCode: string, rate: number, flag: WardRate['flag']): WardRate {
  return { wardCode, count: 0, youngPopulation: 1000, rate, lower: NaN, upper: NaN, ratioToArea: rate / 5, flag };
}

function observed(urn: string, shares: [string, number][]): CatchmentShares {
  return {
    urn,
    model: 'observed',
    coverage: 1,
    shares: shares.map(([wardCode, share]) => ({ wardCode, share, pupils: 0 })),
  };
}

// Three wards (area rate 5 per 1,000): A 10 ('higher'), B 5 ('similar'), C 2 ('lower').
const rates = deepFreeze([ward('A', 10, 'higher'), ward('B', 5, 'similar'), ward('C', 2, 'lower')]);
const shares = deepFreeze(
  new Map([
    [
      'S1',
      observed('S1', [
        ['A', 0.5],
        ['B', 0.3],
        ['C', 0.2],
      ]),
    ],
    [
      'S2',
      observed('S2', [
        ['B', 0.6],
        ['C', 0.4],
      ]),
    ],
    [
      'S3',
      observed('S3', [
        ['A', 0.25],
        ['OUTSIDE', 0.75],
      ]),
    ],
  ]),
);
const schools = deepFreeze([
  { urn: 'S1', pupils: 200 },
  { urn: 'S2', pupils: 50 },
  { urn: 'S3', pupils: 80 },
  { urn: 'S4', pupils: 300 },
]);

describe('exposureScores', () => {
  const scores = exposureScores(shares, rates, 5, schools);
  const byUrn = new Map(scores.map((score) => [score.urn, score]));

  it('weights ward rates by catchment shares', () => {
    // S1: 0.5 × 10 + 0.3 × 5 + 0.2 × 2 = 5 + 1.5 + 0.4 = 6.9; index 100 × 6.9 / 5 = 138
    const s1 = byUrn.get('S1')!;
    expect(s1.exposureRate).toBeCloseTo(6.9, 12);
    expect(s1.exposureIndex).toBeCloseTo(138, 10);
    // S2: 0.6 × 5 + 0.4 × 2 = 3.8; index 76
    expect(byUrn.get('S2')!.exposureRate).toBeCloseTo(3.8, 12);
    expect(byUrn.get('S2')!.exposureIndex).toBeCloseTo(76, 10);
  });

  it('counts pupils and share from wards flagged higher', () => {
    // S1: 0.5 of 200 pupils = 100; S2 has none in A
    expect(byUrn.get('S1')!.shareFromHigherWards).toBe(0.5);
    expect(byUrn.get('S1')!.pupilsFromHigherWards).toBe(100);
    expect(byUrn.get('S2')!.pupilsFromHigherWards).toBe(0);
  });

  it('reweights over wards with a rate and reports the share they hold', () => {
    // S3: only A (0.25) has a rate: exposure 0.25 × 10 / 0.25 = 10; pupils from higher 0.25 × 80 = 20
    const s3 = byUrn.get('S3')!;
    expect(s3.exposureRate).toBeCloseTo(10, 12);
    expect(s3.shareWithRate).toBe(0.25);
    expect(s3.pupilsFromHigherWards).toBe(20);
  });

  it('gives a school without catchment shares no exposure', () => {
    const s4 = byUrn.get('S4')!;
    expect(s4.exposureRate).toBeNaN();
    expect(s4.exposureIndex).toBeNaN();
    expect(s4.pupilsFromHigherWards).toBeNaN();
  });

  it('keeps the order of the schools given', () => {
    expect(scores.map((score) => score.urn)).toEqual(['S1', 'S2', 'S3', 'S4']);
  });
});

describe('rankByExposure', () => {
  it('ranks the most exposed first, breaks ties by URN and leaves the unknown unranked', () => {
    const ranks = rankByExposure([
      { urn: 'b', exposureIndex: 120 },
      { urn: 'a', exposureIndex: 120 },
      { urn: 'c', exposureIndex: 150 },
      { urn: 'd', exposureIndex: NaN },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ c: 1, a: 2, b: 3, d: NaN });
  });
});

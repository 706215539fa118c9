import type { CatchmentShares } from '../../src/core/catchment';
import type { SchoolResult } from '../../src/core/pipeline/analysisResult';
import { headlineGroup, rankWithUncertainty } from '../../src/core/ranking';
import { mostExposedLines } from '../../src/report/headlineLines';

const ranked = (name: string, rank: number, rankLower: number, rankUpper: number, exposureIndex = 150) => ({
  name,
  urn: name,
  rank,
  rankLower,
  rankUpper,
  exposureIndex,
});

describe('headlineGroup', () => {
  it.each([
    [
      'separated: the first interval overlaps no other',
      [ranked('A', 1, 1, 1), ranked('B', 2, 2, 3), ranked('C', 3, 2, 4)],
      ['A'],
      'separated',
    ],
    [
      "a group: intervals reaching into the first school's",
      [ranked('A', 1, 1, 2), ranked('B', 2, 1, 3), ranked('C', 3, 3, 5)],
      ['A', 'B'],
      'group',
    ],
    [
      'a group: the second starts where the first ends',
      [ranked('A', 1, 1, 2), ranked('B', 2, 2, 4), ranked('C', 3, 3, 5)],
      ['A', 'B'],
      'group',
    ],
    [
      'a group in rank order whatever the input order',
      [ranked('C', 3, 2, 3), ranked('A', 1, 1, 3), ranked('B', 2, 1, 3)],
      ['A', 'B', 'C'],
      'group',
    ],
    ['unranked schools take no part', [ranked('A', 1, 1, 1), ranked('X', NaN, NaN, NaN)], ['A'], 'separated'],
  ])('%s', (_, schools, expected, kind) => {
    const headline = headlineGroup(schools);
    expect(headline.kind).toBe(kind);
    const names =
      headline.kind === 'separated'
        ? [headline.school.name]
        : headline.kind === 'group'
          ? headline.schools.map((s) => s.name)
          : [];
    expect(names).toEqual(expected);
  });

  it('has nothing to headline without a ranked school', () => {
    expect(headlineGroup([])).toEqual({ kind: 'none' });
  });
});

describe('the headline on ties', () => {
  // Two schools with the same catchment (wholly in ward HIGH) are tied in every simulation; a third is far below.
  const wardCounts = [
    { wardCode: 'HIGH', count: 4000, youngPopulation: 100000 },
    { wardCode: 'LOW', count: 1000, youngPopulation: 100000 },
  ];
  const wholly = (urn: string, wardCode: string): CatchmentShares => ({
    urn,
    model: 'distanceDecay',
    coverage: 1,
    shares: [{ wardCode, share: 1, pupils: 500 }],
  });
  const schools = [
    { urn: '100001', pupils: 500 },
    { urn: '100002', pupils: 500 },
    { urn: '100003', pupils: 500 },
  ];

  it('gives exactly tied schools the same interval, so neither is named alone', () => {
    const shares = new Map([
      ['100001', wholly('100001', 'HIGH')],
      ['100002', wholly('100002', 'HIGH')],
      ['100003', wholly('100003', 'LOW')],
    ]);
    const ranks = rankWithUncertainty({ wardCounts, shares, schools, seed: 4, simulations: 300 });
    // The URN tie-break orders the point ranks, but not the intervals: both hold places 1 and 2.
    expect(ranks.get('100001')).toMatchObject({ rank: 1, rankLower: 1, rankUpper: 2 });
    expect(ranks.get('100002')).toMatchObject({ rank: 2, rankLower: 1, rankUpper: 2 });
    expect(ranks.get('100003')).toMatchObject({ rank: 3, rankLower: 3, rankUpper: 3 });
    const results = [...ranks].map(
      ([urn, rank]) => ({ ...rank, urn, name: `School ${urn}` }) as unknown as SchoolResult,
    );
    const lines = mostExposedLines(results, 'recorded violence');
    expect(lines[0]).toBe(
      "Most exposed: no one school stands out. The rank intervals of 2 schools overlap the top school's, so any of them could hold the top place:",
    );
    expect(lines[1]).toBe(
      'School 100001 (1–2); School 100002 (1–2). Their pupils live where recorded violence is highest (exposure index 160 to 160).',
    );
  });

  it('names one school when its interval separates it', () => {
    // Area rate (4000 + 1000) / 200,000 = 25 per 1,000; HIGH is 40 per 1,000, index 160.
    const shares = new Map([
      ['100001', wholly('100001', 'HIGH')],
      ['100002', wholly('100002', 'LOW')],
      ['100003', wholly('100003', 'LOW')],
    ]);
    const ranks = rankWithUncertainty({ wardCounts, shares, schools, seed: 4, simulations: 300 });
    const results = [...ranks].map(
      ([urn, rank]) => ({ ...rank, urn, name: `School ${urn}` }) as unknown as SchoolResult,
    );
    expect(mostExposedLines(results, 'recorded violence')).toEqual([
      "Most exposed: School 100001, whose pupils live where recorded violence is 60% above the area average (exposure index 160; rank interval 1–1, overlapping no other school's).",
    ]);
  });
});

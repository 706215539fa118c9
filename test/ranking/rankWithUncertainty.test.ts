import type { CatchmentShares } from '../../src/core/catchment';
import { wardRates } from '../../src/core/rates';
import { exposureScores, rankByExposure, rankWithUncertainty } from '../../src/core/ranking';
import { syntheticArea } from '../support/syntheticArea';

function wholly(urn: string, wardCode: string): CatchmentShares {
  return { urn, model: 'observed', coverage: 1, shares: [{ wardCode, share: 1, pupils: 100 }] };
}

describe('rankWithUncertainty', () => {
  const area = syntheticArea(60, 40, 6, 12345);
  const result = rankWithUncertainty({ ...area, seed: 1, simulations: 400 });

  it('ranks schools as the point exposure index does (1 = most exposed)', () => {
    const { wards, area: areaRate } = wardRates(area.wardCounts);
    const exposures = exposureScores(area.shares, wards, areaRate.rate, area.schools);
    const expected = rankByExposure(exposures);
    for (const school of area.schools) expect(result.get(school.urn)!.rank).toBe(expected.get(school.urn));
    const ranks = [...result.values()].map((entry) => entry.rank).sort((a, b) => a - b);
    expect(ranks).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (const exposure of exposures)
      expect(result.get(exposure.urn)!.exposureIndex).toBeCloseTo(exposure.exposureIndex, 9);
  });

  it('gives rank intervals that contain the point rank and stay within 1..n', () => {
    for (const { rank, rankLower, rankUpper } of result.values()) {
      expect(rankLower).toBeLessThanOrEqual(rank);
      expect(rankUpper).toBeGreaterThanOrEqual(rank);
      expect(rankLower).toBeGreaterThanOrEqual(1);
      expect(rankUpper).toBeLessThanOrEqual(60);
    }
  });

  it('gives the same intervals for the same seed and different ones for another seed', () => {
    const again = rankWithUncertainty({ ...area, seed: 1, simulations: 400 });
    expect(again).toEqual(result);
    const other = rankWithUncertainty({ ...area, seed: 2, simulations: 400 });
    const differing = area.schools.filter((school) => {
      const a = result.get(school.urn)!;
      const b = other.get(school.urn)!;
      return a.rankLower !== b.rankLower || a.rankUpper !== b.rankUpper;
    });
    expect(differing.length).toBeGreaterThan(0);
    for (const school of area.schools) expect(other.get(school.urn)!.rank).toBe(result.get(school.urn)!.rank);
  });

  it('gives a school in a ward with a huge count a narrow interval and one in a small-count ward a wide one', () => {
    // Nine reference schools, each wholly in its own ward of 1,000,000 residents at 60, 70, ..., 140 per 1,000
    // (counts 60,000..140,000; sd √count / 1,000 ≤ 0.4 per 1,000: effectively fixed).
    // BIG: 40,000 of 400,000 = 100 per 1,000 (sd √40,000 / 400 = 0.5 per 1,000).
    // SMALL: 4 of 40 = 100 per 1,000 (sd √4 / 0.04 = 50): anywhere from first to last.
    const wardCounts = [
      ...[60, 70, 80, 90, 100, 110, 120, 130, 140].map((rate) => ({
        wardCode: `R${rate}`,
        count: rate * 1000,
        youngPopulation: 1_000_000,
      })),
      { wardCode: 'BIG', count: 40000, youngPopulation: 400000 },
      { wardCode: 'SMALL', count: 4, youngPopulation: 40 },
    ];
    const shares = new Map(
      wardCounts.map((entry) => [`U-${entry.wardCode}`, wholly(`U-${entry.wardCode}`, entry.wardCode)]),
    );
    const schools = wardCounts.map((entry) => ({ urn: `U-${entry.wardCode}`, pupils: 100 }));
    const ranks = rankWithUncertainty({ wardCounts, shares, schools, seed: 7, simulations: 1000 });
    const big = ranks.get('U-BIG')!;
    const small = ranks.get('U-SMALL')!;
    // BIG always sits below the 110 school (ranks 1–4 are 140..110) and above the 90 one; R100 and, about
    // half the time, SMALL share that gap, so BIG is 5th, 6th or 7th: an interval no wider than 2.
    expect(big.rankLower).toBeGreaterThanOrEqual(5);
    expect(big.rankUpper).toBeLessThanOrEqual(7);
    expect(big.rankUpper - big.rankLower).toBeLessThanOrEqual(2);
    // SMALL: P(count ≥ 6) = 0.215 puts it above 140 (rank 1); P(count ≤ 2) = 0.238 puts it below 60 (rank 11).
    expect(small.rankLower).toBe(1);
    expect(small.rankUpper).toBe(11);
  });

  it('gives degenerate intervals when the order cannot change', () => {
    // A: 400 of 10,000 (40 ± 2 per 1,000) is far above B: 100 of 10,000 (10 ± 1)
    const wardCounts = [
      { wardCode: 'A', count: 400, youngPopulation: 10000 },
      { wardCode: 'B', count: 100, youngPopulation: 10000 },
    ];
    const ranks = rankWithUncertainty({
      wardCounts,
      shares: new Map([
        ['sa', wholly('sa', 'A')],
        ['sb', wholly('sb', 'B')],
      ]),
      schools: [
        { urn: 'sb', pupils: 1 },
        { urn: 'sa', pupils: 1 },
      ],
      seed: 3,
      simulations: 200,
    });
    expect(ranks.get('sa')).toEqual({ rank: 1, rankLower: 1, rankUpper: 1, exposureIndex: expect.closeTo(160, 9) }); // 40 / 25 × 100
    expect(ranks.get('sb')).toEqual({ rank: 2, rankLower: 2, rankUpper: 2, exposureIndex: expect.closeTo(40, 9) });
  });

  it('lets zero-count wards vary only under the gamma posterior, and never separates a tie by URN', () => {
    // Both wards have 0 offences: Poisson(0) is always 0, so the schools are tied in every run and
    // each holds both places (the URN tie-break orders the point ranks only);
    // Gamma(1) draws differ, so each school is first about half the time.
    const input = {
      wardCounts: [
        { wardCode: 'A', count: 0, youngPopulation: 1000 },
        { wardCode: 'B', count: 0, youngPopulation: 1000 },
      ],
      shares: new Map([
        ['s1', wholly('s1', 'A')],
        ['s2', wholly('s2', 'B')],
      ]),
      schools: [
        { urn: 's1', pupils: 1 },
        { urn: 's2', pupils: 1 },
      ],
      seed: 11,
      simulations: 500,
    };
    const poisson = rankWithUncertainty(input);
    expect([poisson.get('s1')!.rank, poisson.get('s1')!.rankLower, poisson.get('s1')!.rankUpper]).toEqual([1, 1, 2]);
    expect([poisson.get('s2')!.rank, poisson.get('s2')!.rankLower, poisson.get('s2')!.rankUpper]).toEqual([2, 1, 2]);
    const gamma = rankWithUncertainty({ ...input, countSimulation: 'gammaPosterior' });
    expect([gamma.get('s1')!.rankLower, gamma.get('s1')!.rankUpper]).toEqual([1, 2]);
    expect([gamma.get('s2')!.rankLower, gamma.get('s2')!.rankUpper]).toEqual([1, 2]);
  });

  it('leaves schools without usable shares unranked', () => {
    const ranks = rankWithUncertainty({
      wardCounts: [{ wardCode: 'A', count: 5, youngPopulation: 1000 }],
      shares: new Map([
        ['s1', wholly('s1', 'A')],
        ['s2', wholly('s2', 'ELSEWHERE')],
      ]),
      schools: [
        { urn: 's1', pupils: 1 },
        { urn: 's2', pupils: 1 },
        { urn: 's3', pupils: 1 },
      ],
      seed: 1,
      simulations: 50,
    });
    expect(ranks.get('s1')!.rank).toBe(1);
    expect(ranks.get('s2')!.rank).toBeNaN();
    expect(ranks.get('s3')!.rankUpper).toBeNaN();
  });

  it('ranks every school of a large area (its time is measured by npm run bench, not here)', () => {
    const big = syntheticArea(400, 200, 200, 99); // every school draws from every ward: 80,000 shares
    const ranks = rankWithUncertainty({ ...big, seed: 1, simulations: 50 });
    expect(ranks.size).toBe(400);
    for (const rank of ranks.values())
      expect(1 <= rank.rankLower && rank.rankLower <= rank.rankUpper && rank.rankUpper <= 400).toBe(true);
  });
});

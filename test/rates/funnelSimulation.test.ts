/**
 * Simulations of the over-dispersed funnel: on areas whose wards have no real differences (every
 * count drawn from the Poisson at one rate), the funnel flags about 5% of wards or fewer outside its
 * 95% limits; on areas whose wards do differ beyond chance (gamma-mixed Poisson, as real violence
 * counts are), it flags far fewer than the plain Poisson comparison, which then flags wards for noise.
 * Random numbers come from the engine's seeded generators; the counting and the flag rule are
 * written here.
 */
import { gammaSample, poissonSample, seededRandom } from '../../src/core/random';
import { compareWithFunnel, funnelDispersion, funnelLimits } from '../../src/core/rates';

const AREAS = 200;
const WARDS = 80;

/** Ward populations from 500 to 6,000 young residents, varied as real wards are. */
function populations(random: () => number): number[] {
  return Array.from({ length: WARDS }, () => Math.round(500 + 5500 * random()));
}

/** The share of all wards, over every simulated area, flagged higher or lower by the 95% funnel (τ² estimated per area). */
function flaggedShare(drawCounts: (population: number, random: () => number) => number, seed: number) {
  const random = seededRandom(seed);
  let flagged = 0;
  let poissonFlagged = 0;
  let wards = 0;
  for (let area = 0; area < AREAS; area++) {
    const people = populations(random);
    const observed = people.map((population) => drawCounts(population, random));
    const total = observed.reduce((sum, count) => sum + count, 0);
    const areaRate = (total / people.reduce((sum, population) => sum + population, 0)) * 1000;
    const estimate = funnelDispersion(
      observed.map((count, i) => ({ observed: count, expected: (areaRate * people[i]) / 1000 })),
    );
    if (estimate.kind !== 'estimated') throw new Error('no estimate');
    people.forEach((population, i) => {
      const rate = (observed[i] / population) * 1000;
      const adjusted = funnelLimits(areaRate, population, 0.95, { tauSquared: estimate.tauSquared });
      const plain = funnelLimits(areaRate, population, 0.95);
      if (compareWithFunnel(rate, adjusted) !== 'similar') flagged += 1;
      if (compareWithFunnel(rate, plain) !== 'similar') poissonFlagged += 1;
      wards += 1;
    });
  }
  return { share: flagged / wards, poissonShare: poissonFlagged / wards };
}

const RATE = 8; // per 1,000 young residents

describe('the over-dispersed funnel, simulated', () => {
  it('flags about 5% of wards or fewer outside the 95% limits when the wards have no real differences', () => {
    const { share, poissonShare } = flaggedShare(
      (population, random) => poissonSample((RATE * population) / 1000, random),
      20240601,
    );
    // 16,000 wards: a binomial share of 5% has a standard error of 0.17 points, so 6% is far above chance.
    expect(share).toBeLessThanOrEqual(0.06);
    // And it does flag: not a funnel so wide that nothing is ever flagged (the Poisson funnel's own share is near 5%).
    expect(share).toBeGreaterThan(0.02);
    expect(poissonShare).toBeGreaterThan(0.03);
    expect(poissonShare).toBeLessThan(0.07);
  });

  it('flags far fewer wards than the plain Poisson comparison when ward rates really spread (dispersion as in real extracts)', () => {
    // True ward rates gamma-distributed round RATE with shape 4 (a coefficient of variation of 50%).
    const shape = 4;
    const { share, poissonShare } = flaggedShare((population, random) => {
      const trueRate = (RATE * gammaSample(shape, random)) / shape;
      return poissonSample((trueRate * population) / 1000, random);
    }, 7);
    expect(poissonShare).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(poissonShare / 3);
  });
});

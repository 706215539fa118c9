import { decayLengthsToDraw, distanceDecayShares, type CatchmentShares } from '../../src/core/catchment';
import { binomialSample, multinomialSample, rankWithUncertainty } from '../../src/core/ranking';
import { seededRandom } from '../../src/core/random';

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

/** Binomial probabilities by the recurrence, worked apart from the sampler. */
function binomialPmf(n: number, p: number): number[] {
  const pmf = [(1 - p) ** n];
  for (let k = 1; k <= n; k++) pmf.push((pmf[k - 1] * (n - k + 1) * p) / (k * (1 - p)));
  return pmf;
}

describe('binomialSample', () => {
  it.each([
    [10, 0.3],
    [40, 0.1],
    [200, 0.2],
    [1000, 0.5],
    [5000, 0.93],
  ])('has mean np and variance np(1 − p) for n %p, p %p (inversion and BTRS)', (n, p) => {
    const random = seededRandom(n + Math.round(p * 100));
    const draws = Array.from({ length: 40000 }, () => binomialSample(n, p, random));
    expect(draws.every((draw) => Number.isInteger(draw) && draw >= 0 && draw <= n)).toBe(true);
    const { mean, variance } = meanAndVariance(draws);
    const expectedVariance = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(expectedVariance / 40000));
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(5 * Math.sqrt(2 / 40000));
  });

  it('follows the binomial probabilities at n 60, p 0.4 (BTRS), term by term', () => {
    const random = seededRandom(60);
    const draws = 100000;
    const frequency = new Array<number>(61).fill(0);
    for (let i = 0; i < draws; i++) frequency[binomialSample(60, 0.4, random)]++;
    const pmf = binomialPmf(60, 0.4);
    const totalVariation =
      pmf.reduce((sum, probability, k) => sum + Math.abs(frequency[k] / draws - probability), 0) / 2;
    expect(totalVariation).toBeLessThan(0.012);
  });
});

describe('multinomialSample', () => {
  const recorded = [30, 10, 60];
  const pupils = 100;
  const rates = [12, 40, 5];

  it('keeps the pupils given and draws each ward with the multinomial variance and covariance', () => {
    const random = seededRandom(11);
    const into = new Float64Array(3);
    const draws: number[][] = [];
    for (let i = 0; i < 40000; i++) {
      multinomialSample(recorded, into, random);
      draws.push([...into]);
    }
    expect(draws.every((draw) => draw[0] + draw[1] + draw[2] === pupils)).toBe(true);
    recorded.forEach((count, k) => {
      const p = count / pupils;
      const { mean, variance } = meanAndVariance(draws.map((draw) => draw[k]));
      expect(Math.abs(mean - count)).toBeLessThan(5 * Math.sqrt((pupils * p * (1 - p)) / 40000));
      expect(Math.abs(variance / (pupils * p * (1 - p)) - 1)).toBeLessThan(0.04);
    });
    // Cov(X0, X1) = −N p0 p1 = −100 × 0.3 × 0.1 = −3.
    const m0 = 30;
    const m1 = 10;
    const covariance = draws.reduce((sum, draw) => sum + (draw[0] - m0) * (draw[1] - m1), 0) / draws.length;
    expect(covariance).toBeGreaterThan(-3.3);
    expect(covariance).toBeLessThan(-2.7);
  });

  it("gives a school's resampled exposure the variance worked by hand: (Σ p r² − (Σ p r)²) / N", () => {
    // Σ p r = 0.3×12 + 0.1×40 + 0.6×5 = 10.6; Σ p r² = 0.3×144 + 0.1×1600 + 0.6×25 = 218.2;
    // variance = (218.2 − 112.36) / 100 = 1.0584.
    const random = seededRandom(12);
    const into = new Float64Array(3);
    const exposures = Array.from({ length: 40000 }, () => {
      multinomialSample(recorded, into, random);
      return rates.reduce((sum, rate, k) => sum + (into[k] / pupils) * rate, 0);
    });
    const { mean, variance } = meanAndVariance(exposures);
    expect(mean).toBeCloseTo(10.6, 1);
    expect(Math.abs(variance / 1.0584 - 1)).toBeLessThan(0.04); // relative sd of a variance from 40,000 draws ≈ 0.007–0.01
  });

  it('returns zeros for no pupils and one category whole', () => {
    const into = new Float64Array(2);
    multinomialSample([0, 0], into, seededRandom(1));
    expect([...into]).toEqual([0, 0]);
    multinomialSample([0, 7], into, seededRandom(1));
    expect([...into]).toEqual([0, 7]);
  });
});

/** Two observed schools over two wards of huge counts (count noise negligible): A 60% / 40%, B 50% / 50% of their pupils. */
function observedPair(pupilsEach: number) {
  const wardCounts = [
    { wardCode: 'HIGH', count: 500000, youngPopulation: 10000000 },
    { wardCode: 'LOW', count: 100000, youngPopulation: 10000000 },
  ];
  const school = (urn: string, high: number): CatchmentShares => ({
    urn,
    model: 'observed',
    coverage: 1,
    shares: [
      { wardCode: 'HIGH', share: high, pupils: high * pupilsEach },
      { wardCode: 'LOW', share: 1 - high, pupils: (1 - high) * pupilsEach },
    ],
  });
  return {
    wardCounts,
    shares: new Map([
      ['A', school('A', 0.6)],
      ['B', school('B', 0.5)],
    ]),
    schools: [
      { urn: 'A', pupils: pupilsEach },
      { urn: 'B', pupils: pupilsEach },
    ],
  };
}

describe('rank intervals with observed residence resampled', () => {
  it('widens both intervals when 10 pupils cannot tell the schools apart, and not when 1,000 can', () => {
    // A ranks below B when its resampled pupils from HIGH fall under B's, or equal them and B wins
    // the tie (URN order puts A first, so ties go to A): P(X_A < X_B), X_A ~ Bin(10, 0.6), X_B ~ Bin(10, 0.5).
    const pmfA = binomialPmf(10, 0.6);
    const pmfB = binomialPmf(10, 0.5);
    let belowB = 0;
    for (let a = 0; a <= 10; a++) for (let b = a + 1; b <= 10; b++) belowB += pmfA[a] * pmfB[b];
    expect(belowB).toBeGreaterThan(0.025); // ≈ 0.24: so A's 97.5% rank is 2 and B's 2.5% rank is 1
    const small = observedPair(10);
    const fixed = rankWithUncertainty({ ...small, seed: 3, simulations: 1000 });
    expect([fixed.get('A')!.rankLower, fixed.get('A')!.rankUpper]).toEqual([1, 1]);
    const drawn = rankWithUncertainty({
      ...small,
      seed: 3,
      simulations: 1000,
      catchmentDraws: { decayAlternatives: [], resampleObserved: true },
    });
    expect(drawn.get('A')).toMatchObject({ rank: 1, rankLower: 1, rankUpper: 2 });
    expect(drawn.get('B')).toMatchObject({ rank: 2, rankLower: 1, rankUpper: 2 });

    // 600 vs 500 of 1,000 from HIGH: the difference of shares has mean 0.1 and sd √((0.24 + 0.25)/1000) = 0.022, 4.5 sd.
    const large = rankWithUncertainty({
      ...observedPair(1000),
      seed: 3,
      simulations: 1000,
      catchmentDraws: { decayAlternatives: [], resampleObserved: true },
    });
    expect([large.get('A')!.rankLower, large.get('A')!.rankUpper]).toEqual([1, 1]);
  });
});

/**
 * Three modelled schools, five wards of equal young population: at the point decay length (2 km)
 * school A's pupils live among more violence than B's, but from 2.5 km on B's do (found by a search
 * over layouts; the test recomputes the exposures itself). Populations are 10 million so the Poisson
 * noise in the counts (sd ≈ 0.07 per 1,000 a ward) cannot reorder them.
 */
const WARDS = [
  { wardCode: 'W0', rate: 50, location: { easting: 3000, northing: 4000 } },
  { wardCode: 'W1', rate: 20, location: { easting: 2000, northing: 4000 } },
  { wardCode: 'W2', rate: 30, location: { easting: 7000, northing: 4000 } },
  { wardCode: 'W3', rate: 40, location: { easting: 3000, northing: 5000 } },
  { wardCode: 'W4', rate: 10, location: { easting: 2000, northing: 0 } },
].map((ward) => ({ ...ward, youngPopulation: 10000000 }));
const SCHOOLS = [
  { urn: 'A', pupils: 400, location: { easting: 1000, northing: 5000 } },
  { urn: 'B', pupils: 600, location: { easting: 7000, northing: 8000 } },
  { urn: 'C', pupils: 600, location: { easting: 2000, northing: 2000 } },
];

describe('rank intervals with the decay length drawn', () => {
  const wardCounts = WARDS.map((ward) => ({
    wardCode: ward.wardCode,
    youngPopulation: ward.youngPopulation,
    count: (ward.rate * ward.youngPopulation) / 1000,
  }));
  const lengths = decayLengthsToDraw(2000);
  const alternatives = lengths.map((decayMetres) => distanceDecayShares(SCHOOLS, WARDS, { decayMetres }));
  const exposureAt = (shares: Map<string, CatchmentShares>, urn: string): number =>
    shares
      .get(urn)!
      .shares.reduce(
        (sum, entry) => sum + entry.share * WARDS.find((ward) => ward.wardCode === entry.wardCode)!.rate,
        0,
      );
  const point = distanceDecayShares(SCHOOLS, WARDS, { decayMetres: 2000 });
  const input = { wardCounts, shares: point, schools: SCHOOLS, simulations: 1000 };

  it('states the range drawn from: 1,000 m to 3,000 m in 250 m steps about the default 2,000 m', () => {
    expect(lengths).toEqual([1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750, 3000]);
  });

  it('shows a modelled school that was "1–1" from count noise alone with a wider interval', () => {
    expect(exposureAt(point, 'A')).toBeGreaterThan(exposureAt(point, 'B') + 0.3);
    const flipped = alternatives.filter((shares) => exposureAt(shares, 'B') > exposureAt(shares, 'A')).length;
    expect(flipped).toBeGreaterThanOrEqual(3); // 3 or 4 of 9 lengths: rank 2 in about a third of runs, far above 2.5%
    expect(flipped).toBeLessThanOrEqual(6);

    const countsOnly = rankWithUncertainty({ ...input, seed: 5 });
    expect(countsOnly.get('A')).toMatchObject({ rank: 1, rankLower: 1, rankUpper: 1 });
    const withDecay = rankWithUncertainty({
      ...input,
      seed: 5,
      catchmentDraws: { decayAlternatives: alternatives, resampleObserved: true },
    });
    expect(withDecay.get('A')).toMatchObject({ rank: 1, rankLower: 1, rankUpper: 2 });
    expect(withDecay.get('B')).toMatchObject({ rank: 2, rankLower: 1, rankUpper: 2 });
  });

  it('is deterministic for a seed', () => {
    const draws = { decayAlternatives: alternatives, resampleObserved: true };
    const first = rankWithUncertainty({ ...input, simulations: 200, seed: 9, catchmentDraws: draws });
    const again = rankWithUncertainty({ ...input, simulations: 200, seed: 9, catchmentDraws: draws });
    expect([...again]).toEqual([...first]);
  });
});

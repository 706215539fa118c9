/**
 * Tests written to kill the mutants that survived `npm run mutate` on src/core/ranking (see stryker.config.mjs).
 * Every expected value is worked by hand in the comments, or by a second, simpler method written here: the
 * binomial probabilities by the textbook formula, and the binomial quantile by summing them.
 */
import type { CatchmentShares } from '../../src/core/catchment';
import { seededRandom } from '../../src/core/random';
import type { WardCount, WardRate } from '../../src/core/rates';
import {
  binomialSample,
  canonicalNameWords,
  compareUrns,
  compareWithList,
  decileOfRank,
  deciles,
  diceCoefficient,
  exposureScores,
  headlineGroup,
  normaliseSchoolName,
  pearsonCorrelation,
  rankWithUncertainty,
  spearmanCorrelation,
  type CatchmentDraws,
  type ListSchool,
  type RankedSchool,
} from '../../src/core/ranking';

// ---------------------------------------------------------------------------------------------------------------
// Helpers: a second, simple method for the binomial, and streams of uniforms the tests control.

/** Binomial(n, p) probabilities by the textbook formula C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ (C(n, k) = C(n, k − 1) (n − k + 1) / k). */
function binomialPmf(n: number, p: number): number[] {
  const pmf: number[] = [];
  let coefficient = 1;
  for (let k = 0; k <= n; k++) {
    if (k > 0) coefficient = (coefficient * (n - k + 1)) / k;
    pmf.push(coefficient * p ** k * (1 - p) ** (n - k));
  }
  return pmf;
}

/** The smallest k whose cumulative probability reaches u (what inversion of a uniform u returns). */
function binomialQuantile(n: number, p: number, u: number): number {
  let cumulative = 0;
  const pmf = binomialPmf(n, p);
  for (let k = 0; k <= n; k++) {
    cumulative += pmf[k];
    if (cumulative >= u) return k;
  }
  return n;
}

/** `first`, then a seeded stream (so that a method needing more uniforms still gets them). */
function startingWith(first: number): () => number {
  const rest = seededRandom(99);
  let used = false;
  return () => {
    if (used) return rest();
    used = true;
    return first;
  };
}

/** A seeded stream that counts the uniforms taken from it. */
function counted(seed: number): { readonly random: () => number; readonly calls: () => number } {
  const random = seededRandom(seed);
  let calls = 0;
  return {
    random: () => {
      calls++;
      return random();
    },
    calls: () => calls,
  };
}

const LARGEST_UNIFORM = 1 - 2 ** -53;

// ---------------------------------------------------------------------------------------------------------------

describe('decileOfRank: no decile without a positive number of schools', () => {
  it.each([
    [2, 0],
    [5, -10],
  ])('rank %p among %p schools has no decile (NaN)', (rank, n) => {
    // Unguarded, ⌊10 (2 − 1) / 0⌋ + 1 would be Infinity and ⌊10 × 4 / −10⌋ + 1 = −3.
    expect(decileOfRank(rank, n)).toBeNaN();
  });

  it('gives NaN throughout when told there are 0 ranked schools', () => {
    const result = deciles(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
      0,
    );
    expect(result.get('a')).toBeNaN();
    expect(result.get('b')).toBeNaN();
  });
});

describe('diceCoefficient: strings too short to have letter pairs', () => {
  it('scores two equal strings without letter pairs 1', () => {
    expect(diceCoefficient('a', 'a')).toBe(1);
    expect(diceCoefficient('', '')).toBe(1);
  });

  it('scores 0 (not NaN) when either string, spaces removed, has no letter pair', () => {
    // Neither string has a pair: 2 × 0 / (0 + 0) would be NaN.
    expect(diceCoefficient('a', 'b')).toBe(0);
    // One side empty (or only spaces): 2 × 0 / (−1 + 1) would be NaN.
    expect(diceCoefficient('', 'ab')).toBe(0);
    expect(diceCoefficient('   ', 'ab')).toBe(0);
    expect(diceCoefficient('ab', '')).toBe(0);
  });

  it('compares a two-letter string by its one pair: ab / ab bc share 1, 2 × 1 / (1 + 2) = 2/3', () => {
    expect(diceCoefficient('ab', 'abc')).toBeCloseTo(2 / 3, 15);
    expect(diceCoefficient('abc', 'ab')).toBeCloseTo(2 / 3, 15);
  });
});

describe('headlineGroup: who may be named', () => {
  it('leaves out a school whose rank is not a number, even with a finite interval', () => {
    const first = { rank: 1, rankLower: 1, rankUpper: 2 };
    const unranked = { rank: NaN, rankLower: 1, rankUpper: 2 };
    // Only `first` takes part, and nothing else overlaps it.
    expect(headlineGroup([first, unranked])).toEqual({ kind: 'separated', school: first });
    expect(headlineGroup([unranked, first])).toEqual({ kind: 'separated', school: first });
  });

  it('names the school with the best rank, wherever it is listed', () => {
    const second = { rank: 2, rankLower: 2, rankUpper: 3 };
    const first = { rank: 1, rankLower: 1, rankUpper: 1 };
    // 1–1 and 2–3 do not overlap: the rank-1 school alone.
    const result = headlineGroup([second, first]);
    expect(result).toEqual({ kind: 'separated', school: first });
    if (result.kind === 'separated') expect(result.school).toBe(first);
  });

  it('keeps the first listed of two schools with the same rank', () => {
    const a = { id: 'a', rank: 1, rankLower: 1, rankUpper: 1 };
    const b = { id: 'b', rank: 1, rankLower: 3, rankUpper: 4 };
    // Top = a (listed first); b's 3–4 does not reach a's 1–1.
    expect(headlineGroup([a, b])).toEqual({ kind: 'separated', school: a });
  });

  it('always names the school ranked first, even when its interval ends are given the wrong way round', () => {
    const top = { rank: 1, rankLower: 2, rankUpper: 1 };
    expect(headlineGroup([top])).toEqual({ kind: 'separated', school: top });
  });

  it('does not group a school whose interval lies wholly before the top school’s', () => {
    // The top school's point rank (2) lies outside its own interval 3–4 (possible for a skewed distribution);
    // the other's 1–2 ends before 3: no overlap.
    const top = { rank: 2, rankLower: 3, rankUpper: 4 };
    const other = { rank: 3, rankLower: 1, rankUpper: 2 };
    expect(headlineGroup([top, other])).toEqual({ kind: 'separated', school: top });
  });

  it('counts intervals that only touch (2–3 and 1–2) as overlapping', () => {
    const top = { rank: 1, rankLower: 2, rankUpper: 3 };
    const other = { rank: 2, rankLower: 1, rankUpper: 2 };
    expect(headlineGroup([top, other])).toEqual({ kind: 'group', schools: [top, other] });
  });
});

describe('normaliseSchoolName: phrases and what is left', () => {
  it('reads C.E. as ce', () => {
    // 'st peter c e primary' → 'c e' → 'ce', 'st' → 'saint'; 'primary' is not dropped.
    expect(normaliseSchoolName('St Peter C.E. Primary')).toBe('saint peter ce primary');
  });

  it('reads Ste as sainte, not as saint', () => {
    // 'ste anne school' → 'sainte anne school' → trailing 'school' dropped.
    expect(normaliseSchoolName('Ste Anne School')).toBe('sainte anne');
  });

  it('reads punctuation runs as one space, so C. of E. still matches the phrase', () => {
    // "st. marys c. of e. school" → 'st marys c of e school' → 'saint marys ce'.
    expect(normaliseSchoolName("St. Mary's C. of E. School")).toBe('saint marys ce');
  });

  it("keeps a lone 'The' rather than leaving nothing", () => {
    expect(normaliseSchoolName('The')).toBe('the');
  });
});

describe('canonicalNameWords: abbreviations read in full', () => {
  it.each([
    ['Aston Pri Sch', ['aston', 'primary', 'school']],
    ['Kings Norton Jr', ['kings', 'norton', 'junior']],
    ['Oak Infs', ['oak', 'infant']],
    ['Oak Infants', ['oak', 'infant']],
  ])('%p → %p', (name, expected) => {
    expect(canonicalNameWords(name)).toEqual(expected);
  });

  it('gives no words (not one empty word) for a name of punctuation only', () => {
    expect(canonicalNameWords('--')).toEqual([]);
    expect(canonicalNameWords('')).toEqual([]);
  });
});

describe('exposureScores: a catchment with no shares', () => {
  it('gives NaN throughout, not zero shares', () => {
    const ward: WardRate = {
      wardCode: 'A',
      count: 10,
      youngPopulation: 1000,
      rate: 10,
      lower: 5,
      upper: 18,
      ratioToArea: 2,
      flag: 'higher',
    };
    const empty: CatchmentShares = { urn: 'S', model: 'distanceDecay', shares: [], coverage: 0 };
    const [school] = exposureScores(new Map([['S', empty]]), [ward], 5, [{ urn: 'S', pupils: 200 }]);
    expect(school.urn).toBe('S');
    expect(school.exposureRate).toBeNaN();
    expect(school.exposureIndex).toBeNaN();
    expect(school.pupilsFromHigherWards).toBeNaN();
    expect(school.shareFromHigherWards).toBeNaN();
    expect(school.shareWithRate).toBeNaN();
  });
});

describe('compareUrns', () => {
  it('orders by code units and gives 0 for equal URNs', () => {
    expect(compareUrns('x', 'x')).toBe(0);
    expect(compareUrns('b', 'a')).toBe(1);
    expect(compareUrns('a', 'b')).toBe(-1);
    expect(compareUrns('100', '99')).toBe(-1); // '1' < '9'
  });
});

describe('pearsonCorrelation and spearmanCorrelation', () => {
  it('refuses unpaired values, saying how many of each', () => {
    expect(() => pearsonCorrelation([1, 2], [1, 2, 3])).toThrow(
      new RangeError('Correlation needs pairs: got 2 and 3 values.'),
    );
    expect(() => spearmanCorrelation([1, 2, 3], [1])).toThrow(/^Correlation needs pairs: got 3 and 1 values\.$/);
  });

  it('gives ±1 for two pairs (two points are always on a line)', () => {
    expect(pearsonCorrelation([1, 2], [3, 5])).toBeCloseTo(1, 12);
    expect(spearmanCorrelation([1, 2], [2, 1])).toBeCloseTo(-1, 12);
  });

  it('is not thrown off by a large common offset (the sums are centred)', () => {
    // u = 0, 1, 3 and v = 0, 2, 1: deviations u −4/3, −1/3, 5/3 and v −1, 1, 0; Sxy = 4/3 − 1/3 = 1,
    // Sxx = (16 + 1 + 25)/9 = 14/3, Syy = 2, so r = 1 / √(28/3) = √(3/28). Adding 10¹² to every value
    // changes nothing in exact arithmetic.
    const offset = 1e12;
    const x = [0, 1, 3].map((value) => offset + value);
    const y = [0, 2, 1].map((value) => offset + value);
    expect(pearsonCorrelation(x, y)).toBeCloseTo(Math.sqrt(3 / 28), 7);
    expect(pearsonCorrelation(x, x)).toBeCloseTo(1, 7);
  });
});

describe('binomialSample: arguments', () => {
  it.each([
    [-1, 0.5],
    [2.5, 0.5],
    [3, -0.1],
    [3, 1.5],
    [3, NaN],
  ])('refuses n %p, p %p', (n, p) => {
    expect(() => binomialSample(n, p, seededRandom(1))).toThrow(
      new RangeError(`A binomial needs a whole n ≥ 0 and 0 ≤ p ≤ 1; got n ${n}, p ${p}.`),
    );
  });

  it('accepts the edges n = 0 and p = 1: Binomial(0, p) is 0 and Binomial(n, 1) is n', () => {
    expect(binomialSample(0, 0.3, seededRandom(1))).toBe(0);
    expect(binomialSample(7, 1, seededRandom(1))).toBe(7);
    expect(binomialSample(7, 0, seededRandom(1))).toBe(0);
  });
});

describe('binomialSample: inversion below n·min(p, 1 − p) = 10', () => {
  // Binomial(4, 1/4): P = 0.31640625, 0.421875, 0.2109375, 0.046875, 0.00390625, so the cumulative
  // probabilities are 0.3164, 0.7383, 0.9492, 0.9961, 1: u = 0.1 → 0, 0.5 → 1, 0.9 → 2, 0.99 → 3, 0.999 → 4.
  const uniforms = [0.1, 0.5, 0.9, 0.99, 0.999];

  it('returns the quantile of the uniform it is given', () => {
    const quantiles = uniforms.map((u) => binomialQuantile(4, 0.25, u));
    expect(quantiles).toEqual([0, 1, 2, 3, 4]);
    expect(uniforms.map((u) => binomialSample(4, 0.25, startingWith(u)))).toEqual(quantiles);
  });

  it('returns the smaller value for a uniform exactly at a cumulative probability: P(0) = (3/4)⁴ = 81/256', () => {
    // The quantile is the smallest k with F(k) ≥ u; F(0) = 81/256 exactly (a dyadic fraction, no rounding).
    expect(binomialQuantile(4, 0.25, 81 / 256)).toBe(0);
    expect(binomialSample(4, 0.25, startingWith(81 / 256))).toBe(0);
  });

  it('draws p > ½ by symmetry: Binomial(4, 3/4) = 4 − Binomial(4, 1/4) for the same uniform', () => {
    expect(uniforms.map((u) => binomialSample(4, 0.75, startingWith(u)))).toEqual([4, 3, 2, 1, 0]);
  });

  it.each([
    [3, 0.3],
    [5, 0.3],
    [2, 0.16],
  ])('gives n = %p (not more) for the largest uniform below 1, p = %p', (n, p) => {
    // The cumulative probability before n is 1 − pⁿ (0.973 for n 3, p 0.3), below 1 − 2⁻⁵³: the quantile is n.
    expect(binomialQuantile(n, p, LARGEST_UNIFORM)).toBe(n);
    expect(binomialSample(n, p, () => LARGEST_UNIFORM)).toBe(n);
  });
});

describe('binomialSample: uniforms used', () => {
  it('uses none for a certain outcome (n = 0, p = 0 or p = 1)', () => {
    const stream = counted(5);
    expect(binomialSample(0, 0.3, stream.random)).toBe(0);
    expect(binomialSample(0, 0.7, stream.random)).toBe(0);
    expect(binomialSample(6, 0, stream.random)).toBe(0);
    expect(binomialSample(6, 1, stream.random)).toBe(6);
    expect(stream.calls()).toBe(0);
  });

  it.each([
    [4, 0.25],
    [19, 0.5],
    [20, 0.6],
  ])('uses one uniform per draw below n·min(p, 1 − p) = 10 (inversion): n %p, p %p', (n, p) => {
    const stream = counted(6);
    for (let draw = 0; draw < 50; draw++) binomialSample(n, p, stream.random);
    expect(stream.calls()).toBe(50);
  });

  it.each([
    [20, 0.5],
    [1000, 0.02],
  ])('uses uniforms in pairs from n·min(p, 1 − p) = 10 on (BTRS): n %p, p %p', (n, p) => {
    const stream = counted(7);
    for (let draw = 0; draw < 50; draw++) {
      const before = stream.calls();
      binomialSample(n, p, stream.random);
      const used = stream.calls() - before;
      expect(used).toBeGreaterThanOrEqual(2);
      expect(used % 2).toBe(0);
    }
  });
});

describe('binomialSample: BTRS draws follow the binomial distribution', () => {
  it('matches Binomial(1000, 0.02) in 200,000 draws (chi-square goodness of fit)', () => {
    const n = 1000;
    const p = 0.02;
    const draws = 200000;
    const random = seededRandom(20240611);
    const observed = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++) observed[binomialSample(n, p, random)]++;
    // Cells with at least 5 expected draws, the tails pooled into one cell each side.
    const expected = binomialPmf(n, p).map((probability) => probability * draws);
    const firstCell = expected.findIndex((value) => value >= 5);
    let lastCell = n;
    while (expected[lastCell] < 5) lastCell--;
    const cells: [number, number][] = [];
    const sum = (values: number[], from: number, to: number): number =>
      values.slice(from, to + 1).reduce((total, value) => total + value, 0);
    cells.push([sum(observed, 0, firstCell), sum(expected, 0, firstCell)]);
    for (let k = firstCell + 1; k < lastCell; k++) cells.push([observed[k], expected[k]]);
    cells.push([sum(observed, lastCell, n), sum(expected, lastCell, n)]);
    const chiSquare = cells.reduce((total, [o, e]) => total + (o - e) ** 2 / e, 0);
    // Upper 10⁻⁶ point of chi-square with df = cells − 1 (Wilson–Hilferty; z = 4.7534): about 87 for df 33.
    const df = cells.length - 1;
    const h = 2 / (9 * df);
    const critical = df * (1 - h + 4.7534 * Math.sqrt(h)) ** 3;
    expect(chiSquare).toBeLessThan(critical);
  });
});

describe('compareWithList: ranked or not', () => {
  const entry = (sourceRow: number, fields: { urn?: string; name?: string }) => ({ sourceRow, ...fields });

  it('takes a school marked not ranked as unranked, even when a rank is given', () => {
    const schools: ListSchool[] = [
      { urn: '1', name: 'Alpha School', ranked: false, rank: 1 },
      { urn: '2', name: 'Beta School', ranked: true, rank: 2 },
    ];
    const result = compareWithList(schools, [entry(2, { urn: '1' })], 2);
    // Only '2' is a ranked school in the top 2 not on the list; the match to '1' is not ranked and has no rank.
    expect(result.newCandidates).toEqual(['2']);
    expect(result.onList.size).toBe(0);
    const [match] = result.matches;
    expect(match.urn).toBe('1');
    expect(match.ranked).toBe(false);
    expect('rank' in match).toBe(false);
  });

  it('takes a school said to be ranked but whose rank is not a number as no new candidate', () => {
    const schools: ListSchool[] = [
      { urn: '1', name: 'Alpha School', ranked: true, rank: NaN },
      { urn: '2', name: 'Beta School', ranked: true, rank: 1 },
    ];
    expect(compareWithList(schools, [], 5).newCandidates).toEqual(['2']);
  });

  it('takes an older-style school with a rank that is not finite as unranked (ranked false, no rank)', () => {
    const schools: RankedSchool[] = [
      { urn: '1', name: 'Alpha School', rank: NaN },
      { urn: '2', name: 'Beta School', rank: 1 },
    ];
    const result = compareWithList(schools, [entry(2, { urn: '1' }), entry(3, { urn: '2' })], 5);
    const [unranked, ranked] = result.matches;
    expect(unranked.ranked).toBe(false);
    expect('rank' in unranked).toBe(false);
    expect(ranked.ranked).toBe(true);
    expect(ranked.rank).toBe(1);
    expect([...result.onList]).toEqual(['2']);
  });

  it('finds a school whose URN has spaces around it in the sheet', () => {
    const schools: ListSchool[] = [{ urn: ' 100 ', name: 'Alpha School', ranked: true, rank: 1 }];
    const [outcome] = compareWithList(schools, [entry(2, { urn: '100' })], 1).outcomes;
    expect(outcome.state).toBe('matched');
    if (outcome.state === 'matched') expect(outcome.method).toBe('urn');
  });

  it('lists new candidates most exposed first, whatever the sheet order', () => {
    const schools: ListSchool[] = [4, 2, 5, 1, 3].map((rank) => ({
      urn: `u${rank}`,
      name: `School ${rank}`,
      ranked: true,
      rank,
    }));
    expect(compareWithList(schools, [], 5).newCandidates).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(compareWithList(schools, [], 3).newCandidates).toEqual(['u1', 'u2', 'u3']);
  });
});

describe('compareWithList: outcomes', () => {
  const schools: ListSchool[] = [
    { urn: '1', name: 'Ward End Academy', ranked: true, rank: 1 },
    { urn: '2', name: 'Aston High School', ranked: true, rank: 2 },
  ];

  it('reports no nearest names for an unknown URN without a name', () => {
    const [outcome] = compareWithList(schools, [{ sourceRow: 2, urn: '999' }], 2).outcomes;
    expect(outcome).toEqual({
      state: 'unmatched',
      entry: { sourceRow: 2, urn: '999' },
      reason: 'urnNotFound',
      nearest: [],
    });
  });

  it('offers as nearest only schools sharing a letter pair with the name', () => {
    // 'qqqzzz' has the pairs qq qq qz zz zz, none of which is in 'wardendacademy' or 'astonhighschool'.
    const [outcome] = compareWithList(schools, [{ sourceRow: 2, name: 'Qqq Zzz' }], 2).outcomes;
    expect(outcome).toEqual({
      state: 'unmatched',
      entry: { sourceRow: 2, name: 'Qqq Zzz' },
      reason: 'noCloseName',
      nearest: [],
    });
  });

  it('lists only the ambiguous outcomes as ambiguous', () => {
    const twins: ListSchool[] = [
      ...schools,
      { urn: '3', name: 'Oak Primary', ranked: true, rank: 3 },
      { urn: '4', name: 'OAK PRIMARY', ranked: true, rank: 4 },
    ];
    const list = [
      { sourceRow: 2, urn: '1' },
      { sourceRow: 3, name: 'Oak Primary' },
      { sourceRow: 4, urn: '999' },
    ];
    const result = compareWithList(twins, list, 4);
    expect(result.ambiguous).toHaveLength(1);
    expect(result.ambiguous[0].entry).toEqual({ sourceRow: 3, name: 'Oak Primary' });
    expect(result.ambiguous[0].reason).toBe('sameName');
    expect(result.unmatchedListEntries).toEqual([list[1], list[2]]);
  });

  it('orders equally scored candidates by the whole-name score', () => {
    // 'Washwood Heath School' is not equal to either name; without the type word both are 'washwood heath'
    // (score 1). Whole names: 'washwoodheathschool' (18 pairs) shares its 12 'washwoodheath' pairs with
    // 'washwoodheath' (12 pairs): 24/30 = 0.8, and the same 12 with 'washwoodheathacademy' (19): 24/37.
    const washwood: ListSchool[] = [
      { urn: 'A', name: 'Washwood Heath Academy', ranked: true, rank: 1 },
      { urn: 'B', name: 'Washwood Heath', ranked: true, rank: 2 },
    ];
    const [outcome] = compareWithList(washwood, [{ sourceRow: 2, name: 'Washwood Heath School' }], 2).outcomes;
    expect(outcome.state).toBe('ambiguous');
    if (outcome.state === 'ambiguous') {
      expect(outcome.reason).toBe('closeScores');
      expect(outcome.candidates.map((candidate) => [candidate.urn, candidate.score])).toEqual([
        ['B', 1],
        ['A', 1],
      ]);
    }
  });
});

describe('compareWithList: fuzzy threshold and margin at their boundaries', () => {
  // 'abcdx' against 'abcde': pairs ab bc cd dx / ab bc cd de, 3 shared, 2 × 3 / 8 = 0.75;
  // against 'abcyz': ab bc shared, 2 × 2 / 8 = 0.5. The lead is 0.25, exactly.
  const schools: ListSchool[] = [
    { urn: '1', name: 'Abcde', ranked: true, rank: 1 },
    { urn: '2', name: 'Abcyz', ranked: true, rank: 2 },
  ];
  const list = [{ sourceRow: 2, name: 'Abcdx' }];

  it('takes a best score equal to the threshold, ahead by exactly the margin', () => {
    const [outcome] = compareWithList(schools, list, 2, { fuzzyThreshold: 0.75, fuzzyMargin: 0.25 }).outcomes;
    expect(outcome).toMatchObject({ state: 'matched', urn: '1', method: 'fuzzy', score: 0.75 });
  });

  it('still takes a lead that falls short of the margin by no more than the 1e-9 tolerance', () => {
    const [outcome] = compareWithList(schools, list, 2, { fuzzyThreshold: 0.75, fuzzyMargin: 0.25 + 1e-9 }).outcomes;
    expect(outcome).toMatchObject({ state: 'matched', urn: '1', method: 'fuzzy' });
  });

  it('does not take a lead short of a larger margin', () => {
    const [outcome] = compareWithList(schools, list, 2, { fuzzyThreshold: 0.75, fuzzyMargin: 0.3 }).outcomes;
    expect(outcome).toMatchObject({ state: 'ambiguous', reason: 'closeScores' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// rankWithUncertainty

function catchment(
  urn: string,
  model: 'observed' | 'distanceDecay',
  shares: [string, number, number][],
): CatchmentShares {
  return {
    urn,
    model,
    coverage: 1,
    shares: shares.map(([wardCode, share, pupils]) => ({ wardCode, share, pupils })),
  };
}

function intervals(result: Map<string, { rank: number; rankLower: number; rankUpper: number }>, urns: string[]) {
  return urns.map((urn) => {
    const { rank, rankLower, rankUpper } = result.get(urn)!;
    return [urn, rank, rankLower, rankUpper];
  });
}

describe('rankWithUncertainty: arguments', () => {
  it.each([2.5, -1])('refuses %p simulations with its own message', (simulations) => {
    expect(() => rankWithUncertainty({ wardCounts: [], shares: new Map(), schools: [], seed: 1, simulations })).toThrow(
      new RangeError(`simulations must be a whole number ≥ 0; got ${simulations}.`),
    );
  });

  it('gives the point rank as the interval with 0 simulations', () => {
    const result = rankWithUncertainty({
      wardCounts: [
        { wardCode: 'A', count: 40, youngPopulation: 1000 },
        { wardCode: 'B', count: 10, youngPopulation: 1000 },
      ],
      shares: new Map([
        ['S1', catchment('S1', 'observed', [['A', 1, 10]])],
        ['S2', catchment('S2', 'observed', [['B', 1, 10]])],
      ]),
      schools: [
        { urn: 'S1', pupils: 10 },
        { urn: 'S2', pupils: 10 },
      ],
      seed: 1,
      simulations: 0,
    });
    expect(intervals(result, ['S1', 'S2'])).toEqual([
      ['S1', 1, 1, 1],
      ['S2', 2, 2, 2],
    ]);
  });
});

describe('rankWithUncertainty: which wards have a rate, and the area rate', () => {
  // Only A (30 / 1,000) and B (10 / 1,000) have a rate. ZERO (population 0) and NEGPOP (−500) have no
  // population; NANC's count is not a number and NEGC's is negative. Area rate as wardRates computes it:
  // counts ≥ 0 (30 + 10 + 5 + 4 = 49) over positive populations (A, B, NANC, NEGC: 4,000) = 12.25 per 1,000.
  const wardCounts: WardCount[] = [
    { wardCode: 'A', count: 30, youngPopulation: 1000 },
    { wardCode: 'B', count: 10, youngPopulation: 1000 },
    { wardCode: 'ZERO', count: 5, youngPopulation: 0 },
    { wardCode: 'NEGPOP', count: 4, youngPopulation: -500 },
    { wardCode: 'NANC', count: NaN, youngPopulation: 1000 },
    { wardCode: 'NEGC', count: -3, youngPopulation: 1000 },
  ];

  it('leaves out wards without a rate and reweights the rest (exposure index 100 × rate / 12.25)', () => {
    const shares = new Map([
      // S1: only A has a rate, so its 0.5 is reweighted to 1: exposure 30, index 100 × 30 / 12.25 = 244.898.
      [
        'S1',
        catchment('S1', 'distanceDecay', [
          ['A', 0.5, 50],
          ['ZERO', 0.2, 20],
          ['NEGPOP', 0.1, 10],
          ['NANC', 0.1, 10],
          ['NEGC', 0.1, 10],
        ]),
      ],
      // S2: a quarter in B, the rest outside the area (no ward count): exposure 10, index 81.633.
      [
        'S2',
        catchment('S2', 'distanceDecay', [
          ['B', 0.25, 25],
          ['OUTSIDE', 0.75, 75],
        ]),
      ],
    ]);
    const result = rankWithUncertainty({
      wardCounts,
      shares,
      schools: [
        { urn: 'S1', pupils: 100 },
        { urn: 'S2', pupils: 100 },
      ],
      seed: 1,
      simulations: 0,
    });
    expect(result.get('S1')!.exposureIndex).toBeCloseTo((100 * 30) / 12.25, 9);
    expect(result.get('S2')!.exposureIndex).toBeCloseTo((100 * 10) / 12.25, 9);
    expect(intervals(result, ['S1', 'S2'])).toEqual([
      ['S1', 1, 1, 1],
      ['S2', 2, 2, 2],
    ]);
  });

  it('leaves out a share that is not a positive number', () => {
    // The NaN share in B is dropped: S1 is wholly in A, exposure 30, index 244.898.
    const result = rankWithUncertainty({
      wardCounts,
      shares: new Map([
        [
          'S1',
          catchment('S1', 'distanceDecay', [
            ['A', 1, 100],
            ['B', NaN, 0],
          ]),
        ],
      ]),
      schools: [{ urn: 'S1', pupils: 100 }],
      seed: 1,
      simulations: 0,
    });
    expect(result.get('S1')!.rank).toBe(1);
    expect(result.get('S1')!.exposureIndex).toBeCloseTo((100 * 30) / 12.25, 9);
  });
});

describe('rankWithUncertainty: exposure of a school with three wards', () => {
  it('sums exactly its three shares (A 1/2, B 1/4, C 1/4)', () => {
    // Rates 30, 10 and 20 per 1,000: exposure 15 + 2.5 + 5 = 22.5; area rate 60 / 3,000 = 20 per 1,000;
    // index 100 × 22.5 / 20 = 112.5. The school is listed last, so nothing follows its row.
    const result = rankWithUncertainty({
      wardCounts: [
        { wardCode: 'A', count: 30, youngPopulation: 1000 },
        { wardCode: 'B', count: 10, youngPopulation: 1000 },
        { wardCode: 'C', count: 20, youngPopulation: 1000 },
      ],
      shares: new Map([
        ['S0', catchment('S0', 'distanceDecay', [['B', 1, 10]])],
        [
          'S1',
          catchment('S1', 'distanceDecay', [
            ['A', 0.5, 5],
            ['B', 0.25, 2.5],
            ['C', 0.25, 2.5],
          ]),
        ],
      ]),
      schools: [
        { urn: 'S0', pupils: 10 },
        { urn: 'S1', pupils: 10 },
      ],
      seed: 1,
      simulations: 0,
    });
    expect(result.get('S1')!.exposureIndex).toBeCloseTo(112.5, 9);
    expect(result.get('S1')!.rank).toBe(1);
    expect(result.get('S0')!.exposureIndex).toBeCloseTo(50, 9); // 100 × 10 / 20
  });
});

describe('rankWithUncertainty: point ranks', () => {
  const wardCounts: WardCount[] = [
    { wardCode: 'A', count: 40, youngPopulation: 1000 },
    { wardCode: 'B', count: 10, youngPopulation: 1000 },
  ];

  it('gives unranked schools no place: the others are ranked 1..n', () => {
    // 'A0' has no shares; 'B1' (rate 40) is first and 'C2' (rate 10) second, whatever 'A0' sorts like.
    const result = rankWithUncertainty({
      wardCounts,
      shares: new Map([
        ['B1', catchment('B1', 'observed', [['A', 1, 10]])],
        ['C2', catchment('C2', 'observed', [['B', 1, 10]])],
      ]),
      schools: [
        { urn: 'A0', pupils: 10 },
        { urn: 'B1', pupils: 10 },
        { urn: 'C2', pupils: 10 },
      ],
      seed: 1,
      simulations: 20,
    });
    expect(intervals(result, ['A0', 'B1', 'C2'])).toEqual([
      ['A0', NaN, NaN, NaN],
      ['B1', 1, 1, 1],
      ['C2', 2, 2, 2],
    ]);
  });

  it('breaks an exact tie by URN, not by input order', () => {
    // Same catchment: exposures equal, so 'X' (before 'Y' in code-unit order) is 1 and 'Y' 2.
    const result = rankWithUncertainty({
      wardCounts,
      shares: new Map([
        ['Y', catchment('Y', 'observed', [['A', 1, 10]])],
        ['X', catchment('X', 'observed', [['A', 1, 10]])],
      ]),
      schools: [
        { urn: 'Y', pupils: 10 },
        { urn: 'X', pupils: 10 },
      ],
      seed: 1,
      simulations: 0,
    });
    expect(result.get('X')!.rank).toBe(1);
    expect(result.get('Y')!.rank).toBe(2);
  });

  it('gives degenerate intervals to two schools far apart, with as few as 10 runs', () => {
    // The documented example: A 400 of 10,000 (40 ± 2 per 1,000) is above B 100 of 10,000 (10 ± 1) in every
    // run, 15 standard deviations apart. With 10 runs the interval ends are the smallest and largest rank.
    const result = rankWithUncertainty({
      wardCounts: [
        { wardCode: 'WA', count: 400, youngPopulation: 10000 },
        { wardCode: 'WB', count: 100, youngPopulation: 10000 },
      ],
      shares: new Map([
        ['A', catchment('A', 'observed', [['WA', 1, 10]])],
        ['B', catchment('B', 'observed', [['WB', 1, 10]])],
      ]),
      schools: [
        { urn: 'A', pupils: 10 },
        { urn: 'B', pupils: 10 },
      ],
      seed: 3,
      simulations: 10,
    });
    expect(intervals(result, ['A', 'B'])).toEqual([
      ['A', 1, 1, 1],
      ['B', 2, 2, 2],
    ]);
  });
});

describe('rankWithUncertainty: how counts are simulated, and the interval quantiles', () => {
  // Two schools wholly in one ward each, both wards with 0 offences: S1 in W1 (population 100), S2 in W2 (900).
  const input = {
    wardCounts: [
      { wardCode: 'W1', count: 0, youngPopulation: 100 },
      { wardCode: 'W2', count: 0, youngPopulation: 900 },
    ],
    shares: new Map([
      ['S1', catchment('S1', 'observed', [['W1', 1, 10]])],
      ['S2', catchment('S2', 'observed', [['W2', 1, 10]])],
    ]),
    schools: [
      { urn: 'S1', pupils: 10 },
      { urn: 'S2', pupils: 10 },
    ],
    seed: 11,
    simulations: 400,
  };

  it('keeps a zero count at zero by default (Poisson), so the two schools tie in every run', () => {
    // Both rates are 0 in every run: a tie, each holding places 1–2.
    const result = rankWithUncertainty({ ...input, confidence: 0.5 });
    expect(intervals(result, ['S1', 'S2'])).toEqual([
      ['S1', 1, 1, 2],
      ['S2', 2, 1, 2],
    ]);
  });

  it('lets zero counts vary under gammaPosterior; intervals at 50% are the quartiles of the ranks', () => {
    // Means ~ Gamma(1, 1) = Exp(1): rates E1 × 1000/100 and E2 × 1000/900. P(S1 above S2) =
    // P(E1/100 > E2/900) = E[exp(−E2 × 100/900)] = 1 / (1 + 1/9) = 0.9. At confidence 0.5 the interval is the
    // 25% and 75% quantiles: S1's ranks are 1 with probability 0.9 ≥ 0.75, so 1–1; S2's are 1 with probability
    // 0.1 < 0.25, so 2–2 (400 runs: the empirical 0.9 is within ±0.015, ten standard errors from either).
    const result = rankWithUncertainty({ ...input, confidence: 0.5, countSimulation: 'gammaPosterior' });
    expect(intervals(result, ['S1', 'S2'])).toEqual([
      ['S1', 1, 1, 1],
      ['S2', 2, 2, 2],
    ]);
    // At 95% the 2.5% and 97.5% quantiles reach both places (each has probability ≥ 0.1).
    const wide = rankWithUncertainty({ ...input, confidence: 0.95, countSimulation: 'gammaPosterior' });
    expect(intervals(wide, ['S1', 'S2'])).toEqual([
      ['S1', 1, 1, 2],
      ['S2', 2, 1, 2],
    ]);
  });
});

describe('rankWithUncertainty: catchment draws', () => {
  // A has a rate in every run (Poisson(1,000) is never 0 in practice); Z and Y have 0 offences, so rate 0
  // in every run. Every exposure is then (share in A) × rate A: the ranks follow the shares in A alone.
  const wardCounts: WardCount[] = [
    { wardCode: 'A', count: 1000, youngPopulation: 10000 },
    { wardCode: 'Z', count: 0, youngPopulation: 10000 },
    { wardCode: 'Y', count: 0, youngPopulation: 10000 },
  ];

  it('keeps an observed school’s own shares, and a modelled school’s point shares where an alternative has none', () => {
    // Point shares in A: Z-HIGH 0.6, M-OBS 0.5 (observed), A-LOW 0.4. The alternative would put M-OBS wholly in A
    // and has no shares for Z-HIGH: both keep their point shares, so Z-HIGH 1, M-OBS 2, A-LOW 3 in every run.
    // (URN order is the reverse of exposure order, so an exposure lost to NaN would show as the URN order.)
    // 'GONE' has no point shares (unranked) whatever the alternative says.
    const shares = new Map([
      [
        'Z-HIGH',
        catchment('Z-HIGH', 'distanceDecay', [
          ['A', 0.6, 6],
          ['Z', 0.4, 4],
        ]),
      ],
      [
        'M-OBS',
        catchment('M-OBS', 'observed', [
          ['A', 0.5, 5],
          ['Z', 0.5, 5],
        ]),
      ],
      [
        'A-LOW',
        catchment('A-LOW', 'distanceDecay', [
          ['A', 0.4, 4],
          ['Z', 0.6, 6],
        ]),
      ],
    ]);
    const alternative = new Map([
      ['Z-HIGH', { urn: 'Z-HIGH', model: 'distanceDecay' as const, coverage: 0, shares: [] }],
      ['M-OBS', catchment('M-OBS', 'distanceDecay', [['A', 1, 10]])],
      [
        'A-LOW',
        catchment('A-LOW', 'distanceDecay', [
          ['A', 0.4, 4],
          ['Z', 0.6, 6],
        ]),
      ],
      ['GONE', catchment('GONE', 'distanceDecay', [['A', 1, 10]])],
    ]);
    const result = rankWithUncertainty({
      wardCounts,
      shares,
      catchmentDraws: { decayAlternatives: [alternative], resampleObserved: false },
      schools: ['Z-HIGH', 'M-OBS', 'A-LOW', 'GONE'].map((urn) => ({ urn, pupils: 10 })),
      seed: 5,
      simulations: 50,
    });
    expect(intervals(result, ['Z-HIGH', 'M-OBS', 'A-LOW', 'GONE'])).toEqual([
      ['Z-HIGH', 1, 1, 1],
      ['M-OBS', 2, 2, 2],
      ['A-LOW', 3, 3, 3],
      ['GONE', NaN, NaN, NaN],
    ]);
  });

  it('takes catchment draws without decay alternatives (a JavaScript caller) as a fixed decay', () => {
    const draws = { resampleObserved: false } as unknown as CatchmentDraws;
    const result = rankWithUncertainty({
      wardCounts,
      shares: new Map([
        ['P', catchment('P', 'distanceDecay', [['A', 1, 10]])],
        [
          'Q',
          catchment('Q', 'distanceDecay', [
            ['A', 0.5, 5],
            ['Z', 0.5, 5],
          ]),
        ],
      ]),
      catchmentDraws: draws,
      schools: [
        { urn: 'P', pupils: 10 },
        { urn: 'Q', pupils: 10 },
      ],
      seed: 5,
      simulations: 20,
    });
    expect(intervals(result, ['P', 'Q'])).toEqual([
      ['P', 1, 1, 1],
      ['Q', 2, 2, 2],
    ]);
  });

  describe('resampling an observed school between two modelled ones', () => {
    // Input order HIGH, OBS, TOP. HIGH (modelled): A 0.75, Z 0.125, Y 0.125. TOP (modelled): A 0.9, Z 0.1.
    // OBS (observed, 1 pupil in Z and 1 in A, listed in that order): its share in A is X/2, X ~ Binomial(2, ½):
    //   X = 2 (¼): OBS 1.0 → OBS 1, TOP 2, HIGH 3;  X = 1 (½) or X = 0 (¼): TOP 1, HIGH 2, OBS 3.
    // So OBS is 1 with probability ¼ and 3 with ¾; TOP 1 (¾) or 2 (¼); HIGH 2 (¾) or 3 (¼). Point ranks
    // (OBS at 0.5): TOP 1, HIGH 2, OBS 3. The modelled schools' pupils are share × roll, never resampled.
    const shares = new Map([
      [
        'HIGH',
        catchment('HIGH', 'distanceDecay', [
          ['A', 0.75, 6],
          ['Z', 0.125, 1],
          ['Y', 0.125, 1],
        ]),
      ],
      [
        'OBS',
        catchment('OBS', 'observed', [
          ['Z', 0.5, 1],
          ['A', 0.5, 1],
        ]),
      ],
      [
        'TOP',
        catchment('TOP', 'distanceDecay', [
          ['A', 0.9, 9],
          ['Z', 0.1, 1],
        ]),
      ],
    ]);
    const run = (confidence: number) =>
      rankWithUncertainty({
        wardCounts,
        shares,
        catchmentDraws: { decayAlternatives: [], resampleObserved: true },
        schools: ['HIGH', 'OBS', 'TOP'].map((urn) => ({ urn, pupils: 8 })),
        seed: 17,
        simulations: 400,
        confidence,
      });

    it('at 95%: every place each school takes with probability ¼ or more', () => {
      expect(intervals(run(0.95), ['TOP', 'HIGH', 'OBS'])).toEqual([
        ['TOP', 1, 1, 2],
        ['HIGH', 2, 2, 3],
        ['OBS', 3, 1, 3],
      ]);
    });

    it('at 20%: the 40% and 60% quantiles, i.e. each school’s most likely place (probability ¾)', () => {
      expect(intervals(run(0.2), ['TOP', 'HIGH', 'OBS'])).toEqual([
        ['TOP', 1, 1, 1],
        ['HIGH', 2, 2, 2],
        ['OBS', 3, 3, 3],
      ]);
    });
  });
});

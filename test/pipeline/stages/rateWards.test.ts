import type { PublishedCount } from '../../../src/core/disclosure';
import { CELL_ID, type WardCounts } from '../../../src/core/pipeline/publishedTables';
import { rateWards } from '../../../src/core/pipeline/stages/rateWards';
import { DEFAULT_PARAMETERS, type WardRecord } from '../../../src/core/types';

/*
 * Three wards in two districts:
 *   ward  district  young pop  offences  young offenders
 *   WA    D1          1,000       10          5
 *   WB    D1              0        2          1
 *   WC    D2          3,000        6          3
 * Area: population 1,000 + 3,000 = 4,000 (a ward of 0 adds nothing); offences 18, rate 18 / 4,000 × 1,000 = 4.5;
 *   young offenders 9, rate 9 / 4,000 × 1,000 = 2.25.
 * Flags by the plain Poisson comparison (--flags poisson; the default's, allowing for over-dispersion, are worked below):
 * WA offences: rate 10 per 1,000; Byar (count 10): lower = 10 (1 − 1/90 − 1.959964/(3√10))³ = 10 × 0.782291³ = 4.787,
 *   upper = 11 (1 − 1/99 + 1.959964/(3√11))³ = 18.391; 4.787 > 4.5, so 'higher'.
 * WB: no young residents, so no rate (NaN; the Wards sheet prints "n/a (no young residents)"); flagged 'similar'.
 * WC offences: rate 6 / 3,000 × 1,000 = 2; exact Poisson upper for 6 = χ²(0.975; 14) / 2 = 13.059, / 3 = 4.353 < 4.5: 'lower'.
 * Districts: D1 population 1,000 + 0 = 1,000, offences 10 + 2 = 12 (rate 12), young offenders 6 (rate 6);
 *   D2 population 3,000, offences 6 (rate 2), young offenders 3 (rate 1).
 */
const COUNTS: WardCounts[] = [
  { wardCode: 'WA', wardName: 'A', districtKey: 'D1', districtName: 'District One', offences: 10, youngOffenders: 5 },
  { wardCode: 'WB', wardName: 'B', districtKey: 'D1', districtName: 'District One', offences: 2, youngOffenders: 1 },
  { wardCode: 'WC', wardName: 'C', districtKey: 'D2', districtName: 'District Two', offences: 6, youngOffenders: 3 },
];
const RECORDS: WardRecord[] = [
  {
    sourceRow: 2,
    wardCode: 'WA',
    wardName: 'A',
    districtCode: 'D1',
    districtName: 'District One',
    youngPopulation: 1000,
  },
  { sourceRow: 3, wardCode: 'WB', wardName: 'B', districtCode: 'D1', districtName: 'District One', youngPopulation: 0 },
  {
    sourceRow: 4,
    wardCode: 'WC',
    wardName: 'C',
    districtCode: 'D2',
    districtName: 'District Two',
    youngPopulation: 3000,
  },
];

/** Every count shown as it is, except those listed as withheld. */
function publishedAsIs(withheld: readonly string[] = []): (id: string) => PublishedCount {
  const values = new Map<string, number>();
  for (const measure of ['offences', 'youngOffenders'] as const) {
    let total = 0;
    const byDistrict = new Map<string, number>();
    for (const ward of COUNTS) {
      values.set(CELL_ID.ward(measure, ward.wardCode), ward[measure]);
      byDistrict.set(ward.districtKey, (byDistrict.get(ward.districtKey) ?? 0) + ward[measure]);
      total += ward[measure];
    }
    for (const [key, value] of byDistrict) values.set(CELL_ID.district(measure, key), value);
    values.set(CELL_ID.area(measure), total);
  }
  return (id) => {
    if (withheld.includes(id)) return { shown: false, reason: 'secondary' };
    const value = values.get(id);
    if (value === undefined) throw new Error(`No count for ${id}`);
    return { shown: true, value };
  };
}

const rate = (withheld: readonly string[] = [], parameters = DEFAULT_PARAMETERS) =>
  rateWards(COUNTS, RECORDS, new Map(), publishedAsIs(withheld), parameters);
const POISSON = { ...DEFAULT_PARAMETERS, flagMethod: 'poisson' as const };

describe('rateWards', () => {
  it('a ward with no young residents has no rate (NaN), while the others are finite', () => {
    const { wards } = rate();
    const [a, b, c] = wards;
    expect(b.youngPopulation).toBe(0);
    for (const estimate of [b.offences, b.youngOffenders]) {
      expect(estimate.rate).toBeNaN();
      expect(estimate.lower).toBeNaN();
      expect(estimate.upper).toBeNaN();
      expect(estimate.flag).toBe('similar');
    }
    // Its count is still its count.
    expect(b.offences.count).toBe(2);
    for (const ward of [a, c]) {
      for (const estimate of [ward.offences, ward.youngOffenders]) {
        expect([
          ward.wardCode,
          Number.isFinite(estimate.rate),
          Number.isFinite(estimate.lower),
          Number.isFinite(estimate.upper),
        ]).toEqual([ward.wardCode, true, true, true]);
      }
    }
  });

  it('rates per 1,000 with intervals, and the plain Poisson flags against the area rate (--flags poisson)', () => {
    const { wards } = rate([], POISSON);
    const [a, , c] = wards;
    expect(a.offences.rate).toBeCloseTo(10, 12);
    expect(a.offences.lower).toBeCloseTo(4.787, 3);
    expect(a.offences.upper).toBeCloseTo(18.391, 3);
    expect(a.offences.flag).toBe('higher');
    expect(c.offences.rate).toBeCloseTo(2, 12);
    expect(c.offences.upper).toBeCloseTo(4.353, 3);
    expect(c.offences.flag).toBe('lower');
    expect(a.districtCode).toBe('D1');
    expect(c.districtName).toBe('District Two');
  });

  /*
   * The default flags allow for over-dispersion among the shown wards with young residents, WA and WC
   * (WB has none, so no expected count). Offences, area rate 4.5: E = 4.5 and 13.5.
   *   z = 2(√10 − √4.5) = 2(3.162278 − 2.121320) = 2.081915; 2(√6 − √13.5) = 2(2.449490 − 3.674235) = −2.449490.
   *   Two z-scores: the 10th percentile sits 0.1 of the way from −2.449490 to 2.081915 (a gap of 4.531405):
   *   −1.996349; the 90th 0.9 of the way: 1.628774. Winsorised: 1.628774, −1.996349.
   *   φ = (2.652905 + 3.985411) / 2 = 3.319158. w = 4E = 18, 54: Σw = 72, Σw² = 3,240, Σw²/Σw = 45.
   *   τ² = (2 × 3.319158 − 1) / (72 − 45) = 5.638316 / 27 = 0.208827.
   *   WA: h = 1.959964 √(1/18 + 0.208827) = 1.959964 × 0.514181 = 1.007776 ≥ 1, so the lower limit is 0;
   *   upper = 4.5 × 2.007776² = 18.140. Rate 10 lies inside: 'similar' (Poisson said 'higher').
   *   WC: h = 1.959964 √(1/54 + 0.208827) = 0.934525: lower = 4.5 × 0.065475² = 0.0193, upper = 4.5 ×
   *   1.934525² = 16.841. Rate 2 inside: 'similar' (Poisson said 'lower').
   *   99.8% (z = 3.090232): WA upper 4.5 × (1 + 1.588936)² = 30.162.
   */
  it('by default flags against the funnel widened for the over-dispersion among the shown wards', () => {
    const { wards, area } = rate();
    const [a, b, c] = wards;
    const offences = area.funnel.offences;
    expect(offences.dispersion).toMatchObject({
      kind: 'estimated',
      units: 2,
      phi: expect.closeTo(3.319158, 6),
      tauSquared: expect.closeTo(0.208827, 6),
    });
    expect(offences.tauSquared).toBeCloseTo(0.208827, 6);
    expect(offences.confidence).toEqual({ inner: 0.95, outer: 0.998 });
    expect(a.offences.funnel!.inner).toEqual({ lower: 0, upper: expect.closeTo(18.14, 3) });
    expect(a.offences.funnel!.outer.upper).toBeCloseTo(30.162, 3);
    expect(c.offences.funnel!.inner.lower).toBeCloseTo(0.0193, 4);
    expect(c.offences.funnel!.inner.upper).toBeCloseTo(16.841, 3);
    expect([a.offences.flag, c.offences.flag]).toEqual(['similar', 'similar']);
    // Both methods' flags are kept, and counted: Poisson flags one higher and one lower, the funnel none.
    expect([a.offences.funnel!.flags, c.offences.funnel!.flags]).toEqual([
      { overdispersed: 'similar', poisson: 'higher' },
      { overdispersed: 'similar', poisson: 'lower' },
    ]);
    expect(offences.flagged).toEqual({ overdispersed: { higher: 0, lower: 0 }, poisson: { higher: 1, lower: 1 } });
    // A ward with no young residents has no funnel.
    expect([b.offences.funnel!.inner.lower, b.offences.funnel!.inner.upper, b.offences.flag]).toEqual([
      Number.NaN,
      Number.NaN,
      'similar',
    ]);
    // Districts keep the Poisson flag and carry no funnel.
    expect(rate().districts.every((district) => district.offences.funnel === undefined)).toBe(true);
  });

  it('estimates the over-dispersion from shown counts only, so a withheld count cannot move it', () => {
    // WA withheld: only WC is left with young residents, too few for an estimate; the funnel is the plain Poisson one (τ² = 0).
    const withheld = [CELL_ID.ward('offences', 'WA')];
    const { area } = rate(withheld);
    expect(area.funnel.offences.dispersion).toEqual({ kind: 'tooFewUnits', units: 1 });
    expect(area.funnel.offences.tauSquared).toBe(0);
    // WA's true count plays no part: change it (and the area total with it, which stays published as before).
    const altered = COUNTS.map((ward) => (ward.wardCode === 'WA' ? { ...ward, offences: 25 } : ward));
    const again = rateWards(altered, RECORDS, new Map(), publishedAsIs(withheld), DEFAULT_PARAMETERS);
    expect(again.area.funnel.offences).toEqual(area.funnel.offences);
    // Withheld wards are not counted among the flagged.
    expect(area.funnel.offences.flagged.poisson).toEqual({ higher: 0, lower: 1 });
  });

  it('with the area total withheld there is no funnel, and no ward is flagged', () => {
    const { wards, area } = rate([CELL_ID.area('offences')]);
    expect(area.funnel.offences.dispersion).toEqual({ kind: 'noAreaRate' });
    expect(wards.map((ward) => ward.offences.flag)).toEqual(['similar', 'similar', 'similar']);
    expect(area.funnel.offences.flagged).toEqual({
      overdispersed: { higher: 0, lower: 0 },
      poisson: { higher: 0, lower: 0 },
    });
  });

  it('the area: population of the wards with residents, all counts, published rates', () => {
    const { area, areaRate } = rate();
    const { funnel, ...totals } = area;
    expect(Object.keys(funnel)).toEqual(['offences', 'youngOffenders']);
    expect(totals).toEqual({
      youngPopulation: 4000,
      offences: 18,
      offenceRate: 4.5,
      youngOffenders: 9,
      youngOffenderRate: 2.25,
      offencesPublished: { shown: true, value: 18 },
      youngOffendersPublished: { shown: true, value: 9 },
    });
    expect(areaRate).toEqual({
      offences: { published: 4.5, true: 4.5 },
      youngOffenders: { published: 2.25, true: 2.25 },
    });
  });

  it('district sums: counts and the populations of their wards', () => {
    const { districts } = rate();
    expect(
      districts.map((d) => [
        d.districtCode,
        d.districtName,
        d.wardCount,
        d.youngPopulation,
        d.offences.count,
        d.youngOffenders.count,
      ]),
    ).toEqual([
      ['D1', 'District One', 2, 1000, 12, 6],
      ['D2', 'District Two', 1, 3000, 6, 3],
    ]);
    expect(districts[0].offences.rate).toBeCloseTo(12, 12);
    expect(districts[0].youngOffenders.rate).toBeCloseTo(6, 12);
    expect(districts[1].offences.rate).toBeCloseTo(2, 12);
    expect(districts[1].youngOffenders.rate).toBeCloseTo(1, 12);
  });

  it('a withheld area total leaves no published area rate, but the true one stays', () => {
    const { area, areaRate } = rate([CELL_ID.area('offences')]);
    expect(area.offenceRate).toBeNaN();
    expect(area.offencesPublished).toEqual({ shown: false, reason: 'secondary' });
    expect(areaRate.offences.published).toBeNaN();
    expect(areaRate.offences.true).toBeCloseTo(4.5, 12);
    // The other measure is untouched.
    expect(area.youngOffenderRate).toBeCloseTo(2.25, 12);
  });

  it('with one district only there is no district table', () => {
    const one = COUNTS.map((w) => ({ ...w, districtKey: 'D1', districtName: 'District One' }));
    const published = (id: string): PublishedCount =>
      id.includes(':district:')
        ? (() => {
            throw new Error(`unexpected ${id}`);
          })()
        : publishedAsIs()(id);
    expect(rateWards(one, RECORDS, new Map(), published, DEFAULT_PARAMETERS).districts).toEqual([]);
  });
});

describe('rateWards on the six wards worked by hand in test/rates/funnel.test.ts', () => {
  // Populations 400, 900, 1,600, 2,500, 3,600, 10,000 with offences 16, 4, 4, 49, 36, 81: area rate 190 / 19,000 = 10.
  // φ = 49/6, τ² = 44/501.6; the funnel flags W1 alone (higher); the Poisson intervals W1 and W4 higher and W3 lower.
  const SIX = [
    [400, 16],
    [900, 4],
    [1600, 4],
    [2500, 49],
    [3600, 36],
    [10000, 81],
  ] as const;
  const counts: WardCounts[] = SIX.map(([, offences], i) => ({
    wardCode: `W${i + 1}`,
    wardName: `W${i + 1}`,
    districtKey: 'D',
    districtName: 'D',
    offences,
    youngOffenders: 0,
  }));
  const records: WardRecord[] = SIX.map(([youngPopulation], i) => ({
    sourceRow: i + 2,
    wardCode: `W${i + 1}`,
    wardName: `W${i + 1}`,
    youngPopulation,
  }));
  const published = (id: string): PublishedCount => {
    const ward = /^(\w+):ward:(W\d)$/.exec(id);
    if (ward) return { shown: true, value: ward[1] === 'offences' ? SIX[Number(ward[2].slice(1)) - 1][1] : 0 };
    return { shown: true, value: id === CELL_ID.area('offences') ? 190 : 0 };
  };

  it.each([
    ['overdispersed', ['higher', 'similar', 'similar', 'similar', 'similar', 'similar']],
    ['poisson', ['higher', 'similar', 'lower', 'higher', 'similar', 'similar']],
  ] as const)('flags by the %s method as worked by hand, and counts both methods either way', (method, flags) => {
    const { wards, area } = rateWards(counts, records, new Map(), published, {
      ...DEFAULT_PARAMETERS,
      flagMethod: method,
    });
    expect(wards.map((ward) => ward.offences.flag)).toEqual(flags);
    expect(area.funnel.offences.dispersion).toMatchObject({
      kind: 'estimated',
      units: 6,
      phi: expect.closeTo(49 / 6, 12),
      tauSquared: expect.closeTo(44 / 501.6, 12),
    });
    expect(area.funnel.offences.flagged).toEqual({
      overdispersed: { higher: 1, lower: 0 },
      poisson: { higher: 2, lower: 1 },
    });
    expect(wards[0].offences.funnel!.inner.upper).toBeCloseTo(30.9635, 4);
    // Young offenders: all 0, so the area rate is 0 and there is nothing to compare with.
    expect(area.funnel.youngOffenders.dispersion).toEqual({ kind: 'noAreaRate' });
  });
});

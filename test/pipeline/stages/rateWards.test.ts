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
  { sourceRow: 2, wardCode: 'WA', wardName: 'A', districtCode: 'D1', districtName: 'District One', youngPopulation: 1000 },
  { sourceRow: 3, wardCode: 'WB', wardName: 'B', districtCode: 'D1', districtName: 'District One', youngPopulation: 0 },
  { sourceRow: 4, wardCode: 'WC', wardName: 'C', districtCode: 'D2', districtName: 'District Two', youngPopulation: 3000 },
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

const rate = (withheld: readonly string[] = []) => rateWards(COUNTS, RECORDS, new Map(), publishedAsIs(withheld), DEFAULT_PARAMETERS);

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
        expect([ward.wardCode, Number.isFinite(estimate.rate), Number.isFinite(estimate.lower), Number.isFinite(estimate.upper)]).toEqual([ward.wardCode, true, true, true]);
      }
    }
  });

  it('rates per 1,000 with intervals and flags against the area rate', () => {
    const { wards } = rate();
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

  it('the area: population of the wards with residents, all counts, published rates', () => {
    const { area, areaRate } = rate();
    expect(area).toEqual({
      youngPopulation: 4000,
      offences: 18,
      offenceRate: 4.5,
      youngOffenders: 9,
      youngOffenderRate: 2.25,
      offencesPublished: { shown: true, value: 18 },
      youngOffendersPublished: { shown: true, value: 9 },
    });
    expect(areaRate).toEqual({ offences: { published: 4.5, true: 4.5 }, youngOffenders: { published: 2.25, true: 2.25 } });
  });

  it('district sums: counts and the populations of their wards', () => {
    const { districts } = rate();
    expect(districts.map((d) => [d.districtCode, d.districtName, d.wardCount, d.youngPopulation, d.offences.count, d.youngOffenders.count])).toEqual([
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
    const published = (id: string): PublishedCount => (id.includes(':district:') ? (() => { throw new Error(`unexpected ${id}`); })() : publishedAsIs()(id));
    expect(rateWards(one, RECORDS, new Map(), published, DEFAULT_PARAMETERS).districts).toEqual([]);
  });
});

/**
 * What the Method sheet publishes beside the tables, and what the disclosure control makes of it.
 * Placement counts are those of the small hand-made workbook (smallWorkbook.test.ts): 15 offences
 * in scope, 14 placed in a ward, 1 outside, 0 unknown; homes 14 in a ward, 1 outside, 0 unknown;
 * 13 distinct young offenders, 12 of them living in the area.
 */
import {
  disclosureRules,
  hierarchicalTable,
  loadHighsSolver,
  protectTables,
  standaloneCount,
} from '../../src/core/disclosure';
import {
  CELL_ID,
  describeProtection,
  placementBounds,
  youngOffendersInAreaRange,
  type PlacementCounts,
} from '../../src/core/pipeline';

const PLACEMENT: PlacementCounts = {
  inScope: 15,
  offencesInScope: 15,
  rowsWithoutOffenceRef: 0,
  offenceInWard: 14,
  offenceOutsideArea: 1,
  offenceUnknownWard: 0,
  homeInWard: 14,
  homeOutsideArea: 1,
  homeUnknownWard: 0,
  distinctYoungOffenders: 13,
  distinctYoungOffendersHomeInArea: 12,
};
const EXACT = disclosureRules({ threshold: 3, showZeros: true, roundingBase: null });
const ROUNDED = disclosureRules({ threshold: 3, showZeros: true, roundingBase: 5 });

describe("what the Method sheet's placement figures tell an outsider", () => {
  it("fixes the area's offences at in scope − outside − unknown", () => {
    // 15 − 1 − 0 = 14.
    const bounds = placementBounds(PLACEMENT, [], standaloneCount(13, EXACT).range);
    expect(bounds.find((bound) => bound.id === CELL_ID.area('offences'))).toMatchObject({ lower: 14, upper: 14 });
  });

  it('puts the young offenders living in the area between the distinct ones less the unplaced homes and the lesser of the distinct ones and the placed homes', () => {
    // Exact: 13 − (1 + 0) = 12 to min(13, 14) = 13. The true 12 lies within.
    expect(youngOffendersInAreaRange(PLACEMENT, standaloneCount(13, EXACT).range)).toEqual({ lower: 12, upper: 13 });
    // Rounded: 13 is published as 15, so 13–17; then 13 − 1 = 12 to min(17, 14) = 14.
    expect(youngOffendersInAreaRange(PLACEMENT, standaloneCount(13, ROUNDED).range)).toEqual({ lower: 12, upper: 14 });
    // Every home placed: the young offenders living in the area are the distinct ones.
    expect(
      youngOffendersInAreaRange({ ...PLACEMENT, homeInWard: 15, homeOutsideArea: 0 }, { lower: 13, upper: 13 }),
    ).toEqual({ lower: 13, upper: 13 });
  });

  it("caps each school's young offenders attending at the distinct young offenders and at the offences in scope", () => {
    // Exact: min(13, 15) = 13. Rounded: min(17, 15) = 15. Withheld as small under threshold 20: min(19, 15) = 15.
    const cap = (range: { lower: number; upper: number }) =>
      placementBounds(PLACEMENT, ['100001'], range).find((bound) => bound.id === CELL_ID.school('100001'))!;
    expect(cap(standaloneCount(13, EXACT).range)).toMatchObject({ lower: 0, upper: 13 });
    expect(cap(standaloneCount(13, ROUNDED).range)).toMatchObject({ lower: 0, upper: 15 });
    expect(
      cap(standaloneCount(13, disclosureRules({ threshold: 20, showZeros: true, roundingBase: null })).range),
    ).toMatchObject({ lower: 0, upper: 15 });
  });

  it('names where each bound is read, for reviewers and for messages', () => {
    const sources = placementBounds(PLACEMENT, ['100001'], { lower: 13, upper: 13 }).map((bound) => bound.source);
    expect(sources[0]).toMatch(/^the Method sheet's placement of the offences in scope/);
    expect(sources[1]).toMatch(/^the Method sheet's distinct young offenders and home placements/);
    expect(sources[2]).toMatch(/^the Method sheet's distinct young offenders and offences in scope/);
  });
});

describe("the Audit sheet's line on what was withheld", () => {
  it('gives the number withheld but not how many were small, which here would narrow both below the protection interval', async () => {
    // Wards 2, 3, 20, 20 = 45, threshold 5, rounded to 5. The 20s are 18–22 and the area (45) 43–47,
    // so the two withheld wards add up to 2 to 11 and each is 1 to 10: safe, with no cover needed.
    // Saying "2 withheld as small, none as cover" would tell an outsider each is 1 to 4: a range of 3 < 5.
    const rules = disclosureRules({ threshold: 5, showZeros: true, roundingBase: 5 });
    const table = hierarchicalTable({
      leaves: [2, 3, 20, 20].map((value, i) => ({ id: `w${i}`, label: `ward ${i}`, value })),
      total: { id: 'area', label: 'area' },
    });
    const outcome = protectTables(table, rules, await loadHighsSolver());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect([outcome.protection.primary, outcome.protection.secondary]).toEqual([2, 0]);
    expect(outcome.protection.audit!.narrowest).toMatchObject({ lower: 1, upper: 10 });
    const line = describeProtection(outcome.protection);
    expect(line).toContain(
      '2 withheld, small counts and those that would give one away from the totals (which is which is not published)',
    );
    expect(line).not.toMatch(/primary|secondary|as small/);
  });
});

import { countByWard, placeOffences } from '../../../src/core/pipeline/stages/placeOffences';
import { distanceToBox, FAR_OUTSIDE_METRES, type StudyArea } from '../../../src/core/pipeline/stages/studyArea';
import type { OffenceRecord } from '../../../src/core/types';
import { ownOffenceRef } from '../../../src/core/validate';
import { A, B, BOX, day, inA, inB, offence, offenceMapping, twoWardArea } from './stagesFixture';

/**
 * The study area is the fixture's two 1 km squares, A (eastings 400,000–401,000) and B
 * (401,000–402,000), northings 280,000–281,000; its bounding box is 400,000–402,000 × 280,000–281,000.
 * Rows are built as validation returns them; each test works its counts by hand from its rows.
 */

let area: StudyArea;
beforeAll(() => {
  area = twoWardArea();
});

const place = (rows: readonly OffenceRecord[], schools: readonly string[] = []) =>
  placeOffences(rows, area, offenceMapping(), new Set(schools), 'Schools');

/** Points east of the box at a given distance (metres) from its eastern edge, at a northing inside it. */
const east = (metres: number) => ({ easting: BOX.maxEasting + metres, northing: 280500 });

describe('distanceToBox and FAR_OUTSIDE_METRES', () => {
  it('measures from a point to the box (0 inside or on it)', () => {
    // dx = 13 − 10 = 3, dy = 14 − 10 = 4, hypot = 5.
    expect(
      distanceToBox({ easting: 13, northing: 14 }, { minEasting: 0, minNorthing: 0, maxEasting: 10, maxNorthing: 10 }),
    ).toBe(5);
    expect(
      distanceToBox({ easting: 10, northing: 5 }, { minEasting: 0, minNorthing: 0, maxEasting: 10, maxNorthing: 10 }),
    ).toBe(0);
    expect(
      distanceToBox({ easting: -2, northing: 5 }, { minEasting: 0, minNorthing: 0, maxEasting: 10, maxNorthing: 10 }),
    ).toBe(2);
    expect(FAR_OUTSIDE_METRES).toBe(5000);
  });

  it('the study area measures from its bounding box', () => {
    expect(area.box).toEqual(BOX);
    expect(area.distanceOutside(inB())).toBe(0);
    expect(area.distanceOutside(east(20000))).toBe(20000);
  });
});

describe('placeOffences: distinct offences', () => {
  it('co-offending: three rows of one offence reference in ward A are one offence and three young offenders', () => {
    // Rows 2–4, offence C1 in A; offenders O1 (home A), O2 (home A), O3 (home B).
    const rows = [
      offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', where: inA(), home: inA(10) }),
      offence({ sourceRow: 3, offenceRef: 'C1', offenderRef: 'O2', where: inA(20), home: inA(30) }),
      offence({ sourceRow: 4, offenceRef: 'C1', offenderRef: 'O3', where: inA(40), home: inB() }),
    ];
    const placement = place(rows);
    expect([...placement.offenceWard]).toEqual([['C1', A]]);
    expect([...placement.homeWard].sort()).toEqual([
      ['O1', A],
      ['O2', A],
      ['O3', B],
    ]);
    expect(placement.counts).toEqual({
      inScope: 3,
      offencesInScope: 1,
      rowsWithoutOffenceRef: 0,
      offenceInWard: 1,
      offenceOutsideArea: 0,
      offenceUnknownWard: 0,
      homeInWard: 3,
      homeOutsideArea: 0,
      homeUnknownWard: 0,
      distinctYoungOffenders: 3,
      distinctYoungOffendersHomeInArea: 3,
    });
    expect(placement.issues).toEqual([]);
    // A: 1 offence, homes of O1 and O2; B: no offence, the home of O3.
    expect(countByWard(placement)).toEqual(
      new Map([
        [A, { offences: 1, youngOffenders: 2 }],
        [B, { offences: 0, youngOffenders: 1 }],
      ]),
    );
  });

  it('one reference placed in two wards counts once, in the ward of its first row in date order, with a wardMismatch warning', () => {
    // Row 2 (2023-03-05) puts C1 in B; row 3 (2023-03-01, earlier although lower in the sheet) puts it in A.
    // Date order: row 3 first, so C1 is in A, and row 2 is reported.
    const rows = [
      offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', offenceDate: day('2023-03-05'), where: inB() }),
      offence({ sourceRow: 3, offenceRef: 'C1', offenderRef: 'O2', offenceDate: day('2023-03-01'), where: inA() }),
    ];
    const placement = place(rows);
    expect([...placement.offenceWard]).toEqual([['C1', A]]);
    expect(placement.counts.offencesInScope).toBe(1);
    expect(placement.counts.offenceInWard).toBe(1);
    expect(countByWard(placement).get(A)?.offences).toBe(1);
    expect(countByWard(placement).get(B)?.offences ?? 0).toBe(0);
    expect(placement.issues).toEqual([
      {
        sheet: 'Offences',
        row: 2,
        column: 'Crime Number',
        value: 'C1',
        severity: 'warning',
        code: 'wardMismatch',
        message: `Sheet 'Offences', row 2, column 'Crime Number': offence C1 was placed in ward ${A} by row 3, but this row's offence location lies in ${B}; the offence counts once, in ${A}.`,
      },
    ]);
  });

  it('a first row outside the area and a later row inside: the offence is placed inside', () => {
    // Row 2 (2023-03-01) lies 1 km east of the box; row 3 (2023-03-02) is in B. C1 is placed in B.
    const rows = [
      offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', offenceDate: day('2023-03-01'), where: east(1000) }),
      offence({ sourceRow: 3, offenceRef: 'C1', offenderRef: 'O2', offenceDate: day('2023-03-02'), where: inB() }),
    ];
    const placement = place(rows);
    expect([...placement.offenceWard]).toEqual([['C1', B]]);
    expect(placement.counts).toMatchObject({
      offencesInScope: 1,
      offenceInWard: 1,
      offenceOutsideArea: 0,
      offenceUnknownWard: 0,
    });
    expect(placement.issues.filter((i) => i.code === 'wardMismatch')).toEqual([]);
    // Row 2's own issue says where the offence is counted, not "counted as outside the area".
    const outside = placement.issues.find((i) => i.row === 2 && i.code === 'outsideArea');
    expect(outside?.message).toMatch(
      new RegExp(`; the offence is counted in ${B}, where another of its rows places it\\.$`),
    );
  });

  it('rows without an offence reference each count as an offence of their own', () => {
    // Rows 2 and 3 have no reference (validation gives each its own); row 4 is C1. All in A.
    const rows = [
      offence({ sourceRow: 2, offenceRef: ownOffenceRef(2), offenceRefMissing: true, offenderRef: 'O1' }),
      offence({ sourceRow: 3, offenceRef: ownOffenceRef(3), offenceRefMissing: true, offenderRef: 'O1' }),
      offence({ sourceRow: 4, offenceRef: 'C1', offenderRef: 'O2' }),
    ];
    const placement = place(rows);
    expect(placement.counts).toMatchObject({
      inScope: 3,
      offencesInScope: 3,
      rowsWithoutOffenceRef: 2,
      offenceInWard: 3,
      distinctYoungOffenders: 2,
    });
    expect(countByWard(placement).get(A)).toEqual({ offences: 3, youngOffenders: 2 });
  });
});

describe('placeOffences: homes', () => {
  it("each young offender's home is the home on their latest row by date, not by sheet order", () => {
    // O1: row 2 dated 2023-06-01 home B, row 3 dated 2023-01-01 home A -> latest is row 2, home B.
    // O2: row 4 dated 2023-02-01 home A, row 5 dated 2023-05-01 home 1 km outside -> latest outside (null).
    const rows = [
      offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', offenceDate: day('2023-06-01'), home: inB() }),
      offence({ sourceRow: 3, offenceRef: 'C2', offenderRef: 'O1', offenceDate: day('2023-01-01'), home: inA() }),
      offence({ sourceRow: 4, offenceRef: 'C3', offenderRef: 'O2', offenceDate: day('2023-02-01'), home: inA() }),
      offence({ sourceRow: 5, offenceRef: 'C4', offenderRef: 'O2', offenceDate: day('2023-05-01'), home: east(1000) }),
    ];
    const placement = place(rows);
    expect(placement.homeWard.get('O1')).toBe(B);
    expect(placement.homeWard.get('O2')).toBeNull();
    // Home outcomes count rows: rows 2, 3, 4 in a ward, row 5 outside.
    expect(placement.counts).toMatchObject({
      homeInWard: 3,
      homeOutsideArea: 1,
      homeUnknownWard: 0,
      distinctYoungOffenders: 2,
      distinctYoungOffendersHomeInArea: 1,
    });
    // O2 lives outside, so only O1 (in B) is counted by home ward; the four offences are all in A.
    expect(countByWard(placement)).toEqual(
      new Map([
        [A, { offences: 4, youngOffenders: 0 }],
        [B, { offences: 0, youngOffenders: 1 }],
      ]),
    );
  });

  it('young offenders attending a school of the schools sheet are counted by URN; an unknown URN is reported', () => {
    const rows = [
      offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', schoolUrn: '100001' }),
      offence({ sourceRow: 3, offenceRef: 'C2', offenderRef: 'O1', schoolUrn: '100001' }),
      offence({ sourceRow: 4, offenceRef: 'C3', offenderRef: 'O2', schoolUrn: '999999' }),
    ];
    const placement = place(rows, ['100001']);
    expect([...(placement.attendingBySchool.get('100001') ?? [])]).toEqual(['O1']);
    expect(placement.attendingBySchool.has('999999')).toBe(false);
    expect(placement.issues.map((i) => [i.row, i.code, i.column, i.value])).toEqual([
      [4, 'unknownSchool', 'School URN', '999999'],
    ]);
  });
});

describe('placeOffences: the placement counts reconcile', () => {
  it('offencesInScope = in a ward + outside the area + unknown ward', () => {
    /*
     * C1 (rows 2 and 3, co-offended) in A; C2 in B; C3 1 km outside; C4 with no location at all;
     * C5 with a ward code that is not a study ward. Distinct offences 5 = 2 in a ward + 1 outside + 2 unknown.
     */
    const rows = [
      offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', where: inA() }),
      offence({ sourceRow: 3, offenceRef: 'C1', offenderRef: 'O2', where: inA(5) }),
      offence({ sourceRow: 4, offenceRef: 'C2', offenderRef: 'O3', where: inB() }),
      offence({ sourceRow: 5, offenceRef: 'C3', offenderRef: 'O4', where: east(1000) }),
      offence({ sourceRow: 6, offenceRef: 'C4', offenderRef: 'O5', offenceLocation: {} }),
      offence({ sourceRow: 7, offenceRef: 'C5', offenderRef: 'O6', offenceLocation: { wardCode: 'E05009999' } }),
    ];
    const { counts, issues } = place(rows);
    expect(counts).toMatchObject({
      inScope: 6,
      offencesInScope: 5,
      offenceInWard: 2,
      offenceOutsideArea: 1,
      offenceUnknownWard: 2,
    });
    expect(counts.offenceInWard + counts.offenceOutsideArea + counts.offenceUnknownWard).toBe(counts.offencesInScope);
    expect(counts.homeInWard + counts.homeOutsideArea + counts.homeUnknownWard).toBe(counts.inScope);
    // The ward code that is not a study ward is reported on its row.
    expect(issues.filter((i) => i.code === 'unknownWard').map((i) => [i.row, i.value])).toEqual([[7, 'E05009999']]);
  });
});

describe('placeOffences: locations outside the study area', () => {
  it('20 km outside the box is reported as implausible, with the distance; 1 km outside gets the plain message', () => {
    // Row 2: 20,000 m east of the box (> 5,000 m) -> "lies 20 km outside". Row 3: 1,000 m (≤ 5,000) -> plain.
    const rows = [
      offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', where: east(20000) }),
      offence({ sourceRow: 3, offenceRef: 'C2', offenderRef: 'O2', where: east(1000) }),
    ];
    const { issues, counts } = place(rows);
    expect(counts.offenceOutsideArea).toBe(2);
    expect(issues).toEqual([
      {
        sheet: 'Offences',
        row: 2,
        column: 'Offence Easting',
        value: '422000, 280500',
        severity: 'warning',
        code: 'outsideArea',
        message:
          "Sheet 'Offences', row 2, column 'Offence Easting': the offence location lies 20 km outside the study area, which no real record should " +
          '(check for swapped or mistyped coordinates); counted as outside the area.',
      },
      {
        sheet: 'Offences',
        row: 3,
        column: 'Offence Easting',
        value: '403000, 280500',
        severity: 'warning',
        code: 'outsideArea',
        message:
          "Sheet 'Offences', row 3, column 'Offence Easting': the offence location lies outside every ward of the study area; counted as outside the area.",
      },
    ]);
  });

  it('exactly 5 km outside is still the plain message; just beyond it is implausible', () => {
    const rows = [
      offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', where: east(5000) }),
      offence({ sourceRow: 3, offenceRef: 'C2', offenderRef: 'O2', where: east(5400) }),
    ];
    const messages = place(rows).issues.map((i) => i.message);
    expect(messages[0]).toContain('lies outside every ward of the study area');
    // 5,400 m rounds to 5 km.
    expect(messages[1]).toContain('the offence location lies 5 km outside the study area');
  });

  it('a home far outside is reported the same way, against the home column', () => {
    const rows = [offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', home: east(20000) })];
    const { issues, counts } = place(rows);
    expect(counts).toMatchObject({ homeOutsideArea: 1, distinctYoungOffendersHomeInArea: 0 });
    expect(issues.map((i) => [i.column, i.code])).toEqual([['Home Easting', 'outsideArea']]);
    expect(issues[0].message).toContain('the home location lies 20 km outside the study area');
  });
});

describe('countByWard', () => {
  it('counts each offence by its ward and each offender with a home ward, skipping homes outside', () => {
    const counts = countByWard({
      offenceWard: new Map([
        ['C1', A],
        ['C2', A],
        ['C3', B],
      ]),
      homeWard: new Map<string, string | null>([
        ['O1', B],
        ['O2', null],
        ['O3', B],
      ]),
    });
    expect(counts).toEqual(
      new Map([
        [A, { offences: 2, youngOffenders: 0 }],
        [B, { offences: 1, youngOffenders: 2 }],
      ]),
    );
  });
});

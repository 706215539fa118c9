import fc from 'fast-check';
import { countByWard, placeOffences } from '../../../src/core/pipeline/stages/placeOffences';
import { countKeptByWard, resolveRows } from '../../../src/core/pipeline/stages/recountPlacement';
import type { GridPoint, LocationInput, OffenceRecord } from '../../../src/core/types';
import { A, B, day, inA, inB, offence, offenceMapping, twoWardArea } from './stagesFixture';

/**
 * The Sensitivity stage's recounts (locations resolved once, a subset counted from typed arrays)
 * must give the ward counts that placing the subset again gives: checked on random rows of the
 * fixture's two wards, with co-offending, repeat offenders, unplaced locations, ward codes, ties
 * of date and rows out of order.
 */

const area = twoWardArea();
const OUTSIDE: GridPoint = { easting: 500000, northing: 280500 };

const locations: readonly LocationInput[] = [
  { point: inA(), pointColumn: 'Easting' },
  { point: inB(), pointColumn: 'Easting' },
  { point: OUTSIDE, pointColumn: 'Easting' },
  { wardCode: A.toLowerCase() },
  { wardCode: B },
  { wardCode: 'E05999999' },
  {},
];

const rowArbitrary = fc.record({
  offence: fc.integer({ min: 0, max: 8 }),
  offender: fc.integer({ min: 0, max: 6 }),
  date: fc.integer({ min: 1, max: 5 }),
  age: fc.integer({ min: 10, max: 17 }),
  where: fc.integer({ min: 0, max: locations.length - 1 }),
  home: fc.integer({ min: 0, max: locations.length - 1 }),
  sourceRow: fc.integer({ min: 2, max: 40 }),
});

type Row = typeof rowArbitrary extends fc.Arbitrary<infer T> ? T : never;

function records(rows: readonly Row[]): OffenceRecord[] {
  return rows.map((row) =>
    offence({
      sourceRow: row.sourceRow,
      offenceRef: `C${row.offence}`,
      offenderRef: `O${row.offender}`,
      offenceDate: day(`2023-03-0${row.date}`),
      age: row.age,
      offenceLocation: locations[row.where],
      homeLocation: locations[row.home],
    }),
  );
}

const sorted = (counts: ReadonlyMap<string, unknown>) => [...counts].sort(([a], [b]) => (a < b ? -1 : 1));

describe('countKeptByWard', () => {
  it('counts a subset as placing that subset again does', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 40 }), fc.integer({ min: 10, max: 17 }), (rows, minAge) => {
        const all = records(rows);
        const resolved = resolveRows(all, area);
        const keep = (record: OffenceRecord) => record.age >= minAge;
        const kept = all.filter(keep);
        const placement = placeOffences(kept, area, offenceMapping(), new Set(), 'Schools');
        const recount = countKeptByWard(resolved, keep);
        expect(recount.kept).toBe(kept.length);
        expect(sorted(recount.byWard)).toEqual(sorted(countByWard(placement)));
      }),
      { numRuns: 300, seed: 20240610 },
    );
  });

  it('places an offence by its first row in a ward and a home by the latest row', () => {
    const rows = [
      offence({ sourceRow: 3, offenceRef: 'C1', offenderRef: 'O1', where: inB(), home: inA() }),
      offence({ sourceRow: 2, offenceRef: 'C1', offenderRef: 'O1', where: OUTSIDE, home: inB() }),
      offence({ sourceRow: 4, offenceRef: 'C1', offenderRef: 'O1', where: inA(), home: OUTSIDE }),
    ];
    const recount = countKeptByWard(resolveRows(rows, area), () => true);
    // Row 2 (first) is outside, row 3 places the offence in B; row 4's home, the latest, is in no ward.
    expect(sorted(recount.byWard)).toEqual([[B, { offences: 1, youngOffenders: 0 }]]);
    expect(countKeptByWard(resolveRows(rows, area), (record) => record.sourceRow !== 4).byWard.get(A)).toEqual({
      offences: 0,
      youngOffenders: 1,
    });
  });

  it('keeps nothing when no row is accepted', () => {
    const rows = [offence({ sourceRow: 2 })];
    expect(countKeptByWard(resolveRows(rows, area), () => false)).toEqual({ kept: 0, byWard: new Map() });
  });
});

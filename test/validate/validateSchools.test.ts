import { wgs84ToGrid } from '../../src/core/geo/bng';
import { mapColumns } from '../../src/core/schema';
import type { CellValue, GridPoint } from '../../src/core/types';
import { validateSchools } from '../../src/core/validate';
import { deepFreeze, GIAS_HEADER, rowsExcludedByIssues, sheetOf } from './helpers';

/** Synthetic GIAS-shaped rows (made up: no real establishment data is available here). */
const HEADER = GIAS_HEADER;
type Row = Partial<Record<string, CellValue>>;
const base: Row = {
  URN: 103456,
  EstablishmentName: 'Park Hall Academy',
  'TypeOfEstablishment (name)': 'Academy converter',
  'EstablishmentStatus (name)': 'Open',
  'PhaseOfEducation (name)': 'Secondary',
  NumberOfPupils: 1200,
  Postcode: 'B36 9BU',
  Easting: 415000,
  Northing: 290000,
};
const toCells = (row: Row, header = HEADER): CellValue[] =>
  header.map((name) => (name in row ? (row[name] ?? null) : null));
const B1_1AA: GridPoint = wgs84ToGrid(-1.903535, 52.47666);

function run(rows: Row[], header = HEADER) {
  const sheet = sheetOf(
    'edubasealldata',
    header,
    rows.map((row) => toCells(row, header)),
  );
  return validateSchools(sheet, mapColumns(sheet, 'schools'), { postcodes: new Map([['B1 1AA', B1_1AA]]) });
}

describe('validateSchools', () => {
  test('a GIAS row becomes a school record', () => {
    const { records, issues } = run([base]);
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        sourceRow: 2,
        urn: '103456',
        name: 'Park Hall Academy',
        phase: 'secondary',
        phaseText: 'Secondary',
        type: 'Academy converter',
        location: { easting: 415000, northing: 290000 },
        pupils: 1200,
        pupilsKnown: true,
        open: true,
        postcode: 'B36 9BU',
      },
    ]);
  });

  test('phases are read from phase and type together', () => {
    const { records } = run([
      {
        ...base,
        URN: 100001,
        'PhaseOfEducation (name)': 'Not applicable',
        'TypeOfEstablishment (name)': 'Pupil referral unit',
      },
      {
        ...base,
        URN: 100002,
        'PhaseOfEducation (name)': 'Not applicable',
        'TypeOfEstablishment (name)': 'Community special school',
      },
      { ...base, URN: 100003, 'PhaseOfEducation (name)': 'All-through' },
      { ...base, URN: 100004, 'PhaseOfEducation (name)': 'Middle deemed secondary' },
      { ...base, URN: 100005, 'PhaseOfEducation (name)': 'Primary' },
    ]);
    expect(records.map((record) => record.phase)).toEqual([
      'alternativeProvision',
      'special',
      'allThrough',
      'secondary',
      'primary',
    ]);
  });

  test('a closed school is kept, marked closed, with a closedSchool warning; proposed-to-close is open', () => {
    const { records, issues } = run([
      { ...base, 'EstablishmentStatus (name)': 'Closed' },
      { ...base, URN: 100002, 'EstablishmentStatus (name)': 'Open, but proposed to close' },
    ]);
    expect(records.map((record) => record.open)).toEqual([false, true]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      sheet: 'edubasealldata',
      row: 2,
      column: 'EstablishmentStatus (name)',
      value: 'Closed',
      code: 'closedSchool',
      severity: 'warning',
    });
  });

  // Changed: these schools used to be described as "kept with 0 pupils"; the count is now marked unknown.
  test('missing, zero or unreadable pupil numbers keep the school with its pupil count unknown and a warning', () => {
    const { records, issues } = run([
      { ...base, NumberOfPupils: null },
      { ...base, URN: 100002, NumberOfPupils: 0 },
      { ...base, URN: 100003, NumberOfPupils: 'SUPP' },
    ]);
    expect(records.map((record) => [record.pupils, record.pupilsKnown])).toEqual([
      [0, false],
      [0, false],
      [0, false],
    ]);
    expect(issues.map((issue) => [issue.row, issue.column, issue.code, issue.severity])).toEqual([
      [2, 'NumberOfPupils', 'missingValue', 'warning'],
      [3, 'NumberOfPupils', 'missingValue', 'warning'],
      [4, 'NumberOfPupils', 'notANumber', 'warning'],
    ]);
    expect(issues[0].message).toBe(
      "Sheet 'edubasealldata', row 2, column 'NumberOfPupils': no number of pupils is given; the pupil count is unknown: the school is ranked only where " +
        'its catchment is observed from the pupil residence sheet; otherwise it is listed as not ranked.',
    );
  });

  test('a fractional pupil count, or one above 5,000, is unusable: the count is unknown, with a warning', () => {
    const UNKNOWN =
      'the pupil count is unknown: the school is ranked only where its catchment is observed from the pupil residence sheet; otherwise it is listed as not ranked.';
    const { records, issues } = run([
      { ...base, URN: 100001, NumberOfPupils: 812.5 },
      { ...base, URN: 100002, NumberOfPupils: 9999 },
      { ...base, URN: 100003, NumberOfPupils: 1e308 },
      { ...base, URN: 100004, NumberOfPupils: 5001 },
      { ...base, URN: 100005, NumberOfPupils: 5000 },
      { ...base, URN: 100006, NumberOfPupils: '1,200' },
      { ...base, URN: 100007, NumberOfPupils: -3 },
    ]);
    expect(records.map((record) => [record.sourceRow, record.pupils, record.pupilsKnown])).toEqual([
      [2, 0, false],
      [3, 0, false],
      [4, 0, false],
      [5, 0, false],
      [6, 5000, true],
      [7, 1200, true],
      [8, 0, false],
    ]);
    const at = (row: number, words: string): string =>
      `Sheet 'edubasealldata', row ${row}, column 'NumberOfPupils': ${words}; ${UNKNOWN}`;
    expect(issues.map((issue) => [issue.row, issue.value, issue.code, issue.severity, issue.message])).toEqual([
      [2, '812.5', 'invalidValue', 'warning', at(2, "'812.5' is not a whole number of pupils")],
      [
        3,
        '9999',
        'invalidValue',
        'warning',
        at(3, "'9999' is more pupils than any school has (expected at most 5,000)"),
      ],
      [
        4,
        '1e+308',
        'invalidValue',
        'warning',
        at(4, "'1e+308' is more pupils than any school has (expected at most 5,000)"),
      ],
      [
        5,
        '5001',
        'invalidValue',
        'warning',
        at(5, "'5001' is more pupils than any school has (expected at most 5,000)"),
      ],
      [8, '-3', 'invalidValue', 'warning', at(8, "'-3' is not a possible number of pupils")],
    ]);
  });

  test('a sheet with no pupils column says so once and keeps every school', () => {
    const header = HEADER.filter((name) => name !== 'NumberOfPupils');
    const { records, issues } = run([base, { ...base, URN: 100002 }], header);
    expect(records.map((record) => [record.pupils, record.pupilsKnown])).toEqual([
      [0, false],
      [0, false],
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 1, code: 'columnMissing', severity: 'warning' });
    expect(issues[0].message).toBe(
      "Sheet 'edubasealldata', row 1: no column of pupil numbers was found (expected e.g. 'NumberOfPupils'); every school's pupil count is unknown: " +
        'a school is ranked only where its catchment is observed from the pupil residence sheet; otherwise it is listed as not ranked.',
    );
  });

  test('bad URNs and missing names or locations exclude the row; duplicates are excluded with a warning', () => {
    const { records, issues, rowsRead } = run([
      base,
      { ...base, URN: 'n/a' },
      { ...base, URN: 100003, EstablishmentName: null },
      { ...base, URN: 100004, Easting: null, Northing: null, Postcode: null },
      { ...base, URN: 100005, Easting: null, Northing: null, Postcode: 'B1 1AA' },
      { ...base, EstablishmentName: 'Park Hall Academy (copy)' },
    ]);
    expect(issues.map((issue) => [issue.row, issue.column, issue.code, issue.severity])).toEqual([
      [3, 'URN', 'invalidValue', 'error'],
      [4, 'EstablishmentName', 'missingValue', 'error'],
      [5, 'Postcode / Easting / Northing', 'missingValue', 'error'],
      [7, 'URN', 'duplicateRow', 'warning'],
    ]);
    expect(records.map((record) => record.sourceRow)).toEqual([2, 6]);
    expect(records[1].location).toEqual(B1_1AA);
    const excluded = rowsExcludedByIssues(issues);
    expect(rowsRead).toBe(records.length + excluded.size);
  });

  test('frozen inputs are not mutated', () => {
    const sheet = deepFreeze(sheetOf('S', HEADER, [toCells(base), toCells({ ...base, URN: 'x' })]));
    const mapping = deepFreeze(mapColumns(sheet, 'schools'));
    expect(() => validateSchools(sheet, mapping)).not.toThrow();
  });
});

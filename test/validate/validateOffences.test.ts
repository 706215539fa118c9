import fc from 'fast-check';
import { wgs84ToGrid } from '../../src/core/geo/bng';
import { mapColumns } from '../../src/core/schema';
import type { CellValue, GridPoint, Issue, IssueCode, Severity } from '../../src/core/types';
import { isExcludingIssue, validateOffences } from '../../src/core/validate';
import { deepFreeze, issuesOfRow, rowsExcludedByIssues, sheetOf } from './helpers';

/** Columns A–N of the synthetic offences sheet used throughout (synthetic data: no real offences). */
const HEADER = [
  'Crime Ref',
  'Offender ID',
  'Offence Date',
  'Offence Type',
  'Age at Offence',
  'Offence Easting',
  'Offence Northing',
  'Offence Lat',
  'Offence Long',
  'Offence Ward Code',
  'Home Postcode',
  'Home Ward Code',
  'School URN',
  'Knife Flag',
];
type Row = Partial<Record<string, CellValue>>;
/** A valid row: offence at a grid point, offender living in a ward. */
const base: Row = {
  'Crime Ref': 'CR1',
  'Offender ID': 'P1',
  'Offence Date': '31/01/2021',
  'Offence Type': 'Robbery',
  'Age at Offence': 15,
  'Offence Easting': 407000,
  'Offence Northing': 286000,
  'Home Ward Code': 'E05011119',
};
const toCells = (row: Row): CellValue[] => HEADER.map((header) => (header in row ? (row[header] ?? null) : null));
const crimes = (rows: Row[]) => sheetOf('Crimes', HEADER, rows.map(toCells));

/** B1 1AA's centroid, converted by the geo module (an independent method from this validator). */
const B1_1AA: GridPoint = wgs84ToGrid(-1.903535, 52.47666);
const postcodes: ReadonlyMap<string, GridPoint> = new Map([['B1 1AA', B1_1AA]]);

function run(rows: Row[]) {
  const sheet = crimes(rows);
  return validateOffences(sheet, mapColumns(sheet, 'offences'), { postcodes });
}

describe('validateOffences', () => {
  test('a valid row becomes a record with typed values and both locations', () => {
    const { records, issues, rowsRead } = run([
      { ...base, 'Offence Ward Code': 'E05011118', 'School URN': 103456, 'Knife Flag': 'Y' },
    ]);
    expect(issues).toEqual([]);
    expect(rowsRead).toBe(1);
    expect(records).toEqual([
      {
        sourceRow: 2,
        offenceRef: 'CR1',
        offenderRef: 'P1',
        offenceDate: new Date(Date.UTC(2021, 0, 31)),
        offenceType: 'Robbery',
        age: 15,
        offenceLocation: {
          point: { easting: 407000, northing: 286000 },
          pointColumn: 'Offence Easting',
          wardCode: 'E05011118',
        },
        homeLocation: { wardCode: 'E05011119' },
        schoolUrn: '103456',
        weapon: true,
      },
    ]);
  });

  test('latitude and longitude are converted to the grid, and a swapped pair is fixed with a warning', () => {
    const latLon = {
      ...base,
      'Offence Easting': null,
      'Offence Northing': null,
      'Offence Lat': 52.47666,
      'Offence Long': -1.903535,
    };
    const swapped = { ...latLon, 'Crime Ref': 'CR2', 'Offence Lat': -1.903535, 'Offence Long': 52.47666 };
    const { records, issues } = run([latLon, swapped]);
    expect(records).toHaveLength(2);
    expect(records[0].offenceLocation.point).toEqual(B1_1AA);
    expect(records[1].offenceLocation.point).toEqual(B1_1AA);
    // Messages about the point name the column it came from, not the (blank) easting.
    expect(records.map((record) => record.offenceLocation.pointColumn)).toEqual(['Offence Lat', 'Offence Lat']);
    // Birmingham city centre lies near easting 406,500, northing 286,500 (OS grid square SP08).
    expect(B1_1AA.easting).toBeGreaterThan(405000);
    expect(B1_1AA.easting).toBeLessThan(408000);
    expect(B1_1AA.northing).toBeGreaterThan(285500);
    expect(B1_1AA.northing).toBeLessThan(287500);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      row: 3,
      column: 'Offence Lat / Offence Long',
      value: '-1.903535, 52.47666',
      severity: 'warning',
      code: 'badCoordinate',
    });
    expect(issues[0].message).toContain('look swapped');
  });

  test('a home postcode is looked up only when there is no other home location', () => {
    const { records, issues } = run([
      { ...base, 'Home Ward Code': null, 'Home Postcode': 'b11aa' },
      { ...base, 'Crime Ref': 'CR2', 'Home Postcode': 'B99 9ZZ' }, // a ward is given: the postcode is kept, not looked up
    ]);
    expect(issues).toEqual([]);
    expect(records[0].homeLocation).toEqual({ point: B1_1AA, pointColumn: 'Home Postcode', postcode: 'B1 1AA' });
    expect(records[1].homeLocation).toEqual({ wardCode: 'E05011119', postcode: 'B99 9ZZ' });
  });

  /** Each row breaks one rule; the expected issue is worked out from the rule, not from the code. */
  const cases: [
    string,
    Row,
    { column: string; value: string; code: IssueCode; severity: Severity; excluded: boolean; words: string },
  ][] = [
    // Changed: a row without an offence reference is now kept as an offence of its own (it used to be excluded).
    [
      'a blank offence reference',
      { 'Crime Ref': null },
      {
        column: 'Crime Ref',
        value: '',
        code: 'missingValue',
        severity: 'warning',
        excluded: false,
        words:
          'no offence reference is given, so the row cannot be matched to other rows of the same offence; the row is counted as an offence of its own.',
      },
    ],
    [
      'a blank offender reference',
      { 'Offender ID': '  ' },
      {
        column: 'Offender ID',
        value: '',
        code: 'missingValue',
        severity: 'error',
        excluded: true,
        words: 'offender reference is required',
      },
    ],
    [
      'a blank offence type',
      { 'Offence Type': null },
      {
        column: 'Offence Type',
        value: '',
        code: 'missingValue',
        severity: 'error',
        excluded: true,
        words: 'offence type is required',
      },
    ],
    [
      'an age that is not a number',
      { 'Age at Offence': 'unknown' },
      {
        column: 'Age at Offence',
        value: 'unknown',
        code: 'notANumber',
        severity: 'error',
        excluded: true,
        words: "'unknown' is not a number (expected the offender's age in years); the row is excluded.",
      },
    ],
    [
      'a blank age',
      { 'Age at Offence': null },
      {
        column: 'Age at Offence',
        value: '',
        code: 'missingValue',
        severity: 'error',
        excluded: true,
        words: 'age in years is required',
      },
    ],
    [
      'a negative age',
      { 'Age at Offence': -1 },
      {
        column: 'Age at Offence',
        value: '-1',
        code: 'ageImpossible',
        severity: 'error',
        excluded: true,
        words: 'not a possible age',
      },
    ],
    [
      'an age over 120',
      { 'Age at Offence': 150 },
      {
        column: 'Age at Offence',
        value: '150',
        code: 'ageImpossible',
        severity: 'error',
        excluded: true,
        words: 'not a possible age',
      },
    ],
    [
      'a fractional age',
      { 'Age at Offence': 15.5 },
      {
        column: 'Age at Offence',
        value: '15.5',
        code: 'invalidValue',
        severity: 'warning',
        excluded: false,
        words: 'read as 15',
      },
    ],
    [
      'an impossible date',
      { 'Offence Date': '31/02/2021' },
      {
        column: 'Offence Date',
        value: '31/02/2021',
        code: 'notADate',
        severity: 'error',
        excluded: true,
        words: "'31/02/2021' is not a date",
      },
    ],
    [
      'a blank date',
      { 'Offence Date': null },
      {
        column: 'Offence Date',
        value: '',
        code: 'missingValue',
        severity: 'error',
        excluded: true,
        words: 'offence date is required',
      },
    ],
    [
      'an offence point outside Great Britain, with no other offence location',
      { 'Offence Easting': 900000 },
      {
        column: 'Offence Easting / Offence Northing',
        value: '900000, 286000',
        code: 'badCoordinate',
        severity: 'error',
        excluded: true,
        words: "outside Great Britain's grid",
      },
    ],
    [
      'a 0,0 grid reference',
      { 'Offence Easting': 0, 'Offence Northing': 0 },
      {
        column: 'Offence Easting / Offence Northing',
        value: '0, 0',
        code: 'badCoordinate',
        severity: 'error',
        excluded: true,
        words: 'not a real place',
      },
    ],
    [
      'a bad offence point with a ward code to fall back on',
      { 'Offence Easting': 900000, 'Offence Ward Code': 'E05011118' },
      {
        column: 'Offence Easting / Offence Northing',
        value: '900000, 286000',
        code: 'badCoordinate',
        severity: 'warning',
        excluded: false,
        words: 'taken from the ward code',
      },
    ],
    [
      'a latitude/longitude pair nowhere near Britain',
      { 'Offence Easting': null, 'Offence Northing': null, 'Offence Lat': 40.7, 'Offence Long': -74 },
      {
        column: 'Offence Lat / Offence Long',
        value: '40.7, -74',
        code: 'badCoordinate',
        severity: 'error',
        excluded: true,
        words: 'not in Great Britain',
      },
    ],
    [
      'an easting without a northing',
      { 'Offence Northing': null },
      {
        column: 'Offence Northing',
        value: '',
        code: 'missingValue',
        severity: 'error',
        excluded: true,
        words: 'needs both',
      },
    ],
    [
      'a northing that is text',
      { 'Offence Northing': 'n/a' },
      {
        column: 'Offence Northing',
        value: 'n/a',
        code: 'notANumber',
        severity: 'error',
        excluded: true,
        words: "'n/a' is not a number",
      },
    ],
    [
      'a home ward that is a name, not a code',
      { 'Home Ward Code': 'Ladywood' },
      {
        column: 'Home Ward Code',
        value: 'Ladywood',
        code: 'invalidValue',
        severity: 'error',
        excluded: true,
        words: "'Ladywood' is not a ward code",
      },
    ],
    [
      'a home postcode not in the lookup',
      { 'Home Ward Code': null, 'Home Postcode': 'B99 9ZZ' },
      {
        column: 'Home Postcode',
        value: 'B99 9ZZ',
        code: 'unknownPostcode',
        severity: 'error',
        excluded: true,
        words: 'not in the postcode lookup',
      },
    ],
    [
      'a home postcode of the wrong shape',
      { 'Home Ward Code': null, 'Home Postcode': 'Birmingham' },
      {
        column: 'Home Postcode',
        value: 'Birmingham',
        code: 'invalidValue',
        severity: 'error',
        excluded: true,
        words: 'is not a postcode',
      },
    ],
    [
      'no home location at all',
      { 'Home Ward Code': null },
      {
        column: 'Home Postcode / Home Ward Code',
        value: '',
        code: 'missingValue',
        severity: 'error',
        excluded: true,
        words: 'no home location is given',
      },
    ],
    [
      'a school that is not a URN',
      { 'School URN': 'Park Hall' },
      {
        column: 'School URN',
        value: 'Park Hall',
        code: 'invalidValue',
        severity: 'warning',
        excluded: false,
        words: 'the school is left unknown',
      },
    ],
    [
      'a weapon flag that is not yes/no',
      { 'Knife Flag': 'maybe' },
      {
        column: 'Knife Flag',
        value: 'maybe',
        code: 'invalidValue',
        severity: 'warning',
        excluded: false,
        words: 'weapon flag is left unknown',
      },
    ],
  ];

  test.each(cases)('%s gives one issue on the right sheet, row and column', (_, change, expected) => {
    const { records, issues } = run([base, { ...base, 'Crime Ref': 'CR2', ...change }]);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({
      sheet: 'Crimes',
      row: 3,
      column: expected.column,
      value: expected.value,
      code: expected.code,
      severity: expected.severity,
    });
    expect(issue.message.startsWith(`Sheet 'Crimes', row 3, column '${expected.column}': `)).toBe(true);
    expect(issue.message).toContain(expected.words);
    expect(records.map((record) => record.sourceRow)).toEqual(expected.excluded ? [2] : [2, 3]);
  });

  test('without a postcode lookup, a postcode-only home location is excluded saying no lookup was given', () => {
    const sheet = crimes([{ ...base, 'Home Ward Code': null, 'Home Postcode': 'B1 1AA' }]);
    const { records, issues } = validateOffences(sheet, mapColumns(sheet, 'offences'));
    expect(records).toEqual([]);
    expect(issues[0]).toMatchObject({ code: 'unknownPostcode', row: 2 });
    expect(issues[0].message).toContain('no postcode lookup sheet was given');
  });

  test('a later row with the same offence and offender references is a duplicate and is excluded', () => {
    const { records, issues, rowsExcluded } = run([
      base,
      { ...base, 'Crime Ref': 'CR1', 'Offender ID': 'P2' },
      { ...base, 'Offence Type': 'Assault' },
    ]);
    expect(records.map((record) => record.sourceRow)).toEqual([2, 3]);
    expect(rowsExcluded).toBe(1);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      row: 4,
      column: 'Crime Ref',
      value: 'CR1',
      code: 'duplicateRow',
      severity: 'warning',
    });
    expect(issues[0].message).toContain('already read on row 2');
    expect(isExcludingIssue(issues[0])).toBe(true);
  });

  describe('a row without an offence reference', () => {
    test('is kept as an offence of its own, with a reference that is its own and a warning', () => {
      const { records, issues, rowsExcluded } = run([base, { ...base, 'Crime Ref': null }]);
      expect(rowsExcluded).toBe(0);
      expect(issues).toEqual([
        {
          sheet: 'Crimes',
          row: 3,
          column: 'Crime Ref',
          value: '',
          severity: 'warning',
          code: 'missingValue',
          message:
            "Sheet 'Crimes', row 3, column 'Crime Ref': no offence reference is given, so the row cannot be matched to other rows of the same offence; the row is counted as an offence of its own.",
        },
      ]);
      expect(records[1]).toMatchObject({
        sourceRow: 3,
        offenceRef: '\u0000row:3',
        offenceRefMissing: true,
        offenderRef: 'P1',
      });
      // A row with a reference carries no flag (every record has the field, undefined here).
      expect(records[0].offenceRefMissing).toBeUndefined();
    });

    test('two such rows, identical in every other cell, are two offences: never duplicates of each other', () => {
      const { records, issues } = run([
        { ...base, 'Crime Ref': null },
        { ...base, 'Crime Ref': '  ' },
      ]);
      expect(records.map((record) => record.offenceRef)).toEqual(['\u0000row:2', '\u0000row:3']);
      expect(issues.map((issue) => issue.code)).toEqual(['missingValue', 'missingValue']);
    });

    test('its own reference never equals a real one, even a real one spelled like it', () => {
      const { records } = run([
        { ...base, 'Crime Ref': 'row:3' },
        { ...base, 'Crime Ref': null },
        { ...base, 'Crime Ref': 'row:2' },
      ]);
      expect(records.map((record) => record.offenceRef)).toEqual(['row:3', '\u0000row:3', 'row:2']);
      expect(new Set(records.map((record) => record.offenceRef)).size).toBe(3);
    });

    test('real references still make duplicates with the same offender, whatever rows without one lie between', () => {
      const { records, issues } = run([base, { ...base, 'Crime Ref': null }, base]);
      expect(records.map((record) => record.sourceRow)).toEqual([2, 3]);
      expect(issues.map((issue) => [issue.row, issue.code, issue.severity])).toEqual([
        [3, 'missingValue', 'warning'],
        [4, 'duplicateRow', 'warning'],
      ]);
    });

    test('a blank offender reference still excludes the row (unchanged)', () => {
      const { records, issues } = run([{ ...base, 'Crime Ref': null, 'Offender ID': null }]);
      expect(records).toEqual([]);
      expect(issues.map((issue) => [issue.column, issue.code, issue.severity])).toEqual([
        ['Crime Ref', 'missingValue', 'warning'],
        ['Offender ID', 'missingValue', 'error'],
      ]);
    });
  });

  test('a copy of an excluded row is kept, since the first copy did not count', () => {
    const { records } = run([{ ...base, 'Age at Offence': 'unknown' }, base]);
    expect(records.map((record) => record.sourceRow)).toEqual([3]);
  });

  test('blank rows are skipped silently and counted; text is kept as given', () => {
    const sheet = crimes([
      base,
      {},
      { ...base, 'Crime Ref': '=HYPERLINK("http://x","CR9")', 'Offence Type': '+Robbery' },
    ]);
    const result = validateOffences(sheet, mapColumns(sheet, 'offences'));
    expect(result.rowsBlank).toBe(1);
    expect(result.rowsRead).toBe(2);
    expect(result.issues).toEqual([]);
    expect(result.records[1]).toMatchObject({
      sourceRow: 4,
      offenceRef: '=HYPERLINK("http://x","CR9")',
      offenceType: '+Robbery',
    });
  });

  test('dates arrive as Date objects, Excel serials and text alike', () => {
    const { records } = run([
      { ...base, 'Offence Date': new Date(Date.UTC(2021, 0, 31)) },
      { ...base, 'Crime Ref': 'CR2', 'Offence Date': 44227 },
      { ...base, 'Crime Ref': 'CR3', 'Offence Date': '2021-01-31' },
    ]);
    expect(records.map((record) => record.offenceDate.toISOString())).toEqual(
      Array(3).fill('2021-01-31T00:00:00.000Z'),
    );
  });

  test('a sheet missing a required column excludes every row with one columnMissing error per missing requirement', () => {
    const sheet = sheetOf(
      'Crimes',
      ['Crime Ref', 'Offender ID', 'Offence Date', 'Offence Type', 'Age', 'Offence Ward'],
      [
        ['CR1', 'P1', '01/02/2021', 'Robbery', 15, 'E05011118'],
        ['CR2', 'P2', '01/02/2021', 'Robbery', 15, 'E05011118'],
      ],
    );
    const result = validateOffences(sheet, mapColumns(sheet, 'offences'));
    expect(result.records).toEqual([]);
    expect(result.rowsRead).toBe(2);
    expect(result.rowsExcluded).toBe(2);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ sheet: 'Crimes', row: 1, code: 'columnMissing', severity: 'error' });
    expect(result.issues[0].message).toContain("the offender's home location");
    expect(result.issues[0].message).toContain("'Crime Ref', 'Offender ID'");
  });

  test('rows below a title row are numbered as the worksheet numbers them', () => {
    const sheet = {
      name: 'Crimes',
      firstRow: 3,
      rows: [['Offences extract'], HEADER, toCells(base), toCells({ ...base, 'Crime Ref': null })],
    };
    const mapping = mapColumns(sheet, 'offences');
    expect(mapping.headerRow).toBe(4);
    const { records, issues } = validateOffences(sheet, mapping);
    expect(records[0].sourceRow).toBe(5);
    expect(issues[0].row).toBe(6);
  });

  test('frozen inputs are not mutated', () => {
    const sheet = deepFreeze(
      crimes([
        base,
        { ...base, 'Offence Lat': -1.9, 'Offence Long': 52.4, 'Offence Easting': null },
        { ...base, 'Age at Offence': 'x' },
      ]),
    );
    const mapping = deepFreeze(mapColumns(sheet, 'offences'));
    expect(() => validateOffences(sheet, mapping, { postcodes })).not.toThrow();
  });

  test('a mapping for another role is refused as a programming error', () => {
    const sheet = crimes([base]);
    expect(() => validateOffences(sheet, mapColumns(sheet, 'schools'))).toThrow(/schools mapping/);
  });
});

describe('validateOffences reconciliation', () => {
  test('every row read is either a record or carries an excluding issue, in a mixed sheet', () => {
    const rows: Row[] = [
      base,
      { ...base, 'Crime Ref': 'CR2', 'Age at Offence': 'unknown' },
      { ...base, 'Crime Ref': 'CR3', 'Offence Date': '31/02/2021', 'Home Ward Code': 'nowhere' },
      {},
      { ...base, 'Crime Ref': 'CR4', 'Knife Flag': 'maybe' },
      base,
      {
        ...base,
        'Crime Ref': 'CR5',
        'Offence Easting': null,
        'Offence Northing': null,
        'Offence Lat': -1.9,
        'Offence Long': 52.45,
      },
    ];
    const { records, issues, rowsRead, rowsExcluded, rowsBlank } = run(rows);
    const excluded = rowsExcludedByIssues(issues);
    // Worked by hand: rows 3 (age), 4 (date, ward), 7 (duplicate of row 2) are excluded; row 5 is blank.
    expect([...excluded].sort()).toEqual([3, 4, 7]);
    expect(rowsBlank).toBe(1);
    expect(rowsRead).toBe(6);
    expect(records).toHaveLength(3);
    expect(rowsRead).toBe(records.length + excluded.size);
    expect(rowsExcluded).toBe(excluded.size);
    expect(records.some((record) => excluded.has(record.sourceRow))).toBe(false);
  });

  test('reconciliation holds for any mix of cell values (property)', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.constant(''),
      fc.constant('unknown'),
      fc.constant('E05011118'),
      fc.constant('B1 1AA'),
      fc.constant('31/02/2021'),
      fc.constant('01/02/2021'),
      fc.integer({ min: -5, max: 900000 }),
      fc.double({ min: -200, max: 200, noNaN: true }),
      fc.string({ maxLength: 4 }),
      fc.boolean(),
    );
    const rowArb = fc.array(cell, { minLength: HEADER.length, maxLength: HEADER.length });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 12 }), (rows) => {
        const sheet = sheetOf('Crimes', HEADER, rows);
        const { records, issues, rowsRead, rowsExcluded } = validateOffences(sheet, mapColumns(sheet, 'offences'), {
          postcodes,
        });
        const excluded = rowsExcludedByIssues(issues);
        return (
          rowsRead === records.length + excluded.size &&
          rowsExcluded === excluded.size &&
          records.every((record) => !excluded.has(record.sourceRow))
        );
      }),
      { numRuns: 200, seed: 20240601 },
    );
  });

  test('issues of a kept row are never errors', () => {
    const { records, issues } = run([{ ...base, 'Knife Flag': 'maybe', 'Age at Offence': 15.2 }]);
    expect(records).toHaveLength(1);
    expect(issuesOfRow(issues, 2).every((issue: Issue) => issue.severity !== 'error')).toBe(true);
  });
});

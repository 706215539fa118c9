import fc from 'fast-check';
import { mapColumns } from '../../src/core/schema';
import type { CellValue, Issue, SheetData } from '../../src/core/types';
import {
  excelErrorText,
  validateCurrentList,
  validateOffences,
  validatePostcodes,
  validatePupilResidence,
  validateSchools,
  validateWardVertices,
  validateWards,
} from '../../src/core/validate';
import { GIAS_HEADER, rowsExcludedByIssues, sheetOf } from './helpers';

/**
 * Excel error cells ('#N/A', …) in the mapped columns of every input sheet. Each is read as no
 * value: in a required column the row is excluded, in an optional one the value is left unknown
 * with a warning; either way the issue is an 'excelError' naming the sheet, row and column.
 * Every expected message below is written out by hand from that rule.
 */

type Row = Partial<Record<string, CellValue>>;
const cellsOf = (header: readonly string[], row: Row): CellValue[] =>
  header.map((name) => (name in row ? (row[name] ?? null) : null));
const sheetFrom = (name: string, header: readonly string[], rows: Row[]): SheetData =>
  sheetOf(
    name,
    header,
    rows.map((row) => cellsOf(header, row)),
  );
const brief = (issues: readonly Issue[]) =>
  issues.map((issue) => ({
    row: issue.row,
    column: issue.column,
    value: issue.value,
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
  }));

/** The consequence the readers use for an optional cell that no other rule speaks for. */
const LEFT_UNKNOWN = 'the value is left unknown.';
const EXCLUDED = 'the row is excluded.';

describe('excelErrorText', () => {
  test.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'])(
    '%s is an Excel error',
    (text) => {
      expect(excelErrorText(text)).toBe(text);
    },
  );

  test('spaces around it are trimmed and case is ignored; the text is kept as given', () => {
    expect(excelErrorText(' #N/A ')).toBe('#N/A');
    expect(excelErrorText('#n/a')).toBe('#n/a');
  });

  test.each<[CellValue]>([['N/A'], ['#'], ['#N/A!'], ['n/a'], [''], [null], [0], [true], [new Date(0)], ['CR#N/A']])(
    '%p is not an Excel error',
    (value) => {
      expect(excelErrorText(value)).toBeUndefined();
    },
  );
});

describe('Excel errors on the offences sheet', () => {
  const HEADER = [
    'Crime Ref',
    'Offender ID',
    'Offence Date',
    'Offence Type',
    'Age at Offence',
    'Offence Easting',
    'Offence Northing',
    'Offence Ward Code',
    'Home Postcode',
    'Home Ward Code',
    'School URN',
    'Knife Flag',
  ];
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
  const run = (change: Row) => {
    const sheet = sheetFrom('Crimes', HEADER, [base, { ...base, 'Crime Ref': 'CR2', ...change }]);
    return validateOffences(sheet, mapColumns(sheet, 'offences'), { today: new Date(Date.UTC(2026, 11, 7)) });
  };
  const prefix = (column: string): string => `Sheet 'Crimes', row 3, column '${column}': `;

  const required: [string, string, string][] = [
    ['Offender ID', '#N/A', 'an offender reference'],
    ['Offence Type', '#VALUE!', 'an offence type'],
    ['Offence Date', '#NAME?', 'an offence date'],
    ['Age at Offence', '#DIV/0!', 'an age'],
    ['Offence Type', '#GETTING_DATA', 'an offence type'],
  ];
  test.each(required)("an error in the required '%s' (%s) excludes the row: it is not %s", (column, error, noun) => {
    const { records, issues } = run({ [column]: error });
    expect(brief(issues)).toEqual([
      {
        row: 3,
        column,
        value: error,
        severity: 'error',
        code: 'excelError',
        message: `${prefix(column)}'${error}' is an Excel error, not ${noun}; ${EXCLUDED}`,
      },
    ]);
    expect(records.map((record) => record.sourceRow)).toEqual([2]);
  });

  test('an error in the offence reference counts the row as an offence of its own, like a blank reference', () => {
    const { records, issues } = run({ 'Crime Ref': '#REF!' });
    expect(brief(issues)).toEqual([
      {
        row: 3,
        column: 'Crime Ref',
        value: '#REF!',
        severity: 'warning',
        code: 'excelError',
        message: `${prefix('Crime Ref')}'#REF!' is an Excel error, not an offence reference; the row is counted as an offence of its own.`,
      },
    ]);
    expect(records[1]).toMatchObject({ sourceRow: 3, offenceRef: '\u0000row:3', offenceRefMissing: true });
  });

  const optional: [string, string, string][] = [
    ['School URN', '#N/A', 'a school URN'],
    ['Knife Flag', '#NUM!', 'a weapon flag'],
    // The offence is placed by its grid reference, so the ward code is not needed.
    ['Offence Ward Code', '#NULL!', 'a ward code'],
    // The home is placed by its ward code, so the postcode is not needed.
    ['Home Postcode', '#SPILL!', 'a postcode'],
  ];
  test.each(optional)(
    "an error in the optional '%s' (%s) is not %s: a warning, and the row is kept",
    (column, error, noun) => {
      const { records, issues } = run({ [column]: error });
      expect(brief(issues)).toEqual([
        {
          row: 3,
          column,
          value: error,
          severity: 'warning',
          code: 'excelError',
          message: `${prefix(column)}'${error}' is an Excel error, not ${noun}; ${LEFT_UNKNOWN}`,
        },
      ]);
      expect(records.map((record) => record.sourceRow)).toEqual([2, 3]);
      // The error text never becomes a value.
      expect(records[1].schoolUrn).toBeUndefined();
      expect(records[1].weapon).toBeUndefined();
      expect(records[1].offenceLocation).toEqual({
        point: { easting: 407000, northing: 286000 },
        pointColumn: 'Offence Easting',
      });
      expect(records[1].homeLocation).toEqual({ wardCode: 'E05011119' });
    },
  );

  test('an error in half of a grid reference, with nothing else to place the offence, excludes the row', () => {
    const { records, issues } = run({ 'Offence Northing': '#CALC!' });
    expect(brief(issues)).toEqual([
      {
        row: 3,
        column: 'Offence Northing',
        value: '#CALC!',
        severity: 'error',
        code: 'excelError',
        message: `${prefix('Offence Northing')}'#CALC!' is an Excel error, not a northing; ${EXCLUDED}`,
      },
    ]);
    expect(records).toHaveLength(1);
  });

  test('the same half-grid error with a ward code to fall back on is a warning, the location taken from the ward code', () => {
    const { records, issues } = run({ 'Offence Northing': '#CALC!', 'Offence Ward Code': 'E05011118' });
    expect(brief(issues)).toEqual([
      {
        row: 3,
        column: 'Offence Northing',
        value: '#CALC!',
        severity: 'warning',
        code: 'excelError',
        message: `${prefix('Offence Northing')}'#CALC!' is an Excel error, not a northing; the row is kept, its offence location taken from the ward code.`,
      },
    ]);
    expect(records[1].offenceLocation).toEqual({ wardCode: 'E05011118' });
  });

  test('a home location given only as an error: the row is excluded for want of a home, and the error cell is named', () => {
    const { records, issues } = run({ 'Home Ward Code': '#N/A' });
    expect(brief(issues)).toEqual([
      {
        row: 3,
        column: 'Home Postcode / Home Ward Code',
        value: '',
        severity: 'error',
        code: 'missingValue',
        message: `${prefix('Home Postcode / Home Ward Code')}no home location is given (blank or Excel errors); ${EXCLUDED}`,
      },
      {
        row: 3,
        column: 'Home Ward Code',
        value: '#N/A',
        severity: 'warning',
        code: 'excelError',
        message: `${prefix('Home Ward Code')}'#N/A' is an Excel error, not a ward code; ${LEFT_UNKNOWN}`,
      },
    ]);
    expect(records).toHaveLength(1);
  });

  test('a row of nothing but errors (a formula filled down past the data) is read, reported cell by cell, and excluded', () => {
    const sheet = sheetOf('Crimes', HEADER, [HEADER.map(() => '#N/A')]);
    const { records, issues, rowsRead, rowsExcluded } = validateOffences(sheet, mapColumns(sheet, 'offences'));
    expect(rowsRead).toBe(1);
    expect(rowsExcluded).toBe(1);
    expect(records).toEqual([]);
    expect(issues.every((issue) => issue.row === 2)).toBe(true);
    // Every one of the 12 columns is named by an excelError issue; the two locations get their own errors too.
    expect(
      issues
        .filter((issue) => issue.code === 'excelError')
        .map((issue) => issue.column)
        .sort(),
    ).toEqual([...HEADER].sort());
    expect(issues.filter((issue) => issue.code === 'missingValue').map((issue) => issue.column)).toEqual([
      'Offence Easting / Offence Northing / Offence Ward Code',
      'Home Postcode / Home Ward Code',
    ]);
  });

  test('reconciliation holds when any cell may be an Excel error, and no record holds one (property)', () => {
    const errors = [
      '#N/A',
      '#REF!',
      '#VALUE!',
      '#DIV/0!',
      '#NAME?',
      '#NUM!',
      '#NULL!',
      '#SPILL!',
      '#CALC!',
      '#GETTING_DATA',
    ];
    const goodRow = cellsOf(HEADER, base);
    const rowArb = fc
      .array(fc.option(fc.constantFrom(...errors), { nil: undefined }), {
        minLength: HEADER.length,
        maxLength: HEADER.length,
      })
      .map((mask) => goodRow.map((cell, index) => mask[index] ?? cell));
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 8 }), (rows) => {
        const sheet = sheetOf('Crimes', HEADER, rows);
        const { records, issues, rowsRead, rowsExcluded } = validateOffences(sheet, mapColumns(sheet, 'offences'));
        const excluded = rowsExcludedByIssues(issues);
        const values = records.flatMap((record) => [
          record.offenceRef,
          record.offenderRef,
          record.offenceType,
          record.schoolUrn ?? '',
          record.homeLocation.wardCode ?? '',
          record.offenceLocation.wardCode ?? '',
        ]);
        return (
          rowsRead === records.length + excluded.size &&
          rowsExcluded === excluded.size &&
          values.every((value) => !errors.includes(value))
        );
      }),
      { numRuns: 200, seed: 20240601 },
    );
  });
});

describe('Excel errors on the schools sheet', () => {
  const HEADER = GIAS_HEADER;
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
  const run = (change: Row) => {
    const sheet = sheetFrom('edubasealldata', HEADER, [{ ...base, ...change }]);
    return validateSchools(sheet, mapColumns(sheet, 'schools'));
  };
  const prefix = (column: string): string => `Sheet 'edubasealldata', row 2, column '${column}': `;

  test.each([
    ['URN', '#N/A', 'a school URN'],
    ['EstablishmentName', '#REF!', 'a school name'],
  ])("an error in the required '%s' (%s) excludes the school: it is not %s", (column, error, noun) => {
    const { records, issues } = run({ [column]: error });
    expect(brief(issues)).toEqual([
      {
        row: 2,
        column,
        value: error,
        severity: 'error',
        code: 'excelError',
        message: `${prefix(column)}'${error}' is an Excel error, not ${noun}; ${EXCLUDED}`,
      },
    ]);
    expect(records).toEqual([]);
  });

  test.each<[string, string, string, string]>([
    [
      'NumberOfPupils',
      '#DIV/0!',
      'a number of pupils',
      'the pupil count is unknown: the school is ranked only where its catchment is observed from the pupil residence sheet; otherwise it is listed as not ranked.',
    ],
    // A blank status is only an info ('taken to be open'); an error is worth a warning.
    ['EstablishmentStatus (name)', '#N/A', 'a school status', 'the school is taken to be open.'],
    ['TypeOfEstablishment (name)', '#N/A', 'a type of establishment', LEFT_UNKNOWN],
    ['Postcode', '#VALUE!', 'a postcode', LEFT_UNKNOWN],
  ])(
    "an error in the optional '%s' (%s) is not %s: the school is kept with a warning",
    (column, error, noun, consequence) => {
      const { records, issues } = run({ [column]: error });
      expect(brief(issues)).toEqual([
        {
          row: 2,
          column,
          value: error,
          severity: 'warning',
          code: 'excelError',
          message: `${prefix(column)}'${error}' is an Excel error, not ${noun}; ${consequence}`,
        },
      ]);
      expect(records).toHaveLength(1);
    },
  );

  test('an error in the pupils column leaves the pupil count unknown; one in the type leaves the type out', () => {
    const { records } = run({ NumberOfPupils: '#DIV/0!', 'TypeOfEstablishment (name)': '#N/A' });
    expect(records[0]).toMatchObject({ pupils: 0, pupilsKnown: false, open: true });
    expect(records[0].type).toBeUndefined();
  });
});

describe('Excel errors on the wards sheet', () => {
  const HEADER = [
    'WD22CD',
    'WD22NM',
    'LAD_CD',
    'LAD_NM',
    'age_9',
    'age_10',
    'age_11',
    'age_12',
    'age_13',
    'age_14',
    'age_15',
    'age_16',
    'age_17',
    'age_18',
    'age_10_17',
  ];
  const ROW: CellValue[] = [
    'E05011118',
    'Aston',
    'E08000025',
    'Birmingham',
    100,
    101,
    102,
    103,
    104,
    105,
    106,
    107,
    108,
    109,
    836,
  ];
  const run = (change: Record<number, CellValue>) => {
    const sheet = sheetOf('Wards', HEADER, [ROW.map((cell, index) => (index in change ? change[index] : cell))]);
    return validateWards(sheet, mapColumns(sheet, 'wards'), [10, 17]);
  };
  const prefix = (column: string): string => `Sheet 'Wards', row 2, column '${column}': `;

  test('an error in the ward code or a population column read for the band excludes the ward', () => {
    expect(brief(run({ 0: '#N/A' }).issues)).toEqual([
      {
        row: 2,
        column: 'WD22CD',
        value: '#N/A',
        severity: 'error',
        code: 'excelError',
        message: `${prefix('WD22CD')}'#N/A' is an Excel error, not a ward code; ${EXCLUDED}`,
      },
    ]);
    const population = run({ 7: '#REF!' });
    expect(brief(population.issues)).toEqual([
      {
        row: 2,
        column: 'age_12',
        value: '#REF!',
        severity: 'error',
        code: 'excelError',
        message: `${prefix('age_12')}'#REF!' is an Excel error, not a population count; ${EXCLUDED}`,
      },
    ]);
    expect(population.records).toEqual([]);
  });

  test('an error in the ward name names the ward by its code; one in the district name leaves it unknown', () => {
    const { records, issues } = run({ 1: '#N/A', 3: '#NAME?' });
    expect(brief(issues)).toEqual([
      {
        row: 2,
        column: 'WD22NM',
        value: '#N/A',
        severity: 'warning',
        code: 'excelError',
        message: `${prefix('WD22NM')}'#N/A' is an Excel error, not a ward name; the ward is named by its code, E05011118.`,
      },
      {
        row: 2,
        column: 'LAD_NM',
        value: '#NAME?',
        severity: 'warning',
        code: 'excelError',
        message: `${prefix('LAD_NM')}'#NAME?' is an Excel error, not a district name; ${LEFT_UNKNOWN}`,
      },
    ]);
    expect(records).toEqual([
      { sourceRow: 2, wardCode: 'E05011118', wardName: 'E05011118', districtCode: 'E08000025', youngPopulation: 836 },
    ]);
  });

  test('an error in an age column the band does not read is no concern of this run', () => {
    // Band 10–17 sums age_10 … age_17: age_9 and the age_10_17 band column are not read.
    const { records, issues } = run({ 4: '#N/A', 14: '#N/A' });
    expect(issues).toEqual([]);
    expect(records[0].youngPopulation).toBe(836);
  });
});

describe('Excel errors on the pupil residence sheet (every column is required)', () => {
  const header = ['School URN', 'Home ward code', 'Pupils'];
  test.each([
    [['#VALUE!', 'E05011118', 12], 'School URN', '#VALUE!', 'a school URN'],
    [[103456, '#REF!', 12], 'Home ward code', '#REF!', 'a ward code'],
    [[103456, 'E05011118', '#N/A'], 'Pupils', '#N/A', 'a number of pupils'],
  ] as [CellValue[], string, string, string][])(
    '%p: the error in %s excludes the row',
    (cells, column, error, noun) => {
      const sheet = sheetOf('Residence', header, [cells]);
      const { records, issues } = validatePupilResidence(sheet, mapColumns(sheet, 'pupilResidence'));
      expect(records).toEqual([]);
      expect(brief(issues)).toEqual([
        {
          row: 2,
          column,
          value: error,
          severity: 'error',
          code: 'excelError',
          message: `Sheet 'Residence', row 2, column '${column}': '${error}' is an Excel error, not ${noun}; ${EXCLUDED}`,
        },
      ]);
    },
  );
});

describe('Excel errors on the current list', () => {
  const run = (rows: CellValue[][]) => {
    const sheet = sheetOf('VRU list', ['URN', 'School'], rows);
    return validateCurrentList(sheet, mapColumns(sheet, 'currentList'));
  };

  test('an error in one of URN and name leaves it unknown and keeps the other', () => {
    const { records, issues } = run([
      ['#N/A', 'Park Hall Academy'],
      [103457, '#REF!'],
    ]);
    expect(records).toEqual([
      { sourceRow: 2, name: 'Park Hall Academy' },
      { sourceRow: 3, urn: '103457' },
    ]);
    expect(brief(issues)).toEqual([
      {
        row: 2,
        column: 'URN',
        value: '#N/A',
        severity: 'warning',
        code: 'excelError',
        message: `Sheet 'VRU list', row 2, column 'URN': '#N/A' is an Excel error, not a school URN; ${LEFT_UNKNOWN}`,
      },
      {
        row: 3,
        column: 'School',
        value: '#REF!',
        severity: 'warning',
        code: 'excelError',
        message: `Sheet 'VRU list', row 3, column 'School': '#REF!' is an Excel error, not a school name; ${LEFT_UNKNOWN}`,
      },
    ]);
  });

  test('errors in both exclude the row, the URN (the column the list needs) carrying the error', () => {
    const { records, issues } = run([['#N/A', '#N/A']]);
    expect(records).toEqual([]);
    expect(brief(issues)).toEqual([
      {
        row: 2,
        column: 'URN',
        value: '#N/A',
        severity: 'error',
        code: 'excelError',
        message: `Sheet 'VRU list', row 2, column 'URN': '#N/A' is an Excel error, not a school URN; ${EXCLUDED}`,
      },
      {
        row: 2,
        column: 'School',
        value: '#N/A',
        severity: 'warning',
        code: 'excelError',
        message: `Sheet 'VRU list', row 2, column 'School': '#N/A' is an Excel error, not a school name; ${LEFT_UNKNOWN}`,
      },
    ]);
  });
});

describe('Excel errors on the postcode lookup', () => {
  const header = ['pcds', 'oseast1m', 'osnrth1m', 'LAT', 'LONG'];
  const run = (rows: CellValue[][]) => {
    const sheet = sheetOf('ONSPD', header, rows);
    return validatePostcodes(sheet, mapColumns(sheet, 'postcodes'));
  };

  test('an error in the postcode, or in a coordinate needed to place it, excludes the row', () => {
    const { records, issues } = run([
      ['#N/A', 406500, 286700, null, null],
      ['B1 1AA', 406500, '#NUM!', null, null],
    ]);
    expect(records).toEqual([]);
    expect(brief(issues)).toEqual([
      {
        row: 2,
        column: 'pcds',
        value: '#N/A',
        severity: 'error',
        code: 'excelError',
        message: `Sheet 'ONSPD', row 2, column 'pcds': '#N/A' is an Excel error, not a postcode; ${EXCLUDED}`,
      },
      {
        row: 3,
        column: 'osnrth1m',
        value: '#NUM!',
        severity: 'error',
        code: 'excelError',
        message: `Sheet 'ONSPD', row 3, column 'osnrth1m': '#NUM!' is an Excel error, not a northing; ${EXCLUDED}`,
      },
    ]);
  });

  test('an error in latitude and longitude, unused beside a grid reference, is a warning', () => {
    const { lookup, issues } = run([['B1 1AA', 406500, 286700, '#N/A', '#N/A']]);
    expect(lookup.get('B1 1AA')).toEqual({ easting: 406500, northing: 286700 });
    expect(brief(issues)).toEqual([
      {
        row: 2,
        column: 'LAT',
        value: '#N/A',
        severity: 'warning',
        code: 'excelError',
        message: `Sheet 'ONSPD', row 2, column 'LAT': '#N/A' is an Excel error, not a latitude; ${LEFT_UNKNOWN}`,
      },
      {
        row: 2,
        column: 'LONG',
        value: '#N/A',
        severity: 'warning',
        code: 'excelError',
        message: `Sheet 'ONSPD', row 2, column 'LONG': '#N/A' is an Excel error, not a longitude; ${LEFT_UNKNOWN}`,
      },
    ]);
  });
});

describe('Excel errors on the ward vertex sheet', () => {
  const header = ['WD22CD', 'WD22NM', 'ring', 'order', 'x', 'y'];
  const run = (rows: CellValue[][]) => {
    const sheet = sheetOf('Boundaries', header, rows);
    return validateWardVertices(sheet, mapColumns(sheet, 'wardVertices'));
  };

  test('an error in the ring or a coordinate excludes the vertex', () => {
    const { records, issues } = run([
      ['E05011118', 'Aston', '#N/A', 0, 407000, 289000],
      ['E05011118', 'Aston', 0, 1, '#REF!', 289000],
    ]);
    expect(records).toEqual([]);
    expect(brief(issues)).toEqual([
      {
        row: 2,
        column: 'ring',
        value: '#N/A',
        severity: 'error',
        code: 'excelError',
        message: `Sheet 'Boundaries', row 2, column 'ring': '#N/A' is an Excel error, not a ring number; ${EXCLUDED}`,
      },
      {
        row: 3,
        column: 'x',
        value: '#REF!',
        severity: 'error',
        code: 'excelError',
        message: `Sheet 'Boundaries', row 3, column 'x': '#REF!' is an Excel error, not an x coordinate; ${EXCLUDED}`,
      },
    ]);
  });

  test('an error in the optional ward name is a warning and the vertex is kept without a name', () => {
    const { records, issues } = run([['E05011118', '#N/A', 0, 0, 407000, 289000]]);
    expect(records).toEqual([
      { sourceRow: 2, wardCode: 'E05011118', part: 1, ring: 0, order: 0, x: 407000, y: 289000 },
    ]);
    expect(brief(issues)).toEqual([
      {
        row: 2,
        column: 'WD22NM',
        value: '#N/A',
        severity: 'warning',
        code: 'excelError',
        message: `Sheet 'Boundaries', row 2, column 'WD22NM': '#N/A' is an Excel error, not a ward name; ${LEFT_UNKNOWN}`,
      },
    ]);
  });
});

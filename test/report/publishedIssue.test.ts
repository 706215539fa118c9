import type { AnalysisResult } from '../../src/core/pipeline';
import { mapColumns } from '../../src/core/schema';
import { DEFAULT_PARAMETERS, type Issue, type SheetData } from '../../src/core/types';
import { validateOffences } from '../../src/core/validate';
import { publishedIssue } from '../../src/report/publishedIssue';

/**
 * Hand-made issues, one per kind of value the Validation sheet meets, each with the message the
 * engine would write (quoting the value, and sometimes a neighbouring cell). Expected sheets rows
 * are written out in full from the policy: withhold references, offence dates and every offences
 * or postcode-lookup location; show ages, offence types, URNs, weapon flags and the public or
 * aggregate inputs as given.
 */
const RESULT: Pick<AnalysisResult, 'roles' | 'columns' | 'parameters'> = {
  roles: { offences: 'Crimes', schools: 'Schools', wards: 'Wards', postcodes: 'Postcodes', pupilResidence: 'Pupils' },
  columns: {
    offences: {
      offenceRef: 'Crime No',
      offenderRef: 'Nominal',
      offenceDate: 'Committed',
      offenceType: 'HO Group',
      age: 'Age',
      offenceEasting: 'X',
      offenceNorthing: 'Y',
      homeLatitude: 'Home Lat',
      homeLongitude: 'Home Long',
      homeWard: 'Home Ward',
      homePostcode: 'Home Postcode',
      schoolUrn: 'School',
      weapon: 'Knife',
    },
    postcodes: { postcode: 'pcds', latitude: 'lat', longitude: 'long' },
    schools: { urn: 'URN', name: 'Name', postcode: 'Postcode' },
    wards: { wardCode: 'WD22CD' },
    pupilResidence: { urn: 'URN', wardCode: 'Home ward', pupils: 'Pupils' },
  },
  parameters: {
    ...DEFAULT_PARAMETERS,
    dateFrom: new Date('2023-04-01T00:00:00Z'),
    dateTo: new Date('2024-03-31T00:00:00Z'),
  },
};

function issue(
  sheet: string,
  row: number,
  column: string,
  value: string,
  severity: Issue['severity'],
  code: Issue['code'],
  problem: string,
): Issue {
  return {
    sheet,
    row,
    column,
    value,
    severity,
    code,
    message: `Sheet '${sheet}', row ${row}, column '${column}': ${problem}.`,
  };
}

describe('the Validation sheet withholds personal and location values', () => {
  const withheld: [string, Issue, string, string][] = [
    [
      "an offender's home outside the area, by its coordinates",
      issue(
        'Crimes',
        12,
        'Home Lat / Home Long',
        '52.4862, -1.8904',
        'warning',
        'outsideArea',
        'the home location (52.4862, -1.8904) lies outside every ward of the study area; counted as outside the area',
      ),
      '(withheld: location)',
      "Sheet 'Crimes', row 12, column 'Home Lat / Home Long': the home location lies outside every ward of the study area; it is counted as outside the area.",
    ],
    [
      'a home ward code that disagrees with the home coordinates (and the ward they lie in)',
      issue(
        'Crimes',
        13,
        'Home Ward',
        'E05011118',
        'warning',
        'wardMismatch',
        'ward code E05011118 disagrees with the coordinates, which lie in E05011120; the coordinates are used',
      ),
      '(withheld: location)',
      "Sheet 'Crimes', row 13, column 'Home Ward': the ward code of the home location disagrees with the ward its coordinates lie in; the coordinates are used.",
    ],
    [
      'a home postcode that cannot be placed',
      issue(
        'Crimes',
        14,
        'Home Postcode',
        'b15 2tt',
        'error',
        'unknownPostcode',
        'postcode B15 2TT is not in the postcode lookup; the row is excluded',
      ),
      '(withheld: location)',
      "Sheet 'Crimes', row 14, column 'Home Postcode': the postcode of the home location cannot be placed (it is not in the postcode lookup, or no lookup was given); the row is excluded.",
    ],
    [
      'a repeated row, named by its offence and offender references',
      issue(
        'Crimes',
        15,
        'Crime No',
        '20/12345/23',
        'warning',
        'duplicateRow',
        'offence 20/12345/23 with offender P7731 was already read on row 9; this later copy is excluded',
      ),
      '(withheld: reference)',
      "Sheet 'Crimes', row 15, column 'Crime No': an earlier row has the same offence and offender references; this later copy is excluded.",
    ],
    [
      'a blank offence northing, whose message quotes the easting beside it',
      issue(
        'Crimes',
        16,
        'Y',
        '',
        'warning',
        'missingValue',
        "blank, although '407123' is given in 'X' (a grid reference needs both); the row is kept, its offence location taken from the ward code",
      ),
      '',
      "Sheet 'Crimes', row 16, column 'Y': the offence location is blank or incomplete; the row is kept, located by its other location columns.",
    ],
    [
      'a swapped latitude and longitude, read the other way round',
      issue(
        'Crimes',
        17,
        'Home Lat / Home Long',
        '-1.8904, 52.4862',
        'warning',
        'badCoordinate',
        'latitude -1.8904 and longitude 52.4862 look swapped (British latitudes are 49–61°); they are read the other way round, as latitude 52.4862 and longitude -1.8904',
      ),
      '(withheld: location)',
      "Sheet 'Crimes', row 17, column 'Home Lat / Home Long': the latitude and longitude of the home location look swapped; they are read the other way round.",
    ],
    [
      'an offence grid reference at 0',
      issue(
        'Crimes',
        18,
        'X / Y',
        '0, 286530',
        'error',
        'badCoordinate',
        'an easting or northing of 0 is not a real place; the row is excluded',
      ),
      '(withheld: location)',
      "Sheet 'Crimes', row 18, column 'X / Y': the offence location is not a usable coordinate (0, or outside Great Britain); the row is excluded.",
    ],
    [
      'an offence date outside the window',
      issue(
        'Crimes',
        19,
        'Committed',
        '2023-01-05',
        'info',
        'dateOutsideWindow',
        '2023-01-05 is outside the window 2023-04-01 to 2024-03-31; the row is not counted',
      ),
      '(withheld: date)',
      "Sheet 'Crimes', row 19, column 'Committed': the offence date is outside the window 2023-04-01 to 2024-03-31; the row is not counted.",
    ],
    [
      'an offence date that cannot be read',
      issue(
        'Crimes',
        20,
        'Committed',
        '31/02/2023',
        'error',
        'notADate',
        "'31/02/2023' is not a date; the row is excluded",
      ),
      '(withheld: date)',
      "Sheet 'Crimes', row 20, column 'Committed': the offence date cannot be read as a date (expected e.g. 31/01/2021 or 2021-01-31); the row is excluded.",
    ],
    [
      'text in an offence coordinate',
      issue(
        'Crimes',
        21,
        'X',
        '12 High St',
        'error',
        'notANumber',
        "'12 High St' is not a number; the row is excluded",
      ),
      '(withheld: location)',
      "Sheet 'Crimes', row 21, column 'X': a coordinate of the offence location is not a number; the row is excluded.",
    ],
    [
      'a malformed postcode in the postcode lookup',
      issue(
        'Postcodes',
        5,
        'pcds',
        'B15 22TT',
        'error',
        'invalidValue',
        "'B15 22TT' is not a postcode; the row is excluded",
      ),
      '(withheld: location)',
      "Sheet 'Postcodes', row 5, column 'pcds': the postcode is not in the form expected for this column; the row is excluded.",
    ],
    [
      'a value in an offences column the policy does not recognise',
      issue(
        'Crimes',
        22,
        'Free text',
        'lives at 12 High St',
        'warning',
        'invalidValue',
        "'lives at 12 High St' is odd; the row is kept",
      ),
      '(withheld)',
      "Sheet 'Crimes', row 22, column 'Free text': the value is not in the form expected for this column; the row is kept.",
    ],
  ];

  it.each(withheld)('withholds %s', (_, given, value, message) => {
    expect(publishedIssue(given, RESULT)).toEqual({ value, message, withheld: true });
  });

  it('never quotes a withheld value, nor the cells the engine quoted beside it', () => {
    const quoted = [
      '52.4862',
      '1.8904',
      'E05011118',
      'E05011120',
      'B15',
      '20/12345/23',
      'P7731',
      '407123',
      '286530',
      '2023-01-05',
      '31/02/2023',
      'High St',
    ];
    for (const [, given] of withheld) {
      const { message } = publishedIssue(given, RESULT);
      for (const text of quoted) expect(message).not.toContain(text);
    }
  });

  it("leaves the engine's issue whole: the analyst keeps the value", () => {
    const given = Object.freeze(
      issue(
        'Crimes',
        14,
        'Home Postcode',
        'B15 2TT',
        'error',
        'unknownPostcode',
        'postcode B15 2TT is not in the postcode lookup; the row is excluded',
      ),
    );
    publishedIssue(given, RESULT);
    expect(given.value).toBe('B15 2TT');
    expect(given.message).toContain('B15 2TT');
  });
});

describe('the Validation sheet shows values that identify no one, as given', () => {
  const shown: [string, Issue][] = [
    [
      'an age that is not a number',
      issue(
        'Crimes',
        30,
        'Age',
        'unknown',
        'error',
        'notANumber',
        "'unknown' is not a number (expected the offender's age in years); the row is excluded",
      ),
    ],
    [
      'an age outside the band',
      issue(
        'Crimes',
        31,
        'Age',
        '19',
        'info',
        'ageOutsideBand',
        'age 19 is outside the band 10–17; the row is not counted',
      ),
    ],
    [
      'an offence type not counted',
      issue(
        'Crimes',
        32,
        'HO Group',
        'Robbery',
        'info',
        'offenceTypeOutOfScope',
        "'Robbery' is not among the offence types counted; the row is not counted",
      ),
    ],
    [
      'a school URN not in the schools sheet',
      issue(
        'Crimes',
        33,
        'School',
        '999999',
        'warning',
        'unknownSchool',
        "school URN 999999 is not in sheet 'Schools'; the offence counts for its wards but not for any school",
      ),
    ],
    [
      'a weapon flag that is not yes or no',
      issue(
        'Crimes',
        34,
        'Knife',
        'maybe',
        'warning',
        'invalidValue',
        "'maybe' is not a yes/no flag; the weapon flag is left unknown for this row",
      ),
    ],
    [
      "a school's own postcode (public, from GIAS)",
      issue(
        'Schools',
        7,
        'Postcode',
        'B1 1AA',
        'warning',
        'unknownPostcode',
        'postcode B1 1AA is not in the postcode lookup; the row is kept, its school location taken from the easting and northing',
      ),
    ],
    [
      'a ward code in the wards sheet',
      issue('Wards', 4, 'WD22CD', 'E0501', 'error', 'invalidValue', "'E0501' is not a ward code; the row is excluded"),
    ],
    [
      'a ward code in the pupil residence sheet',
      issue(
        'Pupils',
        9,
        'Home ward',
        'E05009999',
        'warning',
        'unknownWard',
        "ward E05009999 is not a ward of the study area; these 50 pupils are left out of the school's observed catchment",
      ),
    ],
    [
      'a missing column of the offences sheet, which quotes its headers only',
      issue(
        'Crimes',
        1,
        '',
        '',
        'error',
        'columnMissing',
        "no column was found for the offence date; the headers are 'Crime No', 'Age'",
      ),
    ],
  ];

  it.each(shown)('shows %s', (_, given) => {
    expect(publishedIssue(given, RESULT)).toEqual({ value: given.value, message: given.message, withheld: false });
  });
});

describe("the Validation sheet on the validator's own messages", () => {
  /** One offence row whose home latitude and longitude are written the wrong way round. */
  const sheet: SheetData = {
    name: 'Crimes',
    rows: [
      ['Crime No', 'Nominal', 'Committed', 'HO Offence Group', 'Age', 'X', 'Y', 'Home Lat', 'Home Long'],
      ['C1', 'P1', '2023-05-01', 'Violence with injury', 15, 407123, 286530, -1.8904, 52.4862],
    ],
  };
  const mapping = mapColumns(sheet, 'offences');
  const swapped = validateOffences(sheet, mapping).issues.find((found) => found.code === 'badCoordinate')!;

  it('receives a swapped pair from the validator, quoting both numbers', () => {
    expect(swapped).toMatchObject({ row: 2, column: 'Home Lat / Home Long', severity: 'warning' });
    expect(swapped.message).toContain('52.4862');
  });

  it("tells the swapped pair apart by the validator's wording, and quotes neither number", () => {
    const result = {
      ...RESULT,
      columns: {
        offences: Object.fromEntries(Object.entries(mapping.fields).map(([field, match]) => [field, match!.header])),
      },
    };
    expect(publishedIssue(swapped, result)).toEqual({
      value: '(withheld: location)',
      message:
        "Sheet 'Crimes', row 2, column 'Home Lat / Home Long': the latitude and longitude of the home location look swapped; they are read the other way round.",
      withheld: true,
    });
  });
});

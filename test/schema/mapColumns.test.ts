import { headerWords, mapColumns, normaliseHeader } from '../../src/core/schema';
import type { CellValue, SheetData } from '../../src/core/types';
import { deepFreeze } from '../validate/helpers';

const sheet = (name: string, rows: CellValue[][], firstRow?: number): SheetData => ({
  name,
  rows,
  ...(firstRow ? { firstRow } : {}),
});
const columnsOf = (mapping: ReturnType<typeof mapColumns>): Record<string, string> =>
  Object.fromEntries(Object.entries(mapping.fields).map(([field, match]) => [field, match!.header]));

describe('normaliseHeader', () => {
  test.each([
    ['Offender Age', 'offenderage'],
    ['offender_age', 'offenderage'],
    [' OFFENDER-AGE ', 'offenderage'],
    ['\uFEFFCrime Ref', 'crimeref'],
    ['TypeOfEstablishment (name)', 'typeofestablishmentname'],
    ['Age 10–17', 'age1017'],
  ])('%p normalises to %p', (text, expected) => {
    expect(normaliseHeader(text)).toBe(expected);
  });

  test('headerWords splits camel case, underscores and brackets', () => {
    expect(headerWords('TypeOfEstablishment (name)')).toEqual(['type', 'of', 'establishment', 'name']);
    expect(headerWords('home_address Easting (BNG)')).toEqual(['home', 'address', 'easting', 'bng']);
    expect(headerWords('HOOffence')).toEqual(['ho', 'offence']);
  });
});

describe('mapColumns on police exports', () => {
  test('a Niche-style export with occurrence references and grid references maps every column', () => {
    const mapping = mapColumns(
      sheet('Crimes', [
        [
          'Occurrence Ref',
          'Nominal ID',
          'Committed Date',
          'HO Offence',
          'Age at Offence',
          'Offence Easting',
          'Offence Northing',
          'Home Postcode',
          'School URN',
          'Knife Flag',
        ],
      ]),
      'offences',
    );
    expect(columnsOf(mapping)).toEqual({
      offenceRef: 'Occurrence Ref',
      offenderRef: 'Nominal ID',
      offenceDate: 'Committed Date',
      offenceType: 'HO Offence',
      age: 'Age at Offence',
      offenceEasting: 'Offence Easting',
      offenceNorthing: 'Offence Northing',
      homePostcode: 'Home Postcode',
      schoolUrn: 'School URN',
      weapon: 'Knife Flag',
    });
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.headerRow).toBe(1);
  });

  test('a snake_case export with latitude/longitude and ward codes maps every column', () => {
    const mapping = mapColumns(
      sheet('offences', [
        [
          'crime_ref',
          'offender_id',
          'date_of_offence',
          'crime_type',
          'age_at_offence',
          'offence_lat',
          'offence_lon',
          'home_ward_code',
          'weapon',
        ],
      ]),
      'offences',
    );
    expect(columnsOf(mapping)).toEqual({
      offenceRef: 'crime_ref',
      offenderRef: 'offender_id',
      offenceDate: 'date_of_offence',
      offenceType: 'crime_type',
      age: 'age_at_offence',
      offenceLatitude: 'offence_lat',
      offenceLongitude: 'offence_lon',
      homeWard: 'home_ward_code',
      weapon: 'weapon',
    });
    expect(mapping.missingRequired).toEqual([]);
  });

  test('an upper-case export with bare X/Y and an offender ward reads X/Y as the offence location', () => {
    const mapping = mapColumns(
      sheet('EXPORT', [
        [
          'CRIME NUMBER',
          'PERSON ID',
          'OFFENCE DATE',
          'OFFENCE DESCRIPTION',
          'AGE',
          'X',
          'Y',
          'OFFENDER WARD',
          'SCHOOL',
        ],
      ]),
      'offences',
    );
    expect(columnsOf(mapping)).toEqual({
      offenceRef: 'CRIME NUMBER',
      offenderRef: 'PERSON ID',
      offenceDate: 'OFFENCE DATE',
      offenceType: 'OFFENCE DESCRIPTION',
      age: 'AGE',
      offenceEasting: 'X',
      offenceNorthing: 'Y',
      homeWard: 'OFFENDER WARD',
      schoolUrn: 'SCHOOL',
    });
  });

  test('an export with location and residence columns keeps offence and home apart', () => {
    const mapping = mapColumns(
      sheet('Data', [
        [
          'Crime Ref',
          'Suspect Ref',
          'Start Date',
          'Crime Category',
          'Suspect Age',
          'Location Easting',
          'Location Northing',
          'Residence Latitude',
          'Residence Longitude',
        ],
      ]),
      'offences',
    );
    expect(columnsOf(mapping)).toMatchObject({
      offenceRef: 'Crime Ref',
      offenderRef: 'Suspect Ref',
      offenceDate: 'Start Date',
      offenceType: 'Crime Category',
      age: 'Suspect Age',
      offenceEasting: 'Location Easting',
      offenceNorthing: 'Location Northing',
      homeLatitude: 'Residence Latitude',
      homeLongitude: 'Residence Longitude',
    });
  });

  test('headers with extra words are matched loosely and marked as guesses', () => {
    const mapping = mapColumns(
      sheet('Data', [
        [
          'Crime Reference Number',
          'Offender ID',
          'Offence Date',
          'Offence Type',
          'Offender Age (years)',
          'Offence Ward Code',
          'Home Address Postcode (full)',
          'Date of Birth',
        ],
      ]),
      'offences',
    );
    expect(mapping.fields.age).toEqual({ column: 4, header: 'Offender Age (years)', how: 'fuzzy' });
    expect(mapping.fields.homePostcode).toEqual({ column: 6, header: 'Home Address Postcode (full)', how: 'fuzzy' });
    expect(mapping.fields.offenceRef?.how).toBe('synonym');
    expect(mapping.fields.offencePostcode).toBeUndefined(); // 'home' rules out the offence postcode
    expect(Object.values(mapping.fields).some((match) => match?.header === 'Date of Birth')).toBe(false);
  });

  test('a title row and a blank row above the headers are skipped, and the header row is a worksheet row number', () => {
    const rows: CellValue[][] = [
      ['West Midlands Police: offences involving 10-17 year olds (extract)'],
      [],
      ['Crime Ref', 'Offender ID', 'Offence Date', 'Offence Type', 'Age', 'Offence Ward', 'Home Ward'],
      ['CR1', 'P1', '01/02/2021', 'Robbery', 15, 'E05011118', 'E05011119'],
    ];
    expect(mapColumns(sheet('Crimes', rows), 'offences').headerRow).toBe(3);
    // The used range starts on worksheet row 5, so the headers are on row 7.
    const shifted = mapColumns(sheet('Crimes', rows, 5), 'offences');
    expect(shifted.headerRow).toBe(7);
    expect(shifted.missingRequired).toEqual([]);
  });

  test('a byte-order mark before the first header does not stop it matching, and is not kept in the header text', () => {
    const mapping = mapColumns(sheet('Crimes', [['\uFEFFCrime Ref', 'Offender ID']]), 'offences');
    expect(mapping.fields.offenceRef).toEqual({ column: 0, header: 'Crime Ref', how: 'synonym' });
  });

  test('a sheet missing the home location reports it as a missing requirement group', () => {
    const mapping = mapColumns(
      sheet('Crimes', [['Crime Ref', 'Offender ID', 'Offence Date', 'Offence Type', 'Age', 'Easting', 'Northing']]),
      'offences',
    );
    expect(mapping.missingRequired).toEqual(['homeLocation']);
    expect(mapping.fields.offenceEasting?.header).toBe('Easting');
  });

  test('the sheet is not changed', () => {
    const frozen = deepFreeze(sheet('Crimes', [['Crime Ref', 'Offender ID', 'Age']]));
    expect(() => mapColumns(frozen, 'offences', { offenceType: 'Age' })).not.toThrow();
  });
});

describe('mapColumns overrides', () => {
  const crimes = sheet('Crimes', [['Ref', 'Who', 'When', 'What', 'Yrs', 'Offence Ward', 'Home Ward']]);

  test('overrides name columns by header text, normalised text or column letter', () => {
    const mapping = mapColumns(crimes, 'offences', {
      offenceRef: 'Ref',
      offenderRef: 'who',
      offenceDate: 'C',
      offenceType: 'What',
      age: 'Yrs',
    });
    expect(mapping.fields.age).toEqual({ column: 4, header: 'Yrs', how: 'override' });
    expect(mapping.fields.offenderRef).toEqual({ column: 1, header: 'Who', how: 'override' });
    expect(mapping.fields.offenceDate).toEqual({ column: 2, header: 'When', how: 'override' });
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.issues).toEqual([]);
  });

  test('an override wins over a column that would otherwise match', () => {
    const mapping = mapColumns(sheet('Crimes', [['Age', 'Age at Offence']]), 'offences', { age: 'Age at Offence' });
    expect(mapping.fields.age).toEqual({ column: 1, header: 'Age at Offence', how: 'override' });
  });

  test('an override naming a header that does not exist is an error listing the headers, and the field is not guessed', () => {
    const mapping = mapColumns(sheet('Crimes', [['Crime Ref', 'Age']]), 'offences', { age: 'Age at Ofence' });
    expect(mapping.fields.age).toBeUndefined();
    expect(mapping.missingRequired).toContain('age');
    expect(mapping.issues).toHaveLength(1);
    expect(mapping.issues[0]).toMatchObject({
      sheet: 'Crimes',
      row: 1,
      column: 'Age at Ofence',
      severity: 'error',
      code: 'columnMissing',
    });
    expect(mapping.issues[0].message).toContain("no column is headed 'Age at Ofence'");
    expect(mapping.issues[0].message).toContain("'Crime Ref', 'Age'");
  });

  test('an override naming an unknown field is an error listing the fields', () => {
    const mapping = mapColumns(sheet('Crimes', [['Crime Ref', 'Age']]), 'offences', { agee: 'Age' });
    expect(mapping.issues[0]).toMatchObject({ code: 'invalidValue', value: 'agee' });
    expect(mapping.issues[0].message).toContain('offenceRef, offenderRef');
    expect(mapping.fields.age?.how).toBe('exact');
  });
});

describe('mapColumns on the GIAS establishment download', () => {
  const gias = [
    'URN',
    'LA (code)',
    'LA (name)',
    'EstablishmentNumber',
    'EstablishmentName',
    'TypeOfEstablishment (name)',
    'EstablishmentTypeGroup (name)',
    'EstablishmentStatus (name)',
    'ReasonEstablishmentOpened (name)',
    'OpenDate',
    'PhaseOfEducation (name)',
    'StatutoryLowAge',
    'StatutoryHighAge',
    'NumberOfPupils',
    'NumberOfBoys',
    'SchoolCapacity',
    'PercentageFSM',
    'Street',
    'Town',
    'Postcode',
    'AdministrativeWard (code)',
    'AdministrativeWard (name)',
    'Easting',
    'Northing',
  ];

  test('recognises every field by its GIAS name with no mapping', () => {
    const mapping = mapColumns(sheet('edubasealldata', [gias]), 'schools');
    expect(columnsOf(mapping)).toEqual({
      urn: 'URN',
      name: 'EstablishmentName',
      type: 'TypeOfEstablishment (name)',
      status: 'EstablishmentStatus (name)',
      phase: 'PhaseOfEducation (name)',
      pupils: 'NumberOfPupils',
      postcode: 'Postcode',
      easting: 'Easting',
      northing: 'Northing',
    });
    expect(Object.values(mapping.fields).every((match) => match?.how === 'exact' || match?.how === 'synonym')).toBe(
      true,
    );
    expect(mapping.missingRequired).toEqual([]);
  });

  test('a minimal GIAS-shaped sheet with latitude and longitude is enough', () => {
    const mapping = mapColumns(
      sheet('Schools', [['URN', 'EstablishmentName', 'PhaseOfEducation (name)', 'Latitude', 'Longitude']]),
      'schools',
    );
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.fields.latitude?.header).toBe('Latitude');
  });
});

describe('mapColumns on ONS ward population shapes', () => {
  const ons = [
    'WD22CD',
    'WD22NM',
    'LAD_CD',
    'LAD_NM',
    'total_population',
    'age_4',
    'age_5',
    'age_10',
    'age_11',
    'age_12',
    'age_10_17',
    'age_11_16',
  ];

  test('ONS codes, single-year ages and band columns are recognised', () => {
    const mapping = mapColumns(sheet('wards', [ons]), 'wards');
    expect(columnsOf(mapping)).toEqual({
      wardCode: 'WD22CD',
      wardName: 'WD22NM',
      districtCode: 'LAD_CD',
      districtName: 'LAD_NM',
    });
    expect(mapping.ageColumns?.map((column) => [column.age, column.column])).toEqual([
      [4, 5],
      [5, 6],
      [10, 7],
      [11, 8],
      [12, 9],
    ]);
    expect(mapping.ageBandColumns).toEqual([
      { from: 10, to: 17, column: 10, header: 'age_10_17' },
      { from: 11, to: 16, column: 11, header: 'age_11_16' },
    ]);
    expect(mapping.missingRequired).toEqual([]);
  });

  test.each([
    [['WD21CD', 'WD21NM', 'LAD21CD', 'LAD21NM', 'Population 10-17']],
    [['Ward Code', 'Ward Name', 'District', 'young_population']],
    [['ward_code', 'ward_name', 'Aged 10', 'Aged 11', 'Age 12', '13']],
  ])('other spellings %p are recognised', (header) => {
    const mapping = mapColumns(sheet('wards', [header]), 'wards');
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.fields.wardCode?.column).toBe(0);
    expect(mapping.fields.wardName?.column).toBe(1);
  });

  test('single-year headers in several spellings give their ages', () => {
    const mapping = mapColumns(
      sheet('wards', [['Ward Code', 'age_10', 'Age 11', 'aged_12', '13', 'Age 14 years', '90+']]),
      'wards',
    );
    expect(mapping.ageColumns?.map((column) => column.age)).toEqual([10, 11, 12, 13, 14]);
  });
});

describe('mapColumns on the other roles', () => {
  test('a VRU list with a URN and a school name', () => {
    expect(columnsOf(mapColumns(sheet('VRU list', [['URN', 'School name', 'Contact']]), 'currentList'))).toEqual({
      urn: 'URN',
      name: 'School name',
    });
  });

  test('a postcode lookup headed like the ONS derivative (Postcode, LAT, LONG)', () => {
    const mapping = mapColumns(
      sheet('postcodes', [['Postcode', 'LAT', 'LONG', 'District', 'Built up area', 'Postcode area']]),
      'postcodes',
    );
    expect(columnsOf(mapping)).toEqual({ postcode: 'Postcode', latitude: 'LAT', longitude: 'LONG' });
    expect(mapping.missingRequired).toEqual([]);
  });

  test('pupil residence and ward vertices', () => {
    expect(
      columnsOf(
        mapColumns(sheet('Residence', [['School URN', 'Home ward code', 'Number of pupils']]), 'pupilResidence'),
      ),
    ).toEqual({
      urn: 'School URN',
      wardCode: 'Home ward code',
      pupils: 'Number of pupils',
    });
    expect(
      columnsOf(
        mapColumns(sheet('Vertices', [['WD22CD', 'WD22NM', 'part', 'ring', 'order', 'x', 'y']]), 'wardVertices'),
      ),
    ).toEqual({
      wardCode: 'WD22CD',
      wardName: 'WD22NM',
      part: 'part',
      ring: 'ring',
      order: 'order',
      x: 'x',
      y: 'y',
    });
  });

  test('an empty sheet maps nothing and scores 0', () => {
    const mapping = mapColumns(sheet('Empty', []), 'offences');
    expect(mapping.score).toBe(0);
    expect(mapping.headerRow).toBe(1);
    expect(mapping.fields).toEqual({});
  });
});

import {
  describeMapping,
  detectSheetRoles,
  mapColumns,
  parseMapOverride,
  parseSheetOverride,
} from '../../src/core/schema';
import type { CellValue, SheetData, WorkbookData } from '../../src/core/types';
import { deepFreeze } from '../validate/helpers';

const sheet = (name: string, rows: CellValue[][]): SheetData => ({ name, rows });
const OFFENCE_HEADER = [
  'Crime Ref',
  'Offender ID',
  'Offence Date',
  'Offence Type',
  'Age at Offence',
  'Offence Easting',
  'Offence Northing',
  'Home Postcode',
  'Postcode',
];
const offences = (name: string): SheetData =>
  sheet(name, [OFFENCE_HEADER, ['CR1', 'P1', '01/02/2021', 'Robbery', 15, 407000, 286000, 'B1 1AA', 'B2 4QA']]);
const gias = sheet('edubasealldata20240101', [
  [
    'URN',
    'EstablishmentName',
    'TypeOfEstablishment (name)',
    'EstablishmentStatus (name)',
    'PhaseOfEducation (name)',
    'NumberOfPupils',
    'Postcode',
    'Easting',
    'Northing',
  ],
  [103456, 'Park Hall Academy', 'Academy converter', 'Open', 'Secondary', 1200, 'B36 9BU', 415000, 290000],
]);
const wards = sheet('Ward population', [
  ['WD22CD', 'WD22NM', 'LAD_CD', 'LAD_NM', 'total_population', 'age_10', 'age_11', 'age_10_17'],
]);
const vruList = sheet('VRU list', [
  ['URN', 'School name'],
  [103456, 'Park Hall Academy'],
]);
const residence = sheet('Pupil homes', [['School URN', 'Home ward code', 'Pupils']]);
const postcodes = sheet('Postcodes', [
  ['Postcode', 'LAT', 'LONG', 'District', 'Built up area', 'Built up sub-division', 'Postcode area'],
]);
const vertices = sheet('Boundaries', [['WD22CD', 'part', 'ring', 'order', 'x', 'y']]);
const notes = sheet('Notes', [['Read me'], ['This workbook holds an extract for the VRU.']]);

describe('detectSheetRoles', () => {
  test('a full workbook gets each sheet its role, with no ambiguity', () => {
    const workbook: WorkbookData = deepFreeze({
      sheets: [notes, vruList, gias, offences('Crimes'), wards, residence, postcodes, vertices],
    });
    const detection = detectSheetRoles(workbook);
    expect(detection.assignments).toEqual({
      offences: 'Crimes',
      schools: 'edubasealldata20240101',
      wards: 'Ward population',
      pupilResidence: 'Pupil homes',
      currentList: 'VRU list',
      postcodes: 'Postcodes',
      wardVertices: 'Boundaries',
    });
    expect(detection.ambiguous).toEqual([]);
    expect(detection.issues).toEqual([]);
    expect(detection.mappings.offences?.fields.age?.header).toBe('Age at Offence');
  });

  test('a GIAS list on its own is the schools sheet, not also a postcode lookup or a current list', () => {
    const detection = detectSheetRoles({ sheets: [gias] });
    expect(detection.assignments).toEqual({ schools: 'edubasealldata20240101' });
    expect(detection.candidates.postcodes).toEqual([]);
    expect(detection.candidates.currentList).toEqual([]);
  });

  test('an offences sheet with postcode columns is not also taken for the postcode lookup', () => {
    const detection = detectSheetRoles({ sheets: [offences('Crimes 2020'), offences('Crimes 2021')] });
    expect(detection.assignments.postcodes).toBeUndefined();
  });

  test('two offence-like sheets scoring the same are reported as ambiguous, the first assigned', () => {
    const detection = detectSheetRoles({ sheets: [offences('Crimes 2020'), offences('Crimes 2021')] });
    expect(detection.assignments.offences).toBe('Crimes 2020');
    expect(detection.ambiguous).toEqual([{ role: 'offences', sheets: ['Crimes 2020', 'Crimes 2021'] }]);
    expect(detection.candidates.offences.map((candidate) => candidate.sheet)).toEqual(['Crimes 2020', 'Crimes 2021']);
  });

  test('between near-equal sheets, a name suggesting the role breaks the tie', () => {
    const detection = detectSheetRoles({ sheets: [offences('Extract A'), offences('Offences')] });
    expect(detection.assignments.offences).toBe('Offences');
    expect(detection.ambiguous).toEqual([{ role: 'offences', sheets: ['Offences', 'Extract A'] }]);
  });

  test('a clearly better sheet wins whatever the names say, with no ambiguity', () => {
    const weak = sheet('Offences', [['Crime Ref', 'Offender ID', 'Offence Date', 'Age', 'Offence Ward']]);
    const detection = detectSheetRoles({ sheets: [weak, offences('Extract')] });
    expect(detection.assignments.offences).toBe('Extract');
    expect(detection.ambiguous).toEqual([]);
  });

  test('a sheet override assigns the named sheet, and its mapping is returned', () => {
    const detection = detectSheetRoles(
      { sheets: [offences('Crimes 2020'), offences('Crimes 2021')] },
      { sheets: { offences: 'crimes 2021' } },
    );
    expect(detection.assignments.offences).toBe('Crimes 2021');
    expect(detection.mappings.offences?.sheet).toBe('Crimes 2021');
    expect(detection.ambiguous).toEqual([]);
  });

  test('a sheet override naming no sheet is a sheetMissing issue listing the sheets, and detection carries on', () => {
    const detection = detectSheetRoles({ sheets: [offences('Crimes')] }, { sheets: { offences: 'Crime' } });
    expect(detection.issues).toHaveLength(1);
    expect(detection.issues[0]).toMatchObject({ code: 'sheetMissing', severity: 'error', value: 'Crime' });
    expect(detection.issues[0].message).toContain("'Crimes'");
    expect(detection.assignments.offences).toBe('Crimes');
  });

  test('column overrides reach the mappings', () => {
    const detection = detectSheetRoles(
      { sheets: [offences('Crimes')] },
      { columns: { offences: { offenceType: 'Offence Date', offenceDate: 'Crime Ref' } } },
    );
    expect(detection.mappings.offences?.fields.offenceType).toEqual({
      column: 2,
      header: 'Offence Date',
      how: 'override',
    });
  });

  test('an empty workbook assigns nothing', () => {
    const detection = detectSheetRoles({ sheets: [] });
    expect(detection.assignments).toEqual({});
    expect(detection.candidates.offences).toEqual([]);
  });
});

describe('describeMapping', () => {
  test('lists each matched column with its letter, notes guesses, and says what is missing', () => {
    const mapping = mapColumns(
      sheet('Crimes', [
        ['Title'],
        ['Crime Ref', 'Offender ID', 'Age at Offence', 'Offence Date', 'Offender Age (years)'],
      ]),
      'offences',
    );
    const lines = describeMapping(mapping);
    expect(lines[0]).toBe("offences: sheet 'Crimes', headers on row 2");
    expect(lines).toContain("offences.age <- 'Age at Offence' (column C)");
    expect(lines).toContain("offences.offenceRef <- 'Crime Ref' (column A)");
    expect(lines.some((line) => line.startsWith('offences.offenceType: NO COLUMN FOUND'))).toBe(true);
    expect(
      lines.some(
        (line) =>
          line.startsWith('offences.homeLocation: NO COLUMN FOUND') && line.includes('homeLatitude + homeLongitude'),
      ),
    ).toBe(true);
  });

  test('a loose match asks to be checked and single-year ages are summarised as a run', () => {
    const fuzzy = mapColumns(sheet('Crimes', [['Offender Age (years)']]), 'offences');
    expect(describeMapping(fuzzy)).toContain(
      "offences.age <- 'Offender Age (years)' (column A, a guess from similar words: please check)",
    );
    const wardsMapping = mapColumns(
      sheet('W', [['WD22CD', 'WD22NM', 'age_10', 'age_11', 'age_12', 'age_10_17']]),
      'wards',
    );
    expect(describeMapping(wardsMapping)).toEqual([
      "wards: sheet 'W', headers on row 1",
      "wards.wardCode <- 'WD22CD' (column A)",
      "wards.wardName <- 'WD22NM' (column B)",
      "wards band: ages 10–17 <- 'age_10_17' (column F)",
      "wards single years: ages 10–12 <- 'age_10'…'age_12' (columns C–E)",
    ]);
  });
});

describe('parseMapOverride and parseSheetOverride', () => {
  test.each([
    ['offences.age=Age at Offence', { role: 'offences', field: 'age', header: 'Age at Offence' }],
    [' offences.age = Age at Offence ', { role: 'offences', field: 'age', header: 'Age at Offence' }],
    ["offence.homePostcode='Home PC'", { role: 'offences', field: 'homePostcode', header: 'Home PC' }],
    ['wards.youngpopulation=Pop 10=17', { role: 'wards', field: 'youngPopulation', header: 'Pop 10=17' }],
    ['current_list.name=School', { role: 'currentList', field: 'name', header: 'School' }],
  ])('%p parses', (text, expected) => {
    expect(parseMapOverride(text)).toEqual(expected);
  });

  test.each([
    ['offences.age', 'write it as role.field=Header text'],
    ['crimez.age=Age', "'crimez' is not a sheet role"],
    ['offences.agee=Age', "offences has no field 'agee'"],
    ['offences.age=', 'names no header'],
  ])('%p is an error saying %p', (text, words) => {
    const parsed = parseMapOverride(text);
    expect('error' in parsed && parsed.error).toContain(words);
  });

  test('sheet overrides', () => {
    expect(parseSheetOverride('offences=Crimes 2020')).toEqual({ role: 'offences', sheet: 'Crimes 2020' });
    expect(parseSheetOverride('vru="VRU list"')).toEqual({ role: 'currentList', sheet: 'VRU list' });
    expect(parseSheetOverride('things=Sheet1')).toHaveProperty('error');
  });
});

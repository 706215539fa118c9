import { mapColumns } from '../../src/core/schema';
import type { CellValue } from '../../src/core/types';
import { validateWards, youngPopulationSource } from '../../src/core/validate';
import { hasSharedData, readCsvSheet } from '../schema/readCsv';
import { deepFreeze, rowsExcludedByIssues, sheetOf } from './helpers';

/** Synthetic ward populations, ONS-shaped: ages 9–18 single years plus two bands. */
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
  'age_11_16',
];
// age_9..age_18 = 100..109; band 10–17 = 101+…+108 = 836; band 11–16 = 102+…+107 = 627
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
  627,
];

describe('validateWards', () => {
  const sheet = sheetOf('Wards', HEADER, [ROW]);
  const mapping = mapColumns(sheet, 'wards');

  test.each([
    [[10, 17], 836],
    [[11, 16], 627],
    [[9, 18], 1045], // 100+…+109: 10 × 104.5
    [[12, 12], 103],
  ] as [[number, number], number][])('sums the single years for band %p to %p', (band, expected) => {
    const { records, issues } = validateWards(sheet, mapping, band);
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        sourceRow: 2,
        wardCode: 'E05011118',
        wardName: 'Aston',
        districtCode: 'E08000025',
        districtName: 'Birmingham',
        youngPopulation: expected,
      },
    ]);
  });

  test('without single years, a band column with exactly the band is used', () => {
    const bandsOnly = sheetOf(
      'Wards',
      ['WD22CD', 'WD22NM', 'Population 10-17', 'Population 11-16'],
      [['E05011118', 'Aston', 836, 627]],
    );
    const bandMapping = mapColumns(bandsOnly, 'wards');
    expect(youngPopulationSource(bandMapping, [11, 16])).toEqual({
      source: { kind: 'band', column: { from: 11, to: 16, column: 3, header: 'Population 11-16' } },
    });
    expect(validateWards(bandsOnly, bandMapping, [11, 16]).records[0].youngPopulation).toBe(627);
  });

  test('when neither the single years nor the band exist, one error names the missing ages and every row is excluded', () => {
    const result = validateWards(sheet, mapping, [5, 17]);
    expect(result.records).toEqual([]);
    expect(result.rowsRead).toBe(1);
    expect(result.rowsExcluded).toBe(1);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ sheet: 'Wards', row: 1, code: 'columnMissing', severity: 'error' });
    expect(result.issues[0].message).toContain('There is no column for ages 5–8.');
    expect(result.issues[0].message).toContain('single years 9–18');
    expect(result.issues[0].message).toContain("'age_10_17' (10–17)");
  });

  test('a young population column that states no ages is used with a warning', () => {
    const plain = sheetOf('Wards', ['Ward Code', 'Ward Name', 'young_population'], [['E05011118', 'Aston', 836]]);
    const result = validateWards(plain, mapColumns(plain, 'wards'), [10, 17]);
    expect(result.records[0].youngPopulation).toBe(836);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ column: 'young_population', severity: 'warning' });
  });

  test('an override of the young population column wins over single years', () => {
    const overridden = mapColumns(sheet, 'wards', { youngPopulation: 'age_11_16' });
    expect(validateWards(sheet, overridden, [10, 17]).records[0].youngPopulation).toBe(627);
  });

  test('bad codes, bad counts, blank names and duplicates are reported on their cells', () => {
    const rows: CellValue[][] = [
      ROW,
      ['Aston', 'Aston', null, null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 6],
      ['E05011119', 'Bordesley', null, null, 1, 1, 'x', 1, 1, 1, 1, 1, 1, 1, 8, 6],
      ['E05011120', null, null, null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 6],
      ['E05011121', 'Edgbaston', null, null, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 6],
      ['e05011118 ', 'Aston again', null, null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8, 6],
    ];
    const messy = sheetOf('Wards', HEADER, rows);
    const result = validateWards(messy, mapColumns(messy, 'wards'), [10, 17]);
    expect(result.issues.map((issue) => [issue.row, issue.column, issue.value, issue.code, issue.severity])).toEqual([
      [3, 'WD22CD', 'Aston', 'invalidValue', 'error'],
      [4, 'age_11', 'x', 'notANumber', 'error'],
      [5, 'WD22NM', '', 'missingValue', 'warning'],
      [6, 'age_10', '-1', 'invalidValue', 'error'],
      [7, 'WD22CD', 'E05011118', 'duplicateRow', 'warning'],
    ]);
    expect(result.records.map((record) => [record.sourceRow, record.wardName])).toEqual([
      [2, 'Aston'],
      [5, 'E05011120'],
    ]);
    expect(result.rowsRead).toBe(result.records.length + rowsExcludedByIssues(result.issues).size);
  });

  test('a population that is not a whole number of people is an error that excludes the ward', () => {
    const rows: CellValue[][] = [
      ['E05011118', 'Aston', null, null, 100, 101, 102, 123.5, 104, 105, 106, 107, 108, 109, 836, 627],
      ['E05011119', 'Bordesley', null, null, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 836, 627],
    ];
    const fractional = sheetOf('Wards', HEADER, rows);
    const result = validateWards(fractional, mapColumns(fractional, 'wards'), [10, 17]);
    expect(result.records.map((record) => record.sourceRow)).toEqual([3]);
    expect(result.issues).toEqual([
      {
        sheet: 'Wards',
        row: 2,
        column: 'age_12',
        value: '123.5',
        severity: 'error',
        code: 'invalidValue',
        message:
          "Sheet 'Wards', row 2, column 'age_12': '123.5' is not a whole number of people (expected the population aged 12; a fraction suggests a rate or percentage column); the row is excluded.",
      },
    ]);
    // The same rule holds for a band column.
    const bands = sheetOf('Wards', ['WD22CD', 'WD22NM', 'Population 11-16'], [['E05011118', 'Aston', 627.25]]);
    const banded = validateWards(bands, mapColumns(bands, 'wards'), [11, 16]);
    expect(banded.records).toEqual([]);
    expect(banded.issues.map((issue) => issue.message)).toEqual([
      "Sheet 'Wards', row 2, column 'Population 11-16': '627.25' is not a whole number of people (expected the population aged 11–16; a fraction suggests a rate or percentage column); the row is excluded.",
    ]);
  });

  test('frozen inputs are not mutated', () => {
    const frozen = deepFreeze(sheetOf('Wards', HEADER, [ROW]));
    expect(() => validateWards(frozen, deepFreeze(mapColumns(frozen, 'wards')), [10, 17])).not.toThrow();
  });
});

const describeIfData = hasSharedData ? describe : describe.skip;
if (!hasSharedData)
  console.warn('Skipping the real West Midlands ward population tests: ../shared/data is not present.');

describeIfData('validateWards on the real ONS mid-2020 ward populations (West Midlands)', () => {
  const sheet = readCsvSheet('wm_ward22_population_mid2020.csv');
  const mapping = mapColumns(sheet, 'wards');

  test('the file is recognised as a wards sheet with no mapping', () => {
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.fields.wardCode?.header).toBe('WD22CD');
    expect(mapping.ageColumns?.map((column) => column.age)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
    ]);
  });

  test('ages 10–17 summed from single years total the 303,063 stated in the data README, over 192 wards', () => {
    const { records, issues } = validateWards(sheet, mapping, [10, 17]);
    expect(issues).toEqual([]);
    expect(records).toHaveLength(192);
    expect(records.reduce((sum, record) => sum + record.youngPopulation, 0)).toBe(303063);
  });

  test('ages 11–16 summed from single years equal each ward’s published age_11_16 column', () => {
    const bandColumn = mapping.ageBandColumns!.find((band) => band.from === 11 && band.to === 16)!.column;
    const published = new Map(sheet.rows.slice(1).map((row) => [String(row[0]), Number(row[bandColumn])]));
    const { records } = validateWards(sheet, mapping, [11, 16]);
    expect(records).toHaveLength(192);
    for (const record of records) expect(record.youngPopulation).toBe(published.get(record.wardCode));
  });
});

import { isPlausibleGridPoint, wgs84ToGrid } from '../../src/core/geo/bng';
import { detectSheetRoles, mapColumns } from '../../src/core/schema';
import type { CellValue } from '../../src/core/types';
import {
  validateCurrentList,
  validatePostcodes,
  validatePupilResidence,
  validateWardVertices,
} from '../../src/core/validate';
import { hasSharedData, readCsvSheet } from '../schema/readCsv';
import { deepFreeze, rowsExcludedByIssues, sheetOf } from './helpers';

const summary = (issues: readonly { row: number; column: string; code: string; severity: string }[]) =>
  issues.map((issue) => [issue.row, issue.column, issue.code, issue.severity]);

describe('validatePupilResidence', () => {
  const header = ['School URN', 'Home ward code', 'Pupils'];
  test('valid rows become records; bad URNs, codes, suppressed and negative counts are excluded; repeats are duplicates', () => {
    const rows: CellValue[][] = [
      [103456, 'E05011118', 120],
      [103456, 'E05011119', 0],
      ['10345', 'E05011118', 5],
      [103457, 'Aston', 5],
      [103457, 'E05011118', 'x'],
      [103457, 'E05011119', -2],
      [103457, null, 3],
      ['103456.0', 'e05011118', 7],
    ];
    const sheet = deepFreeze(sheetOf('Residence', header, rows));
    const result = validatePupilResidence(sheet, mapColumns(sheet, 'pupilResidence'));
    expect(result.records).toEqual([
      { sourceRow: 2, urn: '103456', wardCode: 'E05011118', pupils: 120 },
      { sourceRow: 3, urn: '103456', wardCode: 'E05011119', pupils: 0 },
    ]);
    expect(summary(result.issues)).toEqual([
      [4, 'School URN', 'invalidValue', 'error'],
      [5, 'Home ward code', 'invalidValue', 'error'],
      [6, 'Pupils', 'notANumber', 'error'],
      [7, 'Pupils', 'invalidValue', 'error'],
      [8, 'Home ward code', 'missingValue', 'error'],
      [9, 'Home ward code', 'duplicateRow', 'warning'],
    ]);
    expect(result.rowsRead).toBe(result.records.length + rowsExcludedByIssues(result.issues).size);
  });
});

describe('validatePupilResidence counts', () => {
  test('a count that is not a whole number of pupils excludes the row', () => {
    const sheet = sheetOf(
      'Residence',
      ['School URN', 'Home ward code', 'Pupils'],
      [
        [103456, 'E05011118', 2.5],
        [103456, 'E05011119', '12'],
      ],
    );
    const result = validatePupilResidence(sheet, mapColumns(sheet, 'pupilResidence'));
    expect(result.records).toEqual([{ sourceRow: 3, urn: '103456', wardCode: 'E05011119', pupils: 12 }]);
    expect(result.issues).toEqual([
      {
        sheet: 'Residence',
        row: 2,
        column: 'Pupils',
        value: '2.5',
        severity: 'error',
        code: 'invalidValue',
        message:
          "Sheet 'Residence', row 2, column 'Pupils': '2.5' is not a whole number of pupils; the row is excluded.",
      },
    ]);
  });
});

describe('validateCurrentList', () => {
  test('a list of URNs and names keeps either; a bad URN with a name falls back to the name; repeats are duplicates', () => {
    const rows: CellValue[][] = [
      [103456, 'Park Hall Academy'],
      [null, "St. Mary's RC"],
      ['VRU-7', 'Hillcrest School'],
      ['VRU-8', null],
      [null, 'st marys rc'],
      [103456, 'Park Hall'],
    ];
    const sheet = sheetOf('VRU list', ['URN', 'School'], rows);
    const result = validateCurrentList(sheet, mapColumns(sheet, 'currentList'));
    expect(result.records).toEqual([
      { sourceRow: 2, urn: '103456', name: 'Park Hall Academy' },
      { sourceRow: 3, name: "St. Mary's RC" },
      { sourceRow: 4, name: 'Hillcrest School' },
    ]);
    expect(summary(result.issues)).toEqual([
      [4, 'URN', 'invalidValue', 'warning'],
      [5, 'URN', 'invalidValue', 'error'],
      [6, 'School', 'duplicateRow', 'warning'],
      [7, 'URN', 'duplicateRow', 'warning'],
    ]);
    expect(result.rowsRead).toBe(result.records.length + rowsExcludedByIssues(result.issues).size);
  });

  test('a sheet of names only, under a title row, works', () => {
    const sheet = {
      name: 'VRU schools 2024',
      rows: [['Schools we work with'], ['School name'], ['Park Hall Academy'], ['Hillcrest School']],
    };
    const mapping = mapColumns(sheet, 'currentList');
    expect(mapping.headerRow).toBe(2);
    expect(validateCurrentList(sheet, mapping).records.map((record) => record.name)).toEqual([
      'Park Hall Academy',
      'Hillcrest School',
    ]);
  });
});

describe('validatePostcodes', () => {
  test('builds a lookup from standard postcodes to grid points; bad rows are excluded; the first copy wins', () => {
    const rows: CellValue[][] = [
      ['B1 1AA', 52.47666, -1.903535],
      ['b11ad', 52.47666, -1.903535],
      ['B99', 52.4, -1.9],
      ['B2 4QA', null, -1.9],
      ['B3 3AA', -1.9, 52.48],
      ['B1 1AA', 53, -2],
    ];
    const sheet = sheetOf('Postcodes', ['Postcode', 'LAT', 'LONG'], rows);
    const result = validatePostcodes(sheet, mapColumns(sheet, 'postcodes'));
    expect([...result.lookup.keys()]).toEqual(['B1 1AA', 'B1 1AD', 'B3 3AA']);
    expect(result.lookup.get('B1 1AA')).toEqual(wgs84ToGrid(-1.903535, 52.47666));
    expect(result.lookup.get('B3 3AA')).toEqual(wgs84ToGrid(-1.9, 52.48));
    expect(summary(result.issues)).toEqual([
      [4, 'Postcode', 'invalidValue', 'error'],
      [5, 'LAT', 'missingValue', 'error'],
      [6, 'LAT / LONG', 'badCoordinate', 'warning'],
      [7, 'Postcode', 'duplicateRow', 'warning'],
    ]);
  });

  test('easting and northing columns are used as they are', () => {
    const sheet = sheetOf('ONSPD', ['pcds', 'oseast1m', 'osnrth1m'], [['B1 1AA', 406500, 286700]]);
    expect(validatePostcodes(sheet, mapColumns(sheet, 'postcodes')).lookup.get('B1 1AA')).toEqual({
      easting: 406500,
      northing: 286700,
    });
  });
});

describe('validateWardVertices', () => {
  test('vertex rows become records; bad numbers, places and repeats are reported; part defaults to 1', () => {
    const rows: CellValue[][] = [
      ['E05011118', 'Aston', 0, 0, 407000, 289000],
      ['E05011118', 'Aston', 0, 1, 407100, 289000],
      ['E05011118', 'Aston', 0, 1.5, 407100, 289100],
      ['E05011118', 'Aston', 0, 2, 9e6, 289100],
      ['E05011118', 'Aston', 0, 3, -1.89, 52.5],
      ['X', 'Aston', 0, 4, 407000, 289000],
      ['E05011118', 'Aston', 0, 1, 407200, 289000],
    ];
    const sheet = sheetOf('Boundaries', ['WD22CD', 'WD22NM', 'ring', 'order', 'x', 'y'], rows);
    const result = validateWardVertices(sheet, mapColumns(sheet, 'wardVertices'));
    expect(result.records).toEqual([
      { sourceRow: 2, wardCode: 'E05011118', wardName: 'Aston', part: 1, ring: 0, order: 0, x: 407000, y: 289000 },
      { sourceRow: 3, wardCode: 'E05011118', wardName: 'Aston', part: 1, ring: 0, order: 1, x: 407100, y: 289000 },
      { sourceRow: 6, wardCode: 'E05011118', wardName: 'Aston', part: 1, ring: 0, order: 3, x: -1.89, y: 52.5 },
    ]);
    expect(summary(result.issues)).toEqual([
      [4, 'order', 'invalidValue', 'error'],
      [5, 'x / y', 'badCoordinate', 'error'],
      [7, 'WD22CD', 'invalidValue', 'error'],
      [8, 'order', 'duplicateRow', 'warning'],
    ]);
  });
});

const describeIfData = hasSharedData ? describe : describe.skip;
if (!hasSharedData) console.warn('Skipping the real West Midlands postcode tests: ../shared/data is not present.');

describeIfData('the real West Midlands postcode file', () => {
  test('is detected as the postcode lookup and every one of its 88,482 rows gives a point in the West Midlands', () => {
    const sheet = readCsvSheet('wm_postcodes.csv');
    const detection = detectSheetRoles({ sheets: [sheet] });
    expect(detection.assignments).toEqual({ postcodes: sheet.name });
    const result = validatePostcodes(sheet, detection.mappings.postcodes!);
    expect(result.rowsRead).toBe(88482); // wc -l counts 88,483 lines including the header
    expect(result.rowsRead).toBe(result.records.length + rowsExcludedByIssues(result.issues).size);
    expect(result.lookup.size).toBe(result.records.length);
    // The B, WV, DY and WS areas lie within about 330–450 km east and 240–340 km north on the grid.
    const points = [...result.lookup.values()];
    expect(points.every((point) => isPlausibleGridPoint(point.easting, point.northing))).toBe(true);
    const eastings = points.map((point) => point.easting);
    const northings = points.map((point) => point.northing);
    expect(Math.min(...eastings)).toBeGreaterThan(330000);
    expect(Math.max(...eastings)).toBeLessThan(450000);
    expect(Math.min(...northings)).toBeGreaterThan(240000);
    expect(Math.max(...northings)).toBeLessThan(340000);
  });
});

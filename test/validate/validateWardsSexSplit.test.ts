import { mapColumns } from '../../src/core/schema';
import type { ColumnMapping } from '../../src/core/schema';
import type { CellValue } from '../../src/core/types';
import { validateWards, youngPopulationSource } from '../../src/core/validate';
import { sheetOf } from './helpers';

const ENDING = 'Choose a band the sheet has, or name the population column.';

/** The one sheet-level error of a wards sheet that cannot give the band, checked for what every such message must be. */
function bandError(header: readonly CellValue[], row: readonly CellValue[], band: [number, number]): string {
  const sheet = sheetOf('Ward pop', header, [row]);
  const result = validateWards(sheet, mapColumns(sheet, 'wards'), band);
  expect(result.records).toEqual([]);
  expect(result.rowsExcluded).toBe(1);
  expect(result.issues).toHaveLength(1);
  const [issue] = result.issues;
  expect(issue).toMatchObject({
    sheet: 'Ward pop',
    row: 1,
    code: 'columnMissing',
    severity: 'error',
    remedy: { setting: 'ageBand' },
  });
  expect(
    issue.message.startsWith(`Sheet 'Ward pop', row 1: the population aged ${band[0]}–${band[1]} cannot be found.`),
  ).toBe(true);
  expect(issue.message.endsWith(ENDING)).toBe(true);
  expect(issue.message).not.toContain('--');
  expect(issue.message).not.toContain('youngPopulation=');
  return issue.message;
}

describe('validateWards with male and female single-year columns', () => {
  // Worked by hand: M10 = 3, F10 = 4, M11 = 5, F11 = 6, so ages 10–11 = 3 + 4 + 5 + 6 = 18; age 10 alone = 7; age 11 alone = 11.
  test.each([
    ['ONS SAPE, females block first', ['WD22CD', 'WD22NM', 'All Ages', 'F10', 'F11', 'M10', 'M11'], [999, 4, 6, 3, 5]],
    ['lower-case letters', ['WD22CD', 'WD22NM', 'f10', 'm10', 'f11', 'm11'], [4, 3, 6, 5]],
    [
      'Males/Females words',
      ['Ward Code', 'Ward Name', 'Males 10', 'Males 11', 'Females 10', 'Females 11'],
      [3, 5, 4, 6],
    ],
    [
      'Male age/Female age',
      ['Ward Code', 'Ward Name', 'Male age 10', 'Female age 10', 'Male age 11', 'Female age 11'],
      [3, 4, 5, 6],
    ],
    ['upper-case letters', ['WD22CD', 'WD22NM', 'M10', 'F10', 'M11', 'F11'], [3, 4, 5, 6]],
  ] as [string, string[], number[]][])('%s: band 10–11 = 18, 10–10 = 7, 11–11 = 11', (_, header, counts) => {
    const sheet = sheetOf('Wards', header, [['E05011118', 'Aston', ...counts]]);
    const mapping = mapColumns(sheet, 'wards');
    for (const [band, expected] of [
      [[10, 11], 18],
      [[10, 10], 7],
      [[11, 11], 11],
    ] as [[number, number], number][]) {
      const { records, issues } = validateWards(sheet, mapping, band);
      expect(issues).toEqual([]);
      expect(records.map((record) => record.youngPopulation)).toEqual([expected]);
    }
  });

  test('the source lists, for each age, the male then the female column', () => {
    const sheet = sheetOf('Wards', ['WD22CD', 'WD22NM', 'F10', 'F11', 'M10', 'M11'], []);
    const choice = youngPopulationSource(mapColumns(sheet, 'wards'), [10, 11]);
    expect(choice).toEqual({
      source: {
        kind: 'singleYears',
        columns: [
          { age: 10, column: 4, header: 'M10', sex: 'male' },
          { age: 10, column: 2, header: 'F10', sex: 'female' },
          { age: 11, column: 5, header: 'M11', sex: 'male' },
          { age: 11, column: 3, header: 'F11', sex: 'female' },
        ],
      },
    });
  });

  test('a sheet with both persons and male/female columns uses the persons column and does not double count', () => {
    // Persons = male + female, as in a real table: summing everything would give 36, not 18.
    const header = ['WD22CD', 'WD22NM', 'Age 10', 'Age 11', 'M10', 'F10', 'M11', 'F11'];
    const sheet = sheetOf('Wards', header, [['E05011118', 'Aston', 7, 11, 3, 4, 5, 6]]);
    const mapping = mapColumns(sheet, 'wards');
    expect(validateWards(sheet, mapping, [10, 11]).records[0].youngPopulation).toBe(18);
    const choice = youngPopulationSource(mapping, [10, 11]);
    expect(
      'source' in choice &&
        choice.source.kind === 'singleYears' &&
        choice.source.columns.map((column) => column.header),
    ).toEqual(['Age 10', 'Age 11']);
  });

  test('persons columns for some ages and a sex split for the others are combined, age by age', () => {
    // Age 10 from its persons column (70, deliberately not M10 + F10 = 7, to show which is read); age 11 = M11 + F11 = 11.
    const header = ['WD22CD', 'WD22NM', 'Age 10', 'M10', 'F10', 'M11', 'F11'];
    const sheet = sheetOf('Wards', header, [['E05011118', 'Aston', 70, 3, 4, 5, 6]]);
    expect(validateWards(sheet, mapColumns(sheet, 'wards'), [10, 11]).records[0].youngPopulation).toBe(81);
  });

  test('a bad count in a one-sex column names the column and the sex', () => {
    const sheet = sheetOf('Wards', ['WD22CD', 'WD22NM', 'M10', 'F10'], [['E05011118', 'Aston', 3, 'x']]);
    const result = validateWards(sheet, mapColumns(sheet, 'wards'), [10, 10]);
    expect(result.records).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      row: 2,
      column: 'F10',
      value: 'x',
      code: 'notANumber',
      severity: 'error',
    });
    expect(result.issues[0].message).toContain('expected the female population aged 10');
  });

  test('single years win over a band column for the same band, as before', () => {
    const sheet = sheetOf(
      'Wards',
      ['WD22CD', 'WD22NM', 'M10', 'F10', 'M11', 'F11', 'Population 10-11'],
      [['E05011118', 'Aston', 3, 4, 5, 6, 18]],
    );
    const choice = youngPopulationSource(mapColumns(sheet, 'wards'), [10, 11]);
    expect('source' in choice && choice.source.kind).toBe('singleYears');
  });

  test('with an incomplete sex split, a band column for exactly the band is used', () => {
    const sheet = sheetOf(
      'Wards',
      ['WD22CD', 'WD22NM', 'M10', 'M11', 'Population 10-11'],
      [['E05011118', 'Aston', 3, 5, 18]],
    );
    expect(validateWards(sheet, mapColumns(sheet, 'wards'), [10, 11]).records[0].youngPopulation).toBe(18);
  });
});

describe('validateWards: the message when no column gives the band', () => {
  test('persons single years with gaps and a band column: the runs present, the ages missing, what the band needs', () => {
    const message = bandError(
      ['WD22CD', 'WD22NM', 'Age 10', 'Age 11', 'Age 12', 'Age 13', 'Age 15', 'Population 10-17'],
      ['E05011118', 'Aston', 1, 1, 1, 1, 1, 8],
      [11, 16],
    );
    expect(message).toBe(
      "Sheet 'Ward pop', row 1: the population aged 11–16 cannot be found. " +
        "The sheet's population columns are: single years 10–13, 15; 'Population 10-17' (10–17). " +
        'There is no column for ages 14, 16. ' +
        "The band 11–16 needs single-year columns for ages 11 to 16, or a column for exactly 11–16; the sheet's one row cannot be used. " +
        ENDING,
    );
  });

  test('males only: every age of the band lacks its female column', () => {
    const header = ['WD22CD', 'WD22NM', ...Array.from({ length: 8 }, (_, index) => `M${10 + index}`)];
    const message = bandError(header, ['E05011118', 'Aston', 1, 1, 1, 1, 1, 1, 1, 1], [10, 17]);
    expect(message).toContain("The sheet's population columns are: male single years 10–17.");
    expect(message).toContain("Ages 10–17 have male columns ('M10'…'M17') but no female columns.");
    expect(message).toContain(
      'The band 10–17 needs single-year columns for ages 10 to 17, or a column for exactly 10–17 (a single year is a persons column, or a male and a female column added together)',
    );
    expect(message).not.toContain('There is no column');
  });

  test('females short of the males: the ages whose female column is missing are named, with the male headers', () => {
    const header = ['WD22CD', 'WD22NM', 'Males 10', 'Males 11', 'Males 12', 'Females 10'];
    const message = bandError(header, ['E05011118', 'Aston', 1, 1, 1, 1], [10, 12]);
    expect(message).toContain("The sheet's population columns are: male single years 10–12; female single year 10.");
    expect(message).toContain("Ages 11–12 have male columns ('Males 11' and 'Males 12') but no female columns.");
  });

  test('a single-age band with only its female column, and the ages around it', () => {
    const message = bandError(
      ['WD22CD', 'WD22NM', 'Age 10', 'Age 11', 'F12'],
      ['E05011118', 'Aston', 1, 1, 1],
      [12, 12],
    );
    expect(message).toContain("The sheet's population columns are: single years 10–11; female single year 12.");
    expect(message).toContain("Age 12 has a female column ('F12') but no male column.");
    expect(message).toContain('The band 12–12 needs a single-year column for age 12, or a column for exactly 12–12');
  });

  test('missing ages and a half sex split together', () => {
    const message = bandError(
      ['WD22CD', 'WD22NM', 'M10', 'F10', 'M11', 'F11', 'M12'],
      ['E05011118', 'Aston', 1, 1, 1, 1, 1],
      [10, 13],
    );
    expect(message).toContain(
      "The sheet's population columns are: male single years 10–12; female single years 10–11.",
    );
    expect(message).toContain("There is no column for age 13; age 12 has a male column ('M12') but no female column.");
  });

  test('a sheet whose male and female columns match lists them once', () => {
    const message = bandError(
      ['WD22CD', 'WD22NM', 'M10', 'F10', 'M11', 'F11'],
      ['E05011118', 'Aston', 1, 1, 1, 1],
      [10, 17],
    );
    expect(message).toContain("The sheet's population columns are: male and female single years 10–11.");
    expect(message).toContain('There is no column for ages 12–17.');
  });

  test('several rows are counted in the message', () => {
    const sheet = sheetOf(
      'Wards',
      ['WD22CD', 'WD22NM', 'Age 10'],
      [
        ['E05011118', 'Aston', 1],
        ['E05011119', 'Bordesley', 2],
      ],
    );
    const result = validateWards(sheet, mapColumns(sheet, 'wards'), [10, 11]);
    expect(result.rowsExcluded).toBe(2);
    expect(result.issues[0].message).toContain("none of the sheet's 2 rows can be used.");
  });

  test('a mapping with no population columns at all says so (reached only through a hand-made mapping)', () => {
    const sheet = sheetOf('Wards', ['WD22CD', 'WD22NM'], [['E05011118', 'Aston']]);
    const mapping: ColumnMapping = {
      ...mapColumns(sheet, 'wards'),
      missingRequired: [],
      ageColumns: [],
      ageBandColumns: [],
    };
    const [issue] = validateWards(sheet, mapping, [10, 17]).issues;
    expect(issue.message).toContain(
      "The sheet has no population columns: no header names a single year of age (such as 'Age 10', 'M10' or 'Females 10')",
    );
    expect(issue.message).not.toContain('There is no column for');
    expect(issue.message.endsWith(ENDING)).toBe(true);
    expect(issue.remedy).toEqual({ setting: 'ageBand' });
  });
});

describe('validateWards: populations no ward has', () => {
  test.each([
    ['1e308', 1e308],
    ['two million', 2_000_000],
  ])('%s residents is an error that excludes the row, naming the limit', (_, population) => {
    const sheet = sheetOf(
      'Wards',
      ['WD22CD', 'WD22NM', 'Population 10-17'],
      [
        ['E05011118', 'Aston', population],
        ['E05011119', 'Bordesley', 1200],
      ],
    );
    const { records, issues } = validateWards(sheet, mapColumns(sheet, 'wards'), [10, 17]);
    expect(records.map((record) => record.wardCode)).toEqual(['E05011119']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, column: 'Population 10-17', severity: 'error', code: 'invalidValue' });
    expect(issues[0].message).toContain(
      'is more people than any ward has (expected the population aged 10–17, at most 1,000,000)',
    );
  });
});

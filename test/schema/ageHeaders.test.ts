import { ageBandOfHeader, singleAgeOfHeader, singleYearOfHeader } from '../../src/core/schema/ageHeaders';
import { describeMapping, mapColumns } from '../../src/core/schema';
import type { SheetData } from '../../src/core/types';

const sheet = (name: string, rows: SheetData['rows']): SheetData => ({ name, rows });

describe('singleYearOfHeader', () => {
  test.each([
    // Persons (both sexes).
    ['Age 10', { age: 10 }],
    ['10', { age: 10 }],
    ['age_10', { age: 10 }],
    ['Aged 10', { age: 10 }],
    ['AGE_10', { age: 10 }],
    ['Age 10 years', { age: 10 }],
    ['0', { age: 0 }],
    // Male.
    ['M10', { age: 10, sex: 'male' }],
    ['m10', { age: 10, sex: 'male' }],
    ['Males 10', { age: 10, sex: 'male' }],
    ['Male 10', { age: 10, sex: 'male' }],
    ['Male age 10', { age: 10, sex: 'male' }],
    ['Males aged 10', { age: 10, sex: 'male' }],
    ['males_10', { age: 10, sex: 'male' }],
    ['Boys 10', { age: 10, sex: 'male' }],
    ['Age 10 Males', { age: 10, sex: 'male' }],
    // Female.
    ['F10', { age: 10, sex: 'female' }],
    ['f10', { age: 10, sex: 'female' }],
    ['Females 10', { age: 10, sex: 'female' }],
    ['Female 10', { age: 10, sex: 'female' }],
    ['Female age 10', { age: 10, sex: 'female' }],
    ['Girls 10', { age: 10, sex: 'female' }],
    ['Age 10 - Female', { age: 10, sex: 'female' }],
    ['F0', { age: 0, sex: 'female' }],
  ])('%p is a single year: %p', (header, expected) => {
    expect(singleYearOfHeader(header)).toEqual(expected);
  });

  test.each([
    'Age 90+',
    '90+',
    'M90+',
    'F90+',
    'Males 90+', // open-ended: not a single year
    'age_10_17',
    'Population 10-17',
    'Males 10-17',
    'Ages 10 to 17', // bands
    'Rate age 10',
    '% female 10',
    'Female share 10',
    'Change age 10', // not head counts
    'Male',
    'Females',
    'M',
    'F',
    'Total males',
    'All Ages',
    'total_population',
    'Population', // no age
    'WD22CD',
    'LAD_CD',
    'E05011118',
    'Mid-2020',
    'Age 121',
    'Pop 10',
  ])('%p is not a single year', (header) => {
    expect(singleYearOfHeader(header)).toBeUndefined();
  });

  test('singleAgeOfHeader reads persons columns only; a one-sex column is not a persons count', () => {
    expect(singleAgeOfHeader('Aged 10')).toBe(10);
    expect(singleAgeOfHeader('M10')).toBeUndefined();
    expect(singleAgeOfHeader('Females 10')).toBeUndefined();
  });

  test('a band column must count everyone: one-sex bands are not bands', () => {
    expect(ageBandOfHeader('Population 10-17')).toEqual({ from: 10, to: 17 });
    expect(ageBandOfHeader('Males 10-17')).toBeUndefined();
    expect(ageBandOfHeader('Female 10-17')).toBeUndefined();
  });
});

describe('mapColumns on sex-split single years', () => {
  const maleFemale10and11 = (mapping: ReturnType<typeof mapColumns>): [number, string | undefined, string][] =>
    (mapping.ageColumns ?? []).map((column) => [column.age, column.sex, column.header]);

  test.each([
    [
      ['WD22CD', 'WD22NM', 'All Ages', 'F10', 'F11', 'M10', 'M11'],
      ['M10', 'F10', 'M11', 'F11'],
    ],
    [
      ['WD22CD', 'WD22NM', 'f10', 'f11', 'm10', 'm11'],
      ['m10', 'f10', 'm11', 'f11'],
    ],
    [
      ['Ward Code', 'Ward Name', 'Males 10', 'Males 11', 'Females 10', 'Females 11'],
      ['Males 10', 'Females 10', 'Males 11', 'Females 11'],
    ],
    [
      ['Ward Code', 'Ward Name', 'Male age 10', 'Female age 10', 'Male age 11', 'Female age 11'],
      ['Male age 10', 'Female age 10', 'Male age 11', 'Female age 11'],
    ],
  ])('%p gives male and female columns for ages 10 and 11', (header, expected) => {
    const mapping = mapColumns(sheet('Wards', [header]), 'wards');
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.fields.wardCode?.column).toBe(0);
    expect(mapping.fields.wardName?.column).toBe(1);
    expect(maleFemale10and11(mapping)).toEqual([
      [10, 'male', expected[0]],
      [10, 'female', expected[1]],
      [11, 'male', expected[2]],
      [11, 'female', expected[3]],
    ]);
    for (const column of mapping.ageColumns ?? []) expect(header[column.column]).toBe(column.header);
  });

  test('persons and one-sex columns of the same age are all kept, persons first, each with its own column', () => {
    const mapping = mapColumns(sheet('Wards', [['WD22CD', 'WD22NM', 'M10', 'F10', 'Age 10']]), 'wards');
    expect(mapping.ageColumns).toEqual([
      { age: 10, column: 4, header: 'Age 10' },
      { age: 10, column: 2, header: 'M10', sex: 'male' },
      { age: 10, column: 3, header: 'F10', sex: 'female' },
    ]);
  });

  test('a wards sheet of only male columns still counts as giving a population (the band check says what is missing)', () => {
    const mapping = mapColumns(sheet('Wards', [['WD22CD', 'WD22NM', 'M10', 'M11']]), 'wards');
    expect(mapping.missingRequired).toEqual([]);
    expect(mapping.ageColumns?.map((column) => column.sex)).toEqual(['male', 'male']);
  });
});

describe('describeMapping on single-year columns', () => {
  test('persons columns are described as before', () => {
    const lines = describeMapping(
      mapColumns(sheet('Wards', [['WD22CD', 'WD22NM', 'age_10', 'age_11', 'age_12']]), 'wards'),
    );
    expect(lines).toContain("wards single years: ages 10–12 <- 'age_10'…'age_12' (columns C–E)");
    expect(lines.filter((line) => line.includes('male'))).toEqual([]);
  });

  test('a sex split in blocks says each block and that male and female are added together', () => {
    const lines = describeMapping(
      mapColumns(sheet('Wards', [['WD22CD', 'WD22NM', 'All Ages', 'F10', 'F11', 'M10', 'M11']]), 'wards'),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        "wards single years (male): ages 10–11 <- 'M10'…'M11' (columns F–G)",
        "wards single years (female): ages 10–11 <- 'F10'…'F11' (columns D–E)",
        'wards single years: male + female added together for ages 10–11',
      ]),
    );
  });

  test('alternating male and female columns are one run each', () => {
    const lines = describeMapping(
      mapColumns(sheet('Wards', [['WD22CD', 'WD22NM', 'M10', 'F10', 'M11', 'F11', 'M12', 'F12']]), 'wards'),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        "wards single years (male): ages 10–12 <- 'M10'…'M12' (every second column from C to G)",
        "wards single years (female): ages 10–12 <- 'F10'…'F12' (every second column from D to H)",
      ]),
    );
  });

  test('persons columns next to a sex split are said to be used instead, and an unpaired sex is flagged', () => {
    const lines = describeMapping(
      mapColumns(sheet('Wards', [['WD22CD', 'WD22NM', 'Age 10', 'M10', 'F10', 'M11', 'F11', 'M12']]), 'wards'),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        "wards single year: age 10 <- 'Age 10' (column C)",
        'wards single years: male + female added together for age 11',
        'wards single years: age 10 also has a persons column, used instead of male + female so nobody is counted twice',
        'wards single years: age 12 has no female column, so cannot be counted',
      ]),
    );
  });
});

import { ageBandOfHeader, singleYearOfHeader } from '../../src/core/schema/ageHeaders';
import { mapColumns } from '../../src/core/schema';
import { validateWards } from '../../src/core/validate';
import { hasSharedData, readCsvSheet } from './readCsv';

const describeIfData = hasSharedData ? describe : describe.skip;
if (!hasSharedData) console.warn('Skipping the real ONS population header tests: ../shared/data is not present.');

/** The header row of a shared data file, as text (nothing of the file is kept beyond the test run). */
const headersOf = (fileName: string): string[] => (readCsvSheet(fileName, { maxRows: 0 }).rows[0] ?? []).map(String);

describeIfData('age headers of the real ONS mid-2020 population files', () => {
  test('ward populations: age_4…age_18 are persons single years, age_10_17 and age_11_16 are bands, nothing else is an age', () => {
    const headers = headersOf('wm_ward22_population_mid2020.csv');
    const years = headers.flatMap((header) => {
      const year = singleYearOfHeader(header);
      return year ? [[header, year] as const] : [];
    });
    expect(years).toEqual(Array.from({ length: 15 }, (_, index) => [`age_${4 + index}`, { age: 4 + index }]));
    expect(headers.filter((header) => ageBandOfHeader(header) !== undefined)).toEqual(['age_10_17', 'age_11_16']);
  });

  test('LSOA single years of age: 0…89 are persons single years, the open-ended 90+ is not', () => {
    const headers = headersOf('wm_lsoa11_population_mid2020_syoa.csv');
    expect(headers).toContain('90+');
    expect(singleYearOfHeader('90+')).toBeUndefined();
    const ages = headers.map((header) => singleYearOfHeader(header)).filter((year) => year !== undefined);
    expect(ages).toEqual(Array.from({ length: 90 }, (_, age) => ({ age })));
    expect(headers.filter((header) => ageBandOfHeader(header) !== undefined)).toEqual([]);
  });

  test('the real ward file asked for a band it cannot give names its single years and bands, and what the band needs', () => {
    const sheet = readCsvSheet('wm_ward22_population_mid2020.csv', { maxRows: 5 });
    const { issues } = validateWards(sheet, mapColumns(sheet, 'wards'), [0, 17]);
    expect(issues).toHaveLength(1);
    expect(issues[0].remedy).toEqual({ setting: 'ageBand' });
    expect(issues[0].message).toContain(
      "The sheet's population columns are: single years 4–18; 'age_10_17' (10–17); 'age_11_16' (11–16). There is no column for ages 0–3.",
    );
    expect(issues[0].message).toContain(
      'The band 0–17 needs single-year columns for ages 0 to 17, or a column for exactly 0–17',
    );
    expect(issues[0].message.endsWith('Choose a band the sheet has, or name the population column.')).toBe(true);
  });
});

import { detectSheetRoles, mapColumns } from '../../src/core/schema';
import { hasSharedData, readCsvSheet } from './readCsv';

const describeIfData = hasSharedData ? describe : describe.skip;
if (!hasSharedData) console.warn('Skipping the real West Midlands schema tests: ../shared/data is not present.');

describeIfData('header detection on the real West Midlands open data', () => {
  // The first 30 rows of each file are enough to detect headers.
  const wards = readCsvSheet('wm_ward22_population_mid2020.csv', { maxRows: 30 });
  const postcodes = readCsvSheet('wm_postcodes.csv', { maxRows: 30 });
  const lookup = readCsvSheet('lsoa21_ward22_lookup_wm.csv', { maxRows: 30 });
  const lsoaPopulation = readCsvSheet('wm_lsoa11_population_mid2020_syoa.csv', { maxRows: 30 });

  test('a workbook of the four files gets the ward population as wards and the postcodes as the lookup, unambiguously', () => {
    const detection = detectSheetRoles({ sheets: [lookup, lsoaPopulation, postcodes, wards] });
    expect(detection.assignments).toEqual({ wards: wards.name, postcodes: postcodes.name });
    expect(detection.ambiguous).toEqual([]);
  });

  test('the LSOA population has single years but no ward code, so it cannot be a wards sheet', () => {
    const mapping = mapColumns(lsoaPopulation, 'wards');
    expect(mapping.missingRequired).toEqual(['wardCode']);
    expect(mapping.ageColumns?.length).toBe(90); // '0'…'89'; the open-ended '90+' is not a single year
  });

  test('the lookup file starting with a byte-order mark still has its first header read cleanly', () => {
    expect(String(lookup.rows[0][0]).charCodeAt(0)).toBe(0xfeff);
    const mapping = mapColumns(lookup, 'wards');
    expect(mapping.fields.wardCode?.header).toBe('WD22CD');
    expect(mapping.fields.districtCode?.header).toBe('LAD22CD');
    expect(mapping.missingRequired).toEqual(['youngPopulation']);
  });
});

import * as fs from 'fs';
import * as path from 'path';
import { DEMO_SHEET_NAMES, OFFENCE_HEADERS, generateDemo, type DemoData } from '../../src/demo';
import { loadRealInputs } from '../../src/demo/node';
import { boxesOf, insideWard, sheetNamed, wardsHolding } from './demoTestHelpers';

const dataDir = path.resolve(__dirname, '../../../shared/data');
const haveData =
  fs.existsSync(path.join(dataDir, 'wm_wards_dec2022.geojson')) &&
  fs.existsSync(path.join(dataDir, 'wm_ward22_population_mid2020.csv'));
const describeIfData = haveData ? describe : describe.skip;
if (!haveData) console.warn(`Skipping the real-mode demo tests: ${dataDir} is absent.`);

describeIfData('the demo on the real West Midlands wards', () => {
  let demo: DemoData;
  let inputsBefore = '';
  let inputsAfter = '';
  beforeAll(() => {
    const real = loadRealInputs(dataDir);
    inputsBefore = JSON.stringify(real);
    demo = generateDemo({ real, offences: 5000 });
    inputsAfter = JSON.stringify(real);
  });

  it('leaves the real inputs untouched', () => {
    expect(inputsAfter).toBe(inputsBefore);
  });

  it('uses the 192 real wards in 7 districts with their real codes', () => {
    expect(demo.truth.mode).toBe('real');
    expect(demo.truth.wards.count).toBe(192);
    expect(demo.truth.wards.districtCount).toBe(7);
    const districts = new Set(demo.truth.wards.boundaries.map((ward) => ward.districtCode));
    for (let code = 25; code <= 31; code += 1) expect(districts.has(`E080000${code}`)).toBe(true);
  });

  it('keeps the ONS populations: 303,063 aged 10–17 in all (the shared data README)', () => {
    const sheet = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.population);
    expect(sheet.rows).toHaveLength(193);
    const total = sheet.rows.slice(1).reduce((sum, row) => sum + (row[20] as number), 0);
    expect(total).toBe(303063);
    const people = sheet.rows.slice(1).reduce((sum, row) => sum + (row[4] as number), 0);
    expect(people).toBe(2939927);
  });

  it('converts the boundaries to British National Grid (Birmingham centre lies in a Birmingham ward)', () => {
    // Victoria Square, Birmingham is about E 406,800, N 286,900 (OS grid reference SP 068 869).
    const wards = demo.truth.wards.boundaries;
    const holding = wardsHolding(406800, 286900, wards, boxesOf(wards));
    expect(holding).toHaveLength(1);
    expect(wards.find((ward) => ward.wardCode === holding[0])!.districtName).toBe('Birmingham');
  });

  it('places synthetic offences inside the real wards the truth names', () => {
    const byCode = new Map(demo.truth.wards.boundaries.map((ward) => [ward.wardCode, ward]));
    const sheet = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.offences);
    const easting = OFFENCE_HEADERS.indexOf('Offence Easting');
    let checked = 0;
    for (const entry of demo.truth.offences.rows) {
      if (entry.faults.length > 0 || entry.row % 5 !== 0) continue;
      const cells = sheet.rows[entry.row - 1];
      expect(
        insideWard(cells[easting] as number, cells[easting + 1] as number, byCode.get(entry.offenceWardCode!)!),
      ).toBe(true);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(500);
    expect(demo.description).toMatch(/real wards/);
  });
});

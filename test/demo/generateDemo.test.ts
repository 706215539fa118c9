import type { CellValue } from '../../src/core/types';
import {
  DEMO_SHEET_NAMES,
  FORMULA_INJECTION_NAME,
  OFFENCE_FAULT_KINDS,
  OFFENCE_HEADERS,
  POPULATION_HEADERS,
  SCHOOL_HEADERS,
  generateDemo,
  type DemoData,
  type OffenceFaultKind,
} from '../../src/demo';
import { boxesOf, insideWard, rowAt, sheetNamed, wardsHolding } from './demoTestHelpers';

let demo: DemoData;

beforeAll(() => {
  demo = generateDemo();
});

const column = (name: (typeof OFFENCE_HEADERS)[number]): number => OFFENCE_HEADERS.indexOf(name);
const offencesSheet = () => sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.offences);

describe('generateDemo at the default size', () => {
  it('gives the same workbook, boundaries and truth for the same seed', () => {
    const again = generateDemo({ seed: 2024 });
    expect(again.workbook).toEqual(demo.workbook);
    expect(again.boundariesGeoJson).toEqual(demo.boundariesGeoJson);
    expect(again.truth).toEqual(demo.truth);
  });

  it('gives a different workbook for a different seed', () => {
    const other = generateDemo({ seed: 2025 });
    expect(other.workbook).not.toEqual(demo.workbook);
    const firstCodes = demo.truth.wards.boundaries.map((ward) => ward.wardName).join();
    expect(other.truth.wards.boundaries.map((ward) => ward.wardName).join()).not.toBe(firstCodes);
  });

  it('has the seven sheets with the documented names, Notes first', () => {
    expect(demo.workbook.sheets.map((sheet) => sheet.name)).toEqual([
      'Notes',
      'Offences 2023-24',
      'GIAS schools',
      'Ward population',
      'Pupil residence',
      'VRU current list',
      'Ward boundaries',
    ]);
  });

  it('has 190 wards in 7 districts with E059/E089 codes, one enclave and one two-part ward', () => {
    const wards = demo.truth.wards.boundaries;
    expect(wards).toHaveLength(190);
    expect(new Set(wards.map((ward) => ward.districtCode)).size).toBe(7);
    for (const ward of wards) {
      expect(ward.wardCode).toMatch(/^E059\d{5}$/);
      expect(ward.districtCode).toMatch(/^E0890000[1-7]$/);
    }
    expect(new Set(wards.map((ward) => ward.wardCode)).size).toBe(190);
    expect(new Set(wards.map((ward) => ward.wardName)).size).toBe(190);
    expect(demo.truth.wards.enclave).not.toBeNull();
    expect(demo.truth.wards.multiPolygonWardCodes.length).toBeGreaterThanOrEqual(1);
  });

  it('has 400 schools: 300 primary, 75 secondary and a few all-through, special and PRU', () => {
    const sheet = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.schools);
    expect(sheet.rows[2]).toEqual([...SCHOOL_HEADERS]);
    const body = sheet.rows.slice(3);
    expect(body).toHaveLength(400);
    const phase = SCHOOL_HEADERS.indexOf('PhaseOfEducation (name)');
    const type = SCHOOL_HEADERS.indexOf('TypeOfEstablishment (name)');
    const count = (predicate: (row: readonly CellValue[]) => boolean) => body.filter(predicate).length;
    expect(count((row) => row[phase] === 'Primary')).toBe(300);
    expect(count((row) => row[phase] === 'Secondary')).toBe(75);
    expect(count((row) => row[phase] === 'All-through')).toBe(5);
    expect(count((row) => row[phase] === 'Not applicable' && /special/i.test(String(row[type])))).toBe(12);
    expect(count((row) => row[phase] === 'Not applicable' && /referral|alternative/i.test(String(row[type])))).toBe(8);
    const urns = body.map((row) => row[0]);
    expect(urns.every((urn) => typeof urn === 'number' && urn >= 900001 && urn <= 999999)).toBe(true);
    expect(new Set(urns).size).toBe(400);
  });

  it('has 20,000 generated offence rows, plus one extra row per duplicate and per blank row', () => {
    const sheet = offencesSheet();
    const { faults, generated, rows } = demo.truth.offences;
    expect(generated).toBe(20000);
    expect(sheet.rows[0]).toEqual([...OFFENCE_HEADERS]);
    expect(rows).toHaveLength(20000 + faults.duplicateRow.length);
    expect(sheet.rows.length - 1).toBe(20000 + faults.duplicateRow.length + faults.blankRow.length);
  });
});

describe('the truth adds up', () => {
  it('numbers the non-blank rows 2.. without gaps except at the blank rows', () => {
    const { rows, faults } = demo.truth.offences;
    const used = new Set([...rows.map((row) => row.row), ...faults.blankRow]);
    const last = offencesSheet().rows.length;
    expect(used.size).toBe(last - 1);
    for (let row = 2; row <= last; row += 1) expect(used.has(row)).toBe(true);
  });

  it('plants every fault kind, about faultRate of the rows in all, each row at most once', () => {
    const { faults } = demo.truth.offences;
    const all: number[] = [];
    for (const kind of OFFENCE_FAULT_KINDS) {
      expect(faults[kind].length).toBeGreaterThan(0);
      all.push(...faults[kind]);
    }
    expect(new Set(all).size).toBe(all.length);
    // 3% of 20,000 = 600, shared by 13 kinds: 46 each (598 in all).
    expect(all.length).toBeGreaterThanOrEqual(540);
    expect(all.length).toBeLessThanOrEqual(660);
  });

  it('lists each row with its faults consistently with the fault index', () => {
    const { rows, faults } = demo.truth.offences;
    const fromRows = new Map<OffenceFaultKind, number[]>();
    for (const row of rows) for (const kind of row.faults) fromRows.set(kind, [...(fromRows.get(kind) ?? []), row.row]);
    for (const kind of OFFENCE_FAULT_KINDS) {
      if (kind === 'blankRow') continue;
      expect(fromRows.get(kind) ?? []).toEqual(faults[kind]);
    }
  });

  it('counts offences by ward over non-duplicate rows with a readable location', () => {
    const { rows, countByOffenceWard } = demo.truth.offences;
    const total = Object.values(countByOffenceWard).reduce((sum, count) => sum + count, 0);
    const expected = rows.filter((row) => row.offenceWardCode !== null && !row.faults.includes('duplicateRow')).length;
    expect(total).toBe(expected);
    // Every row but the out-of-area and bad-coordinate ones, and the duplicates: 20,000 − 2 × 46.
    expect(total).toBe(
      20000 - demo.truth.offences.faults.offenceOutsideArea.length - demo.truth.offences.faults.badCoordinate.length,
    );
  });

  it('has repeat offenders and co-offended crimes', () => {
    expect(demo.truth.offences.distinctOffenders).toBeLessThan(demo.truth.offences.generated * 0.8);
    expect(demo.truth.offences.distinctCrimeNumbers).toBeLessThan(demo.truth.offences.generated);
  });
});

describe('each injected fault is in the sheet at its recorded row', () => {
  const at = (row: number) => rowAt(offencesSheet(), row);
  const truthAt = (row: number) => {
    const found = demo.truth.offences.rows.find((entry) => entry.row === row);
    if (!found) throw new Error(`no truth for row ${row}`);
    return found;
  };
  const serialOf = (date: Date) => Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86400000);

  it('missing ages are blank', () => {
    for (const row of demo.truth.offences.faults.missingAge) expect(at(row)[column('Age at Offence')]).toBeNull();
  });

  it("unknown ages are text such as 'unknown'", () => {
    for (const row of demo.truth.offences.faults.unknownAge)
      expect(String(at(row)[column('Age at Offence')])).toMatch(/^unknown$/i);
  });

  it('impossible ages are numbers no person can be', () => {
    for (const row of demo.truth.offences.faults.impossibleAge) {
      const age = at(row)[column('Age at Offence')];
      expect(typeof age).toBe('number');
      expect((age as number) < 0 || (age as number) > 120).toBe(true);
    }
  });

  it('unparseable dates are text that is no real date', () => {
    for (const row of demo.truth.offences.faults.unparseableDate) {
      const value = at(row)[column('Committed Date')];
      expect(typeof value).toBe('string');
      const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value as string);
      if (dmy) {
        const date = new Date(Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1])));
        expect(date.getUTCDate() === Number(dmy[1]) && date.getUTCMonth() === Number(dmy[2]) - 1).toBe(false);
      }
    }
  });

  it('serial dates are the Excel serial of the true date (days since 30 Dec 1899)', () => {
    for (const row of demo.truth.offences.faults.serialDate) {
      const value = at(row)[column('Committed Date')];
      expect(value).toBe(serialOf(truthAt(row).date));
      // The financial year 2023-24: 1 Apr 2023 is serial 45017, 31 Mar 2024 is 45382.
      expect(value as number).toBeGreaterThanOrEqual(45017);
      expect(value as number).toBeLessThanOrEqual(45382);
    }
  });

  it('text dates read as the true date, dd/mm/yyyy or ISO', () => {
    for (const row of demo.truth.offences.faults.textDate) {
      const value = String(at(row)[column('Committed Date')]);
      const truth = truthAt(row).date;
      const iso = truth.toISOString().slice(0, 10);
      const [year, month, day] = iso.split('-');
      expect([iso, `${day}/${month}/${year}`]).toContain(value);
    }
  });

  it('other dates are Date objects inside the financial year 2023-24', () => {
    const special = new Set([
      ...demo.truth.offences.faults.serialDate,
      ...demo.truth.offences.faults.textDate,
      ...demo.truth.offences.faults.unparseableDate,
    ]);
    for (const entry of demo.truth.offences.rows) {
      if (special.has(entry.row)) continue;
      const value = at(entry.row)[column('Committed Date')];
      expect(value).toBeInstanceOf(Date);
      expect((value as Date).getTime()).toBeGreaterThanOrEqual(Date.UTC(2023, 3, 1));
      expect((value as Date).getTime()).toBeLessThan(Date.UTC(2024, 3, 1));
    }
  });

  it('bad coordinates are text in Offence Easting', () => {
    for (const row of demo.truth.offences.faults.badCoordinate) {
      const value = at(row)[column('Offence Easting')];
      expect(typeof value).toBe('string');
      expect(Number.isFinite(Number(value))).toBe(false);
    }
  });

  it('out-of-area offences lie in no ward', () => {
    const wards = demo.truth.wards.boundaries;
    const boxes = boxesOf(wards);
    for (const row of demo.truth.offences.faults.offenceOutsideArea) {
      const easting = at(row)[column('Offence Easting')] as number;
      const northing = at(row)[column('Offence Northing')] as number;
      expect(wardsHolding(easting, northing, wards, boxes)).toEqual([]);
    }
  });

  it('unknown home wards have no coordinates and a code no ward has', () => {
    const codes = new Set(demo.truth.wards.boundaries.map((ward) => ward.wardCode));
    for (const row of demo.truth.offences.faults.unknownHomeWard) {
      const cells = at(row);
      expect(cells[column('Home Easting')]).toBeNull();
      expect(cells[column('Home Northing')]).toBeNull();
      expect(cells[column('Home Ward Code')]).toBe('E05999999');
      expect(codes.has('E05999999')).toBe(false);
    }
  });

  it('unknown school URNs are not in the schools sheet', () => {
    const schools = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.schools)
      .rows.slice(3)
      .map((row) => row[0]);
    for (const row of demo.truth.offences.faults.unknownSchoolUrn) {
      const urn = at(row)[column('School URN')];
      expect(typeof urn).toBe('number');
      expect(schools).not.toContain(urn);
    }
  });

  it('mismatched home ward codes name a real ward that does not hold the home coordinates', () => {
    const byCode = new Map(demo.truth.wards.boundaries.map((ward) => [ward.wardCode, ward]));
    for (const row of demo.truth.offences.faults.homeWardMismatch) {
      const cells = at(row);
      const ward = byCode.get(String(cells[column('Home Ward Code')]));
      expect(ward).toBeDefined();
      const easting = cells[column('Home Easting')] as number;
      const northing = cells[column('Home Northing')] as number;
      expect(insideWard(easting, northing, ward!)).toBe(false);
      expect(insideWard(easting, northing, byCode.get(truthAt(row).homeWardCode)!)).toBe(true);
    }
  });

  it('duplicate rows repeat the row above exactly', () => {
    for (const row of demo.truth.offences.faults.duplicateRow) {
      expect(at(row)).toEqual(at(row - 1));
      expect(truthAt(row).duplicateOf).toBe(row - 1);
    }
  });

  it('blank rows are entirely empty', () => {
    for (const row of demo.truth.offences.faults.blankRow) {
      expect(at(row).every((value) => value === null)).toBe(true);
      expect(row).toBeGreaterThan(2);
      expect(row).toBeLessThan(offencesSheet().rows.length);
    }
  });
});

describe('the offences look like a police export', () => {
  it('puts clean offence and home coordinates in the wards the truth names', () => {
    const byCode = new Map(demo.truth.wards.boundaries.map((ward) => [ward.wardCode, ward]));
    const sheet = offencesSheet();
    let checked = 0;
    for (const entry of demo.truth.offences.rows) {
      if (entry.faults.length > 0 || entry.row % 7 !== 0) continue;
      const cells = rowAt(sheet, entry.row);
      const easting = cells[column('Offence Easting')] as number;
      const northing = cells[column('Offence Northing')] as number;
      expect(insideWard(easting, northing, byCode.get(entry.offenceWardCode!)!)).toBe(true);
      const homeEasting = cells[column('Home Easting')];
      if (typeof homeEasting === 'number') {
        expect(insideWard(homeEasting, cells[column('Home Northing')] as number, byCode.get(entry.homeWardCode)!)).toBe(
          true,
        );
      } else {
        expect(cells[column('Home Ward Code')]).toBe(entry.homeWardCode);
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('gives a School URN for about 60% of rows, and it is a listed school', () => {
    const shown = demo.truth.offences.rows.filter((row) => row.schoolUrnShown);
    const share = shown.length / demo.truth.offences.rows.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
  });

  it('has offenders mostly aged 10 to 19 with a tail, and ages outside 10–17 recorded', () => {
    const ages = demo.truth.offences.rows.map((row) => row.age);
    const teen = ages.filter((age) => age >= 10 && age <= 19).length / ages.length;
    expect(teen).toBeGreaterThan(0.7);
    expect(Math.max(...ages)).toBeGreaterThan(25);
    expect(demo.truth.offences.agesOutsideBand.length).toBeGreaterThan(1000);
    const sheet = offencesSheet();
    for (const row of demo.truth.offences.agesOutsideBand.slice(0, 200)) {
      const age = rowAt(sheet, row)[column('Age at Offence')] as number;
      expect(age < 10 || age > 17).toBe(true);
    }
  });

  it('uses the Home Office offence groups and Y/N weapon flags', () => {
    const sheet = offencesSheet();
    const groups = new Set(
      sheet.rows
        .slice(1)
        .map((row) => row[column('HO Offence Group')])
        .filter((value) => value !== null),
    );
    for (const group of [
      'Violence with injury',
      'Violence without injury',
      'Robbery',
      'Possession of weapons',
      'Public order',
      'Sexual offences',
    ]) {
      expect(groups.has(group)).toBe(true);
    }
    const flags = new Set(
      sheet.rows
        .slice(1)
        .map((row) => row[column('Weapon Flag')])
        .filter((value) => value !== null),
    );
    expect([...flags].sort()).toEqual(['N', 'Y']);
  });

  it('has hotspot wards well above the area-wide rate per young resident', () => {
    const counts = demo.truth.offences.countByOffenceWard;
    const young = demo.truth.wards.youngPopulation;
    const totalCount = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const totalYoung = Object.values(young).reduce((sum, count) => sum + count, 0);
    const areaRate = totalCount / totalYoung;
    // A ward at twice the area rate with ~100 offences lies far outside Poisson noise (sd ≈ 10).
    const high = Object.keys(counts).filter((code) => counts[code] >= 50 && counts[code] / young[code] > 2 * areaRate);
    expect(high.length).toBeGreaterThanOrEqual(3);
    expect(demo.truth.wards.hotspotWardCodes.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the other sheets', () => {
  it('shapes the ward population like the ONS file, with single years summing to the totals', () => {
    const sheet = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.population);
    expect(sheet.rows[0]).toEqual([...POPULATION_HEADERS]);
    expect(POPULATION_HEADERS).toEqual([
      'WD22CD',
      'WD22NM',
      'LAD_CD',
      'LAD_NM',
      'total_population',
      'age_4',
      'age_5',
      'age_6',
      'age_7',
      'age_8',
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
    ]);
    expect(sheet.rows).toHaveLength(191);
    for (const row of sheet.rows.slice(1)) {
      const byAge = (age: number) => row[5 + age - 4] as number;
      let tenToSeventeen = 0;
      for (let age = 10; age <= 17; age += 1) tenToSeventeen += byAge(age);
      let elevenToSixteen = 0;
      for (let age = 11; age <= 16; age += 1) elevenToSixteen += byAge(age);
      expect(row[20]).toBe(tenToSeventeen);
      expect(row[21]).toBe(elevenToSixteen);
      expect(tenToSeventeen).toBeGreaterThan(500);
      expect(tenToSeventeen).toBeLessThan(4000);
      expect(row[4] as number).toBeGreaterThan(tenToSeventeen);
    }
    const median = sheet.rows
      .slice(1)
      .map((row) => row[20] as number)
      .sort((a, b) => a - b)[95];
    expect(median).toBeGreaterThan(1000);
    expect(median).toBeLessThan(3000);
  });

  it('gives pupil residence for about 60% of open secondaries, adding up to about each roll', () => {
    const schools = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.schools).rows.slice(3);
    const residence = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.pupilResidence);
    expect(residence.rows[0]).toEqual(['URN', 'Home ward code', 'Pupils']);
    const wardCodes = new Set(demo.truth.wards.boundaries.map((ward) => ward.wardCode));
    const totals = new Map<number, number>();
    for (const [urn, ward, pupils] of residence.rows.slice(1)) {
      expect(wardCodes.has(String(ward))).toBe(true);
      expect(pupils as number).toBeGreaterThan(0);
      totals.set(urn as number, (totals.get(urn as number) ?? 0) + (pupils as number));
    }
    const phase = SCHOOL_HEADERS.indexOf('PhaseOfEducation (name)');
    const status = SCHOOL_HEADERS.indexOf('EstablishmentStatus (name)');
    const roll = SCHOOL_HEADERS.indexOf('NumberOfPupils');
    const openSecondary = schools.filter(
      (row) => (row[phase] === 'Secondary' || row[phase] === 'All-through') && row[status] !== 'Closed',
    );
    expect(totals.size / openSecondary.length).toBeGreaterThan(0.55);
    expect(totals.size / openSecondary.length).toBeLessThan(0.65);
    for (const [urn, total] of totals) {
      const school = schools.find((row) => row[0] === urn)!;
      expect(openSecondary).toContain(school);
      expect(total / (school[roll] as number)).toBeGreaterThan(0.9);
      expect(total / (school[roll] as number)).toBeLessThanOrEqual(1);
    }
  });

  it('puts a two-line title above the schools header and includes the formula and apostrophe names', () => {
    const sheet = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.schools);
    expect(String(sheet.rows[0][0])).toMatch(/SYNTHETIC/);
    expect(sheet.rows[1][0]).toEqual(expect.any(String));
    expect(demo.truth.headerRows[DEMO_SHEET_NAMES.schools]).toBe(3);
    const name = SCHOOL_HEADERS.indexOf('EstablishmentName');
    const names = sheet.rows.slice(3).map((row) => String(row[name]));
    expect(names).toContain(FORMULA_INJECTION_NAME);
    expect(names.some((text) => /^[=+@-]/.test(text))).toBe(true);
    expect(names).toContain("St Mary's Catholic High School");
    const formulaRow = sheet.rows.slice(3).find((row) => row[name] === FORMULA_INJECTION_NAME)!;
    expect(String(formulaRow[0])).toBe(demo.truth.schools.formulaInjectionUrn);
  });

  it('lists about 25 schools on the VRU list, one by a misspelled name without URN', () => {
    const sheet = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.currentList);
    expect(sheet.rows[0]).toEqual(['URN', 'School name']);
    const body = sheet.rows.slice(1);
    expect(body.length).toBeGreaterThanOrEqual(20);
    expect(body.length).toBeLessThanOrEqual(30);
    const nameOnly = body.filter((row) => row[0] === null);
    expect(nameOnly).toEqual([['St Marys Catholic High School']].map(([text]) => [null, text]));
    const schools = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.schools).rows.slice(3);
    for (const [urn, text] of body.filter((row) => row[0] !== null)) {
      const school = schools.find((row) => row[0] === urn);
      expect(school).toBeDefined();
      expect(school![SCHOOL_HEADERS.indexOf('EstablishmentName')]).toBe(text);
    }
    expect(demo.truth.currentList.nameOnly.urn).toBe(demo.truth.schools.apostropheUrn);
  });

  it('says in the Notes sheet that the data are synthetic, with the seed and every fault kind', () => {
    const notes = sheetNamed(demo.workbook.sheets, DEMO_SHEET_NAMES.notes);
    const text = notes.rows.map((row) => row.filter((value) => value !== null).join(' ')).join('\n');
    expect(text).toMatch(/SYNTHETIC/);
    expect(text).toMatch(/seed 2024/);
    for (const kind of OFFENCE_FAULT_KINDS) expect(text).toContain(kind);
    expect(demo.synthetic).toBe(true);
    expect(demo.description).toMatch(/synthetic/i);
  });
});

describe('generateDemo options', () => {
  it('honours smaller sizes and a zero fault rate', () => {
    const small = generateDemo({ seed: 7, wards: 40, districts: 3, schools: 60, offences: 800, faultRate: 0 });
    expect(small.truth.wards.count).toBe(40);
    expect(small.truth.wards.districtCount).toBe(3);
    expect(small.truth.schools.count).toBe(60);
    expect(small.truth.offences.rows).toHaveLength(800);
    for (const kind of OFFENCE_FAULT_KINDS) expect(small.truth.offences.faults[kind]).toEqual([]);
    expect(sheetNamed(small.workbook.sheets, DEMO_SHEET_NAMES.offences).rows).toHaveLength(801);
  });

  it('refuses impossible options with a message saying what to give', () => {
    expect(() => generateDemo({ wards: 2 })).toThrow(/wards must be a whole number of at least 3/);
    expect(() => generateDemo({ faultRate: 0.9 })).toThrow(/faultRate must be between 0 and 0.5/);
  });
});

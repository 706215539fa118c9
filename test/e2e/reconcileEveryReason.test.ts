/**
 * One workbook that gives every input sheet a row for every reason a row can be left out, run once
 * with a date window, and the Method sheet's "Rows in and out" checked sheet by sheet: rows read =
 * rows used + the rows excluded for each reason, 'Reconciles' reads Yes, and each reason has exactly
 * the rows planted for it. The expected counts are written out by hand beside the rows that cause
 * them; the offences sheet's are also worked out by the independent calculator as a cross-check.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import type { WorkbookData } from '../../src/core/types';
import {
  asObject,
  CURRENT_LIST,
  expectedFigures,
  generateRealisticExtract,
  POPULATION_AGES,
  reconciliationOf,
  rowsInAndOut,
  sheetsOf,
  writeExtract,
  type OffenceFaultPlan,
  type PlantedCell,
  type PlantedSheet,
  type RealisticExtract,
  type SheetReconciliation,
} from '../support/realisticExtract';
import { sheetNamed, tableRows } from './outputSheets';
import { runCli } from './runCli';

/** One offence row per fault (two of a few); every other row of the sheet is a clean, in-scope offence. */
const OFFENCE_FAULTS: OffenceFaultPlan = {
  missingOffenderRef: 1, // missingValue
  missingAge: 1, // missingValue
  errorOffenderRef: 1, // excelError
  errorType: 1, // excelError
  errorOffenceRef: 1, // kept: an offence of its own
  blankOffenceRef: 1, // kept: an offence of its own
  notADate: 1, // notADate
  epochDate: 1, // dateImplausible
  timeOnlyDate: 1, // dateImplausible
  futureDate: 1, // dateImplausible
  impossibleAge: 1, // ageImpossible
  textAge: 1, // notANumber
  duplicates: 2, // duplicateRow
  badOffenceCoordinate: 1, // badCoordinate
  badHomeCoordinate: 1, // badCoordinate
  ageOutsideBand: 3, // ageOutsideBand
  notViolence: 4, // offenceTypeOutOfScope
  unrecognised: 2, // offenceTypeUnclassified
  outsideWindow: 3, // dateOutsideWindow (with the window below)
  outsideArea: 2, // kept: in scope, located outside every ward
  blankRows: 1, // skipped, counted apart
};

const OFFENCES_EXCLUDED = {
  missingValue: 2,
  excelError: 2,
  notADate: 1,
  dateImplausible: 3,
  ageImpossible: 1,
  notANumber: 1,
  duplicateRow: 2,
  badCoordinate: 2,
  ageOutsideBand: 3,
  offenceTypeOutOfScope: 4,
  offenceTypeUnclassified: 2,
  dateOutsideWindow: 3,
};

/** The window: the planted offences run from 1 April 2023 to 31 March 2024; the out-of-window ones are in late 2022 and June 2024. */
const WINDOW = ['--from', '2023-04-01', '--to', '2024-04-30'];

const error = (text: string): PlantedCell => ({ error: text });

/**
 * Schools (header row 1; the generator's 12 schools are rows 2–13: Redhill has 0 pupils and no
 * pupil residence, Fernlea is primary, Westgate closed; the other 9 are ranked). Rows 14–21 added:
 */
const EXTRA_SCHOOLS: PlantedCell[][] = [
  [140013, 'Southmoor', 'Kingsbridge Academy', 'Academy converter', 'Open', 'Secondary', 11, 18, 880, 420000, 284000], // outsideArea: 10 km east of the wards
  [
    140014,
    'Northfield',
    'Northgate Free School',
    'Free schools',
    'Proposed to open',
    'Secondary',
    11,
    16,
    300,
    404500,
    285500,
  ], // closedSchool (not yet open)
  [140015, 'Southmoor', 'Elm Tree Infant School', 'Community school', 'Open', 'Primary', 4, 7, 210, 402800, 281500], // phaseOutOfScope
  [140016, 'Northfield', 'Stonebridge School', 'Community school', 'Open', 'Secondary', 11, 16, null, 408200, 286300], // schoolNotRanked: pupils blank, no residence
  [140017, 'Northfield', null, 'Community school', 'Open', 'Secondary', 11, 16, 500, 403000, 287000], // missingValue: no name
  ['14001X', 'Southmoor', 'Quayside School', 'Community school', 'Open', 'Secondary', 11, 16, 500, 403000, 281000], // invalidValue: not a URN
  [140002, 'Northfield', 'Brookfield School', 'Community school', 'Open', 'Secondary', 11, 16, 940, 403100, 283400], // duplicateRow of row 3
  [error('#N/A'), 'Southmoor', 'Harbour School', 'Community school', 'Open', 'Secondary', 11, 16, 500, 405000, 282000], // excelError: URN #N/A
];
const SCHOOLS_READ = 20;
const SCHOOLS_USED = 9;
const SCHOOLS_EXCLUDED = {
  closedSchool: 2,
  phaseOutOfScope: 2,
  schoolNotRanked: 2,
  outsideArea: 1,
  missingValue: 1,
  invalidValue: 1,
  duplicateRow: 1,
  excelError: 1,
};

/** Ward populations (title row 1, header row 2, the 20 study wards rows 3–22). Rows 23–29 added, each a copy of a study ward's row with one change: */
function extraWards(wards: PlantedSheet): PlantedCell[][] {
  const rowOf = (code: string): PlantedCell[] => [...wards.rows.find((row) => row[0] === code)!];
  const column = (age: number): number => 3 + age - POPULATION_AGES.from;
  const changed = (code: string, change: (row: PlantedCell[]) => void): PlantedCell[] => {
    const row = rowOf(code);
    change(row);
    return row;
  };
  return [
    changed('E05009001', (row) => {
      row[0] = 'E05009099';
      row[1] = 'Nowhere';
    }), // unknownWard: no boundary
    changed('E05009003', (row) => {
      row[column(12)] = 123.5;
    }), // invalidValue: not a whole number of people
    changed('E05009004', (row) => {
      row[column(14)] = 'x';
    }), // notANumber
    changed('E05009005', (row) => {
      row[column(11)] = null;
    }), // missingValue
    changed('E05009002', (row) => {
      row[0] = 'W123';
    }), // invalidValue: not a ward code
    rowOf('E05009006'), // duplicateRow
    changed('E05009007', (row) => {
      row[column(13)] = error('#N/A');
    }), // excelError
  ];
}
const WARDS_READ = 27;
const WARDS_USED = 20;
const WARDS_EXCLUDED = {
  unknownWard: 1,
  invalidValue: 2,
  notANumber: 1,
  missingValue: 1,
  duplicateRow: 1,
  excelError: 1,
};

/** Pupil residence (header row 1; the generator's rows for Ashgrove, Brookfield, Oakwood and the closed Westgate), then: */
function extraResidence(residence: PlantedSheet): PlantedCell[][] {
  return [
    [140001, 'E05009099', 12], // unknownWard: not a study ward
    [149999, 'E05009001', 7], // unknownSchool
    [140009, 'E05009001', 9], // schoolNotRanked: a primary
    [140013, 'E05009020', 30], // schoolNotRanked: Kingsbridge lies far outside the area
    [140002, 'E05009010', null], // missingValue
    [140002, 'E05009011', '<5'], // notANumber
    [140002, 'E05009012', 2.5], // invalidValue
    [...residence.rows[1]], // duplicateRow of row 2
    [140002, error('#N/A'), 4], // excelError
  ];
}

/** The current list gains a URN column (URN, School name, Notes); the generator's 8 names are rows 2–9 (all used), then: */
const EXTRA_LIST: PlantedCell[][] = [
  [null, null, 'ask about Kingsbridge'], // missingValue: neither URN nor name
  ['n/a', null, null], // invalidValue: not a URN, no name
  [error('#N/A'), null, null], // excelError
  [null, 'Brookfield Sch', null], // duplicateRow: the same name as row 3
  [140008, null, null], // used: by URN
  [140008, 'Meadowbank', null], // duplicateRow: the same URN
];
const LIST_READ = 14;
const LIST_USED = 9;
const LIST_EXCLUDED = { missingValue: 1, invalidValue: 1, excelError: 1, duplicateRow: 2 };

function everyReasonWorkbook(extract: RealisticExtract): PlantedSheet[] {
  const { schools, wards, residence, currentList } = extract.sheets;
  const withRows = (sheet: PlantedSheet, rows: PlantedCell[][]): PlantedSheet => ({
    ...sheet,
    rows: [...sheet.rows, ...rows],
  });
  const list: PlantedSheet = {
    ...currentList,
    rows: [['URN', ...currentList.rows[0]], ...currentList.rows.slice(1).map((row) => [null, ...row]), ...EXTRA_LIST],
  };
  const replaced = new Map<PlantedSheet, PlantedSheet>([
    [schools, withRows(schools, EXTRA_SCHOOLS)],
    [wards, withRows(wards, extraWards(wards))],
    [residence!, withRows(residence!, extraResidence(residence!))],
    [currentList, list],
  ]);
  return sheetsOf(extract).map((sheet) => replaced.get(sheet) ?? sheet);
}

let workdir: string;
let extract: RealisticExtract;
let workbookPath: string;

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-every-reason-'));
  extract = generateRealisticExtract({ seed: 21, crimes: 60, mix: 'clean', faults: OFFENCE_FAULTS });
  ({ workbookPath } = await writeExtract(extract, workdir, { sheets: everyReasonWorkbook(extract) }));
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

/** rows read = used + Σ excluded, the sheet's own check says Yes, and each reason has the rows planted. */
function expectReconciled(
  entry: SheetReconciliation,
  read: number,
  used: number,
  excluded: Record<string, number>,
): void {
  const sum = [...entry.reasons.values()].reduce((total, n) => total + n, 0);
  expect({
    sheet: entry.sheet,
    read: entry.read,
    used: entry.used,
    excludedTotal: entry.excludedTotal,
    reconciles: entry.reconciles,
  }).toEqual({ sheet: entry.sheet, read, used, excludedTotal: sum, reconciles: 'Yes' });
  expect(Number(entry.used) + sum).toBe(entry.read);
  expect(asObject(entry.reasons)).toEqual(asObject(new Map(Object.entries(excluded))));
}

describe('every reason a row is left out, on every input sheet', () => {
  let output: WorkbookData;
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    const outputPath = path.join(workdir, 'result.xlsx');
    run = await runCli(['analyse', workbookPath, '--out', outputPath, ...WINDOW]);
    output = await readWorkbookFile(outputPath);
  });

  it('runs, and reconciles the five input sheets with Yes', () => {
    expect(run.code).toBe(0);
    const entries = rowsInAndOut(sheetNamed(output, 'Method'));
    expect(entries.map((e) => e.role).sort()).toEqual([
      'currentList',
      'offences',
      'pupilResidence',
      'schools',
      'wards',
    ]);
    for (const entry of entries)
      expect({ sheet: entry.sheet, reconciles: entry.reconciles }).toEqual({ sheet: entry.sheet, reconciles: 'Yes' });
  });

  it("states the date window as the period in every sheet's title", () => {
    for (const sheet of output.sheets.filter((s) => s.name !== 'Catchment ledger')) {
      expect({ sheet: sheet.name, title: String(sheet.rows[0]?.[0]) }).toEqual({
        sheet: sheet.name,
        title: expect.stringContaining('(offences from 1 April 2023 to 30 April 2024; population 2020)'),
      });
    }
  });

  it('offences: every validation and scope reason, with the rows planted for it', () => {
    const entry = reconciliationOf(sheetNamed(output, 'Method'), 'offences');
    const clean = extract.offences.filter((row) => row.fault === null).length;
    const kept = OFFENCE_FAULTS.errorOffenceRef + OFFENCE_FAULTS.blankOffenceRef + OFFENCE_FAULTS.outsideArea;
    const excluded = Object.values(OFFENCES_EXCLUDED).reduce((sum, n) => sum + n, 0);
    expect(excluded).toBe(26);
    expectReconciled(entry, clean + kept + excluded, clean + kept, OFFENCES_EXCLUDED);
    expect(entry.blank).toBe(OFFENCE_FAULTS.blankRows);
    // The calculator agrees, reason by reason.
    const figures = expectedFigures(extract, {
      from: new Date(Date.UTC(2023, 3, 1)),
      to: new Date(Date.UTC(2024, 3, 30)),
    });
    expect(asObject(figures.excluded)).toEqual(asObject(new Map(Object.entries(OFFENCES_EXCLUDED))));
    expect(figures.rowsUsed).toBe(clean + kept);
  });

  it('schools: closed, not yet open, other phase, far outside the area, pupils unknown without residence, and the invalid rows', () => {
    expectReconciled(
      reconciliationOf(sheetNamed(output, 'Method'), 'schools'),
      SCHOOLS_READ,
      SCHOOLS_USED,
      SCHOOLS_EXCLUDED,
    );
    const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet').filter(
      (i) => i.Sheet === extract.sheets.schools.name,
    );
    const at = (row: number): string[] => issues.filter((i) => i.Row === row).map((i) => String(i.Code));
    expect(at(14)).toContain('outsideArea');
    expect(at(15)).toContain('closedSchool');
    // A school of another phase is left out by the scope chosen: counted in the summary, not listed.
    expect(at(16)).toEqual([]);
    const summary = tableRows(sheetNamed(output, 'Validation'), 'Input sheet');
    expect(
      summary
        .filter(
          (line) => line['Input sheet'] === extract.sheets.schools.name && line.Problem === 'school phase not ranked',
        )
        .map((line) => [line.Rows, line['Listed below']]),
    ).toEqual([[SCHOOLS_EXCLUDED.phaseOutOfScope, 'no: counted only']]);
    expect(at(17)).toContain('schoolNotRanked');
    expect(at(8)).toContain('schoolNotRanked');
  });

  it('wards: no boundary, a fractional population, and the other invalid rows', () => {
    expectReconciled(reconciliationOf(sheetNamed(output, 'Method'), 'wards'), WARDS_READ, WARDS_USED, WARDS_EXCLUDED);
    const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet').filter(
      (i) => i.Sheet === extract.sheets.wards.name,
    );
    expect(issues.filter((i) => i.Row === 24).map((i) => [i.Column, i.Code, i.Severity])).toContainEqual([
      'Age 12',
      'invalidValue',
      'error',
    ]);
    expect(issues.filter((i) => i.Row === 23).map((i) => i.Code)).toContain('unknownWard');
  });

  it('pupil residence: unknown ward, unknown school, school not ranked, and the invalid rows', () => {
    const closedRows = extract.residence.filter((row) => row.urn === '140010').length;
    expect(closedRows).toBeGreaterThan(0);
    const read = extract.residence.length + 9;
    const used = extract.residence.length - closedRows;
    expectReconciled(reconciliationOf(sheetNamed(output, 'Method'), 'pupilResidence'), read, used, {
      schoolNotRanked: closedRows + 2,
      unknownWard: 1,
      unknownSchool: 1,
      missingValue: 1,
      notANumber: 1,
      invalidValue: 1,
      duplicateRow: 1,
      excelError: 1,
    });
  });

  it('current list: an empty entry, a bad URN, an Excel error and repeated entries', () => {
    expect(CURRENT_LIST).toHaveLength(8);
    expectReconciled(
      reconciliationOf(sheetNamed(output, 'Method'), 'currentList'),
      LIST_READ,
      LIST_USED,
      LIST_EXCLUDED,
    );
  });
});

describe('the date window', () => {
  it('counts an offence with a time of day on the --to day (the last offence date counted)', async () => {
    // The latest clean offence that carries a time of day; the window ends on its day.
    const timed = extract.offences
      .filter((row) => row.fault === null && row.date instanceof Date && row.date.getTime() % 86_400_000 !== 0)
      .sort((a, b) => (b.date as Date).getTime() - (a.date as Date).getTime())[0];
    const lastDay = (timed.date as Date).toISOString().slice(0, 10);
    const outputPath = path.join(workdir, 'window-to.xlsx');
    const run = await runCli(['analyse', workbookPath, '--out', outputPath, '--from', '2023-04-01', '--to', lastDay]);
    expect(run.code).toBe(0);
    const output = await readWorkbookFile(outputPath);
    const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet').filter(
      (i) => i.Sheet === extract.sheets.offences.name && i.Row === timed.row,
    );
    expect({ row: timed.row, day: lastDay, problems: issues.map((i) => i.Code) }).toEqual({
      row: timed.row,
      day: lastDay,
      problems: [],
    });
    const figures = expectedFigures(extract, {
      from: new Date(Date.UTC(2023, 3, 1)),
      to: new Date(`${lastDay}T00:00:00Z`),
    });
    const entry = reconciliationOf(sheetNamed(output, 'Method'), 'offences');
    expect(entry.used).toBe(figures.rowsUsed);
    expect(entry.reasons.get('dateOutsideWindow') ?? 0).toBe(figures.excluded.get('dateOutsideWindow') ?? 0);
  });
});

/**
 * End to end: the command line on a generated workbook, read back. Expected figures come from the
 * generator's own record of what it planted (its `truth`), never from the engine's output.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { generateDemo, FORMULA_INJECTION_NAME } from '../../src/demo';
import type { DemoData } from '../../src/demo';
import { writeDemoFiles } from '../../src/demo/node';
import { readWorkbookFile, writeWorkbookDataFile } from '../../src/workbook/xlsx';
import type { WorkbookData } from '../../src/core/types';
import { sheetNamed, tableRows } from './outputSheets';
import { OUTPUT_SHEETS, runCli } from './runCli';

const THRESHOLD = 5;
const EXCLUDING_FAULTS = new Set([
  'missingAge',
  'unknownAge',
  'impossibleAge',
  'unparseableDate',
  'badCoordinate',
  'duplicateRow',
]);
/** The demo's types outside the Home Office violence groups (Public order offences; Sexual offences): not counted by default. */
const NOT_VIOLENCE = new Set(['Public order', 'Sexual offences']);

let workdir: string;
let demo: DemoData;
let inputPath: string;
let boundariesPath: string;

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-e2e-'));
  demo = generateDemo({ seed: 11, offences: 4000 });
  ({ workbookPath: inputPath, boundariesPath } = await writeDemoFiles(demo, workdir));
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

describe('catchment analyse on a generated workbook', () => {
  let outputPath: string;
  let output: WorkbookData;
  let inputHashBefore: string;
  let result: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    outputPath = path.join(workdir, 'result.xlsx');
    inputHashBefore = sha256(inputPath);
    result = await runCli([
      'analyse',
      inputPath,
      '--out',
      outputPath,
      '--boundaries',
      boundariesPath,
      '--threshold',
      String(THRESHOLD),
      '--simulations',
      '200',
    ]);
    output = await readWorkbookFile(outputPath);
  });

  it('exits 0 and prints the mapping it chose and a summary', () => {
    expect(result.stderr).toContain("offences.age <- 'Age at Offence'");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/schools ranked/);
  });

  it('leaves the input workbook byte-identical', () => {
    expect(sha256(inputPath)).toBe(inputHashBefore);
  });

  it("writes every result sheet, each non-empty, and nothing of the analyst's", () => {
    expect(output.sheets.map((s) => s.name)).toEqual(OUTPUT_SHEETS);
    for (const sheet of output.sheets.filter((s) => s.name !== 'Catchment ledger'))
      expect(sheet.rows.length).toBeGreaterThan(3);
  });

  it('counts distinct offences by ward exactly as planted (faulty rows, ages outside 10–17 and non-violent types left out)', () => {
    // A co-offended crime is several rows with one crime number: one offence. The demo's offenders
    // of one crime share its location, so each crime lies in one ward.
    const crimesByWard = new Map<string, Set<string>>();
    for (const row of demo.truth.offences.rows) {
      if (row.faults.some((fault) => EXCLUDING_FAULTS.has(fault)) || NOT_VIOLENCE.has(row.offenceType)) continue;
      if (row.age < 10 || row.age > 17 || row.offenceWardCode === null) continue;
      const crimes = crimesByWard.get(row.offenceWardCode) ?? new Set<string>();
      crimes.add(row.crimeNumber);
      crimesByWard.set(row.offenceWardCode, crimes);
    }
    const expected = new Map([...crimesByWard].map(([ward, crimes]) => [ward, crimes.size]));
    const rowsPerCrime = new Map<string, number>();
    for (const row of demo.truth.offences.rows)
      rowsPerCrime.set(row.crimeNumber, (rowsPerCrime.get(row.crimeNumber) ?? 0) + 1);
    expect([...rowsPerCrime.values()].some((rows) => rows > 1)).toBe(true); // the demo does plant co-offending
    const wards = tableRows(sheetNamed(output, 'Wards'), 'Ward code');
    expect(wards).toHaveLength(demo.truth.wards.count);
    let compared = 0;
    for (const ward of wards) {
      const planted = expected.get(String(ward['Ward code'])) ?? 0;
      if (planted >= 1 && planted < THRESHOLD) expect(ward.Offences).toBe('[c]');
      else if (ward.Offences !== '[c]') {
        expect(ward.Offences).toBe(planted);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('publishes no count from 1 to threshold−1, and hides what is derived from a hidden count', () => {
    const wards = tableRows(sheetNamed(output, 'Wards'), 'Ward code');
    const schools = tableRows(sheetNamed(output, 'Schools'), 'Rank');
    // Young offenders attending each school are left out of the shared workbook by default (--show-attending adds them).
    expect(schools.length).toBeGreaterThan(0);
    expect(schools.filter((s) => 'Young offenders attending' in s)).toEqual([]);
    const published = wards.flatMap((w) => [w.Offences, w['Young offenders resident']]);
    for (const value of published) {
      expect(value === '[c]' || (typeof value === 'number' && (value === 0 || value >= THRESHOLD))).toBe(true);
    }
    expect(published).toContain('[c]');
    for (const ward of wards.filter((w) => w.Offences === '[c]')) {
      expect([
        ward['Offence rate per 1,000'],
        ward['Offence rate lower CI'],
        ward['Offence rate upper CI'],
        ward['Offences vs area'],
      ]).toEqual(['[c]', '[c]', '[c]', '[c]']);
    }
  });

  it('reconciles rows in and out of the offences sheet with the rows actually in it', () => {
    const method = sheetNamed(output, 'Method');
    const offenceRow = method.rows.find((row) => row[0] === demo.truth.sheetNames.offences && row[1] === 'offences')!;
    const [, , read, used, excluded, reconciles, blank] = offenceRow;
    // Non-blank data rows below the header, counted from the generator's record of the sheet.
    expect(read).toBe(demo.truth.offences.rows.length);
    expect(blank).toBe(demo.truth.offences.faults.blankRow.length);
    expect(Number(used) + Number(excluded)).toBe(read);
    expect(reconciles).toBe('Yes');
    const planted = demo.truth.offences.rows.filter(
      (row) =>
        !row.faults.some((f) => EXCLUDING_FAULTS.has(f)) &&
        row.age >= 10 &&
        row.age <= 17 &&
        !NOT_VIOLENCE.has(row.offenceType),
    ).length;
    expect(used).toBe(planted);
    for (const row of method.rows.filter((r) => typeof r[5] === 'string' && /^(Yes|NO)$/.test(String(r[5]))))
      expect(row[5]).toBe('Yes');
  });

  it('reports every planted fault on the Validation sheet by sheet, row and column', () => {
    const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet');
    const at = (row: number) => issues.filter((i) => i.Sheet === demo.truth.sheetNames.offences && i.Row === row);
    const faults = demo.truth.offences.faults;
    for (const row of faults.unknownAge) expect(at(row).map((i) => i.Column)).toContain('Age at Offence');
    for (const row of faults.unparseableDate) expect(at(row).map((i) => i.Column)).toContain('Committed Date');
    for (const row of faults.duplicateRow) expect(at(row).map((i) => i.Code)).toContain('duplicateRow');
    const outside = faults.offenceOutsideArea.filter((row) => {
      const truth = demo.truth.offences.rows.find((r) => r.row === row)!;
      return truth.age >= 10 && truth.age <= 17;
    });
    for (const row of outside) expect(at(row).map((i) => i.Code)).toContain('outsideArea');
  });

  it('writes input text that looks like a formula as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(outputPath);
    const formulas: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.formula);
        }),
      ),
    );
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.filter((f) => f.includes('http://x'))).toEqual([]);
    const schools = tableRows(sheetNamed(output, 'Schools'), 'Rank');
    // The school whose name looks like a formula, found by its URN in the input: its name is written as the text it is.
    const input = demo.workbook.sheets.find((sheet) => sheet.rows.some((row) => row.includes(FORMULA_INJECTION_NAME)))!;
    const header = input.rows.find((row) => row.includes('URN'))!;
    const urn = String(input.rows.find((row) => row.includes(FORMULA_INJECTION_NAME))![header.indexOf('URN')]);
    expect(schools.find((s) => String(s.URN) === urn)?.School).toBe(FORMULA_INJECTION_NAME);
  });

  it('refuses to overwrite an existing output without --force, and never writes over the input', async () => {
    const before = sha256(outputPath);
    const again = await runCli(['analyse', inputPath, '--out', outputPath, '--boundaries', boundariesPath]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);
    expect(sha256(outputPath)).toBe(before);
    const ontoInput = await runCli([
      'analyse',
      inputPath,
      '--out',
      inputPath,
      '--force',
      '--boundaries',
      boundariesPath,
    ]);
    expect(ontoInput.code).toBe(2);
    expect(sha256(inputPath)).toBe(inputHashBefore);
  });
});

describe('catchment analyse on a broken workbook', () => {
  it('exits 2 naming the sheet, row and column when a required column is missing', async () => {
    const input = await readWorkbookFile(inputPath);
    const offencesName = demo.truth.sheetNames.offences;
    const broken: WorkbookData = {
      sheets: input.sheets.map((sheet) =>
        sheet.name !== offencesName
          ? sheet
          : {
              ...sheet,
              rows: sheet.rows.map((row, i) =>
                i === 0 ? row.map((cell) => (cell === 'Age at Offence' ? 'Shoe size' : cell)) : row,
              ),
            },
      ),
    };
    const brokenPath = path.join(workdir, 'broken.xlsx');
    await writeWorkbookDataFile(broken, brokenPath);
    const outputPath = path.join(workdir, 'broken-result.xlsx');
    const run = await runCli(['analyse', brokenPath, '--out', outputPath, '--boundaries', boundariesPath]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Sheet '${offencesName}', row 1`);
    expect(run.stderr).toMatch(/age/);
    expect(fs.existsSync(outputPath)).toBe(false);
  });

  it('exits 2 with a usage message for a bad option value', async () => {
    const run = await runCli(['analyse', inputPath, '--out', path.join(workdir, 'x.xlsx'), '--age', 'ten']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--age expects a band like 10-17');
  });
});

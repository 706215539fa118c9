/**
 * End to end: sheets given as CSV files. The same generated data is analysed once from the
 * workbook's sheets and again from CSV files written from the same rows (in other encodings and
 * delimiters): an independent second reading of the same data, which must rank and count alike.
 * Messages about a CSV name its file, line and column.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { generateDemo, OFFENCE_HEADERS } from '../../src/demo';
import type { DemoData } from '../../src/demo';
import { writeDemoFiles } from '../../src/demo/node';
import type { CellValue, SheetData, WorkbookData } from '../../src/core/types';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import { encodeWindows1252, sheetAsCsv } from '../workbook/csv/csvText';
import { sheetNamed, tableRows } from './outputSheets';
import { runCli } from './runCli';

let workdir: string;
let demo: DemoData;
let workbookPath: string;
let boundariesPath: string;
let fromSheets: WorkbookData;

const RUN_FLAGS = ['--simulations', '200', '--quiet'];

function demoSheet(name: string): SheetData {
  const sheet = demo.workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no demo sheet ${name}`);
  return sheet;
}

/** Writes a file into the work folder; returns its path. */
function write(name: string, bytes: string | Uint8Array): string {
  const file = path.join(workdir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The figures a CSV run must share with the sheet run: every Schools and Wards row, and the problems found by kind. */
function figures(output: WorkbookData): { schools: unknown; wards: unknown; problems: Record<string, number> } {
  const problems: Record<string, number> = {};
  for (const row of tableRows(sheetNamed(output, 'Validation'), 'Sheet', 'Row'))
    problems[String(row.Code)] = (problems[String(row.Code)] ?? 0) + 1;
  return {
    schools: tableRows(sheetNamed(output, 'Schools'), 'Rank'),
    wards: tableRows(sheetNamed(output, 'Wards'), 'Ward code'),
    problems,
  };
}

async function analyse(args: string[], output: string): Promise<WorkbookData> {
  const run = await runCli(['analyse', ...args, '--out', output, ...RUN_FLAGS]);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return readWorkbookFile(output);
}

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-csv-'));
  demo = generateDemo({ seed: 17, offences: 2500 });
  ({ workbookPath, boundariesPath } = await writeDemoFiles(demo, workdir));
  fromSheets = await analyse([workbookPath, '--boundaries', boundariesPath], path.join(workdir, 'from-sheets.xlsx'));
}, 120_000);

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

describe('catchment analyse with sheets given as CSV files', () => {
  it('ranks and counts the same from an offences CSV (UTF-8 with a byte-order mark) as from the sheet', async () => {
    const names = demo.truth.sheetNames;
    const csv = write('offences.csv', '\uFEFF' + sheetAsCsv(demoSheet(names.offences)));
    const before = fs.readFileSync(csv);
    const output = await analyse(
      [workbookPath, '--offences', csv, '--boundaries', boundariesPath],
      path.join(workdir, 'from-csv.xlsx'),
    );
    const fromCsv = figures(output);
    expect(fromCsv).toEqual(figures(fromSheets));
    // Not an empty comparison: every ward, many ranked schools, and the planted problems found.
    expect(fromCsv.wards).toHaveLength(demo.truth.wards.count);
    expect((fromCsv.schools as unknown[]).length).toBeGreaterThan(10);
    expect(fromCsv.problems.notANumber).toBeGreaterThan(0);
    expect(fs.readFileSync(csv)).toEqual(before);
  });

  it('needs no workbook when every sheet comes from a file: semicolons, tabs, pipes, Windows-1252 and UTF-16 alike', async () => {
    const names = demo.truth.sheetNames;
    const schoolsText = sheetAsCsv(demoSheet(names.schools), { delimiter: ';' });
    const schools1252 = encodeWindows1252(schoolsText);
    expect(schools1252).toBeDefined();
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(sheetAsCsv(demoSheet(names.population), { delimiter: '\t' }), 'utf16le'),
    ]);
    const files = [
      '--offences',
      write('all-offences.csv', sheetAsCsv(demoSheet(names.offences), { lineBreak: '\n' })),
      '--schools',
      write('schools.csv', schools1252 as Uint8Array),
      '--wards',
      write('wards.txt', utf16),
      '--residence',
      write('residence.csv', sheetAsCsv(demoSheet(names.pupilResidence), { delimiter: '|' })),
      '--list',
      write('list.csv', sheetAsCsv(demoSheet(names.currentList))),
    ];
    const output = await analyse([...files, '--boundaries', boundariesPath], path.join(workdir, 'all-csv.xlsx'));
    expect(figures(output)).toEqual(figures(fromSheets));
  });

  it('names file, line and column for a problem in a CSV, counting the lines of quoted fields that span several', async () => {
    const offences = demoSheet(demo.truth.sheetNames.offences);
    const headerIndex = (demo.truth.headerRows[offences.name] ?? 1) - (offences.firstRow ?? 1);
    const header = offences.rows[headerIndex] as CellValue[];
    const data = offences.rows.slice(headerIndex + 1).filter((row) => row.some((cell) => cell !== null && cell !== ''));
    const age = OFFENCE_HEADERS.indexOf('Age at Offence');
    // Header, then every data record (records 5 and 9 hold a three-line note), then one whose age is 'abc'.
    const rows: CellValue[][] = [[...header, 'Notes']];
    data.forEach((row, i) => rows.push([...row, i === 4 || i === 8 ? 'seen by\nofficer\nlater' : '']));
    rows.push(['CSV-BAD-1', ...data[0].slice(1, age), 'abc', ...data[0].slice(age + 1), '']);
    const csv = write('notes.csv', sheetAsCsv({ name: 'notes', rows }));
    // Line 1 the header; the data records take one line each, two of them three; the bad record comes next.
    const expectedLine = 1 + data.length + 2 * 2 + 1;
    const output = await analyse(
      [workbookPath, '--offences', csv, '--boundaries', boundariesPath],
      path.join(workdir, 'notes.xlsx'),
    );
    const listed = tableRows(sheetNamed(output, 'Validation'), 'Sheet', 'Row').filter(
      (row) => row.Sheet === 'notes.csv' && row.Code === 'notANumber' && row.Value === 'abc',
    );
    expect(listed).toEqual([expect.objectContaining({ Row: expectedLine, Column: 'Age at Offence' })]);
    expect(String(listed[0].Message)).toMatch(
      new RegExp(`^File 'notes\\.csv', line ${expectedLine}, column 'Age at Offence': `),
    );
  });

  it('names file and line in a dialogue too: the replies of --script and its Validation sheet', async () => {
    const offences = demoSheet(demo.truth.sheetNames.offences);
    const headerIndex = (demo.truth.headerRows[offences.name] ?? 1) - (offences.firstRow ?? 1);
    const header = offences.rows[headerIndex] as CellValue[];
    const data = offences.rows.slice(headerIndex + 1).filter((row) => row.some((cell) => cell !== null && cell !== ''));
    const age = OFFENCE_HEADERS.indexOf('Age at Offence');
    // The header on line 1, the data records on lines 2 to data.length + 1, then the bad one.
    const rows: CellValue[][] = [
      [...header],
      ...data.map((row) => [...row]),
      ['CSV-BAD-2', ...data[0].slice(1, age), 'abc', ...data[0].slice(age + 1)],
    ];
    const csv = write('dialogue.csv', sheetAsCsv({ name: 'dialogue', rows }));
    const expectedLine = data.length + 2;
    const script = write('run.txt', 'run\n');
    const out = path.join(workdir, 'dialogue-csv.xlsx');
    const run = await runCli([
      'analyse',
      workbookPath,
      '--offences',
      csv,
      '--boundaries',
      boundariesPath,
      '--script',
      script,
      '--out',
      out,
      ...RUN_FLAGS,
    ]);
    expect(run.code).toBe(0);
    const listed = tableRows(sheetNamed(await readWorkbookFile(out), 'Validation'), 'Sheet', 'Row').filter(
      (row) => row.Code === 'notANumber' && row.Value === 'abc',
    );
    expect(listed).toEqual([expect.objectContaining({ Sheet: 'dialogue.csv', Row: expectedLine })]);
    expect(String(listed[0].Message)).toMatch(
      new RegExp(`^File 'dialogue\\.csv', line ${expectedLine}, column 'Age at Offence': `),
    );

    // A run that cannot start says where, in the file's words: here the CSV has no age column at all.
    const noAge = write(
      'no-age.csv',
      sheetAsCsv({ name: 'no-age', rows: rows.map((row) => row.filter((_c, i) => i !== age)) }),
    );
    const stopped = await runCli([
      'analyse',
      workbookPath,
      '--offences',
      noAge,
      '--boundaries',
      boundariesPath,
      '--script',
      script,
      '--out',
      path.join(workdir, 'no-age.xlsx'),
      ...RUN_FLAGS,
    ]);
    expect(stopped.code).toBe(2);
    const said = `${stopped.stdout}\n${stopped.stderr}`;
    expect(said).toMatch(/File 'no-age\.csv', line 1/);
    expect(said).not.toMatch(/Sheet 'no-age\.csv'/);
  });

  it('stops with exit 2 on a quote that never closes, naming the file, line and field', async () => {
    const csv = write('broken.csv', 'Crime Number,Age at Offence\n1,14\n2,"15\n3,16\n');
    const run = await runCli([
      'analyse',
      workbookPath,
      '--offences',
      csv,
      '--out',
      path.join(workdir, 'broken.xlsx'),
      '--quiet',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("File 'broken.csv', line 3, field 2: a quoted field opens here");
    expect(fs.existsSync(path.join(workdir, 'broken.xlsx'))).toBe(false);
  });

  it('never writes over a CSV input, even with --force', async () => {
    const csv = write('keep.csv', sheetAsCsv(demoSheet(demo.truth.sheetNames.offences)));
    const before = fs.readFileSync(csv);
    const run = await runCli(['analyse', workbookPath, '--offences', csv, '--out', csv, '--force', '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/keep\.csv is the offences file, which is never overwritten/);
    expect(fs.readFileSync(csv)).toEqual(before);
  });

  it('takes a sheet of another workbook with FILE.xlsx#Sheet', async () => {
    const output = await analyse(
      [workbookPath, '--offences', `${workbookPath}#${demo.truth.sheetNames.offences}`, '--boundaries', boundariesPath],
      path.join(workdir, 'other-workbook.xlsx'),
    );
    expect(figures(output)).toEqual(figures(fromSheets));
  });

  it('says which flags are missing when there is no workbook', async () => {
    const run = await runCli([
      'analyse',
      '--offences',
      path.join(workdir, 'offences.csv'),
      '--out',
      path.join(workdir, 'x.xlsx'),
      '--quiet',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--schools, --wards are missing/);
  });
});

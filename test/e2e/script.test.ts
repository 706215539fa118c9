/**
 * End to end: `catchment analyse INPUT --out OUTPUT --script FILE` on the small hand-made workbook
 * (with two offence-like sheets), through the command line's main, the output read back.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookFile, writeWorkbookDataFile } from '../../src/workbook/xlsx';
import { twoOffenceSheetsWorkbook } from '../conversation/dialogueFixtures';
import { WARDS } from '../pipeline/smallWorkbookFixture';
import { sheetNamed, tableRows } from './outputSheets';
import { OUTPUT_SHEETS, runCli } from './runCli';

let workdir: string;
let inputPath: string;

function script(name: string, lines: readonly string[]): string {
  const file = path.join(workdir, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-script-'));
  inputPath = path.join(workdir, 'input.xlsx');
  await writeWorkbookDataFile(twoOffenceSheetsWorkbook(), inputPath);
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

describe('catchment analyse --script', () => {
  let result: { code: number; stdout: string; stderr: string };
  let outputPath: string;

  beforeAll(async () => {
    outputPath = path.join(workdir, 'dialogue.xlsx');
    const file = script('dialogue.txt', [
      '# A dialogue, one turn per line',
      "what's in this workbook?",
      'Crimes 2021',
      '',
      'suppress counts under 3',
      'run',
      'which of the top 3 are not on the VRU list?',
      '{"kind":"setRounding","base":5}',
      'run',
    ]);
    // Protection interval 1: Crimes 2021's three offenders are too few for more (CRIMES_2021_PARAMETERS).
    result = await runCli([
      'analyse',
      inputPath,
      '--out',
      outputPath,
      '--script',
      file,
      '--protection',
      '1',
      '--simulations',
      '100',
      '--quiet',
    ]);
  });

  it('exits 0 and prints each turn with its reply', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("> what's in this workbook?");
    expect(result.stdout).toContain("Two sheets look like offences: 'Crimes 2020' or 'Crimes 2021'?");
    expect(result.stdout).toContain("    [Crimes 2021] -> use 'Crimes 2021' for offences");
    expect(result.stdout).toContain("  The offences will be read from 'Crimes 2021'.");
    expect(result.stdout).toContain('> {"kind":"setRounding","base":5}');
    expect(result.stdout).toContain('Run 2 done');
    expect(result.stdout).not.toContain('# A dialogue');
  });

  it("writes each run's sheets, the second run's numbered", async () => {
    const output = await readWorkbookFile(outputPath);
    expect(output.sheets.map((sheet) => sheet.name)).toEqual([
      ...OUTPUT_SHEETS,
      ...OUTPUT_SHEETS.map((name) => `${name} (2)`),
    ]);
    // Crimes 2021: three offences, all in Beta. The first run shows the 3. The second asks for rounding
    // to 5, but a count with exactly those records is already public as 3, so it is shown as then
    // (the disclosure ledger keeps runs on the same records consistent; rounding it would hide nothing).
    const first = tableRows(sheetNamed(output, 'Wards'), 'Ward code', 'Ward name');
    const second = tableRows(sheetNamed(output, 'Wards (2)'), 'Ward code', 'Ward name');
    expect(first.find((ward) => ward['Ward code'] === WARDS.W2.code)!.Offences).toBe(3);
    expect(second.find((ward) => ward['Ward code'] === WARDS.W2.code)!.Offences).toBe(3);
    const method = sheetNamed(output, 'Method (2)').rows.flat().map(String).join('\n');
    expect(method).toMatch(/Protected together with run 1 of the ledger/);
  });

  it("points the second run's formulas and charts at the second run's sheets", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(outputPath);
    const formulas: string[] = [];
    // The Summary's links to the other sheets are HYPERLINK formulas naming them.
    book.getWorksheet('Summary (2)')!.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) formulas.push(cell.formula);
      }),
    );
    const targets = formulas.flatMap((formula) => [...formula.matchAll(/'([^']+)'!/g)].map((match) => match[1]));
    expect(targets).toEqual([
      'Schools (2)',
      'Sensitivity (2)',
      'Wards (2)',
      'Charts (2)',
      'Validation (2)',
      'Method (2)',
      'Audit (2)',
    ]);
    const zip = await JSZip.loadAsync(fs.readFileSync(outputPath));
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    // Each chart's ranges name one sheet: the first run's charts 'Charts', the second run's 'Charts (2)'
    // (three a run: the schools' and wards' floating bars and the funnel plot).
    const sheetsNamed = charts.map((xml) => [
      ...new Set([...xml.matchAll(/<c:f>(.*?)!/g)].map((match) => match[1].replace(/&apos;/g, "'"))),
    ]);
    expect(sheetsNamed.sort()).toEqual(
      [['Charts'], ['Charts'], ['Charts'], ["'Charts (2)'"], ["'Charts (2)'"], ["'Charts (2)'"]].sort(),
    );
  });

  it("records the dialogue on each run's Audit sheet, up to that run", async () => {
    const output = await readWorkbookFile(outputPath);
    const turns = (name: string) => tableRows(sheetNamed(output, name), 'Turn', 'Time');
    expect(turns('Audit').map((row) => row.Utterance)).toEqual([
      "what's in this workbook?",
      'Crimes 2021',
      'suppress counts under 3',
      'run',
    ]);
    expect(turns('Audit (2)').map((row) => row['Command (JSON)'])).toEqual([
      '{"kind":"describe"}',
      '{"kind":"useSheet","role":"offences","sheet":"Crimes 2021"}',
      '{"kind":"setThreshold","threshold":3}',
      '{"kind":"run"}',
      '{"kind":"newCandidates","n":3}',
      '{"kind":"setRounding","base":5}',
      '{"kind":"run"}',
    ]);
  });

  it('exits 2, writing nothing, when the script ends on an unanswered question', async () => {
    const output = path.join(workdir, 'unanswered.xlsx');
    const file = script('unanswered.txt', ["use 'Crimes 2021' for offences", 'run', '10']);
    const run = await runCli([
      'analyse',
      inputPath,
      '--out',
      output,
      '--script',
      file,
      '--threshold',
      '3',
      '--protection',
      '1',
      '--simulations',
      '100',
      '--quiet',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("The script ended on an unanswered question (line 3, '10')");
    expect(run.stderr).toContain("'suppress counts under 10' or 'top 10'");
    expect(fs.existsSync(output)).toBe(false);
  });

  it('exits 2 when the input cannot be used', async () => {
    const broken = path.join(workdir, 'broken.xlsx');
    await writeWorkbookDataFile({ sheets: [{ name: 'Notes', rows: [['Nothing here'], ['at all']] }] }, broken);
    const output = path.join(workdir, 'broken-out.xlsx');
    const file = script('broken.txt', ['run']);
    const run = await runCli(['analyse', broken, '--out', output, '--script', file, '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the analysis could not run');
    expect(run.stderr).toMatch(/No sheet looks like an offences sheet/);
    expect(fs.existsSync(output)).toBe(false);
  });

  it('exits 2 on a line that is not a command, naming the line', async () => {
    const file = script('bad-json.txt', ['{"kind":"fly"}']);
    const run = await runCli([
      'analyse',
      inputPath,
      '--out',
      path.join(workdir, 'never.xlsx'),
      '--script',
      file,
      '--quiet',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 1: \'{"kind":"fly"}\' has no known "kind"');
  });
});

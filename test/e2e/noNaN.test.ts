/**
 * No run publishes a number gone wrong: every cell of every output sheet (values, formulas and
 * their cached results), every XML part and chart cache of the .xlsx, and the console, are free of
 * 'NaN', 'undefined', 'Infinity' and '[object Object]' — on the realistic extract and on the
 * awkward schools (pupils blank, 0, 1e308). And each input that leaves nothing to measure stops
 * with exit 2, a message saying why, and no output file.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import type { WorkbookData } from '../../src/core/types';
import {
  expectedFigures,
  generateRealisticExtract,
  NO_FAULTS,
  scanConsole,
  scanOutputWorkbook,
  writeExtract,
  type RealisticExtract,
} from '../support/realisticExtract';
import { sheetNamed, tableRows } from './outputSheets';
import { runCli } from './runCli';

let workdir: string;

beforeAll(() => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-nonan-'));
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

async function analyse(
  name: string,
  extract: RealisticExtract,
  args: readonly string[] = [],
): Promise<{ code: number; stdout: string; stderr: string; outputPath: string }> {
  const dir = path.join(workdir, name);
  const { workbookPath } = await writeExtract(extract, dir);
  const outputPath = path.join(dir, 'result.xlsx');
  const run = await runCli(['analyse', workbookPath, '--out', outputPath, ...args]);
  return { ...run, outputPath };
}

/** Every finding of the workbook scan and of the console. */
async function badValues(run: { stdout: string; stderr: string; outputPath: string }): Promise<string[]> {
  const scan = await scanOutputWorkbook(run.outputPath);
  return [...scan.findings, ...scanConsole('stdout', run.stdout), ...scanConsole('stderr', run.stderr)].map(
    (f) => `${f.where}: ${f.found}`,
  );
}

/** The console's "Top 5: 1. A (1–3); 2. B (…)" line, as its rank numbers. */
function consoleTopRanks(stdout: string): number[] {
  const line = stdout.split('\n').find((l) => l.startsWith('Top '));
  if (!line) throw new Error('no Top line on stdout');
  return line
    .replace(/^Top \d+: /, '')
    .split('; ')
    .map((entry) => Number(/^(\d+)\. /.exec(entry)?.[1]));
}

describe('the scanner', () => {
  it('finds NaN, undefined, Infinity and [object Object] in cells, cached results and chart caches', async () => {
    const file = path.join(workdir, 'planted-bad.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bad');
    sheet.getCell('A1').value = 'rate NaN per 1,000';
    sheet.getCell('A2').value = { formula: 'B1/0', result: 'undefined' } as ExcelJS.CellFormulaValue;
    sheet.getCell('A3').value = '[object Object]';
    sheet.getCell('A4').value = 'Banana and Finance are fine';
    await workbook.xlsx.writeFile(file);
    const found = (await scanOutputWorkbook(file)).findings.map((f) => f.where);
    expect(found).toEqual(expect.arrayContaining(['Bad!A1 (value)', 'Bad!A2 (cached result)', 'Bad!A3 (value)']));
    expect(found.filter((w) => w.startsWith('Bad!A4'))).toEqual([]);
    expect(scanConsole('stdout', 'ok\nTop 5: 1. X (1–Infinity)')).toEqual([
      { where: 'stdout line 2', found: 'Top 5: 1. X (1–Infinity)' },
    ]);
  });

  it('finds a NaN in a chart cache', async () => {
    const run = await analyse('chart-source', generateRealisticExtract({ seed: 3 }));
    expect(run.code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(run.outputPath));
    const chart = Object.keys(zip.files).find((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))!;
    const xml = await zip.file(chart)!.async('string');
    expect(xml).toMatch(/<c:numCache>[\s\S]*?<c:v>[^<]+<\/c:v>/);
    zip.file(chart, xml.replace(/(<c:numCache>[\s\S]*?<c:v>)[^<]+(<\/c:v>)/, '$1NaN$2'));
    const broken = path.join(workdir, 'broken-chart.xlsx');
    fs.writeFileSync(broken, await zip.generateAsync({ type: 'nodebuffer' }));
    const found = (await scanOutputWorkbook(broken)).findings;
    expect(found.some((f) => f.where.startsWith(`${chart} numCache`))).toBe(true);
  });
});

describe('no NaN in any output', () => {
  it('on the realistic extract', async () => {
    const run = await analyse('realistic', generateRealisticExtract({ seed: 11 }));
    expect(run.code).toBe(0);
    expect(await badValues(run)).toEqual([]);
    expect((await scanOutputWorkbook(run.outputPath)).chartValues).toBeGreaterThan(0);
  });

  describe("with one school's NumberOfPupils blank and another's 0", () => {
    // Cedar Park (140003) blank, with pupil residence: ranked on its observed catchment, pupils unknown.
    // Harrowfield (140011) 0, without: not ranked. Oakwood (blank, residence) and Redhill (0, none) as usual.
    const extract = generateRealisticExtract({
      seed: 12,
      pupils: { 140003: null, 140011: 0 },
      residenceFor: ['140001', '140002', '140003', '140006', '140010'],
    });
    let run: Awaited<ReturnType<typeof analyse>>;
    let output: WorkbookData;

    beforeAll(async () => {
      run = await analyse('unknown-pupils', extract);
      output = await readWorkbookFile(run.outputPath);
    });

    it('ranks 1..n in order in the Schools table and on the console', () => {
      expect(run.code).toBe(0);
      const schools = tableRows(sheetNamed(output, 'Schools'), 'Rank');
      expect(schools.map((s) => s.Rank)).toEqual(schools.map((_, i) => i + 1));
      for (const school of schools) {
        expect(Number(school['Rank 95% lower'])).toBeLessThanOrEqual(Number(school.Rank));
        expect(Number(school['Rank 95% upper'])).toBeGreaterThanOrEqual(Number(school.Rank));
      }
      const urns = schools.map((s) => String(s.URN));
      expect(urns).toEqual(expect.arrayContaining(['140003', '140006']));
      expect(urns).not.toContain('140011');
      expect(urns).not.toContain('140007');
      expect(schools.find((s) => s.URN === '140003')?.['Pupils on roll']).toMatch(/unknown/);
      expect(consoleTopRanks(run.stdout)).toEqual([1, 2, 3, 4, 5]);
    });

    it('lists the schools it could not rank on the Validation sheet', () => {
      const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet').filter(
        (i) => i.Sheet === extract.sheets.schools.name && i.Code === 'schoolNotRanked',
      );
      // Worksheet rows: header row 1, so school i (0-based) is row i + 2: Redhill (index 6) row 8, Harrowfield (index 10) row 12.
      expect(issues.map((i) => i.Row).sort((a, b) => Number(a) - Number(b))).toEqual([8, 12]);
    });

    it('writes no NaN, undefined, Infinity or [object Object]', async () => {
      expect(await badValues(run)).toEqual([]);
    });
  });

  it('with schools of 1e308 and 950.5 pupils (read as unknown): ranked only on an observed catchment, no NaN or Infinity', async () => {
    // Ashgrove (row 2) has pupil residence, Larchmere (row 13) has none; Hollybank (row 5) has a fractional count.
    const extract = generateRealisticExtract({ seed: 13, pupils: { 140001: 1e308, 140012: 1e308, 140004: 950.5 } });
    const run = await analyse('huge-pupils', extract);
    expect(run.code).toBe(0);
    const output = await readWorkbookFile(run.outputPath);
    const schools = tableRows(sheetNamed(output, 'Schools'), 'Rank');
    expect(schools.map((s) => s.Rank)).toEqual(schools.map((_, i) => i + 1));
    expect(schools.find((s) => s.URN === '140001')?.['Pupils on roll']).toMatch(/unknown/);
    expect(schools.map((s) => s.URN)).not.toContain('140012');
    expect(schools.map((s) => s.URN)).not.toContain('140004');
    const issues = tableRows(sheetNamed(output, 'Validation'), 'Sheet').filter(
      (i) => i.Sheet === extract.sheets.schools.name,
    );
    expect(
      issues
        .filter((i) => i.Code === 'invalidValue')
        .map((i) => i.Row)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual([2, 5, 13]);
    expect(
      issues
        .filter((i) => i.Code === 'schoolNotRanked')
        .map((i) => i.Row)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual([5, 8, 13]);
    expect(consoleTopRanks(run.stdout)).toEqual([1, 2, 3, 4, 5]);
    expect(await badValues(run)).toEqual([]);
  });
});

describe('no NaN with a ward of no young residents', () => {
  it('publishes the busy city-centre ward with population 0 without a NaN or an infinite rate', async () => {
    // Foxley (E05009006) is the busiest ward for offences; here nobody young lives there.
    const extract = generateRealisticExtract({ seed: 15, zeroPopulationWards: ['E05009006', 'E05009016'] });
    const figures = expectedFigures(extract);
    expect(figures.offencesByWard.get('E05009006')).toBeGreaterThanOrEqual(5);
    const run = await analyse('zero-ward', extract);
    expect(run.code).toBe(0);
    const output = await readWorkbookFile(run.outputPath);
    const ward = tableRows(sheetNamed(output, 'Wards'), 'Ward code').find((w) => w['Ward code'] === 'E05009006')!;
    expect(ward['Young population']).toBe(0);
    for (const column of [
      'Offence rate per 1,000',
      'Offence rate lower CI',
      'Offence rate upper CI',
      'Offence ratio to area',
    ]) {
      const value = ward[column];
      expect({ column, ok: value === null || typeof value === 'string' || Number.isFinite(value) }).toEqual({
        column,
        ok: true,
      });
    }
    expect(await badValues(run)).toEqual([]);
  });
});

describe('nothing to measure: exit 2, a clear message, no output file', () => {
  const base = generateRealisticExtract({ seed: 14 });
  const figures = expectedFigures(base);

  async function refused(name: string, extract: RealisticExtract, args: readonly string[]): Promise<string> {
    const run = await analyse(name, extract, args);
    expect(run.code).toBe(2);
    expect(fs.existsSync(run.outputPath)).toBe(false);
    expect(fs.readdirSync(path.dirname(run.outputPath)).filter((f) => f.startsWith('result'))).toEqual([]);
    expect([...scanConsole('stdout', run.stdout), ...scanConsole('stderr', run.stderr)]).toEqual([]);
    return run.stderr;
  }

  it('every ward population 0', async () => {
    const stderr = await refused('zero-population', generateRealisticExtract({ seed: 14, populationScale: 0 }), []);
    expect(stderr).toMatch(/Sheet 'Ward population'.*young population aged 10–17 is 0/);
  });

  it('--catchment observed with no pupil residence sheet', async () => {
    const stderr = await refused(
      'observed-no-residence',
      generateRealisticExtract({ seed: 14, withoutResidence: true }),
      ['--catchment', 'observed'],
    );
    expect(stderr).toMatch(/observed pupil residence/);
    expect(stderr).toMatch(/no pupil residence sheet/);
  });

  it('--from after the last offence: the rows each rule left out', async () => {
    const window = expectedFigures(base, { from: new Date(Date.UTC(2024, 5, 1)) });
    expect(window.rowsUsed).toBe(0);
    const stderr = await refused('from-after-last', base, ['--from', '2024-06-01']);
    expect(stderr).toContain(
      `Of ${figures.validRows} rows valid, ${window.excluded.get('ageOutsideBand')} rows have ages outside the age band 10–17`,
    );
    const notCounted =
      (window.excluded.get('offenceTypeOutOfScope') ?? 0) + (window.excluded.get('offenceTypeUnclassified') ?? 0);
    expect(stderr).toContain(`${notCounted} rows have offence types not counted`);
    expect(stderr).toContain(
      `${window.excluded.get('dateOutsideWindow')} rows fall outside the date window 2024-06-01`,
    );
  });

  it('--types Nonexistent: the types found', async () => {
    const stderr = await refused('types-nonexistent', base, ['--types', 'Nonexistent']);
    expect(stderr).toMatch(/none of its offence types is counted/);
    expect(stderr).toContain('Nonexistent');
    for (const [type, n] of [...figures.types.counted, ...figures.types.notCounted, ...figures.types.unrecognised])
      expect(stderr).toMatch(new RegExp(`${type.replace(/[-()]/g, '\\$&')} \\([^)]*${n} rows?\\)`));
  });

  it('--age 30-35, which the population sheet has: no offender of that age', async () => {
    const stderr = await refused('age-30-35', base, ['--age', '30-35']);
    expect(stderr).toContain(
      `Of ${figures.validRows} rows valid, ${figures.validRows} rows have ages outside the age band 30–35`,
    );
  });

  it('--age 36-40, which the population sheet lacks: the population band message', async () => {
    const stderr = await refused('age-36-40', base, ['--age', '36-40']);
    expect(stderr).toMatch(/Sheet 'Ward population', row 2: the population aged 36–40 cannot be found/);
  });

  it('an offences sheet with headers but no rows', async () => {
    const empty = generateRealisticExtract({ seed: 14, crimes: 0, mix: 'clean', faults: NO_FAULTS });
    expect(empty.sheets.offences.rows).toHaveLength(1);
    const stderr = await refused('no-offence-rows', empty, []);
    expect(stderr).toMatch(/Sheet 'Crime extract' has no .*offence rows/);
  });

  it('an offences sheet with headers but no rows: the message points at the empty sheet, not at the scope settings', async () => {
    // With no rows at all, no age band, type list or window can help, and there are no per-row
    // Validation entries to read (exit 2 writes no workbook).
    const empty = generateRealisticExtract({ seed: 14, crimes: 0, mix: 'clean', faults: NO_FAULTS });
    const stderr = await refused('no-offence-rows-remedy', empty, []);
    expect(stderr).not.toMatch(/Widen the scope|--age, --types/);
    expect(stderr).not.toMatch(/see the Validation entries/);
  });
});

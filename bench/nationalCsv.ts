import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { analyseWorkbook, commandLineSolver } from '../src/cli/analyseWorkbook';
import { parseAnalyseArguments } from '../src/cli/parseArguments';
import type { CellValue, SheetData } from '../src/core/types';
import { generateDemo } from '../src/demo';
import { readCsvFile } from '../src/workbook/csv';

/**
 * A national-scale run: `catchment analyse` with every sheet given as a CSV, on a synthetic
 * geography of 7,000 wards (about England's count) with 3,500 schools, and an offences extract of
 * 5,000,000 rows (the demo's offences repeated, each copy's crime numbers made distinct). Each run
 * is a fresh Node process, so its peak memory (maxRSS) is its own; the target is 2 GB. The same
 * pipeline on a fifth of the rows is the baseline measured in the same run, and the ratios say how
 * time and memory grow with the rows.
 *
 * `node dist/bench/nationalCsv.js [ROWS]` runs this bench alone (default 5000000).
 */

const NATIONAL_ROWS = 5_000_000;
const WARDS = 7000;
const DISTRICTS = 350;
const SCHOOLS = 3500;
const BASE_OFFENCES = 50_000;
const GENERATOR_VERSION = 1;
const MB = 1024 * 1024;
const fmt = (value: number, digits = 1): string => value.toFixed(digits);

interface NationalFiles {
  readonly offences: string;
  readonly schools: string;
  readonly wards: string;
  readonly residence: string;
  readonly list: string;
  readonly boundaries: string;
}

interface RunResult {
  readonly rows: number;
  readonly mode: 'read' | 'analyse';
  readonly ok: boolean;
  readonly error?: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMB: number;
}

/** A CSV field as a spreadsheet exports it (dates as dd/mm/yyyy, the UK form police extracts use). */
function field(value: CellValue): string {
  if (value === null) return '';
  const text =
    value instanceof Date
      ? `${String(value.getUTCDate()).padStart(2, '0')}/${String(value.getUTCMonth() + 1).padStart(2, '0')}/${value.getUTCFullYear()}`
      : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes rows as CSV in blocks, never holding the file's text whole. */
function writeCsv(file: string, rows: Iterable<readonly CellValue[]>): void {
  const descriptor = fs.openSync(file, 'w');
  try {
    let block: string[] = [];
    for (const row of rows) {
      block.push(row.map(field).join(','));
      if (block.length === 50_000) {
        fs.writeSync(descriptor, `${block.join('\r\n')}\r\n`);
        block = [];
      }
    }
    if (block.length > 0) fs.writeSync(descriptor, `${block.join('\r\n')}\r\n`);
  } finally {
    fs.closeSync(descriptor);
  }
}

/** The offences sheet's header, then its rows repeated to `rows` data rows; copy k > 0 gets crime numbers of its own. */
function* repeatedOffences(sheet: SheetData, rows: number): Generator<readonly CellValue[]> {
  const [header, ...data] = sheet.rows;
  yield header;
  const refColumn = header.indexOf('Crime Number');
  const filled = data.filter((row) => row.some((cell) => cell !== null && cell !== ''));
  for (let written = 0, copy = 0; written < rows; copy += 1) {
    for (let i = 0; i < filled.length && written < rows; i += 1, written += 1) {
      const values = filled[i];
      const ref = values[refColumn];
      if (copy === 0 || typeof ref !== 'string') yield values;
      else {
        const renumbered = values.slice();
        renumbered[refColumn] = `${ref}-${copy}`;
        yield renumbered;
      }
    }
  }
}

/** Where the national inputs are (with the offences extract of `rows` rows). */
function nationalPaths(rows: number): NationalFiles {
  const dir = path.join(os.tmpdir(), 'catchment-bench', `national-${WARDS}-v${GENERATOR_VERSION}`);
  return {
    offences: path.join(dir, `offences-${rows}.csv`),
    schools: path.join(dir, 'schools.csv'),
    wards: path.join(dir, 'wards.csv'),
    residence: path.join(dir, 'residence.csv'),
    list: path.join(dir, 'list.csv'),
    boundaries: path.join(dir, 'wards.geojson'),
  };
}

/** Generates the national inputs (CSV files and GeoJSON boundaries) for each size that is missing, once. */
export function generateNationalFiles(sizes: readonly number[], log: (line: string) => void): void {
  const missing = sizes.filter(
    (rows) => !Object.values(nationalPaths(rows)).every((file: string) => fs.existsSync(file)),
  );
  if (missing.length === 0) return;
  const shared = nationalPaths(missing[0]);
  fs.mkdirSync(path.dirname(shared.offences), { recursive: true });
  log(`generating the national inputs in ${path.dirname(shared.offences)} (once; later runs reuse them)…`);
  const start = performance.now();
  const demo = generateDemo({ seed: 7, wards: WARDS, districts: DISTRICTS, schools: SCHOOLS, offences: BASE_OFFENCES });
  const names = demo.truth.sheetNames;
  const sheet = (name: string): SheetData =>
    demo.workbook.sheets.find((candidate) => candidate.name === name) as SheetData;
  const sheetRows = (data: SheetData): readonly (readonly CellValue[])[] => [
    ...Array.from({ length: (data.firstRow ?? 1) - 1 }, () => []),
    ...data.rows,
  ];
  const publish = (file: string, write: (partial: string) => void): void => {
    if (fs.existsSync(file)) return;
    write(`${file}.partial`);
    fs.renameSync(`${file}.partial`, file);
  };
  publish(shared.schools, (file) => writeCsv(file, sheetRows(sheet(names.schools))));
  publish(shared.wards, (file) => writeCsv(file, sheetRows(sheet(names.population))));
  publish(shared.residence, (file) => writeCsv(file, sheetRows(sheet(names.pupilResidence))));
  publish(shared.list, (file) => writeCsv(file, sheetRows(sheet(names.currentList))));
  publish(shared.boundaries, (file) => fs.writeFileSync(file, JSON.stringify(demo.boundariesGeoJson)));
  for (const rows of missing)
    publish(nationalPaths(rows).offences, (file) => writeCsv(file, repeatedOffences(sheet(names.offences), rows)));
  log(
    `generated in ${fmt((performance.now() - start) / 1000)} s: ${missing.map((rows) => `offences-${rows}.csv ${fmt(fs.statSync(nationalPaths(rows).offences).size / MB)} MB`).join(', ')}`,
  );
}

/** One run in this process (the child): reads the offences CSV alone, or analyses everything; prints a JSON line. */
async function child(mode: RunResult['mode'], rows: number): Promise<void> {
  const files = nationalPaths(rows);
  const result = (extra: Partial<RunResult> & { ok: boolean; seconds: number }): RunResult => {
    const cpu = process.cpuUsage();
    return {
      rows,
      mode,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
      ...extra,
    };
  };
  const start = performance.now();
  try {
    if (mode === 'read') {
      const csv = readCsvFile(files.offences, 'offences.csv');
      if (csv.sheet.rows.length !== rows + 1)
        throw new Error(`read ${csv.sheet.rows.length} rows, expected ${rows + 1}`);
      process.stdout.write(`${JSON.stringify(result({ ok: true, seconds: (performance.now() - start) / 1000 }))}\n`);
      return;
    }
    await commandLineSolver(() => undefined);
    const output = path.join(os.tmpdir(), 'catchment-bench', `national-out-${process.pid}.xlsx`);
    const options = parseAnalyseArguments([
      '--offences',
      files.offences,
      '--schools',
      files.schools,
      '--wards',
      files.wards,
      '--residence',
      files.residence,
      '--list',
      files.list,
      '--boundaries',
      files.boundaries,
      '--out',
      output,
      '--force',
      '--quiet',
      '--simulations',
      '200',
    ]);
    const analyseStart = performance.now();
    await analyseWorkbook(options, () => undefined);
    const seconds = (performance.now() - analyseStart) / 1000;
    fs.rmSync(output, { force: true });
    process.stdout.write(`${JSON.stringify(result({ ok: true, seconds }))}\n`);
  } catch (error) {
    process.stdout.write(
      `${JSON.stringify(result({ ok: false, seconds: (performance.now() - start) / 1000, error: (error as Error).message.slice(0, 300) }))}\n`,
    );
  }
}

/** Runs one measurement in a fresh Node process (heap up to 4 GB, so a run over 2 GB is measured, not killed). */
function measure(mode: RunResult['mode'], rows: number): RunResult {
  try {
    const out = execFileSync(
      process.execPath,
      ['--max-old-space-size=4096', __filename, '--child', mode, String(rows)],
      { encoding: 'utf8', maxBuffer: 16 * MB, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return JSON.parse(out.trim().split('\n').pop() ?? '') as RunResult;
  } catch (error) {
    const failure = error as { status?: number; signal?: string; stderr?: string };
    const last = (failure.stderr ?? '').trim().split('\n').slice(-1)[0] ?? '';
    const why =
      failure.signal === 'SIGABRT'
        ? 'SIGABRT: out of its 4 GB heap, so well over the 2 GB target'
        : (failure.signal ?? `exit ${failure.status}`);
    return {
      rows,
      mode,
      ok: false,
      error: `the child process died (${why}): ${last.slice(0, 200)}`,
      seconds: NaN,
      cpuSeconds: NaN,
      maxRssMB: NaN,
    };
  }
}

function describe(run: RunResult): string {
  const what = `${run.mode === 'read' ? 'offences CSV read only ' : 'catchment analyse, all CSV'} ${run.rows.toLocaleString('en-GB').padStart(9)} rows`;
  if (!run.ok) return `${what}: FAILED — ${run.error}`;
  return `${what}: ${fmt(run.seconds)} s (CPU ${fmt(run.cpuSeconds)} s), peak RSS ${fmt(run.maxRssMB, 0)} MB`;
}

/** The bench: files generated once; the baseline (a fifth of the rows) and the national size, each read and analysed. */
export function benchNationalCsv(log: (line: string) => void, rows = NATIONAL_ROWS): void {
  const baselineRows = Math.round(rows / 5);
  generateNationalFiles([baselineRows, rows], log);
  log(
    `-- ${WARDS.toLocaleString('en-GB')} wards, ${SCHOOLS.toLocaleString('en-GB')} schools; baseline ${baselineRows.toLocaleString('en-GB')} rows, national ${rows.toLocaleString('en-GB')} rows --`,
  );
  const runs = (count: number): [RunResult, RunResult] => {
    const read = measure('read', count);
    log(describe(read));
    const analyse = measure('analyse', count);
    log(describe(analyse));
    return [read, analyse];
  };
  const [baseRead, baseAnalyse] = runs(baselineRows);
  const [read, analyse] = runs(rows);
  const ratio = (a: RunResult, b: RunResult, label: string): void => {
    if (a.ok && b.ok)
      log(
        `  ${label}: ${fmt(b.seconds / a.seconds)}× the time and ${fmt(b.maxRssMB / a.maxRssMB)}× the peak memory for ${fmt(b.rows / a.rows, 0)}× the rows`,
      );
  };
  ratio(baseRead, read, 'read only');
  ratio(baseAnalyse, analyse, 'end to end');
  if (analyse.ok)
    log(
      `  target: ${rows.toLocaleString('en-GB')} rows end to end in ${fmt(analyse.seconds)} s with peak memory ${fmt(analyse.maxRssMB / 1024, 2)} GB against 2 GB: ${analyse.maxRssMB <= 2048 ? 'MEETS' : 'MISSES'}`,
    );
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') void child(args[1] as RunResult['mode'], Number(args[2]));
  else benchNationalCsv((line) => process.stdout.write(`${line}\n`), args[0] ? Number(args[0]) : NATIONAL_ROWS);
}

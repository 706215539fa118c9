import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { analyseWorkbook, commandLineSolver } from '../src/cli/analyseWorkbook';
import type { CellValue, SheetData } from '../src/core/types';
import { DEFAULT_PARAMETERS } from '../src/core/types';
import { generateDemo } from '../src/demo';
import { detectInputs } from '../src/core/pipeline/stages/detectInputs';
import { validateOffences } from '../src/core/validate';
import * as readWorkbookModule from '../src/workbook/xlsx/readWorkbook';
import { readXlsx } from '../src/workbook/xlsx/streamWorkbook';

/**
 * `catchment analyse` on an offences sheet that fills a worksheet to Excel's last row
 * (1,048,576 rows: a header and 1,048,575 offences, 12 columns), end to end in a child process per
 * run so each run's peak memory (maxRSS) is its own: the streaming reader against the previous
 * exceljs reader (and, reading only, against the streaming reader inflating on the main thread as it
 * did before). The exceljs reader cannot read the full size (it needs more than 4 GB and the
 * issue reports a crash), so both are also measured at 200,000 rows, and the ratio printed there.
 *
 * The workbooks are generated once into a temporary folder (reused by later runs) with exceljs's
 * streaming WorkbookWriter: the demo generator's schools, ward population, pupil residence,
 * current list, ward boundaries and notes sheets, and its offences sheet repeated (each copy's
 * crime numbers made distinct) until the sheet reaches the wanted row count.
 *
 * `node dist/bench/readLargeWorkbook.js [ROWS...]` runs this bench alone (default 1048576).
 */

const EXCEL_LAST_ROW = 1048576;
const COMPARISON_ROWS = 200000;
const BASE_OFFENCES = 100000;
const DATE_FORMAT = 'dd/mm/yyyy';
const GENERATOR_VERSION = 1;

/**
 * 'stream': the reader the CLI uses (worksheets inflated by Node's zlib on its thread pool while
 * they are scanned); 'streamSync': the same scanner with the part inflated on the main thread by
 * fflate, as the streaming reader did before (the baseline for the inflating); 'exceljs': the
 * reader before the streaming one.
 */
type Reader = 'stream' | 'streamSync' | 'exceljs';

interface RunResult {
  readonly reader: Reader;
  readonly rows: number;
  /** 'validate': reading untimed, then the offences sheet's row validation alone. */
  readonly mode: 'read' | 'analyse' | 'validate';
  readonly ok: boolean;
  readonly error?: string;
  readonly seconds: number;
  /** CPU time of the whole child process (user + system): steadier than wall time on a busy machine. */
  readonly cpuSeconds: number;
  readonly maxRssMB: number;
  /** Seconds per phase of an analyse run (reading, validation, the rest of the engine, writing). */
  readonly phases?: Readonly<Record<string, number>>;
  /** CPU seconds (user + system, every thread) per phase: steadier than `phases` on a busy machine. */
  readonly cpuPhases?: Readonly<Record<string, number>>;
  readonly rssAfterReadMB?: number;
  /** Heap grown by validation (mode 'validate'; without a forced collection, so garbage may count). */
  readonly heapAddedMB?: number;
}

const MB = 1024 * 1024;
const fmt = (value: number, digits = 1): string => value.toFixed(digits);

/** The bench workbook with `rows` worksheet rows on the offences sheet, generated once. */
export async function benchWorkbook(rows: number, log: (line: string) => void): Promise<string> {
  const dir = path.join(os.tmpdir(), 'catchment-bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `offences-${rows}-v${GENERATOR_VERSION}.xlsx`);
  if (fs.existsSync(file)) return file;
  log(`generating ${file} (once; later runs reuse it)…`);
  const start = performance.now();
  const demo = generateDemo({ seed: 2024, offences: BASE_OFFENCES });
  const offencesName = demo.truth.sheetNames.offences;
  const partial = `${file}.partial`;
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  for (const sheet of demo.workbook.sheets) {
    const headerRow = demo.truth.headerRows[sheet.name] ?? 1;
    const worksheet = writer.addWorksheet(sheet.name);
    if (sheet.name === offencesName) writeOffences(worksheet, sheet, rows);
    else writeRows(worksheet, sheet.rows, sheet.firstRow ?? 1, headerRow);
    worksheet.commit();
  }
  await writer.commit();
  fs.renameSync(partial, file);
  log(`generated in ${fmt((performance.now() - start) / 1000)} s: ${fmt(fs.statSync(file).size / MB)} MB`);
  return file;
}

function writeCells(
  worksheet: ExcelJS.Worksheet,
  rowNumber: number,
  values: readonly CellValue[],
  bold: boolean,
): void {
  if (values.every((value) => value === null || value === '')) return;
  const row = worksheet.getRow(rowNumber);
  values.forEach((value, column) => {
    if (value === null) return;
    const cell = row.getCell(column + 1);
    cell.value = value;
    if (value instanceof Date) cell.numFmt = DATE_FORMAT;
  });
  if (bold) row.font = { bold: true };
  row.commit();
}

function writeRows(worksheet: ExcelJS.Worksheet, rows: SheetData['rows'], firstRow: number, headerRow: number): void {
  rows.forEach((values, index) => writeCells(worksheet, firstRow + index, values, firstRow + index === headerRow));
}

/** The demo's offences, header in row 1, copied until row `lastRow`; copy k > 0 gets crime numbers of its own. */
function writeOffences(worksheet: ExcelJS.Worksheet, sheet: SheetData, lastRow: number): void {
  const [header, ...data] = sheet.rows;
  writeCells(worksheet, 1, header, true);
  const refColumn = header.indexOf('Crime Number');
  for (let rowNumber = 2, copy = 0; rowNumber <= lastRow; copy += 1) {
    for (let i = 0; i < data.length && rowNumber <= lastRow; i += 1, rowNumber += 1) {
      let values = data[i];
      const ref = values[refColumn];
      if (copy > 0 && typeof ref === 'string') {
        const renumbered = values.slice();
        renumbered[refColumn] = /^\d{2}\//.test(ref) ? `${10 + copy}${ref.slice(2)}` : `${ref}-${copy}`;
        values = renumbered;
      }
      writeCells(worksheet, rowNumber, values, false);
    }
  }
}

/**
 * One measured run in this process (the child): reads (mode 'read') or analyses (mode 'analyse',
 * through the CLI's analyseWorkbook) the workbook with the chosen reader, then prints a JSON line.
 */
async function child(reader: Reader, mode: RunResult['mode'], input: string, rows: number): Promise<void> {
  // The CLI reads through readWorkbookBuffer; point it at the reader measured for this process.
  const module = readWorkbookModule as { readWorkbookBuffer: typeof readWorkbookModule.readWorkbookBuffer };
  if (reader === 'exceljs') module.readWorkbookBuffer = readWorkbookModule.readWorkbookBufferWithExcelJS;
  if (reader === 'streamSync')
    module.readWorkbookBuffer = (buffer) =>
      Promise.resolve(readXlsx(buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : buffer));
  const result = (extra: Partial<RunResult> & { ok: boolean; seconds: number }): RunResult => {
    const cpu = process.cpuUsage();
    return {
      reader,
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
      const data = await readWorkbookModule.readWorkbookBuffer(fs.readFileSync(input));
      const seconds = (performance.now() - start) / 1000;
      if (data.sheets.length === 0) throw new Error('no sheets read');
      process.stdout.write(`${JSON.stringify(result({ ok: true, seconds }))}\n`);
      return;
    }
    if (mode === 'validate') {
      // Validation alone: CPU and the heap it keeps are measured from after reading and detection.
      const workbook = await readWorkbookModule.readWorkbookBuffer(fs.readFileSync(input));
      const detected = detectInputs(workbook, {}, {});
      const mapping = detected.ok ? detected.detection.mappings.offences : undefined;
      const sheet = mapping && workbook.sheets.find((candidate) => candidate.name === mapping.sheet);
      if (!mapping || !sheet) throw new Error('no offences sheet detected');
      const cpuBefore = process.cpuUsage();
      const heapBefore = process.memoryUsage().heapUsed;
      const validateStart = performance.now();
      const validated = validateOffences(sheet, mapping);
      const seconds = (performance.now() - validateStart) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const heapAddedMB = (process.memoryUsage().heapUsed - heapBefore) / MB;
      if (validated.records.length === 0) throw new Error('no valid rows');
      process.stdout.write(
        `${JSON.stringify({ ...result({ ok: true, seconds }), cpuSeconds: (cpu.user + cpu.system) / 1e6, heapAddedMB })}\n`,
      );
      return;
    }
    await commandLineSolver(() => undefined); // loaded before the clock's phases start
    const marks: { step: string; at: number; cpu: number }[] = [];
    const cpuNow = (): number => {
      const cpu = process.cpuUsage();
      return (cpu.user + cpu.system) / 1e6;
    };
    let rssAfterRead = 0;
    const output = path.join(os.tmpdir(), 'catchment-bench', `out-${process.pid}.xlsx`);
    const analyseStart = performance.now();
    const cpuStart = cpuNow();
    await analyseWorkbook(
      {
        input,
        output,
        force: true,
        quiet: true,
        parameters: DEFAULT_PARAMETERS,
        columnOverrides: {},
        roleOverrides: {},
      },
      (line) => {
        if (marks.length === 1) rssAfterRead = process.memoryUsage().rss / MB;
        marks.push({ step: line, at: performance.now(), cpu: cpuNow() });
      },
    );
    const end = performance.now();
    const cpuEnd = cpuNow();
    fs.rmSync(output, { force: true });
    const split = (key: 'at' | 'cpu', start: number, finish: number, scale: number): Record<string, number> => {
      const at = (prefix: string): number => marks.find((mark) => mark.step.startsWith(prefix))?.[key] ?? NaN;
      const validate = at('Loading ward boundaries') - at('Validating rows');
      return {
        read: (at('Detecting') - start) / scale,
        validate: validate / scale,
        engine: (at('Writing result sheets') - at('Detecting') - validate) / scale,
        write: (finish - at('Writing result sheets')) / scale,
      };
    };
    const phases = split('at', analyseStart, end, 1000);
    const cpuPhases = split('cpu', cpuStart, cpuEnd, 1);
    process.stdout.write(
      `${JSON.stringify(result({ ok: true, seconds: (end - analyseStart) / 1000, phases, cpuPhases, rssAfterReadMB: rssAfterRead }))}\n`,
    );
  } catch (error) {
    process.stdout.write(
      `${JSON.stringify(result({ ok: false, seconds: (performance.now() - start) / 1000, error: (error as Error).message.slice(0, 300) }))}\n`,
    );
  }
}

/** Runs one measurement in a fresh Node process and returns its result. */
function measure(reader: Reader, mode: RunResult['mode'], input: string, rows: number): RunResult {
  try {
    const out = execFileSync(process.execPath, [__filename, '--child', reader, mode, input, String(rows)], {
      encoding: 'utf8',
      maxBuffer: 16 * MB,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = out.trim().split('\n').pop() ?? '';
    return JSON.parse(line) as RunResult;
  } catch (error) {
    const failure = error as { status?: number; signal?: string; stderr?: string };
    const reason = failure.signal ?? `exit ${failure.status}`;
    const last = (failure.stderr ?? '').trim().split('\n').slice(-1)[0] ?? '';
    return {
      reader,
      rows,
      mode,
      ok: false,
      error: `the child process died (${reason}): ${last.slice(0, 200)}`,
      seconds: NaN,
      cpuSeconds: NaN,
      maxRssMB: NaN,
    };
  }
}

/** CPU seconds per phase, as ' [CPU: read 6.1 s, …]'. */
function cpuText(cpu: RunResult['cpuPhases']): string {
  if (!cpu) return '';
  return ` [CPU: read ${fmt(cpu.read)} s, validation ${fmt(cpu.validate)} s, rest of engine ${fmt(cpu.engine)} s, write ${fmt(cpu.write)} s]`;
}

function describe(run: RunResult): string {
  const size = `${run.rows.toLocaleString('en-GB')} rows`;
  const mode =
    run.mode === 'read' ? 'read only      ' : run.mode === 'validate' ? 'validation only' : 'catchment analyse';
  const name = { stream: 'streaming reader', streamSync: 'streaming, fflate', exceljs: 'exceljs reader  ' }[run.reader];
  const what = `${name} ${mode} ${size.padStart(15)}`;
  if (!run.ok) return `${what}: FAILED — ${run.error}`;
  if (run.mode === 'validate') {
    return `${what}: offences sheet validated in ${fmt(run.seconds)} s (CPU ${fmt(run.cpuSeconds)} s, reading excluded), heap grown ${fmt(run.heapAddedMB ?? NaN, 0)} MB; peak RSS with reading ${fmt(run.maxRssMB, 0)} MB`;
  }
  const phases = run.phases
    ? ` [read ${fmt(run.phases.read)} s, validation ${fmt(run.phases.validate)} s, rest of engine ${fmt(run.phases.engine)} s, write ${fmt(run.phases.write)} s; RSS after reading ${fmt(run.rssAfterReadMB ?? NaN, 0)} MB]${cpuText(run.cpuPhases)}`
    : '';
  return `${what}: ${fmt(run.seconds)} s (CPU ${fmt(run.cpuSeconds)} s), peak RSS ${fmt(run.maxRssMB, 0)} MB${phases}`;
}

/** The bench: generation (once), then each run in its own process. */
export async function benchReadLargeWorkbook(
  log: (line: string) => void,
  sizes: readonly number[] = [EXCEL_LAST_ROW],
): Promise<void> {
  const comparison = await benchWorkbook(COMPARISON_ROWS, log);
  const runs: RunResult[] = [];
  const run = (reader: Reader, mode: RunResult['mode'], file: string, rows: number): RunResult => {
    const result = measure(reader, mode, file, rows);
    log(describe(result));
    runs.push(result);
    return result;
  };
  log(`-- ${COMPARISON_ROWS.toLocaleString('en-GB')} rows: both readers --`);
  const ratio = (a: RunResult, b: RunResult, label: string): void => {
    if (a.ok && b.ok)
      log(
        `  exceljs / streaming at ${a.rows.toLocaleString('en-GB')} rows, ${label}: ${fmt(b.seconds / a.seconds)}× the time, ${fmt(b.maxRssMB / a.maxRssMB)}× the peak memory`,
      );
  };
  ratio(
    run('stream', 'read', comparison, COMPARISON_ROWS),
    run('exceljs', 'read', comparison, COMPARISON_ROWS),
    'read only',
  );
  ratio(
    run('stream', 'analyse', comparison, COMPARISON_ROWS),
    run('exceljs', 'analyse', comparison, COMPARISON_ROWS),
    'end to end',
  );
  for (const rows of sizes) {
    if (rows === COMPARISON_ROWS) continue;
    const file = await benchWorkbook(rows, log);
    log(
      `-- ${rows.toLocaleString('en-GB')} rows${rows === EXCEL_LAST_ROW ? " (Excel's last row)" : ''}: streaming reader (exceljs not run: it needs more than Node's 4 GB heap here) --`,
    );
    const read = run('stream', 'read', file, rows);
    const before = run('streamSync', 'read', file, rows);
    if (read.ok && before.ok)
      log(
        `  inflating on zlib's thread pool against fflate on the main thread (as before), read only: ${fmt(read.seconds / before.seconds, 2)}× the time, ${fmt(read.cpuSeconds / before.cpuSeconds, 2)}× the CPU`,
      );
    run('stream', 'validate', file, rows);
    const analyse = run('stream', 'analyse', file, rows);
    if (analyse.ok && analyse.phases) {
      const verdict = (value: number, target: number, unit: string): string =>
        `${fmt(value)} ${unit} against ${target} ${unit}: ${value <= target ? 'MEETS' : 'MISSES'}`;
      log(
        `  target end to end: time ${verdict(analyse.seconds, 10, 's')}; peak memory ${verdict(analyse.maxRssMB / 1024, 1, 'GB')}`,
      );
      const [slowest] = Object.entries(analyse.phases).sort((a, b) => b[1] - a[1]);
      log(`  the largest share of the time: ${slowest[0]} (${fmt(slowest[1])} s of ${fmt(analyse.seconds)} s)`);
    }
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    void child(args[1] as Reader, args[2] as RunResult['mode'], args[3], Number(args[4]));
  } else {
    const sizes = args.length > 0 ? args.map(Number) : [EXCEL_LAST_ROW];
    void benchReadLargeWorkbook((line) => process.stdout.write(`${line}\n`), sizes).catch((error) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    });
  }
}

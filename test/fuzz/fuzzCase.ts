/**
 * One fuzz case end to end: a generated workbook (and maybe an offences CSV) mutated, written,
 * analysed by the command line in-process, and every invariant checked. Returns the invariants
 * broken, in words (none for a good case).
 */
import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import {
  BAD_TEXT,
  generateRealisticExtract,
  scanConsole,
  sheetsOf,
  type PlantedCell,
} from '../support/realisticExtract';
import type { SheetData } from '../../src/core/types';
import { runCli } from '../e2e/runCli';
import { sheetNamed } from '../e2e/outputSheets';
import { csvField } from '../workbook/csv/csvText';
import { buildFuzzWorkbook, type FuzzSheet } from './fuzzWorkbook';
import { applyMutation, formulaFromInput, mutationArbitrary, type Mutation } from './mutations';

export interface FuzzCase {
  readonly base: number;
  readonly mutations: readonly Mutation[];
  /** Give the offences sheet as a CSV file (--offences) with this delimiter, instead of in the workbook. */
  readonly offencesCsv: ',' | ';' | '\t' | '|' | null;
  readonly boundaries: 'geojson' | 'vertexSheet' | 'hugeCoordinates' | 'swappedCoordinates' | 'noFeatures';
  /** An output file already there: left alone without --force, or replaced with it. */
  readonly existingOutput: 'none' | 'present' | 'presentWithForce';
}

export const BASE_SEEDS = [101, 202, 303];

export const fuzzCaseArbitrary: fc.Arbitrary<FuzzCase> = fc.record({
  base: fc.nat({ max: BASE_SEEDS.length - 1 }),
  mutations: fc.array(mutationArbitrary, { minLength: 0, maxLength: 6 }),
  offencesCsv: fc.constantFrom(null, null, null, ',', ';', '\t', '|'),
  boundaries: fc.constantFrom(
    'geojson',
    'geojson',
    'geojson',
    'vertexSheet',
    'hugeCoordinates',
    'swappedCoordinates',
    'noFeatures',
  ),
  existingOutput: fc.constantFrom('none', 'none', 'none', 'present', 'presentWithForce'),
});

interface Base {
  readonly sheets: readonly FuzzSheet[];
  readonly geojson: {
    readonly type: string;
    readonly features: readonly { readonly geometry: { readonly coordinates: unknown } }[];
  };
}

const bases = new Map<number, Base>();

/** The planted workbook a case starts from (generated once per seed; a fixed 'today' keeps it the same). */
export function baseWorkbook(index: number): Base {
  const seed = BASE_SEEDS[index % BASE_SEEDS.length];
  let base = bases.get(seed);
  if (!base) {
    const extract = generateRealisticExtract({ seed, crimes: 60, today: new Date(Date.UTC(2024, 5, 1)) });
    base = {
      sheets: sheetsOf(extract).map((sheet) => ({ name: sheet.name, rows: sheet.rows, headerRow: sheet.headerRow })),
      geojson: extract.geojson as Base['geojson'],
    };
    bases.set(seed, base);
  }
  return base;
}

const SENTINEL = Buffer.from('an existing file the run must not replace without --force');

const sha256 = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function mapCoordinates(value: unknown, point: (pair: number[]) => number[]): unknown {
  if (Array.isArray(value) && typeof value[0] === 'number') return point(value as number[]);
  return Array.isArray(value) ? value.map((item) => mapCoordinates(item, point)) : value;
}

function boundariesFor(kind: FuzzCase['boundaries'], geojson: Base['geojson']): unknown {
  switch (kind) {
    case 'hugeCoordinates':
      return {
        ...geojson,
        features: geojson.features.map((f, i) =>
          i === 0
            ? {
                ...f,
                geometry: {
                  ...f.geometry,
                  coordinates: mapCoordinates(f.geometry.coordinates, ([x, y]) => [x * 1e303, -y * 1e303]),
                },
              }
            : f,
        ),
      };
    case 'swappedCoordinates':
      return {
        ...geojson,
        features: geojson.features.map((f) => ({
          ...f,
          geometry: { ...f.geometry, coordinates: mapCoordinates(f.geometry.coordinates, ([x, y]) => [y, x]) },
        })),
      };
    case 'noFeatures':
      return { type: 'FeatureCollection', features: [] };
    default:
      return geojson;
  }
}

function csvText(sheet: FuzzSheet, delimiter: string): string {
  const text = (cell: PlantedCell): string =>
    cell !== null && typeof cell === 'object' && !(cell instanceof Date) ? cell.error : csvField(cell, delimiter);
  return sheet.rows.map((row) => row.map(text).join(delimiter)).join('\r\n') + '\r\n';
}

const decodeXml = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * Reads an output package's XML once (fflate, no workbook library: fast enough for hundreds of
 * cases) for what a number gone wrong leaves behind — 'NaN', 'undefined', 'Infinity' or
 * '[object Object]' in any text or attribute, a numeric cell or chart value that is not a finite
 * number, an error cell — and collects the worksheets' formulas.
 */
export function scanOutputPackage(file: string): { problems: string[]; formulas: string[] } {
  const parts = unzipSync(fs.readFileSync(file), { filter: (entry) => /\.(xml|rels)$/.test(entry.name) });
  const problems: string[] = [];
  const formulas: string[] = [];
  for (const [name, bytes] of Object.entries(parts)) {
    const xml = strFromU8(bytes);
    for (const match of xml.matchAll(/>([^<]+)</g))
      if (BAD_TEXT.test(decodeXml(match[1]))) problems.push(`${name} text: ${match[1].slice(0, 160)}`);
    for (const match of xml.matchAll(/="([^"]*)"/g))
      if (BAD_TEXT.test(decodeXml(match[1]))) problems.push(`${name} attribute: ${match[1].slice(0, 160)}`);
    if (/^xl\/charts\/chart\d*\.xml$/.test(name)) {
      for (const cache of xml.matchAll(/<c:numCache>([\s\S]*?)<\/c:numCache>/g)) {
        for (const value of cache[1].matchAll(/<c:v>([^<]*)<\/c:v>/g))
          if (value[1].trim() === '' || !Number.isFinite(Number(value[1])))
            problems.push(`${name} chart value '${value[1]}'`);
      }
    }
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      for (const cell of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const [, ref, attributes, inner = ''] = cell;
        const type = /\bt="([^"]+)"/.exec(attributes)?.[1] ?? 'n';
        const value = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
        if (type === 'e') problems.push(`${name} ${ref}: an error cell (${value ?? ''})`);
        if (type === 'n' && value !== undefined && !Number.isFinite(Number(value)))
          problems.push(`${name} ${ref}: the number '${value}'`);
        const formula = /<f(?:\s[^>]*)?>([^<]*)<\/f>/.exec(inner)?.[1];
        if (formula !== undefined) formulas.push(decodeXml(formula));
      }
    }
  }
  return { problems, formulas };
}

/**
 * The Method sheet's "Rows in and out", one line per input sheet (its reasons' lines skipped):
 * rows read, used, excluded, and whether it says it reconciles.
 */
function sheetTotals(
  method: SheetData,
): { sheet: string; read: unknown; used: unknown; excludedTotal: unknown; reconciles: unknown }[] {
  const start = method.rows.findIndex((row) => row[0] === 'Sheet' && row[1] === 'Role' && row[2] === 'Rows read');
  if (start < 0)
    return [{ sheet: '(none)', read: 'no Rows in and out table', used: null, excludedTotal: null, reconciles: null }];
  const totals = [];
  for (const row of method.rows.slice(start + 1)) {
    if (row.every((cell) => cell === null || cell === '')) break;
    if (row[0] !== null && row[0] !== '')
      totals.push({ sheet: String(row[0]), read: row[2], used: row[3], excludedTotal: row[4], reconciles: row[5] });
  }
  return totals;
}

/** The files a case writes and the command it runs, for a reproducer. */
export interface WrittenCase {
  readonly args: string[];
  readonly inputs: string[];
  readonly output: string;
}

/** Writes a case's inputs into `dir` (emptied first); returns the command line's arguments. */
export function writeFuzzCase(fuzz: FuzzCase, dir: string): WrittenCase {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const base = baseWorkbook(fuzz.base);
  let sheets: FuzzSheet[] = [...base.sheets];
  for (const mutation of fuzz.mutations) sheets = applyMutation(sheets, mutation);
  const args: string[] = [];
  const inputs: string[] = [];
  const workbookPath = path.join(dir, 'input.xlsx');
  const offencesIndex = sheets.findIndex((sheet) => sheet.name === base.sheets[0].name);
  if (fuzz.offencesCsv !== null && offencesIndex >= 0) {
    const csvPath = path.join(dir, 'offences.csv');
    fs.writeFileSync(csvPath, csvText(sheets[offencesIndex], fuzz.offencesCsv));
    sheets = sheets.filter((_, i) => i !== offencesIndex);
    args.push('--offences', csvPath);
    inputs.push(csvPath);
  }
  fs.writeFileSync(workbookPath, buildFuzzWorkbook(sheets));
  inputs.push(workbookPath);
  if (fuzz.boundaries !== 'vertexSheet') {
    const boundariesPath = path.join(dir, 'wards.geojson');
    fs.writeFileSync(boundariesPath, JSON.stringify(boundariesFor(fuzz.boundaries, base.geojson)));
    args.push('--boundaries', boundariesPath);
    inputs.push(boundariesPath);
  }
  const output = path.join(dir, 'out.xlsx');
  if (fuzz.existingOutput !== 'none') fs.writeFileSync(output, SENTINEL);
  if (fuzz.existingOutput === 'presentWithForce') args.push('--force');
  return {
    args: ['analyse', workbookPath, ...args, '--out', output, '--simulations', '10', '--quiet'],
    inputs,
    output,
  };
}

/** Runs one case; returns every invariant it breaks (an empty list for a good case) and the exit code. */
export async function runFuzzCase(
  fuzz: FuzzCase,
  dir: string,
): Promise<{ readonly broken: string[]; readonly code: number }> {
  let exitCode = -1;
  const broken = await checkFuzzCase(fuzz, dir, (code) => {
    exitCode = code;
  });
  return { broken, code: exitCode };
}

async function checkFuzzCase(fuzz: FuzzCase, dir: string, exited: (code: number) => void): Promise<string[]> {
  const written = writeFuzzCase(fuzz, dir);
  const before = new Map(written.inputs.map((file) => [file, sha256(file)]));
  const run = await runCli(written.args);
  exited(run.code);
  const broken: string[] = [];
  if (run.code !== 0 && run.code !== 2)
    broken.push(`exit ${run.code} (only 0 or 2 allowed): ${run.stderr.slice(0, 400)}`);
  for (const finding of [...scanConsole('stdout', run.stdout), ...scanConsole('stderr', run.stderr)])
    broken.push(`console ${finding.where}: ${finding.found}`);
  if (/\n\s+at .+:\d+:\d+/.test(run.stderr + run.stdout)) broken.push('a stack trace on the console');
  for (const [file, hash] of before) if (sha256(file) !== hash) broken.push(`input ${path.basename(file)} changed`);
  const leftovers = fs.readdirSync(dir).filter((name) => name.startsWith('.'));
  if (leftovers.length > 0) broken.push(`files left behind: ${leftovers.join(', ')}`);

  const replaced = fs.existsSync(written.output) && !fs.readFileSync(written.output).equals(SENTINEL);
  if (fuzz.existingOutput === 'present') {
    if (run.code !== 2) broken.push(`an existing output without --force gave exit ${run.code}, not 2`);
    if (replaced) broken.push('an existing output was replaced without --force');
    return broken;
  }
  if (run.code !== 0) {
    if (fuzz.existingOutput === 'none' && fs.existsSync(written.output))
      broken.push('a failed run left an output file');
    if (fuzz.existingOutput === 'presentWithForce' && replaced)
      broken.push('a failed run replaced the existing output');
    return broken;
  }
  if (!replaced) return [...broken, 'exit 0 but no output written'];
  const scan = scanOutputPackage(written.output);
  for (const problem of scan.problems) broken.push(`output ${problem}`);
  for (const formula of scan.formulas) {
    if (formulaFromInput(formula)) broken.push(`an output formula built from input text: ${formula.slice(0, 120)}`);
  }
  const output = await readWorkbookFile(written.output);
  for (const entry of sheetTotals(sheetNamed(output, 'Method'))) {
    if (entry.reconciles !== 'Yes' || Number(entry.used) + Number(entry.excludedTotal) !== Number(entry.read)) {
      broken.push(
        `rows of ${entry.sheet} do not reconcile: read ${String(entry.read)}, used ${String(entry.used)}, excluded ${String(entry.excludedTotal)}, '${String(entry.reconciles)}'`,
      );
    }
  }
  return broken;
}

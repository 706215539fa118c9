/**
 * End to end: the output workbook goes to people outside the police, so no offender's home
 * location, no postcode and no offence or offender reference from the offences sheet may appear in
 * it anywhere. A generated workbook is given a home postcode column and home locations with every
 * kind of problem the engine quotes (outside the area, half a grid reference, a zero, a postcode that
 * cannot be placed, a malformed postcode); the command line analyses it; every part of the output
 * file is then searched. The same input through the engine shows the values do reach its issues.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis } from '../../src/core/pipeline';
import { DEFAULT_PARAMETERS, type CellValue, type Issue, type SheetData } from '../../src/core/types';
import { generateDemo, type DemoData } from '../../src/demo';
import { writeDemoFiles } from '../../src/demo/node';
import { readWorkbookFile } from '../../src/workbook/xlsx';

type Plant = 'outside' | 'halfPair' | 'zero' | 'postcodeOnly' | 'badPostcode';
const PLANTS: readonly Plant[] = ['outside', 'halfPair', 'zero', 'postcodeOnly', 'badPostcode'];
const POSTCODES = ['B15 2TT', 'CV1 5FB', 'WS1 1AA', 'DY1 1HB'];
/** One letter short of a postcode's shape, so the validator reports them although coordinates are given. */
const BAD_POSTCODES = ['B15 2T', 'CV1 5F', 'WS1 1A', 'DY1 1H'];
/** Far west of the generated wards, but inside Great Britain's grid. */
const OUTSIDE_EASTING = 250000;

/** Column indexes of the generated offences sheet (see src/demo/offencesSheet.ts). */
const COLUMN = { crimeNumber: 0, offenderId: 1, homeEasting: 7, homeNorthing: 8, homeWard: 9 } as const;

interface Planted {
  readonly plant: Plant;
  readonly row: number;
  readonly easting: number | null;
  readonly northing: number | null;
  readonly postcode: string | null;
}

let workdir: string;
let demo: DemoData;
let offences: SheetData;
let planted: Planted[];

/**
 * The offences sheet with a 'Home Postcode' column and four rows of each plant, taken from clean
 * rows (no generated fault, age 10–17, home coordinates given) spread through the sheet.
 */
function plantHomeProblems(sheet: SheetData): { sheet: SheetData; planted: Planted[] } {
  const clean = demo.truth.offences.rows.filter(
    (row) =>
      row.faults.length === 0 &&
      row.age >= 10 &&
      row.age <= 17 &&
      typeof sheet.rows[row.row - 1][COLUMN.homeEasting] === 'number',
  );
  const chosen = new Map<number, Planted>();
  PLANTS.forEach((plant, p) => {
    for (let k = 0; k < 4; k++) {
      const row = clean[(p * 4 + k) * Math.floor(clean.length / 21)].row;
      const cells = sheet.rows[row - 1];
      const easting = cells[COLUMN.homeEasting] as number;
      const northing = cells[COLUMN.homeNorthing] as number;
      if (plant === 'outside')
        chosen.set(row, { plant, row, easting: OUTSIDE_EASTING + 37 * k, northing, postcode: null });
      if (plant === 'halfPair') chosen.set(row, { plant, row, easting, northing: null, postcode: null });
      if (plant === 'zero') chosen.set(row, { plant, row, easting: 0, northing, postcode: null });
      if (plant === 'postcodeOnly')
        chosen.set(row, { plant, row, easting: null, northing: null, postcode: POSTCODES[k] });
      if (plant === 'badPostcode') chosen.set(row, { plant, row, easting, northing, postcode: BAD_POSTCODES[k] });
    }
  });
  const rows = sheet.rows.map((cells, i): CellValue[] => {
    if (i === 0) return [...cells, 'Home Postcode'];
    const plant = chosen.get(i + 1);
    if (!plant) return [...cells, null];
    const changed = [...cells];
    changed[COLUMN.homeEasting] = plant.easting;
    changed[COLUMN.homeNorthing] = plant.northing;
    if (plant.plant === 'postcodeOnly') changed[COLUMN.homeWard] = null;
    return [...changed, plant.postcode];
  });
  return { sheet: { ...sheet, rows }, planted: [...chosen.values()] };
}

/** Every text of every part of an .xlsx file (sheets, shared strings, tables, charts, properties). */
async function everyPartText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
  const texts = await Promise.all(parts.map((name) => zip.file(name)!.async('string')));
  return texts
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"');
}

/** Consecutive whole numbers in a text, as 'a,b': how a coordinate pair reads however it is punctuated. */
function numberPairs(text: string): Set<string> {
  const numbers = text.match(/\d+/g) ?? [];
  return new Set(numbers.slice(1).map((n, i) => `${Number(numbers[i])},${Number(n)}`));
}

let outputPath: string;
let outputText: string;
let issues: readonly Issue[];

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-shared-'));
  demo = generateDemo({ seed: 5, offences: 2000 });
  const offencesName = demo.truth.sheetNames.offences;
  const original = demo.workbook.sheets.find((sheet) => sheet.name === offencesName)!;
  ({ sheet: offences, planted } = plantHomeProblems(original));
  const workbook = { sheets: demo.workbook.sheets.map((sheet) => (sheet.name === offencesName ? offences : sheet)) };
  const { workbookPath, boundariesPath } = await writeDemoFiles({ ...demo, workbook }, workdir);

  outputPath = path.join(workdir, 'shared.xlsx');
  const quiet = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  let code: number;
  try {
    code = await main([
      'analyse',
      workbookPath,
      '--out',
      outputPath,
      '--boundaries',
      boundariesPath,
      '--simulations',
      '50',
      '--quiet',
    ]);
  } finally {
    quiet.mockRestore();
    out.mockRestore();
  }
  if (code !== 0) throw new Error(`catchment analyse exited ${code}`);
  outputText = await everyPartText(outputPath);

  const engine = runAnalysis(
    {
      workbook: await readWorkbookFile(workbookPath),
      boundaries: { geojson: demo.boundariesGeoJson, source: 'wards.geojson' },
      solver: await loadHighsSolver(),
    },
    { ...DEFAULT_PARAMETERS, simulations: 50 },
  );
  if (!engine.ok) throw new Error(engine.problems.map((p) => p.message).join('\n'));
  issues = engine.result.issues;
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

describe('the engine, for the analyst, quotes the planted home locations', () => {
  const issuesAt = (row: number) =>
    issues.filter((issue) => issue.sheet === demo.truth.sheetNames.offences && issue.row === row);

  it.each(PLANTS)('in its issues for the %s rows', (plant) => {
    for (const { row, easting, northing, postcode } of planted.filter((p) => p.plant === plant)) {
      const quoted = issuesAt(row)
        .map((issue) => `${issue.value} | ${issue.message}`)
        .join('\n');
      if (plant === 'outside' || plant === 'zero') expect(quoted).toContain(`${easting}, ${northing}`);
      if (plant === 'halfPair') expect(quoted).toContain(`'${easting}'`);
      if (plant === 'postcodeOnly' || plant === 'badPostcode') expect(quoted).toContain(postcode);
    }
  });
});

describe('the output workbook, to be shared', () => {
  it('lists every planted row on the Validation sheet, its location withheld (a blank cell stays blank)', async () => {
    const output = await readWorkbookFile(outputPath);
    const validation = output.sheets.find((sheet) => sheet.name === 'Validation')!;
    for (const { plant, row } of planted) {
      const values = validation.rows
        .filter((cells) => cells[0] === demo.truth.sheetNames.offences && cells[1] === row)
        .map((cells) => cells[3]);
      expect(values).toContain(plant === 'halfPair' ? '' : '(withheld: location)');
      // Besides its location, a row may be reported for a type outside the violence groups, shown as given.
      expect(
        values.filter(
          (value) =>
            value !== '' && value !== '(withheld: location)' && value !== 'Public order' && value !== 'Sexual offences',
        ),
      ).toEqual([]);
    }
  });

  it('holds no home coordinate pair from the offences sheet, in any part of the file', () => {
    const pairs = numberPairs(outputText);
    const homes = offences.rows
      .slice(1)
      .filter(
        (cells) => typeof cells[COLUMN.homeEasting] === 'number' && typeof cells[COLUMN.homeNorthing] === 'number',
      )
      .map((cells) => `${cells[COLUMN.homeEasting]},${cells[COLUMN.homeNorthing]}`);
    expect(homes.length).toBeGreaterThan(1000);
    expect(homes.filter((home) => pairs.has(home))).toEqual([]);
  });

  it('holds neither coordinate of a half grid reference', () => {
    const numbers = new Set(outputText.match(/\d+/g));
    const halves = planted.filter((p) => p.plant === 'halfPair').map((p) => String(p.easting));
    expect(halves.filter((easting) => numbers.has(easting))).toEqual([]);
  });

  it('holds no postcode from the offences sheet, however it is spaced', () => {
    const squeezed = outputText.toUpperCase().replace(/\s+/g, '');
    const postcodes = [...POSTCODES, ...BAD_POSTCODES].map((postcode) => postcode.replace(/\s+/g, ''));
    expect(postcodes.filter((postcode) => squeezed.includes(postcode))).toEqual([]);
  });

  it('holds no offence or offender reference from the offences sheet', () => {
    const references = new Set(
      offences.rows
        .slice(1)
        .flatMap((cells) => [cells[COLUMN.crimeNumber], cells[COLUMN.offenderId]])
        .filter((ref) => typeof ref === 'string' && ref !== ''),
    );
    // Every word of the output that could be a reference (letters, digits and '/'), looked up once.
    const words = new Set(outputText.match(/[A-Za-z0-9/]+/g));
    const found = [...references].filter((ref) => words.has(String(ref)));
    expect(references.size).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });
});

/**
 * Two runs of one dialogue written into one workbook (the add-in's case, held as a script): the
 * second, on a shorter period, is protected together with the first, and an intruder differencing
 * the two Wards sheets reaches no small count of the month between them.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import highsLoader from 'highs';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import { expectedFigures, generateRealisticExtract, writeExtract } from '../support/realisticExtract';
import { neededWidth, offencesTable, sliceRange, smallSlices, type Highs } from './intruder';
import { runCli } from './runCli';

let workdir: string;
let highs: Highs;

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-dialogue-runs-'));
  highs = await highsLoader();
});

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

it("protects a dialogue's second run in the same workbook together with its first", async () => {
  const extract = generateRealisticExtract({ seed: 5, crimes: 500 });
  const { workbookPath } = await writeExtract(extract, workdir);
  const script = path.join(workdir, 'dialogue.txt');
  fs.writeFileSync(script, ['run', 'only offences from 2023-04-01 to 2024-02-29', 'run'].join('\n'));
  const out = path.join(workdir, 'two-runs.xlsx');
  const run = await runCli(['analyse', workbookPath, '--script', script, '--out', out]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/Protected together with run 1 on these records/);
  const output = await readWorkbookFile(out);
  // The ledger travels in the workbook, very hidden, as a public copy (its secret stays in the ledger file).
  expect(output.sheets.map((sheet) => sheet.name)).toEqual(
    expect.arrayContaining(['Catchment ledger', 'Catchment ledger (2)']),
  );
  const copy = JSON.parse(
    output.sheets
      .find((sheet) => sheet.name === 'Catchment ledger (2)')!
      .rows.slice(1)
      .map((row) => String(row[0]))
      .join(''),
  );
  expect(copy.secret).toBe('kept in the ledger file');
  expect(copy.runs).toHaveLength(2);
  expect(Object.values(copy.runs[1].cells).every((cell) => (cell as { fingerprint: string }).fingerprint === '')).toBe(
    true,
  );
  expect(JSON.parse(fs.readFileSync(path.join(workdir, 'two-runs.ledger.json'), 'utf8')).runs).toHaveLength(2);

  const outer = offencesTable(output, 'Wards');
  const inner = offencesTable(output, 'Wards (2)');
  const small = smallSlices(
    expectedFigures(extract).offencesByWard,
    expectedFigures(extract, { to: new Date(Date.UTC(2024, 1, 29)) }).offencesByWard,
  );
  expect(small.size).toBeGreaterThanOrEqual(3);
  for (const [ward, slice] of small) {
    const range = sliceRange(highs, outer, inner, ward);
    expect({
      ward,
      slice,
      holds: range.lower <= slice && slice <= range.upper,
      wide: range.upper - range.lower >= neededWidth(outer, ward),
    }).toEqual({ ward, slice, holds: true, wide: true });
  }
}, 120_000);

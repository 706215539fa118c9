/**
 * Disclosure control across runs, attacked as an intruder would: several runs on one realistic
 * extract, published into outputs that share one ledger, read back, and an intruder's own linear
 * programme (HiGHS called directly, a model of its own: per ward, the inner run's count and the
 * slice between the runs) bounds every small slice. The true slices come from the independent
 * calculator (test/support/realisticExtract), never from the product.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import highsLoader from 'highs';
import { readWorkbookFile } from '../../src/workbook/xlsx';
import type { WorkbookData } from '../../src/core/types';
import {
  expectedFigures,
  generateRealisticExtract,
  writeExtract,
  type RealisticExtract,
} from '../support/realisticExtract';
import { neededWidth, offencesTable, sliceRange, smallSlices, type Highs } from './intruder';
import { sheetNamed } from './outputSheets';
import { runCli } from './runCli';

let workdir: string;
let extract: RealisticExtract;
let workbookPath: string;
let highs: Highs;

beforeAll(async () => {
  workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-runs-'));
  extract = generateRealisticExtract({ seed: 11, crimes: 500 });
  ({ workbookPath } = await writeExtract(extract, workdir));
  highs = await highsLoader();
}, 60_000);

afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

async function analyse(
  name: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string; output: WorkbookData | null }> {
  const out = path.join(workdir, `${name}.xlsx`);
  const run = await runCli([
    'analyse',
    workbookPath,
    '--out',
    out,
    '--ledger',
    path.join(workdir, 'ledger.json'),
    '--force',
    ...args,
  ]);
  if (run.code !== 0 && process.env.CATCHMENT_DEBUG)
    console.log(name, run.code, run.stderr.slice(run.stderr.indexOf('cannot be used')));
  return { ...run, output: run.code === 0 ? await readWorkbookFile(out) : null };
}

describe('runs published from one extract into outputs that share a ledger', () => {
  let full: WorkbookData;
  let toFebruary: WorkbookData;
  let under17: WorkbookData;

  beforeAll(async () => {
    full = (await analyse('full', [])).output!;
    const second = await analyse('to-february', ['--to', '2024-02-29']);
    expect(second.stderr + second.stdout).toMatch(/protected together with the earlier ones/);
    toFebruary = second.output!;
    under17 = (await analyse('ages-10-16', ['--age', '10-16'])).output!;
  }, 120_000);

  it('gives an intruder no small March count by differencing the full year and April–February', () => {
    const all = expectedFigures(extract).offencesByWard;
    const window = expectedFigures(extract, { to: new Date(Date.UTC(2024, 1, 29)) }).offencesByWard;
    const small = smallSlices(all, window);
    expect(small.size).toBeGreaterThanOrEqual(5);
    const outer = offencesTable(full);
    const inner = offencesTable(toFebruary);
    for (const [ward, slice] of small) {
      const range = sliceRange(highs, outer, inner, ward);
      expect({
        ward,
        slice,
        holds: range.lower <= slice && slice <= range.upper,
        wide: range.upper - range.lower >= neededWidth(outer, ward),
      }).toEqual({ ward, slice, holds: true, wide: true });
    }
  });

  it('gives an intruder no small count of 17-year-olds by differencing ages 10–17 and 10–16', () => {
    const all = expectedFigures(extract).offencesByWard;
    const younger = expectedFigures(extract, { ageBand: [10, 16] }).offencesByWard;
    const small = smallSlices(all, younger);
    expect(small.size).toBeGreaterThanOrEqual(5);
    const outer = offencesTable(full);
    const inner = offencesTable(under17);
    for (const [ward, slice] of small) {
      const range = sliceRange(highs, outer, inner, ward);
      expect({ ward, slice, wide: range.upper - range.lower >= neededWidth(outer, ward) }).toEqual({
        ward,
        slice,
        wide: true,
      });
    }
  });

  it('refuses a rerun that would weaken the threshold, naming the earlier run and its rules', async () => {
    const weaker = await analyse('threshold-3', ['--threshold', '3']);
    expect(weaker.code).toBe(2);
    expect(weaker.stderr).toMatch(
      /Run 1 in the disclosure ledger published these records under threshold 5.*threshold 3 is below the earlier 5/s,
    );
  });

  it('makes a stricter rerun consistent: counts already published with the same records are shown as then', async () => {
    const stricter = await analyse('threshold-10', ['--threshold', '10']);
    expect({ code: stricter.code, stderr: stricter.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    const before = offencesTable(full);
    const after = offencesTable(stricter.output!);
    let shownAsBefore = 0;
    for (const [ward, { offences }] of before.wards) {
      // Same scope, same records: a count shown at threshold 5 is public, so it is shown again; one withheld stays withheld.
      expect({ ward, offences: after.wards.get(ward)!.offences }).toEqual({ ward, offences });
      if (offences !== '[c]' && offences < 10) shownAsBefore += 1;
    }
    expect(shownAsBefore).toBeGreaterThan(0);
    const method = sheetNamed(stricter.output!, 'Method').rows.flat().map(String).join('\n');
    expect(method).toMatch(/already published/);
  });

  it('still protects a rerun after one row of the extract is edited: the ledger knows the records, not the file', async () => {
    const offences = extract.sheets.offences;
    // The crime reference of a row every run counted is corrected: the file and one offence's records change.
    const { reasonOfRow } = expectedFigures(extract, { ageBand: [10, 16], to: new Date(Date.UTC(2024, 0, 31)) });
    const counted = extract.offences.find((row) => row.fault === null && !reasonOfRow.has(row.row))!;
    const edited = {
      ...offences,
      rows: offences.rows.map((row, i) => (i === counted.row - 1 ? ['EDITED-REF-1', ...row.slice(1)] : row)),
    };
    const sheets = [
      edited,
      extract.sheets.schools,
      extract.sheets.wards,
      ...(extract.sheets.residence ? [extract.sheets.residence] : []),
      extract.sheets.currentList,
      extract.sheets.boundaries,
    ];
    const { workbookPath: editedPath } = await writeExtract(extract, path.join(workdir, 'edited'), { sheets });
    const out = path.join(workdir, 'edited.xlsx');
    const rerun = await runCli([
      'analyse',
      editedPath,
      '--out',
      out,
      '--ledger',
      path.join(workdir, 'ledger.json'),
      '--to',
      '2024-01-31',
      '--threshold',
      '10',
    ]);
    expect({ code: rerun.code, problem: rerun.stderr.slice(rerun.stderr.indexOf('cannot be used')) }).toEqual({
      code: 0,
      problem: expect.any(String),
    });
    expect(rerun.stderr + rerun.stdout).toMatch(/protected together with the earlier ones/);
    const method = sheetNamed(await readWorkbookFile(out), 'Method')
      .rows.flat()
      .map(String)
      .join('\n');
    expect(method).toMatch(/Protected together with runs 1, 2, 3\b/);
    expect(method).toMatch(/counts of the earlier runs now have different records \(edited rows\)/);
    // The intruder differencing the full year and this run (April–January) reaches no small February–March count
    // (the ledger's latest rules are threshold 10, so this rerun uses them: a weaker one would be refused).
    const all = expectedFigures(extract).offencesByWard;
    const window = expectedFigures(extract, { to: new Date(Date.UTC(2024, 0, 31)) }).offencesByWard;
    const outer = offencesTable(full);
    const inner = offencesTable(await readWorkbookFile(out));
    for (const [ward, slice] of smallSlices(all, window)) {
      const range = sliceRange(highs, outer, inner, ward);
      // The edited row moved at most one offence between wards: allow for it in where the slice lies, not in how wide.
      expect({ ward, wide: range.upper - range.lower >= neededWidth(outer, ward) }).toEqual({ ward, wide: true });
      expect(range.lower).toBeLessThanOrEqual(slice + 1);
    }
  });
});

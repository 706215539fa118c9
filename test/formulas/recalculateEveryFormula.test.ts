import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis } from '../../src/core/pipeline';
import type { AnalysisResult, RateEstimate, WardResult } from '../../src/core/pipeline/analysisResult';
import { BYAR_THRESHOLD } from '../../src/core/rates';
import { cellAddress } from '../../src/core/schema/columnLetter';
import { DEFAULT_PARAMETERS, type AnalysisParameters } from '../../src/core/types';
import { buildReport } from '../../src/report';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import { MEASURE_HEADERS, wardColumn } from '../../src/report/wardsSheet';
import { plainCellValue, writeReportBuffer } from '../../src/workbook/xlsx';
import { FLAG_WORDS, flagTieSheet, oracleDisagreements, type TieCase } from './flagTies';
import { CANARY, findSoffice, INSTALL_HINT, recalculate } from './libreOffice';
import { SWITCH_WARDS, switchWorkbook } from './switchWorkbook';

/**
 * The formula twins pinned: every formula of a real output (the Wards sheet's rates, exact and
 * Byar intervals, ratios, funnel limits and flags, the district and area rates, and every formula
 * on the other sheets) is recalculated by LibreOffice and compared, cell by cell, with the result
 * core computed and the writer cached. The input (switchWorkbook) puts ward counts either side of
 * every switch: 0, 9, 10, 11, a ward on each area rate exactly, and pairs of wards one count apart
 * either side of the funnel's and the interval's limits; a 'Flag ties' sheet evaluates the very
 * flag formulas the report generated on exact ties no real count can reach. Two runs cover both
 * flag rules: the default (over-dispersed funnel, 95%, ranked by offences) and the Poisson flag at
 * 99%, ranked by young offenders (the Charts sheet's funnel then draws the other measure).
 */

const RUNS: readonly { readonly label: string; readonly parameters: AnalysisParameters }[] = [
  { label: 'overdispersed', parameters: { ...DEFAULT_PARAMETERS, simulations: 200 } },
  {
    label: 'poisson',
    parameters: {
      ...DEFAULT_PARAMETERS,
      simulations: 200,
      flagMethod: 'poisson',
      confidenceLevel: 0.99,
      rankingMetric: 'youngOffenders',
    },
  },
];

const CONTEXT = {
  tool: 'catchment',
  version: 'test',
  command: 'catchment analyse switches.xlsx',
  startedAt: '2024-06-01T12:00:00.000Z',
  finishedAt: '2024-06-01T12:00:05.000Z',
};

/** Numbers agree to this relative difference (LibreOffice's CHIINV and NORMSINV against core's quantiles). */
const RELATIVE_TOLERANCE = 1e-9;

interface Run {
  readonly label: string;
  readonly result: AnalysisResult;
  /** The report's sheets plus 'Flag ties' (not the canary). */
  readonly models: SheetModel[];
  readonly ties: TieCase[];
}

async function analyse(): Promise<Run[]> {
  const solver = await loadHighsSolver();
  return RUNS.map(({ label, parameters }) => {
    const outcome = runAnalysis(
      { workbook: switchWorkbook(), solver, today: new Date('2024-06-01T00:00:00Z') },
      parameters,
    );
    if (!outcome.ok)
      throw new Error(`The ${label} run stopped: ${outcome.problems.map((one) => one.message).join(' | ')}`);
    const report = buildReport(outcome.result, CONTEXT);
    const wards = report.find((model) => model.name === 'Wards');
    if (!wards) throw new Error('The report has no Wards sheet.');
    const probe = flagTieSheet(wards, outcome.result);
    return { label, result: outcome.result, models: [...report, probe.model], ties: probe.cases };
  });
}

type FormulaCell = Extract<ModelCell, { kind: 'formula' }>;

interface PlacedFormula {
  readonly row: number;
  readonly col: number;
  readonly cell: FormulaCell;
  /** What the cell is, for a reader of a failure: its table column and row label, when in a table. */
  readonly what: string;
}

function formulaCells(model: SheetModel): PlacedFormula[] {
  const found: PlacedFormula[] = [];
  // A free cell is described by the nearest text to its left on its row (a label, a ward's name, a tie case).
  const textLeftOf = (row: number, col: number): string => {
    let best: { col: number; value: string } | undefined;
    for (const placed of model.cells)
      if (placed.row === row && placed.col < col && placed.cell.kind === 'text' && (!best || placed.col > best.col))
        best = { col: placed.col, value: placed.cell.value };
    return best ? `beside '${best.value}'` : '';
  };
  for (const { row, col, cell } of model.cells)
    if (cell.kind === 'formula') found.push({ row, col, cell, what: textLeftOf(row, col) });
  for (const table of model.tables) {
    table.rows.forEach((cells, offset) => {
      const labels = cells.flatMap((cell) => (cell.kind === 'text' ? [cell.value] : [])).slice(0, 2);
      const rowLabel = labels.length > 0 ? labels.join(' ') : `row ${offset + 1}`;
      cells.forEach((cell, colOffset) => {
        if (cell.kind === 'formula')
          found.push({
            row: table.row + 1 + offset,
            col: table.col + colOffset,
            cell,
            what: `${table.name} '${table.headers[colOffset]}' of ${rowLabel}`,
          });
      });
    });
  }
  return found;
}

/** Why a recalculated value is not core's, or null when it is. */
function difference(expected: number | string, actual: unknown, hasFormula: boolean): string | null {
  if (!hasFormula) return 'LibreOffice wrote no formula back';
  if (typeof expected === 'string')
    return actual === expected ? null : `LibreOffice ${JSON.stringify(actual)}, core ${JSON.stringify(expected)}`;
  if (typeof actual !== 'number') return `LibreOffice ${JSON.stringify(actual)}, core ${expected}`;
  const gap = Math.abs(actual - expected);
  if (actual === expected || gap <= RELATIVE_TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected))) return null;
  const relative = gap / Math.max(Math.abs(actual), Math.abs(expected));
  return `LibreOffice ${actual}, core ${expected} (relative difference ${relative.toExponential(2)})`;
}

/**
 * A recalculated cell: whether it still holds a formula, and the result LibreOffice cached for it.
 * Read from the cell's model: ExcelJS's `value` getter drops a formula's result of 0.
 */
function recalculatedCell(cell: ExcelJS.Cell): { hasFormula: boolean; value: unknown } {
  const model = cell.model as { formula?: string; shareType?: string; result?: unknown };
  const hasFormula = model.formula !== undefined || model.shareType !== undefined;
  const result = model.result;
  if (typeof result === 'object' && result !== null && 'error' in result)
    return { hasFormula, value: String((result as { error: unknown }).error) };
  return { hasFormula, value: plainCellValue(result) };
}

const soffice = findSoffice();
const describeIfSoffice = soffice ? describe : describe.skip;
if (!soffice) console.warn(`Skipping the formula recalculation tests: \`soffice\` is not installed (${INSTALL_HINT}).`);

let runs: Run[];
beforeAll(async () => {
  runs = await analyse();
});

describeIfSoffice('every formula of the output, recalculated in LibreOffice, gives core’s value', () => {
  let directory: string;
  const recalculated = new Map<string, { workbook: ExcelJS.Workbook; names: Map<string, string> }>();

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'formula-twins-'));
    const written = await Promise.all(
      runs.map(async (run) => {
        const { buffer, sheetNames } = await writeReportBuffer([...run.models, CANARY]);
        const file = path.join(directory, `${run.label}.xlsx`);
        await fs.writeFile(file, buffer);
        return { run, file, sheetNames };
      }),
    );
    const outputs = await recalculate(
      soffice as string,
      directory,
      written.map(({ file }) => file),
    );
    await Promise.all(
      written.map(async ({ run, sheetNames }, index) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(outputs[index]);
        recalculated.set(run.label, { workbook, names: sheetNames });
      }),
    );
  }, 120_000);

  afterAll(async () => {
    if (directory) await fs.rm(directory, { recursive: true, force: true });
  });

  test.each(RUNS.map(({ label }) => label))('the %s run: cell by cell, on every sheet', (label) => {
    const run = runs.find((one) => one.label === label) as Run;
    const { workbook, names } = recalculated.get(label) as NonNullable<ReturnType<typeof recalculated.get>>;
    const cellAt = (base: string, row: number, col: number) => {
      const sheet = workbook.getWorksheet(names.get(base));
      if (!sheet) throw new Error(`The recalculated workbook has no sheet '${names.get(base)}'.`);
      return recalculatedCell(sheet.getCell(row + 1, col + 1));
    };
    expect(cellAt(CANARY.name, 0, 0)).toEqual({ hasFormula: true, value: 2 }); // LibreOffice really recalculated

    const failures: string[] = [];
    const compared = new Map<string, number>();
    for (const model of run.models) {
      for (const { row, col, cell, what } of formulaCells(model)) {
        const { hasFormula, value } = cellAt(model.name, row, col);
        const problem = difference(cell.result, value, hasFormula);
        if (problem)
          failures.push(
            `${model.name}!${cellAddress(row, col)}${what && ` (${what})`}: ${problem}; formula =${cell.formula}`,
          );
        compared.set(model.name, (compared.get(model.name) ?? 0) + 1);
      }
    }
    const shown = failures.slice(0, 40);
    if (failures.length > shown.length) shown.push(`… and ${failures.length - shown.length} more`);
    expect(shown).toEqual([]);

    // Every ward has a shown count and young residents, the area rates are above 0: per ward, the
    // offences' rate, two limits, ratio, four funnel limits and flag (9) and the young offenders' (8);
    // the two area rates; two districts' two rates.
    expect(compared.get('Wards')).toBe(SWITCH_WARDS.length * 17 + 2 + 2 * 2);
    expect(compared.get('Flag ties')).toBe(run.ties.length);
    // The other sheets' formulas: links, exposure index and pupils, scenario counts and labels, the
    // charts' references, bar lengths, labels and funnel lines, the reconciliation.
    for (const sheet of ['Summary', 'Schools', 'Sensitivity', 'Charts', 'Method'])
      expect([sheet, (compared.get(sheet) ?? 0) > 0]).toEqual([sheet, true]);
  });
});

/** The data reaches every switch, so the comparison above cannot pass vacuously; these need no LibreOffice. */
describe('the crafted input hits every switch', () => {
  const ward = (run: Run, name: string): WardResult => {
    const found = run.result.wards.find((one) => one.wardName === name);
    if (!found) throw new Error(`No ward '${name}'.`);
    return found;
  };
  const shownCount = (estimate: RateEstimate) => (estimate.published.shown ? estimate.published.value : null);

  test('every count is shown: nothing withheld, so every ward figure is a live formula', () => {
    for (const run of runs) {
      for (const one of run.result.wards) {
        expect([one.wardName, shownCount(one.offences)]).toEqual([one.wardName, one.offences.count]);
        expect([one.wardName, shownCount(one.youngOffenders)]).toEqual([one.wardName, one.youngOffenders.count]);
      }
      expect(run.result.area.offenceRate).toBe(10);
      expect(run.result.area.youngOffenderRate).toBe(5);
    }
  });

  test('counts 0, 9, 10 and 11 on both measures, the interval formulas live at each', () => {
    expect(BYAR_THRESHOLD).toBe(10); // the counts below straddle it
    for (const run of runs) {
      const wards = run.models.find((model) => model.name === 'Wards') as SheetModel;
      const table = wards.tables.find((one) => one.name === 'tblWards')!;
      for (const measure of ['offences', 'youngOffenders'] as const) {
        const headers = MEASURE_HEADERS[measure];
        for (const count of [0, BYAR_THRESHOLD - 1, BYAR_THRESHOLD, BYAR_THRESHOLD + 1]) {
          const rows = table.rows.filter((cells) => {
            const cell = cells[wardColumn(headers.count)];
            return cell.kind === 'number' && cell.value === count;
          });
          expect([measure, count, rows.length > 0]).toEqual([measure, count, true]);
          for (const cells of rows)
            for (const header of [headers.rate, headers.lowerCI, headers.upperCI, headers.flag])
              expect([measure, count, header, cells[wardColumn(header)].kind]).toEqual([
                measure,
                count,
                header,
                'formula',
              ]);
        }
      }
    }
  });

  test("a ward ties each area rate exactly: its rate's formula, the area's and a ratio of 1", () => {
    for (const run of runs) {
      const level = ward(run, 'Level Mead');
      expect(level.offences.rate).toBe(run.result.area.offenceRate);
      expect(level.youngOffenders.rate).toBe(run.result.area.youngOffenderRate);
      const wards = run.models.find((model) => model.name === 'Wards') as SheetModel;
      const table = wards.tables.find((one) => one.name === 'tblWards')!;
      const cells = table.rows[run.result.wards.indexOf(level)];
      const ratio = cells[wardColumn(MEASURE_HEADERS.offences.ratio as string)];
      expect(ratio).toMatchObject({ kind: 'formula', result: 1 });
    }
  });

  test('pairs of wards one count apart straddle the funnel limits and the interval limits', () => {
    const flags = (estimate: RateEstimate) => [estimate.funnel?.flags.overdispersed, estimate.funnel?.flags.poisson];
    const [overdispersed, poisson] = runs;
    // 95% over-dispersed funnel: the rate crosses the upper limit between 29 and 30 in 1,500 (Poisson
    // Higher at both, so the funnel binds), and the lower limit between 21 and 22 in 5,000.
    const upperWest = ward(overdispersed, 'Upper Pair West').offences;
    const upperEast = ward(overdispersed, 'Upper Pair East').offences;
    expect([flags(upperWest), flags(upperEast)]).toEqual([
      ['similar', 'higher'],
      ['higher', 'higher'],
    ]);
    expect(upperWest.rate).toBeLessThanOrEqual(upperWest.funnel!.inner.upper);
    expect(upperEast.rate).toBeGreaterThan(upperEast.funnel!.inner.upper);
    const lowerWest = ward(overdispersed, 'Lower Pair West').offences;
    const lowerEast = ward(overdispersed, 'Lower Pair East').offences;
    expect([flags(lowerWest), flags(lowerEast)]).toEqual([
      ['lower', 'lower'],
      ['similar', 'lower'],
    ]);
    expect(lowerWest.rate).toBeLessThan(lowerWest.funnel!.inner.lower);
    expect(lowerEast.rate).toBeGreaterThanOrEqual(lowerEast.funnel!.inner.lower);
    // 99% Poisson flag: the lower limit crosses the area rate between 8 and 9 in 300 (exact
    // intervals) and between 19 and 20 in 1,000 (Byar's), the upper limit between 16 and 17 in 3,000.
    const pair = (west: string, east: string) => [ward(poisson, west).offences, ward(poisson, east).offences];
    const [smallWest, smallEast] = pair('Small Pair West', 'Small Pair East');
    expect([smallWest.count, smallEast.count, smallWest.flag, smallEast.flag]).toEqual([8, 9, 'similar', 'higher']);
    expect(smallEast.count).toBeLessThan(BYAR_THRESHOLD);
    const [byarWest, byarEast] = pair('Byar Pair West', 'Byar Pair East');
    expect([byarWest.count, byarEast.count, byarWest.flag, byarEast.flag]).toEqual([19, 20, 'similar', 'higher']);
    const [lowWest, lowEast] = pair('Low Pair West', 'Low Pair East');
    expect([lowWest.count, lowEast.count, lowWest.flag, lowEast.flag]).toEqual([16, 17, 'lower', 'similar']);
    // Every flag word appears in each run.
    for (const run of runs)
      expect(new Set(run.result.wards.map((one) => one.offences.flag))).toEqual(
        new Set(['higher', 'similar', 'lower']),
      );
  });

  test("the tie rows' expected flags are core's rule, and sit where a changed comparison would move them", () => {
    for (const run of runs) expect(oracleDisagreements(run.result)).toEqual([]);
    const [overdispersed, poisson] = runs;
    expect(overdispersed.ties.map((tie) => tie.expected)).toEqual([
      ...Array<string>(8).fill(FLAG_WORDS.similar),
      FLAG_WORDS.higher,
      FLAG_WORDS.lower,
    ]);
    expect(poisson.ties.map((tie) => tie.expected)).toEqual(
      ['higher', 'similar', 'similar', 'lower', 'similar', 'similar', 'lower', 'similar', 'higher', 'lower'].map(
        (flag) => FLAG_WORDS[flag as keyof typeof FLAG_WORDS],
      ),
    );
  });
});

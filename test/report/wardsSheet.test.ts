import { loadHighsSolver, type LinearSolver } from '../../src/core/disclosure';
import { runAnalysis, type AnalysisResult } from '../../src/core/pipeline';
import type { RateEstimate } from '../../src/core/pipeline/analysisResult';
import { DEFAULT_PARAMETERS, type AnalysisParameters, type FlagMethod } from '../../src/core/types';
import { buildReport } from '../../src/report';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import { MEASURE_HEADERS, NO_YOUNG_RESIDENTS, WARDS_LAYOUT, wardColumn } from '../../src/report/wardsSheet';
import { smallDemo } from '../office/demoReport';
import { SMALL_PARAMETERS, smallWorkbook, WARDS } from '../pipeline/smallWorkbookFixture';
import { recalculate, type FormulaValue } from './evaluateFormula';

/**
 * The Wards sheet's live formulas reproduce core's figures: every formula is recomputed from the
 * sheet's constants alone (counts, populations, the confidence level, φ and τ²) by a small Excel
 * evaluator, never from a cached result, and compared with what core computed: rates, intervals,
 * funnel limits and the flag of the run's method. test/workbook/libreOffice.test.ts does the same
 * with a second spreadsheet engine where LibreOffice is installed.
 */

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

const CONTEXT = { tool: 'test', version: '0', command: 'test', startedAt: '2024-06-01T00:00:00Z' };

function demoResult(parameters: AnalysisParameters): AnalysisResult {
  const demo = smallDemo();
  const outcome = runAnalysis(
    { workbook: demo.workbook, boundaries: { geojson: demo.boundariesGeoJson, source: 'demo' }, solver },
    parameters,
  );
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.result;
}

function smallResult(parameters: AnalysisParameters): AnalysisResult {
  const outcome = runAnalysis({ workbook: smallWorkbook(), solver }, parameters);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.result;
}

const shown = (cell: ModelCell): unknown =>
  cell.kind === 'formula' ? cell.result : cell.kind === 'empty' ? null : cell.value;

/** Every formula of the sheet recomputes to its cached result; returns how many were checked. */
function expectFormulasRecompute(models: readonly SheetModel[], sheetName: string): number {
  const sheet = models.find((model) => model.name === sheetName)!;
  const valueAt = recalculate(models);
  const formulas: { row: number; col: number; cell: Extract<ModelCell, { kind: 'formula' }> }[] = [];
  for (const { row, col, cell } of sheet.cells) if (cell.kind === 'formula') formulas.push({ row, col, cell });
  for (const table of sheet.tables) {
    table.rows.forEach((body, index) =>
      body.forEach((cell, offset) => {
        if (cell.kind === 'formula') formulas.push({ row: table.row + 1 + index, col: table.col + offset, cell });
      }),
    );
  }
  for (const { row, col, cell } of formulas) {
    const value: FormulaValue | null = valueAt(sheetName, row, col);
    if (typeof cell.result === 'number') expect([row, col, value]).toEqual([row, col, expect.closeTo(cell.result, 9)]);
    else expect([row, col, value]).toEqual([row, col, cell.result]);
  }
  return formulas.length;
}

/** For every ward, what the recomputed sheet says for each measure's funnel and flag, against core's estimate. */
function expectFunnelCellsAreCore(
  result: AnalysisResult,
  models: readonly SheetModel[],
): { flagged: number; checked: number } {
  const valueAt = recalculate(models);
  let flagged = 0;
  let checked = 0;
  result.wards.forEach((ward, index) => {
    const row = WARDS_LAYOUT.tableRow + 1 + index;
    for (const measure of ['offences', 'youngOffenders'] as const) {
      const estimate: RateEstimate = ward[measure];
      const headers = MEASURE_HEADERS[measure];
      const at = (header: string) => valueAt('Wards', row, wardColumn(header));
      if (!estimate.published.shown) {
        expect([headers.funnelUpper, headers.outerLower, headers.flag].map(at)).toEqual(['[c]', '[c]', '[c]']);
        continue;
      }
      if (!(ward.youngPopulation > 0)) {
        expect(at(headers.flag)).toBe(NO_YOUNG_RESIDENTS);
        continue;
      }
      const funnel = estimate.funnel!;
      expect(at(headers.funnelLower)).toBeCloseTo(funnel.inner.lower, 9);
      expect(at(headers.funnelUpper)).toBeCloseTo(funnel.inner.upper, 9);
      expect(at(headers.outerLower)).toBeCloseTo(funnel.outer.lower, 9);
      expect(at(headers.outerUpper)).toBeCloseTo(funnel.outer.upper, 9);
      const method: FlagMethod = result.parameters.flagMethod;
      expect([ward.wardCode, measure, at(headers.flag)]).toEqual([
        ward.wardCode,
        measure,
        { higher: 'Higher', lower: 'Lower', similar: 'Similar' }[funnel.flags[method]],
      ]);
      if (funnel.flags[method] !== 'similar') flagged += 1;
      checked += 1;
    }
  });
  return { flagged, checked };
}

describe('on the demo (40 wards), flagged allowing for over-dispersion (the default)', () => {
  let result: AnalysisResult;
  let models: SheetModel[];
  beforeAll(() => {
    result = demoResult({ ...DEFAULT_PARAMETERS, simulations: 50 });
    models = buildReport(result, CONTEXT);
  });

  test('every formula on the Wards sheet, recomputed from the constants, gives the result core cached', () => {
    expect(expectFormulasRecompute(models, 'Wards')).toBeGreaterThan(300);
  });

  test("the funnel limits and the flags on the sheet are core's, ward by ward", () => {
    const { checked } = expectFunnelCellsAreCore(result, models);
    expect(checked).toBeGreaterThan(40);
  });

  test('the area block states φ and τ² as core estimated them from the shown wards', () => {
    const wards = models.find((model) => model.name === 'Wards')!;
    const valueBeside = (label: string) =>
      shown(
        wards.cells.find(
          (c) => c.col === 1 && c.row === wards.cells.find((l) => l.col === 0 && shown(l.cell) === label)!.row,
        )!.cell,
      );
    const dispersion = result.area.funnel.offences.dispersion;
    if (dispersion.kind !== 'estimated') throw new Error('the demo should give an estimate');
    expect(valueBeside('Offences: over-dispersion φ')).toBe(dispersion.phi);
    expect(valueBeside('Offences: between-ward variance τ²')).toBe(dispersion.tauSquared);
    expect(dispersion.phi).toBeGreaterThan(1);
    expect(dispersion.units).toBe(
      result.wards.filter((ward) => ward.offences.published.shown && ward.youngPopulation > 0).length,
    );
  });

  test('the over-dispersed flags are a subset of the Poisson ones', () => {
    for (const ward of result.wards) {
      for (const estimate of [ward.offences, ward.youngOffenders]) {
        const flags = estimate.funnel!.flags;
        if (flags.overdispersed !== 'similar') expect(flags.poisson).toBe(flags.overdispersed);
      }
    }
    const { offences } = result.area.funnel;
    expect(offences.flagged.overdispersed.higher).toBeLessThanOrEqual(offences.flagged.poisson.higher);
  });
});

describe('on the demo, flagged by the plain Poisson comparison (--flags poisson)', () => {
  test("the flag formula is the interval against the area rate, and recomputes to core's Poisson flags", () => {
    const result = demoResult({ ...DEFAULT_PARAMETERS, simulations: 50, flagMethod: 'poisson' });
    const models = buildReport(result, CONTEXT);
    expectFormulasRecompute(models, 'Wards');
    const { flagged } = expectFunnelCellsAreCore(result, models);
    // The demo has wards the Poisson comparison flags (it is why the default changed).
    expect(flagged).toBeGreaterThan(0);
    const wards = models.find((model) => model.name === 'Wards')!;
    const flag = wards.tables[0].rows[0][wardColumn('Offences vs area')];
    expect(flag.kind === 'formula' ? flag.formula : '').toBe('IF(G16>$B$6,"Higher",IF(H16<$B$6,"Lower","Similar"))');
  });
});

describe('on the small hand-made workbook', () => {
  test('nothing withheld (threshold 1): the formulas recompute, and W1 sits inside the widened funnel', () => {
    // Worked in test/pipeline/smallWorkbook.test.ts: τ² = 0.308458, W1's upper limit 17.064 > its rate 10.
    const result = smallResult({ ...SMALL_PARAMETERS, threshold: 1 });
    const models = buildReport(result, CONTEXT);
    expectFormulasRecompute(models, 'Wards');
    expectFunnelCellsAreCore(result, models);
    const w1 = models.find((model) => model.name === 'Wards')!.tables[0].rows[0];
    expect(shown(w1[wardColumn('Offence funnel upper')])).toBeCloseTo(17.064, 3);
    expect(shown(w1[wardColumn('Offences vs area')])).toBe('Similar');
    // The flag formula: rate beyond the funnel and interval clear of the area rate, on row 16 (header on row 15).
    const flag = w1[wardColumn('Offences vs area')];
    expect(flag.kind === 'formula' ? flag.formula : '').toBe(
      'IF(AND(F16>K16,G16>$B$6),"Higher",IF(AND(F16<J16,H16<$B$6),"Lower","Similar"))',
    );
    const upper = w1[wardColumn('Offence funnel upper')];
    expect(upper.kind === 'formula' ? upper.formula : '').toBe(
      '$B$6*(1+NORMSINV(1-(1-$B$9)/2)*SQRT(1000/(4*$B$6*D16)+$B$11))^2',
    );
  });

  test('withheld wards show [c] in every column derived from their count, the funnel limits included', () => {
    const result = smallResult(SMALL_PARAMETERS);
    const models = buildReport(result, CONTEXT);
    expectFormulasRecompute(models, 'Wards');
    expectFunnelCellsAreCore(result, models);
    const rows = models.find((model) => model.name === 'Wards')!.tables[0].rows;
    const w1 = rows[result.wards.findIndex((ward) => ward.wardCode === WARDS.W1.code)];
    const offenceColumns = [
      'Offences',
      'Offence rate per 1,000',
      'Offence rate lower CI',
      'Offence rate upper CI',
      'Offence ratio to area',
      'Offence funnel lower',
      'Offence funnel upper',
      'Offence funnel lower 99.8%',
      'Offence funnel upper 99.8%',
      'Offences vs area',
    ];
    expect(offenceColumns.map((header) => shown(w1[wardColumn(header)]))).toEqual(Array(10).fill('[c]'));
    // One ward shown (W4's 0): too few to estimate the over-dispersion, said in the area block, and τ² = 0.
    const wards = models.find((model) => model.name === 'Wards')!;
    const rowOf = (label: string) => wards.cells.find((c) => c.col === 0 && shown(c.cell) === label)!.row;
    const valueBeside = (label: string) => shown(wards.cells.find((c) => c.col === 1 && c.row === rowOf(label))!.cell);
    expect(valueBeside('Offences: over-dispersion φ')).toBe('not estimated: one ward shown, too few');
    expect(valueBeside('Offences: between-ward variance τ²')).toBe(0);
  });

  test('the sheet says which rule the flags follow', () => {
    const note = (parameters: AnalysisParameters) =>
      String(
        shown(
          buildReport(smallResult(parameters), CONTEXT)
            .find((model) => model.name === 'Wards')!
            .cells.find((c) => c.row === 1)!.cell,
        ),
      );
    expect(note(SMALL_PARAMETERS)).toContain(
      'outside the 95% funnel limits round the area rate, widened for the spread between wards beyond chance',
    );
    expect(note({ ...SMALL_PARAMETERS, flagMethod: 'poisson' })).toContain(
      'the plain Poisson comparison, flag method "poisson"',
    );
  });

  test('the flag columns are filled red for "Higher" and blue for "Lower"', () => {
    const wards = buildReport(smallResult(SMALL_PARAMETERS), CONTEXT).find((model) => model.name === 'Wards')!;
    expect(wards.conditionalFills).toEqual([
      { range: 'N16:N19', equals: 'Higher', fill: 'FFC7CE' },
      { range: 'N16:N19', equals: 'Lower', fill: 'DDEBF7' },
      { range: 'W16:W19', equals: 'Higher', fill: 'FFC7CE' },
      { range: 'W16:W19', equals: 'Lower', fill: 'DDEBF7' },
    ]);
    expect(wards.freezeRows).toBe(15);
  });
});

describe('when a measure has nothing to compare with', () => {
  test('an area total of 0: the ratio and funnel cells say so, the flag is "Similar", and no formula divides by 0', () => {
    const result = smallResult({ ...SMALL_PARAMETERS, threshold: 1 });
    const nothing = {
      ...result.area.funnel.youngOffenders,
      dispersion: { kind: 'noAreaRate' as const },
      tauSquared: 0,
    };
    const zero: AnalysisResult = {
      ...result,
      area: {
        ...result.area,
        youngOffenders: 0,
        youngOffendersPublished: { shown: true, value: 0 },
        youngOffenderRate: 0,
        funnel: { ...result.area.funnel, youngOffenders: nothing },
      },
      wards: result.wards.map((ward) => ({
        ...ward,
        youngOffenders: {
          ...ward.youngOffenders,
          count: 0,
          published: { shown: true, value: 0 },
          rate: 0,
          lower: 0,
          upper: 3.689 / (ward.youngPopulation / 1000),
          flag: 'similar',
          funnel: {
            inner: { lower: Number.NaN, upper: Number.NaN },
            outer: { lower: Number.NaN, upper: Number.NaN },
            flags: { overdispersed: 'similar', poisson: 'similar' },
          },
        },
      })),
    };
    const models = buildReport(zero, CONTEXT);
    // Ranked on that measure, there would be no funnel plot either.
    const ranked = buildReport(
      { ...zero, parameters: { ...zero.parameters, rankingMetric: 'youngOffenders' } },
      CONTEXT,
    );
    expect(ranked.find((model) => model.name === 'Charts')!.charts.map((chart) => chart.type)).not.toContain('scatter');
    const row = models.find((model) => model.name === 'Wards')!.tables[0].rows[0];
    const headers = MEASURE_HEADERS.youngOffenders;
    expect(
      [headers.funnelLower, headers.outerUpper, headers.flag].map((header) => shown(row[wardColumn(header)])),
    ).toEqual(['n/a (area rate 0)', 'n/a (area rate 0)', 'Similar']);
    const valueAt = recalculate(models);
    expect(valueAt('Wards', WARDS_LAYOUT.tableRow + 1, wardColumn(headers.upperCI))).toBeCloseTo(3.689, 3);
  });
});

import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis, type AnalysisResult } from '../../src/core/pipeline';
import type { RateEstimate, SchoolResult, WardResult } from '../../src/core/pipeline/analysisResult';
import { buildChartsSheet } from '../../src/report/chartsSheet';
import { buildSchoolsSheet } from '../../src/report/schoolsSheet';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import { buildWardsSheet } from '../../src/report/wardsSheet';
import { demoReport } from '../office/demoReport';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';
import { recalculate } from './evaluateFormula';

/**
 * The Charts sheet's data blocks and floating-bar charts, on the small hand-made workbook with its
 * schools' ranks and wards' rates replaced by round figures worked by hand:
 *
 * Schools (Schools sheet table header on row 5, so the schools on rows 6, 7, 8; the Charts block's
 * header on row 4, its rows 5, 6, 7):
 *   St Jude's      rank 1, interval 1–4: bar 0.5 to 4.5, shade changes at 1 -> 0.5, 0.5, 3.5
 *   Hill Top       rank 2, interval 2–2: bar 1.5 to 2.5                    -> 1.5, 0.5, 0.5
 *   =Elm Grove     rank 3, interval 4–6 (the point rank outside it, as a simulation may give):
 *                  bar 2.5 to 6.5, so it still reaches the rank           -> 2.5, 0.5, 3.5
 * Wards (Wards sheet table header on row 15, under the area block, so Alpha, Beta, Gamma, Delta on rows 16–19), offence
 * rates per 1,000 with their limits: Alpha 12.345 (6.25–20.05), Beta withheld, Gamma 30 (20–45),
 * Delta 0 (0–3.69). Charted highest first: Gamma, Alpha, Delta (block header on row 4 + 3 schools
 * + 3 = row 10, so rows 11, 12, 13).
 */

let base: AnalysisResult;
beforeAll(async () => {
  const outcome = runAnalysis({ workbook: smallWorkbook(), solver: await loadHighsSolver() }, SMALL_PARAMETERS);
  if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('\n'));
  base = outcome.result;
});

const SCHOOLS = [
  { name: "St Jude's", rank: 1, rankLower: 1, rankUpper: 4 },
  { name: 'Hill Top', rank: 2, rankLower: 2, rankUpper: 2 },
  { name: '=Elm Grove', rank: 3, rankLower: 4, rankUpper: 6 },
];

const RATES: Record<string, Pick<RateEstimate, 'rate' | 'lower' | 'upper'> | 'withheld'> = {
  Alpha: { rate: 12.345, lower: 6.25, upper: 20.05 },
  Beta: 'withheld',
  Gamma: { rate: 30, lower: 20, upper: 45 },
  Delta: { rate: 0, lower: 0, upper: 3.69 },
};

/** The small workbook's result with the figures above, measured by `metric`. */
function handMade(metric: 'offences' | 'youngOffenders'): AnalysisResult {
  const estimate = (original: RateEstimate, wardName: string): RateEstimate => {
    const given = RATES[wardName];
    return given === 'withheld'
      ? { ...original, published: { shown: false, reason: 'primary' } }
      : { ...original, ...given, published: { shown: true, value: 1 } };
  };
  const schools: SchoolResult[] = SCHOOLS.map((figures, index) => ({ ...base.schools[index], ...figures }));
  const wards: WardResult[] = base.wards.map((ward) => ({ ...ward, [metric]: estimate(ward[metric], ward.wardName) }));
  return { ...base, schools, wards, parameters: { ...base.parameters, rankingMetric: metric } };
}

/** The cell a model sheet writes at an A1 address, from its free cells or its tables. */
function cellAt(sheet: SheetModel, a1: string): ModelCell | undefined {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const row = Number(digits) - 1;
  const free = sheet.cells.find((placed) => placed.row === row && placed.col === col);
  if (free) return free.cell;
  for (const table of sheet.tables) {
    const body = table.rows[row - table.row - 1];
    if (body && col >= table.col && col < table.col + table.headers.length) return body[col - table.col];
  }
  return undefined;
}

/** What a cell shows: a number or text, or a formula's result. */
function shown(cell: ModelCell | undefined): unknown {
  if (!cell || cell.kind === 'empty') return null;
  return cell.kind === 'formula' ? cell.result : cell.value;
}

const formulaOf = (cell: ModelCell | undefined) =>
  cell?.kind === 'formula' ? cell.formula : `(not a formula: ${JSON.stringify(cell)})`;

/** The data blocks start at column O (0-based 14), right of the charts: block column A is sheet column O. */
const BLOCK_OFFSET = 14;

/** A block's rows from its first body row, its columns lettered from the block's first (A = column O): each column's formula (or text) and shown value. */
function blockRows(
  sheet: SheetModel,
  firstRow: number,
  rows: number,
  columns: string,
): { formulas: string[]; values: unknown[] }[] {
  return Array.from({ length: rows }, (_unused, index) => {
    const cells = [...columns].map((letter) =>
      cellAt(sheet, `${String.fromCharCode(letter.charCodeAt(0) + BLOCK_OFFSET)}${firstRow + index}`),
    );
    return {
      formulas: cells.map((cell) => (cell?.kind === 'formula' ? cell.formula : String(shown(cell)))),
      values: cells.map(shown),
    };
  });
}

describe('the schools block', () => {
  test('each school reads its rank and interval from its own row of the Schools sheet', () => {
    const charts = buildChartsSheet(handMade('offences'));
    expect(blockRows(charts, 5, 3, 'ABCD').map((row) => row.formulas)).toEqual([
      ["St Jude's", '{{Schools}}!A6', '{{Schools}}!B6', '{{Schools}}!C6'],
      ['Hill Top', '{{Schools}}!A7', '{{Schools}}!B7', '{{Schools}}!C7'],
      ['=Elm Grove', '{{Schools}}!A8', '{{Schools}}!B8', '{{Schools}}!C8'],
    ]);
    // Each reference's result is what the Schools sheet publishes in that cell.
    const schools = buildSchoolsSheet(handMade('offences'));
    for (const placed of charts.cells.filter(
      (one) => one.cell.kind === 'formula' && one.cell.formula.startsWith('{{Schools}}!'),
    )) {
      expect(shown(placed.cell)).toBe(shown(cellAt(schools, formulaOf(placed.cell).replace('{{Schools}}!', ''))));
    }
  });

  test('a bar runs from half a rank below its interval to half a rank above it, the shade changing at the rank', () => {
    const rows = blockRows(buildChartsSheet(handMade('offences')), 5, 3, 'EFG');
    expect(rows.map((row) => row.values)).toEqual([
      [0.5, 0.5, 3.5],
      [1.5, 0.5, 0.5],
      [2.5, 0.5, 3.5],
    ]);
    expect(rows[0].formulas).toEqual(['MIN(P5,Q5)-0.5', 'P5-S5', 'MAX(P5,R5)+0.5-P5']);
  });

  test('the last bar length is padded on the right, so it never runs into the label beside it', () => {
    const sheet = buildChartsSheet(handMade('offences'));
    // Block column G (the length beyond the estimate) of the first school, row 5: '0.0_)' leaves a bracket's width of space.
    const beyond = cellAt(sheet, `${String.fromCharCode('G'.charCodeAt(0) + BLOCK_OFFSET)}5`);
    expect(beyond?.style?.numberFormat).toMatch(/_\)$/);
  });

  test('each label gives the rank, the school and its interval, the interval once when it is a single rank', () => {
    const rows = blockRows(buildChartsSheet(handMade('offences')), 5, 3, 'H');
    expect(rows.map((row) => row.values[0])).toEqual(["1. St Jude's (1–4)", '2. Hill Top (2)', '3. =Elm Grove (4–6)']);
    expect(rows[1].formulas[0]).toBe('P6&". "&O6&" ("&IF(Q6=R6,Q6,Q6&"–"&R6)&")"');
  });
});

describe('the wards block', () => {
  test('only wards whose count is shown are charted, highest rate first, reading the rate and limits from their Wards rows', () => {
    const rows = blockRows(buildChartsSheet(handMade('offences')), 11, 3, 'ABCD');
    // The offence rate, lower and upper limit are columns F, G, H of the Wards sheet.
    expect(rows.map((row) => row.formulas)).toEqual([
      ['Gamma', '{{Wards}}!F18', '{{Wards}}!G18', '{{Wards}}!H18'],
      ['Alpha', '{{Wards}}!F16', '{{Wards}}!G16', '{{Wards}}!H16'],
      ['Delta', '{{Wards}}!F19', '{{Wards}}!G19', '{{Wards}}!H19'],
    ]);
    expect(cellAt(buildChartsSheet(handMade('offences')), 'O14')).toBeUndefined();
  });

  test('a young offender ranking charts the young offender rate columns P, Q, R', () => {
    const rows = blockRows(buildChartsSheet(handMade('youngOffenders')), 11, 1, 'BCD');
    expect(rows[0].formulas).toEqual(['{{Wards}}!P18', '{{Wards}}!Q18', '{{Wards}}!R18']);
  });

  test('a bar runs from the lower to the upper limit, the shade changing at the rate', () => {
    const rows = blockRows(buildChartsSheet(handMade('offences')), 11, 3, 'EFG');
    expect(rows.map((row) => row.values)).toEqual([
      [20, 10, 15],
      [6.25, expect.closeTo(6.095, 12), expect.closeTo(7.705, 12)],
      [0, 0, 3.69],
    ]);
    expect(rows[0].formulas).toEqual(['MIN(P11,Q11)', 'P11-S11', 'MAX(P11,R11)-P11']);
  });

  test("each column is labelled with the ward alone (the column shows its figures), from the block's name cell", () => {
    const rows = blockRows(buildChartsSheet(handMade('offences')), 11, 3, 'H');
    expect(rows.map((row) => row.values[0])).toEqual(['Gamma', 'Alpha', 'Delta']);
    expect(rows.map((row) => row.formulas[0])).toEqual(['O11', 'O12', 'O13']);
  });

  test("every row repeats the area's rate from the Wards sheet's area block, for the area-average line", () => {
    // The offence rate of the area sits at B6 of the Wards sheet, the young offender rate at B8.
    for (const [metric, cell, rate] of [
      ['offences', '$B$6', base.area.offenceRate],
      ['youngOffenders', '$B$8', base.area.youngOffenderRate],
    ] as const) {
      const sheet = buildChartsSheet(handMade(metric));
      expect(shown(cellAt(sheet, 'W10'))).toBe('Area average');
      const rows = blockRows(sheet, 11, 3, 'I');
      expect(rows.map((row) => row.formulas[0])).toEqual(Array(3).fill(`{{Wards}}!${cell}`));
      expect(rows.map((row) => row.values[0])).toEqual([rate, rate, rate]);
    }
  });

  test('no formula on the Charts sheet reads a withheld [c] cell of the Wards sheet', () => {
    for (const result of [base, handMade('offences'), handMade('youngOffenders')]) {
      const wards = buildWardsSheet(result);
      const references = buildChartsSheet(result).cells.flatMap((placed) =>
        [...formulaOf(placed.cell).matchAll(/\{\{Wards\}\}!([A-Z]+\d+)/g)].map((match) => match[1]),
      );
      expect(references.length).toBeGreaterThan(0);
      for (const reference of references)
        expect([reference, typeof shown(cellAt(wards, reference))]).toEqual([reference, 'number']);
    }
  });
});

describe('the charts', () => {
  test('the first two are floating bars: an invisible base, then two shades meeting at the estimate, top row first, no legend', () => {
    const charts = buildChartsSheet(handMade('offences')).charts;
    // The schools as bars across, rank 1 at the top; the wards as upright columns, highest rate first on the left.
    expect(charts.map((chart) => [chart.type, chart.reverseCategories, chart.legend])).toEqual([
      ['barStacked', true, false],
      ['columnStacked', false, false],
      ['scatter', undefined, true],
    ]);
    const [schools, wards] = charts;
    // Values from columns S (start, 18), T (19) and U (20); categories from the labels in V (21).
    expect(
      schools.series.map((series) => [
        series.values.col,
        series.values.firstRow,
        series.values.lastRow,
        series.categories.col,
        series.color,
        series.outline,
      ]),
    ).toEqual([
      [18, 4, 6, 21, 'none', undefined],
      [19, 4, 6, 21, '2F5597', '1F3864'],
      [20, 4, 6, 21, '9DC3E6', '1F3864'],
    ]);
    // The wards' three segments, then the area average from column W (22) as a dashed line over them.
    expect(
      wards.series.map((series) => [series.values.col, series.values.firstRow, series.values.lastRow, series.draw]),
    ).toEqual([
      [18, 10, 12, undefined],
      [19, 10, 12, undefined],
      [20, 10, 12, undefined],
      [22, 10, 12, 'dashedLine'],
    ]);
    expect(wards.title).toContain('the dashed line is the area average');
    // The value axis runs along the bottom of the bars, up the side of the columns.
    expect([schools.xAxisTitle, wards.yAxisTitle]).toEqual([
      'Rank (1 = most exposed)',
      'Rate per 1,000 young residents',
    ]);
  });

  test('the charts and the map sit from column A, one under another without overlapping, the blocks to their right and off the print area', () => {
    const sheet = buildChartsSheet(handMade('offences'));
    const [schools, wards, funnel] = sheet.charts.map((chart) => chart.anchor);
    expect([schools.col, wards.col, funnel.col, sheet.images[0].anchor.col]).toEqual([0, 0, 0, 0]);
    // Twelve columns of charts print (A–L); the blocks from column O do not.
    expect(sheet.print?.area?.lastCol).toBe(11);
    expect(Math.min(...sheet.charts.map((chart) => chart.anchor.col + chart.anchor.widthCols))).toBeLessThanOrEqual(12);
    expect(wards.row).toBeGreaterThan(schools.row + schools.heightRows);
    expect(funnel.row).toBeGreaterThan(wards.row + wards.heightRows);
    expect(sheet.images[0].anchor.row).toBeGreaterThan(funnel.row + funnel.heightRows);
  });
});

/*
 * The funnel plot's blocks sit under the wards block (header on row 10, three wards, so from row 16):
 * the shown wards with young residents, smallest first (all have 1,000, so by code: Alpha E05000001,
 * Gamma E05000003, Delta E05000004; Beta is withheld) on rows 17–19, each reading its population
 * (column D) and rate (column F) from its Wards row (16, 18, 19); then, two rows on, the limits
 * block's header on row 22 and 41 populations on rows 23–63.
 */
describe('the funnel plot', () => {
  test('plots each shown ward at its young population and rate, read from its Wards row; withheld wards are left out', () => {
    const rows = blockRows(buildChartsSheet(handMade('offences')), 17, 3, 'ABC');
    expect(rows.map((row) => row.formulas)).toEqual([
      ['Alpha', '{{Wards}}!D16', '{{Wards}}!F16'],
      ['Gamma', '{{Wards}}!D18', '{{Wards}}!F18'],
      ['Delta', '{{Wards}}!D19', '{{Wards}}!F19'],
    ]);
    expect(rows.map((row) => row.values)).toEqual([
      ['Alpha', 1000, 12.345],
      ['Gamma', 1000, 30],
      ['Delta', 1000, 0],
    ]);
    expect(shown(cellAt(buildChartsSheet(handMade('offences')), 'O16'))).toBe('Ward (funnel plot)');
    expect(shown(cellAt(buildChartsSheet(handMade('offences')), 'O20'))).toBeNull();
  });

  test("draws the area rate and the limits through 41 populations, as formulas on the Wards sheet's area rate, τ² and confidence", () => {
    const sheet = buildChartsSheet(handMade('offences'));
    expect(blockRows(sheet, 22, 1, 'ABCDEF')[0].values).toEqual([
      'Young population (limits)',
      'Area rate',
      'Lower 95% limit',
      'Upper 95% limit',
      'Lower 99.8% limit',
      'Upper 99.8% limit',
    ]);
    const [first] = blockRows(sheet, 23, 1, 'ABDF');
    expect(first.formulas).toEqual([
      'MIN($P$17:$P$19)*(MAX($P$17:$P$19)/MIN($P$17:$P$19))^(0/40)',
      '{{Wards}}!$B$6',
      '{{Wards}}!$B$6*(1+NORMSINV(1-(1-{{Wards}}!$B$9)/2)*SQRT(1000/(4*{{Wards}}!$B$6*O23)+{{Wards}}!$B$11))^2',
      '{{Wards}}!$B$6*(1+NORMSINV(1-(1-0.998)/2)*SQRT(1000/(4*{{Wards}}!$B$6*O23)+{{Wards}}!$B$11))^2',
    ]);
    expect(cellAt(sheet, 'O63')).toBeDefined();
    expect(cellAt(sheet, 'O64')).toBeUndefined();
  });

  test('is a scatter chart: the wards as markers, the area rate and the 95% limits as lines, the 99.8% limits dashed', () => {
    const funnel = buildChartsSheet(handMade('offences')).charts[2];
    expect(funnel.type).toBe('scatter');
    // 0-based: the wards on rows 16–18 (x in column P, y in Q); the limits on rows 22–62 (x in column O).
    expect(
      funnel.series.map((series) => [
        series.name,
        series.categories.col,
        series.categories.firstRow,
        series.categories.lastRow,
        series.values.col,
        series.draw,
        series.color,
      ]),
    ).toEqual([
      ['Wards', 15, 16, 18, 16, 'markers', '2F5597'],
      ['Area rate', 14, 22, 62, 15, 'line', '595959'],
      ['Lower 95% limit', 14, 22, 62, 16, 'line', 'ED7D31'],
      ['Upper 95% limit', 14, 22, 62, 17, 'line', 'ED7D31'],
      ['Lower 99.8% limit', 14, 22, 62, 18, 'dashedLine', 'C00000'],
      ['Upper 99.8% limit', 14, 22, 62, 19, 'dashedLine', 'C00000'],
    ]);
    expect([funnel.xAxisTitle, funnel.yAxisTitle]).toEqual([
      'Young residents aged 10–17',
      'Rate per 1,000 young residents',
    ]);
    // One ward's offences shown (threshold 3): too few to estimate over-dispersion, so the limits are the Poisson ones, and the title says so.
    expect(funnel.title).toBe(
      'Funnel plot: offence rate per 1,000 by young population, with the area rate and its 95% and 99.8% limits, Poisson (no over-dispersion to allow for)',
    );
  });

  test('without a published area rate there is no funnel (its limits would give the rate away)', () => {
    const result = handMade('youngOffenders');
    const withheld: AnalysisResult = {
      ...result,
      area: {
        ...result.area,
        youngOffenderRate: Number.NaN,
        funnel: {
          ...result.area.funnel,
          youngOffenders: { ...result.area.funnel.youngOffenders, dispersion: { kind: 'noAreaRate' } },
        },
      },
    };
    const sheet = buildChartsSheet(withheld);
    expect(sheet.charts.map((chart) => chart.type)).toEqual(['barStacked', 'columnStacked']);
    // Nor a line at it: the ward chart keeps its three segments, and no cell repeats the rate.
    expect(sheet.charts[1].series).toHaveLength(3);
    expect(sheet.cells.some((placed) => shown(placed.cell) === 'Area average')).toBe(false);
    expect(sheet.cells.some((placed) => shown(placed.cell) === 'Ward (funnel plot)')).toBe(false);
  });

  test("on the demo, every formula of the Charts sheet recalculates to the result cached, from the Wards sheet's constants", async () => {
    const { models, result } = await demoReport();
    const charts = models.find((model) => model.name === 'Charts')!;
    expect(charts.charts[2].title).toMatch(/limits, widened for over-dispersion$/);
    const valueAt = recalculate(models);
    let checked = 0;
    for (const { row, col, cell } of charts.cells) {
      if (cell.kind !== 'formula') continue;
      const value = valueAt('Charts', row, col);
      if (typeof cell.result === 'number')
        expect([row, col, value]).toEqual([row, col, expect.closeTo(cell.result, 9)]);
      else expect([row, col, value]).toEqual([row, col, cell.result]);
      checked += 1;
    }
    // The funnel's blocks: two formulas per plotted ward and six per population.
    const plotted = result.wards.filter((ward) => ward.offences.published.shown && ward.youngPopulation > 0).length;
    expect(
      charts.cells.filter(
        (placed) => placed.cell.kind === 'formula' && /NORMSINV|\^\(\d+\/40\)/.test(placed.cell.formula),
      ).length,
    ).toBe(41 * 5);
    expect(checked).toBeGreaterThan(2 * plotted + 41 * 6);
  });
});

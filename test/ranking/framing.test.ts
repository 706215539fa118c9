import { parseAnalyseArguments } from '../../src/cli/parseArguments';
import { loadHighsSolver, type LinearSolver } from '../../src/core/disclosure';
import { runAnalysis, type AnalysisResult } from '../../src/core/pipeline';
import { buildMethodSheet } from '../../src/report/methodSheet';
import type { RunContext } from '../../src/report/runContext';
import { buildSchoolsSheet } from '../../src/report/schoolsSheet';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import { buildSummarySheet } from '../../src/report/summarySheet';
import { buildChartsSheet } from '../../src/report/chartsSheet';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';

const ADVISORY = 'Advisory: where prevention support may help most, not a judgement of any school.';
const CONTEXT: RunContext = { tool: 'catchment', version: 'test', command: 'test', startedAt: '2024-06-01T00:00:00Z' };

let solver: LinearSolver;
beforeAll(async () => {
  solver = await loadHighsSolver();
});

function run(showAttending: boolean | undefined): AnalysisResult {
  const { showAttending: _ignored, ...rest } = SMALL_PARAMETERS;
  const outcome = runAnalysis(
    { workbook: smallWorkbook(), solver },
    showAttending === undefined ? rest : { ...rest, showAttending },
  );
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.result;
}

const shown = (cell: ModelCell): unknown =>
  cell.kind === 'formula' ? cell.result : cell.kind === 'empty' ? null : cell.value;
const texts = (sheet: SheetModel): string[] =>
  sheet.cells.map((c) => shown(c.cell)).filter((v): v is string => typeof v === 'string');

describe('young offenders attending each school', () => {
  it('stay out of the results, the disclosure control and the Schools sheet by default', () => {
    const result = run(undefined);
    expect(result.schools.map((school) => school.offendersAttending)).toEqual([null, null, null]);
    expect(result.schoolsAttendingTotal.published).toBeNull();
    expect(result.phaseTotals).toEqual([]);
    // Published counts: 4 wards × 2 measures and the 2 area totals (one district, so no subtotal); no school table.
    expect(result.disclosure).toMatchObject({ cells: 10, relations: 2 });
    const schools = buildSchoolsSheet(result);
    expect(schools.tables.map((t) => t.name)).toEqual(['tblSchools']);
    expect(schools.tables[0].headers).not.toContain('Young offenders attending');
    expect(schools.tables[0].rows.every((row) => row.length === schools.tables[0].headers.length)).toBe(true);
    // Long statements break over several lines of the sheet: read them joined.
    const method = texts(buildMethodSheet(result, CONTEXT)).join(' ').replace(/\s+/g, ' ');
    expect(method).toContain(
      'Young offenders attending each school not published (the default). It is the figure most likely to stigmatise a school',
    );
  });

  it('are published, under the disclosure control, when asked for', () => {
    const result = run(true);
    expect(result.schools.every((school) => school.offendersAttending !== null)).toBe(true);
    // Plus the 3 secondary schools ranked and their total, one more relation.
    expect(result.disclosure).toMatchObject({ cells: 14, relations: 3 });
    const schools = buildSchoolsSheet(result);
    expect(schools.tables.map((t) => t.name)).toEqual(['tblSchools', 'tblPhaseTotals']);
    expect(schools.tables[0].headers).toContain('Young offenders attending');
  });

  it('are asked for on the command line with --show-attending', () => {
    expect(parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx']).parameters.showAttending).toBeUndefined();
    expect(parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', '--show-attending']).parameters.showAttending).toBe(
      true,
    );
    expect(parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', '--smoothing', 'eb']).parameters.smoothing).toBe(
      'empiricalBayes',
    );
    expect(() => parseAnalyseArguments(['in.xlsx', '--out', 'out.xlsx', '--smoothing', 'loess'])).toThrow(
      /--smoothing expects eb/,
    );
  });
});

describe('every ranking table', () => {
  it("carries the advisory line: the Summary's top schools, the Schools sheet and the top-schools chart", () => {
    const result = run(undefined);
    expect(texts(buildSummarySheet(result))).toContain(ADVISORY);
    expect(texts(buildSchoolsSheet(result))).toContain(ADVISORY);
    expect(texts(buildChartsSheet(result))).toContain(ADVISORY);
  });
});

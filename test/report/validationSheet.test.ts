import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis, type AnalysisResult } from '../../src/core/pipeline';
import { buildValidationSheet } from '../../src/report/validationSheet';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import { SMALL_PARAMETERS, smallWorkbook } from '../pipeline/smallWorkbookFixture';

/**
 * The small hand-made workbook (test/pipeline/smallWorkbookFixture.ts): offender O7 (row 9) lives at
 * (410,000, 290,000), outside every ward; offence C017 (row 18) happened there; row 17's age is
 * 'unknown'; row 19 repeats row 3 (C002, O1); row 11 names school 999999, which is not in the
 * schools sheet.
 */
let result: AnalysisResult;
let sheet: SheetModel;

beforeAll(async () => {
  const outcome = runAnalysis({ workbook: smallWorkbook(), solver: await loadHighsSolver() }, SMALL_PARAMETERS);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  result = outcome.result;
  sheet = buildValidationSheet(result);
});

const shown = (cell: ModelCell): unknown =>
  cell.kind === 'formula' ? cell.result : cell.kind === 'empty' ? null : cell.value;

/** Every text the sheet shows, free cells and table alike. */
const allTexts = (): string[] =>
  [
    ...sheet.cells.map((c) => shown(c.cell)),
    ...sheet.tables.flatMap((t) => [...t.headers, ...t.rows.flatMap((row) => row.map(shown))]),
  ].map(String);

/** The issue rows for one worksheet row of the offences sheet, as objects keyed by header. */
function rowsFor(row: number): Record<string, unknown>[] {
  const table = sheet.tables[0];
  return table.rows
    .map((cells) => Object.fromEntries(table.headers.map((header, i) => [header, shown(cells[i])])))
    .filter((entry) => entry.Sheet === 'Offences' && entry.Row === row);
}

describe('the Validation sheet of a run', () => {
  it("receives the home coordinates and references in the engine's issues, for the analyst", () => {
    const home = result.issues.find((i) => i.row === 9 && i.code === 'outsideArea')!;
    expect(home.value).toBe('410000, 290000');
    const duplicate = result.issues.find((i) => i.row === 19 && i.code === 'duplicateRow')!;
    expect(duplicate.message).toContain('C002');
  });

  it('lists the home outside the area by sheet, row and column, with its coordinates withheld', () => {
    expect(rowsFor(9)).toEqual([
      {
        Sheet: 'Offences',
        Row: 9,
        Column: 'Home Easting',
        Value: '(withheld: location)',
        Severity: 'warning',
        Problem: 'location outside the study area',
        Message:
          "Sheet 'Offences', row 9, column 'Home Easting': the home location lies outside every ward of the study area; it is counted as outside the area.",
        Code: 'outsideArea',
      },
    ]);
  });

  it('publishes no coordinate of the outside point and no offence or offender reference anywhere', () => {
    const texts = allTexts();
    for (const quoted of ['410000', '290000', 'C002', 'O1 '])
      expect(texts.filter((t) => t.includes(quoted))).toEqual([]);
  });

  it('shows values that identify no one as given: an unreadable age, an unknown school URN', () => {
    expect(rowsFor(17).map((entry) => [entry.Column, entry.Value])).toEqual([['Age at Offence', 'unknown']]);
    expect(rowsFor(11).map((entry) => [entry.Column, entry.Value])).toEqual([['School URN', '999999']]);
  });

  it('states what it withholds and no longer asks to be removed before sharing', () => {
    const texts = allTexts();
    expect(
      texts.some((t) =>
        t.startsWith('Withheld: offence and offender references; offence dates; every location in the offences sheet'),
      ),
    ).toBe(true);
    expect(texts.some((t) => t.startsWith('Finding a row: the sheet and row number'))).toBe(true);
    expect(texts.filter((t) => /remove (it|this sheet) before/i.test(t))).toEqual([]);
  });

  it('counts each problem by sheet, in words', () => {
    const outside = sheet.cells.find((c) => shown(c.cell) === 'location outside the study area')!;
    const beside = sheet.cells
      .filter((c) => c.row === outside.row)
      .sort((a, b) => a.col - b.col)
      .map((c) => shown(c.cell));
    // Row 9 (home) and row 18 (offence) lie outside the area.
    expect(beside).toEqual(['Offences', 'location outside the study area', 'warning', 2, 'yes']);
  });

  it('counts scope exclusions without listing them, and names no problem by its code', () => {
    // Row 16's age 19 is outside 10–17; row 5's school is primary: counted, not listed.
    const age = sheet.cells.find((c) => shown(c.cell) === 'age outside the band analysed')!;
    expect(
      sheet.cells
        .filter((c) => c.row === age.row)
        .sort((a, b) => a.col - b.col)
        .map((c) => shown(c.cell)),
    ).toEqual(['Offences', 'age outside the band analysed', 'info', 1, 'no: counted only']);
    expect(rowsFor(16)).toEqual([]);
    const problems = sheet.tables[0].rows.map((cells) => shown(cells[5]));
    expect(problems.filter((p) => /^[a-z]+[A-Z]/.test(String(p)))).toEqual([]);
  });

  it('prints the summary only: the row-by-row list sits below the print area', () => {
    const area = sheet.print?.area;
    expect(area).toBeDefined();
    expect(area!.lastRow).toBeLessThan(sheet.tables[0].row);
    expect(
      sheet.cells.filter((c) => c.row <= area!.lastRow).some((c) => shown(c.cell) === 'Problems by sheet and kind'),
    ).toBe(true);
  });
});

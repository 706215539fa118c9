import { loadHighsSolver } from '../../src/core/disclosure';
import { runAnalysis, type AnalysisResult } from '../../src/core/pipeline';
import type { WorkbookData } from '../../src/core/types';
import { buildReport } from '../../src/report';
import { MAP_COLOURS } from '../../src/report/chartsSheet';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import { wardColumn } from '../../src/report/wardsSheet';
import { SMALL_PARAMETERS, smallWorkbook, WARDS } from '../pipeline/smallWorkbookFixture';

/**
 * The small hand-made workbook (test/pipeline/smallWorkbookFixture.ts) with its wards split into two
 * districts: A = W1 + W2 and B = W3 + W4. Threshold 3, zeros shown, protection interval 3.
 *
 * Offences: W1 10, W2 3 | A 13; W3 1, W4 0 | B 1; area 14.
 *   Primary: W3 and B (both 1). B alone among the districts takes A; A alone in its district takes
 *   its cheapest ward, W2. Then W2 + W3 = 14 − 10 − 0 = 4 pins W3 to 1–3 (width 2 < 3): the repair
 *   finds no free cell in B's relation (W4 is a zero), none but the area in the area relation, and
 *   takes W1 from A's. Then W1 + W2 + W3 = 14: each 1–12. Shown: W4 0, area 14.
 * Young offenders: W1 5, W2 4 | A 9; W3 1, W4 2 | B 3; area 12.
 *   Primary: W3 and W4. W3 + W4 = 3 pins each to 1–2: the cheapest cell of their relation is B (3).
 *   B alone among the districts takes A (9); A alone takes W2 (4). Then W2 + W3 + W4 = 7: each 1–5.
 *   Shown: W1 5, area 12.
 * Attending (one phase): 100001 3, 100002 1, 100003 0, total 4: 100002 takes 100001; 3 + 1 = 4 pins
 *   both to 1–3, and only the total is left: it is withheld too.
 * So primary 2 + 2 + 1 = 5 and secondary 3 + 3 + 2 = 8.
 */
function twoDistricts(): WorkbookData {
  const workbook = smallWorkbook();
  return {
    sheets: workbook.sheets.map((sheet) =>
      sheet.name !== 'Wards'
        ? sheet
        : {
            ...sheet,
            rows: sheet.rows.map((row) =>
              row[0] === WARDS.W3.code || row[0] === WARDS.W4.code
                ? [row[0], row[1], 'E08000026', 'Coventry', row[4]]
                : row,
            ),
          },
    ),
  };
}

let result: AnalysisResult;
let sheets: Map<string, SheetModel>;

beforeAll(async () => {
  const solver = await loadHighsSolver();
  const outcome = runAnalysis({ workbook: twoDistricts(), solver }, SMALL_PARAMETERS);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  result = outcome.result;
  sheets = new Map(
    buildReport(result, { tool: 'test', version: '0', command: 'test', startedAt: '2024-06-01T00:00:00Z' }).map(
      (sheet) => [sheet.name, sheet],
    ),
  );
});

/** What a cell shows: its number or text, a formula's cached result. */
function shown(cell: ModelCell): unknown {
  if (cell.kind === 'formula') return cell.result;
  if (cell.kind === 'empty') return null;
  return cell.value;
}

function table(sheet: string, name: string): unknown[][] {
  const found = sheets.get(sheet)!.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name} on ${sheet}`);
  return found.rows.map((row) => row.map(shown));
}

/** The value beside a label in a sheet's free cells. */
function valueBeside(sheet: string, label: string): unknown {
  const cells = sheets.get(sheet)!.cells;
  const at = cells.find((c) => c.cell.kind === 'text' && c.cell.value === label);
  if (!at) throw new Error(`no label '${label}' on ${sheet}`);
  const next = cells.find((c) => c.row === at.row && c.col === at.col + 1);
  return next ? shown(next.cell) : undefined;
}

describe('the Wards sheet, every count through the disclosure control', () => {
  it('shows the wards as published: withheld where small or where a total would give one away', () => {
    const wards = table('Wards', 'tblWards');
    expect(
      wards.map((row) => [row[0], row[wardColumn('Offences')], row[wardColumn('Young offenders resident')]]),
    ).toEqual([
      [WARDS.W1.code, '[c]', 5],
      [WARDS.W2.code, '[c]', '[c]'],
      [WARDS.W3.code, '[c]', '[c]'],
      [WARDS.W4.code, 0, '[c]'],
    ]);
  });

  it('publishes the district subtotals beside the wards, withheld with their rates', () => {
    expect(table('Wards', 'tblDistricts')).toEqual([
      ['Birmingham', 2, 2000, '[c]', '[c]', '[c]', '[c]'],
      ['Coventry', 2, 2000, '[c]', '[c]', '[c]', '[c]'],
    ]);
  });

  it('shows the area totals, which no rule withheld, with their live rates', () => {
    expect(valueBeside('Wards', 'Offences')).toBe(14);
    expect(valueBeside('Wards', 'Young offenders resident')).toBe(12);
    // 14 / 4,000 × 1,000 = 3.5 and 12 / 4,000 × 1,000 = 3.
    expect(valueBeside('Wards', 'Offence rate per 1,000')).toBeCloseTo(3.5, 12);
    expect(valueBeside('Wards', 'Young offender rate per 1,000')).toBeCloseTo(3, 12);
  });

  it('gives a shown ward its rate as a formula on its published count', () => {
    const w1 = sheets.get('Wards')!.tables[0].rows[0];
    // Young offenders in column O (index 14), rate in P: row 16 of the sheet (header on row 15, under the area block).
    expect(wardColumn('Young offenders resident')).toBe(14);
    expect(w1[15]).toMatchObject({ kind: 'formula', formula: 'O16/D16*1000', result: 5 });
  });
});

describe('the Method sheet', () => {
  it('records every rule of the disclosure control', () => {
    expect(valueBeside('Method', 'Suppression threshold')).toBe('3: counts 1–2 withheld as [c]; zeros shown');
    expect(valueBeside('Method', 'Rounding base')).toBe('none');
    expect(String(valueBeside('Method', 'Protection interval'))).toMatch(/^3 \(the threshold\)/);
  });

  it('records what was withheld and what the audit proved', () => {
    // 5 small and 8 cover, but the sheet gives only their sum: saying which is which would narrow the small ones.
    expect(valueBeside('Method', 'Counts withheld')).toBe(13);
    expect(
      sheets.get('Method')!.cells.some((c) => c.cell.kind === 'text' && /primary\)|secondary\)/.test(c.cell.value)),
    ).toBe(false);
    expect(valueBeside('Method', 'Audit solver')).toMatch(/HiGHS/);
    // The narrowest: the young offenders' W2 + W3 + W4 = 7, each 1 to 5.
    expect(valueBeside('Method', 'Narrowest range an outsider can reach')).toMatch(
      /^1 to 5, a range of 4 \(Young offenders resident in ward/,
    );
    expect(valueBeside('Method', 'Audit result')).toBe("Passed: every withheld count's range is at least 3 wide.");
  });

  it('prints the offences placed in wards as the published area total', () => {
    expect(valueBeside('Method', 'Offences located in a study ward')).toBe(14);
    expect(valueBeside('Method', 'Distinct young offenders living in the area')).toBe(12);
  });
});

describe('the other sheets', () => {
  it('publishes the total of young offenders attending as withheld, with the schools', () => {
    expect(table('Schools', 'tblPhaseTotals')).toEqual([['All schools ranked', 3, '[c]']]);
    const attending = table('Schools', 'tblSchools').map((row) => [row[3], row[12]]);
    expect(Object.fromEntries(attending)).toEqual({ 100001: '[c]', 100002: '[c]', 100003: 0 });
  });

  it('states the area totals on the Summary sheet as published', () => {
    const texts = sheets
      .get('Summary')!
      .cells.map((c) => shown(c.cell))
      .filter((v): v is string => typeof v === 'string');
    expect(texts.find((t) => t.startsWith('Area rate'))).toBe(
      'Area rate: 3.5 violent offences per 1,000 young residents (14 offences; 12 young offenders; 4,000 young residents).',
    );
  });

  it('charts only wards whose count is shown, and colours the rest as withheld', () => {
    // Offences measure: only W4 (0) is shown.
    const charts = sheets.get('Charts')!;
    const header = charts.cells.find((c) => shown(c.cell) === 'Ward')!;
    // The blocks' names are in the header's column (the charts themselves sit to the left).
    const names = charts.cells.filter((c) => c.col === header.col && c.row > header.row).map((c) => shown(c.cell));
    // The ward bar chart's block, then the funnel plot's: Delta alone in both, and no withheld ward anywhere.
    expect(names.slice(0, 3)).toEqual(['Delta', 'Ward (funnel plot)', 'Delta']);
    expect(names.filter((name) => typeof name === 'string' && ['Alpha', 'Beta', 'Gamma'].includes(name))).toEqual([]);
    expect(MAP_COLOURS.withheld.label).toBe('Withheld [c]');
  });
});

describe('with counts rounded to base 5 (one district, as in the original fixture)', () => {
  /**
   * The Method sheet's placement figures are part of what an outsider reads (placementBounds):
   * offences in a ward = 15 in scope − 1 outside − 0 unknown = 14 exactly; the 13 distinct young
   * offenders are published rounded, as 15 (13–17), so with 1 row whose home is outside the area
   * and 14 placed, the young offenders living in the area are 13 − 1 = 12 to min(17, 14) = 14.
   * Offences 10, 3, 1, 0 = 14 round to 10, 5, [c], 0. W3 alone takes W2. An outsider then knows W1
   * is 8–12, W4 exactly 0 (a 1 or 2 would have been withheld) and the area exactly 14 (so it is
   * shown as 14, not rounded to 15), so W2 + W3 runs from 2 to 6 and W3 from 1 to 5: safe.
   * Young offenders 5, 4, 1, 2 = 12 round to 5, 5, [c], [c] and 10: W1 and W2 are 3–7 each; the
   * area's 8–12 meets the placement's 12–14 at 12 alone, so it is shown as 12. W3 + W4 is then
   * 2 to 6 and each 1 to 5: safe as it is.
   * Attending 3, 1, 0 = 4: 100002 takes 100001; the total rounds to 5 (3–7), so each is 1 to 6
   * (under the placement's cap of 15 per school).
   */
  let rounded: AnalysisResult;
  let roundedSheets: Map<string, SheetModel>;
  beforeAll(async () => {
    const solver = await loadHighsSolver();
    const outcome = runAnalysis({ workbook: smallWorkbook(), solver }, { ...SMALL_PARAMETERS, roundingBase: 5 });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
    rounded = outcome.result;
    roundedSheets = new Map(
      buildReport(rounded, { tool: 'test', version: '0', command: 'test', startedAt: '2024-06-01T00:00:00Z' }).map(
        (sheet) => [sheet.name, sheet],
      ),
    );
  });

  it('rounds every shown count, totals from their unrounded values', () => {
    const wards = roundedSheets
      .get('Wards')!
      .tables[0].rows.map((row) => [
        shown(row[wardColumn('Offences')]),
        shown(row[wardColumn('Young offenders resident')]),
      ]);
    expect(wards).toEqual([
      [10, 5],
      ['[c]', 5],
      ['[c]', '[c]'],
      [0, '[c]'],
    ]);
    expect(rounded.schoolsAttendingTotal.published).toEqual({ shown: true, value: 5 });
    expect(rounded.distinctYoungOffenders.published).toEqual({ shown: true, value: 15 });
    expect(rounded.disclosure).toMatchObject({ withheld: 6 });
  });

  it('shows exactly the area totals an outsider can tell exactly from the placement figures', () => {
    expect(rounded.area.offencesPublished).toEqual({ shown: true, value: 14 });
    expect(rounded.area.youngOffendersPublished).toEqual({ shown: true, value: 12 });
    expect(rounded.disclosure.shownExactly).toEqual(['Offences in the area', 'Young offenders resident in the area']);
  });

  it('computes the published rates from the published counts, as a reader would', () => {
    // Area: 14 / 4,000 × 1,000 = 3.5 and 12 / 4,000 × 1,000 = 3. W2's young offenders: 5 (not 4) per 1,000.
    expect(rounded.area.offenceRate).toBeCloseTo(3.5, 12);
    expect(rounded.area.youngOffenderRate).toBeCloseTo(3, 12);
    expect(rounded.wards[1].youngOffenders.rate).toBeCloseTo(5, 12);
  });

  it('says so on the Method sheet', () => {
    const cells = roundedSheets.get('Method')!.cells;
    const label = cells.find((c) => c.cell.kind === 'text' && c.cell.value === 'Rounding base')!;
    expect(shown(cells.find((c) => c.row === label.row && c.col === 1)!.cell)).toBe(
      '5: shown counts rounded to the nearest 5, totals rounded from unrounded values',
    );
  });

  it("keeps the Method sheet's placement exact, and publishes the distinct young offenders rounded like the tables", () => {
    const cells = roundedSheets.get('Method')!.cells;
    const beside = (text: string): unknown => {
      const label = cells.find((c) => c.col === 0 && c.cell.kind === 'text' && c.cell.value === text)!;
      return shown(cells.find((c) => c.row === label.row && c.col === 1)!.cell);
    };
    expect([
      beside('Rows in scope (one per offence and offender)'),
      beside('Offences located in a study ward'),
      beside('Offences located outside the study area'),
      beside('Offences with location unknown or unplaceable'),
    ]).toEqual([15, 14, 1, 0]);
    expect([
      beside('Home location in a study ward'),
      beside('Home location outside the study area'),
      beside('Home location unknown or unplaceable'),
    ]).toEqual([14, 1, 0]);
    expect(beside('Distinct young offenders')).toBe(15);
    expect(beside('Distinct young offenders living in the area')).toBe(12);
  });
});

import { createOfficeWorkbookPort } from '../../src/workbook/office';
import { writeReportBuffer } from '../../src/workbook/xlsx';
import { createInMemoryExcel } from '../support/inMemoryExcel';
import { reportFixture } from '../workbook/reportFixture';
import { demoReport } from './demoReport';
import { sheetFromSnapshot, sheetsFromXlsx, type ComparableSheet } from './xlsxComparable';

/**
 * The result sheets the Office.js adapter writes into Excel equal those the .xlsx adapter writes
 * into a file, for the same sheet models: every cell's content, formula, number format, font,
 * fill and alignment; the tables, charts, pictures, frozen rows, column widths, tab colours,
 * conditional fills and page setup for printing; each chart's type (direction and grouping, or scatter) and each series' fill,
 * outline, dash, markers, gap width and overlap, so a floating-bar chart's invisible base is invisible in both, and a scatter
 * series is markers alone or a line alone in both.
 */

async function bothWays(
  models: Parameters<typeof writeReportBuffer>[0],
  existing: { name: string; rows: string[][] }[],
) {
  const { buffer } = await writeReportBuffer(models, { existingSheetNames: existing.map((sheet) => sheet.name) });
  const fromFile = await sheetsFromXlsx(buffer);
  const excel = createInMemoryExcel({ sheets: existing });
  const written = await createOfficeWorkbookPort(excel.run).writeReport(models);
  const names = new Set(written.sheetNames.values());
  const fromExcel = excel
    .snapshot()
    .sheets.filter((sheet) => names.has(sheet.name))
    .map(sheetFromSnapshot);
  return { fromFile, fromExcel };
}

function expectSameSheets(fromExcel: readonly ComparableSheet[], fromFile: readonly ComparableSheet[]): void {
  expect(fromExcel.map((sheet) => sheet.name)).toEqual(fromFile.map((sheet) => sheet.name));
  fromFile.forEach((file, index) => {
    const excel = fromExcel[index];
    // Cell by cell first, so a difference names its cell.
    const addresses = [...new Set([...Object.keys(file.cells), ...Object.keys(excel.cells)])];
    for (const address of addresses) {
      expect({ sheet: file.name, address, cell: excel.cells[address] }).toEqual({
        sheet: file.name,
        address,
        cell: file.cells[address],
      });
    }
    expect(excel).toEqual(file);
  });
}

test('the hand-made report: equal sheet by sheet, cell by cell', async () => {
  const { fromFile, fromExcel } = await bothWays(reportFixture(), []);
  expectSameSheets(fromExcel, fromFile);
  // The comparison saw what matters: formulas, text like formulas, a table, a chart, a picture.
  const schools = fromExcel.find((sheet) => sheet.name === 'Schools')!;
  expect(schools.cells.A2).toMatchObject({ kind: 'text', value: '=1+1' });
  expect(schools.cells.G4).toMatchObject({ kind: 'formula', formula: '=C4/SUM($C$4:$C$6)' });
  expect(schools.tables).toEqual([
    {
      name: 'tblSchools',
      address: 'A3:G6',
      headers: ['Rank', 'School', 'Pupils', 'Exposure index', 'Bar start', 'Bar length', 'Share of pupils'],
      style: 'TableStyleMedium2',
    },
  ]);
  expect(fromExcel.find((sheet) => sheet.name === 'Wards')!.images).toHaveLength(1);
  expect(schools.charts[0].series.map((series) => [series.fill, series.outline])).toEqual([
    ['none', 'none'],
    ['#2F5597', '#1F3864 0.75pt'],
  ]);
  expect(fromExcel.map((sheet) => [sheet.name, sheet.print])).toEqual([
    ['Summary', { orientation: 'Portrait', fitToPagesWide: 1, fitToPagesTall: 0, titleRows: '', area: '' }],
    ['Schools', { orientation: 'Landscape', fitToPagesWide: 1, fitToPagesTall: 0, titleRows: '$3:$3', area: '' }],
    ['Wards', { orientation: 'Portrait', fitToPagesWide: null, fitToPagesTall: null, titleRows: '', area: '' }],
  ]);
});

test('the demo report from the engine, written as a second run: equal sheet by sheet, cell by cell', async () => {
  const { models } = await demoReport();
  const { fromFile, fromExcel } = await bothWays(models, [{ name: 'Summary', rows: [['an earlier run']] }]);
  expect(fromExcel.map((sheet) => sheet.name)).toEqual([
    'Summary (2)',
    'Schools (2)',
    'Sensitivity (2)',
    'Wards (2)',
    'Charts (2)',
    'Validation (2)',
    'Method (2)',
    'Audit (2)',
    'Catchment ledger (2)',
  ]);
  expectSameSheets(fromExcel, fromFile);

  const cells = fromExcel.flatMap((sheet) => Object.values(sheet.cells));
  expect(cells.filter((cell) => cell.kind === 'formula').length).toBeGreaterThan(100);
  const charts = fromExcel.find((sheet) => sheet.name === 'Charts (2)')!;
  // Two floating bars (an invisible base, then the interval up to and beyond the estimate): the schools across,
  // the wards upright with the area average as a dashed line over them; then the funnel plot.
  expect(charts.charts.map((chart) => chart.type)).toEqual(['BarStacked', 'ColumnStacked', 'XYScatter']);
  for (const chart of charts.charts.slice(0, 2)) {
    expect(
      chart.series
        .slice(0, 3)
        .map((series) => [series.chartType, series.fill === 'none', series.outline === 'none', series.overlap]),
    ).toEqual([
      [chart.type, true, true, 100],
      [chart.type, false, false, 100],
      [chart.type, false, false, 100],
    ]);
  }
  expect(charts.charts[0].series).toHaveLength(3);
  expect(
    charts.charts[1].series.slice(3).map((series) => [series.chartType, series.name, series.dashed, series.marker]),
  ).toEqual([['Line', 'Area average', true, 'none']]);
  // The funnel: the wards as markers with no line; the area rate and the limits as lines with no markers, the 99.8% ones dashed.
  expect(
    charts.charts[2].series.map((series) => [
      series.name,
      series.marker.split(' ')[0],
      series.outline === 'none',
      series.dashed,
    ]),
  ).toEqual([
    ['Wards', 'circle', true, false],
    ['Area rate', 'none', false, false],
    ['Lower 95% limit', 'none', false, false],
    ['Upper 95% limit', 'none', false, false],
    ['Lower 99.8% limit', 'none', false, true],
    ['Upper 99.8% limit', 'none', false, true],
  ]);
  expect(charts.images).toHaveLength(1);
  const headerRowOf = (sheetName: string) => {
    const [, row] = /^[A-Z]+(\d+):/.exec(fromExcel.find((sheet) => sheet.name === sheetName)!.tables[0].address)!;
    return `$${row}:$${row}`;
  };
  // The Validation sheet prints its summary only, upright: the row-by-row list sits below the print area.
  const validationTableRow = Number(
    /^[A-Z]+(\d+):/.exec(fromExcel.find((sheet) => sheet.name === 'Validation (2)')!.tables[0].address)![1],
  );
  const validationArea = fromExcel.find((sheet) => sheet.name === 'Validation (2)')!.print.area;
  expect(validationArea).toMatch(/^A1:E\d+$/);
  expect(Number(/\d+$/.exec(validationArea)![0])).toBeLessThan(validationTableRow);
  // Every reader's sheet prints one page wide (test/print checks the pages themselves with
  // LibreOffice); the tables repeat their header row on every page; the ledger is never printed.
  const printOf = new Map(fromExcel.map((sheet) => [sheet.name, sheet.print]));
  for (const name of [
    'Summary (2)',
    'Schools (2)',
    'Sensitivity (2)',
    'Wards (2)',
    'Charts (2)',
    'Validation (2)',
    'Method (2)',
    'Audit (2)',
  ]) {
    expect({ name, pagesWide: printOf.get(name)!.fitToPagesWide }).toEqual({ name, pagesWide: 1 });
  }
  for (const name of ['Schools (2)', 'Sensitivity (2)', 'Wards (2)'])
    expect({ name, titleRows: printOf.get(name)!.titleRows }).toEqual({ name, titleRows: headerRowOf(name) });
  expect(printOf.get('Validation (2)')!.area).toBe(validationArea);
  expect(printOf.get('Catchment ledger (2)')).toEqual({
    orientation: 'Portrait',
    fitToPagesWide: null,
    fitToPagesTall: null,
    titleRows: '',
    area: '',
  });
  expect(fromExcel.find((sheet) => sheet.name === 'Catchment ledger (2)')!.visibility).toBe('VeryHidden');
  expect(fromExcel.flatMap((sheet) => sheet.tables.map((table) => table.name))).toEqual([
    'tblSchools_2',
    'tblSensitivity_2',
    'tblWards_2',
    'tblDistricts_2',
    'tblValidation_2',
    'tblAudit_2',
  ]);
  // What a reader scrolling or printing relies on, written by the add-in as by the file (not just both absent):
  // the school and ward names stay in view, headers get the height of their wrapped lines, detail columns fold away.
  const sheetNamed = (name: string) => fromExcel.find((sheet) => sheet.name === name)!;
  // Schools: rank, its interval, URN and the name; Wards: code and name.
  for (const [name, columns] of [
    ['Schools (2)', 5],
    ['Wards (2)', 2],
  ] as const) {
    expect({
      name,
      frozenRows: sheetNamed(name).frozenRows > 0,
      frozenColumns: sheetNamed(name).frozenColumns,
    }).toEqual({ name, frozenRows: true, frozenColumns: columns });
    expect(Object.values(sheetNamed(name).rowHeights).some((points) => points > 15)).toBe(true);
  }
  expect(sheetNamed('Wards (2)').collapsedColumns.length).toBeGreaterThan(0);
});

import type { CellValue, WorkbookData } from '../../src/core/types';
import { FORMULA_INJECTION_NAME } from '../../src/demo';
import type { SheetModel } from '../../src/report/sheetModel';
import { createOfficeWorkbookPort } from '../../src/workbook/office';
import { readWorkbookBuffer, writeWorkbookDataBuffer } from '../../src/workbook/xlsx';
import { createInMemoryExcel, type SheetSnapshot } from '../support/inMemoryExcel';
import { reportFixture } from '../workbook/reportFixture';
import { demoReport, smallDemo, type DemoReport } from './demoReport';

/** A series' markers as Excel makes them: automatic, 5 points. */
const AUTOMATIC_MARKER = { style: 'Automatic', size: 5, background: null, foreground: null };

/** Excel's serial day number of a UTC date (1900 system): days since 1899-12-30. */
const serial = (date: Date) => (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

/** A workbook's values as Office.js reads them: dates as serial numbers. */
function asOfficeValues(data: WorkbookData): WorkbookData {
  const value = (cell: CellValue) => (cell instanceof Date ? serial(cell) : cell);
  return {
    sheets: data.sheets.map((sheet) => ({
      name: sheet.name,
      rows: sheet.rows.map((row) => row.map(value)),
      firstRow: sheet.firstRow ?? 1,
    })),
  };
}

/** Rows with their trailing blanks and blank edges dropped, as a used range covers only cells with values. */
function usedRows(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  const hasValue = (cell: CellValue) => cell !== null && cell !== '';
  const first = rows.findIndex((row) => row.some(hasValue));
  if (first < 0) return [];
  const last = rows.length - 1 - [...rows].reverse().findIndex((row) => row.some(hasValue));
  const width = Math.max(
    ...rows
      .slice(first, last + 1)
      .map((row) => row.reduce<number>((end, cell, index) => (hasValue(cell) ? index + 1 : end), 0)),
  );
  return rows.slice(first, last + 1).map((row) => Array.from({ length: width }, (_unused, col) => row[col] ?? null));
}

let report: DemoReport;
beforeAll(async () => {
  report = await demoReport();
});

describe('reading', () => {
  test('reads the demo workbook as it was written: every sheet, row and cell, dates as serial numbers', async () => {
    const demo = smallDemo();
    const port = createOfficeWorkbookPort(createInMemoryExcel(demo.workbook).run);
    const read = await port.read();
    const expected = asOfficeValues(demo.workbook);
    expect(read.sheets.map((sheet) => sheet.name)).toEqual(expected.sheets.map((sheet) => sheet.name));
    read.sheets.forEach((sheet, index) => {
      expect(sheet.rows).toEqual(usedRows(expected.sheets[index].rows));
      expect(sheet.firstRow).toBe(1);
    });
  });

  test('reads the same values as the .xlsx adapter reads from the same workbook saved as a file', async () => {
    const demo = smallDemo();
    const fromFile = asOfficeValues(await readWorkbookBuffer(await writeWorkbookDataBuffer(demo.workbook)));
    const fromExcel = await createOfficeWorkbookPort(createInMemoryExcel(demo.workbook).run).read();
    expect(fromExcel).toEqual(fromFile);
  });

  test('a used range that starts below and right of A1 gives its first row and drops the blank columns before it', async () => {
    const excel = createInMemoryExcel({
      sheets: [
        {
          name: 'Offset',
          rows: [
            [null, 'URN', 'Name'],
            [null, 100001, '=Not a formula'],
          ],
          firstRow: 3,
        },
      ],
    });
    const read = await createOfficeWorkbookPort(excel.run).read(['offset']);
    expect(read.sheets).toEqual([
      {
        name: 'Offset',
        rows: [
          ['URN', 'Name'],
          [100001, '=Not a formula'],
        ],
        firstRow: 3,
      },
    ]);
  });

  test('reads a large sheet in chunks, each request and response within its limits, with the same result', async () => {
    const rows: CellValue[][] = [
      ['Ref', 'Text'],
      ...Array.from({ length: 900 }, (_unused, index): CellValue[] => [index, `row ${index} ${'·'.repeat(20)}`]),
    ];
    const excel = createInMemoryExcel({ sheets: [{ name: 'Big', rows }] }, { responseLimitBytes: 12_000 });
    const read = await createOfficeWorkbookPort(excel.run, { readChunkCells: 400 }).read();
    expect(read.sheets[0].rows).toEqual(rows);
    expect(excel.stats.largestResponseBytes).toBeLessThanOrEqual(12_000);
    // 901 rows of 2 cells, 200 rows a chunk at most: at least 5 requests for the values.
    expect(excel.stats.requests).toBeGreaterThanOrEqual(6);
  });

  test('names a missing sheet in its error, with the sheets there are', async () => {
    const port = createOfficeWorkbookPort(createInMemoryExcel({ sheets: [{ name: 'Only', rows: [['a']] }] }).run);
    await expect(port.read(['Crimes 2020'])).rejects.toThrow(
      "The workbook has no sheet named 'Crimes 2020' (its sheets: 'Only').",
    );
  });
});

describe('writing a report', () => {
  test("adds the run's sheets after the analyst's and leaves the analyst's sheets exactly as they were", async () => {
    const excel = createInMemoryExcel(report.demo.workbook);
    const before = excel.snapshot();
    const port = createOfficeWorkbookPort(excel.run);
    const progress: [number, number][] = [];
    const written = await port.writeReport(report.models, (done, total) => progress.push([done, total]));
    const after = excel.snapshot();
    const analystSheets = before.sheets.length;
    expect(written.runNumber).toBe(1);
    expect(after.sheets.map((sheet) => sheet.name)).toEqual([
      ...before.sheets.map((sheet) => sheet.name),
      'Summary',
      'Schools',
      'Sensitivity',
      'Wards',
      'Charts',
      'Validation',
      'Method',
      'Audit',
      'Catchment ledger',
    ]);
    expect(after.sheets.slice(0, analystSheets)).toEqual(before.sheets);
    expect(after.activeSheet).toBe(before.activeSheet);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((done) => [done, 9]));
  });

  test("a second run gets ' (2)' sheet names and '_2' table names, and its formulas point at its own sheets", async () => {
    const excel = createInMemoryExcel({ sheets: [{ name: 'Input', rows: [['x']] }] });
    const port = createOfficeWorkbookPort(excel.run);
    await port.writeReport(reportFixture());
    const second = await port.writeReport(reportFixture());
    expect(second.runNumber).toBe(2);
    expect([...second.sheetNames.values()]).toEqual(['Summary (2)', 'Schools (2)', 'Wards (2)']);
    const snapshot = excel.snapshot();
    expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual([
      'Input',
      'Summary',
      'Schools',
      'Wards',
      'Summary (2)',
      'Schools (2)',
      'Wards (2)',
    ]);
    expect(snapshot.tableNames).toEqual(['tblSchools', 'tblWards', 'tblSchools_2', 'tblWards_2']);
    const summary2 = snapshot.sheets.find((sheet) => sheet.name === 'Summary (2)')!;
    expect(summary2.cells.B2.formula).toBe("=SUM('Schools (2)'!C4:C6)");
    const chart = snapshot.sheets.find((sheet) => sheet.name === 'Schools (2)')!.charts[0];
    expect(chart.series.map((series) => series.values)).toEqual(["'Schools (2)'!$E$4:$E$6", "'Schools (2)'!$F$4:$F$6"]);
  });

  test("an analyst's sheet named like an output sheet (in any case) moves the run to the next number", async () => {
    const excel = createInMemoryExcel({ sheets: [{ name: 'WARDS', rows: [['mine']] }] });
    const written = await createOfficeWorkbookPort(excel.run).writeReport(reportFixture());
    expect(written.runNumber).toBe(2);
    expect(excel.snapshot().sheets.map((sheet) => sheet.name)).toEqual([
      'WARDS',
      'Summary (2)',
      'Schools (2)',
      'Wards (2)',
    ]);
  });

  test("an analyst's table with the name a run would use gets the run's table a further suffix", async () => {
    const excel = createInMemoryExcel({ sheets: [{ name: 'Mine', rows: [['a'], [1]] }] });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Mine').tables.add('A1:A2', true).name = 'TBLSCHOOLS';
    });
    await createOfficeWorkbookPort(excel.run).writeReport(reportFixture());
    expect(excel.snapshot().tableNames).toEqual(['TBLSCHOOLS', 'tblSchools_2', 'tblWards']);
  });

  test('text that looks like a formula stays text; formulas are formulas', async () => {
    const excel = createInMemoryExcel(report.demo.workbook);
    await createOfficeWorkbookPort(excel.run).writeReport(report.models);
    const fixture = createInMemoryExcel({ sheets: [] });
    await createOfficeWorkbookPort(fixture.run).writeReport(reportFixture());
    const schools = fixture.snapshot().sheets.find((sheet) => sheet.name === 'Schools')!;
    for (const [address, text] of Object.entries({ A2: '=1+1', B2: '+44', C2: '-x', D2: '@foo' })) {
      expect(schools.cells[address]).toMatchObject({ kind: 'text', value: text });
    }
    expect(schools.cells.G4).toMatchObject({ kind: 'formula', formula: '=C4/SUM($C$4:$C$6)', numberFormat: '0.0%' });

    const demoSheets = excel.snapshot().sheets;
    const injected = demoSheets.flatMap((sheet: SheetSnapshot) =>
      Object.entries(sheet.cells)
        .filter(([, cell]) => cell.value === FORMULA_INJECTION_NAME)
        .map(([address, cell]) => ({ sheet: sheet.name, address, kind: cell.kind })),
    );
    // In the analyst's GIAS sheet, and in the Schools output if the school is ranked.
    expect(injected.length).toBeGreaterThanOrEqual(1);
    for (const cell of injected) expect(cell.kind).toBe('text');
    // The report's own links are HYPERLINK formulas; the school's name never becomes one.
    const formulas = demoSheets
      .flatMap((sheet) => Object.values(sheet.cells))
      .filter((cell) => cell.kind === 'formula');
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.some((cell) => cell.formula!.includes('http://x'))).toBe(false);
  });

  test('keeps every request under the payload limit by splitting the writes; one run over the limit fails and takes its sheets away', async () => {
    const limit = 60_000;
    const excel = createInMemoryExcel(report.demo.workbook, { payloadLimitBytes: limit });
    await createOfficeWorkbookPort(excel.run, { payloadBudgetBytes: 50_000 }).writeReport(report.models);
    expect(Math.max(...excel.stats.requestBytes)).toBeLessThanOrEqual(limit);
    const largest = Math.max(...excel.snapshot().sheets.map((sheet) => JSON.stringify(sheet.cells).length));
    // The largest output sheet alone holds several times the limit's worth of cells, so it was split.
    expect(largest).toBeGreaterThan(3 * limit);

    const tooSmall = createInMemoryExcel(report.demo.workbook, { payloadLimitBytes: limit });
    const before = tooSmall.snapshot();
    const failure = createOfficeWorkbookPort(tooSmall.run).writeReport(report.models);
    await expect(failure).rejects.toThrow(
      /^Writing sheet '[^']+' failed: The request payload size has exceeded the limit.*\. The sheets this run had added were removed again\.$/,
    );
    expect(tooSmall.snapshot()).toEqual(before);
  });

  test('draws a floating-bar chart as Excel keeps it: stacked bars, the first series with no fill or line, the next solid and outlined', async () => {
    const excel = createInMemoryExcel({ sheets: [] });
    await createOfficeWorkbookPort(excel.run).writeReport(reportFixture());
    const chart = excel.snapshot().sheets.find((sheet) => sheet.name === 'Schools')!.charts[0];
    expect(chart.type).toBe('BarStacked');
    expect(chart.series).toEqual([
      {
        name: 'Bar start',
        values: 'Schools!$E$4:$E$6',
        categories: 'Schools!$B$4:$B$6',
        fill: 'none',
        line: { lineStyle: 'None', color: null, weight: 0.75 },
        gapWidth: 60,
        overlap: 100,
        chartType: 'BarStacked',
        marker: AUTOMATIC_MARKER,
      },
      {
        name: 'Exposure index interval',
        values: 'Schools!$F$4:$F$6',
        categories: 'Schools!$B$4:$B$6',
        fill: '#2F5597',
        line: { lineStyle: 'Continuous', color: '#1F3864', weight: 0.75 },
        gapWidth: 60,
        overlap: 100,
        chartType: 'BarStacked',
        marker: AUTOMATIC_MARKER,
      },
    ]);
    expect(chart.legend.visible).toBe(false);
    expect(chart.categoryAxis).toMatchObject({ reversePlotOrder: true, position: 'Maximum' });
  });

  test('draws a scatter chart as Excel keeps it: markers alone, or a solid or dashed line alone, x values from the categories', async () => {
    const excel = createInMemoryExcel({ sheets: [] });
    const range = (col: number) => ({ sheet: 'Data', firstRow: 1, lastRow: 3, col });
    const data: SheetModel = {
      name: 'Data',
      cells: [
        [100, 5, 4],
        [400, 9, 4],
        [900, 2, 4],
      ].flatMap((values, index) =>
        values.map((value, col) => ({ row: index + 1, col, cell: { kind: 'number' as const, value } })),
      ),
      tables: [],
      charts: [
        {
          title: 'Funnel',
          type: 'scatter',
          series: [
            { name: 'Wards', categories: range(0), values: range(1), color: '2F5597', draw: 'markers' },
            { name: 'Area rate', categories: range(0), values: range(2), color: '595959', draw: 'line' },
            { name: 'Upper 99.8% limit', categories: range(0), values: range(2), color: 'C00000', draw: 'dashedLine' },
          ],
          xAxisTitle: 'Young residents',
          yAxisTitle: 'Rate per 1,000',
          anchor: { row: 0, col: 5, widthCols: 8, heightRows: 16 },
          legend: true,
        },
      ],
      images: [],
    };
    await createOfficeWorkbookPort(excel.run).writeReport([data]);
    const chart = excel.snapshot().sheets.find((sheet) => sheet.name === 'Data')!.charts[0];
    expect(chart.type).toBe('XYScatter');
    expect(
      chart.series.map((series) => [
        series.name,
        series.categories,
        series.values,
        series.chartType,
        series.marker,
        series.line,
      ]),
    ).toEqual([
      [
        'Wards',
        'Data!$A$2:$A$4',
        'Data!$B$2:$B$4',
        'XYScatter',
        { style: 'Circle', size: 6, background: '#2F5597', foreground: '#2F5597' },
        { lineStyle: 'None', color: null, weight: 0.75 },
      ],
      [
        'Area rate',
        'Data!$A$2:$A$4',
        'Data!$C$2:$C$4',
        'XYScatterLinesNoMarkers',
        { ...AUTOMATIC_MARKER, style: 'None' },
        { lineStyle: 'Continuous', color: '#595959', weight: 1.5 },
      ],
      [
        'Upper 99.8% limit',
        'Data!$A$2:$A$4',
        'Data!$C$2:$C$4',
        'XYScatterLinesNoMarkers',
        { ...AUTOMATIC_MARKER, style: 'None' },
        { lineStyle: 'Dash', color: '#C00000', weight: 1.5 },
      ],
    ]);
    // The x axis is the category axis of Excel's object model, along the bottom.
    expect([chart.categoryAxis.title, chart.valueAxis.title, chart.legend]).toEqual([
      'Young residents',
      'Rate per 1,000',
      { visible: true, position: 'Bottom' },
    ]);
    // Bar settings are left alone: Excel's defaults.
    expect(chart.series.map((series) => [series.gapWidth, series.overlap])).toEqual([
      [150, 0],
      [150, 0],
      [150, 0],
    ]);
  });
});

describe('sheet names and activation', () => {
  test('lists the sheets in tab order and activates only when asked', async () => {
    const excel = createInMemoryExcel({
      sheets: [
        { name: 'One', rows: [] },
        { name: 'Two', rows: [] },
      ],
    });
    const port = createOfficeWorkbookPort(excel.run);
    expect(await port.sheetNames()).toEqual(['One', 'Two']);
    expect(excel.snapshot().activeSheet).toBe('One');
    await port.activate('Two');
    expect(excel.snapshot().activeSheet).toBe('Two');
    await expect(port.activate('Three')).rejects.toThrow("The workbook has no sheet named 'Three' to show.");
  });
});

describe('failures', () => {
  test('a failure while adding the sheets removes the ones this call added and no other', async () => {
    const excel = createInMemoryExcel({ sheets: [{ name: 'Input', rows: [['x']] }] });
    // Someone adds a sheet named 'Wards' between the adapter's planning and its adding.
    let batches = 0;
    const racing = createOfficeWorkbookPort(async (batch) => {
      if (++batches === 2) await excel.run(async (context) => void context.workbook.worksheets.add('Wards'));
      return excel.run(batch);
    });
    await expect(racing.writeReport(reportFixture())).rejects.toThrow(
      /^Adding the sheets 'Summary', 'Schools', 'Wards' failed: A resource with the same name or identifier already exists\..* The sheets this run had added were removed again\.$/,
    );
    // Summary and Schools were added before the clash and taken away again; the other 'Wards' stays.
    expect(excel.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Input', 'Wards']);
  });
});

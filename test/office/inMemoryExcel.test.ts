import { createInMemoryExcel, type InMemoryExcel } from '../support/inMemoryExcel';
import { TINY_PNG } from '../workbook/reportFixture';

/**
 * The in-memory Excel refuses what Excel refuses and defers what Excel defers. Expected codes
 * and messages are Office.js's (office_strings.js, Excel.ErrorCodes); expected values are
 * worked by hand in each test.
 */

function workbook(): InMemoryExcel {
  return createInMemoryExcel({
    sheets: [
      {
        name: 'Data',
        rows: [
          ['Name', 'Count'],
          ['Alpha', 3],
          ['Beta', 4],
        ],
      },
      {
        name: 'Notes',
        rows: [
          [null, null],
          [null, 'x', null, 'y'],
        ],
        firstRow: 3,
      },
    ],
  });
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<{ code: string; message: string; name: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; name: string };
  }
  throw new Error('expected the promise to reject, but it resolved');
}

function thrown(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a throw');
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('proxy objects, load and sync', () => {
  test('a property read before load and sync throws PropertyNotLoaded at once, with Office.js’s message', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const error = thrown(() => sheet.name);
      expect(error.code).toBe('PropertyNotLoaded');
      expect(error.message).toBe(
        `The property 'name' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      sheet.load('name');
      expect(thrown(() => sheet.name).code).toBe('PropertyNotLoaded'); // loaded only after sync
      await context.sync();
      expect(sheet.name).toBe('Data');
    });
  });

  test('writes are queued and reach the workbook only at sync', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      context.workbook.worksheets.add('Later');
      expect(excel.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Data', 'Notes']);
      await context.sync();
      expect(excel.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Data', 'Notes', 'Later']);
    });
  });

  test('Excel.run sends what the batch queued after its last sync, and its objects die with it', async () => {
    const excel = workbook();
    let kept: Excel.Worksheet | undefined;
    await excel.run(async (context) => {
      kept = context.workbook.worksheets.add('Flushed');
    });
    expect(excel.snapshot().sheets.map((sheet) => sheet.name)).toContain('Flushed');
    expect(thrown(() => kept!.activate()).code).toBe('InvalidObjectPath');
  });

  test('a batch that returns no promise is refused with RunMustReturnPromise', async () => {
    const excel = workbook();
    const error = await rejection(
      excel.run((() => undefined) as unknown as (context: Excel.RequestContext) => Promise<void>),
    );
    expect(error.code).toBe('RunMustReturnPromise');
  });

  test('a setter keeps its value on the proxy, so it reads back before any sync', async () => {
    await workbook().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.tabColor = '#112233';
      expect(sheet.tabColor).toBe('#112233');
    });
  });
});

describe('collections', () => {
  test('getItem of a missing sheet fails the sync with ItemNotFound', async () => {
    const excel = workbook();
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Missing').load('name');
        await context.sync();
      }),
    );
    expect(error.name).toBe('RichApi.Error');
    expect(error.code).toBe('ItemNotFound');
  });

  test('getItemOrNullObject tells after sync whether the sheet exists, and finds names ignoring case', async () => {
    await workbook().run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Missing');
      const present = context.workbook.worksheets.getItemOrNullObject('DATA');
      present.load('name');
      expect(thrown(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Data');
    });
  });

  test('items need load and sync, and then list the sheets in tab order', async () => {
    await workbook().run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe('PropertyNotLoaded');
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((sheet) => sheet.name)).toEqual(['Data', 'Notes']);
    });
  });

  test('a sheet added without a name takes the first free SheetN', async () => {
    const excel = createInMemoryExcel({
      sheets: [
        { name: 'sheet1', rows: [] },
        { name: 'Sheet3', rows: [] },
      ],
    });
    await excel.run(async (context) => {
      context.workbook.worksheets.add();
      context.workbook.worksheets.add();
    });
    expect(excel.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['sheet1', 'Sheet3', 'Sheet2', 'Sheet4']);
  });

  test('a new sheet goes last and is not activated; activate brings it to the front', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Fresh');
      await context.sync();
      expect(excel.snapshot().activeSheet).toBe('Data');
      sheet.activate();
      await context.sync();
    });
    expect(excel.snapshot().activeSheet).toBe('Fresh');
  });
});

describe("Excel's sheet-name rules", () => {
  const cases: [string, string, string][] = [
    ['32 characters', 'x'.repeat(32), 'InvalidArgument'],
    ['a colon', 'Q1:Q2', 'InvalidArgument'],
    ['a backslash', 'a\\b', 'InvalidArgument'],
    ['a slash', 'a/b', 'InvalidArgument'],
    ['a question mark', 'why?', 'InvalidArgument'],
    ['an asterisk', 'all*', 'InvalidArgument'],
    ['square brackets', '[draft]', 'InvalidArgument'],
    ['an apostrophe first', "'quoted", 'InvalidArgument'],
    ['an apostrophe last', "quoted'", 'InvalidArgument'],
    ['only spaces', '   ', 'InvalidArgument'],
    ['the reserved History', 'history', 'InvalidArgument'],
    ['the name of another sheet in other case', 'DATA', 'ItemAlreadyExists'],
  ];
  test.each(cases)('a name with %s is refused', async (_case, name, code) => {
    const excel = workbook();
    const error = await rejection(excel.run(async (context) => void context.workbook.worksheets.add(name)));
    expect(error.code).toBe(code);
    expect(excel.snapshot().sheets).toHaveLength(2);
  });

  test('31 characters, spaces, brackets of other kinds and inner apostrophes are fine', async () => {
    const excel = workbook();
    const names = ['x'.repeat(31), 'Schools (2)', "St Mary's {list}"];
    await excel.run(async (context) => names.forEach((name) => context.workbook.worksheets.add(name)));
    expect(
      excel
        .snapshot()
        .sheets.map((sheet) => sheet.name)
        .slice(2),
    ).toEqual(names);
  });

  test('a failing action rejects the sync; the actions before it stay done, those after it are not done', async () => {
    const excel = workbook();
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.add('First');
        context.workbook.worksheets.add('Bad/Name');
        context.workbook.worksheets.add('Third');
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
    expect(excel.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Data', 'Notes', 'First']);
  });
});

describe('cells', () => {
  /** What Excel stores for one typed string: [input, kind, stored value or formula, number format]. */
  const typed: [string, string, string | number | boolean, string][] = [
    ['=1+1', 'formula', '=1+1', 'General'],
    ["'=1+1", 'text', '=1+1', 'General'],
    ['100001', 'number', 100001, 'General'],
    ["'100001", 'text', '100001', 'General'],
    ['1,234.5', 'number', 1234.5, 'General'],
    ['+44', 'number', 44, 'General'],
    ['-x', 'formula', '=-x', 'General'],
    ['@foo', 'formula', '=@foo', 'General'],
    ['true', 'boolean', true, 'General'],
    ['#N/A', 'error', '#N/A', 'General'],
    ['12.5%', 'number', 0.125, '0.0%'],
    // 2024-01-01 is serial 45,292; June 1 is 31 + 29 + 31 + 30 + 31 = 152 days later.
    ['2024-06-01', 'number', 45444, 'yyyy-mm-dd'],
    ["''quoted'", 'text', "'quoted'", 'General'],
    ['[c]', 'text', '[c]', 'General'],
  ];
  test.each(typed)('the string %j is stored as %s %j', async (input, kind, stored, numberFormat) => {
    const excel = workbook();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('D1').values = [[input]];
    });
    const cell = excel.snapshot().sheets[0].cells.D1;
    expect(cell.kind).toBe(kind);
    expect(kind === 'formula' ? cell.formula : cell.value).toEqual(stored);
    expect(cell.numberFormat).toBe(numberFormat);
  });

  test('text entered after an apostrophe reads back without it, through values and formulas', async () => {
    await workbook().run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('D1:E1');
      range.formulas = [['\'=HYPERLINK("x")', '=1+1']];
      range.load('values,formulas');
      await context.sync();
      // No calculation engine: a formula cell reads as blank in values.
      expect(range.values).toEqual([['=HYPERLINK("x")', '']]);
      expect(range.formulas).toEqual([['=HYPERLINK("x")', '=1+1']]);
    });
  });

  test('a cell formatted as Text (@) keeps a formula-like string as text', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Data').getRange('D1');
      cell.numberFormat = [['@']];
      cell.values = [['=1+1']];
    });
    expect(excel.snapshot().sheets[0].cells.D1).toMatchObject({ kind: 'text', value: '=1+1', quotePrefix: false });
  });

  test('null leaves a cell alone and the empty string clears it', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A2:B2').values = [[null, '']];
    });
    const cells = excel.snapshot().sheets[0].cells;
    expect(cells.A2.value).toBe('Alpha');
    expect(cells.B2).toBeUndefined();
  });

  test('an update whose shape differs from the range is refused with InvalidArgument', async () => {
    const error = await rejection(
      workbook().run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [[1, 2, 3]];
      }),
    );
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toContain("doesn't match the size or dimensions of the range");
  });

  test("text longer than a cell's 32,767 characters is refused", async () => {
    const error = await rejection(
      workbook().run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('D1').values = [[`'${'x'.repeat(32768)}`]];
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });

  test('a formula naming a sheet the workbook lacks keeps #REF! in its place', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('D1:D2').formulas = [
        ['=SUM(Data!B2:B3)+Later!A1'],
        ['="Later!"&\'Notes\'!B4'],
      ];
    });
    const cells = excel.snapshot().sheets[0].cells;
    expect(cells.D1.formula).toBe('=SUM(Data!B2:B3)+#REF!A1');
    expect(cells.D2.formula).toBe('="Later!"&\'Notes\'!B4');
  });

  test('a malformed formula is refused', async () => {
    const error = await rejection(
      workbook().run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('D1').formulas = [['=SUM({{Wards}}!A1:A3)']];
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });

  test('the used range covers the cells with values, and its address gives its first cell', async () => {
    await workbook().run(async (context) => {
      const used = context.workbook.worksheets.getItem('Notes').getUsedRangeOrNullObject(true);
      used.load('address,rowCount,columnCount,values');
      await context.sync();
      // Notes holds 'x' at B4 and 'y' at D4 (its rows start at worksheet row 3).
      expect(used.address).toBe('Notes!B4:D4');
      expect([used.rowCount, used.columnCount]).toEqual([1, 3]);
      expect(used.values).toEqual([['x', '', 'y']]);
    });
  });

  test('an empty sheet has no used range: a null object', async () => {
    await workbook().run(async (context) => {
      const sheet = context.workbook.worksheets.add('Empty');
      const used = sheet.getUsedRangeOrNullObject(true);
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
  });
});

describe('request and response size', () => {
  test('the request size is the JSON Office.js would send: a 5,000-character value makes a request of 5,000 bytes and a little more', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('D1').values = [[`'${'x'.repeat(5000)}`]];
      await context.sync();
    });
    expect(excel.stats.requestBytes).toHaveLength(1);
    expect(excel.stats.requestBytes[0]).toBeGreaterThan(5000);
    expect(excel.stats.requestBytes[0]).toBeLessThan(5600);
  });

  test('a request over the limit is refused whole with RequestPayloadSizeLimitExceeded', async () => {
    const excel = createInMemoryExcel({ sheets: [{ name: 'Data', rows: [] }] }, { payloadLimitBytes: 10_000 });
    const rows = Array.from({ length: 20 }, (_unused, row) => [`'${'y'.repeat(1000)}${row}`]);
    const error = await rejection(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Data');
        sheet.tabColor = '#FF0000';
        sheet.getRange('A1:A20').values = rows;
        await context.sync();
      }),
    );
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.stats.largestRequestBytes).toBeGreaterThan(20_000);
    expect(excel.snapshot().sheets[0]).toMatchObject({ tabColor: '', cells: {} });

    // Half the rows per request fits.
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A1:A5').values = rows.slice(0, 5);
      await context.sync();
      sheet.getRange('A6:A10').values = rows.slice(5, 10);
    });
    expect(Object.keys(excel.snapshot().sheets[0].cells)).toHaveLength(10);
  });

  test('a response over the limit is refused with ResponsePayloadSizeLimitExceeded', async () => {
    const rows = Array.from({ length: 30 }, () => ['z'.repeat(1000)]);
    const excel = createInMemoryExcel({ sheets: [{ name: 'Big', rows }] }, { responseLimitBytes: 20_000 });
    const error = await rejection(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Big').getRange('A1:A30').load('values');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
  });
});

describe('tables', () => {
  test('tables.add makes a table named TableN whose header cells become unique text', async () => {
    const excel = createInMemoryExcel({
      sheets: [
        {
          name: 'T',
          rows: [
            ['Rank', 'rank', null, 7],
            [1, 2, 3, 4],
          ],
        },
      ],
    });
    await excel.run(async (context) => void context.workbook.worksheets.getItem('T').tables.add('A1:D2', true));
    const [table] = excel.snapshot().sheets[0].tables;
    expect(table).toMatchObject({
      name: 'Table1',
      address: 'A1:D2',
      headers: ['Rank', 'rank2', 'Column3', '7'],
      style: 'TableStyleMedium2',
    });
  });

  test('table names are unique in the workbook ignoring case and follow Excel’s pattern', async () => {
    /** A workbook with a table named tblSchools, then a second table renamed to `name`. */
    const rename = async (name: string) => {
      const excel = createInMemoryExcel({ sheets: [{ name: 'T', rows: [['a'], [1], [null], ['b'], [2]] }] });
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem('T').tables.add('A1:A2', true).name = 'tblSchools';
      });
      const outcome = await excel
        .run(async (context) => {
          context.workbook.worksheets.getItem('T').tables.add('A4:A5', true).name = name;
        })
        .then(
          () => 'accepted',
          (error: { code: string }) => error.code,
        );
      return { outcome, names: excel.snapshot().tableNames };
    };
    expect(await rename('tblWards')).toEqual({ outcome: 'accepted', names: ['tblSchools', 'tblWards'] });
    // The refused rename leaves the new table with its default name.
    expect(await rename('TBLSCHOOLS')).toEqual({ outcome: 'ItemAlreadyExists', names: ['tblSchools', 'Table1'] });
    for (const bad of ['A1', 'R2C3', '1st', 'has space'])
      expect(await rename(bad)).toEqual({ outcome: 'InvalidArgument', names: ['tblSchools', 'Table1'] });
  });

  test('a table may not overlap another', async () => {
    const excel = createInMemoryExcel({
      sheets: [
        {
          name: 'T',
          rows: [
            ['a', 'b'],
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
    const error = await rejection(
      excel.run(async (context) => {
        const tables = context.workbook.worksheets.getItem('T').tables;
        tables.add('A1:B2', true);
        tables.add('B2:B3', true);
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });
});

describe('charts, pictures and sheet formats', () => {
  test('a chart records its type, series ranges, titles and the cells it covers', async () => {
    const excel = createInMemoryExcel({
      sheets: [
        {
          name: 'Chart data',
          rows: [
            ['a', 1],
            ['b', 2],
          ],
        },
      ],
    });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Chart data');
      const chart = sheet.charts.add('BarClustered', sheet.getRange('B1:B2'), 'Columns');
      chart.title.text = 'Counts';
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange('A1:A2'));
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.setPosition('D2', 'H10');
    });
    expect(excel.snapshot().sheets[0].charts[0]).toMatchObject({
      type: 'BarClustered',
      title: 'Counts',
      series: [{ values: "'Chart data'!$B$1:$B$2", categories: "'Chart data'!$A$1:$A$2" }],
      categoryAxis: { reversePlotOrder: true },
      topLeftCell: 'D2',
      bottomRightCell: 'H10',
    });
  });

  test("a stacked chart's series overlap fully from the start, a clustered chart's not at all, and both begin with the automatic fill and line", async () => {
    const excel = createInMemoryExcel({
      sheets: [
        {
          name: 'Chart data',
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Chart data');
      sheet.charts.add('BarStacked', sheet.getRange('A1:B2'), 'Columns');
      sheet.charts.add('ColumnClustered', sheet.getRange('A1:A2'), 'Columns').series.add('Added');
    });
    const [stacked, clustered] = excel.snapshot().sheets[0].charts;
    const automatic = { fill: null, line: { lineStyle: 'Automatic', color: null, weight: 0.75 }, gapWidth: 150 };
    expect(stacked.series).toMatchObject([
      { ...automatic, overlap: 100 },
      { ...automatic, overlap: 100 },
    ]);
    expect(clustered.series).toMatchObject([
      { ...automatic, overlap: 0 },
      { name: 'Added', ...automatic, overlap: 0 },
    ]);
  });

  test("a series' fill can be cleared to none or set solid, its line styled, and its overlap set from -100 to 100", async () => {
    const excel = createInMemoryExcel({
      sheets: [
        {
          name: 'Chart data',
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Chart data');
      const chart = sheet.charts.add('BarStacked', sheet.getRange('A1:B2'), 'Columns');
      const [base, bar] = [chart.series.getItemAt(0), chart.series.getItemAt(1)];
      base.format.fill.clear();
      base.format.line.lineStyle = 'None';
      bar.format.fill.setSolidColor('#2f5597');
      bar.format.line.lineStyle = 'Continuous';
      bar.format.line.color = 'black';
      bar.format.line.weight = 1.5;
      bar.overlap = -20;
    });
    expect(excel.snapshot().sheets[0].charts[0].series).toMatchObject([
      { fill: 'none', line: { lineStyle: 'None', color: null, weight: 0.75 }, overlap: 100 },
      { fill: '#2F5597', line: { lineStyle: 'Continuous', color: '#000000', weight: 1.5 }, overlap: -20 },
    ]);

    const refused = (change: (series: Excel.ChartSeries) => void) =>
      rejection(
        excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem('Chart data');
          change(sheet.charts.add('BarStacked', sheet.getRange('A1:A2'), 'Columns').series.getItemAt(0));
        }),
      );
    expect((await refused((series) => void (series.overlap = 101))).code).toBe('InvalidArgument');
    expect((await refused((series) => void (series.format.line.lineStyle = 'Wavy' as Excel.ChartLineStyle))).code).toBe(
      'InvalidArgument',
    );
    expect((await refused((series) => void series.format.fill.setSolidColor('not a colour'))).code).toBe(
      'InvalidArgument',
    );
  });

  test('a scatter series can become a line without markers, or take circle markers of a colour; a bar series cannot become a scatter', async () => {
    const excel = createInMemoryExcel({
      sheets: [
        {
          name: 'Chart data',
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Chart data');
      const chart = sheet.charts.add('XYScatter', sheet.getRange('B1:B2'), 'Columns');
      const points = chart.series.getItemAt(0);
      points.markerStyle = 'Circle';
      points.markerSize = 6;
      points.markerBackgroundColor = '#2f5597';
      const line = chart.series.add('Line');
      line.chartType = 'XYScatterLinesNoMarkers';
      line.markerStyle = 'None';
    });
    expect(excel.snapshot().sheets[0].charts[0].series).toMatchObject([
      { chartType: 'XYScatter', marker: { style: 'Circle', size: 6, background: '#2F5597', foreground: null } },
      { name: 'Line', chartType: 'XYScatterLinesNoMarkers', marker: { style: 'None', size: 5 } },
    ]);
    const refused = (type: string, change: (series: Excel.ChartSeries) => void) =>
      rejection(
        excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem('Chart data');
          change(sheet.charts.add(type as Excel.ChartType, sheet.getRange('A1:A2'), 'Columns').series.getItemAt(0));
        }),
      );
    expect((await refused('BarStacked', (series) => void (series.chartType = 'XYScatterLinesNoMarkers'))).code).toBe(
      'NotImplemented',
    );
    expect(
      (await refused('XYScatter', (series) => void (series.markerStyle = 'Hexagon' as Excel.ChartMarkerStyle))).code,
    ).toBe('InvalidArgument');
    expect((await refused('XYScatter', (series) => void (series.markerSize = 1))).code).toBe('InvalidArgument');
  });

  test('a chart type Excel has but the in-memory Excel does not draw is refused as NotImplemented, a made-up one as InvalidArgument', async () => {
    const add = (type: string) =>
      rejection(
        workbook().run(async (context) => {
          const sheet = context.workbook.worksheets.getItem('Data');
          sheet.charts.add(type as Excel.ChartType, sheet.getRange('B2:B3'), 'Columns');
        }),
      );
    expect((await add('Waterfall')).code).toBe('NotImplemented');
    expect((await add('Sideways')).code).toBe('InvalidArgument');
  });

  test('addImage takes a PNG at its pixel size in points, and refuses bytes that are not a picture', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const shape = context.workbook.worksheets.getItem('Data').shapes.addImage(base64(TINY_PNG));
      shape.width = 3; // aspect ratio locked: 2 x 2 pixels = 1.5 x 1.5 points, so the height follows
    });
    expect(excel.snapshot().sheets[0].images[0]).toMatchObject({
      format: 'png',
      pixelWidth: 2,
      pixelHeight: 2,
      width: 3,
      height: 3,
    });
    const error = await rejection(
      excel.run(
        async (context) =>
          void context.workbook.worksheets.getItem('Data').shapes.addImage(base64(new Uint8Array([1, 2, 3]))),
      ),
    );
    expect(error.code).toBe('InvalidArgument');
  });

  test('cells report their left and top from the column widths and the 15-point rows', async () => {
    await workbook().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.getRange('A:B').format.columnWidth = 100;
      const cell = sheet.getCell(4, 3); // D5: A and B 100 points each, C the default 48; four rows above
      cell.load('left,top');
      await context.sync();
      expect([cell.left, cell.top]).toEqual([248, 60]);
    });
  });

  test('freezeRows, fonts, fills and conditional formats land on the sheet', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      sheet.freezePanes.freezeRows(1);
      const header = sheet.getRange('A1:B1');
      header.format.font.bold = true;
      header.format.fill.color = '#ffc7ce';
      const format = sheet.getRange('B2:B3').conditionalFormats.add('CellValue');
      format.cellValue.format.fill.color = '#F4B084';
      format.cellValue.rule = { formula1: '=3', operator: 'EqualTo' };
    });
    const sheet = excel.snapshot().sheets[0];
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.cells.B1.format).toEqual({ bold: true, fill: '#FFC7CE' });
    expect(sheet.conditionalFormats).toEqual([
      {
        address: 'B2:B3',
        type: 'CellValue',
        operator: 'EqualTo',
        formula1: '=3',
        formula2: null,
        fill: '#F4B084',
        fontColor: null,
      },
    ]);
  });

  test('a new sheet prints portrait at 100%; pageLayout sets landscape, one page wide with the height free, rows repeated on each page and a print area', async () => {
    const excel = workbook();
    expect(excel.snapshot().sheets[0].pageLayout).toEqual({
      orientation: 'Portrait',
      zoom: { scale: 100 },
      printTitleRows: null,
      printArea: null,
    });
    await excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('Data').pageLayout;
      layout.orientation = 'Landscape';
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows('$1:$1');
      layout.setPrintArea('A1:E12');
    });
    expect(excel.snapshot().sheets[0].pageLayout).toEqual({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$1',
      printArea: 'A1:E12',
    });
  });

  const badLayouts: [string, (layout: Excel.PageLayout) => void][] = [
    ['an orientation Excel lacks', (layout) => void (layout.orientation = 'Sideways' as Excel.PageOrientation)],
    ['a scale and pages to fit at once', (layout) => void (layout.zoom = { scale: 80, horizontalFitToPages: 1 })],
    ['a scale below 10%', (layout) => void (layout.zoom = { scale: 5 })],
    ['title rows that are not whole rows', (layout) => layout.setPrintTitleRows('A1:C1')],
    ['a print area that is not an address', (layout) => layout.setPrintArea('the summary')],
  ];
  test.each(badLayouts)('a page layout with %s is refused with InvalidArgument', async (_case, change) => {
    const error = await rejection(
      workbook().run(async (context) => change(context.workbook.worksheets.getItem('Data').pageLayout)),
    );
    expect(error.code).toBe('InvalidArgument');
  });

  test('a colour that is not a colour is refused', async () => {
    const error = await rejection(
      workbook().run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1').format.fill.color = 'not a colour';
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });
});

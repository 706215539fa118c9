import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import {
  ACTION_OVERHEAD_BYTES,
  PayloadBudget,
  actionBytes,
  bytesToBase64,
  checkRequirements,
  columnWidthPoints,
  officeCellInput,
  placedCells,
  planTableNames,
  rangeOrigin,
  styleRectangles,
  utf8JsonLength,
} from '../../src/workbook/office';
import { TINY_PNG } from '../workbook/reportFixture';

const noNames = new Map<string, string>();

describe('checkRequirements', () => {
  const upTo = (newestMinor: number) => (name: string, version: string) =>
    name === 'ExcelApi' && Number(version.split('.')[1]) <= newestMinor;

  test('passes a host with ExcelApi 1.10 or later', () => {
    expect(checkRequirements(upTo(10))).toEqual({ ok: true });
    expect(checkRequirements(upTo(17))).toEqual({ ok: true });
  });

  test('names the newest set an older host has, and what to do', () => {
    const check = checkRequirements(upTo(8));
    expect(check.ok).toBe(false);
    const { message } = check as { message: string };
    expect(message).toContain('ExcelApi 1.10 requirement set');
    expect(message).toContain('this Excel supports ExcelApi 1.8');
    expect(message).toContain('catchment analyse');
  });

  test('says so when the host has no Excel API at all', () => {
    expect((checkRequirements(() => false) as { message: string }).message).toContain(
      'this Excel supports no ExcelApi requirement set',
    );
  });
});

describe('columnWidthPoints', () => {
  test("Excel's default column (file width 9.140625, shown as 8.43 characters) is 64 pixels = 48 points", () => {
    expect(columnWidthPoints(9.140625)).toBe(48);
  });

  test('a width of 28 is 196 pixels = 147 points: Truncate((7,168 + 18) / 256 × 7) = Truncate(196.49)', () => {
    expect(columnWidthPoints(28)).toBe(147);
  });
});

describe('bytesToBase64', () => {
  test('matches Node’s base64 for every padding case and for a PNG', () => {
    const samples = [
      new Uint8Array([]),
      new Uint8Array([77]),
      new Uint8Array([77, 97]),
      new Uint8Array([77, 97, 110]),
      Uint8Array.from({ length: 300 }, (_u, i) => (i * 37) % 256),
      TINY_PNG,
    ];
    for (const bytes of samples) expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  test('a long picture (over the 8,192-character line buffer) comes out whole', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_u, i) => (i * 131) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});

describe('rangeOrigin', () => {
  test.each([
    ['Sheet1!A1:C4', 1, 0],
    ["'Crimes 2020'!B3:F20", 3, 1],
    ["'It''s!'!$AA$10:$AB$12", 10, 26],
    ['Data!C7', 7, 2],
  ])('%s starts at row %i, column index %i', (address, row, col) => {
    expect(rangeOrigin(address)).toEqual({ row, col });
  });
});

describe('officeCellInput', () => {
  test('text is written after an apostrophe, whatever its first character', () => {
    for (const text of ['=HYPERLINK("x")', '+44', '-x', '@foo', '00123', 'plain', "'quoted"]) {
      expect(officeCellInput({ kind: 'text', value: text }, noNames)).toEqual({
        input: `'${text}`,
        numberFormat: null,
      });
    }
  });

  test('empty text writes nothing; a style still gives a number format', () => {
    expect(officeCellInput({ kind: 'text', value: '', style: { numberFormat: '0.0' } }, noNames)).toEqual({
      input: null,
      numberFormat: '0.0',
    });
  });

  test("text longer than a cell's 32,767 characters is cut with an ellipsis, after the apostrophe", () => {
    const { input } = officeCellInput({ kind: 'text', value: 'x'.repeat(40_000) }, noNames);
    expect((input as string).length).toBe(32_768);
    expect((input as string).endsWith('x…')).toBe(true);
  });

  test("a formula gets '=' and its sheet placeholders resolved for the run", () => {
    const cell: ModelCell = { kind: 'formula', formula: 'SUM({{Wards}}!D2:D9)/{{Summary}}!B2', result: 1 };
    expect(
      officeCellInput(
        cell,
        new Map([
          ['Wards', 'Wards (2)'],
          ['Summary', 'Summary (2)'],
        ]),
      ).input,
    ).toBe("=SUM('Wards (2)'!D2:D9)/'Summary (2)'!B2");
  });

  test('a date is its serial number (2024-06-01 = 45,444) formatted yyyy-mm-dd unless styled', () => {
    expect(officeCellInput({ kind: 'date', value: new Date(Date.UTC(2024, 5, 1)) }, noNames)).toEqual({
      input: 45444,
      numberFormat: 'yyyy-mm-dd',
    });
    expect(
      officeCellInput(
        { kind: 'date', value: new Date(Date.UTC(2024, 5, 1)), style: { numberFormat: 'd mmm yyyy' } },
        noNames,
      ).numberFormat,
    ).toBe('d mmm yyyy');
  });

  test('a number that is not finite is the error #NUM!, as the .xlsx adapter writes it', () => {
    expect(officeCellInput({ kind: 'number', value: Number.NaN }, noNames).input).toBe('#NUM!');
    expect(officeCellInput({ kind: 'number', value: 2.5, style: { numberFormat: '0.00' } }, noNames)).toEqual({
      input: 2.5,
      numberFormat: '0.00',
    });
  });
});

describe('placedCells and styleRectangles', () => {
  const bold = (value: string): ModelCell => ({ kind: 'text', value, style: { bold: true } });
  const model = (cells: SheetModel['cells'], tables: SheetModel['tables'] = []): SheetModel => ({
    name: 'S',
    cells,
    tables,
    charts: [],
    images: [],
  });

  test('a table gives unique headers and, with no rows, one empty body row; free cells win over table cells', () => {
    const placed = placedCells(
      model(
        [{ row: 1, col: 1, cell: { kind: 'number', value: 9 } }],
        [{ name: 't', row: 0, col: 0, headers: ['A', 'a', ''], rows: [] }],
      ),
    );
    expect(
      placed.map(({ row, col, cell }) => [
        row,
        col,
        cell.kind === 'text' || cell.kind === 'number' ? cell.value : cell.kind,
      ]),
    ).toEqual([
      [0, 0, 'A'],
      [0, 1, 'a 2'],
      [0, 2, 'Column3'],
      [1, 0, 'empty'],
      [1, 1, 9],
      [1, 2, 'empty'],
    ]);
  });

  test('a 2 x 2 block of one style is one rectangle; a number format alone makes none', () => {
    const cells = placedCells(
      model([
        { row: 0, col: 0, cell: bold('a') },
        { row: 0, col: 1, cell: bold('b') },
        { row: 1, col: 0, cell: bold('c') },
        { row: 1, col: 1, cell: bold('d') },
        { row: 2, col: 0, cell: { kind: 'number', value: 1, style: { numberFormat: '0.0' } } },
      ]),
    );
    expect(styleRectangles(cells)).toEqual([
      { firstRow: 0, firstCol: 0, lastRow: 1, lastCol: 1, style: { bold: true } },
    ]);
  });

  test('runs of different widths or styles stay apart', () => {
    const italic = (value: string): ModelCell => ({ kind: 'text', value, style: { italic: true } });
    const cells = placedCells(
      model([
        { row: 0, col: 0, cell: bold('a') },
        { row: 0, col: 1, cell: bold('b') },
        { row: 1, col: 0, cell: bold('c') },
        { row: 1, col: 1, cell: italic('d') },
        { row: 3, col: 0, cell: bold('e') },
      ]),
    );
    expect(styleRectangles(cells)).toEqual([
      { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 1, style: { bold: true } },
      { firstRow: 1, firstCol: 0, lastRow: 1, lastCol: 0, style: { bold: true } },
      { firstRow: 1, firstCol: 1, lastRow: 1, lastCol: 1, style: { italic: true } },
      { firstRow: 3, firstCol: 0, lastRow: 3, lastCol: 0, style: { bold: true } },
    ]);
  });
});

describe('payload accounting', () => {
  test('counts UTF-8 bytes of the JSON: é is 2 bytes, an emoji 4', () => {
    expect(utf8JsonLength('é')).toBe(4); // "é" = quote + 2 + quote
    expect(utf8JsonLength('😀')).toBe(6);
    expect(actionBytes([[['a', 1]]])).toBe(ACTION_OVERHEAD_BYTES + 9);
  });

  test('the budget syncs before actions that would pass it, and refuses one action bigger than a request', async () => {
    let syncs = 0;
    const budget = new PayloadBudget(async () => void syncs++, 10_000);
    await budget.reserve(6_000, 'first');
    await budget.reserve(4_000, 'second'); // exactly full: no sync yet
    expect(syncs).toBe(0);
    await budget.reserve(1, 'third');
    expect(syncs).toBe(1);
    await expect(budget.reserve(10_001, 'The map')).rejects.toThrow(
      'The map needs about 10,001 bytes in one Excel request, more than the 10,000-byte budget',
    );
  });
});

describe('planTableNames', () => {
  const withTables = (...names: string[][]): SheetModel[] =>
    names.map((tables, index) => ({
      name: `S${index}`,
      cells: [],
      charts: [],
      images: [],
      tables: tables.map((name) => ({ name, row: 0, col: 0, headers: ['A'], rows: [] })),
    }));

  test('names tables as the .xlsx adapter does, stepping past names the workbook already has', () => {
    const names = planTableNames(withTables(['tblSchools'], ['tblWards']), 2, ['TBLSCHOOLS_2', 'tblSchools_2_2']);
    expect([...names.entries()]).toEqual([
      ['tblSchools', 'tblSchools_2_3'],
      ['tblWards', 'tblWards_2'],
    ]);
  });

  test('refuses two tables of one run with the same name', () => {
    expect(() => planTableNames(withTables(['tblData'], ['tblData']), 1, [])).toThrow(
      "Tables 'tblData' on sheet 'S1' and on sheet 'S0' would share one Excel table name",
    );
  });
});

import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { WorkbookData } from '../../src/core/types';
import { generateDemo } from '../../src/demo';
import { writeDemoFiles } from '../../src/demo/node';
import { readWorkbookBufferWithExcelJS, readWorkbookFile, readXlsx } from '../../src/workbook/xlsx';

/**
 * The streaming reader against the previous exceljs reader on the demo workbook (the CLI's own
 * `catchment demo` input: seven sheets, a header in row 5 on one, dates, blank rows, Excel errors,
 * formula-like text): every sheet name, firstRow and cell must be equal.
 */
describe('streaming reader parity with the exceljs reader on the demo workbook', () => {
  let directory: string;
  let streamed: WorkbookData;
  let excel: WorkbookData;
  let bytes: Buffer;

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'stream-parity-'));
    const { workbookPath } = await writeDemoFiles(generateDemo({ seed: 7, offences: 5000 }), directory);
    bytes = await fs.readFile(workbookPath);
    streamed = await readWorkbookFile(workbookPath);
    excel = await readWorkbookBufferWithExcelJS(bytes);
  });

  afterAll(async () => {
    await fs.rm(directory, { recursive: true, force: true });
  });

  test('the same sheets in the same order, with the same used ranges', () => {
    expect(streamed.sheets.map((sheet) => [sheet.name, sheet.firstRow, sheet.rows.length])).toEqual(
      excel.sheets.map((sheet) => [sheet.name, sheet.firstRow, sheet.rows.length]),
    );
    expect(streamed.sheets.length).toBe(7);
  });

  test('every cell equal, row by row (dates as the same instants, numbers and text exactly)', () => {
    let cells = 0;
    excel.sheets.forEach((sheet, s) => {
      sheet.rows.forEach((cellsOfRow, r) => {
        const ours = streamed.sheets[s].rows[r];
        // Where exceljs pads a row to the used range's width, ours may end at its last value.
        cellsOfRow.forEach((value, c) => {
          const mine = ours[c] ?? null;
          if (value instanceof Date) expect(mine instanceof Date && mine.getTime() === value.getTime()).toBe(true);
          else if (mine !== value)
            expect({ sheet: sheet.name, row: r, column: c, value: mine }).toEqual({
              sheet: sheet.name,
              row: r,
              column: c,
              value,
            });
          cells += 1;
        });
        expect(ours.length).toBeLessThanOrEqual(cellsOfRow.length);
      });
    });
    expect(cells).toBeGreaterThan(50000);
  });

  test('the demo reads as the same rectangles too (its rows are cheap to pad)', () => {
    expect(streamed).toEqual(excel);
  });

  test('saxes alone reads the demo exactly as the fast worksheet scanner does', () => {
    expect(readXlsx(bytes, { xmlReader: 'saxes' })).toEqual(streamed);
  });
});

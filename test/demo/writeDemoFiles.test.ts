import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEMO_SHEET_NAMES, FORMULA_INJECTION_NAME, generateDemo } from '../../src/demo';
import { writeDemoFiles } from '../../src/demo/node';

describe('writeDemoFiles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-files-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const demo = generateDemo({ seed: 11, wards: 30, districts: 3, schools: 60, offences: 600, faultRate: 0.05 });
  let workbook: ExcelJS.Workbook;
  let paths: { workbookPath: string; boundariesPath: string };

  beforeAll(async () => {
    paths = await writeDemoFiles(demo, dir);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(paths.workbookPath);
  });

  it('writes demo-input.xlsx and demo-wards.geojson into the folder', () => {
    expect(path.basename(paths.workbookPath)).toBe('demo-input.xlsx');
    expect(path.basename(paths.boundariesPath)).toBe('demo-wards.geojson');
    const geojson = JSON.parse(fs.readFileSync(paths.boundariesPath, 'utf8'));
    expect(geojson.crs.properties.name).toMatch(/27700/);
    expect(geojson.features).toHaveLength(30);
  });

  it('keeps every sheet, in order', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(demo.workbook.sheets.map((sheet) => sheet.name));
  });

  it('writes the offences as plain values: bold header, dates as dates, serial dates as numbers, blank rows blank', () => {
    const sheet = workbook.getWorksheet(DEMO_SHEET_NAMES.offences)!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Crime Number');
    // Every header cell is bold (as Excel shows it: each cell's own font).
    sheet.getRow(1).eachCell((cell) => expect(cell.font?.bold).toBe(true));
    expect(sheet.getRow(2).getCell(1).font?.bold).not.toBe(true);
    const faults = demo.truth.offences.faults;
    const cleanRow = demo.truth.offences.rows.find((row) => row.faults.length === 0)!.row;
    const dateCell = sheet.getRow(cleanRow).getCell(3);
    expect(dateCell.value).toBeInstanceOf(Date);
    expect((dateCell.value as Date).getTime()).toBe(
      demo.truth.offences.rows.find((row) => row.row === cleanRow)!.date.getTime(),
    );
    expect(dateCell.numFmt).toBe('dd/mm/yyyy');
    expect(typeof sheet.getRow(faults.serialDate[0]).getCell(3).value).toBe('number');
    const blank = sheet.getRow(faults.blankRow[0]);
    expect(blank.hasValues).toBe(false);
    expect(sheet.getRow(faults.blankRow[0] + 1).hasValues).toBe(true);
    expect(sheet.rowCount).toBe(demo.workbook.sheets[1].rows.length);
  });

  it('writes a school name starting with "=" as text, not a formula', () => {
    const sheet = workbook.getWorksheet(DEMO_SHEET_NAMES.schools)!;
    sheet.getRow(3).eachCell((cell) => expect(cell.font?.bold).toBe(true));
    let found = false;
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === FORMULA_INJECTION_NAME) {
          found = true;
          expect(cell.type).toBe(ExcelJS.ValueType.String);
        }
      });
    });
    expect(found).toBe(true);
  });
});

import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import type { WorkbookData } from '../../src/core/types';
import {
  plainCellValue,
  readWorkbookBuffer,
  readWorkbookFile,
  writeWorkbookDataBuffer,
  writeWorkbookDataFile,
} from '../../src/workbook/xlsx';

const BOM = '\uFEFF';

const sample: WorkbookData = {
  sheets: [
    {
      name: 'Offences',
      rows: [
        [`${BOM}Offence Ref`, 'Age', 'Offence Date', 'Weapon', 'Note'],
        ['OFF-001', 17, new Date(Date.UTC(2023, 0, 15)), true, null],
        ['OFF-002', 12.5, new Date(Date.UTC(2023, 5, 1, 13, 45, 30)), false, '=1+1'],
        [null, null, null, null, null],
        ['OFF-004', -3, new Date(Date.UTC(1999, 11, 31)), false, '@risk +44 -x'],
      ],
    },
    {
      name: 'Schools',
      firstRow: 3,
      rows: [
        ['URN', 'Name', 'Pupils'],
        ['103456', "St Mary's & St John's", 1200],
      ],
    },
    { name: 'Empty', rows: [] },
  ],
};

describe('writeWorkbookData then readWorkbook', () => {
  test('numbers, text, dates, booleans and blanks come back as written, sheet order kept', async () => {
    const data = await readWorkbookBuffer(await writeWorkbookDataBuffer(sample));
    expect(data.sheets.map((sheet) => sheet.name)).toEqual(['Offences', 'Schools', 'Empty']);
    expect(data.sheets[0].rows).toEqual(sample.sheets[0].rows);
    expect(data.sheets[0].firstRow).toBe(1);
    expect(data.sheets[2]).toEqual({ name: 'Empty', rows: [], firstRow: 1 });
  });

  test('a byte-order mark in a header is kept as given', async () => {
    const data = await readWorkbookBuffer(await writeWorkbookDataBuffer(sample));
    const header = data.sheets[0].rows[0][0] as string;
    expect(header.charCodeAt(0)).toBe(0xfeff);
    expect(header).toBe('\uFEFFOffence Ref');
  });

  test('a used range starting at row 3 reads with firstRow 3', async () => {
    const data = await readWorkbookBuffer(await writeWorkbookDataBuffer(sample));
    expect(data.sheets[1]).toEqual({ name: 'Schools', firstRow: 3, rows: sample.sheets[1].rows });
  });

  test('dates carry a date number format and the header row is bold', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writeWorkbookDataBuffer(sample)) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.getWorksheet('Offences')!;
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('C3').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).not.toBe(true);
    // '=1+1' was written as text, not as a formula.
    expect(sheet.getCell('E3').value).toBe('=1+1');
    expect(sheet.getCell('E3').formula).toBeUndefined();
  });

  test('files round-trip through disk and reading leaves the file byte-for-byte unchanged', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'read-workbook-'));
    const file = path.join(directory, 'input.xlsx');
    await writeWorkbookDataFile(sample, file);
    const before = createHash('sha256')
      .update(await fs.readFile(file))
      .digest('hex');
    const modifiedBefore = (await fs.stat(file)).mtimeMs;
    const data = await readWorkbookFile(file);
    expect(data.sheets[1].rows[1]).toEqual(['103456', "St Mary's & St John's", 1200]);
    expect(
      createHash('sha256')
        .update(await fs.readFile(file))
        .digest('hex'),
    ).toBe(before);
    expect((await fs.stat(file)).mtimeMs).toBe(modifiedBefore);
    await fs.rm(directory, { recursive: true, force: true });
  });
});

describe('readWorkbookBuffer on cells exceljs writes directly', () => {
  let data: WorkbookData;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Mixed');
    // Used range B2:E5: nothing in row 1 or column A.
    sheet.getCell('B2').value = { richText: [{ text: 'Park ' }, { font: { bold: true }, text: 'Hall' }] };
    sheet.getCell('C2').value = { text: 'GIAS', hyperlink: 'https://get-information-schools.service.gov.uk' };
    sheet.getCell('D2').value = { formula: '6*7', result: 42 };
    sheet.getCell('E2').value = { error: '#N/A' };
    sheet.getCell('B3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    sheet.getCell('C3').value = 'merged';
    sheet.mergeCells('C3:D4');
    sheet.getCell('E5').value = 0;
    sheet.getCell('E4').value = { formula: '2-2', result: 0 };
    const second = workbook.addWorksheet('Second');
    second.getCell('A1').value = 'x';
    const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    data = await readWorkbookBuffer(buffer);
  });

  test('rich text and hyperlinks read as plain text, formulas as their cached result, errors as their text', () => {
    expect(data.sheets[0].rows[0]).toEqual(['Park Hall', 'GIAS', 42, '#N/A']);
    expect(data.sheets[0].rows[1][0]).toBe('#DIV/0!');
  });

  test('a formula whose cached result is 0 reads as 0, not as a blank', () => {
    // E4 holds =2-2 with its cached result 0 (row 3 of the range, column 4).
    expect(data.sheets[0].rows[2][3]).toBe(0);
  });

  test('a merge keeps its value in the top-left cell only', () => {
    // C3:D4 merged: C3 (row 2 of the range, column 2) has the value; D3, C4, D4 are blank.
    expect(data.sheets[0].rows[1]).toEqual(['#DIV/0!', 'merged', null, null]);
    expect(data.sheets[0].rows[2]).toEqual([null, null, null, 0]);
  });

  test('the used range starts at the first row and column holding a value', () => {
    expect(data.sheets[0].firstRow).toBe(2);
    expect(data.sheets[0].rows).toHaveLength(4); // rows 2..5
    expect(data.sheets[0].rows[3]).toEqual([null, null, null, 0]); // a zero is a value
    expect(data.sheets.map((sheet) => sheet.name)).toEqual(['Mixed', 'Second']);
  });
});

describe('plainCellValue', () => {
  test.each([
    [null, null],
    [undefined, null],
    ['text', 'text'],
    [3.5, 3.5],
    [false, false],
    [{ richText: [{ text: 'a' }, { text: 'b' }] }, 'ab'],
    [{ text: { richText: [{ text: 'lin' }, { text: 'k' }] }, hyperlink: 'https://x' }, 'link'],
    [{ sharedFormula: 'A1', result: 'shared' }, 'shared'],
    [{ formula: 'NOW()' }, null],
    [{ error: '#REF!' }, '#REF!'],
  ])('%p reads as %p', (value, expected) => {
    expect(plainCellValue(value)).toEqual(expected);
  });
});

/**
 * Memory of the streaming .xlsx reader against the previous exceljs reader, on a generated
 * 200,000-row offences sheet: each reads the same file in a child process of its own, and the
 * child's peak resident memory (maxRSS) above a child that only loaded the modules and the file is
 * compared. Timing belongs to `npm run bench`, not here.
 *
 * The children run the compiled command line (dist/, built by `npm install` through `prepare`);
 * the test is skipped with a message when it is absent.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { strToU8, zipSync } from 'fflate';

const ROWS = 200_000;
const READER_MODULE = path.resolve(__dirname, '../../dist/src/workbook/xlsx/readWorkbook.js');
const built = fs.existsSync(READER_MODULE);
const describeIfBuilt = built ? describe : describe.skip;
if (!built) console.warn(`Skipping the reader memory test: ${READER_MODULE} is not built (npm run build:cli).`);

const HEADERS = [
  'Crime Number',
  'Offence Type',
  'Committed Date',
  'Age at Offence',
  'Offender ID',
  'Easting',
  'Northing',
  'Ward Code',
  'Outcome',
  'Reported Date',
  'Location Type',
  'Notes',
];
const TYPES = ['Violence with injury', 'Robbery of personal property', 'Possession of weapons offences', 'Shoplifting'];

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * A minimal .xlsx (ECMA-376 parts written here, not by either reader's library) with one sheet of
 * `rows` offences under a header: text as shared strings, dates as serial numbers, numbers as numbers.
 */
function offencesWorkbook(rows: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const shared = (text: string): number => {
    let at = index.get(text);
    if (at === undefined) {
      at = strings.length;
      strings.push(text);
      index.set(text, at);
    }
    return at;
  };
  const column = (i: number) => String.fromCharCode(65 + i);
  const cell = (row: number, col: number, value: string | number): string =>
    typeof value === 'number'
      ? `<c r="${column(col)}${row}"><v>${value}</v></c>`
      : `<c r="${column(col)}${row}" t="s"><v>${shared(value)}</v></c>`;
  const lines: string[] = [`<row r="1">${HEADERS.map((header, col) => cell(1, col, header)).join('')}</row>`];
  for (let i = 0; i < rows; i++) {
    const row = i + 2;
    const values: (string | number)[] = [
      `24/${String(100000 + i)}`,
      TYPES[i % TYPES.length],
      44927 + (i % 700),
      10 + (i % 8),
      `P${String(i % 50000).padStart(6, '0')}`,
      400000 + (i % 9000),
      280000 + ((i * 7) % 9000),
      `E050${String(10000 + (i % 400))}`,
      i % 3 === 0 ? 'Under investigation' : 'No further action',
      44928 + (i % 700),
      i % 2 === 0 ? 'Street' : 'Shop',
      i % 10 === 0 ? 'seen by officer' : '',
    ];
    lines.push(
      `<row r="${row}">${values.map((value, col) => (value === '' ? '' : cell(row, col, value))).join('')}</row>`,
    );
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${lines.join('')}</sheetData></worksheet>`;
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((text) => `<si><t>${escape(text)}</t></si>`).join('')}</sst>`;
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const officeRels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const packageRels = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRels}"><Relationship Id="rId1" Type="${officeRels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${main}" xmlns:r="${officeRels}"><sheets><sheet name="Offences" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRels}"><Relationship Id="rId1" Type="${officeRels}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${officeRels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
    'xl/sharedStrings.xml': strToU8(sst),
  });
}

interface ChildMeasure {
  readonly maxRssMB: number;
  readonly rows: number;
  readonly cells: number;
}

/** Reads `file` in a fresh Node process with one reader ('none': load the module and the file only). */
function measure(reader: 'readWorkbookBuffer' | 'readWorkbookBufferWithExcelJS' | 'none', file: string): ChildMeasure {
  const script = `
    const fs = require('fs');
    const readers = require(${JSON.stringify(READER_MODULE)});
    const bytes = fs.readFileSync(${JSON.stringify(file)});
    (async () => {
      let rows = 0, cells = 0;
      if (${JSON.stringify(reader)} !== 'none') {
        const workbook = await readers[${JSON.stringify(reader)}](bytes);
        const sheet = workbook.sheets.find((s) => s.name === 'Offences');
        rows = sheet.rows.length;
        for (const row of sheet.rows) for (const value of row) if (value !== null && value !== undefined) cells += 1;
      }
      process.stdout.write(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, rows, cells }));
    })().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
  `;
  return JSON.parse(
    execFileSync(process.execPath, ['--max-old-space-size=4096', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    }),
  ) as ChildMeasure;
}

describeIfBuilt('reading a 200,000-row offences sheet', () => {
  let workdir: string;
  let file: string;
  beforeAll(() => {
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-reader-memory-'));
    file = path.join(workdir, 'offences-200k.xlsx');
    fs.writeFileSync(file, offencesWorkbook(ROWS));
  }, 120_000);
  afterAll(() => fs.rmSync(workdir, { recursive: true, force: true }));

  it("streams it in well under the previous reader's peak memory, reading every cell alike", () => {
    const baseline = measure('none', file);
    const streaming = measure('readWorkbookBuffer', file);
    const previous = measure('readWorkbookBufferWithExcelJS', file);
    // Both read the header and every offence, and the same cells (11 or 12 per row, the notes on one row in ten).
    const expectedCells = HEADERS.length + ROWS * (HEADERS.length - 1) + ROWS / 10;
    expect([streaming.rows, streaming.cells]).toEqual([ROWS + 1, expectedCells]);
    expect([previous.rows, previous.cells]).toEqual([ROWS + 1, expectedCells]);
    const streamingAdded = streaming.maxRssMB - baseline.maxRssMB;
    const previousAdded = previous.maxRssMB - baseline.maxRssMB;
    console.info(
      `Peak resident memory above loading alone: streaming ${streamingAdded.toFixed(0)} MB, exceljs ${previousAdded.toFixed(0)} MB (${(previousAdded / streamingAdded).toFixed(1)}×).`,
    );
    expect(streamingAdded).toBeGreaterThan(0);
    expect(streamingAdded).toBeLessThan(previousAdded / 2);
  }, 180_000);
});

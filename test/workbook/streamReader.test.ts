import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import v8 from 'v8';
import vm from 'vm';
import { readInputs } from '../../src/cli/readInputs';
import { detectSheetRoles } from '../../src/core/schema';
import type { CellValue, SheetData, WorkbookData } from '../../src/core/types';
import { dataRows } from '../../src/core/validate';
import { readWorkbookBuffer, readWorkbookBufferWithExcelJS, readXlsx } from '../../src/workbook/xlsx';
import { isDateFormatCode } from '../../src/workbook/xlsx/dateFormats';
import { WorksheetScanner } from '../../src/workbook/xlsx/scanWorksheetXml';
import { SheetBuilder } from '../../src/workbook/xlsx/sheetBuilder';
import { resolvePartPath } from '../../src/workbook/xlsx/workbookParts';
import { utf8Chunks } from '../../src/workbook/xlsx/zipArchive';
import { buildXlsx, escapeText, sharedStringsXml, stylesXml, worksheet, type PackageSpec } from './xlsxBuilder';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Reads a package with the fast scanner and with saxes alone; both must give the same workbook. */
function readBoth(bytes: Uint8Array): WorkbookData {
  const fast = readXlsx(bytes);
  const saxes = readXlsx(bytes, { xmlReader: 'saxes' });
  expect(fast).toEqual(saxes);
  return fast;
}

const read = (spec: PackageSpec): WorkbookData => readBoth(buildXlsx(spec));

/** A row of cells from [reference, value XML, attributes] triples. */
const cell = (ref: string, inner: string, attributes = ''): string =>
  `<c r="${ref}"${attributes ? ` ${attributes}` : ''}>${inner}</c>`;
const row = (r: number, ...cells: string[]): string => `<row r="${r}">${cells.join('')}</row>`;
const inline = (ref: string, text: string): string => cell(ref, `<is><t>${escapeText(text)}</t></is>`, 't="inlineStr"');
const num = (ref: string, value: number, style?: number): string =>
  cell(ref, `<v>${value}</v>`, style === undefined ? '' : `s="${style}"`);

describe('packages other writers make', () => {
  test('absolute part paths, as openpyxl writes them, and a table part named by an absolute path', async () => {
    const tableRels =
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/table" Target="/xl/tables/table1.xml"/></Relationships>`;
    const table =
      `<?xml version="1.0"?><table xmlns="${MAIN}" id="1" name="Offences" displayName="Offences" ref="A1:B2">` +
      '<autoFilter ref="A1:B2"/><tableColumns count="2"><tableColumn id="1" name="Ref"/><tableColumn id="2" name="Age"/></tableColumns>' +
      '<tableStyleInfo name="TableStyleMedium9" showRowStripes="1"/></table>';
    const spec: PackageSpec = {
      absoluteTargets: true,
      sharedStrings: ['Ref', 'Age', 'OFF-1'],
      sheets: [
        {
          name: 'Offences',
          xml: worksheet(
            row(1, cell('A1', '<v>0</v>', 't="s"'), cell('B1', '<v>1</v>', 't="s"')) +
              row(2, cell('A2', '<v>2</v>', 't="s"'), num('B2', 15)),
            '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>',
          ),
          rels: tableRels,
        },
      ],
      parts: { 'xl/tables/table1.xml': table },
    };
    const bytes = buildXlsx(spec);
    expect(readBoth(bytes).sheets).toEqual([
      {
        name: 'Offences',
        firstRow: 1,
        rows: [
          ['Ref', 'Age'],
          ['OFF-1', 15],
        ],
      },
    ]);
    // The previous reader failed here (the issue's "Cannot read properties of undefined (reading 'name')").
    await expect(readWorkbookBufferWithExcelJS(bytes)).rejects.toThrow();
  });

  test('relative targets with ../ and percent-encoded names resolve to their parts', () => {
    expect(resolvePartPath('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePartPath('xl/worksheets/sheet1.xml', '../tables/table1.xml')).toBe('xl/tables/table1.xml');
    expect(resolvePartPath('xl/workbook.xml', './worksheets/./sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    const data = read({
      sheets: [
        {
          name: 'Spaced',
          xml: row(1, inline('A1', 'x')),
          target: 'worksheets/my%20sheet.xml',
          part: 'xl/worksheets/my sheet.xml',
        },
      ],
    });
    expect(data.sheets[0].rows).toEqual([['x']]);
  });

  test('a sheet named History reads like any other (exceljs refused the name)', async () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'History',
          xml: row(1, inline('A1', 'Changed'), inline('B1', 'By')) + row(2, num('A2', 2023), inline('B2', 'me')),
        },
      ],
    });
    expect(readBoth(bytes).sheets).toEqual([
      {
        name: 'History',
        firstRow: 1,
        rows: [
          ['Changed', 'By'],
          [2023, 'me'],
        ],
      },
    ]);
    await expect(readWorkbookBufferWithExcelJS(bytes)).rejects.toThrow(/History/);
  });

  test('inline strings with no shared strings part: rich text joined, phonetic guides left out, escapes decoded', () => {
    const rich = cell(
      'B1',
      '<is><r><t xml:space="preserve">Park </t></r><r><rPr><b/></rPr><t>Hall</t></r><rPh sb="0" eb="4"><t>パーク</t></rPh></is>',
      't="inlineStr"',
    );
    const data = read({
      sheets: [
        {
          name: 'Schools',
          xml: row(
            1,
            inline('A1', "St Mary's & St John's <RC>"),
            rich,
            inline('C1', 'Line 1_x000D_\nLine 2'),
            cell('D1', '<is><t><![CDATA[a < b]]></t></is>', 't="inlineStr"'),
          ),
        },
      ],
    });
    expect(data.sheets[0].rows).toEqual([["St Mary's & St John's <RC>", 'Park Hall', 'Line 1\r\nLine 2', 'a < b']]);
  });

  test('shared strings: rich text, phonetic guides, entities, character references and escapes', () => {
    const sst = sharedStringsXml([
      '<t>plain</t>',
      '<r><t>Rich </t></r><r><rPr><i/></rPr><t>text</t></r><rPh><t>ignored</t></rPh><phoneticPr fontId="1"/>',
      '<t>&lt;tag&gt; &amp; &quot;quoted&quot; &#8364;&#x20AC;</t>',
      '<t>_x005F_x000D_ stays, _x0009_ is a tab</t>',
      '<t/>',
      '<t>\uFEFFwith a byte-order mark</t>',
    ]);
    const cells = [0, 1, 2, 3, 4, 5].map((i) => cell(`${String.fromCharCode(65 + i)}1`, `<v>${i}</v>`, 't="s"'));
    const data = read({ sharedStrings: sst, sheets: [{ name: 'S', xml: row(1, ...cells) }] });
    expect(data.sheets[0].rows).toEqual([
      ['plain', 'Rich text', '<tag> & "quoted" €€', '_x000D_ stays, \t is a tab', '', '\uFEFFwith a byte-order mark'],
    ]);
  });

  test('every cell type: numbers, booleans, errors, formula results, ISO dates, blanks', () => {
    const data = read({
      sharedStrings: ['text'],
      sheets: [
        {
          name: 'Types',
          xml:
            row(
              1,
              num('A1', 12.5),
              num('B1', -3),
              cell('C1', '<v>1E3</v>'),
              cell('D1', '<v>1</v>', 't="b"'),
              cell('E1', '<v>0</v>', 't="b"'),
              cell('F1', '<v>#N/A</v>', 't="e"'),
            ) +
            row(
              2,
              cell('A2', '<f>A1*2</f><v>25</v>'),
              cell('B2', '<f>"a"&amp;"b"</f><v>ab</v>', 't="str"'),
              cell('C2', '<f>1/0</f><v>#DIV/0!</v>', 't="e"'),
              cell('D2', '<f>2-2</f><v>0</v>'),
              cell('E2', '<f>NOW()</f>'),
              cell('F2', '<f>""</f><v></v>', 't="str"'),
            ) +
            row(
              3,
              cell('A3', '<v>2023-01-15T13:45:30Z</v>', 't="d"'),
              cell('B3', '<v>2023-01-15</v>', 't="d"'),
              cell('C3', '<v>2023-01-15T08:00:00</v>', 't="d"'),
              cell('D3', '<v/>'),
              cell('E3', '', 's="0"'),
              cell('F3', '<v>0</v>', 't="s"'),
            ) +
            row(
              4,
              cell('A4', '<f t="shared" ref="A4:B4" si="0">A1+1</f><v>13.5</v>'),
              cell('B4', '<f t="shared" si="0"/><v>-2</v>'),
              cell('C4', '<v>123456789012345678</v>'),
              cell('D4', '<v>007</v>', 't="str"'),
            ),
        },
      ],
    });
    expect(data.sheets[0].rows).toEqual([
      [12.5, -3, 1000, true, false, '#N/A'],
      [25, 'ab', '#DIV/0!', 0, null, null],
      [
        new Date(Date.UTC(2023, 0, 15, 13, 45, 30)),
        new Date(Date.UTC(2023, 0, 15)),
        new Date(Date.UTC(2023, 0, 15, 8)),
        null,
        null,
        'text',
      ],
      [13.5, -2, 123456789012345678, '007', null, null],
    ]);
  });

  test('date-formatted numbers read as UTC dates: built-in formats 14–22 and 45–47, custom formats with date or time tokens', () => {
    // Style index = position: General, 14 (m/d/yyyy), 22 (m/d/yy h:mm), 45 (mm:ss), 46 ([h]:mm:ss), 47 (mmss.0), 2 (0.00), custom…
    const ids = [0, 14, 22, 45, 46, 47, 2, 164, 165, 166, 167, 168, 169, 170];
    const custom = {
      164: 'dd/mm/yyyy',
      165: '0.00" days"',
      166: '[h]:mm',
      167: '[Red]#,##0;[Blue]-#,##0',
      168: 'yyyy-mm-dd hh:mm:ss',
      169: '\\d\\a\\y 0',
      170: '[$-F800]dddd, mmmm dd, yyyy',
    };
    const serial = 45017.5; // 1 April 2023 12:00
    const cells = ids.map((_, style) => num(`${String.fromCharCode(65 + style)}1`, serial, style));
    const data = read({ styles: stylesXml(ids, custom), sheets: [{ name: 'Dates', xml: row(1, ...cells) }] });
    const date = new Date(Date.UTC(2023, 3, 1, 12));
    expect(data.sheets[0].rows[0]).toEqual([
      serial,
      date,
      date,
      date,
      date,
      date,
      serial,
      date,
      serial,
      date,
      serial,
      date,
      serial,
      date,
    ]);
    expect(isDateFormatCode('General')).toBe(false);
    expect(isDateFormatCode('0.00E+00')).toBe(false);
    expect(isDateFormatCode('h:mm AM/PM')).toBe(true);
  });

  test('the 1904 date system', () => {
    const data = read({
      workbookPr: 'date1904="1"',
      styles: stylesXml([0, 14]),
      sheets: [{ name: 'Mac', xml: row(1, num('A1', 0, 1), num('B1', 43555, 1)) }],
    });
    expect(data.sheets[0].rows[0]).toEqual([new Date(Date.UTC(1904, 0, 1)), new Date(Date.UTC(2023, 3, 1))]);
  });

  test('a merge keeps its value in its top-left cell only, even when the file repeats it in the covered cells', () => {
    const xml = worksheet(
      row(2, inline('B2', 'merged'), inline('C2', 'copy'), inline('D2', 'after')) +
        row(3, inline('B3', 'copy'), inline('C3', 'copy')) +
        row(4, inline('B4', 'only')),
      '<mergeCells count="2"><mergeCell ref="B2:C3"/><mergeCell ref="A4:B4"/></mergeCells>',
    );
    const data = read({ sheets: [{ name: 'Merged', xml }] });
    // A4:B4's top-left A4 is empty, so B4's 'only' is covered and cleared: row 4 is then empty.
    expect(data.sheets[0]).toEqual({ name: 'Merged', firstRow: 2, rows: [['merged', null, 'after']] });
  });

  test('sheets come in tab order whatever their part names; chart sheets are left out', () => {
    const data = read({
      sheets: [
        { name: 'Second part first', xml: row(1, inline('A1', 'a')), target: 'worksheets/sheet2.xml' },
        { name: 'First part second', xml: row(1, inline('A1', 'b')), target: 'worksheets/sheet1.xml' },
      ],
      extraSheets: '<sheet name="Chart" sheetId="9" r:id="rIdChart"/>',
      workbookRelationships: `<Relationship Id="rIdChart" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>`,
      parts: { 'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${MAIN}"/>` },
    });
    expect(data.sheets.map((sheet) => [sheet.name, sheet.rows[0][0]])).toEqual([
      ['Second part first', 'a'],
      ['First part second', 'b'],
    ]);
  });

  test('namespace prefixes, rows and cells without r, comments, processing instructions, a DOCTYPE and stored parts', () => {
    const prefixed =
      `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><!-- a comment --><?pi data?><x:sheetData>` +
      '<x:row><x:c t="inlineStr"><x:is><x:t>first</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row>' +
      '<x:row><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const withDoctype = `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet xmlns="${MAIN}"><sheetData>${row(1, num('A1', 1))}</sheetData></worksheet>`;
    const spaced = worksheet(
      `\n  <row r="1" spans="1:2">\n    <c r="A1"><v>1</v></c>\n    <c r = 'B1' t = "inlineStr" ><is><t>two</t></is></c>\n  </row>\n`,
    );
    for (const stored of [false, true]) {
      const data = read({
        stored,
        sheets: [
          { name: 'Prefixed', xml: prefixed },
          { name: 'Doctype', xml: withDoctype },
          { name: 'Spaced', xml: spaced },
        ],
      });
      expect(data.sheets.map((sheet) => sheet.rows)).toEqual([
        [
          ['first', 2, null, null],
          [null, null, 3, 4],
        ],
        [[1]],
        [[1, 'two']],
      ]);
    }
  });

  test('the worksheet scanner gives the same cells however the text is cut into chunks', () => {
    const xml = worksheet(
      row(1, inline('A1', 'Tom & Jerry'), num('B1', 12345), cell('C1', '<v>1.5</v>'), cell('D1', '<v>0</v>', 't="s"')) +
        '<!-- note --><row r="3"><c r="B3" t="inlineStr"><is><t><![CDATA[x]]>y&#x20AC;</t></is></c><c r="C3" s="1"><v>45017</v></c></row>',
      '<mergeCells><mergeCell ref="E9:F9"/></mergeCells>',
    );
    const context = { sharedStrings: ['shared'], dateStyles: Uint8Array.of(0, 1), date1904: false };
    const readIn = (size: number): SheetData => {
      const builder = new SheetBuilder('S', 'xl/worksheets/sheet1.xml', context);
      const scanner = new WorksheetScanner(builder);
      for (let i = 0; i < xml.length; i += size) scanner.write(xml.slice(i, i + size));
      scanner.end();
      return builder.finish();
    };
    const whole = readIn(xml.length);
    expect(whole.rows).toEqual([
      ['Tom & Jerry', 12345, 1.5, 'shared'],
      [null, null, null, null],
      [null, 'xy€', new Date(Date.UTC(2023, 3, 1)), null],
    ]);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(readIn(size)).toEqual(whole);
  });

  test('UTF-8 text cut anywhere between chunks decodes whole, and only the first chunk may drop a byte-order mark', () => {
    const text = '\uFEFFé€😀 ascii \uFEFF ünïcödé 𝄞 end';
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 4, 5, 7]) {
      let out = '';
      const emit = utf8Chunks((chunk) => (out += chunk));
      for (let i = 0; i < bytes.length; i += size) emit(bytes.subarray(i, i + size), i + size >= bytes.length);
      expect(out).toBe(text.slice(1));
    }
  });
});

describe('rows hold only the cells used', () => {
  test('a used range starting at B2 reads with firstRow 2 and column 0 at B; short rows are padded when that is cheap', () => {
    const data = read({
      sheets: [{ name: 'Offset', xml: row(2, inline('B2', 'a'), inline('D2', 'b')) + row(4, num('C4', 1)) }],
    });
    expect(data.sheets[0]).toEqual({
      name: 'Offset',
      firstRow: 2,
      rows: [
        ['a', null, 'b'],
        [null, null, null],
        [null, 1, null],
      ],
    });
    expect(Object.isFrozen(data.sheets[0].rows[1])).toBe(true);
  });

  test('wide sparse rows are ragged: each ends at its last value, and a lone far cell does not fill the row', () => {
    const data = read({
      sheets: [
        {
          name: 'Wide',
          xml: row(1, inline('A1', 'a'), inline('B1', 'b')) + row(2, inline('A2', 'c')) + row(3, inline('XFD3', 'far')),
        },
      ],
    });
    const rows = data.sheets[0].rows;
    expect(rows[0]).toEqual(['a', 'b']);
    expect(rows[1]).toEqual(['c']);
    expect(rows[2].length).toBe(16384);
    expect(rows[2][16383]).toBe('far');
    expect(rows[2][5] ?? null).toBeNull();
    expect(Object.keys(rows[2])).toEqual(['16383']); // one entry, not 16,384
  });
});

describe('a stray value at XFD1048576 on a notes sheet', () => {
  const gc = (): void => {
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
  };
  const notes =
    row(1, inline('A1', 'Notes'), inline('B1', 'Author')) +
    row(2, inline('A2', 'Extract of 1 April'), inline('B2', 'Analyst')) +
    row(1048576, inline('XFD1048576', 'stray'));
  const headers = [
    'Crime Number',
    'Offender ID',
    'Committed Date',
    'HO Offence Group',
    'Age at Offence',
    'Offence Easting',
    'Offence Northing',
  ];
  const offences =
    row(1, ...headers.map((header, i) => inline(`${String.fromCharCode(65 + i)}1`, header))) +
    row(
      2,
      inline('A2', 'OFF-1'),
      inline('B2', 'P1'),
      inline('C2', '01/04/2023'),
      inline('D2', 'Violence with injury'),
      num('E2', 15),
      num('F2', 431327),
      num('G2', 287049),
    );
  const bytes = buildXlsx({
    sheets: [
      { name: 'Notes', xml: notes },
      { name: 'Offences', xml: offences },
    ],
  });

  test('reading costs almost nothing beyond the one cell', () => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const data = readXlsx(bytes);
    const grown = process.memoryUsage().heapUsed - before;
    gc();
    const retained = process.memoryUsage().heapUsed - before;
    expect(data.sheets[0].rows.length).toBe(1048576);
    expect(grown).toBeLessThan(50 * 1024 * 1024);
    expect(retained).toBeLessThan(5 * 1024 * 1024);
  });

  test('the rows behave as an array of 1,048,576 rows: length, indexes, iteration, slicing, the validators', () => {
    const data = readXlsx(bytes);
    const saxes = readXlsx(bytes, { xmlReader: 'saxes' }).sheets[0].rows;
    expect([saxes.length, saxes[0], saxes[1], saxes[1048575][16383]]).toEqual([
      1048576,
      ['Notes', 'Author'],
      ['Extract of 1 April', 'Analyst'],
      'stray',
    ]);
    const sheet = data.sheets[0];
    const rows = sheet.rows;
    expect(sheet.firstRow).toBe(1);
    expect(Array.isArray(rows)).toBe(true);
    expect(rows.length).toBe(1048576);
    expect(rows[0]).toEqual(['Notes', 'Author']);
    expect(rows[500000]).toEqual([]);
    expect(rows[1048575][16383]).toBe('stray');
    expect(rows[1048576]).toBeUndefined();
    let count = 0;
    let filled = 0;
    for (const cells of rows) {
      count += 1;
      if (cells.length > 0) filled += 1;
    }
    expect([count, filled]).toEqual([1048576, 3]);
    expect(rows.slice(0, 2)).toEqual([
      ['Notes', 'Author'],
      ['Extract of 1 April', 'Analyst'],
    ]);
    expect(rows.slice(-1)[0][16383]).toBe('stray');
    expect(rows.findIndex((cells, index) => index > 1 && cells.length > 0)).toBe(1048575);
    expect(JSON.parse(JSON.stringify(rows.slice(0, 3)))).toEqual([
      ['Notes', 'Author'],
      ['Extract of 1 April', 'Analyst'],
      [],
    ]);
    expect(() => {
      (rows as CellValue[][])[3] = ['x'];
    }).toThrow(TypeError);
    const { rows: used, blankRows } = dataRows(sheet, 1);
    expect(used.map((r) => r.rowNumber)).toEqual([2, 1048576]);
    expect(blankRows).toBe(1048576 - 3);
    expect(detectSheetRoles(data).assignments.offences).toBe('Offences');
  });
});

describe('packages that cannot be read say which part and why', () => {
  const readError = async (bytes: Uint8Array): Promise<string> => {
    try {
      await readWorkbookBuffer(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      return (error as Error).message;
    }
    throw new Error('expected the read to fail');
  };

  test('a malformed worksheet part names the sheet, the part, the line and column', async () => {
    const bytes = buildXlsx({
      sheets: [
        { name: 'Offences', xml: row(1, inline('A1', 'ok')) },
        { name: 'Notes', xml: worksheet('<row r="1"><c r="A1"><v>1</v></row>') },
      ],
    });
    const message = await readError(bytes);
    expect(message).toMatch(
      /^sheet 'Notes': part xl\/worksheets\/sheet2\.xml is not well-formed XML \(line 2, column \d+: /,
    );
    await expect(readWorkbookBufferWithExcelJS(bytes)).rejects.toThrow(); // exceljs: "(setting 'sheetNo')"-style failures
  });

  test('the command line prints the message after "could not be read as an .xlsx workbook"', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'stream-reader-'));
    const input = path.join(directory, 'broken.xlsx');
    await fs.writeFile(
      input,
      buildXlsx({ sheets: [{ name: 'Notes', xml: worksheet('<row r="1"><c r="A1"><v>1</v></c></row') }] }),
    );
    await expect(readInputs({ input, output: path.join(directory, 'out.xlsx') }, () => undefined)).rejects.toThrow(
      /broken\.xlsx could not be read as an \.xlsx workbook \(sheet 'Notes': part xl\/worksheets\/sheet1\.xml is not well-formed XML/,
    );
    await fs.rm(directory, { recursive: true, force: true });
  });

  test.each([
    [
      'a shared string index past the table',
      { sharedStrings: ['a', 'b'], sheets: [{ name: 'S', xml: row(2, cell('B2', '<v>7</v>', 't="s"')) }] },
      /sheet 'S' \(part xl\/worksheets\/sheet1\.xml\): cell B2 refers to shared string 7, but the workbook has only 2/,
    ],
    [
      'a shared string with no shared strings part',
      { sheets: [{ name: 'S', xml: row(1, cell('A1', '<v>0</v>', 't="s"')) }] },
      /cell A1 refers to shared string 0, but the workbook has no shared strings/,
    ],
    [
      'a cell beyond column XFD',
      { sheets: [{ name: 'S', xml: row(1, num('XFE1', 1)) }] },
      /sheet 'S' \(part xl\/worksheets\/sheet1\.xml\): cell reference 'XFE1' is not a worksheet cell/,
    ],
    [
      'a row beyond 1,048,576',
      { sheets: [{ name: 'S', xml: row(1048577, num('A1048577', 1)) }] },
      /row number '1048577' is not a worksheet row/,
    ],
    [
      'an unknown cell type',
      { sheets: [{ name: 'S', xml: row(1, cell('A1', '<v>1</v>', 't="q"')) }] },
      /unknown type t="q"/,
    ],
    [
      'a missing worksheet part',
      { sheets: [{ name: 'Gone', xml: row(1, num('A1', 1)), part: 'xl/worksheets/elsewhere.xml' }] },
      /sheet 'Gone': its worksheet part xl\/worksheets\/sheet1\.xml is missing from the file/,
    ],
  ] as [string, PackageSpec, RegExp][])('%s', async (_case, spec, expected) => {
    expect(await readError(buildXlsx(spec))).toMatch(expected);
  });

  test('a damaged zip, a truncated file and a package with no workbook', async () => {
    const good = buildXlsx({ sheets: [{ name: 'S', xml: row(1, num('A1', 1)) }] });
    expect(await readError(good.subarray(0, good.length - 30))).toMatch(/zip directory .* missing|damaged/);
    const noWorkbook = buildXlsx({ sheets: [{ name: 'S', xml: row(1, num('A1', 1)) }], parts: {} });
    const text = Buffer.from(noWorkbook)
      .toString('latin1')
      .replace(/xl\/workbook\.xml/g, 'xl/workbook.xmX');
    expect(await readError(Buffer.from(text, 'latin1'))).toMatch(/no workbook part/);
    // A worksheet whose deflated bytes are corrupt: flip bytes in the middle of its data.
    const big = buildXlsx({
      sheets: [{ name: 'S', xml: row(1, ...Array.from({ length: 200 }, (_, i) => num(`A${i + 1}`, i * 7919))) }],
    });
    const corrupt = Uint8Array.from(big);
    const at = Buffer.from(corrupt).indexOf('xl/worksheets/sheet1.xml') + 60;
    for (let i = at; i < at + 40; i += 1) corrupt[i] ^= 0x5a;
    expect(await readError(corrupt)).toMatch(/sheet1\.xml/);
  });
});

import fc from 'fast-check';
import { UnsupportedXml } from '../../../src/workbook/xlsx/fastXmlScanner';
import { WorksheetPartScanner } from '../../../src/workbook/xlsx/scanSheetData';
import { WorksheetScanner } from '../../../src/workbook/xlsx/scanWorksheetXml';
import { SheetBuilder, type SheetContext } from '../../../src/workbook/xlsx/sheetBuilder';
import { readXlsx } from '../../../src/workbook/xlsx/streamWorkbook';
import { buildXlsx, stylesXml, worksheet } from '../xlsxBuilder';

/**
 * The scanner for <sheetData> against the general worksheet scanner it stands in for: on the
 * same XML, cut into chunks anywhere, it gives the same sheet, or throws UnsupportedXml (the
 * reader then reads the part with the general scanner) and never a different answer.
 */

const context: SheetContext = {
  sharedStrings: ['zero', 'one', 'Tom & Jerry', ''],
  dateStyles: Uint8Array.of(0, 1),
  date1904: false,
};

type Outcome = { sheet: unknown } | { error: string };

function outcomeOf(read: () => unknown): Outcome {
  try {
    return { sheet: read() };
  } catch (error) {
    return { error: error instanceof UnsupportedXml ? 'unsupported' : (error as Error).message };
  }
}

/** The general scanner over the whole part at once. */
function general(xml: string): Outcome {
  return outcomeOf(() => {
    const builder = new SheetBuilder('Sheet1', 'part', context);
    const scanner = new WorksheetScanner(builder);
    scanner.write(xml);
    scanner.end();
    return builder.finish();
  });
}

/** The sheetData scanner (with the general one around it) over the part in the given chunks. */
function fast(chunks: readonly string[]): Outcome {
  return outcomeOf(() => {
    const builder = new SheetBuilder('Sheet1', 'part', context);
    const scanner = new WorksheetPartScanner(new WorksheetScanner(builder), builder);
    for (const chunk of chunks) scanner.write(chunk);
    scanner.end();
    return builder.finish();
  });
}

/** The part cut at the given offsets. */
function cut(xml: string, offsets: readonly number[]): string[] {
  const at = [...new Set(offsets.map((offset) => offset % (xml.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const offset of at) {
    chunks.push(xml.slice(last, offset));
    last = offset;
  }
  chunks.push(xml.slice(last));
  return chunks;
}

/**
 * Agreement: the same sheet, the same read error, or a fallback (then the general scanner's
 * answer stands). Returns whether the scanner read the part itself.
 */
function expectAgreement(xml: string, offsets: readonly number[]): boolean {
  const expected = general(xml);
  const actual = fast(cut(xml, offsets));
  if ('error' in actual && actual.error === 'unsupported') return false;
  expect(actual).toEqual(expected);
  return true;
}

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '&amp;', '&lt;', '&#x41;', '&#66;', 'é', '\r\n', '"') });
const cellXml = fc.oneof(
  fc
    .record({ r: fc.boolean(), type: fc.constantFrom('', ' t="s"', ' t="n"', ' t="b"', ' t="e"', ' t="str"') })
    .chain(({ r, type }) =>
      fc
        .oneof(
          fc.nat({ max: 4 }).map(String),
          fc.integer({ min: -5, max: 1e9 }).map(String),
          fc.constantFrom('1.5', '1e3', '', ' 7', 'TRUE', '#N/A', '45019', '0000000000000000012'),
        )
        .chain((value) =>
          fc.constantFrom(
            `<c${r ? ' r="B1"' : ''}${type}><v>${value}</v></c>`,
            `<c${type}${r ? ' r="C1"' : ''} s="1"><f>SUM(A1:A2)&amp;""</f><v>${value}</v></c>`,
            `<c${type}><f t="shared" si="0"/><v>${value}</v></c>`,
            `<c${type}/>`,
            `<c${type}><v/></c>`,
            `<c ${type.trim() || 's="0"'} ><v>${value}</v></c>`,
          ),
        ),
    ),
  text.map((t) => `<c t="inlineStr"><is><t>${t}</t></is></c>`),
  text.map((t) => `<c t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`),
  fc.constantFrom(
    '<c t="inlineStr"><is><r><t>rich</t></r></is></c>',
    '<c><!-- a comment --><v>3</v></c>',
    '<c><v><![CDATA[12]]></v></c>',
    '<c t="x"><v>1</v></c>',
    '<c r="1A"><v>1</v></c>',
    '<c r="XFE1"><v>1</v></c>',
    '<c><v>1</v><extLst/></c>',
    '<c t="s"><v>9</v></c>',
    '<c><v>&bogus;</v></c>',
  ),
);
const rowXml = fc
  .record({
    r: fc.oneof(
      fc.constant(''),
      fc.integer({ min: 1, max: 40 }).map((n) => ` r="${n}"`),
      fc.constant(' r="x"'),
    ),
    extra: fc.constantFrom('', ' spans="1:3"', ' x14ac:dyDescent="0.25" ht="15"', " customHeight='1'"),
    cells: fc.array(cellXml, { maxLength: 5 }),
    space: fc.constantFrom('', '\n  '),
  })
  .map(({ r, extra, cells, space }) =>
    cells.length === 0 && r === '' ? `<row${extra}/>` : `<row${r}${extra}>${space}${cells.join(space)}</row>`,
  );

describe('the <sheetData> scanner reads as the general worksheet scanner does', () => {
  test('generated sheets, cut into chunks anywhere', () => {
    let readByScanner = 0;
    fc.assert(
      fc.property(
        fc.array(rowXml, { maxLength: 12 }),
        fc.constantFrom('', '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, after, offsets) => {
          if (expectAgreement(worksheet(rows.join(''), after), offsets)) readByScanner += 1;
        },
      ),
      { numRuns: 400 },
    );
    // The comparison is not vacuous: most generated sheets are read by the scanner, not the fallback.
    expect(readByScanner).toBeGreaterThan(100);
  });

  test('the usual layout is read by the scanner itself, in chunks of any size', () => {
    const rows = [
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" s="1"><v>45019</v></c></row>',
      '<row r="3"><c r="A3"><v>17</v></c><c r="C3" t="inlineStr"><is><t xml:space="preserve"> x &amp; y </t></is></c></row>',
      '<row r="4"><c r="B4" t="str"><f>A3&amp;"!"</f><v>17!</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#DIV/0!</v></c></row>',
      '<row r="5"><c r="A5"><v>1.25</v></c><c r="B5"/><c r="C5"><v>123456789012345678</v></c></row>',
    ];
    const xml = worksheet(rows.join('\n'), '<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells>');
    const expected = general(xml);
    expect('sheet' in expected).toBe(true);
    for (const size of [1, 2, 3, 7, 64, xml.length]) {
      const chunks: string[] = [];
      for (let at = 0; at < xml.length; at += size) chunks.push(xml.slice(at, at + size));
      expect(fast(chunks)).toEqual(expected);
    }
  });

  test.each([
    ['a comment before <sheetData>', '<!-- <sheetData> --><sheetData><row><c><v>1</v></c></row></sheetData>'],
    ['an empty <sheetData/>', '<sheetData/>'],
    ['a prefixed <x:sheetData>', '<x:sheetData xmlns:x="urn:x"><x:row><x:c><x:v>1</x:v></x:c></x:row></x:sheetData>'],
  ])('%s: read as the general scanner reads it', (_what, inside) => {
    const xml = `<?xml version="1.0"?><worksheet xmlns="urn:main">${inside}</worksheet>`;
    expect(fast([xml])).toEqual(general(xml));
  });

  test.each([
    ['a truncated part', worksheet('<row r="1"><c><v>1</v></c></row>').slice(0, -30)],
    ['<sheetData> never closed', '<worksheet><sheetData><row r="1"><c><v>1</v></c></row>'],
    ['a row left open', '<worksheet><sheetData><row r="1"><c><v>1</v></c></sheetData></worksheet>'],
  ])('%s: not read by the scanner', (_what, xml) => {
    expect(fast([xml])).toEqual({ error: 'unsupported' });
  });

  test('a bad cell reference is the read error the general scanner gives', () => {
    const xml = worksheet('<row r="1"><c r="XFE1"><v>1</v></c></row>');
    const expected = general(xml);
    expect(expected).toEqual({ error: expect.stringContaining("cell reference 'XFE1'") });
    expect(fast([xml])).toEqual(expected);
  });
});

describe('readXlsx with the <sheetData> scanner', () => {
  test('a package reads the same as with the general scanner and with saxes', () => {
    const sheet = worksheet(
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>45019.5</v></c><c r="C2" t="inlineStr"><is><t>é&#x2019;</t></is></c></row>' +
        '<row><c t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r></is></c><c><v>7</v></c></row>',
    );
    const bytes = buildXlsx({
      sheets: [{ name: 'Data', xml: sheet }],
      sharedStrings: ['first'],
      styles: stylesXml([0, 14]),
    });
    const fastRead = readXlsx(bytes);
    expect(fastRead).toEqual(readXlsx(bytes, { xmlReader: 'tokenizer' }));
    expect(fastRead).toEqual(readXlsx(bytes, { xmlReader: 'saxes' }));
    expect(fastRead.sheets[0].rows).toEqual([
      ['first', new Date(Date.UTC(2023, 3, 3, 12)), 'é’'],
      ['rich text', 7, null],
    ]);
  });
});

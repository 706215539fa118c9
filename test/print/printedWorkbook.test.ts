import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { asArray, openPackage, parseXml, partText, sheetParts } from '../workbook/xlsxPackage';
import { commandPath, generatedReport, TYPICAL_OFFENCE_ROWS } from './typicalWorkbook';

/**
 * The workbook as a recipient prints it (issue 13): a typical extract of about 10,000 offence rows
 * converted to PDF by LibreOffice, headless, must come to at most 40 pages. The layout checks read
 * the written package with an XML parser and work the paper out from the ECMA-376 column-width
 * rule, independently of the report's own layout code. The pages are saved as PNGs under
 * out/print/ for people to look at (when poppler's pdftoppm is installed).
 */
const run = promisify(execFile);
const soffice = commandPath('soffice');
const pdftoppm = commandPath('pdftoppm');
const describeIfSoffice = soffice ? describe : describe.skip;
if (!soffice) {
  console.warn(
    'Skipping the 40-page print check: `soffice` is not installed (apt-get install -y --no-install-recommends libreoffice-calc-nogui).',
  );
}

const PAGE_LIMIT = 40;
const PAGES_DIRECTORY = path.resolve(__dirname, '..', '..', 'out', 'print');

/** ECMA-376 Part 1, 18.3.1.13: a column's width in pixels, Calibri 11's digit 7 px wide. */
const columnPixels = (width: number) => Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);

/** A4 inside the sheet's own margins, in pixels at 96 dpi. */
function printablePixels(sheet: any): number {
  const portrait = (sheet.worksheet.pageSetup?.['@_orientation'] ?? 'portrait') === 'portrait';
  const margins = sheet.worksheet.pageMargins;
  const paperInches = portrait ? 210 / 25.4 : 297 / 25.4;
  return (paperInches - Number(margins['@_left']) - Number(margins['@_right'])) * 96;
}

/** Column (1-based) -> width, from the sheet's <cols>, hidden columns 0. */
function columnWidths(sheet: any): Map<number, number> {
  const widths = new Map<number, number>();
  for (const col of asArray<any>(sheet.worksheet.cols?.col)) {
    for (let index = Number(col['@_min']); index <= Number(col['@_max']); index++)
      widths.set(index, col['@_hidden'] === '1' ? 0 : Number(col['@_width']));
  }
  return widths;
}

const letterIndex = (letters: string) => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/** Lines a bold header takes, counting every character as wide as a digit (7 px): the worst case. */
function worstCaseLines(header: string, pixels: number): number {
  const capacity = Math.floor((pixels - 5) / 7);
  let lines = 1;
  let used = 0;
  for (const word of header.split(' ')) {
    if (used === 0) used = word.length;
    else if (used + 1 + word.length <= capacity) used += 1 + word.length;
    else {
      lines++;
      used = word.length;
    }
  }
  return lines;
}

describeIfSoffice('the printed workbook for a typical extract', () => {
  let directory: string;
  let pdf: Buffer;
  let xlsx: Buffer;

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'printed-workbook-'));
    xlsx = (await generatedReport()).buffer;
    const input = path.join(directory, 'typical.xlsx');
    await fs.writeFile(input, xlsx);
    await run(
      soffice as string,
      [
        `-env:UserInstallation=file://${path.join(directory, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        directory,
        input,
      ],
      { timeout: 120_000 },
    );
    pdf = await fs.readFile(path.join(directory, 'typical.pdf'));
    await fs.mkdir(PAGES_DIRECTORY, { recursive: true });
    await fs.writeFile(path.join(PAGES_DIRECTORY, 'typical.pdf'), pdf);
    if (pdftoppm) {
      for (const old of (await fs.readdir(PAGES_DIRECTORY)).filter((name) => name.endsWith('.png')))
        await fs.rm(path.join(PAGES_DIRECTORY, old));
      await run(
        pdftoppm,
        ['-r', '60', '-png', path.join(directory, 'typical.pdf'), path.join(PAGES_DIRECTORY, 'page')],
        { timeout: 60_000 },
      );
    } else {
      console.warn('Page images not saved: `pdftoppm` is not installed (apt-get install -y poppler-utils).');
    }
  }, 180_000);

  afterAll(async () => {
    if (directory) await fs.rm(directory, { recursive: true, force: true });
  });

  test(`a workbook of ${TYPICAL_OFFENCE_ROWS.toLocaleString('en-GB')} offence rows prints in at most ${PAGE_LIMIT} pages`, () => {
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(7); // one page a sheet at least: the conversion really printed
    expect(pages.length).toBeLessThanOrEqual(PAGE_LIMIT);
  });

  test('every table header wraps, no header word is wider than its column, and the header row is tall enough for its lines', async () => {
    const zip = await openPackage(xlsx);
    let checked = 0;
    for (const [, sheetPath] of await sheetParts(zip)) {
      const sheet = parseXml(await partText(zip, sheetPath));
      const widths = columnWidths(sheet);
      const tableParts = asArray<any>(sheet.worksheet.tableParts?.tablePart);
      if (tableParts.length === 0) continue;
      const slash = sheetPath.lastIndexOf('/');
      const rels = parseXml(
        await partText(zip, `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`),
      );
      for (const part of tableParts) {
        const rel = asArray<any>(rels.Relationships.Relationship).find((r) => r['@_Id'] === part['@_r:id']);
        const table = parseXml(
          await partText(zip, path.posix.normalize(path.posix.join(path.posix.dirname(sheetPath), rel['@_Target']))),
        ).table;
        const [, firstLetters, headerRow] = /^([A-Z]+)(\d+):/.exec(table['@_ref'])!;
        const row = asArray<any>(sheet.worksheet.sheetData.row).find((r) => r['@_r'] === headerRow);
        asArray<any>(table.tableColumns.tableColumn).forEach((column, offset) => {
          const col = letterIndex(firstLetters) + offset;
          const width = widths.get(col) ?? 8.43;
          if (width === 0) return; // grouped and collapsed: not shown, not printed
          const pixels = columnPixels(width);
          const header = String(column['@_name']);
          const longestWord = Math.max(...header.split(' ').map((word) => word.length));
          expect([table['@_name'], header, longestWord * 7 + 5 <= pixels]).toEqual([table['@_name'], header, true]);
          expect([table['@_name'], header, Number(row['@_ht'] ?? 15) >= 15 * worstCaseLines(header, pixels)]).toEqual([
            table['@_name'],
            header,
            true,
          ]);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  test('name columns stay in view: frozen beside the header row and repeated on every printed page', async () => {
    const zip = await openPackage(xlsx);
    const parts = await sheetParts(zip);
    const workbook = parseXml(await partText(zip, 'xl/workbook.xml'));
    const titles = new Map<string, string>();
    for (const name of asArray<any>(workbook.workbook.definedNames?.definedName)) {
      if (name['@_name'] === '_xlnm.Print_Titles')
        titles.set(String(name['#text']).split('!')[0].replace(/'/g, ''), String(name['#text']));
    }
    // Schools: rank to school name (A:E) frozen and repeated; Wards: code and name (A:B).
    for (const [sheetName, frozenColumns, repeated] of [
      ['Schools', 5, '$A:$E'],
      ['Wards', 2, '$A:$B'],
    ] as const) {
      const sheet = parseXml(await partText(zip, parts.get(sheetName)!));
      const pane = sheet.worksheet.sheetViews.sheetView.pane;
      expect([sheetName, pane['@_state'], Number(pane['@_xSplit']), Number(pane['@_ySplit']) > 0]).toEqual([
        sheetName,
        'frozen',
        frozenColumns,
        true,
      ]);
      expect(titles.get(sheetName)).toContain(repeated);
    }
  });

  test('the Summary prints one page wide at 70% or more, and each line fits the printed width or wraps across it', async () => {
    const zip = await openPackage(xlsx);
    const sheet = parseXml(await partText(zip, (await sheetParts(zip)).get('Summary')!));
    const widths = [...columnWidths(sheet).values()];
    const tablePixels = widths.reduce((sum, width) => sum + columnPixels(width), 0);
    expect(printablePixels(sheet) / tablePixels).toBeGreaterThanOrEqual(0.7);
    const lastLetters = String.fromCharCode(64 + widths.length);
    const merges = new Set(asArray<any>(sheet.worksheet.mergeCells?.mergeCell).map((merge) => String(merge['@_ref'])));
    const strings = asArray<any>(parseXml(await partText(zip, 'xl/sharedStrings.xml')).sst.si).map(
      (si) => (typeof si.t === 'object' ? si.t['#text'] : si.t) ?? '',
    );
    for (const row of asArray<any>(sheet.worksheet.sheetData.row)) {
      const first = asArray<any>(row.c).find((cell) => cell['@_r'] === `A${row['@_r']}` && cell['@_t'] === 's');
      if (!first) continue;
      const line = String(strings[Number(first.v)]);
      // About 6 px a character of 11-point Calibri (the 14-point title proportionally more).
      const fits = line.length * 6 * (row['@_r'] === '1' ? 14 / 11 : 1) <= tablePixels;
      expect([line, fits || merges.has(`A${row['@_r']}:${lastLetters}${row['@_r']}`)]).toEqual([line, true]);
    }
  });

  test("the Validation sheet's printed lines stay inside the print area: each fits its width or wraps in a row merged across it", async () => {
    const zip = await openPackage(xlsx);
    const sheet = parseXml(await partText(zip, (await sheetParts(zip)).get('Validation')!));
    const workbook = parseXml(await partText(zip, 'xl/workbook.xml'));
    const area = asArray<any>(workbook.workbook.definedNames.definedName).find(
      (name) => name['@_name'] === '_xlnm.Print_Area' && String(name['#text']).includes('Validation'),
    );
    const [, lastLetters, lastRow] = /:\$([A-Z]+)\$(\d+)$/.exec(String(area['#text']))!;
    const widths = columnWidths(sheet);
    let areaPixels = 0;
    for (let col = 1; col <= letterIndex(lastLetters); col++) areaPixels += columnPixels(widths.get(col) ?? 8.43);
    const merges = new Set(asArray<any>(sheet.worksheet.mergeCells?.mergeCell).map((merge) => String(merge['@_ref'])));
    const strings = asArray<any>(parseXml(await partText(zip, 'xl/sharedStrings.xml')).sst.si).map(
      (si) => (typeof si.t === 'object' ? si.t['#text'] : si.t) ?? '',
    );
    let wrapped = 0;
    for (const row of asArray<any>(sheet.worksheet.sheetData.row).filter((r) => Number(r['@_r']) <= Number(lastRow))) {
      const first = asArray<any>(row.c).find((cell) => cell['@_r'] === `A${row['@_r']}` && cell['@_t'] === 's');
      if (!first) continue;
      const line = String(strings[Number(first.v)]);
      const fits = line.length * 6 * (row['@_r'] === '1' ? 14 / 11 : 1) <= areaPixels;
      const mergedAcross = merges.has(`A${row['@_r']}:${lastLetters}${row['@_r']}`);
      if (mergedAcross) wrapped++;
      expect([line, fits || mergedAcross]).toEqual([line, true]);
    }
    expect(wrapped).toBeGreaterThan(2); // the severity note and the policy notes are long
  });
});

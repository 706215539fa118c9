import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import type { SheetModel } from '../../src/report/sheetModel';
import { readWorkbookBuffer, writeReportBuffer, writeReportFile } from '../../src/workbook/xlsx';
import { LONG_TEXT, reportFixture } from './reportFixture';
import { asArray, openPackage, parseXml, partText, relationshipsOf, sheetCells, sheetParts } from './xlsxPackage';

const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const created = new Date(Date.UTC(2024, 5, 1, 12));

let firstRun: Buffer;
beforeAll(async () => {
  firstRun = (await writeReportBuffer(reportFixture(), { created })).buffer;
});

async function sheetXml(buffer: Uint8Array, sheetName: string): Promise<string> {
  const zip = await openPackage(buffer);
  return partText(zip, (await sheetParts(zip)).get(sheetName)!);
}

async function partsRelatedTo(buffer: Uint8Array, sheetName: string, type: string): Promise<string[]> {
  const zip = await openPackage(buffer);
  const sheetPath = (await sheetParts(zip)).get(sheetName)!;
  return [...(await relationshipsOf(zip, sheetPath)).values()]
    .filter((rel) => rel.type === type)
    .map((rel) => rel.path);
}

async function chartsOfSheet(buffer: Uint8Array, sheetName: string): Promise<any[]> {
  const zip = await openPackage(buffer);
  const charts: any[] = [];
  for (const drawingPath of await partsRelatedTo(buffer, sheetName, DRAWING_REL)) {
    for (const rel of (await relationshipsOf(zip, drawingPath)).values()) {
      if (rel.type === CHART_REL) charts.push(parseXml(await partText(zip, rel.path))['c:chartSpace']);
    }
  }
  return charts;
}

async function sharedStrings(buffer: Uint8Array): Promise<string[]> {
  const zip = await openPackage(buffer);
  const parsed = parseXml(await partText(zip, 'xl/sharedStrings.xml'));
  return asArray(parsed.sst.si).map((item: any) => String(item.t?.['#text'] ?? item.t ?? ''));
}

describe('writeReportBuffer', () => {
  test('a first run names its sheets after their base names, in model order', async () => {
    const result = await writeReportBuffer(reportFixture(), { created });
    expect(result.runNumber).toBe(1);
    expect([...result.sheetNames.entries()]).toEqual([
      ['Summary', 'Summary'],
      ['Schools', 'Schools'],
      ['Wards', 'Wards'],
    ]);
    expect([...(await sheetParts(await openPackage(firstRun))).keys()]).toEqual(['Summary', 'Schools', 'Wards']);
  });

  test('each table is a real Excel table with its name, range, headers, filter buttons and style', async () => {
    const zip = await openPackage(firstRun);
    const [schoolsTablePath] = await partsRelatedTo(firstRun, 'Schools', TABLE_REL);
    const schoolsTable = parseXml(await partText(zip, schoolsTablePath)).table;
    expect(schoolsTable['@_name']).toBe('tblSchools');
    // Header at row index 2 = worksheet row 3, three body rows 4..6, seven columns A..G.
    expect(schoolsTable['@_ref']).toBe('A3:G6');
    expect(asArray(schoolsTable.tableColumns.tableColumn).map((column: any) => column['@_name'])).toEqual([
      'Rank',
      'School',
      'Pupils',
      'Exposure index',
      'Bar start',
      'Bar length',
      'Share of pupils',
    ]);
    expect(schoolsTable.autoFilter['@_ref']).toBe('A3:G6');
    expect(schoolsTable.tableStyleInfo['@_name']).toBe('TableStyleMedium2');

    const [wardsTablePath] = await partsRelatedTo(firstRun, 'Wards', TABLE_REL);
    const wardsTable = parseXml(await partText(zip, wardsTablePath)).table;
    expect(wardsTable['@_name']).toBe('tblWards');
    expect(wardsTable['@_ref']).toBe('A1:F4');
    expect(wardsTable.tableStyleInfo['@_name']).toBe('TableStyleLight9');

    const cells = sheetCells(await sheetXml(firstRun, 'Schools'));
    const strings = await sharedStrings(firstRun);
    expect(strings[Number(cells.get('B3')['v'])]).toBe('School'); // header cell text matches the column name
  });

  test('formula cells carry <f> and their computed result cached in <v>', async () => {
    const schools = sheetCells(await sheetXml(firstRun, 'Schools'));
    expect(schools.get('G4').f).toBe('C4/SUM($C$4:$C$6)');
    expect(Number(schools.get('G4').v)).toBe(0.4); // 1,200 / 3,000
    expect(Number(schools.get('G6').v)).toBe(0.3); // 900 / 3,000

    const summary = sheetCells(await sheetXml(firstRun, 'Summary'));
    expect(summary.get('B2').f).toBe('SUM(Schools!C4:C6)');
    expect(Number(summary.get('B2').v)).toBe(3000);
    expect(summary.get('A6').f).toBe('IF(Wards!F2="Higher","Act","Watch")');
    expect(summary.get('A6')['@_t']).toBe('str');
    expect(summary.get('A6').v).toBe('Act');
  });

  test('text starting with =, +, - or @ is written as a string, never as a formula', async () => {
    const cells = sheetCells(await sheetXml(firstRun, 'Schools'));
    const strings = await sharedStrings(firstRun);
    const expected: Record<string, string> = { A2: '=1+1', B2: '+44', C2: '-x', D2: '@foo' };
    for (const [address, text] of Object.entries(expected)) {
      const cell = cells.get(address);
      expect(cell.f).toBeUndefined();
      expect(['s', 'inlineStr']).toContain(cell['@_t']);
      expect(strings[Number(cell.v)]).toBe(text);
    }
  });

  test("text longer than Excel's 32,767 characters is cut to fit, ending with an ellipsis", async () => {
    const data = await readWorkbookBuffer(firstRun);
    const summary = data.sheets.find((sheet) => sheet.name === 'Summary')!;
    const text = summary.rows[6][0] as string;
    expect(LONG_TEXT.length).toBe(40000);
    expect(text.length).toBe(32767);
    expect(text.endsWith('…')).toBe(true);
  });

  test('the file reopens in exceljs with the values, number formats, styles, widths, panes and tab colour', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(firstRun as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getCell('B2').value).toEqual({ formula: 'SUM(Schools!C4:C6)', result: 3000 });
    expect(summary.getCell('B2').numFmt).toBe('#,##0');
    expect(summary.getCell('B4').value).toEqual(new Date(Date.UTC(2024, 5, 1)));
    expect(summary.getCell('B4').numFmt).toBe('yyyy-mm-dd');
    expect(summary.getCell('B5').value).toBe(true);
    expect(summary.getCell('A1').font?.bold).toBe(true);
    expect(summary.getColumn(1).width).toBe(28);
    expect(summary.properties.tabColor).toEqual({ argb: 'FF1F4E79' });

    const schools = workbook.getWorksheet('Schools')!;
    expect(schools.getCell('G4').numFmt).toBe('0.0%');
    expect(schools.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(schools.getCell('B4').value).toBe('Park Hall Academy');
  });

  test('a conditional fill becomes a cellIs-equal rule on its range', async () => {
    const parsed = parseXml(await sheetXml(firstRun, 'Wards'));
    const formatting = asArray(parsed.worksheet.conditionalFormatting)[0];
    expect(formatting['@_sqref']).toBe('F2:F4');
    const rule = asArray(formatting.cfRule)[0];
    expect(rule['@_type']).toBe('cellIs');
    expect(rule['@_operator']).toBe('equal');
    expect(rule.formula).toBe('"Higher"');
  });

  test('a floating-bar chart stacks an invisible series under a solid, outlined one, reading and caching its sheet ranges', async () => {
    const [chart] = await chartsOfSheet(firstRun, 'Schools');
    const barChart = chart['c:chart']['c:plotArea']['c:barChart'];
    expect([barChart['c:barDir']['@_val'], barChart['c:grouping']['@_val'], barChart['c:overlap']['@_val']]).toEqual([
      'bar',
      'stacked',
      '100',
    ]);
    const [start, length] = asArray(barChart['c:ser']);
    expect([start['c:tx']['c:v'], length['c:tx']['c:v']]).toEqual(['Bar start', 'Exposure index interval']);
    expect(start['c:cat']['c:strRef']['c:f']).toBe('Schools!$B$4:$B$6');
    expect(asArray(start['c:cat']['c:strRef']['c:strCache']['c:pt']).map((point: any) => point['c:v'])).toEqual([
      'Park Hall Academy',
      'Hill Top School',
      "St Mary's",
    ]);
    expect([start['c:val']['c:numRef']['c:f'], length['c:val']['c:numRef']['c:f']]).toEqual([
      'Schools!$E$4:$E$6',
      'Schools!$F$4:$F$6',
    ]);
    const cached = (series: any) =>
      asArray(series['c:val']['c:numRef']['c:numCache']['c:pt']).map((point: any) => Number(point['c:v']));
    expect([cached(start), cached(length)]).toEqual([
      [10.5, 8, 7.5],
      [12.25, 9, 6],
    ]);
    // The start draws nothing; the length is solid with a 0.75 pt (9,525 EMU) outline.
    expect(start['c:spPr']).toEqual({ 'a:noFill': '', 'a:ln': { 'a:noFill': '' } });
    expect(length['c:spPr']['a:solidFill']['a:srgbClr']['@_val']).toBe('2F5597');
    expect([length['c:spPr']['a:ln']['@_w'], length['c:spPr']['a:ln']['a:solidFill']['a:srgbClr']['@_val']]).toEqual([
      '9525',
      '1F3864',
    ]);
    expect(chart['c:chart']['c:legend']).toBeUndefined();
    const categoryAxis = chart['c:chart']['c:plotArea']['c:catAx'];
    expect(categoryAxis['c:scaling']['c:orientation']['@_val']).toBe('maxMin');
    const valueAxis = chart['c:chart']['c:plotArea']['c:valAx'];
    expect(valueAxis['c:title']['c:tx']['c:rich']['a:p']['a:r']['a:t']).toBe('Exposure index (area = 100)');
  });

  test('a chart on a sheet with a picture joins the picture in one drawing, and a suppressed value is a gap', async () => {
    const zip = await openPackage(firstRun);
    const drawings = await partsRelatedTo(firstRun, 'Wards', DRAWING_REL);
    expect(drawings).toHaveLength(1);
    expect((await sheetXml(firstRun, 'Wards')).match(/<drawing\b/g)).toHaveLength(1);
    const drawing = parseXml(await partText(zip, drawings[0]))['xdr:wsDr'];
    const anchors = [...asArray(drawing['xdr:oneCellAnchor']), ...asArray(drawing['xdr:twoCellAnchor'])];
    const pictures = anchors.filter((anchor: any) => anchor['xdr:pic']);
    const frames = anchors.filter((anchor: any) => anchor['xdr:graphicFrame']);
    expect(pictures).toHaveLength(1);
    expect(frames).toHaveLength(1);
    expect(pictures[0]['xdr:pic']['xdr:nvPicPr']['xdr:cNvPr']['@_descr']).toBe('Map of wards');
    // The frame spans 8 columns and 15 rows from H7 (row 6, column 7).
    expect(frames[0]['xdr:from']['xdr:col']).toBe('7');
    expect(frames[0]['xdr:from']['xdr:row']).toBe('6');
    expect(frames[0]['xdr:to']['xdr:col']).toBe('15');
    expect(frames[0]['xdr:to']['xdr:row']).toBe('21');
    const ids = [
      pictures[0]['xdr:pic']['xdr:nvPicPr']['xdr:cNvPr']['@_id'],
      frames[0]['xdr:graphicFrame']['xdr:nvGraphicFramePr']['xdr:cNvPr']['@_id'],
    ];
    expect(new Set(ids).size).toBe(2);

    const [chart] = await chartsOfSheet(firstRun, 'Wards');
    const barChart = chart['c:chart']['c:plotArea']['c:barChart'];
    expect(barChart['c:barDir']['@_val']).toBe('col');
    const cache = barChart['c:ser']['c:val']['c:numRef']['c:numCache'];
    expect(cache['c:ptCount']['@_val']).toBe('3');
    // Aston 15 at index 0, Bordesley '[c]' left out, Erdington 4 at index 2.
    expect(asArray(cache['c:pt']).map((point: any) => [point['@_idx'], Number(point['c:v'])])).toEqual([
      ['0', 15],
      ['2', 4],
    ]);
  });

  test('the package is consistent: every relationship resolves to a part, every r:id to a relationship, every part has a content type', async () => {
    const zip = await openPackage(firstRun);
    const contentTypes = parseXml(await partText(zip, '[Content_Types].xml')).Types;
    const defaults = new Map(
      asArray(contentTypes.Default).map((item: any) => [item['@_Extension'], item['@_ContentType']]),
    );
    const overrides = new Map(
      asArray(contentTypes.Override).map((item: any) => [item['@_PartName'].slice(1), item['@_ContentType']]),
    );
    const parts = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    for (const overridden of overrides.keys()) expect(parts).toContain(overridden);
    for (const part of parts) {
      if (part === '[Content_Types].xml') continue;
      const extension = part.slice(part.lastIndexOf('.') + 1);
      expect([part, overrides.get(part) ?? defaults.get(extension)]).toEqual([part, expect.any(String)]);
    }
    expect([...overrides.entries()].filter(([, type]) => type.includes('drawingml.chart'))).toHaveLength(2);

    for (const part of parts.filter((name) => name.endsWith('.xml'))) {
      const xml = await partText(zip, part);
      parseXml(xml); // well-formed
      const relationships = await relationshipsOf(zip, part);
      for (const rel of relationships.values()) expect([part, parts.includes(rel.path)]).toEqual([part, true]);
      for (const match of xml.matchAll(/\br:(?:id|embed)="([^"]+)"/g)) {
        expect([part, match[1], relationships.has(match[1])]).toEqual([part, match[1], true]);
      }
    }
  });

  test('a sheet printed landscape one page wide gets fitToPage, fitToWidth 1, fitToHeight 0 and its header row as print titles', async () => {
    const schools = parseXml(await sheetXml(firstRun, 'Schools')).worksheet;
    expect(schools.sheetPr.pageSetUpPr['@_fitToPage']).toBe('1');
    expect(schools.pageSetup).toMatchObject({
      '@_orientation': 'landscape',
      '@_fitToWidth': '1',
      '@_fitToHeight': '0',
    });
    const summary = parseXml(await sheetXml(firstRun, 'Summary')).worksheet;
    expect(summary.sheetPr.pageSetUpPr['@_fitToPage']).toBe('1');
    expect(summary.pageSetup).toMatchObject({ '@_orientation': 'portrait', '@_fitToWidth': '1', '@_fitToHeight': '0' });
    // A sheet with no print model keeps Excel's defaults: not fit to pages, no titles.
    const wards = parseXml(await sheetXml(firstRun, 'Wards')).worksheet;
    expect(wards.sheetPr?.pageSetUpPr?.['@_fitToPage']).toBeUndefined();

    const workbookXml = parseXml(await partText(await openPackage(firstRun), 'xl/workbook.xml')).workbook;
    const titles = asArray(workbookXml.definedNames?.definedName).filter(
      (name: any) => name['@_name'] === '_xlnm.Print_Titles',
    );
    expect(titles.map((name: any) => [name['@_localSheetId'], name['#text']])).toEqual([['1', "'Schools'!$3:$3"]]);

    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load(firstRun as unknown as Parameters<typeof reopened.xlsx.load>[0]);
    expect(reopened.getWorksheet('Schools')!.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
  });

  test('a second run is numbered, and formulas, chart ranges and table names follow the new names', async () => {
    const result = await writeReportBuffer(reportFixture(), { created, existingSheetNames: ['Offences', 'summary'] });
    expect(result.runNumber).toBe(2);
    expect(result.sheetNames.get('Schools')).toBe('Schools (2)');
    const summary = sheetCells(await sheetXml(result.buffer, 'Summary (2)'));
    expect(summary.get('B2').f).toBe("SUM('Schools (2)'!C4:C6)");
    const [chart] = await chartsOfSheet(result.buffer, 'Schools (2)');
    expect(
      asArray(chart['c:chart']['c:plotArea']['c:barChart']['c:ser']).map(
        (series: any) => series['c:val']['c:numRef']['c:f'],
      ),
    ).toEqual(["'Schools (2)'!$E$4:$E$6", "'Schools (2)'!$F$4:$F$6"]);
    const zip = await openPackage(result.buffer);
    const [tablePath] = await partsRelatedTo(result.buffer, 'Schools (2)', TABLE_REL);
    expect(parseXml(await partText(zip, tablePath)).table['@_name']).toBe('tblSchools_2');
    const definedNames = asArray(parseXml(await partText(zip, 'xl/workbook.xml')).workbook.definedNames?.definedName);
    expect(
      definedNames.filter((name: any) => name['@_name'] === '_xlnm.Print_Titles').map((name: any) => name['#text']),
    ).toEqual(["'Schools (2)'!$3:$3"]);
  });

  test('a formula naming a sheet the run does not write is refused', async () => {
    const model: SheetModel = {
      name: 'Summary',
      cells: [{ row: 0, col: 0, cell: { kind: 'formula', formula: 'SUM({{Nowhere}}!A1:A3)', result: 0 } }],
      tables: [],
      charts: [],
      images: [],
    };
    await expect(writeReportBuffer([model])).rejects.toThrow(/Nowhere/);
  });

  test('two tables with the same name are refused, as Excel table names are workbook-wide', async () => {
    const sheet = (name: string): SheetModel => ({
      name,
      cells: [],
      tables: [{ name: 'tblData', row: 0, col: 0, headers: ['A'], rows: [[{ kind: 'number', value: 1 }]] }],
      charts: [],
      images: [],
    });
    await expect(
      writeReportBuffer([sheet('One'), { ...sheet('Two'), tables: [{ ...sheet('Two').tables[0], name: 'TBLDATA' }] }]),
    ).rejects.toThrow(/tblData|TBLDATA/);
  });

  test('a table with no rows still gets one (blank) body row, as Excel requires', async () => {
    const model: SheetModel = {
      name: 'Validation',
      cells: [],
      tables: [{ name: 'tblIssues', row: 0, col: 0, headers: ['Sheet', 'Row', 'Sheet'], rows: [] }],
      charts: [],
      images: [],
    };
    const { buffer } = await writeReportBuffer([model]);
    const zip = await openPackage(buffer);
    const [tablePath] = await partsRelatedTo(buffer, 'Validation', TABLE_REL);
    const table = parseXml(await partText(zip, tablePath)).table;
    expect(table['@_ref']).toBe('A1:C2');
    // Duplicate headers are made unique, as Excel requires.
    expect(asArray(table.tableColumns.tableColumn).map((column: any) => column['@_name'])).toEqual([
      'Sheet',
      'Row',
      'Sheet 2',
    ]);
  });

  test('writeReportFile writes the same workbook to disk', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'write-report-'));
    const file = path.join(directory, 'report.xlsx');
    const result = await writeReportFile(reportFixture(), file, { created });
    expect(result.sheetNames.get('Wards')).toBe('Wards');
    const data = await readWorkbookBuffer(await fs.readFile(file));
    expect(data.sheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Schools', 'Wards']);
    expect(data.sheets[0].rows[1]).toEqual(['Pupils in ranked schools', 3000]);
    await fs.rm(directory, { recursive: true, force: true });
  });
});

describe('column widths', () => {
  it("writes a width of 9, exceljs's own default, instead of leaving the column at Excel's 8.43", async () => {
    const model: SheetModel = {
      name: 'Widths',
      cells: [],
      tables: [],
      charts: [],
      images: [],
      columnWidths: [12, 9, 9],
    };
    const { buffer } = await writeReportBuffer([model], { created: new Date(Date.UTC(2024, 0, 1)) });
    const cols = [
      ...(await sheetXml(buffer, 'Widths')).matchAll(/<col [^>]*min="(\d+)"[^>]*max="(\d+)"[^>]*width="([\d.]+)"/g),
    ].map(([, min, max, width]) => ({ min: Number(min), max: Number(max), width: Number(width) }));
    // Columns B and C (2–3) are written, at 9 to within Excel's whole-pixel rounding.
    const covered = (col: number) => cols.find((c) => c.min <= col && col <= c.max);
    expect(covered(1)!.width).toBeCloseTo(12, 5);
    expect(covered(2)!.width).toBeCloseTo(9, 5);
    expect(covered(3)!.width).toBeCloseTo(9, 5);
  });
});

describe('print area', () => {
  it("is written in Excel's absolute form, $A$1:$E$26, which LibreOffice and Excel both honour", async () => {
    const model: SheetModel = {
      name: 'Validation',
      cells: [{ row: 0, col: 0, cell: { kind: 'text', value: 'x' } }],
      tables: [],
      charts: [],
      images: [],
      print: { orientation: 'portrait', fitToWidth: true, area: { lastRow: 25, lastCol: 4 } },
    };
    const { buffer } = await writeReportBuffer([model], { created: new Date(Date.UTC(2024, 0, 1)) });
    const workbookXml = await partText(await openPackage(buffer), 'xl/workbook.xml');
    expect(workbookXml).toMatch(
      /<definedName name="_xlnm\.Print_Area" localSheetId="0">&apos;Validation&apos;!\$A\$1:\$E\$26<\/definedName>/,
    );
  });
});

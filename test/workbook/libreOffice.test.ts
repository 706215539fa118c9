import { execFile, execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import ExcelJS from 'exceljs';
import type { ModelCell, SheetModel } from '../../src/report/sheetModel';
import { plainCellValue, writeReportBuffer } from '../../src/workbook/xlsx';
import { demoReport } from '../office/demoReport';
import { reportFixture } from './reportFixture';

/**
 * Opens our output in a second, independent spreadsheet engine: LibreOffice Calc, headless. Skipped
 * when `soffice` is not installed (apt-get install -y --no-install-recommends libreoffice-calc-nogui).
 */
const run = promisify(execFile);

function findSoffice(): string | undefined {
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const soffice = findSoffice();
const describeIfSoffice = soffice ? describe : describe.skip;
if (!soffice) {
  console.warn(
    'Skipping LibreOffice tests: `soffice` is not installed (apt-get install -y --no-install-recommends libreoffice-calc-nogui).',
  );
}

/** A LibreOffice user profile that recalculates every formula when it loads an .xlsx (OOXMLRecalcMode 0 = always). */
const RECALCULATE_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A sheet whose formula's cached result is deliberately wrong: after recalculation it must read 2, proving LibreOffice recalculated. */
const canary: SheetModel = {
  name: 'Canary',
  cells: [{ row: 0, col: 0, cell: { kind: 'formula', formula: '1+1', result: 3 } }],
  tables: [],
  charts: [],
  images: [],
};

describeIfSoffice('the report in LibreOffice Calc', () => {
  let directory: string;
  let input: string;
  let models: SheetModel[];
  let names: Map<string, string>;

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'report-libreoffice-'));
    await fs.mkdir(path.join(directory, 'profile', 'user'), { recursive: true });
    await fs.writeFile(path.join(directory, 'profile', 'user', 'registrymodifications.xcu'), RECALCULATE_ALWAYS);
    models = [...reportFixture(), canary];
    // A second run, so every formula and chart must quote names like 'Schools (2)'.
    const written = await writeReportBuffer(models, { existingSheetNames: ['Schools'] });
    names = written.sheetNames;
    input = path.join(directory, 'report.xlsx');
    await fs.writeFile(input, written.buffer);
  });

  afterAll(async () => {
    if (directory) await fs.rm(directory, { recursive: true, force: true });
  });

  async function convert(format: string, outputDirectory: string, file = input): Promise<void> {
    await run(
      soffice as string,
      [
        `-env:UserInstallation=file://${path.join(directory, 'profile')}`,
        '--headless',
        '--convert-to',
        format,
        '--outdir',
        outputDirectory,
        file,
      ],
      { timeout: 90_000 },
    );
  }

  test('recalculating every formula gives the results we cached, and the charts survive', async () => {
    const outputDirectory = path.join(directory, 'recalculated');
    await convert('xlsx:Calc MS Excel 2007 XML', outputDirectory);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(path.join(outputDirectory, 'report.xlsx'));

    const valueAt = (base: string, row: number, col: number) =>
      plainCellValue(recalculated.getWorksheet(names.get(base))!.getCell(row + 1, col + 1).value);
    expect(valueAt('Canary', 0, 0)).toBe(2); // recalculation really happened

    let checked = 0;
    for (const model of models.filter((one) => one !== canary)) {
      for (const { row, col, cell } of formulaCells(model)) {
        const actual = valueAt(model.name, row, col);
        if (typeof cell.result === 'number')
          expect([model.name, row, col, actual]).toEqual([model.name, row, col, expect.closeTo(cell.result, 9)]);
        else expect([model.name, row, col, actual]).toEqual([model.name, row, col, cell.result]);
        checked++;
      }
    }
    // Summary 3 + Schools 3 + Wards 2 formula cells.
    expect(checked).toBe(8);

    // LibreOffice re-writes the charts it understood: both, with their series ranges.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(outputDirectory, 'report.xlsx')));
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(2);
    const chartXml = (await Promise.all(charts.map((name) => zip.file(name)!.async('string'))))
      .join('\n')
      .replace(/&apos;/g, "'");
    expect(chartXml).toContain("'Schools (2)'!$E$4:$E$6");
    expect(chartXml).toContain("'Schools (2)'!$F$4:$F$6");
    expect(chartXml).toContain("'Wards (2)'!$E$2:$E$4");
  });

  test("the demo report's Charts and Wards sheets recalculate to the results we cached: ranks, intervals, bar lengths, labels, funnel limits and flags", async () => {
    const { models: demoModels, result } = await demoReport();
    const written = await writeReportBuffer([...demoModels, canary]);
    const demoInput = path.join(directory, 'demo.xlsx');
    await fs.writeFile(demoInput, written.buffer);
    const outputDirectory = path.join(directory, 'demo-recalculated');
    await convert('xlsx:Calc MS Excel 2007 XML', outputDirectory, demoInput);
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(path.join(outputDirectory, 'demo.xlsx'));
    const valueAt = (base: string, row: number, col: number) =>
      plainCellValue(recalculated.getWorksheet(written.sheetNames.get(base))!.getCell(row + 1, col + 1).value);
    expect(valueAt('Canary', 0, 0)).toBe(2);

    const charts = demoModels.find((model) => model.name === 'Charts')!;
    const cells = formulaCells(charts);
    for (const { row, col, cell } of cells) {
      const actual = valueAt('Charts', row, col);
      // The rates' limits come from CHIINV and NORMSINV on the Wards sheet: LibreOffice's agree with ours to 1e-9.
      if (typeof cell.result === 'number')
        expect([row, col, actual]).toEqual([row, col, expect.closeTo(cell.result, 9)]);
      else expect([row, col, actual]).toEqual([row, col, cell.result]);
    }
    // Per charted school and ward: three references, three bar lengths and a label; then the funnel plot's
    // two references per plotted ward, and six formulas (population, area rate, four limits) at 41 populations.
    const plotted = result.wards.filter((ward) => ward.offences.published.shown && ward.youngPopulation > 0).length;
    const labels = cells.filter(({ cell }) => typeof cell.result === 'string').length;
    // Each charted ward's row also repeats the area average (the ward chart's dashed line), under its own header.
    const areaHeader = charts.cells.find(({ cell }) => cell.kind === 'text' && cell.value === 'Area average')!;
    const areaLine = cells.filter(({ row, col }) => col === areaHeader.col && row > areaHeader.row).length;
    expect(areaLine).toBeGreaterThan(0);
    expect(cells.length).toBe(labels * 7 + areaLine + 2 * plotted + 41 * 6);

    // The Wards sheet: rates, PHE intervals (CHIINV, NORMSINV), funnel limits and flags, each as core computed it.
    const wards = demoModels.find((model) => model.name === 'Wards')!;
    const wardCells = formulaCells(wards);
    for (const { row, col, cell } of wardCells) {
      const actual = valueAt('Wards', row, col);
      if (typeof cell.result === 'number')
        expect([row, col, actual]).toEqual([row, col, expect.closeTo(cell.result, 9)]);
      else expect([row, col, actual]).toEqual([row, col, cell.result]);
    }
    const flags = wardCells.filter(({ cell }) => cell.formula.startsWith('IF(AND('));
    expect(flags.length).toBeGreaterThan(40);

    // LibreOffice understood the funnel plot: it writes it back as a scatter chart on the same ranges.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(outputDirectory, 'demo.xlsx')));
    const chartParts = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    const scatter = chartParts.filter((xml) => xml.includes('<c:scatterChart>'));
    expect(scatter).toHaveLength(1);
    expect((scatter[0].match(/<c:ser>/g) ?? []).length).toBe(6);
  });

  test('it converts the report to PDF', async () => {
    const outputDirectory = path.join(directory, 'pdf');
    await convert('pdf', outputDirectory);
    const pdf = await fs.readFile(path.join(outputDirectory, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});

function formulaCells(
  model: SheetModel,
): { row: number; col: number; cell: Extract<ModelCell, { kind: 'formula' }> }[] {
  const found: { row: number; col: number; cell: Extract<ModelCell, { kind: 'formula' }> }[] = [];
  for (const { row, col, cell } of model.cells) if (cell.kind === 'formula') found.push({ row, col, cell });
  for (const table of model.tables) {
    table.rows.forEach((cells, rowOffset) =>
      cells.forEach((cell, colOffset) => {
        if (cell.kind === 'formula') found.push({ row: table.row + 1 + rowOffset, col: table.col + colOffset, cell });
      }),
    );
  }
  return found;
}

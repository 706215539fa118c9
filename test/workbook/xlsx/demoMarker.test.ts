import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { generateDemo } from '../../../src/demo';
import { writeDemoFiles } from '../../../src/demo/node';
import { DEMO_MARKER_NAME, readDemoMarker, withDemoMarker } from '../../../src/workbook/xlsx';
import { runCli } from '../../e2e/runCli';

async function plainWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Data').getCell('A1').value = 'x';
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('the demo marker', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'demo-marker-'));
  });
  afterAll(async () => {
    await fs.rm(directory, { recursive: true, force: true });
  });

  test('a marked workbook gives its description back, quotes and ampersands included; an unmarked one, nothing', async () => {
    const description = 'Synthetic demo data (seed 7): "invented" wards & schools.';
    const marked = await withDemoMarker(await plainWorkbook(), description);
    expect(readDemoMarker(marked)).toBe(description);
    expect(readDemoMarker(await plainWorkbook())).toBeUndefined();
    expect(readDemoMarker(Buffer.from('not a zip'))).toBeUndefined();
    // exceljs reads the marked package back.
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(marked as unknown as ArrayBuffer);
    expect(reread.worksheets.map((sheet) => sheet.name)).toEqual(['Data']);
    const workbookXml = (await (await import('jszip')).default.loadAsync(marked))
      .file('xl/workbook.xml')!
      .async('string');
    expect(await workbookXml).toContain(
      `<definedName name="${DEMO_MARKER_NAME}">&quot;Synthetic demo data (seed 7): &quot;&quot;invented&quot;&quot; wards &amp; schools.&quot;</definedName>`,
    );
  });

  test("the real-geography demo writes files of its own beside the synthetic demo's", async () => {
    const demo = generateDemo({ seed: 7, wards: 12, districts: 2, schools: 30, offences: 300 });
    const synthetic = await writeDemoFiles(demo, directory);
    const real = await writeDemoFiles(demo, directory, 'demo-real');
    expect(path.basename(synthetic.workbookPath)).toBe('demo-input.xlsx');
    expect(path.basename(real.workbookPath)).toBe('demo-real-input.xlsx');
    expect(path.basename(real.boundariesPath)).toBe('demo-real-wards.geojson');
  });

  test("`catchment analyse` on the demo generator's workbook keeps the synthetic banner, though nobody said the data were synthetic", async () => {
    const demo = generateDemo({ seed: 7, wards: 40, districts: 3, schools: 60, offences: 1500 });
    const files = await writeDemoFiles(demo, path.join(directory, 'analysed'));
    expect(readDemoMarker(await fs.readFile(files.workbookPath))).toBe(demo.description);
    const output = path.join(directory, 'analysed', 'out.xlsx');
    const run = await runCli([
      'analyse',
      files.workbookPath,
      '--out',
      output,
      '--boundaries',
      files.boundariesPath,
      '--simulations',
      '100',
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const summaryTexts: string[] = [];
    workbook.getWorksheet('Summary')!.eachRow((row) => row.eachCell((cell) => summaryTexts.push(cell.text)));
    expect(summaryTexts.some((value) => value.startsWith('SYNTHETIC DATA'))).toBe(true);
  }, 120_000);
});
